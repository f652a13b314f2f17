// Finding the task table: which sheet, which header row, which column holds which field.

import type { Settings } from "../settings";
import { absentSheet, sheetList, sheetNamed } from "../sheets";
import type { CellValue, ExcelTable, OtherSheetKind, SheetGrid, WorkbookModel } from "../workbook";
import { columnIndex, columnLetter } from "../workbook";
import { parseStatus } from "../values/status";
import { cellText, compactKey, isBlank } from "../values/text";
import { FIELDS, PLAN, REQUIRED_FIELDS, matchHeader, type Field, type HeaderMatch } from "./fields";

/** The spec: the header row is within the first 30 rows. */
export const HEADER_SEARCH_ROWS = 30;

export interface TableLocation {
  readonly sheet: SheetGrid;
  /** Zero-based row of the header. */
  readonly headerRow: number;
  /** Zero-based first row below the header (after a two-row header, below both). */
  readonly firstDataRow: number;
  /** Zero-based column per recognised field. */
  readonly columns: ReadonlyMap<Field, number>;
  /** The Excel Table whose header row this is: its totals rows are no tasks. */
  readonly table?: ExcelTable;
}

/** Why no table could be used; the words are the catalogue's. */
export type TableProblem =
  | { readonly problem: "sheet-not-found"; readonly values: { sheet: string; sheets: string } }
  | {
      readonly problem: "not-a-worksheet";
      readonly values: { sheet: string; sheets: string; kind: OtherSheetKind };
    }
  | {
      readonly problem: "no-table";
      /** hiddenSheet: a hidden sheet that has a task table's header (never chosen by guessing). */
      readonly values: { sheets: string; hiddenSheet?: string };
    }
  | { readonly problem: "no-header"; readonly values: { sheet: string } }
  | {
      readonly problem: "missing-columns";
      readonly values: {
        sheet: string;
        row: number;
        /** The required fields the header lacks. */
        fields: readonly Field[];
        /** The fields it has, each with its column letter. */
        found: ReadonlyArray<{ readonly field: Field; readonly column: string }>;
        /** With a headerRow in the settings: the row (1-based) where the sheet's header is found instead. */
        headerFound?: number;
      };
    }
  | {
      readonly problem: "column-not-found";
      readonly values: { field: Field; column: string; sheet: string };
    };

export class TableError extends Error {
  constructor(readonly detail: TableProblem) {
    super(`${detail.problem}: ${JSON.stringify(detail.values)}`);
    this.name = "TableError";
  }
}

/** Sheet names that are never the task table: rosters, holiday lists and our own output. */
const NOT_A_TASK_SHEET = /^(单位名单|单位|责任单位|units?|roster|节假日|节假日安排|holidays?)$/i;

interface HeaderCandidate {
  readonly row: number;
  readonly firstDataRow: number;
  readonly columns: Map<Field, number>;
  readonly score: number;
  readonly table?: ExcelTable;
}

/**
 * What being an Excel Table's header row adds to a header's score (a field is worth 1, a required one 3): the
 * person declared the range a table, so it wins over a row that names as many fields or one more, but not
 * over one naming a required field it lacks, nor two fields more.
 */
const TABLE_HEADER_SCORE = 1.5;

/**
 * Locates the task table, as the settings say or by looking: the sheet whose best header row (within
 * the first 30 rows, or an Excel Table's wherever it is, which counts for more) names the most fields, the
 * task among them.
 * @throws TableError when no usable table is found.
 */
