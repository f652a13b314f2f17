// An .xlsx as the zip it is: read parts, replace, add or remove some, and write the package back with every
// other entry copied exactly as it was stored (its compressed bytes, CRC, sizes, times, attributes and name
// bytes). Charts, drawings, images, comments, customXml, VBA and printer settings that ExcelJS would drop on a
// rewrite survive untouched. Browser-safe: no Node APIs (Node passes its zlib through PackageCodec, see
// node-codec.ts).

import { deflateSync, Inflate, inflateSync } from "fflate";
import { WorkbookOutputError } from "./errors";
import {
  checkInflatedPart,
  checkInflatedSizes,
  inspectPackage,
  KEEP_INFLATED_PART_BYTES,
  measurePart,
  measureWithFflate,
  refuseDoctypeIn,
  refuseDoctypes,
  unreadablePart,
  type InflatedSize,
  type InflatedSizeProbe,
  type ReadLimits,
} from "./inspect";
import { partKey } from "./part-name";
import { isUtf16Xml, xmlAsUtf8 } from "./utf16";
import { attributeOf, childrenNamed, parseXml, XmlPartError, type ElementAt, type XmlDocument } from "./xml";
import { CONTENT_TYPES_NS, CONTENT_TYPES_PART as CONTENT_TYPES } from "./opc";
import { checkWellFormed } from "./reader/scan";
import { crc32, storedData, type ZipEntry } from "./zip";

export { crc32, partKey };

/** Compression for reading and writing parts; each defaults to a browser-safe implementation. */
export interface PackageCodec {
  /** Inflates a raw deflate stream that holds exactly `size` bytes (open() has already proved the size). */
  readonly inflateRaw?: (compressed: Uint8Array, size: number) => Uint8Array;
  /** Raw deflate (no zlib header) of a changed or new part; default fflate level 6. */
  readonly deflateRaw?: (bytes: Uint8Array) => Uint8Array;
  /**
   * The same deflate, on another thread (Node's zlib pool): a large part starts deflating when it is set, and
   * toBytesAsync waits for it. The same bytes as deflateRaw's, with the part's CRC-32 where that thread took it.
   */
  readonly deflateRawLater?: (bytes: Uint8Array) => Promise<DeflatedPart>;
  /** The zip's CRC-32 (unsigned); default a table-driven implementation below. */
  readonly crc32?: (bytes: Uint8Array) => number;
  /** The probe that checks declared sizes on open (see checkInflatedSizes). */
  readonly measureInflated?: InflatedSizeProbe;
  /**
   * The same probe on another thread (Node's zlib pool), for a large part: open() starts it and leaves that
   * part's check to settle(), so that a reader parses the shared strings while the sheet inflates. `crc` is
   * what the zip declares, for a probe that can check it on that thread too.
   */
  readonly measureInflatedLater?: (
    compressed: Uint8Array,
    size: number,
    crc: number,
  ) => Promise<InflatedSize>;
  /**
   * A large part inflated on another thread a piece at a time (Node's zlib stream): each piece goes to `sink`
   * while the next inflates, never more than a few pieces held; `sink` returns false to stop. Resolves with
   * the size and CRC-32 of all it inflated (at most `limit` + 1 bytes), or undefined where the sink stopped;
   * a sink's error is passed on as it is thrown. Given the CRC-32 the zip declares, the codec may check it on
   * its own thread, and answer with that CRC only where the content has it.
   */
  readonly inflateStream?: (
    compressed: Uint8Array,
    limit: number,
    sink: (chunk: Uint8Array) => boolean,
    declaredCrc?: number,
  ) => Promise<InflatedSize | undefined>;
  /**
   * Whether bytes are UTF-8 as the standard defines it, for verifying large written parts; default the
   * scanner's own (isWellFormedUtf8), which a native check (Node's buffer.isUtf8) outruns some fifteen times.
   */
  readonly isUtf8?: (bytes: Uint8Array) => boolean;
}

/** A part deflated on another thread: the raw deflate stream, and the content's CRC-32 where it was taken there. */
export interface DeflatedPart {
  readonly data: Uint8Array;
  readonly crc?: number;
}

