// Refuses what cannot be a readable .xlsx (empty, text, .xls, encrypted, damaged, too large) before inflating anything.

import { Inflate } from "fflate";
import { WorkbookInputError } from "./errors";
import { partKey } from "./part-name";
import { XmlScanner } from "./reader/scan";
import { XmlPartError } from "./xml-error";
import {
  crc32,
  hasZipSignature,
  readZipDirectory,
  storedData,
  ZipStructureError,
  type ZipEntry,
} from "./zip";

export interface ReadLimits {
  /** The most the parts of a workbook may add up to, uncompressed, as the zip declares them. */
  readonly maxUncompressedBytes?: number;
  /** One part compressed more than this (n:1) … */
  readonly maxCompressionRatio?: number;
  /** … and larger than this, uncompressed, is refused as a zip bomb. */
  readonly ratioCheckFromBytes?: number;
}

/**
 * What a raw deflate stream inflates to, in bytes, stopping early past `limit` (any answer above it will do).
 * The default works in a browser; Node passes its native zlib, several times faster (see file.ts).
 */
export type InflatedSizeProbe = (compressed: Uint8Array, limit: number) => InflatedSize;

/**
 * What a raw deflate stream inflates to: its size, and its CRC-32 when the probe inflated it whole (and then
 * the bytes, which the package may keep instead of inflating the part a second time to read it).
 */
export interface InflatedSize {
  readonly size: number;
  readonly crc?: number;
  readonly data?: Uint8Array;
}

export interface ReadOptions extends ReadLimits {
  readonly measureInflated?: InflatedSizeProbe;
}

const MB = 1024 * 1024;

/**
 * Why 120 MB: ExcelJS holds a loaded workbook as objects per cell and, at its peak while parsing, needs
 * 9-13 bytes of V8 heap per byte of uncompressed sheet XML; the conversion to the engine's grid fits in what
 * the parse frees. Measured with ExcelJS 4.4.0 on Node 20, 100,000 rows x 15 columns, as the smallest
 * --max-old-space-size with which the whole read (checks, load, conversion) succeeds:
 * - task-like text, numbers and dates, shared strings: 52 MB of XML (7.8 MB file): 550 MB, 5-6 s, RSS 850 MB;
 * - every text cell unique, inline strings: 80 MB of XML: 700 MB;
 * - one-digit numbers in Excel's tersest XML (the worst ratio found): 39 MB of XML: 500 MB.
 * At 13 bytes per byte, 120 MB needs about 1.6 GB: within the 2 GB heap Node gives by default on a machine
 * with 8 GB of memory (a quarter of it, up to 4 GB), while a 100,000 x 15 task table (50-80 MB) passes
 * with room to spare.
 */
export const DEFAULT_LIMITS: Readonly<Required<ReadLimits>> = {
  maxUncompressedBytes: 120 * MB,
  // Sheet XML compresses 5-20:1, very repetitive sheets up to ~100:1; deflate's ceiling is 1032:1.
  maxCompressionRatio: 200,
  ratioCheckFromBytes: 50 * MB,
};

/** What the central directory says, for the size check that follows (see checkInflatedSizes). */
export interface PackageInfo {
  readonly entries: readonly ZipEntry[];
  /** The archive comment, which a written copy keeps. */
  readonly comment: Uint8Array;
  readonly uncompressedBytes: number;
}

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;
const ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet";

/**
 * Checks that the bytes are a zip holding an .xlsx workbook within the limits, from signatures and the
 * central directory only: nothing is inflated.
 * @throws WorkbookInputError
 */
