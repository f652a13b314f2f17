// Writes values into chosen cells of a person's worksheet (the answers a merge takes): only those cells change,
// each keeping its own style; the rows without an edit are copied as bytes, never parsed.

import { excelSerialFromDay } from "../../../core/day";
import { cellPosition, columnLetter, isDateCell, parseRange, type CellValue } from "../../../core/workbook";
import { unwritablePart } from "../errors";
import { relatedPart } from "../opc";
import { concatenated, type OpcPackage } from "../package";
import { checkWellFormed, digitsOf, isSpace, textOf } from "../reader/scan";
import {
  applyEdits,
  attributeOf,
  childNamed,
  childrenNamed,
  eachTopLevel,
  inlineStringXml,
  joinOutline,
  outline,
  parseXml,
  qualified,
  removeAttributeInTag,
  setAttributeInTag,
  type ElementAt,
  type Outline,
  type TextEdit,
  type XmlElement,
} from "../xml";
import { emptyStyles, freeStylesName, STYLES_CONTENT_TYPE } from "./apply";
import { CellFormats } from "./styles";
import { WorkbookParts } from "./workbook";

/** One cell to write: its row (1-based, as the sheet numbers it), its column (zero-based) and its value. */
export interface CellEdit {
  readonly row: number;
  readonly column: number;
  readonly value: CellValue;
}

/** Why a cell cannot take a value without breaking the formulas of other cells. */
export type CellEditProblem = "sharedFormula" | "arrayFormula";

/** A cell whose value cannot be written: nothing of the package was changed. */
export class CellEditError extends Error {
  override readonly name = "CellEditError";

  constructor(
    readonly sheet: string,
    /** A1 reference. */
    readonly cell: string,
    readonly problem: CellEditProblem,
  ) {
    super(
      `${sheet}!${cell}: ${
        problem === "sharedFormula"
          ? "its formula is the one other cells share"
          : "it is part of an array formula over several cells"
      }`,
    );
  }
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_383;
/** The date format a cell gets when neither it nor its column shows dates: as the generated sheets write them. */
const DATE_FORMAT = "yyyy-mm-dd";
/** How many rows each way from an edited one are read, at most, to find the date format its column uses. */
const DATE_SEARCH_ROWS = 500;

/**
 * Writes `edits` into the worksheet `sheetName`: texts as inline strings, numbers, booleans, dates as serials
 * in the workbook's date system, null to empty a cell. A cell keeps its style (a date where the style shows
 * none gets the column's date format, else yyyy-mm-dd, on a copy of its style); a missing cell or row is
 * inserted in order, taking the row's or the column's style as Excel does; an edited cell's formula goes
 * (and the calculation chain with it, which Excel rebuilds). A later edit of the same cell wins.
 * The rows with edits are parsed and parsed back; every other byte of the sheet is copied.
 * @throws CellEditError when a cell holds the master of a shared formula or is part of a larger array formula
 * @throws Error when there is no such worksheet, or an edit is outside the sheet
 */
export function setCellValues(pkg: OpcPackage, sheetName: string, edits: readonly CellEdit[]): void {
  if (edits.length === 0) return;
  const wanted = editsByRow(edits);
  const workbook = new WorkbookParts(pkg);
  const entry = workbook.sheets().find((sheet) => sheet.name === sheetName);
  if (!entry || !entry.part || !pkg.has(entry.part))
    throw new Error(`The workbook has no worksheet named ${sheetName}`);
  const part = entry.part;
  const styles = new Styles(pkg, workbook);
  const lastRow = Math.max(...wanted.keys());
  const editor = new SheetEditor(pkg, part, sheetName, workbook.date1904, styles, lastRow);
  const { outlineText, hidden, hiddenStartTag, placeholderStart, formulasRemoved } = editor.edit(wanted);

  // Everything is worked out before the first part changes: a refused edit leaves the package as it was.
  parseXml(outlineText, part, 0);
  const shape: Outline = { ...editor.shape, hidden, hiddenStartTag, placeholderStart };
  const joined = joinOutline(shape, outlineText);
  pkg.setBytes(part, joined.bytes, true);
  if (joined.hidden) pkg.note(part, "sheetData", joined.hidden);
  styles.save();
  if (formulasRemoved) {
    const chain = relatedPart(pkg, workbook.part, "calcChain");
    if (chain !== undefined) workbook.removeRelatedPart(chain);
  }
}

/** The edits by row, then by column, both ascending; the last edit of a cell wins. */
function editsByRow(edits: readonly CellEdit[]): Map<number, Map<number, CellValue>> {
  const rows = new Map<number, Map<number, CellValue>>();
  for (const { row, column, value } of edits) {
    const inside = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;
    if (!inside(row, MAX_ROW) || row === 0 || !inside(column, MAX_COLUMN))
      throw new Error(`No such cell: row ${row}, column ${column}`);
    if (typeof value === "number" && !Number.isFinite(value))
      throw new Error(`${columnLetter(column)}${row}: ${value} is not a number a cell can hold`);
    let cells = rows.get(row);
    if (!cells) rows.set(row, (cells = new Map()));
    cells.set(column, value);
  }
  const sorted = new Map([...rows].sort(([a], [b]) => a - b));
  for (const [row, cells] of sorted) sorted.set(row, new Map([...cells].sort(([a], [b]) => a - b)));
  return sorted;
}

/** The workbook's cell formats, read and added to only when a date needs one. */
class Styles {
  private formats: CellFormats | undefined;
  private part: string | undefined;

