// The producer matrix: one task table written by programs other than Duban, checked, written back and cleared.

import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import * as path from "node:path";
import type { Report } from "../src/core/report";
import { convertWithLibreOffice, findSoffice } from "./helpers/libreoffice";
import {
  changedParts,
  conformanceProblems,
  libreOfficeRenders,
  onPath,
  openpyxlOpens,
  partBytes,
  PYTHON,
  pythonMissing,
  relationshipsOf,
  relsPartOf,
  testRequiring,
  workbookParts,
  xmlPartProblems,
  type OpenpyxlResult,
  type PartChanges,
} from "./helpers/package-checks";
import { runCli } from "./helpers/run-cli";

interface Table {
  readonly sheet: string;
  readonly asOf: string;
  readonly header: string[];
  readonly taskRows: number;
  readonly findings: ReadonlyArray<{ rule: string; cell: string }>;
}

const TABLE_JSON = path.join(__dirname, "producers/table.json");
const MAKER = path.join(__dirname, "producers/make-producers.py");
const table = JSON.parse(readFileSync(TABLE_JSON, "utf8")) as Table;
const dir = path.resolve(__dirname, ".tmp/producers");
const inDir = path.join(dir, "in");
const outDir = path.join(dir, "out");
const backDir = path.join(dir, "back");
/** The sheets every copy gains (the default options of `check --out`). */
const GENERATED_SHEETS = ["问题清单", "汇总", "排名"];

const soffice = findSoffice();
const NO_SOFFICE = soffice
  ? undefined
  : "LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui";
const NO_OPENPYXL = pythonMissing(["openpyxl"]);

function rMissing(): string | undefined {
  if (!onPath("Rscript")) return "R is not installed: apt-get install -y r-cran-openxlsx";
  const probe = spawnSync("Rscript", ["-e", "library(openxlsx)"], { encoding: "utf8" });
  return probe.status === 0 ? undefined : "R's openxlsx is not installed: apt-get install -y r-cran-openxlsx";
}

function goMissing(): string | undefined {
  return onPath("go") && existsSync("/usr/share/gocode/src/github.com/tealeg/xlsx")
    ? undefined
    : "Go's tealeg/xlsx is not installed: apt-get install -y golang-go golang-github-tealeg-xlsx-dev";
}

interface Producer {
  readonly name: string;
  /** Why this machine cannot make the file, or undefined. */
  readonly missing: string | undefined;
  /** Where openpyxl cannot read this producer's file: what it makes of it, and why. */
  readonly openpyxl?: { readonly input: OpenpyxlResult; readonly why: string };
}

const STRICT_OPENPYXL: NonNullable<Producer["openpyxl"]> = {
  input: { ok: true, sheets: [] },
  why: "openpyxl knows only transitional relationship types, so it drops every sheet of a Strict workbook (and then fails on a defined name local to a sheet)",
};

const PRODUCERS: Producer[] = [
  { name: "openpyxl-plain", missing: NO_OPENPYXL },
  { name: "openpyxl-table", missing: NO_OPENPYXL },
  { name: "openpyxl-chart", missing: NO_OPENPYXL },
  { name: "openpyxl-validation", missing: NO_OPENPYXL },
  { name: "xlsxwriter-plain", missing: pythonMissing(["xlsxwriter"]) },
  { name: "xlsxwriter-rich", missing: pythonMissing(["xlsxwriter"]) },
  { name: "pandas", missing: pythonMissing(["pandas", "openpyxl"]) },
  { name: "libreoffice", missing: NO_OPENPYXL ?? NO_SOFFICE },
  {
    name: "gnumeric",
    missing:
      NO_OPENPYXL ??
      (onPath("ssconvert") ? undefined : "ssconvert is not installed: apt-get install -y gnumeric"),
  },
  {
    name: "r-openxlsx",
    missing: rMissing(),
    openpyxl: {
      input: {
        ok: false,
        error: `KeyError: "There is no item named 'xl/drawings/drawing1.xml' in the archive"`,
      },
      why: "openxlsx relates the sheet to drawing and VML parts that are not in the zip, and openpyxl follows the relationship",
    },
  },
  { name: "go-tealeg", missing: goMissing() },
  { name: "strict-openpyxl", missing: NO_OPENPYXL, openpyxl: STRICT_OPENPYXL },
  { name: "strict-xlsxwriter-rich", missing: pythonMissing(["xlsxwriter"]), openpyxl: STRICT_OPENPYXL },
];

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

