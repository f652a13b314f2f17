import { DEFAULT_SETTINGS, settingsSchema } from "../settings";
import { formatDay, parseIsoDay } from "../day";
import type { CellRange, CellValue, ExcelTable, SheetGrid, WorkbookModel } from "../workbook";
import { checkWorkbook } from "../check";
import { formatNotice, formatTableProblem } from "../i18n";
import { locateTable, TableError } from "./locate";
import { completionDate, readTaskRows, tableYear } from "./rows";

const asOf = parseIsoDay("2026-11-18")!;
const sheet = (name: string, rows: CellValue[][], merges: CellRange[] = [], hidden = false): SheetGrid => ({
  name,
  rows,
  merges,
  hidden,
});
const book = (...sheets: SheetGrid[]): WorkbookModel => ({ fileName: "t.xlsx", sheets });

const HEADER = ["序号", "类别", "工作任务", "责任单位", "完成时限", "完成情况"];

describe("locateTable", () => {
  test("finds the header under a merged title and a 填报单位 line", () => {
    const s = sheet(
      "任务",
      [
        ["XX煤矿2026年重点工作任务清单"],
        ["填报单位：调度室", null, null, "填报日期：2026年11月18日"],
        HEADER,
        [1, "安全", "检查", "机电科", "2026-11-30", "进行中"],
      ],
      [{ top: 0, left: 0, bottom: 0, right: 5 }],
    );
    const location = locateTable(book(s), DEFAULT_SETTINGS);
    expect(location.headerRow).toBe(2);
    expect(location.firstDataRow).toBe(3);
    expect(Object.fromEntries(location.columns)).toEqual({
      id: 0,
      category: 1,
      task: 2,
      unit: 3,
      deadline: 4,
      status: 5,
    });
  });

  const headers: Array<[string, CellValue[], Record<string, number>]> = [
    [
      "English",
      ["No.", "Task", "Owner", "Due date", "Status"],
      { id: 0, task: 1, unit: 2, deadline: 3, status: 4 },
    ],
    [
      "full-width and spaces",
      ["工 作 任 务", "　责任部门　", "ＤＥＡＤＬＩＮＥ"],
      { task: 0, unit: 1, deadline: 2 },
    ],
    [
      "bracketed notes",
      ["重点工作", "牵头单位（部门）", "完成时限\n(年月日)"],
      { task: 0, unit: 1, deadline: 2 },
    ],
    [
      "the first of two status columns",
      ["事项", "承办单位", "时限", "状态", "进展情况"],
      { task: 0, unit: 1, deadline: 2, status: 3 },
    ],
    [
      "hazard ledger's (隐患整改台账): a limit and a time of completion, the day struck off besides",
      [
        "序号",
        "排查日期",
        "隐患内容",
        "隐患等级",
        "整改责任单位",
        "整改期限",
        "整改情况",
        "整改完成时间",
        "销号时间",
      ],
      { id: 0, task: 2, unit: 4, deadline: 5, status: 6, doneDate: 7 },
    ],
    [
      "time of completion before the limit",
      ["问题描述", "整改单位", "整改完成时间", "整改时限", "整改结果"],
      { task: 0, unit: 1, deadline: 3, doneDate: 2, status: 4 },
    ],
    [
      "time limit and time of completion",
      ["工作任务", "责任单位", "完成时限", "完成时间"],
      { task: 0, unit: 1, deadline: 2, doneDate: 3 },
    ],
    [
      "plan and time of completion",
      ["工作任务", "责任单位", "完成时间", "计划完成时间"],
      { task: 0, unit: 1, deadline: 3, doneDate: 2 },
    ],
    [
      "time of completion alone, the deadline",
      ["发现问题", "整改单位", "整改完成时间", "整改情况"],
      { task: 0, unit: 1, deadline: 2, status: 3 },
    ],
    [
      "the day struck off alone, the completion date",
      ["隐患描述", "责任单位", "整改期限", "销号日期"],
      { task: 0, unit: 1, deadline: 2, doneDate: 3 },
    ],
    [
      "a completion date named as such, kept beside two deadlines",
      ["工作任务", "责任单位", "完成时限", "完成时间", "实际完成日期"],
      { task: 0, unit: 1, deadline: 2, doneDate: 4 },
    ],
  ];
  test.each(headers)("recognises a %s header", (_name, header, columns) => {
    const location = locateTable(book(sheet("S", [header])), DEFAULT_SETTINGS);
    expect(Object.fromEntries(location.columns)).toEqual(columns);
  });

  test("picks the sheet that looks most like a task table", () => {
    const notes = sheet("说明", [["说明"], ["任务", "备注"]]);
    const roster = sheet("单位名单", [
      ["单位名称", "类型"],
      ["机电科", "科室"],
    ]);
    const tasks = sheet("重点工作", [HEADER]);
    const hidden = sheet("旧表", [[...HEADER, "分值", "得分", "完成日期"]], [], true);
    expect(locateTable(book(notes, roster, hidden, tasks), DEFAULT_SETTINGS).sheet.name).toBe("重点工作");
  });

  test.each([
    ["备注", "完成时限", "完成状态", { note: 2, deadline: 3, status: 4 }],
    ["完成时限", "状态", "完成日期", { deadline: 2, status: 3, doneDate: 4 }],
    // The title names no column itself where the names below it are fields'; where the name below the
    // title's own column is no field's, the title keeps it.
    ["完成时限", "情况", "完成日期", { deadline: 2, status: 3, doneDate: 4 }],
  ])("a two-row header: a group title beside %j, over %j and %j", (third, left, right, expected) => {
    const s = sheet(
      "S",
      [
        ["工作任务", "责任单位", third, "完成情况", null],
        [null, null, null, left, right],
        ["检查", "机电科", "2026-11-30", "2026-11-30", "已完成"],
      ],
      [
        { top: 0, left: 0, bottom: 1, right: 0 },
        { top: 0, left: 1, bottom: 1, right: 1 },
        { top: 0, left: 2, bottom: 1, right: 2 },
        { top: 0, left: 3, bottom: 0, right: 4 },
      ],
    );
    const location = locateTable(book(s), DEFAULT_SETTINGS);
    expect(Object.fromEntries(location.columns)).toEqual({ task: 0, unit: 1, ...expected });
    expect(location.firstDataRow).toBe(2);
  });

  test("a two-row header whose merges were lost: a title, empty cells beside it, names below", () => {
    const s = sheet("S", [
      ["序号", "工作任务", "责任单位", "完成情况", null, "备注"],
      [null, null, null, "完成时限", "完成状态", null],
      [1, "检查", "机电科", "2026-11-30", "已完成", null],
    ]);
    const location = locateTable(book(s), DEFAULT_SETTINGS);
    expect(Object.fromEntries(location.columns)).toEqual({
      id: 0,
      task: 1,
      unit: 2,
      deadline: 3,
      status: 4,
      note: 5,
    });
    expect(location.firstDataRow).toBe(2);
  });

  test.each([
    ["a task row", [1, "检查", "机电科", "2026-11-30", "已完成"]],
    ["a blank row", []],
    ["names under named cells only", [null, null, null, "完成时限", null]],
  ])("a header over %s, with an empty cell at its end, is one row", (_name, next) => {
    const s = sheet("S", [["序号", "工作任务", "责任单位", "完成时限", null], next as CellValue[]]);
    const location = locateTable(book(s), DEFAULT_SETTINGS);
    expect(location.firstDataRow).toBe(1);
    expect(location.columns.get("deadline")).toBe(3);
  });

  test("a title merged across the sheet right above the header is not a two-row header", () => {
    const s = sheet(
      "任务",
      [["XX煤矿2026年重点工作任务清单"], HEADER, [1, "安全", "检查", "机电科", "2026-11-30", "进行中"]],
      [{ top: 0, left: 0, bottom: 0, right: 5 }],
    );
    const location = locateTable(book(s), DEFAULT_SETTINGS);
    expect([location.headerRow, location.firstDataRow]).toEqual([1, 2]);
  });

  test("settings override the sheet, the header row and columns by letter or name", () => {
    const s = sheet("任务", [
      ["甲", "乙", "丙", "丁"],
      ["事项", "科室", "日期", "情况"],
      ["检查", "机电科", "2026-11-30", "已完成"],
    ]);
    const settings = settingsSchema.parse({
      sheet: "任务",
      headerRow: 2,
      columns: { unit: "B", deadline: "日期", status: "d" },
    });
    const location = locateTable(book(s), settings);
    expect(location.headerRow).toBe(1);
    expect(Object.fromEntries(location.columns)).toEqual({ task: 0, unit: 1, deadline: 2, status: 3 });
  });

  test.each([
    [
      "a column whose name only starts with a field's, left of the one named exactly",
      ["序号", "任务来源", "工作任务", "责任单位", "完成时限"],
      { id: 0, task: 2, unit: 3, deadline: 4 },
    ],
    [
      "planned and actual completion dates",
      ["工作任务", "责任单位", "计划完成日期", "实际完成日期"],
      { task: 0, unit: 1, deadline: 2, doneDate: 3 },
    ],
    [
      "a name that only starts with a field's, when no column is named exactly",
      ["主要工作任务", "牵头部门（单位）", "完成时间节点"],
      { task: 0, unit: 1, deadline: 2 },
    ],
  ])("columns: %s", (_name, header, expected) => {
    const location = locateTable(
      book(sheet("任务", [header, ["检查", "机电科", "2026-11-30"]])),
      DEFAULT_SETTINGS,
    );
    expect(Object.fromEntries(location.columns)).toEqual(expected);
  });

  // Of two status columns, the one whose cells read as statuses. A 督办台账 says how far each matter has got
  // (办理进展) and whether it is closed (办结情况): 已完成 by the one and 未办结 by the other is open, so the
  // progress column is the status only where the closing one says too little.
  const STATUS_HEADER = ["工作任务", "责任单位", "完成时限", "完成情况", "是否完成"];
  const CLOSING_HEADER = ["督办事项", "牵头单位", "办理时限", "办理进展", "办结情况"];
  test.each([
    [
      "the one whose cells read as statuses: sentences in 完成情况, 是 and 否 in 是否完成",
      STATUS_HEADER,
      [
        ["检查", "机电科", "2026-11-30", "已组织检查3次，发现问题5项", "是"],
        ["培训", "安全科", "2026-12-15", "培训方案已报审", "否"],
      ],
      4,
    ],
    [
      "the first, when it reads as well",
      STATUS_HEADER,
      [
        ["检查", "机电科", "2026-11-30", "已完成", "是"],
        ["培训", "安全科", "2026-12-15", "进行中", "否"],
      ],
      3,
    ],
    ["the first, when no rows are under the header yet", STATUS_HEADER, [], 3],
    [
      "whether it is closed, over how far it has got, where both read",
      CLOSING_HEADER,
      [
        ["老旧小区改造", "住建局", "2026-12-31", "已完成", "未办结"],
        ["河道整治", "水务局", "2026-10-31", "推进中", "未办结"],
        ["安全检查", "应急局", "2026-11-15", "已完成", "已办结"],
      ],
      4,
    ],
    [
      "whether it is closed, where it reads in half as many rows",
      CLOSING_HEADER,
      [
        ["老旧小区改造", "住建局", "2026-12-31", "已完成", "未办结"],
        ["河道整治", "水务局", "2026-10-31", "推进中", ""],
      ],
      4,
    ],
    [
      "how far it has got, where the closing column is mostly empty",
      CLOSING_HEADER,
      [
        ["老旧小区改造", "住建局", "2026-12-31", "已完成", ""],
        ["河道整治", "水务局", "2026-10-31", "推进中", ""],
        ["安全检查", "应急局", "2026-11-15", "已完成", "已办结"],
      ],
      3,
    ],
    [
      "whether it is closed, of 进展情况 and 是否办结 both named exactly and read alike",
      ["工作任务", "责任单位", "完成时限", "进展情况", "是否办结"],
      [
        ["检查", "机电科", "2026-11-30", "已完成", "否"],
        ["培训", "安全科", "2026-12-15", "进行中", "否"],
      ],
      4,
    ],
  ])("of two status columns, %s", (_name, header, rows, status) => {
    const location = locateTable(book(sheet("任务", [header, ...rows])), DEFAULT_SETTINGS);
    expect(location.columns.get("status")).toBe(status);
  });

  const problems: Array<[string, WorkbookModel, object, string]> = [
    ["no header anywhere", book(sheet("A", [["hello"]]), sheet("B", [])), {}, "no-table"],
    [
      "a required column missing",
      book(sheet("A", [["工作任务", "责任单位", "备注"]])),
      {},
      "missing-columns",
    ],
    ["a sheet that is not there", book(sheet("A", [HEADER])), { sheet: "任务表" }, "sheet-not-found"],
    [
      "a chart sheet of the name chosen",
      { ...book(sheet("A", [HEADER])), otherSheets: [{ name: "任务表", kind: "chart" }] },
      { sheet: "任务 表" },
      "not-a-worksheet",
    ],
    ["a chosen sheet without a header", book(sheet("A", [["x"]])), { sheet: "A" }, "no-header"],
    [
      "an override naming no column",
      book(sheet("A", [HEADER])),
      { columns: { unit: "牵头科室" } },
      "column-not-found",
    ],
  ];
  test.each(problems)("refuses %s", (_name, workbook, settings, problem) => {
    let error: unknown;
    try {
      locateTable(workbook, settingsSchema.parse(settings));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TableError);
    expect((error as TableError).detail.problem).toBe(problem);
  });

  test("the header is looked for in the first 30 rows only", () => {
    const rows: CellValue[][] = Array.from({ length: 30 }, () => ["…"]);
    expect(() => locateTable(book(sheet("A", [...rows, HEADER])), DEFAULT_SETTINGS)).toThrow(TableError);
    expect(locateTable(book(sheet("A", [...rows.slice(1), HEADER])), DEFAULT_SETTINGS).headerRow).toBe(29);
  });
});

