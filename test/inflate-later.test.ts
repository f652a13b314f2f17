// Large parts inflated on zlib's threads while the reader reads the rest (measureInflatedLater): held to what
// the zip declares exactly as the parts open() checks itself, whichever way the package is then used.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { collectGarbage } from "../src/cli/memory";
import { NODE_CODEC, OpcPackage, readPackage, readWorkbookFile } from "../src/hosts/xlsx";
import { countingCodec } from "./helpers/counting-codec";
import { problemOf, thrown } from "./helpers/thrown";
import { declareOtherCrc, declareSize } from "./helpers/zip-entries";
import { MAIN, oneSheetWorkbook } from "./helpers/one-sheet-workbook";

const TMP = join(__dirname, ".tmp", `inflate-later-${process.pid}`);
const SHEET = "xl/worksheets/sheet1.xml";
const MB = 1024 * 1024;

/** A sheet of some 5 MB (over the 4 MB from which a part is inflated on another thread): text, numbers. */
function largeSheet(): string {
  const rows: string[] = [];
  for (let r = 1; r <= 60_000; r++) {
    rows.push(
      `<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>任务${r}</t></is></c><c r="B${r}"><v>${r}</v></c></row>`,
    );
  }
  return `<worksheet xmlns="${MAIN}"><sheetData>${rows.join("")}</sheetData></worksheet>`;
}

const workbook = oneSheetWorkbook(largeSheet());
/** The same workbook with a 5 MB part that no reader reads (a blob beside the sheet). */
const withBlob = (() => {
  const files = unzipSync(workbook);
  files["xl/media/blob.bin"] = new Uint8Array(5 * MB).map((_, i) => (i * 7919) % 251);
  return zipSync(files);
})();

beforeAll(() => mkdirSync(TMP, { recursive: true }));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

/** The workbook read on this thread alone, whole: what every other way of reading it must give. */
async function readHere(bytes: Uint8Array) {
  const codec = { ...NODE_CODEC, measureInflatedLater: undefined, inflateStream: undefined };
  return readPackage(OpcPackage.open(bytes, "t.xlsx", codec), "t.xlsx");
}

test("a large sheet is read as it inflates on zlib's threads, never whole", async () => {
  const { codec, work } = countingCodec();
  const model = await readPackage(OpcPackage.open(workbook, "t.xlsx", codec), "t.xlsx");
  expect(work.streamedParts).toBe(1);
  expect(work.largestPiece).toBeLessThanOrEqual(MB);
  expect(work.inflatedLaterParts).toBe(0);
  // The four small parts, each once, by the size check: reading takes what it inflated.
  expect(work.inflatedParts).toBe(4);
  // As text: jest's deep equality takes seconds over 60,000 rows.
  expect(JSON.stringify(model)).toBe(JSON.stringify(await readHere(workbook)));
  expect(model.sheets[0]!.rows[59_999]).toEqual(["任务60000", 60000]);
});

test("kept for a checked copy, a large sheet is inflated once, whole, on zlib's threads", async () => {
  const { codec, work } = countingCodec();
  const model = await readPackage(OpcPackage.open(workbook, "t.xlsx", codec), "t.xlsx", { keep: true });
  expect(work.inflatedLaterParts).toBe(1);
  expect(work.streamedParts).toBe(0);
  expect(work.inflatedParts).toBe(5);
  expect(JSON.stringify(model)).toBe(JSON.stringify(await readHere(workbook)));
});

/** A sheet of 60,000 rows, each naming its shared string, and a table of some 5 MB of them (`items`, then filler). */
function largeStrings(items: (i: number) => string = (i) => `<si><t>任务${i + 1}</t></si>`): Uint8Array {
  const strings = Array.from({ length: 60_000 }, (_, i) => items(i)).join("");
  const rows = Array.from(
    { length: 60_000 },
    (_, i) =>
      `<row r="${i + 1}"><c r="A${i + 1}" t="s"><v>${i}</v></c><c r="B${i + 1}"><v>${i}</v></c></row>`,
  );
  return oneSheetWorkbook(`<worksheet xmlns="${MAIN}"><sheetData>${rows.join("")}</sheetData></worksheet>`, {
    sharedStrings: `<sst xmlns="${MAIN}">${strings}${"<si><t>填充</t></si>".repeat(150_000)}</sst>`,
  });
}
const STRINGS = "xl/sharedStrings.xml";

