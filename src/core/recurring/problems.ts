// What is wrong with a row of the specification or the ledger, as data: the rule that owns each kind
// (invalid-date, missing-value, invalid-cycle) decides its finding.

import type { TaskRow } from "../table/rows";
import type { RecurringCycle } from "./periods";

/**
 * A specification row that cannot be expanded (all but `start`, which still counts), or a ledger row of a
 * known task whose period cannot be used. `value` is the cell as written, spaces trimmed.
 * - spec-task, spec-units: the task or units cell is empty.
 * - spec-start: the start (开始时间) cannot be read as a date.
 * - spec-cycle: the cycle cannot be read.
 * - spec-no-cycle: neither the cycle cell nor the rule names a cycle.
 * - spec-rule: the deadline rule cannot be read.
 * - spec-rule-cycle: the rule names another cycle than the cycle cell, or cannot be used with it (每周五
 *   for a monthly task); `cycle` is the cycle cell's ("" without one).
 * - ledger-period: the period cell is empty.
 * - ledger-period-text: the period cannot be read.
 * - ledger-period-cycle: the period is longer than the task's cycle (2026年10月 for a weekly task), so it
 *   cannot say which period was done; `cycle` is the task's.
 */
export type RecurringProblem =
  | { readonly kind: "spec-task" | "spec-units" | "spec-no-cycle" | "ledger-period"; readonly row: TaskRow }
  | {
      readonly kind: "spec-start" | "spec-cycle" | "spec-rule" | "ledger-period-text";
      readonly row: TaskRow;
      readonly value: string;
    }
  | {
      readonly kind: "spec-rule-cycle";
      readonly row: TaskRow;
      readonly value: string;
      readonly cycle: string;
    }
  | {
      readonly kind: "ledger-period-cycle";
      readonly row: TaskRow;
      readonly value: string;
      readonly cycle: RecurringCycle;
    };
