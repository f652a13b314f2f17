// The reader's cell shortcut against the scanner's general reading: the same random cells, written once as
// most writers write them (the shortcut's shape, unprefixed in the default namespace) and once with every
// element prefixed (where the shortcut is never tried), must read as the same grid. The cells are made to sit
// on the shortcut's edges: references, white space, CR, non-ASCII, empty values, formulas, inline strings,
// odd attributes, so that in the plain spelling it both takes cells and gives some back.

import fc from "fast-check";
import { MAIN, oneSheetWorkbook } from "../../../../test/helpers/one-sheet-workbook";
import { measureWithFflate } from "../inspect";
import { STRICT, TRANSITIONAL } from "../opc";
import { readWorkbookBytes } from "../read";
import { InlineTexts, PlainSharedStrings, plainSharedStrings } from "./index";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const RUNS = Number(process.env.DUBAN_PROPERTY_RUNS ?? 200);

interface Cell {
  readonly ref: string;
  readonly attributes: string;
  readonly body: string;
  readonly selfClosing: boolean;
}

const column = fc.constantFrom("A", "B", "C", "Z", "AA", "a", "$B", "");
const rowNumber = fc.constantFrom("1", "2", "$3", "0", "x", "");
const type = fc.constantFrom(
  "",
  ` t="s"`,
  ` t="n"`,
  ` t="b"`,
  ` t="e"`,
  ` t="str"`,
  ` t="inlineStr"`,
  ` t="d"`,
  ` t='s'`,
  ` t="&#115;"`,
);
const style = fc.constantFrom(
  "",
  ` s="1"`,
  ` s="2"`,
  ` s="0"`,
  ` s="01"`,
  ` s="12"`,
  ` s="x"`,
  ` s="&#49;"`,
  ` s=""`,
);
const extra = fc.constantFrom(
  "",
  ` x14ac:dyDescent="0.25"`,
  ` cm="1"`,
  ` R="B9"`,
  `\n  `,
  ` ph="1"`,
  ` vm="1" `,
);
const value = fc.constantFrom(
  "0",
  "1",
  "2",
  "3",
  "46492",
  "46492.5",
  "-3",
  "1.5E-3",
  " 7 ",
  "",
  "TRUE",
  "true",
  "#N/A",
  "2026-11-18",
  "2026-11-18T08:00:00",
  "a&amp;b",
  "x_x000D_y",
  "第一行",
  "two\r\nlines",
  "1234567890123456",
  "123456789012345",
  "007",
  // As openpyxl writes any text that is not ASCII.
  "&#20027;&#35201;100%",
  "&#128512;&#x41;",
  "a&lt;b&gt;&quot;&apos;",
  "&#13;&#10;x",
);
const body = fc.oneof(
  value.map((v) => `<v>${v}</v>`),
  value.map((v) => `<f>A1+1</f><v>${v}</v>`),
  value.map((v) => `<is><t>${v}</t></is>`),
  value.map((v) => `<is><t xml:space="preserve">${v}</t></is>`),
  value.map((v) => `<is><t>${v}</t><rPh sb="0" eb="1"><t>ヨミ</t></rPh></is>`),
  value.map((v) => `<is><r><t>${v}</t></r><r><t>2</t></r></is>`),
  value.map((v) => `<v>${v}</v> `),
  value.map((v) => `<v><![CDATA[${v}]]></v>`),
  fc.constant(""),
);
const cell: fc.Arbitrary<Cell> = fc.record({
  ref: fc.tuple(column, rowNumber).map(([c, r]) => (c === "" && r === "" ? "" : ` r="${c}${r}"`)),
  // Most writers write s before t; some the other way round.
  attributes: fc
    .tuple(type, style, extra, fc.boolean())
    .map(([t, s, x, styleFirst]) => (styleFirst ? s + t + x : t + s + x)),
  body,
  selfClosing: fc.boolean(),
});
/** A row's attributes, by its place: numbered in turn or with gaps, unnumbered, numbered oddly, with others. */
const rowAttributes = fc.constantFrom(
  (r: number) => ` r="${r + 1}"`,
  (r: number) => ` r="${2 * r + 1}"`,
  () => "",
  () => ` spans="1:3"`,
  (r: number) => ` spans="1:3" r="${r + 1}" x14ac:dyDescent="0.25"`,
  (r: number) => ` r='${r + 1}' ht="20" customHeight="1"`,
  (r: number) => ` r="${r + 1}" hidden="1" `,
  (r: number) => ` hidden="true" r="${r + 1}"`,
  () => ` hidden=" 1 "`,
  (r: number) => ` r="${r + 1}" hidden="0"`,
  (r: number) => ` r="${r + 1}" hidden='false' collapsed="1"`,
  () => ` r="0"`,
  () => ` r="x"`,
  (r: number) => ` r="&#${49 + r};"`,
);
interface Row {
  readonly attributes: (r: number) => string;
  readonly cells: readonly Cell[];
  /** White space between the cells, as a pretty-printing writer leaves it. */
  readonly indent: boolean;
}
const sheet = fc.array(
  fc.record({ attributes: rowAttributes, cells: fc.array(cell, { maxLength: 6 }), indent: fc.boolean() }),
  { minLength: 1, maxLength: 6 },
);

