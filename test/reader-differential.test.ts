// Duban's workbook reader against ExcelJS, cell by cell, on every workbook we have; each difference is named below.

import { spawnSync, fork, type ChildProcess } from "node:child_process";
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { SaxesParser } from "saxes";
import { buildSampleWorkbook } from "../scripts/sample-workbook";
import { parseIsoDay } from "../src/core/day";
import {
  columnLetter,
  type CellValue,
  type ExcelTable,
  type SheetGrid,
  type WorkbookModel,
} from "../src/core/workbook";
import { readWorkbookBytes } from "../src/hosts/xlsx";
import { rangeRef } from "../src/hosts/xlsx/write/sheet";
import { recurringExcelWorkbook } from "./fixtures/recurring-workbook";
import { writeRichWorkbook } from "./fixtures/rich-workbook";
import { convertWithLibreOffice, findSoffice } from "./helpers/libreoffice";
import { PYTHON, pythonMissing, testRequiring } from "./helpers/package-checks";
import { CORPUS, corpusFiles } from "./helpers/corpus-files";
import { SWC_HOOK } from "./helpers/swc-hook";

const ROOT = path.resolve(__dirname, "..");
const WORK = path.join(__dirname, ".tmp/reader-differential");
const PRODUCERS_DIR = path.join(WORK, "producers");
/**
 * A guard against a read that hangs, not a measure of speed (the bench measures that): the slowest workbook
 * either reader finishes takes under 2 s here, and the two ExcelJS never finishes are not given to it at all
 * (see the work their entries count).
 */
const TIME_LIMIT_MS = 300_000;
/** Two runners on this 2-core machine. */
const RUNNERS = 2;

// ---------------------------------------------------------------------------------------------------------
// The differences, each investigated in the file's XML: in every one of them ExcelJS 4.4.0 is wrong, and a
// test fails when ExcelJS stops doing what is written here (an upgrade that fixes it takes the file back) or
// when Duban does not give the right value.

/** What happens when ExcelJS loads the whole file, where it does not give a workbook to compare. */
type FileOutcome =
  /**
   * Its work grows past any time we could wait for: ExcelJS is not run on the file; the test counts, in the
   * file, what that work grows with, and holds it to the size that makes ExcelJS's algorithm hopeless.
   */
  | { readonly exceljs: "does not finish"; readonly work: Work }
  /** It throws; `error` is part of its message, so that a different failure is noticed. */
  | { readonly exceljs: "throws"; readonly error: string }
  /** It resolves with a workbook that has no worksheets at all. */
  | { readonly exceljs: "sees no sheets" };

/** What ExcelJS's work on a file grows with, counted from Duban's reading of it or from its XML. */
interface Work {
  readonly what: string;
  readonly atLeast: number;
  readonly count: (file: string, model: WorkbookModel) => number;
}

type KnownFile = FileOutcome & {
  readonly input: string;
  /** Duban reads all but the files it refuses on purpose (MUST_REFUSE in corpus.test.ts). */
  readonly duban: "reads" | "refuses";
  readonly why: string;
};

interface KnownCell {
  readonly input: string;
  readonly sheet: string;
  readonly cell: string;
  /** What ExcelJS (through workbookModelFromExcelJs) gives. */
  readonly exceljs: CellValue;
  /** What the cell holds by the file's XML and the standard: Duban must give this. */
  readonly right: CellValue;
  readonly why: string;
}

const LITERAL_NAMES =
  "ExcelJS matches XML elements by their literal qualified name (its saxes parser runs without xmlns), so a part written with a prefix for SpreadsheetML's namespace, or with it as the default where ExcelJS expects a prefix, is not recognised; Namespaces in XML 1.0 makes the prefix a free choice, ECMA-376 Part 1 names elements by namespace";
const FIXED_PATHS =
  "ExcelJS never follows the package's relationships: it takes the parts named xl/workbook.xml and xl/worksheets/sheetN.xml, whatever the package says. In OPC (ECMA-376 Part 2) the officeDocument relationship in _rels/.rels names the workbook part, wherever it is, and the workbook's relationships name its sheets";
const ABSOLUTE_TARGETS =
  "ExcelJS looks a worksheet's related part up by the relative target Excel writes (../tables/table1.xml); this relationship targets /xl/… (an absolute path), which OPC (ECMA-376 Part 2) allows: a relationship's target is any relative reference, an absolute path among them; so the lookup finds nothing and ExcelJS crashes";
const FORMULA_RESULT_AS_NUMBER =
  "a formula cell typed inlineStr: ExcelJS parses every formula's cached result as a number unless t is str, b or e (cell-xform.js), and parseFloat of text is NaN; the cell's type says text and its value is that text";
const EMPTY_WORKBOOK =
  "ExcelJS does not refuse a file without a workbook part: it resolves with an empty workbook, where Duban says the file is not a workbook";

