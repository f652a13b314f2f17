// Which cells of the task table get which colour: a plan for a host to turn into a few conditional formats.

import type { CheckResult } from "../check";
import type { RuleId } from "../settings";
import { columnIndex, type CellRange } from "../workbook";

/** 红黄蓝预警 plus orange for data problems; a cell with several findings shows the most urgent. */
export type HighlightKind = "overdue" | "data" | "dueSoon" | "doneLate";

/** In order of urgency: the first kind a cell has is the colour it gets. */
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ["overdue", "data", "dueSoon", "doneLate"];

/** The number the marks sheet holds at a cell for each kind (what the highlight rules compare with). */
export const HIGHLIGHT_CODE: Readonly<Record<HighlightKind, number>> = {
  overdue: 1,
  data: 2,
  dueSoon: 3,
  doneLate: 4,
};

export function highlightKind(rule: RuleId): HighlightKind {
  if (rule === "overdue") return "overdue";
  if (rule === "due-soon") return "dueSoon";
  if (rule === "done-late") return "doneLate";
  return "data";
}

export interface HighlightMark {
  /** Zero-based, in the task sheet. */
  readonly row: number;
  readonly column: number;
  readonly kind: HighlightKind;
}

export interface HighlightPlan {
  readonly sheet: string;
  /** Zero-based: from the first data row to the last task row, across the table's columns. */
  readonly range: CellRange;
  /** One per cell, sorted by row then column. */
  readonly marks: readonly HighlightMark[];
}

/** The marks for a check's findings on its task sheet, one per cell, the most urgent kind winning. */
export function highlightPlan(result: CheckResult): HighlightPlan {
  const byCell = new Map<number, HighlightMark>();
  const urgency = (kind: HighlightKind) => HIGHLIGHT_KINDS.indexOf(kind);
  let lastColumn = 0;
  for (const letter of Object.values(result.columns))
    lastColumn = Math.max(lastColumn, columnIndex(letter!)!);
  for (const finding of result.findings) {
    if (finding.sheet !== result.sheet || finding.column === undefined) continue;
    const column = columnIndex(finding.column)!;
    const row = finding.row - 1;
    const kind = highlightKind(finding.rule);
    const key = row * 16384 + column;
    const before = byCell.get(key);
    if (!before || urgency(kind) < urgency(before.kind)) byCell.set(key, { row, column, kind });
  }
  const marks = [...byCell.values()].sort((a, b) => a.row - b.row || a.column - b.column);
  const firstRow = result.firstDataRow - 1;
  const lastTaskRow = result.rows.length === 0 ? firstRow : result.rows[result.rows.length - 1]!.row - 1;
  return {
    sheet: result.sheet,
    range: { top: firstRow, left: 0, bottom: Math.max(firstRow, lastTaskRow), right: lastColumn },
    marks,
  };
}
