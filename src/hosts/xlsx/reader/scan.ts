// A streaming, namespace-aware XML scanner over bytes, for every part Duban reads or writes: the large ones
// (worksheets, shared strings) streamed, the small ones built into trees (xml.ts), every written one checked.
// Why not saxes, which did the small ones once: it reads about 15 MB/s here, and a 100,000-row sheet is 40 to
// 80 MB of XML; why bytes and not text: decoding 80 MB to a string and then slicing a string for
// every tag name, attribute and value is most of the time a string scanner spends. This one looks at UTF-8
// bytes, makes a string only for what its caller asks for, and still resolves every element's namespace from
// the declarations in scope (a prefix means what it is bound to, wherever that is declared), decodes entities
// and character references, takes CDATA as text, skips comments and processing instructions, and refuses a
// DOCTYPE or markup that never closes.

import { XmlPartError } from "../xml-error";

export interface ScanHandler {
  /** An element opens; `attributes` is reused between calls (read what you keep before returning). */
  open(uri: string, local: string, attributes: Attributes, selfClosing: boolean): void;
  close(uri: string, local: string): void;
  /**
   * Character data of an element that asked for it, as raw bytes `[from, to)` of `bytes` (valid only during
   * the call): `textOf` decodes it. One element's text may come in several pieces (around a comment or CDATA).
   */
  text(bytes: Uint8Array, from: number, to: number, cdata: boolean): void;
}

/**
 * Reads one whole element of a shape its caller knows by heart, from the `<` at `lt` in `s` (complete up to
 * `n`): it reports the element itself and returns the offset just past it, or returns -1 having reported
 * nothing, to leave the element to the scanner. It must take no construct the scanner would refuse or read
 * otherwise: a shortcut only ever spares the general reading's work.
 */
export type Shortcut = (s: Uint8Array, lt: number, n: number) => number;

const XML_NS = "http://www.w3.org/XML/1998/namespace";
/** Bytes a shortcut is given at least, but at a part's end: more than most rows of a task table. */
const SHORTCUT_ROOM = 16 * 1024;
export const LT = 60;
export const GT = 62;
export const SLASH = 47;
export const AMP = 38;
export const CR = 13;

/**
 * The attributes of the current start tag, as offsets into the bytes being scanned: a name or value becomes a
 * string only when asked for, which spares millions of small strings on a large sheet.
 */
export class Attributes {
  /** [nameStart, nameEnd, valueStart, valueEnd] per attribute. */
  readonly offsets: number[] = [];
  count = 0;
  bytes: Uint8Array = EMPTY;
  part = "";

  /** The index of an unprefixed attribute (ASCII name), or -1. */
  indexOf(name: string): number {
    const o = this.offsets;
    const b = this.bytes;
    outer: for (let i = 0; i < this.count; i++) {
      const k = i * 4;
      const start = o[k]!;
      if (o[k + 1]! - start !== name.length) continue;
      for (let j = 0; j < name.length; j++) if (b[start + j] !== name.charCodeAt(j)) continue outer;
      return i;
    }
    return -1;
  }

  /** An unprefixed attribute's value (its references decoded). */
  get(name: string): string | undefined {
    const i = this.indexOf(name);
    return i < 0 ? undefined : this.value(i);
  }

  name(i: number): string {
    return utf8(this.bytes, this.offsets[i * 4]!, this.offsets[i * 4 + 1]!);
  }

  value(i: number): string {
    return textOf(this.bytes, this.offsets[i * 4 + 2]!, this.offsets[i * 4 + 3]!, false, this.part, false);
  }

  /**
   * The value as XML normalises an attribute's: each literal tab, line feed, carriage return or CR LF a
   * space (a reference to one stays what it stands for), then references decoded.
   */
  normalizedValue(i: number): string {
    const raw = utf8(this.bytes, this.offsets[i * 4 + 2]!, this.offsets[i * 4 + 3]!);
    return decode(/[\t\n\r]/.test(raw) ? raw.replace(/\r\n|[\t\n\r]/g, " ") : raw, this.part);
  }

  /** The value as a non-negative integer when it is written as plain digits (at most 15), else -1. */
  digits(i: number): number {
    return digitsOf(this.bytes, this.offsets[i * 4 + 2]!, this.offsets[i * 4 + 3]!);
  }
}

/** An element name as written, resolved in one scope. */
interface Name {
  readonly qname: Uint8Array;
  readonly text: string;
  readonly uri: string;
  readonly local: string;
  readonly wantsText: boolean;
  readonly hash: number;
}

/** The names met in one namespace scope, by a hash of their bytes: no string is made to look one up. */
class NameTable {
  private readonly slots: Array<Name[] | undefined> = new Array<Name[] | undefined>(NAME_SLOTS);

  find(s: Uint8Array, from: number, to: number, hash: number): Name | undefined {
    const chain = this.slots[hash & (NAME_SLOTS - 1)];
    if (chain === undefined) return undefined;
    for (const name of chain) if (name.hash === hash && sameBytes(name.qname, s, from, to)) return name;
    return undefined;
  }

  add(name: Name): void {
    (this.slots[name.hash & (NAME_SLOTS - 1)] ??= []).push(name);
  }
}

const NAME_SLOTS = 64;

/** What an element that declares namespaces hides until it closes. */
interface SavedScope {
  readonly scope: Map<string, string>;
  readonly names: NameTable;
}

/**
 * Feeds bytes in any pieces (a chunk may end anywhere, even inside a tag, a character reference or a UTF-8
 * sequence) and calls the handler as complete constructs arrive. `wantText` says, per element, whether its
 * text matters: text elsewhere is skipped without being decoded.
 */
