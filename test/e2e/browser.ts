// Headless Chromium for end-to-end tests: Debian's browser driven by playwright-core, pages served on loopback.

import { existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";
import { chromium, type Browser } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const WEB_ROOT = path.resolve(__dirname, "../../dist/web");

/** The flags TOOLING.md records: without the networking ones Chromium tries to reach Google's hosts. */
const ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".map": "application/json",
};

/** Serves the built pages on 127.0.0.1 (a free port), and records every request it is asked for. */
export async function serveWeb(
  root = WEB_ROOT,
): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = [];
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    requests.push(url.pathname);
    const file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

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
