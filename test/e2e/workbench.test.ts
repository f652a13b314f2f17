// The workbench as a person uses it in Chromium: open a workbook, check, read, generate, download.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { localDayOf } from "../../src/core";
import { readWorkbookFile } from "../../src/hosts/xlsx";
import { buildSampleWorkbook, sampleExpectations } from "../../scripts/sample-workbook";
import { writeBenchWorkbook } from "../../bench/bench-workbook";
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

  beforeAll(async () => {
    rmSync(TMP, { recursive: true, force: true });
    mkdirSync(TMP, { recursive: true });
    // Dates relative to the page's own "today", as a clerk's table would be.
    await buildSampleWorkbook(TODAY).xlsx.writeFile(sample);
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
