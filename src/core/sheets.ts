// The helper sheets a workbook may carry: the roster (单位名单) and the holiday list (节假日).

import { dayFromYmd, ymdOf, type Day } from "./day";
import { parseDate } from "./values/date";
import { cellText, compactKey, normalizeText } from "./values/text";
import type { CellValue, OtherSheetKind, SheetGrid, WorkbookModel } from "./workbook";

const ROSTER_NAMES = new Set(["单位名单", "单位", "责任单位", "units", "unit", "roster", "单位列表"]);
const HOLIDAY_NAMES = new Set(["节假日", "节假日安排", "假日", "holidays", "holiday"]);
/** Header words at the top of a roster's first column. */
const ROSTER_HEADER = new Set([
  "单位",
  "单位名称",
  "单位全称",
  "责任单位",
  "名称",
  "部门",
  "部门名称",
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
  return byName(workbook.sheets, name);
}

/** The item of that exact name, else the one whose name reads the same (see sheetNamed). */
function byName<T extends { readonly name: string }>(items: readonly T[], name: string): T | undefined {
  const wanted = compactKey(name);
  return items.find((s) => s.name === name) ?? items.find((s) => compactKey(s.name) === wanted);
}

/**
 * What a message about a named sheet that is not a worksheet says: the name, the worksheets there are, and
 * the kind of sheet it names when it is a chart, dialog or macro sheet rather than no sheet at all.
 */
export function absentSheet(
  workbook: WorkbookModel,
  name: string,
): { sheet: string; sheets: string; kind?: OtherSheetKind } {
  const other = byName(workbook.otherSheets ?? [], name);
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

/** The header of a roster's type column (区队, 科室, 支部 …). */
const TYPE_HEADER = new Set(["类型", "单位类型", "类别", "单位类别", "type", "kind"]);
/** How far down a roster's header is looked for (a title or two above it). */
const ROSTER_HEADER_ROWS = 10;

/**
 * Where a roster lists its units: under the header cell that names them (单位名称, beside 序号, under a title
 * such as 2026年责任单位名单), the type under 类型 (or else in the column after the names); without
 * such a header, the first column and the second, from the top.
 */
function rosterColumns(sheet: SheetGrid): { first: number; name: number; type: number } {
  for (let r = 0; r < Math.min(sheet.rows.length, ROSTER_HEADER_ROWS); r++) {
    const keys = (sheet.rows[r] ?? []).map((cell) => (typeof cell === "string" ? compactKey(cell) : ""));
    const name = keys.findIndex((key) => key !== "序号" && ROSTER_HEADER.has(key));
    if (name < 0) continue;
    const type = keys.findIndex((key) => TYPE_HEADER.has(key));
    return { first: r + 1, name, type: type >= 0 ? type : name + 1 };
  }
  return { first: 0, name: 0, type: 1 };
}

/** The units a roster sheet lists, in order, without its header, title, blanks or repeats. */
export function readRoster(sheet: SheetGrid): RosterUnit[] {
  const seen = new Set<string>();
  const units: RosterUnit[] = [];
  const columns = rosterColumns(sheet);
  for (let r = columns.first; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    const cell = cells?.[columns.name];
    if (typeof cell !== "string") continue;
    const name = normalizeText(cell);
    if (name === "" || ROSTER_HEADER.has(compactKey(name)) || seen.has(name)) continue;
    seen.add(name);
    units.push({ name, type: normalizeText(cellText(cells?.[columns.type])) });
  }
  return units;
}

const DAY_OFF = /^(休|休息|放假|假|假日|节假日|holiday|off|dayoff|rest)$/;
const WORKDAY = /^(班|上班|补班|调休上班|工作日|workday|work|workingday)$/;

/**
 * The days a holiday sheet lists: on each row, the first cell that reads as a day or a run of days
 * (10月1日至8日), and a word saying day off (休/放假/holiday) or workday (班/上班/workday); days without such
 * a word are days off. Only text that names days counts: a label such as 2026年10月 is none.
 */
export function readHolidayOverrides(sheet: SheetGrid, asOfYear: number): Map<Day, boolean> {
  const overrides = new Map<Day, boolean>();
  for (const cells of sheet.rows) {
    if (!cells) continue;
    let days: Day[] | undefined;
    let work = false;
    for (const cell of cells) {
      if (days === undefined) {
        days = daysIn(cell, asOfYear);
        if (days !== undefined) continue;
      }
      const key = compactKey(cellText(cell));
      if (WORKDAY.test(key)) work = true;
      else if (DAY_OFF.test(key)) work = false;
    }
    for (const day of days ?? []) overrides.set(day, work);
  }
  return overrides;
}

/** Where a run of days is split: 至, 到, ~, a dash; a hyphen only after 日 (10月1日-8日), as ISO dates hold them. */
const RUN = /^(.+?)(?:至|到|~|—|–|(?<=[日号])-)(.+)$/;
/** The end of a run written without its year (10月8日) or month too (8日): the start's are meant. */
const RUN_END_MONTH_DAY = /^(\d{1,2})月(\d{1,2})[日号]?$/;
const RUN_END_DAY = /^(\d{1,2})[日号]?$/;
/** The longest run a holiday sheet is taken to mean (国庆 and 春节 are eight or nine days). */
const LONGEST_RUN = 31;

/** The days a holiday sheet's cell names: one day, a run of them, or none. */
function daysIn(cell: CellValue | undefined, asOfYear: number): Day[] | undefined {
  const parsed = parseDate(cell, asOfYear, { days: true });
  if (parsed.kind === "day") return [parsed.day];
  if (typeof cell !== "string") return undefined;
  const run = RUN.exec(cell.normalize("NFKC").replace(/\s+/g, ""));
  if (!run) return undefined;
  const start = parseDate(run[1], asOfYear, { days: true });
  if (start.kind !== "day") return undefined;
  const { year, month } = ymdOf(start.day);
  let m: RegExpExecArray | null;
  let end: Day | undefined;
  if ((m = RUN_END_MONTH_DAY.exec(run[2]!))) end = dayFromYmd(year, Number(m[1]), Number(m[2]));
  else if ((m = RUN_END_DAY.exec(run[2]!))) end = dayFromYmd(year, month, Number(m[1]));
  else {
    const parsedEnd = parseDate(run[2], asOfYear, { days: true });
    end = parsedEnd.kind === "day" ? parsedEnd.day : undefined;
  }
  if (end === undefined || end < start.day || end - start.day >= LONGEST_RUN) return undefined;
  return Array.from({ length: end - start.day + 1 }, (_, i) => start.day + i);
}
