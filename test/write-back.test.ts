// duban check --out, clear and notices on real workbooks: nothing of the person's is lost or changed, the
// highlights and generated sheets are what the SPEC says, the write is idempotent and undoable, and
// LibreOffice (an independent reader) sees the same cells and styles, renders the chart and reads the text.

import { execFile } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import ExcelJS from "exceljs";
import { unzipSync } from "fflate";
import { parseIsoDay } from "../src/core";
import type { Report } from "../src/core/report";
import { buildSampleWorkbook, SAMPLE_SHEET } from "../scripts/sample-workbook";
import {
  FORMULA_LIKE_TASKS,
  RICH_AS_OF,
  RICH_CHART_COLOUR,
  RICH_DATA_SHEET,
  RICH_FIRST_TASK_ROW,
  RICH_HEADER,
  RICH_HIDDEN_SHEET,
  RICH_LAST_TASK_ROW,
  RICH_TASK_SHEET,
  RICH_TASKS,
  RICH_UNIT_ALL_DONE,
  RICH_USER_SUMMARY,
  RICH_VERY_HIDDEN_SHEET,
  writeRichWorkbook,
} from "./fixtures/rich-workbook";
import { keyedRuleHolds } from "./helpers/highlight-rule";
import { convertWithLibreOffice, testWithLibreOffice } from "./helpers/libreoffice";
import { runCli } from "./helpers/run-cli";

const dir = path.resolve(__dirname, ".tmp/write-back");
const AS_OF = RICH_AS_OF;
const MARKS = "_duban_marks";
const RECORD = "_duban";
/** The parts Duban may patch besides the task sheet; every other part of the input is copied as it was. */
const PATCHED = ["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"];
/** SPEC "Highlights in the workbook": the default colours, fill and text. */
const DEFAULT_COLOURS = {
  overdue: { fill: "FFC7CE", text: "9C0006" },
  dueSoon: { fill: "FFEB9C", text: "9C5700" },
  doneLate: { fill: "DDEBF7", text: "1F4E78" },
  data: { fill: "FCE4D6", text: "833C0B" },
} as const;
type Kind = keyof typeof DEFAULT_COLOURS;
/** The most urgent first: a cell with several findings shows this colour. */
const URGENCY: readonly Kind[] = ["overdue", "data", "dueSoon", "doneLate"];

interface Book {
  readonly name: string;
  /** The input, never written to after beforeAll. */
  readonly input: string;
  readonly checked: string;
  readonly report: string;
  readonly taskSheet: string;
}

const file = (name: string) => path.join(dir, name);
const book = (name: string, taskSheet: string): Book => ({
  name,
  input: file(`${name}.xlsx`),
  checked: file(`${name}-checked.xlsx`),
  report: file(`${name}-checked.json`),
  taskSheet,
});
const RICH = book("rich", RICH_TASK_SHEET);
const SAMPLE = book("sample", SAMPLE_SHEET);
const BOOKS = [RICH, SAMPLE];

const run = (args: string[]) => runCli(args, AS_OF);

async function check(input: string, out: string, ...extra: string[]): Promise<void> {
  const { code, stderr } = await run(["check", input, "--as-of", AS_OF, "--out", out, ...extra]);
  expect({ code, stderr }).toEqual({ code: 1, stderr: "" }); // both workbooks have errors to report
}

async function clear(input: string, out: string): Promise<void> {
  const { code, stderr } = await run(["clear", input, "--out", out]);
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
}

// ---------------------------------------------------------------------------------------------
// Reading packages
// ---------------------------------------------------------------------------------------------

type Parts = ReadonlyMap<string, Uint8Array>;

function partsOf(file: string): Parts {
  return new Map(Object.entries(unzipSync(readFileSync(file))));
}

const text = (parts: Parts, name: string) => {
  const bytes = parts.get(name);
  if (!bytes) throw new Error(`no part ${name}`);
  return new TextDecoder().decode(bytes);
};

const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i]);

/** The parts that differ between two packages, by name; [] when they hold the same parts, byte for byte. */
function differingParts(a: Parts, b: Parts): string[] {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  return names.filter((name) => !sameBytes(a.get(name), b.get(name)));
}

function unescapeXml(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) =>
    e[0] === "#"
      ? String.fromCodePoint(
          e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10),
        )
      : { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" }[e.toLowerCase()]!,
  );
}

const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : undefined;
};

interface SheetInfo {
  readonly name: string;
  readonly state: string;
  readonly part: string;
  /** The `<sheet …/>` element as written. */
  readonly element: string;
}

/** The workbook's sheets in tab order, with their parts (Excel, ExcelJS and LibreOffice layouts alike). */
function sheetsOf(parts: Parts): SheetInfo[] {
  const workbook = text(parts, "xl/workbook.xml");
  const rels = text(parts, "xl/_rels/workbook.xml.rels");
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g))
    targets.set(attr(m[0], "Id")!, attr(m[0], "Target")!);
  return [...workbook.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
    const target = targets.get(attr(m[0], "r:id")!)!;
    return {
      name: attr(m[0], "name")!,
      state: attr(m[0], "state") ?? "visible",
      part: target.startsWith("/") ? target.slice(1) : `xl/${target}`,
      element: m[0],
    };
  });
}

