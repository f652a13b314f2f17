/**
 * @jest-environment jsdom
 */
// The report page as a dialog opened at the end loads it (no DialogApi 1.2, no Office here): the whole outcome
// from localStorage under the address's id, or the address's own tone and first line where the store is not
// shared.

import { readFileSync } from "node:fs";
import path from "node:path";
import { MAX_REPORT_URL, REPORT_KEY, reportUrl } from "./messages";
import type { Outcome } from "./run";

const PAGE = readFileSync(path.join(__dirname, "report.html"), "utf8");
const BASE = "http://localhost/commands.html";

async function open(url: string): Promise<{ tone: string | undefined; lines: string[] }> {
  document.documentElement.innerHTML = /<html[^>]*>([\s\S]*)<\/html>/.exec(PAGE)![1]!;
  window.history.replaceState(null, "", url);
  await jest.isolateModulesAsync(async () => {
    await import("./report");
  });
  return {
    tone: document.body.dataset.tone,
    lines: [...document.querySelectorAll("#lines p")].map((p) => p.textContent ?? ""),
  };
}

const outcome: Outcome = {
  tone: "warning",
  lines: [
    "「任务表」共 3,000 项任务",
    ...Array.from({ length: 100 }, (_, i) => `提示 ${i + 1}：工作日历按周一至周五推算。`),
  ],
};

beforeEach(() => localStorage.clear());

test("the page shows the whole outcome waiting in localStorage, and takes it out", async () => {
  const url = reportUrl(
    BASE,
    { locale: "zh-CN", command: "generateSheets", outcome },
    { store: localStorage, id: "a1" },
  );
  expect(url.length).toBeLessThanOrEqual(MAX_REPORT_URL);
  expect(await open(url)).toEqual({ tone: "warning", lines: outcome.lines });
  expect(localStorage.getItem(REPORT_KEY)).toBeNull();
  expect(document.title).toBe("督办助手 · 生成汇总");
});

test("where the dialog cannot read what the command stored, the page shows the address's first line", async () => {
  const url = reportUrl(
    BASE,
    { locale: "en-US", command: "checkTable", outcome },
    { store: localStorage, id: "a2" },
  );
  localStorage.clear();
  expect(await open(url)).toEqual({ tone: "warning", lines: [outcome.lines[0]] });
});
