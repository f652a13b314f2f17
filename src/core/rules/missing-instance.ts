// missing-instance: a recurring task of the specification has no ledger row for a unit and period (漏项).

import { formatDay } from "../day";
import { defineRule } from "./rule";

/**
 * Reports, when the recurring check is done, every due (task, unit, period) the ledger lacks, on the
 * specification row's task cell. values: task, unit, period (canonical id; worded by formatPeriod), cycle,
 * rule (as written, "" without one), deadline (YYYY-MM-DD), daysPastDue.
 */
export const missingInstance = defineRule({
  meta: {
    id: "missing-instance",
    defaultSeverity: "error",
    kind: "progress",
    messageIds: ["missingInstance"],
  },
  create(context) {
    const recurring = context.recurring;
    if (!recurring?.ledger) return {};
    const spec = recurring.specification;
    const column = spec.columns.task;
    return {
      end() {
        for (const { task, unit, period, deadline, daysPastDue } of recurring.missing) {
          context.reportAt({
            sheet: spec.sheet,
            row: task.row,
            ...(column ? { column } : {}),
            messageId: "missingInstance",
            values: {
              task: task.task,
              unit,
              period: period.id,
              cycle: task.cycle,
              rule: task.rule,
              deadline: formatDay(deadline),
              daysPastDue,
            },
            unit,
            task: task.task,
            period: period.id,
          });
        }
      },
    };
  },
});
