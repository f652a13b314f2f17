// Real workbooks from other projects' test suites (test/corpus): duban neither crashes nor hangs on them, and a forced
// check writes a copy that other programs open and that clear turns back into the input.

import { fork, type ChildProcess } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { findSoffice } from "./helpers/libreoffice";
import {
  changedParts,
  decodeXml,
  libreOfficeRenders,
  partBytes,
  pythonHas,
  xmlPartProblems,
  type OpenpyxlResult,
  type PartChanges,
} from "./helpers/package-checks";
import { CORPUS, corpusFiles } from "./helpers/corpus-files";
import { SWC_HOOK } from "./helpers/swc-hook";

const ROOT = path.resolve(__dirname, "..");
const WORK = path.resolve(__dirname, ".tmp/corpus");
const AS_OF = "2026-11-18";
/**
 * A guard against a hang, not a measure of speed (the bench measures that): the slowest corpus file takes
 * about 2 s here, and a run that has not answered in five minutes on however busy a machine never will.
 */
const TIME_LIMIT_MS = 300_000;
/** Two runners on this 2-core machine; a hanging file holds one of them for the whole time limit. */
const RUNNERS = 2;
/** "One short line": the longest refusal today (a sheet list in a no-table message) is about 200 characters. */
const SHORT_LINE = 300;

interface ListedFile {
  readonly file: string | RegExp;
  readonly why: string;
}

/**
 * Files Duban must refuse (exit 2, one line) in every run, each with why. Some of them openpyxl or LibreOffice
 * opens anyway; every other file that either of them opens, Duban must read ("Files from any program").
 */
const MUST_REFUSE: readonly ListedFile[] = [
  {
    file: /^poi\/(clusterfuzz-testcase-minimized-|crash-)/,
    why: "fuzzer-mangled zips (damaged central directory, CRC and size mismatches): no program wrote them, and LibreOffice's salvage is no reason to guess",
  },
  { file: "poi/protected_passtika.xlsx", why: "encrypted: it needs a password" },
  {
    file: "poi/SampleSS.xls",
    why: "a legacy binary .xls: Duban reads Open XML packages only and asks for an .xlsx; LibreOffice opens it with its own .xls filter",
  },
  {
    file: "poi/poc-xmlbomb.xlsx",
    why: "an entity bomb in a DOCTYPE: OPC forbids DTDs (ECMA-376 Part 2, 8.1.4) and Excel refuses the file",
  },
  {
    file: "poi/xlsx-corrupted.xlsx",
    why: "_rels/.rels is the word CORRUPTED, so the package names no workbook; openpyxl opens it only because it never reads that part",
  },
  { file: "poi/openxml4j/invalid.xlsx", why: "22 bytes: not a zip" },
  { file: "exceljs/missing-bits.xlsx", why: "a zip with neither [Content_Types].xml nor a workbook part" },
  {
    file: "calamine/issue252.xlsx",
    why: "xl/_rels/workbook.xml.rels was changed after the zip was made: it inflates to 699 bytes against the 697 and the CRC-32 its zip entry declares (`unzip -t` reports a bad CRC); LibreOffice salvages it, but a workbook whose parts do not match their checksums is damaged",
  },
  {
    file: "exceljs/invalid-xml.xlsx",
    why: "its worksheet has text before the root element: not well-formed XML",
  },
  {
    file: /^poi\/duplicate-filename(-case-insensitive)?\.xlsx$/,
    why: "two zip entries for one part (xl/worksheets/sheet1.xml twice, or again as Sheet1.xml; part names are equal whatever their case), which OPC forbids (ECMA-376 Part 2, M1.12): the two say v1 and v2, LibreOffice shows one, JSZip and Python's zipfile the other, POI refuses the file; a check must see what the clerk sees",
  },
];

/**
 * Inputs in which openpyxl sees no sheets at all: openpyxl 3.0 knows only the transitional relationship types,
 * so it does not read Strict Open XML, and its "open" of the input says nothing about the copy. (The test checks
 * that it still sees no sheets, so that an openpyxl that learns Strict takes these files back.)
 */
const OPENPYXL_CANNOT_READ: readonly ListedFile[] = [
  { file: "poi/SampleSS.strict.xlsx", why: "Strict Open XML" },
  { file: "poi/sample.strict.xlsx", why: "Strict Open XML" },
  { file: "poi/57914.xlsx", why: "Strict Open XML" },
  { file: "calamine/strict_iso_paths.xlsx", why: "Strict Open XML" },
  { file: "sheetjs/sheet_visibility_strict.xlsx", why: "Strict Open XML" },
];