/** The sheet's cells, unprefixed (`x` empty) or each element with the prefix `x:`. */
function sheetXml(rows: readonly Row[], prefix: string): string {
  const x = prefix === "" ? "" : `${prefix}:`;
  const declare = prefix === "" ? `xmlns="${MAIN}"` : `xmlns:${prefix}="${MAIN}"`;
  const body = (text: string) => (prefix === "" ? text : text.replace(/<(\/?)(?=[a-z])/g, `<$1${x}`));
  const cells = rows
    .map(
      (row, r) =>
        `<${x}row${row.attributes(r)}>` +
        row.cells
          .map((c) =>
            c.selfClosing && c.body === ""
              ? `<${x}c${c.ref}${c.attributes}/>`
              : `<${x}c${c.ref}${c.attributes}>${body(c.body)}</${x}c>`,
          )
          .join(row.indent ? "\n  " : "") +
        `</${x}row>`,
    )
    .join("");
  return (
    `${HEAD}<${x}worksheet ${declare} xmlns:r="${REL}" xmlns:x14ac="urn:x14ac">` +
    `<${x}sheetData>${cells}</${x}sheetData></${x}worksheet>`
  );
}

const SHARED_STRINGS = `${HEAD}<sst xmlns="${MAIN}"><si><t>零</t></si><si><t>one</t></si><si><t></t></si><si><r><t>th</t></r><r><t>ree</t></r></si></sst>`;

const STYLES =
  `${HEAD}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>` +
  `<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/></cellXfs></styleSheet>`;

function workbookBytes(sheet: string, sharedStrings = SHARED_STRINGS): Uint8Array {
  return oneSheetWorkbook(sheet, { styles: STYLES, sharedStrings });
}

async function grid(sheet: string, sharedStrings?: string) {
  const model = await readWorkbookBytes(workbookBytes(sheet, sharedStrings), "cells.xlsx");
  return model.sheets[0]!.rows;
}

/** The sheet's rows and its hidden rows (zero-based, in order). */
async function gridAndHidden(sheet: string) {
  const read = (await readWorkbookBytes(workbookBytes(sheet), "cells.xlsx")).sheets[0]!;
  return { rows: read.rows, hidden: [...(read.hiddenRows ?? [])].sort((a, b) => a - b) };
}

