// `duban check`, `clear`, `notices` and `merge`: reads a workbook through the xlsx host, checks it with the engine,
// reports. Returns the exit code.

import { mergedRows, type Day, type Locale, type MergeOutcome } from "../core";
import { readFileBytes, type OpcPackage } from "../hosts/xlsx";
import {
  checkCommand,
  clearCommand,
  noticesCommand,
  readForCheck,
  runCheck,
  type Checked,
  type ReadWorkbook,
} from "./commands";
import { describeFailure } from "./failure";
import { mergedLine, mergeIntoMaster, readReturns } from "./merge";
import { firstLocale, parseCommandLine, settle, withStoredSettings, type Invocation } from "./invocation";
import { Progress } from "./progress";

export interface CliIO {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  /** The local date today, for the default as-of; a test passes a fixed one. */
  readonly today: () => Day;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  // The settings' default language until --lang or a settings file says otherwise: a failure is described
  // in the language the run had settled on when it failed.
  let locale: Locale = "zh-CN";
  try {
    const line = parseCommandLine(argv);
    if ("answer" in line) {
      io.stdout.write(line.answer);
      return line.exit === "ok" ? EXIT_OK : EXIT_UNUSABLE;
    }
    locale = firstLocale(line);
    const run = await settle(line, io.today);
    locale = run.locale;

    const progress = new Progress(io.stderr, locale);
    progress.reading(run.file);
    const bytes = await readFileBytes(run.file);
    const out = { stdout: io.stdout, columns: io.stderr.columns ?? 120 };
    if (run.command === "clear") {
      await clearCommand(run, bytes, progress, out);
      return EXIT_OK;
    }
    const settled = (to: Locale) => (locale = to);
    // Only what writing needs goes on from reading and checking: held in this function's frame, the cells
    // would outlive the check through every await after it, though nothing reads them there.
    if (run.command === "check") {
      const { pkg, checked } = await readAndCheck(run, bytes, progress, settled).then((done) => ({
        pkg: done.read.pkg,
        checked: done.checked,
      }));
      await checkCommand(run, pkg, checked, out);
      return exitCodeOf(checked);
    }
    if (run.command === "merge") {
      const { pkg, outcome, merged } = await readAndCheck(run, bytes, progress, settled).then((master) =>
        mergeAnswers(run, master, progress),
      );
      await checkCommand(run, pkg, merged, out, outcome);
      mergedLine(run.out!, outcome, locale, out);
      return exitCodeOf(merged);
    }
    const { read, checked } = await readAndCheck(run, bytes, progress, settled);
    await noticesCommand(run, read, checked, out);
    return EXIT_OK;
  } catch (error) {
    io.stderr.write(`duban: ${describeFailure(error, locale, argv)}\n`);
    return EXIT_UNUSABLE;
  }
}

/** A check's exit code: EXIT_FINDINGS where it found an error, EXIT_OK otherwise. */
function exitCodeOf({ result }: Checked): number {
  return result.findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
}

/**
 * The workbook read and checked with its own settings (saved from the task pane) first, a settings file and
 * flags winning; `settled` is told the language the check runs in. The check's result holds what writing
 * needs: once nothing holds the cells, a 100,000-row checked copy is made with some 11 MB less at its peak,
 * and the collector does not mark them again while it is written.
 */
async function readAndCheck(
  run: Invocation,
  bytes: Uint8Array,
  progress: Progress,
  settled: (locale: Locale) => void,
): Promise<{ read: ReadWorkbook; checked: Checked }> {
  const read = await readForCheck(run, bytes);
  const stored = withStoredSettings(run, read.workbook);
  const locale = stored?.locale ?? run.locale;
  settled(locale);
  const checked = runCheck(read.workbook, run, stored?.settings ?? run.settings, locale, progress);
  return { read, checked };
}

/**
 * The units' answers merged into the master as it was read and checked, and the merged table checked: what
 * writing the merge needs, and nothing of the master's cells or of its check before the answers (41 notices
 * merged into a 100,000-row master peak at 321 MB instead of 386 with those let go).
 */
async function mergeAnswers(
  run: Invocation,
  { read, checked }: { read: ReadWorkbook; checked: Checked },
  progress: Progress,
): Promise<{ pkg: OpcPackage; outcome: MergeOutcome; merged: Checked }> {
  const { settings, locale } = checked;
  const returns = await readReturns(run.returns, settings, locale);
  const { outcome, workbook } = mergeIntoMaster(read, checked, returns);
  const merged = runCheck(workbook, run, settings, locale, progress, mergedRows(outcome));
  return { pkg: read.pkg, outcome, merged };
}
