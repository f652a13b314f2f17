// 网络推进图 (Progress chart): open and recently finished tasks by unit, each with a bar of coloured cells across
// the weeks or months, the as-of column marked. Plain cells and fills, so it reads in WPS, LibreOffice and on a
// phone's preview as it does in Excel, and prints one page wide.

import { dayFromYmd, daysInMonth, formatDay, isoWeekday, ymdOf, type Day } from "../../day";
import type { TaskRow } from "../../table/rows";
import { cell, Layout, type SheetContext } from "../layout";
import type { SheetSpec, SpecCell, StyleName } from "../spec";

/** A finished task is shown while its completion date (or, without one, its deadline) is this recent. */
export const RECENT_DAYS = 30;
/** Weeks while the tasks' whole span fits in this many; months beyond it. */
export const MAX_WEEKS = 26;
/** A month chart shows the as-of month with this many months before and after it. */
export const MONTHS_BACK = 3;
export const MONTHS_AHEAD = 9;
/**
 * The most tasks a chart draws: it is read at the dispatch meeting and printed, where a few hundred bars are
 * already pages; a plant's table of tens of thousands of rows would make a sheet of a million cells that no
 * one reads. Past it, the most urgent are drawn (overdue, longest first; then the nearest deadlines; then the
 * latest finished) and the subtitle says how many are not.
 */
export const MAX_TASKS = 300;

/** What a day of a task's bar is, in the order a cell holding several days shows them (last wins). */
export type BarPart = "planned" | "done" | "late" | "overdue";
const PART_ORDER: readonly BarPart[] = ["planned", "done", "late", "overdue"];
const PART_STYLE: Readonly<Record<BarPart, StyleName>> = {
  planned: "barPlanned",
  done: "barDone",
  late: "barLate",
  overdue: "barOverdue",
};

/** One time column: its first and last day, both included. */
export interface TimeColumn {
  readonly first: Day;
  readonly last: Day;
}

export interface Timeline {
  readonly scale: "week" | "month";
  readonly columns: readonly TimeColumn[];
  /** The column holding the as-of day. */
  readonly asOfColumn: number;
}

/** A shown task's days: the start only where the table gives one (not after the deadline). */
export interface PlannedTask {
  readonly start?: Day;
  readonly deadline: Day;
  readonly done: boolean;
  readonly doneDate?: Day;
}

/**
 * The tasks the chart shows: every task not done, and every done task finished in the last RECENT_DAYS days
 * (by its completion date, or by its deadline where it has none). A task without a deadline day (empty,
 * unreadable, or 长期) has nothing to draw against and is left out; the subtitle counts it.
 */
export function plannedTask(row: TaskRow, asOf: Day): PlannedTask | undefined {
  if (row.deadline.kind !== "day") return undefined;
  const deadline = row.deadline.day;
  const done = row.status.kind === "done";
  const doneDate = done && row.doneDate.kind === "day" ? row.doneDate.day : undefined;
  if (done && (doneDate ?? deadline) < asOf - RECENT_DAYS) return undefined;
  const start = row.start.kind === "day" && row.start.day <= deadline ? row.start.day : undefined;
  return {
    deadline,
    done,
    ...(start === undefined ? {} : { start }),
    ...(doneDate === undefined ? {} : { doneDate }),
  };
}

/**
 * The chart's columns: weeks (Monday to Sunday) over the tasks' whole span, from the earliest start, deadline
 * or completion to the latest, when that is at most MAX_WEEKS weeks; otherwise months, from MONTHS_BACK
 * months before the as-of month to MONTHS_AHEAD after it at most. The as-of day is always inside.
 * @example timeline([{ deadline: d("2026-11-30"), done: false }], d("2026-11-18")) // weeks of 11-16 … 11-30
 */
export function timeline(tasks: readonly PlannedTask[], asOf: Day): Timeline {
  let lo = asOf;
  let hi = asOf;
  for (const task of tasks) {
    for (const day of [task.start, task.deadline, task.doneDate]) {
      if (day === undefined) continue;
      lo = Math.min(lo, day);
      hi = Math.max(hi, day);
    }
  }
  const columns: TimeColumn[] = [];
  if ((mondayOf(hi) - mondayOf(lo)) / 7 + 1 <= MAX_WEEKS) {
    for (let monday = mondayOf(lo); monday <= hi; monday += 7)
      columns.push({ first: monday, last: monday + 6 });
    return { scale: "week", columns, asOfColumn: columnOf(columns, asOf) };
  }
  const now = ymdOf(asOf);
  const first = Math.max(monthStart(lo), addMonths(now.year, now.month, -MONTHS_BACK));
  const last = Math.min(monthStart(hi), addMonths(now.year, now.month, MONTHS_AHEAD));
  for (let start = first; start <= last;) {
    const { year, month } = ymdOf(start);
    const end = start + daysInMonth(year, month) - 1;
    columns.push({ first: start, last: end });
    start = end + 1;
  }
  return { scale: "month", columns, asOfColumn: columnOf(columns, asOf) };
}