  constructor(
    private readonly pkg: OpcPackage,
    private readonly workbook: WorkbookParts,
  ) {}

  get(): CellFormats {
    if (this.formats) return this.formats;
    this.part = relatedPart(this.pkg, this.workbook.part, "styles");
    const xml = this.part === undefined ? emptyStyles(this.workbook.ns) : this.pkg.text(this.part);
    this.formats = new CellFormats(xml, this.part ?? "xl/styles.xml");
    return this.formats;
  }

  /** Writes the styles part where a format was added (adding the part where the workbook had none). */
  save(): void {
    if (!this.formats?.changed) return;
    if (this.part !== undefined) this.pkg.setText(this.part, this.formats.xml);
    else {
      const name = freeStylesName(this.pkg, this.workbook);
      this.workbook.addRelatedPart(name, this.formats.xml, "styles", STYLES_CONTENT_TYPE);
    }
  }
}

/** A row of the sheet as found in its bytes: its number and where it is in the sheetData bytes. */
interface RowAt extends ElementAt {
  readonly number: number;
}

/** A parsed row (or cell), in a document of its own that gives it the namespaces in scope in the sheet. */
interface ParsedRow {
  readonly text: string;
  readonly row: XmlElement;
  readonly cells: ReadonlyArray<{ readonly element: XmlElement; readonly column: number }>;
}

class SheetEditor {
  readonly shape: Outline;
  private readonly root: XmlElement;
  private readonly main: string;
  private readonly data: XmlElement | undefined;
  /** The root's and sheetData's start tags (sheetData opened), before a row parsed on its own. */
  private readonly before: string;
  private readonly after: string;
  private readonly rows: RowAt[] = [];
  /** Where sheetData's end tag begins in its bytes; -1 when it is self-closing or was not reached. */
  private readonly closeStart: number = -1;
  private readonly decoder = new TextDecoder("utf-8");
  private readonly encoder = new TextEncoder();
  private readonly dateFormats = new Map<number, number | undefined>();
  /** Column → its `<col style>`, looked up once. */
  private readonly columnStyles = new Map<number, number | undefined>();
  /** `style:column` → the style a date written there takes. */
  private readonly dateStyles = new Map<string, number>();
  private formulasRemoved = false;
  private readonly fileName: string;

