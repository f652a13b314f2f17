// XML for the parts Duban reads and changes: parsed by the byte scanner (namespace-aware, no DTDs), edited at the
// offsets the parser reports. Everything Duban does not mean to change (comments, CDATA, processing
// instructions, mc:AlternateContent, extLst, unknown namespaces, quoting, whitespace) keeps its bytes.

import { textOf, XmlScanner } from "./reader/scan";
import { XmlPartError } from "./xml-error";

export { XmlPartError } from "./xml-error";

export interface XmlAttribute {
  readonly name: string;
  readonly local: string;
  readonly uri: string;
  readonly value: string;
}

/** An element with where it sits in the text: [start, openEnd) is its start tag, [closeStart, end) its end tag. */
export interface XmlElement {
  readonly name: string;
  readonly prefix: string;
  readonly local: string;
  readonly uri: string;
  readonly attributes: readonly XmlAttribute[];
  /** Namespace bindings in scope here (prefix, "" for the default, to URI), its own declarations included. */
  readonly scope: ReadonlyMap<string, string>;
  readonly start: number;
  readonly openEnd: number;
  readonly closeStart: number;
  readonly end: number;
  readonly selfClosing: boolean;
  readonly parent: XmlElement | undefined;
  readonly children: XmlElement[];
  /** Its own character data (text and CDATA, entities resolved), when parsed with `keepText`. */
  readonly text: string;
}

export interface XmlDocument {
  readonly text: string;
  readonly root: XmlElement;
}

/**
 * The part as a tree of elements with their offsets (UTF-16 offsets into `text`). Elements deeper than
 * `maxDepth` (the root is depth 0) are checked but not kept, so a large part costs little memory.
 *
 * Read by the byte scanner in its strict mode, the check every part Duban writes passes: it refuses all that
 * is not namespace-well-formed XML 1.0, as saxes did here before; saxes read a few MB a second, which a merge
 * of forty returns spent a tenth of its time on. Attribute values are normalised as XML says (a literal tab,
 * line end or CR LF is a space; a reference to one is kept), character data's line ends made LF.
 * @throws XmlPartError when the text is not namespace-well-formed XML, or declares a DOCTYPE
 */
export function parseXml(text: string, part: string, maxDepth = Infinity, keepText = false): XmlDocument {
  const bytes = (encoder ??= new TextEncoder()).encode(text);
  const at = utf16Offsets(text, bytes);
  const stack: Array<Mutable | undefined> = [];
  let root: Mutable | undefined;
  const scanner: XmlScanner = new XmlScanner(
    part,
    {
      open(uri, local, attributes, selfClosing) {
        const depth = stack.length;
        const parent = stack[depth - 1];
        if (depth > maxDepth || (depth > 0 && parent === undefined)) {
          stack.push(undefined);
          return;
        }
        const start = at(scanner.tagStart);
        const openEnd = at(scanner.tagEnd);
        const name = scanner.tagName;
        const colon = name.indexOf(":");
        const scope = scanner.namespaces;
        const list: XmlAttribute[] = [];
        for (let i = 0; i < attributes.count; i++) {
          list.push(attributeNamed(attributes.name(i), attributes.normalizedValue(i), scope));
        }
        const element: Mutable = {
          name,
          prefix: colon < 0 ? "" : name.slice(0, colon),
          local,
          uri,
          attributes: list,
          scope,
          start,
          openEnd,
          closeStart: openEnd,
          end: openEnd,
          selfClosing,
          parent,
          children: [],
          text: "",
        };
        if (parent) parent.children.push(element);
        else root = element;
        stack.push(element);
      },
      close() {
        const element = stack.pop();
        if (!element || element.selfClosing) return;
        element.closeStart = at(scanner.tagStart);
        element.end = at(scanner.tagEnd);
      },
      text(data, from, to, cdata) {
        const element = stack[stack.length - 1];
        if (element) element.text += textOf(data, from, to, cdata, part);
      },
    },
    () => keepText,
    [],
    true,
  );
  scanner.push(bytes);
  scanner.end();
  if (!root) throw new XmlPartError(part, "malformed", "no root element");
  return { text, root };
}