/** One entry of the package to be written: as stored in the input, replaced, or new. */
interface Slot {
  readonly name: string;
  readonly stored: ZipEntry | undefined;
  /** The replacement content (uncompressed) once set; always set for a new entry. */
  data: Uint8Array | undefined;
  removed: boolean;
  /** Set by a writer that has parsed back everything it changed in this content itself (see setBytes). */
  checked?: boolean;
  /** The content being deflated on another thread since it was set (see deflateRawLater). */
  deflating?: Promise<DeflatedPart>;
  /** What that deflate gave, once toBytesAsync has waited for it. */
  deflated?: DeflatedPart;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const U16_MAX = 0xffff;
const U32_MAX = 0xffffffff;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
/** 1980-01-01 00:00 in DOS format (the zip epoch): for a new entry when no stored entry can lend its time. */
const DOS_EPOCH_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * A workbook package opened for patching. Names are part names without the leading slash; they are matched
 * as the Open Packaging Conventions compare part names: ASCII case-insensitively and with percent-encoded
 * characters decoded (`xl/Workbook.xml` and `XL/workbook.xml` are one part). A replaced part keeps the name
 * it was stored under.
 *
 * Content is bytes: `text()` decodes UTF-8 (dropping a byte order mark), `setText()` encodes UTF-8 and puts
 * the mark back only where the part it replaces had one, so `setText(n, text(n))` leaves the bytes as they
 * were. A part whose new content equals its old content is copied raw by `toBytes()`, as if never set.
 * Arrays returned by `bytes()` are shared with the package's cache, and arrays given to `setBytes()` are
 * kept, not copied: do not modify either afterwards.
 */
export class OpcPackage {
  private readonly slots: Slot[];
  /** Part key (see partKey) → index of the slot with that name (inspectPackage refuses a zip that repeats one). */
  private readonly index = new Map<string, number>();
  private readonly inflated = new Map<string, Uint8Array>();
  private readonly notes = new Map<string, Map<string, ElementAt>>();
  /** The stored parts read from UTF-16 as UTF-8 (see readable). */
  private readonly readAsUtf8 = new Set<ZipEntry>();
  private readonly inflateRaw: (compressed: Uint8Array, size: number) => Uint8Array;
  /** A native inflate was given (Node's zlib): stream() inflates a part whole with it, then hands out slices. */
  private readonly wholeInflate: boolean;
  private readonly deflateRaw: (bytes: Uint8Array) => Uint8Array;
  private readonly deflateRawLater: ((bytes: Uint8Array) => Promise<DeflatedPart>) | undefined;
  private readonly crc32: (bytes: Uint8Array) => number;
  private readonly isUtf8: ((bytes: Uint8Array) => boolean) | undefined;
  private readonly measureInflated: InflatedSizeProbe;
  private readonly measureInflatedLater: PackageCodec["measureInflatedLater"];
  private readonly inflateStream: PackageCodec["inflateStream"];
  /** Large parts being inflated on another thread, their size check not yet made (see settle). */
  private readonly unsettled = new Map<ZipEntry, Promise<InflatedSize>>();

  private constructor(
    private readonly input: Uint8Array,
    /** The file as the person named it, for the messages about it. */
    readonly fileName: string,
    stored: readonly ZipEntry[],
    private readonly archiveComment: Uint8Array,
    codec: PackageCodec,
    /**
     * Large parts open() left to be inflated on another thread, whole (inflateLater, settle) or a piece at a
     * time (streamLater): not started, their size check not made.
     */
    private readonly pending: Set<ZipEntry>,
  ) {
    this.measureInflated = codec.measureInflated ?? measureWithFflate;
    this.measureInflatedLater = codec.measureInflatedLater;
    this.inflateStream = codec.inflateStream;
    this.inflateRaw = codec.inflateRaw ?? inflateWithFflate;
    this.wholeInflate = codec.inflateRaw !== undefined;
    this.deflateRaw = codec.deflateRaw ?? deflateWithFflate;
    this.deflateRawLater = codec.deflateRawLater;
    this.crc32 = codec.crc32 ?? crc32;
    this.isUtf8 = codec.isUtf8;
    this.slots = stored.map((entry) => ({
      name: entry.name,
      stored: entry,
      data: undefined,
      removed: false,
    }));
    this.slots.forEach((slot, i) => {
      if (!slot.name.endsWith("/")) this.index.set(partKey(slot.name), i);
    });
  }

  /**
   * The package in `bytes`, refused exactly as reading refuses it (inspectPackage, checkInflatedSizes, then
   * refuseDoctypes).
   * The bytes are kept, not copied: unchanged entries are written back from them.
   * @throws WorkbookInputError
   */
  static open(bytes: Uint8Array, fileName: string, options: PackageCodec & ReadLimits = {}): OpcPackage {
    const info = inspectPackage(bytes, fileName, options);
    // Left to a reader, which knows which parts it reads whole and which a piece at a time (see inflateLater).
    const pending = new Set<ZipEntry>();
    if (options.measureInflatedLater) {
      for (const entry of info.entries) {
        if (entry.method !== 8 || entry.uncompressedSize < INFLATE_LATER_BYTES) continue;
        if (entry.uncompressedSize > KEEP_INFLATED_PART_BYTES) continue;
        pending.add(entry);
      }
    }
    // What the size check inflated, kept (within a budget) so that reading does not inflate it again.
    const kept = new Map<ZipEntry, Uint8Array>();
    let keptBytes = 0;
    checkInflatedSizes(
      bytes,
      fileName,
      info,
      options.measureInflated,
      (entry, data) => {
        if (keptBytes + data.length > KEEP_INFLATED_BYTES) return;
        kept.set(entry, data);
        keptBytes += data.length;
      },
      (entry) => pending.has(entry),
      options.crc32,
    );
    // A part inflated on another thread has its prolog read when it is settled, from what that gave.
    refuseDoctypes(
      bytes,
      fileName,
      info,
      (entry) => kept.get(entry),
      (entry) => pending.has(entry),
    );
    const pkg = new OpcPackage(bytes, fileName, info.entries, info.comment, options, pending);
    for (const [key, i] of pkg.index) {
      const data = kept.get(pkg.slots[i]!.stored!);
      if (data) pkg.inflated.set(key, data);
    }
    return pkg;
  }

