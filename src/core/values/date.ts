// Dates as clerks write them in deadline, start and completion columns.

import { holidayStart } from "../calendar";
import { dayFromExcelSerial, dayFromYmd, daysInMonth, ymdOf, type Day } from "../day";
import type { CellValue } from "../workbook";
import { digitByDigit, smallNumber } from "./numerals";
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
  "分阶段推进",
  "分阶段实施",
  "分步实施",
  "逐步推进",
  "按序时推进",
  "动态管理",
  "ongoing",
]);

/**
 * The hour of the day after a day, which a deadline's day does not need: 下班, 下午, 17:00, 24时, 9点半. Dates
 * and the deadline rules of a specification (每周五下班前) drop it alike.
 */
export const TIME_OF_DAY =
  "(?:上午|中午|下午|晚上|下班)|\\d{1,2}[:：]\\d{2}(?:[:：]\\d{2})?(?:[AaPp][Mm])?|\\d{1,2}[时点](?:\\d{1,2}分|半)?";
/**
 * The clock time after a date's digits, apart from them by spaces or a T, as a date and time made text shows
 * it (2026/11/30 0:00:00, 2026-10-30T08:00, 2026-11-30 12:00:00 AM): taken out before the spaces go, which had
 * joined the hour's digits to the day's and made 2026/11/3 of it. What follows it stays (17:00前).
 */
export function withoutClock(text: string): string {
  return text.replace(/(?<=\d)(?:\s+|[Tt])\d{1,2}[:：]\d{2}(?:[:：]\d{2})?(?:\s*[AaPp][Mm])?/u, "");
}
/**
 * Trailing words that do not change the day, one or more: 11月30日前, 2026年底以前, 2026-11-30（含）,
 * 6月底前完成, 年内办结, the day of the week written after a date, 2026年11月30日（周一）, and the hour.
 */
const TRAILING = new RegExp(
  `(?:之前|以前|前|截止|止|为止|\\(含\\)|含|完成|办结|完毕|\\((?:周|星期|礼拜)[一二三四五六日天]\\)|(?:周|星期|礼拜)[一二三四五六日天]|${TIME_OF_DAY})+$`,
  "u",
);
/**
 * What is due by a day, written after it: 12月31日前上报, 11月30日前报送材料, 12月底前完成验收. Cut from the 前 on
 * (not 前后, around the day), where no digit follows (a second day or an hour is not a note).
 */
const DUE_BY_THEN = /(?<=[\d日号底末月旬度年])(?:之前|以前|前)(?!后)\D+$/u;
/** Leading words that do not change the day: 截至12月31日, 截止时间：12月31日, 于11月30日前. */
const LEADING = /^(?:截至|截止(?:时间|日期)?|完成(?:时间|时限)|时限|于|到|至)[:：]?/u;

const ISO_LIKE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:T?\d{1,2}:\d{2}(?::\d{2})?)?$/;
const CHINESE_FULL = /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/;
const CHINESE_MONTH_END = /^(\d{4})年(\d{1,2})月(?:底|末|份)?$/;
const MONTH_DAY = /^(\d{1,2})月(\d{1,2})[日号]$/;
/** The year in two digits, as typed in haste: 26年11月30日, 26.11.30, 26/11/30 (this century's). */
const SHORT_YEAR = /^(\d{2})(?:年(\d{1,2})月(\d{1,2})[日号]?|([./])(\d{1,2})\4(\d{1,2}))$/;
const MONTH_END = /^(\d{1,2})月(?:底|末|份)?$/;
/**
 * Month and day with a dot, a slash or a dash, as typed into a text cell: 11.30, 12/31, 11-30 (a number cell
 * 11.3 stays a number). China writes the month first.
 */
const DOTTED_MONTH_DAY = /^(\d{1,2})[./-](\d{1,2})$/;
/**
 * The year last, as systems and other locales write it: 12/31/2026 (the month first), 31/12/2026 and
 * 31.12.2026 (the day first). Read where only one order makes a day: 5/11/2026 could be either, and is none.
 */
