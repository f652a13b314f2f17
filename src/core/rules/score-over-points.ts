// score-over-points: a score greater than the points the task is worth.

import { defineRule } from "./rule";

export const scoreOverPoints = defineRule({
  meta: { id: "score-over-points", defaultSeverity: "error", kind: "data", messageIds: ["scoreOverPoints"] },
  create(context) {
    return {
      row(row) {
        // Stryker disable next-line ConditionalExpression,LogicalOperator: equivalent, named in the test
        if (row.score.kind !== "number" || row.points.kind !== "number") return;
        if (row.score.value > row.points.value) {
          context.report({
            row,
            field: "score",
            messageId: "scoreOverPoints",
            values: { score: row.score.value, points: row.points.value },
          });
        }
      },
    };
  },
});
