// Reads a zip's central directory, checking its structure, without inflating a single byte. The one zip
// reader of the xlsx host: inspect.ts refuses bad packages with it, package.ts copies entries raw from it.

/** One file in a zip as its central directory and local header declare it. */
export interface ZipEntry {
  /** As stored, without a leading slash, a backslash read as the folder separator it stands for. */
  readonly name: string;
  /** 0 stored, 8 deflate. */
  readonly method: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  /** Where the entry's (compressed) data starts in the file. */
  readonly dataOffset: number;
  readonly encrypted: boolean;
  /** What package.ts needs to copy the entry exactly: the raw fields, names and extra fields. */
  readonly versionMadeBy: number;
  readonly versionNeeded: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
  readonly centralName: Uint8Array;
  readonly centralExtra: Uint8Array;
  readonly comment: Uint8Array;
  readonly localName: Uint8Array;
  readonly localExtra: Uint8Array;
}

/** The entry's data as the zip stores it (deflated for method 8), a view into the zip's bytes. */
export function storedData(zip: Uint8Array, entry: ZipEntry): Uint8Array {
  return zip.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
}

/** A zip's entries in directory order, and the archive comment. */
export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  readonly comment: Uint8Array;
}

/** Why a zip could not be listed; inspect.ts turns it into a WorkbookInputError. */
export class ZipStructureError extends Error {
  constructor(
    readonly reason: "truncated" | "structure",
    detail: string,
  ) {
    super(detail);
  }
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_END = 0x06054b50;
const SIG_END64 = 0x06064b50;
const SIG_END64_LOCATOR = 0x07064b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;
const U32_MAX = 0xffffffff;

/** True when the bytes start like a zip (a local file header, or the end record of an empty zip). */
export function hasZipSignature(bytes: Uint8Array): boolean {
  if (bytes.length < 4) return false;
  const sig = u32(bytes, 0);
  return sig === SIG_LOCAL || sig === SIG_END;
}

/**
 * The entries of a zip, from its central directory.
 * fflate's `unzipSync` with a filter also lists entries without inflating, but it does not check what it
 * reads: offsets past the end of a truncated or damaged file read as zeros and come back as entries with
 * empty names. This reader checks every signature and bound, so damage is reported as damage.
 * @throws ZipStructureError
 */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  return [...readZipDirectory(bytes).entries];
}

/**
 * The entries and the archive comment.
 * @throws ZipStructureError
 */
export function readZipDirectory(bytes: Uint8Array): ZipDirectory {
  const end = findEndRecord(bytes);
  if (end < 0) throw new ZipStructureError("truncated", "no end of central directory record");
  if (u16(bytes, end + 4) !== 0 || u16(bytes, end + 6) !== 0) {
    throw new ZipStructureError("structure", "multi-volume zip");
  }
  let count = u16(bytes, end + 10);
  let size = u32(bytes, end + 12);
  let offset = u32(bytes, end + 16);
  const locator = end - 20;
  if (locator >= 0 && u32(bytes, locator) === SIG_END64_LOCATOR) {
    const end64 = u64(bytes, locator + 8);
    if (end64 + 56 > locator || u32(bytes, end64) !== SIG_END64) {
      throw new ZipStructureError("truncated", "zip64 end record out of place");
    }
    count = u64(bytes, end64 + 32);
    size = u64(bytes, end64 + 40);
    offset = u64(bytes, end64 + 48);
  }
  const directoryEnd = offset + size;
  if (directoryEnd > end) {
    // The usual sign of a file cut short and then given an end record, or of a damaged end record.
    throw new ZipStructureError("truncated", "central directory outside the file");
  }

  const decoder = new TextDecoder("utf-8", { fatal: false });
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > directoryEnd || u32(bytes, p) !== SIG_CENTRAL) {
      throw new ZipStructureError("structure", `central directory entry ${i} is damaged`);
    }
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    let compressedSize = u32(bytes, p + 20);
    let uncompressedSize = u32(bytes, p + 24);
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const next = p + 46 + nameLength + extraLength + commentLength;
    if (next > directoryEnd)
      throw new ZipStructureError("structure", `central directory entry ${i} overruns`);
    // Backslashes as separators (xl\workbook.xml) break the ZIP format's rule (APPNOTE 4.4.17.1) but are what
    // PHP and .NET exporters on Windows write, and Excel reads them as folders; so does every name here.
    const name = decoder
      .decode(bytes.subarray(p + 46, p + 46 + nameLength))
      .replace(/\\/g, "/")
      .replace(/^\/+/, "");

    if (compressedSize === U32_MAX || uncompressedSize === U32_MAX || localOffset === U32_MAX) {
      // Zip64: the real values sit in extra field 0x0001, only those whose 32-bit field is saturated, in order.
      let e = p + 46 + nameLength;
      const extraEnd = e + extraLength;
      let found = false;
      while (e + 4 <= extraEnd) {
        const id = u16(bytes, e);
        const length = u16(bytes, e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          found = true;
          const fieldEnd = q + length;
          const take = (): number => {
            if (q + 8 > fieldEnd)
              throw new ZipStructureError("structure", `entry ${name} has a short zip64 field`);
            q += 8;
            return u64(bytes, q - 8);
          };
          if (uncompressedSize === U32_MAX) uncompressedSize = take();
          if (compressedSize === U32_MAX) compressedSize = take();
          if (localOffset === U32_MAX) localOffset = take();
          break;
        }
        e += 4 + length;
      }
      if (!found) throw new ZipStructureError("structure", `entry ${name} lacks its zip64 sizes`);
    }

    if (localOffset + 30 > offset || u32(bytes, localOffset) !== SIG_LOCAL) {
      throw new ZipStructureError("structure", `entry ${name} has no local header`);
    }
    const localNameLength = u16(bytes, localOffset + 26);
    const dataOffset = localOffset + 30 + localNameLength + u16(bytes, localOffset + 28);
    if (dataOffset + compressedSize > offset) {
      throw new ZipStructureError("truncated", `entry ${name} runs past the end of its data`);
    }
    entries.push({
      name,
      method,
      compressedSize,
      uncompressedSize,
      dataOffset,
      encrypted: (flags & 1) === 1,
      versionMadeBy: u16(bytes, p + 4),
      versionNeeded: u16(bytes, p + 6),
      flags,
      time: u16(bytes, p + 12),
      date: u16(bytes, p + 14),
      crc: u32(bytes, p + 16),
      internalAttributes: u16(bytes, p + 36),
      externalAttributes: u32(bytes, p + 38),
      centralName: bytes.subarray(p + 46, p + 46 + nameLength),
      centralExtra: bytes.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength),
      comment: bytes.subarray(p + 46 + nameLength + extraLength, next),
      localName: bytes.subarray(localOffset + 30, localOffset + 30 + localNameLength),
      localExtra: bytes.subarray(localOffset + 30 + localNameLength, dataOffset),
    });
    p = next;
  }
  const comment = bytes.subarray(
    end + END_SIZE,
    Math.min(bytes.length, end + END_SIZE + u16(bytes, end + 20)),
  );
  return { entries, comment };
}

