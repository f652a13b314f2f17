import { buildCalendar } from "../calendar";
import { formatDay, parseIsoDay } from "../day";
import type { CellValue } from "../workbook";
import { parseDeadlineRule, resolveRule } from "./deadline-rule";
import { periodFromId, type RecurringCycle } from "./periods";

// Monday to Friday, so that the working-day cases do not move with the holiday data.
const calendar = buildCalendar("mon-fri");

/** The deadline a rule gives a period, or the problem; `cycle` is the cycle column (none: undefined). */
function deadline(rule: CellValue, cycle: RecurringCycle | undefined, periodId: string): string {
  const resolved = resolveRule(parseDeadlineRule(rule), cycle, calendar);
  if ("problem" in resolved) return resolved.problem;
  const period = periodFromId(periodId)!;
  expect(period.cycle).toBe(resolved.cycle);
  const day = resolved.deadline(period);
  expect(day).toBeGreaterThanOrEqual(period.start);
  return formatDay(day);
}

type Case = [string, CellValue, RecurringCycle | undefined, string, string];

describe("Chinese rules", () => {
  const cases: Case[] = [
    ["每月N日前", "每月25日前", "month", "2026-02", "2026-02-25"],
    ["the cycle from the rule", "每月25日前", undefined, "2026-11", "2026-11-25"],
    ["号", "每月25号前", "month", "2026-11", "2026-11-25"],
    ["Chinese numerals", "每月二十五日前", "month", "2026-11", "2026-11-25"],
    ["十日", "每月十日前", "month", "2026-11", "2026-11-10"],
    ["spaces and full-width digits", " 每月 ２５ 日前 ", "month", "2026-11", "2026-11-25"],
    ["a verb after it", "于每月25日前完成", "month", "2026-11", "2026-11-25"],
    ["报送", "每月5日前报送", "month", "2026-11", "2026-11-05"],
    ["the end of the working day", "每周五下班前", "week", "2026-W46", "2026-11-13"],
    ["a clock time", "每月25日17:00前", "month", "2026-11", "2026-11-25"],
    ["an hour", "每月5日12时前报送", "month", "2026-11", "2026-11-05"],
    ["的", "每月的20日", "month", "2026-11", "2026-11-20"],
    ["N日 alone is monthly", "25日前", "month", "2026-11", "2026-11-25"],
    ["a day past the month's end is its last day", "每月31日前", "month", "2026-02", "2026-02-28"],
    ["… in a 30-day month", "每月31日前", "month", "2026-04", "2026-04-30"],
    ["每月底", "每月底", "month", "2026-02", "2026-02-28"],
    ["每月底 in a leap year", "每月底", "month", "2024-02", "2024-02-29"],
    ["每月末", "每月末", "month", "2026-11", "2026-11-30"],
    ["月末", "月末", undefined, "2026-11", "2026-11-30"],
    ["月底前", "月底前", "month", "2026-12", "2026-12-31"],
    ["每月月底", "每月月底前", "month", "2026-11", "2026-11-30"],
    ["最后一天", "每月最后一天", "month", "2026-11", "2026-11-30"],
    ["上旬", "每月上旬", "month", "2026-11", "2026-11-10"],
    ["中旬", "每月中旬", "month", "2026-11", "2026-11-20"],
    ["下旬", "每月下旬", "month", "2026-02", "2026-02-28"],
    ["次月N日前", "次月5日前", "month", "2026-10", "2026-11-05"],
    ["次月 across the year", "每月次月5日前", "month", "2026-12", "2027-01-05"],
    ["下月底", "下月底前", "month", "2026-01", "2026-02-28"],
    ["每季度末", "每季度末", "quarter", "2026-Q3", "2026-09-30"],
    ["每季末", "每季末", "quarter", "2026-Q1", "2026-03-31"],
    ["季度末 names its cycle", "季度末", undefined, "2026-Q4", "2026-12-31"],
    ["每季度首月10日前", "每季度首月10日前", "quarter", "2026-Q3", "2026-07-10"],
    ["首月 without 每季度 is quarterly", "首月10日前", undefined, "2026-Q1", "2026-01-10"],
    ["第二个月", "每季度第二个月15日", "quarter", "2026-Q3", "2026-08-15"],
    ["末月", "每季度末月25日前", "quarter", "2026-Q3", "2026-09-25"],
    ["次月 after a quarter", "每季度次月10日前", "quarter", "2026-Q4", "2027-01-10"],
    // Monday to Friday here: 31 October 2026 is a Saturday, 1 November a Sunday.
    ["the month's last working day", "每月最后一个工作日", "month", "2026-10", "2026-10-30"],
    ["its first", "每月第一个工作日", "month", "2026-11", "2026-11-02"],
    ["within its first five", "每月前5个工作日", "month", "2026-11", "2026-11-06"],
    ["five working days, 内", "每月5个工作日内报送", "month", "2026-11", "2026-11-06"],
    ["the next month's first five", "次月前5个工作日", "month", "2026-10", "2026-11-06"],
    ["a week's last working day", "每周最后一个工作日", "week", "2026-W46", "2026-11-13"],
    ["a quarter's first working day", "每季度第一个工作日", "quarter", "2026-Q1", "2026-01-01"],
    [
      "more working days than the month has: its last day",
      "每月第30个工作日",
      "month",
      "2026-11",
      "2026-11-30",
    ],
    ["结束后N日内", "每季度结束后10日内", "quarter", "2026-Q3", "2026-10-10"],
    ["结束后N个工作日内", "每月结束后5个工作日内", "month", "2026-10", "2026-11-06"],
    ["每旬末", "每旬末", "tenDay", "2026-10-1", "2026-10-10"],
    ["每半月末", "每半月末", "halfMonth", "2026-10-H2", "2026-10-31"],
    ["a half month's last working day", "每半月最后一个工作日", "halfMonth", "2026-11-H1", "2026-11-13"],
    ["no rule, 半月", null, "halfMonth", "2026-02-H1", "2026-02-15"],
    ["每旬末, February", "每旬末", "tenDay", "2026-02-3", "2026-02-28"],
    ["每旬末, a 31-day month", "每旬末", "tenDay", "2026-01-3", "2026-01-31"],
    ["每周五", "每周五", "week", "2026-W46", "2026-11-13"],
    ["每周一", "每周一前", "week", "2026-W46", "2026-11-09"],
    ["星期", "每星期五", "week", "2026-W46", "2026-11-13"],
    ["周日", "周日", undefined, "2026-W46", "2026-11-15"],
    ["a week across the year", "每周五", "week", "2026-W53", "2027-01-01"],
    ["每周末", "每周末", "week", "2026-W46", "2026-11-15"],
    ["每半年末", "每半年末", "half", "2026-H1", "2026-06-30"],
    ["每半年末, H2", "每半年末", "half", "2026-H2", "2026-12-31"],
    ["每年M月D日前", "每年12月31日前", "year", "2026", "2026-12-31"],
    ["M月D日 alone is yearly", "6月30日前", undefined, "2026", "2026-06-30"],
    ["每年M月底", "每年6月底前", "year", "2026", "2026-06-30"],
    ["29 February in a common year", "每年2月29日", "year", "2026", "2026-02-28"],
    ["29 February in a leap year", "每年2月29日", "year", "2024", "2024-02-29"],
    ["年底前", "年底前", undefined, "2026", "2026-12-31"],
    ["每年年底", "每年年底前", "year", "2026", "2026-12-31"],
    ["年末", "年末", "year", "2026", "2026-12-31"],
    ["每日", "每日", "day", "2026-11-16", "2026-11-16"],
    ["每天", "每天", undefined, "2026-11-16", "2026-11-16"],
    ["每个工作日", "每个工作日", "day", "2026-11-16", "2026-11-16"],
    ["a date cell: that day every year", { day: parseIsoDay("2025-12-31")! }, "year", "2026", "2026-12-31"],
    ["no rule: the period's end", null, "month", "2026-02", "2026-02-28"],
    ["no rule, 旬", "", "tenDay", "2026-02-3", "2026-02-28"],
    ["no rule, week", null, "week", "2026-W53", "2027-01-03"],
  ];
  test.each(cases)("%s: %j (%s) for %s", (_name, rule, cycle, period, expected) => {
    expect(deadline(rule, cycle, period)).toBe(expected);
  });
});

