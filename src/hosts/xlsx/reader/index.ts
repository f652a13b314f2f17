// Reads a workbook package into the engine's WorkbookModel: the sheets as grids of plain values, found
// through the package's relationships, in either conformance class, whatever prefixes its parts use.

import { parseIsoDay } from "../../../core/day";
import { numberFormatKind, type FormatKind } from "../../../core/values/number-format";
import { pictureCell } from "../../../core/values/picture";
import {
  cellPosition,
  DateCells,
  parseRange,
  type CellRange,
  type CellValue,
  type ExcelTable,
  type FormulasWithoutValues,
  type OtherSheet,
  type OtherSheetKind,
  type SheetGrid,
  type WorkbookModel,
} from "../../../core/workbook";
import {
  classOf,
  readRelationships,
  relatedPart,
  relationshipKind,
  STRICT,
  TRANSITIONAL,
  workbookPartOf,
  type ClassNamespaces,
} from "../opc";
import type { OpcPackage } from "../package";
import { attributeOf, childNamed, childrenNamed, parseXml, type ElementAt, type XmlElement } from "../xml";
import { BUILT_IN_FORMATS } from "./formats";
import { pictureValueMetadata } from "./pictures";
import {
  AMP,
  ascii,
  CR,
  digitsOf,
  find,
  decode,
  GT,
  isSpace,
  letterNameEnd,
  lineEnds,
  LT,
  SLASH,
  startsWith,
  textOf,
  XMLNS,
  XmlScanner,
  type Attributes,
} from "./scan";

/** Which sheets to read in full; the rest are read only as far as `headRows` rows (to find the table). */
export interface ReadPlan {
  /** Sheets read whole; every sheet when absent. */
  readonly full?: (name: string) => boolean;
  /**
   * Sheets read whole, chosen once the first `headRows` rows of every sheet are read (the engine finds its
   * table, roster and the rest there): the others stay at those rows. Takes the place of `full`.
   */
  readonly choose?: (heads: WorkbookModel) => ReadonlySet<string>;
  /** How many rows of the other sheets. */
  readonly headRows?: number;
  /**
   * Keeps the sheets' inflated bytes after reading them: the caller writes a copy of the package, whose
   * task sheet it edits around the cells (they are let go of otherwise: tens of megabytes on a large sheet).
   */
  readonly keep?: boolean;
}

/** What a workbook shares between its sheets: the date system, the styles' formats, the shared strings. */
interface Context {
  readonly ns: ClassNamespaces;
  readonly xfFormats: readonly (string | undefined)[];
  readonly kinds: (FormatKind | undefined)[];
  readonly strings: readonly string[];
  readonly dateCells: DateCells;
  /** The cells' value metadata (vm, 1-based) that are pictures placed in cells (pictureValueMetadata). */
  readonly pictures: ReadonlySet<number>;
}

/**
 * The workbook's worksheets in tab order (chart sheets, macro and dialog sheets are not grids of tasks).
 * @throws XmlPartError when a part it reads is not well-formed, namespace-correct XML or has a DOCTYPE
 */
export async function readWorkbookModel(
  pkg: OpcPackage,
  fileName: string,
  plan: ReadPlan = {},
): Promise<WorkbookModel> {
  const workbookPart = workbookPartOf(pkg);
  const workbook = parseXml(pkg.text(workbookPart), workbookPart);
  const ns = classOf(workbook);
  const root = workbook.root;
  const pr = childNamed(root, ns.main, "workbookPr");
  const date1904Value = pr ? attributeOf(pr, "date1904") : undefined;
  const date1904 = date1904Value === "1" || date1904Value === "true";
  const rels = new Map(readRelationships(pkg, workbookPart).list.map((rel) => [rel.id, rel]));
  const stylesPart = relatedPart(pkg, workbookPart, "styles");
  const stringsPart = relatedPart(pkg, workbookPart, "sharedStrings");
  const xfFormats = stylesPart === undefined ? [] : cellFormats(pkg, stylesPart, ns);
  const found: Array<{ name: string; part: string; hidden: boolean; tables: ExcelTable[] }> = [];
  const otherSheets: OtherSheet[] = [];
  const list = childNamed(root, ns.main, "sheets");
  const tabs = list ? childrenNamed(list, ns.main, "sheet") : [];
  for (const sheet of tabs) {
    const id =
      attributeOf(sheet, "id", TRANSITIONAL.relationships) ?? attributeOf(sheet, "id", STRICT.relationships);
    const rel = id === undefined ? undefined : rels.get(id);
    const kind = rel && otherSheetKind(rel.type);
    if (kind) otherSheets.push({ name: attributeOf(sheet, "name") ?? "", kind });
    if (!rel || rel.part === undefined || relationshipKind(rel.type) !== "worksheet" || !pkg.has(rel.part))
      continue;
    const state = attributeOf(sheet, "state");
    const part = pkg.storedName(rel.part)!;
    found.push({
      name: attributeOf(sheet, "name") ?? "",
      part,
      hidden: state === "hidden" || state === "veryHidden",
      tables: sheetTables(pkg, part, ns),
    });
  }
  // A large sheet is read as it inflates, a piece at a time on zlib's threads, so that the whole of it is
  // never held, where nothing needs its bytes kept (a checked copy edits around its cells, and inflates them
  // whole on those threads ahead, see OpcPackage.inflateLater). Large shared strings are always read so: no
  // one edits them.
  const streamed = new Set(
    found.map((sheet) => sheet.part).filter((part) => !plan.keep && pkg.streamsLater(part)),
  );
  pkg.inflateLater(found.map((sheet) => sheet.part).filter((part) => !streamed.has(part)));
  const context: Context = {
    ns,
    xfFormats,
    kinds: new Array<FormatKind | undefined>(xfFormats.length),
    strings: stringsPart === undefined ? [] : await sharedStrings(pkg, stringsPart, ns),
    dateCells: new DateCells(date1904),
    pictures: pictureValueMetadata(pkg, workbookPart, ns),
  };
  const activeSheet = activeTabName(root, ns, tabs);
  // What the model says of the workbook besides its worksheets' grids.
  const besides = {
    ...(otherSheets.length > 0 ? { otherSheets } : {}),
    ...(activeSheet === undefined ? {} : { activeSheet }),
  };
  for (const sheet of found) if (!streamed.has(sheet.part)) await pkg.settle(sheet.part);
  const headRows = plan.headRows ?? 30;
  const read = async (sheet: (typeof found)[number], whole: boolean): Promise<SheetGrid> => {
    // An Excel Table's header row is a header wherever it is: a sheet's first rows reach it (and the row
    // below, for a two-row header).
    const rowLimit = sheet.tables.reduce(
      (limit, table) => Math.max(limit, table.range.top + 2),
      whole ? Infinity : headRows,
    );
    return {
      name: sheet.name,
      ...(await readSheet(pkg, sheet.part, context, rowLimit, streamed.has(sheet.part))),
      hidden: sheet.hidden,
      ...(sheet.tables.length > 0 && { tables: sheet.tables }),
    };
  };
  let sheets: SheetGrid[];
  if (plan.choose) {
    // Every sheet's first rows, then the chosen ones again, whole (the shared strings are read once).
    const heads: SheetGrid[] = [];
    for (const sheet of found) heads.push(await read(sheet, false));
    const chosen = plan.choose({ fileName, sheets: heads, ...besides });
    sheets = [];
    for (const [i, sheet] of found.entries())
      sheets.push(chosen.has(sheet.name) ? await read(sheet, true) : heads[i]!);
  } else {
    sheets = [];
    for (const sheet of found)
      sheets.push(await read(sheet, plan.full === undefined || plan.full(sheet.name)));
  }
  // The sheets' XML is read: what the package kept of it inflated is tens of megabytes on a large sheet.
  if (!plan.keep) {
    for (const sheet of found) pkg.release(sheet.part);
    if (stringsPart !== undefined) pkg.release(stringsPart);
  }
  // Every part is held to its declared size before the model is trusted, those never read too.
  await pkg.settle();
  return { fileName, sheets, ...besides };
}

