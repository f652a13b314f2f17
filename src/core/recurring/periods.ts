// The periods of recurring tasks (年, 半年, 季, 月, 旬, 周, 日): canonical ids, bounds, and the forms clerks write.

import type { WorkCalendar } from "../calendar";
import { dayFromYmd, daysInMonth, isoWeekday, ymdOf, type Day } from "../day";
import { arabicDateNumerals, daySpan, parseDate, withoutClock } from "../values/date";
import type { Cycle } from "../values/cycle";
import { isDateCell, type CellValue } from "../workbook";

/** A cycle that repeats: every cycle but 一次性. */
export type RecurringCycle = Exclude<Cycle, "once">;

/** Shortest first: a period of a finer cycle can count for the coarser period that holds it. */
const CYCLE_RANK: Readonly<Record<RecurringCycle, number>> = {
  day: 0,
  week: 1,
  tenDay: 2,
  halfMonth: 3,
  month: 4,
  quarter: 5,
  half: 6,
  year: 7,
};

export interface Period {
  readonly cycle: RecurringCycle;
  /**
   * Canonical id, as in the JSON report: `2026`, `2026-H1`, `2026-Q3`, `2026-10`, `2026-10-1` (旬: 1 上旬
   * 1-10, 2 中旬 11-20, 3 下旬 21-end), `2026-W46` (ISO week), `2026-10-15` (day).
   */
  readonly id: string;
  /** First and last day, both inclusive. */
  readonly start: Day;
  readonly end: Day;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");
const ymd = (year: number, month: number, day: number): Day => dayFromYmd(year, month, day)!;

function monthSpan(cycle: RecurringCycle, id: string, year: number, first: number, months: number): Period {
  const last = first + months - 1;
  return { cycle, id, start: ymd(year, first, 1), end: ymd(year, last, daysInMonth(year, last)) };
}

/** ISO week of a day: weeks start on Monday and belong to the year of their Thursday. */
export function isoWeekOf(day: Day): { year: number; week: number; monday: Day } {
  const thursday = day + 4 - isoWeekday(day);
  const year = ymdOf(thursday).year;
  return { year, week: Math.floor((thursday - ymd(year, 1, 1)) / 7) + 1, monday: thursday - 3 };
}

/** 52 or 53: the week of 28 December is always the year's last. */
export function isoWeeksInYear(year: number): number {
  return isoWeekOf(ymd(year, 12, 28)).week;
}

function isoWeek(year: number, week: number): Period | undefined {
  if (week < 1 || week > isoWeeksInYear(year)) return undefined;
  const jan4 = ymd(year, 1, 4);
  const start = jan4 - (isoWeekday(jan4) - 1) + 7 * (week - 1);
  return { cycle: "week", id: `${pad(year, 4)}-W${pad(week)}`, start, end: start + 6 };
}

function tenDay(year: number, month: number, part: number): Period {
  const start = ymd(year, month, 1 + 10 * (part - 1));
  const end = part === 3 ? ymd(year, month, daysInMonth(year, month)) : start + 9;
  return { cycle: "tenDay", id: `${pad(year, 4)}-${pad(month)}-${part}`, start, end };
}

/** 半月: the 1st to the 15th (H1), the 16th to the month's end (H2). */
function halfMonth(year: number, month: number, part: number): Period {
  const start = ymd(year, month, part === 1 ? 1 : 16);
  const end = part === 1 ? start + 14 : ymd(year, month, daysInMonth(year, month));
  return { cycle: "halfMonth", id: `${pad(year, 4)}-${pad(month)}-H${part}`, start, end };
}

function dayPeriod(day: Day): Period {
  const { year, month, day: d } = ymdOf(day);
  return { cycle: "day", id: `${pad(year, 4)}-${pad(month)}-${pad(d)}`, start: day, end: day };
}

/**
 * The period of `cycle` that holds `day`.
 * @example periodContaining("week", dayFromYmd(2027, 1, 1)!).id // "2026-W53"
 */
export function periodContaining(cycle: RecurringCycle, day: Day): Period {
  const { year, month, day: d } = ymdOf(day);
  const y = pad(year, 4);
  switch (cycle) {
    case "year":
      return monthSpan(cycle, y, year, 1, 12);
    case "half":
      return month <= 6 ? monthSpan(cycle, `${y}-H1`, year, 1, 6) : monthSpan(cycle, `${y}-H2`, year, 7, 6);
    case "quarter": {
      const q = Math.ceil(month / 3);
      return monthSpan(cycle, `${y}-Q${q}`, year, 3 * q - 2, 3);
    }
    case "month":
      return monthSpan(cycle, `${y}-${pad(month)}`, year, month, 1);
    case "tenDay":
      return tenDay(year, month, d <= 10 ? 1 : d <= 20 ? 2 : 3);
    case "halfMonth":
      return halfMonth(year, month, d <= 15 ? 1 : 2);
    case "week": {
      const { year: weekYear, week } = isoWeekOf(day);
      return isoWeek(weekYear, week)!;
    }
    case "day":
      return dayPeriod(day);
  }
}

/**
 * The periods of `cycle` that overlap `from`..`to` (inclusive), in order. A daily cycle counts working days
 * only, as `calendar` says (every day without one).
 */
export function periodsBetween(cycle: RecurringCycle, from: Day, to: Day, calendar?: WorkCalendar): Period[] {
  const periods: Period[] = [];
  if (cycle === "day") {
    for (let day = from; day <= to; day++)
      if (!calendar || calendar.isWorkday(day)) periods.push(dayPeriod(day));
    return periods;
  }
  for (let period = periodContaining(cycle, from); period.start <= to;) {
    periods.push(period);
    period = periodContaining(cycle, period.end + 1);
  }
  return periods;
}

/**
 * The period of `cycle` that `period` counts for: itself, or the coarser period holding it (a week by its
 * Thursday, as ISO weeks belong to years); undefined when `period` is coarser (a month for a weekly task).
 */
export function periodIn(period: Period, cycle: RecurringCycle): Period | undefined {
  if (period.cycle === cycle) return period;
  if (CYCLE_RANK[period.cycle] > CYCLE_RANK[cycle]) return undefined;
  return periodContaining(cycle, period.cycle === "week" ? period.start + 3 : period.start);
}

const CANONICAL: ReadonlyArray<[RegExp, (m: RegExpExecArray) => Period | undefined]> = [
  [/^(\d{4})$/, (m) => periodOfYear(+m[1]!)],
  [/^(\d{4})-H([12])$/, (m) => monthSpan("half", m[0], +m[1]!, +m[2]! === 1 ? 1 : 7, 6)],
  [/^(\d{4})-Q([1-4])$/, (m) => monthSpan("quarter", m[0], +m[1]!, 3 * +m[2]! - 2, 3)],
  [/^(\d{4})-(\d{2})$/, (m) => monthOf(+m[1]!, +m[2]!)],
  [/^(\d{4})-(\d{2})-([123])$/, (m) => tenDayOf(+m[1]!, +m[2]!, +m[3]!)],
  [/^(\d{4})-(\d{2})-H([12])$/, (m) => halfMonthOf(+m[1]!, +m[2]!, +m[3]!)],
  [/^(\d{4})-W(\d{2})$/, (m) => isoWeek(+m[1]!, +m[2]!)],
  [/^(\d{4})-(\d{2})-(\d{2})$/, (m) => dayOf(+m[1]!, +m[2]!, +m[3]!)],
];

/** The period a canonical id names, or undefined. @example periodFromId("2026-10-3")?.end // 2026-10-31 */
export function periodFromId(id: string): Period | undefined {
  for (const [pattern, build] of CANONICAL) {
    const m = pattern.exec(id);
    if (m) return build(m);
  }
  return undefined;
}

function periodOfYear(year: number): Period {
  return monthSpan("year", pad(year, 4), year, 1, 12);
}

function monthOf(year: number, month: number): Period | undefined {
  return month >= 1 && month <= 12 ? periodContaining("month", ymd(year, month, 1)) : undefined;
}

/**
 * The n-th week of a month, as offices number them: the weeks whose Thursday falls in the month, as an ISO week
 * belongs to the year of its Thursday (11月第1周 of 2026 is 2-8 November; 26 October to 1 November is October's).
 */
function weekOfMonth(year: number, month: number, n: number): Period | undefined {
  if (month < 1 || month > 12) return undefined;
  const first = ymd(year, month, 1);
  const firstThursday = first + ((4 - isoWeekday(first) + 7) % 7);
  const thursday = firstThursday + 7 * (n - 1);
  if (ymdOf(thursday).month !== month) return undefined;
  return periodContaining("week", thursday);
}

function halfMonthOf(year: number, month: number, part: number): Period | undefined {
  return month >= 1 && month <= 12 ? halfMonth(year, month, part) : undefined;
}

function tenDayOf(year: number, month: number, part: number): Period | undefined {
  return month >= 1 && month <= 12 && part >= 1 && part <= 3 ? tenDay(year, month, part) : undefined;
}

function dayOf(year: number, month: number, day: number): Period | undefined {
  const d = dayFromYmd(year, month, day);
  return d === undefined ? undefined : dayPeriod(d);
}

export type ParsedPeriod =
  | { readonly kind: "empty" }
  | { readonly kind: "period"; readonly period: Period }
  | { readonly kind: "invalid"; readonly text: string };

const EMPTY: ParsedPeriod = { kind: "empty" };

const CN_DIGITS: Readonly<Record<string, number>> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  上: 1,
  下: 2,
  前: 1,
  后: 2,
};
const TEN_DAY_PART: Readonly<Record<string, number>> = {
  上: 1,
  中: 2,
  下: 3,
  一: 1,
  二: 2,
  三: 3,
  "1": 1,
  "2": 2,
  "3": 3,
};
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH_WORD = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";

