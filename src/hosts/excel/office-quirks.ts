// Every Office.js quirk the Excel host works around, in one place, each with the reason.

import { excelSerialFromDay, type Day } from "../../core/day";
import { TEMPORARY_PREFIX } from "../../core/output/record";
import { HEADER_SEARCH_ROWS } from "../../core/table/locate";
import { DateCells, parseRange, type CellRange, type CellValue } from "../../core/workbook";
import { HostError } from "../contract";
// Shared with the xlsx host rather than copied; both belong in the core (see the report on this host).
import { numberFormatKind } from "../../core/values/number-format";
import { quotedSheet } from "../../core/output/names";
import type { CellScalar, ConditionalFormatCollection, OfficeRuntime, Worksheet } from "./api";

export { quotedSheet };

// ---------------------------------------------------------------------------------------------------------
// Requirement sets

/**
 * The highest ExcelApi set the host uses: `Range.getMergedAreasOrNullObject` (1.13). Below it come page
 * layout, autofilter, RangeAreas and visible cells (1.9), hyperlinks, freeze panes and getRangeByIndexes (1.7),
 * conditional formats (1.6), getItemOrNullObject and used ranges (1.4), worksheet functions (1.2), tables (1.1).
 * Excel 2019 and older perpetual versions stop at 1.8; Excel 2021, Microsoft 365 and the web have 1.13.
 */
export const EXCEL_API = "1.13";

/** @throws HostError("unsupported") on an Excel without the sets the host needs, or outside Excel. */
export function requireExcelApi(office: OfficeRuntime | undefined): void {
  // Office.js loaded in a plain browser tab has no requirements to ask (TOOLING: host null, Excel undefined).
  const supported = office?.context?.requirements?.isSetSupported("ExcelApi", EXCEL_API) ?? false;
  if (!supported) throw new HostError("unsupported", `ExcelApi ${EXCEL_API}`);
}

// ---------------------------------------------------------------------------------------------------------
// Payload size

/**
 * Excel on the web refuses a request or a response over 5 MB (RequestPayloadSizeLimitExceeded,
 * ResponsePayloadSizeLimitExceeded); desktop Excel has no such cap but gets slow on huge batches.
 */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
/**
 * What one sync may carry by our own count: our JSON estimate leaves out Office's envelope (object paths,
 * ids, property names per operation), and a later block may hold longer text than the rows measured.
 */
export const PAYLOAD_BUDGET = Math.floor(PAYLOAD_LIMIT * 0.6);
/** TOOLING: blocks of 5k-20k rows; 5,000 keeps Excel responsive between blocks and cancellation prompt. */
export const MAX_BLOCK_ROWS = 5000;
/** The marks sheet's rows are a few bytes each and unformatted: the top of TOOLING's 5k-20k rows per block. */
export const MAX_MARK_ROWS = 20_000;
/** A range read is capped at 5 million cells, whatever its bytes. */
export const MAX_CELLS_PER_READ = 5_000_000;
/** Beyond this the table is refused as too large rather than read for minutes. */
export const MAX_TABLE_CELLS = 20_000_000;

/** Bytes of a string in UTF-8, as it travels in the request's JSON (CJK text takes three per character). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** Bytes of a value's JSON. */
export function jsonBytes(value: unknown): number {
  return utf8Length(JSON.stringify(value) ?? "");
}

/** Rows per block for rows of at most `rowBytes` each. */
export function blockRows(rowBytes: number, columns: number): number {
  const byBytes = Math.floor(PAYLOAD_BUDGET / Math.max(1, rowBytes));
  const byCells = Math.floor(MAX_CELLS_PER_READ / Math.max(1, columns));
  return Math.max(1, Math.min(MAX_BLOCK_ROWS, byBytes, byCells));
}

// ---------------------------------------------------------------------------------------------------------
// Errors

/** Office's errors are OfficeExtension.Error objects whose `code` says what happened ("ItemNotFound"). */
export function officeErrorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}

/** The web's payload cap, under either name it has had. */
export function isPayloadTooLarge(error: unknown): boolean {
  return /PayloadSizeLimitExceeded|PayloadTooLarge/i.test(officeErrorCode(error) ?? "");
}

/**
 * Whether a failed batch may have failed for a merged-areas query over 512 areas: Office documents that
 * getMergedAreasOrNullObject "will fail" then, not with which code, so any Office error may be it but the
 * two whose cause is known.
 */
export function mayBeMergeLimit(error: unknown): boolean {
  const code = officeErrorCode(error);
  return code !== undefined && code !== "InvalidOperationInCellEditMode" && !isPayloadTooLarge(error);
}

/**
 * Office's failures as the pane words them: cell edit mode blocks every batch until the person presses
 * Enter or Esc (InvalidOperationInCellEditMode), and the rest is unexpected with Office's own text.
 */
