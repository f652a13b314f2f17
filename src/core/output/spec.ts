// Generated sheets described without any host: cells, styles, layout and print setup, for a host to write.

import type { Day } from "../day";
import type { CellRange } from "../workbook";

/** What each generated sheet is, so that a later run knows which sheets are Duban's to replace. */
export type GeneratedKind =
  "issues" | "summary" | "ranking" | "history" | "notices" | "progress" | "omissions" | "feedback";

/** The few looks a generated sheet uses; each host maps them onto its own style objects (see STYLES). */
export type StyleName =
  | "title"
  | "subtitle"
  | "header"
  | "text"
  | "textWrap"
  | "number"
  | "decimal"
  | "score"
  | "percent"
  | "date"
  | "link"
  | "totalText"
  | "totalNumber"
  | "totalPercent"
  | "paragraph"
  | "sectionTitle"
  | "error"
  | "warning"
  | "info"
  | "legendOverdue"
  | "legendDueSoon"
  | "legendDoneLate"
  | "legendData"
  | "legendMerged"
  | "stars"
  | "rankUp"
  | "rankDown"
  | "input"
  | "inputDate"
  | "inputHeader"
  | "inputNote"
  | "barPlanned"
  | "barDone"
  | "barLate"
  | "barOverdue"
  | "barEmpty"
  | "barToday"
  | "barTodayLine";

export interface CellStyle {
  readonly bold?: boolean;
  /** Points; 11 when absent. */
  readonly size?: number;
  /** RGB hex without #, e.g. "9C0006". */
  readonly color?: string;
  readonly fill?: string;
  readonly border?: boolean;
  readonly horizontal?: "left" | "center" | "right";
  readonly vertical?: "top" | "center";
  readonly wrap?: boolean;
  /** An Excel number format code; absent means General. */
  readonly numberFormat?: string;
  readonly underline?: boolean;
  /**
   * false: a cell the person may fill in where the sheet is protected (every other cell is locked, as a
   * spreadsheet's cells are by default).
   */
  readonly locked?: false;
}

export type SpecValue = string | number | { readonly day: Day } | null;

/** A link to a cell in this workbook (the finding's own cell on the task sheet). */
export interface SpecLink {
  readonly sheet: string;
  readonly cell: string;
}

export interface SpecCell {
  readonly value: SpecValue;
  readonly style: StyleName;
  readonly link?: SpecLink;
}

export interface SpecRow {
  /** Points; the host's default when absent. */
  readonly height?: number;
  readonly cells: ReadonlyArray<SpecCell | null>;
}

/**
 * A sheet's cells as columns of values and styles, not as an object per cell: a large check's issues and
 * notices sheets hold hundreds of thousands of cells, which as objects lived through the whole write for the
 * collector to copy and mark. Row r's cells are numbered from rowStart[r] up to rowStart[r + 1].
 */
export interface SpecGrid {
  /** One more than there are rows: the last is the number of cells. */
  readonly rowStart: Uint32Array;
  /** Each cell's value; undefined where the row has no cell there (a null in SpecRow.cells). */
  readonly values: ReadonlyArray<SpecValue | undefined>;
  /** Each cell's style, as its place in styleNames (a byte: there are a few dozen StyleNames). */
  readonly styles: Uint8Array;
  readonly styleNames: readonly StyleName[];
  /** The numbers of the cells that link somewhere, ascending (a writer meets them in order, no lookup). */
  readonly linkCells: readonly number[];
  /** Where each of linkCells links to. */
  readonly linkTargets: readonly SpecLink[];
  /** Each row's height in points; 0 for the host's default. */
  readonly heights: Float64Array;
}

/** A grid made a row at a time: by Layout as a sheet is laid out, by specGrid from a spec's rows. */
export class GridBuilder {
  private readonly rowStart: number[] = [0];
  private readonly values: Array<SpecValue | undefined> = [];
  private readonly styles: number[] = [];
  private readonly styleNames: StyleName[] = [];
  private readonly styleIds = new Map<StyleName, number>();
  private readonly linkCells: number[] = [];
  private readonly linkTargets: SpecLink[] = [];
  private readonly heights: number[] = [];

  get rowCount(): number {
    return this.heights.length;
  }

  /** A row's cells (a null where it has none) and its height in points, 0 for the host's default. */
  addRow(cells: ReadonlyArray<SpecCell | null>, height = 0): void {
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) {
        this.values.push(undefined);
        this.styles.push(0);
        continue;
      }
      let id = this.styleIds.get(cell.style);
      if (id === undefined) {
        this.styleIds.set(cell.style, (id = this.styleNames.length));
        this.styleNames.push(cell.style);
      }
      if (cell.link) {
        this.linkCells.push(this.values.length);
        this.linkTargets.push(cell.link);
      }
      this.values.push(cell.value);
      this.styles.push(id);
    }
    this.rowStart.push(this.values.length);
    this.heights.push(height);
  }

  /** The grid of the rows added; the builder is not to be added to afterwards (the grid shares its lists). */
  build(): SpecGrid {
    return {
      rowStart: Uint32Array.from(this.rowStart),
      values: this.values,
      styles: Uint8Array.from(this.styles),
      styleNames: this.styleNames,
      linkCells: this.linkCells,
      linkTargets: this.linkTargets,
      heights: Float64Array.from(this.heights),
    };
  }
}

/** The spec's cells as a grid: its own, or one made from its rows (a spec not laid out by Layout). */
export function specGrid(spec: SheetSpec): SpecGrid {
  if (spec.grid) return spec.grid;
  const builder = new GridBuilder();
  for (const row of spec.rows) builder.addRow(row.cells, row.height ?? 0);
  return builder.build();
}

