// The workbench as a person uses it in Chromium: open a workbook, check, read, generate, download; open a
// master with the units' returned notices, or drop more of them on it, and see their answers merged.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { DEFAULT_SETTINGS, localDayOf } from "../../src/core";
import { readWorkbookFile } from "../../src/hosts/xlsx";
import { buildSampleWorkbook, sampleExpectations } from "../../scripts/sample-workbook";
import { writeBenchWorkbook } from "../../bench/bench-workbook";
import { answeredNotices, type AnsweredNotice } from "../helpers/answered-notices";
import { describeInBrowser, launchChromium, screenshotFolder, serveWeb } from "./browser";

const DOCS = screenshotFolder();
const TMP = path.resolve(__dirname, "../.tmp/e2e");
const AXE = require.resolve("axe-core/axe.min.js");
/** The page's own "today": the browser runs in this machine's time zone. */
const TODAY = localDayOf(new Date());

describeInBrowser("the workbench in Chromium", () => {
  let browser: Browser;
  let web: Awaited<ReturnType<typeof serveWeb>>;
  const sample = path.join(TMP, "sample-tasks.xlsx");
  const large = path.join(TMP, "tasks-20000.xlsx");
  /** Three units' notices for the sample, answered (every second task 已完成), as files the clerk got back. */
  let notices: Array<AnsweredNotice & { readonly file: string }>;

  beforeAll(async () => {
    rmSync(TMP, { recursive: true, force: true });
    mkdirSync(path.join(TMP, "returns"), { recursive: true });
    // Dates relative to the page's own "today", as a clerk's table would be.
    await buildSampleWorkbook(TODAY).xlsx.writeFile(sample);
    const settings = { ...DEFAULT_SETTINGS, language: "zh-CN" as const };
    notices = (await answeredNotices(readFileSync(sample), TODAY, settings, 3)).map((notice) => {
      const file = path.join(TMP, "returns", notice.name);
      writeFileSync(file, notice.bytes);
      return { ...notice, file };
    });
    await writeBenchWorkbook(large, 20_000, TODAY);
    [browser, web] = await Promise.all([launchChromium(), serveWeb()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  async function open(
    locale = "zh-CN",
    width = 1280,
  ): Promise<{ context: BrowserContext; page: Page; outside: string[] }> {
    const context = await browser.newContext({
      locale,
      viewport: { width, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const outside: string[] = [];
    page.on("request", (request) => {
      const url = new URL(request.url());
      if (!["127.0.0.1", ""].includes(url.hostname) && url.protocol !== "blob:" && url.protocol !== "data:") {
        outside.push(request.url());
      }
    });
    await page.goto(`${web.url}/workbench.html`);
    return { context, page, outside };
  }

  const shot = (page: Page, name: string) =>
    page.screenshot({ path: path.join(DOCS, `workbench-${name}.png`), fullPage: false });

  test("check the sample, read the findings and summary, generate and download the checked workbook", async () => {
    const { context, page, outside } = await open();
    await shot(page, "1-start");
    await page.locator('input[type="file"]').setInputFiles(sample);
    const check = page.getByRole("button", { name: /^检查$/ });
    await check.waitFor({ timeout: 30_000 });
    await check.click();
    const expected = sampleExpectations(TODAY);
    // The summary in numbers, and findings rows with cells and messages.
    await page.getByText("检查结果").waitFor({ timeout: 30_000 });
    await page.getByText(String(expected.taskCount), { exact: true }).first().waitFor();
    const firstOverdue = `H${expected.rows.overdue[0]}`;
    await page
      .getByText(new RegExp(`${firstOverdue}：完成时限`))
      .first()
      .waitFor({ timeout: 10_000 })
      .catch(() => undefined);
    await shot(page, "2-checked");

    await page.getByRole("button", { name: "生成汇总" }).click();
    const link = page.getByRole("link", { name: "下载检查后的工作簿" });
    await link.waitFor({ timeout: 60_000 });
    await shot(page, "3-generated");
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const saved = path.join(TMP, download.suggestedFilename());
    await download.saveAs(saved);
    const checked = await readWorkbookFile(saved);
    const names = checked.sheets.map((s) => s.name);
    expect(names).toEqual(
      expect.arrayContaining(["重点工作任务表", "单位名单", "问题清单", "汇总", "排名", "督办单"]),
    );
    expect(names.filter((n) => n.startsWith("_duban"))).toEqual(["_duban_marks", "_duban"]);
    expect(outside).toEqual([]);
    // Only the page's own files were ever asked for.
    expect(
      web.requests.every(
        (p) =>
          /^\/(workbench\.html|[\w.-]+\.(js|css|png|map|svg|json))?$/.test(p) || p.startsWith("/assets/"),
      ),
    ).toBe(true);
    await context.close();
  }, 180_000);

  test("switch the language: the pane and its findings speak English", async () => {
    const { context, page } = await open();
    await page.getByRole("button", { name: "English" }).click();
    await page.locator('input[type="file"]').setInputFiles(sample);
    await page.getByRole("button", { name: /^Check$/ }).click();
    await page
      .getByText(/deadline .* passed/)
      .first()
      .waitFor({ timeout: 30_000 });
    await shot(page, "4-english");
    await context.close();
  }, 120_000);

  test("a file that is not a workbook says which file and what to do", async () => {
    const { context, page } = await open();
    const csv = path.join(TMP, "tasks.xlsx");
    writeFileSync(csv, "工作任务,责任单位\n检查,机电科\n");
    await page.locator('input[type="file"]').setInputFiles(csv);
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 20_000 });
    expect(await alert.innerText()).toContain("tasks.xlsx");
    await shot(page, "5-bad-file");
    await context.close();
  }, 60_000);

  test("keyboard only: open, check, generate", async () => {
    const { context, page } = await open();
    // Tab to the file button and press Enter: the file chooser opens as for a person.
    let chooserOpened = false;
    page.on("filechooser", async (chooser) => {
      chooserOpened = true;
      await chooser.setFiles(sample);
    });
    for (let i = 0; i < 15 && !chooserOpened; i++) {
      await page.keyboard.press("Tab");
      // The file input is named by its label, as a screen reader announces it.
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLInputElement | null;
        return element?.labels?.[0]?.textContent ?? element?.textContent ?? "";
      });
      if (/选择 \.xlsx 文件/.test(focused)) {
        await page.keyboard.press("Enter");
        await page.waitForTimeout(300);
      }
    }
    expect(chooserOpened).toBe(true);
    const check = page.getByRole("button", { name: /^检查$/ });
    await check.waitFor({ timeout: 30_000 });
    await tabTo(page, /^检查$/);
    await page.keyboard.press("Enter");
    await page.getByText("检查结果").waitFor({ timeout: 30_000 });
    await tabTo(page, /^生成汇总$/);
    await page.keyboard.press("Enter");
    await page.getByRole("link", { name: "下载检查后的工作簿" }).waitFor({ timeout: 60_000 });
    await context.close();
  }, 180_000);

  test("no serious or critical accessibility violations (axe-core), before and after a check", async () => {
    const { context, page } = await open();
    const scan = async () => {
      // Evaluated through the debugging protocol: the page's own policy rightly refuses inline scripts.
      await page.evaluate(readFileSync(AXE, "utf8"));
      const result = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: () => Promise<{ violations: Array<{ id: string; impact: string; nodes: unknown[] }> }>;
            };
          }
        ).axe;
        return (await axe.run()).violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.length,
        }));
      });
      return result.filter((v) => v.impact === "serious" || v.impact === "critical");
    };
    expect(await scan()).toEqual([]);
    await page.locator('input[type="file"]').setInputFiles(sample);
    await page.getByRole("button", { name: /^检查$/ }).click();
    await page.getByText("检查结果").waitFor({ timeout: 30_000 });
    expect(await scan()).toEqual([]);
    await context.close();
  }, 120_000);

  test("at the pane's 350 px width the findings are readable", async () => {
    const { context, page } = await open("zh-CN", 380);
    await page.locator('input[type="file"]').setInputFiles(sample);
    await page.getByRole("button", { name: /^检查$/ }).click();
    await page.getByText("检查结果").waitFor({ timeout: 30_000 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, "6-narrow");
    await context.close();
  }, 120_000);

  test("a master chosen with two returned notices: the answers are merged, the Feedback sheet previewed and downloaded; a third dropped later is merged too", async () => {
    const { context, page } = await open();
    // The notices first: the master is the first file that is no returned notice, wherever it is.
    await page.locator('input[type="file"]').setInputFiles([notices[0]!.file, sample, notices[1]!.file]);
    const merged = page.getByText("反馈已合并");
    await merged.waitFor({ timeout: 60_000 });
    await page.getByText(/^2 个单位已反馈、\d+ 个未反馈；采纳修改 \d+ 处/).waitFor();
    const preview = page.getByRole("tab", { name: "反馈情况" });
    await preview.waitFor({ timeout: 60_000 });
    await preview.click();
    await page.getByRole("tabpanel").getByText(notices[0]!.unit).first().waitFor();
    await shot(page, "7-merged");
    const link = page.getByRole("link", { name: "下载检查后的工作簿" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const saved = path.join(TMP, `merged-${download.suggestedFilename()}`);
    await download.saveAs(saved);
    const checked = await readWorkbookFile(saved);
    expect(checked.sheets.map((s) => s.name)).toContain("反馈情况");
    const task = checked.sheets.find((s) => s.name === "重点工作任务表")!;
    for (const row of [...notices[0]!.rows, ...notices[1]!.rows])
      expect(task.rows[row - 1]?.[8]).toBe("已完成");
    expect(task.rows[notices[2]!.rows[0]! - 1]?.[8]).not.toBe("已完成");

    // A third unit's notice dropped on the page, as a person drags it from the mail.
    await dropFiles(page, [notices[2]!.file]);
    await page.getByText(/^1 个单位已反馈、\d+ 个未反馈/).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "撤销合并" }).waitFor();
    await context.close();
  }, 240_000);

  test("several returned notices and no master: it says so", async () => {
    const { context, page } = await open();
    await page.locator('input[type="file"]').setInputFiles(notices.map((notice) => notice.file));
    const alert = page.getByRole("alert");
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toContain("没有可以合并进去的任务表");
    await context.close();
  }, 60_000);

  // How long the main thread is ever blocked is a figure for `npm run bench`, not a test: it depends on the
  // machine and its load. What a test can hold is that the engine is not on the main thread: the page keeps
  // drawing frames while a 20,000-row table is read and checked.
  test("a 20,000-row workbook: the page keeps drawing while it is checked", async () => {
    const { context, page } = await open();
    await page.locator('input[type="file"]').setInputFiles(large);
    const check = page.getByRole("button", { name: /^检查$/ });
    await check.waitFor({ timeout: 60_000 });
    await page.evaluate(() => {
      const w = window as unknown as { frames: number; counting: boolean };
      w.frames = 0;
      w.counting = true;
      const tick = () => {
        if (!w.counting) return;
        w.frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    await check.click();
    const before = await page.evaluate(() => (window as unknown as { frames: number }).frames);
    await page.getByText("检查结果").waitFor({ timeout: 120_000 });
    const frames = await page.evaluate(() => {
      const w = window as unknown as { frames: number; counting: boolean };
      w.counting = false;
      return w.frames;
    });
    // A page whose main thread did the work would draw one frame before it and one after.
    expect(frames - before).toBeGreaterThanOrEqual(3);
    await context.close();
  }, 240_000);
});

/** Files dragged from elsewhere and dropped on the page: the drag events a browser sends, with the files. */
async function dropFiles(page: Page, files: readonly string[]): Promise<void> {
  const contents = files.map((file) => ({
    name: path.basename(file),
    base64: readFileSync(file).toString("base64"),
  }));
  const dataTransfer = await page.evaluateHandle((items) => {
    const transfer = new DataTransfer();
    for (const { name, base64 } of items) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], name));
    }
    return transfer;
  }, contents);
  for (const type of ["dragenter", "dragover", "drop"])
    await page.dispatchEvent("body", type, { dataTransfer });
}

async function tabTo(page: Page, name: RegExp): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(
      () => (document.activeElement as HTMLElement | null)?.innerText?.trim() ?? "",
    );
    if (name.test(focused)) return;
  }
  throw new Error(`Could not reach ${name} with Tab`);
}