describe("readTaskRows", () => {
  const read = (rows: CellValue[][], merges: CellRange[] = []) => {
    const workbook = book(sheet("任务", [HEADER, ...rows], merges));
    return readTaskRows(locateTable(workbook, DEFAULT_SETTINGS), asOf);
  };

  test("blank rows are skipped, total rows are not tasks, footnotes end the table", () => {
    const rows = read([
      [1, "安全", "检查", "机电科", "2026-11-30", "进行中"],
      [],
      [null, "", "  ", null],
      [2, "安全", "培训", "安全科", "2026-11-30", "已完成"],
      ["合计", null, "2项"],
      ["小 计"],
      ["Total", 2],
      ["注：完成时限以公司文件为准。"],
      [3, "安全", "不是任务", "安全科", "2026-11-30", ""],
    ]);
    expect(rows.map((r) => [r.row, r.task])).toEqual([
      [2, "检查"],
      [5, "培训"],
    ]);
  });

  test.each([
    ["审核人：张某某"],
    ["填表人：李某某"],
    ["说明：本表每月更新"],
    ["备注:无"],
    ["注"],
    ["注1.以上为计划"],
  ])("%j ends the table", (footnote) => {
    expect(
      read([
        [1, "安全", "检查", "机电科", "2026-11-30"],
        [footnote],
        [2, "安全", "培训", "安全科", "2026-11-30"],
      ]),
    ).toHaveLength(1);
  });

  test.each([
    {
      name: "the header again above a second table: no task",
      rows: [
        [1, "安全", "检查", "机电科", "2026-11-30", "进行中"],
        HEADER,
        [2, "安全", "培训", "安全科", "2026-11-30", "已完成"],
      ],
      tasks: ["检查", "培训"],
    },
    {
      name: "the header again, spaced otherwise, with 序号 left out",
      rows: [[null, " 类别", "工作任务 ", "责任单位", null, null]],
      tasks: [],
    },
    {
      name: "a task called as the header's task column, with a unit of its own, is a task",
      rows: [[1, "安全", "工作任务", "机电科", "2026-11-30", "进行中"]],
      tasks: ["工作任务"],
    },
  ])("$name", ({ rows, tasks }) => {
    expect(read(rows as CellValue[][]).map((r) => r.task)).toEqual(tasks);
  });

  test.each([
    { cell: "机电科\n通风科", roster: undefined, units: ["机电科", "通风科"] },
    { cell: "机电科\n通风科", roster: ["机电科", "通风科"], units: ["机电科", "通风科"] },
    { cell: "机电科（张三）", roster: undefined, units: ["机电科(张三)"] },
    { cell: "机电科（张三）", roster: ["机电科", "通风科"], units: ["机电科"] },
    { cell: "机电科/通风科", roster: ["机电科", "通风科"], units: ["机电科", "通风科"] },
  ])("units $cell, roster $roster: $units", ({ cell, roster, units }) => {
    const workbook = book(sheet("任务", [HEADER, [1, "安全", "检查", cell, "2026-11-30", "进行中"]]));
    const [row] = readTaskRows(locateTable(workbook, DEFAULT_SETTINGS), asOf, roster);
    expect(row!.units).toEqual(units);
    expect(row!.unit).toBe(units[0]);
  });

  test("a task that begins with 注 is still a task", () => {
    expect(read([[1, "安全", "注重班组安全文化建设", "安全科", "2026-11-30"]]).map((r) => r.task)).toEqual([
      "注重班组安全文化建设",
    ]);
  });

  test("vertically merged cells count for every row they cover", () => {
    const rows = read(
      [
        [1, "安全生产", "检查", "机电科", "2026-11-30"],
        [2, null, "培训", null, "2026-12-10"],
        [3, null, "演练", "安全科", "2026-12-20"],
      ],
      [
        { top: 1, left: 1, bottom: 3, right: 1 },
        { top: 1, left: 3, bottom: 2, right: 3 },
      ],
    );
    expect(rows.map((r) => [r.category, r.unit])).toEqual([
      ["安全生产", "机电科"],
      ["安全生产", "机电科"],
      ["安全生产", "安全科"],
    ]);
  });

  test("a section heading row names the category of the rows below", () => {
    const workbook = book(
      sheet(
        "任务",
        [
          ["序号", "工作任务", "责任单位", "完成时限"],
          ["一、安全生产"],
          [1, "检查", "机电科", "2026-11-30"],
          ["二、党建工作", null, null, null],
          [2, "学习", "综合办公室", "2026-11-30"],
        ],
        [{ top: 3, left: 0, bottom: 3, right: 3 }],
      ),
    );
    const rows = readTaskRows(locateTable(workbook, DEFAULT_SETTINGS), asOf);
    expect(rows.map((r) => [r.task, r.category])).toEqual([
      ["检查", "安全生产"],
      ["学习", "党建工作"],
    ]);
  });

  test("a row with only a task is a task with missing values, not a heading", () => {
    expect(read([[null, null, "检查"]]).map((r) => [r.task, r.unit])).toEqual([["检查", ""]]);
    expect(read([[null, null, "1、检查"]]).map((r) => [r.task, r.unit])).toEqual([["1、检查", ""]]);
  });

  test.each([
    ["一、安全生产", "安全生产"],
    ["（二）通风管理", "通风管理"],
    ["(三) 机电管理", "机电管理"],
    ["第四部分 党建工作", "党建工作"],
    ["第五章：经营管理", "经营管理"],
  ])("%j alone in the task column is a section heading", (heading, category) => {
    const rows = read([
      [null, null, heading],
      [1, null, "检查", "机电科", "2026-11-30"],
    ]);
    expect(rows.map((r) => [r.task, r.category])).toEqual([["检查", category]]);
  });

  test("units: trimmed, full-width spaces too; several in one cell, the first leads", () => {
    const rows = read([[1, "安全", "检查", "\u3000机电科、运输队 ", "2026-11-30"]]);
    expect(rows[0]!.units).toEqual(["机电科", "运输队"]);
    expect(rows[0]!.unit).toBe("机电科");
  });

  test("a task called off (已取消, 终止) is no task; its row is told", () => {
    const workbook = book(
      sheet("任务", [
        HEADER,
        [1, "安全", "检查", "机电科", "2026-11-10", "已取消"],
        [2, "安全", "巡查", "运输队", "2026-11-10", "进行中"],
        [3, "安全", "演练", "运输队", "2026-11-10", "终止（上级通知）"],
      ]),
    );
    const cancelled: number[] = [];
    const rows = readTaskRows(locateTable(workbook, DEFAULT_SETTINGS), asOf, undefined, cancelled);
    expect(rows.map((r) => r.row)).toEqual([3]);
    expect(cancelled).toEqual([2, 4]);
    // Without a status column nothing says a task was called off.
    expect(read([[1, "安全", "检查", "机电科", "2026-11-10"]])).toHaveLength(1);
  });

  test("hidden rows are tasks", () => {
    const workbook = book({
      ...sheet("任务", [
        HEADER,
        [1, "安全", "检查", "机电科", "2026-11-30"],
        [2, "安全", "巡查", "运输队", "2026-11-30"],
      ]),
      hiddenRows: new Set([1, 2]),
    });
    expect(readTaskRows(locateTable(workbook, DEFAULT_SETTINGS), asOf).map((r) => r.row)).toEqual([2, 3]);
  });

  test("empty cells and columns the table lacks are read once: every row shares what they read as", () => {
    const [first, second] = read([
      [1, "安全", "检查", "机电科", "", null],
      [2, "安全", "巡查", "运输队"],
    ]);
    expect(first!.status).toEqual({ kind: "empty" });
    for (const field of ["deadline", "status", "doneDate", "start", "cycle", "points", "score"] as const) {
      expect([field, second![field]]).toEqual([field, first![field]]);
      expect(second![field]).toBe(first![field]);
    }
  });
});