/** How many rows a spec has, counted without making its rows. */
export function specRowCount(spec: SheetSpec): number {
  return spec.grid ? spec.grid.rowStart.length - 1 : spec.rows.length;
}

/** Rows `from` up to `to` of a spec, made from its grid where it has one (the others are not made). */
export function specRows(spec: SheetSpec, from: number, to: number): readonly SpecRow[] {
  return spec.grid ? gridRows(spec.grid, from, to) : spec.rows.slice(from, to);
}

/** Rows `from` up to `to` of a grid, as SpecRows (each cell an object, as SheetSpec.rows has them). */
export function gridRows(grid: SpecGrid, from = 0, to = grid.rowStart.length - 1): SpecRow[] {
  const rows: SpecRow[] = [];
  const { rowStart, values, styles, styleNames, linkCells, linkTargets, heights } = grid;
  let nextLink = 0;
  while (nextLink < linkCells.length && linkCells[nextLink]! < (rowStart[from] ?? Infinity)) nextLink++;
  for (let r = from; r < Math.min(to, rowStart.length - 1); r++) {
    const cells: Array<SpecCell | null> = [];
    for (let i = rowStart[r]!; i < rowStart[r + 1]!; i++) {
      const value = values[i];
      if (value === undefined) {
        cells.push(null);
        continue;
      }
      const style = styleNames[styles[i]!]!;
      if (nextLink < linkCells.length && linkCells[nextLink] === i)
        cells.push({ value, style, link: linkTargets[nextLink++]! });
      else cells.push({ value, style });
    }
    const height = heights[r]!;
    rows.push(height === 0 ? { cells } : { height, cells });
  }
  return rows;
}

export interface DataBar {
  /** Zero-based cells holding values between 0 and 1. */
  readonly range: CellRange;
  /** RGB hex without #. */
  readonly color: string;
}

/**
 * A native chart a host draws over the sheet from the sheet's own cells (汇总: completion by unit; 考核记录:
 * scores over the checks). The cells it reads are written by the same spec, so a host can also store their
 * values in the chart as its cache (a phone's preview draws from the cache, not from the cells).
 */
export interface ChartSpec {
  /** "bar": horizontal bars, one per category; "line": one line per series across the categories. */
  readonly kind: "bar" | "line";
  readonly title: string;
  /** Zero-based cells of the category labels: one column (bar) or one row (line) of this sheet. */
  readonly categories: CellRange;
  readonly series: ReadonlyArray<{
    /** The legend's words. */
    readonly name: string;
    /** Zero-based cells of the values, as many as the categories, in one column or one row. */
    readonly values: CellRange;
    /** RGB hex without #. */
    readonly color: string;
  }>;
  /** The value axis: its bounds when fixed (0 to 1 for a rate) and its number format. */
  readonly valueAxis: { readonly min?: number; readonly max?: number; readonly numberFormat: string };
  /** Where it sits: the zero-based cells of its top-left and bottom-right corners (the bottom-right one excluded). */
  readonly anchor: {
    readonly from: { readonly row: number; readonly column: number };
    readonly to: { readonly row: number; readonly column: number };
  };
}

/** Words a host shows for a validated cell: as it is selected (prompt) or when what was typed is refused. */
export interface ValidationMessage {
  /** At most 32 characters (Excel's limit). */
  readonly title: string;
  /** At most 255 characters (Excel's limit). */
  readonly text: string;
}

/** A check on what is typed into a range, already worded in the person's language. */
export type Validation = {
  /** Zero-based cells. */
  readonly range: CellRange;
  readonly prompt?: ValidationMessage;
  readonly error?: ValidationMessage;
} & (
  | {
      /** A drop-down of these words (together at most 255 characters, none with a comma or a quote). */
      readonly kind: "list";
      readonly values: readonly string[];
      /** true: only these words; false: another is taken after a warning (a progress such as 60%). */
      readonly strict: boolean;
    }
  | {
      /** A date from `min` to `max`, both included; anything else is refused. */
      readonly kind: "date";
      readonly min: Day;
      readonly max: Day;
    }
);

export interface SheetSpec {
  readonly kind: GeneratedKind;
  /** The name wanted; the host takes the next free one ("汇总 (2)") when a sheet of the person's has it. */
  readonly name: string;
  /** Column widths in characters. */
  readonly columns: readonly number[];
  readonly rows: readonly SpecRow[];
  /**
   * The same cells as `rows`, kept compact, for a sheet laid out by Layout: a host writing many rows reads
   * them from here (specGrid), and `rows` is made from them only when first read. Not enumerable: JSON and
   * a worker's message carry `rows` alone, and a spec copied with a spread ({ ...spec, columns }) has no
   * grid, so no grid ever describes rows that a copy changed.
   */
  readonly grid?: SpecGrid;
  readonly merges: readonly CellRange[];
  /** Rows kept in view while scrolling (the title and the header). */
  readonly freezeRows: number;
  /** The header row and the data under it, with filter buttons. */
  readonly autoFilter?: CellRange;
  readonly dataBars: readonly DataBar[];
  /** Native charts over the sheet, drawn where the host can draw them. */
  readonly charts?: readonly ChartSpec[];
  readonly print: {
    readonly landscape: boolean;
    /** Zero-based rows repeated at the top of every printed page (the header). */
    readonly repeatRows?: { readonly first: number; readonly last: number };
    /** Zero-based rows that start a new printed page (one notice per unit). */
    readonly pageBreaksBefore?: readonly number[];
  };
  /**
   * Protected without a password: only cells whose style says `locked: false` can be changed. A guide
   * against slips, not security; rows and columns can still be resized.
   */
  readonly protect?: boolean;
  readonly validations?: readonly Validation[];
  /** Very hidden: not listed by Unhide, for a record the workbook carries (a notice's own record). */
  readonly state?: "veryHidden";
}
