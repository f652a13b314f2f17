// Expanding a specification into every (task, unit, period) due by as-of, and finding those the ledger lacks.

import type { WorkCalendar } from "../calendar";
import { dayFromYmd, ymdOf, type Day } from "../day";
import type { RosterUnit } from "../sheets";
import type { TaskRow } from "../table/rows";
import { cellText, closest, editDistance } from "../values/text";
import { periodIn, periodsBetween, type Period } from "./periods";
import type { RecurringProblem } from "./problems";
import type { Ledger, LedgerEntry, Specification, SpecTask } from "./specification";
import { isGroupWord, unitExpander } from "./units";

/** One period of one task that one unit owes. */
export interface DueInstance {
  readonly task: SpecTask;
  readonly unit: string;
  readonly period: Period;
  readonly deadline: Day;
}

export interface ExpandOptions {
  readonly asOf: Day;
  /** settings.trackingStart; 1 January of the as-of year when absent. */
  readonly trackingStart?: Day;
  readonly calendar: WorkCalendar;
}

/** The day periods are counted from: the setting, else 1 January of the as-of year. */
export function defaultTrackingStart(asOf: Day, trackingStart?: Day): Day {
  return trackingStart ?? dayFromYmd(ymdOf(asOf).year, 1, 1)!;
}

/**
 * A task's start: its own start date (开始时间) when it has one, not before the tracking start when the
 * settings set one; the tracking start otherwise.
 */
export function taskStart(task: SpecTask, options: ExpandOptions): Day {
  if (task.start === undefined) return defaultTrackingStart(options.asOf, options.trackingStart);
  return options.trackingStart === undefined ? task.start : Math.max(task.start, options.trackingStart);
}

/**
 * The periods of a task that are due by as-of, with their deadlines. A period counts from the task's start
 * when it ends on or after it and its deadline is not before it (nothing is owed before tracking began); it
 * is due once its deadline is before as-of (the deadline day itself is not late), which may be before the
 * period ends (每月25日前: November is due on 26 November). A daily task owes working days only.
 */
export function duePeriods(
  task: SpecTask,
  options: ExpandOptions,
): Array<{ readonly period: Period; readonly deadline: Day }> {
  const start = taskStart(task, options);
  const due: Array<{ period: Period; deadline: Day }> = [];
  // A deadline is never before its period's start, so a period starting on or after as-of is never due.
  for (const period of periodsBetween(task.cycle, start, options.asOf - 1, options.calendar)) {
    const deadline = task.deadline(period);
    if (deadline >= start && deadline < options.asOf) due.push({ period, deadline });
  }
  return due;
}

/**
 * Every (task, unit, period) due by as-of: by specification row, then unit (in the order the row names them),
 * then period.
 */
export function expand(spec: Specification, options: ExpandOptions): DueInstance[] {
  const instances: DueInstance[] = [];
  for (const task of spec.tasks) {
    const due = duePeriods(task, options);
    for (const unit of task.units)
      for (const { period, deadline } of due) instances.push({ task, unit, period, deadline });
  }
  return instances;
}

/** A due instance without a ledger row (漏项). */
export interface Omission extends DueInstance {
  /** as-of − deadline, at least 1. */
  readonly daysPastDue: number;
}

/** A ledger row whose task is in no specification row. */
export interface UnknownTask {
  readonly entry: LedgerEntry;
  /** The closest specification task, when one is close enough to be worth suggesting. */
  readonly suggestion?: string;
}

export interface MatchResult {
  readonly missing: readonly Omission[];
  readonly unknownTasks: readonly UnknownTask[];
  /** Ledger periods that are empty, unreadable, or longer than their task's cycle. */
  readonly problems: readonly RecurringProblem[];
  /**
   * The ledger's task rows, each without a deadline of its own given the deadline its task's rule sets for
   * its period, so that they are checked like any task row (overdue, due soon, done late); group words in
   * a row's unit cell expanded to the roster's units.
   */
  readonly rows: readonly TaskRow[];
  /**
   * Per ledger row (by TaskRow.index), the canonical id of the period it records, in its task's cycle where
   * its task is known (2026-10-14 for a weekly task: 2026-W42); undefined when its period cannot be read.
   * Two rows of one task and unit are a duplicate only when they record the same period.
   */
  readonly periods: ReadonlyArray<string | undefined>;
}

export interface MatchOptions {
  readonly asOf: Day;
  /** For group words in the ledger's unit cells (各支部 done together in one row). */
  readonly roster?: readonly RosterUnit[];
}

/**
 * Matches the ledger against the due instances. A ledger row counts for a task when its task text is the
 * task's after folding full-width forms and dropping spaces, for each unit it names, and for the period of
 * the task's cycle its period falls in (a date or a 旬 counts for the month holding it). Ledger rows for
 * periods not yet due, or for units the task does not name, are no omission and no finding. Several
 * specification rows may share a task text (different units or cycles): a row counts for each of them.
 */
