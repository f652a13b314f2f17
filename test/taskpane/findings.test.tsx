// The findings list: filters by severity, rule and unit; a row takes the person to its cell; long lists scroll.

import { screen, within } from "@testing-library/react";
import type { CellValue } from "../../src/core";
import { FakeHost, TASK_SHEET, taskWorkbook } from "./fakeHost";
import { renderPane } from "./render";

/** The cells of the rows the grid shows, in order. */
function shownCells(): string[] {
  const grid = screen.getByRole("grid", { name: "问题" });
  const [, body] = within(grid).getAllByRole("rowgroup");
  return within(body!)
    .queryAllByRole("row")
    .map((row) =>
      within(row)
        .getAllByRole("gridcell")[0]!
        .textContent!.replace(/^(错误|警告|提示)/, ""),
    );
}

async function checked() {
  const view = renderPane();
  await view.user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByText("显示 6 条，共 6 条");
  return view;
}

test("lists errors first, then warnings, then info, each with its severity, cell, unit and message", async () => {
  await checked();
  expect(shownCells()).toEqual(["D4", "C8", "D5", "E7", "F9", "F6"]);
  const first = screen.getAllByRole("row")[1]!;
  expect(within(first).getByText("错误")).toBeTruthy();
  expect(within(first).getByText("综采一队")).toBeTruthy();
  const noUnit = screen.getAllByRole("row")[2]!;
  expect(within(noUnit).getByText("（未填单位）")).toBeTruthy();
  expect(within(noUnit).getByText("C8：责任单位为空。请填写责任单位。")).toBeTruthy();
});

test("severity buttons show their counts and hide or show their findings", async () => {
  const { user } = await checked();
  const severities = screen.getByRole("group", { name: "按级别筛选" });
  expect(
    within(severities)
      .getAllByRole("button")
      .map((b) => b.textContent),
  ).toEqual(["错误 2", "警告 3", "提示 1"]);

  await user.click(screen.getByRole("button", { name: "错误 2" }));
  expect(screen.getByRole("button", { name: "错误 2" }).getAttribute("aria-pressed")).toBe("false");
  expect(shownCells()).toEqual(["D5", "E7", "F9", "F6"]);
  expect(screen.getByText("显示 4 条，共 6 条")).toBeTruthy();

  await user.click(screen.getByRole("button", { name: "警告 3" }));
  await user.click(screen.getByRole("button", { name: "提示 1" }));
  expect(screen.queryByRole("grid")).toBeNull();
  expect(screen.getByText("没有符合筛选条件的问题。")).toBeTruthy();

  await user.click(screen.getByRole("button", { name: "错误 2" }));
  expect(shownCells()).toEqual(["D4", "C8"]);
});

test("the rule filter shows one rule's findings, and the severity counts follow it", async () => {
  const { user } = await checked();
  await user.click(screen.getByRole("combobox", { name: "规则" }));
  await user.click(screen.getByRole("option", { name: "即将到期（1）" }));

  expect(shownCells()).toEqual(["D5"]);
  expect(screen.getByRole("combobox", { name: "规则" }).textContent).toContain("即将到期");
  const severities = screen.getByRole("group", { name: "按级别筛选" });
  expect(
    within(severities)
      .getAllByRole("button")
      .map((b) => b.textContent),
  ).toEqual(["错误 0", "警告 1", "提示 0"]);

  await user.click(screen.getByRole("combobox", { name: "规则" }));
  await user.click(screen.getByRole("option", { name: "全部规则" }));
  expect(shownCells()).toHaveLength(6);
});

test("the unit filter shows one unit's findings, or those without a unit", async () => {
  const { user } = await checked();
  const unitPicker = () => screen.getByRole("combobox", { name: "责任单位" });
  await user.click(unitPicker());
  const options = screen.getAllByRole("option").map((o) => o.textContent);
  expect(options[0]).toBe("全部单位");
  expect(options.at(-1)).toBe("（未填单位）（1）");

  await user.click(screen.getByRole("option", { name: "综采一队（2）" }));
  expect(shownCells()).toEqual(["D4", "F6"]);

  await user.click(unitPicker());
  await user.click(screen.getByRole("option", { name: "（未填单位）（1）" }));
  expect(shownCells()).toEqual(["C8"]);
});

test("clicking a finding, or Enter on it, shows its cell in the workbook", async () => {
  const { host, user } = await checked();
  await user.click(screen.getByText(/^D4：完成时限/));
  expect(host.selected).toEqual([[TASK_SHEET, "D4"]]);

  const row = screen.getByText(/^E7：完成情况/).closest('[role="row"]') as HTMLElement;
  row.focus();
  expect(row.tabIndex).toBe(0);
  await user.keyboard("{Enter}");
  expect(host.selected).toEqual([
    [TASK_SHEET, "D4"],
    [TASK_SHEET, "E7"],
  ]);
});

test("a long list is virtualized: only the rows in view are in the page, all are counted", async () => {
  const workbook = taskWorkbook();
  const rows = [...workbook.sheets[0]!.rows.slice(0, 3)];
  for (let i = 1; i <= 500; i++)
    rows.push([i, `任务 ${i}`, "综采一队", "2026-11-10", "进行中", null, null] as CellValue[]);
  const host = new FakeHost({ ...workbook, sheets: [{ ...workbook.sheets[0]!, rows }] });
  const { user } = renderPane({ host });
  await user.click(screen.getByRole("button", { name: "检查" }));

  expect(await screen.findByText("显示 500 条，共 500 条")).toBeTruthy();
  expect(screen.getByRole("grid").getAttribute("aria-rowcount")).toBe("500");
  // react-window sizes the window from the grid's fixed height (no layout needed): 6 rows and a few spare.
  const shown = shownCells();
  expect(shown.length).toBeGreaterThanOrEqual(6);
  expect(shown.length).toBeLessThan(12);
  expect(shown.slice(0, 2)).toEqual(["D4", "D5"]);
});