export function hostErrorFrom(error: unknown): unknown {
  if (error instanceof HostError) return error;
  const code = officeErrorCode(error);
  if (code === undefined) return error;
  if (code === "InvalidOperationInCellEditMode") return new HostError("busy", code);
  if (isPayloadTooLarge(error)) return new HostError("tooLarge", code);
  const message = error instanceof Error ? error.message : "";
  return new HostError("unexpected", message ? `${code}: ${message}` : code);
}

// ---------------------------------------------------------------------------------------------------------
// Reading cells

/**
 * Which date system the workbook uses. Office.js has no released property for it: Workbook.use1904DateSystem
 * is still "ExcelApi BETA (PREVIEW ONLY)" in the API reference (OfficeDev/office-js-docs-reference,
 * excel.workbook.yml, August 2026), in no ExcelApi 1.x set nor ExcelApiOnline, so isSetSupported cannot
 * vouch for it, and is absent from @types/office-js 1.0.612; preview APIs need the beta office.js and are
 * "not intended for use in a production environment". When a release puts it in a set, load it where that
 * set is supported and keep this probe as the fallback.
 * The probe is the DATE worksheet function, released in ExcelApi 1.2: Functions.date documents its year as
 * "from 1900 or 1904 (depending on the workbook's date system)", and ECMA-376 Part 4 defines DATE's serial
 * in the workbook's date base, so DATE(1904,1,1) is 0 in the 1904 system and 1462 in the 1900 one. That
 * Office.js evaluates it in the open workbook's own system is stated nowhere: test/excel-host.test.ts
 * ("the date system from DATE(1904,1,1)") holds that assumption. It runs without touching a cell, in the same
 * sync as the sheet list. Anything but 0 (a DATE that failed, whose value is then unset, included) means the
 * 1900 system, which nearly every workbook uses.
 */
export const DATE_PROBE = { year: 1904, month: 1, day: 1 } as const;
export function usesDate1904(probe: number | undefined): boolean {
  return probe === 0;
}

/** Headers are looked for in the first 30 rows; one more row shows a two-row header's lower half. */
export const HEADER_ROWS = HEADER_SEARCH_ROWS + 1;
/** Columns read while looking for the header: no task table is wider, and a wide sheet would blow the payload. */
export const HEADER_COLUMNS = 200;
/** Helper sheets (roster, holidays) are read whole, up to this size. */
export const HELPER_ROWS = 5000;
export const HELPER_COLUMNS = 20;

/** Turns Office's values and number formats into the engine's cells: "" is empty, a date-formatted number a day. */
export class CellReader {
  private readonly kinds = new Map<string, boolean>();
  private readonly days: DateCells;

  constructor(date1904: boolean) {
    this.days = new DateCells(date1904);
  }

  cell(value: CellScalar | null | undefined, numberFormat: string | undefined): CellValue {
    if (value === "" || value === null || value === undefined) return null;
    if (typeof value !== "number") return value;
    if (numberFormat === undefined || !this.isDateFormat(numberFormat)) return value;
    return this.days.ofSerial(value) ?? value;
  }

  private isDateFormat(format: string): boolean {
    let date = this.kinds.get(format);
    if (date === undefined) this.kinds.set(format, (date = numberFormatKind(format) === "date"));
    return date;
  }
}

/**
 * The rectangles of a RangeAreas address. Each area carries its sheet (`'My sheet'!A1:B2, 'My sheet'!D4`),
 * and a quoted sheet name may hold a comma, so the known prefix is taken off before splitting.
 */
export function areasOf(address: string, sheet: string): CellRange[] {
  const prefixes = [`${quotedSheet(sheet)}!`, `${sheet}!`];
  let text = address;
  for (const prefix of prefixes) text = text.split(prefix).join("");
  return text.split(",").flatMap((part) => parseRange(part) ?? []);
}

/**
 * Excel.SpecialCellType.visible: the cells of a range in rows and columns that are neither hidden nor filtered
 * away. Office.js has no property listing a sheet's hidden rows, and loading rowHidden row by row would cost a
 * range object for every row, so hidden rows are the rows no visible area covers.
 */
export const VISIBLE_CELLS = "Visible";

/**
 * Whether a failed batch may have failed for its visible-cells query. Office documents no failure of
 * getSpecialCellsOrNullObject but finding none (a null object), so any Office error may be one but the two
 * whose cause is known; hidden rows only add a notice, so such a failure may cost the notice, never the check.
 */
export const mayBeVisibleCellsFailure = mayBeMergeLimit;

/**
 * getMergedAreasOrNullObject fails outside 512 merged areas; rows per query so that even a merge on every
 * pair of cells stays under it. Used only once a single query for a block, or for the scan, has failed.
 */
export function mergeQueryRows(columns: number): number {
  return Math.max(1, Math.floor(512 / Math.max(1, columns)));
}

// ---------------------------------------------------------------------------------------------------------
// Writing cells

