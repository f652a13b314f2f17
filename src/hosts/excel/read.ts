// Reads what the engine needs from the open workbook, in as few syncs as the payload cap allows: the sheet
// list, then the top rows and the Excel Tables of each sheet that may hold the table (and the small helper
// sheets whole), as many sheets a sync as fit, then where those tables lie (and a table's header row below
// the top rows), then the chosen table in blocks with its hidden rows.

import { dubanSheetNames, MARKS_SHEET, RECORD_SHEET, SETTINGS_SHEET } from "../../core/output/record";
import type { Settings } from "../../core/settings";
import { findHelperSheet } from "../../core/sheets";
import { locateTable } from "../../core/table/locate";
import { compactKey } from "../../core/values/text";
import type { CellRange, CellValue, ExcelTable, SheetGrid, WorkbookModel } from "../../core/workbook";
import { HostError, type HostProgress } from "../contract";
import type { CellScalar, Range, RangeAreas, RequestContext, TableCollection, Worksheet } from "./api";
import {
  areasOf,
  blockRows,
  CellReader,
  DATE_PROBE,
  HEADER_COLUMNS,
  HEADER_ROWS,
  HELPER_COLUMNS,
  HELPER_ROWS,
  isPayloadTooLarge,
  jsonBytes,
  MAX_TABLE_CELLS,
  mayBeMergeLimit,
  mayBeVisibleCellsFailure,
  mergeQueryRows,
  PAYLOAD_BUDGET,
  usesDate1904,
  VISIBLE_CELLS,
} from "./office-quirks";

export interface ReadOptions {
  readonly settings: Settings;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: HostProgress) => void;
}

/** A sheet as the first sync finds it. */
export interface SheetEntry {
  readonly sheet: Worksheet;
  readonly name: string;
  readonly visibility: string;
  /** Stays the same through a rename: a write finds its own sheets by it. */
  readonly id: string;
}

/** The sheet list, the workbook's name and its date system: the first sync of every operation. */
export async function listSheets(
  context: RequestContext,
): Promise<{ fileName: string; sheets: SheetEntry[]; date1904: boolean }> {
  const workbook = context.workbook;
  workbook.load("name");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility,items/id");
  const probe = workbook.functions.date(DATE_PROBE.year, DATE_PROBE.month, DATE_PROBE.day);
  probe.load("value");
  await context.sync();
  return {
    fileName: workbook.name,
    sheets: worksheets.items.map((sheet) => ({
      sheet,
      name: sheet.name,
      visibility: sheet.visibility,
      id: sheet.id,
    })),
    date1904: usesDate1904(probe.value),
  };
}

/** Cells of a loaded range into a grid's rows, placed at the range's own row and column. */
export function placeRows(
  rows: Array<CellValue[] | undefined>,
  values: CellScalar[][],
  formats: string[][] | undefined,
  top: number,
  left: number,
  reader: CellReader,
): void {
  values.forEach((cells, r) => {
    let out: CellValue[] | undefined;
    const rowFormats = formats?.[r];
    for (let c = 0; c < cells.length; c++) {
      const value = reader.cell(cells[c], rowFormats?.[c]);
      if (value === null) continue;
      out ??= new Array<CellValue>(left + cells.length).fill(null);
      out[left + c] = value;
    }
    if (out) rows[top + r] = out;
  });
}

type Role = "record" | "helper" | "candidate" | "other";

/** A sheet as the scan finds it. */
interface Scan {
  readonly entry: SheetEntry;
  readonly role: Role;
  readonly rows: Array<CellValue[] | undefined>;
  /** By their corners: split queries report an area that crosses their border twice. */
  readonly merges: Map<string, CellRange>;
  /** A candidate's whole used range, for the table read. */
  used?: Range;
  /** A candidate's Excel Tables as listed, then where they lie. */
  tableList?: TableCollection;
  tables?: ExcelTable[];
  /** The largest row read, as JSON: the table read's first guess at a block's size. */
  rowBytes: number;
}