function listed(table: readonly ListedFile[], name: string): string | undefined {
  return table.find(({ file }) => (typeof file === "string" ? file === name : file.test(name)))?.why;
}

const FILES = corpusFiles();

// ---------------------------------------------------------------------------------------------------------
// The package's layout, read here without Duban's code: which parts Duban may patch, and the sheet to force.

interface SheetEntry {
  readonly name: string;
  readonly visible: boolean;
  /** The relationship type's last segment: worksheet, chartsheet, dialogsheet, xlMacrosheet… */
  readonly kind: string;
  /** The zip entry, when the relationship resolves to one. */
  readonly part: string | undefined;
}

interface Layout {
  readonly workbook: string;
  readonly workbookRels: string | undefined;
  readonly styles: string | undefined;
  readonly sheets: readonly SheetEntry[];
}

interface Relationship {
  readonly id: string;
  /** The type's last segment, the same for transitional and Strict packages. */
  readonly kind: string;
  readonly part: string | undefined;
}

function elements(bytes: Uint8Array, each: (tag: SaxesTagNS) => void): void {
  const parser = new SaxesParser({ xmlns: true });
  parser.on("opentag", each);
  parser.write(decodeXml(bytes)).close();
}

/** The package's start part and the workbook's sheets, or undefined when the package does not say. */
function readLayout(file: string): Layout | undefined {
  try {
    const parts = partBytes(file, true);
    // Part names are case-insensitive (OPC); zip entry names are not.
    const entries = new Map([...parts.keys()].map((name) => [name.toLowerCase(), name]));
    const relsOf = (source: string): { rels: string | undefined; list: Relationship[] } => {
      const folder = source.slice(0, source.lastIndexOf("/") + 1);
      const rels = entries.get(`${folder}_rels/${source.slice(folder.length)}.rels`.toLowerCase());
      const list: Relationship[] = [];
      if (rels === undefined) return { rels, list };
      elements(parts.get(rels)!, (tag) => {
        if (tag.local !== "Relationship") return;
        const attr = (name: string) => tag.attributes[name]?.value ?? "";
        const target = attr("Target");
        const external = attr("TargetMode") === "External";
        const resolved = target.startsWith("/") ? target.slice(1) : resolvePartName(folder, target);
        list.push({
          id: attr("Id"),
          kind: attr("Type").split("/").pop() ?? "",
          part: external ? undefined : entries.get(decodeURIComponent(resolved).toLowerCase()),
        });
      });
      return { rels, list };
    };
    const workbook = relsOf("").list.find((r) => r.kind === "officeDocument")?.part;
    if (workbook === undefined) return undefined;
    const { rels: workbookRels, list } = relsOf(workbook);
    const sheets: SheetEntry[] = [];
    elements(parts.get(workbook)!, (tag) => {
      if (tag.local !== "sheet") return;
      const id = Object.values(tag.attributes).find((a) => a.local === "id" && /relationships$/.test(a.uri));
      const rel = list.find((r) => r.id === id?.value);
      const state = tag.attributes.state?.value ?? "visible";
      sheets.push({
        name: tag.attributes.name?.value ?? "",
        visible: state === "visible",
        kind: rel?.kind ?? "",
        part: rel?.part,
      });
    });
    return { workbook, workbookRels, styles: list.find((r) => r.kind === "styles")?.part, sheets };
  } catch {
    return undefined;
  }
}