describe("Excel Tables (ListObjects)", () => {
  const table = (
    top: number,
    bottom: number,
    totalsRows = 0,
    headerRows = 1,
    left = 0,
    right = 5,
  ): ExcelTable => ({
    name: "表1",
    range: { top, left, bottom, right },
    headerRows,
    totalsRows,
  });
  const task = (n: number): CellValue[] => [n, "安全", `任务${n}`, "机电科", "2026-11-30", "进行中"];
  const filler = (count: number): CellValue[][] => Array.from({ length: count }, (_, i) => [`说明${i + 1}`]);
  /** A header that names the task, the unit and the deadline, as HEADER does, and nothing else. */
  const LOOSE = [null, null, "工作任务", "责任单位", "完成时限"];
  type Case = [
    name: string,
    sheets: SheetGrid[],
    expected: { sheet: string; headerRow: number; rows: number[]; columns?: Record<string, number> },
  ];
  const cases: Case[] = [
    [
      "a table's header row is found below the first 30 rows",
      [{ ...sheet("任务", [...filler(40), HEADER, task(1), task(2)]), tables: [table(40, 42)] }],
      { sheet: "任务", headerRow: 40, rows: [42, 43] },
    ],
    [
      "its totals row is no task, whatever it says",
      [
        {
          ...sheet("任务", [
            HEADER,
            task(1),
            task(2),
            ["汇总", null, null, null, null, "=SUBTOTAL(103,F2:F3)"],
          ]),
          tables: [table(0, 3, 1)],
        },
      ],
      { sheet: "任务", headerRow: 0, rows: [2, 3] },
    ],
    [
      "rows below the table are still tasks (a row typed under it that Excel did not take in)",
      [{ ...sheet("任务", [HEADER, task(1), task(2)]), tables: [table(0, 1)] }],
      { sheet: "任务", headerRow: 0, rows: [2, 3] },
    ],
    [
      "of two sheets whose headers name as much, the one with the table",
      [sheet("草稿", [HEADER, task(1)]), { ...sheet("任务", [HEADER, task(1)]), tables: [table(0, 1)] }],
      { sheet: "任务", headerRow: 0, rows: [2] },
    ],
    [
      "a header naming a required field the table's lacks wins",
      [
        { ...sheet("任务", [[...LOOSE.slice(0, 4), "备注"], task(1)]), tables: [table(0, 1)] },
        sheet("草稿", [LOOSE, task(1)]),
      ],
      { sheet: "草稿", headerRow: 0, rows: [2] },
    ],
    [
      "a table wins over a header naming one field more",
      [
        sheet("草稿", [HEADER, task(1)]),
        { ...sheet("任务", [HEADER.slice(0, 5), task(1)]), tables: [table(0, 1)] },
      ],
      { sheet: "任务", headerRow: 0, rows: [2] },
    ],
    [
      "the table's header names only the table's columns",
      [
        {
          ...sheet("任务", [[...HEADER, "工作任务"], task(1)]),
          tables: [table(0, 1, 0, 1, 2, 6)],
        },
      ],
      {
        sheet: "任务",
        headerRow: 0,
        rows: [2],
        columns: { task: 2, unit: 3, deadline: 4, status: 5 },
      },
    ],
    [
      "a table without a header row is no sign",
      [{ ...sheet("任务", [...filler(40), HEADER, task(1)]), tables: [table(40, 41, 0, 0)] }],
      { sheet: "", headerRow: -1, rows: [] },
    ],
  ];
  test.each(cases)("%s", (_, sheets, expected) => {
    const workbook = book(...sheets);
    if (expected.headerRow < 0) {
      expect(() => locateTable(workbook, DEFAULT_SETTINGS)).toThrow(TableError);
      return;
    }
    const location = locateTable(workbook, DEFAULT_SETTINGS);
    expect(location.sheet.name).toBe(expected.sheet);
    expect(location.headerRow).toBe(expected.headerRow);
    expect(readTaskRows(location, asOf).map((r) => r.row)).toEqual(expected.rows);
    if (expected.columns) expect(Object.fromEntries(location.columns)).toEqual(expected.columns);
  });
});

