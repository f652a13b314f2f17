// The task rows under a header: merged cells filled in, blank, total, heading and footnote rows left out.

import type { Day } from "../day";
import { ymdOf } from "../day";
import { parseCycle, type ParsedCycle } from "../values/cycle";
import { parseDate, type ParsedDate } from "../values/date";
import { parseNumber, type ParsedNumber } from "../values/number";
import { DONE_STATUS, EMPTY_STATUS, isCancelled, parseStatus, type ParsedStatus } from "../values/status";
import { cellUnits } from "../recurring/units";
import { cellText, foldPlainText, isFilled, normalizeText, rosterUnits } from "../values/text";
import { isDateCell, type CellValue, type SheetGrid } from "../workbook";
import type { Field } from "./fields";
import type { TableLocation } from "./locate";

export interface TaskRow {
  /** Position among the task rows. */
  readonly index: number;
  /** The sheet's own row number (1-based). */
  readonly row: number;
  /** The task as written (spaces trimmed and runs of white space made one), for showing. */
  readonly task: string;
  /** The task as compared: full-width forms folded, no spaces. */
  readonly taskKey: string;
  /**
   * Every unit named in the cell; the first leads (牵头) and owns the row in the summary. Rows whose unit
   * cells read the same share one array.
   */
  readonly units: readonly string[];
  readonly unit: string;
  readonly category: string;
  /** 责任人, as written. */
  readonly person: string;
  /** The status cell as written ("60%", "进行中"), for showing. */
  readonly statusText: string;
  readonly deadline: ParsedDate;
  readonly start: ParsedDate;
  readonly doneDate: ParsedDate;
  readonly status: ParsedStatus;
  readonly cycle: ParsedCycle;
  readonly points: ParsedNumber;
  readonly score: ParsedNumber;
  /**
   * Where the task came from a vertical merge over several rows (one task, a 具体措施 on each row), the sheet's
   * row (1-based) of the merged cell: those rows are parts of one task, not the task written again.
   */
  readonly taskFrom?: number;
  /** "status" where the completion date is the day the status says (已完成 11月20日): findings point there. */
  readonly doneDateFrom?: "status";
}

