// 反馈汇总: which returned answers go into the master task table, and which are reported instead, with why.
//
// The rules, where SPEC leaves a choice:
// - A returned cell left empty where the master has a value is no answer, not an erasure: units clear cells by
//   accident far more often than they mean to take back what was reported.
// - A value the same as the master's, compared as shown (white space and full-width forms folded; a completion
//   date by its day however written), is no change. In a notice, a cell the unit left as the notice showed it
//   is no answer either, even where the master has changed since.
// - A row with an edited protected field (task, unit, deadline) has none of its answers applied: the row the
//   unit answered may not be the row the master holds, and the clerk sees the edit and the values.
// - A plain copy answers for the unit most of its changed rows belong to (ties go to the unit first in the
//   summary's order); its changes to other units' rows are otherUnit. A copy's protected cells are compared
//   only in the rows it answers: in the rest, a difference is as likely the master's own later edit.
// - The round merged is the newest among the notices given (and the master's last merge): a notice of an
//   older round than that is rejected whole, each of its answers reported as olderRound.
// - Answers are reported cell by cell (the clerk can copy a value by hand); a unit's rows updated and rows
//   rejected count rows, and one row can be among both.

import type { CheckResult } from "../check";
import { formatDay, parseIsoDay, ymdOf } from "../day";
import type { Field } from "../table/fields";
import { completionDate, plannedDate, tableYear, type TaskRow } from "../table/rows";
import type { ParsedDate } from "../values/date";
import { pictureId, PICTURE_WORDS } from "../values/picture";
import { parseStatus } from "../values/status";
import { cellText, compactKey, isBlank, isFilled, normalizeText } from "../values/text";
import { columnIndex, type CellRange, type CellValue, type SheetGrid, type WorkbookModel } from "../workbook";
import type { Settings } from "../settings";
import { leadUnit, readAnswers, taskKeyOf, type ReturnedAnswers, type ReturnedRow } from "./answers";
import { noticeRecipients } from "../output/sheets/notices";
import { fingerprint } from "./record";
import {
  ANSWER_FIELDS,
  PROTECTED_FIELDS,
  type AnswerField,
  type CellChange,
  type MergeOutcome,
  type NoticeRow,
  type ProtectedField,
  type RejectedAnswer,
  type SharedDone,
  type SkippedFile,
  type SkippedReason,
  type UnitFeedback,
} from "./types";

/** The master as checked: its workbook and the check of it that found its task table. */
export interface MasterTable {
  readonly workbook: WorkbookModel;
  readonly result: CheckResult;
}

/** A returned file as read (readAnswers), or as a host skipped it (not a workbook, damaged, encrypted). */
export type ReturnedFile = { readonly file: string; readonly answers: ReturnedAnswers } | SkippedFile;

/**
 * A returned file as the merge takes it, from what a host read of it: its answers, or why it is not used (the
 * host's reason, or neither a notice nor a task table). `settings` are the master's (see readAnswers).
 */
export function returnedFile(
  file: string,
  read: WorkbookModel | SkippedFile,
  settings: Settings,
): ReturnedFile {
  if ("reason" in read) return read;
  const answers = readAnswers(read, settings);
  return "skipped" in answers ? { file, reason: answers.skipped } : { file, answers };
}

export interface MergeOptions {
  /** The round of the last merge the master records (lastMergeRound), YYYY-MM-DD. */
  readonly lastRound?: string;
  /** The done answers to tasks of several units that earlier merges kept (recordedSharedDone of the record). */
  readonly sharedDone?: readonly SharedDone[];
  /**
   * Master cells a host cannot write a value into without breaking other cells (the xlsx host: the master
   * cell of a shared formula, a cell of an array formula over several): an answer there is reported.
   */
  readonly unwritable?: ReadonlyArray<{ readonly row: number; readonly column: number }>;
}

/**
 * Decides what the returns change in the master's task table and what they do not, and why. Pure: the master
 * is not touched (applyChanges makes the merged model).
 * @example mergeAnswers({ workbook, result }, [{ file: "甲.xlsx", answers }], { lastRound: "2026-11-11" })
 */