  /**
   * Starts inflating these large parts whole on another thread (those open() left to a reader): a reader
   * parses the shared strings while the sheets inflate, and settles each before it reads it.
   */
  inflateLater(names: Iterable<string>): void {
    for (const name of names) {
      const entry = this.live(name)?.stored;
      if (entry) this.startLater(entry);
    }
  }

  private startLater(entry: ZipEntry): void {
    if (!this.pending.delete(entry)) return;
    const inflating = this.measureInflatedLater!(
      storedData(this.input, entry),
      entry.uncompressedSize,
      entry.crc,
    );
    // Awaited by settle(); a package refused before it is, or never settled, leaves it unawaited.
    inflating.catch(() => undefined);
    this.unsettled.set(entry, inflating);
  }

  /** Whether the part is a large one no one has inflated yet, which streamLater can read a piece at a time. */
  streamsLater(name: string): boolean {
    const slot = this.live(name);
    return this.inflateStream !== undefined && slot?.stored !== undefined && this.pending.has(slot.stored);
  }

  /**
   * A large part inflated a piece at a time on another thread (see PackageCodec.inflateStream), each piece
   * handed to `sink` as it comes, so that no one holds the whole part: `sink` returns false to stop. Read to
   * its end, the part is held to what the zip declares (size and CRC-32), as settle() holds it; stopped
   * early, it is still to be settled. Only for a part streamsLater() says so of.
   * @throws WorkbookInputError as settle() does; what `sink` throws, as it is
   */
  async streamLater(name: string, sink: (chunk: Uint8Array) => boolean): Promise<void> {
    const entry = this.live(name)?.stored;
    if (!entry || !this.streamsLater(name)) throw new Error(`${name} is not a part to stream`);
    let first = true;
    let sinkFailed = false;
    let produced: InflatedSize | undefined;
    // A part in UTF-16 is gathered whole and handed over as UTF-8 once it is checked (see xmlAsUtf8).
    let utf16: Uint8Array[] | undefined;
    try {
      const compressed = storedData(this.input, entry);
      produced = await this.inflateStream!(
        compressed,
        entry.uncompressedSize,
        (chunk) => {
          try {
            // The prolog is in the first piece: a DOCTYPE is refused before anything reads past it.
            if (first && isUtf16Xml(chunk)) utf16 = [];
            else if (first) this.refuseDoctype(entry, chunk);
            first = false;
            if (!utf16) return sink(chunk);
            utf16.push(chunk);
            return true;
          } catch (error) {
            sinkFailed = true;
            throw error;
          }
        },
        entry.crc,
      );
    } catch (error) {
      // The reader's own refusal (a part that is no XML), or the part's: its deflate data is damaged.
      throw sinkFailed ? error : unreadablePart(entry, this.fileName, error);
    }
    if (produced === undefined) return;
    // Read to its end: nothing left to settle, and nothing kept.
    this.pending.delete(entry);
    checkInflatedPart(entry, produced, this.fileName);
    if (utf16) sink(this.readable(entry, concatenated(utf16)));
  }

  /**
   * Waits for the large parts inflating on another thread (the part `name` alone, when given; those left
   * to a reader and not yet started are started first) and holds each to what the zip's directory declares,
   * as open() holds the others: a reader settles a sheet before it reads it, and the whole package before it
   * trusts it. Reading a part that is not settled yet checks it on the spot instead (see settleNow), so an
   * unsettled part is never read unchecked.
   * @throws WorkbookInputError as open() does for a part that inflates to other than it declares
   */
  async settle(name?: string): Promise<void> {
    const stored = name === undefined ? undefined : this.live(name)?.stored;
    const entries = name === undefined ? [...this.pending, ...this.unsettled.keys()] : stored ? [stored] : [];
    for (const entry of entries) this.startLater(entry);
    for (const entry of entries) {
      const inflating = this.unsettled.get(entry);
      if (!inflating) continue;
      let produced: InflatedSize;
      try {
        produced = await inflating;
      } catch (error) {
        this.unsettled.delete(entry);
        throw unreadablePart(entry, this.fileName, error);
      }
      // Settled on the spot meanwhile.
      if (!this.unsettled.delete(entry)) continue;
      const data = checkInflatedPart(entry, produced, this.fileName);
      this.refuseDoctype(entry, data);
      // Kept for the reader that asked for this part; parts settled all together are not about to be read.
      if (name !== undefined) this.keepSettled(entry, data);
    }
  }

  /** settle() for one part, on this thread: the part is inflated again here, its other inflating ignored. */
  private settleNow(entry: ZipEntry): void {
    if (!this.unsettled.delete(entry) && !this.pending.delete(entry)) return;
    const compressed = storedData(this.input, entry);
    const data = measurePart(entry, compressed, this.fileName, this.measureInflated);
    this.refuseDoctype(entry, data);
    this.keepSettled(entry, data);
  }