export class XmlScanner {
  private buffer: Uint8Array = EMPTY;
  /**
   * Where a piece is joined to what the one before left, reused from piece to piece: a part read in pieces of
   * a megabyte made a new megabyte for each, and freed blocks of that size stay with the process.
   */
  private joined: Uint8Array = EMPTY;
  /** The open elements' names, and for each the scope it replaced (null when it declared nothing). */
  private readonly openNames: Name[] = [];
  private readonly saved: Array<SavedScope | null> = [];
  private scope: Map<string, string> = new Map([["xml", XML_NS]]);
  private names = new NameTable();
  private readonly attributes = new Attributes();
  private textWanted = false;
  private shortcut: Shortcut | undefined = undefined;
  /** null: wherever (a check of well-formedness, to which an unprefixed name is as good in any scope). */
  private shortcutUri: string | null = "";
  /** A shortcut is set and unprefixed names are in its namespace here. */
  private shortcutLive = false;
  private sawRoot = false;
  private ended = false;
  private atStart = true;
  /** Where the document begins in the part: past a byte order mark (an XML declaration may stand only there). */
  private documentStart = 0;

  /** Where the scanned bytes (`s` in scan) begin in the part: the bytes pushed before them. */
  private base = 0;
  private pushed = 0;
  /** Where the tag just reported begins (its `<`) and ends (past its `>`), as offsets in the whole part. */
  tagStart = 0;
  tagEnd = 0;
  /** The qualified name (`x:row`) of the start tag just reported, as written. */
  tagName = "";

  /**
   * The namespace bindings in scope at the tag just reported, its own declarations included (prefix, "" for
   * the default). A scope is never changed once made: an element that declares nothing shares its parent's.
   */
  get namespaces(): ReadonlyMap<string, string> {
    return this.scope;
  }

  /** How many elements are open around the one just reported (0 for the root). */
  get depth(): number {
    return this.openNames.length;
  }

  /** Namespace names as the caller holds them, so that comparing with them is comparing references. */
  private readonly known = new Map<string, string>();

  constructor(
    private readonly part: string,
    private readonly handler: ScanHandler,
    private readonly wantText: (uri: string, local: string) => boolean = () => false,
    namespaces: readonly string[] = [],
    /** Also refuses what a reader can pass over but a writer must never write (see checkWellFormed). */
    private readonly strict = false,
  ) {
    for (const uri of namespaces) this.known.set(uri, uri);
    this.attributes.part = part;
  }

  /** Stops at the next construct: the reader has what it needs (the first rows of a sheet). */
  stop(): void {
    this.ended = true;
  }

  get stopped(): boolean {
    return this.ended;
  }

  /**
   * Tries `shortcut` at every start tag from now on, wherever the default namespace is `uri`, or everywhere
   * for null (the shortcut reads unprefixed names as that namespace's, and gives up on any tag that declares
   * one); undefined ends it.
   * A worksheet's million cells are each three tags of one shape: read by hand, they cost a third as much.
   */
  setShortcut(uri: string | null, shortcut: Shortcut | undefined): void {
    this.shortcut = shortcut;
    this.shortcutUri = uri;
    this.weighShortcut();
  }

  private setScope(scope: Map<string, string>, names: NameTable): void {
    this.scope = scope;
    this.names = names;
    this.weighShortcut();
  }

  /** Whether the shortcut applies in the current scope: decided when either changes, not at every tag. */
  private weighShortcut(): void {
    this.shortcutLive =
      this.shortcut !== undefined && (this.shortcutUri === null || this.scope.get("") === this.shortcutUri);
  }

  push(chunk: Uint8Array): void {
    if (this.ended) return;
    // Always a plain Uint8Array (not a Buffer, its subclass): one kind of array keeps every access monomorphic.
    let s =
      chunk.constructor === Uint8Array ? chunk : new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
    if (this.buffer.length > 0) {
      const length = this.buffer.length + chunk.length;
      if (this.joined.length < length) this.joined = new Uint8Array(length + (length >> 3));
      s = this.joined.subarray(0, length);
      s.set(this.buffer);
      s.set(chunk, this.buffer.length);
    }
    this.base = this.pushed - this.buffer.length;
    this.pushed += chunk.length;
    if (s.length === 0) return;
    if (this.atStart) {
      if (s.length < 3 && s[0] === 0xef) {
        this.buffer = s.slice();
        return;
      }
      this.atStart = false;
      if (s[0] === 0xef && s[1] === 0xbb && s[2] === 0xbf) {
        s = s.subarray(3);
        this.base += 3;
      }
      this.documentStart = this.base;
    }
    const at = this.scan(s, false);
    // Kept as a copy: the caller may reuse its chunk.
    this.buffer = at >= s.length ? EMPTY : s.slice(at);
  }

  /** @throws XmlPartError when the part ends inside markup or with elements open */
  end(): void {
    if (this.ended) return;
    const s = this.buffer;
    this.base = this.pushed - s.length;
    const at = this.scan(s, true);
    // Stopped by the reader in what was left for the end (see SHORTCUT_ROOM): it has what it needs.
    if (this.ended) {
      this.buffer = EMPTY;
      return;
    }
    for (let p = at; p < s.length; p++) if (!isSpace(s[p]!)) this.fail("the part ends inside markup");
    const open = this.openNames.length;
    if (open > 0) this.fail(`<${this.openNames[open - 1]!.text}> is never closed`);
    if (!this.sawRoot) this.fail("no root element");
    this.buffer = EMPTY;
  }

  private fail(detail: string): never {
    throw new XmlPartError(this.part, "malformed", detail);
  }

