// Which cells of the task table get which colour: a plan for a host to turn into a few conditional formats.
//
// A colour must stay with its task when the clerk sorts, filters, inserts or deletes rows, so it cannot hang
// on an address. Each colour is one rule over the table that asks whether the cell's key is on that colour's
// list in the very hidden marks sheet. The key is built by the rule from the row's own cells (task, unit,
// deadline, status, completion date) and the cell's column, so it moves with the row. This keeps the colours
// exactly those of the check (the engine decided them, as for the generated sheets, at the check's fixed
// as-of date), which rules that recompute overdue or missing from the cells could not promise for every rule
// (rosters, duplicates, working days, recurring tasks). Changing a key cell clears the row's colours, which
// is right: what was found was about the old task, and the next check looks again.
//
// The rule reads only the key cells, never the coloured cell itself, and no column in which the check saw
// TRUE or FALSE: LibreOffice 7.4 crashes exporting a PDF when a conditional format's formula reads a boolean
// cell (seen with Debian's 7.4.7; a relative, absolute or INDIRECT reference alike).

import type { CheckResult } from "../check";
import { excelSerialFromDay } from "../day";
import type { RuleId } from "../settings";
import type { Field } from "../table/fields";
import { isFormulaError } from "../values/text";
import { columnIndex, columnLetter, type CellRange, type CellValue, type SheetGrid } from "../workbook";
import { quotedSheet } from "./names";
import { MARKS_SHEET } from "./record";

/**
 * 红黄蓝预警 plus orange for data problems, and light blue for the cells a merge of the units' answers wrote;
 * a cell with several shows the most urgent.
 */
export type HighlightKind = "overdue" | "data" | "dueSoon" | "doneLate" | "merged";

/**
 * In order of urgency: the first kind a cell has is the colour it gets. A merged cell that the check finds
 * something in shows what was found: the clerk sees the answer's problem, and the Feedback sheet lists it.
 */
export const HIGHLIGHT_KINDS: readonly HighlightKind[] = ["overdue", "data", "dueSoon", "doneLate", "merged"];

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
  /** Zero-based columns whose cells, joined, tell one task row from another (HighlightKeys.columns). */
  readonly keyColumns: readonly number[];
  /**
   * Per kind that colours any cell, its cells' keys, distinct, in the order of the marks (the table's own).
   * The rule asks only whether a key is on its list, so no order is needed: sorting them as text was a
   * tenth of a 100,000-row check's planning.
   */
  readonly keys: ReadonlyArray<{ readonly kind: HighlightKind; readonly keys: readonly string[] }>;
}

/** The fields a row's key is made of: what names the task and what decides its state. */
const KEY_FIELDS: readonly Field[] = ["task", "unit", "deadline", "status", "doneDate"];

/** The cells a check keys its highlights on, taken from the task sheet as it was read. */
export interface HighlightKeys {
  /** Zero-based columns, in KEY_FIELDS order: those of the table with no TRUE or FALSE in a task row. */
  readonly columns: readonly number[];
  /** For each row (1-based) with a finding on a cell, its cells in those columns. */
  readonly rows: Readonly<Record<number, readonly CellValue[]>>;
}

/**
 * The key columns of a task table and the key cells of its flagged rows. A column holding a boolean is left
 * out (see the top of this file), unless that would leave no column at all.
 */
export function highlightKeysOf(
  sheet: SheetGrid,
  taskRows: readonly number[],
  columnOf: ReadonlyMap<Field, number>,
  flaggedRows: readonly number[],
): HighlightKeys {
  const present = KEY_FIELDS.flatMap((field) => {
    const column = columnOf.get(field);
    return column === undefined ? [] : [column];
  });
  // One pass over the task rows for all key columns, not one per column.
  const holdsBoolean = new Set<number>();
  for (const row of taskRows) {
    const cells = sheet.rows[row - 1];
    if (cells) for (const column of present) if (typeof cells[column] === "boolean") holdsBoolean.add(column);
  }
  const clean = present.filter((column) => !holdsBoolean.has(column));
  const columns = clean.length > 0 ? clean : present;
  const rows: Record<number, CellValue[]> = {};
  for (const row of flaggedRows) {
    if (rows[row]) continue;
    const cells = sheet.rows[row - 1] ?? [];
    rows[row] = columns.map((c) => cells[c] ?? null);
  }
  return { columns, rows };
}
/** Between the parts of a key; a clerk's text with it can only make two keys equal, never lose one. */
const SEPARATOR = "|";

