// Zip surgery for tests of damaged packages, written independently of src/hosts/xlsx/zip.ts: where each entry's
// headers are, copies whose headers say something else than the data, and zips that name an entry twice.

import { strFromU8, Zip, ZipDeflate } from "fflate";

export interface CentralEntry {
  readonly name: string;
  /** Offset of the central directory header. */
  readonly at: number;
  readonly localOffset: number;
}

export function centralEntries(bytes: Uint8Array): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = bytes.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i++) {
    const nameLength = view.getUint16(p + 28, true);
    const name = strFromU8(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, at: p, localOffset: view.getUint32(p + 42, true) });
    p += 46 + nameLength + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return entries;
}

export function dataOffset(bytes: Uint8Array, entry: CentralEntry): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return (
    entry.localOffset +
    30 +
    view.getUint16(entry.localOffset + 26, true) +
    view.getUint16(entry.localOffset + 28, true)
  );
}

/** A copy whose central directory and local header claim `size` uncompressed bytes for `name`. */
export function declareSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const entry = entryNamed(copy, name);
  view.setUint32(entry.at + 24, size, true);
  view.setUint32(entry.localOffset + 22, size, true);
  return copy;
}

/** A copy whose central directory and local header give `name` a CRC-32 its data does not have. */
export function declareOtherCrc(bytes: Uint8Array, name: string): Uint8Array {
  const copy = bytes.slice();
  const view = new DataView(copy.buffer);
  const entry = entryNamed(copy, name);
  const crc = view.getUint32(entry.at + 16, true) ^ 0x5a5a5a5a;
  view.setUint32(entry.at + 16, crc, true);
  view.setUint32(entry.localOffset + 14, crc, true);
  return copy;
}

function entryNamed(bytes: Uint8Array, name: string): CentralEntry {
  const entry = centralEntries(bytes).find((candidate) => candidate.name === name);
  if (!entry) throw new Error(`no ${name}`);
  return entry;
}

/** A zip of these entries in this order, deflated, a name as often as it is given (zipSync keeps one per name). */
export function zipEntries(entries: ReadonlyArray<readonly [string, Uint8Array]>): Uint8Array {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  for (const [name, data] of entries) {
    const entry = new ZipDeflate(name);
    zip.add(entry);
    entry.push(data, true);
  }
  zip.end();
  const bytes = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.length, 0));
  chunks.reduce((at, chunk) => (bytes.set(chunk, at), at + chunk.length), 0);
  return bytes;
}
