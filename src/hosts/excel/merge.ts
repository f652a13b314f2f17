// 反馈汇总 in Excel: the units' returned workbooks merged into the open task table, cell by cell, values only,
// and the merge undone from the old values the record keeps (undo-record.ts). Both run under the workbook's
// lock and end by writing the check's results as Generate does, the merge's with its Feedback sheet.

import { checkWorkbook, type CheckResult } from "../../core/check";
import { applyChanges } from "../../core/feedback/apply";
import { mergedRows } from "../../core/feedback/apply";
import { mergeAnswers, returnedFile, type ReturnedFile } from "../../core/feedback/merge";
import type { CellChange, MergeOutcome } from "../../core/feedback/types";
import { earlierMerges, readRecord, RECORD_SHEET, type DubanRecord } from "../../core/output/record";
import { columnLetter, parseRange, type CellValue } from "../../core/workbook";
import {
  HostError,
  type MergeDone,
  type MergeOperation,
  type MergeToUndo,
  type ReturnedWorkbook,
  type ReturnReader,
  type UndoDone,
} from "../contract";
import type { CellScalar, CellWrite, RequestContext, Worksheet } from "./api";
import {
  CellReader,
  cellEntry,
  deleteSheet,
  isPayloadTooLarge,
  jsonBytes,
  MAX_BLOCK_ROWS,
  PAYLOAD_BUDGET,
  utf8Length,
} from "./office-quirks";
import { listSheets, placeRows, readWorkbook } from "./read";
import { mergeUndoOf, withMergeUndo, type MergeUndo, type UndoCell } from "./undo-record";
import {
  Batch,
  newRunId,
  queueRecord,
  readState,
  refuseProtected,
  withLock,
  writeLocked,
  type Clock,
  type DubanState,
  type Lock,
  type Written,
} from "./write";

/** Cells between two changed cells of a column read or written as one range rather than two. */
const RUN_GAP = 16;
/** What a cell not known beforehand costs in a response: its value, format and formula as JSON. */
const UNKNOWN_CELL_BYTES = 48;
/** What a range operation costs in a request besides its cells. */
const RANGE_BYTES = 160;

/**
 * Reads the open workbook and each returned file, merges the answers the core accepts into the task
 * sheet's cells, and writes the check of the merged table with the Feedback sheet. A failure or Cancel
 * before the results are written puts every merged cell back.
 */
export async function mergeFeedback(
  context: RequestContext,
  returns: readonly ReturnedWorkbook[],
  options: MergeOperation,
  readReturn: ReturnReader | undefined,
  now: Clock,
): Promise<MergeDone> {
  const { asOf, settings, locale, signal, onProgress } = options;
  if (!readReturn) throw new HostError("unsupported", "reading returned workbooks");
  if (signal.aborted) throw new HostError("cancelled");
  const master = await readWorkbook(context, { settings, signal, onProgress });
  const checking = (done: number, total: number) => onProgress({ phase: "checking", done, total });
  const result = checkWorkbook(master, { asOf, settings, onProgress: checking });

  const answered: ReturnedFile[] = [];
  for (let i = 0; i < returns.length; i++) {
    if (signal.aborted) throw new HostError("cancelled");
    onProgress({ phase: "reading", done: i, total: returns.length });
    answered.push(returnedFile(returns[i]!.name, await readReturn(returns[i]!, locale), settings));
  }
  onProgress({ phase: "reading", done: returns.length, total: returns.length });
  const outcome = mergeAnswers({ workbook: master, result }, answered, earlierMerges(readRecord(master)));
  // The merged rows keep their highlight keys: the merge's own colour marks their changed cells.
  const after = checkWorkbook(applyChanges(master, result.sheet, outcome.changes), {
    asOf,
    settings,
    onProgress: checking,
    keyRows: mergedRows(outcome),
  });
  if (signal.aborted) throw new HostError("cancelled");

  const run = newRunId();
  const { sheets, kinds } = await withLock(context, run, now, (lock) =>
    writeMerge(context, { outcome, result: after, options, run, lock }),
  );
  const feedback = sheets[kinds.indexOf("feedback")];
  return { outcome, result: after, sheets, feedbackSheet: feedback };
}

interface MergeWrite {
  readonly outcome: MergeOutcome;
  readonly result: CheckResult;
  readonly options: MergeOperation;
  readonly run: string;
  readonly lock: Lock;
}

/**
 * Under the lock: the changed cells' values as they are now (kept for undo, in the record, before any cell
 * changes), the new values in blocks, then the results. A merge that changes nothing leaves the last
 * merge's undo as it was.
 */