const sheetNames = (parts: Parts) => sheetsOf(parts).map((s) => s.name);

function sheetPart(parts: Parts, name: string): string {
  const sheet = sheetsOf(parts).find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name} in ${sheetNames(parts).join(", ")}`);
  return sheet.part;
}

/** Every element `<name …>…</name>` or `<name …/>` (not nested in itself). */
function elementsOf(xml: string, name: string): string[] {
  return [...xml.matchAll(new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`, "g"))].map((m) => m[0]);
}

/** Cell address -> the text or number a worksheet part holds there (inline and shared strings both read). */
function cellsOf(parts: Parts, part: string): Map<string, string> {
  const shared = parts.has("xl/sharedStrings.xml")
    ? elementsOf(text(parts, "xl/sharedStrings.xml"), "si").map(runText)
    : [];
  const cells = new Map<string, string>();
  for (const c of elementsOf(text(parts, part), "c")) {
    const open = /^<c\b[^>]*>/.exec(c)![0];
    const v = /<v>([^<]*)<\/v>/.exec(c)?.[1];
    const type = attr(open, "t");
    const value =
      type === "inlineStr"
        ? runText(c)
        : type === "s"
          ? shared[Number(v)]
          : v === undefined
            ? undefined
            : unescapeXml(v);
    if (value !== undefined) cells.set(attr(open, "r")!, value);
  }
  return cells;
}

function runText(xml: string): string {
  return [...xml.matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join("");
}

interface DubanRecord {
  readonly generated: ReadonlyArray<{ name: string; kind: string }>;
}

function recordOf(parts: Parts): DubanRecord {
  const cells = cellsOf(parts, sheetPart(parts, RECORD));
  const column = [...cells]
    .filter(([ref]) => /^A\d+$/.test(ref))
    .sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1)));
  expect(column[0]?.[1]).toBe("Duban record v1");
  return JSON.parse(
    column
      .slice(1)
      .map(([, value]) => value)
      .join(""),
  ) as DubanRecord;
}

/** The task sheet split where its rows end: Duban changes only what follows them. */
function splitSheet(xml: Uint8Array): { head: Uint8Array; tail: string } {
  const s = new TextDecoder().decode(xml);
  const at = s.lastIndexOf("</sheetData>") + "</sheetData>".length;
  const headLength = new TextEncoder().encode(s.slice(0, at)).length;
  return { head: xml.subarray(0, headLength), tail: s.slice(at) };
}

const dubanBlocks = (tail: string) =>
  elementsOf(tail, "conditionalFormatting").filter((block) => block.includes(MARKS));

function reportOf(b: Book): Report {
  return JSON.parse(readFileSync(b.report, "utf8")) as Report;
}

/** "B12" -> { row: 12, column: 2 } */
function address(ref: string): { row: number; column: number } {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref)!;
  const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), column };
}

// ---------------------------------------------------------------------------------------------
// Set-up: the two workbooks, checked once with --out and --json
// ---------------------------------------------------------------------------------------------

let inputStats: Map<string, { bytes: Buffer; mtimeMs: number }>;

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await writeRichWorkbook(RICH.input);
  await buildSampleWorkbook(parseIsoDay(AS_OF)!).xlsx.writeFile(SAMPLE.input);
  inputStats = new Map();
  for (const b of BOOKS) {
    // An mtime well in the past: a write to the input would show even on a coarse clock.
    const past = new Date(Date.parse("2026-01-02T03:04:05Z"));
    utimesSync(b.input, past, past);
    inputStats.set(b.input, { bytes: readFileSync(b.input), mtimeMs: statSync(b.input).mtimeMs });
    await check(b.input, b.checked, "--json", b.report);
  }
});