/** 合计/小计/总计/Total rows are arithmetic, not tasks. */
const TOTAL_ROW = /^(合计|小计|总计|总合计|total|subtotal)/;
/** From a footnote on, nothing is a task: 注：… / 备注: / 说明: / 审核人 / 填表人 / 制表人. */
const FOOTNOTE_ROW =
  /^(注(?:$|[:：\s\d一二三四五六七八九十、.．(（①②③])|备注[:：]|说明[:：]|审核人|填表人|制表人|填报人)/;

/**
 * Reads the rows of a located table. Values are parsed once here so that rules only compare. With the
 * roster's names, a unit cell that says more than a name is read as the roster names it (see rosterUnits).
 */
export function readTaskRows(
  location: TableLocation,
  asOf: Day,
  roster?: readonly string[],
  /** Gets the rows (1-based) left out because their status says the work was called off (已取消). */
  cancelled?: number[],
): TaskRow[] {
  const { sheet, columns } = location;
  const { fill, from: fillFrom } = mergeFill(sheet, location.firstDataRow, columns);
  const parse = memoParsers(asOf, tableYear(location), roster);
  const column = (field: Field) => columns.get(field) ?? -1;
  const categoryCol = column("category");
  const taskCol = column("task");
  const unitCol = column("unit");
  const personCol = column("person");
  const cycleCol = column("cycle");
  const startCol = column("start");
  const deadlineCol = column("deadline");
  const statusCol = column("status");
  const doneCol = column("doneDate");
  const pointsCol = column("points");
  const scoreCol = column("score");
  const rows: TaskRow[] = [];
  let section = "";
  // An Excel Table's totals row sums the tasks above it, whatever its first cell says (汇总, 平均值, nothing).
  const table = location.table;
  const totalsFrom = table ? table.range.bottom - table.totalsRows + 1 : Infinity;
  const totalsTo = table ? table.range.bottom : -1;
  const repeatsHeader = headerRepeat(location);

  for (let r = location.firstDataRow; r < sheet.rows.length; r++) {
    const cells = sheet.rows[r];
    if (!cells || (r >= totalsFrom && r <= totalsTo)) continue;
    const first = firstFilled(cells);
    if (first === undefined) continue;
    const lead = cells[first];
    // Only text can read 注… or 合计: a number, date or TRUE in the lead cell (a 序号) never does, and
    // skipping them saves folding each row's lead.
    if (typeof lead === "string") {
      const key = lead.normalize("NFKC").replace(WHITE_SPACE, "").toLowerCase();
      if (FOOTNOTE_ROW.test(key)) break;
      if (TOTAL_ROW.test(key)) continue;
    }
    if (repeatsHeader(cells)) continue;

    const taskValue = valueAt(cells, r, taskCol, fill);
    const heading = headingText(sheet, r, cells, taskCol, taskValue);
    if (heading !== undefined) {
      section = heading;
      continue;
    }

    // Not made one line first: units one per line in the cell are cut there.
    const units = parse.units(cellText(valueAt(cells, r, unitCol, fill)));
    // Task texts are mostly unique: a cache would only cost. Most hold no white space and nothing NFKC
    // changes but full-width forms: those are folded by hand.
    const written = cellText(taskValue);
    const plain = foldPlainText(written);
    const task = plain === undefined ? written.replace(WHITE_SPACE, " ").trim() : written;
    const folded = plain ?? task.normalize("NFKC");
    const statusValue = valueAt(cells, r, statusCol, fill);
    const doneWritten = parse.date(valueAt(cells, r, doneCol, fill));
    // A table without a status column says a task is done by the day it was done on (a day to come is a
    // plan, and date-in-future's).
    const status =
      statusCol < 0
        ? doneWritten.kind === "day" && doneWritten.day <= asOf
          ? DONE_STATUS
          : EMPTY_STATUS
        : parse.status(statusValue);
    // Work called off (已取消, 终止) is no task: not chased, not counted, not ranked.
    if (isCancelled(status)) {
      cancelled?.push(r + 1);
      continue;
    }
    const said = doneWritten.kind === "empty" ? saidDoneOn(status, parse.date) : undefined;
    const row: TaskRow = {
      index: rows.length,
      row: r + 1,
      task,
      // foldPlainText takes no white space.
      taskKey: plain !== undefined || !folded.includes(" ") ? folded : folded.replaceAll(" ", ""),
      units,
      unit: units[0] ?? "",
      category: (categoryCol < 0 ? "" : parse.text(valueAt(cells, r, categoryCol, fill))) || section,
      person: personCol < 0 ? "" : parse.text(valueAt(cells, r, personCol, fill)),
      statusText: cellText(statusValue).trim(),
      deadline: parse.planned(valueAt(cells, r, deadlineCol, fill)),
      start: parse.planned(valueAt(cells, r, startCol, fill)),
      doneDate: said ?? doneWritten,
      status,
      cycle: parse.cycle(valueAt(cells, r, cycleCol, fill)),
      points: parse.number(valueAt(cells, r, pointsCol, fill)),
      score: parse.number(valueAt(cells, r, scoreCol, fill)),
    };
    const taskFrom =
      fillFrom.size === 0 || taskCol < 0 || isFilled(cells[taskCol])
        ? undefined
        : fillFrom.get(r * MAX_COLUMNS + taskCol);
    // Set apart, on the few rows that have them: most rows keep one shape.
    if (taskFrom === undefined && said === undefined) rows.push(row);
    else
      rows.push({
        ...row,
        ...(taskFrom !== undefined && { taskFrom: taskFrom + 1 }),
        ...(said !== undefined && { doneDateFrom: "status" as const }),
      });
  }
  return rows;
}

/**
 * The year a table's title names (2027年重点工作任务表, 2027年度…, a sheet named 2027年): the year of its dates
 * written without one (3月底, 12月中旬, 四季度), which are the as-of year's where the title names none. A
 * plan for next year is drawn up in December, and a year's table is still checked in the next January. Undefined
 * where the title names no year or two; a day (填报日期：2026年12月5日) names none.
 */
export function tableYear(location: Pick<TableLocation, "sheet" | "headerRow">): number | undefined {
  const { sheet } = location;
  const texts = [sheet.name];
  for (let r = 0; r < location.headerRow; r++)
    for (const cell of sheet.rows[r] ?? []) if (typeof cell === "string") texts.push(cell);
  const years = new Set<number>();
  // A sheet named by its year alone (2027), one a year.
  if (/^\s*20\d{2}\s*$/.test(sheet.name)) years.add(Number(sheet.name));
  for (const text of texts) {
    const folded = text.normalize("NFKC");
    for (const match of folded.matchAll(TITLE_YEAR)) years.add(Number(match[1]));
    // 2026-2027年度 (a heating season, a school year): both years, so neither.
    for (const match of folded.matchAll(YEAR_SPAN)) years.add(Number(match[1]));
  }
  return years.size === 1 ? [...years][0] : undefined;
}

/** 2027年, 2027年度, 2027 年: a year not followed by a month (2026年12月5日 is a day, not the table's year). */
const TITLE_YEAR = /(?<!\d)(20\d{2})\s*年(?!\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月)/g;
/** The first year of a span of years: 2026-2027年, 2026—2027, 2026至2027年. */
const YEAR_SPAN = /(?<!\d)(20\d{2})\s*(?:年)?\s*[-—–~～至到]\s*20\d{2}(?!\d)/g;

/**
 * Whether a row repeats the header: a sheet of several tables stacked under one another, or printed pages
 * pasted together, has the header again above each (序号 | 工作任务 | 责任单位 …), which is no task. Such a row
 * has the header's own text in the task column and in at least one other of the table's columns.
 */
function headerRepeat(location: TableLocation): (cells: ReadonlyArray<CellValue>) => boolean {
  const { sheet, columns } = location;
  // Each column's header text, from both rows of a two-row header.
  const texts = new Map<number, Set<string>>();
  for (let r = location.headerRow; r < location.firstDataRow; r++) {
    for (const c of columns.values()) {
      const value = sheet.rows[r]?.[c];
      if (typeof value !== "string" || value.trim() === "") continue;
      let set = texts.get(c);
      if (!set) texts.set(c, (set = new Set()));
      set.add(value.trim());
    }
  }
  const taskColumn = columns.get("task");
  const taskTexts = taskColumn === undefined ? undefined : texts.get(taskColumn);
  if (taskColumn === undefined || !taskTexts || texts.size < 2) return () => false;
  const same = (cells: ReadonlyArray<CellValue>, c: number) => {
    const value = cells[c];
    return typeof value === "string" && texts.get(c)!.has(value.trim());
  };
  // A task cell longer than the header's task text with some spaces around is no header: most tasks are.
  const longest = Math.max(...[...taskTexts].map((text) => text.length)) + HEADER_SPACES;
  return (cells) => {
    const task = cells[taskColumn];
    if (typeof task !== "string" || task.length > longest || !same(cells, taskColumn)) return false;
    for (const c of texts.keys()) if (c !== taskColumn && same(cells, c)) return true;
    return false;
  };
}

/** Spaces a header written again may have around its task text. */
const HEADER_SPACES = 4;

/**
 * The day the status says the work was done on (已完成 11月20日, 已于11月20日办结), for a row whose completion
 * date is empty (or a table without the column): the clerk has written when, in the other cell.
 */
function saidDoneOn(status: ParsedStatus, date: (value: string) => ParsedDate): ParsedDate | undefined {
  if (status.kind !== "done" || status.on === undefined) return undefined;
  const said = date(status.on);
  return said.kind === "day" ? said : undefined;
}

/** Excel's column limit, so that row * MAX_COLUMNS + column is a unique cell key. */
const MAX_COLUMNS = 16384;

const WHITE_SPACE = /\s+/g;

/** A cell's own value, or the value of the vertical merge that covers it; undefined for column -1. */
function valueAt(
  cells: ReadonlyArray<CellValue>,
  r: number,
  c: number,
  fill: ReadonlyMap<number, CellValue>,
): CellValue | undefined {
  if (c < 0) return undefined;
  const own = cells[c];
  if (isFilled(own)) return own;
  // Most tables merge nothing below the header: no lookup for each empty cell then.
  return fill.size === 0 ? undefined : fill.get(r * MAX_COLUMNS + c);
}

/**
 * A vertically merged cell counts for every row it covers: its value keyed by each covered cell (`fill`), and
 * the merged cell's own row (`from`).
 */
function mergeFill(
  sheet: SheetGrid,
  firstDataRow: number,
  columns: ReadonlyMap<Field, number>,
): { fill: Map<number, CellValue>; from: Map<number, number> } {
  const used = new Set(columns.values());
  const fill = new Map<number, CellValue>();
  const from = new Map<number, number>();
  for (const merge of sheet.merges) {
    if (merge.bottom === merge.top || merge.bottom < firstDataRow || !used.has(merge.left)) continue;
    const value = sheet.rows[merge.top]?.[merge.left];
    if (value === undefined || value === null) continue;
    for (let r = Math.max(merge.top + 1, firstDataRow); r <= merge.bottom; r++) {
      fill.set(r * MAX_COLUMNS + merge.left, value);
      from.set(r * MAX_COLUMNS + merge.left, merge.top);
    }
  }
  return { fill, from };
}

function firstFilled(cells: ReadonlyArray<CellValue>): number | undefined {
  for (let c = 0; c < cells.length; c++) if (isFilled(cells[c])) return c;
  return undefined;
}

/**
 * A section heading (一、安全生产) is a row with one value in it, outside the task column or merged
 * across the table; its text becomes the category of the rows below when they have none.
 */
function headingText(
  sheet: SheetGrid,
  r: number,
  cells: ReadonlyArray<CellValue>,
  taskColumn: number,
  task: CellValue | undefined,
): string | undefined {
  let only = -1;
  for (let c = 0; c < cells.length; c++) {
    if (!isFilled(cells[c])) continue;
    if (only >= 0) return undefined;
    only = c;
  }
  if (only < 0) return undefined;
  const wide = sheet.merges.some((m) => m.top === r && m.left === only && m.right - m.left >= 2);
  const text = normalizeText(cellText(cells[only]));
  // Alone in the task column, a text is a task whose other cells are missing, unless it is numbered as
  // sections are (一、 （二） 第三部分): no task is written so.
  if (only === taskColumn && !wide && !SECTION_NUMBER.test(text)) return undefined;
  if (only !== taskColumn && isFilled(task) && !wide) return undefined;
  return text.replace(SECTION_NUMBER, "").replace(/^\d+[、.．]\s*/, "");
}

/** How a section heading is numbered: 一、 二. （三） (四) 第五部分 第六章, and what may follow the number. */
const SECTION_NUMBER =
  /^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|第[一二三四五六七八九十\d]+(?:部分|章|节|篇|板块)[、:：]?)\s*/;