/** The offset of the end of central directory record, searched backwards over a possible comment; -1 if none. */
function findEndRecord(bytes: Uint8Array): number {
  const last = bytes.length - END_SIZE;
  const first = Math.max(0, last - MAX_COMMENT);
  for (let p = last; p >= first; p--) {
    // The comment length must reach exactly to the end, or this is a signature-like run inside the comment.
    if (u32(bytes, p) === SIG_END && p + END_SIZE + u16(bytes, p + 20) === bytes.length) return p;
  }
  // Some writers leave bytes after the record; accept the last signature if no exact one exists.
  for (let p = last; p >= first; p--) if (u32(bytes, p) === SIG_END) return p;
  return -1;
}

let crcTable: Int32Array | undefined;

/** Eight 256-entry tables for CRC-32 (IEEE, reflected), eight bytes per step ("slicing by 8"). */
function crcTables(): Int32Array {
  const table = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c;
  }
  for (let n = 0; n < 256; n++) {
    let c = table[n]!;
    for (let k = 1; k < 8; k++) {
      c = table[c & 0xff]! ^ (c >>> 8);
      table[k * 256 + n] = c;
    }
  }
  return table;
}

/**
 * CRC-32 as zip uses it, unsigned. About 1 GB/s in V8; Node passes zlib.crc32 where it exists. `previous`
 * continues a CRC over data that comes in pieces: crc32(b, crc32(a)) is the CRC of a then b.
 */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const t = (crcTable ??= crcTables());
  let c = ~previous;
  let i = 0;
  const n = bytes.length;
  for (; i + 8 <= n; i += 8) {
    const a = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    c =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^
      t[512 + bytes[i + 5]!]! ^
      t[256 + bytes[i + 6]!]! ^
      t[bytes[i + 7]!]!;
  }
  for (; i < n; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function u16(b: Uint8Array, p: number): number {
  return (b[p] ?? 0) | ((b[p + 1] ?? 0) << 8);
}

function u32(b: Uint8Array, p: number): number {
  return ((b[p] ?? 0) | ((b[p + 1] ?? 0) << 8) | ((b[p + 2] ?? 0) << 16)) + (b[p + 3] ?? 0) * 0x1000000;
}

/** An 8-byte little-endian number; anything past 2^53 is beyond any file we could hold, so it is damage. */
function u64(b: Uint8Array, p: number): number {
  const high = u32(b, p + 4);
  if (high >= 0x200000) throw new ZipStructureError("structure", "zip64 value out of range");
  return high * 0x100000000 + u32(b, p);
}
