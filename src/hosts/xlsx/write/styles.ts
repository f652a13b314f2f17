// Adds Duban's cell styles and highlight formats to xl/styles.xml, and takes exactly them away again; and gives
// a cell of the person's a date format while keeping the rest of its look.

import type { CellStyle } from "../../../core/output/spec";
import { numberFormatKind } from "../../../core/values/number-format";
import { BUILT_IN_FORMATS as READ_FORMATS } from "../reader/formats";
import {
  applyEdits,
  attributeOf,
  childNamed,
  childrenNamed,
  escapeAttr,
  parseXml,
  qualified,
  setAttributeInTag,
  type TextEdit,
  type XmlDocument,
  type XmlElement,
} from "../xml";

/** The order of styleSheet's children (ECMA-376 CT_Stylesheet), for placing a container that is absent. */
const ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/** How one container of styles.xml was changed, so that the change can be undone exactly. */
export interface ContainerEdit {
  readonly name: string;
  /** The container's opening tag before and after (its count changes); "" when Duban created it. */
  readonly openBefore: string;
  readonly openAfter: string;
  /** The edit opened the self-closing root itself (`<styleSheet/>`), rather than a container. */
  readonly root?: boolean;
  /** The self-closing form it had (`<dxfs count="0"/>`), if any. */
  readonly selfClosingBefore?: string;
  readonly fragment: string;
}

export interface HighlightFormat {
  readonly fill: string;
  readonly text: string;
}

export interface StylesPatch {
  readonly xml: string;
  /** cellXfs index per style key, in the order given. */
  readonly xfIndex: Readonly<Record<string, number>>;
  /** dxfs index per highlight key. */
  readonly dxfIndex: Readonly<Record<string, number>>;
  readonly edits: readonly ContainerEdit[];
}

const argb = (hex: string) => `FF${hex.toUpperCase()}`;

/**
 * Appends fonts, fills, borders, number formats and cell formats for `styles`, and differential formats
 * for `highlights`, at the end of their containers. Existing indices never move, so no cell of the
 * person's changes look.
 */