/**
 * Large tables repeat the same few statuses, dates, numbers and unit names: each distinct value is read
 * once, and rows share the result (fewer objects for the garbage collector, too).
 */
function memoParsers(asOf: Day, titleYear: number | undefined, roster: readonly string[] | undefined) {
  const asOfYear = ymdOf(asOf).year;
  const memo = <T>(read: (value: string) => T) => {
    const cache = new Map<string, T>();
    return (value: string): T => {
      let result = cache.get(value);
      if (result === undefined) cache.set(value, (result = read(value)));
      return result;
    };
  };
  const byText = <T>(read: (value: CellValue | undefined) => T) => {
    const fromText = memo(read);
    const fromNumber = new Map<number, T>();
    // Empty cells are the commonest of all (no completion date, no score yet, a column the table lacks):
    // read once, not once per row.
    let empty: T | undefined;
    return (value: CellValue | undefined): T => {
      if (typeof value === "string") return fromText(value);
      if (value === undefined || value === null) return (empty ??= read(undefined));
      const key = typeof value === "number" ? value : isDateCell(value) ? -1e9 - value.day : undefined;
      if (key === undefined) return read(value);
      let result = fromNumber.get(key);
      if (result === undefined) fromNumber.set(key, (result = read(value)));
      return result;
    };
  };
  const text = memo(normalizeText);
  // One array per list of units, however the cell separated them (综采一队、机电科 or 综采一队,机电科).
  const unitLists = new Map<string, readonly string[]>();
  const onRoster = roster && roster.length > 0 ? rosterUnits(roster) : undefined;
  const units = memo((cell: string): readonly string[] => {
    const split = cellUnits(cell);
    const list = onRoster ? [...new Set(split.flatMap(onRoster))] : split;
    const key = list.join("\u0000");
    let shared = unitLists.get(key);
    if (shared === undefined) unitLists.set(key, (shared = list));
    return shared;
  });
  const date = byText((value) => completionDate(value, asOf));
  return {
    text: (value: CellValue | undefined): string =>
      typeof value === "string" ? text(value) : normalizeText(cellText(value)),
    units,
    /** A day the work was done on (see completionDate). */
    date,
    /** A deadline or start (see plannedDate). */
    planned: byText((value) => plannedDate(value, asOfYear, titleYear)),
    status: byText(parseStatus),
    cycle: byText(parseCycle),
    number: byText(parseNumber),
  };
}

