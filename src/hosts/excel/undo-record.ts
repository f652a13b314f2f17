// What the Excel host keeps to undo a merge: every cell it changed, with what it held before and what the
// merge left, in Duban's record (its `host` field), so that it travels with the workbook and outlives the
// pane, a Generate and a Clear.

import type { DubanRecord } from "../../core/output/record";
import type { CellScalar } from "./api";

/** One cell a merge changed. */
export interface UndoCell {
  /** On the task sheet: `H12`. */
  readonly cell: string;
  /** Its value before the merge as Office read it ("" for an empty cell). */
  readonly old: CellScalar;
  /** The formula it held (=…), entered again instead of `old`. */
  readonly formula?: string;
  /** Its number format before the merge, where the merge changed it (a date into a cell not formatted as one). */
  readonly format?: string;
  /** The value the merge left: a cell holding anything else now was edited since. */
  readonly merged: CellScalar;
}

export interface MergeUndo {
  readonly version: 1;
  /** The task sheet's id, which stays through a rename, and its name when merged (for messages). */
  readonly sheetId: string;
  readonly sheet: string;
  /** The round merged, YYYY-MM-DD. */
  readonly round?: string;
  readonly cells: readonly UndoCell[];
}

/** The key under the record's `host`: other keys there are another host's (the xlsx host's styles). */
const KEY = "excelMerge";

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The merge the record can undo, if any. */
export function mergeUndoOf(record: DubanRecord | undefined): MergeUndo | undefined {
  const host = record?.host;
  if (!isObject(host)) return undefined;
  const undo = host[KEY];
  return isObject(undo) && undo.version === 1 && Array.isArray(undo.cells) && typeof undo.sheetId === "string"
    ? (undo as unknown as MergeUndo)
    : undefined;
}

/** The record's `host` with this merge to undo (or without any, for undefined), the rest of it kept. */
export function withMergeUndo(host: unknown, undo: MergeUndo | undefined): unknown {
  const next: Record<string, unknown> = isObject(host) ? { ...host } : {};
  if (undo) next[KEY] = undo;
  else delete next[KEY];
  return Object.keys(next).length > 0 ? next : undefined;
}
