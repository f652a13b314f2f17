// 督办单 (Notices): one printed page per unit with open work, most urgent first, with what to remind it of; and
// one unit's notice made to be answered, its answer cells open to the unit and the rest protected.

import type { CheckResult } from "../../check";
import type { Day } from "../../day";
import { formatDay, isoWeekday, ymdOf, dayFromYmd } from "../../day";
import type { AnswerField, ProtectedField } from "../../feedback/types";
import type { Finding } from "../../findings";
import type { Catalogue } from "../../i18n/catalogue";
import type { TaskRow } from "../../table/rows";
import { cellText } from "../../values/text";
import { isDateCell, type CellRange, type CellValue } from "../../workbook";
import { cell, Layout, type SheetContext } from "../layout";
import type { SheetSpec, SpecCell, StyleName, Validation } from "../spec";

type Urgency = "overdue" | "dueSoon" | "open";
const URGENCY_ORDER: Readonly<Record<Urgency, number>> = { overdue: 0, dueSoon: 1, open: 2 };

/** Every unit's notice, one page each: the checked copy's 督办单. */
export function noticesSheet(cx: SheetContext): SheetSpec {
  const { result, catalogue: cat } = cx;
  const out = cat.output;
  const sheet = new Layout(cx, 5);
  const progress = progressFindings(cx.result.findings);
  const recipients = noticeRecipients(result);
  // Tasks no notice can reach (相关单位) come last, under the words as written, for the clerk to name units.
  const sections = [
    ...[...recipients.units].map(([unit, rows]) => ({
      heading: out.noticeHeading(unit),
      line: out.noticeLine(urgencyCounts(cx, rows, progress)),
      rows,
    })),
    ...[...recipients.unaddressed].map(([word, rows]) => ({
      heading: out.noticeUnaddressed(word),
      line: out.noticeUnaddressedLine({ word, ...urgencyCounts(cx, rows, progress) }),
      rows,
    })),
  ];
  const tasks = new Set(sections.flatMap(({ rows }) => rows.map((row) => row.index)));
  // A task several units share says so on each unit's page (开展安全大检查（各单位）): it is theirs and others'.
  const shared = new Set(
    result.sharedTasks?.filter((task) => task.units.length > 0).map((task) => task.index),
  );

  sheet.title("notices");
  sheet.subtitle(
    out.noticesSubtitle({ file: result.fileName, units: recipients.units.size, tasks: tasks.size }),
  );
  const pageBreaksBefore: number[] = [];
  sections.forEach(({ heading: text, line, rows }, i) => {
    if (i > 0) sheet.blank();
    const heading = sheet.add([cell(text, "sectionTitle")]);
    sheet.merge(heading);
    if (i > 0) pageBreaksBefore.push(heading);
    sheet.merge(sheet.add([cell(line, "subtitle")]));
    sheet.header([out.taskRow, cat.words.task, cat.fields.deadline, cat.fields.status, out.reminder]);
    for (const row of mostUrgentFirst(rows, progress)) {
      sheet.add([
        cell(row.row, "number"),
        cell(shared.has(row.index) ? out.sharedTaskText(row.task, row.unit) : row.task, "textWrap"),
        deadlineCell(row, cat),
        cell(statusText(row, cat), "text"),
        reminderCell(progress.get(row.index), cat),
      ]);
    }
  });
  if (sections.length === 0) sheet.merge(sheet.add([cell(out.noOpenTasks, "text")]));
  return sheet.finish("notices", {
    freezeRows: 2,
    // The title carries the source sheet and the as-of day onto every page sent out.
    repeatRows: { first: 0, last: 0 },
    ...(pageBreaksBefore.length > 0 ? { pageBreaksBefore } : {}),
  });
}

/** Who each open task is sent to: its lead unit, or each unit its group word names (各单位, 各区队). */
export interface NoticeRecipients {
  /** Each unit with open work, in the summary's order (the roster's, else as named), with its open tasks. */
  readonly units: ReadonlyMap<string, readonly TaskRow[]>;
  /** Open tasks whose group word names no unit (相关单位, 各车间 where no unit is a 车间), by the word as written. */
  readonly unaddressed: ReadonlyMap<string, readonly TaskRow[]>;
}

/**
 * The open tasks of each unit, in the table's order: the rows it leads, and the rows a group word gives to it
 * and to others (a task of 各单位 is each unit's to do, and each is reminded of it until it has answered it
 * done: SharedTask.answered).
 */
export function noticeRecipients(
  result: Pick<CheckResult, "rows" | "summary" | "sharedTasks">,
): NoticeRecipients {
  // Each unit's notice asks for its own tasks of one result: the whole table is sorted out once.
  let recipients = RECIPIENTS.get(result);
  if (recipients === undefined) RECIPIENTS.set(result, (recipients = recipientsOf(result)));
  return recipients;
}

const RECIPIENTS = new WeakMap<object, NoticeRecipients>();