const KNOWN_FILES: readonly KnownFile[] = [
  {
    input: "corpus/poi/57893-many-merges.xlsx",
    duban: "reads",
    exceljs: "does not finish",
    work: {
      what: "merged ranges",
      atLeast: 40_000,
      count: (_, model) => model.sheets.reduce((n, sheet) => n + sheet.merges.length, 0),
    },
    why: "50,000 merged ranges: ExcelJS tests each new merge against every earlier one (worksheet.js _mergeCellsInternal), 1.25 billion range tests; still running after 150 s",
  },
  {
    input: "corpus/exceljs/test-issue-1842.xlsx",
    duban: "reads",
    exceljs: "does not finish",
    work: { what: "cells under data validations", atLeast: 1e9, count: (file) => validatedCells(file) },
    why: "a data validation over A1:XFD1048576: ExcelJS expands its sqref into one entry per cell (data-validations-xform.js), 17 billion of them",
  },
  {
    input: "corpus/calamine/richtext-namespaced.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "setting 'sheetNo'",
    why: `its parts are written as <x:worksheet>, <x:sst>: ${LITERAL_NAMES}`,
  },
  {
    input: "corpus/poi/InlineString.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "setting 'sheetNo'",
    why: `its worksheet is written as <x:worksheet>: ${LITERAL_NAMES}`,
  },
  {
    input: "corpus/poi/59021.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "reading 'sheets'",
    why: `its workbook part is written as <x:workbook>: ${LITERAL_NAMES}`,
  },
  {
    input: "corpus/poi/59746_NoRowNums.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "reading 'sheets'",
    why: `its workbook part is written as <x:workbook>: ${LITERAL_NAMES}`,
  },
  {
    input:
      "corpus/poi/craftonhills.edu_programreview_report.aspx_goalpriorityreport_0011d159-1eeb-4b63-8833-867b0926e5f3.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "reading 'sheets'",
    why: `its workbook part is written as <x:workbook>: ${LITERAL_NAMES}`,
  },
  {
    input: "corpus/poi/58760.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "Unexpected xml node in parseOpen",
    why: `its relationship parts are written as <ns0:Relationships>: ${LITERAL_NAMES}`,
  },
  {
    input: "corpus/poi/style-alternate-content.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "reading 'company'",
    why: `docProps/app.xml is written as <ep:Properties>, and ExcelJS fails on the document properties, which carry no cells: ${LITERAL_NAMES}`,
  },
  {
    input: "corpus/calamine/nonstandard-xml-ns-prefix.xlsx",
    duban: "reads",
    exceljs: "sees no sheets",
    why: "the sheet's relationship id is written ns:id with ns bound to the relationships namespace: ExcelJS reads the attribute r:id by its literal name and drops the sheet (Namespaces in XML 1.0: the prefix is the writer's choice)",
  },
  {
    input: "corpus/calamine/minimal_package.xlsx",
    duban: "reads",
    exceljs: "sees no sheets",
    why: `the workbook is /workbook.xml and its sheet /sheet1.xml, at the package's root: ${FIXED_PATHS}`,
  },
  {
    input: "corpus/sheetjs/wtf_path.xlsx",
    duban: "reads",
    exceljs: "sees no sheets",
    why: `the workbook is wtf/workbook.xml: ${FIXED_PATHS}`,
  },
  {
    input: "corpus/calamine/table_with_absolute_paths.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "reading 'name'",
    why: `the sheet's table: ${ABSOLUTE_TARGETS}`,
  },
  {
    input: "producers/openpyxl-table.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "reading 'name'",
    why: `openpyxl relates the sheet to /xl/tables/table1.xml: ${ABSOLUTE_TARGETS}`,
  },
  {
    input: "producers/openpyxl-validation.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "reading 'comments'",
    why: `openpyxl relates the sheet to /xl/comments/comment1.xml: ${ABSOLUTE_TARGETS}`,
  },
  {
    input: "producers/openpyxl-chart.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "reading 'anchors'",
    why: `openpyxl writes its drawing as <wsDr xmlns="…spreadsheetDrawing">, and ExcelJS knows only <xdr:wsDr>: ${LITERAL_NAMES}`,
  },
  {
    input: "corpus/poi/56278.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "Invalid row number in model",
    why: "its rows and cells carry no r attribute, which CT_Row and CT_Cell make optional (ECMA-376 Part 1 18.3.1.73, 18.3.1.4: each follows the one before); ExcelJS requires it",
  },
  {
    input: "corpus/poi/61281.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "setting 'filterButton'",
    why: "an XML-mapped table: ExcelJS's table reader does not expect a tableColumn to have an xmlColumnPr child (CT_TableColumn, ECMA-376 Part 1), loses the columns and crashes",
  },
  {
    input: "corpus/poi/xxe_in_schema.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "setting 'filterButton'",
    why: "an XML-mapped table: ExcelJS's table reader does not expect a tableColumn to have an xmlColumnPr child (CT_TableColumn, ECMA-376 Part 1), loses the columns and crashes",
  },
  {
    input: "corpus/poi/BrNotClosed.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "unexpected close tag",
    why: "the legacy VML drawing of a note has HTML-style <br> without a close tag, as Excel's VML does; ExcelJS parses VML as XML and gives up the whole workbook over a note's shape, which carries no cells (Duban does not read VML)",
  },
  {
    input: "corpus/exceljs/missing-bits.xlsx",
    duban: "refuses",
    exceljs: "sees no sheets",
    why: `a zip with neither [Content_Types].xml nor a workbook part: ${EMPTY_WORKBOOK}`,
  },
  {
    input: "corpus/poi/openxml4j/invalid.xlsx",
    duban: "refuses",
    exceljs: "sees no sheets",
    why: `22 bytes, not a zip at all: ${EMPTY_WORKBOOK}`,
  },
  {
    input: "corpus/roo/Pfand_from_windows_phone.xlsx",
    duban: "reads",
    exceljs: "throws",
    error: "disallowed character",
    why: "Excel on Windows Phone wrote every part in UTF-16LE with a byte order mark, which OPC allows (ECMA-376 Part 2, 8.1.4) and roo's own test reads; ExcelJS's parser takes the bytes as UTF-8 and stops at the first NUL",
  },
  {
    input: "corpus/poi/49609.xlsx",
    duban: "reads",
    exceljs: "sees no sheets",
    why: `its zip entries are named with backslashes (xl\\workbook.xml, _rels\\.rels), which the ZIP format forbids (APPNOTE 4.4.17.1) but Excel reads as folders, as Duban does (and POI, calamine, PhpSpreadsheet); JSZip finds no _rels/.rels, and ExcelJS resolves with an empty workbook`,
  },
  {
    input: "corpus/calamine/issue_530.xlsx",
    duban: "reads",
    exceljs: "sees no sheets",
    why: `its zip entries are named with backslashes (docProps\\app.xml, _rels\\.rels …), as in poi/49609.xlsx (a Chinese attendance report that its reporter opened in Excel)`,
  },
];

