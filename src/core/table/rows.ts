// The task rows under a header: merged cells filled in, blank, total, heading and footnote rows left out.

import type { Day } from "../day";
import { ymdOf } from "../day";
import { parseCycle, type ParsedCycle } from "../values/cycle";
import { parseDate, type ParsedDate } from "../values/date";
import { parseNumber, type ParsedNumber } from "../values/number";
import { parseStatus, type ParsedStatus } from "../values/status";
import { cellText, isFilled, normalizeText, splitUnits } from "../values/text";
import type { CellValue, SheetGrid } from "../workbook";
import { FIELDS, FIELD_INDEX, type Field } from "./fields";
import type { TableLocation } from "./locate";

export interface TaskRow {
  /** Position among the task rows. */
  readonly index: number;
  /** The sheet's own row number (1-based). */
  readonly row: number;
  /** Raw values by field index (see FIELD_INDEX), merged cells already filled in. */
  readonly cells: ReadonlyArray<CellValue | undefined>;
  readonly task: string;
  /** Every unit named in the cell; the first leads (牵头) and owns the row in the summary. */
  readonly units: readonly string[];
  readonly unit: string;
  readonly category: string;
  readonly deadline: ParsedDate;
  readonly start: ParsedDate;
  readonly doneDate: ParsedDate;
  readonly status: ParsedStatus;
  readonly cycle: ParsedCycle;
  readonly points: ParsedNumber;
  readonly score: ParsedNumber;
}

/** 合计/小计/总计/Total rows are arithmetic, not tasks. */
const TOTAL_ROW = /^(合计|小计|总计|总合计|total|subtotal)/;
/** From a footnote on, nothing is a task: 注：… / 备注: / 说明: / 审核人 / 填表人 / 制表人. */
const FOOTNOTE_ROW =
  /^(注(?:$|[:：\s\d一二三四五六七八九十、.．(（①②③])|备注[:：]|说明[:：]|审核人|填表人|制表人|填报人)/;

/** Reads the rows of a located table. Values are parsed once here so that rules only compare. */
export function readTaskRows(location: TableLocation, asOf: Day): TaskRow[] {
  const { sheet, columns } = location;
  const asOfYear = ymdOf(asOf).year;
  const fill = mergeFill(sheet, location.firstDataRow, columns);
  const parse = memoParsers(asOfYear);
  const fieldColumns = FIELDS.map((field) => columns.get(field));
  const taskColumn = columns.get("task")!;
  const categoryColumn = columns.get("category");
  const rows: TaskRow[] = [];
  let section = "";

  for (let r = location.firstDataRow; r < sheet.rows.length; r++) {
    const original = sheet.rows[r];
    const first = firstFilled(original);
    if (first === undefined) continue;
    const lead = cellText(original![first]).normalize("NFKC").replace(/\s+/g, "").toLowerCase();
    if (FOOTNOTE_ROW.test(lead)) break;
    if (TOTAL_ROW.test(lead)) continue;

    const cells: Array<CellValue | undefined> = new Array(FIELDS.length);
    for (let f = 0; f < FIELDS.length; f++) {
      const c = fieldColumns[f];
      if (c === undefined) continue;
      const own = original![c];
      cells[f] = isFilled(own) ? own : fill.get(r * MAX_COLUMNS + c);
    }
    const heading = headingText(sheet, r, original!, taskColumn, cells[FIELD_INDEX.task]);
    if (heading !== undefined) {
      section = heading;
      continue;
    }

    const unitText = parse.text(cells[FIELD_INDEX.unit]);
    const units = parse.units(unitText);
    const ownCategory = categoryColumn === undefined ? "" : parse.text(cells[FIELD_INDEX.category]);
    rows.push({
      index: rows.length,
      row: r + 1,
      cells,
      task: parse.text(cells[FIELD_INDEX.task]),
      units,
      unit: units[0] ?? "",
      category: ownCategory || section,
      deadline: parse.date(cells[FIELD_INDEX.deadline]),
      start: parse.date(cells[FIELD_INDEX.start]),
      doneDate: parse.date(cells[FIELD_INDEX.doneDate]),
      status: parse.status(cells[FIELD_INDEX.status]),
      cycle: parseCycle(cells[FIELD_INDEX.cycle]),
      points: parseNumber(cells[FIELD_INDEX.points]),
      score: parseNumber(cells[FIELD_INDEX.score]),
    });
  }
  return rows;
}

/** Excel's column limit, so that row * MAX_COLUMNS + column is a unique cell key. */
const MAX_COLUMNS = 16384;

/** A vertically merged cell counts for every row it covers: its value keyed by each covered cell. */
function mergeFill(
  sheet: SheetGrid,
  firstDataRow: number,
  columns: ReadonlyMap<Field, number>,
): Map<number, CellValue> {
  const used = new Set(columns.values());
  const fill = new Map<number, CellValue>();
  for (const merge of sheet.merges) {
    if (merge.bottom === merge.top || merge.bottom < firstDataRow || !used.has(merge.left)) continue;
    const value = sheet.rows[merge.top]?.[merge.left];
    if (value === undefined || value === null) continue;
    for (let r = Math.max(merge.top + 1, firstDataRow); r <= merge.bottom; r++)
      fill.set(r * MAX_COLUMNS + merge.left, value);
  }
  return fill;
}

function firstFilled(cells: ReadonlyArray<CellValue> | undefined): number | undefined {
  if (!cells) return undefined;
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
  if (only === taskColumn && !wide) return undefined;
  if (only !== taskColumn && isFilled(task) && !wide) return undefined;
  return normalizeText(cellText(cells[only])).replace(
    /^[一二三四五六七八九十]+[、.．]\s*|^\d+[、.．]\s*/,
    "",
  );
}

/** Large tables repeat the same few statuses, dates and unit names: parse each distinct text once. */
function memoParsers(asOfYear: number) {
  const texts = new Map<string, string>();
  const unitLists = new Map<string, readonly string[]>();
  const dates = new Map<string, ParsedDate>();
  const statuses = new Map<string, ParsedStatus>();
  return {
    text(value: CellValue | undefined): string {
      if (typeof value !== "string") return normalizeText(cellText(value));
      let text = texts.get(value);
      if (text === undefined) texts.set(value, (text = normalizeText(value)));
      return text;
    },
    units(text: string): readonly string[] {
      let units = unitLists.get(text);
      if (units === undefined) unitLists.set(text, (units = splitUnits(text)));
      return units;
    },
    date(value: CellValue | undefined): ParsedDate {
      if (typeof value !== "string") return parseDate(value, asOfYear);
      let parsed = dates.get(value);
      if (parsed === undefined) dates.set(value, (parsed = parseDate(value, asOfYear)));
      return parsed;
    },
    status(value: CellValue | undefined): ParsedStatus {
      if (typeof value !== "string") return parseStatus(value);
      let parsed = statuses.get(value);
      if (parsed === undefined) statuses.set(value, (parsed = parseStatus(value)));
      return parsed;
    },
  };
}
