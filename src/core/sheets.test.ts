import { checkWorkbook } from "./check";
import { formatDay, parseIsoDay } from "./day";
import { DEFAULT_SETTINGS } from "./settings";
import { findHelperSheet, readHolidayOverrides, readRoster } from "./sheets";
import type { CellValue, SheetGrid, WorkbookModel } from "./workbook";

const sheet = (name: string, rows: CellValue[][]): SheetGrid => ({ name, rows, merges: [] });

describe("roster", () => {
  test("the first column, without its header, blanks or repeats; the second is the type", () => {
    const roster = readRoster(
      sheet("单位名单", [
        ["单位名称", "类型"],
        ["综采一队", "区队"],
        [null],
        ["　机电科 ", "科室"],
        ["综采一队", "区队"],
        [3, "x"],
      ]),
    );
    expect(roster).toEqual([
      { name: "综采一队", type: "区队" },
      { name: "机电科", type: "科室" },
    ]);
  });

  test.each([
    {
      name: "a title, then 序号 before the names, and the type under 单位类型",
      rows: [
        ["2026年责任单位名单"],
        ["序号", "单位名称", "单位类型"],
        [1, "机电科", "科室"],
        [2, "综采一队", "区队"],
      ],
      units: [
        { name: "机电科", type: "科室" },
        { name: "综采一队", type: "区队" },
      ],
    },
    {
      name: "the type column before the names",
      rows: [
        ["类型", "部门名称"],
        ["科室", "机电科"],
      ],
      units: [{ name: "机电科", type: "科室" }],
    },
    {
      name: "a header without a type column: the column after the names, as without a header",
      rows: [
        ["序号", "单位", "性质"],
        [1, "第一党支部", "支部"],
      ],
      units: [{ name: "第一党支部", type: "支部" }],
    },
    {
      name: "no header: the first column and the second",
      rows: [["综采一队", "区队"], ["机电科"]],
      units: [
        { name: "综采一队", type: "区队" },
        { name: "机电科", type: "" },
      ],
    },
  ])("$name", ({ rows, units }) => {
    expect(readRoster(sheet("单位名单", rows as CellValue[][]))).toEqual(units);
  });

  test.each([["单位名单"], ["Units"], ["单位"], ["责任单位"], [" 单位名单 "]])(
    "a sheet named %j is the roster",
    (name) => {
      const workbook: WorkbookModel = { fileName: "t.xlsx", sheets: [sheet("任务", []), sheet(name, [])] };
      expect(findHelperSheet(workbook, undefined, "roster")?.name).toBe(name);
    },
  );

  test("the settings can name another sheet", () => {
    const workbook: WorkbookModel = {
      fileName: "t.xlsx",
      sheets: [sheet("单位名单", []), sheet("科室", [])],
    };
    expect(findHelperSheet(workbook, "科室", "roster")?.name).toBe("科室");
  });
});

