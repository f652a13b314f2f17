// Node's zlib codec with a tally of the work it was given, so that a test holds what bounds the time (parts and
// bytes inflated or deflated) instead of a wall-clock time that depends on the machine and its load.

import type { InflatedSizeProbe } from "../../src/hosts/xlsx/inspect";
import { NODE_CODEC } from "../../src/hosts/xlsx/node-codec";
import type { PackageCodec } from "../../src/hosts/xlsx/package";

export interface CodecWork {
  /** Parts inflated, by the size check (measureInflated) or to read them (inflateRaw). */
  inflatedParts: number;
  /** Of those, the parts the size check inflated on zlib's threads (measureInflatedLater). */
  inflatedLaterParts: number;
  /** Parts inflated a piece at a time on zlib's threads as they were read (inflateStream), to the end or not. */
  streamedParts: number;
  /** The largest piece a stream handed over. */
  largestPiece: number;
  /** What those parts inflated to; a size check stopped past its limit counts the limit and one byte. */
  inflatedBytes: number;
  /** Parts deflated, on this thread or another. */
  deflatedParts: number;
  /** The uncompressed bytes given to deflate. */
  deflatedBytes: number;
}

/**
 * `codec` counting its work. Without `deflateAhead` the codec has no deflateRawLater, so that every deflate
 * happens where toBytes() can use it.
 */
export function countingCodec(
  codec: Required<PackageCodec> = NODE_CODEC,
  { deflateAhead = true } = {},
): {
  readonly codec: PackageCodec & Required<Pick<PackageCodec, "measureInflated">>;
  readonly work: CodecWork;
} {
  const work: CodecWork = {
    inflatedParts: 0,
    inflatedLaterParts: 0,
    streamedParts: 0,
    largestPiece: 0,
    inflatedBytes: 0,
    deflatedParts: 0,
    deflatedBytes: 0,
  };
  const inflated = (size: number): void => {
    work.inflatedParts++;
    work.inflatedBytes += size;
  };
  const deflated = (bytes: Uint8Array): void => {
    work.deflatedParts++;
    work.deflatedBytes += bytes.length;
  };
  const measureInflated: InflatedSizeProbe = (compressed, limit) => {
    const answer = codec.measureInflated(compressed, limit);
    inflated(answer.size);
    return answer;
  };
  return {
    work,
    codec: {
      ...codec,
      measureInflated,
      measureInflatedLater: async (compressed, limit, crc) => {
        const answer = await codec.measureInflatedLater(compressed, limit, crc);
        inflated(answer.size);
        work.inflatedLaterParts++;
        return answer;
      },
      inflateStream: (compressed, limit, sink) => {
        work.streamedParts++;
        return codec.inflateStream(compressed, limit, (piece) => {
          work.largestPiece = Math.max(work.largestPiece, piece.length);
          return sink(piece);
        });
      },
      inflateRaw: (compressed, size) => {
        const bytes = codec.inflateRaw(compressed, size);
        inflated(bytes.length);
        return bytes;
      },
      deflateRaw: (bytes) => {
        deflated(bytes);
        return codec.deflateRaw(bytes);
      },
      ...(deflateAhead
        ? {
            deflateRawLater: (bytes: Uint8Array) => {
              deflated(bytes);
              return codec.deflateRawLater(bytes);
            },
          }
        : { deflateRawLater: undefined }),
    },
  };
}
