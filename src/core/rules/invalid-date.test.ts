import { invalidDate } from "./invalid-date";
import { testRule } from "../../../test/helpers/rule-tester";

const row = { task: "开展安全检查", unit: "综采一队", deadline: "2026-11-30" };

testRule(invalidDate, {
  valid: [
    {
      name: "every form clerks type",
      rows: [
        "2026-11-05",
        "2026/11/5",
        "2026.11.5",
        "2026年11月5日",
        "２０２６年１１月５日",
        "11月30日前",
        "2026年底",
      ].map((deadline) => ({ ...row, deadline })),
    },
    {
      name: "empty dates are another rule's business",
      rows: [{ ...row, deadline: null, start: "", doneDate: null }],
    },
    { name: "ongoing tasks", rows: [{ ...row, deadline: "长期坚持" }] },
  ],
  invalid: [
    {
      name: "a day that does not exist",
      rows: [{ ...row, deadline: "2026年2月30日" }],
      expected: [
        {
          row: 2,
          messageId: "invalidDate",
          field: "deadline",
          values: { field: "deadline", value: "2026年2月30日" },
        },
      ],
    },
    {
      name: "words in a start date",
      rows: [{ ...row, start: "尽快" }],
      expected: [
        { row: 2, messageId: "invalidDate", field: "start", values: { field: "start", value: "尽快" } },
      ],
    },
    {
      name: "a completion date and a deadline in one row",
      rows: [{ ...row, deadline: "2026-13-01", doneDate: "上周" }],
      expected: [
        { row: 2, messageId: "invalidDate", field: "deadline" },
        { row: 2, messageId: "invalidDate", field: "doneDate" },
      ],
    },
  ],
});
