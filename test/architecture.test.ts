// The one rule of dependency direction, checked over the import graph of src as TypeScript parses it:
// faces (taskpane, commands, workbench, cli) → hosts (excel, xlsx, and their contract) → core, never back;
// a face reaches a host only through its entry; and nothing in src ships what lives in test/, scripts/ or bench/.

import { readdirSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import * as path from "node:path";
import * as ts from "typescript";

const root = path.resolve(__dirname, "..");

type Place =
  | { readonly layer: "core" }
  | { readonly layer: "hosts"; readonly host: "contract" | "excel" | "xlsx" }
  | { readonly layer: "face"; readonly face: "taskpane" | "commands" | "workbench" | "cli" }
  | { readonly layer: "tooling"; readonly folder: "test" | "scripts" | "bench" }
  | { readonly layer: "manifest" }
  | { readonly layer: "package"; readonly name: string }
  | { readonly layer: "unknown"; readonly path: string };

const FACES = ["taskpane", "commands", "workbench", "cli"] as const;
const TOOLING = ["test", "scripts", "bench"] as const;

/** Where a file (its path from the repository, with forward slashes) or a package stands. */
function placeOf(target: string): Place {
  const [top, second, third] = target.split("/");
  if (target === "package.json") return { layer: "manifest" };
  if (top === "src" && second === "core") return { layer: "core" };
  if (top === "src" && second === "hosts") {
    if (third === "excel" || third === "xlsx") return { layer: "hosts", host: third };
    if (third?.replace(/\.ts$/, "") === "contract") return { layer: "hosts", host: "contract" };
  }
  if (top === "src") {
    const face = FACES.find((name) => name === second);
    if (face) return { layer: "face", face };
  }
  const folder = TOOLING.find((name) => name === top);
  if (folder) return { layer: "tooling", folder };
  return top === "src" ? { layer: "unknown", path: target } : { layer: "package", name: target };
}

/** The one face that may use another: the workbench is the task pane over a file in the browser. */
const FACE_USES: ReadonlySet<string> = new Set(["workbench → taskpane"]);

/**
 * The doors into the hosts that a face may use. The xlsx host has two: its Node entry (files, Node's zlib)
 * and universal.ts, the same host without Node, for the workbench in the browser.
 */
const HOST_ENTRIES: ReadonlySet<string> = new Set([
  "src/hosts/contract",
  "src/hosts/excel",
  "src/hosts/excel/index",
  "src/hosts/xlsx",
  "src/hosts/xlsx/index",
  "src/hosts/xlsx/universal",
]);

/** What the engine may not import: Node itself, a user interface, a workbook library. */
const NOT_IN_CORE = /^(node:|react|react-dom|@fluentui\/|exceljs|office-)/;
const NODE_BUILTINS: ReadonlySet<string> = new Set(builtinModules);

/**
 * Why an import from one file to another breaks the direction, or undefined when it keeps it. `from` is a
 * file under src; `to` is a path from the repository or a package name; `isTest` says whether `from` is a
 * test beside the code (it may use test/'s helpers, and nothing else outside src).
 */
function breaks(from: string, to: string, isTest: boolean): string | undefined {
  const source = placeOf(from);
  const target = placeOf(to);
  if (source.layer === "unknown") return `${from} is in no known folder of src`;
  switch (target.layer) {
    case "tooling":
      return isTest && target.folder === "test" ? undefined : `src does not import from ${target.folder}/`;
    case "package": {
      const bare = target.name.replace(/^node:/, "").split("/")[0]!;
      return source.layer === "core" && (NOT_IN_CORE.test(target.name) || NODE_BUILTINS.has(bare))
        ? `the core imports no Node, user interface or workbook library (${target.name})`
        : undefined;
    }
    case "unknown":
      return undefined;
  }
  if (source.layer === "core")
    return target.layer === "core" ? undefined : `the core imports nothing outside it (${to})`;
  if (source.layer === "hosts") {
    if (target.layer === "face") return `a host never imports a face (${to})`;
    if (target.layer === "hosts" && target.host !== source.host && target.host !== "contract")
      return `one host does not import another (${source.host} → ${target.host})`;
    return undefined;
  }
  if (source.layer === "face" && target.layer === "hosts" && !isTest && !HOST_ENTRIES.has(to))
    return `a face imports a host through its entry only (${to})`;
  if (source.layer !== "face" || target.layer !== "face" || target.face === source.face) return undefined;
  return FACE_USES.has(`${source.face} → ${target.face}`)
    ? undefined
    : `a face does not import another face (${source.face} → ${target.face})`;
}

/** Every .ts and .tsx file below a folder, relative to the repository. */
function sourceFiles(folder: string): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [relative] : [];
  });
}