/** Duban refuses these on purpose and ExcelJS reads them: ExcelJS is wrong to read them. */
const READ_THOUGH_DAMAGED: readonly { readonly input: string; readonly why: string }[] = [
  {
    input: "corpus/poi/clusterfuzz-testcase-minimized-POIXSSFFuzzer-5937385319563264.xlsx",
    why: "xl/worksheets/sheet8.xml inflates to data whose CRC-32 is not the one its zip entry declares (`unzip -t`: bad CRC): JSZip checks no CRC unless asked, so ExcelJS reads a damaged part as if it were sound",
  },
  ...["duplicate-filename", "duplicate-filename-case-insensitive"].map((name) => ({
    input: `corpus/poi/${name}.xlsx`,
    why: "two zip entries for one part, which OPC forbids (M1.12): ExcelJS reads one of them without a word, though other programs show the other",
  })),
];

const KNOWN_CELLS: readonly KnownCell[] = [
  ...["A1:Hello CDATA", "B1:World", "A2:12345"].map((entry): KnownCell => {
    const [cell, text] = entry.split(":") as [string, string];
    return {
      input: "corpus/calamine/inlineStr_cdata.xlsx",
      sheet: "Sheet1",
      cell,
      exceljs: null,
      right: text,
      why: "the inline string is a CDATA section (<t><![CDATA[…]]></t>), which is character data (XML 1.0 2.7); ExcelJS listens to its parser's text events only and drops it",
    };
  }),
  {
    input: "corpus/poi/52575_main.xlsx",
    sheet: "Tabelle1",
    cell: "A2",
    exceljs: NaN,
    right: "POI rocks!",
    why: `<c t="inlineStr"><f>…</f><v>POI rocks!</v></c>, written by LibreOffice: ${FORMULA_RESULT_AS_NUMBER}`,
  },
  {
    input: "corpus/sheetjs/xlsx-stream-d-date-cell.xlsx",
    sheet: "Sheet1",
    cell: "B11",
    exceljs: NaN,
    right: "String1",
    why: `<c t="inlineStr"><f>CONCATENATE(A1,B2)</f><is><t>String1</t></is></c>: ${FORMULA_RESULT_AS_NUMBER}`,
  },
  {
    input: "corpus/sheetjs/xlsx-stream-d-date-cell.xlsx",
    sheet: "Sheet1",
    cell: "B5",
    exceljs: { day: -23555 }, // 1905-07-06
    right: { day: 16115 }, // 2014-02-14
    why: '<c t="d"><v>2014-02-14T08:27:48.765Z</v></c> is a date in ISO 8601 (ECMA-376 Part 1 18.18.11 ST_CellType d); ExcelJS has no case for t="d", parses the text as the number 2014 and shows that serial as a date in 1905',
  },
  {
    input: "corpus/poi/60289.xlsx",
    sheet: "TABLE",
    cell: "B2",
    exceljs: "Rich Text_x000d_\nTest",
    right: "Rich Text\r\nTest",
    why: "an inline string with _x000d_, the escape of a carriage return (ECMA-376 Part 1 22.9.2.19 ST_Xstring): ExcelJS decodes the escape only in shared strings, and only with upper-case hex digits. (The literal CR LF after it is one line feed to every XML parser: XML 1.0 2.11)",
  },
];

