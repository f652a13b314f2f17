import { checkWorkbook } from "../check";
import { fingerprint } from "../feedback/record";
import { RECORD_SHEET, recordCells, type DubanRecord } from "../output/record";
import { parseIsoDay } from "../day";
import type { CellValue, SheetGrid } from "../workbook";
import { tasksWorkbook } from "../../../test/helpers/tasks-workbook";

const asOf = parseIsoDay("2026-11-18")!;

/** A roster with types (名单: 单位 | 类型), as clerks keep it beside the task table. */
const ROSTER: SheetGrid = {
  name: "单位名单",
  rows: [
    ["单位", "类型"],
    ["综采一队", "区队"],
    ["掘进二队", "区队"],
    ["机电科", "科室"],
    ["第一党支部", "支部"],
  ],
  merges: [],
};

/** The table's own units, for the checks without a roster. */
const OWN: CellValue[][] = [
  ["采煤", "综采一队", "2026-12-30", "进行中"],
  ["检修", "机电科", "2026-12-30", "进行中"],
  ["学习", "第一党支部", "2026-12-30", "进行中"],
];

describe("sharedTasks: the units a group word in the unit cell gives a task to", () => {
  test.each([
    {
      name: "every roster unit for 各单位",
      unit: "各单位",
      roster: true,
      units: ["综采一队", "掘进二队", "机电科", "第一党支部"],
    },
    {
      name: "the roster's teams for 各区队, by type",
      unit: "各区队",
      roster: true,
      units: ["综采一队", "掘进二队"],
    },
    { name: "the departments for 各科室", unit: "各科室", roster: true, units: ["机电科"] },
    {
      name: "a unit listed beside the group word is among them",
      unit: "各区队、机电科",
      roster: true,
      units: ["综采一队", "掘进二队", "机电科"],
    },
    {
      name: "全部 is every unit",
      unit: "全部",
      roster: true,
      units: ["综采一队", "掘进二队", "机电科", "第一党支部"],
    },
    { name: "相关单位 names none", unit: "相关单位", roster: true, units: [] },
    { name: "各车间 where no unit is a 车间 names none", unit: "各车间", roster: true, units: [] },
    {
      name: "without a roster, 各单位 is every unit the table names",
      unit: "各单位",
      roster: false,
      units: ["综采一队", "机电科", "第一党支部"],
    },
    {
      name: "without a roster, 各区队 is the table's units named …队",
      unit: "各区队",
      roster: false,
      units: ["综采一队"],
    },
    { name: "without a roster, 相关单位 still names none", unit: "相关单位", roster: false, units: [] },
  ])("$name", ({ unit, roster, units }) => {
    const table = tasksWorkbook([...OWN, ["安全大检查", unit, "2026-11-10", "未完成"]]);
    const workbook = roster ? { ...table, sheets: [...table.sheets, ROSTER] } : table;
    const result = checkWorkbook(workbook, { asOf });
    const row = result.rows.find((r) => r.task === "安全大检查")!;
    expect(result.sharedTasks).toEqual([{ index: row.index, units }]);
  });

  test("a table whose every unit is one unit has no shared task", () => {
    expect(checkWorkbook(tasksWorkbook(OWN), { asOf }).sharedTasks).toBeUndefined();
  });

  test("a unit listed after a lead unit gives the task to no one else: the lead answers for it", () => {
    const result = checkWorkbook(
      tasksWorkbook([...OWN, ["考核", "机电科、各区队", "2026-11-10", "未完成"]]),
      {
        asOf,
      },
    );
    expect(result.sharedTasks).toBeUndefined();
  });
});

describe("the notice of open tasks that name no unit to send them to", () => {
  const notice = (rows: CellValue[][]) =>
    checkWorkbook(tasksWorkbook([...OWN, ...rows]), { asOf }).notices.find(
      (n) => n.id === "unaddressedTasks",
    );

  test("names the words, counts the open tasks and lists their rows", () => {
    expect(
      notice([
        ["整改", "相关单位", "2026-11-10", "未完成"],
        ["总结", "相关单位", "2026-11-10", "已完成"],
        ["落实", "有关部门", "2026-11-30", ""],
        ["检查", "各单位", "2026-11-30", ""],
      ])?.values,
    ).toEqual({ sheet: "任务", count: 2, words: "相关单位、有关部门", rows: "5, 7" });
  });

  test.each([
    { name: "a done task of 相关单位 needs no notice", rows: [["总结", "相关单位", "2026-11-10", "已完成"]] },
    { name: "各单位 names the table's units", rows: [["检查", "各单位", "2026-11-30", ""]] },
  ])("none where $name", ({ rows }) => {
    expect(notice(rows)).toBeUndefined();
  });
});

describe("the units whose done answer to a shared task the workbook's record keeps", () => {
  const rows: CellValue[][] = [
    ["安全大检查", "各单位", "2026-12-30", "进行中"],
    ["区队自查", "各区队", "2026-12-30", "进行中"],
  ];
  const withRecord = (answered: Array<[string, string]>) => {
    const book = tasksWorkbook(rows);
    const first = checkWorkbook({ ...book, sheets: [...book.sheets, ROSTER] }, { asOf });
    const shared = (task: string) => first.rows.find((row) => row.task === task)!;
    const record: DubanRecord = {
      version: 1,
      generated: [],
      merge: {
        round: "2026-11-11",
        shared: answered.map(([task, unit]) => {
          const row = shared(task);
          return {
            fingerprint: fingerprint(row.task, row.unit, row.deadline),
            unit,
            status: "已完成",
            file: `${unit}.xlsx`,
          };
        }),
      },
    };
    const grid: SheetGrid = {
      name: RECORD_SHEET,
      rows: recordCells(record).map((text) => [text]),
      merges: [],
    };
    return checkWorkbook({ ...book, sheets: [...book.sheets, ROSTER, grid] }, { asOf });
  };
  test.each<[string, Array<[string, string]>, Array<string[] | undefined>]>([
    ["none kept", [], [undefined, undefined]],
    ["one unit's, of one task", [["安全大检查", "综采一队"]], [["综采一队"], undefined]],
    [
      "a unit the task does not name is not among them (机电科 is no 区队)",
      [
        ["区队自查", "机电科"],
        ["区队自查", "掘进二队"],
      ],
      [undefined, ["掘进二队"]],
    ],
  ])("%s", (_name, answered, expected) => {
    expect(withRecord(answered).sharedTasks?.map((task) => task.answered)).toEqual(expected);
  });
});