  constructor(
    pkg: OpcPackage,
    private readonly part: string,
    private readonly sheet: string,
    private readonly date1904: boolean,
    private readonly styles: Styles,
    /** The last row edited: the rows some way past it are copied without being looked at. */
    lastRow: number,
  ) {
    this.shape = outline(pkg.bytes(part), "sheetData", part, pkg.noted(part, "sheetData"));
    this.root = this.shape.doc.root;
    this.main = this.root.uri;
    this.fileName = pkg.fileName;
    if (this.root.local !== "worksheet") throw unwritablePart(this.fileName, part, "not a worksheet");
    const { hidden, hiddenStartTag } = this.shape;
    this.data =
      hidden.length > 0 ? this.root.children.find((c) => c.start === this.shape.placeholderStart) : undefined;
    const dataName = this.data?.name ?? qualified(this.root.prefix, "sheetData");
    const dataTag =
      hidden.length > 0 ? openTag(this.decoder.decode(hidden.subarray(0, hiddenStartTag))) : `<${dataName}>`;
    const text = this.shape.doc.text;
    this.before = text.slice(this.root.start, this.root.openEnd) + dataTag;
    this.after = `</${dataName}></${this.root.name}>`;
    if (hidden.length > hiddenStartTag) {
      let previous = 0;
      let past = 0;
      this.closeStart = eachTopLevel(hidden, part, (at, nameStart, nameEnd) => {
        if (!isRowName(hidden, nameStart, nameEnd)) return false;
        const number = rowNumberOf(hidden, at, part) ?? previous + 1;
        previous = number;
        this.rows.push({ ...at, number });
        // Rows come in order: past the last edited one, only the few a date format is looked for in matter.
        return number > lastRow && ++past > DATE_SEARCH_ROWS;
      });
    }
  }

  edit(wanted: ReadonlyMap<number, ReadonlyMap<number, CellValue>>): {
    outlineText: string;
    hidden: Uint8Array;
    hiddenStartTag: number;
    placeholderStart: number;
    formulasRemoved: boolean;
  } {
    const found = new Map<number, number>();
    this.rows.forEach((row, i) => {
      if (wanted.has(row.number) && !found.has(row.number)) found.set(row.number, i);
    });
    const parsed = new Map<number, ParsedRow>();
    // One document for every edited row, in the worksheet's namespace context: a parser per row would cost a
    // merge of a few thousand answers more than the rest of it.
    const numbers = [...found.keys()];
    const many = this.parseMany(numbers.map((number) => this.rowText(this.rows[found.get(number)!]!)));
    numbers.forEach((number, k) => parsed.set(number, many[k]!));
    const pieces: Array<{ start: number; end: number; text: string; order: number }> = [];
    let order = 0;
    // Without a sheetData, the rows are written with it into the outline.
    const rows = this.shape.hidden.length > 0 ? [...wanted] : [];
    for (const [number, cells] of rows) {
      const i = found.get(number);
      if (i !== undefined) {
        const row = this.rows[i]!;
        const text = this.editRow(parsed.get(number)!, number, cells, parsed, i);
        pieces.push({ start: row.start, end: row.end, text, order: order++ });
      } else {
        const next = this.rows.findIndex((row) => row.number > number);
        const at = next >= 0 ? this.rows[next]!.start : this.closeStart;
        const text = this.newRow(number, cells, parsed, next >= 0 ? next : this.rows.length - 1);
        pieces.push({ start: at, end: at, text, order: order++ });
      }
    }
    // Every new row checked, together, where it will stand, by the scanner's strict check that every part
    // Duban writes passes (saxes reads about 15 MB/s; a merge's rows are megabytes): nothing unchecked
    // leaves here.
    if (pieces.length > 0) {
      const text = this.before + pieces.map((piece) => piece.text).join("") + this.after;
      checkWellFormed(this.encoder.encode(text), this.part);
    }
    return {
      ...this.outlineWithDimension(wanted),
      ...this.hiddenWith(pieces),
      formulasRemoved: this.formulasRemoved,
    };
  }

