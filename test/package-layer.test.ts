// The package layer on packages spelled as other programs spell them (prefixes, absolute targets, empty
// containers, a DOCTYPE, Strict): check --out writes only namespace-well-formed parts, and clear gives back
// every part byte for byte. Hand-made packages, so this runs without Python or LibreOffice.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import ExcelJS from "exceljs";
import { recordCells } from "../src/core/output/record";
import { readWorkbookBytes, readWorkbookFile, WorkbookOutputError } from "../src/hosts/xlsx";
import { OpcPackage } from "../src/hosts/xlsx/package";
import { clearDuban } from "../src/hosts/xlsx/write";
import { xmlPartProblems } from "./helpers/package-checks";
import { runCli } from "./helpers/run-cli";
import { utf16 } from "./helpers/utf16";

const TMP = join(__dirname, ".tmp", `package-layer-${process.pid}`);
beforeAll(() => mkdirSync(TMP, { recursive: true }));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const STRICT_MAIN = "http://purl.oclc.org/ooxml/spreadsheetml/main";
const STRICT_REL = "http://purl.oclc.org/ooxml/officeDocument/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

interface Spelling {
  /** The workbook part's text. */
  readonly workbook: (rows: string) => string;
  readonly sheetTarget: string;
  readonly strict?: boolean;
  readonly sheetHead?: string;
  readonly sheetTail?: string;
}

/** A one-sheet task table; `spell` decides how its parts are written. */
const ROWS: readonly string[][] = [
  ["序号", "工作任务", "责任单位", "完成时限", "完成情况"],
  ["1", "编制年度计划", "综采一队", "2026-11-01", "进行中"],
  ["2", "设备检修", "综采二队", "2026-11-30", "已完成"],
  ["3", "安全培训", "", "2026-11-20", "未开始"],
];

function tablePackage(spell: Spelling): Uint8Array {
  const main = spell.strict ? STRICT_MAIN : MAIN;
  const rel = spell.strict ? STRICT_REL : REL;
  const cells = ROWS.map(
    (row, r) =>
      `<row r="${r + 1}">` +
      row
        .map(
          (text, c) =>
            `<c r="${String.fromCharCode(65 + c)}${r + 1}" t="inlineStr"><is><t>${text}</t></is></c>`,
        )
        .join("") +
      `</row>`,
  ).join("");
  const sheet =
    `${HEAD}<worksheet xmlns="${main}" xmlns:r="${rel}">${spell.sheetHead ?? ""}` +
    `<sheetData>${cells}</sheetData>${spell.sheetTail ?? ""}<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`;
  return zipSync({
    "[Content_Types].xml": strToU8(
      `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
        `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        `</Types>`,
    ),
    "_rels/.rels": strToU8(
      `${HEAD}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    "xl/workbook.xml": strToU8(spell.workbook(rel)),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
        `<Relationship Id="rId1" Type="${rel}/worksheet" Target="${spell.sheetTarget}"/>` +
        `<Relationship Id="rId2" Type="${rel}/styles" Target="/xl/styles.xml"/></Relationships>`,
    ),
    "xl/styles.xml": strToU8(
      `${HEAD}<styleSheet xmlns="${main}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
        `<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
        `<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
        `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
        `<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
        `<dxfs count="0"/></styleSheet>`,
    ),
    "xl/worksheets/sheet1.xml": strToU8(sheet),
  });
}

const workbook =
  (sheets: (rel: string) => string, extra = "", strict = false) =>
  (rel: string) =>
    `${HEAD}<workbook xmlns="${strict ? STRICT_MAIN : MAIN}"${strict ? ` conformance="strict"` : ""}>` +
    `<bookViews><workbookView/></bookViews>${sheets(rel)}${extra}<calcPr calcId="191029"/></workbook>`;

