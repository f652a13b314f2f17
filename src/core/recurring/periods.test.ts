import { buildCalendar } from "../calendar";
import { formatDay, parseIsoDay } from "../day";
import type { CellValue } from "../workbook";
import { formatPeriod } from "./period-label";
import {
  parsePeriod,
  periodContaining,
  periodFromId,
  periodIn,
  periodsBetween,
  type Period,
  type RecurringCycle,
} from "./periods";

const day = (iso: string) => parseIsoDay(iso)!;
const show = (p: Period | undefined) => (p ? `${p.id} ${formatDay(p.start)}..${formatDay(p.end)}` : "none");

describe("periodContaining: one of each cycle", () => {
  const cases: Array<[RecurringCycle, string, string]> = [
    ["year", "2026-11-18", "2026 2026-01-01..2026-12-31"],
    ["half", "2026-06-30", "2026-H1 2026-01-01..2026-06-30"],
    ["half", "2026-07-01", "2026-H2 2026-07-01..2026-12-31"],
    ["quarter", "2026-08-15", "2026-Q3 2026-07-01..2026-09-30"],
    ["quarter", "2026-12-31", "2026-Q4 2026-10-01..2026-12-31"],
    ["month", "2026-10-15", "2026-10 2026-10-01..2026-10-31"],
    ["month", "2026-02-01", "2026-02 2026-02-01..2026-02-28"],
    ["tenDay", "2026-10-15", "2026-10-2 2026-10-11..2026-10-20"],
    ["halfMonth", "2026-10-15", "2026-10-H1 2026-10-01..2026-10-15"],
    ["halfMonth", "2026-10-16", "2026-10-H2 2026-10-16..2026-10-31"],
    ["halfMonth", "2024-02-29", "2024-02-H2 2024-02-16..2024-02-29"],
    ["week", "2026-11-18", "2026-W47 2026-11-16..2026-11-22"],
    ["day", "2026-10-15", "2026-10-15 2026-10-15..2026-10-15"],
  ];
  test.each(cases)("%s of %s", (cycle, iso, expected) => {
    expect(show(periodContaining(cycle, day(iso)))).toBe(expected);
  });
});

describe("旬: 上旬 1-10, 中旬 11-20, 下旬 21 to the month's end (8 to 11 days)", () => {
  const cases: Array<[string, string, number]> = [
    ["2026-10-01", "2026-10-1 2026-10-01..2026-10-10", 10],
    ["2026-10-10", "2026-10-1 2026-10-01..2026-10-10", 10],
    ["2026-10-11", "2026-10-2 2026-10-11..2026-10-20", 10],
    ["2026-10-20", "2026-10-2 2026-10-11..2026-10-20", 10],
    ["2026-10-21", "2026-10-3 2026-10-21..2026-10-31", 11],
    ["2026-01-31", "2026-01-3 2026-01-21..2026-01-31", 11],
    ["2026-12-31", "2026-12-3 2026-12-21..2026-12-31", 11],
    ["2026-04-30", "2026-04-3 2026-04-21..2026-04-30", 10],
    ["2026-02-21", "2026-02-3 2026-02-21..2026-02-28", 8],
    ["2026-02-28", "2026-02-3 2026-02-21..2026-02-28", 8],
    ["2024-02-29", "2024-02-3 2024-02-21..2024-02-29", 9],
    ["2100-02-25", "2100-02-3 2100-02-21..2100-02-28", 8],
  ];
  test.each(cases)("%s is in %s", (iso, expected, length) => {
    const period = periodContaining("tenDay", day(iso));
    expect(show(period)).toBe(expected);
    expect(period.end - period.start + 1).toBe(length);
  });

  test("the 半月 of a year tile it too: 24 periods, no gap, no overlap", () => {
    const periods = periodsBetween("halfMonth", day("2024-01-01"), day("2024-12-31"));
    expect(periods).toHaveLength(24);
    periods.slice(1).forEach((p, i) => expect(p.start).toBe(periods[i]!.end + 1));
  });

  test("the 旬 of a year tile it: 36 periods, no gap, no overlap", () => {
    const periods = periodsBetween("tenDay", day("2024-01-01"), day("2024-12-31"));
    expect(periods).toHaveLength(36);
    periods.slice(1).forEach((p, i) => expect(p.start).toBe(periods[i]!.end + 1));
    expect(periods.reduce((n, p) => n + p.end - p.start + 1, 0)).toBe(366);
  });
});

