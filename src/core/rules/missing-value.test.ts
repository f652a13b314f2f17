import { missingValue } from "./missing-value";
import { testRule } from "../../../test/helpers/rule-tester";

const full = { task: "开展安全检查", unit: "综采一队", deadline: "2026-11-30" };

testRule(missingValue, {
  valid: [
    { name: "every required field filled", rows: [full] },
    { name: "a date cell counts as filled", rows: [{ ...full, deadline: { day: 20800 } }] },
    { name: "an ongoing deadline is filled", rows: [{ ...full, deadline: "长期" }] },
  ],
  invalid: [
    {
      name: "empty unit",
      rows: [full, { ...full, unit: null }],
      expected: [{ row: 3, messageId: "missingValue", field: "unit", values: { field: "unit" } }],
    },
    {
      name: "spaces only, full-width too",
      rows: [{ ...full, task: " \u3000 " }],
      expected: [{ row: 2, messageId: "missingValue", field: "task", values: { field: "task" } }],
    },
    {
      name: "each empty field is its own finding",
      rows: [{ task: "整理台账", unit: "", deadline: null }],
      expected: [
        { row: 2, messageId: "missingValue", field: "unit" },
        { row: 2, messageId: "missingValue", field: "deadline" },
      ],
    },
    {
      name: "a unit cell of separators only",
      rows: [{ ...full, unit: "、" }],
      expected: [{ row: 2, messageId: "missingValue", field: "unit" }],
    },
  ],
});
