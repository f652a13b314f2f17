// ExcelJS's reading of a workbook as the engine's grids of plain values: an independent reader that tests and
// the bench compare Duban's own with (ExcelJS is a devDependency only).

import { ValueType, type Cell, type CellValue as ExcelValue, type Workbook, type Worksheet } from "exceljs";
import { dayFromExcelSerial, type Day } from "../../src/core/day";
import {
  parseRange,
  type CellRange,
  type CellValue,
  type DateCell,
  type ExcelTable,
  type SheetGrid,
  type WorkbookModel,
} from "../../src/core/workbook";
import { numberFormatKind, type FormatKind } from "../../src/core/values/number-format";

/**
 * Built-in number formats that Excel and WPS in Chinese use for dates but ExcelJS does not know (its table
 * has them per locale and reads none), so their cells would come back as bare serial numbers. The format
 * codes are the zh-CN ones; ids 32-35, 55 and 56 are times of day and stay numbers.
 */
export const CHINESE_BUILT_IN_DATE_FORMATS: ReadonlyMap<number, string> = new Map([
  [27, 'yyyy"年"m"月"'],
  [28, 'm"月"d"日"'],
  [29, 'm"月"d"日"'],
  [30, "m-d-yy"],
  [31, 'yyyy"年"m"月"d"日"'],
  [36, 'yyyy"年"m"月"'],
  [50, 'yyyy"年"m"月"'],
  [51, 'm"月"d"日"'],
  [52, 'yyyy"年"m"月"'],
  [53, 'm"月"d"日"'],
  [54, 'm"月"d"日"'],
  [57, 'yyyy"年"m"月"'],
  [58, 'm"月"d"日"'],
]);

const MS_PER_DAY = 86_400_000;
/** ExcelJS turns serial s into the instant (s - 25569 [+ 1462 in 1904]) days after 1970-01-01 UTC. */
const EXCELJS_EPOCH_1900 = 25569;
const EXCELJS_EPOCH_1904 = 25569 - 1462;

/** Per-workbook state shared by all its cells, so that no cell needs a closure. */
interface Conversion {
  readonly date1904: boolean;
  readonly formatKinds: Map<string, FormatKind>;
  /** DateCells are immutable, so one object per day serves every cell with that day. */
  readonly dateCells: Map<Day, DateCell>;
}

export function workbookModelFromExcelJs(workbook: Workbook, fileName: string): WorkbookModel {
  const conversion: Conversion = {
    date1904: workbook.properties?.date1904 === true,
    formatKinds: new Map(),
    dateCells: new Map(),
  };
  // `worksheets` is in tab order (ExcelJS sorts by the order in workbook.xml), not in sheet id order.
  return { fileName, sheets: workbook.worksheets.map((sheet) => sheetGrid(sheet, conversion)) };
}

function sheetGrid(worksheet: Worksheet, conversion: Conversion): SheetGrid {
  const rows: (CellValue[] | undefined)[] = [];
  const hiddenRows = new Set<number>();
  const rowCount = worksheet.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = worksheet.findRow(r);
    if (!row) continue;
    if (row.hidden) hiddenRows.add(r - 1);
    const cellCount = row.cellCount;
    let values: CellValue[] | undefined;
    let width = 0;
    for (let c = 1; c <= cellCount; c++) {
      const cell = row.findCell(c);
      if (!cell) continue;
      const value = cellValue(cell, conversion);
      if (value === null) continue;
      values ??= new Array<CellValue>(cellCount).fill(null);
      values[c - 1] = value;
      width = c;
    }
    if (values) {
      // Styled but empty cells at the end of a row are noise to the engine.
      values.length = width;
      rows[r - 1] = values;
    }
  }
  const state = worksheet.state;
  const tables = tablesOf(worksheet);
  return {
    name: worksheet.name,
    rows,
    merges: mergesOf(worksheet),
    hidden: state === "hidden" || state === "veryHidden",
    ...(hiddenRows.size > 0 && { hiddenRows }),
    ...(tables.length > 0 && { tables }),
  };
}

/** The table part's attributes as ExcelJS's table reader keeps them. */
interface ExcelJsTable {
  readonly name?: string;
  readonly displayName?: string;
  readonly tableRef?: string;
  readonly headerRow?: boolean;
  readonly totalsRow?: boolean;
}

/**
 * The sheet's Excel Tables as ExcelJS reads them: by name (two of one name are one), and with a header row only
 * where the part writes headerRowCount="1" (it reads the attribute's absence, the schema's 1, as 0).
 */