function recipientsOf(result: Pick<CheckResult, "rows" | "summary" | "sharedTasks">): NoticeRecipients {
  const shared = new Map(result.sharedTasks?.map((task) => [task.index, task]));
  const units = new Map<string, TaskRow[]>(result.summary.units.map((line) => [line.name, []]));
  const unaddressed = new Map<string, TaskRow[]>();
  const add = (to: Map<string, TaskRow[]>, unit: string, row: TaskRow) => {
    const list = to.get(unit);
    if (list) list.push(row);
    else to.set(unit, [row]);
  };
  for (const row of result.rows) {
    if (row.unit === "" || row.status.kind === "done") continue;
    const task = shared.get(row.index);
    if (task === undefined) add(units, row.unit, row);
    else if (task.units.length === 0) add(unaddressed, row.unit, row);
    // A unit that has answered it done is not chased again while the others have not.
    else for (const unit of task.units) if (!task.answered?.includes(unit)) add(units, unit, row);
  }
  for (const [unit, rows] of units) if (rows.length === 0) units.delete(unit);
  return { units, unaddressed };
}

/** What a unit's answerable notice shows besides the check: the master's answer cells, and the return day. */
export interface AnswerableInput {
  readonly unit: string;
  /** The answer fields the master has columns for, in the order to show them. */
  readonly fields: readonly AnswerField[];
  /** The master's cell of an answer field in a task's row, as it is now: the notice starts from it. */
  readonly current: (row: TaskRow, field: AnswerField) => CellValue;
  /** The day by which the unit sends the notice back. */
  readonly returnBy: Day;
}

export interface AnswerableSheet {
  readonly spec: SheetSpec;
  /** The tasks in the order shown, each with its row on the notice sheet (1-based). */
  readonly rows: ReadonlyArray<{ readonly task: TaskRow; readonly noticeRow: number }>;
  /** Zero-based column of each field shown. */
  readonly columns: Readonly<Partial<Record<AnswerField | ProtectedField, number>>>;
}

/** Columns a unit types into get room to type, however empty the master left them. */
const INPUT_WIDTH: Readonly<Record<AnswerField, number>> = {
  status: 12,
  doneDate: 13,
  evidence: 24,
  note: 30,
};

/**
 * One unit's 督办单 made to be filled in and sent back: its open, overdue and due-soon tasks, most urgent first,
 * with the answer fields prefilled from the master, in the input style (unlocked) under a protected sheet, a
 * drop-down of status words and a date check on the completion date. Undefined when the unit has nothing open.
 */
export function answerableNoticeSheet(cx: SheetContext, input: AnswerableInput): AnswerableSheet | undefined {
  const { result, catalogue: cat } = cx;
  const out = cat.output;
  const open = noticeRecipients(result).units.get(input.unit);
  if (open === undefined) return undefined;
  const progress = progressFindings(cx.result.findings);
  const fields = input.fields;
  const columns: Partial<Record<AnswerField | ProtectedField, number>> = { task: 1, unit: 2, deadline: 3 };
  fields.forEach((field, i) => (columns[field] = 4 + i));
  const width = 5 + fields.length;
  const sheet = new Layout(cx, width);

  sheet.title("notices");
  sheet.merge(sheet.add([cell(out.noticeHeading(input.unit), "sectionTitle")]));
  sheet.merge(sheet.add([cell(out.noticeLine(urgencyCounts(cx, open, progress)), "subtitle")]));
  const returnBy = out.noticeReturnBy({
    day: formatDay(input.returnBy),
    weekday: isoWeekday(input.returnBy),
  });
  sheet.merge(sheet.add([cell(returnBy, "paragraph")]));
  sheet.merge(sheet.add([cell(out.noticeInputs({ fields: fields.map((f) => cat.fields[f]) }), "inputNote")]));
  // The master's own field names, which Duban's reader recognises: the notice reads as a task table too.
  const header = sheet.add([
    cell(out.taskRow, "header"),
    cell(cat.fields.task, "header"),
    cell(cat.fields.unit, "header"),
    cell(cat.fields.deadline, "header"),
    ...fields.map((field) => cell(cat.fields[field], "inputHeader")),
    cell(out.reminder, "header"),
  ]);
  const rows: Array<{ task: TaskRow; noticeRow: number }> = [];
  for (const row of mostUrgentFirst(open, progress)) {
    const at = sheet.add([
      cell(row.row, "number"),
      cell(row.task, "textWrap"),
      cell(row.unit, "text"),
      deadlineCell(row, cat),
      ...fields.map((field) => answerCell(field, input.current(row, field))),
      reminderCell(progress.get(row.index), cat),
    ]);
    rows.push({ task: row, noticeRow: at + 1 });
  }
  const finished = sheet.finish("notices", {
    freezeRows: header + 1,
    repeatRows: { first: header, last: header },
  });
  const spec: SheetSpec = {
    ...finished,
    columns: finished.columns.map((w, c) => {
      const field = fields[c - 4];
      return field === undefined ? w : Math.max(w, INPUT_WIDTH[field]);
    }),
    protect: true,
    validations: validations(cx, columns, { top: header + 1, bottom: sheet.lastRow }),
  };
  return { spec, rows, columns };
}