interface Outcome {
  readonly input: string;
  readonly out: string;
  readonly back: string;
  readonly json: Run;
  readonly check: Run;
  readonly clear?: Run;
}

/** Per producer: its file, or why it could not be made. */
const made = new Map<string, string>();
const failedToMake = new Map<string, string>();
const outcomes = new Map<string, Outcome>();
let rendered: Map<string, boolean> | undefined;
let renderError: unknown;

const duban = (args: string[]): Promise<Run> => runCli(args, table.asOf);

/** What a failed step said, so that a test fails with Duban's own words instead of a missing file. */
function describeRun(what: string, run: Run | undefined): string {
  return run
    ? `${what} exited ${run.code}: ${run.stderr.trim() || "(nothing on stderr)"}`
    : `${what} did not run`;
}

function outcomeOf(producer: Producer): Outcome {
  const input = made.get(producer.name);
  if (!input)
    throw new Error(`${producer.name} made no file: ${failedToMake.get(producer.name) ?? "not run"}`);
  return outcomes.get(producer.name)!;
}

function copyOf(producer: Producer): Outcome {
  const outcome = outcomeOf(producer);
  if (!existsSync(outcome.out)) throw new Error(describeRun("duban check --out", outcome.check));
  return outcome;
}

function makeFiles(): void {
  const wanted = PRODUCERS.filter((p) => p.missing === undefined && p.name !== "libreoffice").map(
    (p) => p.name,
  );
  if (wanted.length === 0) return;
  const result = spawnSync(PYTHON, [MAKER, TABLE_JSON, inDir, ...wanted], {
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, PYTHONIOENCODING: "utf-8" },
  });
  if (result.status !== 0) throw new Error(`make-producers.py failed:\n${result.stderr}`);
  const report = JSON.parse(result.stdout) as {
    made: Record<string, string>;
    failed: Record<string, string>;
  };
  for (const [name, file] of Object.entries(report.made)) made.set(name, file);
  for (const [name, reason] of Object.entries(report.failed)) failedToMake.set(name, reason);
}

async function resaveWithLibreOffice(): Promise<void> {
  const source = made.get("openpyxl-plain");
  if (!soffice || !source || PRODUCERS.find((p) => p.name === "libreoffice")?.missing) return;
  const loDir = path.join(dir, "libreoffice");
  mkdirSync(loDir, { recursive: true });
  try {
    const resaved = await convertWithLibreOffice(soffice, source, "xlsx", loDir);
    const file = path.join(inDir, "libreoffice.xlsx");
    renameSync(resaved, file);
    made.set("libreoffice", file);
  } catch (error) {
    failedToMake.set("libreoffice", String(error));
  }
}

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const folder of [inDir, outDir, backDir]) mkdirSync(folder, { recursive: true });
  makeFiles();
  await resaveWithLibreOffice();
  for (const [name, input] of made) {
    const out = path.join(outDir, `${name}-out.xlsx`);
    const back = path.join(backDir, `${name}-back.xlsx`);
    const json = await duban(["check", input, "--as-of", table.asOf, "--json", "-"]);
    const check = await duban(["check", input, "--as-of", table.asOf, "--out", out]);
    const clear = existsSync(out) ? await duban(["clear", out, "--out", back]) : undefined;
    outcomes.set(name, { input, out, back, json, check, clear });
  }
  // One LibreOffice start for every copy: starting it is most of a conversion's time.
  const copies = [...outcomes.values()].map((o) => o.out).filter((file) => existsSync(file));
  if (soffice && copies.length > 0) {
    try {
      rendered = await libreOfficeRenders(copies, path.join(dir, "pdf"), soffice);
    } catch (error) {
      renderError = error;
    }
  }
}, 900_000);

