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
  ],
  invalid: [
    {
      name: "an unknown cycle",
      rows: [{ ...row, cycle: "随时" }],
      expected: [{ row: 2, messageId: "invalidCycle", field: "cycle", values: { value: "随时" } }],
    },
    {
      name: "a number is not a cycle",
      rows: [{ ...row, cycle: 12 }],
      expected: [{ row: 2, messageId: "invalidCycle", field: "cycle", values: { value: "12" } }],
    },
  ],
});
