// The layout every generated sheet is built with: rows added top to bottom, merges within a row, and the
// column widths and row heights fitted to the content when the sheet is finished.

import type { CheckResult } from "../check";
import type { Catalogue } from "../i18n/catalogue";
import type { Locale, Settings } from "../settings";
import { columnsBetween, lineColumns } from "../values/text";
import type { CellRange } from "../workbook";
import {
  GridBuilder,
  gridRows,
  type CellStyle,
  type ChartSpec,
  type DataBar,
  type GeneratedKind,
  type SheetSpec,
  type SpecCell,
  type SpecGrid,
  type SpecRow,
  type SpecValue,
  type StyleName,
} from "./spec";

/** What every sheet builder reads: the check, the settings and the words and styles of its locale. */
export interface SheetContext {
  readonly result: CheckResult;
  readonly settings: Settings;
  readonly locale: Locale;
  readonly catalogue: Catalogue;
  readonly styles: Readonly<Record<StyleName, CellStyle>>;
  readonly asOf: string;
}

export function cell(value: SpecCell["value"], style: StyleName): SpecCell {
  return { value, style };
}

const MIN_WIDTH = 6;
/** Long text wraps within this many characters instead of pushing the table off the screen. */
export const MAX_WIDTH = 50;
const DEFAULT_SIZE = 11;
const LINE_PADDING = 3;
/** A row of one line in the default font keeps the host's default height. */
const SINGLE_LINE = lineHeight(DEFAULT_SIZE) + LINE_PADDING;
const MAX_HEIGHT = 409;

interface FinishOptions {
  readonly freezeRows: number;
  readonly autoFilter?: CellRange;
  readonly repeatRows: { readonly first: number; readonly last: number };
  readonly pageBreaksBefore?: readonly number[];
  readonly dataBars?: readonly DataBar[];
  readonly charts?: readonly ChartSpec[];
}

/**
 * Rows added top to bottom; widths and heights are fitted to the content when the sheet is finished. Each
 * row's cells are taken into a SpecGrid once the next row is added (merges fill in the last row first), so
 * that the cell objects a builder passes die young.
 */
export class Layout {
  /** The last row added, until the next one is: merge() fills it in. */
  private pending: Array<SpecCell | null> | undefined;
  private readonly taken = new GridBuilder();
  private readonly merges: CellRange[] = [];
  /** Every merge here lies within one row. */
  private readonly mergesByRow = new Map<number, CellRange[]>();

  constructor(
    private readonly cx: SheetContext,
    private readonly width: number,
    private readonly maxWidths: readonly number[] = [],
  ) {}

  get lastRow(): number {
    return this.taken.rowCount - (this.pending ? 0 : 1);
  }

  /** The array is the row until the next is added (merge fills it in), so each call passes one of its own. */
  add(cells: Array<SpecCell | null>): number {
    this.takePending();
    this.pending = cells;
    return this.taken.rowCount;
  }

  blank(): number {
    return this.add([]);
  }

  header(labels: readonly string[]): number {
    return this.add(labels.map((label) => cell(label, "header")));
  }

  /** Row 1: what the sheet is, the source sheet and the as-of day. */
  title(kind: GeneratedKind): number {
    const { catalogue, result, asOf } = this.cx;
    const text = catalogue.output.title({
      name: catalogue.output.sheetNames[kind],
      sheet: result.sheet,
      asOf,
    });
    const row = this.add([cell(text, "title")]);
    this.merge(row);
    return row;
  }

  subtitle(text: string): number {
    const row = this.add([cell(text, "subtitle")]);
    this.merge(row);
    return row;
  }

  /**
   * Merges the last row added from `left` to `right` (the last column); the covered cells take the first
   * cell's style.
   */
  merge(row: number, left = 0, right = this.width - 1): void {
    const cells = this.pending;
    if (row !== this.lastRow || !cells)
      throw new Error(`Only the last row added can be merged, not row ${row}`);
    const first = cells[left];
    for (let c = left + 1; c <= right; c++) cells[c] = first ? { value: null, style: first.style } : null;
    const range = { top: row, left, bottom: row, right };
    this.merges.push(range);
    const list = this.mergesByRow.get(row);
    if (list) list.push(range);
    else this.mergesByRow.set(row, [range]);
  }

  /** The last row's cells into the grid. */
  private takePending(): void {
    if (!this.pending) return;
    this.taken.addRow(this.pending);
    this.pending = undefined;
  }

