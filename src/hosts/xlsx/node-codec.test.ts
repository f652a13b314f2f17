// Node's codec does what the package's browser-safe defaults do, only faster.

import { NODE_CODEC } from "./node-codec";
import { OpcPackage } from "./package";
import { isWellFormedUtf8 } from "./reader/scan";
import { WorkbookOutputError } from "./errors";
import { zipSync, strToU8 } from "fflate";
import { deflateRawSync } from "node:zlib";
import { crc32 } from "./zip";

describe("NODE_CODEC.isUtf8 reads UTF-8 as isWellFormedUtf8 does", () => {
  const cases: ReadonlyArray<readonly [string, readonly number[], boolean]> = [
    ["empty", [], true],
    ["ASCII", [0x3c, 0x63, 0x3e], true],
    ["two bytes, lowest", [0xc2, 0x80], true],
    ["two bytes, overlong", [0xc1, 0xbf], false],
    ["C0 overlong NUL", [0xc0, 0x80], false],
    ["three bytes, CJK (督)", [0xe7, 0x9d, 0xa3], true],
    ["three bytes, overlong", [0xe0, 0x9f, 0xbf], false],
    ["U+D7FF, last before the surrogates", [0xed, 0x9f, 0xbf], true],
    ["U+D800, a surrogate", [0xed, 0xa0, 0x80], false],
    ["U+DFFF, a surrogate", [0xed, 0xbf, 0xbf], false],
    ["U+FFFF", [0xef, 0xbf, 0xbf], true],
    ["four bytes, lowest", [0xf0, 0x90, 0x80, 0x80], true],
    ["four bytes, overlong", [0xf0, 0x8f, 0xbf, 0xbf], false],
    ["U+10FFFF", [0xf4, 0x8f, 0xbf, 0xbf], true],
    ["past U+10FFFF", [0xf4, 0x90, 0x80, 0x80], false],
    ["F5 lead", [0xf5, 0x80, 0x80, 0x80], false],
    ["FF", [0xff], false],
    ["a lone continuation", [0x41, 0x80], false],
    ["cut short at the end", [0x41, 0xe7, 0x9d], false],
    ["cut short by ASCII", [0xe7, 0x41, 0xa3], false],
  ];
  it.each(cases)("%s", (_, bytes, expected) => {
    const data = Uint8Array.from(bytes);
    expect(isWellFormedUtf8(data)).toBe(expected);
    expect(NODE_CODEC.isUtf8(data)).toBe(expected);
  });

  it("agrees on random bytes, mostly near the edges of the ranges", () => {
    // mulberry32: the same sequences every run.
    let state = 0x5eed;
    const random = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const picks = [
      0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xdf, 0xe0, 0xed, 0xef, 0xf0, 0xf4,
      0xf5, 0xff,
    ];
    let valid = 0;
    for (let n = 0; n < 20_000; n++) {
      const data = Uint8Array.from({ length: 1 + Math.floor(random() * 6) }, () =>
        random() < 0.8 ? picks[Math.floor(random() * picks.length)]! : Math.floor(random() * 256),
      );
      const expected = isWellFormedUtf8(data);
      if (expected) valid++;
      if (NODE_CODEC.isUtf8(data) !== expected)
        throw new Error(`disagree on ${Buffer.from(data).toString("hex")}`);
    }
    // Both answers occur often enough for the agreement to mean something.
    expect(valid).toBeGreaterThan(1000);
    expect(valid).toBeLessThan(19_000);
  });

  it("refuses a large written part that is not UTF-8, in a package opened with it", () => {
    const pkg = OpcPackage.open(zipSync({ "xl/workbook.xml": strToU8("<a/>") }), "t.xlsx", NODE_CODEC);
    const cell = strToU8(`<c r="A1" t="inlineStr"><is><t>督办</t></is></c>`);
    const parts = [
      strToU8("<r>"),
      ...Array.from({ length: 30_000 }, () => cell),
      Uint8Array.of(0xed, 0xa0, 0x80),
      strToU8("</r>"),
    ];
    const bytes = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    expect(bytes.length).toBeGreaterThan(1024 * 1024);
    pkg.setBytes("big.xml", bytes);
    expect(() => pkg.toBytes()).toThrow(WorkbookOutputError);
    expect(() => pkg.toBytes()).toThrow(/not UTF-8/);
    // The same bytes with the surrogate taken out pass.
    pkg.setBytes(
      "big.xml",
      bytes.filter((_, i) => i < at - 7 || i >= at - 4),
    );
    expect(() => pkg.toBytes()).not.toThrow();
  });
});

