import { formatDay } from "../day";
import {
  daySpan,
  isHolidayDeadline,
  isRelativeDeadline,
  listedDays,
  parseDate,
  type ParsedDate,
} from "./date";
import type { CellValue } from "../workbook";

function show(parsed: ParsedDate): string {
  switch (parsed.kind) {
    case "day":
      return formatDay(parsed.day);
    case "invalid":
      return `invalid:${parsed.text}`;
    default:
      return parsed.kind;
  }
}

describe("parseDate", () => {
  const cases: Array<[string, CellValue, string]> = [
    ["date cell", { day: 20762 }, "2026-11-05"],
    ["ISO", "2026-11-05", "2026-11-05"],
    ["ISO without zeros", "2026-11-5", "2026-11-05"],
    ["slashes", "2026/11/5", "2026-11-05"],
    ["dots", "2026.11.5", "2026-11-05"],
    ["Chinese", "2026年11月5日", "2026-11-05"],
    ["Chinese with 号", "2026年11月5号", "2026-11-05"],
    ["Chinese with spaces", " 2026 年 11 月 5 日 ", "2026-11-05"],
    ["spaces for separators", "2026 11 5", "2026-11-05"],
    ["a year of two digits written with four", "0026-11-30", "invalid:0026-11-30"],
    ["a year before 1900", "1899-12-31", "invalid:1899-12-31"],
    ["the first year read", "1900-01-01", "1900-01-01"],
    ["the last year read", "2999年12月31日", "2999-12-31"],
    ["a year past 2999", "3026-11-30", "invalid:3026-11-30"],
    ["a year past 2999 in a period", "3026年底", "invalid:3026年底"],
    ["a holiday of a year past 2999", "3026年国庆节前", "invalid:3026年国庆节前"],
    ["a space for the last separator", "2026.11 30", "2026-11-30"],
    ["a space for a separator, not taken out to join 1 and 1 into November", "2026.1 1", "2026-01-01"],
    ["a space inside a Chinese month", "2026年1 1月5日", "invalid:2026年1 1月5日"],
    ["full-width digits", "２０２６年１１月５日", "2026-11-05"],
    ["full-width slashes", "２０２６／１１／０５", "2026-11-05"],
    ["with a time", "2026-11-05 17:30", "2026-11-05"],
    ["with 前", "2026年11月30日前", "2026-11-30"],
    ["with 之前", "2026-11-30之前", "2026-11-30"],
    ["month and day in the as-of year", "12月31日前", "2026-12-31"],
    ["month end", "2026年11月底", "2026-11-30"],
    ["month only", "2026年2月", "2026-02-28"],
    ["month end in the as-of year", "12月底前", "2026-12-31"],
    ["year end", "2026年底前", "2026-12-31"],
    ["compact text", "20261105", "2026-11-05"],
    ["compact number", 20261105, "2026-11-05"],
    ["serial that lost its format", 46331, "2026-11-05"],
    ["leap day", "2024年2月29日", "2024-02-29"],
    ["ongoing", "长期", "ongoing"],
    ["ongoing, full phrase", "持续推进", "ongoing"],
    ["empty text", "  ", "empty"],
    ["empty cell", null, "empty"],
    ["impossible day", "2026年2月30日", "invalid:2026年2月30日"],
    ["not a leap year", "2026-02-29", "invalid:2026-02-29"],
    ["month 13", "2026/13/1", "invalid:2026/13/1"],
    ["words", "尽快", "invalid:尽快"],
    ["small number", 12, "invalid:12"],
    ["boolean", true, "invalid:TRUE"],
    ["compact impossible", "20260230", "invalid:20260230"],
    ["compact number impossible", 20260230, "invalid:20260230"],
    ["compact number, first day read", 19000101, "1900-01-01"],
    ["compact number, last day read", 29991231, "2999-12-31"],
    ["first plausible serial", 20000, "1954-10-03"],
    ["last plausible serial", 80000, "2119-01-11"],
    ["January only", "2026年1月", "2026-01-31"],
    ["month 0 only", "2026年0月", "invalid:2026年0月"],
    ["month 13 only", "2026年13月", "invalid:2026年13月"],
    ["month 13 end in the as-of year", "13月底", "invalid:13月底"],
    ["ongoing in capitals", "ONGOING", "ongoing"],
    ["words, kept without their spaces", " 尽快 ", "invalid:尽快"],
    ["boolean false", false, "invalid:FALSE"],
    ["compact number before 1900", 18991231, "invalid:18991231"],
    ["compact number after 2999", 30000101, "invalid:30000101"],
    ["compact number with a fraction", 20261105.5, "invalid:20261105.5"],
    ["month and day as a number", 1231, "invalid:1231"],
    ["with 前完成", "2026年6月底前完成", "2026-06-30"],
    ["with the day of the week", "2026年11月30日（周一）", "2026-11-30"],
    ["with the day of the week, unbracketed, and 前", "2026-12-04 星期五前", "2026-12-04"],
    ["a weekday alone is no day", "周一", "invalid:周一"],
    ["with 以前办结", "11月30日以前办结", "2026-11-30"],
    ["month only, dotted", "2026.12", "2026-12-31"],
    ["month only, ISO", "2026-02", "2026-02-28"],
    ["month 13 only, dotted", "2026.13", "invalid:2026.13"],
    ["上旬 in the as-of year", "12月上旬", "2026-12-10"],
    ["中旬", "2027年1月中旬", "2027-01-20"],
    ["下旬 of February", "2月下旬前", "2026-02-28"],
    ["旬 of month 13", "13月中旬", "invalid:13月中旬"],
    ["year end in the as-of year", "年底前", "2026-12-31"],
    ["this year's end", "今年年底", "2026-12-31"],
    ["within the year, to be done", "年内完成", "2026-12-31"],
    ["within this year", "本年度内", "2026-12-31"],
    ["a quarter in Chinese numerals", "四季度", "2026-12-31"],
    ["a quarter's end", "第三季度末", "2026-09-30"],
    ["a quarter of a year", "2027年第一季度", "2027-03-31"],
    ["a quarter as Q", "2026Q2", "2026-06-30"],
    ["a quarter as q in the as-of year", "q1", "2026-03-31"],
    ["quarter 5", "第五季度", "invalid:第五季度"],
    ["first half", "上半年", "2026-06-30"],
    ["second half of a year", "2027年下半年", "2027-12-31"],
    ["only words that do not change the day", "完成", "invalid:完成"],
    ["a year alone says no day", "2026年", "invalid:2026年"],
    ["a span of months, by the end's last day", "3月-12月", "2026-12-31"],
    ["a span within a year", "2026年3月至12月", "2026-12-31"],
    ["a span of dotted months", "2026.3-2026.12", "2026-12-31"],
    ["a span of months, the end's month a number alone", "3月-12", "2026-12-31"],
    ["a span of days", "11月1日-11月30日", "2026-11-30"],
    ["a span of days, the end's day alone", "11月1日至30日", "2026-11-30"],
    ["a span of dotted days", "2026.11.30-2026.12.31", "2026-12-31"],
    ["a span with a dash, the end's year left out", "2026年11月30日—12月31日", "2026-12-31"],
    ["a span of ISO days", "2026-11-01至2026-12-31", "2026-12-31"],
    ["a span with a tilde", "11月30日~12月31日前", "2026-12-31"],
    ["a span into the next year", "2026年11月到2027年1月", "2027-01-31"],
    ["a span that ends before it starts", "12月1日-11月30日", "invalid:12月1日-11月30日"],
    ["a span whose end is no day", "11月1日-尽快", "invalid:11月1日-尽快"],
    ["a span whose end's day its month lacks", "11月1日-31日", "invalid:11月1日-31日"],
    ["a span with nothing after the dash", "11月1日-", "invalid:11月1日-"],
    ["a span of one day", "11月30日-30日", "2026-11-30"],
    ["a span from a month to a day alone is no span", "3月-12日", "invalid:3月-12日"],
    ["a span, the days of the week beside its ends", "11月2日(周一)至11月6日(周五)", "2026-11-06"],
    ["a span, the days of the week after its ends", "11月2日周一至11月6日周五", "2026-11-06"],
    ["a note in brackets inside", "11月30日（一期）前", "2026-11-30"],
    ["ongoing, in English with a note", "Ongoing (monthly)", "ongoing"],
    ["dashes of an impossible day make no span", "2026-11-31", "invalid:2026-11-31"],
    ["截至", "截至12月31日", "2026-12-31"],
    ["截止时间 and a colon", "截止时间：12月31日", "2026-12-31"],
    ["截止 after the day", "12月31日截止", "2026-12-31"],
    ["Chinese numerals, as documents write dates", "二〇二六年十二月三十一日", "2026-12-31"],
    ["Chinese numerals, a month's end", "十二月底", "2026-12-31"],
    ["Chinese numerals after a year in digits", "2026年十一月五日", "2026-11-05"],
    ["Chinese numerals, 二十", "11月二十日前", "2026-11-20"],
    ["Chinese numerals, an impossible day", "二月三十日", "invalid:二月三十日"],
    ["a month alone, in the as-of year", "12月", "2026-12-31"],
    ["a month with 份", "12月份", "2026-12-31"],
    ["month and day with a dot, as text", "11.30", "2026-11-30"],
    ["month and day with a dot, and 前", "12.31前", "2026-12-31"],
    ["month and day with a dot, impossible", "2.30", "invalid:2.30"],
    ["month and day with a dot, as a number, stays a number", 11.3, "invalid:11.3"],
    ["month and day with a slash", "12/31", "2026-12-31"],
    ["month and day with a dash, and 前", "11-30前", "2026-11-30"],
    ["month and day with a slash, impossible", "2/30", "invalid:2/30"],
    ["month and day with a slash, the month first", "31/12", "invalid:31/12"],
    ["a span of days with slashes", "11/1-11/30", "2026-11-30"],
    ["a span of days with slashes, the end's day alone", "11/15~30", "2026-11-30"],
    ["an hour of the day", "2026年12月31日24时前", "2026-12-31"],
    ["a clock time", "12月31日17:00前", "2026-12-31"],
    ["the end of the working day", "12月31日下班前", "2026-12-31"],
    ["in stages, ongoing", "分阶段推进", "ongoing"],
    ["a two-digit year, in Chinese", "26年11月30日前", "2026-11-30"],
    ["a two-digit year, dotted", "26.11.30", "2026-11-30"],
    ["a two-digit year, with slashes", "27/1/5", "2027-01-05"],
    ["a two-digit year, separators mixed", "26.11/30", "invalid:26.11/30"],
    ["a two-digit year, an impossible day", "26.2.30", "invalid:26.2.30"],
    ["moved, in brackets", "11月30日（延期至12月31日）", "2026-12-31"],
    ["moved, after a comma", "原定11月30日，延期至12月31日", "2026-12-31"],
    ["moved, alone", "延期至12月31日", "2026-12-31"],
    ["changed", "调整为2027年1月15日", "2027-01-15"],
    ["moved twice: the last", "11月30日，延期至12月15日，再顺延至12月31日", "2026-12-31"],
    ["moved to no day", "延期至另行通知", "invalid:延期至另行通知"],
    ["a note in brackets", "2026-11-30（暂定）", "2026-11-30"],
    ["a note in brackets, on a line of its own", "2026年11月30日\n（第一阶段）", "2026-11-30"],
    ["a note after a comma", "2026年11月30日，已申请延期", "2026-11-30"],
    ["a note after an ongoing word", "长期（每月检查）", "ongoing"],
    ["two days with a slash", "11月30日/12月31日", "invalid:11月30日/12月31日"],
    ["words with a note", "尽快（领导批示）", "invalid:尽快（领导批示）"],
    ["what is due, after 前", "12月31日前上报", "2026-12-31"],
    ["what is due, after 之前", "2026年11月30日之前报送材料", "2026-11-30"],
    ["what is due, after a month's end", "12月底前完成验收", "2026-12-31"],
    ["what is due, after 前完成", "2026年12月31日前完成并上报", "2026-12-31"],
    ["around a day (前后) is no day", "12月31日前后", "invalid:12月31日前后"],
    [
      "a second day after 前 is no note",
      "11月30日前完成初稿12月31日前定稿",
      "invalid:11月30日前完成初稿12月31日前定稿",
    ],
    ["an ISO date and time", "2026-12-31T17:30:00", "2026-12-31"],
    ["an ISO date and time, with a space", "2026-12-31 00:00:00", "2026-12-31"],
    // As a date and time made text shows them: the hour is not the day's last digit.
    ["a date and a time after a space", "2026/11/30 0:00:00", "2026-11-30"],
    ["a date and a short time", "2026/11/3 0:00", "2026-11-03"],
    ["a date and a time, AM", "2026-11-30 12:00:00 AM", "2026-11-30"],
    ["a date and a time, 前 after it", "2026/11/30 17:00前", "2026-11-30"],
    ["a Chinese date and a time", "2026年11月30日 17:00", "2026-11-30"],
    // Before a holiday on a fixed day, its year named: the eve.
    ["before National Day, the year named", "2026年国庆节前", "2026-09-30"],
    ["before 十一, the year named, what is due after it", "2026年十一前完成", "2026-09-30"],
    ["before New Year's Day: the year before's last day", "2027年元旦前", "2026-12-31"],
    ["before Labour Day", "2027年五一前", "2027-04-30"],
    ["before Labour Day, its other name", "2027年劳动节前", "2027-04-30"],
    // Which year's is not said; a lunar holiday's day is not one the calendar here knows.
    ["before National Day, no year", "国庆节前", "invalid:国庆节前"],
    ["before the Spring Festival, no year", "春节前", "invalid:春节前"],
    ["before the Spring Festival, spaces around", " 春节前 ", "invalid:春节前"],
    ["before the Spring Festival, the year named", "2027年春节前", "invalid:2027年春节前"],
    ["National Day itself is no deadline", "2026年国庆节", "invalid:2026年国庆节"],
    ["before National Day, moved to a day", "国庆节前（延期至12月31日）", "2026-12-31"],
  ];
  test.each(cases)("%s: %j", (_name, value, expected) => {
    expect(show(parseDate(value, 2026))).toBe(expected);
  });
  test("no cell is empty", () => expect(parseDate(undefined, 2026)).toEqual({ kind: "empty" }));
});