/**
 * A deadline or start. Written without a year it may lie far ahead: in the year the table's title names
 * (tableYear), else in the as-of year, never moved back a year as a completion date is; a holiday without a
 * year (国庆节前) is the title's year's, and without a title's year not said.
 */
export function plannedDate(
  value: CellValue | undefined,
  asOfYear: number,
  titleYear: number | undefined,
): ParsedDate {
  return titleYear === undefined
    ? parseDate(value, asOfYear)
    : parseDate(value, titleYear, { yearNamed: true });
}

/** How far after the as-of day a completion date without a year may fall before it is taken as last year's. */
const HALF_YEAR = 183;

/**
 * A completion date. Written without a year it is near the as-of day: the as-of year's, unless that falls more
 * than half a year after it (12月28日 written in January is last December, not a day to come); a day to
 * come soon stays, for date-in-future to tell.
 * @example completionDate("12月28日", parseIsoDay("2027-01-10")!) // 2026-12-28
 */
export function completionDate(value: CellValue | undefined, asOf: Day): ParsedDate {
  const { year } = ymdOf(asOf);
  const read = parseDate(value, year);
  if (read.kind !== "day" || read.day - asOf <= HALF_YEAR) return read;
  const lastYear = parseDate(value, year - 1);
  // The same day either way: the year was written.
  return lastYear.kind === "day" && lastYear.day !== read.day ? lastYear : read;
}
