// Reading a returned workbook: the answers a unit wrote into its notice, or into a plain copy of the task table.

import { parseIsoDay, ymdOf } from "../day";
import { dubanSheetNames } from "../output/record";
import type { Settings } from "../settings";
import { locateTable, TableError, type TableLocation } from "../table/locate";
import { readTaskRows } from "../table/rows";
import { parseDate } from "../values/date";
import { cellUnits } from "../recurring/units";
import { cellText, compactKey, normalizeText } from "../values/text";
import type { CellValue, SheetGrid, WorkbookModel } from "../workbook";
import { fingerprint, readNoticeRecord } from "./record";
import {
  ANSWER_FIELDS,
  NOTICE_RECORD_SHEET,
  PROTECTED_FIELDS,
  type AnswerField,
  type NoticeRecord,
  type NoticeRow,
  type ProtectedField,
} from "./types";

/** One row of a return, as the unit left it. */
export interface ReturnedRow {
  /** The return's own row number (1-based) on its sheet. */
  readonly row: number;
  /** The answer cells as the return holds them (a date stays a date cell), for each answer column it has. */
  readonly answers: Readonly<Partial<Record<AnswerField, CellValue>>>;
  /** The protected cells as the return holds them, for each such column it has. */
  readonly protected: Readonly<Partial<Record<ProtectedField, CellValue>>>;
  /** The task as shown (white space made one). */
  readonly task: string;
  /** The task as compared: full-width forms folded, no spaces (as TaskRow.taskKey). */
  readonly taskKey: string;
  /** The lead unit, normalised (as TaskRow.unit); a notice's own unit where its sheet shows none. */
  readonly unit: string;
  /** A plain copy's id cell as text, normalised; absent where the table has no id column or the cell is empty. */
  readonly id?: string;
  /** A notice's record of this row: which master row it came from and what the master held then. */
  readonly notice?: NoticeRow;
  /**
   * A notice row's fingerprint as its own task, unit and deadline cells read now: the record's was taken by
   * the Duban that made the notice, which may have read them otherwise (an earlier version).
   */
  readonly shownFingerprint?: string;
}

export type ReturnedAnswers =
  | {
      readonly kind: "notice";
      readonly record: NoticeRecord;
      /** The sheet the answers were read from. */
      readonly sheet: string;
      /** One per row of the record, in the record's order. */
      readonly rows: readonly ReturnedRow[];
    }
  | {
      readonly kind: "copy";
      readonly sheet: string;
      /** Every task row of the copy's table, top to bottom. */
      readonly rows: readonly ReturnedRow[];
    };

/**
 * The answers a returned workbook holds: a notice's, by its record, or a plain copy's (of the master, or a
 * notice made by hand), by its task table. `settings` are the master's: a copy of the master keeps its
 * layout; where they find no table (a notice made by hand), the table is looked for as in any workbook.
 * @returns `{ skipped: "notAnswer" }` when the workbook is neither.
 */
export function readAnswers(
  workbook: WorkbookModel,
  settings: Settings,
): ReturnedAnswers | { readonly skipped: "notAnswer" } {
  const record = readNoticeRecord(workbook);
  if (record) return noticeAnswers(workbook, record) ?? { skipped: "notAnswer" };
  const location = copyTable(workbook, settings);
  return location ? copyAnswers(location) : { skipped: "notAnswer" };
}

// ---------------------------------------------------------------------------------------------------------
// A notice with its record

function noticeAnswers(workbook: WorkbookModel, record: NoticeRecord): ReturnedAnswers | undefined {
  const sheet = noticeSheet(workbook, record.noticeSheet);
  if (!sheet) return undefined;
  // The record's year reads a deadline written without one (11月30日), as the master's check did.
  const year = ymdOf(parseIsoDay(record.round) ?? 0).year;
  const finder = new RowFinder(sheet, record, year);
  const rows = record.rows.map((noticeRow) => {
    const r = finder.find(noticeRow);
    const cells = sheet.rows[r - 1] ?? [];
    const answers: Partial<Record<AnswerField, CellValue>> = {};
    for (const field of ANSWER_FIELDS) {
      const column = record.columns[field];
      if (column !== undefined) answers[field] = cells[column] ?? null;
    }
    const kept: Partial<Record<ProtectedField, CellValue>> = {};
    for (const field of PROTECTED_FIELDS) {
      const column = record.columns[field];
      if (column !== undefined) kept[field] = cells[column] ?? null;
    }
    const task = showTask(kept.task);
    const shown = finder.fingerprintAt(r);
    return {
      row: r,
      answers,
      protected: kept,
      task,
      taskKey: taskKeyOf(task),
      unit: kept.unit === undefined ? normalizeText(record.unit) : leadUnit(kept.unit),
      notice: noticeRow,
      ...(shown === undefined ? {} : { shownFingerprint: shown }),
    };
  });
  return { kind: "notice", record, sheet: sheet.name, rows };
}

