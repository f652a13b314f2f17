// `npm run bench`: Duban beside the floor (zlib + one pass) and ExcelJS's streaming reader; start-up, --out,
// the Office.js fake and omissions. Prints markdown tables, each with its targets.
//
//   BENCH_RUNS=3 (median of that many fresh processes per figure)   BENCH_ROWS=10000,100000 (task table sizes)
//   BENCH_OPENPYXL=0 (leaves out the same tables written by openpyxl, every text inline as pandas writes it
//   too; measured wherever Python with openpyxl is found, see BENCH_PYTHON)

import type { WorkbenchFigures } from "./workbench-bench";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, rmSync, statSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseIsoDay } from "../src/core";
import { writeBenchWorkbook, writeOpenpyxlWorkbook } from "./bench-workbook";
import { MERGE_RETURNS, MERGE_TASKS, mergeInputs } from "./merge-bench";

const AS_OF = "2026-11-18";
const SIZES = (process.env.BENCH_ROWS ?? "10000,100000").split(",").map(Number);
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const OPENPYXL = process.env.BENCH_OPENPYXL !== "0";
const SMALL_ROWS = 60;
const LARGE_ROWS = 100_000;
const outDir = path.resolve(__dirname, "../../bench/out");
const cliBin = path.resolve(__dirname, "../../bin/duban");
const peakPreload = path.join(__dirname, "peak-at-exit.js");

/** Wall time and peak RSS of one measurement. */
interface Figures {
  readonly wallMs: number;
  readonly peakMb: number;
  readonly [extra: string]: number;
}

const medianOf = RUNS === 1 ? "one run each" : `median of ${RUNS} fresh processes each`;
const progress = (text: string) => process.stderr.write(`bench: ${text}\n`);
const rowsText = (rows: number) => rows.toLocaleString("en-US");

