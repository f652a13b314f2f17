// The layout every generated sheet is built with: rows added top to bottom, merges within a row, and the
// column widths and row heights fitted to the content when the sheet is finished.

import type { CheckResult } from "../check";
import type { Catalogue } from "../i18n/catalogue";
import type { Locale, Settings } from "../settings";
import { columnsBetween } from "../values/text";
import type { CellRange } from "../workbook";
import type {
  CellStyle,
  ChartSpec,
  DataBar,
  GeneratedKind,
  SheetSpec,
  SpecCell,
  SpecRow,
  StyleName,
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

/** Rows added top to bottom; widths and heights are fitted to the content when the sheet is finished. */
export class Layout {
  private readonly rows: Array<Array<SpecCell | null>> = [];
  private readonly merges: CellRange[] = [];
  /** Every merge here lies within one row. */
  private readonly mergesByRow = new Map<number, CellRange[]>();

  constructor(
    private readonly cx: SheetContext,
    private readonly width: number,
    private readonly maxWidths: readonly number[] = [],
  ) {}

  get lastRow(): number {
    return this.rows.length - 1;
  }

  /** The array becomes the row itself (merge fills it in), so each call passes one of its own. */
  add(cells: Array<SpecCell | null>): number {
    this.rows.push(cells);
    return this.rows.length - 1;
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

  /** Merges a row from `left` to `right` (the last column); the covered cells take the first cell's style. */
  merge(row: number, left = 0, right = this.width - 1): void {
    const cells = this.rows[row]!;
    const first = cells[left];
    for (let c = left + 1; c <= right; c++) cells[c] = first ? { value: null, style: first.style } : null;
    const range = { top: row, left, bottom: row, right };
    this.merges.push(range);
    const list = this.mergesByRow.get(row);
    if (list) list.push(range);
    else this.mergesByRow.set(row, [range]);
  }

  finish(kind: GeneratedKind, options: FinishOptions): SheetSpec {
    const measured = this.measure();
    const columns = this.fitWidths(measured);
    const rows: SpecRow[] = this.rows.map((cells, r) => {
      const height = this.fitHeight(r, cells, measured, columns);
      return height === undefined ? { cells } : { height, cells };
    });
    const { catalogue } = this.cx;
    return {
      kind,
      name: catalogue.output.sheetNames[kind],
      columns,
      rows,
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
  }

  /**
   * Each cell's text width, measured once for both the column widths and the row heights; 0 when empty. A
   * notices sheet of a large check has hundreds of thousands of cells: each style's metrics are looked up once
   * (not by name at every cell), and whether a text has line breaks is noted for the heights.
   */
  private measure(): Measured {
    const rows = this.rows;
    let stride = 0;
    for (const cells of rows) if (cells.length > stride) stride = cells.length;
    // One array for the whole sheet: a large one has a hundred thousand rows.
    const widths = new Float64Array(rows.length * stride);
    const multiline = new Uint8Array(rows.length * stride);
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r]!;
      const base = r * stride;
      for (let c = 0; c < cells.length; c++) {
        const spec = cells[c];
        if (!spec || spec.value === null) continue;
        const text = shownText(spec);
        const style = this.metrics(spec.style);
        if (text.indexOf("\n") < 0) widths[base + c] = columnsBetween(text, 0, text.length, 2) * style.factor;
        else {
          widths[base + c] = textWidth(text, style);
          multiline[base + c] = 1;
        }
      }
    }
    return { widths, multiline, stride };
  }

  private readonly knownMetrics = new Map<StyleName, StyleMetrics>();

  /** A style's metrics by its name, worked out the first time the sheet uses it. */
  private metrics(name: StyleName): StyleMetrics {
    let metrics = this.knownMetrics.get(name);
    if (metrics === undefined) this.knownMetrics.set(name, (metrics = styleMetrics(this.cx.styles[name])));
    return metrics;
  }

  private fitWidths({ widths: measured, stride }: Measured): number[] {
    const widths = new Array<number>(this.width).fill(0);
    this.rows.forEach((cells, r) => {
      const merges = this.mergesByRow.get(r);
      const last = Math.min(cells.length, this.width);
      for (let c = 0; c < last; c++) {
        if (!cells[c] || (merges && mergeAt(merges, c))) continue;
        widths[c] = Math.max(widths[c]!, measured[r * stride + c]!);
      }
    });
    return widths.map((w, c) =>
      Math.min(this.maxWidths[c] ?? MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(w) + 2)),
    );
  }

  /** A height for rows whose text wraps onto more lines, or whose font is larger; undefined for the rest. */
  private fitHeight(
    r: number,
    cells: ReadonlyArray<SpecCell | null>,
    { widths, multiline, stride }: Measured,
    columns: readonly number[],
  ): number | undefined {
    const merges = this.mergesByRow.get(r);
    let height = 0;
    for (let c = 0; c < cells.length; c++) {
      const spec = cells[c];
      if (!spec || spec.value === null) continue;
      const style = this.metrics(spec.style);
      const merge = merges && mergeAt(merges, c);
      if (merge && merge.left !== c) continue;
      let lines = 1;
      if (style.wrap) {
        let available = columns[c] ?? MIN_WIDTH;
        if (merge) for (let k = c + 1; k <= merge.right; k++) available += columns[k] ?? 0;
        const perLine = Math.max(1, available - 1);
        // A text of one line, nearly every one, wraps by the width already measured for the column widths.
        lines =
          multiline[r * stride + c] === 1
            ? shownText(spec)
                .split("\n")
                .reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line, style) / perLine)), 0)
            : Math.max(1, Math.ceil(widths[r * stride + c]! / perLine));
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

/** Cell widths in Excel's character units, row r's cell c at r * stride + c. */
interface Measured {
  readonly widths: Float64Array;
  /** 1 where the text has line breaks. */
  readonly multiline: Uint8Array;
  readonly stride: number;
}

function mergeAt(merges: readonly CellRange[], column: number): CellRange | undefined {
  return merges.find((m) => m.left <= column && column <= m.right);
}

function lineHeight(size: number): number {
  return Math.ceil(size * 1.4);
}

/** The text a cell shows, as far as its width goes. */
function shownText(spec: SpecCell): string {
  const { value } = spec;
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return "0000-00-00";
  if (spec.style === "percent" || spec.style === "totalPercent") return `${(value * 100).toFixed(1)}%`;
  if (spec.style === "number" || spec.style === "totalNumber")
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
  return chart && first !== undefined && !fitsOnePage(spec, chart.anchor.to)
    ? { ...spec, print: { ...spec.print, pageBreaksBefore: [first - 1] } }
    : spec;
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
