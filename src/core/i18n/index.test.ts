// A finding worded: the rule's values say what the message is about, the row's unit and task fill in the rest.

import type { Finding } from "../findings";
import type { Locale } from "../settings";
import { formatFinding } from ".";

const finding = (over: Partial<Finding>): Finding => ({
  rule: "unknown-unit",
  severity: "warning",
  sheet: "任务表",
  row: 11,
  column: "B",
  messageId: "unknownUnit",
  values: {},
  unit: "综采一队",
  task: "清理巷道",
  ...over,
});

describe("formatFinding", () => {
  const cases: Array<[string, Finding, Locale, string]> = [
    [
      "an unknown unit that is not the row's lead: the one the rule could not find",
      finding({ values: { unit: "二队", suggestion: "综采二队" } }),
      "zh-CN",
      "B11：“二队”不在单位名单中，是否应为“综采二队”？请改正单位名称，或把它加入单位名单。",
    ],
    [
      "a group word beside the lead unit, in English",
      finding({ messageId: "groupUnit", values: { unit: "各区队" } }),
      "en-US",
      '"各区队"',
    ],
    [
      "no unit in the values: the row's",
      finding({
        rule: "overdue",
        severity: "error",
        column: "E",
        messageId: "overdue",
        values: { deadline: "2026-11-10", days: 8 },
      }),
      "zh-CN",
      "请督促综采一队办结",
    ],
    [
      "a finding on a whole row: its sheet and row",
      finding({
        column: undefined,
        rule: "duplicate-task",
        messageId: "duplicateTask",
        values: { firstRow: 4 },
      }),
      "zh-CN",
      "工作表 任务表 #11：与第 4 行",
    ],
    // A picture placed in a cell a rule could not read, worded as one: Excel's (the mark a host gives it) and
    // WPS's (its formula's text).
    ...(["zh-CN", "en-US"] as const).flatMap((locale) =>
      (
        [
          ["Excel's picture in a status cell", "unknown-status", "E", "unknownStatus", "status", "\uFFFCvm1"],
          [
            "WPS's picture in a date cell",
            "invalid-date",
            "D",
            "invalidDate",
            "deadline",
            '=DISPIMG("ID_1",1)',
          ],
        ] as const
      ).map(([name, rule, column, messageId, field, value]): [string, Finding, Locale, string] => [
        `${name}, worded as a picture (${locale})`,
        finding({ rule, column, messageId, values: { field, value } }),
        locale,
        locale === "zh-CN" ? "“[图片]”" : "[picture]",
      ]),
    ),
  ];
  test.each(cases)("%s", (_name, given, locale, expected) =>
    expect(formatFinding(given, locale)).toContain(expected),
  );
});