const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** An attribute with its namespace: none unprefixed, XMLNS_NS for a declaration, else its prefix's binding. */
function attributeNamed(name: string, value: string, scope: ReadonlyMap<string, string>): XmlAttribute {
  const colon = name.indexOf(":");
  if (name === "xmlns") return { name, local: name, uri: XMLNS_NS, value };
  if (colon < 0) return { name, local: name, uri: "", value };
  const prefix = name.slice(0, colon);
  return {
    name,
    local: name.slice(colon + 1),
    // The scanner has refused an unbound prefix.
    uri: prefix === "xmlns" ? XMLNS_NS : (scope.get(prefix) ?? ""),
    value,
  };
}

/**
 * UTF-8 offsets into `bytes` (the encoding of `text`) as UTF-16 offsets into `text`, asked for in order: a
 * cursor walks forward, counting one unit for each character's lead byte and two for a four-byte one.
 */
function utf16Offsets(text: string, bytes: Uint8Array): (byteOffset: number) => number {
  if (bytes.length === text.length) return (byteOffset) => byteOffset;
  let byte = 0;
  let unit = 0;
  return (byteOffset) => {
    if (byteOffset < byte) throw new Error("UTF-8 offsets asked for out of order");
    for (; byte < byteOffset; byte++) {
      const b = bytes[byte]!;
      if ((b & 0xc0) !== 0x80) unit += b >= 0xf0 ? 2 : 1;
    }
    return unit;
  };
}

let encoder: TextEncoder | undefined;

type Mutable = { -readonly [K in keyof XmlElement]: XmlElement[K] };

/** The children of `element` in namespace `uri` with local name `local`. */
export function childrenNamed(element: XmlElement, uri: string, local: string): XmlElement[] {
  return element.children.filter((child) => child.uri === uri && child.local === local);
}

export function childNamed(element: XmlElement, uri: string, local: string): XmlElement | undefined {
  return element.children.find((child) => child.uri === uri && child.local === local);
}

/** An attribute's value, by namespace ("" for an unprefixed attribute) and local name. */
export function attributeOf(element: XmlElement, local: string, uri = ""): string | undefined {
  return element.attributes.find((a) => a.local === local && a.uri === uri)?.value;
}

/** A prefix bound to `uri` where `element` is, preferring a non-empty one when `forAttribute` (attributes need one). */
export function prefixFor(element: XmlElement, uri: string, forAttribute = false): string | undefined {
  if (!forAttribute && element.uri === uri) return element.prefix;
  let found: string | undefined;
  for (const [prefix, bound] of element.scope) {
    if (bound !== uri || (forAttribute && prefix === "")) continue;
    if (prefix === "" || found === undefined) found = prefix;
  }
  return found;
}

/** A prefix not bound where `element` is, starting from `wanted` (r, r1, r2 …). */
export function freePrefix(element: XmlElement, wanted: string): string {
  if (!element.scope.has(wanted)) return wanted;
  let n = 1;
  while (element.scope.has(`${wanted}${n}`)) n += 1;
  return `${wanted}${n}`;
}

export const qualified = (prefix: string, local: string) => (prefix ? `${prefix}:${local}` : local);

/** One change to a text: [start, end) becomes `text`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The text with the edits made; edits must not overlap (two insertions at one offset keep their order). */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits
    .map((edit, i) => ({ edit, i }))
    .sort((a, b) => a.edit.start - b.edit.start || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const { edit } of ordered) {
    if (edit.start < at) throw new Error("Overlapping XML edits");
    out.push(text.slice(at, edit.start), edit.text);
    at = edit.end;
  }
  out.push(text.slice(at));
  return out.join("");
}

/**
 * The edits that put `fragment` at the end of `container`'s content. A self-closing container is opened
 * (`<x/>` becomes `<x>…</x>`); the caller records that to undo it exactly.
 */
export function appendInside(doc: XmlDocument, container: XmlElement, fragment: string): TextEdit[] {
  if (!container.selfClosing)
    return [{ start: container.closeStart, end: container.closeStart, text: fragment }];
  const tag = doc.text.slice(container.start, container.openEnd);
  const opened = tag.replace(/\s*\/>$/, ">");
  return [{ start: container.start, end: container.end, text: `${opened}${fragment}</${container.name}>` }];
}

