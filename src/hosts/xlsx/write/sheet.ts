// Writes a generated sheet (a SheetSpec from the core) as SpreadsheetML, every text as text, never a formula.

import { excelSerialFromDay } from "../../../core/day";
import {
  specGrid,
  type SheetSpec,
  type SpecGrid,
  type SpecValue,
  type StyleName,
  type Validation,
} from "../../../core/output/spec";
import { columnLetter, type CellRange } from "../../../core/workbook";
import { quotedSheet } from "../../../core/output/names";
import { TRANSITIONAL, type ClassNamespaces } from "../opc";
import { attributesText, escapeAttr, escapeText, inlineStringXml } from "../xml";
import { Utf8Pieces } from "../utf8";

export { quotedSheet };

export const rangeRef = (r: CellRange) =>
  r.top === r.bottom && r.left === r.right
    ? cellRef(r.top, r.left)
    : `${cellRef(r.top, r.left)}:${cellRef(r.bottom, r.right)}`;
export const cellRef = (row: number, column: number) => `${columnLetter(column)}${row + 1}`;
/** `$B$5:$B$9` (or `$B$5` for one cell): a range as defined names and chart formulas hold it. */
export const absoluteRangeRef = (r: CellRange) => {
  const at = (row: number, column: number) => `$${columnLetter(column)}$${row + 1}`;
  const first = at(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? first : `${first}:${at(r.bottom, r.right)}`;
};

export interface SheetXmlOptions {
  readonly xfIndex: Readonly<Record<StyleName, number>>;
  readonly date1904: boolean;
  /** The namespaces of the package's conformance class (transitional when absent). */
  readonly ns?: ClassNamespaces;
  /** The relationship id of the sheet's drawing (its charts), when it has one. */
  readonly drawing?: string;
}

/** The sheet's part, as UTF-8. */
export function sheetXml(spec: SheetSpec, options: SheetXmlOptions): Uint8Array {
  const grid = specGrid(spec);
  const { rowStart } = grid;
  const rowCount = rowStart.length - 1;
  const lastColumn = Math.max(spec.columns.length, widestRow(rowStart)) - 1;
  const lastRow = rowCount - 1;
  const out = new Utf8Pieces();
  out.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    `<worksheet xmlns="${(options.ns ?? TRANSITIONAL).main}" xmlns:r="${(options.ns ?? TRANSITIONAL).relationships}">`,
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>`,
    `<dimension ref="A1:${cellRef(Math.max(0, lastRow), Math.max(0, lastColumn))}"/>`,
    sheetView(spec.freezeRows),
    `<sheetFormatPr defaultRowHeight="15"/>`,
  );
  if (spec.columns.length > 0) {
    out.push("<cols>");
    spec.columns.forEach((width, c) => {
      // Excel's width unit is a character of the default font plus a little padding.
      out.push(`<col min="${c + 1}" max="${c + 1}" width="${(width + 0.7).toFixed(2)}" customWidth="1"/>`);
    });
    out.push("</cols>");
  }
  out.push("<sheetData>");
  // A large check writes sheets of tens of thousands of rows: each column's letters and each style's
  // attribute made once.
  const letters = Array.from({ length: lastColumn + 1 }, (_, c) => columnLetter(c));
  const styleAttributes = grid.styleNames.map((name) => ` s="${options.xfIndex[name]}"`);
  const links = rowsXml(grid, out, letters, styleAttributes, options.date1904);
  out.push("</sheetData>");
  // Without a password: a guide against slips. Resizing rows and columns stays allowed (0 = not protected).
  if (spec.protect)
    out.push(`<sheetProtection sheet="1" objects="1" scenarios="1" formatColumns="0" formatRows="0"/>`);
  if (spec.autoFilter) out.push(`<autoFilter ref="${rangeRef(spec.autoFilter)}"/>`);
  if (spec.merges.length > 0) {
    out.push(`<mergeCells count="${spec.merges.length}">`);
    for (const merge of spec.merges) out.push(`<mergeCell ref="${rangeRef(merge)}"/>`);
    out.push("</mergeCells>");
  }
  spec.dataBars.forEach((bar, i) => {
    out.push(
      `<conditionalFormatting sqref="${rangeRef(bar.range)}"><cfRule type="dataBar" priority="${i + 1}"><dataBar>` +
        `<cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="FF${bar.color.toUpperCase()}"/>` +
        `</dataBar></cfRule></conditionalFormatting>`,
    );
  });
  if (spec.validations && spec.validations.length > 0) out.push(validationsXml(spec.validations, options));
  if (links.length > 0) out.push(`<hyperlinks>${links.join("")}</hyperlinks>`);
  out.push(
    `<printOptions horizontalCentered="1"/>`,
    `<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>`,
    `<pageSetup paperSize="9" orientation="${spec.print.landscape ? "landscape" : "portrait"}" fitToWidth="1" fitToHeight="0"/>`,
    `<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>`,
  );
  const breaks = spec.print.pageBreaksBefore ?? [];
  if (breaks.length > 0) {
    out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">`);
    // A break's id is the last row (1-based) of the page before it.
    for (const row of breaks) out.push(`<brk id="${row}" max="16383" man="1"/>`);
    out.push("</rowBreaks>");
  }
  if (options.drawing !== undefined) out.push(`<drawing${attributesText([["r:id", options.drawing]])}/>`);
  out.push("</worksheet>");
  return out.bytes();
}

