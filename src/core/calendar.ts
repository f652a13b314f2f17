// Working days: the mainland-China calendar (holidays and make-up workdays, 调休), Monday to Friday, or every day.

import chineseDays from "chinese-days/dist/chinese-days.json";
import { isoWeekday, parseIsoDay, ymdOf, type Day } from "./day";
import type { WorkdayMode } from "./settings";

export interface WorkCalendar {
  readonly mode: WorkdayMode;
  isWorkday(day: Day): boolean;
  /** Whether the calendar really knows this day's year, rather than assuming Monday to Friday. */
  knows(day: Day): boolean;
  /** The last year the mainland data covers (mainland mode only). */
  readonly lastKnownYear?: number;
}

/** A day the workbook's holiday sheet (节假日) declares a workday (true) or a day off (false). */
export type DayOverrides = ReadonlyMap<Day, boolean>;

interface MainlandData {
  readonly offDays: ReadonlySet<Day>;
  readonly workDays: ReadonlySet<Day>;
  /** `春节 2026` → the first day off of that holiday that year. */
  readonly holidayStarts: ReadonlyMap<string, Day>;
  readonly firstYear: number;
  readonly lastYear: number;
}

let mainland: MainlandData | undefined;

/** Built once from chinese-days' own table, so a check never calls into date parsing per row. */
function mainlandData(): MainlandData {
  if (mainland) return mainland;
  const workDays = new Set(Object.keys(chineseDays.workdays).map((iso) => parseIsoDay(iso)!));
  // Each day off is listed with its holiday ("Spring Festival,春节,4"): read once for both the day and its
  // holiday's first day that year.
  const offDays = new Set<Day>();
  const holidayStarts = new Map<string, Day>();
  let firstYear = Infinity;
  let lastYear = -Infinity;
  for (const [iso, about] of Object.entries(chineseDays.holidays as Record<string, string>)) {
    const day = parseIsoDay(iso)!;
    const { year } = ymdOf(day);
    offDays.add(day);
    firstYear = Math.min(firstYear, year);
    lastYear = Math.max(lastYear, year);
    const key = `${about.split(",")[1]} ${year}`;
    const first = holidayStarts.get(key);
    if (first === undefined || day < first) holidayStarts.set(key, day);
  }
  mainland = {
    offDays,
    workDays,
    holidayStarts,
    firstYear,
    lastYear,
  };
  return mainland;
}

/**
 * The first day off of a public holiday in a year, by the name chinese-days gives it (春节, 清明, 端午, 中秋,
 * 劳动节, 国庆节, 元旦): undefined for a year its table does not cover yet (each year's is published in the
 * autumn before).
 * @example holidayStart("春节", 2026) // 2026-02-15
 */
export function holidayStart(name: string, year: number): Day | undefined {
  return mainlandData().holidayStarts.get(`${name} ${year}`);
}

/**
 * A calendar for the chosen mode; `overrides` (from the holiday sheet) win over everything, and any
 * year they mention counts as known.
 */
export function buildCalendar(mode: WorkdayMode, overrides: DayOverrides = new Map()): WorkCalendar {
  const overriddenYears = new Set([...overrides.keys()].map((day) => ymdOf(day).year));
  if (mode === "every-day") {
    return { mode, isWorkday: (day) => overrides.get(day) ?? true, knows: () => true };
  }
  if (mode === "mon-fri") {
    return { mode, isWorkday: (day) => overrides.get(day) ?? isoWeekday(day) <= 5, knows: () => true };
  }
  const data = mainlandData();
  return {
    mode,
    lastKnownYear: data.lastYear,
    isWorkday(day) {
      const own = overrides.get(day);
      if (own !== undefined) return own;
      if (data.offDays.has(day)) return false;
      if (data.workDays.has(day)) return true;
      return isoWeekday(day) <= 5;
    },
    knows(day) {
      const { year } = ymdOf(day);
      return (year >= data.firstYear && year <= data.lastYear) || overriddenYears.has(year);
    },
  };
}

/**
 * The first day that is no longer "due soon": the (n+1)-th working day after as-of. A deadline d is due
 * soon when asOf <= d < this day, i.e. at most n working days lie after as-of up to and including d.
 * Also says whether any day in between was assumed rather than known.
 */
export function dueSoonLimit(
  calendar: WorkCalendar,
  asOf: Day,
  n: number,
): { limit: Day; assumedFrom?: Day } {
  let assumedFrom: Day | undefined;
  let day = asOf;
  for (let found = 0; found <= n;) {
    day += 1;
    if (assumedFrom === undefined && !calendar.knows(day)) assumedFrom = day;
    if (calendar.isWorkday(day)) found += 1;
  }
  return assumedFrom === undefined ? { limit: day } : { limit: day, assumedFrom };
}

/** Working days after `from` up to and including `to` (0 when to <= from). */
export function workdaysBetween(calendar: WorkCalendar, from: Day, to: Day): number {
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (calendar.isWorkday(day)) count += 1;
  return count;
}