  finish(kind: GeneratedKind, options: FinishOptions): SheetSpec {
    this.takePending();
    const grid = this.taken.build();
    const rowCount = grid.heights.length;
    const measured = this.measure(grid);
    const columns = this.fitWidths(grid, measured);
    for (let r = 0; r < rowCount; r++) grid.heights[r] = this.fitHeight(grid, r, measured, columns) ?? 0;
    const { catalogue } = this.cx;
    let rows: readonly SpecRow[] | undefined;
    const spec: SheetSpec = {
      kind,
      name: catalogue.output.sheetNames[kind],
      columns,
      // Made when first read: a host that writes from the grid never makes them.
      get rows() {
        return (rows ??= gridRows(grid));
      },
      merges: this.merges,
      freezeRows: options.freezeRows,
      ...(options.autoFilter ? { autoFilter: options.autoFilter } : {}),
      dataBars: options.dataBars ?? [],
      ...(options.charts && options.charts.length > 0 ? { charts: options.charts } : {}),
      print: {
        landscape: true,
        repeatRows: options.repeatRows,
        ...(options.pageBreaksBefore ? { pageBreaksBefore: options.pageBreaksBefore } : {}),
      },
    };
    // Not enumerable (see SheetSpec.grid): JSON, a worker's message and a copy made with a spread carry rows.
    return Object.defineProperty(spec, "grid", { value: grid });
  }

  /**
   * Each cell's text width, measured once for both the column widths and the row heights; 0 when empty. A
   * notices sheet of a large check has hundreds of thousands of cells: each style's metrics are looked up once,
   * and whether a text has line breaks is noted for the heights.
   */
  private measure({ values, styles, styleNames }: SpecGrid): Measured {
    const metrics = styleNames.map((name) => styleMetrics(this.cx.styles[name]));
    const widths = new Float64Array(values.length);
    const multiline = new Uint8Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === undefined || value === null) continue;
      const style = metrics[styles[i]!]!;
      const text = shownText(value, styleNames[styles[i]!]!);
      const oneLine = lineColumns(text, 2);
      if (oneLine >= 0) widths[i] = oneLine * style.factor;
      else {
        widths[i] = textWidth(text, style);
        multiline[i] = 1;
      }
    }
    return { widths, multiline, metrics };
  }

  private fitWidths({ rowStart, values }: SpecGrid, { widths: measured }: Measured): number[] {
    const widths = new Array<number>(this.width).fill(0);
    for (let r = 0; r < rowStart.length - 1; r++) {
      const merges = this.mergesByRow.get(r);
      const start = rowStart[r]!;
      const last = Math.min(rowStart[r + 1]! - start, this.width);
      for (let c = 0; c < last; c++) {
        if (values[start + c] === undefined || (merges && mergeAt(merges, c))) continue;
        widths[c] = Math.max(widths[c]!, measured[start + c]!);
      }
    }
    return widths.map((w, c) =>
      Math.min(this.maxWidths[c] ?? MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(w) + 2)),
    );
  }

  /** A height for rows whose text wraps onto more lines, or whose font is larger; undefined for the rest. */
  private fitHeight(
    { rowStart, values, styles, styleNames }: SpecGrid,
    r: number,
    { widths, multiline, metrics }: Measured,
    columns: readonly number[],
  ): number | undefined {
    const merges = this.mergesByRow.get(r);
    const start = rowStart[r]!;
    let height = 0;
    for (let c = 0; c < rowStart[r + 1]! - start; c++) {
      const value = values[start + c];
      if (value === undefined || value === null) continue;
      const style = metrics[styles[start + c]!]!;
      const merge = merges && mergeAt(merges, c);
      if (merge && merge.left !== c) continue;
      let lines = 1;
      if (style.wrap) {
        let available = columns[c] ?? MIN_WIDTH;
        if (merge) for (let k = c + 1; k <= merge.right; k++) available += columns[k] ?? 0;
        const perLine = Math.max(1, available - 1);
        // A text of one line, nearly every one, wraps by the width already measured for the column widths.
        lines =
          multiline[start + c] === 1
            ? shownText(value, styleNames[styles[start + c]!]!)
                .split("\n")
                .reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line, style) / perLine)), 0)
            : Math.max(1, Math.ceil(widths[start + c]! / perLine));
      }
      height = Math.max(height, lines * style.lineHeight + LINE_PADDING);
    }
    if (height <= SINGLE_LINE) return undefined;
    return Math.min(MAX_HEIGHT, height);
  }
}