const YEAR_LAST = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})$/;
/** A month named in English, its spaces gone: Nov30,2026, November30,2026, 30Nov2026, 30-Nov-2026. */
const ENGLISH_DATE = /^(?:([a-z]{3,9})\.?-?(\d{1,2}),?(\d{4})|(\d{1,2})-?([a-z]{3,9})\.?-?,?(\d{4}))$/i;
/** The months in English, January first. */
export const ENGLISH_MONTH_NAMES: readonly string[] = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
/** English month names, whole or cut short (Sept too), and the month each is. */
const ENGLISH_MONTHS: ReadonlyMap<string, number> = new Map(
  ENGLISH_MONTH_NAMES.flatMap((name, i) => [
    [name, i + 1] as const,
    [name.slice(0, 3), i + 1] as const,
  ]).concat([["sept", 9]]),
);
/**
 * Where a span written for a deadline may be cut: 至, 到, a tilde or a dash of any length (3月-12月,
 * 2026.11.30-2026.12.31, 11月1日至30日, 2026年11月30日—12月31日).
 */
const SPAN_SEPARATOR = /至|到|~|～|—|–|－|-{1,2}/gu;
/** A number alone at a span's end: the day of the start's month (11月1日-30日), or the month of its year (2026.3-12). */
const NUMBER_ALONE = /^(\d{1,2})([日号]?)$/;
const YEAR_END = /^(\d{4})年(?:底|末)$/;
/** The month only, as ISO-like text: 2026-12, 2026.12, 2026/12 (by the month's end, as 2026年12月). */
const ISO_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
/** 旬: ten-day period. 12月中旬, 2026年11月下旬: by its last day (the 10th, the 20th, the month's end). */
const TEN_DAY = /^(?:(\d{4})年)?(\d{1,2})月(上|中|下)旬$/;
/** 年底, 今年年底, 本年度末, 年内: the as-of year's end. */
const THIS_YEAR_END = /^(?:(?:今|本)?年(?:年|度)?(?:底|末)|(?:今|本)?年(?:度)?内)$/;
/** 四季度, 第三季度末, 2026年第一季度, 2026Q4: by the quarter's last day. */
const QUARTER = /^(?:(\d{4})年?)?(?:第?([一二三四1-4])季度?(?:末|底)?|q([1-4]))$/i;
/** 上半年, 2026年下半年: by June 30 or December 31. */
const HALF_YEAR = /^(?:(\d{4})年)?(上|下)半年(?:末|底)?$/;
const QUARTER_NUMBERS: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4 };
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** Numbers in this range that arrive without a date format are taken as lost-format serials (1954-2119). */
const PLAUSIBLE_SERIAL = { min: 20_000, max: 80_000 };

/**
 * Reads a date cell. `asOfYear` supplies the year where the clerk left it out (11月30日前). A deadline may name
 * a period (2026年11月, 12月中旬, 四季度, 年底), read as its last day; with `days` alone, only text that names
 * one day is a date (a holiday sheet lists days, and a label such as 2026年10月 there is no day off).
 * @example parseDate("2026年2月30日", 2026) // { kind: "invalid", text: "2026年2月30日" }
 */
export function parseDate(
  value: CellValue | undefined,
  asOfYear: number,
  {
    days = false,
    yearNamed = false,
  }: {
    readonly days?: boolean;
    /**
     * `asOfYear` is the year the table names (its title's), not one assumed: a holiday named without a year
     * (国庆节前) is in it, where otherwise which year's is not said.
     */
    readonly yearNamed?: boolean;
  } = {},
): ParsedDate {
  if (value === null || value === undefined) return EMPTY;
  if (isDateCell(value)) return { kind: "day", day: value.day };
  if (typeof value === "number") return fromNumber(value);
  if (typeof value === "boolean") return { kind: "invalid", text: value ? "TRUE" : "FALSE" };
  const text = compactDate(value);
  if (text === "") return EMPTY;
  const plain = withoutNote(text);
  if (ONGOING_WORDS.has(plain.toLowerCase())) return ONGOING;
  const read = (part: string): Day | undefined => {
    const bare = part.replace(LEADING, "").replace(DUE_BY_THEN, "").replace(TRAILING, "");
    return days ? dayFromText(bare, asOfYear) : (fromText(bare, asOfYear) ?? spanEnd(bare, asOfYear));
  };
  // A deadline moved (原定11月30日，延期至12月31日) is the day it was moved to; a note after the day
  // (2026-11-30（暂定）, 12月31日，已申请延期, 10月1日（国庆节）) is not part of it.
  const moved = days ? undefined : lastMove(text);
  const holiday = moved === undefined ? HOLIDAY_EVE.exec(plain) : null;
  if (holiday) {
    const year = holiday[1] !== undefined ? Number(holiday[1]) : yearNamed ? asOfYear : undefined;
    const day = year === undefined ? undefined : written(holidayEve(holiday[2]!, year));
    return day === undefined ? { kind: "invalid", text: value.trim() } : { kind: "day", day };
  }
  const day = written(moved === undefined ? (read(text) ?? read(plain)) : read(moved));
  return day === undefined ? { kind: "invalid", text: value.trim() } : { kind: "day", day };
}

