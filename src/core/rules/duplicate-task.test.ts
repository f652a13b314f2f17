import { duplicateTask } from "./duplicate-task";
import { testRule } from "../../../test/helpers/rule-tester";

const row = { task: "开展井下机电设备专项检查", unit: "机电科", deadline: "2026-11-30" };
const monthly = ["召开支部委员会", "综采一队", "月", "每月25日前"] as const;
const weekly = ["带式输送机保护试验", "综采一队", "周", "每周五"] as const;

// Equivalent mutant (npm run mutate): `period === undefined` made false keys a task table's rows by task and
// "undefined", one key a task as before.
testRule(duplicateTask, {
  valid: [
    { name: "same task, other unit", rows: [row, { ...row, unit: "运输队" }] },
    { name: "same unit, other task", rows: [row, { ...row, task: "开展井下运输设备专项检查" }] },
    { name: "a shared task is another assignment", rows: [row, { ...row, unit: "机电科、运输队" }] },
    {
      name: "empty tasks are missing values, not duplicates",
      rows: [
        { ...row, task: "" },
        { ...row, task: "" },
      ],
    },
    {
      name: "a task merged down over its rows, a measure and a deadline on each: parts of one task",
      rows: [row, { ...row, task: null, deadline: "2026-12-31" }, { ...row, task: null, unit: "运输队" }],
      mergedDown: [{ field: "task", row: 2, rows: 3 }],
    },
    {
      name: "in a ledger, the same task and unit for each period",
      spec: [monthly],
      ledger: [
        ["召开支部委员会", "综采一队", "2026年1月"],
        ["召开支部委员会", "综采一队", "2026年2月"],
      ],
    },
  ],
  invalid: [
    {
      name: "in a ledger, the same period again, written another way",
      spec: [monthly, weekly],
      ledger: [
        ["召开支部委员会", "综采一队", "2026年1月"],
        ["召开支部委员会", "综采一队", "2026-01"],
        ["带式输送机保护试验", "综采一队", "2026-10-14"],
        ["带式输送机保护试验", "综采一队", "2026-10-16"],
      ],
      expected: [
        {
          sheet: "ledger",
          row: 3,
          messageId: "duplicateTask",
          field: "task",
          unit: "综采一队",
          values: { firstRow: 2 },
        },
        {
          sheet: "ledger",
          row: 5,
          messageId: "duplicateTask",
          field: "task",
          unit: "综采一队",
          values: { firstRow: 4 },
        },
      ],
    },
    {
      name: "a task merged down, and written again below: the rows it is written again in",
      rows: [row, { ...row, task: null }, row, { ...row, task: null }],
      mergedDown: [
        { field: "task", row: 2, rows: 2 },
        { field: "task", row: 4, rows: 2 },
      ],
      expected: [
        { row: 4, messageId: "duplicateTask", field: "task", values: { firstRow: 2 } },
        { row: 5, messageId: "duplicateTask", field: "task", values: { firstRow: 2 } },
      ],
    },
    {
      name: "the later row is flagged",
      rows: [row, { ...row, task: "其他工作" }, row],
      expected: [{ row: 4, messageId: "duplicateTask", field: "task", values: { firstRow: 2 } }],
    },
    {
      name: "spaces and full-width forms do not hide a duplicate",
      rows: [row, { ...row, task: " 开展井下机电设备专项检查\u3000", unit: "　机电科 " }],
      expected: [{ row: 3, messageId: "duplicateTask", field: "task", values: { firstRow: 2 } }],
    },
    {
      name: "the same units listed with other separators",
      rows: [
        { ...row, unit: "机电科、运输队" },
        { ...row, unit: "机电科, 运输队" },
      ],
      expected: [{ row: 3, messageId: "duplicateTask", field: "task", values: { firstRow: 2 } }],
    },
    {
      name: "a task repeated under another unit names that unit's first row",
      rows: [row, { ...row, unit: "运输队" }, row, { ...row, unit: "运输队" }, { ...row, unit: "运输队" }],
      expected: [
        { row: 4, messageId: "duplicateTask", field: "task", values: { firstRow: 2 } },
        { row: 5, messageId: "duplicateTask", field: "task", values: { firstRow: 3 } },
        { row: 6, messageId: "duplicateTask", field: "task", values: { firstRow: 3 } },
      ],
    },
    {
      name: "every repeat names the first row",
      rows: [row, row, row],
      expected: [
        { row: 3, messageId: "duplicateTask", field: "task", values: { firstRow: 2 } },
        { row: 4, messageId: "duplicateTask", field: "task", values: { firstRow: 2 } },
      ],
    },
  ],
});
