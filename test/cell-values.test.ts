// setCellValues: values written into a person's own worksheet, each cell keeping its style, every other byte kept:
// on sheets written by hand for each shape SpreadsheetML allows, and on workbooks other programs wrote.

import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parseIsoDay } from "../src/core/day";
import { isDateCell, type CellValue, type WorkbookModel } from "../src/core/workbook";
import { CellEditError, OpcPackage, readPackage, setCellValues, type CellEdit } from "../src/hosts/xlsx";
import { WorkbookParts } from "../src/hosts/xlsx/write/workbook";
import { attributeOf, childNamed, childrenNamed, parseXml, type XmlElement } from "../src/hosts/xlsx/xml";
import { CORPUS } from "./helpers/corpus-files";
import { oneSheetWorkbook, MAIN } from "./helpers/one-sheet-workbook";
import { onPath, PYTHON, pythonMissing, testRequiring } from "./helpers/package-checks";

const SHEET = "任务";
const SHEET_PART = "xl/worksheets/sheet1.xml";
const day = (iso: string) => ({ day: parseIsoDay(iso)! });
/** 2026-11-15 as Excel counts in the 1900 date system. */
const SERIAL = 46341;

/** Formats: 0 General, 1 a yellow fill, 2 a date as yyyy/m/d, 3 Excel's built-in date 14. */
const STYLES =
  `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy/m/d"/></numFmts>` +
  `<fonts count="1"><font><sz val="11"/></font></fonts>` +
  `<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>` +
  `<fill><patternFill patternType="solid"><fgColor rgb="FFFFFF00"/></patternFill></fill></fills>` +
  `<borders count="1"><border/></borders>` +
  `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="2" borderId="0" applyFill="1"/>` +
  `<xf numFmtId="164" fontId="0" fillId="0" borderId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></cellXfs>` +
  `</styleSheet>`;
const STRINGS = `<sst xmlns="${MAIN}" count="2" uniqueCount="2"><si><t>旧</t></si><si><t>进行中</t></si></sst>`;

const sheet = (rows: string, before = "", after = "") =>
  `<worksheet xmlns="${MAIN}">${before}<sheetData>${rows}</sheetData>${after}</worksheet>`;

interface Edited {
  readonly pkg: OpcPackage;
  readonly xml: string;
  readonly grid: ReadonlyArray<ReadonlyArray<CellValue> | undefined>;
  readonly cell: (ref: string) => string | undefined;
  readonly styles: string;
}

async function edited(xml: string, edits: readonly CellEdit[], date1904 = false): Promise<Edited> {
  const pkg = OpcPackage.open(oneSheetWorkbook(xml, { styles: STYLES, sharedStrings: STRINGS }), "t.xlsx");
  if (date1904) {
    pkg.setText(
      "xl/workbook.xml",
      pkg.text("xl/workbook.xml").replace("<sheets>", `<workbookPr date1904="1"/><sheets>`),
    );
  }
  setCellValues(pkg, SHEET, edits);
  const out = OpcPackage.open(pkg.toBytes(), "out.xlsx");
  const text = out.text(SHEET_PART);
  const doc = parseXml(text, SHEET_PART);
  const cells = new Map<string, XmlElement>();
  const walk = (element: XmlElement): void => {
    if (element.local === "c") cells.set(attributeOf(element, "r") ?? "", element);
    element.children.forEach(walk);
  };
  walk(doc.root);
  return {
    pkg: out,
    xml: text,
    grid: (await readPackage(out, "out.xlsx")).sheets[0]!.rows,
    cell: (ref) => {
      const found = cells.get(ref);
      return found ? text.slice(found.start, found.end) : undefined;
    },
    styles: out.text("xl/styles.xml"),
  };
}

const at = (grid: Edited["grid"], ref: string): CellValue => {
  const column = ref.charCodeAt(0) - 65;
  return grid[Number(ref.slice(1)) - 1]?.[column] ?? null;
};