describe("the cell shortcut reads what the general reading reads", () => {
  test.each([
    ["a shared string", `<row r="1"><c r="B1" t="s"><v>1</v></c></row>`, [[null, "one"]]],
    ["a date by its style", `<row r="1"><c r="A1" s="1"><v>46344</v></c></row>`, [[{ day: 46344 - 25569 }]]],
    ["a number with a fraction", `<row r="1"><c r="A1"><v>2.5</v></c></row>`, [[2.5]]],
    ["a boolean", `<row r="1"><c r="A1" t="b"><v>1</v></c></row>`, [[true]]],
    ["style then type", `<row r="1"><c r="B1" s="2" t="s"><v>3</v></c></row>`, [[null, "three"]]],
    ["type then style", `<row r="1"><c r="B1" t="s" s="2"><v>3</v></c></row>`, [[null, "three"]]],
    [
      "a date style then t=n",
      `<row r="1"><c r="AA1" s="1" t="n"><v>46344</v></c></row>`,
      [[...Array(26).fill(null), { day: 46344 - 25569 }]],
    ],
    ["an empty cell", `<row r="1"><c r="A1" s="2"/><c r="B1"><v>3</v></c></row>`, [[null, 3]]],
    [
      "empty values name no shared string and no date (<v/> is not the first string)",
      `<row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="s"><v></v></c><c r="C1" t="s"><v> </v></c>` +
        `<c r="D1" t="d"><v/></c><c r="E1" t="s"><v>1</v></c></row>`,
      [[null, null, null, null, "one"]],
    ],
    [
      "ISO 8601 dates: a day, a day and time (the day), a time alone (a fraction of a day), and not a time",
      `<row r="1"><c r="A1" t="d"><v>2021-01-01</v></c><c r="B1" t="d"><v>2021-01-01T10:10:10</v></c>` +
        `<c r="C1" t="d"><v>10:10:10</v></c><c r="D1" t="d"><v>06:00</v></c><c r="E1" t="d"><v>24:00</v></c>` +
        `<c r="F1" t="d"><v>10:60</v></c><c r="G1" t="d"><v>10:10:60</v></c></row>`,
      [[{ day: 18628 }, { day: 18628 }, 36_610 / 86_400, 0.25, "24:00", "10:60", "10:10:60"]],
    ],
    [
      "rows numbered with a gap, and unnumbered: the next row",
      `<row r="2" spans="1:2"><c r="A2"><v>1</v></c></row><row><c r="A3"><v>2</v></c></row>` +
        `<row r='5' x14ac:dyDescent="0.25"><c r="B5" s="2"/><c r="C5"><v>3</v></c></row>`,
      [undefined, [1], [2], undefined, [null, null, 3]],
    ],
    [
      "a row with a formula is read by the general reading, the rows around it by the shortcut",
      `<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="B2"><f>A2</f><v>2</v></c></row>` +
        `<row r="3"><c r="A3" t="s"><v>1</v></c></row>`,
      [[1], [2, 2], ["one"]],
    ],
    [
      "no reference: the next column",
      `<row r="1"><c r="C1"><v>1</v></c><c><v>2</v></c></row>`,
      [[null, null, 1, 2]],
    ],
    ["a reference the shortcut gives back", `<row r="1"><c r="a$1" t="s"><v>0</v></c></row>`, [["零"]]],
    [
      "inline strings met again, two of them with the same hash (Aa and BB)",
      `<row r="1">${["Aa", "BB", "Aa", "BB", "&#29028;", "煤"]
        .map((text) => `<c t="inlineStr"><is><t>${text}</t></is></c>`)
        .join("")}</row>`,
      [["Aa", "BB", "Aa", "BB", "煤", "煤"]],
    ],
    [
      "openpyxl's inline strings, with a style or none, read in the commonest cells' one pass",
      `<row r="1"><c r="A1" t="inlineStr"><is><t> 7 </t></is></c>` +
        `<c r="B1" s="1" t="inlineStr"><is><t xml:space="preserve">&#20027;&#35201;a&amp;b</t></is></c>` +
        `<c r="C1" t="inlineStr"><is><t>two\r\nlines</t></is></c><c r="D1" t="inlineStr"/>` +
        `<c r="E1" t="inlineStr"><is><t>x_x000D_y</t></is></c></row>`,
      [[" 7 ", "主要a&b", "two\nlines", null, "x\ry"]],
    ],
    [
      "inline strings that pass gives back: a value, phonetic text, rich text, an empty t",
      `<row r="1"><c r="A1" t="inlineStr"><v>5</v></c>` +
        `<c r="B1" t="inlineStr"><is><t>a</t><rPh sb="0" eb="1"><t>ヨミ</t></rPh></is></c>` +
        `<c r="C1" t="inlineStr"><is><r><t>a</t></r><r><t>b</t></r></is></c>` +
        `<c r="D1" t="inlineStr"><is><t/></is></c><c r="E1" t="inlineStr"><is><t>e</t></is></c></row>`,
      [["5", "a", "ab", null, "e"]],
    ],
    [
      "cells of another namespace are not cells, and the main one's are again after them",
      `<row r="1"><o:w xmlns:o="urn:other" xmlns="urn:other"><c r="B1"><v>5</v></c></o:w><c r="A1"><v>4</v></c></row>` +
        `<row r="2"><c r="A2"><v>6</v></c></row>`,
      [[4], [6]],
    ],
  ])("%s", async (_, xml, expected) => {
    const rows = await grid(`${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${xml}</sheetData></worksheet>`);
    expect(
      rows.map((row) => row?.map((v) => (v !== null && typeof v === "object" ? { day: v.day } : v))),
    ).toEqual(expected);
  });

  test("random cells, plain and prefixed, read the same", async () => {
    await fc.assert(
      fc.asyncProperty(sheet, async (rows) => {
        const plain = await gridAndHidden(sheetXml(rows, ""));
        const prefixed = await gridAndHidden(sheetXml(rows, "x"));
        expect(plain).toEqual(prefixed);
      }),
      { numRuns: RUNS },
    );
    // A guard against a hang, not a measure: the runs take a few seconds, more on a busy machine.
  }, 60_000);
});