  /** The DOCTYPE check open() left to settling, on the part's inflated bytes or, not kept, its stored ones. */
  private refuseDoctype(entry: ZipEntry, data: Uint8Array | undefined): void {
    const deflated = data === undefined && entry.method === 8;
    refuseDoctypeIn(entry, data ?? storedData(this.input, entry), this.fileName, deflated);
  }

  /** A settled part's bytes, kept for reading when it is the part of its name and has not been replaced. */
  private keepSettled(entry: ZipEntry, data: Uint8Array | undefined): void {
    const slot = this.live(entry.name);
    if (data === undefined || slot?.stored !== entry || slot.data !== undefined) return;
    this.inflated.set(partKey(slot.name), data);
  }

  /** Every part settled on this thread, for a caller that writes or reads without settle(). */
  private settleAllNow(): void {
    for (const entry of [...this.pending, ...this.unsettled.keys()]) this.settleNow(entry);
  }

  /**
   * Remembers where an element is in an unchanged part's bytes, as a reader found it, for a writer that
   * edits around it (a task sheet's sheetData: finding it again is a scan of every byte of every cell).
   * Forgotten when the part is set or removed.
   */
  note(name: string, local: string, at: ElementAt): void {
    const key = partKey(name);
    let notes = this.notes.get(key);
    if (!notes) this.notes.set(key, (notes = new Map()));
    notes.set(local, at);
  }

  /** Where a reader noted the element in the part as it is now, if it did. */
  noted(name: string, local: string): ElementAt | undefined {
    return this.notes.get(partKey(name))?.get(local);
  }

  /**
   * Lets go of the inflated copy of an unchanged part (a large sheet, once read): it is inflated again if it
   * is needed again.
   */
  release(name: string): void {
    this.inflated.delete(partKey(name));
  }

  /** The parts' names, in archive order; new parts come last. */
  names(): string[] {
    return this.slots.filter((slot) => !slot.removed).map((slot) => slot.name);
  }

  has(name: string): boolean {
    return this.live(name) !== undefined;
  }

  /** The name a part is stored under (its case and encoding as the package spells it); undefined if absent. */
  storedName(name: string): string | undefined {
    return this.live(name)?.name;
  }

  /** The part's content, uncompressed (cached; do not modify it). @throws Error when there is no such part */
  bytes(name: string): Uint8Array {
    const slot = this.live(name);
    if (!slot) throw new Error(`The package has no part ${name}`);
    if (slot.data) return slot.data;
    return this.original(slot);
  }

  /**
   * The part's content in pieces, inflated as they are needed where fflate inflates it (a reader then never
   * holds a whole large part), or in one piece where it is whole in memory already (kept by the size check,
   * or inflated by a native zlib, which has no synchronous stream): `sink` gets each piece (the last with
   * `last` set) and returns false to stop early.
   * @throws Error when there is no such part
   */
  stream(name: string, sink: (chunk: Uint8Array, last: boolean) => boolean): void {
    const slot = this.live(name);
    if (!slot) throw new Error(`The package has no part ${name}`);
    const entry = slot.stored;
    if (entry && !slot.data) this.settleNow(entry);
    // A part already whole in memory (set, stored, or inflated before) is handed over whole: slicing it would
    // only make the reader copy what is left of each slice into the next (the reader stops where it likes
    // either way).
    if (slot.data || !entry || entry.method === 0 || entry.uncompressedSize === 0) {
      sink(slot.data ?? (entry ? this.readable(entry, storedData(this.input, entry)) : EMPTY), true);
      return;
    }
    const key = partKey(slot.name);
    const cached = this.inflated.get(key);
    if (cached) {
      // Kept as read, as original() keeps it: a part in UTF-16 is decoded once.
      const bytes = this.readable(entry, cached);
      this.inflated.set(key, bytes);
      sink(bytes, true);
      return;
    }
    const compressed = storedData(this.input, entry);
    if (this.wholeInflate) {
      // Node's zlib has no synchronous stream; inflating whole is still three times fflate's speed.
      sink(this.readable(entry, this.inflateRaw(compressed, entry.uncompressedSize)), true);
      return;
    }
    let going = true;
    let produced = 0;
    // A part in UTF-16 is gathered whole and handed over as UTF-8 (see xmlAsUtf8); it is never a large one.
    let utf16: Uint8Array[] | undefined;
    const inflater = new Inflate((chunk, final) => {
      if (produced === 0 && isUtf16Xml(chunk)) utf16 = [];
      produced += chunk.length;
      if (utf16) {
        utf16.push(chunk);
        if (final) sink(this.readable(entry, concatenated(utf16)), true);
      } else if (going) going = sink(chunk, final);
    });
    for (let p = 0; p < compressed.length && going; p += STREAM_SLICE) {
      const end = Math.min(p + STREAM_SLICE, compressed.length);
      inflater.push(compressed.subarray(p, end), end === compressed.length);
    }
    if (going && produced !== entry.uncompressedSize) {
      throw new Error(`${entry.name} inflated to ${produced} bytes, not ${entry.uncompressedSize}`);
    }
  }

  /** The part as UTF-8 text, without a byte order mark. */
  text(name: string): string {
    return new TextDecoder("utf-8").decode(this.bytes(name));
  }

