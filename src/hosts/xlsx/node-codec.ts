// Node's native zlib for the xlsx host: several times faster than fflate for inflating, deflating and CRCs.

import { isUtf8 } from "node:buffer";
import * as zlib from "node:zlib";
import type { InflatedSize, InflatedSizeProbe } from "./inspect";
import { type DeflatedPart, type PackageCodec } from "./package";
import { crc32 as crc32InJs } from "./zip";

/**
 * zlib's options for a part that declares `size` bytes: stopped by maxOutputLength, so memory never exceeds
 * what the part declares; and one output chunk of that size, so zlib hands back the chunk itself instead of
 * gathering 16 KB chunks and copying them into one buffer (twice the part's size at once, and a copy).
 */
function inflateOptions(size: number): zlib.ZlibOptions {
  const maxOutputLength = Math.max(1, size);
  return size <= ONE_CHUNK_LIMIT ? { maxOutputLength, chunkSize: Math.max(64, size) } : { maxOutputLength };
}

const ONE_CHUNK_LIMIT = 256 * 1024 * 1024;

/**
 * measureWithZlib on zlib's thread pool: the main thread reads the shared strings (a tenth of a second on a
 * 100,000-row table) while the sheet inflates. Given the CRC the zip declares, the part is inflated as a
 * gzip member (the same deflate stream between a gzip header and a trailer of that CRC and the size), so that
 * zlib checks both on its thread: taken here, the CRC of a 41 MB sheet was 13 ms of the main thread. A
 * member zlib refuses is inflated again as it is stored, for the size check to say what is wrong.
 */
export function measureWithZlibLater(
  compressed: Uint8Array,
  limit: number,
  declaredCrc?: number,
): Promise<InflatedSize> {
  if (declaredCrc === undefined) return inflateRawLater(compressed, limit);
  return new Promise((resolve, reject) =>
    zlib.gunzip(gzipMember(compressed, declaredCrc, limit), inflateOptions(limit), (error, inflated) => {
      if (error === null) resolve({ size: inflated.length, crc: declaredCrc, data: inflated });
      else if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") resolve({ size: limit + 1 });
      else inflateRawLater(compressed, limit).then(resolve, reject);
    }),
  );
}

/** The raw stream inflated on zlib's thread pool; its CRC taken when the answer comes, on the main thread. */
function inflateRawLater(compressed: Uint8Array, limit: number): Promise<InflatedSize> {
  return new Promise((resolve, reject) =>
    zlib.inflateRaw(compressed, inflateOptions(limit), (error, inflated) => {
      if (error === null)
        resolve({ size: inflated.length, crc: (nativeCrc32 ?? crc32InJs)(inflated), data: inflated });
      else if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") resolve({ size: limit + 1 });
      else reject(error);
    }),
  );
}

/** The gzip header zlib writes (RFC 1952): deflate, no flags, no name, no time, operating system unknown. */
const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff);
const GZIP_TRAILER_BYTES = 8;

/** A raw deflate stream as one gzip member whose trailer holds `crc` and `size` (modulo 2^32). */
function gzipMember(deflated: Uint8Array, crc: number, size: number): Buffer {
  const member = Buffer.allocUnsafe(GZIP_HEADER.length + deflated.length + GZIP_TRAILER_BYTES);
  member.set(GZIP_HEADER, 0);
  member.set(deflated, GZIP_HEADER.length);
  member.set(gzipTrailer(crc, size), member.length - GZIP_TRAILER_BYTES);
  return member;
}

/** A gzip member's trailer: the CRC-32 and the size (modulo 2^32) of what it inflates to. */
function gzipTrailer(crc: number, size: number): Buffer {
  const trailer = Buffer.allocUnsafe(GZIP_TRAILER_BYTES);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  return trailer;
}

/**
 * The raw deflate stream and CRC of a gzip member zlib wrote: the stream the same bytes as deflateRaw's, the
 * CRC taken by zlib on its own thread as it deflated.
 * @throws Error when the member has a header other than zlib's own (never seen: zlib sets no flags)
 */
function fromGzipMember(member: Buffer): DeflatedPart {
  const header = member.subarray(0, GZIP_HEADER.length);
  if (
    member.length < GZIP_HEADER.length + GZIP_TRAILER_BYTES ||
    header[0] !== 0x1f ||
    header[1] !== 0x8b ||
    header[3] !== 0
  )
    throw new Error("zlib wrote a gzip header with flags or fields");
  return {
    data: member.subarray(GZIP_HEADER.length, member.length - GZIP_TRAILER_BYTES),
    crc: member.readUInt32LE(member.length - 8),
  };
}

/**
 * The pieces zlib's stream hands over, and how many may wait for the reader: a piece inflates on zlib's thread
 * while the reader scans the one before, and past a few waiting the stream pauses, so that a reader slower
 * than the inflating never gathers the whole part.
 */
const STREAM_PIECE_BYTES = 1024 * 1024;
const STREAM_PIECES_WAITING = 2;

/**
 * A raw deflate stream inflated on zlib's threads a piece at a time, each piece handed to `sink` on this
 * thread (on a turn of the event loop of its own, so that zlib inflates the next meanwhile). Stops past
 * `limit` bytes: what the part declares is all it may hold. Given the CRC the zip declares, the stream is
 * inflated as a gzip member (see measureWithZlibLater), so that zlib checks the CRC and size on its thread
 * (taken here a piece at a time, the CRC of a 41 MB sheet was 9 ms of the main thread); a member zlib refuses
 * is inflated again as it is stored, for the part's check to say what is wrong. Otherwise the CRC is taken
 * as the pieces come.
 */
