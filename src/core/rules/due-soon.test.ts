import { dueSoon } from "./due-soon";
import { testRule } from "../../../test/helpers/rule-tester";

// As-of Wednesday 2026-11-18: the working days after it are Thu 19, Fri 20, Mon 23, Tue 24.
const row = { task: "开展安全检查", unit: "综采一队", status: "进行中" };

testRule(dueSoon, {
  valid: [
    { name: "four working days away", rows: [{ ...row, deadline: "2026-11-24" }] },
    { name: "already overdue", rows: [{ ...row, deadline: "2026-11-17" }] },
    { name: "done", rows: [{ ...row, deadline: "2026-11-19", status: "已完成" }] },
    {
      name: "no deadline, or an ongoing task",
      rows: [
        { ...row, deadline: null },
        { ...row, deadline: "长期坚持" },
      ],
    },
    {
      name: "with N = 1, Friday is too far",
      rows: [{ ...row, deadline: "2026-11-20" }],
      settings: { dueSoonDays: 1 },
    },
  ],
  invalid: [
    {
      name: "due today",
      rows: [{ ...row, deadline: "2026-11-18" }],
      expected: [{ row: 2, messageId: "dueToday", field: "deadline", values: { deadline: "2026-11-18" } }],
    },
    {
      name: "one to three working days, the weekend between",
      rows: ["2026-11-19", "2026-11-20", "2026-11-22", "2026-11-23"].map((deadline) => ({
        ...row,
        deadline,
      })),
      expected: [
        { row: 2, messageId: "dueSoon", field: "deadline", values: { workdays: 1 } },
        { row: 3, messageId: "dueSoon", field: "deadline", values: { workdays: 2 } },
        { row: 4, messageId: "dueSoon", field: "deadline", values: { workdays: 2 } },
        { row: 5, messageId: "dueSoon", field: "deadline", values: { workdays: 3 } },
      ],
    },
    {
      name: "every day counts when the settings say so",
      rows: [
        { ...row, deadline: "2026-11-21" },
        { ...row, deadline: "2026-11-22" },
      ],
      settings: { workdays: "every-day" },
      expected: [{ row: 2, messageId: "dueSoon", field: "deadline", values: { workdays: 3 } }],
    },
    {
      name: "National Day holidays are not working days",
      asOf: "2026-09-30",
      rows: [{ ...row, deadline: "2026-10-09" }],
      expected: [{ row: 2, messageId: "dueSoon", field: "deadline", values: { workdays: 2 } }],
    },
  ],
});