  /**
   * Replaces or adds a part (the array is kept as it is, not copied). `checked` says the writer has already
   * parsed back all of this content that differs from the input (a task sheet whose cells are the input's
   * own bytes, with its edited outline parsed), so verify() need not parse 60 MB of cells again.
   */
  setBytes(name: string, bytes: Uint8Array, checked = false): void {
    const key = partKey(name);
    let i = this.index.get(key);
    if (i === undefined) {
      checkNewName(name);
      const slot: Slot = { name, stored: undefined, data: bytes, removed: false, checked };
      i = this.slots.push(slot) - 1;
      this.index.set(key, i);
      this.deflateAhead(slot);
      return;
    }
    // Earlier entries of the same name would otherwise shadow or contradict the new content.
    this.slots.forEach((slot, j) => {
      if (j !== i && partKey(slot.name) === key) slot.removed = true;
    });
    const slot = this.slots[i]!;
    slot.data = bytes;
    slot.removed = false;
    slot.checked = checked;
    this.inflated.delete(key);
    this.notes.delete(key);
    this.deflateAhead(slot);
  }

  /** Starts deflating a large part's new content on another thread, where the codec can. */
  private deflateAhead(slot: Slot): void {
    slot.deflated = undefined;
    slot.deflating = undefined;
    if (!this.deflateRawLater || slot.data === undefined || slot.data.length < DEFLATE_AHEAD_BYTES) return;
    slot.deflating = this.deflateRawLater(slot.data);
    // Awaited by toBytesAsync alone; a part set again, or a package never written, leaves it unawaited.
    slot.deflating.catch(() => undefined);
  }

  /** Replaces or adds a part as UTF-8, with a byte order mark only if the part it replaces had one. */
  setText(name: string, text: string): void {
    const encoded = new TextEncoder().encode(text);
    if (!this.has(name) || !startsWithBom(this.bytes(name))) {
      this.setBytes(name, encoded);
      return;
    }
    const withBom = new Uint8Array(UTF8_BOM.length + encoded.length);
    withBom.set(UTF8_BOM);
    withBom.set(encoded, UTF8_BOM.length);
    this.setBytes(name, withBom);
  }

  remove(name: string): void {
    const key = partKey(name);
    for (const slot of this.slots) if (partKey(slot.name) === key) slot.removed = true;
    this.inflated.delete(key);
    this.notes.delete(key);
  }

  /** True when the part was set, added or removed since open (even if set to the same content). */
  isChanged(name: string): boolean {
    const key = partKey(name);
    return this.slots.some((slot) => partKey(slot.name) === key && (slot.removed || slot.data !== undefined));
  }

  /**
   * The part's content type: its Override in [Content_Types].xml, else the Default for its extension
   * (both compared case-insensitively, as the conventions say); undefined when neither names it.
   */
  contentType(name: string): string | undefined {
    const types = this.contentTypes();
    const key = partKey(name);
    const override = types.overrides.get(key);
    if (override !== undefined) return override;
    const dot = key.lastIndexOf(".");
    return dot > key.lastIndexOf("/") ? types.defaults.get(key.slice(dot + 1)) : undefined;
  }

  /** [Content_Types].xml, parsed (cached until it changes). */
  contentTypes(): ContentTypes {
    const bytes = this.has(CONTENT_TYPES) ? this.bytes(CONTENT_TYPES) : undefined;
    if (this.typesCache?.bytes === bytes && this.typesCache) return this.typesCache.types;
    const types = readContentTypes(bytes === undefined ? undefined : parseXml(decode(bytes), CONTENT_TYPES));
    this.typesCache = { bytes, types };
    return types;
  }

  private typesCache: { bytes: Uint8Array | undefined; types: ContentTypes } | undefined;

  /**
   * Parses back every part that was set or added and holds XML (by content type, or a .xml or .rels name),
   * so that no malformed part can leave Duban. toBytes() calls it.
   * @throws WorkbookOutputError naming the part
   */
  verify(): void {
    for (const slot of this.slots) {
      if (slot.removed || slot.data === undefined || slot.checked) continue;
      if (!this.holdsXml(slot.name)) continue;
      try {
        // The scanner's strict mode accepts exactly what saxes does (scan.test.ts holds it to that), and the
        // bytes must be UTF-8 as they stand.
        checkWellFormed(slot.data, slot.name, this.isUtf8);
      } catch (error) {
        throw asOutputError(slot.name, error);
      }
    }
  }

  private holdsXml(name: string): boolean {
    if (/\.(xml|rels|vml)$/i.test(name)) return true;
    const type = this.contentType(name);
    return type !== undefined && /[+/]xml$/i.test(type);
  }

  /**
   * The package as a zip: the entries in their original order (new ones appended), unchanged ones copied raw
   * with their method, CRC, sizes, times, attributes, extra fields and names; changed and new ones deflated.
   * Data descriptors are dropped (sizes go into the local headers, flag bit 3 cleared) and zip64 fields with
   * them, since the output never needs zip64. A new entry takes the "made by" version, time, date and
   * attributes of the package's first file entry, so it looks like its neighbours.
   * @throws Error when the result would need zip64 (65,535 entries or more, or 4 GiB or more)
   */
  toBytes(): Uint8Array {
    // No part leaves unchecked, even one copied as it was stored.
    this.settleAllNow();
    this.verify();
    return this.assemble();
  }

