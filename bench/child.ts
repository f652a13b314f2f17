// One measurement in a fresh process, so that each peak memory figure is its own: prints one JSON line.

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { checkWorkbook, parseIsoDay, rankUnits, DEFAULT_SETTINGS } from "../src/core";
import { summarise } from "../src/core/summary";
import { readWorkbookFile } from "../src/hosts/xlsx";

const [mode, file, asOfText] = process.argv.slice(2) as [string, string, string];
const asOf = parseIsoDay(asOfText)!;
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

async function measure(): Promise<Record<string, number>> {
  if (mode === "library-read") {
    const start = process.hrtime.bigint();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const cells = workbook.worksheets.reduce((n, sheet) => n + sheet.actualRowCount, 0);
    return { totalMs: ms(start), peakMb: peakMb(), rows: cells };
  }
  if (mode === "phases") {
    let start = process.hrtime.bigint();
    const workbook = await readWorkbookFile(file);
    const readMs = ms(start);
    start = process.hrtime.bigint();
    const result = checkWorkbook(workbook, { asOf, settings: DEFAULT_SETTINGS });
    const checkAllMs = ms(start);
    // The summary and ranking again on their own, to tell their share of checkWorkbook.
    start = process.hrtime.bigint();
    const summary = summarise(result.rows, result.findings);
    rankUnits(summary.units, DEFAULT_SETTINGS.ranking);
    const summaryMs = ms(start);
    return {
      readMs,
      checkMs: checkAllMs - summaryMs,
      summaryMs,
      engineMs: checkAllMs,
      findings: result.findings.length,
    };
  }
  if (mode === "library-roundtrip") {
    const dir = mkdtempSync(path.join(tmpdir(), "duban-bench-"));
    const start = process.hrtime.bigint();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    await workbook.xlsx.writeFile(path.join(dir, "out.xlsx"));
    const totalMs = ms(start);
    rmSync(dir, { recursive: true, force: true });
    return { totalMs, peakMb: peakMb() };
  }
  if (mode === "cli-out") return cliRun("--out", "out.xlsx");
  if (mode === "cli") return cliRun("--json", "r.json");
  throw new Error(`unknown mode ${mode}`);
}

/** The whole command in this process, writing its output (--out or --json) into a temporary folder. */
async function cliRun(flag: string, output: string): Promise<Record<string, number>> {
  const dir = mkdtempSync(path.join(tmpdir(), "duban-bench-"));
  const start = process.hrtime.bigint();
  const sink = { write: () => true };
  const code = await main(["check", file, "--as-of", asOfText, flag, path.join(dir, output)], {
    stdout: sink,
    stderr: sink,
    today: () => asOf,
  });
  const totalMs = ms(start);
  rmSync(dir, { recursive: true, force: true });
  return { totalMs, peakMb: peakMb(), exitCode: code };
}

void measure().then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`));