  /** Scans `s` from the start; returns where the unfinished rest begins. */
  private scan(s: Uint8Array, last: boolean): number {
    let i = 0;
    const n = s.length;
    while (i < n && !this.ended) {
      let lt = i;
      while (lt < n && s[lt] !== LT) lt++;
      if (lt >= n) {
        // Text up to the end: keep it until the next chunk (it may end in the middle of a reference).
        if (!last) return i;
        this.outsideText(s, i, n);
        if (this.strict) this.checkText(s, i, n);
        if (this.textWanted) this.handler.text(s, i, n, false);
        return n;
      }
      if (lt > i) {
        if (this.openNames.length === 0) this.outsideText(s, i, lt);
        else {
          if (this.strict) this.checkText(s, i, lt);
          if (this.textWanted) this.handler.text(s, i, lt, false);
        }
      }
      if (lt + 1 >= n) return last ? this.fail("the part ends inside a tag") : lt;
      const next = s[lt + 1]!;
      if (next === 33 /* ! */) {
        if (startsWith(s, lt, COMMENT)) {
          const end = find(s, lt + 4, DASH_DASH_GT);
          if (end < 0) return last ? this.fail("a comment never ends") : lt;
          if (this.strict) this.checkComment(s, lt + 4, end);
          i = end + 3;
          continue;
        }
        if (startsWith(s, lt, CDATA)) {
          const end = find(s, lt + 9, CDATA_END);
          if (end < 0) return last ? this.fail("a CDATA section never ends") : lt;
          if (this.strict) this.checkCharacters(s, lt + 9, end);
          if (this.textWanted) this.handler.text(s, lt + 9, end, true);
          i = end + 3;
          continue;
        }
        if (lt + 9 > n && !last) return lt;
        if (startsWith(s, lt, DOCTYPE)) throw new XmlPartError(this.part, "doctype", "DOCTYPE");
        return this.fail("unexpected markup");
      }
      if (next === 63 /* ? */) {
        const end = find(s, lt + 2, QUESTION_GT);
        if (end < 0) return last ? this.fail("a processing instruction never ends") : lt;
        if (this.strict) this.checkProcessingInstruction(s, lt, end);
        i = end + 2;
        continue;
      }
      // Inside the root only: the root, and a second one, are the general reading's to see.
      if (this.shortcutLive && next !== SLASH && this.openNames.length > 0) {
        // Near a chunk's end the rest waits for the next chunk: a shortcut reads its fixed offsets without
        // bounds checks, and a read past the end of the bytes deoptimises it. Cut at every chunk, a sheet
        // read in 64 kB slices ran at half the speed of the same sheet read whole.
        if (!last && n - lt < SHORTCUT_ROOM) return lt;
        const past = this.shortcut!(s, lt, n);
        if (past >= 0) {
          i = past;
          continue;
        }
      }
      // An end tag holds no quotes; a start tag is read once, its end found on the way.
      const end = next === SLASH ? this.closeTag(s, lt + 2, n) : this.openTag(s, lt + 1, n);
      if (end < 0) return last ? this.fail("a tag never ends") : lt;
      i = end + 1;
    }
    return this.ended ? n : i;
  }

  /** Outside the root element only white space may stand. */
  private outsideText(s: Uint8Array, from: number, to: number): void {
    if (this.openNames.length > 0) return;
    for (let p = from; p < to; p++) if (!isSpace(s[p]!)) this.fail("text outside the root element");
  }

  /**
   * Reads a start tag from `from` (just after its `<`) and reports it; returns the offset of its `>`, or -1
   * when the tag is not complete in `s` yet (then nothing is reported).
   */
  private openTag(s: Uint8Array, from: number, n: number): number {
    let p = from;
    let hash = 0;
    for (; p < n; p++) {
      const c = s[p]!;
      if (c === GT || c === SLASH || isSpace(c)) break;
      hash = (Math.imul(hash, 31) + c) | 0;
    }
    if (p >= n) return -1;
    const nameEnd = p;
    if (nameEnd === from) this.fail("a tag without a name");
    const attrs = this.attributes;
    attrs.count = 0;
    attrs.bytes = s;
    const offsets = attrs.offsets;
    let declares = false;
    let end: number;
    let selfClosing = false;
    for (;;) {
      while (p < n && isSpace(s[p]!)) p++;
      if (p >= n) return -1;
      const c = s[p]!;
      if (c === GT) {
        end = p;
        break;
      }
      if (c === SLASH) {
        if (p + 1 >= n) return -1;
        if (s[p + 1] !== GT) this.fail(`<${utf8(s, from, nameEnd)}> has a stray /`);
        end = p + 1;
        selfClosing = true;
        break;
      }
      const attrStart = p;
      while (p < n) {
        const d = s[p]!;
        if (d === 61 /* = */ || d === GT || d === SLASH || isSpace(d)) break;
        p++;
      }
      const attrEnd = p;
      while (p < n && isSpace(s[p]!)) p++;
      if (p >= n) return -1;
      if (s[p] !== 61) this.fail(`an attribute of <${utf8(s, from, nameEnd)}> has no value`);
      p++;
      while (p < n && isSpace(s[p]!)) p++;
      if (p >= n) return -1;
      const quote = s[p]!;
      if (quote !== 34 && quote !== 39)
        this.fail(`an attribute of <${utf8(s, from, nameEnd)}> is not quoted`);
      let close = p + 1;
      while (close < n && s[close] !== quote) close++;
      if (close >= n) return -1;
      const k = attrs.count * 4;
      offsets[k] = attrStart;
      offsets[k + 1] = attrEnd;
      offsets[k + 2] = p + 1;
      offsets[k + 3] = close;
      attrs.count++;
      if (s[attrStart] === 120 /* x */ && startsWith(s, attrStart, XMLNS)) {
        if (attrEnd - attrStart === 5 || s[attrStart + 5] === 58 /* : */) declares = true;
      }
      p = close + 1;
      if (this.strict && p < n && !isSpace(s[p]!) && s[p] !== GT && s[p] !== SLASH)
        this.fail(`the attributes of <${utf8(s, from, nameEnd)}> are not separated by white space`);
    }
    if (this.strict) this.checkAttributes(s, from, nameEnd);
    if (!this.sawRoot) this.sawRoot = true;
    else if (this.openNames.length === 0) this.fail("a second root element");
    let saved: SavedScope | null = null;
    if (declares) {
      saved = { scope: this.scope, names: this.names };
      const scope = new Map(this.scope);
      for (let k = 0; k < attrs.count; k++) {
        const name = attrs.name(k);
        if (name !== "xmlns" && !name.startsWith("xmlns:")) continue;
        // The caller's own string for a namespace it knows: two million comparisons with it a sheet.
        // Normalised as any attribute's value, and trimmed: a namespace name has no white space around it.
        const value = attrs.normalizedValue(k).trim();
        if (this.strict) checkDeclaration(name, value, (detail) => this.fail(detail));
        scope.set(name === "xmlns" ? "" : name.slice(6), this.known.get(value) ?? value);
      }
      this.setScope(scope, new NameTable());
    }
    const name = this.names.find(s, from, nameEnd, hash) ?? this.resolve(s, from, nameEnd, hash);
    if (this.strict) this.checkAttributePrefixes();
    this.tagStart = this.base + from - 1;
    this.tagEnd = this.base + end + 1;
    this.tagName = name.text;
    this.handler.open(name.uri, name.local, attrs, selfClosing);
    if (selfClosing) {
      if (saved) this.setScope(saved.scope, saved.names);
      this.handler.close(name.uri, name.local);
      return end;
    }
    this.openNames.push(name);
    this.saved.push(saved);
    this.textWanted = name.wantsText;
    return end;
  }

