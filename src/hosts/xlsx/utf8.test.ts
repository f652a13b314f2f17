import { utf8Batches, Utf8Pieces } from "./utf8";

describe("Utf8Pieces", () => {
  it.each<[string, string[]]>([
    ["nothing", []],
    ["one piece", ["<c>任务</c>"]],
    ["many batches, CJK and emoji across their edges", Array.from({ length: 9000 }, (_, i) => `任${i}😀&`)],
    ["one piece longer than a batch", ["中".repeat(40_000), "a"]],
    ["a surrogate pair split between two pieces", ["任务\ud83d", "\ude00完成"]],
    ["a piece of a lone high surrogate, then text", ["\ud83d", "a"]],
    ["a high surrogate last of all", ["任务", "\ud83d"]],
  ])("%s: the bytes of the joined text", (_, pieces) => {
    const out = new Utf8Pieces();
    for (let i = 0; i < pieces.length; i += 2) out.push(...pieces.slice(i, i + 2));
    expect(Buffer.from(out.bytes()).equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
  });
});

test("utf8Batches: the same bytes as encoding the whole, in pieces of about the size asked", () => {
  const pieces = Array.from({ length: 1000 }, (_, i) => `${i}:任务😀\n`);
  const batches = [...utf8Batches(pieces, 500)];
  expect(batches.length).toBeGreaterThan(5);
  const bytes = Buffer.concat(batches);
  expect(bytes.equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
});

describe("Utf8Pieces joins pieces before encoding them, and a pair split at any edge stays one character", () => {
  // Pieces of a few characters, many of them ending in a high surrogate whose low half starts the next, so
  // that some split falls wherever the joined text is encoded, whatever the batch.
  const alphabet = ["a", "任", "\ud83d", "\ude00", "😀", "<", "\n", "务"];
  let seed = 7;
  const random = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 16) % n;
  };
  const pieces = Array.from({ length: 6000 }, () =>
    Array.from({ length: 1 + random(6) }, () => alphabet[random(alphabet.length)]).join(""),
  );
  it.each([16, 100, 4096, 1 << 15])("batch of %i bytes", (batch) => {
    const out = new Utf8Pieces(batch);
    const taken: Uint8Array[] = [];
    pieces.forEach((piece, i) => {
      out.push(piece);
      if (i % 97 === 0) taken.push(...out.take());
    });
    const bytes = Buffer.concat([...taken, ...out.take(true)]);
    expect(bytes.equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
  });
});
