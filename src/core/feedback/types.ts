// 反馈汇总 (merging the units' answers back): what a notice records, what a return holds, what a merge decides.
// Plain data throughout: it crosses from the hosts to the core and back, and to the pane's worker.

import type { Field } from "../table/fields";
import type { CellValue } from "../workbook";

/** The fields a unit may update in its notice; everything else in a notice is protected. */
export const ANSWER_FIELDS = ["status", "doneDate", "evidence", "note"] as const satisfies readonly Field[];
export type AnswerField = (typeof ANSWER_FIELDS)[number];

/** The fields whose change in a return is reported, never applied (they say which task it is and whose). */
export const PROTECTED_FIELDS = ["task", "unit", "deadline"] as const satisfies readonly Field[];
export type ProtectedField = (typeof PROTECTED_FIELDS)[number];

/** The very hidden sheet of a notice workbook that holds its NoticeRecord (column A: a marker, then JSON). */
export const NOTICE_RECORD_SHEET = "_duban_notice";

/** One task row as the notice showed it: where it came from and what the master held then. */
export interface NoticeRow {
  /** The master's own row number (1-based) when the notice was made. */
  readonly masterRow: number;
  /** The notice sheet's row number (1-based) holding this task. */
  readonly noticeRow: number;
  /** fingerprint(task, unit, deadline) of the master row: finds the row again after the master was sorted. */
  readonly fingerprint: string;
  /** The master's cells of the answer fields when the notice was made, to tell a master changed since. */
  readonly sent: Readonly<Partial<Record<AnswerField, CellValue>>>;
}

/** Written into each notice workbook (very hidden): which master, sheet and round it answers. */
export interface NoticeRecord {
  readonly version: 1;
  readonly kind: "notice";
  /** The master workbook's file name. */
  readonly master: string;
  /** The master's task sheet. */
  readonly sheet: string;
  /** The round: the as-of day of the check the notice came from, YYYY-MM-DD. */
  readonly round: string;
  readonly unit: string;
  /** The notice sheet's name in the notice workbook. */
  readonly noticeSheet: string;
  /** Zero-based column of each field shown on the notice sheet (answer fields and protected fields). */
  readonly columns: Readonly<Partial<Record<AnswerField | ProtectedField, number>>>;
  readonly rows: readonly NoticeRow[];
}

/** Why a whole returned file was not used. */
export type SkippedReason = "notWorkbook" | "damaged" | "encrypted" | "notAnswer" | "otherMaster";

/** Why one answered cell or row was reported and not applied. */
export type RejectReason =
  | "masterChanged" // the master cell changed since the notice was made: the master's value is kept
  | "disagree" // two returns answer one cell differently
  | "protectedField" // task, unit or deadline edited in the return
  | "otherUnit" // the return answers a row of another unit
  | "sharedTask" // the row is several units' (各单位): one unit's answer is not the task's
  | "sharedWaiting" // a unit answered a task of several units done: kept until every one of them has
  | "olderRound" // the return is from an older round than the last merge
  | "noMatch" // the returned row matches no master row
  | "mergedCell" // the master cell is merged across rows: one value there would answer several tasks
  | "formulaCell" // the master cell holds a formula other cells share: writing a value would break them
  | "picture"; // the answer is a picture placed in the cell (WPS): its picture is in the returned file alone

/** One master cell the merge changes. */
export interface CellChange {
  /** The returned file it came from (its name as given). */
  readonly file: string;
  readonly unit: string;
  /** The master's row number, 1-based. */
  readonly row: number;
  /** Zero-based column in the master's task sheet. */
  readonly column: number;
  readonly field: AnswerField;
  readonly task: string;
  readonly old: CellValue;
  readonly new: CellValue;
}

/**
 * How many of a merge's answers not applied are done answers to tasks of several units kept for a later merge
 * (sharedWaiting): the clerk is told them apart from answers refused.
 */
export function keptAnswers(outcome: Pick<MergeOutcome, "rejected">): number {
  return outcome.rejected.filter((answer) => answer.reason === "sharedWaiting").length;
}

/** An answer reported and not applied. */
export interface RejectedAnswer {
  readonly file: string;
  readonly unit: string;
  readonly reason: RejectReason;
  /** The master row, where the answer could be matched to one. */
  readonly row?: number;
  /** The row (1-based) of the returned sheet it came from: what names a row that matches nothing. */
  readonly returnedRow?: number;
  readonly field?: AnswerField | ProtectedField;
  readonly task?: string;
  /** The master's value and the returned one (for disagree: the other return's value and file in `other`). */
  readonly master?: CellValue;
  readonly returned?: CellValue;
  readonly other?: { readonly file: string; readonly value: CellValue };
  /** For sharedWaiting: the units the task names that have not answered it done yet. */
  readonly waitingFor?: readonly string[];
}

/**
 * A unit's answer that a task it shares with other units (各单位) is done, kept from merge to merge in the
 * master's record until every unit the task names has answered so: units answer on different days, and the
 * clerk merges the returns as they come.
 */
export interface SharedDone {
  /** fingerprint(task, unit, deadline) of the master row: finds the row again after the master was sorted. */
  readonly fingerprint: string;
  readonly unit: string;
  /** The status as the unit wrote it (已完成). */
  readonly status: string;
  /** The completion day it gave, YYYY-MM-DD, where it gave one. */
  readonly doneDay?: string;
  /** The returned file the answer came from. */
  readonly file: string;
}

export interface SkippedFile {
  readonly file: string;
  readonly reason: SkippedReason;
  /** The host's words for what was wrong (already in the person's language), when it has them. */
  readonly detail?: string;
}

/** Per unit: did it answer, and what came of it. */
export interface UnitFeedback {
  readonly unit: string;
  /** The files whose answers were weighed for the unit. */
  readonly files: readonly string[];
  readonly rowsUpdated: number;
  readonly rowsRejected: number;
  /**
   * Files named after the unit that could not be used (also in MergeOutcome.skipped): it may have answered in
   * them. Absent when there are none.
   */
  readonly unusable?: readonly string[];
}

export interface MergeOutcome {
  /** The round merged: the newest round among the returns applied, YYYY-MM-DD. */
  readonly round?: string;
  readonly changes: readonly CellChange[];
  readonly rejected: readonly RejectedAnswer[];
  readonly skipped: readonly SkippedFile[];
  /** Every unit of the summary (the roster's where there is one), units that did not answer first. */
  readonly units: readonly UnitFeedback[];
  /**
   * Files read that answer for no unit: a plain copy equal to the master in every answer, whose rows belong
   * to several units (a copy of one unit's rows is that unit's, even unchanged).
   */
  readonly unattributed?: readonly string[];
  /**
   * Units' answers that tasks of several units are done, those of earlier merges among them, still waiting
   * for other units' (the master's record keeps them for the next merge). Absent when there are none.
   */
  readonly sharedDone?: readonly SharedDone[];
  /**
   * The tasks of several units still open after the merge that some of their units have answered done (in it
   * or before): which units have, and which are still to, in the roster's order. Absent when there are none.
   */
  readonly sharedProgress?: ReadonlyArray<{
    /** The master's row number, 1-based. */
    readonly row: number;
    readonly task: string;
    readonly done: readonly string[];
    readonly waiting: readonly string[];
  }>;
}