  /** An element name's namespace and local name in the current scope, remembered until the scope changes. */
  private resolve(s: Uint8Array, from: number, to: number, hash: number): Name {
    const qname = utf8(s, from, to);
    if (this.strict && nameBytesProblem(s, from, to) === -2)
      this.fail(`<${qname}> is not a valid element name`);
    const colon = qname.indexOf(":");
    const prefix = colon < 0 ? "" : qname.slice(0, colon);
    const uri = this.scope.get(prefix);
    if (uri === undefined && prefix !== "") this.fail(`the prefix ${prefix} of <${qname}> is not declared`);
    const local = colon < 0 ? qname : qname.slice(colon + 1);
    const name: Name = {
      qname: s.slice(from, to),
      text: qname,
      uri: uri ?? "",
      local,
      wantsText: this.wantText(uri ?? "", local),
      hash,
    };
    this.names.add(name);
    return name;
  }

  /** A comment's text (between `<!--` and `-->`): no `--` in it, and no `-` last (`--->` ends none). */
  private checkComment(s: Uint8Array, from: number, to: number): void {
    for (let p = from; p + 1 < to; p++) if (s[p] === 45 && s[p + 1] === 45) this.fail("-- inside a comment");
    if (to > from && s[to - 1] === 45) this.fail("a comment ends with --->");
    this.checkCharacters(s, from, to);
  }

  /**
   * A processing instruction from its `<?` at `lt` to its `?>` at `end`: a target that is a name without a
   * colon, never `xml` in any case but as the XML declaration, which stands first in the part and reads as
   * XML 1.0 has it (version 1.x, then an encoding name and standalone yes or no where given).
   */
  private checkProcessingInstruction(s: Uint8Array, lt: number, end: number): void {
    let p = lt + 2;
    while (p < end && !isSpace(s[p]!)) p++;
    const target = utf8(s, lt + 2, p);
    if (nameBytesProblem(s, lt + 2, p) !== -1) this.fail(`<?${target}> has no valid target`);
    if (target.toLowerCase() !== "xml") {
      if (p < end && !isSpace(s[p]!)) this.fail(`<?${target}> has no valid target`);
      this.checkCharacters(s, p, end);
      return;
    }
    if (target !== "xml" || this.base + lt !== this.documentStart)
      this.fail("an XML declaration anywhere but at the start of the part");
    if (!XML_DECLARATION.test(utf8(s, lt, end + 2))) this.fail("an XML declaration XML 1.0 does not read");
  }

  /** Character data: only characters XML allows, and references that stand for one (one pass). */
  private checkText(s: Uint8Array, from: number, to: number): void {
    for (let p = from; p < to; p++) {
      const c = s[p]!;
      if (c >= 0x20 && c !== AMP && c !== GT && c !== 0xef) continue;
      if (c === AMP) p = this.checkReference(s, p, to);
      else if (c === GT) {
        if (p >= from + 2 && s[p - 1] === 93 && s[p - 2] === 93) this.fail("]]> in text");
      } else this.checkCharacters(s, p, p + 1);
    }
  }

  /** XML's Char production, in UTF-8 (checkWellFormed has checked the encoding): no C0 control but tab and line ends, no U+FFFE or U+FFFF. */
  private checkCharacters(s: Uint8Array, from: number, to: number): void {
    for (let p = from; p < to; p++) {
      const c = s[p]!;
      if (c >= 0x20 && c !== 0xef) continue;
      if (
        c < 0x20
          ? c !== 9 && c !== 10 && c !== 13
          : s[p + 1] === 0xbf && (s[p + 2] === 0xbe || s[p + 2] === 0xbf)
      ) {
        this.fail(`a character XML does not allow (byte ${c.toString(16)} at ${p})`);
      }
    }
  }

