// The report dialog's page: shows what a ribbon command is doing and then what it did, in the person's
// language, with OK (and Cancel while it runs). The command sends progress and the outcome as messages
// (DialogApi 1.2); where messages cannot reach a dialog, the outcome waits in localStorage under the id in the
// page's address, which also carries its tone and first line.
/// <reference types="office-js" />

import { COMMAND_WORDS } from "./i18n";
import { parseToDialog, readReportUrl, reportStore, type ToParent } from "./messages";
import type { Outcome } from "./run";

/** A report of success closes itself after this long; a warning or an error waits for OK. */
const SUCCESS_CLOSES_AFTER_MS = 20_000;

const state = readReportUrl(window.location.search, reportStore());
const words = COMMAND_WORDS[state.locale];

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`report.html lacks #${id}`);
  return found as T;
}

const title = element<HTMLHeadingElement>("title");
const status = element<HTMLParagraphElement>("status");
const lines = element<HTMLDivElement>("lines");
const ok = element<HTMLButtonElement>("ok");
const cancel = element<HTMLButtonElement>("cancel");

document.documentElement.lang = state.locale;
document.title = `${words.appName} · ${words.titles[state.command]}`;
title.textContent = words.titles[state.command];
ok.textContent = words.ok;
cancel.textContent = words.cancel;

let finished = false;

function showWorking(text: string): void {
  if (finished) return;
  status.textContent = text;
}

function showOutcome(outcome: Outcome): void {
  finished = true;
  document.body.dataset.tone = outcome.tone;
  status.textContent = "";
  lines.replaceChildren(
    ...outcome.lines.map((line) => {
      const p = document.createElement("p");
      p.textContent = line;
      return p;
    }),
  );
  cancel.hidden = true;
  ok.hidden = false;
  ok.focus();
  if (outcome.tone === "success") setTimeout(() => tell({ kind: "close" }), SUCCESS_CLOSES_AFTER_MS);
}

function showOutside(): void {
  showWorking(words.outsideExcel);
  finished = true;
  cancel.hidden = true;
}

/** Messages the command; outside Office (the page opened by hand) the window just closes. */
function tell(message: ToParent): void {
  const ui = typeof Office === "undefined" ? undefined : Office.context?.ui;
  if (ui?.messageParent) ui.messageParent(JSON.stringify(message));
  else if (message.kind === "close") window.close();
}

ok.addEventListener("click", () => tell({ kind: "close" }));
cancel.addEventListener("click", () => {
  cancel.disabled = true;
  showWorking(words.cancelling);
  tell({ kind: "cancel" });
});
document.addEventListener("keydown", (event) => {
  if (event.key !== "Escape") return;
  if (finished) tell({ kind: "close" });
  else if (!cancel.disabled) cancel.click();
});

if (state.outcome) {
  showOutcome(state.outcome);
} else {
  showWorking(words.starting);
  cancel.hidden = false;
  ok.hidden = true;
}

if (typeof Office === "undefined") {
  if (!state.outcome) showOutside();
} else {
  void Office.onReady(() => {
    // Opened by hand in a browser, office.js has no dialog context: nothing will ever report here.
    if (!Office.context?.ui && !state.outcome) showOutside();
    if (state.outcome || !Office.context?.requirements?.isSetSupported("DialogApi", "1.2")) return;
    Office.context.ui.addHandlerAsync(
      Office.EventType.DialogParentMessageReceived,
      (arg: Office.DialogParentMessageReceivedEventArgs) => {
        const message = parseToDialog(arg.message);
        if (message?.kind === "progress") showWorking(message.text);
        else if (message?.kind === "outcome") showOutcome(message.outcome);
      },
      // Only now can the command's messages be heard: it holds them back until this.
      () => tell({ kind: "ready" }),
    );
  });
}
