// The add-in's production web build (webpack.config.js), into a folder of its own: the three pages with
// office.js from Office's CDN and their bundles, the icons, the support page, and the manifest pointed at
// ADDIN_URL.

import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import * as path from "node:path";

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(__dirname, ".tmp", `web-build-${process.pid}`);
const WEBPACK = require.resolve("webpack-cli/bin/cli.js");
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const DEV_URL = "https://localhost:3000/";
const ADDIN_URL = "https://duban.example.org/addin/";
const SCHEMA = path.resolve(ROOT, "../shared/manifest-schemas/OfficeAppManifestV1_1.xsd");

function webpack(env: Record<string, string>, outputPath = OUT): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [WEBPACK, "--mode", "production", "--output-path", outputPath], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

/** The script addresses of a page, in order. */
function scripts(page: string): string[] {
  const html = readFileSync(path.join(OUT, page), "utf8");
  return [...html.matchAll(/<script\b([^>]*)>/g)].map(
    (m) => /\bsrc="([^"]+)"/.exec(m[1]!)?.[1] ?? "(inline)",
  );
}

let build: SpawnSyncReturns<string>;

beforeAll(() => {
  build = webpack({ ADDIN_URL });
}, 180_000);

afterAll(() => rmSync(OUT, { recursive: true, force: true }));

test("builds without errors or warnings", () => {
  expect(build.stderr).not.toMatch(/error/i);
  expect(build.status).toBe(0);
  expect(build.stdout).toContain("compiled successfully");
  expect(build.stdout).not.toMatch(/WARNING/);
});

test("each page loads office.js from Office's CDN, then its own bundle", () => {
  for (const [page, bundle] of [
    ["taskpane.html", "taskpane"],
    ["commands.html", "commands"],
    ["report.html", "report"],
  ] as const) {
    const [office, script, ...more] = scripts(page);
    expect([page, office, more]).toEqual([page, OFFICE_JS, []]);
    expect(script).toMatch(new RegExp(`^${bundle}\\.[0-9a-f]{8}\\.js$`));
    expect(statSync(path.join(OUT, script!)).size).toBeGreaterThan(1000);
  }
  // The workbench is for browsers without Office: no office.js, only its own bundle.
  const [own, ...others] = scripts("workbench.html");
  expect([own, others]).toEqual([expect.stringMatching(/^workbench\.[0-9a-f]{8}\.js$/), []]);
  // The function file's script runs as it loads, not deferred, so Office finds its functions on the first click.
  expect(readFileSync(path.join(OUT, "commands.html"), "utf8")).not.toMatch(/\bdefer\b/);
});

test("the bundles stay within the performance budget", () => {
  const sizes = Object.fromEntries(
    readdirSync(OUT)
      .filter((file) => file.endsWith(".js"))
      .map((file) => [file.replace(/\.[0-9a-f]{8}\.js$/, ""), statSync(path.join(OUT, file)).size]),
  );
  expect(Object.keys(sizes).sort()).toEqual([
    "commands",
    "report",
    "taskpane",
    "workbench",
    "workbench-merge",
    "workbench-notices",
    "workbench-worker",
    "workbench-write",
  ]);
  expect(sizes.taskpane).toBeLessThan(1_500_000);
  // The workbench's page, and its worker: the engine and Duban's own reader, no spreadsheet library. The
  // merge of the units' answers, the units' notice files and the checked copy (the generated sheets' code) are
  // chunks the worker loads only when asked.
  expect(sizes.workbench).toBeLessThan(1_500_000);
  expect(sizes["workbench-worker"]).toBeLessThan(300_000);
  expect(sizes["workbench-merge"]).toBeLessThan(50_000);
  expect(sizes["workbench-notices"]).toBeLessThan(100_000);
  expect(sizes["workbench-write"]).toBeLessThan(100_000);
  // The ribbon's function file carries the engine, not React; the dialog carries only its words.
  expect(sizes.commands).toBeLessThan(400_000);
  expect(sizes.report).toBeLessThan(30_000);
});

test("copies every icon", () => {
  const icons = readdirSync(path.join(ROOT, "assets")).filter((file) => file.endsWith(".png"));
  expect(icons.length).toBeGreaterThanOrEqual(14);
  for (const icon of icons) {
    expect(
      readFileSync(path.join(OUT, "assets", icon)).equals(readFileSync(path.join(ROOT, "assets", icon))),
    ).toBe(true);
  }
});

test("copies the support page the manifest names, and the README it links to, as they are", () => {
  for (const [output, source] of [
    ["support.html", "src/support/support.html"],
    ["README.md", "README.md"],
  ] as const) {
    expect([output, readFileSync(path.join(OUT, output), "utf8")]).toEqual([
      output,
      readFileSync(path.join(ROOT, source), "utf8"),
    ]);
  }
});

test("the manifest's URLs point at ADDIN_URL, and nothing else changes", () => {
  const source = readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
  const built = readFileSync(path.join(OUT, "manifest.xml"), "utf8");
  expect(built).not.toContain("localhost");
  expect(built).toContain(`<SourceLocation DefaultValue="${ADDIN_URL}taskpane.html"/>`);
  expect(built).toContain(`<bt:Url id="Duban.Commands.Url" DefaultValue="${ADDIN_URL}commands.html"/>`);
  expect(built.split(ADDIN_URL).join(DEV_URL)).toBe(source);
  const xmllint = spawnSync("xmllint", ["--version"]).status === 0;
  if (xmllint && existsSync(SCHEMA)) {
    const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, path.join(OUT, "manifest.xml")], {
      encoding: "utf8",
    });
    expect(run.status).toBe(0);
  }
});

test("refuses an ADDIN_URL that Office would not load", () => {
  const elsewhere = path.join(OUT, "refused");
  const run = webpack({ ADDIN_URL: "http://duban.example.org/" }, elsewhere);
  expect(run.status).not.toBe(0);
  expect(run.stderr).toContain("ADDIN_URL must be an https address");
  expect(existsSync(elsewhere)).toBe(false);
});

test("the command line is one file that loads no other module of ours or of node_modules", () => {
  const out = path.join(OUT, "cli");
  const built = spawnSync(
    process.execPath,
    [WEBPACK, "--config", "webpack.cli.config.js", "--output-path", out],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  expect(built.status).toBe(0);
  const bundle = path.join(out, "duban.js");
  const probe = [
    `process.argv = [process.argv[0], "duban", "--version"];`,
    `require(${JSON.stringify(bundle)});`,
    `process.on("exit", () => console.error(JSON.stringify(Object.keys(require.cache))));`,
  ].join("\n");
  const run = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
  expect(run.stdout.trim()).toBe(
    (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version,
  );
  expect(JSON.parse(run.stderr) as string[]).toEqual([bundle]);
}, 120_000);