/**
 * The name of the sheet the workbook opens on: the first workbook view's activeTab, an index into the sheets in
 * tab order (chart sheets too), 0 when absent, as the schema defaults it. Undefined where it names no sheet.
 */
function activeTabName(
  root: XmlElement,
  ns: ClassNamespaces,
  tabs: readonly XmlElement[],
): string | undefined {
  const views = childNamed(root, ns.main, "bookViews");
  const view = views ? childNamed(views, ns.main, "workbookView") : undefined;
  const index = Number((view ? attributeOf(view, "activeTab") : undefined) ?? 0);
  const tab = Number.isInteger(index) && index >= 0 ? tabs[index] : undefined;
  return tab ? attributeOf(tab, "name") : undefined;
}

/** The relationship types Microsoft defined beyond the standard's (macro sheets among them). */
const MS_RELATIONSHIPS = "http://schemas.microsoft.com/office/2006/relationships";

/**
 * A sheet of the workbook that is no worksheet, by its relationship's type: chart and dialog sheets in either
 * conformance class, and macro sheets, whose types are Microsoft's own (xlMacrosheet, and xlIntlMacrosheet
 * for an international one).
 */
function otherSheetKind(type: string): OtherSheetKind | undefined {
  const kind = relationshipKind(type);
  if (kind === "chartsheet") return "chart";
  if (kind === "dialogsheet") return "dialog";
  if (type === `${MS_RELATIONSHIPS}/xlMacrosheet` || type === `${MS_RELATIONSHIPS}/xlIntlMacrosheet`)
    return "macro";
  return undefined;
}

/**
 * Each cell format's number format code (cellXfs order), from the styles part's own table or Excel's built-ins.
 * Read by the scanner: a merge reads the styles of forty returns, which saxes took a twentieth of its time over.
 */
function cellFormats(pkg: OpcPackage, part: string, ns: ClassNamespaces): (string | undefined)[] {
  const custom = new Map<number, string>();
  const ids: number[] = [];
  // The first <numFmts> and the first <cellXfs> under the root, as a reader of one of each takes them.
  let inside: "numFmts" | "cellXfs" | undefined;
  const seen = new Set<string>();
  const scanner = new XmlScanner(
    part,
    {
      open(uri, local, attributes) {
        if (uri !== ns.main) return;
        const depth = scanner.depth;
        if (depth === 1 && (local === "numFmts" || local === "cellXfs") && !seen.has(local)) {
          seen.add(local);
          inside = local;
        } else if (depth === 2 && inside === "numFmts" && local === "numFmt") {
          const id = Number(attributes.get("numFmtId"));
          const code = attributes.get("formatCode");
          if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
        } else if (depth === 2 && inside === "cellXfs" && local === "xf") {
          ids.push(Number(attributes.get("numFmtId") ?? 0));
        }
      },
      close(uri, local) {
        if (uri === ns.main && scanner.depth === 1 && local === inside) inside = undefined;
      },
      text() {},
    },
    () => false,
    [ns.main],
  );
  streamText(pkg, part, scanner);
  return ids.map((id) => custom.get(id) ?? BUILT_IN_FORMATS.get(id));
}

/**
 * A worksheet's Excel Tables, from the table parts its relationships name: each one's range, name and header
 * and totals rows. A table part that is missing or names no range is no table (Excel repairs such a file).
 * @throws XmlPartError when a table part is not well-formed XML
 */
function sheetTables(pkg: OpcPackage, sheetPart: string, ns: ClassNamespaces): ExcelTable[] {
  const tables: ExcelTable[] = [];
  for (const rel of readRelationships(pkg, sheetPart).list) {
    if (rel.part === undefined || relationshipKind(rel.type) !== "table" || !pkg.has(rel.part)) continue;
    const part = pkg.storedName(rel.part)!;
    const root = parseXml(pkg.text(part), part).root;
    if (root.uri !== ns.main || root.local !== "table") continue;
    const range = parseRange(attributeOf(root, "ref") ?? "");
    if (!range) continue;
    const count = (name: string, otherwise: number): number => {
      const value = Number(attributeOf(root, name) ?? otherwise);
      return Number.isInteger(value) && value >= 0 ? value : otherwise;
    };
    tables.push({
      name: attributeOf(root, "displayName") ?? attributeOf(root, "name") ?? "",
      range,
      headerRows: Math.min(1, count("headerRowCount", 1)),
      totalsRows: Math.min(1, count("totalsRowCount", 0)),
    });
  }
  return tables;
}

/**
 * The shared string table's texts: each item's own text and its runs', without phonetic runs (rPh). A large
 * table is read as it inflates (OpcPackage.streamLater), as a large sheet is: as plain text while every item
 * has the plain shape, and by the scanner, from its start again, where one does not.
 */