describe("holiday sheet", () => {
  test("a date per row, and 休 or 班 beside it; a date alone is a day off", () => {
    const overrides = readHolidayOverrides(
      sheet("节假日", [
        ["日期", "类型", "名称"],
        ["2027-01-01", "休", "元旦"],
        [{ day: parseIsoDay("2027-01-04")! }, "班"],
        ["2027年2月10日"],
        ["Holiday", "2027-05-03", "holiday"],
        ["2027-09-26", "workday"],
      ]),
      2026,
    );
    expect([...overrides].map(([day, work]) => [formatDay(day), work])).toEqual([
      ["2027-01-01", false],
      ["2027-01-04", true],
      ["2027-02-10", false],
      ["2027-05-03", false],
      ["2027-09-26", true],
    ]);
  });

  const runs: Array<[string, CellValue[], string[]]> = [
    [
      "a run with 至, the end without its year",
      ["国庆节", "2026年10月1日至10月8日", "放假"],
      ["2026-10-01", "2026-10-08"],
    ],
    ["a run ending on a day of the month", ["10月1日-3日"], ["2026-10-01", "2026-10-03"]],
    [
      "a run of ISO dates with a full-width tilde",
      ["2027-02-15～2027-02-17", "休"],
      ["2027-02-15", "2027-02-17"],
    ],
    ["a run across a month's end", ["2026年12月31日—2027年1月2日"], ["2026-12-31", "2027-01-02"]],
    ["a run backwards is no run", ["10月8日至10月1日"], []],
    ["a run over a month long is no run", ["2026-01-01至2026-03-01"], []],
    ["a month is no day", ["2026年10月", "放假"], []],
    ["a period is no day", ["上半年", "休"], []],
    ["a day with its name in brackets", ["2026-10-01（国庆节）", "休"], ["2026-10-01", "2026-10-01"]],
    ["a month and day with a dot", ["10.1", "休"], ["2026-10-01", "2026-10-01"]],
    ["a run of days with slashes", ["10/1至10/8"], ["2026-10-01", "2026-10-08"]],
  ];
  test.each(runs)("%s", (_name, cells, span) => {
    const days = [...readHolidayOverrides(sheet("节假日", [cells]), 2026)];
    expect(days.every(([, work]) => !work)).toBe(true);
    const named = days.map(([day]) => formatDay(day));
    expect(named.length === 0 ? [] : [named[0], named[named.length - 1]]).toEqual(span);
    if (span.length > 0) {
      expect(days.length).toBe(parseIsoDay(span[1]!)! - parseIsoDay(span[0]!)! + 1);
    }
  });

  test("a workday run: 班 beside it applies to every day", () => {
    const days = [...readHolidayOverrides(sheet("节假日", [["10月10日至11日", "上班"]]), 2026)];
    expect(days.map(([day, work]) => [formatDay(day), work])).toEqual([
      ["2026-10-10", true],
      ["2026-10-11", true],
    ]);
  });

  const tasks = (deadline: string) =>
    sheet("任务", [
      ["工作任务", "责任单位", "完成时限", "完成情况"],
      ["检查", "安全科", deadline, "进行中"],
    ]);

  test("its days change what is due soon, and its year is then known: no notice", () => {
    // As-of Tuesday 2026-12-29: Wed 30, Thu 31, Fri 2027-01-01 would be the three working days.
    const asOf = parseIsoDay("2026-12-29")!;
    const without = checkWorkbook({ fileName: "t.xlsx", sheets: [tasks("2027-01-04")] }, { asOf });
    expect(without.findings.map((f) => f.rule)).toEqual([]);
    expect(without.notices.map((n) => n.id)).toEqual(["calendarAssumed"]);

    const holidays = sheet("节假日", [["2027-01-01", "休"]]);
    const withSheet = checkWorkbook(
      { fileName: "t.xlsx", sheets: [tasks("2027-01-04"), holidays] },
      { asOf },
    );
    expect(withSheet.findings.map((f) => [f.rule, f.values.workdays])).toEqual([["due-soon", 3]]);
    expect(withSheet.notices).toEqual([]);
    expect(withSheet.holidaySheet).toBe("节假日");
  });

  test("in Monday-to-Friday mode there is nothing to assume", () => {
    const asOf = parseIsoDay("2026-12-29")!;
    const result = checkWorkbook(
      { fileName: "t.xlsx", sheets: [tasks("2027-01-04")] },
      { asOf, settings: { ...DEFAULT_SETTINGS, workdays: "mon-fri" } },
    );
    expect(result.notices).toEqual([]);
  });
});

describe("a roster or holiday sheet chosen in the settings", () => {
  const asOf = parseIsoDay("2026-11-18")!;
  const tasks = sheet("任务", [
    ["工作任务", "责任单位", "完成时限", "完成情况"],
    ["检查", "安全科", "2026-12-30", "进行中"],
    ["培训", "安监处", "2026-12-30", "进行中"],
  ]);
  const roster = sheet("名单2026", [["单位"], ["安全科"]]);
  const holidays = sheet("放假安排", [["2026-12-31", "休"]]);
  const workbook: WorkbookModel = {
    fileName: "t.xlsx",
    sheets: [tasks, roster, holidays],
    otherSheets: [{ name: "名单图", kind: "chart" }],
  };
  const sheets = "任务, 名单2026, 放假安排";

  const cases: Array<[string, { roster?: string; holidays?: string }, object[], number]> = [
    ["both there: used, no notice", { roster: "名单2026", holidays: "放假安排" }, [], 1],
    ["found by a name written with spaces", { roster: "名单 2026" }, [], 1],
    [
      "a roster renamed since",
      { roster: "单位名单" },
      [{ id: "rosterSheetMissing", values: { sheet: "单位名单", sheets } }],
      0,
    ],
    [
      "a roster that is a chart sheet",
      { roster: "名单图" },
      [{ id: "rosterSheetMissing", values: { sheet: "名单图", sheets, kind: "chart" } }],
      0,
    ],
    [
      "a holiday sheet deleted",
      { roster: "名单2026", holidays: "节假日2026" },
      [{ id: "holidaySheetMissing", values: { sheet: "节假日2026", sheets } }],
      1,
    ],
  ];
  test.each(cases)("%s", (_name, chosen, notices, offRoster) => {
    const result = checkWorkbook(workbook, { asOf, settings: { ...DEFAULT_SETTINGS, ...chosen } });
    expect(result.notices).toEqual(notices);
    // Without its roster the check goes on as without one: no unit is off a roster.
    expect(result.findings.filter((f) => f.rule === "unknown-unit")).toHaveLength(offRoster);
    expect(result.rosterSheet).toBe(offRoster === 1 ? "名单2026" : undefined);
  });
});