async function writeMerge(context: RequestContext, merge: MergeWrite): Promise<Written> {
  const { outcome, result, options, run, lock } = merge;
  const state = await readState(context);
  const task = state.sheets.find((s) => s.name === result.sheet);
  if (!task) throw new HostError("input", result.sheet);
  refuseProtected(state, [result.sheet]);
  const changes = uniqueCells(outcome.changes);
  if (changes.length === 0) return writeLocked(context, result, options, run, lock, { merge: outcome });

  const before = await readCells(
    context,
    task.sheet,
    changes.map((c) => ({ row: c.row - 1, column: c.column, size: valueSize(c.old) })),
    options.signal,
  );
  const cells: UndoCell[] = [];
  const writes: CellOperation[] = [];
  for (const change of changes) {
    const now = before.get(cellKey(change.row - 1, change.column))!;
    const entry = cellEntry(change.new, now.format, state.date1904);
    writes.push({
      row: change.row - 1,
      column: change.column,
      value: entry.entered,
      ...(entry.format !== undefined ? { format: entry.format } : {}),
    });
    cells.push({
      cell: `${columnLetter(change.column)}${change.row}`,
      old: now.value,
      ...(now.formula !== undefined ? { formula: now.formula } : {}),
      ...(entry.format !== undefined ? { format: now.format } : {}),
      merged: entry.reads,
    });
  }
  const undo: MergeUndo = {
    version: 1,
    sheetId: task.id,
    sheet: task.name,
    ...(outcome.round ? { round: outcome.round } : {}),
    cells,
  };
  const host = withMergeUndo(state.record?.host, undo);
  // The undo first: from here on, a workbook whose write is cut short still knows what its cells held.
  queueRecord(context, state.recordSheet?.sheet, { ...recordOf(state), host });
  await context.sync();

  try {
    const batch = new Batch(context, options.signal, lock, (done) =>
      options.onProgress({ phase: "writing", done, total: writes.length }),
    );
    await writeCells(batch, task.sheet, writes);
    return await writeLocked(context, result, options, run, lock, { merge: outcome, host });
  } catch (error) {
    const formats = new Map([...before].map(([key, cell]) => [key, cell.format]));
    await putBack(context, task.sheet, undo, formats, state);
    throw error;
  }
}

/** After a failure: every merged cell as it was, and the record as it was before the merge. */
async function putBack(
  context: RequestContext,
  sheet: Worksheet,
  undo: MergeUndo,
  formats: ReadonlyMap<number, string>,
  before: DubanState,
): Promise<void> {
  try {
    const batch = new Batch(context, new AbortController().signal, noLock, () => undefined);
    await writeCells(batch, sheet, restoreOperations(undo, formats, before.date1904));
    const state = await readState(context);
    if (state.recordSheet) {
      const record = recordOf(state);
      if (!before.record && record.generated.length === 0)
        deleteSheet(state.recordSheet.sheet, state.recordSheet.visibility);
      else queueRecord(context, state.recordSheet.sheet, { ...record, host: before.record?.host });
    }
    await context.sync();
  } catch {
    // The record still holds the undo: 撤销合并 puts the cells back.
  }
}

/** A lock that is not renewed: putting cells back after a failure is short, and the lease covers it. */
const noLock: Lock = { id: "", renew: () => undefined };

function recordOf(state: DubanState): DubanRecord {
  return state.record ?? { version: 1, generated: [] };
}

/** One change per cell (the core never makes two; a second would overwrite the first's undo). */
function uniqueCells(changes: readonly CellChange[]): CellChange[] {
  const seen = new Map<number, CellChange>();
  for (const change of changes) {
    const key = cellKey(change.row - 1, change.column);
    if (!seen.has(key)) seen.set(key, change);
  }
  return [...seen.values()];
}

// ---------------------------------------------------------------------------------------------------------
// Undo

/** The merge the workbook's record can undo. */
export async function mergeToUndo(context: RequestContext): Promise<MergeToUndo | undefined> {
  const undo = mergeUndoOf(await recordOnly(context));
  return undo ? { cells: undo.cells.length, ...(undo.round ? { round: undo.round } : {}) } : undefined;
}

/**
 * Puts back every cell of the last merge, then checks again and writes the results (without the Feedback
 * sheet). Refused, changing nothing, when a cell no longer holds what the merge left. Once cells are being
 * put back it runs to the end: stopping half-way would leave some cells merged and some not.
 */