/** Rows of one sheet read in one sync. */
interface Piece {
  readonly scan: Scan;
  readonly top: number;
  readonly count: number;
  /** The piece that asks for a candidate's used range, merged areas and Excel Tables too. */
  readonly head: boolean;
  /** Cut down to the rows in use, after a refusal. */
  readonly trimmed: boolean;
}

interface Queued {
  readonly piece: Piece;
  readonly cells: Range;
  readonly used?: Range;
  readonly merges: RangeAreas[];
  readonly tables?: TableCollection;
}

/**
 * The scan's first guess at the bytes a cell of the rows it reads costs, values and number formats together.
 * Most of those rows lie outside the used range and cost nothing, so a guess above an ordinary table's
 * keeps a plain workbook in one sync; what the rows read turn out to cost replaces it.
 */
const SCAN_CELL_BYTES = 8;

/**
 * The workbook as the engine needs it: the task table whole, the helper sheets and the record, and the
 * first rows of every other sheet that could have been the table (so the engine picks the same one again).
 * @throws TableError when no task table can be found; HostError("cancelled" | "tooLarge")
 */
export async function readWorkbook(context: RequestContext, options: ReadOptions): Promise<WorkbookModel> {
  const { settings } = options;
  // Sync 1: the sheets.
  const listing = await listSheets(context);
  const reader = new CellReader(listing.date1904);
  const names: WorkbookModel = {
    fileName: listing.fileName,
    sheets: listing.sheets.map((s) => ({
      name: s.name,
      rows: [],
      merges: [],
      hidden: s.visibility !== "Visible",
    })),
  };
  const helpers = new Set(
    [findHelperSheet(names, settings.roster, "roster"), findHelperSheet(names, settings.holidays, "holidays")]
      .filter((s) => s !== undefined)
      .map((s) => s.name),
  );
  const chosen = settings.sheet === undefined ? undefined : compactKey(settings.sheet);
  const roleOf = (entry: SheetEntry): Role => {
    if (entry.name === RECORD_SHEET) return "record";
    if (entry.name === MARKS_SHEET || entry.name === SETTINGS_SHEET) return "other";
    // The sheet the person chose is read as a table, whatever its name or visibility.
    if (entry.name === settings.sheet || compactKey(entry.name) === chosen) return "candidate";
    if (helpers.has(entry.name)) return "helper";
    return entry.visibility === "Visible" ? "candidate" : "other";
  };

  // Sync 2 and on: the top rows of every candidate, the helper sheets, the record.
  const scans: Scan[] = listing.sheets.map((entry) => ({
    entry,
    role: roleOf(entry),
    rows: [],
    merges: new Map(),
    rowBytes: 1,
  }));
  const firstPieces = scans
    .filter((scan) => scan.role !== "other")
    .map((scan) => ({
      scan,
      top: 0,
      count: scan.role === "helper" ? HELPER_ROWS : HEADER_ROWS,
      head: scan.role === "candidate",
      trimmed: false,
    }));
  await scanSheets(context, firstPieces, reader, options.signal);
  // Then where the candidates' tables lie, and the header rows of those that start below the top rows.
  if (await locateTables(context, scans))
    await scanSheets(context, scans.flatMap(tableHeaderPieces), reader, options.signal);

  const grids = scans.map((s): SheetGrid => ({
    name: s.entry.name,
    rows: s.rows,
    merges: [...s.merges.values()],
    hidden: s.entry.visibility !== "Visible",
    ...(s.tables && { tables: s.tables }),
  }));
  const candidates = scans.filter((scan) => scan.role === "candidate").length;
  const activeSheet = candidates > 1 ? await shownSheet(context) : undefined;
  const shown = activeSheet === undefined ? {} : { activeSheet };
  const preview: WorkbookModel = { fileName: listing.fileName, sheets: grids, ...shown };
  const skip = dubanSheetNames(preview);
  for (const name of helpers) skip.add(name);
  const location = locateTable(preview, settings, skip);

  const index = grids.indexOf(location.sheet);
  const table = scans[index]!;
  const used = table.used;
  if (!used || used.isNullObject) return preview;
  const sheets = [...grids];
  const grid = await readTable(context, table.entry, used, reader, options, table.rowBytes);
  sheets[index] = { ...grid, ...(table.tables && { tables: table.tables }) };
  return { fileName: listing.fileName, sheets, ...shown };
}

