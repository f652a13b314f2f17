import type { WorkbookModel } from "../workbook";
import { applyChanges } from "./apply";

const workbook: WorkbookModel = {
  fileName: "m.xlsx",
  sheets: [
    { name: "说明", rows: [["x"]], merges: [] },
    {
      name: "任务表",
      rows: [["工作任务", "完成情况", "完成日期"], ["a", "进行中", null], ["b"], undefined, ["c", "", null]],
      merges: [],
    },
  ],
};

describe("applyChanges", () => {
  test("replaces the changed cells in a new model, sharing every row and sheet it does not change", () => {
    const before = JSON.stringify(workbook);
    const merged = applyChanges(workbook, "任务表", [
      { row: 2, column: 1, new: "已完成" },
      { row: 2, column: 2, new: { day: 20_400 } },
      { row: 3, column: 2, new: "2026-11-09" },
      { row: 4, column: 0, new: "d" },
    ]);
    expect(merged.sheets[1]!.rows).toEqual([
      ["工作任务", "完成情况", "完成日期"],
      ["a", "已完成", { day: 20_400 }],
      ["b", null, "2026-11-09"],
      ["d"],
      ["c", "", null],
    ]);
    expect(JSON.stringify(workbook)).toBe(before);
    expect(merged.sheets[0]).toBe(workbook.sheets[0]);
    expect(merged.sheets[1]!.rows[0]).toBe(workbook.sheets[1]!.rows[0]);
    expect(merged.sheets[1]!.rows[4]).toBe(workbook.sheets[1]!.rows[4]);
    expect(merged.fileName).toBe("m.xlsx");
  });

  test("no changes: the same model", () => {
    expect(applyChanges(workbook, "任务表", [])).toBe(workbook);
  });

  test("a sheet the workbook lacks is an error", () => {
    expect(() => applyChanges(workbook, "台账", [])).toThrow("台账");
  });
});
