// missing-value: a required field is empty (缺项); in a specification the task, units or cycle, in a ledger
// the period.

import { ledgerPeriodCell, specCell } from "../recurring";
import { REQUIRED_FIELDS } from "../table/fields";
import { defineRule } from "./rule";

/**
 * values: field (missingValue). In the specification on the task, units or cycle cell (the cycle when
 * neither the cycle cell nor the rule names one); in the ledger, for a row of a known task, field "period"
 * (missingPeriod) on the period cell.
 */
export const missingValue = defineRule({
  meta: {
    id: "missing-value",
    defaultSeverity: "error",
    kind: "data",
    messageIds: ["missingValue", "missingPeriod"],
  },
  create(context) {
    // A ledger has no deadline column: its rows take their deadlines from the specification's rules.
    const fields = REQUIRED_FIELDS.filter((field) => context.hasColumn(field));
    return {
      row(row) {
        for (const field of fields) {
          const empty =
            field === "task"
              ? row.task === ""
              : field === "unit"
                ? row.unit === ""
                : row.deadline.kind === "empty";
          if (empty) context.report({ row, field, messageId: "missingValue", values: { field } });
        }
      },
      end() {
        const recurring = context.recurring;
        if (!recurring) return;
        const { specification: spec, ledger } = recurring;
        for (const problem of recurring.problems) {
          const { row } = problem;
          if (problem.kind === "spec-task") {
            context.reportAt({
              ...specCell(spec, row, "task"),
              messageId: "missingValue",
              values: { field: "task" },
            });
          } else if (problem.kind === "spec-units") {
            context.reportAt({
              ...specCell(spec, row, "unit"),
              messageId: "missingValue",
              values: { field: "unit" },
            });
          } else if (problem.kind === "spec-no-cycle") {
            context.reportAt({
              ...specCell(spec, row, "cycle"),
              messageId: "missingValue",
              values: { field: "cycle" },
            });
          } else if (problem.kind === "ledger-period") {
            // Ledger problems come only with a ledger.
            context.reportAt({
              ...ledgerPeriodCell(ledger!, row),
              messageId: "missingPeriod",
              values: { field: "period" },
            });
          }
        }
      },
    };
  },
});
