// The master as the merge leaves it: the changed cells replaced in a new model, so the merged table can be
// checked again without reading the file again.

import type { CellValue, SheetGrid, WorkbookModel } from "../workbook";
import type { CellChange, MergeOutcome } from "./types";

/**
 * The master rows a merge writes: CheckOptions.keyRows when the merged table is checked again. Here, beside
 * applyChanges, rather than with the merge itself: what follows a merge needs these two only, and the
 * workbench's worker loads the merge on demand.
 */
export function mergedRows(outcome: MergeOutcome): number[] {
  return [...new Set(outcome.changes.map((c) => c.row))];
}

/**
 * A new model with each change's cell in `sheet` holding its new value. Unchanged sheets and rows are the
 * same objects as before; the model given is not touched.
 * @throws Error when the workbook has no such sheet.
 * @example applyChanges(master, "任务表", outcome.changes)
 */
export function applyChanges(
  workbook: WorkbookModel,
  sheet: string,
  changes: ReadonlyArray<Pick<CellChange, "row" | "column" | "new">>,
): WorkbookModel {
  const at = workbook.sheets.findIndex((s) => s.name === sheet);
  if (at < 0) throw new Error(`The sheet ${sheet} is not in ${workbook.fileName}`);
  if (changes.length === 0) return workbook;
  const grid = workbook.sheets[at]!;
  const rows: Array<ReadonlyArray<CellValue> | undefined> = [...grid.rows];
  const copied = new Set<number>();
  for (const change of changes) {
    const r = change.row - 1;
    if (!copied.has(r)) {
      rows[r] = [...(rows[r] ?? [])];
      copied.add(r);
    }
    const cells = rows[r] as CellValue[];
    // A row read short (its last cells empty) grows to the column written, its gaps empty.
    for (let c = cells.length; c < change.column; c++) cells[c] = null;
    cells[change.column] = change.new;
  }
  const changed: SheetGrid = { ...grid, rows };
  return { ...workbook, sheets: workbook.sheets.map((s, i) => (i === at ? changed : s)) };
}