/** The encoding XML 1.0's appendix F tells from a document's first bytes: UTF-16 by its order, else UTF-8. */
function encodingOf(data: Uint8Array): "utf-8" | "utf-16le" | "utf-16be" {
  if ((data[0] === 0xff && data[1] === 0xfe) || (data[0] === 0x3c && data[1] === 0)) return "utf-16le";
  if ((data[0] === 0xfe && data[1] === 0xff) || (data[0] === 0 && data[1] === 0x3c)) return "utf-16be";
  return "utf-8";
}

function samePartsAs(a: Uint8Array, b: Uint8Array): void {
  const left = unzipSync(a);
  const right = unzipSync(b);
  expect(Object.keys(right).sort()).toEqual(Object.keys(left).sort());
  for (const name of Object.keys(left)) {
    expect({ name, text: new TextDecoder().decode(right[name]) }).toEqual({
      name,
      text: new TextDecoder().decode(left[name]),
    });
  }
}

const run = (args: string[]) => runCli(args, "2026-11-18");

/**
 * A package read (its first task as the table has it) and checked into a copy beside it: exit 1, nothing on
 * stderr, every XML part of the copy parsed by saxes. The input's file, for a clear to follow, and the copy.
 */
async function readAndCheckedCopy(
  input: Uint8Array,
  name: string,
): Promise<{ file: string; written: Uint8Array }> {
  const model = await readWorkbookBytes(input, name);
  expect(model.sheets.map((sheet) => sheet.rows[1]?.[1])).toEqual(["编制年度计划"]);
  const file = join(TMP, name);
  writeFileSync(file, input);
  const checked = await run(["check", file, "--out", `${file}.out.xlsx`]);
  expect(checked.stderr).toBe("");
  expect(checked.code).toBe(1);
  const written = readFileSync(`${file}.out.xlsx`);
  expect(xmlPartProblems(`${file}.out.xlsx`)).toEqual([]);
  return { file, written };
}

const cases: ReadonlyArray<readonly [string, Spelling]> = [
  [
    "r: declared on each <sheet> (openpyxl), absolute targets",
    {
      workbook: workbook(
        (rel) => `<sheets><sheet xmlns:r="${rel}" name="任务" sheetId="1" r:id="rId1"/></sheets>`,
      ),
      sheetTarget: "/xl/worksheets/sheet1.xml",
    },
  ],
  [
    "r: bound to another namespace, the relationships namespace under rel:",
    {
      workbook: workbook(
        (rel) =>
          `<sheets xmlns:r="urn:not-relationships" xmlns:rel="${rel}"><sheet name="任务" sheetId="1" rel:id="rId1"/></sheets>`,
      ),
      sheetTarget: "worksheets/sheet1.xml",
    },
  ],
  [
    "an empty <definedNames/> (openpyxl, LibreOffice)",
    {
      workbook: workbook(
        (rel) => `<sheets><sheet xmlns:r="${rel}" name="任务" sheetId="1" r:id="rId1"/></sheets>`,
        "<definedNames/>",
      ),
      sheetTarget: "worksheets/sheet1.xml",
    },
  ],
  [
    "an empty <definedNames></definedNames> (Go's tealeg/xlsx)",
    {
      workbook: workbook(
        (rel) => `<sheets><sheet xmlns:r="${rel}" name="任务" sheetId="1" r:id="rId1"/></sheets>`,
        "<definedNames></definedNames>",
      ),
      sheetTarget: "worksheets/sheet1.xml",
    },
  ],
  [
    "a prefixed SpreadsheetML namespace with comments, CDATA and a processing instruction",
    {
      workbook: (rel) =>
        `${HEAD}<!-- made by hand --><x:workbook xmlns:x="${MAIN}" xmlns:r="${rel}"><?app keep?>` +
        `<x:sheets><!-- the tasks --><x:sheet name="任务" sheetId="1" r:id="rId1"/></x:sheets>` +
        `<x:definedNames><x:definedName name="note"><![CDATA["<a&b>"]]></x:definedName></x:definedNames></x:workbook>`,
      sheetTarget: "./worksheets/../worksheets/sheet1.xml",
      sheetTail: `<!-- </sheetData> is not here --><conditionalFormatting sqref="A1"><cfRule type="expression" dxfId="0" priority="7"><formula>FALSE</formula></cfRule></conditionalFormatting>`,
    },
  ],
  [
    "a workbook view whose tabs are past its one sheet (activeTab 30, as an exporter left it)",
    {
      workbook: (rel) =>
        `${HEAD}<workbook xmlns="${MAIN}"><bookViews><workbookView firstSheet="25" activeTab="30"/></bookViews>` +
        `<sheets><sheet xmlns:r="${rel}" name="任务" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>`,
      sheetTarget: "worksheets/sheet1.xml",
    },
  ],
  [
    "Strict Open XML",
    {
      workbook: workbook(
        (rel) => `<sheets xmlns:r="${rel}"><sheet name="任务" sheetId="1" r:id="rId1"/></sheets>`,
        "",
        true,
      ),
      sheetTarget: "worksheets/sheet1.xml",
      strict: true,
    },
  ],
];

