// invalid-cycle: cycle text that is not a known cycle (年/季/月/旬/周/日 …), in the task table or the
// specification.

import { specCell } from "../recurring";
import { defineRule, unreadableCell } from "./rule";

export const invalidCycle = defineRule({
  meta: {
    id: "invalid-cycle",
    defaultSeverity: "warning",
    kind: "data",
    messageIds: ["invalidCycle", "formulaError"],
  },
  create(context) {
    return {
      row(row) {
        if (row.cycle.kind === "invalid") {
          const { text } = row.cycle;
          context.report(
            unreadableCell(row, "cycle", text, { messageId: "invalidCycle", values: { value: text } }),
          );
        }
      },
      end() {
        const recurring = context.recurring;
        if (!recurring) return;
        for (const problem of recurring.problems) {
          if (problem.kind !== "spec-cycle") continue;
          context.reportAt({
            ...specCell(recurring.specification, problem.row, "cycle"),
            messageId: "invalidCycle",
            values: { value: problem.value },
          });
        }
      },
    };
  },
});
