// duplicate-task: the same task text and unit again; the later row is flagged.

import type { Rule } from "./rule";

export const duplicateTask: Rule = {
  meta: { id: "duplicate-task", defaultSeverity: "warning", kind: "data", messageIds: ["duplicateTask"] },
  create(context) {
    // By the whole unit cell (rows that read the same share its array), so that 综采一队、机电科 and
    // 综采一队 stay different assignments; then by task.
    const firstRow = new Map<readonly string[], Map<string, number>>();
    return {
      row(row) {
        if (row.task === "") return;
        let tasks = firstRow.get(row.units);
        if (!tasks) firstRow.set(row.units, (tasks = new Map()));
        // In a ledger a task and unit recur once per period: a duplicate records the same period again.
        const period = context.rowPeriod?.(row);
        const key = period === undefined ? row.taskKey : `${row.taskKey}\u0000${period}`;
        const first = tasks.get(key);
        if (first === undefined) tasks.set(key, row.row);
        else
          context.report({
            row,
            field: "task",
            messageId: "duplicateTask",
            values: { firstRow: first, unit: row.unit },
          });
      },
    };
  },
};