const num = (text: string | undefined): number => CN_DIGITS[text!] ?? Number(text);

/** The forms below, on text without spaces (Chinese) or with single spaces (English); `y` is the year. */
const FORMS: ReadonlyArray<[RegExp, (m: RegExpExecArray, y: (i: number) => number) => Period | undefined]> = [
  // 2026年 · 2026年度
  [/^(\d{4})年度?$/, (m) => periodOfYear(+m[1]!)],
  // 2026年上半年 · 上半年 · 2026H1 · 2026-H1 · H1 2026
  [/^(?:(\d{4})年?)?([上下前后])半年度?$/, (m, y) => halfOf(y(1), num(m[2]))],
  [/^(?:(\d{4})[-年]?)?h([12])$/, (m, y) => halfOf(y(1), +m[2]!)],
  [/^h([12])[-/ ]?(\d{4})$/, (m) => halfOf(+m[2]!, +m[1]!)],
  // 2026年第3季度 · 2026年三季度 · 第三季 · 2026Q3 · 2026-Q3 · Q3 2026
  [/^(?:(\d{4})年?)?第?([1-4一二三四])季度?$/, (m, y) => quarterOf(y(1), num(m[2]))],
  [/^(?:(\d{4})[-年]?)?q([1-4])$/, (m, y) => quarterOf(y(1), +m[2]!)],
  [/^q([1-4])[-/ ]?(\d{4})$/, (m) => quarterOf(+m[2]!, +m[1]!)],
  // 2026年11月上旬 · 11月中旬 · 2026-11下旬 · 2026年11月第1旬
  [
    /^(?:(\d{4})(?:年|[-/.]))?(\d{1,2})月?(?:([上中下])旬|第([123一二三])旬)$/,
    (m, y) => tenDayOf(y(1), +m[2]!, TEN_DAY_PART[m[3] ?? m[4]!]!),
  ],
  // 2026年11月上半月 · 11月下半月
  [
    /^(?:(\d{4})(?:年|[-/.]))?(\d{1,2})月?([上下前后])半月$/,
    (m, y) => halfMonthOf(y(1), +m[2]!, m[3] === "上" || m[3] === "前" ? 1 : 2),
  ],
  // 2026年第46周 · 第46周 · 2026年46周 · 2026-W46 · 2026W46 · W46
  [/^(?:(\d{4})年)?第?(\d{1,2})周$/, (m, y) => isoWeek(y(1), +m[2]!)],
  // 11月第2周 · 2026年11月第二周: a month's weeks, each the month's whose Thursday it holds
  [
    /^(?:(\d{4})(?:年|[-/.]))?(\d{1,2})月(?:份)?第([1-5一二三四五])周$/,
    (m, y) => weekOfMonth(y(1), +m[2]!, num(m[3])),
  ],
  [/^(?:(\d{4})-?)?w(\d{1,2})$/, (m, y) => isoWeek(y(1), +m[2]!)],
  [/^(?:(\d{4}) )?week (\d{1,2})(?:,? (\d{4}))?$/, (m, y) => isoWeek(m[3] ? +m[3] : y(1), +m[2]!)],
  // 2026年10月 · 10月 · 10月份 · 2026-10 · 2026/10 · 2026.10
  [/^(?:(\d{4})年)?(\d{1,2})月份?$/, (m, y) => monthOf(y(1), +m[2]!)],
  [/^(\d{4})[-/.](\d{1,2})$/, (m) => monthOf(+m[1]!, +m[2]!)],
  // October 2026 · Oct. 2026 · 2026 Oct
  [new RegExp(`^${MONTH_WORD},? (\\d{4})$`), (m) => monthOf(+m[2]!, MONTHS.indexOf(m[1]!) + 1)],
  [new RegExp(`^(\\d{4}) ${MONTH_WORD}$`), (m) => monthOf(+m[1]!, MONTHS.indexOf(m[2]!) + 1)],
];