/** Inputs whose comparison fails because Duban is wrong; each is an `it.failing` until the reader is fixed. */
const DUBAN_BUGS: ReadonlySet<string> = new Set<string>();

// ---------------------------------------------------------------------------------------------------------
// The inputs

/** Input name (as in the tables above) to file. */
const inputs = new Map<string, string>();
for (const name of corpusFiles()) inputs.set(`corpus/${name}`, path.join(CORPUS, name));

const NO_OPENPYXL = pythonMissing(["openpyxl"]);
const soffice = findSoffice();
/** Producers make-producers.py could not make here, with its reason. */
const notMade = new Map<string, string>();

// The producer matrix is made now, while the tests are collected, so that each producer it made is a test of
// its own and each it could not make is skipped (or failed under CI) with its reason.
rmSync(WORK, { recursive: true, force: true });
mkdirSync(PRODUCERS_DIR, { recursive: true });
if (NO_OPENPYXL === undefined) {
  const maker = path.join(__dirname, "producers/make-producers.py");
  const table = path.join(__dirname, "producers/table.json");
  const result = spawnSync(PYTHON, [maker, table, PRODUCERS_DIR], {
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, PYTHONIOENCODING: "utf-8" },
  });
  if (result.status !== 0) throw new Error(`make-producers.py failed: ${result.error ?? result.stderr}`);
  const report = JSON.parse(result.stdout) as {
    made: Record<string, string>;
    failed: Record<string, string>;
  };
  for (const [name, file] of Object.entries(report.made)) inputs.set(`producers/${name}.xlsx`, file);
  for (const [name, reason] of Object.entries(report.failed)) notMade.set(`producers/${name}.xlsx`, reason);
  // LibreOffice's own save of openpyxl's file, as producers.test.ts makes it (in beforeAll: it is async).
  const libreOfficeMissing = soffice ? undefined : "LibreOffice (soffice) is not installed";
  if (libreOfficeMissing) notMade.set("producers/libreoffice.xlsx", libreOfficeMissing);
  else if (!report.made["openpyxl-plain"])
    notMade.set("producers/libreoffice.xlsx", "no openpyxl-plain.xlsx");
  else inputs.set("producers/libreoffice.xlsx", path.join(PRODUCERS_DIR, "libreoffice.xlsx"));
}
inputs.set("sample.xlsx", path.join(WORK, "sample.xlsx"));
inputs.set("fixtures/recurring.xlsx", path.join(WORK, "recurring.xlsx"));
inputs.set("fixtures/rich.xlsx", path.join(WORK, "rich.xlsx"));

async function writeGeneratedInputs(): Promise<void> {
  const asOf = parseIsoDay("2026-11-18")!;
  const resave = async () => {
    const file = inputs.get("producers/libreoffice.xlsx");
    if (!file || !soffice) return;
    const out = path.join(WORK, "libreoffice");
    mkdirSync(out, { recursive: true });
    renameSync(
      await convertWithLibreOffice(soffice, path.join(PRODUCERS_DIR, "openpyxl-plain.xlsx"), "xlsx", out),
      file,
    );
  };
  await Promise.all([
    resave(),
    buildSampleWorkbook(asOf)
      .xlsx.writeBuffer()
      .then((buffer) => writeFileSync(inputs.get("sample.xlsx")!, new Uint8Array(buffer))),
    recurringExcelWorkbook()
      .xlsx.writeBuffer()
      .then((buffer) => writeFileSync(inputs.get("fixtures/recurring.xlsx")!, new Uint8Array(buffer))),
    writeRichWorkbook(inputs.get("fixtures/rich.xlsx")!),
  ]);
}

// ---------------------------------------------------------------------------------------------------------
// Both readers in child processes: a hang in synchronous code (ExcelJS's, or one of Duban's) cannot be stopped
// in this process, a child can be killed. The child compiles TypeScript with swc as jest does.

type Reader = "duban" | "exceljs";

