// What the faces (task pane, ribbon commands, workbench) need from the workbook they work on: one contract,
// kept by the Excel add-in's host (Office.js) and by the workbench's host (an .xlsx file in the browser). It
// lives with the hosts so that a host never imports a face: faces depend on hosts, hosts on the core.

import type { CheckResult, Day, Locale, Settings, SettingsInput } from "../core";

/** The phases a host reports, in the order an operation passes through them. */
export const HOST_PHASES = ["reading", "checking", "writing"] as const;
export type HostPhase = (typeof HOST_PHASES)[number];

export interface HostProgress {
  readonly phase: HostPhase;
  readonly done: number;
  readonly total: number;
}

export interface HostOperation {
  /** Aborting stops at the next block; nothing half-written is left (a host undoes what it began). */
  readonly signal: AbortSignal;
  readonly onProgress: (progress: HostProgress) => void;
}

export interface PaneHost {
  readonly kind: "excel" | "workbench";
  /** The settings the workbook carries (its very hidden settings sheet), unvalidated; undefined if none. */
  loadSettings(): Promise<SettingsInput | undefined>;
  /** Stores settings in the workbook, so they travel with it. */
  saveSettings(settings: SettingsInput): Promise<void>;
  /** The workbook's visible sheet names, for choosing the task table by hand. */
  sheetNames(): Promise<string[]>;
  /** The texts of one row of a sheet (1-based), for choosing the header row and the columns by hand. */
  rowTexts(sheet: string, row: number): Promise<string[]>;
  /** Reads what the engine needs and checks it. */
  check(options: HostOperation & { readonly asOf: Day; readonly settings: Settings }): Promise<CheckResult>;
  /** Writes highlights and the generated sheets for a check; returns the names the sheets got. */
  writeResults(
    result: CheckResult,
    options: HostOperation & { readonly settings: Settings; readonly locale: Locale },
  ): Promise<{ readonly sheets: readonly string[] }>;
  /** Takes out Duban's highlights and generated sheets (never a sheet the person made). */
  clear(): Promise<void>;
  /** Shows a cell: selects it on its sheet. */
  selectCell(sheet: string, cell: string): Promise<void>;
}

/**
 * The kinds of failure a host reports. Each face that words them (the pane, the ribbon commands) keys its
 * sentences by this list, so a new kind without a sentence is a compile error there, and tests walk it.
 */
export const HOST_ERROR_KINDS = [
  "unsupported",
  "input",
  "busy",
  "locked",
  "protected",
  "interrupted",
  "cancelled",
  "tooLarge",
  "unexpected",
] as const;
export type HostErrorKind = (typeof HOST_ERROR_KINDS)[number];

/**
 * A failure the faces word for the person (their catalogues have a sentence per kind, saying what to do);
 * `detail` is what the host knows (a requirement set, a sheet name, Office's own error text).
 */
export class HostError extends Error {
  constructor(
    readonly kind: HostErrorKind,
    readonly detail: string = "",
  ) {
    super(`${kind}${detail ? `: ${detail}` : ""}`);
    this.name = "HostError";
  }
}