/** The most cells of any row. */
function widestRow(rowStart: Uint32Array): number {
  let widest = 0;
  for (let r = 0; r + 1 < rowStart.length; r++) widest = Math.max(widest, rowStart[r + 1]! - rowStart[r]!);
  return widest;
}

/**
 * The rows of sheetData into `out`, a row's cells gathered into one string; the sheet's hyperlink elements
 * back. A function of its own, given the grid and strings alone: inside sheetXml, V8 optimised the whole of
 * sheetXml for this loop (the hottest of a checked copy's writing) three to five times over a 100,000-row
 * check, and threw it away where a sheet's spec had another shape or the code after the loop had not run yet.
 */
function rowsXml(
  grid: SpecGrid,
  out: Utf8Pieces,
  letters: readonly string[],
  styleAttributes: readonly string[],
  date1904: boolean,
): string[] {
  const { rowStart, values, styles, linkCells, linkTargets, heights } = grid;
  const rowCount = rowStart.length - 1;
  const links: string[] = [];
  // Each link's sheet quoted once.
  const quotedSheets = new Map<string, string>();
  // The next cell with a link; -1 after the last (read past its end, the list would cost the loop its speed).
  let nextLink = 0;
  let linkAt = linkCells.length > 0 ? linkCells[0]! : -1;
  for (let r = 0; r < rowCount; r++) {
    const number = r + 1;
    const height = heights[r]!;
    let xml = height === 0 ? `<row r="${number}">` : `<row r="${number}" ht="${height}" customHeight="1">`;
    const start = rowStart[r]!;
    for (let i = start; i < rowStart[r + 1]!; i++) {
      const value = values[i];
      if (value === undefined) continue;
      const ref = `${letters[i - start]}${number}`;
      xml += cellXml(value, ref, styleAttributes[styles[i]!]!, date1904);
      if (i === linkAt) {
        const link = linkTargets[nextLink++]!;
        linkAt = nextLink < linkCells.length ? linkCells[nextLink]! : -1;
        let sheet = quotedSheets.get(link.sheet);
        if (sheet === undefined)
          quotedSheets.set(link.sheet, (sheet = escapeAttr(`${quotedSheet(link.sheet)}!`)));
        const display = escapeAttr(link.cell);
        links.push(`<hyperlink ref="${ref}" location="${sheet}${display}" display="${display}"/>`);
      }
    }
    out.push(`${xml}</row>`);
  }
  return links;
}

/** Excel refuses to open a file with a longer list formula, title or message (and says it is damaged). */
const LIST_LIMIT = 255;
const TITLE_LIMIT = 32;
const MESSAGE_LIMIT = 255;