  /** The reference at `at` (an &): a known entity or a reference to a character XML allows; returns its `;`. */
  private checkReference(s: Uint8Array, at: number, to: number): number {
    let semi = at + 1;
    while (semi < to && semi - at <= 12 && s[semi] !== 59 /* ; */) semi++;
    if (semi >= to || s[semi] !== 59) this.fail("a bare & in text or an attribute");
    const reference = utf8(s, at, semi + 1);
    const text = decode(reference, this.part);
    const code = text.codePointAt(0)!;
    if (!isXmlChar(code)) this.fail(`${reference} stands for a character XML does not allow`);
    return semi;
  }

  /**
   * Names that are names, values without < and with valid references, no attribute twice, and each prefixed
   * attribute's prefix bound (with no two attributes of one namespace and local name). Read from the bytes:
   * a large sheet has millions of attributes.
   */
  private checkAttributes(s: Uint8Array, from: number, nameEnd: number): void {
    const attrs = this.attributes;
    const o = attrs.offsets;
    let prefixed = false;
    for (let i = 0; i < attrs.count; i++) {
      const k = i * 4;
      const colon = nameBytesProblem(s, o[k]!, o[k + 1]!);
      if (colon === -2) this.fail(`<${utf8(s, from, nameEnd)}> has an attribute named ${attrs.name(i)}`);
      // xml: is bound everywhere, and one such attribute cannot clash with another (a twin is caught below).
      if (colon >= 0 && !(colon - o[k]! === 3 && startsWith(s, o[k]!, XML_PREFIX))) prefixed = true;
      for (let p = o[k + 2]!; p < o[k + 3]!; p++) {
        const c = s[p]!;
        if (c >= 0x20 && c !== LT && c !== AMP && c !== 0xef) continue;
        if (c === LT) this.fail(`an attribute of <${utf8(s, from, nameEnd)}> holds a <`);
        if (c === AMP) p = this.checkReference(s, p, o[k + 3]!);
        else this.checkCharacters(s, p, p + 1);
      }
      for (let j = 0; j < i; j++) {
        if (sameSpan(s, o[j * 4]!, o[j * 4 + 1]!, o[k]!, o[k + 1]!)) {
          this.fail(`<${utf8(s, from, nameEnd)}> has the attribute ${attrs.name(i)} twice`);
        }
      }
    }
    if (prefixed) this.prefixedAttributes = true;
  }

  /** Set by checkAttributes for the tag being read: some attribute has a prefix. */
  private prefixedAttributes = false;

  /** Each prefixed attribute's prefix is bound, and no two attributes have the same namespace and local name. */
  private checkAttributePrefixes(): void {
    if (!this.prefixedAttributes) return;
    this.prefixedAttributes = false;
    const attrs = this.attributes;
    const expanded = new Set<string>();
    for (let i = 0; i < attrs.count; i++) {
      const name = attrs.name(i);
      const colon = name.indexOf(":");
      if (colon < 0 || name.startsWith("xmlns:")) continue;
      const uri = this.scope.get(name.slice(0, colon));
      if (uri === undefined) this.fail(`the prefix of the attribute ${name} is not declared`);
      const key = `{${uri}}${name.slice(colon + 1)}`;
      if (expanded.has(key)) this.fail(`the attribute ${key} is given twice`);
      expanded.add(key);
    }
  }

  /** Reads an end tag from `from` (just after `</`); returns the offset of its `>`, or -1 if incomplete. */
  private closeTag(s: Uint8Array, from: number, n: number): number {
    let p = from;
    while (p < n && s[p] !== GT && !isSpace(s[p]!)) p++;
    const nameEnd = p;
    while (p < n && s[p] !== GT) p++;
    if (p >= n) return -1;
    const names = this.openNames;
    const top = names[names.length - 1];
    // Compared in place: a sheet closes two million elements, and none needs its name as a string.
    if (!top || !sameBytes(top.qname, s, from, nameEnd) || !allSpace(s, nameEnd, p)) {
      return this.fail(`</${utf8(s, from, p).trim()}> closes ${top ? `<${top.text}>` : "nothing"}`);
    }
    names.pop();
    const saved = this.saved.pop();
    if (saved) this.setScope(saved.scope, saved.names);
    this.tagStart = this.base + from - 2;
    this.tagEnd = this.base + p + 1;
    this.handler.close(top.uri, top.local);
    const parent = names[names.length - 1];
    this.textWanted = parent ? parent.wantsText : false;
    return p;
  }
}

const EMPTY = new Uint8Array(0);
export const ascii = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const COMMENT = ascii("<!--");
const DASH_DASH_GT = ascii("-->");
const CDATA = ascii("<![CDATA[");
const CDATA_END = ascii("]]>");
const DOCTYPE = ascii("<!DOCTYPE");
const QUESTION_GT = ascii("?>");
export const XMLNS = ascii("xmlns");
const XML_PREFIX = ascii("xml:");

export function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function allSpace(s: Uint8Array, from: number, to: number): boolean {
  for (let p = from; p < to; p++) if (!isSpace(s[p]!)) return false;
  return true;
}

export function startsWith(s: Uint8Array, at: number, pattern: Uint8Array): boolean {
  if (at + pattern.length > s.length) return false;
  for (let j = 0; j < pattern.length; j++) if (s[at + j] !== pattern[j]) return false;
  return true;
}

/** Where `pattern` first occurs in `s` from `from`, or -1. */
export function find(s: Uint8Array, from: number, pattern: Uint8Array): number {
  const first = pattern[0]!;
  for (let p = s.indexOf(first, from); p >= 0; p = s.indexOf(first, p + 1)) {
    if (startsWith(s, p, pattern)) return p;
    if (p + pattern.length > s.length) return -1;
  }
  return -1;
}

function sameSpan(s: Uint8Array, a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let j = 0; j < aEnd - a; j++) if (s[a + j] !== s[b + j]) return false;
  return true;
}

function sameBytes(name: Uint8Array, s: Uint8Array, from: number, to: number): boolean {
  if (to - from !== name.length) return false;
  for (let j = 0; j < name.length; j++) if (s[from + j] !== name[j]) return false;
  return true;
}

