// overdue: not done and the deadline has passed (the deadline day itself is not overdue).

import { formatDay } from "../day";
import { defineRule } from "./rule";

export const overdue = defineRule({
  meta: { id: "overdue", defaultSeverity: "error", kind: "progress", messageIds: ["overdue"] },
  create(context) {
    return {
      row(row) {
        if (row.status.kind === "done" || row.deadline.kind !== "day") return;
        if (row.deadline.day < context.asOf) {
          context.report({
            row,
            field: "deadline",
            messageId: "overdue",
            values: {
              deadline: formatDay(row.deadline.day),
              days: context.asOf - row.deadline.day,
              unit: row.unit,
            },
          });
        }
      },
    };
  },
});
