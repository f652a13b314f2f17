// invalid-date: a deadline, start or completion date that cannot be read as a real date; in a specification
// a start, or a deadline rule that cannot be read or used, and in a ledger a period that cannot be.

import { ledgerPeriodCell, specCell } from "../recurring";
import { parseDeadlineRule } from "../recurring/deadline-rule";
import { formatDay, ymdOf } from "../day";
import type { Field } from "../table/fields";
import { isHolidayDeadline, isRelativeDeadline, listedDays } from "../values/date";
import { defineRule, unreadableCell } from "./rule";

const DATE_FIELDS = ["deadline", "start", "doneDate"] as const satisfies readonly Field[];

/** A rule that says it repeats (每月25日前, 逐月, every Friday); without it, 下月底 or 30日内 is a relative deadline. */
const REPEATS = /每|逐|every|each/iu;

/**
 * values: field and value (invalidDate; severalDates, with the days listed, for a cell of two or more days,
 * 6月30日/12月31日, as a task in stages is written; recurringDeadline for a task row's deadline that is a recurring rule,
 * 每月25日前, which names no one day: such work belongs in a specification; relativeDeadline for one counted from a
 * day it does not say, 30日内, 下月底, 立行立改; holidayDeadline for one before a holiday that names no day, 春节前,
 * 国庆节前). In the specification, on the rule cell: value (invalidDeadlineRule:
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
      "severalDates",
      "formulaError",
      "recurringDeadline",
      "relativeDeadline",
      "holidayDeadline",
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
          const { text } = parsed;
          const rule = field === "deadline" && parseDeadlineRule(text).kind === "rule";
          const recurring = rule && REPEATS.test(text);
          const relative = field === "deadline" && !recurring && (rule || isRelativeDeadline(text));
          // A rule or a relative deadline is no list of days: each day of a list reads as a date.
          const listed = listedDays(text, ymdOf(context.asOf).year);
          const values = { field, value: text };
          context.report(
            unreadableCell(
              row,
              field,
              text,
              listed
                ? {
                    messageId: "severalDates",
                    values: { ...values, count: listed.length, dates: listed.map(formatDay).join("、") },
                  }
                : {
                    messageId: recurring
                      ? "recurringDeadline"
                      : relative
                        ? "relativeDeadline"
                        : isHolidayDeadline(text)
                          ? "holidayDeadline"
                          : "invalidDate",
                    values,
                  },
            ),
          );
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
