// Adds Duban's cell styles and highlight formats to xl/styles.xml, and takes exactly them away again.

import type { CellStyle } from "../../../core/output/spec";
import { attribute, elements, escapeAttr, rootPrefix, setAttribute } from "./xml";

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
): StylesPatch {
  const p = rootPrefix(xml, "styleSheet");
  const count = (name: string) => countOf(xml, p + name);
  const baseFont = defaultFont(xml, p);
  const fonts: string[] = [];
  const fills: string[] = [];
  const borders: string[] = [];
  const numFmts: string[] = [];
  const xfs: string[] = [];
  const xfIndex: Record<string, number> = {};
  const numFmtIds = new Map<string, number>();
  let nextNumFmt = Math.max(163, ...[...xml.matchAll(/numFmtId="(\d+)"/g)].map((m) => Number(m[1]))) + 1;
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
    const fontId = intern(fonts, fontBase, fontXml(p, baseFont, style));
    const fillId = style.fill ? intern(fills, fillBase, fillXml(p, style.fill)) : 0;
    const borderId = style.border ? intern(borders, borderBase, BORDER(p)) : 0;
    let numFmtId = 0;
    if (style.numberFormat) {
      const builtIn = BUILT_IN_FORMATS[style.numberFormat];
      if (builtIn !== undefined) numFmtId = builtIn;
      else {
        numFmtId = numFmtIds.get(style.numberFormat) ?? nextNumFmt++;
        if (!numFmtIds.has(style.numberFormat)) {
          numFmtIds.set(style.numberFormat, numFmtId);
          numFmts.push(`<${p}numFmt numFmtId="${numFmtId}" formatCode="${escapeAttr(style.numberFormat)}"/>`);
        }
      }
    }
    const align = alignmentXml(p, style);
    const attrs =
      `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      ` applyNumberFormat="${numFmtId ? 1 : 0}" applyFont="1" applyFill="${fillId ? 1 : 0}" applyBorder="${borderId ? 1 : 0}"` +
      // quotePrefix keeps a text such as "=SUM(A1)" text when someone edits the cell later.
      ` applyAlignment="${align ? 1 : 0}" quotePrefix="1"`;
    xfIndex[key] = xfBase + xfs.length;
    xfs.push(align ? `<${p}xf ${attrs}>${align}</${p}xf>` : `<${p}xf ${attrs}/>`);
  }

  const dxfBase = count("dxfs");
  const dxfs: string[] = [];
  const dxfIndex: Record<string, number> = {};
  for (const [key, format] of Object.entries(highlights)) {
    dxfIndex[key] = dxfBase + dxfs.length;
    dxfs.push(
      `<${p}dxf><${p}font><${p}color rgb="${argb(format.text)}"/></${p}font>` +
        `<${p}fill><${p}patternFill><${p}bgColor rgb="${argb(format.fill)}"/></${p}patternFill></${p}fill></${p}dxf>`,
    );
  }

  let out = xml;
  const edits: ContainerEdit[] = [];
  for (const [name, items] of [
    ["numFmts", numFmts],
    ["fonts", fonts],
    ["fills", fills],
    ["borders", borders],
    ["cellXfs", xfs],
    ["dxfs", dxfs],
  ] as const) {
    if (items.length === 0) continue;
    const result = appendToContainer(out, p, name, items.join(""), items.length);
    out = result.xml;
    edits.push(result.edit);
  }
  return { xml: out, xfIndex, dxfIndex, edits };
}

/** Undoes addStyles where its additions are still exactly there (a workbook saved again by Excel is left alone). */
export function removeStyles(xml: string, edits: readonly ContainerEdit[]): string {
  let out = xml;
  for (const edit of [...edits].reverse()) {
    const [found] = elements(out, edit.name);
    if (!found) continue;
    const close = `</${edit.name}>`;
    if (!found.text.startsWith(edit.openAfter) || !found.text.endsWith(edit.fragment + close)) continue;
    const inner = found.text.slice(
      edit.openAfter.length,
      found.text.length - edit.fragment.length - close.length,
    );
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

function appendToContainer(xml: string, p: string, name: string, fragment: string, added: number) {
  const tag = p + name;
  const [found] = elements(xml, tag);
  if (!found) {
    const openAfter = `<${tag} count="${added}">`;
    const text = `${openAfter}${fragment}</${tag}>`;
    const at = insertionPoint(xml, p, name);
    return {
      xml: xml.slice(0, at) + text + xml.slice(at),
      edit: { name: tag, openBefore: "", openAfter, fragment },
    };
  }
  const openEnd = found.text.indexOf(">") + 1;
  const openBefore = found.text.slice(0, openEnd);
  const selfClosing = openBefore.endsWith("/>");
  const existing = selfClosing
    ? 0
    : (found.text.match(new RegExp(`<${p}${ITEM[name]}[\\s/>]`, "g")) ?? []).length;
  const openAfter = setAttribute(
    selfClosing ? openBefore.replace(/\s*\/>$/, ">") : openBefore,
    "count",
    String(existing + added),
  );
  const inner = selfClosing ? "" : found.text.slice(openEnd, found.text.length - `</${tag}>`.length);
  const text = `${openAfter}${inner}${fragment}</${tag}>`;
  return {
    xml: xml.slice(0, found.start) + text + xml.slice(found.end),
    edit: selfClosing
      ? { name: tag, openBefore, openAfter, selfClosingBefore: openBefore, fragment }
      : { name: tag, openBefore, openAfter, fragment },
  };
}

const ITEM: Readonly<Record<string, string>> = {
  numFmts: "numFmt",
  fonts: "font",
  fills: "fill",
  borders: "border",
  cellXfs: "xf",
  dxfs: "dxf",
};

/** How many items a container holds, counted rather than trusting its count attribute. */
function countOf(xml: string, tag: string): number {
  const [found] = elements(xml, tag);
  if (!found || found.text.endsWith("/>")) return 0;
  const local = tag.includes(":") ? tag.slice(tag.indexOf(":") + 1) : tag;
  const prefix = tag.slice(0, tag.length - local.length);
  let depth = 0;
  let count = 0;
  // Only direct children count: a font inside a dxf is not one of the workbook's fonts.
  for (const m of found.text.matchAll(
    new RegExp(`<(/?)${prefix}${ITEM[local]}(?=[\\s/>])([^>]*?)(/?)>`, "g"),
  )) {
    if (m[1]) depth -= 1;
    else {
      if (depth === 0) count += 1;
      if (!m[3]) depth += 1;
    }
  }
  return count;
}

function insertionPoint(xml: string, p: string, name: string): number {
  for (const later of ORDER.slice(ORDER.indexOf(name) + 1)) {
    const at = xml.search(new RegExp(`<${p}${later}(?=[\\s/>])`));
    if (at >= 0) return at;
  }
  return xml.lastIndexOf(`</${p}styleSheet>`);
}

interface BaseFont {
  readonly name: string;
  readonly extra: string;
  readonly size: number;
}

/** The workbook's default font (the first), whose name and script our fonts keep. */
function defaultFont(xml: string, p: string): BaseFont {
  const [fonts] = elements(xml, `${p}fonts`);
  const [first] = fonts ? elements(fonts.text, `${p}font`) : [];
  const text = first?.text ?? "";
  const name = attribute(elements(text, `${p}name`)[0]?.text ?? "", "val") ?? "Calibri";
  const size = Number(attribute(elements(text, `${p}sz`)[0]?.text ?? "", "val") ?? 11);
  const extra = ["family", "charset", "scheme"]
    .map((tag) => elements(text, `${p}${tag}`)[0]?.text ?? "")
    .join("");
  return { name, extra, size };
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