export interface HighlightOptions {
  /** The workbook's date system: a date cell joins a key as its serial number. */
  readonly date1904: boolean;
  /**
   * The cells a merge wrote (1-based row, zero-based column), on the task sheet; the check must have kept
   * their rows' key cells (CheckOptions.keyRows).
   */
  readonly merged?: ReadonlyArray<{ readonly row: number; readonly column: number }>;
}

/**
 * The marks for a check's findings on its task sheet, and for the cells a merge wrote, one per cell, the most
 * urgent kind winning, and the keys its rules look up.
 * @throws Error when the result has no highlight keys, or a merged cell's row has no key cells in it (checked
 *   without keyRows).
 */
export function highlightPlan(result: CheckResult, options: HighlightOptions): HighlightPlan {
  const keyed = result.highlightKeys;
  if (!keyed)
    throw new Error(
      "The check kept no highlight keys (CheckOptions.highlightKeys: false): its highlights cannot be planned",
    );
  const byCell = new Map<number, HighlightMark>();
  const urgency = (kind: HighlightKind) => HIGHLIGHT_KINDS.indexOf(kind);
  let lastColumn = 0;
  for (const letter of Object.values(result.columns))
    lastColumn = Math.max(lastColumn, columnIndex(letter!)!);
  // A large table has tens of thousands of findings in a dozen columns: each letter is read once.
  const columnOf = new Map<string, number>();
  for (const finding of result.findings) {
    if (finding.sheet !== result.sheet || finding.column === undefined) continue;
    let column = columnOf.get(finding.column);
    if (column === undefined) columnOf.set(finding.column, (column = columnIndex(finding.column)!));
    const row = finding.row - 1;
    const kind = highlightKind(finding.rule);
    const key = row * 16384 + column;
    const before = byCell.get(key);
    if (!before || urgency(kind) < urgency(before.kind)) byCell.set(key, { row, column, kind });
  }
  for (const cell of options.merged ?? []) {
    if (!keyed.rows[cell.row])
      throw new Error(
        `Row ${cell.row} was merged but the check kept no key cells for it (CheckOptions.keyRows)`,
      );
    const key = (cell.row - 1) * 16384 + cell.column;
    if (!byCell.has(key)) byCell.set(key, { row: cell.row - 1, column: cell.column, kind: "merged" });
  }
  // The cell keys are row-major: sorted as numbers, they put the marks in order without a comparison call
  // for each of tens of thousands of pairs.
  const marks = Array.from(Float64Array.from(byCell.keys()).sort(), (key) => byCell.get(key)!);
  const firstRow = result.firstDataRow - 1;
  const lastTaskRow = result.rows.length === 0 ? firstRow : result.rows[result.rows.length - 1]!.row - 1;

  const keyColumns = keyed.columns;
  const text = (value: CellValue | undefined) => concatText(value ?? null, options.date1904);
  const byKind = new Map<HighlightKind, Set<string>>();
  // Marks come row by row, and a row's cells make the same start of every key in it.
  let keyRow = -1;
  let rowKey = "";
  for (const mark of marks) {
    if (mark.row !== keyRow) {
      const cells = keyed.rows[mark.row + 1] ?? [];
      rowKey = "";
      for (let i = 0; i < keyColumns.length; i++) rowKey += text(cells[i]) + SEPARATOR;
      keyRow = mark.row;
    }
    const key = rowKey + String(mark.column + 1);
    let keys = byKind.get(mark.kind);
    if (!keys) byKind.set(mark.kind, (keys = new Set()));
    keys.add(key);
  }
  return {
    sheet: result.sheet,
    range: { top: firstRow, left: 0, bottom: Math.max(firstRow, lastTaskRow), right: lastColumn },
    marks,
    keyColumns,
    keys: HIGHLIGHT_KINDS.filter((kind) => byKind.has(kind)).map((kind) => ({
      kind,
      keys: [...byKind.get(kind)!],
    })),
  };
}

