// 合并反馈 and 撤销合并 as a person meets them: the returned workbooks picked, the merge's outcome, undo, and
// undo refused when merged cells were edited since.

import { TextDecoder, TextEncoder } from "node:util";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, waitFor, within } from "@testing-library/react";
import { StrictMode } from "react";
import { columnLetter } from "../../src/core";
import { MAIN, oneSheetWorkbook } from "../helpers/one-sheet-workbook";
import { Pane } from "../../src/taskpane/Pane/Pane";
import { AS_OF, FakeHost, taskWorkbook } from "./fakeHost";
import { renderPane } from "./render";

// Browsers have these, and the xlsx reader decodes parts with them; jsdom does not.
Object.assign(globalThis, { TextDecoder, TextEncoder });

const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** A unit's return as a plain copy of its rows: one worksheet of text cells (numbers as numbers). */
function returnedCopy(rows: ReadonlyArray<ReadonlyArray<string | number>>): Uint8Array {
  const cells = (row: ReadonlyArray<string | number>, r: number) =>
    row
      .map((value, c) => {
        const ref = `${columnLetter(c)}${r + 1}`;
        return typeof value === "number"
          ? `<c r="${ref}"><v>${value}</v></c>`
          : `<c r="${ref}" t="inlineStr"><is><t>${escape(value)}</t></is></c>`;
      })
      .join("");
  return oneSheetWorkbook(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"><sheetData>` +
      rows.map((row, r) => `<row r="${r + 1}">${cells(row, r)}</row>`).join("") +
      `</sheetData></worksheet>`,
  );
}

const HEADER = ["序号", "工作任务", "牵头单位", "完成时限", "完成情况", "完成日期"];

/** A picked file as a browser gives it: jsdom's File lacks arrayBuffer(), which every browser has. */
function pickedFile(bytes: Uint8Array, name: string): File {
  const file = new File([bytes.slice()], name);
  return Object.assign(file, { arrayBuffer: async () => bytes.slice().buffer });
}

/** 综采一队 answers that 安全培训 (D4 overdue) is done; its other row is sent back as it was. */
function unitOne(): File {
  const bytes = returnedCopy([
    HEADER,
    [1, "安全培训", "综采一队", "2026-11-10", "已完成", "2026-11-12"],
    [3, "月度总结", "综采一队", "2026-11-05", "已完成", "2026-11-08"],
  ]);
  return pickedFile(bytes, "综采一队.xlsx");
}

const notAWorkbook = () => pickedFile(new Uint8Array([0xe6, 0x9c, 0xac, 0x0a]), "说明.xlsx");

async function merge(
  user: ReturnType<typeof renderPane>["user"],
  files: File[],
  label = "选择各单位发回的工作簿（可多选）",
) {
  await user.upload(screen.getByLabelText(label), files);
}

test("合并反馈 takes the returned workbooks from the picker and says what the merge did", async () => {
  const { host, user } = renderPane();
  expect(screen.getByRole("button", { name: "合并反馈" })).toBeTruthy();
  expect(screen.queryByRole("button", { name: "撤销合并" })).toBeNull();

  await merge(user, [unitOne(), notAWorkbook()]);

  const bar = (await screen.findByText("反馈已合并")).closest(".fui-MessageBar") as HTMLElement;
  expect(host.merges).toEqual([["综采一队.xlsx", "说明.xlsx"]]);
  expect(
    within(bar).getByText("1 个单位已反馈、2 个未反馈；采纳修改 2 处，未采纳 0 处，未使用的文件 1 个。"),
  ).toBeTruthy();
  expect(within(bar).getByText("未反馈：机电科、通风区")).toBeTruthy();
  const skipped = within(bar).getByRole("list", { name: "未使用的文件" });
  expect(within(skipped).getByText(/^说明\.xlsx：/)).toBeTruthy();
  expect(within(bar).getByText(/^每处修改和未采纳的原因见“反馈情况”工作表/)).toBeTruthy();
  // The pane shows the check of the merged table: 安全培训 is done now.
  expect((await screen.findByRole("region", { name: "检查结果" })).textContent).toContain("已完成3");
  expect(await screen.findByText("上次合并改动了 2 个单元格，可以撤销。")).toBeTruthy();
  expect(screen.getByRole("button", { name: "撤销合并" })).toBeTruthy();
});

