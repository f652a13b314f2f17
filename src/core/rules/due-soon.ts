// due-soon: not done, and at most N working days remain after as-of up to the deadline (N = dueSoonDays).

import { workdaysBetween } from "../calendar";
import { formatDay } from "../day";
import { defineRule } from "./rule";

export const dueSoon = defineRule({
  meta: { id: "due-soon", defaultSeverity: "warning", kind: "progress", messageIds: ["dueSoon", "dueToday"] },
  create(context) {
    return {
      row(row) {
        if (row.status.kind === "done" || row.deadline.kind !== "day") return;
        const deadline = row.deadline.day;
        if (deadline < context.asOf || deadline >= context.dueSoonLimit) return;
        if (deadline === context.asOf) {
          context.report({
            row,
            field: "deadline",
            messageId: "dueToday",
            values: { deadline: formatDay(deadline) },
          });
          return;
        }
        context.report({
          row,
          field: "deadline",
          messageId: "dueSoon",
          values: {
            deadline: formatDay(deadline),
            workdays: workdaysBetween(context.calendar, context.asOf, deadline),
          },
        });
      },
    };
  },
});
