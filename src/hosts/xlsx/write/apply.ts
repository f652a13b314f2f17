// Writes a check into a workbook package: highlights on the task sheet, the generated sheets and Duban's
// record; and takes all of it out again. Only the parts that change are touched.

import {
  LOCK_SHEET,
  MARKS_SHEET,
  RECORD_SHEET,
  isResultSheet,
  recordCells,
  type DubanRecord,
} from "../../../core/output/record";
import {
  HIGHLIGHT_KINDS,
  highlightFormula,
  isHighlightFormula,
  type HighlightPlan,
} from "../../../core/output/highlights";
import { freeName } from "../../../core/output/names";
import { writtenRecord, type WritePlan } from "../../../core/output/plan";
import type { StyleName } from "../../../core/output/spec";
import { relatedPart, type ClassNamespaces } from "../opc";
import { partKey, type OpcPackage } from "../package";
import { quotedSheet } from "../../../core/output/names";
import {
  applyEdits,
  attributeOf,
  escapeText,
  inlineStringXml,
  childNamed,
  childrenNamed,
  joinOutline,
  outline,
  parseXml,
  qualified,
  type Outline,
  type XmlElement,
} from "../xml";
import { Utf8Pieces } from "../utf8";
import { decode } from "../reader/scan";
import { addCharts, DRAWING_REL_ID } from "./charts";
import { cellRef, columnSheetXml, rangeRef, sheetXml } from "./sheet";
import { addStyles, removeStyles, type ContainerEdit } from "./styles";
import { WorkbookParts, type DefinedNamesBefore } from "./workbook";

/** What the xlsx host keeps in the record to undo its own changes exactly. */
interface XlsxBookkeeping {
  readonly stylesPart: string;
  readonly styleEdits: readonly ContainerEdit[];
  /** How the workbook's definedNames container was before Duban added to it (absent, or self-closing). */
  readonly definedNamesBefore?: DefinedNamesBefore;
  /** Duban made the styles part itself: the workbook had none. */
  readonly stylesCreated?: boolean;
}

/**
 * The xlsx host's own bookkeeping in a record's `host`, or undefined: the Excel host keeps other things there
 * (what undoing a merge needs) in a workbook this host never wrote.
 */
function xlsxBookkeeping(host: unknown): XlsxBookkeeping | undefined {
  const candidate = host as Partial<XlsxBookkeeping> | null | undefined;
  return typeof candidate?.stylesPart === "string" && Array.isArray(candidate.styleEdits)
    ? (candidate as XlsxBookkeeping)
    : undefined;
}

/** Everything Duban wrote before, and the record it kept (for the change in rank). */
export function readPackageRecord(pkg: OpcPackage): DubanRecord | undefined {
  const workbook = new WorkbookParts(pkg);
  const sheet = workbook.sheets().find((s) => s.name === RECORD_SHEET);
  if (!sheet || !sheet.part || !pkg.has(sheet.part)) return undefined;
  const texts = columnTexts(pkg.text(sheet.part), sheet.part, workbook.ns, () =>
    sharedStrings(pkg, workbook),
  );
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
function columnTexts(
  xml: string,
  part: string,
  ns: ClassNamespaces,
  shared: () => readonly string[],
): string[] {
  const doc = parseXml(xml, part, Infinity, true);
  const data = childNamed(doc.root, ns.main, "sheetData");
  const texts: string[] = [];
  for (const row of data ? childrenNamed(data, ns.main, "row") : []) {
    for (const cell of childrenNamed(row, ns.main, "c")) {
      const ref = attributeOf(cell, "r");
      if (ref !== undefined && !/^A\d+$/.test(ref)) continue;
      const type = attributeOf(cell, "t");
      const value = childNamed(cell, ns.main, "v")?.text;
      const inline = childNamed(cell, ns.main, "is");
      if (type === "s") texts.push(shared()[Number(value)] ?? "");
      else if (type === "inlineStr") texts.push(inline ? runText(inline, ns.main) : "");
      else texts.push(value ?? "");
    }
  }
  return texts;
}

/** The text of a string item: its own `<t>` and its runs' `<t>`, in order, without phonetic runs. */
function runText(item: XmlElement, main: string): string {
  return item.children
    .map((child) => {
      if (child.uri !== main) return "";
      if (child.local === "t") return child.text;
      if (child.local === "r") return childNamed(child, main, "t")?.text ?? "";
      return "";
    })
    .join("");
}

function sharedStrings(pkg: OpcPackage, workbook: WorkbookParts): string[] {
  const part = relatedPart(pkg, workbook.part, "sharedStrings");
  if (part === undefined) return [];
  const doc = parseXml(pkg.text(part), part, Infinity, true);
  return childrenNamed(doc.root, workbook.ns.main, "si").map((si) => runText(si, workbook.ns.main));
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
    if (sheet.name === MARKS_SHEET || sheet.name === RECORD_SHEET || !sheet.part || !pkg.has(sheet.part))
      continue;
    removeHighlights(pkg, sheet.part, workbook.ns);
  }
  // What the record names, and what a write the Excel host could not finish left: the sheets its journal
  // names, its temporary sheets and its lock.
  const isOurs = (name: string) =>
    name === RECORD_SHEET || name === LOCK_SHEET || isResultSheet(name, record);
  // From the last, so that the indices of the sheets still to remove do not move.
  for (const sheet of [...sheets].reverse()) if (isOurs(sheet.name)) workbook.removeSheet(sheet.name);
  const bookkeeping = xlsxBookkeeping(record?.host);
  workbook.restoreDefinedNames(bookkeeping?.definedNamesBefore);
  if (bookkeeping?.stylesCreated) workbook.removeRelatedPart(bookkeeping.stylesPart);
  else if (bookkeeping && pkg.has(bookkeeping.stylesPart)) {
    pkg.setText(
      bookkeeping.stylesPart,
      removeStyles(pkg.text(bookkeeping.stylesPart), bookkeeping.styleEdits, bookkeeping.stylesPart),
    );
  }
}