  /** sheetData's new bytes: the old ones with the rows replaced and inserted, opened where it was `<sheetData/>`. */
  private hiddenWith(pieces: Array<{ start: number; end: number; text: string; order: number }>): {
    hidden: Uint8Array;
    hiddenStartTag: number;
  } {
    const { hidden, hiddenStartTag } = this.shape;
    const chunks: Uint8Array[] = [];
    let end: Uint8Array | undefined;
    let startTag = hiddenStartTag;
    let source = hidden;
    if (hidden.length > 0 && this.closeStart < 0 && hidden.length === hiddenStartTag) {
      // <sheetData/>: opened, and the new rows go before its new end tag.
      const opened = this.encoder.encode(openTag(this.decoder.decode(hidden)));
      source = opened;
      startTag = opened.length;
      end = this.encoder.encode(`</${this.data!.name}>`);
      for (const piece of pieces) Object.assign(piece, { start: opened.length, end: opened.length });
    }
    pieces.sort((a, b) => a.start - b.start || a.order - b.order);
    let at = 0;
    for (const piece of pieces) {
      chunks.push(source.subarray(at, piece.start), this.encoder.encode(piece.text));
      at = piece.end;
    }
    chunks.push(source.subarray(at));
    if (end) chunks.push(end);
    if (hidden.length === 0) {
      // No sheetData at all: it is written whole into the outline (see outlineWithDimension).
      return { hidden, hiddenStartTag };
    }
    return { hidden: concatenated(chunks), hiddenStartTag: startTag };
  }

  /**
   * The outline with the dimension widened to the edited cells where it says less, and a sheetData where the
   * sheet had none (a worksheet without one is not valid, but a reader takes it as empty).
   */
  private outlineWithDimension(wanted: ReadonlyMap<number, ReadonlyMap<number, CellValue>>): {
    outlineText: string;
    placeholderStart: number;
  } {
    const text = this.shape.doc.text;
    const edits: TextEdit[] = [];
    const dimension = childNamed(this.root, this.main, "dimension");
    const range = dimension ? parseRange(attributeOf(dimension, "ref") ?? "") : undefined;
    if (dimension && range) {
      let { top, left, bottom, right } = range;
      for (const [row, cells] of wanted) {
        for (const column of cells.keys()) {
          top = Math.min(top, row - 1);
          bottom = Math.max(bottom, row - 1);
          left = Math.min(left, column);
          right = Math.max(right, column);
        }
      }
      if (top !== range.top || left !== range.left || bottom !== range.bottom || right !== range.right) {
        const ref = `${columnLetter(left)}${top + 1}:${columnLetter(right)}${bottom + 1}`;
        const tag = setAttributeInTag(text.slice(dimension.start, dimension.openEnd), "ref", ref);
        edits.push({ start: dimension.start, end: dimension.openEnd, text: tag });
      }
    }
    if (this.shape.hidden.length === 0) {
      const rows = [...wanted].map(([number, cells]) => this.newRow(number, cells, new Map(), -1));
      const name = qualified(this.root.prefix, "sheetData");
      const earlier = this.root.children.filter(
        (c) => c.uri === this.main && BEFORE_SHEET_DATA.includes(c.local),
      );
      const at = earlier.length > 0 ? earlier[earlier.length - 1]!.end : this.root.openEnd;
      edits.push({ start: at, end: at, text: `<${name}>${rows.join("")}</${name}>` });
    }
    const outlineText = applyEdits(text, edits);
    const shift = edits
      .filter((edit) => edit.end <= this.shape.placeholderStart && this.shape.hidden.length > 0)
      .reduce((n, edit) => n + edit.text.length - (edit.end - edit.start), 0);
    return {
      outlineText,
      placeholderStart:
        this.shape.hidden.length > 0 ? this.shape.placeholderStart + shift : outlineText.length,
    };
  }

  private rowText(row: ElementAt): string {
    return this.decoder.decode(this.shape.hidden.subarray(row.start, row.end));
  }

  /** A row's text parsed where it stands: inside the worksheet's and sheetData's start tags. */
  private parse(rowText: string): ParsedRow {
    return this.parseMany([rowText])[0]!;
  }

  /** Rows' texts parsed as they stand side by side in sheetData, in one document that they share. */
  private parseMany(rowTexts: readonly string[]): ParsedRow[] {
    if (rowTexts.length === 0) return [];
    const text = this.before + rowTexts.join("") + this.after;
    const rows = parseXml(text, this.part).root.children[0]?.children ?? [];
    if (rows.length !== rowTexts.length || rows.some((row) => row.uri !== this.main || row.local !== "row"))
      throw unwritablePart(this.fileName, this.part, "sheetData holds something other than rows");
    return rows.map((row) => {
      let previous = -1;
      const cells = childrenNamed(row, this.main, "c").map((element) => {
        const ref = attributeOf(element, "r");
        const column = (ref === undefined ? undefined : cellPosition(ref)?.column) ?? previous + 1;
        previous = column;
        return { element, column };
      });
      return { text, row, cells };
    });
  }

