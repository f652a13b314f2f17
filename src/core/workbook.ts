// What a host hands the engine: the sheets of a workbook as grids of plain values.

import { dayFromExcelSerial, type Day } from "./day";

/** A real date cell: the host has already applied the workbook's date system. */
export interface DateCell {
  readonly day: Day;
}

/** A cell as the engine sees it; formulas arrive as their last computed value, errors as their text (#N/A). */
export type CellValue = string | number | boolean | DateCell | null;

/** Zero-based, inclusive. */
export interface CellRange {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/**
 * An Excel Table (a ListObject, 套用表格格式): a range the person made a table of, with its header and totals
 * rows. The strongest sign of where a task table is, and of where it ends.
 */
export interface ExcelTable {
  readonly name: string;
  /** The whole table, its header and totals rows included. */
  readonly range: CellRange;
  /** 1 when the table shows its header row (its first), 0 when it hides it. */
  readonly headerRows: number;
  /** How many totals rows close the table (0 or 1): sums, never tasks. */
  readonly totalsRows: number;
}

export interface SheetGrid {
  readonly name: string;
  /** rows[r][c], zero-based; a missing row or cell is empty. */
  readonly rows: ReadonlyArray<ReadonlyArray<CellValue> | undefined>;
  readonly merges: readonly CellRange[];
  /** Hidden or very hidden sheets are still read, but never chosen as the task table by guessing. */
  readonly hidden?: boolean;
  /**
   * Zero-based rows the person hid or filtered away, of those read. They are tasks all the same (the spec);
   * a finding in one says so, since its highlight cannot be seen.
   */
  readonly hiddenRows?: ReadonlySet<number>;
  /** The sheet's Excel Tables, in the order the workbook lists them. */
  readonly tables?: readonly ExcelTable[];
  /**
   * Formula cells (of the rows read) that hold no calculated value: a program wrote the file and nothing
   * calculated it since. Their cells read as empty; the check says so. Excel always has the values.
   */
  readonly formulasWithoutValues?: FormulasWithoutValues;
}

export interface FormulasWithoutValues {
  readonly count: number;
  /** The first few such cells, zero-based, in the order they stand. */
  readonly first: ReadonlyArray<{ readonly row: number; readonly column: number }>;
}

/** The kinds of sheet that hold no grid of cells: a chart sheet, an Excel 5 dialog sheet, an Excel 4 macro sheet. */
export type OtherSheetKind = "chart" | "dialog" | "macro";

/** A sheet of the workbook that is not a worksheet: nothing in it is read, but a person may name it. */
export interface OtherSheet {
  readonly name: string;
  readonly kind: OtherSheetKind;
}

export interface WorkbookModel {
  /** The file's name as the person knows it, for messages. */
  readonly fileName: string;
  readonly sheets: readonly SheetGrid[];
  /**
   * The workbook's chart, dialog and macro sheets, where the host sees them (Office.js shows none), so that a
   * name given for the task table or the roster that is one of them is told apart from a name that is wrong.
   */
  readonly otherSheets?: readonly OtherSheet[];
  /**
   * The sheet the person had open when the workbook was saved (a file's active tab), or is looking at (Excel):
   * of sheets with task tables that are as good as each other (one for each month), the check takes this one.
   */
  readonly activeSheet?: string;
}

export function isDateCell(value: CellValue | undefined): value is DateCell {
  return typeof value === "object" && value !== null;
}

/**
 * The date cells of one workbook, for a host reading its cells: a DateCell is immutable, so one object per
 * day serves every cell with that day, and a table of 100,000 rows holds a few hundred days, not 100,000.
 */
export class DateCells {
  private readonly cells = new Map<Day, DateCell>();

  /** `date1904`: the workbook's date system (Excel for Mac's older files count from 1904). */
  constructor(private readonly date1904: boolean) {}

  of(day: Day): DateCell {
    let cell = this.cells.get(day);
    if (!cell) this.cells.set(day, (cell = { day }));
    return cell;
  }

  /** The cell for an Excel serial date; undefined for a serial that is no day Excel shows. */
  ofSerial(serial: number): DateCell | undefined {
    const day = dayFromExcelSerial(serial, this.date1904);
    return day === undefined ? undefined : this.of(day);
  }
}

/** `0 -> A`, `27 -> AB` */
export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** `A -> 0`, `ab -> 27`; undefined for anything that is not a column name. */
export function columnIndex(letters: string): number | undefined {
  const text = letters.trim().toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(text)) return undefined;
  let n = 0;
  for (const ch of text) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * `AB12` as zero-based row and column; undefined for anything else (a `$`, a row 0, four letters), as a
 * cell's own reference is written.
 * @example cellPosition("b3") // { row: 2, column: 1 }
 */
export function cellPosition(ref: string): { row: number; column: number } | undefined {
  const match = /^([A-Za-z]{1,3})(\d+)$/.exec(ref);
  if (!match) return undefined;
  const row = Number(match[2]);
  return row < 1 ? undefined : { row: row - 1, column: columnIndex(match[1]!)! };
}

/**
 * An A1 range (`B2:D3`, `$A$1`, corners in either order, blanks around it) as the rectangle it spans;
 * undefined for anything else. Whole columns and rows (`A:C`, `3:5`) are not ranges here.
 * @example parseRange("$D$3:b2") // { top: 1, left: 1, bottom: 2, right: 3 }
 */
export function parseRange(ref: string): CellRange | undefined {
  const corners = ref.replace(/\$/g, "").trim().split(":");
  if (corners.length > 2) return undefined;
  const a = cellPosition(corners[0]!);
  const b = corners.length === 1 ? a : cellPosition(corners[1]!);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}