describe.each(cases)("%s", (_, spelling) => {
  const input = tablePackage(spelling);

  test("check --out writes well-formed parts in the package's class, and clear gives every part back", async () => {
    const file = join(TMP, `in-${cases.findIndex(([, s]) => s === spelling)}.xlsx`);
    const out = `${file}.out.xlsx`;
    const back = `${file}.back.xlsx`;
    writeFileSync(file, input);
    const checked = await run(["check", file, "--out", out]);
    expect(checked.stderr).toBe("");
    expect(checked.code).toBe(1);
    expect(xmlPartProblems(out)).toEqual([]);
    const written = readFileSync(out);
    const parts = unzipSync(written);
    const text = (name: string) => new TextDecoder().decode(parts[name]);
    const transitionalTypes = /schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships\/worksheet/;
    expect(transitionalTypes.test(text("xl/_rels/workbook.xml.rels"))).toBe(!spelling.strict);
    expect(text("xl/worksheets/sheet2.xml").includes(STRICT_MAIN)).toBe(Boolean(spelling.strict));
    const cleared = await run(["clear", out, "--out", back]);
    expect(cleared.code).toBe(0);
    samePartsAs(input, readFileSync(back));
    // The same through the package layer alone, as the workbench and the add-in's download do it.
    const pkg = OpcPackage.open(written, "out.xlsx");
    clearDuban(pkg);
    samePartsAs(input, pkg.toBytes());
  });
});

