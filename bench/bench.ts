// `npm run bench`: reading, checking, summarising and ranking 10,000- and 100,000-row workbooks, beside
// ExcelJS's bare read of the same file. Each figure comes from a fresh process; prints a table.

import { execFileSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import * as path from "node:path";
import { parseIsoDay } from "../src/core";
import { writeBenchWorkbook } from "./bench-workbook";

const AS_OF = "2026-11-18";
const SIZES = (process.env.BENCH_ROWS ?? "10000,100000").split(",").map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const outDir = path.resolve(__dirname, "../../bench/out");

function child(mode: string, file: string): Record<string, number> {
  const output = execFileSync(process.execPath, [path.join(__dirname, "child.js"), mode, file, AS_OF], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return JSON.parse(output.trim().split("\n").pop()!) as Record<string, number>;
}

/** The median run of several, by the figure that matters for that mode. */
function median(mode: string, file: string, key: string): Record<string, number> {
  const runs = Array.from({ length: RUNS }, () => child(mode, file)).sort((a, b) => a[key]! - b[key]!);
  return runs[Math.floor(runs.length / 2)]!;
}

async function bench(): Promise<void> {
  const rows: string[][] = [];
  const writeRows: string[][] = [];
  for (const size of SIZES) {
    const file = path.join(outDir, `bench-${size}.xlsx`);
    if (!existsSync(file)) await writeBenchWorkbook(file, size, parseIsoDay(AS_OF)!);
    const library = median("library-read", file, "totalMs");
    const phases = median("phases", file, "engineMs");
    const cli = median("cli", file, "totalMs");
    rows.push([
      size.toLocaleString("en-US"),
      (statSync(file).size / 1e6).toFixed(1),
      (library.totalMs! / 1000).toFixed(2),
      library.peakMb!.toFixed(0),
      (phases.readMs! / 1000).toFixed(2),
      (phases.checkMs! / 1000).toFixed(3),
      (phases.summaryMs! / 1000).toFixed(3),
      (cli.totalMs! / 1000).toFixed(2),
      cli.peakMb!.toFixed(0),
      (cli.totalMs! / library.totalMs!).toFixed(2),
      (cli.peakMb! / library.peakMb!).toFixed(2),
      String(phases.findings),
    ]);
    const roundTrip = median("library-roundtrip", file, "totalMs");
    const out = median("cli-out", file, "totalMs");
    writeRows.push([
      size.toLocaleString("en-US"),
      (roundTrip.totalMs! / 1000).toFixed(2),
      roundTrip.peakMb!.toFixed(0),
      (out.totalMs! / 1000).toFixed(2),
      out.peakMb!.toFixed(0),
      (out.totalMs! / roundTrip.totalMs!).toFixed(2),
      (out.peakMb! / roundTrip.peakMb!).toFixed(2),
    ]);
  }
  const head = [
    "rows",
    "file MB",
    "ExcelJS read s",
    "ExcelJS peak MB",
    "duban read s",
    "check s",
    "summary+rank s",
    "duban check s",
    "duban peak MB",
    "time ×",
    "memory ×",
    "findings",
  ];
  printTable(head, rows);
  printTable(
    [
      "rows",
      "ExcelJS read+write s",
      "ExcelJS peak MB",
      "duban check --out s",
      "duban peak MB",
      "time ×",
      "memory ×",
    ],
    writeRows,
  );
  process.stdout.write(
    `\nmedian of ${RUNS} runs each, node ${process.version}; "duban check" is the whole command (read, check, summary, ranking, JSON report) in one process;\n× compares it with ExcelJS's bare read of the same file (time, peak RSS); in the second table, "duban check --out"\n(read, check, highlights and generated sheets written into a copy) beside ExcelJS reading and writing the same file.\n`,
  );
  process.stdout.write(await (await import("./excel-bench")).excelBench());
  process.stdout.write((await import("./recurring-bench")).recurringBench());
}

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(" | ")} |`;
  process.stdout.write(`\n${line(head)}\n|${widths.map((w) => "-".repeat(w + 2)).join("|")}|\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}

void bench();