function tablesOf(worksheet: Worksheet): ExcelTable[] {
  const byName = (worksheet as unknown as { tables?: Record<string, { model: ExcelJsTable }> }).tables ?? {};
  return Object.values(byName).flatMap(({ model }) => {
    const range = parseRange(model.tableRef ?? "");
    if (!range) return [];
    return [
      {
        name: model.displayName ?? model.name ?? "",
        range,
        headerRows: model.headerRow ? 1 : 0,
        totalsRows: model.totalsRow ? 1 : 0,
      },
    ];
  });
}

/** One cell; the merged-over cells of a merge are empty, as in Excel (ExcelJS reports the master's value there). */
function cellValue(cell: Cell, conversion: Conversion): CellValue {
  const type = cell.type;
  if (type === ValueType.Null || type === ValueType.Merge) return null;
  // A formula (shared or not) is its last computed result, converted like a plain value; none means empty.
  // Read through `result`: `value` copies the formula's model keeping only truthy fields, so a result of
  // 0, false or "" would be lost.
  if (type === ValueType.Formula) return plainValue(resultOf(cell) ?? null, cell, conversion);
  return plainValue(cell.value, cell, conversion);
}

/** `Cell.result` is typed as number | string | Date, but holds booleans, errors and undefined too. */
function resultOf(cell: Cell): ExcelValue | undefined {
  return cell.result as ExcelValue | undefined;
}

function plainValue(value: ExcelValue, cell: Cell, conversion: Conversion): CellValue {
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      return numberValue(value, cell.numFmt, conversion);
    case "object":
      break;
    default:
      return null;
  }
  if (value === null) return null;
  if (value instanceof Date) return dateValue(value, cell.numFmt, conversion);
  if ("richText" in value) return richText(value.richText);
  if ("error" in value) return value.error;
  if ("text" in value) {
    // A hyperlink's text is typed as a string, but ExcelJS passes rich text through as it found it.
    const text: unknown = value.text;
    if (typeof text === "string") return text;
    if (isRichText(text)) return richText(text.richText);
    return null;
  }
  return null;
}

function numberValue(value: number, numFmt: string | undefined, conversion: Conversion): CellValue {
  if (numFmt === undefined || formatKind(numFmt, conversion) !== "date") return value;
  return dateCell(value, conversion) ?? value;
}

/**
 * ExcelJS gives a Date for any format with h, m, s, y, d or b in it: its dates are right (it applies the
 * workbook's date system), but its times of day and durations are dates on 1899-12-30, which mean nothing;
 * those go back to the serial number Excel stores. Dates go through the serial too, because ExcelJS does not
 * know the 1900 system's phantom 29 February, and is a day early before 1900-03-01.
 */
function dateValue(value: Date, numFmt: string | undefined, conversion: Conversion): CellValue {
  const serial =
    value.getTime() / MS_PER_DAY + (conversion.date1904 ? EXCELJS_EPOCH_1904 : EXCELJS_EPOCH_1900);
  if (!Number.isFinite(serial)) return null;
  if (formatKind(numFmt, conversion) !== "date") return serial;
  return dateCell(serial, conversion) ?? serial;
}

function dateCell(serial: number, conversion: Conversion): DateCell | undefined {
  const day = dayFromExcelSerial(serial, conversion.date1904);
  if (day === undefined) return undefined;
  let cell = conversion.dateCells.get(day);
  if (!cell) {
    cell = { day };
    conversion.dateCells.set(day, cell);
  }
  return cell;
}

function formatKind(numFmt: string | undefined, conversion: Conversion): FormatKind {
  if (numFmt === undefined) return "other";
  let kind = conversion.formatKinds.get(numFmt);
  if (kind === undefined) {
    kind = numberFormatKind(numFmt);
    conversion.formatKinds.set(numFmt, kind);
  }
  return kind;
}

function richText(runs: ReadonlyArray<{ readonly text?: string }>): string {
  let text = "";
  for (const run of runs) text += run.text ?? "";
  return text;
}

function isRichText(value: unknown): value is { richText: Array<{ text?: string }> } {
  return (
    typeof value === "object" && value !== null && Array.isArray((value as { richText?: unknown }).richText)
  );
}

/** ExcelJS's own merge list, without building the sheet's whole model (which copies every cell). */
interface MergeInternals {
  readonly _merges?: Readonly<Record<string, { top: number; left: number; bottom: number; right: number }>>;
}

function mergesOf(worksheet: Worksheet): CellRange[] {
  const internal = (worksheet as unknown as MergeInternals)._merges;
  // If a later ExcelJS drops `_merges`, the public (slow) model still has them.
  if (!internal) return worksheet.model.merges.flatMap((merge) => parseRange(merge) ?? []);
  return Object.values(internal).map((range) => ({
    top: range.top - 1,
    left: range.left - 1,
    bottom: range.bottom - 1,
    right: range.right - 1,
  }));
}