describe("InlineTexts: a text is found by its hash and its bytes, in whichever piece of the part", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const kept = new InlineTexts();
  const first = bytes("综采一队|机电科");
  kept.add(first, 0, 12, 7, "综采一队");
  test.each<[string, Uint8Array, number, number, number, string | undefined]>([
    ["the same bytes, the same hash", first, 0, 12, 7, "综采一队"],
    ["another piece, the bytes elsewhere in it", bytes("xx综采一队"), 2, 14, 7, "综采一队"],
    [
      "another piece, other bytes where the first piece has them",
      bytes("综采二队|机电科"),
      0,
      12,
      7,
      undefined,
    ],
    ["the same bytes under another hash", first, 0, 12, 8, undefined],
    ["another length", first, 0, 9, 7, undefined],
  ])("%s", (_, piece, from, to, hash, expected) => {
    expect(kept.find(piece, from, to, hash)).toBe(expected);
  });
});

test("more inline strings than are kept, many met again, read as written", async () => {
  // Past the 4,096 kept, texts are decoded each time; the kept ones share the table's slots, found after others.
  const text = (i: number) => `任务${i}`;
  const inline = (ref: string, value: string) => `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
  const count = 6000;
  const sheet = `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${Array.from(
    { length: count },
    (_, r) => `<row r="${r + 1}">${inline(`A${r + 1}`, text(r))}${inline(`B${r + 1}`, text(r >> 1))}</row>`,
  ).join("")}</sheetData></worksheet>`;
  expect(await grid(sheet)).toEqual(Array.from({ length: count }, (_, r) => [text(r), text(r >> 1)]));
});

test("a sheet larger than the inflater's chunks, rows cut between them, reads as the general reading does", async () => {
  // Some 3 MB of rows, shared strings, dates, numbers and a formula now and then, inflated piece by piece
  // (fflate's stream in these tests): rows cut by a chunk's end are read whole when the next one comes.
  const rows: Row[] = Array.from({ length: 30_000 }, (_, r) => ({
    attributes: (n: number) => ` r="${n + 1}" spans="1:4"${r % 97 === 3 ? ` hidden="1"` : ""}`,
    indent: false,
    cells: [
      { ref: ` r="A${r + 1}"`, attributes: ` t="s"`, body: `<v>${r % 4}</v>`, selfClosing: false },
      { ref: ` r="B${r + 1}"`, attributes: ` s="1"`, body: `<v>${46000 + r}</v>`, selfClosing: false },
      {
        ref: ` r="C${r + 1}"`,
        attributes: "",
        body: r % 500 === 7 ? `<f>B1</f><v>1</v>` : `<v>${r}</v>`,
        selfClosing: false,
      },
      { ref: ` r="D${r + 1}"`, attributes: ` s="2"`, body: "", selfClosing: true },
    ],
  }));
  // The size check's inflated bytes not kept, so that reading streams the part through fflate.
  const options = {
    measureInflated: (compressed: Uint8Array, limit: number) => {
      const { size, crc } = measureWithFflate(compressed, limit);
      return crc === undefined ? { size } : { size, crc };
    },
  };
  const read = async (prefix: string) =>
    (await readWorkbookBytes(workbookBytes(sheetXml(rows, prefix)), "chunks.xlsx", options)).sheets[0]!;
  const plain = await read("");
  expect(plain.rows).toHaveLength(30_000);
  const prefixed = await read("x");
  expect(plain.rows).toEqual(prefixed.rows);
  const hidden = rows.flatMap((_, r) => (r % 97 === 3 ? [r] : []));
  expect([...plain.hiddenRows!].sort((a, b) => a - b)).toEqual(hidden);
  expect([...prefixed.hiddenRows!].sort((a, b) => a - b)).toEqual(hidden);
});

describe("hidden rows: the row shortcut and the general reading find the same", () => {
  const c = (ref: string) => `<c r="${ref}"><v>1</v></c>`;
  test.each([
    ["hidden=1", `<row r="3" hidden="1">${c("A3")}</row>`, [2]],
    ["hidden=true, before r", `<row hidden="true" r="3">${c("A3")}</row>`, [2]],
    ["white space around the value", `<row r="3" hidden=" 1 ">${c("A3")}</row>`, [2]],
    [
      "hidden=0 and hidden=false are shown",
      `<row r="3" hidden="0">${c("A3")}</row><row r="4" hidden="false"/>`,
      [],
    ],
    ["an empty hidden row", `<row r="4" hidden="1"/>`, [3]],
    [
      "a hidden row the shortcut gives back (a formula) is hidden once, the row before it not",
      `<row r="2">${c("A2")}</row><row r="3" hidden="1"><c r="A3"><f>A2</f><v>1</v></c></row>`,
      [2],
    ],
    [
      "a hidden row without r follows the one before",
      `<row r="2">${c("A2")}</row><row hidden="1">${c("A3")}</row>`,
      [2],
    ],
    [
      "another namespace's hidden is not the row's",
      `<row r="3" o:hidden="1" xmlns:o="urn:o">${c("A3")}</row>`,
      [],
    ],
  ])("%s", async (_, xml, expected) => {
    const read = await gridAndHidden(
      `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${xml}</sheetData></worksheet>`,
    );
    expect(read.hidden).toEqual(expected);
  });
});

describe("the shared strings' shortcut reads what the general reading reads", () => {
  const piece = fc.constantFrom(
    "任务",
    "a",
    " ",
    "&amp;",
    "&#x4E2D;",
    "\r\n",
    "\n",
    "_x000D_",
    "😀",
    "",
    "\u0001",
    "\u0000",
    "x",
  );
  const text = fc.array(piece, { maxLength: 4 }).map((pieces) => pieces.join(""));
  const item = fc.oneof(
    text.map((t) => `<si><t>${t}</t></si>`),
    text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`),
    fc.tuple(text, text).map(([a, b]) => `<si><r><t>${a}</t></r><r><t>${b}</t></r></si>`),
    fc.tuple(text, text).map(([a, b]) => `<si><t>${a}</t><rPh sb="0" eb="1"><t>${b}</t></rPh></si>`),
    text.map((t) => `<si><t><![CDATA[${t}]]></t></si>`),
    fc.constantFrom("<si><t/></si>", "<si/>", "<si></si>"),
  );
  const table = fc.array(item, { minLength: 1, maxLength: 12 });
  const prefixed = (xml: string) => xml.replace(/<(\/?)(?=[a-zA-Z])/g, "<$1x:");
  const sst = (items: readonly string[], prefix: boolean) =>
    prefix
      ? `${HEAD}<x:sst xmlns:x="${MAIN}">${items.map(prefixed).join("")}</x:sst>`
      : `${HEAD}<sst xmlns="${MAIN}">${items.join("")}</sst>`;
  /** A sheet whose row 1 holds every string of the table in turn. */
  const sheetOf = (count: number) =>
    `${HEAD}<worksheet xmlns="${MAIN}"><sheetData><row r="1">${Array.from(
      { length: count },
      (_, i) => `<c t="s"><v>${i}</v></c>`,
    ).join("")}</row></sheetData></worksheet>`;

  /** A table of items in the shape the text reading takes, white space between some. */
  const plainTable = fc.array(
    fc.tuple(
      fc.oneof(
        text.map((t) => `<si><t>${t}</t></si>`),
        text.map((t) => `<si><t xml:space="preserve">${t}</t></si>`),
        fc.constant("<si><t/></si>"),
      ),
      fc.constantFrom("", "", "\n", " \r\n\t"),
    ),
    { minLength: 1, maxLength: 12 },
  );

  test("random tables the text reading takes read as the scanner reads them, prefixed", async () => {
    await fc.assert(
      fc.asyncProperty(plainTable, async (pairs) => {
        const items = pairs.map(([item, space]) => item + space);
        const xml = sst(items, false);
        // Taken by it, and read as the scanner reads the same items prefixed (where it is never tried).
        expect(
          plainSharedStrings(new TextEncoder().encode(xml), "xl/sharedStrings.xml", TRANSITIONAL),
        ).toEqual(expect.any(Array));
        const plain = await grid(sheetOf(items.length), xml);
        const general = await grid(
          sheetOf(items.length),
          sst(
            pairs.map(([item]) => item),
            true,
          ),
        );
        expect(plain).toEqual(general);
      }),
      { numRuns: RUNS },
    );
    // A guard against a hang, not a measure.
  }, 60_000);

  /** The table's bytes read a piece at a time, cut where `cuts` say (anywhere: in a tag, in a character). */
  const inPieces = (bytes: Uint8Array, cuts: readonly number[]) => {
    const reading = new PlainSharedStrings("xl/sharedStrings.xml", TRANSITIONAL);
    const at = [...new Set(cuts.map((cut) => Math.floor(cut * bytes.length)))].sort((a, b) => a - b);
    let from = 0;
    for (const to of [...at, bytes.length]) {
      if (!reading.push(bytes.subarray(from, to))) return undefined;
      from = to;
    }
    return reading.end();
  };
  const cuts = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 });

  test("random tables read a piece at a time read as they read whole", () => {
    const anyTable = fc.oneof(
      plainTable.map((pairs) => pairs.map(([item, space]) => item + space)),
      table,
    );
    fc.assert(
      fc.property(anyTable, cuts, (items, at) => {
        const bytes = new TextEncoder().encode(sst(items, false));
        const whole = plainSharedStrings(bytes, "xl/sharedStrings.xml", TRANSITIONAL);
        expect(inPieces(bytes, at)).toEqual(whole);
      }),
      { numRuns: RUNS },
    );
  });

  test("a piece ending inside a character, a tag or an item waits for the next", () => {
    const xml = sst(
      [`<si><t>任务一</t></si>`, `<si><t xml:space="preserve"> b </t></si>`, "<si><t/></si>"],
      false,
    );
    const bytes = new TextEncoder().encode(xml);
    // Every place a table can be cut, one at a time and all at once.
    for (let cut = 0; cut <= bytes.length; cut++)
      expect(inPieces(bytes, [cut / bytes.length])).toEqual(["任务一", " b ", ""]);
    const everyByte = Array.from({ length: bytes.length }, (_, i) => i / bytes.length);
    expect(inPieces(bytes, everyByte)).toEqual(["任务一", " b ", ""]);
  });

  test("a text kept between pieces longer than any item Excel writes leaves the table to the scanner", () => {
    const long = "任".repeat(1_100_000);
    const bytes = new TextEncoder().encode(sst([`<si><t>${long}</t></si>`], false));
    // Whole, the item is read; a piece at a time, past a megabyte of it waiting for its end, it is given up.
    // (Compared by length: jest would print the text.)
    expect(plainSharedStrings(bytes, "xl/sharedStrings.xml", TRANSITIONAL)?.map((t) => t.length)).toEqual([
      long.length,
    ]);
    const pieces = Array.from({ length: 40 }, (_, i) => i / 40);
    expect(inPieces(bytes, pieces) === undefined).toBe(true);
    const shorter = new TextEncoder().encode(sst([`<si><t>${"任".repeat(900_000)}</t></si>`], false));
    expect(inPieces(shorter, pieces)?.map((t) => t.length)).toEqual([900_000]);
  });

  test("random tables, plain and prefixed, read the same", async () => {
    await fc.assert(
      fc.asyncProperty(table, async (items) => {
        const plain = await grid(sheetOf(items.length), sst(items, false));
        const general = await grid(sheetOf(items.length), sst(items, true));
        expect(plain).toEqual(general);
      }),
      { numRuns: RUNS },
    );
    // A guard against a hang, not a measure.
  }, 60_000);
});

