// State and actions of the pane's work with its host: checking, writing, clearing, saving a correction.

import type { CheckResult, Day, MergeOutcome, Notice, Settings, SettingsInput } from "../core";
import type { FindingItem } from "./findings";
import type { HostProgress, MergeToUndo, NoticeFileOut } from "../hosts/contract";
import type { MappingChoice } from "./mapping";
import type { PaneProblem } from "./problems";

export type OperationKind = "check" | "save" | "write" | "clear" | "merge" | "undo" | "notices";

export interface Operation {
  readonly kind: OperationKind;
  /** The host's last report; undefined until the first one. */
  readonly progress?: HostProgress;
  /** Clearing has no signal in the host contract, and undoing runs to its end once begun: neither cancels. */
  readonly cancellable: boolean;
  readonly cancelling: boolean;
}

/** What a finished operation did, for a success message. */
export type Outcome =
  | { readonly kind: "written"; readonly sheets: readonly string[] }
  | { readonly kind: "cleared" }
  /** The returns merged: what the merge decided, and the Feedback sheet that lists it. */
  | { readonly kind: "merged"; readonly outcome: MergeOutcome; readonly feedbackSheet: string | undefined }
  | { readonly kind: "undone"; readonly cells: number }
  /**
   * Each unit's answerable notice file, to download (none when no unit has open work), and the notice of open
   * tasks that went into no file because their unit cell names no unit (相关单位).
   */
  | { readonly kind: "notices"; readonly files: readonly NoticeFileOut[]; readonly unaddressed?: Notice };

/** A check's result with the settings it ran with (writing uses the same). */
export interface Checked {
  /** Counts the checks, so views of an earlier result start afresh. */
  readonly id: number;
  readonly result: CheckResult;
  readonly settings: Settings;
}

export interface CheckState {
  /** The as-of date as typed: YYYY-MM-DD. */
  readonly asOfText: string;
  /** undefined while the text is not a real date. */
  readonly asOf: Day | undefined;
  readonly operation: Operation | undefined;
  readonly checked: Checked | undefined;
  /** The workbook's settings as last loaded (unvalidated). */
  readonly stored: SettingsInput | undefined;
  readonly problem: PaneProblem | undefined;
  readonly outcome: Outcome | undefined;
  /** The merge the workbook can undo (撤销合并), as the host last said. */
  readonly mergeToUndo: MergeToUndo | undefined;
}

export interface CheckActions {
  readonly setAsOfText: (text: string) => void;
  readonly check: () => void;
  readonly cancel: () => void;
  readonly write: () => void;
  readonly clear: () => void;
  /** Merges the units' returned workbooks into the table, checks again and writes the Feedback sheet. */
  readonly merge: (files: readonly File[]) => void;
  /** Checks the workbook and offers each unit's answerable notice file (the outcome "notices"). */
  readonly noticeFiles: () => void;
  /** Puts back the cells the last merge changed, then checks again. */
  readonly undoMerge: () => void;
  /** Stores the corrected sheet, header row and columns in the workbook, then checks again. */
  readonly saveMapping: (choice: MappingChoice) => void;
  /** Stores the workbook's settings without the wrong keys, then checks again. */
  readonly removeBadSettings: () => void;
  readonly openFinding: (item: FindingItem) => void;
  /** Shows a failure from elsewhere in the pane (reading sheet names or a header row). */
  readonly reportError: (error: unknown) => void;
  readonly dismissProblem: () => void;
  readonly dismissOutcome: () => void;
}