/**
 * The sheet the person is looking at, which decides between task tables as good as each other (one a month):
 * asked for in a sync of its own, only where several sheets could hold the table, because Excel fails to say
 * it where a chart sheet is shown (office-js #2444) or another workbook has the focus (#6365). Undefined then.
 */
async function shownSheet(context: RequestContext): Promise<string | undefined> {
  try {
    const active = context.workbook.worksheets.getActiveWorksheet();
    active.load("name");
    await context.sync();
    return active.name;
  } catch {
    return undefined;
  }
}

/**
 * Where each candidate's Excel Tables lie, in one sync: a table's range can be asked for only once the
 * list has come back. No sync when no candidate has a table; true when one has.
 */
async function locateTables(context: RequestContext, scans: readonly Scan[]): Promise<boolean> {
  const asked = scans.flatMap((scan) =>
    (scan.tableList?.items ?? []).map((table) => {
      const range = table.getRange();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      return { scan, table, range };
    }),
  );
  if (asked.length === 0) return false;
  await context.sync();
  for (const { scan, table, range } of asked) {
    (scan.tables ??= []).push({
      name: table.name,
      range: {
        top: range.rowIndex,
        left: range.columnIndex,
        bottom: range.rowIndex + range.rowCount - 1,
        right: range.columnIndex + range.columnCount - 1,
      },
      headerRows: table.showHeaders ? 1 : 0,
      totalsRows: table.showTotals ? 1 : 0,
    });
  }
  return true;
}

/**
 * The rows of a candidate's table headers that the first pieces did not reach: the engine takes a table's
 * header row as a header wherever it lies, and looks at the row below it for a two-row header.
 */
function tableHeaderPieces(scan: Scan): Piece[] {
  const rows = new Set<number>();
  for (const table of scan.tables ?? []) {
    if (table.headerRows === 0) continue;
    for (let r = Math.max(table.range.top, HEADER_ROWS); r <= table.range.top + 1; r++) rows.add(r);
  }
  const pieces: Piece[] = [];
  for (const r of [...rows].sort((a, b) => a - b)) {
    const last = pieces.at(-1);
    if (last && last.top + last.count === r) pieces[pieces.length - 1] = { ...last, count: last.count + 1 };
    else pieces.push({ scan, top: r, count: 1, head: false, trimmed: false });
  }
  return pieces;
}

/**
 * Reads the pieces of the scan, as many a sync as the payload budget allows by the bytes a
 * cell has cost so far. As in the table read, a sync refused for its size is tried again with half the
 * pieces (or a lone piece in halves), and merged areas are queried in pieces once a query has failed.
 */
async function scanSheets(
  context: RequestContext,
  pieces: readonly Piece[],
  reader: CellReader,
  signal: AbortSignal,
): Promise<void> {
  const queue = [...pieces];
  let cellBytes = SCAN_CELL_BYTES;
  // Only ever lowered: a refusal is a whole response built and thrown away.
  let most = Infinity;
  let splitMerges = false;
  while (queue.length > 0) {
    if (signal.aborted) throw new HostError("cancelled");
    let take = 0;
    let bytes = 0;
    while (take < queue.length && take < most) {
      bytes += pieceCells(queue[take]!) * cellBytes;
      if (take > 0 && bytes > PAYLOAD_BUDGET) break;
      take++;
    }
    const queued = queue.slice(0, take).map((piece) => queuePiece(piece, splitMerges));
    try {
      // As many syncs as the payload cap needs, and no more.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      if (isPayloadTooLarge(error)) {
        if (take > 1) {
          most = Math.floor(take / 2);
          continue;
        }
        const piece = queue[0]!;
        if (piece.scan.role !== "record" && piece.count > 1) {
          queue.splice(0, 1, ...(await halves(context, piece)));
          continue;
        }
      } else if (!splitMerges && queued.some((q) => q.merges.length > 0) && mayBeMergeLimit(error)) {
        splitMerges = true;
        continue;
      }
      throw error;
    }
    queue.splice(0, take);
    for (const q of queued) cellBytes = Math.max(cellBytes, placePiece(q, reader));
  }
}