/**
 * The rule of one colour, without the leading "=" (a host adds it where its API wants one): true where the
 * cell's key is in the kind's column of the marks sheet. References are relative to the range's top-left
 * cell, row-relative for the key columns, so each cell builds its own row's key. SUMPRODUCT over EXACT
 * compares case and every character (MATCH and COUNTIF would take * ? ~ as wildcards and refuse keys over
 * 255 characters), and evaluates as an array in Excel, LibreOffice, WPS and Gnumeric alike.
 */
export function highlightFormula(plan: HighlightPlan, kind: HighlightKind): string {
  const { top, left } = plan.range;
  const row = top + 1;
  // COLUMN reads no cell, only where the reference is. A formula's error in a key cell (#N/A from a lookup
  // whose sheet is gone) would make the whole key an error, and the row that needs its colours most would
  // show none: each cell's text is caught and keyed as FORMULA_ERROR_KEY. IFERROR(cell&"",…) rather than
  // IF(ISERROR(cell),…,cell&""): the same, in 22 characters a cell instead of 30, with the whole rule kept
  // well under 255 (some Excel dialogs stop there).
  const parts = [
    ...plan.keyColumns.map((c) => `IFERROR($${columnLetter(c)}${row}&"","${FORMULA_ERROR_KEY}")`),
    `COLUMN(${columnLetter(left)}${row})`,
  ];
  const list = marksColumn(plan, kind);
  const keys = `${parts.join(`&"${SEPARATOR}"&`)}`;
  return `SUMPRODUCT(--EXACT(${keys},${quotedSheet(MARKS_SHEET)}!${list}))>0`;
}

/**
 * Whether a conditional format's formula (with or without its "=") is one of Duban's highlight rules: it
 * looks up the marks sheet. When the marks sheet is deleted first (a write cut short), spreadsheets rewrite
 * the reference to #REF!, so a rule of Duban's shape whose list became #REF! counts too.
 */
export function isHighlightFormula(formula: string): boolean {
  if (formula.includes(`${quotedSheet(MARKS_SHEET)}!`) || formula.includes(`${MARKS_SHEET}!`)) return true;
  return /^=?SUMPRODUCT\(--EXACT\(.*,#REF!\)\)>0$/.test(formula);
}

/** Where a kind's keys are on the marks sheet: a column per kind present, in order of urgency, from row 1. */
export function marksColumn(plan: HighlightPlan, kind: HighlightKind): string {
  const at = plan.keys.findIndex((k) => k.kind === kind);
  if (at < 0) throw new Error(`no ${kind} highlights in this plan`);
  const letter = columnLetter(at);
  return `$${letter}$1:$${letter}$${Math.max(1, plan.keys[at]!.keys.length)}`;
}

/** What a key cell holding a formula's error (any of them) stands for in a highlight key. */
export const FORMULA_ERROR_KEY = "#ERR";

/**
 * A cell's value as the highlight rule turns it into text: as Excel's & does (text as it is, TRUE or FALSE, a
 * number in the General way with at most 15 significant digits, 1E+21, 1E-07, a date as its serial number),
 * and a formula's error (#N/A, which a workbook model holds as its text) as FORMULA_ERROR_KEY.
 */
export function concatText(value: CellValue, date1904: boolean): string {
  if (value === null) return "";
  if (typeof value === "string") return isFormulaError(value) ? FORMULA_ERROR_KEY : value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  const number = typeof value === "number" ? value : excelSerialFromDay(value.day, date1904);
  // Whole numbers of up to 15 digits, dates among them, are written as they are by toPrecision(15) too.
  if (Number.isInteger(number) && Math.abs(number) < 1e15) return String(number);
  const text = String(Number(number.toPrecision(15)));
  const exponent = /^(-?[\d.]+)e([+-])(\d+)$/.exec(text);
  return exponent ? `${exponent[1]}E${exponent[2]}${exponent[3]!.padStart(2, "0")}` : text;
}