  /** The row with its cells written, parsed back. */
  private editRow(
    parsed: ParsedRow,
    number: number,
    cells: ReadonlyMap<number, CellValue>,
    all: ReadonlyMap<number, ParsedRow>,
    near: number,
  ): string {
    const { text, row } = parsed;
    const edits: TextEdit[] = [];
    const rowStyle = inheritedRowStyle(row);
    const insertAt = row.selfClosing ? row.end : row.closeStart;
    for (const [column, value] of cells) {
      const ref = `${columnLetter(column)}${number}`;
      const existing = parsed.cells.find((cell) => cell.column === column)?.element;
      if (existing) {
        edits.push({
          start: existing.start,
          end: existing.end,
          text: this.replaceCell(text, existing, ref, value, column, all, near),
        });
        continue;
      }
      const next = parsed.cells.find((cell) => cell.column > column)?.element;
      const style = rowStyle ?? this.columnStyle(column);
      const at = next ? next.start : insertAt;
      edits.push({
        start: at,
        end: at,
        text: this.newCell(row.prefix, ref, value, style, column, all, near),
      });
    }
    let startTag = text.slice(row.start, row.openEnd);
    const spans = attributeOf(row, "spans");
    if (spans !== undefined) startTag = setAttributeInTag(startTag, "spans", widenSpans(spans, cells.keys()));
    if (row.selfClosing) {
      // <row r="5"/>: opened, its start tag replaced at once with the new cells after it.
      const inserted = edits.map((edit) => edit.text).join("");
      return `${openTag(startTag)}${inserted}</${row.name}>`;
    }
    edits.push({ start: row.start, end: row.openEnd, text: startTag });
    // The row's own text edited, not the document it shares with the other edited rows.
    const own = edits.map((edit) => ({ ...edit, start: edit.start - row.start, end: edit.end - row.start }));
    return applyEdits(text.slice(row.start, row.end), own);
  }

  /** A row the sheet did not have, with its cells in column order. */
  private newRow(
    number: number,
    cells: ReadonlyMap<number, CellValue>,
    all: ReadonlyMap<number, ParsedRow>,
    near: number,
  ): string {
    const prefix = this.data?.prefix ?? this.root.prefix;
    const inner = [...cells]
      .map(([column, value]) =>
        this.newCell(
          prefix,
          `${columnLetter(column)}${number}`,
          value,
          this.columnStyle(column),
          column,
          all,
          near,
        ),
      )
      .join("");
    return `<${qualified(prefix, "row")} r="${number}">${inner}</${qualified(prefix, "row")}>`;
  }

  private newCell(
    prefix: string,
    ref: string,
    value: CellValue,
    style: number | undefined,
    column: number,
    all: ReadonlyMap<number, ParsedRow>,
    near: number,
  ): string {
    const s = isDateCell(value) ? this.dateStyle(style ?? 0, column, all, near) : style;
    const { type, content } = this.valueXml(prefix, value);
    const attrs = `${qualified(prefix, "c")} r="${ref}"${s ? ` s="${s}"` : ""}${type ? ` t="${type}"` : ""}`;
    return content ? `<${attrs}>${content}</${qualified(prefix, "c")}>` : `<${attrs}/>`;
  }

