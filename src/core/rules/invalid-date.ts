// invalid-date: a deadline, start or completion date that cannot be read as a real date; in a specification
// a start, or a deadline rule that cannot be read or used, and in a ledger a period that cannot be.

import { ledgerPeriodCell, specCell } from "../recurring";
import { parseDeadlineRule } from "../recurring/deadline-rule";
import type { Field } from "../table/fields";
import { defineRule } from "./rule";

const DATE_FIELDS = ["deadline", "start", "doneDate"] as const satisfies readonly Field[];

/**
 * values: field and value (invalidDate; recurringDeadline for a task row's deadline that is a recurring rule,
 * 每月25日前, which names no one day: such work belongs in a specification). In the specification, on the rule cell: value (invalidDeadlineRule:
 * the rule cannot be read); value and cycle (deadlineRuleCycle: the rule names another cycle than the cycle
 * cell, or cannot be used with it, as 每周五 for a monthly task). In the ledger, on the period cell: value
 * (invalidPeriod: the period cannot be read); value, cycle and task (periodCycle: the period is longer than
 * the task's cycle, 2026年10月 for a weekly task, so it cannot say which one was done).
 */
export const invalidDate = defineRule({
  meta: {
    id: "invalid-date",
    defaultSeverity: "error",
    kind: "data",
    messageIds: [
      "invalidDate",
      "recurringDeadline",
      "invalidDeadlineRule",
      "deadlineRuleCycle",
      "invalidPeriod",
      "periodCycle",
    ],
  },
  create(context) {
    return {
      row(row) {
        // Nearly every row passes: three plain reads before the loop over fields.
        if (
          row.deadline.kind !== "invalid" &&
          row.start.kind !== "invalid" &&
          row.doneDate.kind !== "invalid"
        )
          return;
        for (const field of DATE_FIELDS) {
          const parsed = row[field];
          if (parsed.kind !== "invalid") continue;
          const recurring = field === "deadline" && isRecurring(parsed.text);
          context.report({
            row,
            field,
            messageId: recurring ? "recurringDeadline" : "invalidDate",
            values: { field, value: parsed.text },
          });
        }
      },
      end() {
        const recurring = context.recurring;
        if (!recurring) return;
        const { specification: spec, ledger } = recurring;
        for (const problem of recurring.problems) {
          const { row } = problem;
          if (problem.kind === "spec-start") {
            context.reportAt({
              ...specCell(spec, row, "start"),
              messageId: "invalidDate",
              values: { field: "start", value: problem.value },
            });
          } else if (problem.kind === "spec-rule") {
            context.reportAt({
              ...specCell(spec, row, "deadline"),
              messageId: "invalidDeadlineRule",
              values: { value: problem.value },
            });
          } else if (problem.kind === "spec-rule-cycle") {
            context.reportAt({
              ...specCell(spec, row, "deadline"),
              messageId: "deadlineRuleCycle",
              values: { value: problem.value, cycle: problem.cycle },
            });
          } else if (problem.kind === "ledger-period-text") {
            // Ledger problems come only with a ledger.
            context.reportAt({
              ...ledgerPeriodCell(ledger!, row),
              messageId: "invalidPeriod",
              values: { value: problem.value },
            });
          } else if (problem.kind === "ledger-period-cycle") {
            context.reportAt({
              ...ledgerPeriodCell(ledger!, row),
              messageId: "periodCycle",
              values: { value: problem.value, cycle: problem.cycle, task: row.task },
            });
          }
        }
      },
    };
  },
});

/**
 * Whether a deadline that is no day reads as a rule that recurs: 每月25日前, 月底前, 每周五, 每年12月31日前. A
 * day of the year with words around it (11月30日/12月31日) reads as a yearly rule too, but recurs only where it
 * says so.
 */
function isRecurring(text: string): boolean {
  const parsed = parseDeadlineRule(text);
  if (parsed.kind !== "rule") return false;
  return parsed.rule.cycle !== "year" || /每年|年度/u.test(text);
}
