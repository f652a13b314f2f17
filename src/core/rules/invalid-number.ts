// invalid-number: points or score that is not a number.

import { defineRule, unreadableCell } from "./rule";

export const invalidNumber = defineRule({
  meta: {
    id: "invalid-number",
    defaultSeverity: "error",
    kind: "data",
    messageIds: ["invalidNumber", "formulaError"],
  },
  create(context) {
    return {
      row(row) {
        // Nearly every row passes: two plain reads before the loop over fields.
        if (row.points.kind !== "invalid" && row.score.kind !== "invalid") return;
        for (const field of ["points", "score"] as const) {
          const parsed = row[field];
          if (parsed.kind === "invalid") {
            const values = { field, value: parsed.text };
            context.report(unreadableCell(row, field, parsed.text, { messageId: "invalidNumber", values }));
          }
        }
      },
    };
  },
});