/**
 * Writes a plan's highlights, generated sheets and record into a package that clearDuban has cleared.
 * @returns the generated sheets' names as written, in the plan's order.
 */
export function applyDuban(pkg: OpcPackage, plan: WritePlan): string[] {
  const workbook = new WorkbookParts(pkg);
  const sheets = workbook.sheets();
  const highlights = plan.highlights;
  const task = sheets.find((s) => s.name === highlights.sheet);
  if (!task || !task.part) throw new Error(`The task sheet ${highlights.sheet} is not in the workbook`);
  const existingStyles = relatedPart(pkg, workbook.part, "styles");
  const stylesPart =
    existingStyles ??
    workbook.addRelatedPart(
      freeStylesName(pkg, workbook),
      emptyStyles(workbook.ns),
      "styles",
      STYLES_CONTENT_TYPE,
    );

  const colors: Record<string, { fill: string; text: string }> = {};
  for (const kind of HIGHLIGHT_KINDS) colors[kind] = plan.colors[kind];
  const patch = addStyles(pkg.text(stylesPart), plan.styles, colors, stylesPart);
  pkg.setText(stylesPart, patch.xml);
  const xfIndex = patch.xfIndex as Record<StyleName, number>;
  const date1904 = workbook.date1904;

  // The task sheet first: where the package deflates ahead, its tens of megabytes deflate on another thread
  // while the sheets below are written.
  if (highlights.keys.length > 0) addHighlights(pkg, workbook.ns, task.part, highlights, patch.dxfIndex);

  const taken = new Set(sheets.map((s) => s.name));
  const names: string[] = [];
  for (const spec of plan.sheets) {
    const name = freeName(spec.name, taken);
    taken.add(name);
    const drawing = spec.charts && spec.charts.length > 0 ? DRAWING_REL_ID : undefined;
    const index = workbook.addSheet(
      name,
      sheetXml(spec, { xfIndex, date1904, ns: workbook.ns, ...(drawing ? { drawing } : {}) }),
    );
    if (drawing) addCharts(pkg, workbook, workbook.sheets()[index]!.part, name, spec);
    names.push(name);
    if (spec.print.repeatRows) {
      const { first, last } = spec.print.repeatRows;
      workbook.addDefinedName("_xlnm.Print_Titles", index, `${quotedSheet(name)}!$${first + 1}:$${last + 1}`);
    }
    if (spec.autoFilter) {
      const ref = rangeRef(spec.autoFilter).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
      workbook.addDefinedName("_xlnm._FilterDatabase", index, `${quotedSheet(name)}!${ref}`, true);
    }
  }

  if (highlights.keys.length > 0) {
    workbook.addSheet(MARKS_SHEET, marksXml(highlights, workbook.ns), "veryHidden");
  }
  const record = writtenRecord(plan, names, {
    stylesPart,
    styleEdits: patch.edits,
    ...(workbook.definedNamesBefore ? { definedNamesBefore: workbook.definedNamesBefore } : {}),
    ...(existingStyles === undefined ? { stylesCreated: true } : {}),
  } satisfies XlsxBookkeeping);
  workbook.addSheet(RECORD_SHEET, columnSheetXml(recordCells(record), workbook.ns), "veryHidden");
  return names;
}

export const STYLES_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";

/**
 * The styles Excel assumes where a workbook has no styles part (some writers leave it out): one font, the two
 * fills every workbook has, one border and one cell format, so that every existing cell keeps format 0.
 */
export function emptyStyles(ns: ClassNamespaces): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns.main}">` +
    `<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
    `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
    `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`
  );
}

export function freeStylesName(pkg: OpcPackage, workbook: WorkbookParts): string {
  const folder = workbook.part.slice(0, workbook.part.lastIndexOf("/") + 1);
  let n = 0;
  const name = () => (n === 0 ? "styles.xml" : `styles${n}.xml`);
  const taken = (part: string) => pkg.has(part) || pkg.contentTypes().overrides.has(partKey(part));
  while (taken(`${folder}${name()}`)) n++;
  return name();
}

