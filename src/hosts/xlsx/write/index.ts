// Writing checks back into .xlsx packages: the checked copy, clearing it again, and one notice file per unit.

import { SETTINGS_SHEET, settingsCells } from "../../../core/output/record";
import type { SettingsInput } from "../../../core/settings";
import type { OpcPackage } from "../package";
import { columnSheetXml } from "./sheet";
import { WorkbookParts } from "./workbook";

export { clearDuban, readPackageRecord } from "./apply";
export { freeName } from "../../../core/output/names";
export {
  newWorkbook,
  noticeWorkbooks,
  writeCheck,
  type CheckedOptions,
  type NoticeFile,
  type WrittenCheck,
} from "./check";
export { CellEditError, setCellValues, type CellEdit, type CellEditProblem } from "./cells";
export { writeMerge } from "./merge";
export { columnSheetXml };
export { WorkbookParts } from "./workbook";

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