/** `[from, to)` as plain digits (at most 15, so exact), else -1. */
export function digitsOf(s: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let value = 0;
  for (let p = from; p < to; p++) {
    const d = s[p]! - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Made when first needed: a module that only imports this one must load where TextDecoder is not defined. */
let utf8Decoder: TextDecoder | undefined;

/** UTF-8 bytes as a string; short ASCII, most of what a sheet holds, without the decoder's call. */
function utf8(s: Uint8Array, from: number, to: number): string {
  if (to - from <= 16) {
    let text = "";
    for (let p = from; p < to; p++) {
      const c = s[p]!;
      if (c >= 0x80) return (utf8Decoder ??= new TextDecoder("utf-8")).decode(s.subarray(from, to));
      text += String.fromCharCode(c);
    }
    return text;
  }
  return (utf8Decoder ??= new TextDecoder("utf-8")).decode(s.subarray(from, to));
}

/**
 * Raw character data or an attribute value as text: UTF-8 decoded, line ends normalised (for character
 * data), references decoded (except in CDATA). @throws XmlPartError on an unknown entity
 */
export function textOf(
  s: Uint8Array,
  from: number,
  to: number,
  cdata: boolean,
  part: string,
  lineEndsToo = true,
): string {
  let references = false;
  let carriage = false;
  let bits = 0;
  for (let p = from; p < to; p++) {
    const c = s[p]!;
    if (c === AMP) {
      // ASCII so far: most such texts are ASCII throughout, references and all (openpyxl writes every other
      // character as one), and are read from the bytes in one pass from here.
      if (!references && !cdata && bits < 0x80 && !carriage && to - from <= REFERENCE_UNITS.length) {
        const text = asciiWithReferences(s, from, to);
        if (text !== undefined) return text;
      }
      references = true;
    } else {
      bits |= c;
      if (c === CR) carriage = true;
    }
  }
  let text = utf8(s, from, to);
  if (carriage && lineEndsToo) text = lineEnds(text);
  return references && !cdata ? decode(text, part) : text;
}

/** Room for the UTF-16 code units of one text read by asciiWithReferences (never more than its bytes). */
const REFERENCE_UNITS = new Uint16Array(4096);

/**
 * ASCII text with references in it, decoded straight from its bytes: what openpyxl writes for any text that
 * is not ASCII (every CJK character as `&#NNNNN;`), hundreds of thousands of cells in a large sheet. Undefined
 * for a byte beyond ASCII, a CR (line ends are decode's caller's), or any reference it does not read as
 * decode() would (then decode() reads it, or says what is wrong).
 */
function asciiWithReferences(s: Uint8Array, from: number, to: number): string | undefined {
  const units = REFERENCE_UNITS;
  let k = 0;
  for (let p = from; p < to; p++) {
    const c = s[p]!;
    if (c !== AMP) {
      if (c >= 0x80 || c === CR) return undefined;
      units[k++] = c;
      continue;
    }
    let semi = p + 1;
    while (semi < to && semi - p < 11 && s[semi] !== 59 /* ; */) semi++;
    if (semi >= to || s[semi] !== 59) return undefined;
    let code: number;
    if (s[p + 1] === 35 /* # */) {
      code = referencedCode(s, p + 2, semi);
      if (code < 0) return undefined;
    } else {
      code = namedCode(s, p + 1, semi);
      if (code < 0) return undefined;
    }
    if (code > 0xffff) {
      code -= 0x10000;
      units[k++] = 0xd800 + (code >> 10);
      units[k++] = 0xdc00 + (code & 0x3ff);
    } else units[k++] = code;
    p = semi;
  }
  return String.fromCharCode.apply(null, units.subarray(0, k) as unknown as number[]);
}

/** characterReference over bytes: the code point of `#…;` between `from` (after `&#`) and `semi`, or -1. */
function referencedCode(s: Uint8Array, from: number, semi: number): number {
  const hex = s[from] === 120; /* x */
  let p = hex ? from + 1 : from;
  if (p >= semi) return -1;
  let code = 0;
  for (; p < semi; p++) {
    const c = s[p]!;
    let digit: number;
    if (c >= 48 && c <= 57) digit = c - 48;
    else if (hex && (c | 0x20) >= 97 && (c | 0x20) <= 102) digit = (c | 0x20) - 87;
    else return -1;
    code = code * (hex ? 16 : 10) + digit;
    if (code > 0x10ffff) return -1;
  }
  return code;
}

/** The character of one of XML's five entities named in `[from, semi)`, or -1. */
function namedCode(s: Uint8Array, from: number, semi: number): number {
  for (const [name, code] of NAMED_BYTES) {
    if (name.length === semi - from && startsWith(s, from, name)) return code;
  }
  return -1;
}

/**
 * XML's end-of-line handling (XML 1.0, 2.11): a literal CR LF or lone CR is read as LF. It comes before
 * references are decoded, so `&#13;` still stands for a carriage return.
 */
export function lineEnds(text: string): string {
  return text.indexOf("\r") < 0 ? text : text.replace(/\r\n?/g, "\n");
}

// No prototype: "&toString;" or "&constructor;" must be unknown entities, not an Object's own functions.
const NAMED: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  lt: "<",
  gt: ">",
  amp: "&",
  quot: '"',
  apos: "'",
});
const NAMED_BYTES: ReadonlyArray<readonly [Uint8Array, number]> = Object.entries(NAMED).map(
  ([name, text]) => [ascii(name), text.charCodeAt(0)],
);

/**
 * Text with its entity and character references replaced, in one pass (a sheet written with every CJK
 * character as `&#NNNNN;` has millions of them). @throws XmlPartError on an unknown entity
 */