describe("a table problem as data, worded in each locale at the edge", () => {
  const TITLE = ["XX煤矿2026年重点工作任务督办清单"];
  const located = (workbook: WorkbookModel, settings: object): TableError => {
    try {
      locateTable(workbook, settingsSchema.parse(settings));
    } catch (error) {
      if (error instanceof TableError) return error;
      throw error;
    }
    throw new Error("no TableError");
  };
  const cases: Array<[string, WorkbookModel, object, object, string, string]> = [
    [
      "a headerRow off by one: the row the header is on is named",
      book(sheet("任务", [TITLE, [], HEADER, ["检查", "机电科", "2026-11-30"]])),
      { headerRow: 4 },
      { row: 4, fields: ["task", "unit", "deadline"], found: [], headerFound: 3 },
      "设置的表头行是第 4 行，但工作表“任务”的表头在第 3 行（第 4 行缺少：工作任务、责任单位、完成时限）。请把设置中的 headerRow 改为 3",
      'the settings put the header on row 4, but the header of sheet "任务" is on row 3 (row 4 lacks Task, Unit, Deadline). Set headerRow to 3',
    ],
    [
      "a header without a unit column: the fields by their header words",
      book(sheet("任务", [["工作任务", "完成时限", "完成情况"]])),
      {},
      {
        row: 1,
        fields: ["unit"],
        found: [
          { field: "task", column: "A" },
          { field: "deadline", column: "B" },
          { field: "status", column: "C" },
        ],
      },
      "第 1 行的表头缺少必需的列：责任单位（已识别：工作任务 A、完成时限 B、完成情况 C）",
      "row 1, lacks required columns: Unit (recognised: Task A, Deadline B, Status C)",
    ],
    [
      "an override naming no column: the field by its header word",
      book(sheet("A", [HEADER])),
      { columns: { unit: "牵头科室" } },
      { field: "unit", column: "牵头科室" },
      "设置中为“责任单位”指定的列“牵头科室”",
      'the column "牵头科室" given for "Unit" in the settings',
    ],
    [
      "the only table on a hidden sheet: that sheet is named, not 'no header anywhere'",
      book(sheet("说明", [["本表说明"]]), sheet("任务", [HEADER], [], true)),
      {},
      { sheets: "说明, 任务", hiddenSheet: "任务" },
      "隐藏的工作表“任务”中有任务表的表头，但隐藏的表不会被自动选为任务表",
      'the hidden sheet "任务" has a task table header, but a hidden sheet is never chosen by guessing',
    ],
    [
      "no header on any sheet, hidden or not",
      book(sheet("说明", [["本表说明"]]), sheet("草稿", [["x"]], [], true)),
      {},
      { sheets: "说明, 草稿" },
      "在工作表（说明、草稿）的前 30 行中没有找到任务表的表头",
      "no task table header found in the first 30 rows of any sheet (说明, 草稿)",
    ],
    [
      "a workbook without a worksheet (a pre-release Excel 2007 file): no empty list is shown",
      book(),
      {},
      { sheets: "" },
      "工作簿中没有可以读取的工作表",
      "the workbook has no worksheet that can be read",
    ],
  ];
  test.each(cases)("%s", (_name, workbook, settings, values, zh, en) => {
    const { detail } = located(workbook, settings);
    expect(detail.values).toMatchObject(values);
    expect(formatTableProblem(detail, "zh-CN")).toContain(zh);
    expect(formatTableProblem(detail, "en-US")).toContain(en);
  });

  test("a hidden sheet without a header is not named", () => {
    const { detail } = located(book(sheet("说明", [["本表说明"]]), sheet("草稿", [["x"]], [], true)), {});
    expect(detail.values).toEqual({ sheets: "说明, 草稿" });
  });

  test("a headerRow on a row that is no header, with none elsewhere: no row is guessed", () => {
    const { detail } = located(book(sheet("任务", [TITLE, ["x"]])), { headerRow: 2 });
    expect(detail.values).not.toHaveProperty("headerFound");
    expect(formatTableProblem(detail, "zh-CN")).toContain("（已识别：无）");
  });
});