describe("isRelativeDeadline", () => {
  test.each([
    ["30日内", true],
    ["30 日内", true],
    ["收到通知后5个工作日内", true],
    ["三个月内", true],
    ["下月底", true],
    ["本月底", true],
    ["次年1月", true],
    ["周五前", true],
    ["立行立改", true],
    ["尽快", true],
    ["限期整改", true],
    ["11月30日", false],
    ["每月25日前", false],
    ["11月30日/尽快", false],
    ["春节前", false],
  ])("%j: %j", (text, relative) => expect(isRelativeDeadline(text)).toBe(relative));
});

describe("daySpan", () => {
  test.each([
    ["2026.11.2-11.8", "2026-11-02", "2026-11-08"],
    ["11月2日 - 8日", "2026-11-02", "2026-11-08"],
    ["截至 11月2日-8日前", "2026-11-02", "2026-11-08"],
    ["10月-12月", "2026-10-01", "2026-12-31"],
  ])("%j: %s to %s", (text, start, end) => {
    const span = daySpan(text, 2026)!;
    expect([formatDay(span.start), formatDay(span.end)]).toEqual([start, end]);
  });
  test("a day alone is no span", () => expect(daySpan("11月2日", 2026)).toBeUndefined());
});

describe("isHolidayDeadline", () => {
  test.each([
    ["春节前", true],
    ["国庆节前完成", true],
    ["国庆节 前", true],
    ["2027年春节前", true],
    ["元旦之前", true],
    ["中秋节放假前", true],
    ["端午假期前", true],
    ["十一前（暂定）", true],
    ["国庆节", false],
    ["节前", false],
    ["春节后", false],
    ["12月31日前", false],
    ["十一月前", false],
  ])("%j: %j", (text, holiday) => expect(isHolidayDeadline(text)).toBe(holiday));
});

describe("listedDays", () => {
  test.each([
    ["6月30日/12月31日", ["2026-06-30", "2026-12-31"]],
    ["6月30日 / 12月31日", ["2026-06-30", "2026-12-31"]],
    ["6月30日／9月30日、12月31日", ["2026-06-30", "2026-09-30", "2026-12-31"]],
    ["11月20日和12月1日", ["2026-11-20", "2026-12-01"]],
    ["三季度及四季度", ["2026-09-30", "2026-12-31"]],
    ["11月30日 12月31日", ["2026-11-30", "2026-12-31"]],
    ["11.30  12.31", ["2026-11-30", "2026-12-31"]],
    // One day is no list; a part that is no day makes none.
    ["11月30日", undefined],
    ["11月30日/尽快", undefined],
    ["/", undefined],
  ])("%j lists %j", (text, days) => {
    expect(listedDays(text, 2026)?.map(formatDay)).toEqual(days);
  });
});
