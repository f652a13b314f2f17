import { testRule } from "../../../test/helpers/rule-tester";
import { scoreOverPoints } from "./score-over-points";

const row = { task: "完成月度考核", unit: "调度室", deadline: "2026-11-30" };

// Equivalent mutants (npm run mutate): `row.score.kind !== "number"`, `row.points.kind !== "number"` or both
// made false, or joined by && instead of ||, let a row on whose score or points is empty or not a number; its
// value is then undefined and a comparison with undefined is false: no finding either way.
testRule(scoreOverPoints, {
  valid: [
    {
      name: "score up to the points",
      rows: [
        { ...row, points: 5, score: 5 },
        { ...row, points: "10", score: "9.5" },
      ],
    },
    { name: "a score without points", rows: [{ ...row, score: 12 }] },
    { name: "a score that is not a number", rows: [{ ...row, points: 5, score: "优" }] },
  ],
  invalid: [
    {
      name: "score above points",
      rows: [{ ...row, points: 5, score: 6 }],
      expected: [{ row: 2, messageId: "scoreOverPoints", field: "score", values: { score: 6, points: 5 } }],
    },
    {
      name: "numbers stored as text",
      rows: [{ ...row, points: "5", score: "５.５" }],
      expected: [{ row: 2, messageId: "scoreOverPoints", field: "score", values: { score: 5.5, points: 5 } }],
    },
  ],
});