export function addStyles(
  xml: string,
  styles: Readonly<Record<string, CellStyle>>,
  highlights: Readonly<Record<string, HighlightFormat>>,
  part = "xl/styles.xml",
): StylesPatch {
  let doc = parseXml(xml, part);
  const containerEdits: ContainerEdit[] = [];
  if (doc.root.selfClosing) {
    // `<styleSheet/>` (POI writes it for a workbook without styles): opened first, and closed again on undo.
    const before = xml.slice(doc.root.start, doc.root.end);
    const openAfter = before.replace(/\s*\/>$/, ">");
    xml = applyEdits(xml, [
      { start: doc.root.start, end: doc.root.end, text: `${openAfter}</${doc.root.name}>` },
    ]);
    doc = parseXml(xml, part);
    containerEdits.push({
      name: doc.root.name,
      root: true,
      openBefore: before,
      openAfter,
      selfClosingBefore: before,
      fragment: "",
    });
  }
  const root = doc.root;
  const ns = root.uri;
  const container = (name: string) => childNamed(root, ns, name);
  /** The prefix for items going into a container: its own where it exists, else the root's, which it will use. */
  const prefixIn = (name: string) => container(name)?.prefix ?? root.prefix;
  // The helpers below write `${pc}font`: the prefix with its colon, or nothing for the default namespace.
  const colon = (prefix: string) => (prefix ? `${prefix}:` : "");
  const count = (name: string) => {
    const found = container(name);
    return found ? childrenNamed(found, ns, ITEM[name]!).length : 0;
  };
  const baseFont = defaultFont(doc, ns);
  const [pNumFmts, pXfs, pDxfs] = [prefixIn("numFmts"), prefixIn("cellXfs"), prefixIn("dxfs")];
  const fonts: string[] = [];
  const fills: string[] = [];
  const borders: string[] = [];
  const numFmts: string[] = [];
  const xfs: string[] = [];
  const xfIndex: Record<string, number> = {};
  const numFmtIds = new Map<string, number>();
  const usedIds = (container("numFmts")?.children ?? []).map((f) => Number(attributeOf(f, "numFmtId") ?? 0));
  let nextNumFmt = Math.max(163, ...usedIds.filter(Number.isFinite)) + 1;
  const intern = (list: string[], offset: number, item: string) => {
    const at = list.indexOf(item);
    if (at >= 0) return offset + at;
    list.push(item);
    return offset + list.length - 1;
  };
  const [fontBase, fillBase, borderBase, xfBase] = [
    count("fonts"),
    count("fills"),
    count("borders"),
    count("cellXfs"),
  ];

  for (const [key, style] of Object.entries(styles)) {
    const fontId = intern(fonts, fontBase, fontXml(colon(prefixIn("fonts")), baseFont, style));
    const fillId = style.fill ? intern(fills, fillBase, fillXml(colon(prefixIn("fills")), style.fill)) : 0;
    const borderId = style.border ? intern(borders, borderBase, BORDER(colon(prefixIn("borders")))) : 0;
    let numFmtId = 0;
    if (style.numberFormat) {
      const builtIn = BUILT_IN_FORMATS[style.numberFormat];
      if (builtIn !== undefined) numFmtId = builtIn;
      else {
        numFmtId = numFmtIds.get(style.numberFormat) ?? nextNumFmt++;
        if (!numFmtIds.has(style.numberFormat)) {
          numFmtIds.set(style.numberFormat, numFmtId);
          numFmts.push(
            `<${q(pNumFmts, "numFmt")} numFmtId="${numFmtId}" formatCode="${escapeAttr(style.numberFormat)}"/>`,
          );
        }
      }
    }
    const align = alignmentXml(colon(pXfs), style);
    // CT_Xf: alignment, then protection. Only an unlocked cell says so; locked is every cell's default.
    const protection = style.locked === false ? `<${q(pXfs, "protection")} locked="0"/>` : "";
    const attrs =
      `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      ` applyNumberFormat="${numFmtId ? 1 : 0}" applyFont="1" applyFill="${fillId ? 1 : 0}" applyBorder="${borderId ? 1 : 0}"` +
      // quotePrefix keeps a text such as "=SUM(A1)" text when someone edits the cell later.
      ` applyAlignment="${align ? 1 : 0}"${protection ? ` applyProtection="1"` : ""} quotePrefix="1"`;
    xfIndex[key] = xfBase + xfs.length;
    const inner = align + protection;
    xfs.push(
      inner ? `<${q(pXfs, "xf")} ${attrs}>${inner}</${q(pXfs, "xf")}>` : `<${q(pXfs, "xf")} ${attrs}/>`,
    );
  }

  const dxfBase = count("dxfs");
  const dxfs: string[] = [];
  const dxfIndex: Record<string, number> = {};
  for (const [key, format] of Object.entries(highlights)) {
    dxfIndex[key] = dxfBase + dxfs.length;
    dxfs.push(
      `<${q(pDxfs, "dxf")}><${q(pDxfs, "font")}><${q(pDxfs, "color")} rgb="${argb(format.text)}"/></${q(pDxfs, "font")}>` +
        `<${q(pDxfs, "fill")}><${q(pDxfs, "patternFill")}><${q(pDxfs, "bgColor")} rgb="${argb(format.fill)}"/></${q(pDxfs, "patternFill")}></${q(pDxfs, "fill")}></${q(pDxfs, "dxf")}>`,
    );
  }

  const edits: TextEdit[] = [];
  for (const [name, items] of [
    ["numFmts", numFmts],
    ["fonts", fonts],
    ["fills", fills],
    ["borders", borders],
    ["cellXfs", xfs],
    ["dxfs", dxfs],
  ] as const) {
    if (items.length === 0) continue;
    const result = appendToContainer(doc, name, items.join(""), count(name) + items.length);
    edits.push(result.edit);
    containerEdits.push(result.record);
  }
  return { xml: applyEdits(xml, edits), xfIndex, dxfIndex, edits: containerEdits };
}

/** Undoes addStyles where its additions are still exactly there (a workbook saved again by Excel is left alone). */
export function removeStyles(xml: string, edits: readonly ContainerEdit[], part = "xl/styles.xml"): string {
  let out = xml;
  for (const edit of [...edits].reverse()) {
    const doc = parseXml(out, part);
    if (edit.root) {
      const root = doc.root;
      const text = out.slice(root.start, root.end);
      if (edit.selfClosingBefore !== undefined && text === `${edit.openAfter}</${root.name}>`) {
        out = out.slice(0, root.start) + edit.selfClosingBefore + out.slice(root.end);
      }
      continue;
    }
    const local = edit.name.slice(edit.name.indexOf(":") + 1);
    const found = childNamed(doc.root, doc.root.uri, local);
    if (!found) continue;
    const text = out.slice(found.start, found.end);
    const close = `</${found.name}>`;
    if (!text.startsWith(edit.openAfter) || !text.endsWith(edit.fragment + close)) continue;
    const inner = text.slice(edit.openAfter.length, text.length - edit.fragment.length - close.length);
    const restored =
      edit.openBefore === ""
        ? ""
        : edit.selfClosingBefore !== undefined
          ? edit.selfClosingBefore
          : edit.openBefore + inner + close;
    out = out.slice(0, found.start) + restored + out.slice(found.end);
  }
  return out;
}

function appendToContainer(
  doc: XmlDocument,
  name: string,
  fragment: string,
  total: number,
): { edit: TextEdit; record: ContainerEdit } {
  const root = doc.root;
  const found = childNamed(root, root.uri, name);
  if (!found) {
    const tag = q(root.prefix, name);
    const openAfter = `<${tag} count="${total}">`;
    const later = root.children.find(
      (c) => c.uri === root.uri && ORDER.indexOf(c.local) > ORDER.indexOf(name),
    );
    const at = later ? later.start : root.closeStart;
    return {
      edit: { start: at, end: at, text: `${openAfter}${fragment}</${tag}>` },
      record: { name: tag, openBefore: "", openAfter, fragment },
    };
  }
  const openBefore = doc.text.slice(found.start, found.openEnd);
  const opened = found.selfClosing ? openBefore.replace(/\s*\/>$/, ">") : openBefore;
  const openAfter = setAttributeInTag(opened, "count", String(total));
  const inner = doc.text.slice(found.openEnd, found.closeStart);
  return {
    edit: { start: found.start, end: found.end, text: `${openAfter}${inner}${fragment}</${found.name}>` },
    record: found.selfClosing
      ? { name: found.name, openBefore, openAfter, selfClosingBefore: openBefore, fragment }
      : { name: found.name, openBefore, openAfter, fragment },
  };
}

const q = qualified;

const ITEM: Readonly<Record<string, string>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
  dxfs: "dxf",
};

interface BaseFont {
  readonly name: string;
  readonly extra: string;
  readonly size: number;
}

/** The workbook's default font (the first), whose name and script our fonts keep. */
function defaultFont(doc: XmlDocument, ns: string): BaseFont {
  const fonts = childNamed(doc.root, ns, "fonts");
  const first = fonts ? childNamed(fonts, ns, "font") : undefined;
  const child = (local: string) => (first ? childNamed(first, ns, local) : undefined);
  const name = attributeOf(child("name") ?? EMPTY_ELEMENT, "val") ?? "Calibri";
  const size = Number(attributeOf(child("sz") ?? EMPTY_ELEMENT, "val") ?? 11);
  // Copied as written: inside the same styleSheet, their prefixes mean what they meant there.
  const extra = ["family", "charset", "scheme"]
    .map((local) => {
      const element = child(local);
      return element && fonts && element.children.length === 0 && sameScope(element, fonts)
        ? doc.text.slice(element.start, element.end)
        : "";
    })
    .join("");
  return { name, extra, size: Number.isFinite(size) && size > 0 ? size : 11 };
}

const EMPTY_ELEMENT = { attributes: [] } as unknown as XmlElement;

/** True when an element declares nothing of its own, so its text means the same anywhere in `root`. */
function sameScope(element: XmlElement, root: XmlElement): boolean {
  if (element.scope.size !== root.scope.size) return false;
  for (const [prefix, uri] of element.scope) if (root.scope.get(prefix) !== uri) return false;
  return true;
}

function fontXml(p: string, base: BaseFont, style: CellStyle): string {
  return (
    `<${p}font>${style.bold ? `<${p}b/>` : ""}${style.underline ? `<${p}u/>` : ""}` +
    `<${p}sz val="${style.size ?? base.size}"/>` +
    (style.color ? `<${p}color rgb="${argb(style.color)}"/>` : `<${p}color theme="1"/>`) +
    `<${p}name val="${escapeAttr(base.name)}"/>${base.extra}</${p}font>`
  );
}

function fillXml(p: string, hex: string): string {
  return `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(hex)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`;
}

const colon = (prefix: string) => (prefix ? `${prefix}:` : "");

const BORDER_NONE = (p: string) =>
  `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom/><${p}diagonal/></${p}border>`;

const BORDER = (p: string) => {
  const side = (name: string) => `<${p}${name} style="thin"><${p}color rgb="FFBFBFBF"/></${p}${name}>`;
  return `<${p}border>${side("left")}${side("right")}${side("top")}${side("bottom")}<${p}diagonal/></${p}border>`;
};

function alignmentXml(p: string, style: CellStyle): string {
  const attrs = [
    style.horizontal ? `horizontal="${style.horizontal}"` : "",
    style.vertical ? `vertical="${style.vertical}"` : `vertical="center"`,
    style.wrap ? `wrapText="1"` : "",
  ].filter(Boolean);
  return `<${p}alignment ${attrs.join(" ")}/>`;
}

/** Formats Excel knows by number, so that no custom format is needed for them. */
const BUILT_IN_FORMATS: Readonly<Record<string, number>> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "0%": 9,
  "0.00%": 10,
};

/**
 * A workbook's own cell formats, for writing a date into a cell of the person's: where the cell's format shows
 * no date, a format like it but for its number format (found, else appended) gives it one, so its font, fill,
 * border, alignment and protection stay as they were. Existing indices never move.
 */
export class CellFormats {
  private doc: XmlDocument;
  private edited = false;

  constructor(
    xml: string,
    private readonly part: string,
  ) {
    this.doc = parseXml(xml, part);
    const root = this.doc.root;
    if (root.selfClosing) {
      // `<styleSheet/>`: opened, so that formats can go inside.
      const tag = xml.slice(root.start, root.end).replace(/\s*\/>$/, ">");
      this.doc = parseXml(
        applyEdits(xml, [{ start: root.start, end: root.end, text: `${tag}</${root.name}>` }]),
        part,
      );
    }
  }

  /** The styles part's text, with what was added. */
  get xml(): string {
    return this.doc.text;
  }

  /** Whether a format or a number format was added. */
  get changed(): boolean {
    return this.edited;
  }

  private get ns(): string {
    return this.doc.root.uri;
  }

  private xfs(): XmlElement[] {
    const container = childNamed(this.doc.root, this.ns, "cellXfs");
    return container ? childrenNamed(container, this.ns, "xf") : [];
  }

  /** The number format id of cell format `xf` (0, General, for one that is not there). */
  numFmtId(xf: number): number {
    const element = this.xfs()[xf];
    const id = element ? Number(attributeOf(element, "numFmtId") ?? 0) : 0;
    return Number.isInteger(id) ? id : 0;
  }

  /** Whether cell format `xf` shows a number as a date. */
  isDate(xf: number): boolean {
    return numberFormatKind(this.code(this.numFmtId(xf))) === "date";
  }

  private code(id: number): string | undefined {
    const formats = childNamed(this.doc.root, this.ns, "numFmts");
    const own = (formats ? childrenNamed(formats, this.ns, "numFmt") : []).find(
      (format) => Number(attributeOf(format, "numFmtId")) === id,
    );
    return own ? attributeOf(own, "formatCode") : READ_FORMATS.get(id);
  }

  /** The id of a number format with `code`: Excel's built-in one or the workbook's own, else one added. */
  numberFormat(code: string): number {
    const builtIn = BUILT_IN_FORMATS[code];
    if (builtIn !== undefined) return builtIn;
    const container = childNamed(this.doc.root, this.ns, "numFmts");
    const formats = container ? childrenNamed(container, this.ns, "numFmt") : [];
    const own = formats.find((format) => attributeOf(format, "formatCode") === code);
    if (own) return Number(attributeOf(own, "numFmtId"));
    const used = formats.map((format) => Number(attributeOf(format, "numFmtId") ?? 0));
    const id = Math.max(163, ...used.filter(Number.isFinite)) + 1;
    const p = container?.prefix ?? this.doc.root.prefix;
    this.append(
      "numFmts",
      `<${q(p, "numFmt")} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`,
      formats.length + 1,
    );
    return id;
  }

  /** A cell format like `xf` showing number format `numFmtId`: one that is already there, else a copy added. */
  withNumberFormat(xf: number, numFmtId: number): number {
    if (this.numFmtId(xf) === numFmtId && this.xfs()[xf]) return xf;
    if (this.xfs().length === 0) this.addDefaults();
    const xfs = this.xfs();
    const base = xfs[xf] ?? xfs[0]!;
    const key = this.lookOf(base);
    const same = xfs.findIndex(
      (element) => this.lookOf(element) === key && Number(attributeOf(element, "numFmtId") ?? 0) === numFmtId,
    );
    if (same >= 0) return same;
    const text = this.doc.text;
    let tag = setAttributeInTag(text.slice(base.start, base.openEnd), "numFmtId", String(numFmtId));
    tag = setAttributeInTag(tag, "applyNumberFormat", "1");
    this.append("cellXfs", tag + text.slice(base.openEnd, base.end), xfs.length + 1);
    return xfs.length;
  }

  /**
   * The font, fills, border and cell format Excel assumes where a styles part has none (a writer left it
   * empty), so that format 0 stays what it was and a copy of it has something to name.
   */
  private addDefaults(): void {
    const p = (name: string) =>
      colon(childNamed(this.doc.root, this.ns, name)?.prefix ?? this.doc.root.prefix);
    const defaults: Array<[string, string, string]> = [
      [
        "fonts",
        "font",
        `<${p("fonts")}font><${p("fonts")}sz val="11"/><${p("fonts")}name val="Calibri"/></${p("fonts")}font>`,
      ],
      [
        "fills",
        "fill",
        `<${p("fills")}fill><${p("fills")}patternFill patternType="none"/></${p("fills")}fill>` +
          `<${p("fills")}fill><${p("fills")}patternFill patternType="gray125"/></${p("fills")}fill>`,
      ],
      ["borders", "border", BORDER_NONE(p("borders"))],
      ["cellXfs", "xf", `<${p("cellXfs")}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`],
    ];
    for (const [name, item, fragment] of defaults) {
      const container = childNamed(this.doc.root, this.ns, name);
      if (container && childrenNamed(container, this.ns, item).length > 0) continue;
      this.append(name, fragment, name === "fills" ? 2 : 1);
    }
  }

  /** What a cell format looks like but for its number format: its other attributes and its children. */
  private lookOf(xf: XmlElement): string {
    const attributes = xf.attributes
      .filter((a) => a.uri !== "" || (a.local !== "numFmtId" && a.local !== "applyNumberFormat"))
      .map((a) => `${a.uri}|${a.local}=${a.value}`)
      .sort();
    const children = xf.children.map((child) => this.doc.text.slice(child.start, child.end));
    return JSON.stringify([attributes, children]);
  }

  private append(name: string, fragment: string, total: number): void {
    const { edit } = appendToContainer(this.doc, name, fragment, total);
    this.doc = parseXml(applyEdits(this.doc.text, [edit]), this.part);
    this.edited = true;
  }
}
