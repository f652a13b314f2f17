import { dateInFuture } from "./date-in-future";
import { testRule } from "../../../test/helpers/rule-tester";

const row = { task: "开展安全检查", unit: "综采一队", deadline: "2026-11-30", status: "已完成" };

// Equivalent mutant (npm run mutate): `if (row.doneDate.kind !== "day") return` made false compares an undefined day for a
// completion date that is empty or cannot be read, and `undefined > asOf` is false: no finding either way.
testRule(dateInFuture, {
  valid: [
    { name: "done before as-of", rows: [{ ...row, doneDate: "2026-11-17" }] },
    { name: "done on the as-of day", rows: [{ ...row, doneDate: "2026-11-18" }] },
  ],
  invalid: [
    {
      name: "done tomorrow",
      rows: [{ ...row, doneDate: "2026年11月19日" }],
      expected: [
        {
          row: 2,
          messageId: "dateInFuture",
          field: "doneDate",
          values: { date: "2026-11-19", asOf: "2026-11-18" },
        },
      ],
    },
    {
      name: "a day in the status, the completion date empty: the status cell is named",
      rows: [{ ...row, status: "已完成 11月20日", doneDate: null }],
      expected: [{ row: 2, messageId: "dateInFuture", field: "status", values: { date: "2026-11-20" } }],
    },
    {
      name: "even if the status is open",
      rows: [{ ...row, status: "进行中", doneDate: "2027-01-01" }],
      expected: [{ row: 2, messageId: "dateInFuture", field: "doneDate" }],
    },
  ],
});