export async function undoMerge(
  context: RequestContext,
  options: MergeOperation,
  now: Clock,
): Promise<UndoDone> {
  if (options.signal.aborted) throw new HostError("cancelled");
  const run = newRunId();
  return withLock(context, run, now, async (lock): Promise<UndoDone> => {
    const state = await readState(context);
    const undo = mergeUndoOf(state.record);
    if (!undo) throw new HostError("input", "no merge to undo");
    const task =
      state.sheets.find((s) => s.id === undo.sheetId) ?? state.sheets.find((s) => s.name === undo.sheet);
    if (!task) throw new HostError("input", undo.sheet);
    refuseProtected(state, [task.name]);

    const places = undo.cells.map((cell) => placeOf(cell));
    const current = await readCells(context, task.sheet, places, options.signal);
    const edited = undo.cells.filter((cell, i) => {
      const now = current.get(cellKey(places[i]!.row, places[i]!.column))!;
      return now.formula !== undefined || !sameValue(now.value, cell.merged);
    });
    if (edited.length > 0) return { kind: "edited", sheet: task.name, cells: edited.map((c) => c.cell) };

    const formats = new Map([...current].map(([key, cell]) => [key, cell.format]));
    const steady = { ...options, signal: new AbortController().signal };
    const batch = new Batch(context, steady.signal, lock, (done) =>
      options.onProgress({ phase: "writing", done, total: undo.cells.length }),
    );
    await writeCells(batch, task.sheet, restoreOperations(undo, formats, state.date1904));
    const host = withMergeUndo(state.record?.host, undefined);
    queueRecord(context, state.recordSheet?.sheet, { ...recordOf(state), host });
    await context.sync();

    const workbook = await readWorkbook(context, steady);
    const result = checkWorkbook(workbook, {
      asOf: options.asOf,
      settings: options.settings,
      onProgress: (done, total) => options.onProgress({ phase: "checking", done, total }),
    });
    const { sheets } = await writeLocked(context, result, steady, run, lock, { host });
    return { kind: "undone", cells: undo.cells.length, result, sheets };
  });
}

/** Numbers as Office gives them back may differ in the last bit from what was written; text must match. */
function sameValue(a: CellScalar, b: CellScalar): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= Math.abs(b) * 1e-12;
  return a === b;
}

/** The writes that put a merge's cells back: format first (as it was), then the formula or the value. */
function restoreOperations(
  undo: MergeUndo,
  formats: ReadonlyMap<number, string>,
  date1904: boolean,
): CellOperation[] {
  return undo.cells.map((cell) => {
    const { row, column } = placeOf(cell);
    const format = cell.format ?? formats.get(cellKey(row, column)) ?? "General";
    if (cell.formula !== undefined)
      return { row, column, formula: cell.formula, ...(cell.format ? { format: cell.format } : {}) };
    const entry = cellEntry(cell.old, format, date1904);
    return { row, column, value: entry.entered, ...(cell.format ? { format: cell.format } : {}) };
  });
}

function placeOf(cell: UndoCell): Place {
  const range = parseRange(cell.cell);
  if (!range) throw new HostError("input", cell.cell);
  return { row: range.top, column: range.left, size: valueSize(cell.old) };
}

/** The record alone, without the rest of readState's reads. */
async function recordOnly(context: RequestContext): Promise<DubanRecord | undefined> {
  const listing = await listSheets(context);
  const entry = listing.sheets.find((s) => s.name === RECORD_SHEET);
  if (!entry) return undefined;
  const cells = entry.sheet.getUsedRangeOrNullObject(true);
  cells.load("values,rowIndex,columnIndex");
  await context.sync();
  if (cells.isNullObject) return undefined;
  const rows: Array<CellValue[] | undefined> = [];
  placeRows(rows, cells.values, undefined, cells.rowIndex, cells.columnIndex, new CellReader(false));
  return readRecord({ fileName: listing.fileName, sheets: [{ name: RECORD_SHEET, rows, merges: [] }] });
}

// ---------------------------------------------------------------------------------------------------------
// Cells in blocks

/** A cell to read, zero-based, with what its value is thought to cost (a response is sized by it). */
interface Place {
  readonly row: number;
  readonly column: number;
  readonly size: number;
}

interface CellNow {
  readonly value: CellScalar;
  readonly format: string;
  /** Only where the cell holds a formula. */
  readonly formula?: string;
}

/** One cell's write: a number format first, then a value or a formula. */
interface CellOperation {
  readonly row: number;
  readonly column: number;
  readonly value?: CellScalar;
  readonly format?: string;
  readonly formula?: string;
}

const cellKey = (row: number, column: number) => row * 16_384 + column;

function valueSize(value: CellValue): number {
  return value === null ? 2 : typeof value === "object" ? 8 : utf8Length(String(value)) + 2;
}

/** A column's cells close together, as one range: a few nulls between cost less than another operation. */
interface Run<T extends { readonly row: number; readonly column: number }> {
  readonly column: number;
  readonly top: number;
  readonly bottom: number;
  readonly cells: readonly T[];
}