describe("English rules", () => {
  const cases: Case[] = [
    ["by the Nth of each month", "by the 25th of each month", "month", "2026-02", "2026-02-25"],
    ["Nth of every month", "25th of every month", undefined, "2026-11", "2026-11-25"],
    ["the Nth day of the month", "The 5th day of each month", "month", "2026-11", "2026-11-05"],
    ["Nth monthly", "10th monthly", "month", "2026-11", "2026-11-10"],
    ["the last working day", "last working day of each month", undefined, "2026-10", "2026-10-30"],
    ["the first business day", "First business day of every quarter", "quarter", "2026-Q4", "2026-10-01"],
    ["the Nth working day", "the 3rd working day of the month", "month", "2026-11", "2026-11-04"],
    ["end of month", "end of month", "month", "2026-02", "2026-02-28"],
    ["by the end of each month", "By the end of each month", undefined, "2026-11", "2026-11-30"],
    ["month end", "Month-end", "month", "2026-11", "2026-11-30"],
    ["monthly", "monthly", undefined, "2026-11", "2026-11-30"],
    ["end of quarter", "end of quarter", "quarter", "2026-Q3", "2026-09-30"],
    ["quarter end", "quarter end", undefined, "2026-Q2", "2026-06-30"],
    [
      "first month of each quarter",
      "by the 10th of the first month of each quarter",
      "quarter",
      "2026-Q3",
      "2026-07-10",
    ],
    [
      "last month of each quarter",
      "25th of the last month of every quarter",
      undefined,
      "2026-Q3",
      "2026-09-25",
    ],
    ["the next month", "by the 5th of the next month", "month", "2026-12", "2027-01-05"],
    ["end of each ten-day period", "end of each ten-day period", "tenDay", "2026-02-3", "2026-02-28"],
    ["Friday each week", "Friday each week", "week", "2026-W46", "2026-11-13"],
    ["every Friday", "every Friday", undefined, "2026-W46", "2026-11-13"],
    ["Fridays", "Fridays", "week", "2026-W46", "2026-11-13"],
    ["by Friday", "by Friday", "week", "2026-W46", "2026-11-13"],
    ["Mon of every week", "Mon of every week", "week", "2026-W46", "2026-11-09"],
    ["end of week", "end of the week", "week", "2026-W46", "2026-11-15"],
    ["end of half-year", "end of each half-year", "half", "2026-H1", "2026-06-30"],
    ["December 31 each year", "by December 31 each year", "year", "2026", "2026-12-31"],
    ["31 December", "31 December", undefined, "2026", "2026-12-31"],
    ["Dec 31st", "Dec 31st", "year", "2026", "2026-12-31"],
    ["the 30th of June annually", "the 30th of June, annually", "year", "2026", "2026-06-30"],
    ["end of year", "end of year", "year", "2026", "2026-12-31"],
    ["year end", "year-end", undefined, "2026", "2026-12-31"],
    [
      "working days after the end",
      "within 5 working days after the end of the month",
      "month",
      "2026-10",
      "2026-11-06",
    ],
    ["days after the quarter ends", "10 days after the quarter ends", undefined, "2026-Q3", "2026-10-10"],
    ["days after the period ends", "3 days after period end", "week", "2026-W46", "2026-11-18"],
    ["daily", "daily", undefined, "2026-11-16", "2026-11-16"],
    ["every working day", "every working day", "day", "2026-11-16", "2026-11-16"],
  ];
  test.each(cases)("%s: %j (%s) for %s", (_name, rule, cycle, period, expected) => {
    expect(deadline(rule, cycle, period)).toBe(expected);
  });
});