/** What measuring needs of a cell style. */
interface StyleMetrics {
  /** Character units per column of text (see textWidth). */
  readonly factor: number;
  readonly wrap: boolean;
  readonly lineHeight: number;
}

function styleMetrics(style: CellStyle): StyleMetrics {
  const size = style.size ?? DEFAULT_SIZE;
  return {
    factor: (size / DEFAULT_SIZE) * (style.bold ? 1.1 : 1),
    wrap: !!style.wrap,
    lineHeight: lineHeight(size),
  };
}

/** Each cell's width in Excel's character units, by its number in the grid. */
interface Measured {
  readonly widths: Float64Array;
  /** 1 where the text has line breaks. */
  readonly multiline: Uint8Array;
  /** Each of the grid's styles' metrics, by its place in styleNames. */
  readonly metrics: readonly StyleMetrics[];
}

function mergeAt(merges: readonly CellRange[], column: number): CellRange | undefined {
  return merges.find((m) => m.left <= column && column <= m.right);
}

function lineHeight(size: number): number {
  return Math.ceil(size * 1.4);
}

/** The text a cell shows, as far as its width goes. */
function shownText(value: SpecValue, style: StyleName): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return "0000-00-00";
  if (style === "percent" || style === "totalPercent") return `${(value * 100).toFixed(1)}%`;
  if (style === "number" || style === "totalNumber")
    return Math.round(value)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return String(value);
}

/** Width in Excel's character units: CJK and full-width characters take two, larger and bold fonts more. */
function textWidth(text: string, style: { readonly factor: number }): number {
  let longest = 0;
  for (let start = 0; ;) {
    const end = text.indexOf("\n", start);
    longest = Math.max(longest, columnsBetween(text, start, end < 0 ? text.length : end, 2));
    if (end < 0) break;
    start = end + 1;
  }
  return longest * style.factor;
}

/** Columns a string takes: two for each CJK or full-width character, and for ★, which CJK fonts draw wide. */
export function displayWidth(text: string): number {
  return columnsBetween(text, 0, text.length, 2);
}

/**
 * The sheet with its chart on a printed page of its own where the rows above and the chart may not fit one
 * page: a chart cut by a page break prints its top on one page and its legend on the next (it is shorter than
 * any page). The page starts at `first`, the first row that belongs with the chart (the chart's own, or a
 * paragraph that reads with it), after the blank row above it: at the chart's own row, LibreOffice prints the
 * chart frame's top edge at the foot of the table's page.
 */
export function keepChartWhole(spec: SheetSpec, first = spec.charts?.[0]?.anchor.from.row): SheetSpec {
  const chart = spec.charts?.[0];
  if (!chart || first === undefined || fitsOnePage(spec, chart.anchor.to)) return spec;
  const breakBefore = first - 1;
  // Print titles head every printed page. Where the tables fit the first page, the only other page is the
  // chart's, and the table's header printed alone at its top heads no row of it.
  const { repeatRows, ...print } = spec.print;
  const titled = repeatRows && !fitsOnePage(spec, { row: breakBefore, column: spec.columns.length });
  return { ...spec, print: { ...print, ...(titled && { repeatRows }), pageBreaksBefore: [breakBefore] } };
}

/** Points of a row without a height of its own, and of a column of the hosts' default width. */
const DEFAULT_ROW_POINTS = 15;
const DEFAULT_COLUMN_CHARACTERS = 8.43;
/**
 * A landscape A4 page (842 × 595 points) less margins, header and footer, on the small side of what Excel and
 * LibreOffice leave (LibreOffice prints about 500 × 730 points of it), so that "fits" is never said of a sheet
 * that does not.
 */
const PAGE_POINTS = { width: 680, height: 440 };

/**
 * Whether rows and columns before `end` print on one page, at the scale that prints the sheet one page wide.
 * An estimate from the widths and heights the spec gives (a character of the default font about 7 pixels).
 */
export function fitsOnePage(
  spec: SheetSpec,
  end: { readonly row: number; readonly column: number },
): boolean {
  let width = 0;
  for (let c = 0; c < Math.max(end.column, spec.columns.length); c++)
    width += (((spec.columns[c] ?? DEFAULT_COLUMN_CHARACTERS) + 0.7) * 7 + 5) * 0.75;
  let height = 0;
  for (let r = 0; r < end.row; r++) height += spec.rows[r]?.height ?? DEFAULT_ROW_POINTS;
  const scale = Math.min(1, PAGE_POINTS.width / width);
  return height * scale <= PAGE_POINTS.height;
}
