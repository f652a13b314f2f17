import { buildCalendar, dueSoonLimit, workdaysBetween } from "./calendar";
import { formatDay, parseIsoDay } from "./day";

const day = (iso: string) => parseIsoDay(iso)!;

describe("mainland calendar", () => {
  const calendar = buildCalendar("mainland");
  test.each([
    ["2026-10-01", false, "National Day"],
    ["2026-10-07", false, "National Day"],
    ["2026-10-09", true, "an ordinary Friday"],
    ["2026-02-14", true, "a Saturday made a workday (调休) for the Spring Festival"],
    ["2026-02-16", false, "Spring Festival"],
    ["2026-11-21", false, "a Saturday"],
    ["2026-11-23", true, "a Monday"],
    ["2025-10-11", true, "a Saturday made a workday in 2025"],
  ])("%s is a workday: %s (%s)", (iso, expected) => expect(calendar.isWorkday(day(iso))).toBe(expected));

  test("knows the years of its data and no others", () => {
    expect(calendar.knows(day("2026-12-31"))).toBe(true);
    expect(calendar.knows(day("2004-01-05"))).toBe(true);
    expect(calendar.knows(day(`${calendar.lastKnownYear! + 1}-01-04`))).toBe(false);
  });

  test("a holiday sheet overrides the data and makes its year known", () => {
    const overrides = new Map([
      [day("2027-01-01"), false],
      [day("2026-11-23"), false],
      [day("2026-11-21"), true],
    ]);
    const own = buildCalendar("mainland", overrides);
    expect(own.isWorkday(day("2027-01-01"))).toBe(false);
    expect(own.isWorkday(day("2026-11-23"))).toBe(false);
    expect(own.isWorkday(day("2026-11-21"))).toBe(true);
    expect(own.knows(day("2027-06-01"))).toBe(true);
  });
});

describe("other modes", () => {
  test.each([
    ["mon-fri", "2026-10-01", true],
    ["mon-fri", "2026-11-21", false],
    ["mon-fri", "2026-02-14", false],
    ["every-day", "2026-11-21", true],
    ["every-day", "2026-10-01", true],
  ] as const)("%s: %s is a workday: %s", (mode, iso, expected) => {
    expect(buildCalendar(mode).isWorkday(day(iso))).toBe(expected);
  });
});

describe("dueSoonLimit", () => {
  test.each([
    // As-of Friday 2026-11-20, 3 working days after it: Mon 23, Tue 24, Wed 25; the 4th is Thu 26.
    ["mainland", "2026-11-20", 3, "2026-11-26", undefined],
    ["every-day", "2026-11-20", 3, "2026-11-24", undefined],
    ["mainland", "2026-11-20", 0, "2026-11-23", undefined],
    // Around National Day: after as-of 2026-09-30 the first workday is 10-08, the second 10-09.
    ["mainland", "2026-09-30", 1, "2026-10-09", undefined],
    // Into the year the data does not know.
    ["mainland", "2026-12-29", 3, "2027-01-04", "2027-01-01"],
  ] as const)("%s as-of %s with %i days: limit %s", (mode, asOf, n, limit, assumed) => {
    const result = dueSoonLimit(buildCalendar(mode), day(asOf), n);
    expect(formatDay(result.limit)).toBe(limit);
    expect(result.assumedFrom === undefined ? undefined : formatDay(result.assumedFrom)).toBe(assumed);
  });

  test("workdaysBetween counts after from, up to and including to", () => {
    const calendar = buildCalendar("mainland");
    expect(workdaysBetween(calendar, day("2026-11-20"), day("2026-11-25"))).toBe(3);
    expect(workdaysBetween(calendar, day("2026-11-20"), day("2026-11-20"))).toBe(0);
    expect(workdaysBetween(calendar, day("2026-09-30"), day("2026-10-08"))).toBe(1);
  });
});
