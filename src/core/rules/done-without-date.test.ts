import { doneWithoutDate } from "./done-without-date";
import { testRule } from "../../../test/helpers/rule-tester";

const row = { task: "开展安全检查", unit: "综采一队", deadline: "2026-11-30" };

testRule(doneWithoutDate, {
  valid: [
    { name: "done with a date", rows: [{ ...row, status: "已完成", doneDate: "2026-11-10" }] },
    { name: "open without a date", rows: [{ ...row, status: "进行中", doneDate: null }] },
    { name: "a table without a completion-date column", rows: [{ ...row, status: "已完成" }] },
    { name: "an unreadable date is invalid-date's", rows: [{ ...row, status: "√", doneDate: "上周" }] },
    {
      name: "the day written in the status instead",
      rows: [
        { ...row, status: "已完成 11月20日", doneDate: null },
        { ...row, task: "开展安全培训", status: "已于2026-11-20办结", doneDate: null },
      ],
    },
  ],
  invalid: [
    {
      name: "done, date empty",
      rows: [{ ...row, status: "已完成", doneDate: null }],
      expected: [{ row: 2, messageId: "doneWithoutDate", field: "doneDate" }],
    },
    {
      name: "a day in the status that is no day",
      rows: [{ ...row, status: "已完成 2月30日", doneDate: null }],
      expected: [{ row: 2, messageId: "doneWithoutDate", field: "doneDate" }],
    },
    {
      name: "a tick counts as done",
      rows: [{ ...row, status: "√" }],
      columns: ["doneDate"],
      expected: [{ row: 2, messageId: "doneWithoutDate", field: "doneDate" }],
    },
  ],
});