export function inspectPackage(bytes: Uint8Array, fileName: string, limits?: ReadLimits): PackageInfo {
  const limit = { ...DEFAULT_LIMITS, ...definedOnly(limits) };
  if (bytes.length === 0) throw new WorkbookInputError("empty", fileName);
  if (startsWith(bytes, CFB_SIGNATURE)) throw compoundFileProblem(bytes, fileName);
  if (!hasZipSignature(bytes))
    throw new WorkbookInputError("not-a-workbook", fileName, { kind: sniffKind(bytes) });

  let entries: readonly ZipEntry[];
  let comment: Uint8Array;
  try {
    ({ entries, comment } = readZipDirectory(bytes));
  } catch (error) {
    if (!(error instanceof ZipStructureError)) throw error;
    throw new WorkbookInputError(
      "damaged",
      fileName,
      { reason: error.reason, detail: error.message },
      { cause: error },
    );
  }

  const names = new Set(entries.map((entry) => entry.name.toLowerCase()));
  // The workbook part is where the package's relationships say (xl/workbook.xml nearly always); without
  // those and without xl/workbook.xml, or with the parts of another kind of file, this is no workbook.
  const otherKind = ["mimetype", "xl/workbook.bin", "word/document.xml", "ppt/presentation.xml"].some(
    (name) => names.has(name),
  );
  if (!names.has("xl/workbook.xml") && (otherKind || !names.has("_rels/.rels"))) {
    throw notAWorkbook(bytes, entries, names, fileName);
  }

  if (entries.some((entry) => entry.encrypted))
    throw new WorkbookInputError("encrypted", fileName, { kind: "zip" });

  // Part names are equal whatever their ASCII case or percent-encoding (OPC, ECMA-376-2 §6.2.2.3), and a package
  // may hold no two (M1.12). Where a zip holds two, programs show different ones: LibreOffice the first whose name
  // matches the relationship exactly, Python's zipfile and JSZip the last, POI refuses the file. A check must see
  // what the clerk sees, so the file is refused rather than read by a guess.
  const seen = new Set<string>();
  for (const entry of entries) {
    if (entry.name.endsWith("/")) continue;
    const key = partKey(entry.name);
    if (seen.has(key))
      throw new WorkbookInputError("damaged", fileName, { reason: "duplicate", entry: entry.name });
    seen.add(key);
  }

  for (const entry of entries) {
    const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
    if (entry.uncompressedSize > limit.ratioCheckFromBytes && ratio > limit.maxCompressionRatio) {
      throw new WorkbookInputError("too-large", fileName, {
        what: "ratio",
        entry: entry.name,
        sizeBytes: entry.uncompressedSize,
        ratio: Math.round(ratio),
        limitRatio: limit.maxCompressionRatio,
      });
    }
  }
  const uncompressedBytes = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (uncompressedBytes > limit.maxUncompressedBytes) {
    throw new WorkbookInputError("too-large", fileName, {
      what: "contents",
      sizeBytes: uncompressedBytes,
      limitBytes: limit.maxUncompressedBytes,
    });
  }

  for (const entry of entries) {
    if (entry.method !== 0 && entry.method !== 8) {
      // Deflate64, bzip2 and the like: Excel never writes them, and ExcelJS cannot read them.
      throw new WorkbookInputError("damaged", fileName, {
        reason: "compression",
        entry: entry.name,
        detail: `compression method ${entry.method}`,
      });
    }
    if (entry.method === 0 && entry.compressedSize !== entry.uncompressedSize) {
      throw new WorkbookInputError("damaged", fileName, { reason: "size-mismatch", entry: entry.name });
    }
  }
  return { entries, comment, uncompressedBytes };
}

/**
 * Inflates every part into nothing, counting bytes, and refuses a part that inflates to more (or less) than
 * it declared. inspectPackage trusts the declared sizes; a crafted zip can declare 1 KB and inflate to 1 GB,
 * and ExcelJS (JSZip) only compares the sizes after it has inflated everything into memory. Memory here stays
 * bounded by the probe (never more than a part declares, plus one slice). With fflate it costs about 0.3 s for
 * the 52 MB of XML of a 100,000-row sheet, with Node's zlib 0.1 s, against ExcelJS's 4 s. Parts `later`
 * picks are left out: their caller inflates them elsewhere and holds them to the same test (checkInflatedPart).
 * @throws WorkbookInputError
 */
export function checkInflatedSizes(
  bytes: Uint8Array,
  fileName: string,
  info: PackageInfo,
  measure: InflatedSizeProbe = measureWithFflate,
  keep: (entry: ZipEntry, data: Uint8Array) => void = () => undefined,
  later: (entry: ZipEntry) => boolean = () => false,
  /** The platform's own where it has one: a stored 41 MB sheet took 70 ms in JavaScript's. */
  crc: (data: Uint8Array) => number = crc32,
): void {
  for (const entry of info.entries) {
    const data = storedData(bytes, entry);
    if (entry.method === 0) {
      checkCrc(entry, crc(data), fileName);
      continue;
    }
    // An empty deflate entry has no stream to push; its declared size alone must be 0.
    if (entry.method !== 8 || (entry.compressedSize === 0 && entry.uncompressedSize === 0)) continue;
    if (later(entry)) continue;
    const kept = measurePart(entry, data, fileName, measure);
    if (kept !== undefined) keep(entry, kept);
  }
}