export function decode(text: string, part: string): string {
  let at = text.indexOf("&");
  if (at < 0) return text;
  let out = "";
  let from = 0;
  while (at >= 0) {
    const semi = text.indexOf(";", at + 1);
    if (semi < 0 || semi - at > 11)
      throw new XmlPartError(part, "malformed", `a bare & in ${text.slice(at, at + 12)}`);
    out += text.slice(from, at);
    if (text.charCodeAt(at + 1) === 35 /* # */) {
      const code = characterReference(text, at + 2, semi);
      if (code < 0)
        throw new XmlPartError(part, "malformed", `bad character reference ${text.slice(at, semi + 1)}`);
      out += String.fromCodePoint(code);
    } else {
      const named = NAMED[text.slice(at + 1, semi)];
      if (named === undefined)
        throw new XmlPartError(part, "malformed", `unknown entity ${text.slice(at, semi + 1)}`);
      out += named;
    }
    from = semi + 1;
    at = text.indexOf("&", from);
  }
  return out + text.slice(from);
}

/** The code point of `#…;` between `from` (after `&#`) and `semi`, or -1 when it is not a valid one. */
function characterReference(text: string, from: number, semi: number): number {
  const hex = text.charCodeAt(from) === 120; /* x */
  let p = hex ? from + 1 : from;
  if (p >= semi) return -1;
  let code = 0;
  for (; p < semi; p++) {
    const c = text.charCodeAt(p);
    let digit: number;
    if (c >= 48 && c <= 57) digit = c - 48;
    else if (hex && (c | 0x20) >= 97 && (c | 0x20) <= 102) digit = (c | 0x20) - 87;
    else return -1;
    code = code * (hex ? 16 : 10) + digit;
    if (code > 0x10ffff) return -1;
  }
  return code;
}

/**
 * -2 when the bytes are not an XML name as a writer would write one (a letter, _ or : first, or any character
 * beyond ASCII; then those, digits, - and . too: XML's full NameChar ranges differ only beyond ASCII, where this
 * accepts all), else the offset of its colon, or -1 without one.
 */
function nameBytesProblem(s: Uint8Array, from: number, to: number): number {
  if (to <= from) return -2;
  let colon = -1;
  for (let p = from; p < to; p++) {
    const c = s[p]!;
    if (c >= 0x80) continue;
    if (c === 58) {
      // A qualified name: one colon at most, with a name on either side.
      if (colon >= 0 || p === from || p === to - 1) return -2;
      colon = p;
    }
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58;
    if (letter || (p > from && ((c >= 48 && c <= 57) || c === 45 || c === 46))) continue;
    return -2;
  }
  return colon;
}

const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/** XML 1.0's XMLDecl, with its white space (S) and its version, encoding name and standalone values. */
const XML_DECLARATION =
  /^<\?xml[ \t\r\n]+version[ \t\r\n]*=[ \t\r\n]*("1\.[0-9]+"|'1\.[0-9]+')([ \t\r\n]+encoding[ \t\r\n]*=[ \t\r\n]*("[A-Za-z][A-Za-z0-9._-]*"|'[A-Za-z][A-Za-z0-9._-]*'))?([ \t\r\n]+standalone[ \t\r\n]*=[ \t\r\n]*("(yes|no)"|'(yes|no)'))?[ \t\r\n]*\?>$/;

/**
 * A namespace declaration as Namespaces in XML 1.0 allows it: a prefix is never undeclared (`xmlns:p=""`),
 * `xmlns` is never declared, `xml` only as its own namespace, and neither namespace is given another name.
 */
function checkDeclaration(name: string, value: string, fail: (detail: string) => never): void {
  const prefix = name === "xmlns" ? "" : name.slice(6);
  if (prefix === "xmlns") fail("the prefix xmlns is declared");
  if (prefix !== "" && value === "") fail(`the prefix ${prefix} is undeclared (${name}="")`);
  if ((prefix === "xml") !== (value === XML_NS)) fail(`${name} names ${value || "no namespace"}`);
  if (value === XMLNS_NS) fail(`${name} names the xmlns namespace`);
}

/** XML 1.0's Char production. */
function isXmlChar(code: number): boolean {
  return (
    code === 9 ||
    code === 10 ||
    code === 13 ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/** Whether the bytes are UTF-8 as the standard defines it: no overlong forms, surrogates or code points past U+10FFFF. */
export function isWellFormedUtf8(s: Uint8Array): boolean {
  const n = s.length;
  for (let p = 0; p < n;) {
    const c = s[p]!;
    if (c < 0x80) {
      p++;
      continue;
    }
    let need: number;
    let low = 0x80;
    let high = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) low = 0xa0;
      else if (c === 0xed) high = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) low = 0x90;
      else if (c === 0xf4) high = 0x8f;
    } else return false;
    const second = s[p + 1];
    if (second === undefined || second < low || second > high) return false;
    for (let k = 2; k <= need; k++) {
      const next = s[p + k];
      if (next === undefined || next < 0x80 || next > 0xbf) return false;
    }
    p += need + 1;
  }
  return true;
}

/**
 * The strict check's shortcut, for the cells that make up most of what Duban writes: `<c` with attributes
 * named by letters alone, none twice, their values plain; then `/>`, `></c>`, `><v>`text`</v></c>` or
 * `><is><t>`text`</t></is></c>` (`<t xml:space="preserve">` too), the text plain. Plain is what no check could
 * refuse, UTF-8 having been checked already: no reference, no control character, not U+FFFE or U+FFFF, and no
 * < in a value or > in text (so no ]]>). Any other cell, and any other element, gets the whole check; so
 * does a cell that is wrong.
 */
