// unknown-task: a ledger row names a task that is not in the specification; the closest one is suggested.

import { defineRule } from "./rule";

/**
 * Reports, on the ledger row's task cell, each row whose task matches no specification task after folding
 * full-width forms and dropping spaces. values: task, and suggestion (the closest specification task) when
 * one is close enough.
 */
export const unknownTask = defineRule({
  meta: {
    id: "unknown-task",
    defaultSeverity: "warning",
    kind: "data",
    messageIds: ["unknownTask", "unknownTaskNoSuggestion"],
  },
  create(context) {
    const recurring = context.recurring;
    const ledger = recurring?.ledger;
    if (!recurring || !ledger) return {};
    const column = ledger.columns.task;
    return {
      end() {
        for (const { entry, suggestion } of recurring.unknownTasks) {
          const { row } = entry;
          context.reportAt({
            sheet: ledger.sheet,
            row: row.row,
            ...(column ? { column } : {}),
            messageId: suggestion === undefined ? "unknownTaskNoSuggestion" : "unknownTask",
            values: suggestion === undefined ? { task: row.task } : { task: row.task, suggestion },
            ...(row.unit ? { unit: row.unit } : {}),
            task: row.task,
            taskIndex: row.index,
          });
        }
      },
    };
  },
});