export function mergeAnswers(
  master: MasterTable,
  returns: readonly ReturnedFile[],
  options: MergeOptions = {},
): MergeOutcome {
  const table = new MasterIndex(master, options.unwritable ?? []);
  // A group word (各单位, 相关单位) is no unit that answers: its tasks went to the units it names (listed too,
  // though they lead no task), or to none.
  const unitOrder = [
    ...new Set([
      ...master.result.summary.units.map((u) => u.name).filter((name) => !table.isGroupWord(name)),
      ...((master.result.sharedTasks?.length ?? 0) > 0 ? noticeRecipients(master.result).units.keys() : []),
    ]),
  ];
  const skipped: SkippedFile[] = [];
  const used: Array<{ readonly file: string; readonly answers: ReturnedAnswers }> = [];
  // A notice of another master is told by its task sheet, not by the master's file name: clerks rename the
  // master (任务表-11月.xlsx) between sending the notices and merging the answers.
  for (const entry of returns) {
    if (!("answers" in entry)) skipped.push(entry);
    else if (entry.answers.kind === "notice" && !sameName(entry.answers.record.sheet, master.result.sheet))
      skipped.push({ file: entry.file, reason: "otherMaster" });
    else used.push(entry);
  }

  let newest = options.lastRound;
  for (const { answers } of used)
    if (answers.kind === "notice" && (newest === undefined || answers.record.round > newest))
      newest = answers.record.round;

  const files: FileOutcome[] = used.map(({ file, answers }) =>
    answers.kind === "notice"
      ? noticeFile(table, file, answers, newest !== undefined && answers.record.round < newest)
      : copyFile(table, file, answers, unitOrder),
  );
  const closing = closeShared(
    table,
    files.flatMap((f) => f.shared),
    options.sharedDone ?? [],
  );
  const { changes, disagreements } = settle(
    [...files.flatMap((f) => f.candidates), ...closing.candidates],
    (field, value) => table.answerKey(field, value),
  );
  const rejected = [...files.flatMap((f) => f.rejected), ...closing.rejected, ...disagreements];

  const roundsUsed = files.flatMap((f) => (f.round === undefined ? [] : [f.round]));
  const round = roundsUsed.length === 0 ? undefined : roundsUsed.reduce((a, b) => (b > a ? b : a));
  const unattributed = files.filter((f) => f.unit === undefined).map((f) => f.file);
  return {
    ...(round === undefined ? {} : { round }),
    changes: changes.map((c) => c.change),
    rejected: rejected.map((r) => r.answer),
    skipped,
    units: unitLines(unitOrder, files, changes, rejected, skipped, closing.credited),
    ...(unattributed.length > 0 ? { unattributed } : {}),
    ...(closing.waiting.length > 0 ? { sharedDone: closing.waiting } : {}),
    ...(closing.progress.length > 0 ? { sharedProgress: closing.progress } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------
// One returned file

/** A change one file asks for, before the returns are weighed against each other. */
interface Candidate {
  readonly change: CellChange;
  readonly returnedRow: number;
}

/** A rejected answer, with the row it counts against (a master row, or a row of a return that matched none). */
interface Rejection {
  readonly answer: RejectedAnswer;
  readonly rowKey: string;
}

interface FileOutcome {
  readonly file: string;
  /** The unit it answers for; undefined for a plain copy that answers nothing for anyone. */
  readonly unit: string | undefined;
  /** A notice's round, where its answers were weighed (not an older round's). */
  readonly round?: string;
  readonly candidates: readonly Candidate[];
  readonly rejected: readonly Rejection[];
  /** Its answers to tasks it shares with other units (各单位), weighed with the other units' (closeShared). */
  readonly shared: readonly SharedAnswer[];
}

/** One unit's answers to a task a group word gives to it and to others. */
interface SharedAnswer {
  readonly file: string;
  readonly unit: string;
  readonly returned: ReturnedRow;
  readonly row: TaskRow;
  readonly fields: readonly AnswerField[];
  /** What the notice showed in the answer cells (a plain copy showed nothing). */
  readonly sent?: Readonly<Partial<Record<AnswerField, CellValue>>>;
}

function noticeFile(
  table: MasterIndex,
  file: string,
  answers: Extract<ReturnedAnswers, { kind: "notice" }>,
  older: boolean,
): FileOutcome {
  const unit = normalizeText(answers.record.unit);
  const report = new Reporter(file, unit);
  const candidates: Candidate[] = [];
  const shared: SharedAnswer[] = [];
  for (const returned of answers.rows) {
    const notice = returned.notice!;
    const row = table.byRecord(notice, returned.shownFingerprint);
    // What the unit wrote: a cell it filled in and did not leave as the notice showed it.
    const answered = ANSWER_FIELDS.filter((field) => {
      const value = returned.answers[field];
      if (value === undefined || isBlank(value)) return false;
      return !(field in notice.sent && table.sameAnswer(field, value, notice.sent[field]));
    });
    const edited = row ? table.editedProtected(returned, row) : [];
    if (answered.length === 0 && edited.length === 0) continue;
    if (older) {
      for (const field of [...answered, ...edited]) report.field("olderRound", returned, row, field, table);
    } else if (!row) {
      for (const field of answered) report.field("noMatch", returned, row, field, table);
    } else if (row.unit !== unit && table.shares(row, unit)) {
      // A task of 各单位 is each unit's to do: weighed with the other units' answers (closeShared).
      if (edited.length > 0)
        for (const field of edited) report.field("protectedField", returned, row, field, table);
      else shared.push({ file, unit, returned, row, fields: answered, sent: notice.sent });
    } else if (row.unit !== unit) {
      for (const field of [...answered, ...edited]) report.field("otherUnit", returned, row, field, table);
    } else if (edited.length > 0) {
      for (const field of edited) report.field("protectedField", returned, row, field, table);
    } else {
      for (const field of answered) {
        const sent = field in notice.sent ? { value: notice.sent[field] ?? null } : undefined;
        const candidate = table.answer(file, unit, returned, row, field, sent, report);
        if (candidate) candidates.push(candidate);
      }
    }
  }
  return {
    file,
    unit,
    ...(older ? {} : { round: answers.record.round }),
    candidates,
    rejected: report.rejected,
    shared,
  };
}

function copyFile(
  table: MasterIndex,
  file: string,
  answers: Extract<ReturnedAnswers, { kind: "copy" }>,
  unitOrder: readonly string[],
): FileOutcome {
  const changed: Array<{ returned: ReturnedRow; row?: TaskRow; answered: AnswerField[]; owner: string }> = [];
  for (const returned of answers.rows) {
    const row = table.byCopy(returned);
    const answered = ANSWER_FIELDS.filter((field) => {
      const value = returned.answers[field];
      if (value === undefined || isBlank(value)) return false;
      if (!row) return true;
      const column = table.columns.get(field);
      return column !== undefined && !table.sameAnswer(field, value, table.cell(row.row, column));
    });
    if (answered.length > 0)
      changed.push({ returned, ...(row ? { row } : {}), answered, owner: row ? row.unit : returned.unit });
  }
  // A row of a group word (各单位) is every unit's: it tells whose copy this is only by the file's name.
  const owners = changed.map((c) => c.owner).filter((owner) => !table.isGroupWord(owner));
  const unit =
    owners.length > 0
      ? majority(owners, unitOrder)
      : changed.length > 0
        ? unitNamedIn(file, unitOrder)
        : soleUnit(answers.rows.filter((row) => !table.isGroupWord(row.unit)));
  const report = new Reporter(file, unit ?? "");
  const candidates: Candidate[] = [];
  const shared: SharedAnswer[] = [];
  for (const { returned, row, answered } of changed) {
    if (!row) {
      for (const field of answered) report.field("noMatch", returned, row, field, table);
      continue;
    }
    if (row.unit !== unit && (unit === undefined || !table.shares(row, unit))) {
      for (const field of answered) report.field("otherUnit", returned, row, field, table);
      continue;
    }
    const edited = table.editedProtected(returned, row);
    if (edited.length > 0) {
      for (const field of edited) report.field("protectedField", returned, row, field, table);
      continue;
    }
    if (row.unit !== unit) {
      shared.push({ file, unit, returned, row, fields: answered });
      continue;
    }
    for (const field of answered) {
      const candidate = table.answer(file, unit, returned, row, field, undefined, report);
      if (candidate) candidates.push(candidate);
    }
  }
  return { file, unit, candidates, rejected: report.rejected, shared };
}

/** The unit most rows name; a tie goes to the unit first in `order`, then to the one named first. */
function majority(units: readonly string[], order: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const unit of units) counts.set(unit, (counts.get(unit) ?? 0) + 1);
  const rank = (unit: string) => {
    const at = order.indexOf(unit);
    return at < 0 ? order.length : at;
  };
  let best = units[0]!;
  for (const [unit, count] of counts) {
    const lead = counts.get(best)!;
    if (count > lead || (count === lead && rank(unit) < rank(best))) best = unit;
  }
  return best;
}

/** The one unit every row of a copy belongs to, if there is one: a copy of one unit's rows is its answer. */
function soleUnit(rows: readonly ReturnedRow[]): string | undefined {
  const units = new Set(rows.map((r) => r.unit).filter((u) => u !== ""));
  return units.size === 1 ? [...units][0] : undefined;
}

/** Collects one file's rejected answers. */
class Reporter {
  readonly rejected: Rejection[] = [];

  constructor(
    private readonly file: string,
    private readonly unit: string,
  ) {}

  field(
    reason: RejectedAnswer["reason"],
    returned: ReturnedRow,
    row: TaskRow | undefined,
    field: AnswerField | ProtectedField,
    table: MasterIndex,
    waitingFor?: readonly string[],
  ): void {
    const column = table.columns.get(field);
    const value = isAnswerField(field) ? returned.answers[field] : returned.protected[field];
    this.add(
      {
        file: this.file,
        unit: this.unit,
        reason,
        ...(row ? { row: row.row } : {}),
        returnedRow: returned.row,
        field,
        task: row?.task ?? returned.task,
        ...(row && column !== undefined ? { master: table.cell(row.row, column) } : {}),
        returned: value ?? null,
        ...(waitingFor ? { waitingFor } : {}),
      },
      row,
    );
  }

  add(answer: RejectedAnswer, row: TaskRow | undefined): void {
    this.rejected.push({ answer, rowKey: row ? `m${row.row}` : `${this.file}\u0000${answer.returnedRow}` });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Weighing the returns against each other

/**
 * The answers to tasks several units share (各单位), task by task. Where every unit the task names has answered
 * it done, in this merge or in an earlier one (`earlier`, the record's), the task is done: its status is
 * written (the word of the first unit that answered it in this merge), and its completion date where each of
 * them gave one (the latest: the task was done when its last unit was). Until then, each unit's done answer is
 * kept (`waiting`, for the record) and reported with the units still to answer; anything else a unit answered
 * is reported: one unit's answer is not the task's, and the row keeps one status for them all. The change is
 * the task's (its unit the group word); each unit is credited the row. A unit's answer in this merge takes the
 * place of its earlier one, whatever it says.
 */
function closeShared(
  table: MasterIndex,
  answers: readonly SharedAnswer[],
  earlier: readonly SharedDone[],
): {
  candidates: Candidate[];
  rejected: Rejection[];
  credited: Array<{ unit: string; row: number }>;
  waiting: SharedDone[];
  progress: NonNullable<MergeOutcome["sharedProgress"]>[number][];
} {
  const candidates: Candidate[] = [];
  const rejected: Rejection[] = [];
  const credited: Array<{ unit: string; row: number }> = [];
  const waiting: SharedDone[] = [];
  const progress: NonNullable<MergeOutcome["sharedProgress"]>[number][] = [];
  const byRow = new Map<number, SharedAnswer[]>();
  for (const answer of answers) {
    const list = byRow.get(answer.row.row);
    if (list) list.push(answer);
    else byRow.set(answer.row.row, [answer]);
  }
  // An earlier answer counts while its row is still there, open, and still the unit's among others.
  const kept = new Map<number, SharedDone[]>();
  for (const done of earlier) {
    const row = table.rowOfFingerprint(done.fingerprint);
    if (!row || row.status.kind === "done" || !table.shares(row, done.unit)) continue;
    const list = kept.get(row.row);
    if (list) list.push(done);
    else kept.set(row.row, [done]);
  }
  for (const rowNumber of new Set([...byRow.keys(), ...kept.keys()])) {
    const group = byRow.get(rowNumber) ?? [];
    const row = table.rowAt(rowNumber)!;
    const members = table.members(row);
    const answeredNow = new Set(group.filter((a) => a.fields.includes("status")).map((a) => a.unit));
    const before = (kept.get(rowNumber) ?? []).filter((done) => !answeredNow.has(done.unit));
    const doneNow = members.map((unit) =>
      group.find(
        (answer) =>
          answer.unit === unit &&
          answer.fields.includes("status") &&
          parseStatus(answer.returned.answers.status).kind === "done",
      ),
    );
    const doneBefore = members.map((unit) => before.find((done) => done.unit === unit));
    /** The answers used for the task, by "answer's place in the group, field". */
    const used = new Set<string>();
    const use = (answer: SharedAnswer, field: AnswerField) => used.add(`${group.indexOf(answer)} ${field}`);
    /** The completion day a unit's answer in this merge gives, where it gives one. */
    const dayOf = (answer: SharedAnswer) =>
      answer.fields.includes("doneDate") ? table.completionDay(answer.returned.answers.doneDate) : undefined;
    const write = (i: number, field: AnswerField) => {
      const now = doneNow[i];
      const answer = now ?? recordedAnswer(doneBefore[i]!, row);
      const report = new Reporter(answer.file, answer.unit);
      const sent = now?.sent && field in now.sent ? { value: now.sent[field] ?? null } : undefined;
      const candidate = table.answer(answer.file, row.unit, answer.returned, row, field, sent, report);
      if (candidate) candidates.push(candidate);
      rejected.push(...report.rejected);
    };
    if (
      members.length > 0 &&
      members.every((_, i) => doneNow[i] !== undefined || doneBefore[i] !== undefined)
    ) {
      const first = doneNow.findIndex((answer) => answer !== undefined);
      write(first >= 0 ? first : 0, "status");
      const days = members.map((_, i) => {
        const now = doneNow[i];
        if (now) return dayOf(now);
        const day = doneBefore[i]!.doneDay;
        return day === undefined ? undefined : parseIsoDay(day);
      });
      const dated = days.every((day) => day !== undefined);
      if (dated) write(days.indexOf(Math.max(...(days as number[]))), "doneDate");
      // The dates given are reported where one unit gave none: the task's date is then asked for.
      for (const answer of doneNow) {
        if (answer === undefined) continue;
        use(answer, "status");
        if (dated) use(answer, "doneDate");
      }
      for (const unit of members) credited.push({ unit, row: row.row });
    } else {
      const waitingFor = members.filter((_, i) => doneNow[i] === undefined && doneBefore[i] === undefined);
      const done = members.filter((_, i) => doneNow[i] !== undefined || doneBefore[i] !== undefined);
      if (done.length > 0) progress.push({ row: row.row, task: row.task, done, waiting: waitingFor });
      for (const answer of doneNow) {
        if (answer === undefined) continue;
        const day = dayOf(answer);
        waiting.push({
          fingerprint: table.fingerprintOf(row),
          unit: answer.unit,
          status: cellText(answer.returned.answers.status),
          ...(day === undefined ? {} : { doneDay: formatDay(day) }),
          file: answer.file,
        });
        const report = new Reporter(answer.file, answer.unit);
        for (const field of ["status", "doneDate"] as const) {
          if (!answer.fields.includes(field)) continue;
          report.field("sharedWaiting", answer.returned, row, field, table, waitingFor);
          use(answer, field);
        }
        rejected.push(...report.rejected);
      }
      waiting.push(...before);
    }
    group.forEach((answer, i) => {
      const report = new Reporter(answer.file, answer.unit);
      for (const field of answer.fields)
        if (!used.has(`${i} ${field}`)) report.field("sharedTask", answer.returned, row, field, table);
      rejected.push(...report.rejected);
    });
  }
  progress.sort((a, b) => a.row - b.row);
  return { candidates, rejected, credited, waiting, progress };
}

/**
 * An earlier merge's done answer as a returned row of its own file, to be written as this merge's are: its
 * status as the unit wrote it, its completion day as a date. It has no row of a returned sheet (0).
 */
function recordedAnswer(
  done: SharedDone,
  row: TaskRow,
): { file: string; unit: string; returned: ReturnedRow } {
  const day = done.doneDay === undefined ? undefined : parseIsoDay(done.doneDay);
  return {
    file: done.file,
    unit: done.unit,
    returned: {
      row: 0,
      answers: { status: done.status, ...(day === undefined ? {} : { doneDate: { day } }) },
      protected: {},
      task: row.task,
      taskKey: row.taskKey,
      unit: done.unit,
    },
  };
}

/**
 * One change per master cell: where every return that changes it agrees (compared as shown), the first
 * file's; where they disagree, none, and each is reported with another file's value.
 */
function settle(
  candidates: readonly Candidate[],
  keyOf: (field: AnswerField, value: CellValue) => string,
): { changes: Candidate[]; disagreements: Rejection[] } {
  const byCell = new Map<number, Candidate[]>();
  for (const candidate of candidates) {
    const key = candidate.change.row * 16384 + candidate.change.column;
    const list = byCell.get(key);
    if (list) list.push(candidate);
    else byCell.set(key, [candidate]);
  }
  const changes: Candidate[] = [];
  const disagreements: Rejection[] = [];
  const cells = [...byCell.values()].sort(
    (a, b) => a[0]!.change.row - b[0]!.change.row || a[0]!.change.column - b[0]!.change.column,
  );
  for (const list of cells) {
    const shown = list.map((c) => keyOf(c.change.field, c.change.new));
    if (shown.every((key) => key === shown[0])) {
      changes.push(list[0]!);
      continue;
    }
    list.forEach((candidate, i) => {
      const other = list.find((_, k) => shown[k] !== shown[i])!;
      const { change } = candidate;
      disagreements.push({
        answer: {
          file: change.file,
          unit: change.unit,
          reason: "disagree",
          row: change.row,
          returnedRow: candidate.returnedRow,
          field: change.field,
          task: change.task,
          master: change.old,
          returned: change.new,
          other: { file: other.change.file, value: other.change.new },
        },
        rowKey: `m${change.row}`,
      });
    });
  }
  return { changes, disagreements };
}

/**
 * Per unit: its files and the rows updated and rejected, and the files named after it that could not be used;
 * units that answered nothing first.
 */
function unitLines(
  order: readonly string[],
  files: readonly FileOutcome[],
  changes: readonly Candidate[],
  rejected: readonly Rejection[],
  skipped: readonly SkippedFile[],
  /** The rows of tasks several units share that the merge closed, credited to each of those units. */
  credited: ReadonlyArray<{ readonly unit: string; readonly row: number }>,
): UnitFeedback[] {
  const lines = new Map<
    string,
    { files: string[]; updated: Set<number>; rejected: Set<string>; unusable: string[] }
  >();
  const closedRows = new Set(credited.map((c) => c.row));
  const line = (unit: string) => {
    let entry = lines.get(unit);
    if (!entry)
      lines.set(unit, (entry = { files: [], updated: new Set(), rejected: new Set(), unusable: [] }));
    return entry;
  };
  for (const unit of order) line(unit);
  for (const file of files) if (file.unit !== undefined) line(file.unit).files.push(file.file);
  // A shared task's change is the task's, its unit the group word: its units are credited with it instead.
  for (const { change } of changes)
    if (!closedRows.has(change.row)) line(change.unit).updated.add(change.row);
  for (const { unit, row } of credited) line(unit).updated.add(row);
  for (const { answer, rowKey } of rejected) if (answer.unit !== "") line(answer.unit).rejected.add(rowKey);
  for (const { file, reason } of skipped) {
    if (!UNREADABLE.has(reason)) continue;
    const unit = unitNamedIn(file, order);
    if (unit !== undefined) line(unit).unusable.push(file);
  }
  const all = [...lines].map(([unit, entry]): UnitFeedback => ({
    unit,
    files: entry.files,
    rowsUpdated: entry.updated.size,
    rowsRejected: entry.rejected.size,
    ...(entry.unusable.length > 0 ? { unusable: entry.unusable } : {}),
  }));
  return [...all.filter((u) => u.files.length === 0), ...all.filter((u) => u.files.length > 0)];
}

/**
 * Why a file could not be read as anyone's answer at all. A notice of another master is not among them: it
 * says whose it is, and it answers another table.
 */
const UNREADABLE: ReadonlySet<SkippedReason> = new Set<SkippedReason>([
  "notWorkbook",
  "damaged",
  "encrypted",
  "notAnswer",
]);

/**
 * The unit a file is named after, as notices are named (督办单-综采一队.xlsx) and as units rename them
 * (综采一队反馈（已填）.xlsx): the one unit whose name its name holds, compared without case, spaces or
 * punctuation, a unit whose name is part of another's found there not counted (综采一队 in 综采一队二班). None
 * where the names of two units are found, or none is.
 */
export function unitNamedIn(file: string, units: readonly string[]): string | undefined {
  const base = file
    .split(/[\\/]/)
    .pop()!
    .replace(/\.[^.]*$/, "");
  const name = compactKey(base);
  const keys = units.map(compactKey);
  const found = keys.flatMap((key, i) => (key !== "" && name.includes(key) ? [i] : []));
  const outermost = found.filter(
    (i) => !found.some((j) => keys[j] !== keys[i] && keys[j]!.includes(keys[i]!)),
  );
  return outermost.length === 1 ? units[outermost[0]!] : undefined;
}

// ---------------------------------------------------------------------------------------------------------
// The master's task table, indexed for matching

class MasterIndex {
  readonly columns: ReadonlyMap<Field, number>;
  private readonly grid: SheetGrid | undefined;
  /** The as-of day's year, and the year the table's title names: a returned deadline is read with them. */
  private readonly asOfYear: number;
  private readonly titleYear: number | undefined;
  private readonly byRow: Map<number, TaskRow>;
  private fingerprints: Map<number, string> | undefined;
  private byFingerprint: Map<string, TaskRow[]> | undefined;
  private byId: Map<string, TaskRow[]> | undefined;
  private byTaskUnit: Map<string, TaskRow[]> | undefined;
  /** Cell key ((row - 1) * 16384 + column) → the merge over it, where it spans rows or covers the cell. */
  private readonly merged = new Map<number, CellRange>();

  /** Cell key (row * 16384 + column) of the cells a host cannot write (MergeOptions.unwritable). */
  private readonly unwritable: ReadonlySet<number>;
  /** By task index, the units a group word in its unit cell gives the task to (CheckResult.sharedTasks). */
  private readonly sharedBy: ReadonlyMap<number, readonly string[]>;
  /** The group words of the master's unit cells, as the rows read them (TaskRow.unit). */
  private readonly groupWords: ReadonlySet<string>;

  constructor(
    private readonly master: MasterTable,
    unwritable: ReadonlyArray<{ readonly row: number; readonly column: number }>,
  ) {
    const { result, workbook } = master;
    this.unwritable = new Set(unwritable.map((cell) => cell.row * 16384 + cell.column));
    this.sharedBy = new Map(result.sharedTasks?.map((task) => [task.index, task.units]));
    this.groupWords = new Set(result.sharedTasks?.map((task) => result.rows[task.index]!.unit));
    this.columns = new Map(
      Object.entries(result.columns).map(([field, letter]) => [field as Field, columnIndex(letter!)!]),
    );
    this.grid = workbook.sheets.find((s) => s.name === result.sheet);
    this.asOfYear = ymdOf(result.asOf).year;
    this.titleYear = this.grid && tableYear({ sheet: this.grid, headerRow: result.headerRow - 1 });
    this.byRow = new Map(result.rows.map((row) => [row.row, row]));
    const used = new Set(this.columns.values());
    for (const merge of this.grid?.merges ?? []) {
      for (let c = merge.left; c <= merge.right; c++) {
        if (!used.has(c)) continue;
        for (let r = merge.top; r <= merge.bottom; r++) {
          const anchor = r === merge.top && c === merge.left;
          if (!anchor || merge.bottom > merge.top) this.merged.set(r * 16384 + c, merge);
        }
      }
    }
  }

  /** Whether `unit` is a group word of the master's unit cells (各单位, 相关单位): no unit that answers. */
  isGroupWord(unit: string): boolean {
    return this.groupWords.has(unit);
  }

  /** Whether a group word in the row's unit cell (各单位, 各区队) gives its task to `unit` among others. */
  shares(row: TaskRow, unit: string): boolean {
    return this.members(row).includes(unit);
  }

  /** The units a group word in the row's unit cell gives its task to, in the roster's order; none for a unit's. */
  members(row: TaskRow): readonly string[] {
    return this.sharedBy.get(row.index) ?? [];
  }

  /** The task row at the master's row number (1-based). */
  rowAt(row: number): TaskRow | undefined {
    return this.byRow.get(row);
  }

  /** The one task row with this fingerprint; none where several rows have it. */
  rowOfFingerprint(key: string): TaskRow | undefined {
    this.byFingerprint ??= group(this.master.result.rows, (row) => this.fingerprintOf(row));
    const found = this.byFingerprint.get(key);
    return found?.length === 1 ? found[0] : undefined;
  }

  /** The cell as the master shows it: its own value, or that of the merge over it. */
  cell(row: number, column: number): CellValue {
    const own = this.grid?.rows[row - 1]?.[column];
    if (isFilled(own)) return own!;
    const merge = this.merged.get((row - 1) * 16384 + column);
    return merge ? (this.grid?.rows[merge.top]?.[merge.left] ?? null) : (own ?? null);
  }

  /**
   * A notice row's master row: where it was, if it is still that task; else the one row that is; else where
   * it was, if that row reads as the notice's own cells read now (`shown`): a notice made by an earlier
   * Duban, which read a unit such as 综采一队（牵头） or a deadline such as 年底前 otherwise, recorded another
   * fingerprint for the same cells.
   */
  byRecord(notice: NoticeRow, shown?: string): TaskRow | undefined {
    const at = this.byRow.get(notice.masterRow);
    if (at && this.fingerprintOf(at) === notice.fingerprint) return at;
    const found = this.rowOfFingerprint(notice.fingerprint);
    if (found) return found;
    return at && shown !== undefined && this.fingerprintOf(at) === shown ? at : undefined;
  }

  /**
   * A copy's row: by its id where that names one master row, unless the id's row is another task and the
   * task and unit name one other row (the master was renumbered); else by task and unit (and the deadline,
   * where the task and unit name several rows).
   */
  byCopy(returned: ReturnedRow): TaskRow | undefined {
    const byTask = () => {
      this.byTaskUnit ??= group(this.master.result.rows, (row) => `${row.taskKey}\u0000${row.unit}`);
      const rows = this.byTaskUnit.get(`${returned.taskKey}\u0000${returned.unit}`) ?? [];
      if (rows.length <= 1) return rows[0];
      const deadline = returned.protected.deadline;
      if (deadline === undefined) return undefined;
      const due = plannedDate(deadline, this.asOfYear, this.titleYear);
      const same = rows.filter((row) => sameDate(row.deadline, due));
      return same.length === 1 ? same[0] : undefined;
    };
    if (returned.id !== undefined && this.columns.has("id")) {
      const column = this.columns.get("id")!;
      this.byId ??= group(this.master.result.rows, (row) =>
        normalizeText(cellText(this.cell(row.row, column))),
      );
      const rows = this.byId.get(returned.id);
      if (rows?.length === 1) {
        const row = rows[0]!;
        if (row.taskKey === returned.taskKey && row.unit === returned.unit) return row;
        return byTask() ?? row;
      }
    }
    return byTask();
  }

  /** The protected fields whose returned cell reads otherwise than the master row's. */
  editedProtected(returned: ReturnedRow, row: TaskRow): ProtectedField[] {
    return PROTECTED_FIELDS.filter((field) => {
      const value = returned.protected[field];
      if (value === undefined) return false;
      switch (field) {
        case "task":
          return taskKeyOf(cellText(value)) !== row.taskKey;
        case "unit": {
          // A notice shows the unit as the check read it (甲 for 甲/乙 on the roster), a copy the cell as written.
          const lead = leadUnit(value);
          const column = this.columns.get("unit");
          return lead !== row.unit && (column === undefined || lead !== leadUnit(this.cell(row.row, column)));
        }
        case "deadline":
          return !sameDate(plannedDate(value, this.asOfYear, this.titleYear), row.deadline);
      }
    });
  }

  /**
   * An answer for a master cell, or undefined when it is none or is reported. `sent` is what the notice showed
   * (absent for a plain copy): where the master has changed since, the master's value is kept.
   */
  answer(
    file: string,
    unit: string,
    returned: ReturnedRow,
    row: TaskRow,
    field: AnswerField,
    sent: { readonly value: CellValue } | undefined,
    report: Reporter,
  ): Candidate | undefined {
    const column = this.columns.get(field);
    if (column === undefined) return undefined;
    const value = returned.answers[field]!;
    const old = this.cell(row.row, column);
    if (this.sameAnswer(field, value, old)) return undefined;
    // A picture answered is in the returned file alone: the master cannot be given it by a value.
    if (pictureId(value) !== undefined || this.answerKey(field, value) === SHOWN_PICTURE) {
      report.field("picture", returned, row, field, this);
      return undefined;
    }
    // Before masterChanged: a notice records a covered cell's own (empty) value, the master shows the merge's.
    if (this.merged.has((row.row - 1) * 16384 + column)) {
      report.field("mergedCell", returned, row, field, this);
      return undefined;
    }
    if (this.unwritable.has(row.row * 16384 + column)) {
      report.field("formulaCell", returned, row, field, this);
      return undefined;
    }
    if (sent && !this.sameAnswer(field, sent.value, old)) {
      report.field("masterChanged", returned, row, field, this);
      return undefined;
    }
    return {
      change: { file, unit, row: row.row, column, field, task: row.task, old, new: value },
      returnedRow: returned.row,
    };
  }

  /**
   * Whether two answers read the same (answerKey); a picture placed in a cell as a notice shows it ([图片]) is
   * the same as any picture: the notice could not hold the master's picture itself.
   */
  sameAnswer(field: AnswerField, a: CellValue | undefined, b: CellValue | undefined): boolean {
    const [keyA, keyB] = [this.answerKey(field, a), this.answerKey(field, b)];
    if (keyA === keyB) return true;
    const shown = (key: string, other: string) => key === SHOWN_PICTURE && other.startsWith(PICTURE_KEY);
    return shown(keyA, keyB) || shown(keyB, keyA);
  }

  /**
   * An answer as compared: its text with white space and full-width forms folded; a completion date by its
   * day (a date cell, 2026/11/5 and 2026年11月5日 alike; 11月5日 as the check reads a completion date); a
   * picture placed in the cell by its id, or as a notice shows one (SHOWN_PICTURE).
   */
  answerKey(field: AnswerField, value: CellValue | undefined): string {
    const picture = pictureId(value);
    if (picture !== undefined) return `${PICTURE_KEY}${picture}`;
    const day = field === "doneDate" ? this.completionDay(value) : undefined;
    if (day !== undefined) return `\u0000day${day}`;
    const text = normalizeText(cellText(value));
    return isPictureWord(text) ? SHOWN_PICTURE : text;
  }

  /** A completion date answered, as the check reads one; undefined where it names no day. */
  completionDay(value: CellValue | undefined): number | undefined {
    const date = completionDate(value, this.master.result.asOf);
    return date.kind === "day" ? date.day : undefined;
  }

  fingerprintOf(row: TaskRow): string {
    this.fingerprints ??= new Map();
    let key = this.fingerprints.get(row.row);
    if (key === undefined)
      this.fingerprints.set(row.row, (key = fingerprint(row.task, row.unit, row.deadline)));
    return key;
  }
}

/** A picture placed in a cell, by its id (answerKey). */
const PICTURE_KEY = "\u0000picture:";
/** A picture as a notice shows it, of no id: the same as any picture (sameAnswer). */
const SHOWN_PICTURE = "\u0000picture";
/** The words a notice shows a picture placed in a cell by, in every language. */
const SHOWN_PICTURE_WORDS: ReadonlySet<string> = new Set(Object.values(PICTURE_WORDS).map(normalizeText));
function isPictureWord(text: string): boolean {
  return SHOWN_PICTURE_WORDS.has(text);
}

function sameDate(a: ParsedDate, b: ParsedDate): boolean {
  if (a.kind === "day" && b.kind === "day") return a.day === b.day;
  if (a.kind === "invalid" && b.kind === "invalid") return normalizeText(a.text) === normalizeText(b.text);
  return a.kind === b.kind;
}

function isAnswerField(field: AnswerField | ProtectedField): field is AnswerField {
  return (ANSWER_FIELDS as readonly string[]).includes(field);
}

function sameName(a: string, b: string): boolean {
  return a === b || compactKey(a) === compactKey(b);
}

function group<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
