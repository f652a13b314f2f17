// Calendar days as plain integers: a date in a sheet is a day, not an instant, so no time zone ever enters.

/** Days since 1970-01-01 (that day is 0). */
export type Day = number;

const MS_PER_DAY = 86_400_000;

/**
 * The day for a year, month (1-12) and day of month, or undefined when that day does not exist.
 * @example dayFromYmd(2026, 2, 30) // undefined
 */
export function dayFromYmd(year: number, month: number, dayOfMonth: number): Day | undefined {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(dayOfMonth)) return undefined;
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > daysInMonth(year, month)) return undefined;
  // Date.UTC reads a year under 100 as 19xx; setUTCFullYear takes it as written.
  const time =
    year >= 100
      ? Date.UTC(year, month - 1, dayOfMonth)
      : new Date(0).setUTCFullYear(year, month - 1, dayOfMonth);
  return Math.round(time / MS_PER_DAY);
}

/**
 * The calendar day an instant falls on where it is read: the one place an instant becomes a day. The engine
 * never reads a clock; each face passes `new Date()` for "today in the person's own time zone".
 * @example localDayOf(new Date(2026, 10, 18, 23, 59)) // the day of 2026-11-18
 */
export function localDayOf(instant: Date): Day {
  return dayFromYmd(instant.getFullYear(), instant.getMonth() + 1, instant.getDate())!;
}

/** Year, month (1-12) and day of month of a day. */
export function ymdOf(day: Day): { year: number; month: number; day: number } {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO day of week: Monday 1 … Sunday 7. */
export function isoWeekday(day: Day): number {
  // 1970-01-01 was a Thursday.
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** Findings quote the same few hundred days over and over: each is formatted once (up to a bound). */
const formattedDays = new Map<Day, string>();
const MAX_FORMATTED_DAYS = 10_000;

/** `2026-11-05` */
export function formatDay(day: Day): string {
  let text = formattedDays.get(day);
  if (text === undefined) {
    const { year, month, day: d } = ymdOf(day);
    text = `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    if (formattedDays.size >= MAX_FORMATTED_DAYS) formattedDays.clear();
    formattedDays.set(day, text);
  }
  return text;
}

/** Reads `YYYY-MM-DD` strictly (used for flags and settings, not for what clerks type). */
export function parseIsoDay(text: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  return m ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/**
 * The day an Excel serial number stands for, in the 1900 or the 1904 date system.
 * The 1900 system counts a 29 February 1900 that never was (serial 60), copied from Lotus 1-2-3;
 * serials before it are one day off from those after it.
 * @example dayFromExcelSerial(45966, false) // 2025-11-05
 */
export function dayFromExcelSerial(serial: number, date1904: boolean): Day | undefined {
  // Past 9999-12-31 Excel shows #### for a date: a number typed twice over into a date cell (4630046300) is
  // no day, and as one it lay beyond the days a Date can hold.
  if (
    !Number.isFinite(serial) ||
    serial < 0 ||
    serial >= (date1904 ? LAST_SERIAL_1904 : LAST_SERIAL_1900) + 1
  )
    return undefined;
  // To the millisecond first, as Excel shows a date and time: a day a formula reached by adding hours
  // (46330.99999999999, midnight less a rounding error) is the next day, not the one before.
  const whole = Math.floor(Math.round(serial * MS_PER_DAY) / MS_PER_DAY);
  if (date1904) return EPOCH_1904 + whole;
  if (whole === 0 || whole === 60) return undefined;
  return whole < 60 ? EPOCH_1900_EARLY + whole : EPOCH_1900 + whole;
}

/**
 * The serial of a day in the 1900 system, or the 1904 system when `date1904` (the inverse of
 * {@link dayFromExcelSerial} for days after 1900-03-01).
 */
export function excelSerialFromDay(day: Day, date1904 = false): number {
  return day - (date1904 ? EPOCH_1904 : EPOCH_1900);
}

const EPOCH_1900 = -25569; // 1899-12-30
const EPOCH_1900_EARLY = -25568; // 1899-12-31
const EPOCH_1904 = -24107; // 1904-01-01
/** 9999-12-31, the last day Excel shows, in each system. */
const LAST_SERIAL_1900 = 2_958_465;
const LAST_SERIAL_1904 = 2_957_003;