async function sharedStrings(pkg: OpcPackage, part: string, ns: ClassNamespaces): Promise<string[]> {
  if (pkg.streamsLater(part)) {
    const plain = new PlainSharedStrings(part, ns);
    let taken = true;
    await pkg.streamLater(part, (chunk) => (taken = plain.push(chunk)));
    const strings = taken ? plain.end() : undefined;
    if (strings) return strings;
  }
  const strings: string[] = [];
  let item: string[] | undefined;
  let phonetic = 0;
  const plain = new PlainTexts();
  const scanner = new XmlScanner(
    part,
    {
      open(uri, local) {
        if (uri !== ns.main) return;
        if (local === "si") item = [];
        else if (local === "rPh") phonetic++;
        else if (local === "sst") scanner.setShortcut(ns.main, plainItem);
      },
      close(uri, local) {
        if (uri !== ns.main) return;
        if (local === "si") {
          strings.push(unescapeXstring(item?.join("") ?? ""));
          item = undefined;
        } else if (local === "rPh") phonetic--;
      },
      text(bytes, from, to, cdata) {
        if (item && phonetic === 0) item.push(textOf(bytes, from, to, cdata, part));
      },
    },
    (uri, local) => uri === ns.main && local === "t",
    [ns.main],
  );
  /**
   * An item as most writers write most items, `<si><t>`text`</t></si>` (or `<t xml:space="preserve">`), its
   * text without references or carriage returns: its bytes are put aside and decoded with all the others at
   * the end, in one call instead of one a string. Anything else is the scanner's.
   */
  function plainItem(s: Uint8Array, lt: number, n: number): number {
    if (s[lt + 1] !== 115 /* s */ || s[lt + 2] !== 105 /* i */ || s[lt + 3] !== GT) return -1;
    let p = lt + 4;
    if (startsWith(s, p, T_OPEN)) p += T_OPEN.length;
    else if (startsWith(s, p, T_OPEN_PRESERVE)) p += T_OPEN_PRESERVE.length;
    else return -1;
    const from = p;
    for (; p < n; p++) {
      const c = s[p]!;
      if (c === LT) break;
      // A NUL (not XML, but a reader takes what it can) would split the texts wrongly.
      if (c === AMP || c === CR || c === 0) return -1;
    }
    if (!startsWith(s, p, ITEM_END)) return -1;
    plain.add(s, from, p, strings.length);
    strings.push("");
    return p + ITEM_END.length;
  }
  let read: string[] | undefined;
  // A large table not plain is streamed again for the scanner; one in memory whole may be read as text at once.
  if (pkg.streamsLater(part)) await streamTextLater(pkg, part, scanner);
  else streamText(pkg, part, scanner, (bytes) => (read = plainSharedStrings(bytes, part, ns)) !== undefined);
  if (read) return read;
  plain.decodeInto(strings);
  return strings;
}

const SST_ITEM = "<si>";
const SST_TEXT = "<t>";
const SST_TEXT_PRESERVE = `<t xml:space="preserve">`;
const SST_ITEM_END = "</t></si>";
const SST_EMPTY_ITEM = "<si><t/></si>";
const SST_END = "</sst>";

/**
 * A shared string table as most writers write one, read from its text with the string search the engine does
 * natively instead of byte by byte (half the time of a 100,000-item table): an unprefixed `<sst>` of the
 * main namespace holding nothing but items of one `<t>` each (`<t xml:space="preserve">`, `<t/>`), white space
 * between them at most. Each text is what the general reading gives it: line ends made LF, references
 * replaced, then Excel's _xHHHH_ escapes. Undefined for any other table (rich text, phonetic runs, a prefix,
 * CDATA, a comment among the items, a prolog the XML reader refuses): the scanner reads it, or says what is
 * wrong with it. For such a table the part's decoding (some 3 ms a megabyte) is work done twice.
 */
export function plainSharedStrings(
  bytes: Uint8Array,
  part: string,
  ns: ClassNamespaces,
): string[] | undefined {
  const reading = new PlainSharedStrings(part, ns);
  return reading.push(bytes) ? reading.end() : undefined;
}

/**
 * plainSharedStrings a piece at a time, as a large table inflates: each piece decoded as it comes (a character
 * cut between two pieces waits for the next), the items it completes read, and what follows the last of them
 * kept for the next piece. The table's XML is never held whole; the texts read are slices of their pieces'
 * decoded text, which stays alive through them (as the whole text did when it was decoded at once).
 */
export class PlainSharedStrings {
  private readonly decoder = new TextDecoder("utf-8");
  /** What is decoded and not read yet: the prolog before the first item, then what follows the last one read. */
  private rest = "";
  private started = false;
  private readonly strings: string[] = [];

  constructor(
    private readonly part: string,
    private readonly ns: ClassNamespaces,
  ) {}

  /** False as soon as the table is not plain: the scanner is to read it. */
  push(bytes: Uint8Array): boolean {
    return this.read(this.rest + this.decoder.decode(bytes, { stream: true }));
  }

  /** The texts, once the whole part is pushed; undefined for a table that is not plain, or has no item. */
  end(): string[] | undefined {
    const xml = this.rest + this.decoder.decode();
    if (!this.started) return undefined;
    let p = 0;
    while (isSpace(xml.charCodeAt(p))) p++;
    if (!xml.startsWith(SST_END, p)) return undefined;
    for (p += SST_END.length; p < xml.length; p++) if (!isSpace(xml.charCodeAt(p))) return undefined;
    return this.strings;
  }

  private read(xml: string): boolean {
    let p = 0;
    if (!this.started) {
      p = xml.indexOf(SST_ITEM);
      if (p < 0) {
        this.rest = xml;
        return xml.length <= LONGEST_PLAIN_REST;
      }
      try {
        // Up to the first item, the root's start tag and what comes before it: parsed as a whole part would be.
        const root = parseXml(`${xml.slice(0, p)}</sst>`, this.part).root;
        if (root.uri !== this.ns.main || root.local !== "sst" || root.children.length > 0) return false;
      } catch {
        return false;
      }
      this.started = true;
    }
    // The items this text holds whole: up to the end of the last item's end tag.
    const last = xml.lastIndexOf(SST_ITEM_CLOSE);
    const through = last < 0 ? -1 : last + SST_ITEM_CLOSE.length;
    const strings = this.strings;
    while (p < through) {
      if (xml.startsWith(SST_EMPTY_ITEM, p)) {
        strings.push("");
        p += SST_EMPTY_ITEM.length;
      } else {
        if (!xml.startsWith(SST_ITEM, p)) return false;
        let from = p + SST_ITEM.length;
        if (xml.startsWith(SST_TEXT, from)) from += SST_TEXT.length;
        else if (xml.startsWith(SST_TEXT_PRESERVE, from)) from += SST_TEXT_PRESERVE.length;
        else return false;
        const to = xml.indexOf("<", from);
        if (to < 0 || !xml.startsWith(SST_ITEM_END, to)) return false;
        let text = xml.slice(from, to);
        if (text.includes("\r")) text = lineEnds(text);
        if (text.includes("&")) text = decode(text, this.part);
        strings.push(unescapeXstring(text));
        p = to + SST_ITEM_END.length;
      }
      while (isSpace(xml.charCodeAt(p))) p++;
    }
    this.rest = xml.slice(p);
    // An item longer than any Excel writes, read again piece after piece, would cost its length each time.
    return this.rest.length <= LONGEST_PLAIN_REST;
  }
}

