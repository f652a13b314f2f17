import { testRule } from "../../../test/helpers/rule-tester";
import { unknownStatus } from "./unknown-status";

const row = { task: "开展安全检查", unit: "综采一队", deadline: "2026-11-30" };

testRule(unknownStatus, {
  valid: [
    {
      name: "known words, ticks and percentages",
      rows: [
        "已完成",
        "办结",
        "√",
        "✔",
        "是",
        "100%",
        "Done",
        "进行中",
        "未开始",
        "待办",
        "否",
        "In progress",
        "35%",
        "",
        null,
      ].map((status) => ({ ...row, status })),
    },
  ],
  invalid: [
    {
      name: "an error a formula gives: the formula is to be looked at",
      rows: [
        { ...row, status: "#N/A" },
        { ...row, status: "#REF!" },
      ],
      expected: [
        { row: 2, messageId: "formulaError", field: "status", values: { field: "status", value: "#N/A" } },
        { row: 3, messageId: "formulaError", field: "status", values: { field: "status", value: "#REF!" } },
      ],
    },
    {
      name: "a word in between",
      rows: [{ ...row, status: "基本完成" }],
      expected: [{ row: 2, messageId: "unknownStatus", field: "status", values: { value: "基本完成" } }],
    },
    {
      name: "over one hundred per cent",
      rows: [
        { ...row, status: "已完成" },
        { ...row, status: "120%" },
      ],
      expected: [{ row: 3, messageId: "unknownStatus", field: "status", values: { value: "120%" } }],
    },
    {
      name: "severity can be raised in the settings",
      rows: [{ ...row, status: "差不多" }],
      settings: { rules: { "unknown-status": "error" } },
      expected: [{ row: 2, messageId: "unknownStatus", field: "status" }],
    },
  ],
});