afterAll(() => {
  // Whatever ran, the inputs are as they were.
  for (const [input, before] of inputStats ?? []) {
    expect(readFileSync(input).equals(before.bytes)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(before.mtimeMs);
  }
});

// ---------------------------------------------------------------------------------------------
// Nothing lost
// ---------------------------------------------------------------------------------------------

describe("nothing lost", () => {
  test("the rich workbook has everything that must survive (so that the checks below mean something)", () => {
    const parts = partsOf(RICH.input);
    const names = [...parts.keys()];
    for (const expected of [
      /^xl\/charts\/chart\d+\.xml$/,
      /^xl\/drawings\/drawing\d+\.xml$/,
      /^xl\/drawings\/_rels\/drawing\d+\.xml\.rels$/,
      /^xl\/drawings\/vmlDrawing\d+\.vml$/,
      /^xl\/comments\d+\.xml$/,
      /^xl\/media\/image\d+\.png$/,
      /^xl\/printerSettings\/printerSettings\d+\.bin$/,
    ]) {
      expect(names.filter((n) => expected.test(n)).length).toBeGreaterThan(0);
    }
    expect(sheetsOf(parts).map((s) => [s.name, s.state])).toEqual([
      [RICH_TASK_SHEET, "visible"],
      [RICH_DATA_SHEET, "visible"],
      [RICH_USER_SUMMARY, "visible"],
      [RICH_HIDDEN_SHEET, "hidden"],
      [RICH_VERY_HIDDEN_SHEET, "veryHidden"],
    ]);
    const workbook = text(parts, "xl/workbook.xml");
    expect(workbook).toMatch(/<definedName name="本月产量" localSheetId="1">/); // sheet-level
    expect(workbook).toMatch(/<definedName name="任务名称">/); // workbook-level
    expect(workbook).toMatch(/<definedName name="_xlnm.Print_Titles" localSheetId="0">/);
    const task = text(parts, sheetPart(parts, RICH_TASK_SHEET));
    for (const feature of [
      /<pane [^>]*state="frozen"/,
      /<col [^>]*customWidth="1"/,
      /<row [^>]*customHeight="1"/,
      /<mergeCell ref="B3:B10"\/>/,
      /<autoFilter ref="A2:K32"\/>/,
      /<dataValidation type="list"[^>]*sqref="G3:G32"/,
      /<pageSetup [^>]*orientation="landscape"[^>]*r:id="/,
      /<drawing r:id=/,
      /<legacyDrawing r:id=/,
    ]) {
      expect(task).toMatch(feature);
    }
    expect(text(parts, sheetPart(parts, RICH_DATA_SHEET))).toMatch(/<drawing r:id=[^>]*\/><legacyDrawing /);
  });

  test.each(BOOKS.map((b) => [b.name, b] as const))(
    "%s: every part Duban does not patch is byte-identical, and the patched ones keep all they had",
    (_, b) => {
      const input = partsOf(b.input);
      const output = partsOf(b.checked);
      const taskPart = sheetPart(input, b.taskSheet);
      const untouched = [...input.keys()].filter((name) => !PATCHED.includes(name) && name !== taskPart);
      expect(untouched.filter((name) => !sameBytes(input.get(name), output.get(name)))).toEqual([]);
      expect(sheetPart(output, b.taskSheet)).toBe(taskPart);

      // The workbook: every sheet as it was (names, ids, states, order first), every defined name.
      const inputSheets = sheetsOf(input);
      const outputSheets = sheetsOf(output);
      expect(outputSheets.slice(0, inputSheets.length)).toEqual(inputSheets);
      const workbook = text(output, "xl/workbook.xml");
      for (const name of elementsOf(text(input, "xl/workbook.xml"), "definedName"))
        expect(workbook).toContain(name);
      const rels = text(output, "xl/_rels/workbook.xml.rels");
      for (const rel of elementsOf(text(input, "xl/_rels/workbook.xml.rels"), "Relationship"))
        expect(rels).toContain(rel);
      const types = text(output, "[Content_Types].xml");
      for (const type of [
        ...elementsOf(text(input, "[Content_Types].xml"), "Default"),
        ...elementsOf(text(input, "[Content_Types].xml"), "Override"),
      ]) {
        expect(types).toContain(type);
      }

      // Styles only grow at the end of their lists: no index a cell of the person's uses moves.
      const before = text(input, "xl/styles.xml");
      const after = text(output, "xl/styles.xml");
      for (const container of [
        "numFmts",
        "fonts",
        "fills",
        "borders",
        "cellStyleXfs",
        "cellXfs",
        "cellStyles",
        "dxfs",
      ]) {
        const inner = (xml: string) => {
          const [element] = elementsOf(xml, container);
          return element === undefined || element.endsWith("/>")
            ? ""
            : element.slice(element.indexOf(">") + 1, -`</${container}>`.length);
        };
        expect({ container, grown: inner(after).startsWith(inner(before)) }).toEqual({
          container,
          grown: true,
        });
      }

      // The task sheet: its rows byte for byte, and after them only the one conditional format inserted.
      const original = splitSheet(input.get(taskPart)!);
      const checked = splitSheet(output.get(taskPart)!);
      expect(sameBytes(checked.head, original.head)).toBe(true);
      const blocks = dubanBlocks(checked.tail);
      expect(blocks).toHaveLength(1);
      expect(checked.tail.replace(blocks[0]!, "")).toBe(original.tail);
      // Where the schema puts it: after the merged cells, before data validation, print setup and drawings.
      const at = checked.tail.indexOf(blocks[0]!);
      for (const earlier of ["</mergeCells>", "<autoFilter", "<sheetProtection"]) {
        if (checked.tail.includes(earlier)) expect(checked.tail.indexOf(earlier)).toBeLessThan(at);
      }
      for (const later of [
        "<dataValidations",
        "<hyperlinks",
        "<pageMargins",
        "<pageSetup",
        "<drawing",
        "<legacyDrawing",
      ]) {
        if (checked.tail.includes(later)) expect(checked.tail.indexOf(later)).toBeGreaterThan(at);
      }
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Generated sheets and their names
// ---------------------------------------------------------------------------------------------

describe("generated sheets", () => {
  test("a user sheet named 汇总 is untouched, and the generated summary is called 汇总 (2)", () => {
    const input = partsOf(RICH.input);
    const output = partsOf(RICH.checked);
    const user = sheetsOf(input).find((s) => s.name === RICH_USER_SUMMARY)!;
    expect(sheetsOf(output).find((s) => s.name === RICH_USER_SUMMARY)).toEqual(user);
    expect(sameBytes(output.get(user.part), input.get(user.part))).toBe(true);
    const generated = recordOf(output).generated;
    expect(generated.find((g) => g.kind === "summary")?.name).toBe(`${RICH_USER_SUMMARY} (2)`);
    const summaryPart = sheetPart(output, `${RICH_USER_SUMMARY} (2)`);
    expect(summaryPart).not.toBe(user.part);
    expect(input.has(summaryPart)).toBe(false);
    // Without a sheet of the person's in the way, the summary has its own name.
    expect(recordOf(partsOf(SAMPLE.checked)).generated.find((g) => g.kind === "summary")?.name).toBe("汇总");
  });

  test.each(BOOKS.map((b) => [b.name, b] as const))(
    "%s: the generated sheets and the two very hidden ones are added after the person's, once each",
    (_, b) => {
      const input = sheetsOf(partsOf(b.input));
      const output = sheetsOf(partsOf(b.checked));
      const generated = recordOf(partsOf(b.checked)).generated;
      expect(generated.map((g) => g.kind).sort()).toEqual([
        "history",
        "issues",
        "notices",
        "progress",
        "ranking",
        "summary",
      ]);
      expect(output.map((s) => s.name)).toEqual([
        ...input.map((s) => s.name),
        ...generated.map((g) => g.name),
        MARKS,
        RECORD,
      ]);
      expect(output.slice(input.length).map((s) => s.state)).toEqual([
        ...generated.map(() => "visible"),
        "veryHidden",
        "veryHidden",
      ]);
    },
  );

  test("text that looks like a formula is an inline string on the issues and notices sheets, never a formula", () => {
    const parts = partsOf(RICH.checked);
    const generated = recordOf(parts).generated;
    for (const kind of ["issues", "notices"]) {
      const xml = text(parts, sheetPart(parts, generated.find((g) => g.kind === kind)!.name));
      expect(xml).not.toMatch(/<f[\s>]/);
      for (const task of FORMULA_LIKE_TASKS) {
        const literal = task.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
        expect(xml).toMatch(
          new RegExp(`t="inlineStr"><is><t(?: xml:space="preserve")?>${literal}</t></is></c>`),
        );
      }
    }
    // No generated sheet holds a formula at all.
    for (const g of generated) expect(text(parts, sheetPart(parts, g.name))).not.toMatch(/<f[\s>]/);
  });
});

// ---------------------------------------------------------------------------------------------
// Highlights
// ---------------------------------------------------------------------------------------------

interface Rule {
  readonly formula: string;
  readonly fill: string;
  readonly text: string;
}

/** The task sheet's Duban block: its range and its rules in priority order, with the colours each shows. */
function highlightRules(parts: Parts, taskSheet: string): { sqref: string; rules: Rule[] } {
  const { tail } = splitSheet(parts.get(sheetPart(parts, taskSheet))!);
  const blocks = dubanBlocks(tail);
  expect(blocks).toHaveLength(1);
  const block = blocks[0]!;
  const [dxfs] = elementsOf(text(parts, "xl/styles.xml"), "dxfs");
  const dxfList = elementsOf(dxfs ?? "", "dxf");
  const rules = elementsOf(block, "cfRule")
    .sort((a, b) => Number(attr(a, "priority")) - Number(attr(b, "priority")))
    .map((rule) => {
      const dxf = dxfList[Number(attr(rule, "dxfId"))]!;
      return {
        formula: unescapeXml(/<formula>([^<]*)<\/formula>/.exec(rule)![1]!),
        fill: /<fill>[\s\S]*?<bgColor rgb="([0-9A-F]{8})"/.exec(dxf)?.[1] ?? "",
        text: /<font>[\s\S]*?<color rgb="([0-9A-F]{8})"/.exec(dxf)?.[1] ?? "",
      };
    });
  return { sqref: attr(/^<conditionalFormatting\b[^>]*>/.exec(block)![0], "sqref")!, rules };
}

/**
 * Cell → the colours its rules show, as a spreadsheet evaluates them over the cells written (the first rule
 * by priority that holds), for every cell of the range.
 */
function shownColours(parts: Parts, taskSheet: string): Map<string, { fill: string; text: string }> {
  const { sqref, rules } = highlightRules(parts, taskSheet);
  const task = cellsOf(parts, sheetPart(parts, taskSheet));
  const marks = cellsOf(parts, sheetPart(parts, MARKS));
  const [from, to] = sqref.split(":").map(address);
  const ref = (row: number, column: number) => `${columnName(column + 1)}${row + 1}`;
  const cells = {
    text: (row: number, column: number) => task.get(ref(row, column)) ?? "",
    list: (sheet: string, column: number, first: number, last: number) => {
      expect(sheet).toBe(MARKS);
      return Array.from({ length: last - first + 1 }, (_, i) => marks.get(ref(first + i, column)) ?? "");
    },
  };
  const shown = new Map<string, { fill: string; text: string }>();
  for (let row = from!.row; row <= to!.row; row++)
    for (let column = from!.column; column <= to!.column; column++) {
      const rule = rules.find((r) =>
        keyedRuleHolds(r.formula, row - from!.row, column - from!.column, cells),
      );
      if (rule) shown.set(ref(row - 1, column - 1), { fill: rule.fill, text: rule.text });
    }
  return shown;
}

/** 1 → A, 27 → AA */
function columnName(n: number): string {
  let name = "";
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) name = String.fromCharCode(65 + ((k - 1) % 26)) + name;
  return name;
}

function kindOf(rule: string): Kind {
  return rule === "overdue"
    ? "overdue"
    : rule === "due-soon"
      ? "dueSoon"
      : rule === "done-late"
        ? "doneLate"
        : "data";
}

/** Cell -> the colour its findings give it, the most urgent winning. */
function expectedMarks(report: Report, taskSheet: string): Map<string, Kind> {
  const marks = new Map<string, Kind>();
  for (const issue of report.issues) {
    if (issue.sheet !== taskSheet || !issue.cell) continue;
    const kind = kindOf(issue.rule);
    const before = marks.get(issue.cell);
    if (!before || URGENCY.indexOf(kind) < URGENCY.indexOf(before)) marks.set(issue.cell, kind);
  }
  return marks;
}

describe("highlights", () => {
  test.each(BOOKS.map((b) => [b.name, b] as const))(
    "%s: one conditional format over the table whose rules colour exactly the flagged cells, in the SPEC's colours",
    (_, b) => {
      const parts = partsOf(b.checked);
      const report = reportOf(b);
      const { sqref, rules } = highlightRules(parts, b.taskSheet);
      const expected = expectedMarks(report, b.taskSheet);
      expect(expected.size).toBeGreaterThan(0);

      // The range covers the table: every column of it, every task row, nothing above the header.
      const [from, to] = sqref.split(":").map(address);
      const lastColumn = Math.max(...Object.values(report.columns).map((c) => address(`${c}1`).column));
      expect(from!.column).toBe(1);
      expect(to!.column).toBe(lastColumn);
      // It starts right under the header: the header itself is never coloured.
      expect(from!.row).toBe(report.headerRow + 1);
      if (b === RICH) {
        expect(from!.row).toBe(RICH_FIRST_TASK_ROW);
        expect(to).toEqual({ row: RICH_LAST_TASK_ROW, column: RICH_HEADER.length });
      }

      // Each flagged cell shows its kind's colours, every other cell none; all four kinds are there.
      const shown = shownColours(parts, b.taskSheet);
      const want = new Map(
        [...expected].map(([cell, kind]) => [
          cell,
          { fill: `FF${DEFAULT_COLOURS[kind].fill}`, text: `FF${DEFAULT_COLOURS[kind].text}` },
        ]),
      );
      expect(new Map([...shown].sort())).toEqual(new Map([...want].sort()));
      expect(new Set(expected.values())).toEqual(new Set(URGENCY));
      expect(rules).toHaveLength(4);
    },
  );

  test("a settings file that changes the overdue colour changes its format, and only that one", async () => {
    const config = file("colours.json");
    writeFileSync(config, JSON.stringify({ colors: { overdue: { fill: "00B0F0", text: "002060" } } }));
    const out = file("rich-colours.xlsx");
    await check(RICH.input, out, "--config", config);
    const shown = shownColours(partsOf(out), RICH_TASK_SHEET);
    const colours = { ...DEFAULT_COLOURS, overdue: { fill: "00B0F0", text: "002060" } };
    const expected = expectedMarks(reportOf(RICH), RICH_TASK_SHEET);
    expect(shown.size).toBe(expected.size);
    for (const [cell, kind] of expected) {
      expect({ cell, ...shown.get(cell) }).toEqual({
        cell,
        fill: `FF${colours[kind].fill}`,
        text: `FF${colours[kind].text}`,
      });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Idempotence and undo
// ---------------------------------------------------------------------------------------------

describe("idempotence and undo", () => {
  test.each(BOOKS.map((b) => [b.name, b] as const))(
    "%s: checking the checked copy again (same as-of) gives the same parts, byte for byte",
    async (_, b) => {
      // Under the input's own name: the generated sheets name the file they were made from.
      const again = path.join(dir, "again", path.basename(b.input));
      mkdirSync(path.dirname(again), { recursive: true });
      copyFileSync(b.checked, again);
      const twice = file(`${b.name}-twice.xlsx`);
      await check(again, twice);
      expect(differingParts(partsOf(twice), partsOf(b.checked))).toEqual([]);
    },
  );

  test.each(BOOKS.map((b) => [b.name, b] as const))(
    "%s: clearing the checked copy gives back the input's parts, byte for byte",
    async (_, b) => {
      const cleared = file(`${b.name}-cleared.xlsx`);
      await clear(b.checked, cleared);
      expect(differingParts(partsOf(cleared), partsOf(b.input))).toEqual([]);
      // And clearing a workbook Duban never wrote to changes nothing.
      const untouched = file(`${b.name}-cleared-unchecked.xlsx`);
      await clear(b.input, untouched);
      expect(differingParts(partsOf(untouched), partsOf(b.input))).toEqual([]);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Notices
// ---------------------------------------------------------------------------------------------

const noticesDir = file("notices");
const openByUnit = () => {
  const units = new Map<string, string[]>();
  for (const t of RICH_TASKS) {
    if (t.unit === "" || t.done) continue;
    units.set(t.unit, [...(units.get(t.unit) ?? []), t.task]);
  }
  return units;
};

describe("notices", () => {
  test("one file per unit with open work, each opening with ExcelJS, holding only that unit's tasks, made to be answered", async () => {
    rmSync(noticesDir, { recursive: true, force: true });
    const { code, stderr, stdout } = await run([
      "notices",
      RICH.input,
      "--as-of",
      AS_OF,
      "--out-dir",
      noticesDir,
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    const open = openByUnit();
    expect(open.has(RICH_UNIT_ALL_DONE)).toBe(false);
    const files = readdirSync(noticesDir).sort();
    expect(files).toEqual([...open.keys()].map((unit) => `督办单-${unit}.xlsx`).sort());
    for (const name of files) expect(stdout).toContain(name);

    for (const [unit, tasks] of open) {
      const bytes = readFileSync(path.join(noticesDir, `督办单-${unit}.xlsx`));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
      // The notice, and its record very hidden beside it.
      expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
        ["督办单", "visible"],
        ["_duban_notice", "veryHidden"],
      ]);
      // ExcelJS, another reader, sees the protection and the two checks on what the unit types.
      const notice = wb.worksheets[0]! as unknown as {
        sheetProtection?: { sheet?: boolean };
        dataValidations: { model: Record<string, { type: string }> };
      };
      expect(notice.sheetProtection).toMatchObject({ sheet: true });
      const checks = Object.values(notice.dataValidations.model);
      expect(new Set(checks.map((c) => c.type))).toEqual(new Set(["list", "date"]));
      const values = new Set<string>();
      wb.worksheets[0]!.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === "string") values.add(cell.value);
        }),
      );
      const others = RICH_TASKS.filter((t) => t.unit !== unit || t.done).map((t) => t.task);
      expect({ unit, missing: tasks.filter((t) => !values.has(t)) }).toEqual({ unit, missing: [] });
      expect({ unit, foreign: others.filter((t) => values.has(t)) }).toEqual({ unit, foreign: [] });
      expect([...values].some((v) => v.includes(unit))).toBe(true);
      // Formula-looking tasks are text here too.
      const parts = new Map(Object.entries(unzipSync(new Uint8Array(bytes))));
      for (const part of [...parts.keys()].filter((p) => p.startsWith("xl/worksheets/"))) {
        expect(text(parts, part)).not.toMatch(/<f[\s>]/);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// --out: whole or not at all
// ---------------------------------------------------------------------------------------------

describe("--out is written whole or not at all", () => {
  const failDir = file("fail");
  const listing = (folder: string): string[] =>
    readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory()
        ? [`${entry.name}/`, ...listing(path.join(folder, entry.name)).map((n) => `${entry.name}/${n}`)]
        : [entry.name],
    );

  beforeAll(() => {
    rmSync(failDir, { recursive: true, force: true });
    mkdirSync(path.join(failDir, "a-folder"), { recursive: true });
    writeFileSync(path.join(failDir, "a-folder", "keep.txt"), "mine");
  });

  test.each([
    ["a target in a missing folder", () => path.join(failDir, "missing", "out.xlsx")],
    ["a directory as the target", () => path.join(failDir, "a-folder")],
  ])("%s: exit code 2, one line on stderr, no file and no temporary file left", async (_, target) => {
    const before = listing(dir);
    const { code, stderr } = await run(["check", RICH.input, "--as-of", AS_OF, "--out", target()]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^duban: [^\n]+\n$/);
    expect(listing(dir)).toEqual(before);
    expect(readFileSync(path.join(failDir, "a-folder", "keep.txt"), "utf8")).toBe("mine");
    expect(existsSync(path.join(failDir, "missing"))).toBe(false);
    const input = inputStats.get(RICH.input)!;
    expect(readFileSync(RICH.input).equals(input.bytes)).toBe(true);
    expect(statSync(RICH.input).mtimeMs).toBe(input.mtimeMs);
  });
});

// ---------------------------------------------------------------------------------------------
// LibreOffice: an independent reader of what Duban wrote
// ---------------------------------------------------------------------------------------------

/**
 * Runs one soffice conversion of several files (or of every sheet to its own CSV) with a throwaway profile;
 * returns what appeared in `outDir`. The shared helper expects one output named after the input.
 */
function soffice(
  binary: string,
  inputs: readonly string[],
  format: string,
  outDir: string,
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const before = new Set(readdirSync(outDir));
  const profile = mkdtempSync(path.join(tmpdir(), "lo-duban-"));
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    format,
    "--outdir",
    outDir,
    ...inputs,
  ];
  return new Promise<string[]>((resolve, reject) => {
    execFile(binary, args, { timeout: 180_000, killSignal: "SIGKILL" }, (error, _stdout, stderr) => {
      rmSync(profile, { recursive: true, force: true });
      if (error) reject(new Error(`soffice failed: ${error.message}\n${stderr}`));
      else
        resolve(
          readdirSync(outDir)
            .filter((name) => !before.has(name))
            .map((name) => path.join(outDir, name)),
        );
    });
  });
}

function expectPdf(file: string): void {
  const bytes = readFileSync(file);
  expect(bytes.length).toBeGreaterThan(1000);
  expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
}

const PDFTOPPM = ["/usr/bin/pdftoppm", "/usr/local/bin/pdftoppm"].find((candidate) => existsSync(candidate));

/** How many pixels of each colour the PDF's pages show, rendered at a low resolution (pdftoppm). */
async function countColours(pdf: string, colours: Record<string, string>): Promise<Record<string, number>> {
  const out = mkdtempSync(path.join(tmpdir(), "duban-ppm-"));
  try {
    await new Promise<void>((resolve, reject) =>
      execFile(PDFTOPPM!, ["-r", "36", pdf, path.join(out, "page")], (error) =>
        error ? reject(error) : resolve(),
      ),
    );
    const counts: Record<string, number> = Object.fromEntries(Object.keys(colours).map((k) => [k, 0]));
    const wanted = Object.entries(colours).map(([key, hex]) => [key, parseInt(hex, 16)] as const);
    for (const page of readdirSync(out)) {
      const ppm = readFileSync(path.join(out, page));
      // P6 <width> <height> <max>\n then RGB bytes.
      const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 40).toString("latin1"))!;
      for (let p = header[0].length; p + 2 < ppm.length; p += 3) {
        for (const [key, rgb] of wanted) {
          const near =
            Math.abs(ppm[p]! - (rgb >> 16)) <= 12 &&
            Math.abs(ppm[p + 1]! - ((rgb >> 8) & 0xff)) <= 12 &&
            Math.abs(ppm[p + 2]! - (rgb & 0xff)) <= 12;
          if (near) counts[key]! += 1;
        }
      }
    }
    return counts;
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** A cell as LibreOffice wrote it back, to compare: value and look. */
function cellLook(cell: ExcelJS.Cell): string {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  // A solid fill shows only its foreground; LibreOffice writes a background picked from the workbook's
  // palette, which the added styles change.
  const shownFill =
    fill?.type === "pattern" && fill.pattern === "solid" ? { ...fill, bgColor: undefined } : fill;
  return JSON.stringify([cell.value, cell.font, shownFill, cell.border, cell.numFmt, cell.alignment]);
}

async function loadXlsx(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every difference between the person's sheets in two LibreOffice conversions (first few of each sheet). */
function sheetDifferences(before: ExcelJS.Workbook, after: ExcelJS.Workbook): string[] {
  const differences: string[] = [];
  for (const a of before.worksheets) {
    const b = after.getWorksheet(a.name);
    if (!b) {
      differences.push(`${a.name}: missing`);
      continue;
    }
    const sheetLook = (ws: ExcelJS.Worksheet) =>
      JSON.stringify({
        state: ws.state,
        merges: [...(ws.model.merges ?? [])].sort(),
        widths: ws.columns?.map((c) => c.width) ?? [],
        views: ws.views,
        orientation: ws.pageSetup.orientation,
        printTitlesRow: ws.pageSetup.printTitlesRow,
      });
    if (sheetLook(a) !== sheetLook(b)) differences.push(`${a.name}: ${sheetLook(a)} != ${sheetLook(b)}`);
    let perSheet = 0;
    const rows = Math.max(a.rowCount, b.rowCount);
    const columns = Math.max(a.columnCount, b.columnCount);
    for (let r = 1; r <= rows; r++) {
      const heights = [a.findRow(r)?.height, b.findRow(r)?.height];
      if (heights[0] !== heights[1] && perSheet++ < 3)
        differences.push(`${a.name}!row ${r} height ${heights.join(" != ")}`);
      for (let c = 1; c <= columns; c++) {
        const [x, y] = [cellLook(a.getCell(r, c)), cellLook(b.getCell(r, c))];
        if (x !== y && perSheet++ < 3) differences.push(`${a.name}!${a.getCell(r, c).address}: ${x} != ${y}`);
      }
    }
  }
  return differences;
}

/** A CSV as LibreOffice writes it (comma, double quotes, UTF-8) into rows of fields. */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i]!;
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') ((field += '"'), i++);
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") (row.push(field), (field = ""));
    else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && csv[i + 1] === "\n") i++;
      row.push(field);
      rows.push(row);
      ((row = []), (field = ""));
    } else field += ch;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe("LibreOffice", () => {
  const loDir = file("libreoffice");

  testWithLibreOffice(
    "converts the checked copies to PDF; the chart and the image still render",
    async (bin) => {
      const pdfDir = path.join(loDir, "pdf");
      const pdfs = await soffice(bin, [RICH.input, RICH.checked, SAMPLE.checked], "pdf", pdfDir);
      expect(pdfs.map((p) => path.basename(p)).sort()).toEqual([
        "rich-checked.pdf",
        "rich.pdf",
        "sample-checked.pdf",
      ]);
      for (const pdf of pdfs) expectPdf(pdf);
      if (!PDFTOPPM) return; // poppler-utils not installed: the PDFs alone
      const colours = { chart: RICH_CHART_COLOUR, image: "C81E28" };
      const before = await countColours(path.join(pdfDir, "rich.pdf"), colours);
      const after = await countColours(path.join(pdfDir, "rich-checked.pdf"), colours);
      expect(before.chart).toBeGreaterThan(200);
      expect(before.image).toBeGreaterThan(50);
      expect(after).toEqual(before);
    },
  );

  testWithLibreOffice(
    "reads every cell of the person's sheets with the same value and look before and after the check",
    async (bin) => {
      for (const b of BOOKS) {
        const outDir = path.join(loDir, "xlsx", b.name);
        const [before, after] = await Promise.all([
          convertWithLibreOffice(bin, b.input, "xlsx", path.join(outDir, "input")),
          convertWithLibreOffice(bin, b.checked, "xlsx", path.join(outDir, "checked")),
        ]);
        const [x, y] = await Promise.all([loadXlsx(before), loadXlsx(after)]);
        expect(x.worksheets.map((w) => w.name)).toEqual(sheetNames(partsOf(b.input)));
        expect({ book: b.name, differences: sheetDifferences(x, y) }).toEqual({
          book: b.name,
          differences: [],
        });
      }
    },
  );

  testWithLibreOffice(
    "reads formula-looking task text as text on the generated sheets (CSV per sheet)",
    async (bin) => {
      const csvDir = path.join(loDir, "csv");
      const written = await soffice(
        bin,
        [RICH.checked],
        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
        csvDir,
      );
      const generated = recordOf(partsOf(RICH.checked)).generated;
      for (const kind of ["issues", "notices"]) {
        const name = generated.find((g) => g.kind === kind)!.name;
        const csv = written.find((f) => path.basename(f) === `rich-checked-${name}.csv`);
        expect({ kind, csv: csv !== undefined }).toEqual({ kind, csv: true });
        const fields = new Set(parseCsv(readFileSync(csv!, "utf8")).flat());
        for (const task of FORMULA_LIKE_TASKS)
          expect({ kind, task, found: fields.has(task) }).toEqual({ kind, task, found: true });
      }
    },
  );

  testWithLibreOffice(
    "a checked copy LibreOffice saved again (its own part names, shared strings): checking replaces, clear removes",
    async (bin) => {
      for (const b of BOOKS) {
        const resaved = await convertWithLibreOffice(
          bin,
          b.checked,
          "xlsx",
          path.join(loDir, "resaved", b.name),
        );
        const resavedParts = partsOf(resaved);
        // LibreOffice wrote it its own way: otherwise this would test nothing new.
        expect(text(resavedParts, "xl/workbook.xml")).not.toBe(text(partsOf(b.checked), "xl/workbook.xml"));
        const again = file(`${b.name}-resaved-checked.xlsx`);
        await check(resaved, again);
        const parts = partsOf(again);
        expect(sheetNames(parts)).toEqual(sheetNames(partsOf(b.checked)));
        expect(sheetNames(parts).filter((n) => n === MARKS || n === RECORD)).toEqual([MARKS, RECORD]);
        expect(
          sheetNames(parts).filter((n) => / \(\d+\)$/.test(n) && n !== `${RICH_USER_SUMMARY} (2)`),
        ).toEqual([]);
        // LibreOffice's copy of the highlight is replaced, not doubled.
        const { tail } = splitSheet(parts.get(sheetPart(parts, b.taskSheet))!);
        expect(dubanBlocks(tail)).toHaveLength(1);

        const cleared = file(`${b.name}-resaved-cleared.xlsx`);
        await clear(again, cleared);
        const clearedParts = partsOf(cleared);
        expect(sheetNames(clearedParts)).toEqual(sheetNames(partsOf(b.input)));
        expect(splitSheet(clearedParts.get(sheetPart(clearedParts, b.taskSheet))!).tail).not.toContain(MARKS);
        // Clearing LibreOffice's copy directly works as well.
        const direct = file(`${b.name}-resaved-cleared-direct.xlsx`);
        await clear(resaved, direct);
        expect(sheetNames(partsOf(direct))).toEqual(sheetNames(partsOf(b.input)));
      }
    },
  );

  testWithLibreOffice("opens every notice file and converts it to PDF", async (bin) => {
    if (!existsSync(noticesDir)) {
      const { code } = await run(["notices", RICH.input, "--as-of", AS_OF, "--out-dir", noticesDir]);
      expect(code).toBe(0);
    }
    const notices = readdirSync(noticesDir).map((name) => path.join(noticesDir, name));
    expect(notices.length).toBe(openByUnit().size);
    const pdfs = await soffice(bin, notices, "pdf", path.join(loDir, "notices"));
    expect(pdfs.map((p) => path.basename(p)).sort()).toEqual(
      notices.map((n) => path.basename(n).replace(/\.xlsx$/, ".pdf")).sort(),
    );
    for (const pdf of pdfs) expectPdf(pdf);
  });
});
