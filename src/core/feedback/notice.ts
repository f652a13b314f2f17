// A unit's notice made to be answered: its 督办单 sheet and the record (very hidden beside it) that lets the merge
// find each answered row in the master again.

import type { CheckResult } from "../check";
import { buildCalendar } from "../calendar";
import { formatDay, type Day } from "../day";
import { contextFor } from "../output/generate";
import { answerableNoticeSheet } from "../output/sheets/notices";
import { pictureId } from "../values/picture";
import type { SheetSpec } from "../output/spec";
import type { Locale, Settings } from "../settings";
import type { TaskRow } from "../table/rows";
import { columnIndex, type CellValue, type WorkbookModel } from "../workbook";
import { fingerprint, noticeRecordCells } from "./record";
import {
  ANSWER_FIELDS,
  NOTICE_RECORD_SHEET,
  type AnswerField,
  type NoticeRecord,
  type NoticeRow,
} from "./types";

export interface NoticeOptions {
  readonly settings: Settings;
  readonly locale: Locale;
  /** The master as read for the check: its answer cells are prefilled on the notice and recorded as sent. */
  readonly workbook: WorkbookModel;
  /** The master's file name as the record keeps it, when it is not the check's (result.fileName). */
  readonly masterFile?: string;
}

export interface AnswerableNotice {
  /** The notice sheet, then its record's very hidden sheet (NOTICE_RECORD_SHEET). */
  readonly sheets: SheetSpec[];
  readonly record: NoticeRecord;
}

/**
 * One unit's notice to send and have answered: its open, overdue and due-soon tasks with the answer fields the
 * master has (status, completion date, evidence, note) open to the unit, and a record of where each row came
 * from and what the master held in its answer cells. Undefined when the unit has nothing open.
 * @throws Error when the workbook given is not the one the check read (it lacks the task sheet)
 */
export function answerableNotice(
  result: CheckResult,
  options: NoticeOptions,
  unit: string,
): AnswerableNotice | undefined {
  const grid = options.workbook.sheets.find((sheet) => sheet.name === result.sheet);
  if (!grid) throw new Error(`The workbook has no sheet ${result.sheet}, which the check read`);
  const masterColumn = new Map<AnswerField, number>();
  for (const field of ANSWER_FIELDS) {
    const letter = result.columns[field];
    const column = letter === undefined ? undefined : columnIndex(letter);
    if (column !== undefined) masterColumn.set(field, column);
  }
  // Only what the merge can write back: a field the master has no column for is not asked.
  const fields = ANSWER_FIELDS.filter((field) => masterColumn.has(field));
  const current = (row: TaskRow, field: AnswerField): CellValue =>
    grid.rows[row.row - 1]?.[masterColumn.get(field)!] ?? null;
  const cx = contextFor(result, options);
  // A picture placed in a cell cannot go with the notice: the unit is shown that there is one.
  const shown = (row: TaskRow, field: AnswerField): CellValue => {
    const value = current(row, field);
    return pictureId(value) === undefined ? value : cx.catalogue.output.feedback.picture;
  };
  const sheet = answerableNoticeSheet(cx, {
    unit,
    fields,
    current: shown,
    returnBy: returnByDay(result.asOf, options.settings),
  });
  if (!sheet) return undefined;
  const rows = sheet.rows.map(({ task, noticeRow }): NoticeRow => ({
    masterRow: task.row,
    noticeRow,
    fingerprint: fingerprint(task.task, task.unit, task.deadline),
    sent: Object.fromEntries(fields.map((field) => [field, current(task, field)])),
  }));
  const record: NoticeRecord = {
    version: 1,
    kind: "notice",
    master: options.masterFile ?? result.fileName,
    sheet: result.sheet,
    round: formatDay(result.asOf),
    unit,
    noticeSheet: sheet.spec.name,
    columns: sheet.columns,
    rows,
  };
  return { sheets: [sheet.spec, recordSheet(record)], record };
}

/**
 * The day a notice is to be back: `notices.returnWithinDays` working days after the as-of day, by the settings'
 * calendar (the workbook's holiday sheet is not read here: a day it adds off moves no return day much).
 * @example returnByDay(parseIsoDay("2026-11-18")!, DEFAULT_SETTINGS) // 2026-11-23, the third working day after
 */
export function returnByDay(asOf: Day, settings: Settings): Day {
  const calendar = buildCalendar(settings.workdays);
  let day = asOf;
  for (let found = 0; found < settings.notices.returnWithinDays;) {
    day += 1;
    if (calendar.isWorkday(day)) found += 1;
  }
  return day;
}

/** The record down column A of a very hidden sheet, as text (a piece of JSON never becomes a formula). */
function recordSheet(record: NoticeRecord): SheetSpec {
  return {
    kind: "notices",
    name: NOTICE_RECORD_SHEET,
    columns: [],
    rows: noticeRecordCells(record).map((text) => ({ cells: [{ value: text, style: "text" }] })),
    merges: [],
    freezeRows: 0,
    dataBars: [],
    print: { landscape: false },
    state: "veryHidden",
  };
}
