import { invalidDate } from "./invalid-date";
import { testRule } from "../../../test/helpers/rule-tester";

const row = { task: "开展安全检查", unit: "综采一队", deadline: "2026-11-30" };

// Equivalent mutant (npm run mutate): the row hook's shortcut made false only reads the three date fields of
// every row, which reports the same.
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
        // What is due by the day, written after it.
        "12月31日前上报",
        "2026年12月31日前完成并上报",
        "12月底前完成验收",
        "2026-12-31T00:00:00",
      ].map((deadline) => ({ ...row, deadline })),
    },
    {
      name: "empty dates are another rule's business",
      rows: [{ ...row, deadline: null, start: "", doneDate: null }],
    },
    { name: "ongoing tasks", rows: [{ ...row, deadline: "长期坚持" }] },
    {
      name: "a specification's rules and starts, and a ledger's periods, that can be read",
      spec: [
        ["召开支部委员会", "综采一队", "月", "每月25日前", "2026-02-01"],
        ["带式输送机保护试验", "综采一队", "周", "每周五"],
        ["开展职工思想动态分析", "综采一队", "季度"],
      ],
      ledger: [
        ["召开支部委员会", "综采一队", "2026年3月"],
        ["带式输送机保护试验", "综采一队", "2026-10-14"],
        ["开展职工思想动态分析", "综采一队", "2026年三季度"],
      ],
    },
    {
      name: "a ledger row of an unknown task is unknown-task's, whatever its period",
      spec: [["召开支部委员会", "综采一队", "月", "每月25日前"]],
      ledger: [["食堂卫生检查", "综采一队", "下个月"]],
    },
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
      name: "a recurring deadline in a task row: said to be one, and where such work goes",
      // Among dates: a sheet whose deadlines are mostly rules is taken for a specification.
      rows: [
        { ...row, deadline: "每月25日前" },
        { ...row, task: "报送周报", deadline: "每周五" },
        { ...row, task: "整理台账", deadline: "尽快" },
        { ...row, task: "修订制度", deadline: "11月30日/12月31日" },
        { ...row, task: "年度总结", deadline: "每年12月31日前" },
        ...["2026-11-30", "2026-12-15", "2026-12-31", "2027-01-15"].map((deadline, i) => ({
          ...row,
          task: `任务${i}`,
          deadline,
        })),
      ],
      expected: [
        { row: 2, messageId: "recurringDeadline", field: "deadline", values: { value: "每月25日前" } },
        { row: 3, messageId: "recurringDeadline", field: "deadline", values: { value: "每周五" } },
        { row: 4, messageId: "relativeDeadline", field: "deadline", values: { value: "尽快" } },
        // Days of the year listed are no rule, but stages written into one cell; 每年 makes a rule.
        {
          row: 5,
          messageId: "severalDates",
          field: "deadline",
          values: { value: "11月30日/12月31日", count: 2, dates: "2026-11-30、2026-12-31" },
        },
        { row: 6, messageId: "recurringDeadline", field: "deadline", values: { value: "每年12月31日前" } },
      ],
    },
    {
      name: "a relative deadline (counted from a day it does not say, or at once): said to name no day",
      rows: [
        { ...row, deadline: "30日内" },
        { ...row, task: "报送材料", deadline: "下月底" },
        { ...row, task: "整改隐患", deadline: "立行立改" },
        { ...row, task: "回复", deadline: "5个工作日内" },
        { ...row, task: "自查", deadline: "本月底" },
        { ...row, task: "培训", deadline: "次年1月" },
        { ...row, task: "复查", deadline: "周五" },
        // As a start or a completion date it is only no date; 每 makes a deadline a recurring one.
        { ...row, task: "总结", start: "下月初" },
        { ...row, task: "月报", deadline: "每月底" },
      ],
      expected: [
        { row: 2, messageId: "relativeDeadline", field: "deadline", values: { value: "30日内" } },
        { row: 3, messageId: "relativeDeadline", field: "deadline", values: { value: "下月底" } },
        { row: 4, messageId: "relativeDeadline", field: "deadline", values: { value: "立行立改" } },
        { row: 5, messageId: "relativeDeadline", field: "deadline", values: { value: "5个工作日内" } },
        { row: 6, messageId: "relativeDeadline", field: "deadline", values: { value: "本月底" } },
        { row: 7, messageId: "relativeDeadline", field: "deadline", values: { value: "次年1月" } },
        { row: 8, messageId: "relativeDeadline", field: "deadline", values: { value: "周五" } },
        { row: 9, messageId: "invalidDate", field: "start", values: { value: "下月初" } },
        { row: 10, messageId: "recurringDeadline", field: "deadline", values: { value: "每月底" } },
      ],
    },
    {
      name: "a deadline before a holiday that names no day (which year's; a lunar holiday's day): said so",
      rows: [
        { ...row, deadline: "春节前" },
        { ...row, task: "检修", deadline: "国庆节前完成" },
        { ...row, task: "评审", deadline: "2027年春节前" },
        { ...row, task: "总结", doneDate: "元旦前" },
        // With its year, a holiday on a fixed day names its eve: a date, nothing to say here.
        { ...row, task: "验收", deadline: "2026年国庆节前" },
      ],
      expected: [
        { row: 2, messageId: "holidayDeadline", field: "deadline", values: { value: "春节前" } },
        { row: 3, messageId: "holidayDeadline", field: "deadline", values: { value: "国庆节前完成" } },
        { row: 4, messageId: "holidayDeadline", field: "deadline", values: { value: "2027年春节前" } },
        { row: 5, messageId: "holidayDeadline", field: "doneDate", values: { value: "元旦前" } },
      ],
    },
    {
      name: "several dates in one cell: counted and named, in any field",
      rows: [
        { ...row, deadline: "6月30日、9月30日、12月31日" },
        { ...row, task: "修订", deadline: "2026-06-30/2026年底" },
        { ...row, task: "总结", doneDate: "11月20日和12月1日" },
        // One of them no date: the cell is only not a date.
        { ...row, task: "培训", deadline: "11月30日/尽快" },
      ],
      expected: [
        {
          row: 2,
          messageId: "severalDates",
          field: "deadline",
          values: { count: 3, dates: "2026-06-30、2026-09-30、2026-12-31" },
        },
        {
          row: 3,
          messageId: "severalDates",
          field: "deadline",
          values: { count: 2, dates: "2026-06-30、2026-12-31" },
        },
        {
          row: 4,
          messageId: "severalDates",
          field: "doneDate",
          values: { count: 2, dates: "2026-11-20、2026-12-01" },
        },
        { row: 5, messageId: "invalidDate", field: "deadline", values: { value: "11月30日/尽快" } },
      ],
    },
    {
      name: "an error a formula gives, in any date field",
      rows: [{ ...row, deadline: "#N/A", doneDate: "#VALUE!" }],
      expected: [
        {
          row: 2,
          messageId: "formulaError",
          field: "deadline",
          values: { field: "deadline", value: "#N/A" },
        },
        {
          row: 2,
          messageId: "formulaError",
          field: "doneDate",
          values: { field: "doneDate", value: "#VALUE!" },
        },
      ],
    },
    {
      name: "a rule in a start date is only not a date",
      rows: [{ ...row, start: "每月1日" }],
      expected: [{ row: 2, messageId: "invalidDate", field: "start", values: { value: "每月1日" } }],
    },
    {
      name: "words in a start date",
      rows: [{ ...row, start: "尽快" }],
      expected: [
        { row: 2, messageId: "invalidDate", field: "start", values: { field: "start", value: "尽快" } },
      ],
    },
    {
      name: "a completion date alone",
      rows: [{ ...row, doneDate: "昨天" }],
      expected: [
        { row: 2, messageId: "invalidDate", field: "doneDate", values: { field: "doneDate", value: "昨天" } },
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
    {
      name: "specification rules that cannot be read or do not fit the cycle, and a start that is no date",
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
        {
          sheet: "spec",
          row: 2,
          messageId: "invalidDeadlineRule",
          field: "deadline",
          allValues: { value: "尽快" },
        },
        {
          sheet: "spec",
          row: 3,
          messageId: "deadlineRuleCycle",
          field: "deadline",
          allValues: { value: "每月25日前", cycle: "quarter" },
        },
        {
          sheet: "spec",
          row: 8,
          messageId: "invalidDate",
          field: "start",
          allValues: { field: "start", value: "2026年13月1日" },
        },
      ],
    },
    {
      name: "ledger periods that cannot be read, or are longer than the task's cycle",
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
          row: 3,
          messageId: "invalidPeriod",
          field: "period",
          unit: "综采一队",
          taskIndex: 1,
          allValues: { value: "下个月" },
        },
        {
          sheet: "ledger",
          row: 4,
          messageId: "periodCycle",
          field: "period",
          unit: "综采一队",
          taskIndex: 2,
          allValues: { value: "2026年10月", cycle: "week", task: "带式输送机保护试验" },
        },
      ],
    },
  ],
});
