// done-without-date: marked done, but the completion date is empty (only where the table has that column).

import { defineRule } from "./rule";

export const doneWithoutDate = defineRule({
  meta: {
    id: "done-without-date",
    defaultSeverity: "warning",
    kind: "data",
    messageIds: ["doneWithoutDate"],
  },
  create(context) {
    // A table without a completion-date column would otherwise flag every finished task.
    if (!context.hasColumn("doneDate")) return {};
    return {
      row(row) {
        if (row.status.kind === "done" && row.doneDate.kind === "empty") {
          context.report({ row, field: "doneDate", messageId: "doneWithoutDate" });
        }
      },
    };
  },
});
