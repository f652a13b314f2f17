// duplicate-task: the same task text and unit again; the later row is flagged.

import type { TaskRow } from "../table/rows";
import { defineRule } from "./rule";

export const duplicateTask = defineRule({
  meta: { id: "duplicate-task", defaultSeverity: "warning", kind: "data", messageIds: ["duplicateTask"] },
  create(context) {
    // By task, then by the whole unit cell (rows that read the same share its array), so that 综采一队、机电科
    // and 综采一队 stay different assignments. Most tasks are written under one unit cell: the first row of
    // each task is kept in one map, and only a task met again under another unit cell needs a map per cell
    // (one large map costs a 100,000-row table about half of what a map per unit cell does).
    const firstOfTask = new Map<string, TaskRow>();
    const firstByUnits = new Map<readonly string[], Map<string, number>>();
    return {
      row(row) {
        if (row.task === "") return;
        // In a ledger a task and unit recur once per period: a duplicate records the same period again.
        const period = context.rowPeriod?.(row);
        const key = period === undefined ? row.taskKey : `${row.taskKey}\u0000${period}`;
        const first = firstOfTask.get(key);
        if (first === undefined) {
          firstOfTask.set(key, row);
          return;
        }
        // The rows a merged task cell covers are parts of one task (a 具体措施 each), not the task again.
        if (row.taskFrom === first.row) return;
        let firstRow = first.row;
        if (first.units !== row.units) {
          let tasks = firstByUnits.get(row.units);
          if (!tasks) firstByUnits.set(row.units, (tasks = new Map()));
          const earlier = tasks.get(key);
          if (earlier === undefined) {
            tasks.set(key, row.row);
            return;
          }
          firstRow = earlier;
        }
        context.report({
          row,
          field: "task",
          messageId: "duplicateTask",
          values: { firstRow, unit: row.unit },
        });
      },
    };
  },
});