type ReadOutcome =
  | { readonly kind: "model"; readonly model: WorkbookModel }
  /** Duban's WorkbookInputError: the file refused with a reason. */
  | { readonly kind: "refused"; readonly detail: string }
  /** Any other exception. */
  | { readonly kind: "threw"; readonly detail: string }
  | { readonly kind: "does not finish"; readonly detail: string }
  /**
   * No answer within TIME_LIMIT_MS: the hang guard, never taken for a reader's known behaviour (a table entry
   * of ExcelJS's that does not finish is counted by its work, not timed), always a failure.
   */
  | { readonly kind: "hung"; readonly detail: string };

const WORKER_SOURCE = `${SWC_HOOK}
const path = require("node:path");
const { Workbook } = require(${JSON.stringify(require.resolve("exceljs"))});
const { workbookModelFromExcelJs } = require(${JSON.stringify(path.join(__dirname, "helpers/exceljs-model.ts"))});
const { readWorkbookBytes, WorkbookInputError } = require(${JSON.stringify(path.join(ROOT, "src/hosts/xlsx/index.ts"))});
async function read(reader, file) {
  const bytes = fs.readFileSync(file);
  if (reader === "duban") return readWorkbookBytes(new Uint8Array(bytes), path.basename(file));
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes);
  return workbookModelFromExcelJs(workbook, path.basename(file));
}
process.on("message", ({ reader, file }) => {
  read(reader, file).then(
    (model) => process.send({ kind: "model", model }),
    (error) =>
      process.send({
        kind: error instanceof WorkbookInputError ? "refused" : "threw",
        detail: String((error && error.message) || error),
      }),
  );
});
process.send({ ready: true });
`;

class Runner {
  private child: ChildProcess | undefined;
  private stderr = "";

  constructor(private readonly script: string) {}

  private async start(): Promise<ChildProcess> {
    // "advanced" keeps what JSON would lose: NaN, and holes in the rows.
    const child = fork(this.script, [], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      execArgv: [],
      serialization: "advanced",
    });
    this.stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    child.on("error", () => undefined); // A send to a child that has just died; its "exit" tells.
    // A child that dies between two reads must not be sent the next one.
    child.on("exit", () => {
      if (this.child === child) this.child = undefined;
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`reader child did not start: ${this.stderr}`)),
          120_000,
        );
        child.once("message", () => {
          clearTimeout(timer);
          resolve();
        });
        child.once("exit", (code) =>
          reject(new Error(`reader child exited (${code}) on start: ${this.stderr}`)),
        );
      });
    } catch (error) {
      child.kill("SIGKILL");
      throw error;
    }
    this.child = child;
    return child;
  }

  async read(reader: Reader, file: string): Promise<ReadOutcome> {
    const child = this.child ?? (await this.start());
    return new Promise<ReadOutcome>((resolve) => {
      const onMessage = (message: ReadOutcome) => finish(message);
      const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
        const detail = `the child died (${signal ?? code}): ${this.stderr.slice(-500)}`;
        // V8 gives up on a heap that keeps growing before the time limit on some machines: the same hang.
        const outOfMemory = /heap out of memory/i.test(this.stderr);
        finish({ kind: outOfMemory ? "does not finish" : "threw", detail });
      };
      const finish = (outcome: ReadOutcome) => {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        this.stop();
        finish({ kind: "hung", detail: `no answer within ${TIME_LIMIT_MS / 1000} s` });
      }, TIME_LIMIT_MS);
      child.on("message", onMessage);
      child.on("exit", onExit);
      child.send({ reader, file });
    });
  }

  stop(): void {
    this.child?.kill("SIGKILL");
    this.child = undefined;
  }
}

const outcomes = new Map<string, { duban: ReadOutcome; exceljs: ReadOutcome }>();

beforeAll(async () => {
  await writeGeneratedInputs();
  const script = path.join(WORK, "reader.js");
  writeFileSync(script, WORKER_SOURCE);
  // ExcelJS is not given the files it never finishes: their entries count the work instead.
  const hopeless = new Set(KNOWN_FILES.filter((k) => k.exceljs === "does not finish").map((k) => k.input));
  const jobs = [...inputs.keys()].flatMap((input) =>
    (["exceljs", "duban"] as const)
      .filter((reader) => reader === "duban" || !hopeless.has(input))
      .map((reader) => ({ input, reader })),
  );
  const results = new Map<string, Partial<Record<Reader, ReadOutcome>>>();
  const runners = Array.from({ length: RUNNERS }, () => new Runner(script));
  let next = 0;
  try {
    await Promise.all(
      runners.map(async (runner) => {
        while (next < jobs.length) {
          const { input, reader } = jobs[next++]!;
          const outcome = await runner.read(reader, inputs.get(input)!);
          results.set(input, { ...results.get(input), [reader]: outcome });
        }
      }),
    );
  } finally {
    for (const runner of runners) runner.stop();
  }
  for (const [input, { duban, exceljs }] of results) {
    outcomes.set(input, {
      duban: duban!,
      exceljs: exceljs ?? { kind: "does not finish", detail: "not run: its work is counted instead" },
    });
  }
  writeFileSync(path.join(WORK, "summary.json"), `${JSON.stringify(summary(), null, 2)}\n`);
}, 600_000);