test("large shared strings are read as they inflate on zlib's threads, as the sheet is, never whole", async () => {
  const bytes = largeStrings();
  const { codec, work } = countingCodec();
  const model = await readPackage(OpcPackage.open(bytes, "t.xlsx", codec), "t.xlsx");
  expect(work.inflatedLaterParts).toBe(0);
  expect(work.streamedParts).toBe(2);
  expect(work.largestPiece).toBeLessThanOrEqual(MB);
  expect(model.sheets[0]!.rows[59_999]).toEqual(["任务60000", 59_999]);
  expect(JSON.stringify(model)).toBe(JSON.stringify(await readHere(bytes)));
});

test("kept for a checked copy, large shared strings are still read as they inflate; the sheet inflates whole", async () => {
  const bytes = largeStrings();
  const { codec, work } = countingCodec();
  const model = await readPackage(OpcPackage.open(bytes, "t.xlsx", codec), "t.xlsx", { keep: true });
  expect(work.streamedParts).toBe(1);
  expect(work.inflatedLaterParts).toBe(1);
  expect(JSON.stringify(model)).toBe(JSON.stringify(await readHere(bytes)));
});

test.each<[string, (i: number) => string]>([
  [
    "rich text far into the table",
    (i) => (i === 50_000 ? "<si><r><t>任务</t></r><r><t>50001</t></r></si>" : `<si><t>任务${i + 1}</t></si>`),
  ],
  [
    "phonetic runs in the first item",
    (i) =>
      i === 0 ? `<si><t>任务1</t><rPh sb="0" eb="1"><t>にん</t></rPh></si>` : `<si><t>任务${i + 1}</t></si>`,
  ],
])(
  "large shared strings with %s: read by the scanner as they inflate again, from their start",
  async (_, items) => {
    const bytes = largeStrings(items);
    const { codec, work } = countingCodec();
    const model = await readPackage(OpcPackage.open(bytes, "t.xlsx", codec), "t.xlsx");
    // The table as plain text until the item that is not, then again by the scanner; and the sheet.
    expect(work.streamedParts).toBe(3);
    expect(work.inflatedLaterParts).toBe(0);
    expect(model.sheets[0]!.rows[0]).toEqual(["任务1", 0]);
    expect(model.sheets[0]!.rows[50_000]).toEqual(["任务50001", 50_000]);
    expect(JSON.stringify(model)).toBe(JSON.stringify(await readHere(bytes)));
  },
);

test("a bad reference in large shared strings read as they inflate is refused as whole, naming the part", async () => {
  const bytes = largeStrings((i) =>
    i === 50_000 ? "<si><t>a &nbsp; b</t></si>" : `<si><t>任务${i + 1}</t></si>`,
  );
  const streamed = await problemOf(readPackage(OpcPackage.open(bytes, "t.xlsx", NODE_CODEC), "t.xlsx"));
  expect(streamed).toMatchObject({ problem: "damaged", values: { entry: STRINGS } });
  expect(streamed.message).toContain("&nbsp;");
  const whole = await problemOf(readHere(bytes));
  expect({ ...streamed, message: streamed.message }).toEqual({ ...whole, message: whole.message });
});

test("a large sheet only its first rows are read of is still held to what it declares", async () => {
  const { codec, work } = countingCodec();
  const liar = declareOtherCrc(workbook, SHEET);
  const plan = { headRows: 31, choose: () => new Set<string>() };
  const read = readPackage(OpcPackage.open(liar, "liar.xlsx", codec), "liar.xlsx", plan);
  expect(await problemOf(read)).toMatchObject({
    problem: "damaged",
    values: { reason: "crc", entry: SHEET },
  });
  // The first rows as it inflated, then the whole of it on zlib's threads, for the check.
  expect(work.streamedParts).toBe(1);
  expect(work.inflatedLaterParts).toBe(1);
  const sound = await readPackage(OpcPackage.open(workbook, "t.xlsx", NODE_CODEC), "t.xlsx", plan);
  expect(sound.sheets[0]!.rows).toHaveLength(31);
});