/**
 * A task's bar, one part (or none) per time column. Planned runs from the start to the deadline; a task
 * without a start is taken as under way since before the chart, so its bar runs from the left edge. Not done
 * and past its deadline: overdue from the day after the deadline to the as-of day. Done: done from the start
 * to its completion (to the deadline without a completion date), and late from the day after the deadline to
 * a later completion. A column holding days of several parts shows the last of planned, done, late, overdue.
 */
export function barOf(task: PlannedTask, line: Timeline, asOf: Day): Array<BarPart | undefined> {
  const from = task.start ?? -Infinity;
  const spans: Array<{ part: BarPart; first: Day; last: Day }> = [];
  if (!task.done) {
    spans.push({ part: "planned", first: from, last: task.deadline });
    if (task.deadline < asOf) spans.push({ part: "overdue", first: task.deadline + 1, last: asOf });
  } else if (task.doneDate === undefined) {
    spans.push({ part: "done", first: from, last: task.deadline });
  } else {
    const doneBy = Math.min(task.doneDate, task.deadline);
    spans.push({ part: "done", first: Math.min(from, doneBy), last: doneBy });
    if (task.doneDate > task.deadline)
      spans.push({ part: "late", first: task.deadline + 1, last: task.doneDate });
  }
  return line.columns.map((column) => {
    let shown: BarPart | undefined;
    for (const span of spans) {
      if (span.first > column.last || span.last < column.first) continue;
      if (shown === undefined || PART_ORDER.indexOf(span.part) > PART_ORDER.indexOf(shown)) shown = span.part;
    }
    return shown;
  });
}

/** The task columns before the time columns: task, unit, start, deadline, status. */
const LEAD = 5;
const TASK_WIDTH = 30;
const TIME_WIDTH: Readonly<Record<Timeline["scale"], number>> = { week: 4, month: 6 };
const TODAY_WIDTH = 7;

/** The progress chart sheet: legend, two header rows (months or years over weeks or months), a row per task. */
export function progressSheet(cx: SheetContext): SheetSpec {
  const { result, catalogue: cat } = cx;
  const words = cat.output.progress;
  const asOf = result.asOf;
  const planned = result.rows.flatMap((row) => {
    const task = plannedTask(row, asOf);
    return task ? [{ row, task }] : [];
  });
  // Chosen before they are ordered: a large table's tasks are never all sorted for the few drawn.
  const shown = byUnit(cx, mostUrgent(planned, MAX_TASKS));
  const line = timeline(
    shown.map((s) => s.task),
    asOf,
  );
  const width = LEAD + line.columns.length;
  const maxWidths = [TASK_WIDTH, 16, 11, 11, 14, ...line.columns.map(() => TIME_WIDTH[line.scale])];
  maxWidths[LEAD + line.asOfColumn] = TODAY_WIDTH;
  const sheet = new Layout(cx, width, maxWidths);
  sheet.title("progress");
  const undated = result.rows.filter((row) => row.deadline.kind !== "day").length;
  sheet.subtitle(
    words.subtitle({
      file: result.fileName,
      open: shown.filter((s) => !s.task.done).length,
      done: shown.filter((s) => s.task.done).length,
      recentDays: RECENT_DAYS,
      scale: line.scale,
      from: formatDay(line.columns[0]!.first),
      to: formatDay(line.columns[line.columns.length - 1]!.last),
      undated,
      notDrawn: planned.length - shown.length,
      limit: MAX_TASKS,
    }),
  );
  sheet.add([
    cell(words.legend.planned, "barPlanned"),
    cell(words.legend.done, "barDone"),
    cell(words.legend.late, "barLate"),
    cell(words.legend.overdue, "barOverdue"),
    cell(words.legend.today(cx.asOf), "barToday"),
  ]);

  // Months over the weeks (years over the months), each label merged across its columns.
  const groupLabel = (column: TimeColumn) => {
    const { year, month } = ymdOf(column.first);
    return line.scale === "week" ? words.month(month) : words.year(year);
  };
  const spans: Array<{ left: number; right: number }> = [];
  const groupCells: SpecCell[] = Array.from({ length: LEAD }, () => cell(null, "header"));
  line.columns.forEach((column, c) => {
    const label = groupLabel(column);
    const previous = spans[spans.length - 1];
    if (previous && groupCells[LEAD + previous.left]!.value === label) {
      previous.right = c;
      groupCells.push(cell(null, "header"));
    } else {
      spans.push({ left: c, right: c });
      groupCells.push(cell(label, "header"));
    }
  });
  const groups = sheet.add(groupCells);
  for (const { left, right } of spans) if (right > left) sheet.merge(groups, LEAD + left, LEAD + right);
  const header = sheet.add([
    ...words.header.map((label) => cell(label, "header")),
    ...line.columns.map((column, c) => {
      if (c === line.asOfColumn) return cell(words.today, "barToday");
      const { month, day } = ymdOf(column.first);
      return cell(line.scale === "week" ? String(day) : words.month(month), "header");
    }),
  ]);

  for (const { row, task } of shown) {
    const bar = barOf(task, line, asOf);
    sheet.add([
      cell(row.task, "textWrap"),
      cell(row.unit || cat.words.noUnit, "text"),
      task.start === undefined ? cell("", "text") : cell({ day: task.start }, "date"),
      cell({ day: task.deadline }, "date"),
      cell(statusText(cx, row, task), "text"),
      ...bar.map((part, c): SpecCell => {
        if (part) return cell(null, PART_STYLE[part]);
        return cell(null, c === line.asOfColumn ? "barTodayLine" : "barEmpty");
      }),
    ]);
  }
  if (shown.length === 0) sheet.merge(sheet.add([cell(words.noTasks, "text")]));
  return sheet.finish("progress", {
    freezeRows: header + 1,
    autoFilter: { top: header, left: 0, bottom: sheet.lastRow, right: width - 1 },
    repeatRows: { first: groups, last: header },
  });
}

