// The report dialog as the ribbon commands see it: opened with Office's dialog API, fed progress and the
// outcome, and finished when the person (or the page, after a while) closes it, or the command does before
// Office ends its runtime (ribbon.ts).
/// <reference types="office-js" />

import { parseToParent, type ToDialog } from "./messages";

export interface ReportDialog {
  /** Shows a progress line or the outcome; held back until the page says it is listening. */
  send(message: ToDialog): void;
  /** Called when the person presses Cancel while the command runs. */
  onCancel: (() => void) | undefined;
  /** True once the dialog is gone, whoever closed it. */
  readonly isClosed: boolean;
  /** Resolves when the dialog is gone. */
  readonly closed: Promise<void>;
  close(): void;
}

/** Office's error when a page already has a dialog open; only one at a time is allowed. */
const ALREADY_OPEN = 12007;
const SIZE: Office.DialogOptions = { height: 30, width: 36, displayInIframe: true };

let current: LiveDialog | undefined;

/** Whether the dialog can be updated after it opened (DialogApi 1.2, `messageChild`). */
export function canUpdateDialog(): boolean {
  return Office.context.requirements.isSetSupported("DialogApi", "1.2");
}

/**
 * Opens the report page. A report still open from an earlier command is closed first (its command then
 * finishes); undefined when Office will not show a dialog (then the ribbon command has no way to report).
 */
export async function openReportDialog(url: string): Promise<ReportDialog | undefined> {
  if (current) current.close();
  for (let attempt = 0; attempt < 4; attempt++) {
    const result = await display(url);
    if (result.status === Office.AsyncResultStatus.Succeeded) return (current = new LiveDialog(result.value));
    // Office needs a moment after close() before it lets the page open another dialog.
    if (result.error.code !== ALREADY_OPEN) return undefined;
    await delay(400 * (attempt + 1));
  }
  return undefined;
}

function display(url: string): Promise<Office.AsyncResult<Office.Dialog>> {
  return new Promise((resolve) => Office.context.ui.displayDialogAsync(url, SIZE, resolve));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

class LiveDialog implements ReportDialog {
  onCancel: (() => void) | undefined;
  readonly closed: Promise<void>;
  private ready = false;
  private done = false;
  private pending: ToDialog[] = [];
  private resolveClosed!: () => void;

  constructor(private readonly dialog: Office.Dialog) {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
      const message = "message" in arg ? parseToParent(arg.message) : undefined;
      if (message?.kind === "ready") this.flush();
      else if (message?.kind === "close") this.close();
      else if (message?.kind === "cancel") this.onCancel?.();
    });
    // Closed with its own X (12006), or the page failed to load: either way it is gone.
    dialog.addEventHandler(Office.EventType.DialogEventReceived, () => this.finish());
  }

  get isClosed(): boolean {
    return this.done;
  }

  send(message: ToDialog): void {
    if (this.done) return;
    if (!this.ready) {
      // Only the latest progress matters; an outcome is always kept.
      this.pending = [
        ...this.pending.filter((m) => m.kind !== "progress" || message.kind !== "progress"),
        message,
      ];
      return;
    }
    try {
      this.dialog.messageChild(JSON.stringify(message));
    } catch {
      // The dialog went away between the check and the call; its close event finishes it.
    }
  }

  close(): void {
    if (this.done) return;
    try {
      this.dialog.close();
    } finally {
      this.finish();
    }
  }

  private flush(): void {
    this.ready = true;
    const pending = this.pending;
    this.pending = [];
    for (const message of pending) this.send(message);
  }

  private finish(): void {
    this.done = true;
    if (current === this) current = undefined;
    this.resolveClosed();
  }
}
