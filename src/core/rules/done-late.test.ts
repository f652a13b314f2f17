import { doneLate } from "./done-late";
import { testRule } from "../../../test/helpers/rule-tester";

const row = { task: "开展安全检查", unit: "综采一队", deadline: "2026-11-10", status: "已完成" };

// Equivalent mutants (npm run mutate): `row.deadline.kind !== "day"` or `row.doneDate.kind !== "day"` made
// false, or joined by && instead of ||, lets a row with one of them missing on, where the days late are NaN and `NaN > 0` is false: no finding
// either way.
testRule(doneLate, {
  valid: [
    { name: "done on the deadline", rows: [{ ...row, doneDate: "2026-11-10" }] },
    { name: "done early", rows: [{ ...row, doneDate: "2026-11-01" }] },
    { name: "not done", rows: [{ ...row, status: "进行中", doneDate: "2026-11-12" }] },
    { name: "no date", rows: [{ ...row, doneDate: null }] },
  ],
  invalid: [
    {
      name: "the day written in the status, the completion date left empty: the status cell is named",
      rows: [{ ...row, status: "已完成 2026年11月12日", doneDate: null }],
      expected: [
        {
          row: 2,
          messageId: "doneLate",
          field: "status",
          values: { deadline: "2026-11-10", date: "2026-11-12", days: 2 },
        },
      ],
    },
    {
      name: "the day written in the status, and no completion-date column: the status cell is named",
      rows: [{ ...row, status: "已完成 2026年11月12日" }],
      expected: [{ row: 2, messageId: "doneLate", field: "status", values: { days: 2 } }],
    },
    {
      name: "two days late",
      rows: [{ ...row, doneDate: "2026/11/12" }],
      expected: [
        {
          row: 2,
          messageId: "doneLate",
          field: "doneDate",
          values: { deadline: "2026-11-10", date: "2026-11-12", days: 2 },
        },
      ],
    },
  ],
});
