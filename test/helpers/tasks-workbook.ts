// A workbook of one task table in its plainest form, as the engine's tests build it: the four columns a check
// needs (task, unit, deadline, status) under a header on the first row, and nothing else.

import type { CellValue, WorkbookModel } from "../../src/core/workbook";

export const TASKS_HEADER: readonly CellValue[] = ["工作任务", "责任单位", "完成时限", "完成情况"];

/** `rows` under TASKS_HEADER on a sheet named `sheet`, in a file t.xlsx. */
export function tasksWorkbook(rows: readonly CellValue[][], sheet = "任务"): WorkbookModel {
  return { fileName: "t.xlsx", sheets: [{ name: sheet, rows: [[...TASKS_HEADER], ...rows], merges: [] }] };
}
