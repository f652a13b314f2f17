import { formatDay } from "../day";
import { parseDate, type ParsedDate } from "./date";
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
  ];
  test.each(cases)("%s: %j", (_name, value, expected) => {
    expect(show(parseDate(value, 2026))).toBe(expected);
  });
  test("no cell is empty", () => expect(parseDate(undefined, 2026)).toEqual({ kind: "empty" }));
});