/** How many cells the data validations of a workbook's worksheets cover, from their sqref attributes. */
function validatedCells(file: string): number {
  let cells = 0;
  const parts = unzipSync(readFileSync(file), {
    filter: (entry) => /^xl\/worksheets\/[^/]+\.xml$/.test(entry.name),
  });
  for (const data of Object.values(parts)) {
    const parser = new SaxesParser({ xmlns: true });
    parser.on("opentag", (tag) => {
      if (tag.local !== "dataValidation") return;
      for (const ref of String(tag.attributes.sqref?.value ?? "").split(/\s+/)) {
        const [from, to = from] = ref.split(":");
        const a = cellOf(from ?? "");
        const b = cellOf(to ?? "");
        if (a && b) cells += (Math.abs(b.row - a.row) + 1) * (Math.abs(b.column - a.column) + 1);
      }
    });
    parser.write(new TextDecoder().decode(data)).close();
  }
  return cells;
}

function cellOf(ref: string): { row: number; column: number } | undefined {
  const match = /^\$?([A-Z]{1,3})\$?(\d+)$/.exec(ref);
  if (!match) return undefined;
  let column = 0;
  for (const letter of match[1]!) column = column * 26 + letter.charCodeAt(0) - 64;
  return { row: Number(match[2]), column };
}

// ---------------------------------------------------------------------------------------------------------
// The comparison

function address(row: number, column: number): string {
  return `${columnLetter(column)}${row + 1}`;
}

function show(value: CellValue | undefined): string {
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  return JSON.stringify(value ?? null);
}

function sameValue(a: CellValue | undefined, b: CellValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (typeof x === "number" && typeof y === "number") return x === y || (Number.isNaN(x) && Number.isNaN(y));
  if (typeof x === "object" && typeof y === "object" && x !== null && y !== null) return x.day === y.day;
  return x === y;
}

function mergeKeys(sheet: SheetGrid): Set<string> {
  return new Set(sheet.merges.map((m) => `${address(m.top, m.left)}:${address(m.bottom, m.right)}`));
}

interface Counts {
  sheets: number;
  /** Cells where either reader has a value. */
  cells: number;
  merges: number;
  hiddenRows: number;
  tables: number;
}

/** A table as both readers can say it; the header row apart (see tableProblems). */
function tableKey(table: ExcelTable): string {
  return `${table.name} ${rangeRef(table.range)} totals ${table.totalsRows}`;
}

/**
 * The tables each reader finds. ExcelJS reads a table without headerRowCount (the schema's default, 1: a header
 * row, as openpyxl and XlsxWriter write it) as having none, so only its header row of 1 is held against Duban.
 */
function tableProblems(ours: SheetGrid, theirs: SheetGrid): string[] {
  const problems: string[] = [];
  const a = (ours.tables ?? []).map(tableKey).sort();
  const b = (theirs.tables ?? []).map(tableKey).sort();
  if (JSON.stringify(a) !== JSON.stringify(b))
    problems.push(`${ours.name}: tables Duban ${JSON.stringify(a)}, ExcelJS ${JSON.stringify(b)}`);
  for (const table of theirs.tables ?? []) {
    const mine = ours.tables?.find((t) => tableKey(t) === tableKey(table));
    if (mine && table.headerRows === 1 && mine.headerRows !== 1)
      problems.push(`${ours.name}: table ${table.name} has a header row for ExcelJS, not for Duban`);
  }
  return problems;
}