const SST_ITEM_CLOSE = "</si>";
/**
 * The most text kept between pieces: far more than an item of Excel's longest text (32,767 characters), so
 * that only a table no program writes is left to the scanner for it.
 */
const LONGEST_PLAIN_REST = 1 << 20;

/**
 * Texts put aside as UTF-8 bytes, each followed by a NUL (which XML text never holds), and decoded together:
 * one TextDecoder call and one split make a hundred thousand strings faster than a hundred thousand calls.
 */
class PlainTexts {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private readonly indexes: number[] = [];

  add(s: Uint8Array, from: number, to: number, index: number): void {
    const needed = this.length + (to - from) + 1;
    if (needed > this.bytes.length) {
      const grown = new Uint8Array(Math.max(needed, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, this.length));
      this.bytes = grown;
    }
    // Byte by byte: a text is some tens of bytes, and a subarray to set() from costs more than that.
    const bytes = this.bytes;
    let at = this.length;
    for (let p = from; p < to; p++) bytes[at++] = s[p]!;
    bytes[at++] = 0;
    this.length = at;
    this.indexes.push(index);
  }

  /** Each text in its place in `strings`, with Excel's _xHHHH_ escapes read. */
  decodeInto(strings: string[]): void {
    if (this.indexes.length === 0) return;
    const texts = new TextDecoder("utf-8").decode(this.bytes.subarray(0, this.length)).split("\u0000");
    this.indexes.forEach((index, i) => {
      strings[index] = unescapeXstring(texts[i]!);
    });
  }
}

const T_OPEN = ascii("<t>");
const T_OPEN_PRESERVE = ascii(`<t xml:space="preserve">`);
const ITEM_END = ascii("</t></si>");
const INLINE_END = ascii("</t></is></c>");
const INLINE_TYPE = ascii(` t="inlineStr"`);
const IS_OPEN = ascii("<is>");
const ROW_END = ascii("</row>");
/** How many rows the row shortcut may give back before a sheet is left to the cell shortcut alone. */
const ROWS_GIVEN_BACK = 32;

/** A byte of an attribute's name as writers write them: letters, digits, `:`, `_`, `-` and `.`. */
function isNameByte(c: number): boolean {
  const lower = c | 0x20;
  return (lower >= 97 && lower <= 122) || (c >= 48 && c <= 58) || c === 95 || c === 45 || c === 46;
}
const INLINE_STR = ascii("inlineStr");
const STR = ascii("str");
const HIDDEN = ascii("hidden");
const TRUE = ascii("true");

/** An xsd:boolean's true as written, `1` or `true` (white space around allowed, as the schema collapses it). */
function isTrueText(value: string | undefined): boolean {
  const text = value?.trim();
  return text === "1" || text === "true";
}

/** isTrueText of an attribute's bytes, without making a string. */
function isTrue(s: Uint8Array, from: number, to: number): boolean {
  while (from < to && isSpace(s[from]!)) from++;
  while (to > from && isSpace(s[to - 1]!)) to--;
  return (to - from === 1 && s[from] === 49) || (to - from === TRUE.length && startsWith(s, from, TRUE));
}

/** streamText for a large part read as it inflates on another thread (OpcPackage.streamLater). */
async function streamTextLater(pkg: OpcPackage, part: string, scanner: XmlScanner): Promise<void> {
  await pkg.streamLater(part, (chunk) => {
    scanner.push(chunk);
    return !scanner.stopped;
  });
  if (!scanner.stopped) scanner.end();
}

/**
 * Feeds a part to a scanner chunk by chunk as it is inflated, until the scanner stops. `whole`, given a part
 * that comes in one piece, may read it another way: where it returns true, the scanner is given nothing.
 */
function streamText(
  pkg: OpcPackage,
  part: string,
  scanner: XmlScanner,
  whole?: (bytes: Uint8Array) => boolean,
): void {
  let first = true;
  let taken = false;
  pkg.stream(part, (chunk, last) => {
    taken = first && last && whole !== undefined && whole(chunk);
    first = false;
    if (taken) return false;
    scanner.push(chunk);
    return !scanner.stopped;
  });
  if (!taken && !scanner.stopped) scanner.end();
}

interface GridParts {
  readonly rows: Array<CellValue[] | undefined>;
  readonly merges: CellRange[];
  readonly hiddenRows?: ReadonlySet<number>;
  readonly formulasWithoutValues?: FormulasWithoutValues;
}

/** How many cells of the first ones without a value a sheet names (the count is always whole). */
const FORMULAS_NAMED = 5;

/**
 * One worksheet's cells and merges; only its first `rowLimit` rows when that is finite. `streamed`: read as it
 * inflates (OpcPackage.streamLater), not whole.
 */
