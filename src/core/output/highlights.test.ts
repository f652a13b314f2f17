import { checkWorkbook, type CheckResult } from "../check";
import { parseIsoDay } from "../day";
import type { Field } from "../table/fields";
import { columnIndex, type CellValue, type SheetGrid } from "../workbook";
import { concatText, highlightKeysOf, highlightPlan } from "./highlights";
import { tasksWorkbook } from "../../../test/helpers/tasks-workbook";

const COLUMNS = new Map<Field, number>([
  ["task", 1],
  ["unit", 2],
  ["deadline", 3],
  ["status", 4],
  ["note", 5],
]);

function sheetOf(rows: CellValue[][]): SheetGrid {
  return {
    name: "任务",
    rows: [["序号", "工作任务", "责任单位", "完成时限", "完成情况", "备注"], ...rows],
    merges: [],
  };
}

describe("the cells highlights are keyed on", () => {
  test.each([
    {
      name: "the key fields present, in their order; other columns never",
      rows: [[1, "巡检", "综采一队", { day: 20_500 }, "进行中", "说明"]],
      columns: [1, 2, 3, 4],
      key: ["巡检", "综采一队", { day: 20_500 }, "进行中"],
    },
    {
      // LibreOffice 7.4 crashes exporting a PDF when a conditional format reads a TRUE or FALSE cell.
      name: "a column with TRUE or FALSE in any task row is left out",
      rows: [
        [1, "巡检", "综采一队", { day: 20_500 }, "进行中", ""],
        [2, "维修", "机电科", { day: 20_501 }, true, ""],
      ],
      columns: [1, 2, 3],
      key: ["巡检", "综采一队", { day: 20_500 }],
    },
    {
      name: "unless that would leave no column",
      rows: [[1, true, false, true, false, ""]],
      columns: [1, 2, 3, 4],
      key: [true, false, true, false],
    },
  ])("$name", ({ rows, columns, key }) => {
    const taskRows = rows.map((_, i) => i + 2);
    const keys = highlightKeysOf(sheetOf(rows), taskRows, COLUMNS, [2, 2]);
    expect(keys.columns).toEqual(columns);
    expect(keys.rows).toEqual({ 2: key });
  });
});

describe("a cell's value as Excel's & makes it text", () => {
  test.each([
    [null, false, ""],
    ["综采一队", false, "综采一队"],
    [true, false, "TRUE"],
    [false, false, "FALSE"],
    [46_000, false, "46000"],
    [0.1 + 0.2, false, "0.3"],
    [1e21, false, "1E+21"],
    [1e-7, false, "1E-07"],
    [-2.5, false, "-2.5"],
    [{ day: 0 }, false, "25569"],
    [{ day: 0 }, true, "24107"],
  ] as const)("%j (1904: %s) → %s", (value, date1904, text) => {
    expect(concatText(value as CellValue, date1904)).toBe(text);
  });
});

describe("the marks of a plan: one per cell, by row then column, whatever order the findings came in", () => {
  // Row 3 is overdue and names no unit, row 5 has a bad date, row 12 (column D, then B) both; row 9 is due
  // soon. Findings come rule by rule within a row and then row by row; shuffled here on top of that.
  const rows: CellValue[][] = [["工作任务", "责任单位", "完成时限", "完成情况"]];
  for (let r = 2; r <= 13; r++) rows.push([`任务${r}`, "甲", "2026-12-30", "进行中"]);
  rows[2] = ["任务3", "", "2026-11-01", "进行中"];
  rows[4] = ["任务5", "甲", "2026-13-45", "进行中"];
  rows[8] = ["任务9", "甲", "2026-11-19", "进行中"];
  rows[11] = ["任务12", "", "2026-11-02", ""];
  const result = checkWorkbook(
    { fileName: "t.xlsx", sheets: [{ name: "任务", rows, merges: [] }] },
    { asOf: parseIsoDay("2026-11-18")! },
  );
  const reversed: CheckResult = { ...result, findings: [...result.findings].reverse() };
  const rotated: CheckResult = {
    ...result,
    findings: [...result.findings.slice(2), ...result.findings.slice(0, 2)],
  };
  test.each([
    ["as checked", result],
    ["reversed", reversed],
    ["rotated", rotated],
  ])("%s", (_, checked) => {
    const plan = highlightPlan(checked, { date1904: false });
    const marks = plan.marks;
    const cells = [
      ...new Set(result.findings.map((f) => (f.row - 1) * 16384 + columnIndex(f.column!)!)),
    ].sort((a, b) => a - b);
    expect(result.findings.length).toBeGreaterThanOrEqual(5);
    expect(marks.map((m) => m.row * 16384 + m.column)).toEqual(cells);
    // Each colour's keys come in the order of its marks (every key starts with its row's task, 任务<row>),
    // the same lists whatever order the findings came in.
    expect(plan.keys).toEqual(highlightPlan(result, { date1904: false }).keys);
    for (const { keys } of plan.keys) {
      const keyRows = keys.map((key) => Number(/^任务(\d+)\|/.exec(key)![1]));
      expect(keyRows).toEqual([...keyRows].sort((a, b) => a - b));
    }
    expect(plan.keys.length).toBeGreaterThanOrEqual(2);
  });
});

describe("a check made without highlight keys (a report alone)", () => {
  const workbook = tasksWorkbook([
    ["巡检", "综采一队", "2026-11-01", "进行中"],
    ["维修", "", "2026-12-01", "进行中"],
  ]);
  const asOf = parseIsoDay("2026-11-18")!;
  const keyed = checkWorkbook(workbook, { asOf });
  const bare = checkWorkbook(workbook, { asOf, highlightKeys: false });

  test("finds, summarises and ranks the same", () => {
    const { highlightKeys, ...rest } = keyed;
    expect(highlightKeys?.columns.length).toBeGreaterThan(0);
    expect(bare).toEqual(rest);
    expect(bare.findings.length).toBeGreaterThanOrEqual(2);
  });

  test("cannot have its highlights planned, and says why", () => {
    expect(() => highlightPlan(bare, { date1904: false })).toThrow(/highlightKeys: false/);
    expect(highlightPlan(keyed, { date1904: false }).marks.length).toBeGreaterThan(0);
  });
});
