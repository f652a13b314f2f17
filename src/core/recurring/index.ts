// Recurring tasks and omissions (漏项): the specification expanded, matched against the ledger, ready for the rules.

import type { WorkCalendar } from "../calendar";
import { ymdOf, type Day } from "../day";
import type { Notice } from "../findings";
import type { RosterUnit } from "../sheets";
import type { TaskRow } from "../table/rows";
import type { WorkbookModel } from "../workbook";
import { expand, match, type Omission, type UnknownTask } from "./omissions";
import type { RecurringProblem } from "./problems";
import {
  findRecurringSheets,
  readLedger,
  readSpecification,
  type Ledger,
  type SheetChoice,
  type Specification,
} from "./specification";

export interface RecurringOptions extends SheetChoice {
  readonly asOf: Day;
  readonly calendar: WorkCalendar;
  /** The roster's units with their types (readRoster), for group words; absent without a roster sheet. */
  readonly roster?: readonly RosterUnit[];
  /** settings.trackingStart; 1 January of the as-of year when absent. */
  readonly trackingStart?: Day;
  /** Sheets that are neither (the roster, the holiday list, Duban's own sheets). */
  readonly skip?: ReadonlySet<string>;
}

export interface RecurringCheck {
  readonly specification: Specification;
  /** Absent when no ledger was found: then nothing is matched, and a notice says so. */
  readonly ledger?: Ledger;
  /** How many (task, unit, period) were due by as-of. */
  readonly due: number;
  /** Due instances without a ledger row: by specification row, unit, period. */
  readonly missing: readonly Omission[];
  readonly unknownTasks: readonly UnknownTask[];
  /** What is wrong with rows of the specification, then of the ledger, for the rules to report. */
  readonly problems: readonly RecurringProblem[];
  readonly notices: readonly Notice[];
  /**
   * The ledger's task rows with the deadlines their rules give (empty without a ledger): the rows the engine
   * checks when the ledger is its table.
   */
  readonly ledgerRows: readonly TaskRow[];
  /**
   * Per ledger row (by TaskRow.index), the canonical id of the period it records (in its task's cycle when
   * the task is known): for duplicate-task, which must compare task, unit and period in a ledger.
   */
  readonly ledgerPeriods: ReadonlyArray<string | undefined>;
}

/**
 * Finds the specification and the ledger, expands the specification into what is due by as-of and matches
 * the ledger against it. Undefined when the workbook has no specification.
 * Notices: recurringNoLedger {sheet}: a specification without a ledger; recurringGroupNoRoster {words, rows}:
 * group words that need a roster; recurringGroupNoMatch {words, rows}: group words naming no roster unit;
 * recurringGroupVague {words, rows}: words (相关单位) that name no unit at all.
 * @throws TableError for a chosen (--spec, --ledger) sheet that does not exist or has no header.
 */
export function checkRecurring(
  workbook: WorkbookModel,
  options: RecurringOptions,
): RecurringCheck | undefined {
  const { asOf, calendar, roster } = options;
  const sheets = findRecurringSheets(workbook, options, ymdOf(asOf).year, options.skip);
  if (!sheets.spec) return undefined;
  const specification = readSpecification(sheets.spec, { asOf, calendar, ...(roster ? { roster } : {}) });
  const instances = expand(specification, {
    asOf,
    calendar,
    ...(options.trackingStart === undefined ? {} : { trackingStart: options.trackingStart }),
  });
  const notices = groupNotices(specification);
  if (!sheets.ledger) {
    return {
      specification,
      due: instances.length,
      missing: [],
      unknownTasks: [],
      problems: specification.problems,
      notices: [{ id: "recurringNoLedger", values: { sheet: specification.sheet } }, ...notices],
      ledgerRows: [],
      ledgerPeriods: [],
    };
  }
  const ledger = readLedger(
    sheets.ledger,
    asOf,
    roster?.map((unit) => unit.name),
  );
  const matched = match(specification, instances, ledger, { asOf, ...(roster ? { roster } : {}) });
  return {
    specification,
    ledger,
    due: instances.length,
    missing: matched.missing,
    unknownTasks: matched.unknownTasks,
    problems: [...specification.problems, ...matched.problems],
    notices,
    ledgerRows: matched.rows,
    ledgerPeriods: matched.periods,
  };
}

function groupNotices(spec: Specification): Notice[] {
  const notices: Notice[] = [];
  const ids = {
    "no-roster": "recurringGroupNoRoster",
    "no-match": "recurringGroupNoMatch",
    vague: "recurringGroupVague",
  } as const;
  for (const reason of ["no-roster", "no-match", "vague"] as const) {
    const groups = spec.unresolvedGroups.filter((g) => g.reason === reason);
    if (groups.length === 0) continue;
    notices.push({
      id: ids[reason],
      values: {
        sheet: spec.sheet,
        words: [...new Set(groups.map((g) => g.word))].join("、"),
        rows: [...new Set(groups.map((g) => g.row))].join(", "),
      },
    });
  }
  return notices;
}

export type { RecurringProblem } from "./problems";
export { defaultTrackingStart, duePeriods, expand, match } from "./omissions";
export type { DueInstance, MatchResult, Omission, UnknownTask } from "./omissions";
export { parseDeadlineRule, resolveRule, type DeadlineRule, type ParsedRule } from "./deadline-rule";
export {
  isoWeekOf,
  parsePeriod,
  periodContaining,
  periodFromId,
  periodIn,
  periodsBetween,
  type ParsedPeriod,
  type Period,
  type RecurringCycle,
} from "./periods";
export { formatPeriod } from "./period-label";
export {
  findRecurringSheets,
  LEDGER_SHEET_NAMES,
  ledgerPeriodCell,
  PERIOD_HEADERS,
  readLedger,
  readSpecification,
  SPEC_SHEET_NAMES,
  specCell,
  type Ledger,
  type LedgerEntry,
  type Specification,
  type SpecTask,
} from "./specification";
export { isGroupWord, unitExpander } from "./units";