  private replaceCell(
    text: string,
    cell: XmlElement,
    ref: string,
    value: CellValue,
    column: number,
    all: ReadonlyMap<number, ParsedRow>,
    near: number,
  ): string {
    const formula = childNamed(cell, this.main, "f");
    if (formula) {
      const kind = attributeOf(formula, "t");
      const span = parseRange(attributeOf(formula, "ref") ?? "");
      const wider = span !== undefined && (span.top !== span.bottom || span.left !== span.right);
      if (kind === "shared" && wider) throw new CellEditError(this.sheet, ref, "sharedFormula");
      if ((kind === "array" || kind === "dataTable") && wider)
        throw new CellEditError(this.sheet, ref, "arrayFormula");
      this.formulasRemoved = true;
    }
    let tag = text.slice(cell.start, cell.openEnd);
    // The value's type goes with the old value; cm (a dynamic array's) with the formula; vm (rich data) with both.
    for (const name of ["t", "cm", "vm"]) tag = removeAttributeInTag(tag, name);
    if (isDateCell(value)) {
      const style = Number(attributeOf(cell, "s") ?? 0) || 0;
      const s = this.dateStyle(style, column, all, near);
      if (s !== style) tag = setAttributeInTag(tag, "s", String(s));
    }
    const { type, content } = this.valueXml(cell.prefix, value);
    if (type) tag = setAttributeInTag(tag, "t", type);
    // What else a cell may hold (its extLst) stays; the formula and the old value go.
    const kept = cell.children
      .filter((child) => !(child.uri === this.main && ["f", "v", "is"].includes(child.local)))
      .map((child) => text.slice(child.start, child.end))
      .join("");
    if (!content && !kept) return tag.endsWith("/>") ? tag : tag.replace(/\s*>$/, "/>");
    return `${openTag(tag)}${content}${kept}</${cell.name}>`;
  }

  private valueXml(prefix: string, value: CellValue): { type?: string; content: string } {
    const v = (text: string) => `<${qualified(prefix, "v")}>${text}</${qualified(prefix, "v")}>`;
    if (value === null || value === "") return { content: "" };
    if (typeof value === "string") return { type: "inlineStr", content: inlineStringXml(value, prefix) };
    if (typeof value === "boolean") return { type: "b", content: v(value ? "1" : "0") };
    if (typeof value === "number") return { content: v(String(value)) };
    return { content: v(String(excelSerialFromDay(value.day, this.date1904))) };
  }

  /** A cell format for a date: `style` where it shows one, else it with the column's date format (or yyyy-mm-dd). */
  private dateStyle(
    style: number,
    column: number,
    all: ReadonlyMap<number, ParsedRow>,
    near: number,
  ): number {
    // A merge writes a completion date into many cells of one column that share a style: worked out once.
    const key = `${style}:${column}`;
    let dated = this.dateStyles.get(key);
    if (dated === undefined) {
      const formats = this.styles.get();
      if (formats.isDate(style)) dated = style;
      else {
        const numFmtId = this.columnDateFormat(column, all, near) ?? formats.numberFormat(DATE_FORMAT);
        dated = formats.withNumberFormat(style, numFmtId);
      }
      this.dateStyles.set(key, dated);
    }
    return dated;
  }

  /**
   * The date format the column's cells already show: in the rows being edited, then in the rows nearest them
   * (at most DATE_SEARCH_ROWS each way, so that a large sheet is not read whole for it).
   */
  private columnDateFormat(
    column: number,
    all: ReadonlyMap<number, ParsedRow>,
    near: number,
  ): number | undefined {
    if (this.dateFormats.has(column)) return this.dateFormats.get(column);
    const formats = this.styles.get();
    const dateIn = (parsed: ParsedRow): number | undefined => {
      const cell = parsed.cells.find((c) => c.column === column)?.element;
      const style = cell ? Number(attributeOf(cell, "s") ?? 0) || 0 : 0;
      return cell && formats.isDate(style) ? formats.numFmtId(style) : undefined;
    };
    let found: number | undefined;
    for (const parsed of all.values()) if ((found ??= dateIn(parsed)) !== undefined) break;
    for (let d = 0; found === undefined && d <= DATE_SEARCH_ROWS && this.rows.length > 0; d++) {
      for (const i of d === 0 ? [near] : [near - d, near + d]) {
        const row = this.rows[i];
        if (row && found === undefined) found = dateIn(this.parse(this.rowText(row)));
      }
      if (near - d <= 0 && near + d >= this.rows.length - 1) break;
    }
    this.dateFormats.set(column, found);
    return found;
  }

