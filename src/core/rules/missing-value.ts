// missing-value: a required field is empty (缺项).

import { REQUIRED_FIELDS } from "../table/fields";
import { reportRecurringProblems } from "../recurring";
import type { Rule } from "./rule";

export const missingValue: Rule = {
  meta: {
    id: "missing-value",
    defaultSeverity: "error",
    kind: "data",
    messageIds: ["missingValue", "missingPeriod"],
  },
  create(context) {
    // A ledger has no deadline column: its rows take their deadlines from the specification's rules.
    const fields = REQUIRED_FIELDS.filter((field) => context.hasColumn(field));
    return {
      row(row) {
        for (const field of fields) {
          const empty =
            field === "task"
              ? row.task === ""
              : field === "unit"
                ? row.unit === ""
                : row.deadline.kind === "empty";
          if (empty) context.report({ row, field, messageId: "missingValue", values: { field } });
        }
      },
      end: () => reportRecurringProblems(context, "missing-value"),
    };
  },
};
