// Reads .xlsx bytes into the engine's WorkbookModel (browser-safe: no Node APIs), refusing bad input with a reason.

import { Workbook } from "exceljs";
import { inflateSync } from "fflate";
import type { WorkbookModel } from "../../core/workbook";
import { CHINESE_BUILT_IN_DATE_FORMATS, workbookModelFromExcelJs } from "./cells";
import { WorkbookInputError } from "./errors";
import { checkInflatedSizes, inspectPackage, type PackageInfo, type ReadOptions } from "./inspect";

/**
 * The workbook's sheets as plain values: text as typed, formulas as their last results, dates as days.
 * @throws WorkbookInputError when the bytes are not a readable .xlsx workbook within the limits
 */
export async function readWorkbookBytes(
  bytes: Uint8Array,
  fileName: string,
  options?: ReadOptions,
): Promise<WorkbookModel> {
  const workbook = await loadExcelJsWorkbook(bytes, fileName, options);
  return workbookModelFromExcelJs(workbook, fileName);
}

/**
 * The checked bytes loaded by ExcelJS, for a caller that also writes a copy of the workbook (convert it
 * with workbookModelFromExcelJs instead of loading twice).
 * @throws WorkbookInputError
 */
export async function loadExcelJsWorkbook(
  bytes: Uint8Array,
  fileName: string,
  options?: ReadOptions,
): Promise<Workbook> {
  const info = inspectPackage(bytes, fileName, options);
  checkInflatedSizes(bytes, fileName, info, options?.measureInflated);
  const workbook = new Workbook();
  mendExcelJsReader(workbook, usesDate1904(bytes, info));
  try {
    // JSZip takes a Uint8Array as it is; the typings ask for a Node Buffer, which a browser does not have.
    await workbook.xlsx.load(bytes as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
  } catch (error) {
    throw new WorkbookInputError(
      "damaged",
      fileName,
      { reason: "content", detail: error instanceof Error ? error.message : String(error) },
      { cause: error },
    );
  }
  return workbook;
}

/** The parts of ExcelJS's reader used below; not in its typings. */
interface XlsxInternals {
  reconcile?: (model: ReaderModel, options: unknown) => void;
}

interface ReaderModel {
  properties?: { date1904?: boolean };
  styles?: { index?: { numFmt?: Array<string | undefined> } };
}

/**
 * Corrects two things ExcelJS 4.4.0 reads wrongly, in this one reader, just before it matches styles and
 * dates to cells (its `reconcile` step, after every part has been parsed). Nothing global changes.
 * - The 1904 date system: ExcelJS takes only `date1904="1"`, but the attribute is an xsd:boolean and
 *   LibreOffice writes `date1904="true"`; every date in such a workbook would come out 1462 days early.
 * - Built-in Chinese date formats (27-31, 36, 50-58): ExcelJS's table of built-in formats has them per
 *   locale and reads none, so their cells load as bare numbers and the id is lost before we see the cell.
 *   The zh-CN codes go into the workbook's own format table where the workbook has not defined the id,
 *   and ExcelJS then reads those cells as the dates they are.
 */
function mendExcelJsReader(workbook: Workbook, date1904: boolean): void {
  const xlsx = workbook.xlsx as unknown as XlsxInternals;
  const reconcile = xlsx.reconcile;
  if (typeof reconcile !== "function")
    throw new Error("ExcelJS has changed: its reader has no reconcile step");
  xlsx.reconcile = function (this: unknown, model, options) {
    if (date1904) model.properties = { ...model.properties, date1904: true };
    const formats = model.styles?.index?.numFmt;
    if (formats) {
      for (const [id, code] of CHINESE_BUILT_IN_DATE_FORMATS) formats[id] ??= code;
    }
    reconcile.call(this, model, options);
  };
}

/** Whether xl/workbook.xml sets the 1904 date system, by its raw attribute (see mendExcelJsReader). */
function usesDate1904(bytes: Uint8Array, info: PackageInfo): boolean {
  const entry = info.entries.find((candidate) => candidate.name.toLowerCase() === "xl/workbook.xml");
  if (!entry) return false;
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  // checkInflatedSizes has already proved the declared size, so this allocation is bounded by the limits.
  const xml = new TextDecoder().decode(
    entry.method === 8 ? inflateSync(data, { out: new Uint8Array(entry.uncompressedSize) }) : data,
  );
  return /<(?:[\w.-]+:)?workbookPr\b[^>]*?\sdate1904\s*=\s*["']\s*(?:1|true)\s*["']/.test(xml);
}