/** Where each attribute of a start tag is: from the white space before it to past its closing quote. */
interface AttributeSpan {
  readonly name: string;
  readonly start: number;
  readonly valueStart: number;
  readonly valueEnd: number;
  readonly end: number;
}

function attributeSpans(tag: string): AttributeSpan[] {
  const spans: AttributeSpan[] = [];
  let i = 1;
  while (i < tag.length && !/[\s/>]/.test(tag[i]!)) i++;
  while (i < tag.length) {
    const start = i;
    while (/\s/.test(tag[i] ?? "")) i++;
    if (tag[i] === "/" || tag[i] === ">" || i >= tag.length) break;
    const nameStart = i;
    while (i < tag.length && !/[\s=]/.test(tag[i]!)) i++;
    const name = tag.slice(nameStart, i);
    while (/[\s=]/.test(tag[i] ?? "")) i++;
    const quote = tag[i]!;
    const valueStart = i + 1;
    const valueEnd = tag.indexOf(quote, valueStart);
    if (valueEnd < 0) break;
    i = valueEnd + 1;
    spans.push({ name, start, valueStart, valueEnd, end: i });
  }
  return spans;
}

/**
 * A start tag (already checked by the parser) with one attribute set, adding it when absent. Only that value
 * changes: every other attribute keeps its quotes, spacing and order.
 */
