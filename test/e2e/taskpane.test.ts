// The task pane page opened outside Office, as a person who followed a link would see it.

import * as path from "node:path";
import { readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { describeInBrowser, launchChromium, screenshotFolder, serveWeb } from "./browser";

const OFFICE_JS = path.resolve(__dirname, "../../node_modules/@microsoft/office-js/dist");
const DOCS = screenshotFolder();

describeInBrowser("the task pane page in a plain browser", () => {
  let browser: Browser;
  let web: Awaited<ReturnType<typeof serveWeb>>;
  beforeAll(async () => {
    [browser, web] = await Promise.all([launchChromium(), serveWeb()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await web?.close();
  });

  test.each([
    ["zh-CN", "工作台"],
    ["en-US", "workbench"],
  ])(
    "says it runs in Excel and offers the workbench (%s)",
    async (locale, word) => {
      const context = await browser.newContext({ locale, viewport: { width: 350, height: 600 } });
      const page = await context.newPage();
      const outside: string[] = [];
      // office.js comes from Office's CDN in production; here it is served from the npm package (TOOLING.md).
      await page.route("https://appsforoffice.microsoft.com/**", async (route) => {
        const file = path.join(
          OFFICE_JS,
          new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ""),
        );
        await route.fulfill({ body: readFileSync(file), contentType: "text/javascript" });
      });
      page.on("request", (request) => {
        const url = new URL(request.url());
        if (url.hostname !== "127.0.0.1" && url.hostname !== "appsforoffice.microsoft.com")
          outside.push(url.href);
      });
      await page.goto(`${web.url}/taskpane.html`);
      const link = page.getByRole("link", {
        name: new RegExp(word === "工作台" ? "工作台" : "workbench", "i"),
      });
      await link.waitFor({ timeout: 20_000 });
      expect(await link.getAttribute("href")).toBe("workbench.html");
      expect(await page.locator("body").innerText()).toContain("Excel");
      await page.screenshot({ path: path.join(DOCS, `taskpane-outside-office-${locale}.png`) });
      expect(outside).toEqual([]);
      await context.close();
    },
    60_000,
  );
});
