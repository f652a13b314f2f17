// Reads what the engine needs from the open workbook, in as few syncs as the payload cap allows: the sheet
// list, then the top rows of each sheet that may hold the table (and the small helper sheets whole), then
// the chosen table in blocks.

import { dubanSheetNames, MARKS_SHEET, RECORD_SHEET, SETTINGS_SHEET } from "../../core/output/record";
import type { Settings } from "../../core/settings";
import { findHelperSheet } from "../../core/sheets";
import { locateTable } from "../../core/table/locate";
import { compactKey } from "../../core/values/text";
import type { CellRange, CellValue, SheetGrid, WorkbookModel } from "../../core/workbook";
import { HostError, type HostProgress } from "../../taskpane/host";
import type { CellScalar, Range, RangeAreas, RequestContext, Worksheet } from "./api";
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
  mergeQueryRows,
  officeErrorCode,
  usesDate1904,
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
}

/** The sheet list, the workbook's name and its date system: the first sync of every operation. */
export async function listSheets(
  context: RequestContext,
): Promise<{ fileName: string; sheets: SheetEntry[]; date1904: boolean }> {
  const workbook = context.workbook;
  workbook.load("name");
  const worksheets = workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  const probe = workbook.functions.date(DATE_PROBE.year, DATE_PROBE.month, DATE_PROBE.day);
  probe.load("value");
  await context.sync();
  return {
    fileName: workbook.name,
    sheets: worksheets.items.map((sheet) => ({ sheet, name: sheet.name, visibility: sheet.visibility })),
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

interface Pending {
  readonly entry: SheetEntry;
  readonly role: Role;
  /** Values (and number formats) to read now: the top rows, a helper sheet, the record. */
  readonly cells?: Range;
  /** The whole used range's position, for the table read. */
  readonly used?: Range;
  readonly merges?: RangeAreas;
}

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

  // Sync 2: the top rows of every candidate, the helper sheets, the record.
  const pending: Pending[] = listing.sheets.map((entry) => {
    const role = roleOf(entry);
    const { sheet } = entry;
    if (role === "record") {
      const cells = sheet.getUsedRangeOrNullObject(true);
      cells.load("values,rowIndex,columnIndex");
      return { entry, role, cells };
    }
    if (role === "helper") {
      const cells = sheet.getRangeByIndexes(0, 0, HELPER_ROWS, HELPER_COLUMNS).getUsedRangeOrNullObject(true);
      cells.load("values,numberFormat,rowIndex,columnIndex");
      return { entry, role, cells };
    }
    if (role !== "candidate") return { entry, role };
    const cells = sheet.getRangeByIndexes(0, 0, HEADER_ROWS, HEADER_COLUMNS).getUsedRangeOrNullObject(true);
    cells.load("values,numberFormat,rowIndex,columnIndex");
    const used = sheet.getUsedRangeOrNullObject(true);
    used.load("rowIndex,columnIndex,rowCount,columnCount");
    const merges = sheet
      .getRangeByIndexes(0, 0, HEADER_ROWS + 1, HEADER_COLUMNS)
      .getMergedAreasOrNullObject();
    merges.load("address");
    return { entry, role, cells, used, merges };
  });
  await context.sync();

  const grids = pending.map((p): SheetGrid => {
    const rows: Array<CellValue[] | undefined> = [];
    const merges: CellRange[] = [];
    const cells = p.cells;
    if (cells && !cells.isNullObject) {
      const formats = p.role === "record" ? undefined : cells.numberFormat;
      placeRows(rows, cells.values, formats, cells.rowIndex, cells.columnIndex, reader);
    }
    const areas = p.merges;
    if (areas && !areas.isNullObject) merges.push(...areasOf(areas.address, p.entry.name));
    return { name: p.entry.name, rows, merges, hidden: p.entry.visibility !== "Visible" };
  });
  const preview: WorkbookModel = { fileName: listing.fileName, sheets: grids };
  const skip = dubanSheetNames(preview);
  for (const name of helpers) skip.add(name);
  const location = locateTable(preview, settings, skip);

  const index = grids.indexOf(location.sheet);
  const table = pending[index]!;
  const used = table.used;
  if (!used || used.isNullObject) return preview;
  const sheets = [...grids];
  sheets[index] = await readTable(context, table.entry, used, reader, options, rowBytesOf(table.cells));
  return { fileName: listing.fileName, sheets };
}

/** The largest row of the top rows read, as JSON: the first guess at a block's size. */
function rowBytesOf(cells: Range | undefined): number {
  if (!cells || cells.isNullObject) return 1;
  const formats = cells.numberFormat;
  return Math.max(1, ...cells.values.map((row, r) => jsonBytes(row) + jsonBytes(formats[r] ?? [])));
}

/**
 * The task table whole, block by block: each block's values, number formats and merged areas in one sync,
 * rows per block sized by the largest row seen so far so that no response nears the payload cap.
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
  let rowBytes = firstRowBytes;
  let splitMerges = false;
  let row = top;
  onProgress({ phase: "reading", done: 0, total: used.rowCount });
  while (row < end) {
    if (signal.aborted) throw new HostError("cancelled");
    const count = Math.min(blockRows(rowBytes, columns), end - row);
    const block = entry.sheet.getRangeByIndexes(row, left, count, columns);
    block.load("values,numberFormat");
    const areas: RangeAreas[] = [];
    const step = splitMerges ? mergeQueryRows(columns) : count;
    for (let r = row; r < row + count; r += step) {
      const area = entry.sheet.getRangeByIndexes(r, left, Math.min(step, row + count - r), columns);
      const merged = area.getMergedAreasOrNullObject();
      merged.load("address");
      areas.push(merged);
    }
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
      // More than 512 merged areas in one query fails the whole batch: query them in smaller pieces once.
      if (!splitMerges && officeErrorCode(error) !== undefined && !isPayloadTooLarge(error)) {
        splitMerges = true;
        continue;
      }
      throw error;
    }
    const values = block.values;
    const formats = block.numberFormat;
    placeRows(rows, values, formats, row, left, reader);
    for (let r = 0; r < values.length; r++)
      rowBytes = Math.max(rowBytes, jsonBytes(values[r]) + jsonBytes(formats[r] ?? []));
    for (const merged of areas) {
      if (merged.isNullObject) continue;
      for (const area of areasOf(merged.address, entry.name))
        merges.set(`${area.top},${area.left},${area.bottom},${area.right}`, area);
    }
    row += count;
    onProgress({ phase: "reading", done: row - top, total: used.rowCount });
  }
  return { name: entry.name, rows, merges: [...merges.values()], hidden: entry.visibility !== "Visible" };
}