export function match(
  spec: Specification,
  instances: readonly DueInstance[],
  ledger: Ledger,
  options: MatchOptions,
): MatchResult {
  const byKey = new Map<string, SpecTask[]>();
  for (const task of spec.tasks) {
    const same = byKey.get(task.taskKey);
    if (same) same.push(task);
    else byKey.set(task.taskKey, [task]);
  }
  const taskUnits = spec.tasks.map((task) => new Set(task.units.map(unitKey)));
  // Per task: per unit, the periods recorded.
  const recorded = spec.tasks.map(() => new Map<string, Set<string>>());
  const expand = unitExpander(options.roster);
  // A row's units with group words expanded (各支部 done together in one row), and their keys; one array
  // per distinct unit cell, as the rows share them.
  const namesOf = new Map<readonly string[], readonly string[]>();
  const keysOf = new Map<readonly string[], readonly string[]>();
  const unitsOf = (row: TaskRow): readonly string[] => {
    let names = namesOf.get(row.units);
    if (names === undefined) {
      const expanded = row.units.some(isGroupWord) ? expand(row.units).units : row.units;
      // Without a roster a group word stays as written, and matches nothing.
      names = expanded.length > 0 ? expanded : row.units;
      namesOf.set(row.units, names);
      keysOf.set(names, names.map(unitKey));
    }
    return names;
  };
  const suggest = suggester(spec);
  const unknownTasks: UnknownTask[] = [];
  const problems: RecurringProblem[] = [];
  const rows: TaskRow[] = [];
  const periods: Array<string | undefined> = [];

  for (const entry of ledger.entries) {
    const { row, period } = entry;
    const names = unitsOf(row);
    let deadline: Day | undefined;
    let recordedPeriod = period.kind === "period" ? period.period.id : undefined;
    const tasks = row.task === "" ? undefined : byKey.get(row.taskKey);
    if (row.task !== "" && !tasks) {
      const suggestion = suggest(row);
      unknownTasks.push(suggestion === undefined ? { entry } : { entry, suggestion });
    }
    if (tasks && period.kind !== "period") {
      problems.push(
        period.kind === "empty"
          ? { kind: "ledger-period", row }
          : { kind: "ledger-period-text", row, value: period.text },
      );
    } else if (tasks && period.kind === "period") {
      const units = keysOf.get(names)!;
      let fitted = false;
      let owner = false;
      for (const task of tasks) {
        const own = periodIn(period.period, task.cycle);
        if (!own) continue;
        if (!fitted) recordedPeriod = own.id;
        fitted = true;
        const byUnit = recorded[task.index]!;
        for (const unit of units) {
          let periods = byUnit.get(unit);
          if (!periods) byUnit.set(unit, (periods = new Set()));
          periods.add(own.id);
        }
        // The deadline of the specification row that names the row's unit, else of the first that fits.
        const names = units.some((unit) => taskUnits[task.index]!.has(unit));
        if (deadline === undefined || (names && !owner)) {
          deadline = task.deadline(own);
          owner = names;
        }
      }
      if (!fitted) {
        const value = cellText(ledger.location.sheet.rows[row.row - 1]?.[ledger.location.periodColumn]);
        problems.push({
          kind: "ledger-period-cycle",
          row,
          value: value.trim() || period.period.id,
          cycle: tasks[0]!.cycle,
        });
      }
    }
    periods.push(recordedPeriod);
    const ownDeadline = deadline === undefined || row.deadline.kind !== "empty";
    if (ownDeadline && names === row.units) rows.push(row);
    else
      rows.push({
        ...row,
        ...(names === row.units ? {} : { units: names, unit: names[0]! }),
        ...(ownDeadline ? {} : { deadline: { kind: "day", day: deadline! } }),
      });
  }

  const missing: Omission[] = [];
  for (const instance of instances) {
    if (recorded[instance.task.index]!.get(unitKey(instance.unit))?.has(instance.period.id)) continue;
    missing.push({ ...instance, daysPastDue: options.asOf - instance.deadline });
  }
  return { missing, unknownTasks, problems, rows, periods };
}

/** Units compare as the roster's do: spaces trimmed already, case ignored. */
function unitKey(unit: string): string {
  return unit.toLowerCase();
}

/**
 * The closest specification task for an unknown ledger task, once per distinct text; none when even the
 * closest differs in more than half its characters (a guess that would mislead).
 */
function suggester(spec: Specification): (row: TaskRow) => string | undefined {
  const texts = [...new Set(spec.tasks.map((task) => task.task))];
  const cache = new Map<string, string | undefined>();
  return (row) => {
    if (cache.has(row.taskKey)) return cache.get(row.taskKey);
    const best = closest(row.task, texts);
    const near =
      best !== undefined &&
      editDistance(row.task, best) <= Math.max(2, Math.ceil(Array.from(best).length / 2));
    const suggestion = near ? best : undefined;
    cache.set(row.taskKey, suggestion);
    return suggestion;
  };
}