/** The status drop-down and the completion date check, over the task rows. */
function validations(
  cx: SheetContext,
  columns: Readonly<Partial<Record<AnswerField | ProtectedField, number>>>,
  rows: { top: number; bottom: number },
): Validation[] {
  const out = cx.catalogue.output;
  const range = (column: number): CellRange => ({ ...rows, left: column, right: column });
  const list: Validation[] = [];
  if (columns.status !== undefined) {
    list.push({
      range: range(columns.status),
      kind: "list",
      values: out.statusChoices,
      strict: false,
      prompt: out.statusPrompt,
      error: out.statusWarning,
    });
  }
  if (columns.doneDate !== undefined) {
    // A completion date reported now lies near the as-of day: a year typed wrong (2062, 2206) is caught.
    const { year } = ymdOf(cx.result.asOf);
    const min = dayFromYmd(year - 1, 1, 1)!;
    const max = dayFromYmd(year + 1, 12, 31)!;
    const words = { min: formatDay(min), max: formatDay(max), example: cx.asOf };
    list.push({
      range: range(columns.doneDate),
      kind: "date",
      min,
      max,
      prompt: out.doneDatePrompt(words),
      error: out.doneDateError(words),
    });
  }
  return list;
}

/** The master's answer cell as the unit finds it: a date as a date, a number as a number, the rest as text. */
function answerCell(field: AnswerField, value: CellValue): SpecCell {
  const style: StyleName = field === "doneDate" ? "inputDate" : "input";
  if (isDateCell(value)) return cell(field === "doneDate" ? { day: value.day } : formatDay(value.day), style);
  if (typeof value === "number" && field !== "doneDate") return cell(value, style);
  return cell(value === null ? null : cellText(value), style);
}

/** Each task row's progress finding: overdue, else due soon. */
export function progressFindings(findings: readonly Finding[]): Map<number, Finding> {
  const progress = new Map<number, Finding>();
  for (const finding of findings) {
    if (finding.taskIndex === undefined) continue;
    if (finding.rule === "overdue" || (finding.rule === "due-soon" && !progress.has(finding.taskIndex)))
      progress.set(finding.taskIndex, finding);
  }
  return progress;
}

function urgencyOf(row: TaskRow, progress: ReadonlyMap<number, Finding>): Urgency {
  const rule = progress.get(row.index)?.rule;
  return rule === "overdue" ? "overdue" : rule === "due-soon" ? "dueSoon" : "open";
}

/**
 * Overdue, then due soon, then the rest; in the master's order within each. Three lists filled in one pass,
 * each sorted only where its rows are not in order already (they come in the table's order): a comparison
 * sort of a large table's notices took a tenth of the sheet's making.
 */
export function mostUrgentFirst(rows: readonly TaskRow[], progress: ReadonlyMap<number, Finding>): TaskRow[] {
  const lists: TaskRow[][] = [[], [], []];
  for (const row of rows) lists[URGENCY_ORDER[urgencyOf(row, progress)]]!.push(row);
  for (const list of lists) {
    if (list.some((row, i) => i > 0 && row.row < list[i - 1]!.row)) list.sort((a, b) => a.row - b.row);
  }
  return lists.flat();
}

/** The as-of day and how many of `rows` are open, overdue and due soon: a notice's line under its heading. */
function urgencyCounts(
  cx: SheetContext,
  rows: readonly TaskRow[],
  progress: ReadonlyMap<number, Finding>,
): { asOf: string; open: number; overdue: number; dueSoon: number } {
  const urgencies = rows.map((row) => urgencyOf(row, progress));
  return {
    asOf: cx.asOf,
    open: rows.length,
    overdue: urgencies.filter((u) => u === "overdue").length,
    dueSoon: urgencies.filter((u) => u === "dueSoon").length,
  };
}

function deadlineCell(row: TaskRow, cat: Catalogue): SpecCell {
  switch (row.deadline.kind) {
    case "day":
      return cell({ day: row.deadline.day }, "date");
    case "ongoing":
      return cell(cat.output.ongoing, "text");
    case "invalid":
      return cell(row.deadline.text, "text");
    default:
      return cell(null, "text");
  }
}

/** The status as the clerk wrote it, or a word for a blank one. */
function statusText(row: TaskRow, cat: Catalogue): string {
  return row.statusText === "" ? cat.output.statusBlank : row.statusText;
}

function reminderCell(finding: Finding | undefined, cat: Catalogue): SpecCell {
  if (finding?.rule === "overdue")
    return cell(cat.output.overdueDays(Number(finding.values.days)), "legendOverdue");
  if (finding?.rule === "due-soon")
    return finding.messageId === "dueToday"
      ? cell(cat.output.dueToday, "legendDueSoon")
      : cell(cat.output.dueInWorkdays(Number(finding.values.workdays)), "legendDueSoon");
  return cell(null, "text");
}