/** Text that names one day (2026-11-05, 2026年11月5日, 20261105, 11月5日); handed to parseDate. */
const DAY_TEXT =
  /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}[日号]|\d{8}|\d{1,2}月\d{1,2}[日号])$/;

/**
 * Reads a period cell (期次/所属期) as clerks write it; a year left out is `asOfYear`'s. A real date, or text
 * naming one day, is that day (`2026-10-15`): matched against a task of a longer cycle it counts for the
 * period holding it (see periodIn). A number is a year (2026) or, in the range of date serials, a day.
 * @example parsePeriod("2026年三季度", 2026) // { kind: "period", period: { id: "2026-Q3", … } }
 * @example parsePeriod("11月上旬", 2026) // … id "2026-11-1"
 */
export function parsePeriod(value: CellValue | undefined, asOfYear: number): ParsedPeriod {
  if (value === null || value === undefined) return EMPTY;
  if (isDateCell(value)) return { kind: "period", period: dayPeriod(value.day) };
  if (typeof value === "boolean") return { kind: "invalid", text: value ? "TRUE" : "FALSE" };
  if (typeof value === "number") {
    if (Number.isInteger(value) && value >= 1900 && value <= 2999)
      return { kind: "period", period: periodOfYear(value) };
    const date = parseDate(value, asOfYear);
    return date.kind === "day"
      ? { kind: "period", period: dayPeriod(date.day) }
      : { kind: "invalid", text: String(value) };
  }
  const folded = withoutClock(value.normalize("NFKC").toLowerCase().trim());
  if (folded === "") return EMPTY;
  const spaced = folded.replace(/\s+/g, " ");
  // 二〇二六年十一月: the year and the month in Chinese numerals, as documents write them.
  const compact = arabicDateNumerals(folded.replace(/\s+/g, ""));
  const canonical = periodFromId(compact.toUpperCase());
  if (canonical) return { kind: "period", period: canonical };
  for (const [pattern, build] of FORMS) {
    const m = pattern.exec(pattern.source.includes(" ") ? spaced : compact);
    if (!m) continue;
    const period = build(m, (i) => (m[i] === undefined ? asOfYear : Number(m[i])));
    return period ? { kind: "period", period } : { kind: "invalid", text: value.trim() };
  }
  if (DAY_TEXT.test(compact)) {
    const date = parseDate(compact, asOfYear);
    if (date.kind === "day") return { kind: "period", period: dayPeriod(date.day) };
  }
  const span = daySpan(compact, asOfYear);
  const spanned = span && periodOfSpan(span.start, span.end);
  return spanned ? { kind: "period", period: spanned } : { kind: "invalid", text: value.trim() };
}

/** The cycles a span of more than a week may be, shortest first. */
const SPANNING: readonly RecurringCycle[] = ["tenDay", "halfMonth", "month", "quarter", "half", "year"];

/**
 * The period a span of days stands for, as a ledger's 期次 writes a week (11.2-11.8, 11月2日至8日): a week or
 * less is the week that holds most of it (11.1-11.7, Sunday to Saturday, is the week of Monday 11.2); a longer
 * one the shortest period that holds all of it (11.1-11.30 the month, 10月-12月 the fourth quarter), or none.
 */
function periodOfSpan(start: Day, end: Day): Period | undefined {
  if (end - start < 7) return periodContaining("week", start + Math.floor((end - start) / 2));
  for (const cycle of SPANNING) {
    const period = periodContaining(cycle, start);
    if (end <= period.end) return period;
  }
  return undefined;
}

function halfOf(year: number, half: number): Period {
  return monthSpan("half", `${pad(year, 4)}-H${half}`, year, half === 1 ? 1 : 7, 6);
}

function quarterOf(year: number, quarter: number): Period {
  return monthSpan("quarter", `${pad(year, 4)}-Q${quarter}`, year, 3 * quarter - 2, 3);
}