describe("the shared strings read as text where every item is in the plain shape", () => {
  const bytes = (xml: string) => new TextEncoder().encode(xml);
  const read = (xml: string, ns = TRANSITIONAL) => plainSharedStrings(bytes(xml), "xl/sharedStrings.xml", ns);
  const table = (items: string, root = `<sst xmlns="${MAIN}" count="2">`) => `${HEAD}${root}${items}</sst>`;
  test.each<[string, string, string[]]>([
    ["plain items", table("<si><t>任务</t></si><si><t>b</t></si>"), ["任务", "b"]],
    [
      "space kept, an empty item, white space between items",
      table(`<si><t xml:space="preserve"> a </t></si>\n<si><t/></si>\r\n\t<si><t></t></si>`),
      [" a ", "", ""],
    ],
    [
      "references, line ends and Excel's escapes, in the general reading's order",
      table("<si><t>R&amp;D&#13;&#x4E2D;</t></si><si><t>a\r\nb\rc</t></si><si><t>x_x000D_y</t></si>"),
      ["R&D\r中", "a\nb\nc", "x\ry"],
    ],
    ["a byte-order mark and white space after the root", `\uFEFF${table("<si><t>a</t></si>")}\n`, ["a"]],
  ])("%s: read", (_, xml, expected) => {
    expect(read(xml)).toEqual(expected);
  });

  test.each<[string, string, typeof TRANSITIONAL]>([
    ["rich text", table("<si><t>a</t></si><si><r><t>b</t></r></si>"), TRANSITIONAL],
    ["phonetic runs", table(`<si><t>a</t><rPh sb="0" eb="1"><t>b</t></rPh></si>`), TRANSITIONAL],
    ["CDATA", table("<si><t><![CDATA[a]]></t></si>"), TRANSITIONAL],
    ["an item without its t", table("<si><t>a</t></si><si/>"), TRANSITIONAL],
    ["a comment among the items", table("<si><t>a</t></si><!-- b --><si><t>c</t></si>"), TRANSITIONAL],
    ["a comment after the root", `${table("<si><t>a</t></si>")}<!-- b -->`, TRANSITIONAL],
    ["the root prefixed", `${HEAD}<x:sst xmlns:x="${MAIN}"><si><t>a</t></si></x:sst>`, TRANSITIONAL],
    ["another namespace", `${HEAD}<sst xmlns="urn:other"><si><t>a</t></si></sst>`, TRANSITIONAL],
    ["the transitional namespace in a Strict workbook", table("<si><t>a</t></si>"), STRICT],
    ["an element before the first item", table("<extLst/><si><t>a</t></si>"), TRANSITIONAL],
    [
      "a prolog the XML reader refuses",
      table("<si><t>a</t></si>", `<sst xmlns="${MAIN}" a="1" a="2">`),
      TRANSITIONAL,
    ],
    ["an item cut short", table("<si><t>a</t>"), TRANSITIONAL],
    ["no item", table(""), TRANSITIONAL],
  ])("%s: left to the scanner", (_, xml, ns) => {
    expect(read(xml, ns)).toBeUndefined();
  });

  test("a bad reference in a plain item is refused as the general reading refuses it", () => {
    expect(() => read(table("<si><t>a &nbsp; b</t></si>"))).toThrow("unknown entity &nbsp;");
  });
});