describe("the CRC-32 taken on zlib's threads", () => {
  const text = strToU8(`<r>${"<c><v>督办 12345</v></c>".repeat(20_000)}</r>`);
  const stored = NODE_CODEC.deflateRaw(text);
  const crc = NODE_CODEC.crc32(text);

  it("deflating ahead gives deflateRaw's very stream, and the content's CRC", async () => {
    const deflated = await NODE_CODEC.deflateRawLater(text);
    expect(Buffer.from(deflated.data).equals(Buffer.from(stored))).toBe(true);
    expect(deflated.crc).toBe(crc);
  });

  // Given the declared CRC, a part is inflated as a gzip member that zlib checks; a member it refuses is
  // inflated again as stored, so the answer says what the part really holds.
  const cases: ReadonlyArray<{
    readonly name: string;
    readonly compressed: Uint8Array;
    readonly size: number;
    readonly declaredCrc: number;
    readonly answer: { readonly size: number; readonly crc?: number } | "rejects";
  }> = [
    {
      name: "as declared",
      compressed: stored,
      size: text.length,
      declaredCrc: crc,
      answer: { size: text.length, crc },
    },
    {
      name: "another CRC declared: the actual one",
      compressed: stored,
      size: text.length,
      declaredCrc: (crc ^ 1) >>> 0,
      answer: { size: text.length, crc },
    },
    {
      name: "more declared than it holds: what it holds",
      compressed: stored,
      size: text.length + 10,
      declaredCrc: crc,
      answer: { size: text.length, crc },
    },
    {
      name: "less declared than it holds: past the limit",
      compressed: stored,
      size: text.length - 10,
      declaredCrc: crc,
      answer: { size: text.length - 9 },
    },
    {
      name: "a stream cut short: refused",
      compressed: stored.subarray(0, stored.length >> 1),
      size: text.length,
      declaredCrc: crc,
      answer: "rejects",
    },
  ];
  it.each(cases)("$name", async ({ compressed, size, declaredCrc, answer }) => {
    const measured = NODE_CODEC.measureInflatedLater(compressed, size, declaredCrc);
    if (answer === "rejects") {
      await expect(measured).rejects.toThrow();
      return;
    }
    const { size: gotSize, crc: gotCrc, data } = await measured;
    expect({ size: gotSize, ...(gotCrc === undefined ? {} : { crc: gotCrc }) }).toEqual(answer);
    if (answer.crc !== undefined) expect(Buffer.from(data!).equals(Buffer.from(text))).toBe(true);
  });
});

// Without the declared CRC, the stream is inflated as it is and its CRC taken on this thread; with it, as a
// gzip member whose CRC and size zlib checks on its own thread.
describe.each([
  ["its CRC taken here", false],
  ["its CRC checked by zlib", true],
])("NODE_CODEC.inflateStream: a part a piece at a time, %s", (_, declared) => {
  // Some 4 MB that deflate to little: four pieces and more.
  const data = strToU8(
    Array.from({ length: 120_000 }, (_, i) => `<row r="${i + 1}"><c><v>${i}</v></c></row>`).join(""),
  );
  const deflated = deflateRawSync(data);
  const crc = crc32(data);
  const stream = (
    compressed: Uint8Array,
    limit: number,
    sink: (piece: Uint8Array) => boolean,
    claimed = crc,
  ) => NODE_CODEC.inflateStream(compressed, limit, sink, declared ? claimed : undefined);
  const pieces = async (limit: number, stopAfter = Infinity) => {
    const seen: Uint8Array[] = [];
    const answer = await stream(deflated, limit, (piece) => {
      seen.push(piece);
      return seen.length < stopAfter;
    });
    return { answer, seen };
  };

  it("hands over every byte in order, in pieces of a megabyte at most, with the size and CRC-32", async () => {
    const { answer, seen } = await pieces(data.length);
    expect(seen.length).toBeGreaterThan(2);
    expect(Math.max(...seen.map((piece) => piece.length))).toBeLessThanOrEqual(1024 * 1024);
    expect(Buffer.concat(seen).equals(Buffer.from(data))).toBe(true);
    expect(answer).toEqual({ size: data.length, crc });
  });

  it("stops where the sink says so, with no answer", async () => {
    const { answer, seen } = await pieces(data.length, 1);
    expect(seen).toHaveLength(1);
    expect(answer).toBeUndefined();
  });

  it("stops past the limit, saying it holds more", async () => {
    const { answer } = await pieces(1000);
    expect(answer!.size).toBeGreaterThan(1000);
    expect(answer!.crc).toBeUndefined();
  });

  it.each([
    ["another CRC declared: the actual one", data.length, (crc ^ 1) >>> 0],
    ["more declared than it holds: what it holds", data.length + 10, crc],
  ])("%s", async (_, limit, claimed) => {
    const answer = await stream(deflated, limit, () => true, claimed);
    expect(answer).toEqual({ size: data.length, crc });
  });

  it("passes on what the sink throws, and refuses a damaged stream or one cut short", async () => {
    const refusal = new Error("not XML");
    await expect(
      stream(deflated, data.length, () => {
        throw refusal;
      }),
    ).rejects.toBe(refusal);
    const damaged = Uint8Array.from(deflated);
    damaged[0] = 0xff;
    await expect(stream(damaged, data.length, () => true)).rejects.toThrow();
    await expect(
      stream(deflated.subarray(0, deflated.length >> 1), data.length, () => true),
    ).rejects.toThrow();
  });
});
