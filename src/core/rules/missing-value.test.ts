import { missingValue } from "./missing-value";
import { testRule } from "../../../test/helpers/rule-tester";

const full = { task: "开展安全检查", unit: "综采一队", deadline: "2026-11-30" };

testRule(missingValue, {
  valid: [
    { name: "every required field filled", rows: [full] },
    { name: "a date cell counts as filled", rows: [{ ...full, deadline: { day: 20800 } }] },
    { name: "an ongoing deadline is filled", rows: [{ ...full, deadline: "长期" }] },
    {
      name: "a specification row without a rule, and a ledger (no deadline column) with its periods",
      spec: [["召开支部委员会", "综采一队", "月"]],
      ledger: [["召开支部委员会", "综采一队", "2026年1月"]],
    },
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
    {
      name: "a specification row without its units, or its cycle where the rule does not give one",
      settings: { workdays: "mon-fri" },
      spec: [
        ["召开支部委员会", "综采一队", "月", "尽快", null],
        ["开展隐患排查", "综采一队", "季度", "每月25日前", null],
        ["组织应急演练", "综采一队", "每两月", "每月25日前", null],
        ["编制计划", null, "年", "年底前", null],
        ["召开安全办公会", "综采一队", null, null, null],
        ["专项检查", "综采一队", "一次性", "2026-06-30", null],
        ["报送月报", "综采一队", "月", "每月5日前", "2026年13月1日"],
      ],
      ledger: [["召开支部委员会", "综采一队", "2026年1月", "已完成"]],
      expected: [
        { sheet: "spec", row: 5, messageId: "missingValue", field: "unit", allValues: { field: "unit" } },
        { sheet: "spec", row: 6, messageId: "missingValue", field: "cycle", allValues: { field: "cycle" } },
      ],
    },
    {
      name: "a specification row without its task",
      spec: [[null, "综采一队", "月", "每月25日前"]],
      ledger: [["召开支部委员会", "综采一队", "2026年1月"]],
      expected: [
        { sheet: "spec", row: 2, messageId: "missingValue", field: "task", allValues: { field: "task" } },
      ],
    },
    {
      name: "a ledger row of a known task without its period",
      settings: { workdays: "mon-fri" },
      spec: [
        ["召开支部委员会", "综采一队", "月", "每月25日前"],
        ["带式输送机保护试验", "综采一队", "周", "每周五"],
      ],
      ledger: [
        ["召开支部委员会", "综采一队", null, "已完成"],
        ["召开支部委员会", "综采一队", "下个月", "已完成"],
        ["带式输送机保护试验", "综采一队", "2026年10月", "已完成"],
        ["带式输送机保护试验", "综采一队", "2026-10-14", "已完成"],
      ],
      expected: [
        {
          sheet: "ledger",
          row: 2,
          messageId: "missingPeriod",
          field: "period",
          unit: "综采一队",
          taskIndex: 0,
          allValues: { field: "period" },
        },
      ],
    },
  ],
});