test("a unit whose file could not be used is named apart from those that sent nothing", async () => {
  const { user } = renderPane();
  await merge(user, [unitOne(), pickedFile(new Uint8Array([0x0a]), "督办单-机电科.xlsx")]);
  const bar = (await screen.findByText("反馈已合并")).closest(".fui-MessageBar") as HTMLElement;
  expect(
    within(bar).getByText("1 个单位已反馈、2 个未反馈；采纳修改 2 处，未采纳 0 处，未使用的文件 1 个。"),
  ).toBeTruthy();
  expect(within(bar).getByText("未反馈：通风区")).toBeTruthy();
  expect(within(bar).getByText("反馈文件无法使用：机电科")).toBeTruthy();
  const skipped = within(bar).getByRole("list", { name: "未使用的文件" });
  expect(within(skipped).getByText(/^督办单-机电科\.xlsx：/)).toBeTruthy();
});

test("撤销合并 is refused while merged cells were edited, naming them; then undoes and says so", async () => {
  const host = new FakeHost(taskWorkbook());
  const { user } = renderPane({ host });
  await merge(user, [unitOne()]);
  await screen.findByRole("button", { name: "撤销合并" });

  host.editedSinceMerge = ["E4"];
  await user.click(screen.getByRole("button", { name: "撤销合并" }));
  const refused = (await screen.findByText("没有撤销合并")).closest(".fui-MessageBar") as HTMLElement;
  expect(within(refused).getByText("“重点工作任务表”：E4")).toBeTruthy();
  expect(screen.getByRole("button", { name: "撤销合并" })).toBeTruthy();

  host.editedSinceMerge = [];
  await user.click(screen.getByRole("button", { name: "撤销合并" }));
  expect(await screen.findByText("已撤销合并：2 个单元格恢复为合并前的内容，检查结果已更新。")).toBeTruthy();
  expect(host.undos).toBe(2);
  expect(screen.queryByRole("button", { name: "撤销合并" })).toBeNull();
  await waitFor(() =>
    expect(screen.getByRole("region", { name: "检查结果" }).textContent).toContain("已完成2"),
  );
});

test("the merge is worded in English for en-US", async () => {
  const { user } = renderPane({ locale: "en-US" });
  await merge(user, [unitOne()], "Choose the workbooks the units sent back (several at once)");
  expect(await screen.findByText("Feedback merged")).toBeTruthy();
  expect(
    screen.getByText(
      "1 unit(s) answered, 2 did not; 2 change(s) applied, 0 not applied, 0 file(s) not used.",
    ),
  ).toBeTruthy();
  expect(screen.getByText("No answer from: 机电科, 通风区")).toBeTruthy();
  expect(screen.getByRole("button", { name: "Undo merge" })).toBeTruthy();
});

test("files handed to the pane from outside (the workbench's drop) are merged once, in StrictMode too", async () => {
  const host = new FakeHost(taskWorkbook());
  const request = { id: 1, files: [unitOne()] };
  const view = render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} locale="zh-CN" today={AS_OF} mergeRequest={request} />
      </FluentProvider>
    </StrictMode>,
  );
  expect(await screen.findByText("反馈已合并")).toBeTruthy();
  view.rerender(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <Pane host={host} locale="zh-CN" today={AS_OF} mergeRequest={request} />
      </FluentProvider>
    </StrictMode>,
  );
  expect(host.merges).toEqual([["综采一队.xlsx"]]);
});