/** Every way the two models differ that the cell table does not explain, or that the table gets wrong. */
function differences(input: string, duban: WorkbookModel, exceljs: WorkbookModel, counts: Counts): string[] {
  const problems: string[] = [];
  const names = (model: WorkbookModel) => JSON.stringify(model.sheets.map((s) => s.name));
  if (names(duban) !== names(exceljs))
    problems.push(`sheets: Duban ${names(duban)}, ExcelJS ${names(exceljs)}`);
  const known = KNOWN_CELLS.filter((k) => k.input === input);
  const seen = new Set<KnownCell>();
  for (const ours of duban.sheets) {
    const theirs = exceljs.sheets.find((s) => s.name === ours.name);
    if (!theirs) continue;
    counts.sheets++;
    if (Boolean(ours.hidden) !== Boolean(theirs.hidden))
      problems.push(`${ours.name}: hidden Duban ${ours.hidden}, ExcelJS ${theirs.hidden}`);
    const hidden = (sheet: SheetGrid) => JSON.stringify([...(sheet.hiddenRows ?? [])].sort((x, y) => x - y));
    if (hidden(ours) !== hidden(theirs))
      problems.push(`${ours.name}: hidden rows Duban ${hidden(ours)}, ExcelJS ${hidden(theirs)}`);
    counts.hiddenRows += ours.hiddenRows?.size ?? 0;
    problems.push(...tableProblems(ours, theirs));
    counts.tables += ours.tables?.length ?? 0;
    const [a, b] = [mergeKeys(ours), mergeKeys(theirs)];
    counts.merges += a.size;
    const onlyDuban = [...a].filter((m) => !b.has(m));
    const onlyExcelJs = [...b].filter((m) => !a.has(m));
    if (onlyDuban.length) problems.push(`${ours.name}: merges only Duban has: ${onlyDuban.join(" ")}`);
    if (onlyExcelJs.length) problems.push(`${ours.name}: merges only ExcelJS has: ${onlyExcelJs.join(" ")}`);
    const rows = Math.max(ours.rows.length, theirs.rows.length);
    for (let r = 0; r < rows; r++) {
      const x = ours.rows[r] ?? [];
      const y = theirs.rows[r] ?? [];
      for (let c = 0; c < Math.max(x.length, y.length); c++) {
        const [d, e] = [x[c] ?? null, y[c] ?? null];
        if (d !== null || e !== null) counts.cells++;
        const cell = `${ours.name}!${address(r, c)}`;
        const entry = known.find((k) => k.sheet === ours.name && k.cell === address(r, c));
        if (entry) {
          seen.add(entry);
          if (!sameValue(e, entry.exceljs))
            problems.push(`${cell}: ExcelJS now gives ${show(e)}, the table says ${show(entry.exceljs)}`);
          if (!sameValue(d, entry.right))
            problems.push(`${cell}: Duban gives ${show(d)}, not ${show(entry.right)}`);
        } else if (!sameValue(d, e)) {
          problems.push(`${cell}: Duban ${show(d)}, ExcelJS ${show(e)}`);
        }
      }
    }
  }
  for (const entry of known.filter((k) => !seen.has(k)))
    problems.push(
      `${entry.sheet}!${entry.cell}: empty in both, the table says ExcelJS gives ${show(entry.exceljs)}`,
    );
  return problems;
}

const totals: Counts & { workbooks: number } = {
  workbooks: 0,
  sheets: 0,
  cells: 0,
  merges: 0,
  hiddenRows: 0,
  tables: 0,
};

function describeOutcome(outcome: ReadOutcome | undefined): string {
  if (outcome === undefined) return "not run";
  if (outcome.kind === "model") return `a workbook of ${outcome.model.sheets.length} sheet(s)`;
  return `${outcome.kind}: ${outcome.detail}`;
}

/** The problems with one input: unexplained differences, or table entries that no longer hold. */
function check(input: string): string[] {
  const outcome = outcomes.get(input);
  if (!outcome) return ["not read"];
  const { duban, exceljs } = outcome;
  if (duban.kind === "hung" || exceljs.kind === "hung")
    return [
      `a read did not answer (Duban: ${describeOutcome(duban)}; ExcelJS: ${describeOutcome(exceljs)}): a hang`,
    ];
  const knownFile = KNOWN_FILES.find((k) => k.input === input);
  const damaged = READ_THOUGH_DAMAGED.find((k) => k.input === input);
  if (duban.kind === "threw" || duban.kind === "does not finish")
    return [`Duban ${describeOutcome(duban)}: a reader must refuse with a reason or read`];

  const exceljsSees: FileOutcome["exceljs"] | "a workbook" | "reads" =
    exceljs.kind === "threw"
      ? "throws"
      : exceljs.kind === "does not finish"
        ? "does not finish"
        : exceljs.kind === "model" && exceljs.model.sheets.length === 0
          ? "sees no sheets"
          : "a workbook";

  if (damaged) {
    const problems: string[] = [];
    if (duban.kind !== "refused") problems.push(`Duban ${describeOutcome(duban)}, the table says it refuses`);
    if (exceljsSees !== "a workbook")
      problems.push(`ExcelJS ${describeOutcome(exceljs)}, the table says it reads`);
    return problems;
  }
  if (knownFile) {
    const problems: string[] = [];
    const dubanDoes = duban.kind === "refused" ? "refuses" : "reads";
    if (dubanDoes !== knownFile.duban)
      problems.push(`Duban ${describeOutcome(duban)}, the table says it ${knownFile.duban}`);
    if (knownFile.exceljs === "does not finish") {
      const { what, atLeast, count } = knownFile.work;
      const found = duban.kind === "model" ? count(inputs.get(input)!, duban.model) : 0;
      if (found < atLeast)
        problems.push(`${found} ${what}, the table says ExcelJS's work needs ${atLeast} or more`);
    } else if (exceljsSees !== knownFile.exceljs)
      problems.push(`ExcelJS: ${describeOutcome(exceljs)}, the table says it ${knownFile.exceljs}`);
    else if (
      knownFile.exceljs === "throws" &&
      exceljs.kind === "threw" &&
      !exceljs.detail.includes(knownFile.error)
    )
      problems.push(`ExcelJS throws ${exceljs.detail}, the table says "${knownFile.error}"`);
    return problems;
  }
  if (duban.kind === "refused") {
    // Both refusing is agreement; a file only ExcelJS reads belongs in READ_THOUGH_DAMAGED with its reason.
    return exceljsSees === "throws"
      ? []
      : [`Duban ${describeOutcome(duban)}; ExcelJS ${describeOutcome(exceljs)}`];
  }
  if (exceljs.kind !== "model" || exceljsSees !== "a workbook")
    return [`ExcelJS ${describeOutcome(exceljs)}, Duban reads ${describeOutcome(duban)}`];
  const counts: Counts = { sheets: 0, cells: 0, merges: 0, hiddenRows: 0, tables: 0 };
  const problems = differences(input, duban.model, exceljs.model, counts);
  totals.workbooks++;
  totals.sheets += counts.sheets;
  totals.cells += counts.cells;
  totals.merges += counts.merges;
  totals.hiddenRows += counts.hiddenRows;
  totals.tables += counts.tables;
  return problems;
}