function plainCell(s: Uint8Array, lt: number, n: number): number {
  let p = lt + 2;
  if (s[lt + 1] !== 99 /* c */ || !isSpace(s[p]!)) return -1;
  let names = 0;
  for (;;) {
    // White space before each name, as XML asks (the whole check is the one to refuse its lack).
    if (!isSpace(s[p]!)) {
      if (s[p] === GT || s[p] === SLASH) break;
      return -1;
    }
    while (p < n && isSpace(s[p]!)) p++;
    if (p >= n) return -1;
    const c = s[p]!;
    if (c === GT || c === SLASH) break;
    const nameStart = p;
    p = letterNameEnd(s, p, n);
    if (p < 0) return -1;
    // A name met twice is the whole check's to name.
    if (names === PLAIN_CELL_NAMES) return -1;
    for (let k = 0; k < names; k++) {
      if (sameSpan(s, cellNames[2 * k]!, cellNames[2 * k + 1]!, nameStart, p)) return -1;
    }
    cellNames[2 * names] = nameStart;
    cellNames[2 * names + 1] = p;
    names++;
    const quote = s[++p];
    if (quote !== 34 && quote !== 39) return -1;
    p++;
    while (p < n && s[p] !== quote) {
      if (!isPlain(s, p) || s[p] === LT) return -1;
      p++;
    }
    if (p >= n) return -1;
    p++;
  }
  if (s[p] === SLASH) return s[p + 1] === GT ? p + 2 : -1;
  // `>` then `</c>`, `<v>` or `<is><t>` / `<is><t xml:space="preserve">`.
  if (s[p + 1] !== LT) return -1;
  if (s[p + 2] === SLASH) return s[p + 3] === 99 && s[p + 4] === GT ? p + 5 : -1;
  let end: Uint8Array;
  if (s[p + 2] === 118 /* v */ && s[p + 3] === GT) {
    p += 4;
    end = V_CELL_END;
  } else if (startsWith(s, p, IS_T)) {
    p += IS_T.length;
    end = IS_CELL_END;
  } else if (startsWith(s, p, IS_T_PRESERVE)) {
    p += IS_T_PRESERVE.length;
    end = IS_CELL_END;
  } else return -1;
  // A cell's text is most of its bytes: a byte plain by itself is passed over with one look-up.
  for (;;) {
    while (p < n && PLAIN_TEXT_BYTES[s[p]!] === 1) p++;
    if (p >= n || s[p] === LT) break;
    if (s[p] === GT || !isPlain(s, p)) return -1;
    p++;
  }
  return startsWith(s, p, end) ? p + end.length : -1;
}

/**
 * 1 for a byte that is plain text whatever follows it: not a control character, &, < or >, nor 0xEF (which
 * may start U+FFFE or U+FFFF, weighed by isPlain).
 */
const PLAIN_TEXT_BYTES = (() => {
  const table = new Uint8Array(256);
  for (let c = 0x20; c < 256; c++) table[c] = c === AMP || c === LT || c === GT || c === 0xef ? 0 : 1;
  return table;
})();

/** The byte at `p` starts a character no check refuses as it stands (but < and >, which the caller weighs). */
function isPlain(s: Uint8Array, p: number): boolean {
  const c = s[p]!;
  if (c >= 0x20) return c !== AMP && (c !== 0xef || !(s[p + 1] === 0xbf && (s[p + 2]! & 0xfe) === 0xbe));
  return false;
}

function isAsciiLetter(c: number): boolean {
  return (c | 0x20) >= 97 && (c | 0x20) <= 122;
}

/**
 * Where an attribute name of letters alone that starts at `p` ends, at its `=`; -1 for any other name (a
 * prefix, a digit, white space before the `=`, a namespace declaration), which a shortcut leaves to the
 * general reading.
 */
export function letterNameEnd(s: Uint8Array, p: number, n: number): number {
  const start = p;
  while (p < n && isAsciiLetter(s[p]!)) p++;
  if (p === start || s[p] !== 61 /* = */ || (s[start] === 120 /* x */ && startsWith(s, start, XMLNS)))
    return -1;
  return p;
}

/** The attributes a plain cell may have, and where their names are (start, end), for plainCell alone. */
const PLAIN_CELL_NAMES = 4;
const cellNames = new Int32Array(2 * PLAIN_CELL_NAMES);
const V_CELL_END = ascii("</v></c>");
const IS_CELL_END = ascii("</t></is></c>");
const IS_T = ascii("><is><t>");
const IS_T_PRESERVE = ascii(`><is><t xml:space="preserve">`);

const NOTHING: ScanHandler = { open: () => undefined, close: () => undefined, text: () => undefined };

/**
 * Refuses a part a writer must never write: not UTF-8, not namespace-well-formed XML (names that are qualified
 * names, every element and attribute prefix bound, no prefix undeclared or xml and xmlns misused, attributes
 * apart and none twice), characters XML does not allow, text or attribute values with a bare & or <, a
 * comment with -- in it, a processing instruction without a target, an XML declaration XML 1.0 does not read
 * or anywhere but first, or a DOCTYPE. It accepts what saxes accepts (scan.test.ts holds it to that), at
 * several times saxes's 15 MB/s: every part Duban writes passes it before it leaves. `isUtf8` checks the
 * encoding: a native check where the platform has one (see PackageCodec), else this file's own.
 * @throws XmlPartError
 */
export function checkWellFormed(
  bytes: Uint8Array,
  part: string,
  isUtf8: (bytes: Uint8Array) => boolean = isWellFormedUtf8,
): void {
  if (!isUtf8(bytes)) throw new XmlPartError(part, "malformed", "the part is not UTF-8");
  const scanner = new XmlScanner(part, NOTHING, () => false, [], true);
  scanner.setShortcut(null, plainCell);
  scanner.push(bytes);
  scanner.end();
}