export function locateTable(
  workbook: WorkbookModel,
  settings: Settings,
  skipSheets: ReadonlySet<string> = new Set(),
): TableLocation {
  const sheets = settings.sheet
    ? [chosenSheet(workbook, settings.sheet)]
    : candidateSheets(workbook, skipSheets);
  let best: { sheet: SheetGrid; header: HeaderCandidate } | undefined;
  for (const sheet of sheets) {
    const header = settings.headerRow ? headerAt(sheet, settings.headerRow - 1, false) : findHeader(sheet);
    if (!header) continue;
    // Of tables as good as each other (a sheet a month, the same header on each), the one the person had
    // open; else the first.
    const better =
      !best ||
      header.score > best.header.score ||
      (header.score === best.header.score && sheet.name === workbook.activeSheet);
    if (better) best = { sheet, header };
  }
  if (!best) {
    if (settings.sheet) throw new TableError({ problem: "no-header", values: { sheet: settings.sheet } });
    // A table the person hid (or a template's sheet left hidden) is not guessed, but a message that says
    // no sheet has a header would send them looking for a mistake in one that does.
    const hidden = workbook.sheets.find((s) => s.hidden && !skipSheets.has(s.name) && findHeader(s));
    throw new TableError({
      problem: "no-table",
      values: { sheets: sheetList(workbook), ...(hidden && { hiddenSheet: hidden.name }) },
    });
  }
  const columns = applyOverrides(best.sheet, best.header, settings);
  const missing = REQUIRED_FIELDS.filter((field) => !columns.has(field));
  if (missing.length > 0) {
    // A headerRow that is off (rows inserted above the table since it was set) most often leaves a header
    // the search finds on its own: that row is named, so that the person need not count.
    const found = settings.headerRow ? findHeader(best.sheet) : undefined;
    const headerFound =
      found && found.row !== best.header.row && REQUIRED_FIELDS.every((f) => found.columns.has(f))
        ? found.row + 1
        : undefined;
    throw new TableError({
      problem: "missing-columns",
      values: {
        sheet: best.sheet.name,
        row: best.header.row + 1,
        fields: missing,
        found: [...columns].map(([field, col]) => ({ field, column: columnLetter(col) })),
        ...(headerFound !== undefined && { headerFound }),
      },
    });
  }
  return {
    sheet: best.sheet,
    headerRow: best.header.row,
    firstDataRow: best.header.firstDataRow,
    columns,
    ...(best.header.table && { table: best.header.table }),
  };
}

/**
 * The worksheet the person chose by name (--sheet, --spec, --ledger or the settings).
 * @throws TableError (sheet-not-found, or not-a-worksheet for a chart, dialog or macro sheet of that name)
 */
export function chosenSheet(workbook: WorkbookModel, name: string): SheetGrid {
  const sheet = sheetNamed(workbook, name);
  if (sheet) return sheet;
  const { kind, ...values } = absentSheet(workbook, name);
  throw new TableError(
    kind === undefined
      ? { problem: "sheet-not-found", values }
      : { problem: "not-a-worksheet", values: { ...values, kind } },
  );
}

function candidateSheets(workbook: WorkbookModel, skip: ReadonlySet<string>): SheetGrid[] {
  return workbook.sheets.filter(
    (s) => !s.hidden && !skip.has(s.name) && !NOT_A_TASK_SHEET.test(compactKey(s.name)),
  );
}

/**
 * The best header row in the first rows of a sheet, or of its Excel Tables wherever they are; undefined when
 * none names a task column.
 */
export function findHeader(sheet: SheetGrid): HeaderCandidate | undefined {
  let best: HeaderCandidate | undefined;
  const last = Math.min(sheet.rows.length, HEADER_SEARCH_ROWS);
  const consider = (candidate: HeaderCandidate | undefined): void => {
    if (candidate && (!best || candidate.score > best.score)) best = candidate;
  };
  for (let r = 0; r < last; r++) consider(headerAt(sheet, r, true));
  for (const table of sheet.tables ?? []) {
    if (table.headerRows > 0 && table.range.top >= last) consider(headerAt(sheet, table.range.top, true));
  }
  return best;
}

/** The Excel Table whose header row `row` is, if any. */
function tableHeadedAt(sheet: SheetGrid, row: number): ExcelTable | undefined {
  return sheet.tables?.find((table) => table.headerRows > 0 && table.range.top === row);
}

/**
 * The header a row makes; `guessing` demands a task column, since the person did not choose the row. An
 * Excel Table's header row names only the table's own columns.
 */