describe("a zip that names its parts with backslashes (xl\\workbook.xml), as PHP and .NET exporters on Windows write it", () => {
  // Excel reads the backslashes as folders (as do POI, calamine and PhpSpreadsheet); LibreOffice and openpyxl
  // find no part at all. Here the content types stream is spelt in lower case too, as POI's 49609.xlsx has it.
  const forward = unzipSync(tablePackage(cases[0]![1]));
  const spelt = (name: string) =>
    name === "[Content_Types].xml" ? "[content_types].xml" : name.replace(/\//g, "\\");
  const input = zipSync(
    Object.fromEntries(Object.entries(forward).map(([name, data]) => [spelt(name), data])),
  );

  test("is read and checked; its copy names every part as the ZIP format does, and clear gives each back", async () => {
    expect(Object.keys(unzipSync(input))).toContain("xl\\worksheets\\sheet1.xml");
    const { file, written } = await readAndCheckedCopy(input, "backslashes.xlsx");
    const names = Object.keys(unzipSync(written));
    expect(names.filter((name) => name.includes("\\"))).toEqual([]);
    expect(names).toEqual(
      expect.arrayContaining(["[Content_Types].xml", "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"]),
    );
    const cleared = await run(["clear", `${file}.out.xlsx`, "--out", `${file}.back.xlsx`]);
    expect(cleared.code).toBe(0);
    samePartsAs(zipSync(forward), readFileSync(`${file}.back.xlsx`));
  });

  test("a part named both ways is refused, naming it", async () => {
    const both = zipSync({ ...unzipSync(input), "xl/workbook.xml": forward["xl/workbook.xml"]! });
    const file = join(TMP, "both-ways.xlsx");
    writeFileSync(file, both);
    const result = await run(["check", file, "--lang", "en-US"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/two parts named xl\/workbook\.xml/);
  });
});

describe("a package whose XML is in UTF-16, as Excel on Windows Phone wrote every part", () => {
  // OPC allows UTF-8 and UTF-16 (ECMA-376 Part 2, 8.1.4). Every part here is UTF-16LE with a byte order mark
  // and says so, but the task sheet, UTF-16BE without one (XML 1.0 appendix F tells it by its first bytes).
  const forward = unzipSync(tablePackage(cases[0]![1]));
  const parts = Object.fromEntries(
    Object.entries(forward).map(([name, data]) => {
      const xml = new TextDecoder().decode(data).replace('encoding="UTF-8"', 'encoding="UTF-16"');
      return [name, name === "xl/worksheets/sheet1.xml" ? utf16(xml, "be", false) : utf16(xml, "le", true)];
    }),
  );
  const input = zipSync(parts);

  test("is read and checked; what Duban changes is written in UTF-8 and says so; clear gives every part back", async () => {
    const { file, written } = await readAndCheckedCopy(input, "utf16.xlsx");
    const out = unzipSync(written);
    // The workbook part was edited (a sheet added): UTF-8 now, and its declaration says so.
    expect(encodingOf(out["xl/workbook.xml"]!)).toBe("utf-8");
    expect(new TextDecoder().decode(out["xl/workbook.xml"])).toMatch(/^<\?xml[^>]*encoding="UTF-8"/);
    // A part Duban did not touch is the input's, byte for byte.
    expect(out["_rels/.rels"]).toEqual(parts["_rels/.rels"]);
    // Clearing gives each part back: the ones Duban edited as the same text, now in UTF-8 and saying so (the
    // copy holds them so), every other byte for byte.
    const cleared = await run(["clear", `${file}.out.xlsx`, "--out", `${file}.back.xlsx`]);
    expect(cleared.code).toBe(0);
    const back = unzipSync(readFileSync(`${file}.back.xlsx`));
    expect(Object.keys(back).sort()).toEqual(Object.keys(parts).sort());
    const asText = (data: Uint8Array) =>
      new TextDecoder(encodingOf(data)).decode(data).replace('encoding="UTF-16"', 'encoding="UTF-8"');
    const edited = Object.keys(parts).filter((name) => encodingOf(back[name]!) === "utf-8");
    expect(edited.sort()).toEqual([
      "[Content_Types].xml",
      "xl/_rels/workbook.xml.rels",
      "xl/styles.xml",
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
    for (const name of Object.keys(parts)) {
      if (edited.includes(name))
        expect({ name, text: asText(back[name]!) }).toEqual({ name, text: asText(parts[name]!) });
      else expect({ name, bytes: back[name] }).toEqual({ name, bytes: parts[name] });
    }
  });

  test.each(["xl/workbook.xml", "xl/worksheets/sheet1.xml"])(
    "a DOCTYPE in %s, in UTF-16, is refused as in UTF-8, naming the part",
    async (part) => {
      const xml = new TextDecoder(part.includes("sheet") ? "utf-16be" : "utf-16le").decode(parts[part]);
      const withDoctype = xml.replace(/^(<\?xml[^>]*\?>)/, `$1<!DOCTYPE x [<!ENTITY e "e">]>`);
      const file = join(TMP, `utf16-doctype-${part.replace(/\W/g, "_")}.xlsx`);
      writeFileSync(
        file,
        zipSync({ ...parts, [part]: utf16(withDoctype, part.includes("sheet") ? "be" : "le", false) }),
      );
      const result = await run(["check", file, "--lang", "en-US"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(part);
      expect(result.stderr).toContain("DOCTYPE");
    },
  );
});

describe("a large sheet in UTF-16, read a piece at a time where a part that size is", () => {
  // Over the size the command line inflates on zlib's threads and reads as it inflates (4 MB), and released
  // from the package's cache so that fflate's stream gives it in pieces: either way it is read whole, as UTF-8.
  const rows = Array.from(
    { length: 60_000 },
    (_, r) => `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>任务${r}</t></is></c></row>`,
  ).join("");
  const sheetXml = `<?xml version="1.0" encoding="UTF-16"?><worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
  const parts: Record<string, Uint8Array> = unzipSync(tablePackage(cases[0]![1]));
  parts["xl/worksheets/sheet1.xml"] = utf16(sheetXml, "le", true);
  const input = zipSync(parts);

  test("through zlib's stream, as the command line reads it", async () => {
    expect(parts["xl/worksheets/sheet1.xml"]!.length).toBeGreaterThan(4 * 1024 * 1024);
    const file = join(TMP, "utf16-large.xlsx");
    writeFileSync(file, input);
    const rowsRead = (await readWorkbookFile(file)).sheets[0]!.rows;
    expect(rowsRead).toHaveLength(60_000);
    expect(rowsRead[59_999]).toEqual(["任务59999"]);
  });

  test("through fflate's stream, in pieces", () => {
    const pkg = OpcPackage.open(input, "utf16-large.xlsx");
    pkg.release("xl/worksheets/sheet1.xml");
    const pieces: Array<{ text: string; last: boolean }> = [];
    pkg.stream("xl/worksheets/sheet1.xml", (chunk, last) => {
      pieces.push({ text: new TextDecoder().decode(chunk), last });
      return true;
    });
    expect(pieces).toEqual([{ text: sheetXml.replace("UTF-16", "UTF-8"), last: true }]);
  });
});

describe("a DOCTYPE", () => {
  test.each([
    ["the workbook part", "xl/workbook.xml"],
    ["a worksheet", "xl/worksheets/sheet1.xml"],
  ])("in %s is refused with exit 2, naming the part, and nothing is written", async (_, part) => {
    const parts = unzipSync(tablePackage(cases[0]![1]));
    const text = new TextDecoder().decode(parts[part]);
    parts[part] = strToU8(
      text.replace(HEAD, `${HEAD}<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n`),
    );
    const file = join(TMP, `doctype-${part.replace(/\W/g, "_")}.xlsx`);
    writeFileSync(file, zipSync(parts));
    const result = await run(["check", file, "--out", `${file}.out.xlsx`, "--lang", "en-US"]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toContain(part);
    expect(result.stderr).toContain("DOCTYPE");
    expect(() => readFileSync(`${file}.out.xlsx`)).toThrow();
  });
});

describe("every part written is parsed back first", () => {
  test("a malformed part stops toBytes with the part's name", () => {
    const pkg = OpcPackage.open(tablePackage(cases[0]![1]), "in.xlsx");
    pkg.setText("xl/worksheets/sheet9.xml", `<worksheet xmlns="${MAIN}"><x:sheetData/></worksheet>`);
    expect(() => pkg.toBytes()).toThrow(WorkbookOutputError);
    expect(() => pkg.toBytes()).toThrow(/sheet9\.xml/);
  });

  test("an unchanged package comes back with the same parts", () => {
    const input = tablePackage(cases[0]![1]);
    const pkg = OpcPackage.open(input, "in.xlsx");
    expect(unzipSync(pkg.toBytes())).toEqual(unzipSync(input));
  });
});

describe("part names as the packaging conventions compare them", () => {
  test("case and percent-encoding do not matter; the stored spelling is kept", () => {
    const pkg = OpcPackage.open(
      zipSync({
        "xl/workbook.xml": strToU8(`<workbook xmlns="${MAIN}"><sheets/></workbook>`),
        "xl/media/%E5%9B%BE.png": new Uint8Array([1, 2, 3]),
      }),
      "x.xlsx",
    );
    expect(pkg.has("XL/Workbook.xml")).toBe(true);
    expect(pkg.has("/xl/media/图.png")).toBe(true);
    expect(pkg.storedName("xl/MEDIA/图.PNG")).toBe("xl/media/%E5%9B%BE.png");
    pkg.setText("XL/WORKBOOK.XML", `<workbook xmlns="${MAIN}"><sheets></sheets></workbook>`);
    expect(pkg.names()).toEqual(["xl/workbook.xml", "xl/media/%E5%9B%BE.png"]);
  });
});

describe("what a write the Excel host could not finish leaves", () => {
  test("clear removes the sheets its journal names, its temporary sheets, its lock and its rules gone #REF!, and keeps a rule of the person's in the same block", async () => {
    const book = new ExcelJS.Workbook();
    const task = book.addWorksheet("任务");
    ROWS.forEach((row) => task.addRow(row));
    const ours = "'_duban_marks'!$A$1:$A$3";
    const broken = 'SUMPRODUCT(--EXACT($B2&"|"&$C2&"|"&COLUMN(A2),#REF!))>0';
    task.addConditionalFormatting({
      ref: "A2:E4",
      rules: [
        { type: "expression", priority: 1, formulae: ['$E2="已完成"'], style: {} },
        { type: "expression", priority: 2, formulae: [broken], style: {} },
        { type: "expression", priority: 3, formulae: [`SUMPRODUCT(--EXACT($B2,${ours}))>0`], style: {} },
      ],
    });
    book.addWorksheet("说明").addRow(["我自己的说明"]);
    book.addWorksheet("汇总 (2)").addRow(["上次写了一半的汇总"]);
    book.addWorksheet("_duban_new_ab12cd_1", { state: "hidden" }).addRow(["半成品"]);
    book.addWorksheet("_duban_lock", { state: "veryHidden" }).addRow(['{"run":"ab12cd","until":0}']);
    const record = book.addWorksheet("_duban", { state: "veryHidden" });
    const cells = recordCells({
      version: 1,
      generated: [],
      journal: { run: "ab12cd", sheets: ["汇总 (2)"] },
    });
    cells.forEach((text) => record.addRow([text]));
    const pkg = OpcPackage.open(new Uint8Array(await book.xlsx.writeBuffer()), "half.xlsx");
    clearDuban(pkg);
    const model = await readWorkbookBytes(pkg.toBytes(), "half.xlsx");
    expect(model.sheets.map((s) => s.name)).toEqual(["任务", "说明"]);
    const sheet = new TextDecoder().decode(unzipSync(pkg.toBytes())["xl/worksheets/sheet1.xml"]);
    expect(sheet).toContain("已完成");
    expect(sheet).not.toContain("SUMPRODUCT");
  });
});

describe("a workbook the Excel host merged answers into", () => {
  test("clear (and so a new check, which clears first) takes Duban's sheets out where record.host is not this host's", async () => {
    // The Excel host keeps what undoing a merge needs under record.host; this host's own bookkeeping (its
    // styles part and edits) is not there, as in a workbook the command line never wrote.
    const book = new ExcelJS.Workbook();
    const task = book.addWorksheet("任务");
    ROWS.forEach((row) => task.addRow(row));
    book.addWorksheet("反馈情况").addRow(["反馈情况"]);
    const record = book.addWorksheet("_duban", { state: "veryHidden" });
    recordCells({
      version: 1,
      generated: [{ name: "反馈情况", kind: "feedback" }],
      host: { excelMerge: { cells: [{ address: "E2", value: "进行中" }] } },
    }).forEach((text) => record.addRow([text]));
    const pkg = OpcPackage.open(new Uint8Array(await book.xlsx.writeBuffer()), "merged-in-excel.xlsx");
    clearDuban(pkg);
    const model = await readWorkbookBytes(pkg.toBytes(), "merged-in-excel.xlsx");
    expect(model.sheets.map((s) => s.name)).toEqual(["任务"]);
  });
});