/** The notice sheet by its name; a unit may have renamed it, which leaves it the one sheet shown. */
function noticeSheet(workbook: WorkbookModel, name: string): SheetGrid | undefined {
  const exact = workbook.sheets.find((s) => s.name === name);
  if (exact) return exact;
  const key = compactKey(name);
  const alike = workbook.sheets.find((s) => compactKey(s.name) === key);
  if (alike) return alike;
  const shown = workbook.sheets.filter((s) => !s.hidden && s.name !== NOTICE_RECORD_SHEET);
  return shown.length === 1 ? shown[0] : undefined;
}

/**
 * Where each recorded row is now. A notice is protected without a password, so a unit can still insert,
 * delete or sort rows: a row is where the record put it while its task, unit and deadline there still make
 * its fingerprint, else the one row of the sheet that makes it; else where the record put it (an edited task
 * or deadline is then reported against the master row).
 */
class RowFinder {
  private byFingerprint: Map<string, number[]> | undefined;

  constructor(
    private readonly sheet: SheetGrid,
    private readonly record: NoticeRecord,
    private readonly year: number,
  ) {}

  find(row: NoticeRow): number {
    const { task, deadline } = this.record.columns;
    if (task === undefined || deadline === undefined) return row.noticeRow;
    if (this.fingerprintAt(row.noticeRow) === row.fingerprint) return row.noticeRow;
    if (!this.byFingerprint) {
      this.byFingerprint = new Map();
      for (let r = 1; r <= this.sheet.rows.length; r++) {
        const key = this.fingerprintAt(r);
        if (key === undefined) continue;
        const list = this.byFingerprint.get(key);
        if (list) list.push(r);
        else this.byFingerprint.set(key, [r]);
      }
    }
    const found = this.byFingerprint.get(row.fingerprint);
    return found?.length === 1 ? found[0]! : row.noticeRow;
  }

  /** The fingerprint of row `r` as its task, unit and deadline cells read now; undefined for no task there. */
  fingerprintAt(r: number): string | undefined {
    const cells = this.sheet.rows[r - 1];
    const { task, unit, deadline } = this.record.columns;
    if (!cells || task === undefined || deadline === undefined) return undefined;
    const text = showTask(cells[task]);
    if (text === "") return undefined;
    const owner = unit === undefined ? normalizeText(this.record.unit) : leadUnit(cells[unit]);
    return fingerprint(text, owner, parseDate(cells[deadline], this.year));
  }
}

// ---------------------------------------------------------------------------------------------------------
// A plain copy of the task table

/**
 * The copy's task table, found as the master's was (Duban's own sheets left out); undefined when it has none.
 * The master's choice of sheet, header row and columns is tried first, then none, for a table made by hand.
 */
function copyTable(workbook: WorkbookModel, settings: Settings): TableLocation | undefined {
  const skip = dubanSheetNames(workbook);
  skip.add(NOTICE_RECORD_SHEET);
  const attempts: Settings[] = [settings];
  if (
    settings.sheet !== undefined ||
    settings.headerRow !== undefined ||
    Object.keys(settings.columns).length
  )
    attempts.push({ ...settings, sheet: undefined, headerRow: undefined, columns: {} });
  for (const attempt of attempts) {
    try {
      return locateTable(workbook, attempt, skip);
    } catch (error) {
      if (!(error instanceof TableError)) throw error;
    }
  }
  return undefined;
}

function copyAnswers(location: TableLocation): ReturnedAnswers {
  const { sheet, columns } = location;
  const idColumn = columns.get("id");
  // Only the rows' places, tasks and units are taken from the reading: its dates are not used (the merge
  // reads the returned cells against the master's year), so any day serves as its as-of.
  const rows = readTaskRows(location, 0).map((taskRow): ReturnedRow => {
    const cells = sheet.rows[taskRow.row - 1] ?? [];
    const answers: Partial<Record<AnswerField, CellValue>> = {};
    for (const field of ANSWER_FIELDS) {
      const column = columns.get(field);
      if (column !== undefined) answers[field] = cells[column] ?? null;
    }
    const kept: Partial<Record<ProtectedField, CellValue>> = {};
    for (const field of PROTECTED_FIELDS) {
      const column = columns.get(field);
      if (column !== undefined) kept[field] = cells[column] ?? null;
    }
    const id = idColumn === undefined ? "" : normalizeText(cellText(cells[idColumn]));
    return {
      row: taskRow.row,
      answers,
      protected: kept,
      task: taskRow.task,
      taskKey: taskRow.taskKey,
      unit: taskRow.unit,
      ...(id === "" ? {} : { id }),
    };
  });
  return { kind: "copy", sheet: sheet.name, rows };
}

// ---------------------------------------------------------------------------------------------------------
// Text as compared

/** A task cell as shown: white space made one, as TaskRow.task. */
function showTask(value: CellValue | undefined): string {
  return cellText(value).replace(/\s+/g, " ").trim();
}

/** As TaskRow.taskKey: full-width forms folded, no spaces. */
export function taskKeyOf(task: string): string {
  return task.normalize("NFKC").replace(/\s+/g, "");
}

/** The first unit a cell names, as TaskRow.unit: it leads the task and owns the row. */
export function leadUnit(value: CellValue | undefined): string {
  return cellUnits(cellText(value))[0] ?? "";
}
