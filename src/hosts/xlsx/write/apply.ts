// Writes a check into a workbook package: highlights on the task sheet, the generated sheets and Duban's
// record; and takes all of it out again. Only the parts that change are touched.

import {
  MARKS_SHEET,
  RECORD_SHEET,
  recordCells,
  type DubanRecord,
  type PreviousRanking,
} from "../../../core/output/record";
import {
  HIGHLIGHT_CODE,
  HIGHLIGHT_KINDS,
  type HighlightKind,
  type HighlightPlan,
} from "../../../core/output/highlights";
import { freeName } from "../../../core/output/names";
import type { CellStyle, SheetSpec, StyleName } from "../../../core/output/spec";
import type { Settings } from "../../../core/settings";
import type { OpcPackage } from "../package";
import { quotedSheet } from "../../../core/output/names";
import { cellRef, rangeRef, sheetXml } from "./sheet";
import { addStyles, removeStyles, type ContainerEdit } from "./styles";
import { WorkbookParts } from "./workbook";
import { attribute, elements, rootPrefix, unescapeXml } from "./xml";

/** What the xlsx host keeps in the record to undo its own changes. */
interface XlsxBookkeeping {
  readonly stylesPart: string;
  readonly styleEdits: readonly ContainerEdit[];
}

export interface WriteBack {
  readonly plan: HighlightPlan;
  readonly sheets: readonly SheetSpec[];
  readonly styles: Readonly<Record<StyleName, CellStyle>>;
  readonly settings: Settings;
  readonly ranking: PreviousRanking;
  readonly baseline: PreviousRanking | undefined;
}

/** Everything Duban wrote before, and the record it kept (for the change in rank). */
export function readPackageRecord(pkg: OpcPackage): DubanRecord | undefined {
  const workbook = new WorkbookParts(pkg);
  const sheet = workbook.sheets().find((s) => s.name === RECORD_SHEET);
  if (!sheet || !pkg.has(sheet.part)) return undefined;
  const texts = columnTexts(pkg.text(sheet.part), () => sharedStrings(pkg, workbook));
  if (texts[0] !== recordCells({ version: 1, generated: [] })[0]) return undefined;
  try {
    return JSON.parse(texts.slice(1).join("")) as DubanRecord;
  } catch {
    return undefined;
  }
}

/**
 * Column A's texts, top to bottom: inline strings as Duban writes them, or shared strings as Excel, WPS
 * and LibreOffice write them when they save the workbook again.
 */
function columnTexts(xml: string, shared: () => readonly string[]): string[] {
  const texts: string[] = [];
  for (const cell of xml.matchAll(/<(?:[\w.-]+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?c>)/g)) {
    const tag = `<c${cell[1]!}>`;
    const ref = attribute(tag, "r");
    if (ref !== undefined && !/^A\d+$/.test(ref)) continue;
    const body = cell[2] ?? "";
    const type = attribute(tag, "t");
    const value = /<(?:[\w.-]+:)?v>([^<]*)</.exec(body)?.[1];
    if (type === "s") texts.push(shared()[Number(value)] ?? "");
    else if (type === "inlineStr") texts.push(runText(body));
    else texts.push(unescapeXml(value ?? ""));
  }
  return texts;
}

/** The text of a string item: its `<t>` pieces in order, without phonetic runs. */
function runText(xml: string): string {
  return [
    ...xml
      .replace(/<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, "")
      .matchAll(/<(?:[\w.-]+:)?t(?:\s[^>]*)?>([^<]*)<\/(?:[\w.-]+:)?t>/g),
  ]
    .map((m) => unescapeXml(m[1]!))
    .join("");
}

function sharedStrings(pkg: OpcPackage, workbook: WorkbookParts): string[] {
  const part = relatedPart(pkg, workbook, "sharedStrings");
  if (part === undefined || !pkg.has(part)) return [];
  const xml = pkg.text(part);
  return elements(xml, `${rootPrefix(xml, "sst")}si`).map((si) => runText(si.text));
}

/**
 * Removes what Duban added: its conditional formats on every sheet, its generated sheets (as its record
 * names them: a sheet the person made is never touched), its hidden sheets, and the styles it appended
 * when they are still exactly as it wrote them.
 */
