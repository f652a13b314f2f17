// done-late: done, but the completion date is after the deadline.

import { formatDay } from "../day";
import { defineRule } from "./rule";

export const doneLate = defineRule({
  meta: { id: "done-late", defaultSeverity: "info", kind: "progress", messageIds: ["doneLate"] },
  create(context) {
    return {
      row(row) {
        if (row.status.kind !== "done") return;
        // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, named in the test
        if (row.deadline.kind !== "day" || row.doneDate.kind !== "day") return;
        const late = row.doneDate.day - row.deadline.day;
        if (late > 0) {
          context.report({
            row,
            field: row.doneDateFrom ?? "doneDate",
            messageId: "doneLate",
            values: { deadline: formatDay(row.deadline.day), date: formatDay(row.doneDate.day), days: late },
          });
        }
      },
    };
  },
});
