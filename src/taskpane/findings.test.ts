import type { Finding } from "../core";
import { facets, findingItems, matches, SEVERITIES } from "./findings";

const finding = (over: Partial<Finding> & Pick<Finding, "rule" | "severity" | "row">): Finding => ({
  sheet: "任务",
  column: "D",
  messageId: "overdue",
  values: { deadline: "2026-11-10", days: 8 },
  unit: "综采一队",
  task: "安全培训",
  ...over,
});

const findings: Finding[] = [
  finding({
    rule: "due-soon",
    severity: "warning",
    row: 5,
    messageId: "dueSoon",
    values: { deadline: "2026-11-19", workdays: 1 },
  }),
  finding({ rule: "overdue", severity: "error", row: 9, unit: "机电科" }),
  finding({ rule: "overdue", severity: "error", row: 4 }),
  finding({
    rule: "missing-value",
    severity: "error",
    row: 8,
    column: "C",
    unit: "",
    messageId: "missingValue",
    values: { field: "unit" },
  }),
];

test("items: errors first, by row; worded in the locale; a row without a unit says so", () => {
  const items = findingItems(findings, "zh-CN");
  expect(items.map((i) => i.place)).toEqual(["D4", "C8", "D9", "D5"]);
  expect(items[1]).toMatchObject({
    cell: "C8",
    unitKey: "",
    unitLabel: "（未填单位）",
    message: "C8：责任单位为空。请填写责任单位。",
  });
  expect(findingItems(findings, "en-US")[1]!.unitLabel).toBe("(no unit)");
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
});

test("a finding about a whole row selects the row's first cell", () => {
  const [item] = findingItems(
    [finding({ rule: "duplicate-task", severity: "warning", row: 7, column: undefined })],
    "zh-CN",
  );
  expect(item).toMatchObject({ cell: "A7", place: "第 7 行" });
});

test.each([
  ["zh-CN", { sheet: "任务", hiddenRows: [4, 8] }, ["D4（隐藏）", "C8（隐藏）", "D9", "D5"]],
  ["en-US", { sheet: "任务", hiddenRows: [9] }, ["D4", "C8", "D9 (hidden)", "D5"]],
  ["zh-CN", { sheet: "其他", hiddenRows: [4] }, ["D4", "C8", "D9", "D5"]],
] as const)("a finding in a hidden row says so (%s, %j)", (locale, hidden, places) => {
  expect(findingItems(findings, locale, hidden).map((i) => i.place)).toEqual(places);
  // The cell selected is the same.
  expect(findingItems(findings, locale, hidden).map((i) => i.cell)).toEqual(["D4", "C8", "D9", "D5"]);
});

test("facets count each choice under the other filters", () => {
  const items = findingItems(findings, "zh-CN");
  const all = { severities: new Set(SEVERITIES) };
  expect(facets(items, all, "zh-CN").severities.map((s) => [s.label, s.count])).toEqual([
    ["错误", 3],
    ["警告", 1],
    ["提示", 0],
  ]);
  const unit = { ...all, unit: "综采一队" };
  const counted = facets(items, unit, "zh-CN");
  expect(counted.severities.map((s) => s.count)).toEqual([1, 1, 0]);
  expect(counted.rules.map((r) => [r.value, r.count])).toEqual([
    ["missing-value", 0],
    ["overdue", 1],
    ["due-soon", 1],
  ]);
  expect(counted.units.map((u) => [u.label, u.count])).toEqual([
    ["机电科", 1],
    ["综采一队", 2],
    ["（未填单位）", 1],
  ]);
  expect(items.filter((i) => matches(i, unit)).map((i) => i.place)).toEqual(["D4", "D5"]);
  const errorsOnly = { severities: new Set(["error" as const]), rule: "overdue" as const };
  expect(items.filter((i) => matches(i, errorsOnly)).map((i) => i.place)).toEqual(["D4", "D9"]);
});
