// The status column (完成情况): done, open, or words Duban does not know.

import type { CellValue } from "../workbook";
import { isDateCell } from "../workbook";

export type ParsedStatus =
  | { readonly kind: "empty" }
  | { readonly kind: "done" }
  | { readonly kind: "open" }
  | { readonly kind: "unknown"; readonly text: string };

const DONE_WORDS = [
  "已完成",
  "完成",
  "已办结",
  "办结",
  "√",
  "✓",
  "✔",
  "☑",
  "是",
  "done",
  "completed",
  "complete",
  "yes",
];
const OPEN_WORDS = [
  "进行中",
  "推进中",
  "正在推进",
  "正在进行",
  "办理中",
  "未开始",
  "未完成",
  "未办结",
  "待办",
  "待完成",
  "否",
  "×",
  "✗",
  "☐",
  "inprogress",
  "open",
  "notstarted",
  "pending",
  "todo",
  "no",
];

/** Case, spaces, and a trailing note in brackets or after punctuation are not part of the word. */
function statusKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, "")
    .replace(/\s+/g, "")
    .replace(/[。.!！]+$/, "")
    .replace(/[-_]/g, "");
}

const DONE = new Set(DONE_WORDS.map(statusKey));
const OPEN = new Set(OPEN_WORDS.map(statusKey));
const PERCENT = /^(\d+(?:\.\d+)?)%$/;

const EMPTY_STATUS: ParsedStatus = { kind: "empty" };
const DONE_STATUS: ParsedStatus = { kind: "done" };
const OPEN_STATUS: ParsedStatus = { kind: "open" };

/**
 * @example parseStatus("已完成") // { kind: "done" }
 * @example parseStatus("60%") // { kind: "open" }
 */
export function parseStatus(value: CellValue | undefined): ParsedStatus {
  if (value === null || value === undefined) return EMPTY_STATUS;
  if (typeof value === "boolean") return value ? DONE_STATUS : OPEN_STATUS;
  if (typeof value === "number") return fromPercent(value <= 1 ? value * 100 : value, String(value));
  if (isDateCell(value)) return { kind: "unknown", text: "" };
  const key = statusKey(value);
  if (key === "") return EMPTY_STATUS;
  if (DONE.has(key)) return DONE_STATUS;
  if (OPEN.has(key)) return OPEN_STATUS;
  const percent = PERCENT.exec(key);
  if (percent) return fromPercent(Number(percent[1]), value.trim());
  return { kind: "unknown", text: value.trim() };
}

/** Progress in per cent; a number cell up to 1 is a fraction, because a cell showing 100% holds 1. */
function fromPercent(percent: number, text: string): ParsedStatus {
  if (percent === 100) return DONE_STATUS;
  if (percent >= 0 && percent < 100) return OPEN_STATUS;
  return { kind: "unknown", text };
}