/**
 * One deflated part inflated by `measure` and held to what the directory declares: its bytes when the probe
 * kept them.
 * @throws WorkbookInputError
 */
export function measurePart(
  entry: ZipEntry,
  compressed: Uint8Array,
  fileName: string,
  measure: InflatedSizeProbe,
): Uint8Array | undefined {
  let produced: InflatedSize;
  try {
    produced = measure(compressed, entry.uncompressedSize);
  } catch (error) {
    throw unreadablePart(entry, fileName, error);
  }
  return checkInflatedPart(entry, produced, fileName);
}

/**
 * What inflating one part gave, held to what the directory declares (checkInflatedSizes' test, for a part
 * inflated apart from it): its bytes when they were kept.
 * @throws WorkbookInputError
 */
export function checkInflatedPart(
  entry: ZipEntry,
  produced: InflatedSize,
  fileName: string,
): Uint8Array | undefined {
  if (produced.size !== entry.uncompressedSize) {
    throw new WorkbookInputError("damaged", fileName, {
      reason: "size-mismatch",
      entry: entry.name,
      detail: `declares ${entry.uncompressedSize} bytes, inflates to ${produced.size > entry.uncompressedSize ? "more" : produced.size}`,
    });
  }
  if (produced.crc !== undefined) checkCrc(entry, produced.crc, fileName);
  return produced.data;
}

/** A part whose deflate stream could not be inflated at all. */
export function unreadablePart(entry: ZipEntry, fileName: string, error: unknown): WorkbookInputError {
  return new WorkbookInputError(
    "damaged",
    fileName,
    { reason: "content", entry: entry.name, detail: String(error) },
    { cause: error },
  );
}

/** A part whose content does not match its CRC-32 was damaged after it was written. */
function checkCrc(entry: ZipEntry, actual: number, fileName: string): void {
  if (actual >>> 0 === entry.crc >>> 0) return;
  throw new WorkbookInputError("damaged", fileName, {
    reason: "crc",
    entry: entry.name,
    detail: `CRC-32 ${(actual >>> 0).toString(16)}, declared ${(entry.crc >>> 0).toString(16)}`,
  });
}

/**
 * Refuses a package any of whose XML parts declares a DOCTYPE: Excel does not open such a file, and the
 * packaging conventions forbid DTDs, so no entity is ever expanded and no external entity read. A DOCTYPE can
 * only stand before the root element, so only the start of each part is inflated and parsed. `inflated` gives
 * a part the size check kept inflated, whose start is read from there instead of being inflated again.
 * @throws WorkbookInputError
 */
export function refuseDoctypes(
  bytes: Uint8Array,
  fileName: string,
  info: PackageInfo,
  inflated: (entry: ZipEntry) => Uint8Array | undefined = () => undefined,
  later: (entry: ZipEntry) => boolean = () => false,
): void {
  for (const entry of info.entries) {
    if (!holdsMarkup(entry) || later(entry)) continue;
    const kept = entry.method === 8 ? inflated(entry) : undefined;
    const data = kept ?? storedData(bytes, entry);
    refuseDoctypeIn(entry, data, fileName, kept === undefined && entry.method === 8);
  }
}

/**
 * refuseDoctypes for one part `later` left out, given its content once inflated (on another thread: the start
 * of a 41 MB sheet inflated here again took as long as reading every small part), or its stored stream.
 * @throws WorkbookInputError
 */
export function refuseDoctypeIn(entry: ZipEntry, data: Uint8Array, fileName: string, deflated = false): void {
  if (holdsMarkup(entry) && prologDeclaresDoctype(data, deflated))
    throw new WorkbookInputError("damaged", fileName, { reason: "doctype", entry: entry.name });
}

const holdsMarkup = (entry: ZipEntry): boolean =>
  /\.(xml|rels|vml)$/i.test(entry.name) && entry.uncompressedSize !== 0;

const PROLOG_LIMIT = 1024 * 1024;

/**
 * Whether the part's prolog (what comes before its root element) holds a DOCTYPE: the scanner reads it, and
 * refuses a DOCTYPE as the readers would; it stops at the root's start tag.
 */