/**
 * The day, if its year is one a clerk writes: from 1900, as Excel's own dates and compact numbers (19000101),
 * to 2999. Before or after, the year is a slip of the keys (0026, 3026), and a deadline a thousand years off
 * would hide a task from every check.
 */
function written(day: Day | undefined): Day | undefined {
  if (day === undefined) return undefined;
  const { year } = ymdOf(day);
  return year >= 1900 && year <= 2999 ? day : undefined;
}

/**
 * A deadline before a holiday: 国庆节前, 春节前完成, 2027年元旦前. With the year, a holiday on a fixed day is read as
 * its eve (2026年国庆节前 is 2026-09-30, 2027年元旦前 2026-12-31). Without it, which year's holiday is meant is not
 * said (a 春节前 written in January is the one weeks away, in November the one a year on), nor by the calendar
 * for the lunar ones (春节, 端午, 中秋 move from year to year): those are no date, and told apart
 * (isHolidayDeadline) so that the clerk is asked for the day.
 */
const HOLIDAY_EVE =
  /^(?:(\d{4})年)?(元旦|春节|元宵|清明|五一|劳动节|端午|中秋|国庆|十一)(?:节|假期)?(?:放假)?(?:之前|以前|前)(?:完成|上报|报送|办结|落实)?$/u;
/** The eve of a holiday on a fixed day, as [years after the one named, month, day]: 元旦's is the year before's. */
const FIXED_HOLIDAY_EVES: Readonly<Record<string, readonly [number, number, number]>> = {
  元旦: [-1, 12, 31],
  五一: [0, 4, 30],
  劳动节: [0, 4, 30],
  国庆: [0, 9, 30],
  十一: [0, 9, 30],
};

/** The holidays that move from year to year, named as HOLIDAY_EVE and chinese-days both name them. */
const MOVING_HOLIDAYS: ReadonlySet<string> = new Set(["春节", "清明", "端午", "中秋"]);

/**
 * The day before a holiday of a year: a fixed one's eve; for one that moves, the day before its first day off
 * in the mainland calendar (2026年春节前: the holiday begins on 2026-02-15, so 2026-02-14), where the calendar
 * has that year. 元宵 is no day off, and no day is read for it.
 */
function holidayEve(holiday: string, year: number): Day | undefined {
  const eve = FIXED_HOLIDAY_EVES[holiday];
  if (eve) return dayFromYmd(year + eve[0], eve[1], eve[2]);
  const start = MOVING_HOLIDAYS.has(holiday) ? holidayStart(holiday, year) : undefined;
  return start === undefined ? undefined : start - 1;
}

/** Whether a text is a deadline before a holiday (国庆节前, 2027年春节前, 2026年国庆节前): see HOLIDAY_EVE. */
export function isHolidayDeadline(text: string): boolean {
  return HOLIDAY_EVE.test(withoutNote(text.normalize("NFKC").replace(/\s+/g, "")));
}

/**
 * A deadline counted from a day the cell does not say, or said as soon as can be: 30日内, 5个工作日内, 下月底,
 * 本月底, 次年1月, 周五, 立行立改, 尽快. Relative to when it was written or the problem found, it names no day
 * to check against (a rule with 每, 每月25日前, is a recurring deadline instead).
 */
export function isRelativeDeadline(text: string): boolean {
  return RELATIVE.test(text.normalize("NFKC").replace(/\s+/g, ""));
}

