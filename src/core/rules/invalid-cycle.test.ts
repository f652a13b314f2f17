import { invalidCycle } from "./invalid-cycle";
import { testRule } from "../../../test/helpers/rule-tester";

const row = { task: "召开安全例会", unit: "安全科", deadline: "2026-11-30" };

testRule(invalidCycle, {
  valid: [
    {
      name: "every cycle word",
      rows: ["一次性", "年度", "半年", "每季度", "月", "每旬", "每周", "每天", "monthly", "Ten-day", ""].map(
        (cycle) => ({ ...row, cycle }),
      ),
    },
    {
      name: "every cycle word in a specification",
      spec: ["一次性", "年度", "半年", "每季度", "月", "每旬", "每周", "每天"].map(
        (cycle) => ["召开安全例会", "安全科", cycle] as const,
      ),
      ledger: [["召开安全例会", "安全科", "2026年1月"]],
    },
  ],
  invalid: [
    {
      name: "an unknown cycle",
      rows: [{ ...row, cycle: "随时" }],
      expected: [{ row: 2, messageId: "invalidCycle", field: "cycle", values: { value: "随时" } }],
    },
    {
      name: "an error a formula gives",
      rows: [{ ...row, cycle: "#NAME?" }],
      expected: [
        { row: 2, messageId: "formulaError", field: "cycle", values: { field: "cycle", value: "#NAME?" } },
      ],
    },
    {
      name: "a number is not a cycle",
      rows: [{ ...row, cycle: 12 }],
      expected: [{ row: 2, messageId: "invalidCycle", field: "cycle", values: { value: "12" } }],
    },
    {
      name: "an unknown cycle in a specification",
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
        { sheet: "spec", row: 4, messageId: "invalidCycle", field: "cycle", allValues: { value: "每两月" } },
      ],
    },
  ],
});