describe("setCellValues on sheets of every shape", () => {
  test.each<[string, string, CellEdit[], Record<string, string | undefined>, Record<string, CellValue>]>([
    [
      "a shared string replaced by an inline string, its style kept",
      sheet(`<row r="1"><c r="A1" s="1" t="s"><v>0</v></c></row>`),
      [{ row: 1, column: 0, value: "新" }],
      { A1: `<c r="A1" s="1" t="inlineStr"><is><t>新</t></is></c>` },
      { A1: "新" },
    ],
    [
      "a number, a boolean and an emptied cell, each keeping its style",
      sheet(
        `<row r="1"><c r="A1" s="1" t="s"><v>1</v></c><c r="B1" s="1"><v>1</v></c><c r="C1" s="1" t="s"><v>0</v></c></row>`,
      ),
      [
        { row: 1, column: 0, value: 0.6 },
        { row: 1, column: 1, value: true },
        { row: 1, column: 2, value: null },
      ],
      {
        A1: `<c r="A1" s="1"><v>0.6</v></c>`,
        B1: `<c r="B1" s="1" t="b"><v>1</v></c>`,
        C1: `<c r="C1" s="1"/>`,
      },
      { A1: 0.6, B1: true, C1: null },
    ],
    [
      "text that looks like a formula stays text",
      sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`),
      [{ row: 1, column: 0, value: "=SUM(A1) <&>" }],
      { A1: `<c r="A1" t="inlineStr"><is><t>=SUM(A1) &lt;&amp;&gt;</t></is></c>` },
      { A1: "=SUM(A1) <&>" },
    ],
    [
      "cells inserted in column order: between two, and after the last",
      sheet(`<row r="1" spans="1:3"><c r="A1"><v>1</v></c><c r="C1"><v>3</v></c></row>`),
      [
        { row: 1, column: 4, value: 5 },
        { row: 1, column: 1, value: 2 },
      ],
      { B1: `<c r="B1"><v>2</v></c>`, E1: `<c r="E1"><v>5</v></c>` },
      { A1: 1, B1: 2, C1: 3, E1: 5 },
    ],
    [
      "rows inserted in row order: before the first, between two and after the last",
      sheet(`<row r="3"><c r="A3"><v>3</v></c></row><row r="5"><c r="A5"><v>5</v></c></row>`),
      [
        { row: 7, column: 0, value: 7 },
        { row: 1, column: 0, value: 1 },
        { row: 4, column: 1, value: 4 },
      ],
      { A1: `<c r="A1"><v>1</v></c>`, B4: `<c r="B4"><v>4</v></c>`, A7: `<c r="A7"><v>7</v></c>` },
      { A1: 1, A3: 3, B4: 4, A5: 5, A7: 7 },
    ],
    [
      "rows and cells without r, numbered by their place",
      sheet(`<row><c><v>1</v></c><c><v>2</v></c></row><row><c><v>3</v></c></row>`),
      [
        { row: 2, column: 0, value: "三" },
        { row: 2, column: 2, value: "C" },
        { row: 1, column: 1, value: "二" },
      ],
      { C2: `<c r="C2" t="inlineStr"><is><t>C</t></is></c>` },
      { A1: 1, B1: "二", A2: "三", B2: null, C2: "C" },
    ],
    [
      "a sheet whose namespace has a prefix: new cells and rows take it",
      `<x:worksheet xmlns:x="${MAIN}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>1</x:v></x:c></x:row></x:sheetData></x:worksheet>`,
      [
        { row: 1, column: 1, value: "乙" },
        { row: 2, column: 0, value: 2 },
      ],
      {
        B1: `<x:c r="B1" t="inlineStr"><x:is><x:t>乙</x:t></x:is></x:c>`,
        A2: `<x:c r="A2"><x:v>2</x:v></x:c>`,
      },
      { A1: 1, B1: "乙", A2: 2 },
    ],
    [
      "an empty sheetData written as <sheetData/>",
      `<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`,
      [{ row: 2, column: 1, value: "x" }],
      { B2: `<c r="B2" t="inlineStr"><is><t>x</t></is></c>` },
      { B2: "x" },
    ],
    [
      "no sheetData at all: one is put after the dimension",
      `<worksheet xmlns="${MAIN}"><dimension ref="A1"/><pageMargins left="1" right="1" top="1" bottom="1" header="0" footer="0"/></worksheet>`,
      [{ row: 1, column: 0, value: "x" }],
      { A1: `<c r="A1" t="inlineStr"><is><t>x</t></is></c>` },
      { A1: "x" },
    ],
    [
      "a self-closing row, opened; its spans widened",
      sheet(`<row r="1" spans="1:1"/><row r="2"><c r="A2"><v>2</v></c></row>`),
      [{ row: 1, column: 2, value: 3 }],
      { C1: `<c r="C1"><v>3</v></c>` },
      { C1: 3, A2: 2 },
    ],
    [
      "a formula goes with the old value; a shared formula's dependent may be written",
      sheet(
        `<row r="1"><c r="A1"><f>1+1</f><v>2</v></c></row>` +
          `<row r="2"><c r="B2"><f t="shared" ref="B2:B3" si="0">A2</f><v>0</v></c></row>` +
          `<row r="3"><c r="B3"><f t="shared" si="0"/><v>0</v></c></row>`,
      ),
      [
        { row: 1, column: 0, value: 5 },
        { row: 3, column: 1, value: "x" },
      ],
      {
        A1: `<c r="A1"><v>5</v></c>`,
        B2: `<c r="B2"><f t="shared" ref="B2:B3" si="0">A2</f><v>0</v></c>`,
        B3: `<c r="B3" t="inlineStr"><is><t>x</t></is></c>`,
      },
      { A1: 5, B3: "x" },
    ],
    [
      "a single-cell array formula may be written; cm and vm go with it",
      sheet(
        `<row r="1"><c r="A1" s="1" cm="1" vm="2"><f t="array" ref="A1">SEQUENCE(1)</f><v>1</v></c></row>`,
      ),
      [{ row: 1, column: 0, value: 9 }],
      { A1: `<c r="A1" s="1"><v>9</v></c>` },
      { A1: 9 },
    ],
    [
      "a new cell takes the style of a row formatted whole, else its column's",
      sheet(
        `<row r="1" s="1" customFormat="1"><c r="A1" s="1"><v>1</v></c></row>`,
        `<cols><col min="3" max="4" width="9" style="1" customWidth="1"/></cols>`,
      ),
      [
        { row: 1, column: 1, value: "b" },
        { row: 2, column: 3, value: "d" },
        { row: 2, column: 0, value: "a" },
      ],
      {
        B1: `<c r="B1" s="1" t="inlineStr"><is><t>b</t></is></c>`,
        D2: `<c r="D2" s="1" t="inlineStr"><is><t>d</t></is></c>`,
        A2: `<c r="A2" t="inlineStr"><is><t>a</t></is></c>`,
      },
      { B1: "b", D2: "d", A2: "a" },
    ],
    [
      "a later edit of the same cell wins",
      sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`),
      [
        { row: 1, column: 0, value: "first" },
        { row: 1, column: 0, value: "last" },
      ],
      { A1: `<c r="A1" t="inlineStr"><is><t>last</t></is></c>` },
      { A1: "last" },
    ],
  ])("%s", async (_name, xml, edits, cells, values) => {
    const out = await edited(xml, edits);
    for (const [ref, text] of Object.entries(cells))
      expect({ ref, xml: out.cell(ref) }).toEqual({ ref, xml: text });
    for (const [ref, value] of Object.entries(values))
      expect({ ref, value: at(out.grid, ref) }).toEqual({ ref, value });
    // Rows and cells stay in order, as Excel requires.
    const doc = parseXml(out.xml, SHEET_PART);
    const rows = childrenNamed(childNamed(doc.root, MAIN, "sheetData")!, MAIN, "row");
    const numbers = rows.map((row) => Number(attributeOf(row, "r") ?? NaN)).filter(Number.isFinite);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    for (const row of rows) {
      const columns = childrenNamed(row, MAIN, "c")
        .map((c) => attributeOf(c, "r"))
        .filter((r): r is string => r !== undefined)
        .map((r) => r.replace(/\d+$/, ""));
      expect(columns).toEqual([...columns].sort((a, b) => a.length - b.length || a.localeCompare(b)));
    }
  });

  test("a self-closing row's spans take the new columns", async () => {
    const out = await edited(sheet(`<row r="1" spans="1:1"/>`), [{ row: 1, column: 2, value: 3 }]);
    expect(out.xml).toContain(`<row r="1" spans="1:3"><c r="C1"><v>3</v></c></row>`);
  });

  test("the dimension widens to the cells written, never narrows", async () => {
    const out = await edited(sheet(`<row r="2"><c r="B2"><v>1</v></c></row>`, `<dimension ref="B2:C3"/>`), [
      { row: 5, column: 3, value: 1 },
    ]);
    expect(out.xml).toContain(`<dimension ref="B2:D5"/>`);
    const same = await edited(sheet(`<row r="2"><c r="B2"><v>1</v></c></row>`, `<dimension ref="A1:C3"/>`), [
      { row: 2, column: 1, value: 2 },
    ]);
    expect(same.xml).toContain(`<dimension ref="A1:C3"/>`);
  });

  describe("dates", () => {
    const rows =
      `<row r="1"><c r="A1" s="1"><v>1</v></c><c r="B1" s="3"><v>1</v></c><c r="C1"><v>1</v></c></row>` +
      `<row r="2"><c r="C2" s="2"><v>46000</v></c></row>`;

    test.each<[string, CellEdit, string, (styles: string) => void]>([
      [
        "a cell showing a date keeps its format",
        { row: 1, column: 1, value: day("2026-11-15") },
        `<c r="B1" s="3"><v>${SERIAL}</v></c>`,
        (styles) => expect(styles).toBe(STYLES),
      ],
      [
        "a General cell takes its column's date format (an existing format, nothing added)",
        { row: 1, column: 2, value: day("2026-11-15") },
        `<c r="C1" s="2"><v>${SERIAL}</v></c>`,
        (styles) => expect(styles).toBe(STYLES),
      ],
      [
        "a new cell in that column too",
        { row: 3, column: 2, value: day("2026-11-15") },
        `<c r="C3" s="2"><v>${SERIAL}</v></c>`,
        (styles) => expect(styles).toBe(STYLES),
      ],
      [
        "a yellow cell in a column without dates keeps its fill, with yyyy-mm-dd on a copy of its format",
        { row: 1, column: 0, value: day("2026-11-15") },
        `<c r="A1" s="4"><v>${SERIAL}</v></c>`,
        (styles) => {
          const doc = parseXml(styles, "styles.xml");
          const xfs = childrenNamed(childNamed(doc.root, MAIN, "cellXfs")!, MAIN, "xf");
          expect(xfs).toHaveLength(5);
          expect(attributeOf(childNamed(doc.root, MAIN, "cellXfs")!, "count")).toBe("5");
          expect(Object.fromEntries(xfs[4]!.attributes.map((a) => [a.name, a.value]))).toEqual({
            numFmtId: "165",
            fontId: "0",
            fillId: "2",
            borderId: "0",
            applyFill: "1",
            applyNumberFormat: "1",
          });
          const formats = childrenNamed(childNamed(doc.root, MAIN, "numFmts")!, MAIN, "numFmt");
          expect(formats.map((f) => [attributeOf(f, "numFmtId"), attributeOf(f, "formatCode")])).toEqual([
            ["164", "yyyy/m/d"],
            ["165", "yyyy-mm-dd"],
          ]);
        },
      ],
    ])("%s", async (_name, edit, cell, checkStyles) => {
      const out = await edited(sheet(rows), [edit]);
      expect(out.cell(cell.slice(6, cell.indexOf('"', 6)))).toBe(cell);
      expect(at(out.grid, cell.slice(6, cell.indexOf('"', 6)))).toEqual(edit.value);
      checkStyles(out.styles);
    });

    test("two dates into yellow cells share one new format", async () => {
      const out = await edited(
        sheet(`<row r="1"><c r="A1" s="1"/></row><row r="2"><c r="A2" s="1"/></row>`),
        [
          { row: 1, column: 0, value: day("2026-11-15") },
          { row: 2, column: 0, value: day("2026-11-16") },
        ],
      );
      expect(out.cell("A1")).toBe(`<c r="A1" s="4"><v>${SERIAL}</v></c>`);
      expect(out.cell("A2")).toBe(`<c r="A2" s="4"><v>${SERIAL + 1}</v></c>`);
    });

    test("in the 1904 date system the serial counts from 1904", async () => {
      const out = await edited(sheet(rows), [{ row: 1, column: 1, value: day("2026-11-15") }], true);
      expect(out.cell("B1")).toBe(`<c r="B1" s="3"><v>${SERIAL - 1462}</v></c>`);
      expect(at(out.grid, "B1")).toEqual(day("2026-11-15"));
    });

    test("a workbook without a styles part gets one, with a date format for the cell", async () => {
      const pkg = OpcPackage.open(
        oneSheetWorkbook(sheet(`<row r="1"><c r="A1"><v>1</v></c></row>`)),
        "t.xlsx",
      );
      setCellValues(pkg, SHEET, [{ row: 1, column: 0, value: day("2026-11-15") }]);
      const out = OpcPackage.open(pkg.toBytes(), "out.xlsx");
      expect(at((await readPackage(out, "out.xlsx")).sheets[0]!.rows, "A1")).toEqual(day("2026-11-15"));
    });
  });

  test("a removed formula takes the calculation chain with it (Excel rebuilds it, and a stale one is damage)", () => {
    const pkg = OpcPackage.open(
      oneSheetWorkbook(sheet(`<row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><v>1</v></c></row>`)),
      "t.xlsx",
    );
    const workbook = new WorkbookParts(pkg);
    const chain = workbook.addRelatedPart(
      "calcChain.xml",
      `<calcChain xmlns="${MAIN}"><c r="A1" i="1"/></calcChain>`,
      "calcChain",
      "application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml",
    );
    const kept = OpcPackage.open(pkg.toBytes(), "t.xlsx");
    setCellValues(kept, SHEET, [{ row: 1, column: 1, value: 2 }]);
    expect(kept.has(chain)).toBe(true);
    setCellValues(kept, SHEET, [{ row: 1, column: 0, value: 2 }]);
    expect(kept.has(chain)).toBe(false);
    expect(kept.text("xl/_rels/workbook.xml.rels")).not.toContain("calcChain");
    expect(kept.text("[Content_Types].xml")).not.toContain("calcChain");
  });

  test.each([
    [
      "a shared formula's master",
      `<c r="B2"><f t="shared" ref="B2:B3" si="0">A2</f><v>0</v></c>`,
      "sharedFormula",
    ],
    [
      "a cell of an array formula over several cells",
      `<c r="B2"><f t="array" ref="B2:C2">A2:A3</f><v>0</v></c>`,
      "arrayFormula",
    ],
  ])("%s is refused, and nothing of the package changes", (_name, cell, problem) => {
    const pkg = OpcPackage.open(
      oneSheetWorkbook(sheet(`<row r="2">${cell}</row>`), { styles: STYLES }),
      "t.xlsx",
    );
    const edits = [
      { row: 1, column: 0, value: day("2026-11-15") },
      { row: 2, column: 1, value: 1 },
    ];
    const error = (() => {
      try {
        setCellValues(pkg, SHEET, edits);
      } catch (caught) {
        return caught;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(CellEditError);
    expect(error).toMatchObject({ sheet: SHEET, cell: "B2", problem });
    expect(pkg.names().filter((name) => pkg.isChanged(name))).toEqual([]);
  });

  test.each<[string, () => void, RegExp]>([
    ["a sheet that is not there", () => edit("没有", [{ row: 1, column: 0, value: 1 }]), /没有/],
    ["row 0", () => edit(SHEET, [{ row: 0, column: 0, value: 1 }]), /No such cell/],
    ["a column past XFD", () => edit(SHEET, [{ row: 1, column: 16384, value: 1 }]), /No such cell/],
    ["a row past 1,048,576", () => edit(SHEET, [{ row: 1_048_577, column: 0, value: 1 }]), /No such cell/],
    ["a number no cell holds", () => edit(SHEET, [{ row: 1, column: 0, value: Number.NaN }]), /NaN/],
  ])("%s is refused", (_name, run, message) => expect(run).toThrow(message));

  function edit(name: string, edits: CellEdit[]): void {
    setCellValues(OpcPackage.open(oneSheetWorkbook(sheet("")), "t.xlsx"), name, edits);
  }

  test("only the edited rows change: the bytes before and after them are the input's", () => {
    const rows = Array.from(
      { length: 300 },
      (_, r) => `<row r="${r + 1}">\n  <c r="A${r + 1}" s="1"><v>${r}</v></c><!-- ${r} --></row>`,
    ).join("");
    const input = new TextEncoder().encode(sheet(rows));
    const pkg = OpcPackage.open(oneSheetWorkbook(input, { styles: STYLES }), "t.xlsx");
    setCellValues(pkg, SHEET, [
      { row: 100, column: 1, value: "x" },
      { row: 200, column: 0, value: "y" },
    ]);
    const output = pkg.bytes(SHEET_PART);
    const text = new TextDecoder().decode(output);
    const before = new TextDecoder().decode(input);
    const start = before.indexOf(`<row r="100">`);
    const end = before.indexOf(`<row r="201">`);
    expect(text.slice(0, start)).toBe(before.slice(0, start));
    expect(text.slice(text.length - (before.length - end))).toBe(before.slice(end));
    expect(text).toContain(
      // A new cell goes after the row's last cell and what follows it (here a comment), before </row>.
      `<c r="A100" s="1"><v>99</v></c><!-- 99 --><c r="B100" t="inlineStr"><is><t>x</t></is></c></row>`,
    );
    expect(text).toContain(`<c r="A200" s="1" t="inlineStr"><is><t>y</t></is></c>`);
  });
});

// ---------------------------------------------------------------------------------------------
// Workbooks written by other programs
// ---------------------------------------------------------------------------------------------

const MAKER = path.join(__dirname, "producers/make-producers.py");
const TABLE_JSON = path.join(__dirname, "producers/table.json");
const work = mkdtempSync(path.join(tmpdir(), "duban-cells-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Source {
  readonly name: string;
  /** Why this machine cannot make it, or undefined. */
  readonly missing: string | undefined;
  /** The file, made or found. */
  readonly file: () => string;
  /** openpyxl reads the result (Strict files it cannot: it knows only transitional relationships). */
  readonly openpyxl: boolean;
}

const NO_OPENPYXL = pythonMissing(["openpyxl"]);
const made = new Map<string, string>();
const producer = (name: string, missing: string | undefined, openpyxl = true): Source => ({
  name,
  missing,
  openpyxl,
  file: () => {
    if (!made.has(name)) {
      const run = spawnSync(PYTHON, [MAKER, TABLE_JSON, work, name], { encoding: "utf8", timeout: 120_000 });
      const report = JSON.parse(run.stdout || "{}") as { made?: Record<string, string>; failed?: object };
      const file = report.made?.[name];
      if (!file) throw new Error(`${name} made no file: ${run.stderr}${JSON.stringify(report.failed)}`);
      made.set(name, file);
    }
    return made.get(name)!;
  },
});
const corpus = (file: string): Source => ({
  name: file,
  missing: undefined,
  openpyxl: true,
  file: () => path.join(CORPUS, file),
});

const SOURCES: Source[] = [
  producer("openpyxl-plain", NO_OPENPYXL),
  producer("xlsxwriter-rich", pythonMissing(["xlsxwriter"])),
  producer("pandas", pythonMissing(["pandas", "openpyxl"])),
  producer(
    "gnumeric",
    NO_OPENPYXL ??
      (onPath("ssconvert") ? undefined : "ssconvert is not installed: apt-get install -y gnumeric"),
  ),
  producer("strict-openpyxl", NO_OPENPYXL, false),
  corpus("exceljs/hidden-test/libre-calc-as-office-open-xml-spreadsheet.xlsx"),
  corpus("exceljs/hidden-test/google-sheets.xlsx"),
  corpus("sheetjs/wps/fn.xlsx"),
  corpus("excelize/Book1.xlsx"),
  corpus("poi/59746_NoRowNums.xlsx"),
  corpus("calamine/richtext-namespaced.xlsx"),
  corpus("calamine/nonstandard-xml-ns-prefix.xlsx"),
];

describe.each(SOURCES.map((source) => [source.name, source] as const))("%s", (_name, source) => {
  testRequiring(
    source.missing,
    "values written, styles kept, every other cell and part as it was; openpyxl reads the values",
    async () => {
      const input = new Uint8Array(readFileSync(source.file()));
      const before = await readPackage(OpcPackage.open(input, "in.xlsx"), "in.xlsx");
      const grid = before.sheets.find((s) => !s.hidden) ?? before.sheets[0]!;
      const edits = editsFor(before, grid.name);
      const pkg = OpcPackage.open(input, "in.xlsx");
      const part = new WorkbookParts(pkg).sheets().find((s) => s.name === grid.name)!.part;
      const stylesOf = styleAttributes(pkg.text(part));
      setCellValues(pkg, grid.name, edits);
      const output = pkg.toBytes();
      const outPkg = OpcPackage.open(output, "out.xlsx");
      const after = await readPackage(outPkg, "out.xlsx");

      // The edited cells hold the values; every other cell of every sheet reads as before.
      const edited = new Set(edits.map((e) => `${grid.name}!${e.row - 1},${e.column}`));
      for (const e of edits) {
        const value = after.sheets.find((s) => s.name === grid.name)!.rows[e.row - 1]?.[e.column] ?? null;
        expect({ row: e.row, column: e.column, value }).toEqual({
          row: e.row,
          column: e.column,
          value: e.value,
        });
      }
      before.sheets.forEach((sheetBefore, i) => {
        const rows = after.sheets[i]!.rows;
        const length = Math.max(sheetBefore.rows.length, rows.length);
        for (let r = 0; r < length; r++) {
          const width = Math.max(sheetBefore.rows[r]?.length ?? 0, rows[r]?.length ?? 0);
          for (let c = 0; c < width; c++) {
            if (edited.has(`${sheetBefore.name}!${r},${c}`)) continue;
            const was = sheetBefore.rows[r]?.[c] ?? null;
            const now = rows[r]?.[c] ?? null;
            if (JSON.stringify(was) !== JSON.stringify(now))
              expect({ sheet: sheetBefore.name, r, c, now }).toEqual({
                sheet: sheetBefore.name,
                r,
                c,
                now: was,
              });
          }
        }
      });

      // A cell that held a value keeps its style unless a date needed a date format.
      const stylesAfter = styleAttributes(outPkg.text(part));
      for (const e of edits) {
        const ref = `${String.fromCharCode(65 + e.column)}${e.row}`;
        if (stylesOf.has(ref) && !isDateCell(e.value))
          expect({ ref, s: stylesAfter.get(ref) }).toEqual({ ref, s: stylesOf.get(ref) });
      }

      // Only the sheet and (for a new date format) the styles change; every other part keeps its bytes.
      const inParts = OpcPackage.open(input, "in.xlsx");
      // Directory entries are no parts.
      const changed = inParts.names().filter((name) => {
        if (name.endsWith("/")) return false;
        if (!outPkg.has(name)) return true;
        const a = inParts.bytes(name);
        const b = outPkg.bytes(name);
        return a.length !== b.length || a.some((byte, k) => byte !== b[k]);
      });
      expect(changed.filter((name) => name !== part && !/styles\d*\.xml$/.test(name))).toEqual([]);

      if (!source.openpyxl || NO_OPENPYXL) return;
      const file = path.join(work, `${path.basename(source.name, ".xlsx")}-edited.xlsx`);
      writeFileSync(file, output);
      const run = spawnSync(PYTHON, ["-c", OPENPYXL_CELLS, file, grid.name, JSON.stringify(edits)], {
        encoding: "utf8",
        env: { ...process.env, PYTHONIOENCODING: "utf-8", PYTHONWARNINGS: "ignore" },
      });
      expect(run.stderr).toBe("");
      expect(JSON.parse(run.stdout)).toEqual(
        edits.map((e) =>
          isDateCell(e.value)
            ? `date ${new Date(e.value.day * 86_400_000).toISOString().slice(0, 10)}`
            : e.value,
        ),
      );
    },
    120_000,
  );
});

/**
 * Edits as a merge makes them, on the task table where there is one (a status, a completion date and a note on an
 * open task), else on cells no merge covers: a text over a value, a number after the last column, a date half way
 * down and a boolean in a new row below the last.
 */
function editsFor(workbook: WorkbookModel, name: string): CellEdit[] {
  const grid = workbook.sheets.find((s) => s.name === name)!;
  if (name === "重点工作任务表")
    return [
      { row: 3, column: 4, value: "已完成" },
      { row: 3, column: 5, value: day("2026-11-15") },
      { row: 3, column: 8, value: "已整改" },
      { row: 4, column: 4, value: 0.5 },
      { row: grid.rows.length + 3, column: 1, value: "新增" },
    ];
  const covered = (r: number, c: number) =>
    grid.merges.some((m) => m.top <= r && r <= m.bottom && m.left <= c && c <= m.right);
  const width = Math.max(0, ...Array.from(grid.rows, (row) => row?.length ?? 0));
  const filled: Array<[number, number]> = [];
  grid.rows.forEach((row, r) =>
    row?.forEach((value, c) => {
      if (value !== null && !covered(r, c)) filled.push([r, c]);
    }),
  );
  const [r0, c0] = filled[0] ?? [0, 0];
  const middle = Math.max(1, Math.floor(grid.rows.length / 2));
  const free = (r: number, from = 0) => {
    let c = from;
    while (covered(r, c)) c++;
    return c;
  };
  return [
    { row: r0 + 1, column: c0, value: "改 <&>" },
    { row: 1, column: free(0, width), value: 42.5 },
    { row: middle + 1, column: free(middle), value: day("2026-11-15") },
    { row: grid.rows.length + 3, column: 2, value: true },
  ].filter((e, i, all) => all.findIndex((o) => o.row === e.row && o.column === e.column) === i) as CellEdit[];
}

/** Each cell's s attribute, by reference, as the sheet's XML has it. */
function styleAttributes(xml: string): Map<string, string | undefined> {
  const styles = new Map<string, string | undefined>();
  const walk = (element: XmlElement): void => {
    if (element.local === "c" && attributeOf(element, "r") !== undefined)
      styles.set(attributeOf(element, "r")!, attributeOf(element, "s"));
    element.children.forEach(walk);
  };
  walk(parseXml(xml, "sheet.xml").root);
  return styles;
}

/** The edited cells as openpyxl reads them: a date as `date YYYY-MM-DD`. */
const OPENPYXL_CELLS = `
import datetime, json, sys
import openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
out = []
for e in json.loads(sys.argv[3]):
    v = ws.cell(row=e["row"], column=e["column"] + 1).value
    if isinstance(v, datetime.datetime):
        v = "date " + v.date().isoformat()
    out.append(v)
print(json.dumps(out, ensure_ascii=False))
`;
