// Duban's own record inside a workbook: which sheets it generated, the last ranking, a host's bookkeeping.
// It lives in a very hidden sheet, so it travels with the file and every host can read it as cell values.

import type { SharedDone } from "../feedback/types";
import type { ScoreMethod } from "../settings";
import { cellText } from "../values/text";
import type { WorkbookModel } from "../workbook";
import type { GeneratedKind } from "./spec";

/** The very hidden sheet holding the record (column A: a marker, then the JSON in pieces). */
export const RECORD_SHEET = "_duban";
/** The very hidden sheet whose cells say which colour each cell of the task table gets. */
export const MARKS_SHEET = "_duban_marks";
/**
 * The very hidden sheet holding the person's settings (JSON in column A, as the record), so that they
 * travel with the workbook to every host. Clearing Duban's results leaves it.
 */
export const SETTINGS_SHEET = "_duban_settings";
/**
 * The very hidden sheet that says a run is writing (the Excel host's lock: the task pane and each ribbon
 * command run side by side). It exists only while a run holds it, or until its lease runs out.
 */
export const LOCK_SHEET = "_duban_lock";
/**
 * The start of the names of sheets a host writes hidden until they are whole (the Excel host: a write that
 * Excel cuts short leaves them, and any host's next run removes them).
 */
export const TEMPORARY_PREFIX = "_duban_new_";
const SETTINGS_MARKER = "Duban settings v1";

const MARKER = "Duban record v1";
/** Below Excel's 32,767 characters a cell may hold. */
const PIECE = 30_000;

export interface PreviousRanking {
  readonly asOf: string;
  readonly entries: ReadonlyArray<{ readonly unit: string; readonly rank: number }>;
}

/** A ranked unit on a check day, as the 考核记录 / History sheet and the bulletin read it. */
export interface HistoryUnit {
  readonly unit: string;
  readonly score: number;
  readonly rank: number;
  readonly tasks: number;
  readonly overdue: number;
  /** Omissions (漏项): entries the unit should have made by its specification and did not. */
  readonly omissions: number;
  /** Its rows with data problems (missing fields, unreadable dates and the like). */
  readonly dataProblems: number;
}

/** One check day of the history: every ranked unit's score and rank, in rank order. */
export interface HistoryEntry {
  /** YYYY-MM-DD */
  readonly asOf: string;
  /** Scores of different methods do not compare: a change of method shows no change of score. */
  readonly method: ScoreMethod;
  readonly units: readonly HistoryUnit[];
}

export interface DubanRecord {
  readonly version: 1;
  readonly generated: ReadonlyArray<{ readonly name: string; readonly kind: GeneratedKind }>;
  /** The task sheet that carries the highlights. */
  readonly highlightSheet?: string;
  readonly ranking?: PreviousRanking;
  /**
   * The earlier ranking this one was compared with. Checking again for the same day compares with it
   * again, so that checking twice leaves the same workbook as checking once.
   */
  readonly baseline?: PreviousRanking;
  /**
   * The checks' scores and ranks by check day, oldest first, one entry a day (see withHistory). Absent in a
   * record written before there was a history.
   */
  readonly history?: readonly HistoryEntry[];
  /**
   * The last merge of the units' answers (反馈汇总): its round, the as-of day of the notices it merged. A notice
   * of an older round is not merged again. With it, the units' done answers to tasks of several units that
   * wait for the other units' (see mergeAnswers). Kept through later checks that merge nothing.
   */
  readonly merge?: { readonly round?: string; readonly shared?: readonly SharedDone[] };
  /** What a host needs to undo its own changes exactly (the xlsx host: the styles it appended). */
  readonly host?: unknown;
  /**
   * Written before a host's first change that another program could interrupt, taken out after its last:
   * while it is here, every sheet it names may be a half-written or half-replaced sheet of Duban's (the old
   * results, the new ones under their temporary and final names), for the next run to finish or remove.
   */
  readonly journal?: { readonly run: string; readonly sheets: readonly string[] };
}

/**
 * A marker, then `value` as JSON in pieces a cell can hold: column A of one of Duban's very hidden sheets,
 * top to bottom. A sheet of cells is what every program that saves a workbook again keeps.
 */
export function markedJsonCells(marker: string, value: unknown): string[] {
  const json = JSON.stringify(value);
  const pieces = [marker];
  for (let i = 0; i < json.length; i += PIECE) pieces.push(json.slice(i, i + PIECE));
  return pieces;
}

