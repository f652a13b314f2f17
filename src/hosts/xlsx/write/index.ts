// Writing checks back into .xlsx packages: the checked copy, clearing it again, and one notice file per unit.

import type { CheckResult } from "../../../core/check";
import { answerableNotice, type NoticeOptions } from "../../../core/feedback/notice";
import type { MergeOutcome, NoticeRecord } from "../../../core/feedback/types";
import { planWrite, type WritePlan } from "../../../core/output/plan";
import type { SheetSpec } from "../../../core/output/spec";
import { styleSheet } from "../../../core/output/styles";
import { SETTINGS_SHEET, settingsCells } from "../../../core/output/record";
import type { Locale, Settings, SettingsInput } from "../../../core/settings";
import { zipSync, strToU8 } from "fflate";
import { OpcPackage, type PackageCodec } from "../package";
import { applyDuban, clearDuban, freeName, readPackageRecord } from "./apply";
import { addCharts, DRAWING_REL_ID } from "./charts";
import { columnSheetXml, sheetXml } from "./sheet";
import { addStyles } from "./styles";
import { WorkbookParts } from "./workbook";

export { clearDuban, freeName, readPackageRecord } from "./apply";
export { CellEditError, setCellValues, type CellEdit, type CellEditProblem } from "./cells";
export { writeMerge } from "./merge";
export { columnSheetXml };
export { WorkbookParts } from "./workbook";

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
 * Puts the settings into the workbook's very hidden settings sheet (column A, as the add-in writes it): the
 * sheet's part is replaced where there is one, else a sheet is added. Every other part stays as it was.
 */
export function writeSettings(pkg: OpcPackage, settings: SettingsInput): void {
  const parts = new WorkbookParts(pkg);
  const xml = columnSheetXml(settingsCells(settings), parts.ns);
  const existing = parts.sheets().find((sheet) => sheet.name === SETTINGS_SHEET);
  if (existing && existing.part && pkg.has(existing.part)) pkg.setText(existing.part, xml);
  else parts.addSheet(SETTINGS_SHEET, xml, "veryHidden");
}

/** The workbook's sheets by name, in tab order, hidden ones too. */
export function sheetNames(pkg: OpcPackage): string[] {
  return new WorkbookParts(pkg).sheets().map((sheet) => sheet.name);
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
  for (const line of result.summary.units) {
    const notice = answerableNotice(result, options, line.name);
    if (notice) {
      const bytes = newWorkbook(notice.sheets, options.settings, codec);
      files.push({ unit: line.name, bytes, record: notice.record });
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
    const drawing = spec.charts && spec.charts.length > 0 ? DRAWING_REL_ID : undefined;
    const index = workbook.addSheet(
      name,
      sheetXml(spec, {
        xfIndex: patch.xfIndex as never,
        date1904: false,
        ns: workbook.ns,
        ...(drawing ? { drawing } : {}),
      }),
      spec.state,
    );
    if (drawing) addCharts(pkg, workbook, workbook.sheets()[index]!.part, name, spec);
    if (spec.print.repeatRows) {
      const { first, last } = spec.print.repeatRows;
      workbook.addDefinedName(
        "_xlnm.Print_Titles",
        index,
        `'${name.replace(/'/g, "''")}'!$${first + 1}:$${last + 1}`,
      );
    }
  }
  return pkg.toBytes();
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
