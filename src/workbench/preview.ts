// A generated sheet's first rows as an HTML table's model: texts formatted as Excel shows them, the styles'
// colours and alignment as CSS, merged cells as spans, data bars as a coloured background. Plain data, so
// that it is tested without a browser; SheetPreviewTable draws it.

import type { CSSProperties } from "react";
import { formatDay } from "../core/day";
import type { CellStyle, SpecValue, StyleName } from "../core/output/spec";
import type { SheetPreview } from "./protocol";

export interface PreviewCellModel {
  /** 0-based, in the sheet. */
  readonly column: number;
  readonly text: string;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly style: CSSProperties;
  /** A column header of the table (the top row of the filter range). */
  readonly header: boolean;
  readonly link?: { readonly sheet: string; readonly cell: string };
}

export interface PreviewRowModel {
  /** 0-based, in the sheet. */
  readonly row: number;
  readonly height?: number;
  /** The last row kept in view by the sheet's frozen panes: it stays at the top while scrolling. */
  readonly sticky: boolean;
  readonly cells: readonly PreviewCellModel[];
}

export interface PreviewTableModel {
  /** Pixels per column. */
  readonly widths: readonly number[];
  readonly rows: readonly PreviewRowModel[];
  /** Rows the sheet has beyond those shown. */
  readonly hiddenRows: number;
}

/** Excel's column width in characters to pixels at 100% (about 7 px a character, plus padding). */
export function columnPixels(characters: number): number {
  return Math.round(characters * 7 + 5);
}

/** Points (row heights, font sizes) to CSS pixels. */
const px = (points: number) => Math.round((points * 4) / 3);

const BORDER = "1px solid #BFC5CC";

/** A cell style as CSS, for a light "paper" background whatever the page's theme. */
export function cellCss(style: CellStyle | undefined): CSSProperties {
  const css: CSSProperties = {
    verticalAlign: style?.vertical === "top" ? "top" : style?.vertical === "center" ? "middle" : "bottom",
    whiteSpace: style?.wrap ? "pre-wrap" : "pre",
    overflow: "hidden",
    textOverflow: style?.wrap ? undefined : "ellipsis",
  };
  if (!style) return css;
  if (style.bold) css.fontWeight = 600;
  if (style.size !== undefined && style.size !== 11) css.fontSize = `${px(style.size)}px`;
  if (style.color) css.color = `#${style.color}`;
  if (style.fill) css.backgroundColor = `#${style.fill}`;
  if (style.border) css.border = BORDER;
  if (style.horizontal) css.textAlign = style.horizontal;
  if (style.underline) css.textDecoration = "underline";
  return css;
}

/**
 * A value as the cell shows it under its number format: the formats the generated sheets use (percentages,
 * thousands, fixed decimals, dates), General otherwise.
 * @example formatValue(0.8534, "0.0%") // "85.3%"
 */
export function formatValue(value: SpecValue, numberFormat: string | undefined): string {
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return formatDay(value.day);
  if (!Number.isFinite(value)) return String(value);
  const format = numberFormat ?? "General";
  const percent = /^0(?:\.(0+))?%$/.exec(format);
  if (percent) return `${(value * 100).toFixed(percent[1]?.length ?? 0)}%`;
  const fixed = /^(#,##)?0(?:\.(0+))?$/.exec(format);
  if (fixed) {
    const digits = fixed[2]?.length ?? 0;
    return fixed[1]
      ? value.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })
      : value.toFixed(digits);
  }
  // General: up to 11 significant digits, as Excel shows them in a normal column.
  return String(Number(value.toPrecision(11)));
}

/** The table's model for a preview: merged cells once with their spans, the cells under them left out. */
export function previewModel(
  preview: SheetPreview,
  styles: Readonly<Record<StyleName, CellStyle>>,
): PreviewTableModel {
  const covered = new Set<string>();
  const spans = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const range of preview.merges) {
    spans.set(`${range.top}:${range.left}`, {
      rowSpan: range.bottom - range.top + 1,
      colSpan: range.right - range.left + 1,
    });
    for (let r = range.top; r <= range.bottom; r++)
      for (let c = range.left; c <= range.right; c++)
        if (r !== range.top || c !== range.left) covered.add(`${r}:${c}`);
  }
  const bars = preview.dataBars;
  const barAt = (row: number, column: number) =>
    bars.find(
      (bar) =>
        row >= bar.range.top &&
        row <= bar.range.bottom &&
        column >= bar.range.left &&
        column <= bar.range.right,
    );
  const css = new Map<StyleName, CSSProperties>();
  const cssOf = (name: StyleName) => {
    let found = css.get(name);
    if (!found) css.set(name, (found = cellCss(styles[name])));
    return found;
  };
  const headerRow = preview.freezeRows > 0 ? preview.freezeRows - 1 : -1;
  const columnCount = Math.max(preview.columns.length, ...preview.rows.map((row) => row.cells.length));

  const rows = preview.rows.map((specRow, r): PreviewRowModel => {
    const cells: PreviewCellModel[] = [];
    for (let c = 0; c < columnCount; c++) {
      if (covered.has(`${r}:${c}`)) continue;
      const cell = specRow.cells[c] ?? null;
      const span = spans.get(`${r}:${c}`) ?? { rowSpan: 1, colSpan: 1 };
      const style = cell ? styles[cell.style] : undefined;
      let cellStyle = cell ? cssOf(cell.style) : cellCss(undefined);
      const bar = cell && typeof cell.value === "number" ? barAt(r, c) : undefined;
      if (bar && typeof cell?.value === "number") {
        const percent = Math.round(Math.max(0, Math.min(1, cell.value)) * 100);
        cellStyle = {
          ...cellStyle,
          // Excel's gradient bar: the colour fading to the right, the value readable over it.
          backgroundImage: `linear-gradient(90deg, #${bar.color}B3 0%, #${bar.color}33 ${percent}%, transparent ${percent}%)`,
        };
      }
      cells.push({
        column: c,
        text: cell ? formatValue(cell.value, style?.numberFormat) : "",
        rowSpan: span.rowSpan,
        colSpan: span.colSpan,
        style: cellStyle,
        header: r === headerRow && cell?.style === "header",
        ...(cell?.link ? { link: cell.link } : {}),
      });
    }
    return {
      row: r,
      ...(specRow.height !== undefined ? { height: px(specRow.height) } : {}),
      sticky: r === headerRow,
      cells,
    };
  });
  return {
    widths: Array.from({ length: columnCount }, (_, c) => columnPixels(preview.columns[c] ?? 9)),
    rows,
    hiddenRows: Math.max(0, preview.totalRows - preview.rows.length),
  };
}
