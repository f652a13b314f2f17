// Correcting where the table is: the sheet, the header row and a column per field are saved and checked again.

import { screen, waitFor, within } from "@testing-library/react";
import { FakeHost, TASK_SHEET, taskWorkbook } from "./fakeHost";
import { renderPane } from "./render";

type User = ReturnType<typeof renderPane>["user"];

async function chooseColumn(user: User, field: RegExp, option: string) {
  const form = screen.getByRole("form", { name: "表格识别" });
  await user.click(within(form).getByRole("combobox", { name: field }));
  await user.click(await screen.findByRole("option", { name: option }));
}

async function setHeaderRow(user: User, row: string) {
  const input = within(screen.getByRole("form", { name: "表格识别" })).getByRole("spinbutton", {
    name: "表头行（行号）",
  });
  await user.clear(input);
  await user.type(input, row);
}

test("a corrected unit column is saved with the sheet and header row, and the table is checked again", async () => {
  const host = new FakeHost(taskWorkbook(), { dueSoonDays: 3 });
  const { user } = renderPane({ host });
  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByText("显示 6 条，共 6 条");

  await user.click(screen.getByRole("button", { name: "更正" }));
  const form = screen.getByRole("form", { name: "表格识别" });
  expect(within(form).getByRole("combobox", { name: /^工作表/ }).textContent).toBe(TASK_SHEET);
  expect(within(form).getByRole("combobox", { name: /^责任单位/ }).textContent).toBe("C · 牵头单位");
  await chooseColumn(user, /^责任单位/, "G · 责任科室");
  await user.click(screen.getByRole("button", { name: "保存并重新检查" }));

  expect(await screen.findByText("显示 5 条，共 5 条")).toBeTruthy();
  expect(host.saved).toEqual([{ dueSoonDays: 3, sheet: TASK_SHEET, headerRow: 3, columns: { unit: "G" } }]);
  expect(host.checks).toHaveLength(2);
  expect(host.checks[1]!.settings.columns).toEqual({ unit: "G" });
  const columns = screen.getByRole("list", { name: "已识别的列" });
  expect(within(columns).getByText("G")).toBeTruthy();
  expect(screen.getByText(/^D4：完成时限 2026-11-10 已过 8 天，任务尚未完成。请督促安全科办结/)).toBeTruthy();
  expect(screen.queryByRole("form")).toBeNull();
});

test("after a table problem the form is open: a new header row and unit column are saved and checked", async () => {
  // The settings say row 2, but a title row was added since: row 2 is now the 填报 line.
  const host = new FakeHost(taskWorkbook(), { headerRow: 2, dueSoonDays: 5 });
  const { user } = renderPane({ host });
  await user.click(screen.getByRole("button", { name: "检查" }));

  expect(await screen.findByText("没有找到可用的任务表")).toBeTruthy();
  expect(screen.queryByText("检查结果")).toBeNull();
  const form = screen.getByRole("form", { name: "表格识别" });
  expect(within(form).getByRole("spinbutton", { name: "表头行（行号）" })).toHaveProperty("value", "2");

  await setHeaderRow(user, "3");
  await chooseColumn(user, /^责任单位/, "G · 责任科室");
  await user.click(screen.getByRole("button", { name: "保存并重新检查" }));

  expect(await screen.findByText("工作表“重点工作任务表”，表头在第 3 行")).toBeTruthy();
  expect(host.saved).toEqual([{ headerRow: 3, dueSoonDays: 5, sheet: TASK_SHEET, columns: { unit: "G" } }]);
  expect(host.checks).toHaveLength(2);
  expect(host.checks[1]!.settings).toMatchObject({ headerRow: 3, columns: { unit: "G" }, dueSoonDays: 5 });
  expect(screen.getByText("显示 5 条，共 5 条")).toBeTruthy();
  expect(screen.queryByText("没有找到可用的任务表")).toBeNull();
});

test("choosing 自动识别 takes a saved column away", async () => {
  const host = new FakeHost(taskWorkbook(), { columns: { unit: "G", status: "E" } });
  const { user } = renderPane({ host });
  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByText("显示 5 条，共 5 条");

  await user.click(screen.getByRole("button", { name: "更正" }));
  await chooseColumn(user, /^责任单位/, "自动识别");
  await user.click(screen.getByRole("button", { name: "保存并重新检查" }));

  expect(await screen.findByText("显示 6 条，共 6 条")).toBeTruthy();
  expect(host.saved).toEqual([{ columns: { status: "E" }, sheet: TASK_SHEET, headerRow: 3 }]);
});

test("a wrong stored setting is named, and can be removed", async () => {
  const host = new FakeHost(taskWorkbook(), { headerRow: 0, dueSoonDays: 5, colour: "red" } as never);
  const { user } = renderPane({ host });
  await user.click(screen.getByRole("button", { name: "检查" }));

  expect(await screen.findByText("工作簿中保存的设置有误")).toBeTruthy();
  const details = screen.getByRole("list", { name: "详细信息" });
  expect(within(details).getByText(/^headerRow: /)).toBeTruthy();
  expect(within(details).getByText(/colour/)).toBeTruthy();
  expect(host.checks).toHaveLength(0);

  await user.click(screen.getByRole("button", { name: "移除有误的设置" }));
  expect(await screen.findByText("显示 6 条，共 6 条")).toBeTruthy();
  expect(host.saved).toEqual([{ dueSoonDays: 5 }]);
  expect(screen.queryByText("工作簿中保存的设置有误")).toBeNull();
});

test("the specification and ledger sheets for omissions can be chosen in the form", async () => {
  const host = new FakeHost(taskWorkbook(), { dueSoonDays: 3 });
  const { user } = renderPane({ host });
  await user.click(screen.getByRole("button", { name: "检查" }));
  await screen.findByText("显示 6 条，共 6 条");
  await user.click(screen.getByRole("button", { name: "更正" }));
  const form = screen.getByRole("form", { name: "表格识别" });
  expect(within(form).getByRole("combobox", { name: /^工作规范表/ }).textContent).toBe("自动识别");
  expect(within(form).getByRole("combobox", { name: /^台账表/ }).textContent).toBe("自动识别");
  await user.click(within(form).getByRole("combobox", { name: /^工作规范表/ }));
  await user.click(await screen.findByRole("option", { name: TASK_SHEET }));
  await user.click(screen.getByRole("button", { name: "保存并重新检查" }));
  await waitFor(() => expect(host.saved).toHaveLength(1));
  expect(host.saved[0]).toMatchObject({ dueSoonDays: 3, spec: TASK_SHEET });
  expect(host.saved[0]).not.toHaveProperty("ledger");
});