export function clearDuban(pkg: OpcPackage): void {
  const record = readPackageRecord(pkg);
  const workbook = new WorkbookParts(pkg);
  const sheets = workbook.sheets();
  if (!sheets.some((s) => s.name === MARKS_SHEET || s.name === RECORD_SHEET)) return;
  for (const sheet of sheets) {
    if (sheet.name === MARKS_SHEET || sheet.name === RECORD_SHEET || !pkg.has(sheet.part)) continue;
    removeHighlights(pkg, sheet.part);
  }
  const ours = new Set([MARKS_SHEET, RECORD_SHEET, ...(record?.generated ?? []).map((g) => g.name)]);
  // From the last, so that the indices of the sheets still to remove do not move.
  for (const sheet of [...sheets].reverse()) if (ours.has(sheet.name)) workbook.removeSheet(sheet.name);
  const bookkeeping = record?.host as XlsxBookkeeping | undefined;
  if (bookkeeping && pkg.has(bookkeeping.stylesPart)) {
    pkg.setText(
      bookkeeping.stylesPart,
      removeStyles(pkg.text(bookkeeping.stylesPart), bookkeeping.styleEdits),
    );
  }
}

/** Writes highlights, generated sheets and the record into a package that clearDuban has cleared. */
export function applyDuban(pkg: OpcPackage, input: WriteBack): void {
  const workbook = new WorkbookParts(pkg);
  const sheets = workbook.sheets();
  const task = sheets.find((s) => s.name === input.plan.sheet);
  if (!task) throw new Error(`The task sheet ${input.plan.sheet} is not in the workbook`);
  const stylesPart = stylesPartOf(pkg, workbook);

  const highlights: Record<string, { fill: string; text: string }> = {};
  for (const kind of HIGHLIGHT_KINDS) highlights[kind] = input.settings.colors[kind];
  const patch = addStyles(pkg.text(stylesPart), input.styles, highlights);
  pkg.setText(stylesPart, patch.xml);
  const xfIndex = patch.xfIndex as Record<StyleName, number>;
  const date1904 = workbook.date1904;

  const taken = new Set(sheets.map((s) => s.name));
  const generated: Array<{ name: string; kind: SheetSpec["kind"] }> = [];
  for (const spec of input.sheets) {
    const name = freeName(spec.name, taken);
    taken.add(name);
    const index = workbook.addSheet(name, sheetXml(spec, { xfIndex, date1904 }));
    generated.push({ name, kind: spec.kind });
    if (spec.print.repeatRows) {
      const { first, last } = spec.print.repeatRows;
      workbook.addDefinedName("_xlnm.Print_Titles", index, `${quotedSheet(name)}!$${first + 1}:$${last + 1}`);
    }
    if (spec.autoFilter) {
      const ref = rangeRef(spec.autoFilter).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      workbook.addDefinedName("_xlnm._FilterDatabase", index, `${quotedSheet(name)}!${ref}`, true);
    }
  }

  const kinds = new Set(input.plan.marks.map((m) => m.kind));
  if (kinds.size > 0) {
    workbook.addSheet(MARKS_SHEET, marksXml(input.plan), "veryHidden");
    addHighlights(
      pkg,
      task.part,
      input.plan,
      HIGHLIGHT_KINDS.filter((k) => kinds.has(k)),
      patch.dxfIndex,
    );
  }
  const record: DubanRecord = {
    version: 1,
    generated,
    highlightSheet: input.plan.sheet,
    ranking: input.ranking,
    ...(input.baseline ? { baseline: input.baseline } : {}),
    host: { stylesPart, styleEdits: patch.edits } satisfies XlsxBookkeeping,
  };
  workbook.addSheet(RECORD_SHEET, recordXml(recordCells(record)), "veryHidden");
}

function stylesPartOf(pkg: OpcPackage, workbook: WorkbookParts): string {
  const part = relatedPart(pkg, workbook, "styles");
  if (part === undefined) throw new Error("The workbook has no styles part");
  return part;
}

/** The part the workbook relates to with a relationship of this type (styles, sharedStrings). */
function relatedPart(pkg: OpcPackage, workbook: WorkbookParts, type: string): string | undefined {
  const rels = pkg.text(workbook.relsPart);
  const match = new RegExp(
    `Type="[^"]*/${type}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Type="[^"]*/${type}"`,
  ).exec(rels);
  const target = match?.[1] ?? match?.[2];
  if (!target) return undefined;
  const folder = workbook.part.slice(0, workbook.part.lastIndexOf("/") + 1);
  return target.startsWith("/") ? target.slice(1) : folder + target;
}

const CODE = HIGHLIGHT_CODE;

