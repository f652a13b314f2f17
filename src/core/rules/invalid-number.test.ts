import { invalidNumber } from "./invalid-number";
import { testRule } from "../../../test/helpers/rule-tester";

const row = { task: "完成月度考核", unit: "调度室", deadline: "2026-11-30" };

// Equivalent mutant (npm run mutate): the row hook's shortcut made `if (false) return` only reads both fields
// of every row, which reports the same.
testRule(invalidNumber, {
  valid: [
    {
      name: "numbers and numbers as text",
      rows: [
        { ...row, points: 5, score: "4.5" },
        { ...row, points: "５", score: "3分" },
      ],
    },
    { name: "empty", rows: [{ ...row, points: null, score: "" }] },
  ],
  invalid: [
    {
      name: "an error a formula gives",
      rows: [{ ...row, points: 5, score: "#DIV/0!" }],
      expected: [
        { row: 2, messageId: "formulaError", field: "score", values: { field: "score", value: "#DIV/0!" } },
      ],
    },
    {
      name: "a grade instead of a score",
      rows: [{ ...row, points: 5, score: "优" }],
      expected: [
        { row: 2, messageId: "invalidNumber", field: "score", values: { field: "score", value: "优" } },
      ],
    },
    {
      name: "points alone",
      rows: [{ ...row, points: "五分", score: 4 }],
      expected: [
        { row: 2, messageId: "invalidNumber", field: "points", values: { field: "points", value: "五分" } },
      ],
    },
    {
      name: "both columns",
      rows: [{ ...row, points: "五分", score: "N/A" }],
      expected: [
        { row: 2, messageId: "invalidNumber", field: "points" },
        { row: 2, messageId: "invalidNumber", field: "score" },
      ],
    },
  ],
});