/** The keys of each colour down its own column, as inline strings (a key may look like a number or a formula). */
function marksXml(plan: HighlightPlan, ns: ClassNamespaces): Uint8Array {
  const out = new Utf8Pieces();
  out.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<worksheet xmlns="${ns.main}"><sheetData>`,
  );
  const rows = Math.max(...plan.keys.map((k) => k.keys.length));
  for (let r = 0; r < rows; r++) {
    out.push(`<row r="${r + 1}">`);
    plan.keys.forEach(({ keys }, c) => {
      const key = keys[r];
      if (key === undefined) return;
      out.push(`<c r="${cellRef(r, c)}" t="inlineStr">${inlineStringXml(key)}</c>`);
    });
    out.push("</row>");
  }
  out.push("</sheetData></worksheet>");
  return out.bytes();
}

/** Elements that come after conditionalFormatting in a worksheet (ECMA-376 CT_Worksheet). */
const AFTER_CONDITIONAL_FORMATTING: readonly string[] = [
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
 * One conditional format over the table, a rule per colour, each asking whether the cell's key is on that
 * colour's list (see core/output/highlights.ts). A few rules colour any number of cells, and the person's
 * own fills, fonts and borders stay as they are underneath. Only the sheet's tail after its cells is parsed
 * and changed.
 */
function addHighlights(
  pkg: OpcPackage,
  ns: ClassNamespaces,
  part: string,
  plan: HighlightPlan,
  dxfIndex: Readonly<Record<string, number>>,
): void {
  const shape = sheetOutline(pkg, part);
  const { root, text } = shape.doc;
  const priorities = conditionalFormats(root, ns).flatMap((block) =>
    childrenNamed(block, ns.main, "cfRule").map((rule) => Number(attributeOf(rule, "priority") ?? 0)),
  );
  // After the person's own rules, so that where both colour a cell, theirs shows.
  let priority = Math.max(0, ...priorities.filter(Number.isFinite));
  const q = (local: string) => qualified(root.prefix, local);
  const rules = plan.keys
    .map(
      ({ kind }) =>
        `<${q("cfRule")} type="expression" dxfId="${dxfIndex[kind]}" priority="${++priority}">` +
        `<${q("formula")}>${escapeText(highlightFormula(plan, kind))}</${q("formula")}></${q("cfRule")}>`,
    )
    .join("");
  const block = `<${q("conditionalFormatting")} sqref="${rangeRef(plan.range)}">${rules}</${q("conditionalFormatting")}>`;
  const later = root.children.find(
    (child) =>
      child.start >= shape.placeholderStart &&
      ((child.uri === ns.main && AFTER_CONDITIONAL_FORMATTING.includes(child.local)) ||
        isAlternateContent(child)),
  );
  const at = later ? later.start : root.closeStart;
  setOutline(pkg, part, shape, applyEdits(text, [{ start: at, end: at, text: block }]));
}

/**
 * Takes out Duban's rules, leaving the rest as it was: a block of Duban's own goes whole; where a program that
 * saved the workbook put a person's rule in the same block (Excel groups rules by their range), only Duban's
 * rules leave it.
 */
function removeHighlights(pkg: OpcPackage, part: string, ns: ClassNamespaces): void {
  const shape = sheetOutline(pkg, part);
  const { text, root } = shape.doc;
  const isOurs = (rule: XmlElement) =>
    childrenNamed(rule, ns.main, "formula").some((formula) =>
      isHighlightFormula(decode(text.slice(formula.openEnd, formula.closeStart), part)),
    );
  const edits: Array<{ start: number; end: number; text: string }> = [];
  for (const block of conditionalFormats(root, ns)) {
    const rules = childrenNamed(block, ns.main, "cfRule");
    const ours = rules.filter(isOurs);
    if (ours.length === 0) continue;
    if (ours.length === rules.length) edits.push({ start: block.start, end: block.end, text: "" });
    else for (const rule of ours) edits.push({ start: rule.start, end: rule.end, text: "" });
  }
  if (edits.length === 0) return;
  setOutline(pkg, part, shape, applyEdits(text, edits));
}

/** The sheet's outline around its cells, found where the reader noted them (or by a scan where it did not). */
function sheetOutline(pkg: OpcPackage, part: string): Outline {
  return outline(pkg.bytes(part), "sheetData", part, pkg.noted(part, "sheetData"));
}

/**
 * Puts an edited sheet back. Its outline (everything but the cells) is parsed back here; the cells are the
 * input's bytes, unchanged, so the package need not parse them again before writing.
 */
function setOutline(pkg: OpcPackage, part: string, shape: Outline, text: string): void {
  parseXml(text, part, 0);
  const joined = joinOutline(shape, text);
  pkg.setBytes(part, joined.bytes, true);
  if (joined.hidden) pkg.note(part, "sheetData", joined.hidden);
}

function conditionalFormats(root: XmlElement, ns: ClassNamespaces): XmlElement[] {
  return childrenNamed(root, ns.main, "conditionalFormatting");
}

/** Markup Compatibility's wrapper, which Excel puts around later elements (controls, oleObjects). */
function isAlternateContent(element: XmlElement): boolean {
  return (
    element.local === "AlternateContent" &&
    element.uri === "http://schemas.openxmlformats.org/markup-compatibility/2006"
  );
}

export { freeName };
