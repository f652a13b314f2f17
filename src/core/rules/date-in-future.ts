// date-in-future: a completion date after the as-of day (done in the future cannot be).

import { formatDay } from "../day";
import { defineRule } from "./rule";

export const dateInFuture = defineRule({
  meta: { id: "date-in-future", defaultSeverity: "error", kind: "data", messageIds: ["dateInFuture"] },
  create(context) {
    return {
      row(row) {
        // Stryker disable next-line ConditionalExpression: equivalent, named in the test (it narrows the type)
        if (row.doneDate.kind !== "day") return;
        if (row.doneDate.day > context.asOf) {
          context.report({
            row,
            field: row.doneDateFrom ?? "doneDate",
            messageId: "dateInFuture",
            values: { date: formatDay(row.doneDate.day), asOf: formatDay(context.asOf) },
          });
        }
      },
    };
  },
});