  /** The style a new cell takes from its column (`<col style>`), as Excel gives a typed cell. */
  private columnStyle(column: number): number | undefined {
    if (!this.columnStyles.has(column)) this.columnStyles.set(column, this.readColumnStyle(column));
    return this.columnStyles.get(column);
  }

  private readColumnStyle(column: number): number | undefined {
    const cols = childNamed(this.root, this.main, "cols");
    for (const col of cols ? childrenNamed(cols, this.main, "col") : []) {
      const min = Number(attributeOf(col, "min"));
      const max = Number(attributeOf(col, "max"));
      if (column + 1 >= min && column + 1 <= max) {
        const style = Number(attributeOf(col, "style") ?? 0);
        return Number.isInteger(style) && style > 0 ? style : undefined;
      }
    }
    return undefined;
  }
}

/** The elements of CT_Worksheet before sheetData. */
const BEFORE_SHEET_DATA = ["sheetPr", "dimension", "sheetViews", "sheetFormatPr", "cols"];

/** The style of a row formatted whole (customFormat), which a new cell in it takes. */
function inheritedRowStyle(row: XmlElement): number | undefined {
  const custom = attributeOf(row, "customFormat");
  if (custom !== "1" && custom !== "true") return undefined;
  const style = Number(attributeOf(row, "s") ?? 0);
  return Number.isInteger(style) && style > 0 ? style : undefined;
}

/** A row's spans ("1:5") widened to hold the edited columns where it does not. */
function widenSpans(spans: string, columns: Iterable<number>): string {
  const ranges = spans
    .trim()
    .split(/\s+/)
    .map((span) => span.split(":").map(Number));
  const numbers = ranges.flat().filter(Number.isInteger);
  if (numbers.length === 0) return spans;
  const wanted = [...columns].map((c) => c + 1);
  const inside = (c: number) =>
    ranges.some(([a, b]) => a !== undefined && b !== undefined && a <= c && c <= b);
  if (wanted.every(inside)) return spans;
  return `${Math.min(...numbers, ...wanted)}:${Math.max(...numbers, ...wanted)}`;
}

/** A start tag made an opening one: `<x a="1"/>` becomes `<x a="1">`. */
function openTag(tag: string): string {
  return tag.replace(/\s*\/>$/, ">");
}

const ROW = [0x72, 0x6f, 0x77]; // row

/** Whether the name at [from, to) is `row` or `prefix:row`. */
function isRowName(bytes: Uint8Array, from: number, to: number): boolean {
  if (to - from < 3 || bytes[to - 3] !== ROW[0] || bytes[to - 2] !== ROW[1] || bytes[to - 1] !== ROW[2])
    return false;
  return to - from === 3 || bytes[to - 4] === 0x3a;
}

/** A row's r attribute, read from its start tag's bytes; undefined when it has none. */
function rowNumberOf(bytes: Uint8Array, at: ElementAt, part: string): number | undefined {
  let p = at.start + 1;
  const end = at.openEnd;
  while (p < end && !isSpace(bytes[p]!) && bytes[p] !== 0x3e && bytes[p] !== 0x2f) p++;
  while (p < end) {
    while (p < end && isSpace(bytes[p]!)) p++;
    const nameStart = p;
    while (p < end && bytes[p] !== 0x3d && !isSpace(bytes[p]!) && bytes[p] !== 0x3e && bytes[p] !== 0x2f) p++;
    const nameEnd = p;
    while (p < end && (isSpace(bytes[p]!) || bytes[p] === 0x3d)) p++;
    const quote = bytes[p];
    if (quote !== 0x22 && quote !== 0x27) return undefined;
    const valueStart = ++p;
    while (p < end && bytes[p] !== quote) p++;
    const valueEnd = p++;
    if (nameEnd - nameStart === 1 && bytes[nameStart] === 0x72 /* r */) {
      const digits = digitsOf(bytes, valueStart, valueEnd);
      const number = digits >= 0 ? digits : Number(textOf(bytes, valueStart, valueEnd, false, part, false));
      return Number.isInteger(number) && number >= 1 ? number : undefined;
    }
  }
  return undefined;
}
