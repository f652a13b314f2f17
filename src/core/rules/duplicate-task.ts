// duplicate-task: the same task text and unit again; the later row is flagged.

import { compactKey } from "../values/text";
import type { Rule } from "./rule";

export const duplicateTask: Rule = {
  meta: { id: "duplicate-task", defaultSeverity: "warning", kind: "data", messageIds: ["duplicateTask"] },
  create(context) {
    const firstRow = new Map<string, number>();
    return {
      row(row) {
        if (row.task === "") return;
        // The whole unit cell, so that 综采一队、机电科 and 综采一队 stay different assignments.
        const key = `${compactKey(row.task)}\u0000${row.units.join("\u0000")}`;
        const first = firstRow.get(key);
        if (first === undefined) firstRow.set(key, row.row);
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