  /**
   * toBytes, with the large parts deflated on other threads since they were set (see deflateRawLater): the
   * writer went on with the next sheets meanwhile, and every part is parsed back here while the last of them
   * finish. On a worker thread from when each was set, a large check's 35 MB of generated sheets were parsed
   * back off this thread, but the worker's copy of them, its own compiling of the parser and its heap cost
   * more than the parse (about 100 ms here): measured on two cores, a 100,000-row checked copy took 70 ms
   * longer and 38 MB more, a 10,000-row one 50 ms longer.
   */
  async toBytesAsync(): Promise<Uint8Array> {
    await this.settle();
    this.verify();
    for (const slot of this.slots) {
      if (!slot.removed && slot.deflating) slot.deflated = await slot.deflating;
    }
    return this.assemble();
  }

  private assemble(): Uint8Array {
    const live = this.slots.filter((slot) => !slot.removed);
    if (live.length >= U16_MAX) {
      throw new Error(
        `The workbook would have ${live.length} zip entries; writing 65,535 or more needs zip64, which Duban does not write.`,
      );
    }
    const template = this.slots.find((slot) => slot.stored && !slot.name.endsWith("/"))?.stored;
    const planned = live.map((slot) => this.plan(slot, template));

    let size = 0;
    for (const entry of planned) {
      entry.offset = size;
      size += 30 + entry.localName.length + entry.localExtra.length + entry.data.length;
      if (entry.offset >= U32_MAX || entry.data.length >= U32_MAX || entry.uncompressedSize >= U32_MAX) {
        throw new Error(
          `The workbook would reach 4 GiB at ${entry.name}: that needs zip64, which Duban does not write.`,
        );
      }
    }
    const directoryOffset = size;
    for (const entry of planned) {
      size += 46 + entry.centralName.length + entry.centralExtra.length + entry.comment.length;
    }
    const directorySize = size - directoryOffset;
    if (directoryOffset >= U32_MAX || directorySize >= U32_MAX) {
      throw new Error("The workbook would reach 4 GiB: that needs zip64, which Duban does not write.");
    }
    size += 22 + this.archiveComment.length;

    const out = new Uint8Array(size);
    const view = new DataView(out.buffer, out.byteOffset, out.byteLength);
    let p = 0;
    for (const e of planned) {
      view.setUint32(p, SIG_LOCAL, true);
      view.setUint16(p + 4, e.versionNeeded, true);
      view.setUint16(p + 6, e.flags, true);
      view.setUint16(p + 8, e.method, true);
      view.setUint16(p + 10, e.time, true);
      view.setUint16(p + 12, e.date, true);
      view.setUint32(p + 14, e.crc, true);
      view.setUint32(p + 18, e.data.length, true);
      view.setUint32(p + 22, e.uncompressedSize, true);
      view.setUint16(p + 26, e.localName.length, true);
      view.setUint16(p + 28, e.localExtra.length, true);
      p += 30;
      out.set(e.localName, p);
      p += e.localName.length;
      out.set(e.localExtra, p);
      p += e.localExtra.length;
      out.set(e.data, p);
      p += e.data.length;
    }
    for (const e of planned) {
      view.setUint32(p, SIG_CENTRAL, true);
      view.setUint16(p + 4, e.versionMadeBy, true);
      view.setUint16(p + 6, e.versionNeeded, true);
      view.setUint16(p + 8, e.flags, true);
      view.setUint16(p + 10, e.method, true);
      view.setUint16(p + 12, e.time, true);
      view.setUint16(p + 14, e.date, true);
      view.setUint32(p + 16, e.crc, true);
      view.setUint32(p + 20, e.data.length, true);
      view.setUint32(p + 24, e.uncompressedSize, true);
      view.setUint16(p + 28, e.centralName.length, true);
      view.setUint16(p + 30, e.centralExtra.length, true);
      view.setUint16(p + 32, e.comment.length, true);
      view.setUint16(p + 34, 0, true);
      view.setUint16(p + 36, e.internalAttributes, true);
      view.setUint32(p + 38, e.externalAttributes, true);
      view.setUint32(p + 42, e.offset, true);
      p += 46;
      out.set(e.centralName, p);
      p += e.centralName.length;
      out.set(e.centralExtra, p);
      p += e.centralExtra.length;
      out.set(e.comment, p);
      p += e.comment.length;
    }
    view.setUint32(p, SIG_END, true);
    view.setUint16(p + 4, 0, true);
    view.setUint16(p + 6, 0, true);
    view.setUint16(p + 8, planned.length, true);
    view.setUint16(p + 10, planned.length, true);
    view.setUint32(p + 12, directorySize, true);
    view.setUint32(p + 16, directoryOffset, true);
    view.setUint16(p + 20, this.archiveComment.length, true);
    out.set(this.archiveComment, p + 22);
    return out;
  }