function headerAt(sheet: SheetGrid, row: number, guessing: boolean): HeaderCandidate | undefined {
  const cells = sheet.rows[row] ?? [];
  const table = tableHeadedAt(sheet, row);
  const columns = new Map<Field, number>();
  const from = table?.range.left ?? 0;
  const to = table ? Math.min(cells.length - 1, table.range.right) : cells.length - 1;
  const matches = new Map<number, HeaderMatch>();
  for (let c = from; c <= to; c++) {
    const match = headerMatch(cells[c]);
    if (match) matches.set(c, match);
  }
  // A column named exactly (工作任务) wins over one whose name only starts with a field's (任务来源), wherever
  // each stands; among columns alike, the first.
  for (const exactly of [true, false]) {
    for (const [c, match] of matches)
      if (match.exact === exactly && !columns.has(match.field)) columns.set(match.field, c);
  }
  completionBesideLimit(cells, matches, columns);
  let firstDataRow = row + 1;
  // A two-row header: a group title merged across columns (完成情况 over 状态 | 完成日期) with the
  // names in the row below, and the other titles merged down over both rows. Only a row that names
  // fields of its own is such a header: a title merged across the sheet above the header is not.
  const below = columns.size >= 2 ? sheet.rows[row + 1] : undefined;
  if (below) {
    for (const merge of sheet.merges)
      if (merge.top === row && merge.bottom > row) firstDataRow = Math.max(firstDataRow, merge.bottom + 1);
    for (const group of groupTitles(sheet, row, cells, below)) {
      const named = new Map<Field, number>();
      for (let c = group.left; c <= group.right; c++) {
        const field = headerField(below[c]);
        if (field && !named.has(field)) named.set(field, c);
      }
      if (named.size === 0) continue;
      // The group title names the group, not the column it starts: 完成情况 over 完成时限 | 完成状态 is
      // the status in the second column. It keeps a column only where the name below is no field's.
      for (const [field, c] of columns) {
        if (c >= group.left && c <= group.right && (named.has(field) || headerField(below[c])))
          columns.delete(field);
      }
      let usedBelow = false;
      for (const [field, c] of named) {
        if (columns.has(field)) continue;
        columns.set(field, c);
        usedBelow = true;
      }
      if (usedBelow) firstDataRow = Math.max(firstDataRow, row + 2);
    }
  }
  if (guessing && (!columns.has("task") || columns.size < 2)) return undefined;
  const named = columns.get("status");
  if (named !== undefined)
    columns.set("status", readableStatusColumn(sheet, cells, matches, firstDataRow, named));
  const required = REQUIRED_FIELDS.filter((field) => columns.has(field)).length;
  const score = columns.size + 2 * required + (table ? TABLE_HEADER_SCORE : 0);
  return { row, firstDataRow, columns, score, ...(table && { table }) };
}

/**
 * The group titles of a two-row header, by the columns each spans: merged across, or, where the sheet lost
 * its merges (saved as CSV, or titled with 跨列居中), a title followed by empty header cells over a row that
 * holds nothing but names of fields, some of them under those empty cells.
 */
function groupTitles(
  sheet: SheetGrid,
  row: number,
  cells: readonly CellValue[],
  below: readonly CellValue[],
): Array<{ readonly left: number; readonly right: number }> {
  const merged = sheet.merges.filter((m) => m.top === row && m.bottom === row && m.right > m.left);
  const namesOnly = below.every((value) => isBlank(value) || headerField(value) !== undefined);
  if (!namesOnly) return merged;
  const inMerge = (c: number) =>
    sheet.merges.some((m) => m.top <= row && m.bottom >= row && m.left <= c && m.right >= c);
  const unmerged: Array<{ left: number; right: number }> = [];
  for (let c = 0; c < cells.length; c++) {
    if (isBlank(cells[c]) || inMerge(c)) continue;
    let right = c;
    while (
      right + 1 < Math.max(cells.length, below.length) &&
      isBlank(cells[right + 1]) &&
      !inMerge(right + 1)
    )
      right++;
    if (right > c && headerField(below[right]) !== undefined) unmerged.push({ left: c, right });
    c = right;
  }
  return [...merged, ...unmerged];
}

/** How many rows under a header are read to tell two status columns apart. */
const STATUS_SAMPLE_ROWS = 20;

/**
 * Of two or more status columns (完成情况 written out in sentences beside 是否完成 with 是 and 否), the one whose
 * cells read as statuses in the first rows below the header; the one the header named first (`named`) unless
 * another reads better. A column that says how far the work has got (办理进展, 工作进展, 进度) gives way to one
 * that says whether it is done (办结情况, 是否办结) when that one reads as statuses in at least half as many
 * rows: work 已完成 by its progress and 未办结 by its closing is not closed. `header`: the header row's cells;
 * `matches`: its columns and what each names.
 */
