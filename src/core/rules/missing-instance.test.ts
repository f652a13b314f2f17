import { testRule } from "../../../test/helpers/rule-tester";
import { missingInstance } from "./missing-instance";

const monthly = ["召开支部委员会", "综采一队", "月", "每月25日前"] as const;
const weekly = ["带式输送机保护试验", "综采一队", "周", "每周五"] as const;
const tenDay = ["开展隐患排查", "综采一队", "旬", "每旬末"] as const;
const roster = [
  ["综采一队", "区队"],
  ["第一党支部", "党支部"],
  ["第二党支部", "党支部"],
  ["机关党支部", "支部"],
] as const;
/** A ledger row of another task, so that the ledger exists. */
const other = ["其他工作", "综采一队", "2026年1月"] as const;

testRule(missingInstance, {
  valid: [
    {
      name: "every due month has its row, in any form",
      asOf: "2026-03-26",
      spec: [monthly],
      ledger: [
        ["召开支部委员会", "综采一队", "2026年1月"],
        ["召开支部委员会", "综采一队", "2026-02"],
        ["召开支部委员会", "综采一队", "3月"],
      ],
    },
    {
      name: "the deadline day itself is not late",
      asOf: "2026-11-25",
      trackingStart: "2026-10-01",
      spec: [monthly],
      ledger: [["召开支部委员会", "综采一队", "2026年10月"]],
    },
    {
      name: "the last 旬 of January is not due on its last day",
      asOf: "2026-01-31",
      trackingStart: "2026-01-21",
      spec: [tenDay],
      ledger: [other],
    },
    {
      name: "a row that is not done is no omission (overdue says the rest)",
      asOf: "2026-02-26",
      trackingStart: "2026-02-01",
      spec: [monthly],
      ledger: [["召开支部委员会", "综采一队", "2026年2月", "进行中"]],
    },
    {
      name: "rows for units outside the specification, and for periods not yet due, are no omission",
      asOf: "2026-01-26",
      spec: [monthly],
      ledger: [
        ["召开支部委员会", "综采一队", "2026年1月"],
        ["召开支部委员会", "机电科", "2026年1月"],
        ["召开支部委员会", "综采一队", "2026年2月"],
        ["召开支部委员会", "综采一队", "2026年12月"],
      ],
    },
    {
      name: "nothing is owed before the tracking start",
      asOf: "2026-11-18",
      trackingStart: "2026-11-01",
      spec: [weekly],
      ledger: [
        ["带式输送机保护试验", "综采一队", "2026年第45周"],
        ["带式输送机保护试验", "综采一队", "2026-W46"],
      ],
    },
    {
      name: "nor before the row's own start date",
      asOf: "2026-11-26",
      spec: [[...monthly, "2026-10-01"]],
      ledger: [
        ["召开支部委员会", "综采一队", "2026年10月"],
        ["召开支部委员会", "综采一队", "2026年11月"],
      ],
    },
    {
      name: "task text matches after folding full-width forms and spaces",
      asOf: "2026-02-26",
      trackingStart: "2026-02-01",
      spec: [["开展ＰＤＣＡ 循环检查", "综采一队", "月", "每月25日前"]],
      ledger: [["开展PDCA循环　检查", "　综采一队 ", "2026年2月"]],
    },
    {
      name: "a date in the period column counts for the period holding it",
      asOf: "2026-02-26",
      trackingStart: "2026-01-01",
      spec: [monthly],
      ledger: [
        ["召开支部委员会", "综采一队", { day: 20470 }],
        ["召开支部委员会", "综采一队", "2026年2月10日"],
      ],
    },
    {
      name: "one ledger row for a list of units, or for the group",
      asOf: "2026-02-26",
      trackingStart: "2026-02-01",
      roster,
      spec: [["召开支部委员会", "各支部", "月", "每月25日前"]],
      ledger: [["召开支部委员会", "各支部", "2026年2月"]],
    },
    {
      name: "without a ledger nothing is matched (a notice says so)",
      spec: [monthly],
      rows: [{ task: "开展安全检查", unit: "综采一队", deadline: "2026-11-30" }],
    },
    {
      name: "a task table alone has no specification to miss",
      rows: [{ task: "开展安全检查", unit: "综采一队", deadline: "2026-11-30" }],
    },
    {
      name: "without a roster a group word invents no omission (a notice says so)",
      asOf: "2026-02-26",
      spec: [["召开支部委员会", "各支部", "月", "每月25日前"]],
      ledger: [other],
    },
  ],
  invalid: [
    {
      name: "a month without its row",
      asOf: "2026-03-26",
      spec: [monthly],
      ledger: [
        ["召开支部委员会", "综采一队", "2026年1月"],
        ["召开支部委员会", "综采一队", "2026年3月"],
      ],
      expected: [
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "综采一队",
          period: "2026-02",
          values: {
            task: "召开支部委员会",
            unit: "综采一队",
            period: "2026-02",
            cycle: "month",
            rule: "每月25日前",
            deadline: "2026-02-25",
            daysPastDue: 29,
          },
        },
      ],
    },
    {
      name: "每月25日前: November is due on the 26th, before it has ended",
      asOf: "2026-11-26",
      trackingStart: "2026-11-01",
      spec: [monthly],
      ledger: [other],
      expected: [
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "综采一队",
          period: "2026-11",
          values: { deadline: "2026-11-25", daysPastDue: 1 },
        },
      ],
    },
    {
      name: "每季度首月10日前: the fourth quarter is due in October",
      asOf: "2026-10-11",
      trackingStart: "2026-10-01",
      spec: [["组织应急演练", "综采一队", "季度", "每季度首月10日前"]],
      ledger: [other],
      expected: [
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "综采一队",
          period: "2026-Q4",
          values: { deadline: "2026-10-10", daysPastDue: 1 },
        },
      ],
    },
    {
      name: "旬: February's 下旬 ends on the 28th",
      asOf: "2026-03-01",
      trackingStart: "2026-02-21",
      spec: [tenDay],
      ledger: [other],
      expected: [
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "综采一队",
          period: "2026-02-3",
          values: { deadline: "2026-02-28", daysPastDue: 1 },
        },
      ],
    },
    {
      name: "旬: in a leap year on the 29th",
      asOf: "2024-03-01",
      trackingStart: "2024-02-21",
      spec: [tenDay],
      ledger: [other],
      expected: [
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "综采一队",
          period: "2024-02-3",
          values: { deadline: "2024-02-29", daysPastDue: 1 },
        },
      ],
    },
    {
      name: "旬: in a 31-day month on the 31st",
      asOf: "2026-02-01",
      trackingStart: "2026-01-21",
      spec: [tenDay],
      ledger: [other],
      expected: [
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "综采一队",
          period: "2026-01-3",
          values: { deadline: "2026-01-31", daysPastDue: 1 },
        },
      ],
    },
    {
      name: "the ISO week at the year's end belongs to 2026",
      asOf: "2027-01-02",
      trackingStart: "2026-12-28",
      spec: [weekly],
      ledger: [other],
      expected: [
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "综采一队",
          period: "2026-W53",
          values: { deadline: "2027-01-01", daysPastDue: 1 },
        },
      ],
    },
    {
      name: "a group word: every roster unit of its type",
      asOf: "2026-02-26",
      trackingStart: "2026-02-01",
      roster,
      spec: [["召开支部委员会", "各支部", "月", "每月25日前"]],
      ledger: [["召开支部委员会", "第二党支部", "2026年2月"]],
      expected: [
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "第一党支部",
          period: "2026-02",
        },
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "机关党支部",
          period: "2026-02",
        },
      ],
    },
    {
      name: "each unit of a list",
      asOf: "2026-02-26",
      trackingStart: "2026-02-01",
      spec: [["召开支部委员会", "综采一队、机电科", "月", "每月25日前"]],
      ledger: [["召开支部委员会", "综采一队", "2026年2月"]],
      expected: [
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "机电科",
          period: "2026-02",
        },
      ],
    },
    {
      name: "a daily task owes working days only",
      asOf: "2026-11-17",
      spec: [["班前安全确认", "综采一队", "日", "每日", "2026-11-13"]],
      ledger: [other],
      expected: [
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "综采一队",
          period: "2026-11-13",
          values: { daysPastDue: 4 },
        },
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "综采一队",
          period: "2026-11-16",
          values: { daysPastDue: 1 },
        },
      ],
    },
    {
      name: "without a rule a period is due once it has ended",
      asOf: "2026-10-01",
      trackingStart: "2026-09-01",
      spec: [["开展职工思想动态分析", "综采一队", "季度"]],
      ledger: [other],
      expected: [
        {
          sheet: "spec",
          row: 2,
          messageId: "missingInstance",
          field: "task",
          unit: "综采一队",
          period: "2026-Q3",
          values: { deadline: "2026-09-30", rule: "", daysPastDue: 1 },
        },
      ],
    },
  ],
});
