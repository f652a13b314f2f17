import { overdue } from "./overdue";
import { testRule } from "../../../test/helpers/rule-tester";

const row = { task: "开展安全检查", unit: "综采一队", status: "进行中" };

// Equivalent mutant (npm run mutate): `row.deadline.kind !== "day"` made false lets a row without a deadline
// day on, where `undefined < asOf` is false: no finding either way.
testRule(overdue, {
  valid: [
    { name: "the deadline day itself is not overdue", rows: [{ ...row, deadline: "2026-11-18" }] },
    { name: "a future deadline", rows: [{ ...row, deadline: "2026-12-01" }] },
    { name: "done late is not overdue", rows: [{ ...row, deadline: "2026-11-01", status: "已完成" }] },
    {
      name: "no status column: a completion date says the task is done",
      rows: [
        { task: "开展安全检查", unit: "综采一队", deadline: "2026-11-01", doneDate: "2026-10-30" },
        { task: "开展安全培训", unit: "综采一队", deadline: "2026-11-01", doneDate: "2026-11-18" },
      ],
    },
    {
      name: "no deadline",
      rows: [
        { ...row, deadline: null },
        { ...row, deadline: "长期" },
        { ...row, deadline: "下月" },
      ],
    },
  ],
  invalid: [
    {
      name: "no status column: no completion date, or one to come, is not done",
      rows: [
        { task: "开展安全检查", unit: "综采一队", deadline: "2026-11-01", doneDate: null },
        { task: "开展安全培训", unit: "综采一队", deadline: "2026-11-01", doneDate: "2026-11-19" },
      ],
      expected: [
        { row: 2, messageId: "overdue", field: "deadline" },
        { row: 3, messageId: "overdue", field: "deadline" },
      ],
    },
    {
      name: "a status column, empty, and a completion date: not done (SPEC.md), the message says to write the word",
      rows: [
        { ...row, status: null, deadline: "2026-11-01", doneDate: "2026-10-30" },
        { ...row, status: null, deadline: "2026-11-01", doneDate: "上周" },
        { ...row, status: null, deadline: "2026-11-01", doneDate: "2026-11-19" },
      ],
      expected: [
        {
          row: 2,
          messageId: "overdueDoneDate",
          field: "deadline",
          allValues: { deadline: "2026-11-01", days: 17, unit: "综采一队", date: "2026-10-30" },
        },
        { row: 3, messageId: "overdue", field: "deadline" },
        { row: 4, messageId: "overdue", field: "deadline" },
      ],
    },
    {
      name: "a ledger row not done by the deadline its task's rule gives its period, on the period cell",
      spec: [["召开支部委员会", "综采一队", "月", "每月25日前"]],
      ledger: [
        ["召开支部委员会", "综采一队", "2026年10月", "进行中"],
        ["召开支部委员会", "综采一队", "2026年11月", "进行中"],
      ],
      expected: [
        {
          sheet: "ledger",
          row: 2,
          messageId: "overdue",
          field: "period",
          unit: "综采一队",
          values: { deadline: "2026-10-25", days: 24 },
        },
      ],
    },
    {
      name: "one day past",
      rows: [{ ...row, deadline: "2026-11-17" }],
      expected: [
        { row: 2, messageId: "overdue", field: "deadline", values: { deadline: "2026-11-17", days: 1 } },
      ],
    },
    {
      name: "an empty status is not done",
      rows: [{ ...row, status: null, deadline: { day: 20393 } }],
      expected: [
        { row: 2, messageId: "overdue", field: "deadline", values: { deadline: "2025-11-01", days: 382 } },
      ],
    },
    {
      name: "an unknown status is not done",
      rows: [{ ...row, status: "基本完成", deadline: "2026年11月10日" }],
      expected: [{ row: 2, messageId: "overdue", field: "deadline", values: { days: 8 } }],
    },
    {
      name: "as-of is an argument",
      asOf: "2026-12-01",
      rows: [{ ...row, deadline: "2026-11-30" }],
      expected: [{ row: 2, messageId: "overdue", field: "deadline", values: { days: 1 } }],
    },
  ],
});
