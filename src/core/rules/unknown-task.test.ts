import { testRule } from "../../../test/helpers/rule-tester";
import { unknownTask } from "./unknown-task";

const spec = [
  ["召开支部委员会", "综采一队", "月", "每月25日前"],
  ["开展隐患排查", "综采一队", "旬", "每旬末"],
] as const;

testRule(unknownTask, {
  valid: [
    {
      name: "every ledger task is in the specification",
      spec,
      ledger: [
        ["召开支部委员会", "综采一队", "2026年1月"],
        ["开展隐患排查", "综采一队", "2026年1月上旬"],
      ],
    },
    {
      name: "spaces and full-width forms do not matter",
      spec: [["开展ＰＤＣＡ循环检查", "综采一队", "月", "每月25日前"]],
      ledger: [[" 开展PDCA循环　检查 ", "综采一队", "2026年1月"]],
    },
    {
      name: "a row without a task is missing-value's",
      spec,
      ledger: [[null, "综采一队", "2026年1月"]],
    },
    {
      name: "a specification without a ledger has no ledger rows to check",
      spec,
      rows: [{ task: "开展安全检查", unit: "综采一队", deadline: "2026-11-30" }],
    },
    {
      name: "a task table called 工作规范, with dates for deadlines, is no specification",
      spec: [["召开支部委员会", "综采一队", "月", "2026-11-30"]],
      ledger: [["召开支部委员会议", "综采一队", "2026年1月"]],
    },
  ],
  invalid: [
    {
      name: "a mistyped task gets the closest one",
      spec,
      ledger: [
        ["召开支部委员会", "综采一队", "2026年1月"],
        ["召开支部委员会议", "综采一队", "2026年2月"],
      ],
      expected: [
        {
          sheet: "ledger",
          row: 3,
          messageId: "unknownTask",
          field: "task",
          unit: "综采一队",
          values: { task: "召开支部委员会议", suggestion: "召开支部委员会" },
        },
      ],
    },
    {
      name: "a task like none gets no suggestion",
      spec,
      ledger: [["食堂卫生检查", "综采一队", "2026年2月"]],
      expected: [
        {
          sheet: "ledger",
          row: 2,
          messageId: "unknownTaskNoSuggestion",
          field: "task",
          unit: "综采一队",
          values: { task: "食堂卫生检查" },
        },
      ],
    },
    {
      name: "each row is reported",
      spec,
      ledger: [
        ["开展隐患排査", "综采一队", "2026年1月上旬"],
        ["开展隐患排査", "综采一队", "2026年1月中旬"],
      ],
      expected: [
        {
          sheet: "ledger",
          row: 2,
          messageId: "unknownTask",
          field: "task",
          unit: "综采一队",
          values: { suggestion: "开展隐患排查" },
        },
        {
          sheet: "ledger",
          row: 3,
          messageId: "unknownTask",
          field: "task",
          unit: "综采一队",
          values: { suggestion: "开展隐患排查" },
        },
      ],
    },
  ],
});
