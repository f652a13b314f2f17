// The helper sheets a workbook may carry: the roster (单位名单) and the holiday list (节假日).

import type { Day } from "./day";
import { parseDate } from "./values/date";
import { cellText, compactKey, normalizeText } from "./values/text";
import type { OtherSheetKind, SheetGrid, WorkbookModel } from "./workbook";

const ROSTER_NAMES = new Set(["单位名单", "单位", "责任单位", "units", "unit", "roster", "单位列表"]);
const HOLIDAY_NAMES = new Set(["节假日", "节假日安排", "假日", "holidays", "holiday"]);
/** Header words at the top of a roster's first column. */
const ROSTER_HEADER = new Set([
  "单位",
  "单位名称",
  "责任单位",
  "名称",
  "部门",
  "unit",
  "units",
  "name",
  "序号",
]);

export function findHelperSheet(
  workbook: WorkbookModel,
  chosen: string | undefined,
  names: "roster" | "holidays",
): SheetGrid | undefined {
  if (chosen) return sheetNamed(workbook, chosen);
  const wanted = names === "roster" ? ROSTER_NAMES : HOLIDAY_NAMES;
  return workbook.sheets.find((s) => wanted.has(compactKey(s.name)));
}

/**
 * The worksheet a person named (--sheet, --spec, --ledger, the settings): the one of that exact name, else
 * the one whose name reads the same without spaces, full-width forms or case (任务表 for “任务 表”).
 */
export function sheetNamed(workbook: WorkbookModel, name: string): SheetGrid | undefined {
  const wanted = compactKey(name);
  return (
    workbook.sheets.find((s) => s.name === name) ?? workbook.sheets.find((s) => compactKey(s.name) === wanted)
  );
}

/**
 * What a message about a named sheet that is not a worksheet says: the name, the worksheets there are, and
 * the kind of sheet it names when it is a chart, dialog or macro sheet rather than no sheet at all.
 */
export function absentSheet(
  workbook: WorkbookModel,
  name: string,
): { sheet: string; sheets: string; kind?: OtherSheetKind } {
  const wanted = compactKey(name);
  const other =
    workbook.otherSheets?.find((s) => s.name === name) ??
    workbook.otherSheets?.find((s) => compactKey(s.name) === wanted);
  return {
    sheet: other?.name ?? name,
    sheets: sheetList(workbook),
    ...(other && { kind: other.kind }),
  };
}

/** The sheets' names for a one-line message: the first few, and how many more (a workbook may have dozens). */
export function sheetList(workbook: WorkbookModel, shown = 4): string {
  const names = workbook.sheets.map((s) => s.name);
  if (names.length <= shown + 1) return names.join(", ");
  return `${names.slice(0, shown).join(", ")} … (+${names.length - shown})`;
}

export interface RosterUnit {
  readonly name: string;
  /** The roster's second column (区队, 科室, 支部 …), for group words such as 各支部. */
  readonly type: string;
}

/** The units listed in a roster sheet's first column, in order, without its header or repeats. */
export function readRoster(sheet: SheetGrid): RosterUnit[] {
  const seen = new Set<string>();
  const units: RosterUnit[] = [];
  for (const cells of sheet.rows) {
    const first = cells?.[0];
    if (typeof first !== "string") continue;
    const name = normalizeText(first);
    if (name === "" || ROSTER_HEADER.has(compactKey(name)) || seen.has(name)) continue;
    seen.add(name);
    units.push({ name, type: normalizeText(cellText(cells?.[1])) });
  }
  return units;
}

const DAY_OFF = /^(休|休息|放假|假|假日|节假日|holiday|off|dayoff|rest)$/;
const WORKDAY = /^(班|上班|补班|调休上班|工作日|workday|work|workingday)$/;

/**
 * The days a holiday sheet lists: on each row, the first cell that reads as a date, and a word saying
 * day off (休/放假/holiday) or workday (班/上班/workday); a date without such a word is a day off.
 */
export function readHolidayOverrides(sheet: SheetGrid, asOfYear: number): Map<Day, boolean> {
  const overrides = new Map<Day, boolean>();
  for (const cells of sheet.rows) {
    if (!cells) continue;
    let day: Day | undefined;
    let work = false;
    for (const cell of cells) {
      if (day === undefined) {
        const parsed = parseDate(cell, asOfYear);
        if (parsed.kind === "day") {
          day = parsed.day;
          continue;
        }
      }
      const key = compactKey(cellText(cell));
      if (WORKDAY.test(key)) work = true;
      else if (DAY_OFF.test(key)) work = false;
    }
    if (day !== undefined) overrides.set(day, work);
  }
  return overrides;
}
