// invalid-cycle: cycle text that is not a known cycle (年/季/月/旬/周/日 …).

import { reportRecurringProblems } from "../recurring";
import type { Rule } from "./rule";

export const invalidCycle: Rule = {
  meta: { id: "invalid-cycle", defaultSeverity: "warning", kind: "data", messageIds: ["invalidCycle"] },
  create(context) {
    return {
      row(row) {
        if (row.cycle.kind === "invalid") {
          context.report({
            row,
            field: "cycle",
            messageId: "invalidCycle",
            values: { value: row.cycle.text },
          });
        }
      },
      end: () => reportRecurringProblems(context, "invalid-cycle"),
    };
  },
};