async function readSheet(
  pkg: OpcPackage,
  part: string,
  context: Context,
  rowLimit: number,
  streamed: boolean,
): Promise<GridParts> {
  const main = context.ns.main;
  const rows: Array<CellValue[] | undefined> = [];
  const merges: CellRange[] = [];
  const hiddenRows = new Set<number>();
  let row = -1;
  let column = -1;
  let type = "";
  let style = 0;
  /** The cell's value metadata (vm), 0 where it has none. */
  let metadata = 0;
  let value = "";
  /** The value as a number when it came as one piece of plain digits (a shared string index, a count), else -1. */
  let digits = -1;
  let pieces = 0;
  let inline: string | undefined;
  let phonetic = 0;
  let hasValue = false;
  let hasFormula = false;
  /** Formula cells with no value kept for them (a program wrote the file, and nothing calculated it). */
  let uncalculated = 0;
  const uncalculatedCells: Array<{ row: number; column: number }> = [];
  let rowsRead = 0;
  let scanner: XmlScanner | undefined = undefined;
  let sheetData: ElementAt | undefined;
  const inlineTexts = new InlineTexts();
  /** The cell just read, in its row at its column. */
  const store = (cell: CellValue): void => {
    if (cell !== null && row >= 0 && column >= 0) {
      let values = rows[row];
      if (!values) rows[row] = values = [];
      while (values.length < column) values.push(null);
      values[column] = cell;
    }
  };
  /**
   * Reads r, s or t (the cell's reference, style and type) into `type` and `style`; returns the column of
   * an r (-1 when it names none), else `at` as it was.
   */
  const cellAttribute = (name: number, bytes: Uint8Array, from: number, to: number, at: number): number => {
    if (name === 114 /* r */) {
      const found = columnOf(bytes, from, to);
      return found === -2 ? (cellPosition(textOf(bytes, from, to, false, part, false))?.column ?? -1) : found;
    }
    if (name === 116 /* t */) type = cellType(bytes, from, to) ?? textOf(bytes, from, to, false, part, false);
    else if (name === 115 /* s */) {
      const index = digitsOf(bytes, from, to);
      style = index >= 0 ? index : Number(textOf(bytes, from, to, false, part, false)) || 0;
    }
    return at;
  };
  /** The text inlineValue read last. */
  let inlineText = "";
  /**
   * An inline string's `<t>` (`<t xml:space="preserve">`) at `from`, just after its `<is>`, to the cell's end
   * (`</t></is></c>`): its text in inlineText, decoded once for each text met again (InlineTexts). Returns past
   * the cell, or -1 for any other shape (the general reading reads it).
   */
  const inlineValue = (s: Uint8Array, from: number, n: number): number => {
    if (startsWith(s, from, T_OPEN)) from += T_OPEN.length;
    else if (startsWith(s, from, T_OPEN_PRESERVE)) from += T_OPEN_PRESERVE.length;
    else return -1;
    let q = from;
    let hash = 0;
    for (let c = s[q]; q < n && c !== LT; c = s[++q]) hash = (Math.imul(hash, 31) + c!) | 0;
    if (!startsWith(s, q, INLINE_END)) return -1;
    let text = inlineTexts.find(s, from, q, hash);
    if (text === undefined) inlineTexts.add(s, from, q, hash, (text = textOf(s, from, q, false, part)));
    inlineText = text;
    return q + INLINE_END.length;
  };
  /**
   * A cell as most writers write most cells, read whole: `<c` with attributes named by letters alone, then
   * `/>`, `></c>`, `><v>` a value `</v></c>`, or `><is><t>` a text `</t></is></c>` (an inline string, as
   * openpyxl writes every text; `<t xml:space="preserve">` too). Anything else (a formula, rich text, phonetic
   * runs, CDATA, a comment, a prefix, a namespace declared, white space between the tags) is left to the scanner. What it reads, it
   * reads as the handler would: the same attributes, the same value functions (references decoded, line ends
   * normalised by textOf), the same store.
   */
  const cellShortcut = (s: Uint8Array, lt: number, n: number): number => {
    let p = lt + 2;
    if (p >= n || s[lt + 1] !== 99 /* c */ || !isSpace(s[p]!)) return -1;
    const plain = plainCell(s, lt, n);
    if (plain >= 0) return plain;
    type = "n";
    style = 0;
    metadata = 0;
    let at = -1;
    for (;;) {
      while (p < n && isSpace(s[p]!)) p++;
      if (p >= n) return -1;
      const c = s[p]!;
      if (c === GT || c === SLASH) break;
      const nameStart = p;
      p = letterNameEnd(s, p, n);
      if (p < 0) return -1;
      const nameLength = p - nameStart;
      const quote = s[++p];
      if (quote !== 34 && quote !== 39) return -1;
      const from = ++p;
      while (p < n && s[p] !== quote) p++;
      if (p >= n) return -1;
      if (nameLength === 1) at = cellAttribute(s[nameStart]!, s, from, p, at);
      else if (nameLength === 2 && s[nameStart] === 118 /* v */ && s[nameStart + 1] === 109 /* m */)
        metadata = digitsOf(s, from, p);
      p++;
    }
    // `/>`, `></c>` or `><v>`…`</v></c>`, byte by byte: this runs for every cell. Past the end of `s` a byte
    // reads as undefined, which matches nothing.
    let cell: CellValue;
    let past: number;
    if (s[p] === SLASH) {
      if (s[p + 1] !== GT) return -1;
      past = p + 2;
      cell = cellValue(type, style, undefined, undefined, context, metadata);
    } else if (s[p + 1] !== LT) return -1;
    else if (s[p + 2] === SLASH && s[p + 3] === 99 /* c */ && s[p + 4] === GT) {
      past = p + 5;
      cell = cellValue(type, style, undefined, undefined, context, metadata);
    } else if (s[p + 2] === 118 /* v */ && s[p + 3] === GT) {
      const from = p + 4;
      let q = from;
      while (q < n && s[q] !== LT) q++;
      if (!(q + 7 < n && isValueEnd(s, q))) return -1;
      past = q + 8;
      const digits = type === "s" || type === "n" ? digitsOf(s, from, q) : -1;
      cell =
        digits >= 0
          ? numericCell(type, style, digits, context)
          : cellValue(type, style, textOf(s, from, q, false, part), undefined, context, metadata);
    } else if (s[p + 2] === 105 /* i */ && s[p + 3] === 115 /* s */ && s[p + 4] === GT) {
      past = inlineValue(s, p + 5, n);
      if (past < 0) return -1;
      cell = cellValue(type, style, undefined, inlineText, context);
    } else return -1;
    column = at >= 0 ? at : column + 1;
    store(cell);
    return past;
  };
  /**
   * The commonest cell of all, in the one shape writers give it: `<c r="B7"`, then ` s="3"` and ` t="s"` or
   * either or neither, in that order, one space apart, then `/>` or `><v>`digits`</v></c>`. Read in one pass
   * without a string: most of a large sheet's cells. Also ` t="inlineStr"` then `><is><t>`, openpyxl's every
   * text (inlineValue). -1 for anything else (cellShortcut's loop reads it).
   */
  const plainCell = (s: Uint8Array, lt: number, n: number): number => {
    // ` r="` then letters then digits then `"`.
    let p = lt + 3;
    if (s[p] !== 114 /* r */ || s[p + 1] !== 61 /* = */ || s[p + 2] !== 34 /* " */) return -1;
    p += 3;
    let letters = 0;
    let at = 0;
    for (let c = s[p]! | 0x20; c >= 97 && c <= 122; c = s[++p]! | 0x20) {
      at = at * 26 + (c - 96);
      letters++;
    }
    if (letters === 0 || letters > 3) return -1;
    let rowNumber = 0;
    const digitsFrom = p;
    for (let d = s[p]! - 48; d >= 0 && d <= 9; d = s[++p]! - 48) rowNumber = rowNumber * 10 + d;
    if (p === digitsFrom || p - digitsFrom > 7 || rowNumber < 1 || s[p] !== 34) return -1;
    p++;
    let cellStyle = 0;
    if (s[p] === 32 && s[p + 1] === 115 /* s */ && s[p + 2] === 61 && s[p + 3] === 34) {
      p += 4;
      const from = p;
      for (let d = s[p]! - 48; d >= 0 && d <= 9; d = s[++p]! - 48) cellStyle = cellStyle * 10 + d;
      if (p === from || p - from > 9 || s[p] !== 34) return -1;
      p++;
    }
    let cellType = "n";
    if (s[p] === 32 && s[p + 1] === 116 /* t */ && s[p + 2] === 61 && s[p + 3] === 34 && s[p + 5] === 34) {
      const t = s[p + 4];
      if (t === 115 /* s */) cellType = "s";
      else if (t !== 110 /* n */) return -1;
      p += 6;
    } else if (startsWith(s, p, INLINE_TYPE)) {
      // openpyxl's every text: ` t="inlineStr"`, then `<is><t>`.
      cellType = "inlineStr";
      p += INLINE_TYPE.length;
    }
    let cell: CellValue;
    if (s[p] === SLASH && s[p + 1] === GT) {
      p += 2;
      cell = cellValue(cellType, cellStyle, undefined, undefined, context);
    } else if (cellType === "inlineStr") {
      if (!(s[p] === GT && startsWith(s, p + 1, IS_OPEN))) return -1;
      p = inlineValue(s, p + 1 + IS_OPEN.length, n);
      if (p < 0) return -1;
      cell = cellValue(cellType, cellStyle, undefined, inlineText, context);
    } else if (s[p] === GT && s[p + 1] === LT && s[p + 2] === 118 /* v */ && s[p + 3] === GT) {
      p += 4;
      const from = p;
      let value = 0;
      for (let d = s[p]! - 48; d >= 0 && d <= 9; d = s[++p]! - 48) value = value * 10 + d;
      if (p === from || p - from > 15 || s[p] !== LT || !(p + 7 < n && isValueEnd(s, p))) return -1;
      p += 8;
      cell = numericCell(cellType, cellStyle, value, context);
    } else return -1;
    type = cellType;
    style = cellStyle;
    column = at - 1;
    store(cell);
    return p;
  };
  /** A row begins: numbered `number` (1-based), or the one after the last when it says none. */
  const startRow = (number: number | undefined): void => {
    row = number === undefined ? row + 1 : number - 1;
    column = -1;
    if (!(row >= 0) || !Number.isInteger(row)) row = Math.max(0, rows.length);
  };
  /** A row ends: its cells kept, and the reading stopped once it has the rows it wants. */
  const endRow = (): void => {
    // An array grown cell by cell keeps half as much room again; a copy holds just its cells (a tenth of a
    // large read's memory).
    const values = rows[row];
    if (values) rows[row] = values.slice();
    rowsRead++;
    if (rowsRead >= rowLimit) scanner?.stop();
  };
  /** Rows the row shortcut began and gave back: past a few, it is not tried again on this sheet. */
  let rowsGivenBack = 0;
  /**
   * A whole row of cells the cell shortcut takes, read from `<row` to `</row>` without the scanner: its
   * attributes (only r is read; none may declare a namespace), then cells alone, white space between them.
   * A row with anything else (a formula, a comment, an element of its own) is given back whole: the general
   * reading reads it again, storing the same cells in the same places.
   */
  const rowShortcut = (s: Uint8Array, lt: number, n: number): number => {
    if (s[lt + 2] !== 111 /* o */ || s[lt + 3] !== 119 /* w */ || !isSpace(s[lt + 4]!)) return -1;
    let p = lt + 4;
    let number = -1;
    let hidden = false;
    for (;;) {
      while (p < n && isSpace(s[p]!)) p++;
      if (p >= n) return -1;
      if (s[p] === GT) break;
      const nameStart = p;
      while (p < n && isNameByte(s[p]!)) p++;
      const nameEnd = p;
      if (p === nameStart || s[p] !== 61 /* = */ || startsWith(s, nameStart, XMLNS)) return -1;
      const quote = s[++p];
      if (quote !== 34 && quote !== 39) return -1;
      const from = ++p;
      while (p < n && s[p] !== quote) p++;
      if (p >= n) return -1;
      if (nameEnd - nameStart === 1 && s[nameStart] === 114 /* r */) {
        number = digitsOf(s, from, p);
        if (number < 1) return -1;
      } else if (nameEnd - nameStart === HIDDEN.length && startsWith(s, nameStart, HIDDEN)) {
        hidden = isTrue(s, from, p);
      }
      p++;
    }
    p++;
    const before = row;
    startRow(number < 0 ? undefined : number);
    for (;;) {
      while (p < n && isSpace(s[p]!)) p++;
      const past = s[p] === LT && s[p + 1] === 99 /* c */ ? cellShortcut(s, p, n) : -1;
      if (past >= 0) {
        p = past;
        continue;
      }
      if (startsWith(s, p, ROW_END)) break;
      row = before;
      // A row cut by the end of a chunk (64 kB, or what the platform's inflater hands over) is not one the
      // shortcut cannot read: it is read whole next time.
      if (find(s, p, ROW_END) >= 0) rowsGivenBack++;
      return -1;
    }
    // Only now: a row given back is hidden by the general reading.
    if (hidden) hiddenRows.add(row);
    endRow();
    return p + ROW_END.length;
  };
  const sheetShortcut = (s: Uint8Array, lt: number, n: number): number =>
    s[lt + 1] === 114 /* r */ && rowsGivenBack < ROWS_GIVEN_BACK
      ? rowShortcut(s, lt, n)
      : cellShortcut(s, lt, n);
  const handler = {
    open(uri: string, local: string, attributes: Attributes, selfClosing: boolean): void {
      if (uri !== main) return;
      switch (local) {
        case "row": {
          const r = attributes.get("r");
          startRow(r === undefined ? undefined : Number(r));
          if (isTrueText(attributes.get("hidden"))) hiddenRows.add(row);
          return;
        }
        case "c": {
          // r, s and t in one pass over the attributes, read from the bytes: this runs for every cell.
          type = "n";
          style = 0;
          metadata = 0;
          let at = -1;
          const { offsets, bytes } = attributes;
          for (let k = 0; k < attributes.count; k++) {
            const o = k * 4;
            const length = offsets[o + 1]! - offsets[o]!;
            if (length === 1)
              at = cellAttribute(bytes[offsets[o]!]!, bytes, offsets[o + 2]!, offsets[o + 3]!, at);
            else if (length === 2 && bytes[offsets[o]!] === 118 && bytes[offsets[o]! + 1] === 109)
              metadata = digitsOf(bytes, offsets[o + 2]!, offsets[o + 3]!);
          }
          column = at >= 0 ? at : column + 1;
          value = "";
          digits = -1;
          pieces = 0;
          inline = undefined;
          hasValue = false;
          hasFormula = false;
          return;
        }
        case "v":
          hasValue = true;
          return;
        case "f":
          hasFormula = true;
          return;
        case "is":
          inline = "";
          return;
        case "rPh":
          phonetic++;
          return;
        case "sheetData":
          if (scanner?.depth === 1 && sheetData === undefined) {
            sheetData = { start: scanner.tagStart, openEnd: scanner.tagEnd, end: -1 };
          }
          if (!selfClosing) scanner?.setShortcut(main, sheetShortcut);
          return;
        case "mergeCell": {
          const range = parseRange(attributes.get("ref") ?? "");
          if (range) merges.push(range);
          return;
        }
      }
    },
    close(uri: string, local: string): void {
      if (uri !== main) return;
      if (local === "c") {
        const cell =
          hasValue && digits >= 0
            ? numericCell(type, style, digits, context)
            : cellValue(type, style, hasValue ? value : undefined, inline, context, metadata);
        // No value, or <v></v> as openpyxl leaves it, with no type: nothing calculated the formula. (Excel
        // writes a formula's empty text as t="str" with an empty value: that cell is empty indeed.)
        if (hasFormula && cell === null && type === "n" && row >= 0 && column >= 0) {
          if (uncalculated++ < FORMULAS_NAMED) uncalculatedCells.push({ row, column });
        }
        store(cell);
      } else if (local === "rPh") phonetic--;
      else if (local === "sheetData") {
        scanner?.setShortcut(main, undefined);
        // Where the cells are in the part, for a writer that leaves them as they are (see OpcPackage.note).
        if (scanner?.depth === 1 && sheetData !== undefined && sheetData.end < 0) {
          sheetData = { ...sheetData, end: scanner.tagEnd };
          pkg.note(part, "sheetData", sheetData);
        }
      } else if (local === "row") endRow();
    },
    text(bytes: Uint8Array, from: number, to: number, cdata: boolean): void {
      if (phonetic > 0) return;
      if (inline !== undefined) {
        inline += textOf(bytes, from, to, cdata, part);
        return;
      }
      // A shared string's index or a whole number, most of a sheet's values, without making a string.
      if (pieces++ === 0 && !cdata && (type === "s" || type === "n")) {
        digits = digitsOf(bytes, from, to);
        if (digits >= 0) return;
      } else if (digits >= 0) {
        value = String(digits);
        digits = -1;
      }
      value += textOf(bytes, from, to, cdata, part);
    },
  };
  scanner = new XmlScanner(part, handler, (uri, local) => uri === main && (local === "v" || local === "t"), [
    main,
  ]);
  if (streamed) await streamTextLater(pkg, part, scanner);
  else streamText(pkg, part, scanner);
  // The cells a merge covers are empty, as Excel shows them, whatever a writer left in them.
  for (const merge of merges) {
    for (let r = merge.top; r <= merge.bottom && r < rows.length; r++) {
      const values = rows[r];
      if (!values) continue;
      for (let c = merge.left; c <= Math.min(merge.right, values.length - 1); c++) {
        if (r !== merge.top || c !== merge.left) values[c] = null;
      }
    }
  }
  for (let r = 0; r < rows.length; r++) {
    const values = rows[r];
    if (!values) continue;
    let width = values.length;
    while (width > 0 && values[width - 1] === null) width--;
    if (width === 0) rows[r] = undefined;
    else values.length = width;
  }
  return {
    rows,
    merges,
    ...(hiddenRows.size > 0 && { hiddenRows }),
    ...(uncalculated > 0 && { formulasWithoutValues: { count: uncalculated, first: uncalculatedCells } }),
  };
}