function prologDeclaresDoctype(data: Uint8Array, deflated: boolean): boolean {
  let verdict: boolean | undefined;
  const scanner = new XmlScanner("prolog", {
    open() {
      verdict = false;
      scanner.stop();
    },
    close() {},
    text() {},
  });
  let seen = 0;
  const feed = (chunk: Uint8Array): void => {
    if (verdict !== undefined) return;
    seen += chunk.length;
    try {
      scanner.push(chunk);
    } catch (error) {
      if (!(error instanceof XmlPartError)) throw error;
      // Malformed XML is not this check's business: readers report it where they parse the part.
      verdict = error.kind === "doctype";
    }
  };
  const SLICE = 4096;
  if (!deflated) {
    // A slice at a time, as inflating gives them: the root's start tag, a few hundred bytes in, decides.
    const end = Math.min(data.length, PROLOG_LIMIT);
    for (let p = 0; p < end && verdict === undefined; p += SLICE)
      feed(data.subarray(p, Math.min(p + SLICE, end)));
    return verdict === true;
  }
  const inflater = new Inflate((chunk) => feed(chunk));
  try {
    for (let p = 0; p < data.length && verdict === undefined && seen < PROLOG_LIMIT; p += SLICE) {
      const end = Math.min(p + SLICE, data.length);
      inflater.push(data.subarray(p, end), end === data.length);
    }
  } catch {
    // A broken stream is reported by the size check or the reader, with its own words.
  }
  return verdict === true;
}

/** Streams the input in 32 KB slices, so one slice yields at most ~33 MB (deflate's 1032:1 ceiling). */
export function measureWithFflate(compressed: Uint8Array, limit: number): InflatedSize {
  const SLICE = 32 * 1024;
  const collected = new InflatedPart(limit);
  const inflater = new Inflate((chunk) => collected.push(chunk));
  for (let p = 0; p < compressed.length && collected.withinSize; p += SLICE) {
    const end = Math.min(p + SLICE, compressed.length);
    inflater.push(compressed.subarray(p, end), end === compressed.length);
  }
  return collected.measured();
}

/** Parts larger than this are measured but not kept: a reader would not hold them whole. */
export const KEEP_INFLATED_PART_BYTES = 128 * MB;

/**
 * A part's inflated bytes as they come, for the size check: counted, their CRC-32 taken, and kept (written
 * into one array of the declared size, never more) so that reading need not inflate the part again.
 */
export class InflatedPart {
  private produced = 0;
  private crc = 0;
  private readonly data: Uint8Array | undefined;

  constructor(private readonly declared: number) {
    this.data = declared <= KEEP_INFLATED_PART_BYTES ? new Uint8Array(declared) : undefined;
  }

  /** Whether no more than the declared size has come yet: past it, the rest need not be inflated. */
  get withinSize(): boolean {
    return this.produced <= this.declared;
  }

  push(chunk: Uint8Array): void {
    if (this.produced + chunk.length <= this.declared) {
      this.crc = crc32(chunk, this.crc);
      this.data?.set(chunk, this.produced);
    }
    this.produced += chunk.length;
  }

  /** The size, the CRC-32 of what fitted, and the bytes when they are exactly the declared size. */
  measured(): InflatedSize {
    const size = this.produced;
    return size === this.declared && this.data
      ? { size, crc: this.crc, data: this.data }
      : { size, crc: this.crc };
  }
}

/** Encrypted .xlsx files and old .xls files are both OLE compound files; the stream names tell them apart. */
function compoundFileProblem(bytes: Uint8Array, fileName: string): WorkbookInputError {
  const streams = compoundFileNames(bytes);
  if (streams.has("ENCRYPTEDPACKAGE") || streams.has("ENCRYPTIONINFO")) {
    return new WorkbookInputError("encrypted", fileName, { kind: "ooxml" });
  }
  if (streams.has("WORKBOOK") || streams.has("BOOK")) return new WorkbookInputError("legacy-xls", fileName);
  if (streams.has("WORDDOCUMENT") || streams.has("POWERPOINT DOCUMENT")) {
    return new WorkbookInputError("not-a-workbook", fileName, { kind: "document" });
  }
  // A compound file we cannot place (WPS .et, a damaged .xls): saving it again as .xlsx is still the way out.
  return new WorkbookInputError("legacy-xls", fileName);
}

/**
 * Upper-cased names in a compound file's directory. Directory entries are 128 bytes long and directory
 * sectors (512 or 4096 bytes) start on multiples of 128, so every entry sits at an offset divisible by 128:
 * a 64-byte UTF-16LE name, then its length in bytes including the terminating NUL.
 * Looking only there means a name that happens to appear inside a stream's data is never mistaken for one.
 */
function compoundFileNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  for (let p = 512; p + 128 <= bytes.length; p += 128) {
    const length = (bytes[p + 64] ?? 0) | ((bytes[p + 65] ?? 0) << 8);
    const type = bytes[p + 66] ?? 0;
    // Types 1 storage, 2 stream, 5 root; lengths are even, at most 64, and count the final NUL.
    if (length < 4 || length > 64 || length % 2 !== 0 || type < 1 || type > 5) continue;
    let name = "";
    let valid = true;
    for (let i = 0; i < length - 2; i += 2) {
      const code = (bytes[p + i] ?? 0) | ((bytes[p + i + 1] ?? 0) << 8);
      if (code === 0) {
        valid = false;
        break;
      }
      name += String.fromCharCode(code);
    }
    if (valid && bytes[p + length - 2] === 0 && bytes[p + length - 1] === 0) names.add(name.toUpperCase());
  }
  return names;
}

/** A zip without xl/workbook.xml: an .ods, a Word or PowerPoint file, an .xlsb, or some other archive. */
function notAWorkbook(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  names: ReadonlySet<string>,
  fileName: string,
): WorkbookInputError {
  const mimetype = entries.find((entry) => entry.name === "mimetype");
  if (mimetype) {
    // OpenDocument stores its mimetype first and uncompressed, so it can be read without inflating.
    const text = mimetype.method === 0 ? new TextDecoder().decode(storedData(bytes, mimetype)) : "";
    if (text.startsWith(ODS_MIMETYPE) || (text === "" && names.has("content.xml"))) {
      return new WorkbookInputError("opendocument", fileName);
    }
    if (text.startsWith("application/vnd.oasis.opendocument.")) {
      return new WorkbookInputError("not-a-workbook", fileName, { kind: "document" });
    }
  }
  if (names.has("xl/workbook.bin"))
    return new WorkbookInputError("not-a-workbook", fileName, { kind: "xlsb" });
  if (names.has("word/document.xml") || names.has("ppt/presentation.xml")) {
    return new WorkbookInputError("not-a-workbook", fileName, { kind: "document" });
  }
  return new WorkbookInputError("not-a-workbook", fileName, { kind: "zip" });
}

/** What a file that is not a zip looks like, from its first 8 KB: text (CSV or not), a web page, XML, a PDF. */
function sniffKind(bytes: Uint8Array): string {
  const head = bytes.subarray(0, 8192);
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  let text: string;
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) {
    // UTF-16 with a byte order mark: what Excel's "Unicode Text" export writes.
    text = new TextDecoder(head[0] === 0xff ? "utf-16le" : "utf-16be").decode(head.subarray(2));
  } else {
    // No NUL and almost no control bytes; non-UTF-8 bytes are fine (Chinese CSVs are often GBK).
    let controls = 0;
    for (const byte of head) {
      if (byte === 0) return "unknown";
      if (
        (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) ||
        byte === 0x7f
      ) {
        controls++;
      }
    }
    if (controls > head.length / 100) return "unknown";
    text = new TextDecoder("utf-8", { fatal: false }).decode(head);
  }
  const start = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .slice(0, 2048)
    .toLowerCase();
  if (/^(<!doctype html|<html|<table|mime-version:)/.test(start) || start.includes("<html")) return "html";
  if (start.startsWith("<?xml") || start.startsWith("<")) return "xml";
  const lines = text
    .split(/\r\n|\n|\r/)
    .slice(0, 20)
    .filter((line) => line.trim() !== "");
  const delimited = lines.filter((line) => /[,\t;，]/.test(line)).length;
  return lines.length > 0 && delimited >= Math.ceil(lines.length / 2) ? "csv" : "text";
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  return prefix.every((byte, i) => bytes[i] === byte);
}

/** `{ ...defaults, ...limits }` would let an explicit `undefined` erase a default. */
function definedOnly(limits: ReadLimits | undefined): ReadLimits {
  const result: { -readonly [K in keyof ReadLimits]: ReadLimits[K] } = {};
  if (limits?.maxUncompressedBytes !== undefined) result.maxUncompressedBytes = limits.maxUncompressedBytes;
  if (limits?.maxCompressionRatio !== undefined) result.maxCompressionRatio = limits.maxCompressionRatio;
  if (limits?.ratioCheckFromBytes !== undefined) result.ratioCheckFromBytes = limits.ratioCheckFromBytes;
  return result;
}
