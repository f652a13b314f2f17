// 督办单文件 as a person meets it: one link per unit to download its answerable notice workbook, named as
// `duban notices` names the files, in 中文 and English; the links' Blob URLs are revoked with the list.

import { TextDecoder, TextEncoder } from "node:util";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { render, screen, within } from "@testing-library/react";
import { StrictMode } from "react";
import { NoticeFilesBar } from "../../src/taskpane/Notices/NoticeFiles";
import type { Locale } from "../../src/core";
import { readWorkbookBytes } from "../../src/hosts/xlsx/universal";
import { NOTICE_RECORD_SHEET } from "../../src/core";
import { noticeFileNames } from "../../src/taskpane/notice-files";
import { FakeHost, notesWorkbook, taskWorkbook } from "./fakeHost";
import { renderPane } from "./render";

// Browsers have these, and the xlsx writer and reader use them; jsdom does not.
Object.assign(globalThis, { TextDecoder, TextEncoder });

/** jsdom has no Blob URLs: each Blob made is kept, by the URL it was given, and revoking is recorded. */
const blobs = new Map<string, Blob>();
const revoked: string[] = [];
beforeEach(() => {
  blobs.clear();
  revoked.length = 0;
  Object.assign(URL, {
    createObjectURL: (blob: Blob) => {
      const url = `blob:test/${blobs.size + 1}`;
      blobs.set(url, blob);
      return url;
    },
    revokeObjectURL: (url: string) => revoked.push(url),
  });
});

function blobBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error);
    reader.readAsArrayBuffer(blob);
  });
}

const cases: ReadonlyArray<{ locale: Locale; button: string; list: string; names: string[] }> = [
  {
    locale: "zh-CN",
    button: "督办单文件",
    list: "督办单文件",
    names: ["督办单-综采一队.xlsx", "督办单-机电科.xlsx"],
  },
  {
    locale: "en-US",
    button: "Notice files",
    list: "Notice files",
    names: ["Notice-综采一队.xlsx", "Notice-机电科.xlsx"],
  },
];

test.each(cases)("$button lists one download per unit ($locale)", async ({ locale, button, list, names }) => {
  const { host, user } = renderPane({ locale });
  await user.click(screen.getByRole("button", { name: button }));

  const links = within(await screen.findByRole("list", { name: list })).getAllByRole("link");
  expect(host.noticeRequests).toEqual([locale]);
  expect(links.map((link) => link.textContent)).toEqual(names);
  expect(links.map((link) => link.getAttribute("download"))).toEqual(names);
  // Each link is the unit's own workbook: it opens, and its notice record names the unit.
  const units = [];
  for (const link of links) {
    const blob = blobs.get(link.getAttribute("href")!)!;
    const bytes = await blobBytes(blob);
    const book = await readWorkbookBytes(bytes, link.textContent!);
    expect(book.sheets.map((sheet) => sheet.name)).toContain(NOTICE_RECORD_SHEET);
    units.push(link.textContent!.replace(/^[^-]+-|\.xlsx$/g, ""));
  }
  expect(units).toEqual(["综采一队", "机电科"]);

  // Dismissing the list lets its URLs go.
  expect(revoked).toEqual([]);
  await user.click(screen.getByRole("button", { name: locale === "zh-CN" ? "关闭" : "Dismiss" }));
  expect(screen.queryByRole("list", { name: list })).toBeNull();
  expect([...revoked].sort()).toEqual([...blobs.keys()].sort());
});

test("督办单文件 on a workbook without a task table shows the table problem, and no list", async () => {
  const { user } = renderPane({ host: new FakeHost(notesWorkbook()) });
  await user.click(screen.getByRole("button", { name: "督办单文件" }));
  expect(await screen.findByText("没有找到可用的任务表")).toBeTruthy();
  expect(screen.queryByRole("list", { name: "督办单文件" })).toBeNull();
});

test("a task of 各单位 goes to each unit's file; one of 相关单位 to none, and the list says so", async () => {
  const workbook = taskWorkbook();
  const table = workbook.sheets[0]!;
  const shared = {
    ...table,
    rows: [
      ...table.rows,
      [7, "安全大检查", "各单位", "2026-11-30", "未开始", null, null],
      [8, "问题整改", "相关单位", "2026-11-10", "未开始", null, null],
    ],
  };
  const { user } = renderPane({
    host: new FakeHost({ ...workbook, sheets: [shared, ...workbook.sheets.slice(1)] }),
  });
  await user.click(screen.getByRole("button", { name: "督办单文件" }));

  const links = within(await screen.findByRole("list", { name: "督办单文件" })).getAllByRole("link");
  expect(links.map((link) => link.textContent)).toEqual([
    "督办单-综采一队.xlsx",
    "督办单-机电科.xlsx",
    "督办单-通风区.xlsx",
  ]);
  for (const link of links) {
    const book = await readWorkbookBytes(await blobBytes(blobs.get(link.getAttribute("href")!)!), "n.xlsx");
    expect(book.sheets[0]!.rows.some((cells) => cells?.includes("安全大检查"))).toBe(true);
  }
  expect(
    screen.getByText(
      "“重点工作任务表”中有 1 项未完成的任务责任单位只写了“相关单位”（第 11 行），没有写明是哪些单位：督办单无法发出，也不计入任何单位。请在任务表中写明责任单位。",
    ),
  ).toBeTruthy();
});

test.each([
  [
    ["综采一队", "机电科"],
    ["督办单-综采一队.xlsx", "督办单-机电科.xlsx"],
  ],
  [
    ["安全/质量 科", "安全:质量_科"],
    ["督办单-安全_质量_科.xlsx", "督办单-安全_质量_科-2.xlsx"],
  ],
])("file names of %j", (units, names) => {
  const files = units.map((unit) => ({ unit, bytes: new Uint8Array() }));
  expect(noticeFileNames(files, "督办单")).toEqual(names);
});

test("under StrictMode the links shown are URLs not revoked", async () => {
  const files = [{ unit: "综采一队", bytes: new Uint8Array([1, 2, 3]) }];
  const view = render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <NoticeFilesBar files={files} locale="zh-CN" onDismiss={() => undefined} />
      </FluentProvider>
    </StrictMode>,
  );
  const link = await screen.findByRole("link", { name: "督办单-综采一队.xlsx" });
  expect(revoked).not.toContain(link.getAttribute("href"));
  expect(await blobBytes(blobs.get(link.getAttribute("href")!)!)).toEqual(new Uint8Array([1, 2, 3]));
  view.unmount();
  expect([...revoked].sort()).toEqual([...blobs.keys()].sort());
});
