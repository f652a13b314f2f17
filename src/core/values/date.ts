// Dates as clerks write them in deadline, start and completion columns.

import { dayFromExcelSerial, dayFromYmd, daysInMonth, type Day } from "../day";
import type { CellValue } from "../workbook";
import { isDateCell } from "../workbook";

export type ParsedDate =
  | { readonly kind: "empty" }
  | { readonly kind: "day"; readonly day: Day }
  /** 长期 / 持续推进 / 常态化: an ongoing task has no deadline to miss. */
  | { readonly kind: "ongoing" }
  | { readonly kind: "invalid"; readonly text: string };

const EMPTY: ParsedDate = { kind: "empty" };
const ONGOING: ParsedDate = { kind: "ongoing" };

const ONGOING_WORDS = new Set([
  "长期",
  "长期坚持",
  "长期执行",
  "持续",
  "持续推进",
  "持续开展",
  "常态化",
  "常态",
  "经常性",
  "ongoing",
]);

/** Trailing words that do not change the day: 11月30日前, 2026年底以前, 2026-11-30（含）. */
const TRAILING = /(?:之前|以前|前|止|为止|\(含\)|含)$/u;

const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T?\d{1,2}:\d{2}(?::\d{2})?)?$/;
const CHINESE_FULL = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const CHINESE_MONTH_END = /^(\d{4})年(\d{1,2})月(?:底|末|份)?$/;
const MONTH_DAY = /^(\d{1,2})月(\d{1,2})[日号]$/;
const MONTH_END = /^(\d{1,2})月(?:底|末)$/;
const YEAR_END = /^(\d{4})年(?:底|末)$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Numbers in this range that arrive without a date format are taken as lost-format serials (1954-2119). */
const PLAUSIBLE_SERIAL = { min: 20_000, max: 80_000 };

/**
 * Reads a date cell. `asOfYear` supplies the year where the clerk left it out (11月30日前).
 * @example parseDate("2026年2月30日", 2026) // { kind: "invalid", text: "2026年2月30日" }
 */
export function parseDate(value: CellValue | undefined, asOfYear: number): ParsedDate {
  if (value === null || value === undefined) return EMPTY;
  if (isDateCell(value)) return { kind: "day", day: value.day };
  if (typeof value === "number") return fromNumber(value);
  if (typeof value === "boolean") return { kind: "invalid", text: value ? "TRUE" : "FALSE" };
  const text = value.normalize("NFKC").replace(/\s+/g, "");
  if (text === "") return EMPTY;
  if (ONGOING_WORDS.has(text.toLowerCase())) return ONGOING;
  const day = fromText(text.replace(TRAILING, ""), asOfYear);
  return day === undefined ? { kind: "invalid", text: value.trim() } : { kind: "day", day };
}

function fromNumber(value: number): ParsedDate {
  if (Number.isInteger(value) && value >= 19_000_101 && value <= 29_991_231) {
    const day = dayFromYmd(Math.floor(value / 10_000), Math.floor(value / 100) % 100, value % 100);
    if (day !== undefined) return { kind: "day", day };
  }
  if (value >= PLAUSIBLE_SERIAL.min && value <= PLAUSIBLE_SERIAL.max) {
    const day = dayFromExcelSerial(value, false);
    if (day !== undefined) return { kind: "day", day };
  }
  return { kind: "invalid", text: String(value) };
}

function fromText(text: string, asOfYear: number): Day | undefined {
  let m = ISO_LIKE.exec(text) ?? CHINESE_FULL.exec(text) ?? COMPACT.exec(text);
  if (m) return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = CHINESE_MONTH_END.exec(text))) return monthEnd(Number(m[1]), Number(m[2]));
  if ((m = MONTH_DAY.exec(text))) return dayFromYmd(asOfYear, Number(m[1]), Number(m[2]));
  if ((m = MONTH_END.exec(text))) return monthEnd(asOfYear, Number(m[1]));
  if ((m = YEAR_END.exec(text))) return dayFromYmd(Number(m[1]), 12, 31);
  return undefined;
}

function monthEnd(year: number, month: number): Day | undefined {
  if (month < 1 || month > 12) return undefined;
  return dayFromYmd(year, month, daysInMonth(year, month));
}