describe("ISO weeks: Monday first, in the year of their Thursday", () => {
  const cases: Array<[string, string]> = [
    ["2026-01-01", "2026-W01 2025-12-29..2026-01-04"],
    ["2025-12-29", "2026-W01 2025-12-29..2026-01-04"],
    ["2026-12-31", "2026-W53 2026-12-28..2027-01-03"],
    ["2027-01-01", "2026-W53 2026-12-28..2027-01-03"],
    ["2027-01-03", "2026-W53 2026-12-28..2027-01-03"],
    ["2027-01-04", "2027-W01 2027-01-04..2027-01-10"],
    ["2024-12-30", "2025-W01 2024-12-30..2025-01-05"],
    ["2024-12-29", "2024-W52 2024-12-23..2024-12-29"],
    ["2025-12-28", "2025-W52 2025-12-22..2025-12-28"],
    ["2021-01-03", "2020-W53 2020-12-28..2021-01-03"],
    ["2026-11-13", "2026-W46 2026-11-09..2026-11-15"],
  ];
  test.each(cases)("%s is in %s", (iso, expected) => {
    expect(show(periodContaining("week", day(iso)))).toBe(expected);
  });

  test("weeks of a year with 53 tile it", () => {
    const weeks = periodsBetween("week", day("2026-01-01"), day("2026-12-31"));
    expect(weeks.map((w) => w.id)).toEqual(
      Array.from({ length: 53 }, (_, i) => `2026-W${String(i + 1).padStart(2, "0")}`),
    );
  });
});

describe("periodFromId reads every canonical id back, and nothing else", () => {
  test.each([
    "2026",
    "2026-H1",
    "2026-H2",
    "2026-Q1",
    "2026-Q4",
    "2026-02",
    "2026-02-1",
    "2026-02-3",
    "2026-W01",
    "2026-W53",
    "2024-02-29",
  ])("%s", (id) => {
    expect(periodFromId(id)?.id).toBe(id);
  });
  test.each(["2026-H3", "2026-Q5", "2026-13", "2026-02-4", "2025-W53", "2026-W00", "2026-02-30", "26-01"])(
    "not %s",
    (id) => {
      expect(periodFromId(id)).toBeUndefined();
    },
  );
});