/** The map of colours: at each flagged cell's own address, the code of its highlight. */
function marksXml(plan: HighlightPlan): string {
  const out = [
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`,
  ];
  let row = -1;
  for (const mark of plan.marks) {
    if (mark.row !== row) {
      if (row >= 0) out.push("</row>");
      row = mark.row;
      out.push(`<row r="${row + 1}">`);
    }
    out.push(`<c r="${cellRef(mark.row, mark.column)}"><v>${CODE[mark.kind]}</v></c>`);
  }
  if (row >= 0) out.push("</row>");
  out.push("</sheetData></worksheet>");
  return out.join("");
}

function recordXml(cells: readonly string[]): string {
  const rows = cells
    .map((text, r) => {
      const escaped = text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
      return `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t xml:space="preserve">${escaped}</t></is></c></row>`;
    })
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows}</sheetData></worksheet>`
  );
}

/** Elements that come after conditionalFormatting in a worksheet (ECMA-376 CT_Worksheet). */
const AFTER_CONDITIONAL_FORMATTING = [
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/**
 * One conditional format over the table, a rule per colour, each asking the marks sheet what the cell at
 * the same address should be. A few rules colour any number of cells, and the person's own fills, fonts
 * and borders stay as they are underneath.
 */
function addHighlights(
  pkg: OpcPackage,
  part: string,
  plan: HighlightPlan,
  kinds: readonly HighlightKind[],
  dxfIndex: Readonly<Record<string, number>>,
): void {
  const { head, tail, p } = splitAtSheetData(pkg, part);
  const priorities = [...tail.matchAll(/priority="(\d+)"/g)].map((m) => Number(m[1]));
  // After the person's own rules, so that where both colour a cell, theirs shows.
  let priority = Math.max(0, ...priorities);
  const topLeft = cellRef(plan.range.top, plan.range.left);
  const rules = kinds
    .map(
      (kind) =>
        `<${p}cfRule type="expression" dxfId="${dxfIndex[kind]}" priority="${++priority}">` +
        `<${p}formula>${quotedSheet(MARKS_SHEET)}!${topLeft}=${CODE[kind]}</${p}formula></${p}cfRule>`,
    )
    .join("");
  const block = `<${p}conditionalFormatting sqref="${rangeRef(plan.range)}">${rules}</${p}conditionalFormatting>`;
  let at = tail.length - `</${p}worksheet>`.length;
  for (const name of AFTER_CONDITIONAL_FORMATTING) {
    const found = tail.search(new RegExp(`<${p}${name}(?=[\\s/>])`));
    if (found >= 0 && found < at) at = found;
  }
  const closing = tail.lastIndexOf(`</${p}worksheet>`);
  if (at > closing) at = closing;
  joinSheet(pkg, part, head, tail.slice(0, at) + block + tail.slice(at));
}

/** Takes out every conditional format whose rules look at the marks sheet, leaving the rest as it was. */
function removeHighlights(pkg: OpcPackage, part: string): void {
  const { head, tail, p } = splitAtSheetData(pkg, part);
  if (!tail.includes(MARKS_SHEET)) return;
  let out = tail;
  for (const block of elements(tail, `${p}conditionalFormatting`).reverse()) {
    if (block.text.includes(`${quotedSheet(MARKS_SHEET)}!`) || block.text.includes(`${MARKS_SHEET}!`)) {
      out = out.slice(0, block.start) + out.slice(block.end);
    }
  }
  joinSheet(pkg, part, head, out);
}

/**
 * A large sheet is mostly its rows; only what follows them changes. Splitting the bytes there spares
 * decoding and re-encoding tens of megabytes of cells.
 */
function splitAtSheetData(pkg: OpcPackage, part: string): { head: Uint8Array; tail: string; p: string } {
  const bytes = pkg.bytes(part);
  const start = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  const p = rootPrefix(start, "worksheet");
  const marker = new TextEncoder().encode(`</${p}sheetData>`);
  const end = lastIndexOf(bytes, marker);
  const cut = end < 0 ? 0 : end + marker.length;
  return { head: bytes.subarray(0, cut), tail: new TextDecoder().decode(bytes.subarray(cut)), p };
}

function joinSheet(pkg: OpcPackage, part: string, head: Uint8Array, tail: string): void {
  const tailBytes = new TextEncoder().encode(tail);
  const joined = new Uint8Array(head.length + tailBytes.length);
  joined.set(head);
  joined.set(tailBytes, head.length);
  pkg.setBytes(part, joined);
}

function lastIndexOf(bytes: Uint8Array, pattern: Uint8Array): number {
  outer: for (let i = bytes.length - pattern.length; i >= 0; i--) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return i;
  }
  return -1;
}

export { freeName };
