// One measurement in a fresh process, so that each peak memory figure is its own: prints one JSON line.
// Each mode loads only what it uses, so that one mode's modules do not weigh on another's peak.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

const [mode, file, asOfText] = process.argv.slice(2) as [string, string, string];
const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;
const peakMb = () => process.resourceUsage().maxRSS / 1024;

async function measure(): Promise<Record<string, number>> {
  if (mode === "floor") {
    const { floorRead } = await import("./floor");
    const start = process.hrtime.bigint();
    const figures = floorRead(file);
    return { totalMs: ms(start), peakMb: peakMb(), ...figures };
  }
  if (mode === "exceljs-stream") {
    const { default: ExcelJS } = await import("exceljs");
    const start = process.hrtime.bigint();
    // What a reader needs to give values: shared strings resolved and styles kept (dates are numbers with a
    // date format). Every row and every cell that has a value is visited.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
      worksheets: "emit",
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      entries: "emit",
    });
    let rows = 0;
    let cells = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) {
        rows++;
        row.eachCell((cell) => {
          if (cell.value !== undefined) cells++;
        });
      }
    }
    return { totalMs: ms(start), peakMb: peakMb(), rows, cells };
  }
  if (mode === "phases") {
    const { checkWorkbook, parseIsoDay, rankUnits, DEFAULT_SETTINGS } = await import("../src/core");
    const { summarise } = await import("../src/core/summary");
    const { readWorkbookFile } = await import("../src/hosts/xlsx");
    const asOf = parseIsoDay(asOfText)!;
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
  if (mode === "cli-out") return cliRun("--out", "out.xlsx");
  if (mode === "cli") return cliRun("--json", "r.json");
  throw new Error(`unknown mode ${mode}`);
}

/** The whole command in this process, writing its output (--out or --json) into a temporary folder. */
async function cliRun(flag: string, output: string): Promise<Record<string, number>> {
  const { main } = await import("../src/cli/main");
  const { parseIsoDay } = await import("../src/core");
  const asOf = parseIsoDay(asOfText)!;
  const dir = mkdtempSync(path.join(tmpdir(), "duban-bench-"));
  const start = process.hrtime.bigint();
  const cpuBefore = process.cpuUsage();
  const mainBefore = mainThreadCpuMs();
  const sink = { write: () => true };
  const code = await main(["check", file, "--as-of", asOfText, flag, path.join(dir, output)], {
    stdout: sink,
    stderr: sink,
    today: () => asOf,
  });
  const totalMs = ms(start);
  // Every thread's: zlib's pool and V8's own helpers (the compiler's and the collector's) besides this one.
  const cpu = process.cpuUsage(cpuBefore);
  const mainAfter = mainThreadCpuMs();
  rmSync(dir, { recursive: true, force: true });
  return {
    totalMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ...(mainBefore !== undefined && mainAfter !== undefined ? { mainCpuMs: mainAfter - mainBefore } : {}),
    peakMb: peakMb(),
    exitCode: code,
  };
}

/**
 * This thread's own CPU time in ms, where Linux tells it (/proc); undefined elsewhere. The main thread's work
 * is done in order, whatever the other threads do: no scheduling makes the command shorter than it.
 */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    // After the name in parentheses (which may hold spaces): utime and stime are stat(5)'s fields 14 and 15,
    // in clock ticks of 1/100 s (USER_HZ, 100 on Linux's usual builds).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

void measure().then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`));