describe("parsePeriod: what clerks write in 期次 / 所属期", () => {
  const cases: Array<[string, CellValue, string]> = [
    ["年月", "2026年10月", "2026-10"],
    ["年月份", "2026年10月份", "2026-10"],
    ["ISO month", "2026-10", "2026-10"],
    ["month without zero", "2026-3", "2026-03"],
    ["slash month", "2026/10", "2026-10"],
    ["dot month", "2026.10", "2026-10"],
    ["month in the as-of year", "10月", "2026-10"],
    ["月份 in the as-of year", "3月份", "2026-03"],
    ["full-width", "２０２６年１０月", "2026-10"],
    ["spaces", " 2026 年 10 月 ", "2026-10"],
    ["English month", "October 2026", "2026-10"],
    ["English short month", "Oct. 2026", "2026-10"],
    ["year then English month", "2026 Oct", "2026-10"],
    ["第N季度", "2026年第3季度", "2026-Q3"],
    ["Chinese numeral quarter", "2026年三季度", "2026-Q3"],
    ["第三季度", "2026年第三季度", "2026-Q3"],
    ["quarter in the as-of year", "一季度", "2026-Q1"],
    ["第N季", "第4季", "2026-Q4"],
    ["2026Q3", "2026Q3", "2026-Q3"],
    ["lower-case q", "2026q3", "2026-Q3"],
    ["canonical quarter", "2026-Q3", "2026-Q3"],
    ["Q3 2026", "Q3 2026", "2026-Q3"],
    ["上半年", "2026年上半年", "2026-H1"],
    ["下半年", "2026年下半年", "2026-H2"],
    ["half in the as-of year", "上半年", "2026-H1"],
    ["2026H2", "2026H2", "2026-H2"],
    ["H1 2026", "H1 2026", "2026-H1"],
    ["上旬", "2026年11月上旬", "2026-11-1"],
    ["中旬 in the as-of year", "11月中旬", "2026-11-2"],
    ["下旬", "2026年2月下旬", "2026-02-3"],
    ["第N旬", "2026年11月第2旬", "2026-11-2"],
    ["canonical 旬", "2026-11-3", "2026-11-3"],
    ["第N周", "2026年第46周", "2026-W46"],
    ["第N周 in the as-of year", "第46周", "2026-W46"],
    ["N周", "2026年46周", "2026-W46"],
    ["canonical week", "2026-W46", "2026-W46"],
    ["week without dash", "2026W46", "2026-W46"],
    ["week alone", "W5", "2026-W05"],
    ["English week", "Week 46 2026", "2026-W46"],
    ["year", "2026年", "2026"],
    ["年度", "2026年度", "2026"],
    ["year text", "2026", "2026"],
    ["year number", 2026, "2026"],
    ["date cell: the day", { day: parseIsoDay("2026-10-15")! }, "2026-10-15"],
    ["date text: the day", "2026-10-15", "2026-10-15"],
    ["Chinese date: the day", "2026年10月15日", "2026-10-15"],
    ["date serial that lost its format", 46310, "2026-10-15"],
    ["a date and time made text: the day", "2026/10/30 0:00:00", "2026-10-30"],
    ["an ISO date and time: the day", "2026-10-30T08:00", "2026-10-30"],
    ["a week of a month", "11月第2周", "2026-W46"],
    ["the first week of a month: the one with its first Thursday", "2026年11月第一周", "2026-W45"],
    ["a month's fifth week", "2026年10月第5周", "2026-W44"],
    ["a fifth week the month has not", "2026年11月第5周", "invalid"],
    ["a month in Chinese numerals", "十一月", "2026-11"],
    ["a year and month in Chinese numerals", "二〇二六年十一月份", "2026-11"],
    ["a week's span of days", "2026.11.2-11.8", "2026-W45"],
    ["a week's span, the end's month left out", "11月2日-8日", "2026-W45"],
    ["a week's span with 至", "2026年11月2日至11月8日", "2026-W45"],
    ["Sunday to Saturday: the week holding most of it", "11.1-11.7", "2026-W45"],
    ["a span across the year's end: the ISO week", "2026.12.28-2027.1.3", "2026-W53"],
    ["a span of ten days: the 旬", "11.1-11.10", "2026-11-1"],
    ["a month's days", "11月1日-30日", "2026-11"],
    ["a half month's days", "11.1-11.15", "2026-11-H1"],
    ["the second half of a month's days", "11月16日-30日", "2026-11-H2"],
    ["a span across the halves: the month", "11.10-11.20", "2026-11"],
    ["上半月", "2026年11月上半月", "2026-11-H1"],
    ["下半月 in the as-of year", "11月下半月", "2026-11-H2"],
    ["canonical half month", "2026-11-H2", "2026-11-H2"],
    ["months: the quarter", "10月-12月", "2026-Q4"],
    ["a span longer than a year", "2026.1.1-2027.1.5", "invalid"],
    ["a span that ends before it starts", "11.8-11.2", "invalid"],
    ["empty", "  ", "empty"],
    ["null", null, "empty"],
    ["month 13", "2026年13月", "invalid"],
    ["a 54th week", "2026年第54周", "invalid"],
    ["no 53rd week in 2025", "2025-W53", "invalid"],
    ["a fifth quarter", "2026年第5季度", "invalid"],
    ["words", "下周", "invalid"],
    ["impossible day", "2026年2月30日", "invalid"],
    ["boolean", true, "invalid"],
  ];
  test.each(cases)("%s: %j", (_name, value, expected) => {
    const parsed = parsePeriod(value, 2026);
    expect(parsed.kind === "period" ? parsed.period.id : parsed.kind).toBe(expected);
  });
});

