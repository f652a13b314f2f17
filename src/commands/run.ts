// What each ribbon button does, through the pane's host contract and without Office, so it is tested with a
// fake host: check, check and write, or clear; the outcome is worded for the person, never thrown.

import {
  formatNotice,
  formatTableProblem,
  mergeSettings,
  parseSettings,
  TableError,
  type CheckResult,
  type Day,
  type Locale,
} from "../core";
import { HostError, type HostProgress, type PaneHost } from "../hosts/contract";
import { Pace, type Deadline } from "./deadline";
import { COMMAND_WORDS, type CheckFacts, type CommandName } from "./i18n";

export const COMMAND_NAMES: readonly CommandName[] = ["checkTable", "generateSheets", "clearMarks"];

/** What the report dialog shows: a tone for its colour, and the sentences. */
export interface Outcome {
  readonly tone: "success" | "warning" | "error";
  readonly lines: readonly string[];
}

export interface RunOptions {
  /** The language of the outcome: Office's display language. */
  readonly locale: Locale;
  /** The as-of day: today where the person is. */
  readonly today: Day;
  /** The person's Cancel. */
  readonly signal: AbortSignal;
  readonly onProgress: (progress: HostProgress) => void;
  /** The command's moments from the click: work that would not end in time is stopped, or never begun. */
  readonly deadline: Deadline;
}

/**
 * Runs one command on a host and says what happened; errors become an outcome with what to do. Work that, at
 * its pace so far, would not end by the deadline's work moment is stopped through the signal the host honours
 * (its cancel path leaves the workbook as it was), and the outcome sends the person to the pane.
 */
export async function runCommand(name: CommandName, host: PaneHost, options: RunOptions): Promise<Outcome> {
  const words = COMMAND_WORDS[options.locale];
  const { deadline } = options;
  const tooSlow: Outcome = { tone: "warning", lines: [words.tooSlowForRibbon(name)] };
  const stop = new AbortController();
  let late = false;
  const stopLate = () => {
    if (stop.signal.aborted) return;
    late = true;
    stop.abort();
  };
  const stopCancelled = () => stop.abort();
  if (options.signal.aborted) stop.abort();
  else options.signal.addEventListener("abort", stopCancelled);
  // Also stops a host that reports no progress, at the next point it looks at the signal.
  const cancelTimer = deadline.clock.after(deadline.until(deadline.workEndsAt), stopLate);
  const pace = new Pace(deadline, name === "generateSheets");
  const operation = {
    signal: stop.signal,
    onProgress: (progress: HostProgress) => {
      options.onProgress(progress);
      if (!pace.fits(progress)) stopLate();
    },
  };
  try {
    if (name === "clearMarks") {
      await host.clear();
      return { tone: "success", lines: [words.cleared] };
    }
    const parsed = parseSettings(mergeSettings(await host.loadSettings()));
    if ("problems" in parsed) {
      const first = parsed.problems[0]!;
      return { tone: "error", lines: [words.settingsInvalid(first)] };
    }
    const { settings } = parsed;
    const result = await host.check({ ...operation, asOf: options.today, settings });
    const facts = factsOf(result);
    const notices = result.notices.map((notice) => formatNotice(notice, options.locale));
    if (name === "checkTable") {
      const found = facts.errors + facts.warnings + facts.infos > 0;
      return {
        tone: facts.errors + facts.warnings > 0 ? "warning" : "success",
        lines: [words.checked(facts), ...notices, ...(found ? [words.generateHint] : [])],
      };
    }
    // A write that might not end in time is not begun: the host would only have to undo it.
    if (!pace.writeFits()) return tooSlow;
    // The generated sheets speak the workbook's language (its settings), like the command line's.
    const written = await host.writeResults(result, { ...operation, settings, locale: settings.language });
    return { tone: "success", lines: [words.generated({ ...facts, sheets: written.sheets }), ...notices] };
  } catch (error) {
    if (late && isCancelled(error)) return tooSlow;
    return { tone: "error", lines: [describeError(error, options.locale)] };
  } finally {
    cancelTimer();
    options.signal.removeEventListener("abort", stopCancelled);
  }
}

function isCancelled(error: unknown): boolean {
  return (error instanceof HostError && error.kind === "cancelled") || isAbortError(error);
}

/** An AbortSignal's reason is a DOMException, which is not always an Error (another realm's, or older engines). */
function isAbortError(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { name?: unknown }).name === "AbortError";
}

function factsOf(result: CheckResult): CheckFacts {
  const bySeverity = { error: 0, warning: 0, info: 0 };
  for (const finding of result.findings) bySeverity[finding.severity] += 1;
  const { total } = result.summary;
  return {
    sheet: result.sheet,
    tasks: total.tasks,
    overdue: total.overdue,
    dueSoon: total.dueSoon,
    dataProblems: total.dataProblems,
    errors: bySeverity.error,
    warnings: bySeverity.warning,
    infos: bySeverity.info,
  };
}

/** One sentence for anything a host or the engine threw. */
export function describeError(error: unknown, locale: Locale): string {
  const words = COMMAND_WORDS[locale];
  if (error instanceof HostError) return words.hostErrors[error.kind](error.detail);
  if (error instanceof TableError) return formatTableProblem(error.detail, locale);
  if (isAbortError(error)) return words.hostErrors.cancelled("");
  const detail = error instanceof Error ? error.message : String(error);
  return words.hostErrors.unexpected(detail);
}
