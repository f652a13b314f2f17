// Reads .xlsx bytes into the engine's WorkbookModel (browser-safe: no Node APIs), refusing bad input with a reason.

import { Workbook } from "exceljs";
import type { WorkbookModel } from "../../core/workbook";
import { CHINESE_BUILT_IN_DATE_FORMATS, workbookModelFromExcelJs } from "./cells";
import { WorkbookInputError } from "./errors";
import type { ReadOptions } from "./inspect";
import {
  PACKAGE_RELATIONSHIPS_NS,
  readRelationships,
  relationshipKind,
  relationshipsPartOf,
  relationshipType,
  TRANSITIONAL,
} from "./opc";
import { OpcPackage } from "./package";
import { WorkbookParts } from "./write/workbook";
import { attributesText, XmlPartError } from "./xml";

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
  const pkg = OpcPackage.open(bytes, fileName, options ?? {});
  let date1904: boolean;
  let readable: Uint8Array;
  try {
    date1904 = new WorkbookParts(pkg).date1904;
    readable = asExcelJsReadsIt(pkg, bytes);
  } catch (error) {
    if (!(error instanceof XmlPartError)) throw error;
    const reason = error.kind === "doctype" ? "doctype" : "xml";
    throw new WorkbookInputError(
      "damaged",
      fileName,
      { reason, entry: error.part, detail: error.detail },
      { cause: error },
    );
  }
  const workbook = new Workbook();
  mendExcelJsReader(workbook, date1904);
  try {
    // JSZip takes a Uint8Array as it is; the typings ask for a Node Buffer, which a browser does not have.
    await workbook.xlsx.load(readable as unknown as Parameters<Workbook["xlsx"]["load"]>[0]);
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

/**
 * The package as ExcelJS 4.4.0 can read it. ExcelJS joins every relationship target to the source folder as
 * text and matches zip entry names exactly, so a valid package with absolute targets (`/xl/tables/table1.xml`,
 * as openpyxl writes them), targets in another case, or Strict relationship types fails to load. The
 * relationships parts it reads are written out again with each target relative to its source folder and
 * spelled as the part is stored, and Strict types given their transitional names. Drawings are empty in its
 * view and comments are not related: the engine reads no picture, chart or comment, and ExcelJS fails on valid
 * ones (openpyxl's drawings in the default namespace without `xdr:`, comments at other part names). This copy only feeds the reader; what Duban writes is patched from the original
 * package.
 */
function asExcelJsReadsIt(pkg: OpcPackage, bytes: Uint8Array): Uint8Array {
  let changed = false;
  const drawings = new Set<string>();
  for (const name of pkg.names()) {
    if (!/(^|\/)_rels\/[^/]*\.rels$/i.test(name)) continue;
    const source = sourceOf(name);
    const rels = readRelationships(pkg, source);
    if (!rels.doc) continue;
    const folder = source.slice(0, source.lastIndexOf("/") + 1);
    let differs = false;
    for (const rel of rels.list) {
      if (rel.part !== undefined && relationshipKind(rel.type) === "drawing") drawings.add(rel.part);
    }
    // ExcelJS finds comments only at its own part names (../comments1.xml); the engine reads no comment.
    const kept = rels.list.filter((rel) => !UNREAD.has(relationshipKind(rel.type) ?? ""));
    if (kept.length !== rels.list.length) differs = true;
    const lines = kept.map((rel) => {
      const kind = relationshipKind(rel.type);
      const type = kind === undefined ? rel.type : relationshipType(TRANSITIONAL, kind);
      let target = rel.target;
      if (rel.part !== undefined) {
        const stored = pkg.storedName(rel.part) ?? rel.part;
        target = relativeTo(folder, stored);
      }
      if (type !== rel.type || target !== rel.target) differs = true;
      return `<Relationship${attributesText([
        ["Id", rel.id],
        ["Type", type],
        ["Target", target],
        ["TargetMode", rel.external ? "External" : undefined],
      ])}/>`;
    });
    if (!differs) continue;
    pkg.setText(
      name,
      `<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="${PACKAGE_RELATIONSHIPS_NS}">${lines.join("")}</Relationships>`,
    );
    changed = true;
  }
  for (const part of drawings) {
    if (!pkg.has(part)) continue;
    pkg.setText(part, EMPTY_DRAWING);
    const rels = relationshipsPartOf(part);
    if (pkg.has(rels)) pkg.remove(rels);
    changed = true;
  }
  return changed ? pkg.toBytes() : bytes;
}

/** Relationships the reader is not shown (their parts stay, unread). */
const UNREAD = new Set(["comments", "vmlDrawing"]);

/** What the reader sees of every drawing: pictures and charts are nothing the engine reads. */
const EMPTY_DRAWING =
  `<?xml version="1.0" encoding="UTF-8"?>\n` +
  `<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`;

/** The part whose relationships a rels part holds: xl/_rels/workbook.xml.rels → xl/workbook.xml. */
function sourceOf(relsPart: string): string {
  const match = /^(.*?)_rels\/([^/]*)\.rels$/i.exec(relsPart);
  return match ? `${match[1]}${match[2]}` : "";
}

/** A part's name relative to a folder (both from the package root), with ../ where it lies outside. */
function relativeTo(folder: string, part: string): string {
  const from = folder.split("/").filter(Boolean);
  const to = part.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