function runsOf<T extends { readonly row: number; readonly column: number }>(cells: readonly T[]): Run<T>[] {
  const sorted = [...cells].sort((a, b) => a.column - b.column || a.row - b.row);
  const runs: Run<T>[] = [];
  let open: { column: number; top: number; bottom: number; cells: T[] } | undefined;
  for (const cell of sorted) {
    if (
      open &&
      open.column === cell.column &&
      cell.row - open.bottom <= RUN_GAP &&
      cell.row - open.top < MAX_BLOCK_ROWS
    ) {
      open.bottom = cell.row;
      open.cells.push(cell);
      continue;
    }
    if (open) runs.push(open);
    open = { column: cell.column, top: cell.row, bottom: cell.row, cells: [cell] };
  }
  if (open) runs.push(open);
  return runs;
}

/**
 * The cells' values, number formats and formulas, a run per range, as many runs a sync as the payload
 * budget allows by their expected size; a sync refused for its size is asked again with half the runs,
 * and a run refused alone in halves.
 */
async function readCells(
  context: RequestContext,
  sheet: Worksheet,
  places: readonly Place[],
  signal: AbortSignal,
): Promise<Map<number, CellNow>> {
  const found = new Map<number, CellNow>();
  const queue = runsOf(places);
  let most = Infinity;
  while (queue.length > 0) {
    if (signal.aborted) throw new HostError("cancelled");
    let take = 0;
    let bytes = 0;
    while (take < queue.length && take < most) {
      bytes += runBytes(queue[take]!);
      if (take > 0 && bytes > PAYLOAD_BUDGET) break;
      take++;
    }
    const ranges = queue.slice(0, take).map((run) => {
      const range = sheet.getRangeByIndexes(run.top, run.column, run.bottom - run.top + 1, 1);
      range.load("values,numberFormat,formulas");
      return range;
    });
    try {
      // One sync per block of runs, as the payload cap needs.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (!isPayloadTooLarge(error)) throw error;
      if (take > 1) {
        most = Math.max(1, Math.floor(take / 2));
        continue;
      }
      const run = queue[0]!;
      if (run.cells.length < 2) throw error;
      const half = Math.ceil(run.cells.length / 2);
      queue.splice(0, 1, ...runsOf(run.cells.slice(0, half)), ...runsOf(run.cells.slice(half)));
      continue;
    }
    queue.splice(0, take).forEach((run, i) => {
      const range = ranges[i]!;
      for (const cell of run.cells) {
        const r = cell.row - run.top;
        const value = range.values[r]?.[0] ?? "";
        const formula = range.formulas[r]?.[0];
        // `formulas` gives text entered after an apostrophe without it (office-js #6687): '=x reads as =x
        // there and in `values`; a formula's value is its result, never its own text.
        const isFormula = typeof formula === "string" && formula.startsWith("=") && formula !== value;
        found.set(cellKey(cell.row, cell.column), {
          value,
          format: range.numberFormat[r]?.[0] ?? "General",
          ...(isFormula ? { formula } : {}),
        });
      }
    });
  }
  return found;
}

/** A run's response: its known cells by their size, the cells between them at a guess, three times over. */
function runBytes(run: Run<Place>): number {
  const known = run.cells.reduce((n, cell) => n + cell.size + 16, 0);
  const between = run.bottom - run.top + 1 - run.cells.length;
  return RANGE_BYTES + 3 * known + between * UNKNOWN_CELL_BYTES;
}

/**
 * Writes the cells a run at a time: number formats, values and formulas as 2-D arrays whose nulls leave the
 * cells between alone (formats before values, so that a date's format is there when its serial arrives).
 */
async function writeCells(
  batch: Batch,
  sheet: Worksheet,
  operations: readonly CellOperation[],
): Promise<void> {
  for (const run of runsOf(operations)) {
    const rows = run.bottom - run.top + 1;
    const column = <T>(pick: (op: CellOperation) => T | undefined): CellWrite<T> | undefined => {
      const grid: CellWrite<T> = Array.from({ length: rows }, () => [null]);
      let any = false;
      for (const op of run.cells) {
        const value = pick(op);
        if (value === undefined) continue;
        grid[op.row - run.top]![0] = value;
        any = true;
      }
      return any ? grid : undefined;
    };
    const formats = column((op) => op.format);
    const values = column((op) => op.value);
    const formulas = column((op) => op.formula);
    const bytes =
      RANGE_BYTES * 3 + jsonBytes(formats ?? []) + jsonBytes(values ?? []) + jsonBytes(formulas ?? []);
    if (!batch.fits(bytes, run.cells.length) && !batch.empty) await batch.flush();
    const range = sheet.getRangeByIndexes(run.top, run.column, rows, 1);
    if (formats) range.numberFormat = formats;
    if (values) range.values = values;
    if (formulas) range.formulas = formulas;
    batch.add(bytes, run.cells.length);
  }
  await batch.flush();
}