/** The module specifiers a file names: imports, re-exports, import() and require(). */
function specifiersOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), "utf8");
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, false, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    )
      found.push(node.moduleSpecifier.text);
    else if (
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === "require")) &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    )
      found.push(node.arguments[0].text);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      const literal = node.argument.literal;
      if (ts.isStringLiteral(literal)) found.push(literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/**
 * Where a file reads the clock: `Date.now()`, `new Date()` without an argument, `performance.now()`. The
 * core is handed its as-of day; a clock read in it would make a check depend on when it runs.
 */
function clockReadsOf(file: string, text = readFileSync(path.join(root, file), "utf8")): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const now =
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.name.text === "now" &&
      ts.isIdentifier(node.expression.expression) &&
      ["Date", "performance"].includes(node.expression.expression.text);
    const bareDate =
      ts.isNewExpression(node) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === "Date" &&
      (node.arguments?.length ?? 0) === 0;
    if (now || bareDate) {
      const { line } = source.getLineAndCharacterOfPosition(node.getStart(source));
      found.push(`${file}:${line + 1}: ${node.getText(source)}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** A relative specifier as a path from the repository (without its extension); a package as its name. */
function targetOf(file: string, specifier: string): string {
  if (!specifier.startsWith(".")) return specifier;
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier));
}

const isTestFile = (file: string) => /\.test\.tsx?$/.test(file);

describe("the rule itself", () => {
  test.each([
    ["src/hosts/excel/host.ts", "src/taskpane/host", "a host never imports a face"],
    ["src/hosts/xlsx/index.ts", "src/workbench/preview", "a host never imports a face"],
    ["src/hosts/excel/read.ts", "src/hosts/xlsx/reader", "one host does not import another"],
    ["src/core/check.ts", "src/hosts/contract", "the core imports nothing outside it"],
    ["src/core/day.ts", "src/cli/main", "the core imports nothing outside it"],
    ["src/core/settings.ts", "package.json", "the core imports nothing outside it"],
    ["src/core/day.ts", "node:fs", "the core imports no Node"],
    ["src/core/day.ts", "path", "the core imports no Node"],
    ["src/core/day.ts", "react", "the core imports no Node, user interface"],
    ["src/commands/run.ts", "src/taskpane/i18n", "a face does not import another face"],
    ["src/taskpane/index.tsx", "src/commands/office-env", "a face does not import another face"],
    ["src/cli/main.ts", "src/workbench/service", "a face does not import another face"],
    ["src/hosts/excel/fake.ts", "test/fakes/excel", "src does not import from test/"],
    ["src/workbench/service.ts", "scripts/sample-workbook", "src does not import from scripts/"],
    ["src/workbench/service.test.ts", "scripts/sample-workbook", "src does not import from scripts/"],
    ["src/commands/commands.test.ts", "bench/excel-bench", "src does not import from bench/"],
    ["src/stray.ts", "src/core", "is in no known folder of src"],
    ["src/cli/main.ts", "src/hosts/xlsx/write", "a face imports a host through its entry only"],
    ["src/workbench/service.ts", "src/hosts/xlsx/xml", "a face imports a host through its entry only"],
    ["src/taskpane/useCheck.ts", "src/hosts/excel/write", "a face imports a host through its entry only"],
  ])("%s importing %s is refused", (from, to, reason) => {
    expect(breaks(from, to, isTestFile(from))).toContain(reason);
  });

  test.each([
    ["src/hosts/excel/host.ts", "src/hosts/contract"],
    ["src/hosts/xlsx/index.ts", "src/core/output/plan"],
    ["src/taskpane/index.tsx", "src/hosts/excel"],
    ["src/workbench/service.ts", "src/hosts/xlsx/universal"],
    ["src/cli/commands.ts", "src/hosts/xlsx"],
    ["src/workbench/Workbench/Workbench.tsx", "src/taskpane/Pane/Pane"],
    ["src/cli/main.ts", "package.json"],
    ["src/core/settings.ts", "zod/mini"],
    ["src/core/rules/overdue.test.ts", "test/helpers/rule-tester"],
  ])("%s importing %s is allowed", (from, to) => {
    expect(breaks(from, to, isTestFile(from))).toBeUndefined();
  });
});

// The detector's cases: each text is source code parsed, never run; nothing in this file reads or times a clock.
describe("a clock read", () => {
  test.each([
    ["const t = Date.now();", ["Date.now()"]],
    ["const d = new Date();", ["new Date()"]],
    ["const d = new Date", ["new Date"]],
    ["const t = performance.now();", ["performance.now()"]],
    ["const a = Date.now(), b = new Date();", ["Date.now()", "new Date()"]],
    ["const d = new Date(2026, 0, 1);", []],
    ["const d = new Date(serial * DAY_MS);", []],
    ["const t = Date.UTC(2026, 0, 1);", []],
    ["const t = clock.now();", []],
    ["// Date.now() is never called here", []],
  ])("%s is found as %j", (text, found) => {
    expect(
      clockReadsOf("src/core/x.ts", text).map((line) => line.replace(/^src\/core\/x\.ts:1: /, "")),
    ).toEqual(found);
  });
});

describe("the import graph of src", () => {
  const files = sourceFiles("src");
  const edges = files.flatMap((file) =>
    specifiersOf(file).map((specifier) => ({ file, specifier, to: targetOf(file, specifier) })),
  );

  test("is read whole: every layer is there and imports", () => {
    const layers = new Set(edges.map((edge) => placeOf(edge.file).layer));
    expect([...layers].sort()).toEqual(["core", "face", "hosts"]);
    expect(edges.length).toBeGreaterThan(300);
  });

  test("the core reads no clock", () => {
    const core = files.filter((file) => file.startsWith("src/core/") && !isTestFile(file));
    expect(core.length).toBeGreaterThan(20);
    expect(core.flatMap((file) => clockReadsOf(file))).toEqual([]);
  });

  test("points from faces to hosts to the core, never back, and never out of src", () => {
    const broken = edges.flatMap(({ file, specifier, to }) => {
      const reason = breaks(file, to, isTestFile(file));
      return reason ? [`${file} imports "${specifier}": ${reason}`] : [];
    });
    expect(broken).toEqual([]);
  });
});
