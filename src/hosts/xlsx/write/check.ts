// Writes a check into a workbook package: the highlights on the task sheet, the generated sheets with their
// charts, and Duban's record; and new workbooks of generated sheets alone (a unit's notice). Whatever Duban
// wrote before is taken out first (apply.ts). Only the parts that change are touched.

import type { CheckResult } from "../../../core/check";
import { answerableNotice, type NoticeOptions } from "../../../core/feedback/notice";
import { noticeRecipients } from "../../../core/output/sheets/notices";
import type { MergeOutcome, NoticeRecord } from "../../../core/feedback/types";
import { HIGHLIGHT_KINDS, highlightFormula, type HighlightPlan } from "../../../core/output/highlights";
import { freeName, quotedSheet } from "../../../core/output/names";
import { planWrite, writtenRecord, type WritePlan } from "../../../core/output/plan";
import { MARKS_SHEET, RECORD_SHEET, recordCells } from "../../../core/output/record";
import type { SheetSpec, StyleName } from "../../../core/output/spec";
import { styleSheet } from "../../../core/output/styles";
import type { Locale, Settings } from "../../../core/settings";
import { columnLetter } from "../../../core/workbook";
import { strToU8, zipSync } from "fflate";
import { relatedPart, type ClassNamespaces } from "../opc";
import { OpcPackage, type PackageCodec } from "../package";
import { Utf8Pieces } from "../utf8";
import {
  applyEdits,
  attributeOf,
  childrenNamed,
  escapeText,
  inlineStringXml,
  qualified,
  type XmlElement,
} from "../xml";
import {
  clearDuban,
  conditionalFormats,
  emptyStyles,
  freeStylesName,
  readPackageRecord,
  setOutline,
  sheetOutline,
  STYLES_CONTENT_TYPE,
  type XlsxBookkeeping,
} from "./apply";
import { addCharts, DRAWING_REL_ID } from "./charts";
import { absoluteRangeRef, columnSheetXml, rangeRef, sheetXml } from "./sheet";
import { addStyles } from "./styles";
import { WorkbookParts } from "./workbook";

export interface CheckedOptions {
  readonly settings: Settings;
  readonly locale: Locale;
  /** A merge of the units' answers that this check follows: the Feedback sheet and the merged cells' marks. */
  readonly merge?: MergeOutcome;
}

/** What a check wrote into a package: its plan, and the generated sheets' names as the workbook has them. */
export interface WrittenCheck {
  readonly plan: WritePlan;
  readonly sheets: readonly string[];
}

/**
 * Writes a check into the package: whatever Duban wrote before is taken out first, so checking twice
 * leaves the same workbook as checking once; the ranking recorded last time gives the change in rank.
 */
