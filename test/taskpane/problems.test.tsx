// Failures are shown to the person with what to do: host errors by kind, the engine's table errors, Cancel.

import { screen, within } from "@testing-library/react";
import { HostError } from "../../src/hosts/contract";
import { FakeHost, notesWorkbook, taskWorkbook } from "./fakeHost";
import { renderPane } from "./render";

test("a host error is worded by its kind, with what to do (中文)", async () => {
  const host = new FakeHost(taskWorkbook());
  host.failCheck = new HostError("busy", "RichApi.Error: The workbook is in cell-edit mode");
  const { user } = renderPane({ host });
  await user.click(screen.getByRole("button", { name: "检查" }));

  expect(await screen.findByText("Excel 正忙")).toBeTruthy();
  expect(
    screen.getByText("Excel 可能正在编辑某个单元格。请按 Enter 或 Esc 结束编辑，然后再试。"),
  ).toBeTruthy();
  expect(screen.getByText("RichApi.Error: The workbook is in cell-edit mode")).toBeTruthy();
  expect(screen.queryByText("检查结果")).toBeNull();
  // No progress left behind: the Check button works again.
  expect(screen.getByRole("button", { name: "检查" })).toHaveProperty("disabled", false);
});

test("a host error is worded by its kind, with what to do (English)", async () => {
  const host = new FakeHost(taskWorkbook());
  host.failCheck = new HostError("unsupported", "ExcelApi 1.12");
  const { user } = renderPane({ host, locale: "en-US" });
  await user.click(screen.getByRole("button", { name: "Check" }));

  expect(await screen.findByText("Not supported in this Excel")).toBeTruthy();
  expect(screen.getByText(/Update Office, or use Excel on the web\./)).toBeTruthy();
  expect(screen.getByText("ExcelApi 1.12")).toBeTruthy();
});

test("anything else thrown is shown as unexpected, with its message", async () => {
  const host = new FakeHost(taskWorkbook());
  host.failCheck = new TypeError("Cannot read properties of undefined (reading 'values')");
  const { user } = renderPane({ host });
  await user.click(screen.getByRole("button", { name: "检查" }));

  expect(await screen.findByText("出现意外错误")).toBeTruthy();
  expect(screen.getByText("Cannot read properties of undefined (reading 'values')")).toBeTruthy();
  await user.click(screen.getByRole("button", { name: "关闭" }));
  expect(screen.queryByText("出现意外错误")).toBeNull();
});

test("the engine's table error is worded by the core catalogue, and the form to correct it opens", async () => {
  const { user } = renderPane({ host: new FakeHost(notesWorkbook()) });
  await user.click(screen.getByRole("button", { name: "检查" }));

  expect(await screen.findByText("没有找到可用的任务表")).toBeTruthy();
  expect(screen.getByText(/^在工作表（说明）的前 30 行中没有找到任务表的表头。/)).toBeTruthy();
  expect(screen.getByText(/可在下方“表格识别”中选择工作表、表头行和各列/)).toBeTruthy();
  const form = screen.getByRole("form", { name: "表格识别" });
  expect((await within(form).findByRole("combobox", { name: /^工作表/ })).textContent).toBe("说明");
});

test("the table error in English", async () => {
  const { user } = renderPane({ host: new FakeHost(notesWorkbook()), locale: "en-US" });
  await user.click(screen.getByRole("button", { name: "Check" }));
  expect(await screen.findByText("No usable task table")).toBeTruthy();
  expect(
    screen.getByText(/^No task table header found in the first 30 rows of any sheet \(说明\)\./),
  ).toBeTruthy();
});

test("Cancel during a slow check aborts it and shows no result", async () => {
  const host = new FakeHost(taskWorkbook());
  host.slow = true;
  const { user } = renderPane({ host });
  await user.click(screen.getByRole("button", { name: "检查" }));

  expect(await screen.findByRole("progressbar")).toBeTruthy();
  expect(screen.getByText("正在读取表格…")).toBeTruthy();
  expect(screen.getByRole("button", { name: "检查" })).toHaveProperty("disabled", true);
  await user.click(screen.getByRole("button", { name: "取消" }));

  expect(await screen.findByText("已取消")).toBeTruthy();
  expect(host.checks[0]!.signal.aborted).toBe(true);
  expect(screen.queryByRole("progressbar")).toBeNull();
  expect(screen.queryByText("检查结果")).toBeNull();
  expect(screen.queryByRole("grid")).toBeNull();
});

test("a cell that cannot be shown says why", async () => {
  const host = new FakeHost(taskWorkbook());
  host.selectCell = () => Promise.reject(new HostError("input", "工作表“重点工作任务表”已被删除"));
  const { user } = renderPane({ host });
  await user.click(screen.getByRole("button", { name: "检查" }));
  await user.click(await screen.findByText(/^D4：完成时限/));

  expect(await screen.findByText("工作簿中的内容无法使用")).toBeTruthy();
  expect(screen.getByText("工作表“重点工作任务表”已被删除")).toBeTruthy();
});
