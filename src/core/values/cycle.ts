// The cycle column (周期/频次): how often a task recurs.

import type { CellValue } from "../workbook";
import { cellText, compactKey } from "./text";

/**
 * once 一次性 · year 年 · half 半年 · quarter 季 · month 月 · halfMonth 半月 (the 1st to the 15th, the 16th to the
 * month's end) · tenDay 旬: ten-day period · week 周 · day 日
 */
export type Cycle = "once" | "year" | "half" | "quarter" | "month" | "halfMonth" | "tenDay" | "week" | "day";

export type ParsedCycle =
  | { readonly kind: "empty" }
  | { readonly kind: "cycle"; readonly cycle: Cycle }
  | { readonly kind: "invalid"; readonly text: string };

const WORDS: Record<Cycle, readonly string[]> = {
  once: ["一次性", "单次", "不定期", "一次", "once", "one-off", "one time"],
  year: ["年", "年度", "每年", "每年度", "年报", "yearly", "annual", "annually", "every year"],
  half: ["半年", "每半年", "半年度", "半年报", "half-yearly", "semiannual", "semi-annual", "half yearly"],
  quarter: ["季", "季度", "每季", "每季度", "季报", "quarterly", "every quarter"],
  month: ["月", "月度", "每月", "月报", "monthly", "every month"],
  halfMonth: [
    "半月",
    "每半月",
    "半月度",
    "半月报",
    "每月两次",
    "每月2次",
    "月两次",
    "月2次",
    "一月两次",
    // Twice a month written as a rate, the one rate of two that is a cycle of its own.
    "2次/月",
    "两次/月",
    "half-monthly",
    "semi-monthly",
    "twice a month",
  ],
  tenDay: ["旬", "每旬", "旬报", "ten-day", "ten day", "every ten days"],
  week: ["周", "每周", "星期", "每星期", "周报", "weekly", "every week"],
  day: ["日", "每日", "每天", "天", "日报", "daily", "every day"],
};

/**
 * The same cycle said at more length: 每月一次 (once a month), 一季度一次, 按季度 (by the quarter). What is
 * left once the 一次 after it, the 按 before it or the 一 of 一月一次 is taken off is looked up again.
 */
function shortened(key: string): string {
  // 每月至少一次: at least once a month is monthly.
  let rest = key.replace(/至少/, "");
  rest = rest.length > 2 ? rest.replace(/(?:一|1)次$/, "") : rest;
  if (rest.length > 1 && rest.startsWith("按")) rest = rest.slice(1);
  if (rest !== key && rest.length > 1 && rest.startsWith("一") && BY_KEY.has(rest.slice(1)))
    rest = rest.slice(1);
  return rest;
}

const BY_KEY = new Map<string, Cycle>();
for (const [cycle, words] of Object.entries(WORDS) as Array<[Cycle, readonly string[]]>) {
  for (const word of words) BY_KEY.set(compactKey(word), cycle);
}

/** @example parseCycle("每季度") // { kind: "cycle", cycle: "quarter" } */
export function parseCycle(value: CellValue | undefined): ParsedCycle {
  if (value === null || value === undefined) return { kind: "empty" };
  const text = cellText(value);
  // 1次/月, 次/月, 月/次: once a month, written as a rate (the slash goes with the punctuation below).
  const rate = /^\s*(?:(?:1|一)?次\s*[/／]\s*(.+?)|(.+?)\s*[/／]\s*(?:1|一)?次)\s*$/u.exec(text);
  const key = compactKey(rate ? (rate[1] ?? rate[2]!) : text);
  if (key === "") return { kind: "empty" };
  const cycle = BY_KEY.get(key) ?? BY_KEY.get(shortened(key));
  return cycle ? { kind: "cycle", cycle } : { kind: "invalid", text: text.trim() };
}
