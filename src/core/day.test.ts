import {
  dayFromExcelSerial,
  dayFromYmd,
  daysInMonth,
  formatDay,
  isoWeekday,
  parseIsoDay,
  ymdOf,
} from "./day";

describe("dayFromYmd", () => {
  test.each([
    [1970, 1, 1, "1970-01-01"],
    [2026, 11, 5, "2026-11-05"],
    [2024, 2, 29, "2024-02-29"],
    [2000, 2, 29, "2000-02-29"],
    [2026, 12, 31, "2026-12-31"],
    [1900, 3, 1, "1900-03-01"],
    // A year under 100 is that year, not 19xx (as Date.UTC would have it).
    [26, 11, 30, "0026-11-30"],
    [0, 1, 1, "0000-01-01"],
    [99, 12, 31, "0099-12-31"],
    [100, 1, 1, "0100-01-01"],
  ])("%i-%i-%i is %s", (y, m, d, iso) => {
    expect(formatDay(dayFromYmd(y, m, d)!)).toBe(iso);
  });

  test.each([
    [2026, 2, 29],
    [2026, 2, 30],
    [1900, 2, 29],
    [2026, 4, 31],
    [2026, 13, 1],
    [2026, 0, 10],
    [2026, 1, 0],
    [2026, 1.5, 1],
  ])("%d-%d-%d does not exist", (y, m, d) => {
    expect(dayFromYmd(y, m, d)).toBeUndefined();
  });

  test("round-trips through ymdOf", () => {
    for (let day = -30000; day < 80000; day += 37) {
      const { year, month, day: d } = ymdOf(day);
      expect(dayFromYmd(year, month, d)).toBe(day);
    }
  });
});

describe("month ends and weekdays", () => {
  test.each([
    [2026, 2, 28],
    [2024, 2, 29],
    [2100, 2, 28],
    [2026, 4, 30],
    [2026, 12, 31],
  ])("%i-%i has %i days", (y, m, n) => expect(daysInMonth(y, m)).toBe(n));

  test.each([
    ["2026-11-16", 1],
    ["2026-11-21", 6],
    ["2026-11-22", 7],
    ["1970-01-01", 4],
    ["1969-12-29", 1],
  ])("%s is ISO weekday %i", (iso, wd) => expect(isoWeekday(parseIsoDay(iso)!)).toBe(wd));
});

describe("parseIsoDay", () => {
  test.each([
    ["2026-11-05", "2026-11-05"],
    [" 2026-11-05 ", "2026-11-05"],
    ["2026-2-5", undefined],
    ["2026-02-30", undefined],
    ["yesterday", undefined],
  ])("%j", (text, iso) => {
    const day = parseIsoDay(text);
    expect(day === undefined ? undefined : formatDay(day)).toBe(iso);
  });
});

describe("dayFromExcelSerial", () => {
  test.each([
    [1, false, "1900-01-01"],
    [59, false, "1900-02-28"],
    [61, false, "1900-03-01"],
    [45966, false, "2025-11-05"],
    [46331, false, "2026-11-05"],
    [46331.75, false, "2026-11-05"],
    [46331.99999999, false, "2026-11-05"],
    // Midnight less a rounding error, as a formula adding hours leaves it: the day Excel shows.
    [46330.99999999999, false, "2026-11-05"],
    [0, true, "1904-01-01"],
    [44869, true, "2026-11-05"],
    [2_958_465, false, "9999-12-31"],
    [2_958_465.5, false, "9999-12-31"],
    [2_957_003, true, "9999-12-31"],
  ])("serial %d (1904: %s) is %s", (serial, date1904, iso) => {
    expect(formatDay(dayFromExcelSerial(serial, date1904)!)).toBe(iso);
  });

  test.each([[60], [0], [-1], [Number.NaN], [2_958_466], [4_630_046_300], [Infinity]])(
    "serial %d is no day in the 1900 system",
    (serial) => expect(dayFromExcelSerial(serial, false)).toBeUndefined(),
  );

  test("past 9999-12-31 in the 1904 system is no day either", () => {
    expect(dayFromExcelSerial(2_957_004, true)).toBeUndefined();
  });
});