export function setAttributeInTag(tag: string, name: string, value: string): string {
  const found = attributeSpans(tag).find((span) => span.name === name);
  if (found)
    return (
      tag.slice(0, found.valueStart) + escapeAttr(value).replace(/'/g, "&apos;") + tag.slice(found.valueEnd)
    );
  const close = tag.endsWith("/>") ? tag.length - 2 : tag.length - 1;
  let at = close;
  while (at > 0 && /\s/.test(tag[at - 1]!)) at--;
  return `${tag.slice(0, at)} ${name}="${escapeAttr(value)}"${tag.slice(close)}`;
}

/** A start tag (already checked by the parser) without one attribute; the others as they were. */
export function removeAttributeInTag(tag: string, name: string): string {
  const found = attributeSpans(tag).find((span) => span.name === name);
  return found ? tag.slice(0, found.start) + tag.slice(found.end) : tag;
}

/** Characters XML 1.0 cannot hold at all (a control character in a cell would make the part unreadable). */
const INVALID_XML =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function escapeText(text: string): string {
  // Most texts need nothing: one test instead of four replacements (a large check writes millions of texts).
  if (!MAY_NEED_ESCAPING.test(text)) return text;
  return text.replace(INVALID_XML, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** What escapeText may change: markup characters, and anything INVALID_XML may match (any surrogate, to be sure). */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const MAY_NEED_ESCAPING = /[&<>\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/;

/**
 * An inline string's `<is>` element. xml:space="preserve" only where white space would otherwise be open to
 * collapsing (at either end, line breaks, tabs, runs of spaces), as Excel writes it: on the tens of thousands of
 * texts a large check writes it was a fifth of the bytes. `prefix`: the one the sheet binds to its namespace.
 */
export function inlineStringXml(text: string, prefix = ""): string {
  const space = PRESERVE_NEEDED.test(text) ? ` xml:space="preserve"` : "";
  if (prefix === "") return `<is><t${space}>${escapeText(text)}</t></is>`;
  return `<${prefix}:is><${prefix}:t${space}>${escapeText(text)}</${prefix}:t></${prefix}:is>`;
}

const PRESERVE_NEEDED = /^\s|\s$|[\t\n\r]| {2}/;

/** What escapeAttr changes beyond escapeText. */
const ATTRIBUTE_SPECIAL = /["\n\r\t]/;

export function escapeAttr(text: string): string {
  // A hyperlink's location and display on every row of a large issues sheet: most need nothing.
  if (!MAY_NEED_ESCAPING.test(text) && !ATTRIBUTE_SPECIAL.test(text)) return text;
  return escapeText(text)
    .replace(/"/g, "&quot;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;")
    .replace(/\t/g, "&#9;");
}

/** `name="value" …`, escaped, in the order given; undefined values are left out. */
export function attributesText(
  attributes: ReadonlyArray<readonly [string, string | number | undefined]>,
): string {
  return attributes
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => ` ${name}="${escapeAttr(String(value))}"`)
    .join("");
}

/** Where an element is in a part's bytes: its `<`, past its start tag's `>`, past its end tag's `>`. */
export interface ElementAt {
  readonly start: number;
  readonly openEnd: number;
  readonly end: number;
}

/**
 * Where a top-level child of the root with local name `local` sits in a large part's bytes, found by a scan
 * that knows comments, CDATA, processing instructions and quoted attribute values, without building strings.
 * Why not a tree: a 100,000-row task sheet holds 60 MB of cells that Duban never changes; the parts around
 * them are then parsed into one (see outline below). Undefined when absent.
 * @throws XmlPartError on a DOCTYPE or markup that never ends
 */
export function locateTopLevel(bytes: Uint8Array, local: string, part: string): ElementAt | undefined {
  const name = new TextEncoder().encode(local);
  let found: ElementAt | undefined;
  eachTopLevel(bytes, part, (at, nameStart, nameEnd) => {
    if (!localNameIs(bytes, nameStart, nameEnd, name)) return false;
    found = at;
    return true;
  });
  return found;
}

/**
 * Calls `visit` with each child of the root element in `bytes` as it ends (its name at `[nameStart, nameEnd)`
 * of the bytes), by the same scan as locateTopLevel, until `visit` returns true. A worksheet's sheetData alone
 * is a root too: its children are the rows.
 * @returns where the root's end tag begins; -1 when the root is self-closing or the scan stopped first
 * @throws XmlPartError on a DOCTYPE or markup that never ends
 */
export function eachTopLevel(
  bytes: Uint8Array,
  part: string,
  visit: (at: ElementAt, nameStart: number, nameEnd: number) => boolean,
): number {
  const n = bytes.length;
  let depth = 0;
  let child: { start: number; openEnd: number; nameStart: number; nameEnd: number } | undefined;
  let i = 0;
  const skipTo = (pattern: readonly number[], from: number): number => {
    outer: for (let p = from; p + pattern.length <= n; p++) {
      for (let k = 0; k < pattern.length; k++) if (bytes[p + k] !== pattern[k]) continue outer;
      return p + pattern.length;
    }
    throw new XmlPartError(part, "malformed", "markup that never ends");
  };
  while (i < n) {
    // Character data between tags is skipped by the platform's own search, several times faster than a loop.
    i = bytes.indexOf(LT, i);
    if (i < 0) break;
    const next = bytes[i + 1];
    if (next === BANG) {
      if (bytes[i + 2] === DASH && bytes[i + 3] === DASH) i = skipTo(COMMENT_END, i + 4);
      else if (startsWithAt(bytes, i + 2, CDATA)) i = skipTo(CDATA_END, i + 2 + CDATA.length);
      else throw new XmlPartError(part, "doctype", "DOCTYPE");
      continue;
    }
    if (next === QUESTION) {
      i = skipTo(PI_END, i + 2);
      continue;
    }
    const closing = next === SLASH;
    let p = i + (closing ? 2 : 1);
    const nameStart = p;
    while (p < n && !isNameEnd(bytes[p]!)) p++;
    const nameEnd = p;
    let quote = 0;
    while (p < n) {
      const b = bytes[p]!;
      if (quote !== 0) {
        if (b === quote) quote = 0;
      } else if (b === QUOTE || b === APOSTROPHE) quote = b;
      else if (b === GT) break;
      p++;
    }
    if (p >= n) throw new XmlPartError(part, "malformed", "a tag that never ends");
    const selfClosing = !closing && bytes[p - 1] === SLASH;
    const tagEnd = p + 1;
    if (closing) {
      depth -= 1;
      if (depth === 0) return i;
      if (depth === 1 && child) {
        const open = child;
        child = undefined;
        if (visit({ start: open.start, openEnd: open.openEnd, end: tagEnd }, open.nameStart, open.nameEnd))
          return -1;
      }
    } else if (depth === 1) {
      if (selfClosing) {
        if (visit({ start: i, openEnd: tagEnd, end: tagEnd }, nameStart, nameEnd)) return -1;
      } else child = { start: i, openEnd: tagEnd, nameStart, nameEnd };
    }
    if (!closing && !selfClosing) depth += 1;
    i = tagEnd;
  }
  return -1;
}

const LT = 0x3c;
const GT = 0x3e;
const BANG = 0x21;
const DASH = 0x2d;
const QUESTION = 0x3f;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const COLON = 0x3a;
const COMMENT_END = [0x2d, 0x2d, 0x3e];
const CDATA = [0x5b, 0x43, 0x44, 0x41, 0x54, 0x41, 0x5b]; // [CDATA[
const CDATA_END = [0x5d, 0x5d, 0x3e];
const PI_END = [0x3f, 0x3e];

function isNameEnd(b: number): boolean {
  return b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d || b === GT || b === SLASH;
}

function startsWithAt(bytes: Uint8Array, at: number, pattern: readonly number[]): boolean {
  for (let k = 0; k < pattern.length; k++) if (bytes[at + k] !== pattern[k]) return false;
  return true;
}

function localNameIs(bytes: Uint8Array, start: number, end: number, name: Uint8Array): boolean {
  let colon = start - 1;
  for (let p = start; p < end; p++) if (bytes[p] === COLON) colon = p;
  const from = colon + 1;
  if (end - from !== name.length) return false;
  for (let k = 0; k < name.length; k++) if (bytes[from + k] !== name[k]) return false;
  return true;
}

/**
 * A large part with one top-level element (a worksheet's sheetData) left out of the text: that element
 * stands as an empty copy of its start tag (so saxes still checks its name and namespace), and its bytes are
 * put back untouched by `join`. Edits to the outline must not touch the placeholder.
 */
export interface Outline {
  readonly doc: XmlDocument;
  /** Whether the part began with a UTF-8 byte order mark, which join puts back. */
  readonly bom: boolean;
  /** The bytes from the hidden element's start to its end, as they were. */
  readonly hidden: Uint8Array;
  /** How many of the hidden bytes are its start tag. */
  readonly hiddenStartTag: number;
  readonly placeholderStart: number;
  readonly placeholderLength: number;
}

/**
 * The part's outline around its top-level `local` element, found where `known` (from a reading of these same
 * bytes) does not say already.
 * @throws XmlPartError
 */
export function outline(bytes: Uint8Array, local: string, part: string, known?: ElementAt): Outline {
  const decoder = new TextDecoder("utf-8");
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const at = known ?? locateTopLevel(bytes, local, part);
  if (!at) {
    const doc = parseXml(decoder.decode(bytes), part);
    return {
      doc,
      bom,
      hidden: new Uint8Array(0),
      hiddenStartTag: 0,
      placeholderStart: doc.text.length,
      placeholderLength: 0,
    };
  }
  const before = decoder.decode(bytes.subarray(0, at.start));
  const startTag = decoder.decode(bytes.subarray(at.start, at.openEnd));
  const placeholder = startTag.endsWith("/>") ? startTag : startTag.replace(/>$/, "/>");
  const after = decoder.decode(bytes.subarray(at.end));
  const doc = parseXml(before + placeholder + after, part);
  return {
    doc,
    bom,
    hidden: bytes.subarray(at.start, at.end),
    hiddenStartTag: at.openEnd - at.start,
    placeholderStart: before.length,
    placeholderLength: placeholder.length,
  };
}

/**
 * The part's bytes again from an outline's (edited) text, with the hidden element's bytes in their place; and
 * where it is in them (undefined when nothing was hidden).
 */
export function joinOutline(shape: Outline, text: string): { bytes: Uint8Array; hidden?: ElementAt } {
  const encoder = new TextEncoder();
  const head = encoder.encode((shape.bom ? "\uFEFF" : "") + text.slice(0, shape.placeholderStart));
  const tail = encoder.encode(text.slice(shape.placeholderStart + shape.placeholderLength));
  const out = new Uint8Array(head.length + shape.hidden.length + tail.length);
  out.set(head);
  out.set(shape.hidden, head.length);
  out.set(tail, head.length + shape.hidden.length);
  if (shape.hidden.length === 0) return { bytes: out };
  const start = head.length;
  return {
    bytes: out,
    hidden: { start, openEnd: start + shape.hiddenStartTag, end: start + shape.hidden.length },
  };
}