describe("the year a table's title names, for its dates written without one", () => {
  // As of 2026-11-18: a plan for 2027 drawn up in November, and tables of other years.
  const HEAD = ["工作任务", "责任单位", "完成时限", "完成情况", "完成日期"];
  const located = (title: CellValue[][], name = "任务") =>
    locateTable(
      book(sheet(name, [...title, HEAD, ["检查", "机电科", "3月底", "已完成", "11月10日"]])),
      DEFAULT_SETTINGS,
    );

  test.each([
    { name: "a title's year", title: [["2027年重点工作任务表"]], year: 2027 },
    { name: "…as 年度", title: [["2027年度安全生产重点工作"]], year: 2027 },
    { name: "…with a space and full-width digits", title: [["２０２７ 年工作计划"]], year: 2027 },
    { name: "…below a title row without one", title: [["重点工作任务表"], ["（2027年）"]], year: 2027 },
    {
      name: "a day on the 填报 line is no year of the table",
      title: [["填报日期：2026年12月5日"]],
      year: undefined,
    },
    { name: "…in Chinese numerals", title: [["二〇二六年", "2026年十二月"]], year: undefined },
    { name: "two years: which?", title: [["2026年任务（对照2025年）"]], year: undefined },
    { name: "a span of years", title: [["2026-2027年度采暖季重点工作"]], year: undefined },
    { name: "…written with 至", title: [["2026年至2027年工作安排"]], year: undefined },
    { name: "the same year twice is one", title: [["2027年任务", "2027年度"]], year: 2027 },
    { name: "no title", title: [], year: undefined },
  ])("$name", ({ title, year }) => {
    expect(tableYear(located(title))).toBe(year);
  });

  test.each([
    { name: "2027年", year: 2027 },
    { name: "2027", year: 2027 },
    { name: "12月", year: undefined },
  ])("a sheet named $name", ({ name, year }) => {
    expect(tableYear(located([], name))).toBe(year);
  });

  test("a deadline without a year is the table's year; a completion date, the as-of day's", () => {
    const [row] = readTaskRows(located([["2027年重点工作任务表"]]), asOf);
    expect({ deadline: row!.deadline, doneDate: row!.doneDate }).toEqual({
      deadline: { kind: "day", day: parseIsoDay("2027-03-31") },
      doneDate: { kind: "day", day: parseIsoDay("2026-11-10") },
    });
  });

  test.each([
    // Without a title's year: a deadline is the as-of year's however far ahead, as a plan may be.
    {
      title: [],
      cells: ["12月31日", "12月28日"],
      asOf: "2027-01-10",
      deadline: "2027-12-31",
      done: "2026-12-28",
    },
    // A holiday named without a year is the title's year's; without a title, which year's is not said.
    {
      title: [["2026年重点工作"]],
      cells: ["国庆节前", null],
      asOf: "2026-11-18",
      deadline: "2026-09-30",
      done: null,
    },
    { title: [], cells: ["国庆节前", null], asOf: "2026-11-18", deadline: null, done: null },
  ])("$cells as of $asOf under $title", ({ title, cells, asOf: on, deadline, done }) => {
    const table = book(sheet("任务", [...title, HEAD, ["检查", "机电科", cells[0]!, "已完成", cells[1]!]]));
    const [row] = readTaskRows(locateTable(table, DEFAULT_SETTINGS), parseIsoDay(on)!);
    const day = (parsed: { kind: string; day?: number }) =>
      parsed.kind === "day" ? formatDay(parsed.day!) : null;
    expect({ deadline: day(row!.deadline), done: day(row!.doneDate) }).toEqual({ deadline, done });
  });
});

