// unknown-status: status text that is neither a known done word nor a known open word.

import { defineRule, unreadableCell } from "./rule";

export const unknownStatus = defineRule({
  meta: {
    id: "unknown-status",
    defaultSeverity: "warning",
    kind: "data",
    messageIds: ["unknownStatus", "formulaError"],
  },
  create(context) {
    return {
      row(row) {
        if (row.status.kind === "unknown") {
          const { text } = row.status;
          context.report(
            unreadableCell(row, "status", text, { messageId: "unknownStatus", values: { value: text } }),
          );
        }
      },
    };
  },
});
