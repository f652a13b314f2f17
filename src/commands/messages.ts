// What the ribbon commands and their report dialog say to each other (Office passes strings: JSON here), and
// the dialog page's address, with what it shows where no message can reach it.

import type { Locale } from "../core";
import type { CommandName } from "./i18n";
import type { Outcome } from "./run";

/** From the command to the dialog (needs DialogApi 1.2, `messageChild`). */
export type ToDialog =
  | { readonly kind: "progress"; readonly text: string }
  | { readonly kind: "outcome"; readonly outcome: Outcome };

/** From the dialog to the command. */
export type ToParent = { readonly kind: "ready" } | { readonly kind: "close" } | { readonly kind: "cancel" };

/** What the dialog page learns from its address: the words' language, the command, and maybe its outcome. */
export interface ReportPageState {
  readonly locale: Locale;
  readonly command: CommandName;
  /** Absent while the command runs; the outcome comes as a message then. */
  readonly outcome?: Outcome;
}

const COMMANDS: readonly string[] = ["checkTable", "generateSheets", "clearMarks"];
const TONES: readonly string[] = ["success", "warning", "error"];

/** localStorage as the report needs it: the command writes, its dialog (same origin) reads. */
export type ReportStore = Pick<Storage, "getItem" | "setItem" | "removeItem">;

/**
 * localStorage, where a report's outcome waits for its dialog; undefined where the page may not use it
 * (reading it throws when storage is blocked). The dialog shares it only on the same origin, and not at all in
 * Office on the web in Safari (the dialog API's documentation), so the report's address carries a short form.
 */
export function reportStore(): ReportStore | undefined {
  try {
    return typeof localStorage === "undefined" ? undefined : localStorage;
  } catch {
    return undefined;
  }
}

/** The one entry a report's outcome waits in: only one report dialog is open at a time. */
export const REPORT_KEY = "duban.report";

/**
 * The longest report.html address a command opens. Internet Explorer, which some Office versions on Windows
 * still use for add-ins, takes at most 2,083 characters, and Office appends its own `_host_info` parameter.
 */
export const MAX_REPORT_URL = 2_000;

/**
 * report.html's address beside the page `base` (the function file). With an outcome (for a dialog that cannot
 * be sent messages), the whole outcome waits in `keep.store` under `keep.id`, and the address carries only
 * that id, the tone and the first line, cut to keep the address within MAX_REPORT_URL: a dialog that cannot
 * read the store (Safari does not share it with the dialog) still shows what was done.
 */
export function reportUrl(
  base: string,
  state: ReportPageState,
  keep?: { readonly store: ReportStore | undefined; readonly id: string },
): string {
  const url = new URL("report.html", base);
  url.searchParams.set("lang", state.locale);
  url.searchParams.set("command", state.command);
  const { outcome } = state;
  if (!outcome) return url.href;
  url.searchParams.set("tone", outcome.tone);
  if (keep?.store && keepOutcome(keep.store, keep.id, outcome)) url.searchParams.set("report", keep.id);
  const line = outcome.lines[0];
  if (line !== undefined) setWithin(url, "line", line);
  return url.href;
}

function keepOutcome(where: ReportStore, id: string, outcome: Outcome): boolean {
  try {
    where.setItem(REPORT_KEY, JSON.stringify({ id, outcome }));
    return true;
  } catch {
    // Full, or refused (a private window): the first line in the address has to do.
    return false;
  }
}

/** Sets `name` to `text`, cut short (with …) as far as the address needs to stay within MAX_REPORT_URL. */
function setWithin(url: URL, name: string, text: string): void {
  url.searchParams.set(name, text);
  if (url.href.length <= MAX_REPORT_URL) return;
  const chars = [...text];
  const cut = (n: number) => `${chars.slice(0, n).join("")}…`;
  let fits = 0;
  let fails = chars.length;
  while (fails - fits > 1) {
    const n = Math.floor((fits + fails) / 2);
    url.searchParams.set(name, cut(n));
    if (url.href.length <= MAX_REPORT_URL) fits = n;
    else fails = n;
  }
  url.searchParams.set(name, cut(fits));
}

/**
 * The state report.html's address names; anything missing or odd falls back to a plain default. An outcome
 * waiting in `store` under the address's id is taken out (so it does not linger); without it, the tone and
 * first line in the address stand for the outcome.
 */
export function readReportUrl(search: string, from?: ReportStore): ReportPageState {
  const params = new URLSearchParams(search);
  const locale: Locale = params.get("lang") === "en-US" ? "en-US" : "zh-CN";
  const commandParam = params.get("command") ?? "";
  const command = (COMMANDS.includes(commandParam) ? commandParam : "checkTable") as CommandName;
  const outcome = storedOutcome(from, params.get("report")) ?? addressOutcome(params);
  return outcome ? { locale, command, outcome } : { locale, command };
}

function storedOutcome(from: ReportStore | undefined, id: string | null): Outcome | undefined {
  if (!from || id === null) return undefined;
  try {
    const entry = parseJson(from.getItem(REPORT_KEY) ?? "");
    if (!isRecord(entry) || entry.id !== id) return undefined;
    from.removeItem(REPORT_KEY);
    return asOutcome(entry.outcome);
  } catch {
    return undefined;
  }
}

function addressOutcome(params: URLSearchParams): Outcome | undefined {
  const tone = params.get("tone");
  const line = params.get("line");
  return asOutcome({ tone, lines: line === null ? [] : [line] });
}

export function parseToDialog(text: string): ToDialog | undefined {
  const value = parseJson(text);
  if (!isRecord(value)) return undefined;
  if (value.kind === "progress" && typeof value.text === "string")
    return { kind: "progress", text: value.text };
  if (value.kind === "outcome") {
    const outcome = asOutcome(value.outcome);
    return outcome ? { kind: "outcome", outcome } : undefined;
  }
  return undefined;
}

export function parseToParent(text: string): ToParent | undefined {
  const value = parseJson(text);
  if (!isRecord(value)) return undefined;
  return value.kind === "ready" || value.kind === "close" || value.kind === "cancel"
    ? { kind: value.kind }
    : undefined;
}

function asOutcome(value: unknown): Outcome | undefined {
  if (!isRecord(value) || typeof value.tone !== "string" || !TONES.includes(value.tone)) return undefined;
  if (!Array.isArray(value.lines) || !value.lines.every((line) => typeof line === "string")) return undefined;
  return { tone: value.tone as Outcome["tone"], lines: value.lines as string[] };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