describe("the check says when a title's year is not the as-of day's", () => {
  const notice = (title: string) =>
    checkWorkbook(
      book(sheet("任务", [[title], ["工作任务", "责任单位", "完成时限"], ["检查", "机电科", "3月底"]])),
      {
        asOf,
      },
    ).notices.find((n) => n.id === "tableYear");

  test("another year: said, with both years", () => {
    expect(notice("2027年重点工作任务表")?.values).toEqual({ sheet: "任务", year: 2027, asOfYear: 2026 });
    expect(formatNotice(notice("2027年重点工作任务表")!, "zh-CN")).toBe(
      "“任务”的标题写的是 2027 年：没有写年份的日期（如“3月底”“12月中旬”）按 2027 年计，而不是检查日所在的 2026 年。",
    );
  });

  test("the as-of day's year: nothing to say", () => {
    expect(notice("2026年重点工作任务表")).toBeUndefined();
  });
});

describe("completionDate: a completion date written without a year is near the as-of day", () => {
  test.each([
    { name: "in the as-of year", value: "11月10日", asOf: "2026-11-18", day: "2026-11-10" },
    {
      name: "a day to come soon stays, for date-in-future",
      value: "11月20日",
      asOf: "2026-11-18",
      day: "2026-11-20",
    },
    { name: "last December's, read in January", value: "12月28日", asOf: "2027-01-10", day: "2026-12-28" },
    { name: "…written with a dot", value: "12.28", asOf: "2027-01-10", day: "2026-12-28" },
    { name: "half a year ahead is still this year", value: "7月1日", asOf: "2027-01-10", day: "2027-07-01" },
    { name: "a year written is kept", value: "2027-12-28", asOf: "2027-01-10", day: "2027-12-28" },
    {
      name: "a date cell is kept",
      value: { day: parseIsoDay("2027-12-28")! },
      asOf: "2027-01-10",
      day: "2027-12-28",
    },
  ])("$name: $value on $asOf", ({ value, asOf: on, day }) => {
    expect(completionDate(value, parseIsoDay(on)!)).toEqual({ kind: "day", day: parseIsoDay(day) });
  });

  test("a text that is no date stays no date", () => {
    expect(completionDate("尽快", parseIsoDay("2027-01-10")!)).toEqual({ kind: "invalid", text: "尽快" });
  });
});