/**
 * A piece refused on its own, in two. The first time, the halves are of the rows it uses, found in a sync
 * of their own: a helper sheet's 5,000 rows are mostly empty, and halving them blindly costs a refusal each.
 */
async function halves(context: RequestContext, piece: Piece): Promise<Piece[]> {
  let { top, count } = piece;
  if (!piece.trimmed) {
    const used = piece.scan.entry.sheet
      .getRangeByIndexes(top, 0, count, columnsOf(piece.scan.role))
      .getUsedRangeOrNullObject(true);
    used.load("rowIndex,rowCount");
    await context.sync();
    if (!used.isNullObject) {
      top = used.rowIndex;
      count = used.rowCount;
    }
  }
  const half = Math.ceil(count / 2);
  const first: Piece = { ...piece, top, count: half, trimmed: true };
  if (half === count) return [first];
  return [first, { ...piece, top: top + half, count: count - half, head: false, trimmed: true }];
}

function columnsOf(role: Role): number {
  return role === "helper" ? HELPER_COLUMNS : HEADER_COLUMNS;
}

/** The cells a piece reads; the record, Duban's own few cells of JSON, counts as none. */
function pieceCells(piece: Piece): number {
  return piece.scan.role === "record" ? 0 : piece.count * columnsOf(piece.scan.role);
}

function queuePiece(piece: Piece, splitMerges: boolean): Queued {
  const { scan, top, count } = piece;
  const { sheet } = scan.entry;
  if (scan.role === "record") {
    const cells = sheet.getUsedRangeOrNullObject(true);
    cells.load("values,rowIndex,columnIndex");
    return { piece, cells, merges: [] };
  }
  const cells = sheet.getRangeByIndexes(top, 0, count, columnsOf(scan.role)).getUsedRangeOrNullObject(true);
  cells.load("values,numberFormat,rowIndex,columnIndex");
  if (!piece.head) return { piece, cells, merges: [] };
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  const merges = queueMerges(sheet, 0, 0, HEADER_ROWS + 1, HEADER_COLUMNS, splitMerges);
  const tables = sheet.tables;
  tables.load("items/name,items/showHeaders,items/showTotals");
  return { piece, cells, used, merges, tables };
}

/** Places a piece's cells and merges in its sheet; returns the bytes its cells cost a cell read. */
function placePiece(queued: Queued, reader: CellReader): number {
  const { scan } = queued.piece;
  if (queued.used) scan.used = queued.used;
  if (queued.tables) scan.tableList = queued.tables;
  addMerges(scan.merges, queued.merges, scan.entry.name);
  const cells = queued.cells;
  if (cells.isNullObject) return 0;
  if (scan.role === "record") {
    placeRows(scan.rows, cells.values, undefined, cells.rowIndex, cells.columnIndex, reader);
    return 0;
  }
  const formats = cells.numberFormat;
  placeRows(scan.rows, cells.values, formats, cells.rowIndex, cells.columnIndex, reader);
  let bytes = 0;
  cells.values.forEach((row, r) => {
    const rowBytes = jsonBytes(row) + jsonBytes(formats[r] ?? []);
    scan.rowBytes = Math.max(scan.rowBytes, rowBytes);
    bytes += rowBytes;
  });
  return bytes / pieceCells(queued.piece);
}

/** Queues the merged areas of some rows: in one query, or split in queries of mergeQueryRows rows. */
function queueMerges(
  sheet: Worksheet,
  top: number,
  left: number,
  count: number,
  columns: number,
  split: boolean,
): RangeAreas[] {
  const step = split ? mergeQueryRows(columns) : count;
  const areas: RangeAreas[] = [];
  for (let r = top; r < top + count; r += step) {
    const merged = sheet
      .getRangeByIndexes(r, left, Math.min(step, top + count - r), columns)
      .getMergedAreasOrNullObject();
    merged.load("address");
    areas.push(merged);
  }
  return areas;
}