function resolvePartName(folder: string, target: string): string {
  const out: string[] = [];
  for (const segment of `${folder}${target}`.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/");
}

// ---------------------------------------------------------------------------------------------------------
// duban's own main(), in child processes: a hang inside synchronous code cannot be stopped in this process,
// a child can be killed. The child compiles src/ with swc as jest does, so no build is needed.

type Outcome =
  | {
      readonly kind: "exit";
      readonly code: number;
      readonly stdout: string;
      readonly stderr: string;
      readonly ms: number;
    }
  | { readonly kind: "timeout"; readonly ms: number }
  | { readonly kind: "crashed"; readonly detail: string; readonly ms: number };

const RUNNER_SOURCE = `${SWC_HOOK}
const { main } = require(${JSON.stringify(path.join(ROOT, "src/cli/main.ts"))});
const { parseIsoDay } = require(${JSON.stringify(path.join(ROOT, "src/core/index.ts"))});
process.on("message", ({ args, asOf }) => {
  let stdout = "";
  let stderr = "";
  const io = {
    stdout: { write: (t) => (stdout += t) },
    stderr: { write: (t) => (stderr += t) },
    today: () => parseIsoDay(asOf),
  };
  main(args, io).then(
    (code) => process.send({ code, stdout, stderr }),
    (error) => process.send({ threw: String((error && error.stack) || error), stdout, stderr }),
  );
});
process.send({ ready: true });
`;

const OPENPYXL_SOURCE = `${SWC_HOOK}
const { openpyxlOpens } = require(${JSON.stringify(path.join(__dirname, "helpers/package-checks.ts"))});
process.on("message", (files) => {
  process.send(files.map((file) => [file, openpyxlOpens(file)]));
  process.disconnect();
});
`;

/**
 * openpyxlOpens on each file, in a child process: openpyxlOpens waits synchronously for Python, and here that
 * would hold up the timers that tell a hang of duban's.
 */
function openpyxlInBackground(script: string, files: string[]): Promise<Map<string, OpenpyxlResult>> {
  return new Promise((resolve, reject) => {
    const child = fork(script, [], { stdio: ["ignore", "ignore", "pipe", "ipc"], execArgv: [] });
    child.on("error", (error) => reject(error));
    let stderr = "";
    child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("message", (results: Array<[string, OpenpyxlResult]>) => resolve(new Map(results)));
    child.once("exit", (code) =>
      reject(new Error(`the openpyxl child exited (${code}) without results: ${stderr}`)),
    );
    child.send(files);
  });
}

class Runner {
  private child: ChildProcess | undefined;
  private childErr = "";

  constructor(private readonly script: string) {}

  private async start(): Promise<ChildProcess> {
    const child = fork(this.script, [], { stdio: ["ignore", "ignore", "pipe", "ipc"], execArgv: [] });
    this.childErr = "";
    child.stderr!.on("data", (chunk: Buffer) => (this.childErr += chunk.toString()));
    // A send to a child that has just died emits "error"; its "exit" says what happened.
    child.on("error", () => undefined);
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`runner did not start: ${this.childErr}`)), 120_000);
        child.once("message", () => {
          clearTimeout(timer);
          resolve();
        });
        child.once("exit", (code) => reject(new Error(`runner exited (${code}) on start: ${this.childErr}`)));
      });
    } catch (error) {
      child.kill("SIGKILL");
      throw error;
    }
    child.removeAllListeners("exit");
    this.child = child;
    return child;
  }

  async run(args: string[]): Promise<Outcome> {
    const child = this.child ?? (await this.start());
    const started = Date.now();
    return new Promise<Outcome>((resolve) => {
      const finish = (outcome: Outcome) => {
        clearTimeout(timer);
        child.removeAllListeners("message");
        child.removeAllListeners("exit");
        resolve(outcome);
      };
      const timer = setTimeout(() => {
        this.stop();
        finish({ kind: "timeout", ms: Date.now() - started });
      }, TIME_LIMIT_MS);
      child.once("message", (message: { code?: number; threw?: string; stdout: string; stderr: string }) => {
        const ms = Date.now() - started;
        if (message.threw !== undefined)
          finish({ kind: "crashed", detail: `main threw: ${message.threw}`, ms });
        else
          finish({ kind: "exit", code: message.code!, stdout: message.stdout, stderr: message.stderr, ms });
      });
      child.once("exit", (code, signal) => {
        this.child = undefined;
        finish({
          kind: "crashed",
          detail: `process died (${signal ?? code}): ${this.childErr}`,
          ms: Date.now() - started,
        });
      });
      child.send({ args, asOf: AS_OF });
    });
  }

  stop(): void {
    this.child?.kill("SIGKILL");
    this.child = undefined;
  }
}

/** Runs every job on a few runners at once, in order of submission. */
async function runAll<T>(runners: Runner[], jobs: T[], args: (job: T) => string[]): Promise<Map<T, Outcome>> {
  const results = new Map<T, Outcome>();
  let next = 0;
  await Promise.all(
    runners.map(async (runner) => {
      while (next < jobs.length) {
        const job = jobs[next++]!;
        results.set(job, await runner.run(args(job)));
      }
    }),
  );
  return results;
}

// ---------------------------------------------------------------------------------------------------------
// Everything runs once, before the tests: duban on every file (check, forced check, clear), then the
// independent readers on the inputs and the copies, LibreOffice in one batch each.

