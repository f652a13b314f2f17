// The workbench in Chromium, as a person uses it: a workbook chosen, 检查 pressed, until the findings show;
// meanwhile the longest task the page's main thread ran (the engine runs in the worker). Also the size of the
// worker's bundle, which the page loads before it can read anything.

import { existsSync, readdirSync, statSync } from "node:fs";
import * as path from "node:path";
import { CHROMIUM, launchChromium, serveWeb, WEB_ROOT } from "../test/e2e/chromium";

export interface WorkbenchFigures {
  /** From choosing the file to the findings on screen, median of the runs. */
  readonly resultMs: number;
  /** The longest main-thread task seen in any run (PerformanceObserver "longtask", over 50 ms). */
  readonly longestTaskMs: number;
}

/** The worker bundle's size in bytes, or undefined before `npm run build:web`. */
export function workerBundleBytes(): number | undefined {
  if (!existsSync(WEB_ROOT)) return undefined;
  const file = readdirSync(WEB_ROOT).find((f) => /^workbench-worker\.[0-9a-f]{8}\.js$/.test(f));
  return file === undefined ? undefined : statSync(path.join(WEB_ROOT, file)).size;
}

/** Undefined where Chromium or the built pages are missing. */
export async function workbenchFigures(file: string, runs: number): Promise<WorkbenchFigures | undefined> {
  if (!existsSync(CHROMIUM) || workerBundleBytes() === undefined) return undefined;
  const [browser, web] = await Promise.all([launchChromium(), serveWeb()]);
  try {
    const times: number[] = [];
    let longest = 0;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${web.url}/workbench.html`);
      await page.evaluate(() => {
        const w = window as unknown as { longTasks: number[] };
        w.longTasks = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) w.longTasks.push(entry.duration);
        }).observe({ type: "longtask", buffered: false });
      });
      const start = performance.now();
      await page.locator('input[type="file"]').setInputFiles(file);
      await page.getByRole("button", { name: /^检查$/ }).click({ timeout: 120_000 });
      await page.getByText("检查结果").waitFor({ timeout: 300_000 });
      times.push(performance.now() - start);
      const tasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
      longest = Math.max(longest, ...tasks);
      await context.close();
    }
    times.sort((a, b) => a - b);
    return { resultMs: times[Math.floor(times.length / 2)]!, longestTaskMs: longest };
  } finally {
    await browser.close();
    await web.close();
  }
}
