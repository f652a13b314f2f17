// The function file's script: the three ribbon buttons that run without the pane (检查, 生成汇总, 清除标记).
// Each runs on the Excel host, tells the person what it did in a small dialog, and always completes its event.
/// <reference types="office-js" />

import { createExcelHost } from "../hosts/excel";
import type { HostProgress } from "../taskpane/host";
import { canUpdateDialog, openReportDialog, type ReportDialog } from "./dialog";
import { COMMAND_WORDS, type CommandName } from "./i18n";
import { reportUrl } from "./messages";
import { displayLocale, localToday } from "./office-env";
import { COMMAND_NAMES, runCommand, type Outcome } from "./run";

/** Progress goes to the dialog at most this often. */
const PROGRESS_EVERY_MS = 250;
/** A report nobody closes is closed after this long, so the command still ends. */
const REPORT_MAX_MS = 5 * 60_000;

async function runFromRibbon(name: CommandName, event: Office.AddinCommands.Event): Promise<void> {
  try {
    const locale = displayLocale();
    const words = COMMAND_WORDS[locale];
    const base = window.location.href;
    // Where the dialog can be updated, it opens at once (with Cancel) and follows the work; elsewhere it opens
    // with the outcome at the end.
    let dialog = canUpdateDialog()
      ? await openReportDialog(reportUrl(base, { locale, command: name }))
      : undefined;
    const controller = new AbortController();
    if (dialog) dialog.onCancel = () => controller.abort();
    let lastProgress = 0;
    const onProgress = (progress: HostProgress) => {
      const now = Date.now();
      if (now - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = now;
      dialog?.send({ kind: "progress", text: words.progress(progress) });
    };

    const outcome = await runCommand(name, createExcelHost(), {
      locale,
      today: localToday(),
      signal: controller.signal,
      onProgress,
    });

    if (dialog && !dialog.isClosed) dialog.send({ kind: "outcome", outcome });
    else dialog = await openReportDialog(reportUrl(base, { locale, command: name, outcome }));
    if (dialog) await untilClosed(dialog);
    else reportWithoutDialog(name, outcome);
  } catch (error) {
    // runCommand words every failure itself; this is Office refusing the dialog in some unforeseen way.
    console.error(error);
  } finally {
    event.completed();
  }
}

/** Waits for the person to close the report (the page itself closes a success after a while). */
async function untilClosed(dialog: ReportDialog): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cap = new Promise<void>((resolve) => (timer = setTimeout(resolve, REPORT_MAX_MS)));
  await Promise.race([dialog.closed, cap]);
  clearTimeout(timer);
  dialog.close();
}

/** Office would show no dialog (blocked, or the page could not load): the browser console is all there is. */
function reportWithoutDialog(name: CommandName, outcome: Outcome): void {
  const log = outcome.tone === "error" ? console.error : console.info;
  log(`Duban ${name}: ${outcome.lines.join(" ")}`);
}

Office.onReady(() => {
  for (const name of COMMAND_NAMES) {
    Office.actions.associate(name, (event: Office.AddinCommands.Event) => void runFromRibbon(name, event));
  }
});
