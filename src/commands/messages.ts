// What the ribbon commands and their report dialog say to each other (Office passes strings: JSON here), and
// the dialog page's address with everything it shows before the first message.

import type { Locale } from "../core";
import type { CommandName } from "./i18n";
import type { Outcome } from "./run";

/** From the command to the dialog (needs DialogApi 1.2, `messageChild`). */
export type ToDialog =
  | { readonly kind: "progress"; readonly text: string }
  | { readonly kind: "outcome"; readonly outcome: Outcome };

/** From the dialog to the command. */
export type ToParent = { readonly kind: "ready" } | { readonly kind: "close" } | { readonly kind: "cancel" };

/** What the dialog page reads from its address: the words' language, the command, and maybe its outcome. */
export interface ReportPageState {
  readonly locale: Locale;
  readonly command: CommandName;
  /** Absent while the command runs; the outcome comes as a message then. */
  readonly outcome?: Outcome;
}

const COMMANDS: readonly string[] = ["checkTable", "generateSheets", "clearMarks"];
const TONES: readonly string[] = ["success", "warning", "error"];

/** report.html's address beside the page `base` (the function file), carrying `state` in its query. */
export function reportUrl(base: string, state: ReportPageState): string {
  const url = new URL("report.html", base);
  url.searchParams.set("lang", state.locale);
  url.searchParams.set("command", state.command);
  if (state.outcome) url.searchParams.set("outcome", JSON.stringify(state.outcome));
  return url.toString();
}

/** The state in report.html's query; anything missing or odd falls back to a plain default. */
export function readReportUrl(search: string): ReportPageState {
  const params = new URLSearchParams(search);
  const locale: Locale = params.get("lang") === "en-US" ? "en-US" : "zh-CN";
  const commandParam = params.get("command") ?? "";
  const command = (COMMANDS.includes(commandParam) ? commandParam : "checkTable") as CommandName;
  const outcome = parseOutcome(params.get("outcome"));
  return outcome ? { locale, command, outcome } : { locale, command };
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

function parseOutcome(text: string | null): Outcome | undefined {
  return text === null ? undefined : asOutcome(parseJson(text));
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
