// What the faces (task pane, ribbon commands, workbench) need from the workbook they work on: one contract,
// kept by the Excel add-in's host (Office.js) and by the workbench's host (an .xlsx file in the browser). It
// lives with the hosts so that a host never imports a face: faces depend on hosts, hosts on the core.

import type { CheckResult, Day, Locale, Settings, SettingsInput, WorkbookModel } from "../core";
import type { MergeOutcome, SkippedFile } from "../core/feedback/types";

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

/** A returned workbook (a unit's answered notice, or a copy of the task table) as the person picked it. */
export interface ReturnedWorkbook {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Reads a returned file, or says why it cannot be used (already worded in `locale`). The Excel host cannot
 * read a file itself (one host does not import another): the face that makes it hands it the xlsx host's.
 */
export type ReturnReader = (file: ReturnedWorkbook, locale: Locale) => Promise<WorkbookModel | SkippedFile>;

/** What merging and undoing need: the check they re-run and the language of the sheets they write. */
export type MergeOperation = HostOperation & {
  readonly asOf: Day;
  readonly settings: Settings;
  readonly locale: Locale;
};

/** A unit's answerable notice workbook (督办单), to send to the unit and merge back when it returns. */
export interface NoticeFileOut {
  readonly unit: string;
  readonly bytes: Uint8Array;
}

/**
 * Makes each unit's notice workbook from a check and the workbook it read. The Excel host writes no files
 * (one host does not import another): the face that asks hands it the xlsx host's.
 */
export type NoticeMaker = (
  result: CheckResult,
  workbook: WorkbookModel,
  options: { readonly settings: Settings; readonly locale: Locale },
) => Promise<readonly NoticeFileOut[]>;

export interface MergeDone {
  readonly outcome: MergeOutcome;
  /** The check of the workbook as merged (what the pane shows next). */
  readonly result: CheckResult;
  /** The generated sheets written, in tab order. */
  readonly sheets: readonly string[];
  /** The Feedback sheet's name as written (反馈情况, or 反馈情况 (2) beside a sheet of the person's). */
  readonly feedbackSheet: string | undefined;
}

/** The merge a workbook holds that undoMerge can take back. */
export interface MergeToUndo {
  /** Cells the merge changed. */
  readonly cells: number;
  /** The round merged, YYYY-MM-DD, when the returns said. */
  readonly round?: string;
}

export type UndoDone =
  /** Every changed cell holds its value from before the merge again; the results are re-written. */
  | {
      readonly kind: "undone";
      readonly cells: number;
      readonly result: CheckResult;
      readonly sheets: readonly string[];
    }
  /** Refused, nothing changed: these cells (`H12`) were edited since the merge, and undoing would lose that. */
  | { readonly kind: "edited"; readonly sheet: string; readonly cells: readonly string[] };

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
  /**
   * Merges the units' returned workbooks into the task table (反馈汇总): the answers the merge accepts are
   * written into their cells (values only), the table is checked again and the results are written with the
   * Feedback sheet. The values the cells held before are kept for undoMerge.
   */
  mergeFeedback(returns: readonly ReturnedWorkbook[], options: MergeOperation): Promise<MergeDone>;
  /** The merge undoMerge would take back; undefined when there is none. */
  mergeToUndo(): Promise<MergeToUndo | undefined>;
  /**
   * Puts back every cell the last merge changed, exactly as it was, then checks again and re-writes the
   * results; refused (nothing changed) when a changed cell was edited since the merge.
   */
  undoMerge(options: MergeOperation): Promise<UndoDone>;
  /**
   * Checks the workbook as it is now and makes each unit's answerable notice file with `make` (the workbook
   * itself is not changed); one file per unit with open, overdue or due-soon work, none when there is none.
   */
  noticeFiles(options: MergeOperation, make: NoticeMaker): Promise<readonly NoticeFileOut[]>;
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