  private live(name: string): Slot | undefined {
    const i = this.index.get(partKey(name));
    const slot = i === undefined ? undefined : this.slots[i];
    return slot && !slot.removed ? slot : undefined;
  }

  /** The part as stored in the input, inflated and cached (only live slots get here: one per name). */
  private original(slot: Slot): Uint8Array {
    if (slot.stored) this.settleNow(slot.stored);
    const key = partKey(slot.name);
    const bytes = this.readable(
      slot.stored!,
      this.inflated.get(key) ?? inflateEntry(this.input, slot.stored!, this.inflateRaw),
    );
    this.inflated.set(key, bytes);
    return bytes;
  }

  /** A stored part's bytes as readers read them: in UTF-8 where it was written in UTF-16 (see xmlAsUtf8). */
  private readable(entry: ZipEntry, bytes: Uint8Array): Uint8Array {
    const utf8 = xmlAsUtf8(bytes, entry.name);
    if (utf8 !== bytes) this.readAsUtf8.add(entry);
    return utf8;
  }

  private plan(slot: Slot, template: ZipEntry | undefined): Planned {
    const stored = slot.stored;
    // A part deflated on zlib's threads had its CRC taken there (a 100,000-row check writes some 80 MB).
    const crc = slot.data ? (slot.deflated?.crc ?? this.crc32(slot.data)) >>> 0 : undefined;
    if (stored && (!slot.data || this.sameAsStored(stored, slot.data, crc))) {
      const entry = stored;
      return {
        name: slot.name,
        versionMadeBy: stored.versionMadeBy,
        versionNeeded: stored.versionNeeded,
        flags: stored.flags & ~FLAG_DATA_DESCRIPTOR,
        method: entry.method,
        time: stored.time,
        date: stored.date,
        crc: stored.crc,
        uncompressedSize: entry.uncompressedSize,
        data: storedData(this.input, entry),
        localName: writtenName(stored, stored.localName),
        localExtra: withoutZip64(stored.localExtra),
        centralName: writtenName(stored, stored.centralName),
        centralExtra: withoutZip64(stored.centralExtra),
        comment: stored.comment,
        internalAttributes: stored.internalAttributes,
        externalAttributes: stored.externalAttributes,
        offset: 0,
      };
    }
    const data = slot.data!;
    const deflated = slot.deflated?.data ?? this.deflateRaw(data);
    // Incompressible content (or nothing at all) is stored: deflate would only make it longer.
    const method = deflated.length < data.length ? 8 : 0;
    const name = stored ? writtenName(stored, stored.centralName) : new TextEncoder().encode(slot.name);
    const asciiName = name.every((byte) => byte < 0x80);
    const like = stored ?? template;
    return {
      name: slot.name,
      versionMadeBy: like?.versionMadeBy ?? 20,
      versionNeeded: Math.max(20, stored?.versionNeeded ?? 20),
      flags: stored ? stored.flags & FLAG_UTF8 : asciiName ? 0 : FLAG_UTF8,
      method,
      time: like?.time ?? 0,
      date: like?.date ?? DOS_EPOCH_DATE,
      crc: crc!,
      uncompressedSize: data.length,
      data: method === 8 ? deflated : data,
      localName: stored ? writtenName(stored, stored.localName) : name,
      localExtra: stored ? withoutZip64(stored.localExtra) : EMPTY,
      centralName: name,
      centralExtra: stored ? withoutZip64(stored.centralExtra) : EMPTY,
      comment: stored?.comment ?? EMPTY,
      internalAttributes: stored?.internalAttributes ?? 0,
      externalAttributes: like?.externalAttributes ?? 0,
      offset: 0,
    };
  }

