// overdue: not done and the deadline has passed (the deadline day itself is not overdue); where only the status
// is missing, the message says so.

import { formatDay } from "../day";
import { defineRule } from "./rule";

export const overdue = defineRule({
  meta: {
    id: "overdue",
    defaultSeverity: "error",
    kind: "progress",
    messageIds: ["overdue", "overdueDoneDate"],
  },
  create(context) {
    return {
      row(row) {
        if (row.status.kind === "done" || row.deadline.kind !== "day") return;
        if (row.deadline.day >= context.asOf) return;
        const values = {
          deadline: formatDay(row.deadline.day),
          days: context.asOf - row.deadline.day,
          unit: row.unit,
        };
        // A completion date with no status is not done (SPEC.md), but the clerk has likely forgotten the word:
        // the message says which to write. (A day to come is a plan, and date-in-future's; a table without a
        // status column reads a day gone by as done.)
        if (row.status.kind === "empty" && row.doneDate.kind === "day" && row.doneDate.day <= context.asOf)
          context.report({
            row,
            field: "deadline",
            messageId: "overdueDoneDate",
            values: { ...values, date: formatDay(row.doneDate.day) },
          });
        else context.report({ row, field: "deadline", messageId: "overdue", values });
      },
    };
  },
});
