// What the recurring check hands the rules: findings already placed on a sheet's cell, as data.

import type { MessageValue } from "../findings";
import type { RuleId } from "../settings";

/**
 * A finding on any sheet's cell (the specification, the ledger), not only on a row of the checked table.
 * The engine adds the rule id and severity, as it does for RuleReport.
 */
export interface CellReport {
  readonly sheet: string;
  /** The sheet's own row number (1-based). */
  readonly row: number;
  /** Column letter; absent for a finding on a whole row. */
  readonly column?: string;
  readonly messageId: string;
  readonly values: Readonly<Record<string, MessageValue>>;
  readonly unit?: string;
  readonly task?: string;
  /** Canonical period id, for findings about one period of a recurring task. */
  readonly period?: string;
  /**
   * Index of the ledger row among the ledger's task rows; the engine keeps it only when the ledger is the
   * table it checks (so that the summary counts the finding for that row).
   */
  readonly taskIndex?: number;
}

/** Data problems in the specification or the ledger, each reported by the rule named (with its severity). */
export interface RecurringProblem extends CellReport {
  readonly rule: Extract<RuleId, "invalid-date" | "invalid-cycle" | "missing-value">;
}

/**
 * Message ids the recurring check uses besides the rules' own; each belongs to the rule named in its
 * problem, and needs wording in every locale.
 * - invalidDeadlineRule (invalid-date): the specification's rule cannot be read. values: value.
 * - deadlineRuleCycle (invalid-date): the rule names another cycle than the cycle column, or cannot be
 *   used with it (每周五 for a monthly task). values: value, cycle.
 * - invalidPeriod (invalid-date): a ledger period cannot be read. values: value.
 * - periodCycle (invalid-date): a ledger period is longer than the task's cycle (2026年10月 for a weekly
 *   task), so it cannot say which period was done. values: value, cycle, task.
 * - missingPeriod (missing-value): a ledger row has no period. values: field ("period").
 * Also existing messages: missingValue (values: field), invalidDate (values: field, value), invalidCycle
 * (values: value).
 */
export const RECURRING_MESSAGE_IDS = [
  "invalidDeadlineRule",
  "deadlineRuleCycle",
  "invalidPeriod",
  "periodCycle",
  "missingPeriod",
] as const;