  /** Whether content set for a stored part is what it already held; then the stored bytes are copied raw. */
  private sameAsStored(stored: ZipEntry, data: Uint8Array, crc: number | undefined): boolean {
    // A part read from UTF-16 is the same when it is what the readers read (clearing a copy gives it back so).
    if (this.readAsUtf8.has(stored))
      return equalBytes(data, xmlAsUtf8(inflateEntry(this.input, stored, this.inflateRaw), stored.name));
    if (data.length !== stored.uncompressedSize || crc !== stored.crc) return false;
    return equalBytes(data, inflateEntry(this.input, stored, this.inflateRaw));
  }
}

interface Planned {
  readonly name: string;
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly uncompressedSize: number;
  /** As it goes into the file (compressed unless method 0). */
  readonly data: Uint8Array;
  readonly localName: Uint8Array;
  readonly localExtra: Uint8Array;
  readonly centralName: Uint8Array;
  readonly centralExtra: Uint8Array;
  readonly comment: Uint8Array;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  offset: number;
}

const EMPTY = new Uint8Array(0);
/** Compressed bytes pushed to the inflater at a time (each yields at most ~64 MB, deflate's ratio being 1032:1). */
const STREAM_SLICE = 64 * 1024;

/** Parts at least this large are deflated ahead where the codec can (smaller ones cost more to hand over). */
/** A part that did not parse back, as the write's error naming it; any other failure as it was. */
function asOutputError(part: string, error: unknown): unknown {
  return error instanceof XmlPartError
    ? new WorkbookOutputError(part, error.detail, { cause: error })
    : error;
}

const DEFLATE_AHEAD_BYTES = 1024 * 1024;

/** How much of what the size check inflated the package keeps for reading: a large sheet or two. */
const KEEP_INFLATED_BYTES = 128 * 1024 * 1024;

/**
 * Parts at least this large are inflated on another thread where the codec can (measureInflatedLater): a
 * sheet of tens of thousands of rows, its shared strings. Smaller ones take less than starting it costs.
 */
const INFLATE_LATER_BYTES = 4 * 1024 * 1024;

/** An extra field without its zip64 record (0x0001), which would be wrong once sizes sit in 32-bit fields. */
function withoutZip64(extra: Uint8Array): Uint8Array {
  const kept: Uint8Array[] = [];
  let found = false;
  let e = 0;
  while (e + 4 <= extra.length) {
    const length = u16(extra, e + 2);
    if (e + 4 + length > extra.length) return extra; // not a well-formed list of fields: leave it as it was
    if (u16(extra, e) === 0x0001) found = true;
    else kept.push(extra.subarray(e, e + 4 + length));
    e += 4 + length;
  }
  if (!found || e !== extra.length) return extra;
  return concatenated(kept);
}

function inflateEntry(
  input: Uint8Array,
  entry: ZipEntry,
  inflateRaw: (compressed: Uint8Array, size: number) => Uint8Array,
): Uint8Array {
  const data = storedData(input, entry);
  if (entry.method === 0) return data.slice();
  if (entry.uncompressedSize === 0) return new Uint8Array(0);
  const bytes = inflateRaw(data, entry.uncompressedSize);
  if (bytes.length !== entry.uncompressedSize) {
    throw new Error(`${entry.name} inflated to ${bytes.length} bytes, not ${entry.uncompressedSize}`);
  }
  return bytes;
}

function inflateWithFflate(compressed: Uint8Array, size: number): Uint8Array {
  return inflateSync(compressed, { out: new Uint8Array(size) });
}

function deflateWithFflate(bytes: Uint8Array): Uint8Array {
  return deflateSync(bytes, { level: 6 });
}

function checkNewName(name: string): void {
  // eslint-disable-next-line no-control-regex
  if (name === "" || name.startsWith("/") || name.endsWith("/") || /[\\\u0000]/.test(name)) {
    throw new Error(`Not a valid part name: ${JSON.stringify(name)}`);
  }
  if (new TextEncoder().encode(name).length > U16_MAX) throw new Error("Part name too long");
}

/**
 * A stored entry's name as it is written again (`raw`, its local or central spelling), made what readers look
 * for where the input had it otherwise, so that the copy opens where the input did not (LibreOffice, openpyxl):
 * backslashes the forward slashes the ZIP format demands (the reader took them so, see readZipDirectory), in an
 * ASCII name only (in one of another encoding the byte may be half a character); and the content types stream,
 * which is no part and is looked for by its exact name, spelt so ([content_types].xml in POI's 49609).
 */
function writtenName(stored: ZipEntry, raw: Uint8Array): Uint8Array {
  if (stored.name !== CONTENT_TYPES && stored.name.toLowerCase() === CONTENT_TYPES.toLowerCase())
    return new TextEncoder().encode(CONTENT_TYPES);
  if (!raw.includes(BACKSLASH) || raw.some((byte) => byte >= 0x80)) return raw;
  return raw.map((byte) => (byte === BACKSLASH ? SLASH : byte));
}

const BACKSLASH = 0x5c;
const SLASH = 0x2f;

/** The pieces one after another, in one array. */
export function concatenated(pieces: readonly Uint8Array[]): Uint8Array {
  const whole = new Uint8Array(pieces.reduce((size, piece) => size + piece.length, 0));
  pieces.reduce((at, piece) => (whole.set(piece, at), at + piece.length), 0);
  return whole;
}

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === UTF8_BOM[0] && bytes[1] === UTF8_BOM[1] && bytes[2] === UTF8_BOM[2];
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function u16(b: Uint8Array, p: number): number {
  return (b[p] ?? 0) | ((b[p + 1] ?? 0) << 8);
}

/** The package's content types: Defaults by lower-case extension, Overrides by part key. */
export interface ContentTypes {
  readonly defaults: ReadonlyMap<string, string>;
  readonly overrides: ReadonlyMap<string, string>;
}

function readContentTypes(doc: XmlDocument | undefined): ContentTypes {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  if (doc) {
    for (const d of childrenNamed(doc.root, CONTENT_TYPES_NS, "Default")) {
      const extension = attributeOf(d, "Extension");
      const type = attributeOf(d, "ContentType");
      if (extension !== undefined && type !== undefined) defaults.set(extension.toLowerCase(), type);
    }
    for (const o of childrenNamed(doc.root, CONTENT_TYPES_NS, "Override")) {
      const name = attributeOf(o, "PartName");
      const type = attributeOf(o, "ContentType");
      if (name !== undefined && type !== undefined) overrides.set(partKey(name), type);
    }
  }
  return { defaults, overrides };
}

function decode(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}