/** Task rows by unit in the summary's order (units it does not list after, then rows without a unit). */
/** Tasks by unit in the summary's order (rows without a unit last), then by deadline and row. */
function byUnit<T extends { readonly row: TaskRow }>(cx: SheetContext, tasks: readonly T[]): T[] {
  // Units not in the summary follow it in the order the table first names them.
  const order = new Map(cx.result.summary.units.map((line, i) => [line.name, i]));
  for (const row of cx.result.rows)
    if (row.unit !== "" && !order.has(row.unit)) order.set(row.unit, order.size);
  const unit = ({ row }: T) => (row.unit === "" ? Number.MAX_SAFE_INTEGER : order.get(row.unit)!);
  const deadline = ({ row }: T) => (row.deadline.kind === "day" ? row.deadline.day : Infinity);
  return [...tasks].sort((a, b) => unit(a) - unit(b) || deadline(a) - deadline(b) || a.row.row - b.row.row);
}

/**
 * At most `limit` of `tasks`, the most urgent, in the order they came; among equally urgent tasks at the cut,
 * the first ones. The cut is the limit-th smallest urgency, found by sorting the urgencies alone as numbers:
 * a 100,000-row table's tasks sorted as objects with a comparison for each pair took 20 ms to keep 300.
 */
export function mostUrgent<T extends { readonly task: PlannedTask }>(
  tasks: readonly T[],
  limit: number,
): readonly T[] {
  if (tasks.length <= limit) return tasks;
  if (limit <= 0) return [];
  // Open tasks by deadline (the longest overdue first), then finished ones, the latest finished first.
  const urgencies = Float64Array.from(tasks, ({ task }) =>
    task.done ? 1e9 - (task.doneDate ?? task.deadline) : task.deadline,
  );
  const cut = urgencies.slice().sort()[limit - 1]!;
  let atCut = limit;
  for (const urgency of urgencies) if (urgency < cut) atCut--;
  return tasks.filter((_, i) => urgencies[i]! < cut || (urgencies[i] === cut && atCut-- > 0));
}

/** 按时完成 / 逾期完成 / 已完成, 逾期 N 天, or the status as the table writes it. */
function statusText(cx: SheetContext, row: TaskRow, task: PlannedTask): string {
  const { words, output } = cx.catalogue;
  const asOf = cx.result.asOf;
  if (task.done) {
    if (task.doneDate === undefined) return words.done;
    return task.doneDate > task.deadline ? words.late : words.onTime;
  }
  if (task.deadline < asOf) return output.overdueDays(asOf - task.deadline);
  return row.statusText || output.statusBlank;
}

function mondayOf(day: Day): Day {
  return day - (isoWeekday(day) - 1);
}

function monthStart(day: Day): Day {
  const { year, month } = ymdOf(day);
  return dayFromYmd(year, month, 1)!;
}

/** The first day of the month `delta` months from year-month. */
function addMonths(year: number, month: number, delta: number): Day {
  const index = year * 12 + (month - 1) + delta;
  return dayFromYmd(Math.floor(index / 12), (index % 12) + 1, 1)!;
}

function columnOf(columns: readonly TimeColumn[], day: Day): number {
  return columns.findIndex((c) => c.first <= day && day <= c.last);
}