function readableStatusColumn(
  sheet: SheetGrid,
  header: readonly CellValue[],
  matches: ReadonlyMap<number, HeaderMatch>,
  firstDataRow: number,
  named: number,
): number {
  const candidates = [...matches].filter(([, match]) => match.field === "status").map(([c]) => c);
  if (candidates.length < 2) return named;
  const readable = (c: number) => {
    let count = 0;
    for (let r = firstDataRow; r < firstDataRow + STATUS_SAMPLE_ROWS && r < sheet.rows.length; r++) {
      const kind = parseStatus(sheet.rows[r]?.[c]).kind;
      if (kind === "done" || kind === "open") count++;
    }
    return count;
  };
  const counts = new Map(candidates.map((c) => [c, readable(c)]));
  const most = Math.max(...counts.values());
  if (most === 0) return named;
  const progress = (c: number) => PROGRESS.test(cellText(header[c]));
  // The named column first, then the others in the header's order; a progress column only where no column
  // that says whether the work is done reads well enough.
  const order = [named, ...candidates.filter((c) => c !== named)];
  const closing = order.filter((c) => !progress(c) && counts.get(c)! * 2 >= most);
  const pool = closing.length > 0 ? closing : order;
  let best = pool[0]!;
  for (const c of pool) if (counts.get(c)! > counts.get(best)!) best = c;
  return best;
}

/** A status header that says how far the work has got, not whether it is done. */
const PROGRESS = /进展|进度|推进|progress/i;

/** A header that names a limit or a plan (整改期限, 完成时限, 截止日期, 时间节点, 计划完成时间), not a day something happened. */
const LIMIT = new RegExp(`(?:期限|时限|截止|节点|^${PLAN})`);
/** A header that names only the time of completion: 完成时间, 整改完成时间, 办结日期. */
const COMPLETION = /(?:完成|办结)(?:时间|日期)$/;

/** 销号时间: when a hazard was struck off the ledger, after its putting right was checked. */
const STRUCK_OFF = /^销号/;

/**
 * Two deadline columns, one a limit and the other a time of completion (整改期限 | 整改完成时间, 完成时限 |
 * 完成时间, as a hazard ledger has them): the limit is the deadline and the other is when the work was done, the
 * completion date, where no column names it otherwise or only the day it was struck off (销号时间, later, and
 * not the unit's doing). Either alone is the deadline, as each is in a table that has only it.
 */
function completionBesideLimit(
  cells: readonly CellValue[],
  matches: ReadonlyMap<number, HeaderMatch>,
  columns: Map<Field, number>,
): void {
  const doneDate = columns.get("doneDate");
  if (doneDate !== undefined && !STRUCK_OFF.test(compactKey(cellText(cells[doneDate])))) return;
  const deadlines = [...matches].filter(([, match]) => match.field === "deadline").map(([c]) => c);
  const key = (c: number) => compactKey(cellText(cells[c]));
  const limit = deadlines.find((c) => LIMIT.test(key(c)));
  const completion = deadlines.find((c) => !LIMIT.test(key(c)) && COMPLETION.test(key(c)));
  if (limit === undefined || completion === undefined) return;
  columns.set("deadline", limit);
  columns.set("doneDate", completion);
}

function headerField(value: CellValue | undefined): Field | undefined {
  return headerMatch(value)?.field;
}

function headerMatch(value: CellValue | undefined): HeaderMatch | undefined {
  return typeof value === "string" ? matchHeader(value) : undefined;
}

function applyOverrides(sheet: SheetGrid, header: HeaderCandidate, settings: Settings): Map<Field, number> {
  const columns = new Map(header.columns);
  const headerCells = sheet.rows[header.row] ?? [];
  for (const field of FIELDS) {
    const wanted = settings.columns[field];
    if (!wanted) continue;
    let index = columnIndex(wanted);
    if (index === undefined) {
      const key = compactKey(wanted);
      const found = headerCells.findIndex((cell) => compactKey(cellText(cell)) === key);
      if (found < 0) {
        throw new TableError({
          problem: "column-not-found",
          values: { field, column: wanted, sheet: sheet.name },
        });
      }
      index = found;
    }
    // One column holds one field: the override takes it from whatever was recognised there.
    for (const [other, col] of columns) if (col === index && other !== field) columns.delete(other);
    columns.set(field, index);
  }
  return columns;
}