function addMerges(merges: Map<string, CellRange>, queried: readonly RangeAreas[], sheet: string): void {
  for (const merged of queried) {
    if (merged.isNullObject) continue;
    for (const area of areasOf(merged.address, sheet))
      merges.set(`${area.top},${area.left},${area.bottom},${area.right}`, area);
  }
}

/**
 * The task table whole, block by block: each block's values, number formats, merged areas and visible cells
 * in one sync, rows per block sized by the largest row seen so far so that no response nears the payload cap.
 * The rows of a block that no visible area covers are the hidden ones. The visible cells' address names an
 * area (the sheet and two cells) for each run of shown rows and shown columns, so rows hidden one in two cost
 * the most: that fits the budget's margin, and a block it takes over the cap is halved as one of long text is.
 */
async function readTable(
  context: RequestContext,
  entry: SheetEntry,
  used: Range,
  reader: CellReader,
  options: ReadOptions,
  firstRowBytes: number,
): Promise<SheetGrid> {
  const { signal, onProgress } = options;
  const top = used.rowIndex;
  const left = used.columnIndex;
  const columns = used.columnCount;
  const end = top + used.rowCount;
  if (used.rowCount * columns > MAX_TABLE_CELLS)
    throw new HostError("tooLarge", `${entry.name}: ${used.rowCount} × ${columns}`);
  const rows: Array<CellValue[] | undefined> = [];
  const merges = new Map<string, CellRange>();
  const hiddenRows = new Set<number>();
  let rowBytes = firstRowBytes;
  let splitMerges = false;
  let askVisible = true;
  let row = top;
  onProgress({ phase: "reading", done: 0, total: used.rowCount });
  while (row < end) {
    if (signal.aborted) throw new HostError("cancelled");
    const count = Math.min(blockRows(rowBytes, columns), end - row);
    const block = entry.sheet.getRangeByIndexes(row, left, count, columns);
    block.load("values,numberFormat");
    const areas = queueMerges(entry.sheet, row, left, count, columns, splitMerges);
    const visible = askVisible ? block.getSpecialCellsOrNullObject(VISIBLE_CELLS) : undefined;
    visible?.load("address");
    try {
      // One sync per block is the point: the payload cap forbids reading the table in one.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      // A block of longer text than the rows measured so far: halve it and read it again.
      if (isPayloadTooLarge(error) && count > 1) {
        rowBytes *= 2;
        continue;
      }
      // More than 512 merged areas in one query fail the whole batch: ask for them in pieces, once.
      if (!splitMerges && mayBeMergeLimit(error)) {
        splitMerges = true;
        continue;
      }
      // Then the visible cells may be what failed: without them the check goes on, and only the hidden rows
      // go unnamed (all of them, not those of the blocks read so far).
      if (askVisible && mayBeVisibleCellsFailure(error)) {
        askVisible = false;
        hiddenRows.clear();
        continue;
      }
      throw error;
    }
    const values = block.values;
    const formats = block.numberFormat;
    placeRows(rows, values, formats, row, left, reader);
    for (let r = 0; r < values.length; r++)
      rowBytes = Math.max(rowBytes, jsonBytes(values[r]) + jsonBytes(formats[r] ?? []));
    addMerges(merges, areas, entry.name);
    if (visible) addHiddenRows(hiddenRows, visible, entry.name, row, count);
    row += count;
    onProgress({ phase: "reading", done: row - top, total: used.rowCount });
  }
  return {
    name: entry.name,
    rows,
    merges: [...merges.values()],
    hidden: entry.visibility !== "Visible",
    ...(hiddenRows.size > 0 && { hiddenRows }),
  };
}

/** The rows from `top` (`count` of them) that no visible area covers: hidden by hand or by a filter. */
function addHiddenRows(
  hidden: Set<number>,
  visible: RangeAreas,
  sheet: string,
  top: number,
  count: number,
): void {
  const shown = new Uint8Array(count);
  if (!visible.isNullObject) {
    for (const area of areasOf(visible.address, sheet)) {
      for (let r = Math.max(area.top, top); r <= Math.min(area.bottom, top + count - 1); r++)
        shown[r - top] = 1;
    }
  }
  for (let i = 0; i < count; i++) if (!shown[i]) hidden.add(top + i);
}
