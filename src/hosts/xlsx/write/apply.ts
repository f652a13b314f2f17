// What Duban wrote into a workbook package, read back and taken out again: its record, its highlights, its
// generated and hidden sheets, its styles. Writing them is check.ts's: clearing needs none of the generated
// sheets' code (the workbench's worker loads that only when it writes).

import {
  LOCK_SHEET,
  MARKS_SHEET,
  RECORD_SHEET,
  isResultSheet,
  recordCells,
  type DubanRecord,
} from "../../../core/output/record";
import { isHighlightFormula } from "../../../core/output/highlights";
import { relatedPart, type ClassNamespaces } from "../opc";
import { partKey, type OpcPackage } from "../package";
import {
  applyEdits,
  attributeOf,
  childNamed,
  childrenNamed,
  joinOutline,
  outline,
  parseXml,
  type Outline,
  type XmlElement,
} from "../xml";
import { decode } from "../reader/scan";
import { removeStyles, type ContainerEdit } from "./styles";
import { WorkbookParts, type DefinedNamesBefore } from "./workbook";

/** What the xlsx host keeps in the record to undo its own changes exactly. */
export interface XlsxBookkeeping {
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
export function sheetOutline(pkg: OpcPackage, part: string): Outline {
  return outline(pkg.bytes(part), "sheetData", part, pkg.noted(part, "sheetData"));
}

/**
 * Puts an edited sheet back. Its outline (everything but the cells) is parsed back here; the cells are the
 * input's bytes, unchanged, so the package need not parse them again before writing.
 */
export function setOutline(pkg: OpcPackage, part: string, shape: Outline, text: string): void {
  parseXml(text, part, 0);
  const joined = joinOutline(shape, text);
  pkg.setBytes(part, joined.bytes, true);
  if (joined.hidden) pkg.note(part, "sheetData", joined.hidden);
}

export function conditionalFormats(root: XmlElement, ns: ClassNamespaces): XmlElement[] {
  return childrenNamed(root, ns.main, "conditionalFormatting");
}
