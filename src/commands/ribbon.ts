// A ribbon command's life from the click to event.completed(), all inside the five minutes Office gives its
// runtime: the report dialog follows the work, shows the outcome, and closes before Office ends the runtime.
// Office comes in through RibbonDeps, so the whole life is tested with a fake host, dialog and clock.

import type { Day, Locale } from "../core";
import type { HostProgress, PaneHost } from "../hosts/contract";
import { Deadline, type Clock } from "./deadline";
import type { ReportDialog } from "./dialog";
import { COMMAND_WORDS, type CommandName } from "./i18n";
import { reportUrl, type ReportStore } from "./messages";
import { runCommand, type Outcome } from "./run";

/** Progress goes to the dialog at most this often. */
const PROGRESS_EVERY_MS = 250;

export interface RibbonDeps {
  readonly host: PaneHost;
  readonly clock: Clock;
  /** The language of the report: Office's display language. */
  readonly locale: Locale;
  readonly today: Day;
  /** The function file's address; report.html sits beside it. */
  readonly base: string;
  /** Whether the dialog can follow the work (DialogApi 1.2); elsewhere it opens with the outcome at the end. */
  readonly canUpdateDialog: boolean;
  /** Opens the report page; undefined when Office shows no dialog. */
  readonly openDialog: (url: string) => Promise<ReportDialog | undefined>;
  /** Where a dialog opened at the end finds the whole outcome (localStorage); undefined where there is none. */
  readonly store: ReportStore | undefined;
  /** Office's event.completed(). */
  readonly completed: () => void;
}

/**
 * Runs a ribbon command and reports it; never throws. Work that would not end in time is stopped and sent to
 * the pane (run.ts); a host that has not answered by the deadline's give-up moment is no longer waited for;
 * at its close moment the report closes and the event completes, whatever is still under way.
 *
 * The pane is named, not opened: Office.addin.showAsTaskpane (SharedRuntime 1.1) works only in a shared
 * runtime, and manifest.xml gives the buttons a function file of their own, so the report says which button
 * opens it.
 */
export async function runRibbonCommand(name: CommandName, deps: RibbonDeps): Promise<void> {
  const { clock, locale } = deps;
  const deadline = new Deadline(clock);
  const words = COMMAND_WORDS[locale];
  let dialog: ReportDialog | undefined;
  let completed = false;
  const complete = () => {
    if (completed) return;
    completed = true;
    deps.completed();
  };
  // Whatever is still under way then (the work, a dialog opening, the person reading), Office must hear that
  // the command is done before it shuts the runtime down.
  const cancelWatch = clock.after(deadline.until(deadline.closeAt), () => {
    dialog?.close();
    complete();
  });
  const giveUp = deadline.wait(deadline.giveUpAt);
  const close = deadline.wait(deadline.closeAt);
  try {
    dialog = deps.canUpdateDialog
      ? await deps.openDialog(reportUrl(deps.base, { locale, command: name }))
      : undefined;
    const controller = new AbortController();
    if (dialog) dialog.onCancel = () => controller.abort();
    let lastProgress = -Infinity;
    const onProgress = (progress: HostProgress) => {
      const now = clock.now();
      if (now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      dialog?.send({ kind: "progress", text: words.progress(progress) });
    };

    const work = runCommand(name, deps.host, {
      locale,
      today: deps.today,
      signal: controller.signal,
      onProgress,
      deadline,
    });
    const noAnswer: Outcome = { tone: "error", lines: [words.noAnswerInTime(name)] };
    const outcome = await Promise.race([work, giveUp.reached.then(() => noAnswer)]);
    if (completed) return;

    if (dialog && !dialog.isClosed) dialog.send({ kind: "outcome", outcome });
    else {
      const url = reportUrl(
        deps.base,
        { locale, command: name, outcome },
        { store: deps.store, id: reportId() },
      );
      dialog = await deps.openDialog(url);
    }
    if (dialog) await Promise.race([dialog.closed, close.reached]);
    else reportWithoutDialog(name, outcome);
  } catch (error) {
    // runCommand words every failure itself; this is Office refusing the dialog in some unforeseen way.
    console.error(error);
  } finally {
    giveUp.cancel();
    close.cancel();
    cancelWatch();
    dialog?.close();
    complete();
  }
}

/** Tells this report's stored outcome from an earlier one's. */
function reportId(): string {
  return Math.random().toString(36).slice(2, 10);
}

/** Office would show no dialog (blocked, or the page could not load): the browser console is all there is. */
function reportWithoutDialog(name: CommandName, outcome: Outcome): void {
  const log = outcome.tone === "error" ? console.error : console.info;
  log(`Duban ${name}: ${outcome.lines.join(" ")}`);
}