describe("a cell's number format comes from the styles part's cellXfs", () => {
  const sheet = `${HEAD}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="1"><v>46344</v></c></row></sheetData></worksheet>`;
  const day = { day: 46344 - 25569 };
  test.each<[string, string, unknown]>([
    [
      "a built-in date format",
      `<styleSheet xmlns="${MAIN}"><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
      day,
    ],
    [
      "a custom date format",
      `<styleSheet xmlns="${MAIN}"><numFmts><numFmt numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>` +
        `<cellXfs><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs></styleSheet>`,
      day,
    ],
    [
      "cellStyleXfs before cellXfs, not counted",
      `<styleSheet xmlns="${MAIN}"><cellStyleXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellStyleXfs>` +
        `<cellXfs><xf numFmtId="0"/><xf numFmtId="0"/></cellXfs></styleSheet>`,
      46344,
    ],
    [
      "every element prefixed",
      `<x:styleSheet xmlns:x="${MAIN}"><x:numFmts><x:numFmt numFmtId="170" formatCode="yyyy-mm-dd"/></x:numFmts>` +
        `<x:cellXfs><x:xf numFmtId="0"/><x:xf numFmtId="170"/></x:cellXfs></x:styleSheet>`,
      day,
    ],
    [
      "an xf of another namespace, not counted",
      `<styleSheet xmlns="${MAIN}" xmlns:o="urn:other"><cellXfs><o:xf numFmtId="14"/><xf numFmtId="0"/><xf numFmtId="0"/></cellXfs></styleSheet>`,
      46344,
    ],
    [
      "only the first cellXfs",
      `<styleSheet xmlns="${MAIN}"><cellXfs><xf numFmtId="0"/></cellXfs>` +
        `<cellXfs><xf numFmtId="14"/><xf numFmtId="14"/></cellXfs></styleSheet>`,
      46344,
    ],
  ])("%s", async (_, styles, expected) => {
    const model = await readWorkbookBytes(oneSheetWorkbook(sheet, { styles: `${HEAD}${styles}` }), "f.xlsx");
    expect(model.sheets[0]!.rows[0]![0]).toEqual(expected);
  });
});

describe("formulas that nothing calculated", () => {
  const read = async (cells: string) =>
    (
      await readWorkbookBytes(
        workbookBytes(`${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${cells}</sheetData></worksheet>`),
        "f.xlsx",
      )
    ).sheets[0]!;

  test.each([
    [
      "as openpyxl writes them: an empty value and no type",
      `<row r="2"><c r="C2"><f>IF(A1="","",1)</f><v></v></c></row>`,
      1,
    ],
    ["with no value at all", `<row r="2"><c r="C2"><f>A1+1</f></c><c r="D2"><f>A1+2</f><v/></c></row>`, 2],
    [
      "Excel's empty text: t=str with an empty value",
      `<row r="2"><c r="C2" t="str"><f>IF(A1="","",1)</f><v></v></c></row>`,
      0,
    ],
    [
      "a value calculated",
      `<row r="2"><c r="C2"><f>1+1</f><v>2</v></c><c r="D2" t="str"><f>A1</f><v>x</v></c></row>`,
      0,
    ],
  ])("%s", async (_name, cells, count) => {
    const sheet = await read(cells);
    expect(sheet.formulasWithoutValues?.count ?? 0).toBe(count);
  });

  test("all are counted, the first five named, zero-based", async () => {
    const row = (r: number) =>
      `<row r="${r}">${["B", "D"].map((c) => `<c r="${c}${r}"><f>1</f><v></v></c>`).join("")}</row>`;
    const sheet = await read([1, 2, 3, 4].map(row).join(""));
    expect(sheet.formulasWithoutValues).toEqual({
      count: 8,
      first: [
        { row: 0, column: 1 },
        { row: 0, column: 3 },
        { row: 1, column: 1 },
        { row: 1, column: 3 },
        { row: 2, column: 1 },
      ],
    });
  });
});
