// unknown-status: status text that is neither a known done word nor a known open word.

import { defineRule } from "./rule";

export const unknownStatus = defineRule({
  meta: { id: "unknown-status", defaultSeverity: "warning", kind: "data", messageIds: ["unknownStatus"] },
  create(context) {
    return {
      row(row) {
        if (row.status.kind === "unknown") {
          context.report({
            row,
            field: "status",
            messageId: "unknownStatus",
            values: { value: row.status.text },
          });
        }
      },
    };
  },
});