/**
 * The inline strings a sheet has read, by their bytes: a column of units, statuses or standards written as
 * inline strings (openpyxl's way) repeats a few dozen texts down 100,000 rows. Each is decoded once, and the
 * rows share one string, which the garbage collector copies once and the engine hashes once. Short texts only,
 * and only so many: a column of distinct task texts would fill it for nothing.
 */
export class InlineTexts {
  // A table of its own, open addressing over the hash's low bits, rather than a Map: looking a number up in a
  // Map was most of the time of a table whose every text is inline (openpyxl's), seven cells a row.
  /** Each slot holds its text's place in the arrays below plus one; 0 is empty. */
  private readonly slots = new Int32Array(INLINE_SLOTS);
  private readonly hashes: number[] = [];
  private readonly bytes: DataView[] = [];
  private readonly texts: string[] = [];
  /** The piece of the part last looked in, and a view of it. */
  private piece: Uint8Array | undefined;
  private pieceView: DataView | undefined;

  find(s: Uint8Array, from: number, to: number, hash: number): string | undefined {
    const known = this.entryOf(hash);
    if (known < 0) return undefined;
    const bytes = this.bytes[known]!;
    const length = bytes.byteLength;
    if (length !== to - from) return undefined;
    // Compared four bytes at a time: most texts met again are met hundreds of thousands of times (units,
    // categories, statuses), each of their CJK characters eight bytes as openpyxl writes them (&#NNNNN;).
    if (s !== this.piece) {
      this.piece = s;
      this.pieceView = new DataView(s.buffer, s.byteOffset, s.byteLength);
    }
    const view = this.pieceView!;
    let i = 0;
    for (; i + 4 <= length; i += 4) if (bytes.getUint32(i) !== view.getUint32(from + i)) return undefined;
    for (; i < length; i++) if (bytes.getUint8(i) !== s[from + i]) return undefined;
    return this.texts[known];
  }