function summary(): object {
  return [...outcomes].map(([input, { duban, exceljs }]) => ({
    input,
    duban: describeOutcome(duban),
    exceljs: describeOutcome(exceljs).slice(0, 200),
  }));
}

function compareTest(input: string): void {
  const bug = DUBAN_BUGS.has(input);
  // A Duban bug keeps its input's comparison failing: when the bug is fixed, this flips and says so.
  (bug ? test.failing : test)(input, () => expect(check(input)).toEqual([]));
}

// ---------------------------------------------------------------------------------------------------------

describe("the corpus", () => {
  for (const input of [...inputs.keys()].filter((name) => name.startsWith("corpus/"))) compareTest(input);
});

describe("the producer matrix", () => {
  if (NO_OPENPYXL) testRequiring(NO_OPENPYXL, "make-producers.py", () => undefined);
  for (const input of [...inputs.keys()].filter((name) => name.startsWith("producers/"))) compareTest(input);
  for (const [input, reason] of notMade) testRequiring(`not made here: ${reason}`, input, () => undefined);
});

describe("Duban's own workbooks", () => {
  for (const input of ["sample.xlsx", "fixtures/recurring.xlsx", "fixtures/rich.xlsx"]) compareTest(input);
});

test("every entry of the tables names an input that was read", () => {
  const named = [...KNOWN_FILES, ...READ_THOUGH_DAMAGED, ...KNOWN_CELLS].map((k) => k.input);
  // A producer this machine cannot make is skipped above; its entries cannot be checked here.
  const stale = named.filter((input) => !outcomes.has(input) && !notMade.has(input));
  expect(stale).toEqual([]);
  // The totals, for whoever reads a run (the comparisons above have filled them in by now).
  writeFileSync(path.join(WORK, "totals.json"), `${JSON.stringify(totals)}\n`);
  expect(totals.cells).toBeGreaterThan(0);
});

// ---------------------------------------------------------------------------------------------------------
// Duban's bugs that the comparison found, each as small as it goes

/** A one-sheet workbook whose sheet1.xml and sharedStrings.xml are the given XML bodies. */
function tinyWorkbook(sheetData: string, strings: string): Uint8Array {
  const main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  const rels = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const pkg = "http://schemas.openxmlformats.org/package/2006/relationships";
  const files: Record<string, string> = {
    "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    "_rels/.rels": `<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rels}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    "xl/workbook.xml": `<workbook xmlns="${main}" xmlns:r="${rels}"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    "xl/_rels/workbook.xml.rels": `<Relationships xmlns="${pkg}"><Relationship Id="rId1" Type="${rels}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${rels}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "xl/sharedStrings.xml": `<sst xmlns="${main}">${strings}</sst>`,
    "xl/worksheets/sheet1.xml": `<worksheet xmlns="${main}"><sheetData>${sheetData}</sheetData></worksheet>`,
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, strToU8(text)])));
}

// XML 1.0 2.11 makes every parser turn a literal CR LF, and a CR alone, into LF before anything else (Excel's
// does); a CR the text means is written &#13; or _x000D_.
test("literal CR LF and CR in cell text are line feeds (XML 1.0 2.11)", async () => {
  const bytes = tinyWorkbook(
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>c\rd</t></is></c>' +
      '<c r="C1" t="inlineStr"><is><t>e&#13;\r\nf</t></is></c></row>',
    "<si><t>a\r\nb</t></si>",
  );
  const model = await readWorkbookBytes(bytes, "line-ends.xlsx");
  expect(model.sheets[0]?.rows[0]).toEqual(["a\nb", "c\nd", "e\r\nf"]);
});