export function writeCheck(pkg: OpcPackage, result: CheckResult, options: CheckedOptions): WrittenCheck {
  const plan = planWrite(result, {
    ...options,
    record: readPackageRecord(pkg),
    date1904: new WorkbookParts(pkg).date1904,
  });
  clearDuban(pkg);
  return { plan, sheets: applyDuban(pkg, plan) };
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
    addGeneratedSheet(pkg, workbook, spec, name, { xfIndex, date1904 });
    names.push(name);
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

/** The keys of each colour down its own column, as inline strings (a key may look like a number or a formula). */
function marksXml(plan: HighlightPlan, ns: ClassNamespaces): Uint8Array {
  const out = new Utf8Pieces();
  out.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<worksheet xmlns="${ns.main}"><sheetData>`,
  );
  const rows = Math.max(...plan.keys.map((k) => k.keys.length));
  const letters = plan.keys.map((_, c) => columnLetter(c));
  for (let r = 0; r < rows; r++) {
    const number = r + 1;
    let xml = `<row r="${number}">`;
    for (let c = 0; c < plan.keys.length; c++) {
      const key = plan.keys[c]!.keys[r];
      if (key !== undefined) xml += `<c r="${letters[c]}${number}" t="inlineStr">${inlineStringXml(key)}</c>`;
    }
    out.push(`${xml}</row>`);
  }
  out.push("</sheetData></worksheet>");
  return out.bytes();
}

/**
 * Elements that come after conditionalFormatting in a worksheet (ECMA-376 CT_Worksheet; drawingHF is in the
 * second and later editions, between legacyDrawingHF and picture).
 */
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
  "drawingHF",
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

/** Markup Compatibility's wrapper, which Excel puts around later elements (controls, oleObjects). */
function isAlternateContent(element: XmlElement): boolean {
  return (
    element.local === "AlternateContent" &&
    element.uri === "http://schemas.openxmlformats.org/markup-compatibility/2006"
  );
}

/** One unit's notice file: its bytes, and the record it carries (very hidden) for the merge. */
export interface NoticeFile {
  readonly unit: string;
  readonly bytes: Uint8Array;
  readonly record: NoticeRecord;
}

/**
 * A small workbook per unit with open, overdue or due-soon work, ready to attach and to be answered: its
 * 督办单 (answer cells open, the rest protected) and the very hidden record the merge reads back.
 */
export function noticeWorkbooks(
  result: CheckResult,
  options: NoticeOptions,
  codec: PackageCodec = {},
): NoticeFile[] {
  const files: NoticeFile[] = [];
  // A task of 各单位 goes to each unit it names; one of 相关单位 to none (the check's notices sheet lists it).
  for (const unit of noticeRecipients(result).units.keys()) {
    const notice = answerableNotice(result, options, unit);
    if (notice) {
      const bytes = newWorkbook(notice.sheets, options.settings, codec);
      files.push({ unit, bytes, record: notice.record });
    }
  }
  return files;
}

/** A new workbook holding only generated sheets. */
export function newWorkbook(
  sheets: readonly SheetSpec[],
  settings: Settings,
  codec: PackageCodec = {},
): Uint8Array {
  const pkg = OpcPackage.open(emptyPackage(), "new.xlsx", codec);
  const patch = addStyles(pkg.text("xl/styles.xml"), styleSheet(settings), {});
  pkg.setText("xl/styles.xml", patch.xml);
  const workbook = new WorkbookParts(pkg);
  const taken = new Set<string>();
  for (const spec of sheets) {
    const name = freeName(spec.name, taken);
    taken.add(name);
    addGeneratedSheet(pkg, workbook, spec, name, {
      xfIndex: patch.xfIndex as Record<StyleName, number>,
      date1904: false,
    });
  }
  return pkg.toBytes();
}

/**
 * One generated sheet added under `name`: its part, its charts, and the defined names Excel keeps for its
 * printed header rows and its filter.
 */
function addGeneratedSheet(
  pkg: OpcPackage,
  workbook: WorkbookParts,
  spec: SheetSpec,
  name: string,
  options: { readonly xfIndex: Readonly<Record<StyleName, number>>; readonly date1904: boolean },
): void {
  const drawing = spec.charts && spec.charts.length > 0 ? DRAWING_REL_ID : undefined;
  const index = workbook.addSheet(
    name,
    sheetXml(spec, { ...options, ns: workbook.ns, ...(drawing ? { drawing } : {}) }),
    spec.state,
  );
  if (drawing) addCharts(pkg, workbook, workbook.sheets()[index]!.part, name, spec);
  if (spec.print.repeatRows) {
    const { first, last } = spec.print.repeatRows;
    workbook.addDefinedName("_xlnm.Print_Titles", index, `${quotedSheet(name)}!$${first + 1}:$${last + 1}`);
  }
  if (spec.autoFilter) {
    const ref = absoluteRangeRef(spec.autoFilter);
    workbook.addDefinedName("_xlnm._FilterDatabase", index, `${quotedSheet(name)}!${ref}`, true);
  }
}

/** The smallest package Excel, WPS and LibreOffice open: a workbook with no sheets yet, and plain styles. */
function emptyPackage(): Uint8Array {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const head = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      `${head}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `</Types>`,
    ),
    "_rels/.rels": strToU8(
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(
      `${head}<workbook xmlns="${main}" xmlns:r="${rel}"><bookViews><workbookView/></bookViews><sheets></sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${head}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${rel}/styles" Target="styles.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(
      `${head}<styleSheet xmlns="${main}">` +
        `<fonts count="1"><font><sz val="11"/><name val="等线"/><family val="2"/><charset val="134"/><scheme val="minor"/></font></fonts>` +
        `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
        `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
        `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
        `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
        `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
        `</styleSheet>`,
    ),
  });
}