interface Case {
  readonly name: string;
  readonly input: string;
  readonly out: string;
  readonly back: string;
  readonly layout: Layout | undefined;
  /** The first visible worksheet, which the forced check is told to use. */
  readonly taskSheet: SheetEntry | undefined;
  readonly inputBytes: Buffer;
  check?: Outcome;
  forced?: Outcome;
  clear?: Outcome;
  openpyxlInput?: OpenpyxlResult;
  libreOfficeInput?: boolean;
  openpyxlOut?: OpenpyxlResult;
  libreOfficeOut?: boolean;
}

const soffice = findSoffice();
const havePython = pythonHas(["openpyxl"]);
const cases = new Map<string, Case>();
/** A reader's run that failed as a whole; its results are missing, and a test below says so. */
const toolFailures: string[] = [];

/** The value, or undefined with the failure noted: one reader's trouble must not hide duban's results. */
async function settle<T>(what: string, pending: Promise<T> | undefined): Promise<T | undefined> {
  try {
    return await pending;
  } catch (error) {
    toolFailures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** Columns A, B, C of the first visible worksheet as task, unit, deadline; without a sheet duban picks one. */
function forcedSettings(sheet: SheetEntry | undefined): object {
  return {
    ...(sheet ? { sheet: sheet.name } : {}),
    headerRow: 1,
    columns: { task: "A", unit: "B", deadline: "C" },
  };
}

function succeeded(outcome: Outcome | undefined): boolean {
  return outcome?.kind === "exit" && (outcome.code === 0 || outcome.code === 1);
}

function describeOutcome(outcome: Outcome | undefined): string {
  if (outcome === undefined) return "not run";
  if (outcome.kind === "timeout") return `no answer within ${TIME_LIMIT_MS / 1000} s (a hang)`;
  if (outcome.kind === "crashed") return outcome.detail;
  return `exit ${outcome.code} after ${outcome.ms} ms; stderr: ${JSON.stringify(outcome.stderr)}`;
}

beforeAll(async () => {
  const started = Date.now();
  const seconds: Record<string, number> = {};
  const mark = (phase: string) => (seconds[phase] = Math.round((Date.now() - started) / 100) / 10);
  rmSync(WORK, { recursive: true, force: true });
  for (const dir of ["in", "out", "back", "config", "pdf-in", "pdf-out"])
    mkdirSync(path.join(WORK, dir), { recursive: true });
  const script = path.join(WORK, "runner.js");
  writeFileSync(script, RUNNER_SOURCE);
  const openpyxlScript = path.join(WORK, "openpyxl.js");
  writeFileSync(openpyxlScript, OPENPYXL_SOURCE);

  FILES.forEach((name, index) => {
    // A numbered flat name: LibreOffice's PDFs share a folder, and two suites may use the same file name.
    const flat = `${String(index).padStart(3, "0")}-${path.basename(name)}`;
    const input = path.join(WORK, "in", flat);
    copyFileSync(path.join(CORPUS, name), input);
    const layout = readLayout(input);
    const taskSheet = layout?.sheets.find((s) => s.visible && s.kind === "worksheet");
    writeFileSync(path.join(WORK, "config", `${index}.json`), JSON.stringify(forcedSettings(taskSheet)));
    cases.set(name, {
      name,
      input,
      out: path.join(WORK, "out", flat),
      back: path.join(WORK, "back", flat),
      layout,
      taskSheet,
      inputBytes: readFileSync(input),
    });
  });
  const all = [...cases.values()];

  // The readers take the inputs meanwhile, each in a process of its own: duban's runs only wait on timers.
  const renderInputs = soffice
    ? libreOfficeRenders(
        all.map((c) => c.input),
        path.join(WORK, "pdf-in"),
        soffice,
      )
    : undefined;
  const openpyxlInputs = havePython
    ? openpyxlInBackground(
        openpyxlScript,
        all.map((c) => c.input),
      )
    : undefined;

  // Awaited later; until then a failure must not count as unhandled.
  for (const pending of [renderInputs, openpyxlInputs]) pending?.catch(() => undefined);

  const runners = Array.from({ length: RUNNERS }, () => new Runner(script));
  try {
    const jobs = all.flatMap((c) => [
      { c, args: ["check", c.input, "--json", "-"], record: (o: Outcome) => (c.check = o) },
      {
        c,
        args: [
          "check",
          c.input,
          "--config",
          path.join(WORK, "config", `${FILES.indexOf(c.name)}.json`),
          "--out",
          c.out,
        ],
        record: (o: Outcome) => (c.forced = o),
      },
    ]);
    for (const [job, outcome] of await runAll(runners, jobs, (j) => j.args)) job.record(outcome);
    const wrote = all.filter((c) => succeeded(c.forced));
    for (const [c, outcome] of await runAll(runners, wrote, (c) => ["clear", c.out, "--out", c.back]))
      c.clear = outcome;
  } finally {
    for (const runner of runners) runner.stop();
  }
  mark("duban runs done");

  const written = all.filter((c) => succeeded(c.forced));
  // Two LibreOffice runs share the copies: rendering the generated sheets is most of this test's time.
  const renderOutputs = soffice
    ? Promise.all(
        [0, 1].map((half) =>
          libreOfficeRenders(
            written.filter((_, i) => i % 2 === half).map((c) => c.out),
            path.join(WORK, "pdf-out"),
            soffice,
          ),
        ),
      ).then((halves) => new Map(halves.flatMap((half) => [...half])))
    : undefined;
  const openpyxlOutputs = havePython
    ? openpyxlInBackground(
        openpyxlScript,
        written.map((c) => c.out),
      )
    : undefined;
  renderOutputs?.catch(() => undefined);
  const [opened, openedOut] = await Promise.all([
    settle("openpyxl on the inputs", openpyxlInputs),
    settle("openpyxl on the copies", openpyxlOutputs),
  ]);
  for (const c of all) {
    c.openpyxlInput = opened?.get(c.input);
    c.openpyxlOut = openedOut?.get(c.out);
  }
  mark("openpyxl done");
  const [inputs, outputs] = await Promise.all([
    settle("LibreOffice on the inputs", renderInputs),
    settle("LibreOffice on the copies", renderOutputs),
  ]);
  for (const c of all) {
    c.libreOfficeInput = inputs?.get(c.input);
    c.libreOfficeOut = outputs?.get(c.out);
  }
  mark("LibreOffice done");

  // For people reading a run: what each reader made of each input, and what duban did.
  const files = all.map((c) => ({
    file: c.name,
    openpyxl: c.openpyxlInput ? (c.openpyxlInput.error ?? c.openpyxlInput.sheets) : null,
    libreOffice: c.libreOfficeInput ?? null,
    check: describeOutcome(c.check),
    forced: describeOutcome(c.forced),
  }));
  writeFileSync(path.join(WORK, "summary.json"), `${JSON.stringify({ seconds, files }, null, 2)}\n`);
}, 1_800_000);

// ---------------------------------------------------------------------------------------------------------

function refusalProblems(name: string, outcome: Outcome | undefined): string[] {
  if (outcome === undefined) return ["not run"];
  if (outcome.kind !== "exit") return [describeOutcome(outcome)];
  if (![0, 1, 2].includes(outcome.code)) return [`exit code ${outcome.code}: ${describeOutcome(outcome)}`];
  if (outcome.code !== 2) return [];
  const problems: string[] = [];
  const lines = outcome.stderr.split("\n").filter((line) => line !== "");
  if (lines.length !== 1)
    problems.push(`stderr has ${lines.length} lines, not one: ${JSON.stringify(outcome.stderr)}`);
  const line = lines[0] ?? "";
  if (line.length > SHORT_LINE) problems.push(`the line has ${line.length} characters: ${line}`);
  if (!line.includes(path.basename(name)))
    problems.push(`the line does not name ${path.basename(name)}: ${line}`);
  if (/internal error|^\s+at /m.test(outcome.stderr)) problems.push(`a stack trace: ${outcome.stderr}`);
  return problems;
}

/** openpyxl or LibreOffice opens the input: then it is a workbook some program reads, and so must Duban. */
function readableElsewhere(c: Case): string | undefined {
  const openpyxl = c.openpyxlInput?.ok && !listed(OPENPYXL_CANNOT_READ, c.name);
  const readers = [openpyxl ? "openpyxl" : "", c.libreOfficeInput ? "LibreOffice" : ""].filter(Boolean);
  return readers.length ? readers.join(" and ") : undefined;
}

function refused(outcome: Outcome | undefined): boolean {
  return outcome?.kind === "exit" && outcome.code === 2;
}

/** The parts Duban patches in the copy; every other part must come through byte for byte. */
function patchableParts(c: Case): Set<string> {
  const layout = c.layout;
  return new Set(
    ["[Content_Types].xml", layout?.workbook, layout?.workbookRels, layout?.styles, c.taskSheet?.part].filter(
      (p): p is string => p !== undefined,
    ),
  );
}

function partDifferences(changes: PartChanges): string[] {
  return [
    ...changes.changed.map((p) => `changed ${p}`),
    ...changes.added.map((p) => `added ${p}`),
    ...changes.removed.map((p) => `removed ${p}`),
  ];
}

describe.each(FILES)("%s", (name) => {
  const get = () => cases.get(name)!;
  const mustRefuse = listed(MUST_REFUSE, name);

  test(`check --json -: exits 0, 1 or 2 and never hangs; a refusal is one short line naming the file`, () => {
    const c = get();
    expect(refusalProblems(name, c.check)).toEqual([]);
    if (mustRefuse && !refused(c.check)) {
      throw new Error(`must be refused (${mustRefuse}), but: ${describeOutcome(c.check)}`);
    }
    if (c.check?.kind === "exit" && c.check.code !== 2) {
      expect(() => JSON.parse((c.check as { stdout: string }).stdout)).not.toThrow();
    }
  });

  test("forced through a settings file: read when another program reads it, a clean refusal otherwise", () => {
    const c = get();
    expect(refusalProblems(name, c.forced)).toEqual([]);
    if (mustRefuse && !refused(c.forced)) {
      throw new Error(`must be refused (${mustRefuse}), but: ${describeOutcome(c.forced)}`);
    }
    const readers = readableElsewhere(c);
    if (!mustRefuse && readers && refused(c.forced)) {
      throw new Error(`${readers} open(s) this file, but duban refused it: ${describeOutcome(c.forced)}`);
    }
    // Neither check nor --out may touch the input.
    expect(readFileSync(c.input).equals(c.inputBytes)).toBe(true);
  });

  // The copy's checks apply where the forced check wrote one; the test above says why it did not.
  test("the copy: every XML part parses namespace-aware", () => {
    const c = get();
    if (!succeeded(c.forced)) return;
    expect(xmlPartProblems(c.out)).toEqual([]);
  });

  test("the copy: openpyxl opens it, with every sheet it saw in the input (when it read the input)", () => {
    const c = get();
    if (listed(OPENPYXL_CANNOT_READ, name)) {
      expect({ sheetsOpenpyxlSawInTheInput: c.openpyxlInput?.sheets ?? [] }).toEqual({
        sheetsOpenpyxlSawInTheInput: [],
      });
      return;
    }
    if (!succeeded(c.forced) || !c.openpyxlInput?.ok) return;
    expect({ ok: c.openpyxlOut?.ok, error: c.openpyxlOut?.error }).toEqual({ ok: true, error: undefined });
    expect(c.openpyxlOut?.sheets).toEqual(expect.arrayContaining(c.openpyxlInput.sheets ?? []));
  });

  test("the copy: LibreOffice renders it to PDF (when it rendered the input)", () => {
    const c = get();
    if (!succeeded(c.forced) || !c.libreOfficeInput) return;
    expect({ renderedToPdf: c.libreOfficeOut }).toEqual({ renderedToPdf: true });
  });

  test("the copy: parts other than those Duban patches are byte-identical, none removed", () => {
    const c = get();
    if (!succeeded(c.forced)) return;
    const changes = changedParts(c.input, c.out);
    const patchable = patchableParts(c);
    const unexpected = partDifferences({
      ...changes,
      changed: changes.changed.filter((p) => !patchable.has(p)),
      added: [],
    });
    expect(unexpected).toEqual([]);
  });

  test("clear on the copy gives back the input part for part", () => {
    const c = get();
    if (!succeeded(c.forced)) return;
    expect(refusalProblems(name, c.clear)).toEqual([]);
    expect(c.clear).toMatchObject({ kind: "exit", code: 0 });
    expect(partDifferences(changedParts(c.input, c.back))).toEqual([]);
  });
});

describe("the tools the corpus is checked with", () => {
  // Without them the checks that depend on them would pass by default; a developer may lack them, CI may not.
  const missing = [
    ...(soffice ? [] : ["LibreOffice (apt-get install -y libreoffice-calc-nogui)"]),
    ...(havePython ? [] : ["Debian's python3-openpyxl (apt-get install -y python3-openpyxl)"]),
  ];
  if (missing.length === 0 || process.env.CI) {
    test("LibreOffice and openpyxl are installed", () => expect(missing).toEqual([]));
  } else {
    test.skip(`LibreOffice and openpyxl are installed (missing: ${missing.join(", ")})`, () => undefined);
  }

  test("LibreOffice and openpyxl each went through the whole corpus", () => {
    expect(toolFailures).toEqual([]);
  });
});