/** One child.ts measurement in a fresh process, timed inside it once its modules are loaded. */
function child(mode: string, file: string): Figures {
  const output = execFileSync(process.execPath, [path.join(__dirname, "child.js"), mode, file, AS_OF], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  const figures = JSON.parse(output.trim().split("\n").pop()!) as Record<string, number>;
  return {
    ...figures,
    wallMs: figures.totalMs ?? figures.readMs! + figures.engineMs!,
    peakMb: figures.peakMb ?? 0,
  };
}

/** A whole node process (start-up included), timed from outside; its peak RSS comes from peak-at-exit. */
function wholeProcess(args: readonly string[]): Figures {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, ["-r", peakPreload, ...args], {
    encoding: "utf8",
    maxBuffer: 64 << 20,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  const peak = /bench-peak-mb ([\d.]+)/.exec(run.stderr);
  if (run.error !== undefined || run.status === null || run.status > 1 || peak === null) {
    throw new Error(`node ${args.join(" ")} failed: ${run.error?.message ?? run.stderr}`);
  }
  return { wallMs, peakMb: Number(peak[1]) };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Each figure's median over RUNS rounds; the measurements take turns, so a busy spell hits all of them. */
function rounds(label: string, jobs: Record<string, () => Figures>): Record<string, Record<string, number>> {
  const runs: Record<string, Figures[]> = {};
  for (let round = 1; round <= RUNS; round++) {
    for (const [name, job] of Object.entries(jobs)) {
      progress(`${label}: ${name}, run ${round} of ${RUNS}`);
      (runs[name] ??= []).push(job());
    }
  }
  const medians: Record<string, Record<string, number>> = {};
  for (const [name, list] of Object.entries(runs)) {
    const keys = Object.keys(list[0]!);
    medians[name] = Object.fromEntries(keys.map((key) => [key, median(list.map((f) => f[key] ?? NaN))]));
  }
  return medians;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(ms < 1000 ? 3 : 2)} s`;
const megabytes = (mb: number) => `${mb.toFixed(0)} MB`;
const times = (ratio: number) => `${ratio.toFixed(2)}×`;

interface Column {
  readonly label: string;
  readonly rows: number;
}

/** A target judged on some of the columns: "yes", "no", or column by column when they differ. */
function met(
  columns: readonly Column[],
  values: readonly number[],
  ok: (value: number, column: Column) => boolean | undefined,
): string {
  const verdicts = columns.map((column, i) => ok(values[i]!, column));
  const judged = verdicts.filter((v) => v !== undefined);
  if (judged.length === 0) return "not measured";
  if (judged.every((v) => v === judged[0])) return judged[0] ? "yes" : "no";
  return columns
    .map((column, i) => (verdicts[i] === undefined ? "" : `${column.label}: ${verdicts[i] ? "yes" : "no"}`))
    .filter((text) => text !== "")
    .join("; ");
}

/** A row whose target the issue sets at 100,000 rows: every column shown, the 100,000-row ones judged. */
function targetRow(
  label: string,
  columns: readonly Column[],
  values: readonly number[],
  format: (value: number) => string,
  target: string,
  ok: (value: number) => boolean,
): string[] {
  const judged = met(columns, values, (value, column) =>
    column.rows === LARGE_ROWS ? ok(value) : undefined,
  );
  return [label, ...values.map(format), `${target} at ${rowsText(LARGE_ROWS)} rows`, judged];
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  const rule = `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`;
  return [line(head), rule, ...rows.map(line)].join("\n");
}

async function benchFile(rows: number, writer: "exceljs" | "openpyxl"): Promise<string | undefined> {
  const file = path.join(outDir, writer === "exceljs" ? `bench-${rows}.xlsx` : `bench-${rows}-openpyxl.xlsx`);
  if (existsSync(file)) return file;
  progress(`writing ${path.relative(process.cwd(), file)} (${writer})`);
  const asOf = parseIsoDay(AS_OF)!;
  if (writer === "exceljs") {
    await writeBenchWorkbook(file, rows, asOf);
    return file;
  }
  try {
    writeOpenpyxlWorkbook(file, rows, asOf);
    return file;
  } catch (error) {
    progress(`skipping openpyxl tables: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

async function bench(): Promise<void> {
  const startLoad = os.loadavg()[0]!;
  const columns: (Column & { readonly file: string; readonly writer: string })[] = [];
  for (const rows of SIZES) {
    columns.push({
      label: `${rowsText(rows)} rows`,
      rows,
      file: (await benchFile(rows, "exceljs"))!,
      writer: "exceljs",
    });
  }
  if (OPENPYXL) {
    for (const rows of SIZES) {
      const file = await benchFile(rows, "openpyxl");
      if (file !== undefined)
        columns.push({ label: `${rowsText(rows)} rows (openpyxl)`, rows, file, writer: "openpyxl" });
    }
  }

  // 1 and 3: reading and checking at size, and --out beside it; each also as a whole process timed from
  // outside, as the issue's own table was measured (node's start-up and the modules' loading included).
  const wholeJson = path.join(os.tmpdir(), `duban-bench-${process.pid}.json`);
  const wholeOut = path.join(os.tmpdir(), `duban-bench-${process.pid}.xlsx`);
  const childJs = path.join(__dirname, "child.js");
  const command = (file: string, ...flags: string[]) => [cliBin, "check", file, "--as-of", AS_OF, ...flags];
  const measured = columns.map((column) =>
    rounds(column.label, {
      floor: () => child("floor", column.file),
      duban: () => child("cli", column.file),
      phases: () => child("phases", column.file),
      exceljs: () => child("exceljs-stream", column.file),
      floorWhole: () => wholeProcess([childJs, "floor", column.file, AS_OF]),
      dubanWhole: () => wholeProcess(command(column.file, "--json", wholeJson)),
      ...(column.writer === "exceljs"
        ? {
            out: () => child("cli-out", column.file),
            outWhole: () => wholeProcess(command(column.file, "--out", wholeOut)),
          }
        : {}),
    }),
  );
  rmSync(wholeJson, { force: true });
  rmSync(wholeOut, { force: true });
  const pick = (name: string, key: string) => measured.map((m) => m[name]?.[key] ?? NaN);
  const floorMs = pick("floor", "wallMs");
  const dubanMs = pick("duban", "wallMs");
  const dubanMb = pick("duban", "peakMb");
  const excelMs = pick("exceljs", "wallMs");
  const overFloor = dubanMs.map((ms, i) => ms / floorMs[i]!);
  const floorWholeMs = pick("floorWhole", "wallMs");
  const dubanWholeMs = pick("dubanWhole", "wallMs");
  const overFloorWhole = dubanWholeMs.map((ms, i) => ms / floorWholeMs[i]!);
  const excelOver = excelMs.map((ms, i) => ms / dubanMs[i]!);
  const cells = (values: readonly number[], format: (value: number) => string) => values.map(format);
  const reading = table(
    ["figure", ...columns.map((c) => c.label), "target", "met"],
    [
      ["file size", ...columns.map((c) => `${(statSync(c.file).size / 1e6).toFixed(1)} MB`), "", ""],
      ["floor: zlib inflates the sheets, one pass over the cells", ...cells(floorMs, seconds), "", ""],
      ["floor peak RSS", ...cells(pick("floor", "peakMb"), megabytes), "", ""],
      ["`duban check --json` (whole command)", ...cells(dubanMs, seconds), "", ""],
      ["of which read (separately)", ...cells(pick("phases", "readMs"), seconds), "", ""],
      ["of which check, summary, ranking", ...cells(pick("phases", "engineMs"), seconds), "", ""],
      targetRow("`duban check --json` peak RSS", columns, dubanMb, megabytes, "≤ 200 MB", (mb) => mb <= 200),
      ["ExcelJS streaming reader, every row and cell", ...cells(excelMs, seconds), "", ""],
      ["ExcelJS streaming peak RSS", ...cells(pick("exceljs", "peakMb"), megabytes), "", ""],
      targetRow("duban ÷ floor (time)", columns, overFloor, times, "≤ 3×", (r) => r <= 3),
      targetRow("ExcelJS streaming ÷ duban (time)", columns, excelOver, times, "≥ 3×", (r) => r >= 3),
      ["whole process: floor", ...cells(floorWholeMs, seconds), "", ""],
      ["whole process: `duban check --json`", ...cells(dubanWholeMs, seconds), "", ""],
      ["whole process: its peak RSS", ...cells(pick("dubanWhole", "peakMb"), megabytes), "", ""],
      targetRow("whole process: duban ÷ floor (time)", columns, overFloorWhole, times, "≤ 3×", (r) => r <= 3),
      ["findings", ...cells(pick("phases", "findings"), rowsText), "", ""],
    ],
  );

  const outColumns = columns.filter((c) => c.writer === "exceljs");
  const outMs = pick("out", "wallMs").slice(0, outColumns.length);
  const outOver = outMs.map((ms, i) => ms / dubanMs[i]!);
  const outWholeMs = pick("outWhole", "wallMs").slice(0, outColumns.length);
  const outOverWhole = outWholeMs.map((ms, i) => ms / dubanWholeMs[i]!);
  // The CPU time --out adds, spread evenly over every core: the least wall time it could add.
  const cores = os.cpus().length;
  const jsonCpu = pick("duban", "cpuMs").slice(0, outColumns.length);
  const outCpu = pick("out", "cpuMs").slice(0, outColumns.length);
  const addedSpread = outCpu.map((cpu, i) => (cpu - jsonCpu[i]!) / cores);
  const leastOver = addedSpread.map((ms, i) => (dubanMs[i]! + ms) / dubanMs[i]!);
  // What the main thread alone does in --out, in order: no other thread can shorten the command below it.
  const outMain = pick("out", "mainCpuMs").slice(0, outColumns.length);
  const mainOver = outMain.map((ms, i) => ms / dubanMs[i]!);
  const writing = table(
    ["figure", ...outColumns.map((c) => c.label), "target", "met"],
    [
      ["`duban check --json`", ...cells(dubanMs.slice(0, outColumns.length), seconds), "", ""],
      ["its peak RSS", ...cells(dubanMb.slice(0, outColumns.length), megabytes), "", ""],
      ["its CPU time, all threads", ...cells(jsonCpu, seconds), "", ""],
      ["`duban check --out` (checked copy written)", ...cells(outMs, seconds), "", ""],
      ["its peak RSS", ...cells(pick("out", "peakMb").slice(0, outColumns.length), megabytes), "", ""],
      ["its CPU time, all threads", ...cells(outCpu, seconds), "", ""],
      [`the CPU time --out adds, ÷ ${cores} cores`, ...cells(addedSpread, seconds), "", ""],
      ["the least --out ÷ --json that leaves", ...cells(leastOver, times), "", ""],
      [
        "--json's main thread alone, CPU",
        ...cells(pick("duban", "mainCpuMs").slice(0, outColumns.length), seconds),
        "",
        "",
      ],
      ["--out's main thread alone, CPU", ...cells(outMain, seconds), "", ""],
      ["--out's main thread alone ÷ --json (time)", ...cells(mainOver, times), "", ""],
      targetRow("--out ÷ --json (time)", outColumns, outOver, times, "≤ 2×", (r) => r <= 2),
      ["whole process: `duban check --out`", ...cells(outWholeMs, seconds), "", ""],
      targetRow(
        "whole process: --out ÷ --json (time)",
        outColumns,
        outOverWhole,
        times,
        "≤ 2×",
        (r) => r <= 2,
      ),
    ],
  );

  // 2: a small table, whole processes from outside, start-up included.
  const small = (await benchFile(SMALL_ROWS, "exceljs"))!;
  const nodeArgs = ["-e", "0"];
  const checkArgs = [cliBin, "check", small, "--as-of", AS_OF];
  wholeProcess(nodeArgs);
  wholeProcess(checkArgs);
  const startup = rounds(`${SMALL_ROWS} rows, whole process`, {
    node: () => wholeProcess(nodeArgs),
    check: () => wholeProcess(checkArgs),
  });
  const startRatio = startup.check!.wallMs! / startup.node!.wallMs!;
  const starting = table(
    ["figure", "wall", "peak RSS", "target", "met"],
    [
      ["`node -e 0`", seconds(startup.node!.wallMs!), megabytes(startup.node!.peakMb!), "", ""],
      [
        `\`duban check\` of ${SMALL_ROWS} rows`,
        seconds(startup.check!.wallMs!),
        megabytes(startup.check!.peakMb!),
        "",
        "",
      ],
      [
        "duban ÷ node",
        times(startRatio),
        times(startup.check!.peakMb! / startup.node!.peakMb!),
        "≤ 4× (wall)",
        startRatio <= 4 ? "yes" : "no",
      ],
    ],
  );

  const cpus = os.cpus();
  const loads = `load average ${startLoad.toFixed(1)} at the start, ${os.loadavg()[0]!.toFixed(1)} at the end`;
  const print = (text: string) => process.stdout.write(`${text}\n`);
  print(`### Reading and checking (${medianOf})\n`);
  print(reading);
  print(
    `\nEach figure is timed inside its own fresh process once its modules are loaded; peak RSS is the process's maxRSS.` +
      `\nThe "whole process" rows time the same work from outside, node's start-up and the loading of modules included, as` +
      `\nthe issue's own table was measured: \`node dist/bench/child.js floor FILE\` (it loads nothing else) and` +
      `\n\`node bin/duban check FILE --as-of ${AS_OF} --json REPORT\` (or \`--out COPY\`), each with the peak preload.` +
      `\nThe floor reads the file, finds \`xl/worksheets/*.xml\` in the zip's directory, inflates them with node's zlib` +
      `\nand counts \`<c \` with one indexOf pass. "of which" figures come from another process (readWorkbookFile,` +
      `\nthen checkWorkbook). ExcelJS's WorkbookReader resolves shared strings and keeps styles.\n`,
  );
  print(`### Start-up: a ${SMALL_ROWS}-row table, whole process (${medianOf})\n`);
  print(starting);
  print(
    `\nTimed from outside, node's start-up included: \`node bin/duban check FILE --as-of ${AS_OF}\` (text report to a pipe)` +
      `\nbeside \`node -e 0\`, each with a one-line preload that reports peak RSS at exit; one untimed run of each first.\n`,
  );
  print(`### Writing the checked copy (${medianOf})\n`);
  print(writing);
  print(
    `\n--out reads, checks, highlights and writes the generated sheets into a copy; --json writes the report.` +
      `\nCPU time is the process's user and system time while the command ran, every thread's (zlib's pool, V8's` +
      `\ncompiler and collector threads). What --out adds in wall time cannot be less than the CPU time it` +
      `\nadds shared evenly over the cores; "the least ÷" is --json's wall time with that added. The main thread's own` +
      `\nCPU time (Linux's /proc, in hundredths of a second) is work done in order: the command cannot take less.\n`,
  );
  print(`### The workbench in Chromium (median of ${RUNS} page loads each)\n`);
  print(await workbench(columns.filter((c) => c.writer === "exceljs")));
  print(
    `\nFrom choosing the file to the findings on screen, 检查 pressed as soon as it can be; the longest task is the` +
      `\nlongest the page's main thread ran in any of the runs (PerformanceObserver "longtask"). Headless Chromium` +
      `\nfrom Debian, on the same machine as the rest.\n`,
  );
  print(`### Merging the units' answers (${medianOf})\n`);
  print(await mergeFigures());
  print(
    `\nTimed from outside, node's start-up included: \`node bin/duban merge MASTER RETURN×${MERGE_RETURNS} --out MERGED\`` +
      `\n(each return a unit's notice with every second task answered 已完成, a completion date and a note).\n`,
  );
  print(`### Office.js fake and omissions\n`);
  process.stdout.write(await (await import("./excel-bench")).excelBench());
  process.stdout.write((await import("./recurring-bench")).recurringBench());
  print(
    `\nnode ${process.version}, ${cpus.length} × ${cpus[0]?.model.trim() ?? "cpu"}, ${Math.round(os.totalmem() / 2 ** 30)} GB; ${loads}.`,
  );
}

/** 40 answered notices merged into a 5,000-task master, whole process, against the 2 s target. */
async function mergeFigures(): Promise<string> {
  progress(`merge: ${MERGE_RETURNS} returns into ${rowsText(MERGE_TASKS)} tasks`);
  const { master, returns } = await mergeInputs(outDir, AS_OF);
  const merged = path.join(os.tmpdir(), `duban-bench-merged-${process.pid}.xlsx`);
  const args = [cliBin, "merge", master, ...returns, "--out", merged, "--as-of", AS_OF];
  wholeProcess(args);
  const figures = rounds("merge", { merge: () => wholeProcess(args) }).merge!;
  rmSync(merged, { force: true });
  const wall = figures.wallMs!;
  return table(
    ["figure", "wall", "peak RSS", "target", "met"],
    [
      [
        `\`duban merge\`: ${MERGE_RETURNS} returns into ${rowsText(MERGE_TASKS)} tasks`,
        seconds(wall),
        megabytes(figures.peakMb!),
        "< 2 s",
        wall < 2000 ? "yes" : "no",
      ],
    ],
  );
}

/** The workbench table: result time and longest main-thread task per size, and the worker's bundle. */
async function workbench(columns: readonly (Column & { readonly file: string })[]): Promise<string> {
  const { workbenchFigures, workerBundleBytes } = await import("./workbench-bench");
  const figures: Array<WorkbenchFigures | undefined> = [];
  for (const column of columns) {
    progress(`workbench in Chromium, ${column.label}`);
    figures.push(await workbenchFigures(column.file, RUNS));
  }
  const bytes = workerBundleBytes();
  const large = (column: Column) => (column.rows === LARGE_ROWS ? true : undefined);
  const value = (i: number, pick: (f: WorkbenchFigures) => number, format: (n: number) => string) =>
    figures[i] ? format(pick(figures[i]!)) : "not measured";
  return table(
    ["figure", ...columns.map((c) => c.label), "target", "met"],
    [
      [
        "choose the file → findings shown",
        ...columns.map((_, i) => value(i, (f) => f.resultMs, seconds)),
        "≤ 3 s at 100,000 rows",
        met(
          columns,
          columns.map((_, i) => figures[i]?.resultMs ?? NaN),
          (ms, c) => (large(c) && Number.isFinite(ms) ? ms <= 3000 : undefined),
        ),
      ],
      [
        "longest main-thread task",
        ...columns.map((_, i) =>
          value(
            i,
            (f) => f.longestTaskMs,
            (ms) => `${ms.toFixed(0)} ms`,
          ),
        ),
        "≤ 200 ms",
        met(
          columns,
          columns.map((_, i) => figures[i]?.longestTaskMs ?? NaN),
          (ms) => (Number.isFinite(ms) ? ms <= 200 : undefined),
        ),
      ],
      [
        "worker bundle",
        ...columns.map((_, i) => (i === 0 && bytes !== undefined ? `${(bytes / 1000).toFixed(0)} kB` : "")),
        "< 300 kB",
        bytes === undefined ? "not measured" : bytes < 300_000 ? "yes" : "no",
      ],
    ],
  );
}

void bench();