  /** Keeps a text under its hash, unless one is kept under it already (the first stays). */
  add(s: Uint8Array, from: number, to: number, hash: number, text: string): void {
    if (to - from > INLINE_TEXT_BYTES || this.texts.length >= INLINE_TEXTS || this.entryOf(hash) >= 0) return;
    let slot = hash & (INLINE_SLOTS - 1);
    while (this.slots[slot] !== 0) slot = (slot + 1) & (INLINE_SLOTS - 1);
    this.slots[slot] = this.texts.push(text);
    this.hashes.push(hash);
    this.bytes.push(new DataView(s.slice(from, to).buffer));
  }

  /** The place of the text kept under `hash`, -1 for none. */
  private entryOf(hash: number): number {
    for (let slot = hash & (INLINE_SLOTS - 1); ; slot = (slot + 1) & (INLINE_SLOTS - 1)) {
      const entry = this.slots[slot]! - 1;
      if (entry < 0 || this.hashes[entry] === hash) return entry;
    }
  }
}

/** The longest inline string kept (a standard of some fifty characters, each written as &#NNNNN;)… */
const INLINE_TEXT_BYTES = 512;
/** …and how many: some 2 MB at most. */
const INLINE_TEXTS = 4096;
/** Slots for them, twice as many (a power of two), so that most are found at the first. */
const INLINE_SLOTS = 8192;