/**
 * Setting `Range.values` parses strings as if typed: "=SUM(A1)", "+1" and "-x" become formulas, "001"
 * and "50%" numbers, "2026-11-05" a date. The Text number format "@", set on the cells before their values
 * (operations run in queue order), keeps every string as written, whatever it starts with. A leading
 * apostrophe would also work for = + - @, but it becomes part of what a later `formulas` read-and-write
 * sees (office-js #6687) and does not stop "001" from turning into 1 under every locale.
 */
export const TEXT_FORMAT = "@";

/**
 * Excel shows a Text-formatted (@) cell holding more than this many characters as ####: long findings and
 * task texts would vanish behind it. So "@" goes only where Excel would otherwise read the text as
 * something else (see `readAsOther`), and such text over the limit gets the prefix apostrophe instead.
 */
export const TEXT_FORMAT_SHOWS = 255;

/**
 * Whether Excel, taking this text as if typed, would make something else of it: a formula (= + - @), a
 * number, percent, fraction or amount (a digit, sign, point, bracket or currency sign first), a date or time
 * (a digit first, or a month's name and a digit), a boolean, an error (#N/A), or text after a prefix
 * apostrophe (which it drops). Errs towards yes: "@" on a short text costs nothing.
 */
export function readAsOther(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  if (/^[=+\-@'#]/.test(text) || /^[=+\-@'#]/.test(t)) return true;
  if (/^[(.$¥￥€£]?\s*\d/.test(t)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  return /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?[\s\-/,]*\d/i.test(t);
}
export const GENERAL_FORMAT = "General";

/** A date merged into a cell not formatted as a date gets this format: ISO, read alike in every locale. */
export const DATE_FORMAT = "yyyy-mm-dd";

/** A value as entered into a person's cell: what `Range.values` carries, a number format, what reads back. */
export interface CellEntry {
  readonly entered: CellScalar;
  /** Set before the value, where the cell's own format would hide what it is (a date in a General cell). */
  readonly format?: string;
  /** The value Office reads from the cell afterwards. */
  readonly reads: CellScalar;
}

/**
 * How a value goes into a cell of the person's table (a merged answer, or the old value put back) keeping
 * the cell's format: text that Excel would take as something else ("0012", "2026-11-05", "=x") goes in
 * after the prefix apostrophe, as a person types it, unless the cell is Text (@), where everything is text;
 * a date goes in as its serial, with DATE_FORMAT only where the cell's format is no date; empty clears it.
 */
export function cellEntry(value: CellValue, format: string, date1904: boolean): CellEntry {
  if (value === null || value === "") return { entered: "", reads: "" };
  if (typeof value === "object") {
    const serial = serialFromDay(value.day, date1904);
    return numberFormatKind(format) === "date"
      ? { entered: serial, reads: serial }
      : { entered: serial, format: DATE_FORMAT, reads: serial };
  }
  if (typeof value !== "string" || format === TEXT_FORMAT || !readAsOther(value))
    return { entered: value, reads: value };
  return { entered: `'${value}`, reads: value };
}

/** Serial numbers for days, in the workbook's date system (the 1904 system counts 1462 days fewer). */
export function serialFromDay(day: Day, date1904: boolean): number {
  return excelSerialFromDay(day, date1904);
}

/** Office.js takes colours as #RRGGBB; the core keeps them as RRGGBB. */
export function hexColor(rgb: string): string {
  return `#${rgb.toUpperCase()}`;
}

/**
 * Column widths are points in Office.js and characters in the core (and in the file format). A character
 * of the default 11-point font is 7 pixels, a pixel 0.75 points; the xlsx host adds 0.7 characters of padding.
 */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters + 0.7) * 7 * 0.75 * 100) / 100;
}

/**
 * Office.js has no Worksheet.conditionalFormats: a range's collection holds the formats that touch it, so
 * the whole sheet's range (getRange() without an address) lists all of the sheet's.
 */
export function conditionalFormatsOf(sheet: Worksheet): ConditionalFormatCollection {
  return sheet.getRange().conditionalFormats;
}

/**
 * ConditionalFormatCollection.add puts a new format first, above the person's own; a priority past the end
 * moves it last, so where both colour a cell, theirs shows (as in the xlsx host).
 */
export const LAST_PRIORITY = 1_000_000;

/**
 * Deletes a sheet. A very hidden sheet cannot be deleted (InvalidOperation, office-js #365): it is made
 * hidden first, in the same batch. A sheet is never the last visible one here: the task sheet stays.
 */
export function deleteSheet(sheet: Worksheet, visibility: string): void {
  if (visibility === "VeryHidden") sheet.visibility = "Hidden";
  sheet.delete();
}

/**
 * Sheets written in this run start hidden under a temporary name (TEMPORARY_PREFIX) and are shown, renamed,
 * given frozen panes and filters only at the end: a cancelled or failed run then leaves nothing half-written
 * in view, and freeze panes fail on hidden sheets (office-js #1463).
 */
export { TEMPORARY_PREFIX };