/** The JSON text that markedJsonCells put into `sheetName`, or undefined when the sheet or its marker is not there. */
export function markedJsonText(
  workbook: WorkbookModel,
  sheetName: string,
  marker: string,
): string | undefined {
  const sheet = workbook.sheets.find((s) => s.name === sheetName);
  if (!sheet || cellText(sheet.rows[0]?.[0]) !== marker) return undefined;
  return sheet.rows
    .slice(1)
    .map((row) => cellText(row?.[0]))
    .join("");
}

/** The record's cells, top to bottom in column A. */
export function recordCells(record: DubanRecord): string[] {
  return markedJsonCells(MARKER, record);
}

/** The record a workbook carries, or undefined when it has none or it cannot be read (then nothing is Duban's). */
export function readRecord(workbook: WorkbookModel): DubanRecord | undefined {
  const json = markedJsonText(workbook, RECORD_SHEET, MARKER);
  if (json === undefined) return undefined;
  try {
    const record = JSON.parse(json) as DubanRecord;
    return record?.version === 1 && Array.isArray(record.generated) ? record : undefined;
  } catch {
    return undefined;
  }
}

/** The settings' cells, top to bottom in column A. */
export function settingsCells(settings: unknown): string[] {
  return markedJsonCells(SETTINGS_MARKER, settings);
}

/**
 * The settings a workbook carries (not yet validated: see parseSettings), undefined when it has none.
 * @throws SyntaxError when the sheet is there but its JSON is damaged.
 */
export function readWorkbookSettings(workbook: WorkbookModel): unknown {
  const json = markedJsonText(workbook, SETTINGS_SHEET, SETTINGS_MARKER);
  return json === undefined ? undefined : JSON.parse(json);
}

/** Sheets that are Duban's own and never a task table. */
export function dubanSheetNames(workbook: WorkbookModel): Set<string> {
  const names = new Set([RECORD_SHEET, MARKS_SHEET, SETTINGS_SHEET, LOCK_SHEET]);
  const record = readRecord(workbook);
  for (const sheet of record?.generated ?? []) names.add(sheet.name);
  for (const name of record?.journal?.sheets ?? []) names.add(name);
  return names;
}

/**
 * Whether a sheet holds results a host wrote (the marks, the generated sheets, what a cut-short write left:
 * the sheets its journal names and its temporary sheets): what replacing or clearing the results removes.
 * The record, the settings and the lock are not among them; each host handles those itself.
 */
export function isResultSheet(name: string, record: DubanRecord | undefined): boolean {
  return (
    name === MARKS_SHEET ||
    name.startsWith(TEMPORARY_PREFIX) ||
    (record?.generated ?? []).some((g) => g.name === name) ||
    (record?.journal?.sheets ?? []).includes(name)
  );
}

/** The ranking a new check for `asOf` compares with: the last one, or, re-checking the same day, its own baseline. */
export function rankingBaseline(record: DubanRecord | undefined, asOf: string): PreviousRanking | undefined {
  if (!record?.ranking) return undefined;
  return record.ranking.asOf === asOf ? record.baseline : record.ranking;
}

/** The round of the last merge a workbook's record keeps (YYYY-MM-DD), for mergeAnswers' lastRound. */
export function lastMergeRound(record: DubanRecord | undefined): string | undefined {
  const round = record?.merge?.round;
  return typeof round === "string" ? round : undefined;
}

/** What a workbook's record remembers of its earlier merges, as mergeAnswers takes it (lastRound, sharedDone). */
export function earlierMerges(record: DubanRecord | undefined): {
  readonly lastRound?: string;
  readonly sharedDone?: readonly SharedDone[];
} {
  const lastRound = lastMergeRound(record);
  const sharedDone = recordedSharedDone(record);
  return {
    ...(lastRound === undefined ? {} : { lastRound }),
    ...(sharedDone.length > 0 ? { sharedDone } : {}),
  };
}

/**
 * The done answers to tasks of several units that a workbook's record keeps for the next merge (mergeAnswers'
 * sharedDone); those the record holds in another shape (edited, or written otherwise) are left out.
 */
export function recordedSharedDone(record: DubanRecord | undefined): SharedDone[] {
  const shared: unknown = record?.merge?.shared;
  if (!Array.isArray(shared)) return [];
  return shared.filter((entry: unknown): entry is SharedDone => {
    const done = entry as Partial<Record<keyof SharedDone, unknown>> | null;
    return (
      typeof done === "object" &&
      done !== null &&
      typeof done.fingerprint === "string" &&
      typeof done.unit === "string" &&
      typeof done.status === "string" &&
      typeof done.file === "string" &&
      (done.doneDay === undefined ||
        (typeof done.doneDay === "string" && /^\d{4}-\d{2}-\d{2}$/.test(done.doneDay)))
    );
  });
}