/** `</v></c>` at `q`, which is a `<` seven bytes or more before the end. */
function isValueEnd(s: Uint8Array, q: number): boolean {
  return (
    s[q + 1] === SLASH &&
    s[q + 2] === 118 /* v */ &&
    s[q + 3] === GT &&
    s[q + 4] === LT &&
    s[q + 5] === SLASH &&
    s[q + 6] === 99 /* c */ &&
    s[q + 7] === GT
  );
}

/** An ISO 8601 time of day, as a `t="d"` cell may hold one: hh:mm, hh:mm:ss or hh:mm:ss.fff. */
const ISO_TIME = /^(\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?$/;

/** A cell's value by its type: shared, inline or formula string, boolean, error, ISO date or number. */
function cellValue(
  type: string,
  style: number,
  value: string | undefined,
  inline: string | undefined,
  context: Context,
  /** The cell's value metadata (vm), 0 where it has none. */
  metadata = 0,
): CellValue {
  switch (type) {
    case "s": {
      // An empty value names no string: Number("") is 0, the first (a writer leaves <v/> so; POI's 64508).
      if (value === undefined || value.trim() === "") return null;
      const text = context.strings[Number(value)];
      return text === undefined || text === "" ? null : text;
    }
    case "inlineStr": {
      const text = unescapeXstring(inline ?? value ?? "");
      return text === "" ? null : text;
    }
    case "str": {
      const text = unescapeXstring(value ?? "");
      return text === "" ? null : text;
    }
    case "b":
      return value === undefined ? null : isTrueText(value);
    case "e":
      // A picture placed in the cell (Place in Cell) is #VALUE! to a program that knows no rich values.
      if (metadata > 0 && context.pictures.has(metadata)) return pictureCell(`vm${metadata}`);
      return value === undefined || value === "" ? null : value;
    case "d": {
      if (value === undefined || value.trim() === "") return null;
      const day = parseIsoDay(value.slice(0, 10));
      if (day !== undefined) return context.dateCells.of(day);
      // A time of day alone (openpyxl's ISO 8601 dates write 10:10:10 so) is the fraction of a day Excel holds.
      const time = ISO_TIME.exec(value.trim());
      if (!time) return value;
      const [hours, minutes, seconds] = [Number(time[1]), Number(time[2]), Number(time[3] ?? 0)];
      if (hours >= 24 || minutes >= 60 || seconds >= 60) return value;
      return (hours * 3600 + minutes * 60 + seconds) / 86_400;
    }
    default: {
      if (value === undefined || value.trim() === "") return null;
      const number = Number(value);
      if (!Number.isFinite(number)) return null;
      if (formatKindOf(style, context) !== "date") return number;
      return context.dateCells.ofSerial(number) ?? number;
    }
  }
}

/** A number or shared string cell whose value was plain digits, read without a string. */
function numericCell(type: string, style: number, digits: number, context: Context): CellValue {
  if (type === "s") {
    const text = context.strings[digits];
    return text === undefined || text === "" ? null : text;
  }
  if (type !== "n") return cellValue(type, style, String(digits), undefined, context);
  if (formatKindOf(style, context) !== "date") return digits;
  return context.dateCells.ofSerial(digits) ?? digits;
}

function formatKindOf(style: number, context: Context): FormatKind {
  let kind = context.kinds[style];
  if (kind === undefined) {
    kind = numberFormatKind(context.xfFormats[style]);
    context.kinds[style] = kind;
  }
  return kind;
}

/** Excel's escape for characters XML cannot hold in a string (ST_Xstring): `_x000D_` is a carriage return. */
function unescapeXstring(text: string): string {
  if (text.indexOf("_x") < 0) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The zero-based column of a reference written plainly as letters and digits (`AB12`), -1 when it is not a
 * valid reference, -2 when it is written otherwise (references, `$`): then the text decides.
 */
function columnOf(s: Uint8Array, from: number, to: number): number {
  let column = 0;
  let p = from;
  for (; p < to; p++) {
    const c = s[p]! | 0x20;
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  if (p - from > 3) return -1;
  if (p === from) return -2;
  const row = digitsOf(s, p, to);
  if (row < 0) return -2;
  return row < 1 ? -1 : column - 1;
}

/**
 * A cell's `t` attribute without decoding it: the one-letter types (s, n, b, e, d), and inlineStr and str as
 * written plainly (openpyxl writes every text as an inline string); undefined for the others.
 */
function cellType(s: Uint8Array, from: number, to: number): string | undefined {
  if (to - from === INLINE_STR.length && startsWith(s, from, INLINE_STR)) return "inlineStr";
  if (to - from === STR.length && startsWith(s, from, STR)) return "str";
  if (to - from !== 1) return undefined;
  switch (s[from]) {
    case 115:
      return "s";
    case 110:
      return "n";
    case 98:
      return "b";
    case 101:
      return "e";
    case 100:
      return "d";
  }
  return undefined;
}
