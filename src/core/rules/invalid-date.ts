// invalid-date: a deadline, start or completion date that cannot be read as a real date.

import type { Field } from "../table/fields";
import { reportRecurringProblems } from "../recurring";
import type { Rule } from "./rule";

const DATE_FIELDS = ["deadline", "start", "doneDate"] as const satisfies readonly Field[];

export const invalidDate: Rule = {
  meta: {
    id: "invalid-date",
    defaultSeverity: "error",
    kind: "data",
    messageIds: ["invalidDate", "invalidDeadlineRule", "deadlineRuleCycle", "invalidPeriod", "periodCycle"],
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
          if (parsed.kind === "invalid") {
            context.report({ row, field, messageId: "invalidDate", values: { field, value: parsed.text } });
          }
        }
      },
      end: () => reportRecurringProblems(context, "invalid-date"),
    };
  },
};