export function inflateStreamWithZlib(
  compressed: Uint8Array,
  limit: number,
  sink: (chunk: Uint8Array) => boolean,
  declaredCrc?: number,
): Promise<InflatedSize | undefined> {
  return new Promise((resolve, reject) => {
    const member = declaredCrc !== undefined;
    const inflater = member
      ? zlib.createGunzip({ chunkSize: STREAM_PIECE_BYTES })
      : zlib.createInflateRaw({ chunkSize: STREAM_PIECE_BYTES });
    const waiting: Buffer[] = [];
    let size = 0;
    let crc = 0;
    let ended = false;
    let done = false;
    let scheduled = false;
    const finish = (outcome: () => void): void => {
      if (done) return;
      done = true;
      inflater.destroy();
      outcome();
    };
    const hand = (): void => {
      scheduled = false;
      try {
        while (waiting.length > 0 && !done) {
          if (!sink(waiting.shift()!)) return finish(() => resolve(undefined));
        }
      } catch (error) {
        return finish(() => reject(error as Error));
      }
      if (ended) finish(() => resolve({ size, crc: member ? declaredCrc : crc }));
      else if (inflater.isPaused()) inflater.resume();
    };
    const schedule = (): void => {
      if (scheduled || done) return;
      scheduled = true;
      setImmediate(hand);
    };
    inflater.on("data", (piece: Buffer) => {
      size += piece.length;
      if (size > limit) return finish(() => resolve({ size }));
      if (!member) crc = (nativeCrc32 ?? crc32InJs)(piece, crc);
      waiting.push(piece);
      if (waiting.length >= STREAM_PIECES_WAITING) inflater.pause();
      schedule();
    });
    inflater.on("end", () => {
      ended = true;
      schedule();
    });
    inflater.on("error", (error) =>
      finish(() => {
        if (!member) return reject(error);
        // The stream as it is stored, inflated here: its own error, or the size and CRC it really has.
        try {
          const { size: stored, crc: storedCrc } = measureWithZlib(compressed, limit);
          resolve({ size: stored, ...(storedCrc === undefined ? {} : { crc: storedCrc }) });
        } catch (failure) {
          reject(failure as Error);
        }
      }),
    );
    if (member) {
      inflater.write(GZIP_HEADER);
      inflater.write(compressed);
      inflater.end(gzipTrailer(declaredCrc, limit));
    } else inflater.end(compressed);
  });
}

/** Node's native inflate of the whole part, with its CRC. */
export const measureWithZlib: InflatedSizeProbe = (compressed, limit) => {
  let inflated: Buffer;
  try {
    inflated = zlib.inflateRawSync(compressed, inflateOptions(limit));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") return { size: limit + 1 };
    throw error;
  }
  return {
    size: inflated.length,
    crc: nativeCrc32 ? nativeCrc32(inflated) : crc32InJs(inflated),
    data: inflated,
  };
};

/** zlib.crc32 exists from Node 20.15 and 22.2; older Node 20 releases fall back to the JavaScript table. */
const nativeCrc32: ((data: Uint8Array, previous?: number) => number) | undefined =
  typeof zlib.crc32 === "function" ? (data, previous = 0) => zlib.crc32(data, previous) : undefined;

const LARGE_PART = 4 * 1024 * 1024;

/**
 * A changed task sheet can hold tens of megabytes. Measured on a 41 MB sheet: level 6 took 1.5 s for 5.2 MB,
 * level 4 0.57 s for 5.8 MB, level 2 0.34 s for 6.2 MB: a fifth of level 6's time for a fifth more bytes.
 */
function deflateOptions(bytes: Uint8Array): zlib.ZlibOptions {
  return { level: bytes.length > LARGE_PART ? 2 : 6 };
}

/**
 * The output buffer of a deflate on zlib's threads, large enough for the whole result of a part that compresses
 * 4:1 or better (sheet XML does 5-20:1). zlib's thread hands back each full buffer to the main thread, which
 * starts the next: with the default 16 KB, a 41 MB sheet made some 400 such trips, and none while the main
 * thread was busy writing the other sheets, so the deflate "ahead" waited for the writing to end. Memory is
 * touched only as far as the output fills it.
 */
function laterChunkSize(bytes: Uint8Array): number {
  return Math.max(zlib.constants.Z_DEFAULT_CHUNK, bytes.length >> 2);
}

/** Everything OpcPackage and the reader need, from node:zlib. */
export const NODE_CODEC: Readonly<Required<PackageCodec>> = {
  inflateRaw: (compressed, size) => zlib.inflateRawSync(compressed, inflateOptions(size)),
  deflateRaw: (bytes) => zlib.deflateRawSync(bytes, deflateOptions(bytes)),
  // As a gzip member, for the CRC zlib takes as it deflates (see fromGzipMember).
  deflateRawLater: (bytes) =>
    new Promise((resolve, reject) =>
      zlib.gzip(bytes, { ...deflateOptions(bytes), chunkSize: laterChunkSize(bytes) }, (error, result) => {
        if (error) reject(error);
        else {
          try {
            resolve(fromGzipMember(result));
          } catch (failure) {
            reject(failure);
          }
        }
      }),
    ),
  crc32: nativeCrc32 ?? crc32InJs,
  measureInflated: measureWithZlib,
  measureInflatedLater: measureWithZlibLater,
  inflateStream: inflateStreamWithZlib,
  // simdutf underneath: the standard's UTF-8, as isWellFormedUtf8 reads it (node-codec.test.ts), at memory speed.
  isUtf8: (bytes) => isUtf8(bytes),
};