/**
 * The sheet's data validations: a list's words as one quoted formula (Excel's own form for a typed list), a
 * date range as serials in the workbook's date system.
 * @throws Error when a list, title or message is longer than Excel takes, or a word holds a comma or a quote
 */
export function validationsXml(validations: readonly Validation[], options: SheetXmlOptions): string {
  const items = validations.map((v) => {
    let type: string;
    let formulas: string;
    let extra: Array<readonly [string, string | undefined]> = [];
    if (v.kind === "list") {
      if (v.values.some((word) => /[,"]/.test(word)))
        throw new Error(`A list validation's word holds a comma or a quote: ${v.values.join(" | ")}`);
      const list = `"${v.values.join(",")}"`;
      if (list.length - 2 > LIST_LIMIT) throw new Error(`A list validation is over ${LIST_LIMIT} characters`);
      type = "list";
      formulas = `<formula1>${escapeText(list)}</formula1>`;
      extra = [["errorStyle", v.strict ? undefined : "warning"]];
    } else {
      type = "date";
      const serial = (day: number) => excelSerialFromDay(day, options.date1904);
      formulas = `<formula1>${serial(v.min)}</formula1><formula2>${serial(v.max)}</formula2>`;
      extra = [["operator", "between"]];
    }
    for (const message of [v.prompt, v.error]) {
      if (!message) continue;
      if (message.title.length > TITLE_LIMIT || message.text.length > MESSAGE_LIMIT)
        throw new Error(`A validation message is longer than Excel takes: ${message.title}`);
    }
    return `<dataValidation${attributesText([
      ["type", type],
      ...extra,
      ["allowBlank", "1"],
      ["showInputMessage", v.prompt ? "1" : undefined],
      ["showErrorMessage", "1"],
      ["errorTitle", v.error?.title],
      ["error", v.error?.text],
      ["promptTitle", v.prompt?.title],
      ["prompt", v.prompt?.text],
      ["sqref", rangeRef(v.range)],
    ])}>${formulas}</dataValidation>`;
  });
  return `<dataValidations count="${items.length}">${items.join("")}</dataValidations>`;
}

function sheetView(freezeRows: number): string {
  if (freezeRows <= 0) return `<sheetViews><sheetView workbookViewId="0"/></sheetViews>`;
  const topLeft = `A${freezeRows + 1}`;
  return (
    `<sheetViews><sheetView workbookViewId="0">` +
    `<pane ySplit="${freezeRows}" topLeftCell="${topLeft}" activePane="bottomLeft" state="frozen"/>` +
    `<selection pane="bottomLeft" activeCell="${topLeft}" sqref="${topLeft}"/>` +
    `</sheetView></sheetViews>`
  );
}

/** A cell at `ref` with its style attribute (` s="3"`). */
function cellXml(value: SpecValue, ref: string, style: string, date1904: boolean): string {
  if (value === null || value === "") return `<c r="${ref}"${style}/>`;
  if (typeof value === "number") {
    return Number.isFinite(value) ? `<c r="${ref}"${style}><v>${value}</v></c>` : `<c r="${ref}"${style}/>`;
  }
  if (typeof value === "object") {
    const serial = excelSerialFromDay(value.day, date1904);
    return `<c r="${ref}"${style}><v>${serial}</v></c>`;
  }
  // An inline string is text whatever it starts with: "=SUM(A1)" can never become a formula.
  return `<c r="${ref}"${style} t="inlineStr">${inlineStringXml(value)}</c>`;
}

/** A worksheet with these texts down column A, as inline strings (Duban's record and settings sheets). */
export function columnSheetXml(texts: readonly string[], ns: ClassNamespaces = TRANSITIONAL): string {
  const rows = texts
    .map((text, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr">${inlineStringXml(text)}</c></row>`)
    .join("");
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${ns.main}"><sheetData>${rows}</sheetData></worksheet>`
  );
}
