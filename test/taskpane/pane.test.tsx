// The pane as a person meets it: the as-of date and Check, the table found, the summary, both locales, both themes.

import { fireEvent, screen, within } from "@testing-library/react";
import { webDarkTheme } from "@fluentui/react-components";
import { parseIsoDay } from "../../src/core";
import { AS_OF, FakeHost, taskWorkbook } from "./fakeHost";
import { renderPane } from "./render";

/** The numbers of the summary, label to value, as the tiles show them. */
function tiles(): Record<string, string | null | undefined> {
  const summary = screen.getByRole("region", { name: /检查结果|Result/ });
  const terms = within(summary).getAllByRole("term");
  const values = within(summary).getAllByRole("definition");
  return Object.fromEntries(terms.map((term, i) => [term.textContent, values[i]?.textContent]));
}

test("checks on today's date and shows where the table is, the summary and the findings (中文)", async () => {
  const { host, user } = renderPane();
  expect(screen.getByLabelText("检查日")).toHaveProperty("value", "2026-11-18");

  await user.click(screen.getByRole("button", { name: "检查" }));

  expect(await screen.findByText("工作表“重点工作任务表”，表头在第 3 行")).toBeTruthy();
  expect(host.checks).toHaveLength(1);
  expect(host.checks[0]!.asOf).toBe(AS_OF);
  expect(host.checks[0]!.settings.language).toBe("zh-CN");
  const columns = screen.getByRole("list", { name: "已识别的列" });
  expect(
    within(columns)
      .getAllByRole("listitem")
      .map((item) => item.textContent),
  ).toEqual(["序号 A", "工作任务 B", "责任单位 C", "完成时限 D", "完成情况 E", "完成日期 F"]);
  expect(tiles()).toEqual({
    任务数: "6",
    已完成: "2",
    完成率: "33.3%",
    逾期: "1",
    即将到期: "1",
    数据问题: "3",
  });
  expect(screen.getByText("显示 6 条，共 6 条")).toBeTruthy();
  expect(
    screen.getByText("D4：完成时限 2026-11-10 已过 8 天，任务尚未完成。请督促综采一队办结，或更新完成情况。"),
  ).toBeTruthy();
  expect(screen.getByRole("button", { name: "重新检查" })).toBeTruthy();
});

test("words everything in English for en-US", async () => {
  const { user } = renderPane({ locale: "en-US" });
  expect(screen.getByLabelText("As of")).toBeTruthy();

  await user.click(screen.getByRole("button", { name: "Check" }));

  expect(await screen.findByText("Sheet “重点工作任务表”, header in row 3")).toBeTruthy();
  expect(tiles()).toMatchObject({ Tasks: "6", Completion: "33.3%", Overdue: "1", "Due soon": "1" });
  expect(screen.getByText("Showing 6 of 6")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Write summary" })).toBeTruthy();
  expect(screen.getByText(/^D4: deadline 2026-11-10 passed 8 day\(s\) ago/)).toBeTruthy();
});

test("renders in Fluent's dark theme", async () => {
  const { user, container } = renderPane({ theme: "dark" });
  // FluentProvider inserts the theme's tokens as CSS variables, by rule, into a style sheet of its own.
  const css = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
  expect(css.join("\n")).toContain(`--colorNeutralBackground1: ${webDarkTheme.colorNeutralBackground1};`);
  expect(container.querySelector(".fui-FluentProvider")).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "检查" }));
  expect(await screen.findByText("显示 6 条，共 6 条")).toBeTruthy();
});

test("checks on the date the person enters, and refuses a date that does not exist", async () => {
  const { host, user } = renderPane();
  const date = screen.getByLabelText("检查日");

  fireEvent.change(date, { target: { value: "2026-11-25" } });
  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByText("检查结果");
  expect(host.checks[0]!.asOf).toBe(parseIsoDay("2026-11-25"));

  fireEvent.change(date, { target: { value: "" } });
  expect(screen.getByText("请填写有效日期，例如 2026-11-18。")).toBeTruthy();
  expect(screen.getByRole("button", { name: "重新检查" })).toHaveProperty("disabled", true);
});

test("the person's own settings travel with the workbook into the check", async () => {
  const host = new FakeHost(taskWorkbook(), { dueSoonDays: 10, rules: { "done-late": "off" } });
  const { user } = renderPane({ host });
  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByText("检查结果");
  expect(host.checks[0]!.settings.dueSoonDays).toBe(10);
  expect(screen.queryByText(/F6：2026-11-08 完成/)).toBeNull();
});