const lies: ReadonlyArray<readonly [string, () => Uint8Array, string, Record<string, unknown>]> = [
  [
    "the sheet holds more than it declares",
    () => declareSize(workbook, SHEET, 4.5 * MB),
    SHEET,
    { reason: "size-mismatch", detail: `declares ${4.5 * MB} bytes, inflates to more` },
  ],
  [
    "the sheet holds less than it declares",
    () => declareSize(workbook, SHEET, 8 * MB),
    SHEET,
    { reason: "size-mismatch" },
  ],
  [
    "the sheet's CRC-32 is not its content's",
    () => declareOtherCrc(workbook, SHEET),
    SHEET,
    { reason: "crc" },
  ],
  [
    "the sheet declares a DOCTYPE (read from what inflating it on zlib's threads gave)",
    () => oneSheetWorkbook(`<!DOCTYPE worksheet [<!ENTITY e "e">]>\n${largeSheet()}`),
    SHEET,
    { reason: "doctype" },
  ],
  [
    "the shared strings hold more than they declare",
    () => declareSize(largeStrings(), STRINGS, 4.5 * MB),
    STRINGS,
    { reason: "size-mismatch", detail: `declares ${4.5 * MB} bytes, inflates to more` },
  ],
  [
    "the shared strings' CRC-32 is not their content's",
    () => declareOtherCrc(largeStrings(), STRINGS),
    STRINGS,
    { reason: "crc" },
  ],
  [
    "the shared strings declare a DOCTYPE",
    () => {
      const files = unzipSync(largeStrings());
      files[STRINGS] = strToU8(`<!DOCTYPE sst [<!ENTITY e "e">]>\n${strFromU8(files[STRINGS]!)}`);
      return zipSync(files);
    },
    STRINGS,
    { reason: "doctype" },
  ],
  [
    "a part no reader reads holds more than it declares",
    () => declareSize(withBlob, "xl/media/blob.bin", 4.5 * MB),
    "xl/media/blob.bin",
    { reason: "size-mismatch" },
  ],
  [
    "a part no reader reads has another CRC-32",
    () => declareOtherCrc(withBlob, "xl/media/blob.bin"),
    "xl/media/blob.bin",
    { reason: "crc" },
  ],
];

describe.each(lies)("%s", (_name, bytes, entry, values) => {
  const expected = { problem: "damaged", values: { ...values, entry } };

  test("reading it from a path refuses it, naming the part", async () => {
    const path = join(TMP, "liar.xlsx");
    writeFileSync(path, bytes());
    expect(await problemOf(readWorkbookFile(path))).toMatchObject({ ...expected, fileName: path });
  });

  test("open() leaves it to settle(), and reading it whole, writing it or settling it refuses it", async () => {
    const data = bytes();
    const { codec, work } = countingCodec();
    const open = () => OpcPackage.open(data, "liar.xlsx", codec);
    expect(open).not.toThrow();
    // The lying part was not inflated on this thread: only the small parts were.
    const small = Object.values(unzipSync(data)).filter((part) => part.length < 4 * MB).length;
    expect(work.inflatedParts - work.inflatedLaterParts).toBe(small);
    expect(await problemOf(readPackage(open(), "liar.xlsx"))).toMatchObject(expected);
    expect(thrown(() => open().bytes(entry))).toMatchObject(expected);
    expect(thrown(() => open().toBytes())).toMatchObject(expected);
    expect(await problemOf(open().toBytesAsync())).toMatchObject(expected);
    expect(await problemOf(open().settle())).toMatchObject(expected);
  });
});

test("a sound package settled, read and written again is the same package", async () => {
  const pkg = OpcPackage.open(withBlob, "t.xlsx", NODE_CODEC);
  await pkg.settle();
  const same = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
    a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));
  expect(same(pkg.bytes("xl/media/blob.bin"), unzipSync(withBlob)["xl/media/blob.bin"])).toBe(true);
  const copy = unzipSync(await pkg.toBytesAsync());
  expect(same(copy[SHEET], strToU8(largeSheet()))).toBe(true);
  expect(same(copy["xl/media/blob.bin"], unzipSync(withBlob)["xl/media/blob.bin"])).toBe(true);
});

test("once read, nothing holds a large sheet's bytes: a check's peak memory counts on it", async () => {
  let sheetBytes: WeakRef<Uint8Array> | undefined;
  // Inflated whole (as for a checked copy, or by a platform without a stream), not as it is read.
  const pkg = OpcPackage.open(workbook, "t.xlsx", {
    ...NODE_CODEC,
    inflateStream: undefined,
    measureInflatedLater: async (compressed, size, crc) => {
      const answer = await NODE_CODEC.measureInflatedLater(compressed, size, crc);
      if (answer.data) sheetBytes = new WeakRef(answer.data);
      return answer;
    },
  });
  await readPackage(pkg, "t.xlsx");
  // zlib's stream lets go of its answer once the event loop turns (the command line waits for that too).
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  expect(sheetBytes).toBeDefined();
  expect(sheetBytes?.deref()).toBeUndefined();
  // The package itself is still there, and reads the sheet again when asked.
  expect(pkg.bytes(SHEET).length).toBe(strToU8(largeSheet()).length);
});