const RELATIVE =
  /^(?:(?:本|当|这|今|下|次|来)(?:个|一个)?(?:月|周|星期|季度?|年)|(?:周|星期)[一二三四五六日天](?:之?前)?$|立行立改|立即|立刻|马上|即知即改|即时|尽快|及时|限期)|(?:\d+|[一二三四五六七八九十两]+)个?(?:日|天|周|星期|月|工作日)之?内$/u;

/**
 * Where days listed in one cell are cut: 11月30日/12月31日, 6月30日、12月31日, 11月20日和12月1日, 11.30 12.31 (after a comma
 * or a semicolon, parseDate takes the rest for a note).
 */
const LIST_SEPARATOR = /\s*(?:[/、]|和|及)\s*|\s+/u;

/**
 * The days a text lists, when it is a list of two or more that each read as a day or a period's last day
 * (阶段 deadlines written into one cell: 6月30日/12月31日); undefined for anything else.
 */
export function listedDays(text: string, asOfYear: number): Day[] | undefined {
  // Each part is read as parseDate reads a cell (spaces and all); NFKC makes a full-width ／ a slash.
  const parts = text.normalize("NFKC").split(LIST_SEPARATOR);
  if (parts.length < 2) return undefined;
  const days: Day[] = [];
  for (const part of parts) {
    const parsed = parseDate(part, asOfYear);
    if (parsed.kind !== "day") return undefined;
    days.push(parsed.day);
  }
  return days;
}

/** 延期至, 延长到, 顺延至, 推迟到, 调整为, 变更为, 改为: the day after the last of them, to the end of its clause. */
const MOVED_TO = /(?:延期|延长|顺延|推迟|推延|调整|变更|改)(?:至|到|为)([^,;。()]+)/gu;

function lastMove(text: string): string | undefined {
  let last: string | undefined;
  for (const m of text.matchAll(MOVED_TO)) last = m[1];
  return last;
}

/** The text without its notes: in brackets (11月30日（一期）前), or after a comma or a semicolon. */
function withoutNote(text: string): string {
  return text.replace(/\([^()]*\)/gu, "").replace(/[,;。].*/u, "");
}

/** A date as parseDate and daySpan read it: NFKC, its clock time taken out, no spaces, Arabic numerals. */
function compactDate(value: string): string {
  // Spaces between two numbers part them as a dot would (2026 11 5, 2026.11 30): taken out, they would join
  // them into another number (2026.1 1 read as 2026.11, November).
  const spaced = withoutClock(value.normalize("NFKC")).replace(/(?<=\d)\s+(?=\d)/g, ".");
  return arabicDateNumerals(spaced.replace(/\s+/g, ""));
}

/**
 * Dates in Chinese numerals, as official documents write them (二〇二六年十二月三十一日, 十二月底): the year
 * digit by digit, the month and day as numbers (十二, 三十一), made Arabic. Numerals elsewhere (第四季度, 周一)
 * are left.
 */
export function arabicDateNumerals(text: string): string {
  return text
    .replace(/[〇零一二三四五六七八九]{4}(?=年)/gu, digitByDigit)
    .replace(
      /[一二三四五六七八九]?十[一二三四五六七八九]?(?=[月日号])|[一二三四五六七八九](?=[月日号])/gu,
      (n) => String(smallNumber(n)),
    );
}

/**
 * The last day of a span, by its end read with what the start says and the end leaves out (the year; for a
 * number alone, the month): undefined unless, cut at one of its separators, both ends read and the end is
 * not before the start. A date with dashes in it (2026-02-30) is no span, for want of such a cut.
 */
function spanEnd(text: string, asOfYear: number): Day | undefined {
  return spanOf(text, asOfYear)?.end;
}

/**
 * The first and last day a span of days or months covers (11月2日-8日, 2026.11.2-11.8, 10月-12月), written as
 * parseDate reads a span; undefined for any other text.
 */
export function daySpan(value: string, asOfYear: number): { start: Day; end: Day } | undefined {
  const text = compactDate(value);
  return spanOf(text.replace(LEADING, "").replace(TRAILING, ""), asOfYear);
}

