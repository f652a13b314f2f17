// The size check's inflating done by the platform's own DecompressionStream where there is one (browsers, the
// workbench's worker): native zlib, three to four times fflate's speed on a large sheet. It is asynchronous,
// and OpcPackage.open is not, so the parts are inflated here first and the size check is handed the answers.

import {
  InflatedPart,
  inspectPackage,
  KEEP_INFLATED_PART_BYTES,
  type InflatedSize,
  type InflatedSizeProbe,
  type ReadLimits,
} from "./inspect";
import { storedData } from "./zip";

/**
 * A size-check probe that answers from parts inflated natively beforehand, or undefined where the platform has
 * no DecompressionStream for raw deflate (or the bytes are not a zip: opening them says what is wrong).
 * Parts it did not inflate are measured by `fallback`.
 */
export async function nativeInflatedSizes(
  bytes: Uint8Array,
  fileName: string,
  limits: ReadLimits,
  fallback: InflatedSizeProbe,
): Promise<InflatedSizeProbe | undefined> {
  if (typeof DecompressionStream !== "function" || !supportsRawDeflate()) return undefined;
  let entries;
  try {
    entries = inspectPackage(bytes, fileName, limits).entries;
  } catch {
    return undefined;
  }
  const answers = new Map<number, InflatedSize | { readonly error: unknown }>();
  for (const entry of entries) {
    if (entry.method !== 8 || entry.compressedSize === 0 || entry.uncompressedSize > KEEP_INFLATED_PART_BYTES)
      continue;
    const compressed = storedData(bytes, entry);
    try {
      answers.set(compressed.byteOffset, await inflateNatively(compressed, entry.uncompressedSize));
    } catch (error) {
      answers.set(compressed.byteOffset, { error });
    }
  }
  return (compressed, limit) => {
    const answer = answers.get(compressed.byteOffset);
    if (answer === undefined) return fallback(compressed, limit);
    if ("error" in answer) throw answer.error;
    return answer;
  };
}

/** The part inflated as the size check's other probes do (see InflatedPart), stopped past its declared size. */
async function inflateNatively(compressed: Uint8Array, declared: number): Promise<InflatedSize> {
  const collected = new InflatedPart(declared);
  // A file's bytes are never a SharedArrayBuffer, which is all the cast rules out.
  const reader = new Blob([compressed as Uint8Array<ArrayBuffer>])
    .stream()
    .pipeThrough(new DecompressionStream("deflate-raw"))
    .getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    collected.push(value);
    if (!collected.withinSize) {
      await reader.cancel();
      break;
    }
  }
  return collected.measured();
}

let rawDeflate: boolean | undefined;

/** Older browsers know "deflate" and "gzip" only, and throw on "deflate-raw". */
function supportsRawDeflate(): boolean {
  if (rawDeflate === undefined) {
    try {
      new DecompressionStream("deflate-raw");
      rawDeflate = true;
    } catch {
      rawDeflate = false;
    }
  }
  return rawDeflate;
}
