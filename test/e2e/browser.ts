// Headless Chromium for end-to-end tests: what jest needs beside ./chromium (skipping, or failing under CI,
// without Chromium or the built pages; where screenshots go).

import { existsSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import { CHROMIUM, WEB_ROOT } from "./chromium";

export { CHROMIUM, launchChromium, serveWeb, WEB_ROOT } from "./chromium";

/**
 * `describe` for tests that need Chromium and the built pages. Without them the tests are skipped on a
 * developer's machine, and fail under CI (CI is set), so that CI cannot pass by skipping.
 */
export function describeInBrowser(name: string, fn: () => void): void {
  const missing = [
    existsSync(CHROMIUM) ? "" : `Chromium (${CHROMIUM}): apt-get install -y chromium`,
    existsSync(path.join(WEB_ROOT, "taskpane.html")) ? "" : "the built pages (dist/web): npm run build",
  ].filter(Boolean);
  if (missing.length === 0) describe(name, fn);
  else if (process.env.CI) {
    describe(name, () => {
      test("needs its programs", () => {
        throw new Error(`Missing under CI: ${missing.join("; ")}`);
      });
    });
  } else describe.skip(`${name} (missing: ${missing.join("; ")})`, fn);
}

/**
 * Where the pages' screenshots go: test/.tmp/screenshots, so that a test run leaves the checkout as it was;
 * docs/ (the README's pictures) when DUBAN_SCREENSHOTS=docs, as `npm run screenshots:pages` sets it.
 */
export function screenshotFolder(): string {
  const folder =
    process.env.DUBAN_SCREENSHOTS === "docs"
      ? path.resolve(__dirname, "../../docs")
      : path.resolve(__dirname, "../.tmp/screenshots");
  mkdirSync(folder, { recursive: true });
  return folder;
}