function spanOf(text: string, asOfYear: number): { start: Day; end: Day } | undefined {
  for (const separator of text.matchAll(SPAN_SEPARATOR)) {
    // The end's own trailing words went with the whole text's.
    const startText = text.slice(0, separator.index).replace(TRAILING, "");
    const endText = text.slice(separator.index + separator[0].length);
    // The start as a day (11月1日) or as a period (3月, 2026.3) whose first day it is.
    const startDay = dayFromText(startText, asOfYear);
    const start = startDay ?? firstOfMonth(fromText(startText, asOfYear));
    // Stryker disable next-line ConditionalExpression: equivalent, no end reads in the year of no start
    if (start === undefined) continue;
    const { year, month } = ymdOf(start);
    const alone = NUMBER_ALONE.exec(endText);
    let end: Day | undefined;
    if (!alone) end = fromText(endText, year);
    else if (startDay !== undefined) end = dayFromYmd(year, month, Number(alone[1]));
    else if (alone[2] === "") end = monthEnd(year, Number(alone[1]));
    // Stryker disable next-line ConditionalExpression: equivalent, `undefined >= start` is false
    if (end !== undefined && end >= start) return { start, end };
  }
  return undefined;
}

function firstOfMonth(day: Day | undefined): Day | undefined {
  // Stryker disable next-line ConditionalExpression: equivalent, no day has the month of no day
  if (day === undefined) return undefined;
  const { year, month } = ymdOf(day);
  return dayFromYmd(year, month, 1);
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

/** Text that names one day: 2026-11-05, 2026年11月5日, 20261105, 11月5日 or 11.5 (in the as-of year). */
function dayFromText(text: string, asOfYear: number): Day | undefined {
  let m = ISO_LIKE.exec(text) ?? CHINESE_FULL.exec(text) ?? COMPACT.exec(text);
  if (m) return dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = MONTH_DAY.exec(text) ?? DOTTED_MONTH_DAY.exec(text)))
    return dayFromYmd(asOfYear, Number(m[1]), Number(m[2]));
  if ((m = SHORT_YEAR.exec(text)))
    return dayFromYmd(2000 + Number(m[1]), Number(m[2] ?? m[5]), Number(m[3] ?? m[6]));
  if ((m = YEAR_LAST.exec(text))) {
    const [first, second, year] = [Number(m[1]), Number(m[3]), Number(m[4])];
    if (first > 12) return dayFromYmd(year, second, first);
    if (second > 12 || first === second) return dayFromYmd(year, first, second);
    return undefined;
  }
  if ((m = ENGLISH_DATE.exec(text))) {
    const month = ENGLISH_MONTHS.get((m[1] ?? m[5]!).toLowerCase());
    return month === undefined ? undefined : dayFromYmd(Number(m[3] ?? m[6]), month, Number(m[2] ?? m[4]));
  }
  return undefined;
}

/** A day, or a period by its last day. */
function fromText(text: string, asOfYear: number): Day | undefined {
  const day = dayFromText(text, asOfYear);
  if (day !== undefined) return day;
  let m: RegExpExecArray | null;
  if ((m = CHINESE_MONTH_END.exec(text))) return monthEnd(Number(m[1]), Number(m[2]));
  if ((m = MONTH_END.exec(text))) return monthEnd(asOfYear, Number(m[1]));
  if ((m = YEAR_END.exec(text))) return dayFromYmd(Number(m[1]), 12, 31);
  if ((m = ISO_MONTH.exec(text))) return monthEnd(Number(m[1]), Number(m[2]));
  if ((m = TEN_DAY.exec(text))) {
    const year = m[1] === undefined ? asOfYear : Number(m[1]);
    const month = Number(m[2]);
    return m[3] === "下" ? monthEnd(year, month) : dayFromYmd(year, month, m[3] === "上" ? 10 : 20);
  }
  if (THIS_YEAR_END.test(text)) return dayFromYmd(asOfYear, 12, 31);
  if ((m = QUARTER.exec(text))) {
    const quarter = m[3] === undefined ? (QUARTER_NUMBERS[m[2]!] ?? Number(m[2])) : Number(m[3]);
    return monthEnd(m[1] === undefined ? asOfYear : Number(m[1]), quarter * 3);
  }
  if ((m = HALF_YEAR.exec(text)))
    return monthEnd(m[1] === undefined ? asOfYear : Number(m[1]), m[2] === "上" ? 6 : 12);
  return undefined;
}

function monthEnd(year: number, month: number): Day | undefined {
  if (month < 1 || month > 12) return undefined;
  return dayFromYmd(year, month, daysInMonth(year, month));
}
