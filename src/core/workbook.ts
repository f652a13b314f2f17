// What a host hands the engine: the sheets of a workbook as grids of plain values.

import type { Day } from "./day";

/** A real date cell: the host has already applied the workbook's date system. */
export interface DateCell {
  readonly day: Day;
}

/** A cell as the engine sees it; formulas arrive as their last computed value, errors as their text (#N/A). */
export type CellValue = string | number | boolean | DateCell | null;

/** Zero-based, inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

export interface SheetGrid {
  readonly name: string;
  /** rows[r][c], zero-based; a missing row or cell is empty. */
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>;
  readonly merges: readonly CellRange[];
  /** Hidden or very hidden sheets are still read, but never chosen as the task table by guessing. */
  readonly hidden?: boolean;
}

export interface WorkbookModel {
  /** The file's name as the person knows it, for messages. */
  readonly fileName: string;
  readonly sheets: readonly SheetGrid[];
}

export function isDateCell(value: CellValue | undefined): value is DateCell {
  return typeof value === "object" && value !== null;
}

/** `0 -> A`, `27 -> AB` */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `A -> 0`, `ab -> 27`; undefined for anything that is not a column name. */
export function columnIndex(letters: string): number | undefined {
  const text = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(text)) return undefined;
  let n = 0;
  for (const ch of text) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