describe.each(PRODUCERS)("$name", (producer) => {
  const limit = producer.openpyxl;

  testRequiring(
    producer.missing,
    `the producer's file is a sound package${limit ? "" : " that openpyxl reads"}`,
    () => {
      const { input } = outcomeOf(producer);
      expect(xmlPartProblems(input)).toEqual([]);
      expect(conformanceProblems(input)).toEqual([]);
      if (NO_OPENPYXL) return;
      // A producer that openpyxl cannot read is pinned down, so that a change in either program shows here.
      expect(openpyxlOpens(input)).toEqual(
        limit?.input ?? { ok: true, sheets: expect.arrayContaining([table.sheet]) },
      );
    },
  );

  testRequiring(producer.missing, "a. check --json finds exactly the planted findings", () => {
    const { json } = outcomeOf(producer);
    if (!json.stdout) throw new Error(describeRun("duban check --json -", json));
    const report = JSON.parse(json.stdout) as Report;
    const found = {
      code: json.code,
      sheet: report.sheet,
      headerRow: report.headerRow,
      tasks: report.tasks,
      findings: report.issues.map((i) => `${i.rule} ${i.cell ?? `row ${i.row}`}`).sort(),
    };
    expect(found).toEqual({
      code: 1,
      sheet: table.sheet,
      headerRow: 1,
      tasks: table.taskRows,
      findings: table.findings.map((f) => `${f.rule} ${f.cell}`).sort(),
    });
  });

  testRequiring(
    producer.missing,
    "b. check --out writes a copy whose every XML part parses namespace-aware",
    () => {
      const { out, check } = copyOf(producer);
      expect(check.code).toBe(1);
      expect(xmlPartProblems(out)).toEqual([]);
    },
  );

  testRequiring(producer.missing, "b. the copy keeps the input's conformance class", () => {
    const { input, out } = copyOf(producer);
    expect(workbookParts(out).strict).toBe(workbookParts(input).strict);
    expect(conformanceProblems(out)).toEqual([]);
  });

  if (limit === STRICT_OPENPYXL) {
    test.skip(`b. openpyxl opens the copy (${limit.why})`, () => undefined);
  } else if (limit) {
    testRequiring(
      producer.missing ?? NO_OPENPYXL,
      `b. openpyxl reads the copy as it reads the input (${limit.why})`,
      () => {
        const { input, out } = copyOf(producer);
        expect(openpyxlOpens(out)).toEqual(openpyxlOpens(input));
      },
    );
  } else {
    testRequiring(
      producer.missing ?? NO_OPENPYXL,
      "b. openpyxl opens the copy and sees the generated sheets",
      () => {
        const { out } = copyOf(producer);
        expect(openpyxlOpens(out)).toEqual({
          ok: true,
          sheets: expect.arrayContaining([table.sheet, ...GENERATED_SHEETS]),
        });
      },
    );
  }

  testRequiring(producer.missing ?? NO_SOFFICE, "b. LibreOffice renders the copy to PDF", () => {
    const { out } = copyOf(producer);
    if (renderError) throw renderError;
    expect(rendered?.get(out)).toBe(true);
  });

  testRequiring(producer.missing, "c. every part Duban need not change is byte for byte the input's", () => {
    const { input, out } = copyOf(producer);
    const before = workbookParts(input);
    const after = workbookParts(out);
    const task = before.sheets.find((s) => s.name === table.sheet);
    if (!task) throw new Error(`no sheet ${table.sheet} in ${input}`);
    const mayChange = new Set(
      ["[Content_Types].xml", before.workbook, before.workbookRels, before.styles, task.part].filter(
        (p): p is string => p !== undefined,
      ),
    );
    // A styles part is one Duban may add where the producer wrote none; a new sheet brings what it draws
    // (its relationships, its drawing and the drawing's charts, with theirs), and nothing else.
    const outParts = partBytes(out);
    const inputParts = partBytes(input);
    const drawn = (part: string): string[] =>
      relationshipsOf(outParts, part)
        .filter((rel) => !rel.external && !inputParts.has(rel.target))
        .flatMap((rel) => [relsPartOf(part), rel.target, ...drawn(rel.target)]);
    const newSheets = after.sheets
      .filter((s) => s.type.endsWith("/worksheet") && !inputParts.has(s.part))
      .map((s) => s.part);
    const mayAdd = new Set([
      ...after.sheets.filter((s) => s.type.endsWith("/worksheet")).map((s) => s.part),
      ...newSheets.flatMap(drawn),
      ...(before.styles === undefined && after.styles ? [after.styles] : []),
    ]);
    const { changed, added, removed } = changedParts(input, out);
    expect({
      changedBeyondThePatchedParts: changed.filter((p) => !mayChange.has(p)),
      addedBeyondNewWorksheets: added.filter((p) => !mayAdd.has(p)),
      removed,
    }).toEqual({ changedBeyondThePatchedParts: [], addedBeyondNewWorksheets: [], removed: [] });
  });

  testRequiring(producer.missing, "d. clear gives back the input part for part", () => {
    const { input, back, clear } = copyOf(producer);
    if (!existsSync(back)) throw new Error(describeRun("duban clear", clear));
    expect(clear?.code).toBe(0);
    const expected: PartChanges = { changed: [], added: [], removed: [] };
    expect(changedParts(input, back)).toEqual(expected);
  });
});