describe("periodIn: the period of a task's cycle that a ledger period counts for", () => {
  const cases: Array<[string, RecurringCycle, string]> = [
    ["2026-10", "month", "2026-10"],
    ["2026-10-15", "month", "2026-10"],
    ["2026-10-15", "tenDay", "2026-10-2"],
    ["2026-10-15", "week", "2026-W42"],
    ["2026-10-3", "month", "2026-10"],
    ["2026-10-20", "halfMonth", "2026-10-H2"],
    ["2026-10-H1", "month", "2026-10"],
    ["2026-10", "halfMonth", "none"],
    ["2026-10", "quarter", "2026-Q4"],
    ["2026-Q2", "half", "2026-H1"],
    // 26 Oct - 1 Nov: its Thursday is 29 October.
    ["2026-W44", "month", "2026-10"],
    // 28 Dec 2026 - 3 Jan 2027 belongs to 2026.
    ["2026-W53", "year", "2026"],
    ["2026-10", "week", "none"],
    ["2026-Q3", "month", "none"],
    ["2026", "half", "none"],
  ];
  test.each(cases)("%s for a %s task: %s", (id, cycle, expected) => {
    expect(periodIn(periodFromId(id)!, cycle)?.id ?? "none").toBe(expected);
  });
});

describe("periodsBetween", () => {
  test("every period overlapping the range, in order", () => {
    const ids = periodsBetween("quarter", day("2026-02-15"), day("2026-07-01")).map((p) => p.id);
    expect(ids).toEqual(["2026-Q1", "2026-Q2", "2026-Q3"]);
  });

  test("a daily cycle counts working days only", () => {
    const days = periodsBetween("day", day("2026-11-13"), day("2026-11-18"), buildCalendar("mon-fri"));
    expect(days.map((p) => p.id)).toEqual(["2026-11-13", "2026-11-16", "2026-11-17", "2026-11-18"]);
  });

  test("the mainland calendar's holidays and make-up workdays (国庆 2026)", () => {
    const mainland = buildCalendar("mainland");
    const days = periodsBetween("day", day("2026-09-30"), day("2026-10-10"), mainland).map((p) => p.id);
    for (const id of days) expect(mainland.isWorkday(periodFromId(id)!.start)).toBe(true);
    expect(days).not.toContain("2026-10-01");
    expect(days).toContain("2026-09-30");
  });
});

describe("formatPeriod", () => {
  const cases: Array<[string, string, string]> = [
    ["2026", "2026年", "2026"],
    ["2026-H2", "2026年下半年", "H2 2026"],
    ["2026-Q3", "2026年第3季度", "Q3 2026"],
    ["2026-10", "2026年10月", "October 2026"],
    ["2026-02-3", "2026年2月下旬", "21–28 February 2026"],
    ["2026-11-H1", "2026年11月上半月", "1–15 November 2026"],
    ["2026-02-H2", "2026年2月下半月", "16–28 February 2026"],
    ["2026-W46", "2026年第46周（11月9日–11月15日）", "week 46 of 2026 (9 Nov–15 Nov)"],
    ["2026-10-15", "2026年10月15日", "2026-10-15"],
    ["whatever", "whatever", "whatever"],
  ];
  test.each(cases)("%s", (id, zh, en) => {
    expect(formatPeriod(id, "zh-CN")).toBe(zh);
    expect(formatPeriod(id, "en-US")).toBe(en);
  });
});