describe("rules that cannot be used", () => {
  const cases: Array<[string, CellValue, RecurringCycle | undefined, string]> = [
    ["words", "尽快", "month", "unreadable"],
    ["English words", "as soon as possible", "month", "unreadable"],
    ["a 32nd day", "每月32日前", "month", "unreadable"],
    ["an eighth weekday", "每周八", "week", "unreadable"],
    ["a 13th month", "每年13月1日", "year", "unreadable"],
    ["30 February", "每年2月30日", "year", "unreadable"],
    ["a bare number", 5, "month", "unreadable"],
    ["two deadlines a month", "每月5日、20日前", "month", "unreadable"],
    ["a monthly rule for a quarterly task", "每月25日前", "quarter", "cycle-mismatch"],
    ["a weekly rule for a monthly task", "每周五", "month", "cycle-mismatch"],
    ["a quarter's first month for a monthly task", "每季度首月10日前", "month", "cycle-mismatch"],
    ["N日 for a weekly task", "25日前", "week", "cycle-mismatch"],
    ["a yearly date for a monthly task", "12月31日前", "month", "cycle-mismatch"],
    ["a date cell for a monthly task", { day: parseIsoDay("2026-12-31")! }, "month", "cycle-mismatch"],
    ["a day of the month for a 旬", "每月25日前", "tenDay", "cycle-mismatch"],
    ["a monthly rule for a 半月 task", "每月25日前", "halfMonth", "cycle-mismatch"],
    ["end of quarter for a monthly task", "end of quarter", "month", "cycle-mismatch"],
    ["a fourth month of a quarter", "by the 10th of the last month of each week", "week", "unreadable"],
    ["no rule and no cycle", null, undefined, "no-cycle"],
    ["a working day of a day", "每日最后一个工作日", "day", "cycle-mismatch"],
    ["working days and no cycle", "最后一个工作日", undefined, "no-cycle"],
    ["a 0th working day", "每月第0个工作日", "month", "unreadable"],
    ["a rule that names no cycle, and no cycle column", "结束后5日内", undefined, "no-cycle"],
  ];
  test.each(cases)("%s: %j (%s)", (_name, rule, cycle, expected) => {
    expect(deadline(rule, cycle, "2026-11")).toBe(expected);
  });

  test("an unreadable rule keeps its text for the message", () => {
    expect(parseDeadlineRule(" 尽快 ")).toEqual({ kind: "invalid", text: "尽快" });
    expect(parseDeadlineRule("   ")).toEqual({ kind: "empty" });
  });
});
