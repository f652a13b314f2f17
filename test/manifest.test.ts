// manifest.xml: valid against Office's schemas, its buttons wired to the functions the function file
// associates, every resource it names present (icons at the size they are shown), a support page, and every
// word in English with 中文 overrides for each Chinese locale (繁體 for zh-TW and zh-HK).

import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { encodePng, ICONS, rasterise } from "../scripts/make-icons";
import { EXCEL_API } from "../src/hosts/excel";

const ROOT = path.resolve(__dirname, "..");
const MANIFEST = path.join(ROOT, "manifest.xml");
const SCHEMA = path.resolve(ROOT, "../shared/manifest-schemas/OfficeAppManifestV1_1.xsd");
const DEV_URL = "https://localhost:3000/";

// ---------------------------------------------------------------------------------------------------------
// A small XML reader, enough for a manifest: elements, attributes, text, comments and the declaration.

interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);

function parseXml(source: string): XmlElement {
  const document: XmlElement = { name: "#document", attrs: {}, children: [], text: "" };
  const stack = [document];
  const token =
    /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*"[^"]*")*)\s*(\/?)>|([^<]+)/y;
  let match: RegExpExecArray | null;
  while (token.lastIndex < source.length && (match = token.exec(source))) {
    const top = stack[stack.length - 1]!;
    const [, close, open, attrText, selfClosing, text] = match;
    if (close) {
      if (stack.pop()?.name !== close) throw new Error(`</${close}> does not close the open element`);
    } else if (open) {
      const attrs: Record<string, string> = {};
      for (const [, key, value] of (attrText ?? "").matchAll(/([\w:.-]+)\s*=\s*"([^"]*)"/g))
        attrs[key!] = decode(value!);
      const element: XmlElement = { name: open, attrs, children: [], text: "" };
      top.children.push(element);
      if (!selfClosing) stack.push(element);
    } else if (text !== undefined) {
      top.text += decode(text);
    }
  }
  if (token.lastIndex < source.length) throw new Error(`cannot read the XML at offset ${token.lastIndex}`);
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1]!.name}> is never closed`);
  return document.children[0]!;
}

const localName = (element: XmlElement) => element.name.replace(/^.*:/, "");

/** Every element under `element` (depth first) with this local name. */
function all(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [
    ...(localName(child) === name ? [child] : []),
    ...all(child, name),
  ]);
}

function one(element: XmlElement, name: string): XmlElement {
  const found = all(element, name);
  if (found.length !== 1) throw new Error(`expected one <${name}>, found ${found.length}`);
  return found[0]!;
}

function child(element: XmlElement, name: string): XmlElement | undefined {
  return element.children.find((c) => localName(c) === name);
}

// ---------------------------------------------------------------------------------------------------------

const manifest = parseXml(readFileSync(MANIFEST, "utf8"));
const resources = one(manifest, "Resources");
/** Resource id → its element, per kind. */
const byKind = Object.fromEntries(
  ["Images", "Urls", "ShortStrings", "LongStrings"].map((kind) => [
    kind,
    new Map(one(resources, kind).children.map((r) => [r.attrs.id!, r])),
  ]),
) as Record<"Images" | "Urls" | "ShortStrings" | "LongStrings", Map<string, XmlElement>>;

function resource(kind: keyof typeof byKind, id: string | undefined): XmlElement {
  const found = id === undefined ? undefined : byKind[kind].get(id);
  if (!found) throw new Error(`no ${kind} resource ${id}`);
  return found;
}

/** A setting's default value (as "default") and its overrides, by locale. */
function localised(element: XmlElement): Record<string, string | undefined> {
  const overrides = element.children.filter((o) => localName(o) === "Override");
  return {
    default: element.attrs.DefaultValue,
    ...Object.fromEntries(overrides.map((o) => [o.attrs.Locale!, o.attrs.Value])),
  };
}

/** The words of a string resource, by locale. */
const words = (kind: "ShortStrings" | "LongStrings", id: string | undefined) => localised(resource(kind, id));

const HAN = /\p{Script=Han}/u;

/**
 * Office takes an override only for the display language it names, so each Chinese locale Office runs in
 * has its own; any other language gets the English default.
 */
const CHINESE_LOCALES = ["zh-CN", "zh-SG", "zh-TW", "zh-HK"];

/**
 * How the 简体 words become 繁體 ones: first Excel's own words where Taiwan's and Hong Kong's Excel differ
 * (a tooltip should name things as the ribbon around it does), then character by character. It holds
 * every simplified-only character the zh-CN words use: a new word with another one fails below, once its
 * 繁體 is written, until the character is added here.
 */
const TRADITIONAL_WORDS: ReadonlyArray<readonly [string, string]> = [
  ["工作簿", "活頁簿"],
  ["单元格", "儲存格"],
  ["设置", "設定"],
];
const TRADITIONAL: Readonly<Record<string, string>> = {
  ...{ 办: "辦", 检: "檢", 务: "務", 项: "項", 错: "錯", 误: "誤", 标: "標", 红: "紅", 黄: "黃", 蓝: "藍" },
  ...{ 预: "預", 单: "單", 总: "總", 记: "記", 开: "開", 数: "數", 临: "臨", 并: "並", 诉: "訴", 发: "發" },
  ...{ 现: "現", 么: "麼", 动: "動", 问: "問", 题: "題", 变: "變", 条: "條", 调: "調", 设: "設" },
  // 匯 alone, but 汇总 (to summarise) is 彙總, the only way these words use it.
  汇: "彙",
};

function toTraditional(simplified: string): string {
  const reworded = TRADITIONAL_WORDS.reduce((text, [from, to]) => text.split(from).join(to), simplified);
  return [...reworded].map((c) => TRADITIONAL[c] ?? c).join("");
}

/** DisplayName, Description and every string resource, by a name to report them under. */
const texts: Array<[string, XmlElement]> = [
  ["DisplayName", child(manifest, "DisplayName")!],
  ["Description", child(manifest, "Description")!],
  ...(["ShortStrings", "LongStrings"] as const).flatMap((kind) =>
    [...byKind[kind]].map(([id, element]): [string, XmlElement] => [id, element]),
  ),
];

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.toString("ascii", 12, 16)).toBe("IHDR");
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function assetFor(url: string | undefined): string {
  expect(url?.startsWith(`${DEV_URL}assets/`)).toBe(true);
  return path.join(ROOT, url!.slice(DEV_URL.length));
}

interface WebpackConfig {
  plugins: Array<{
    userOptions?: { filename?: string };
    patterns?: Array<{ from: string; to?: string }>;
  }>;
}

/** The pages webpack.config.js builds, and the files it copies under a fixed name (output → source). */
function buildOutputs(): { built: Set<string>; copied: Map<string, string> } {
  const config = require("../webpack.config.js")({}, { mode: "production" }) as WebpackConfig;
  const built = new Set(config.plugins.flatMap((p) => p.userOptions?.filename ?? []));
  const patterns = config.plugins.flatMap((p) => p.patterns ?? []);
  const copied = new Map(
    patterns.filter((p) => p.to !== undefined && !p.to.includes("[")).map((p) => [p.to!, p.from]),
  );
  for (const [to, from] of copied) expect([to, existsSync(path.join(ROOT, from))]).toEqual([to, true]);
  return { built, copied };
}

/** Every page or file at the top of the build's output that a URL may name (assets/ is checked apart). */
function outputs(): Set<string> {
  const { built, copied } = buildOutputs();
  return new Set([...built, ...copied.keys()]);
}

function hasXmllint(): boolean {
  return spawnSync("xmllint", ["--version"]).status === 0;
}

describe("manifest.xml", () => {
  const missing = [
    ...(existsSync(SCHEMA) ? [] : [`the schemas (${path.relative(ROOT, SCHEMA)})`]),
    ...(hasXmllint() ? [] : ["xmllint (Debian: libxml2-utils)"]),
  ];
  // Skipped on a machine without them; in CI a missing validator is a failure, not a pass.
  const validation = missing.length === 0 || process.env.CI ? test : test.skip;

  validation("is valid against Office's add-in manifest schemas (xmllint)", () => {
    if (missing.length > 0) throw new Error(`cannot validate manifest.xml without ${missing.join(" and ")}`);
    const run = spawnSync("xmllint", ["--noout", "--schema", SCHEMA, MANIFEST], { encoding: "utf8" });
    expect(run.stderr.trim()).toBe(`${MANIFEST} validates`);
    expect(run.status).toBe(0);
  });

  test("is a task pane add-in for Excel that may edit the workbook, in English unless Office is in 中文", () => {
    expect(manifest.attrs["xsi:type"]).toBe("TaskPaneApp");
    expect(one(manifest, "Id").text).toMatch(/^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/);
    expect(child(manifest, "Hosts")!.children.map((h) => h.attrs.Name)).toEqual(["Workbook"]);
    expect(one(manifest, "Permissions").text).toBe("ReadWriteDocument");
    // The default values are English, and the schema says they are in the DefaultLocale.
    expect(one(manifest, "DefaultLocale").text).toBe("en-US");
    expect(child(child(manifest, "DefaultSettings")!, "SourceLocation")!.attrs.DefaultValue).toBe(
      `${DEV_URL}taskpane.html`,
    );
  });

  test("has the package's version", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    expect(one(manifest, "Version").text).toBe(`${version}.0`);
  });

  test("asks for the ExcelApi requirement set the Excel host needs", () => {
    const sets = all(child(manifest, "Requirements")!, "Set").map((s) => [s.attrs.Name, s.attrs.MinVersion]);
    expect(sets).toEqual([["ExcelApi", EXCEL_API]]);
  });

  test("puts four buttons in a 督办助手 group on the Home tab", () => {
    const tab = one(manifest, "OfficeTab");
    expect(tab.attrs.id).toBe("TabHome");
    const group = one(tab, "Group");
    expect(words("ShortStrings", child(group, "Label")!.attrs.resid)).toEqual({
      default: "Duban",
      "zh-CN": "督办助手",
      "zh-SG": "督办助手",
      "zh-TW": "督辦助手",
      "zh-HK": "督辦助手",
    });
    const buttons = all(group, "Control").map((control) => {
      expect(control.attrs["xsi:type"]).toBe("Button");
      const action = child(control, "Action")!;
      return {
        label: words("ShortStrings", child(control, "Label")!.attrs.resid)["zh-CN"],
        action: action.attrs["xsi:type"],
        target:
          child(action, "FunctionName")?.text ??
          resource("Urls", child(action, "SourceLocation")?.attrs.resid).attrs.DefaultValue,
      };
    });
    expect(buttons).toEqual([
      { label: "检查", action: "ExecuteFunction", target: "checkTable" },
      { label: "生成汇总", action: "ExecuteFunction", target: "generateSheets" },
      { label: "清除标记", action: "ExecuteFunction", target: "clearMarks" },
      { label: "打开面板", action: "ShowTaskpane", target: `${DEV_URL}taskpane.html` },
    ]);
  });

  test("its functions are exactly those the function file associates", async () => {
    const associated: string[] = [];
    const globals = globalThis as Record<string, unknown>;
    globals.Office = {
      onReady: (ready: (info: { host: string }) => void) => {
        ready({ host: "Excel" });
        return Promise.resolve({ host: "Excel" });
      },
      actions: { associate: (name: string) => associated.push(name) },
    };
    try {
      await jest.isolateModulesAsync(async () => {
        await import("../src/commands/commands");
      });
    } finally {
      delete globals.Office;
    }
    const functions = all(manifest, "FunctionName").map((f) => f.text);
    expect([...associated].sort()).toEqual([...functions].sort());
    expect(resource("Urls", one(manifest, "FunctionFile").attrs.resid).attrs.DefaultValue).toBe(
      `${DEV_URL}commands.html`,
    );
  });

  test("every resource it refers to exists, of the right kind", () => {
    const kindOf: Record<string, keyof typeof byKind> = {
      Image: "Images",
      FunctionFile: "Urls",
      SourceLocation: "Urls",
      Label: "ShortStrings",
      Title: "ShortStrings",
      Description: "LongStrings",
    };
    const references = (function walk(element: XmlElement): XmlElement[] {
      return element.children.flatMap((c) => [...(c.attrs.resid !== undefined ? [c] : []), ...walk(c)]);
    })(one(manifest, "VersionOverrides"));
    expect(references.length).toBeGreaterThan(20);
    for (const reference of references) {
      const kind = kindOf[localName(reference)];
      expect([reference.name, kind !== undefined && byKind[kind].has(reference.attrs.resid!)]).toEqual([
        reference.name,
        true,
      ]);
    }
  });

  test("has texts to check: the name, the description and every string resource", () => {
    expect(texts.length).toBe(2 + 5 + 4);
  });

  test.each(texts)("%s: English by default, with an override for each Chinese locale", (_, element) => {
    const { default: english, ...overrides } = localised(element);
    expect(english).toMatch(/[A-Za-z]/);
    expect(english).not.toMatch(HAN);
    expect(Object.keys(overrides)).toEqual(CHINESE_LOCALES);
    for (const locale of CHINESE_LOCALES)
      expect([locale, HAN.test(overrides[locale]!)]).toEqual([locale, true]);
  });

  test.each(texts)("%s: Singapore reads the 简体 of zh-CN; Taiwan and Hong Kong its 繁體", (_, element) => {
    const {
      "zh-CN": simplified,
      "zh-SG": singapore,
      "zh-TW": taiwan,
      "zh-HK": hongKong,
    } = localised(element);
    expect(singapore).toBe(simplified);
    expect(taiwan).toBe(toTraditional(simplified!));
    expect(hongKong).toBe(taiwan);
    expect([...taiwan!].filter((c) => c in TRADITIONAL)).toEqual([]);
  });

  test("the 繁體 words differ wherever the 简体 hold a simplified-only character", () => {
    for (const [name, element] of texts) {
      const { "zh-CN": simplified, "zh-TW": taiwan } = localised(element);
      if ([...simplified!].some((c) => c in TRADITIONAL))
        expect([name, taiwan]).not.toEqual([name, simplified]);
    }
    // A character mapped to itself, or to another key, would let a simplified one through.
    for (const [from, to] of Object.entries(TRADITIONAL)) {
      expect([from, to === from || to in TRADITIONAL]).toEqual([from, false]);
    }
  });

  test("only words have overrides: URLs and icons are the same in every language", () => {
    const overridden = [...byKind.Images.values(), ...byKind.Urls.values()].filter(
      (element) => element.children.length > 0,
    );
    expect(overridden.map((element) => element.attrs.id)).toEqual([]);
  });

  test("names a support page over https, which the build copies, in 中文 and English", () => {
    const url = child(manifest, "SupportUrl")?.attrs.DefaultValue;
    expect(url).toBe(`${DEV_URL}support.html`);
    // Office and the store take https only; the build swaps DEV_URL for ADDIN_URL, which is https too.
    expect(new URL(url!).protocol).toBe("https:");
    const { copied } = buildOutputs();
    const source = copied.get("support.html");
    expect(source).toBe("src/support/support.html");
    const page = readFileSync(path.join(ROOT, source!), "utf8");
    expect(page).toMatch(HAN);
    expect(page).toContain('lang="en"');
    expect(page).not.toMatch(/<script\b/i);
    // Its links stay on the add-in's own site, at files the build makes.
    const links = new Set([...page.matchAll(/\bhref="([^"#]+)"/g)].map((m) => m[1]!));
    expect(links).toEqual(new Set(["README.md", "workbench.html"]));
    const files = outputs();
    for (const link of links) expect([link, files.has(link)]).toEqual([link, true]);
  });

  test("every URL is on the dev server and names a page the build makes or a file in assets/", () => {
    const { built } = buildOutputs();
    // The workbench page is built too, though the manifest never names it (it runs outside Office).
    expect(built).toEqual(new Set(["taskpane.html", "commands.html", "report.html", "workbench.html"]));
    const pages = outputs();
    const urls = (function walk(element: XmlElement): string[] {
      const own = Object.entries(element.attrs)
        .filter(([key, value]) => !key.startsWith("xmlns") && /^[a-z]+:\/\//i.test(value))
        .map(([, value]) => value);
      return [...own, ...element.children.flatMap(walk)];
    })(manifest);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url.startsWith(DEV_URL)).toBe(true);
      const file = url.slice(DEV_URL.length);
      if (file.startsWith("assets/")) expect([file, existsSync(path.join(ROOT, file))]).toEqual([file, true]);
      else expect([file, pages.has(file)]).toEqual([file, true]);
    }
  });

  test("every icon is a PNG of the size Office shows it at", () => {
    const uses: Array<[string, number]> = [
      [child(manifest, "IconUrl")!.attrs.DefaultValue!, 32],
      [child(manifest, "HighResolutionIconUrl")!.attrs.DefaultValue!, 64],
      ...all(one(manifest, "VersionOverrides"), "Image")
        .filter((image) => image.attrs.resid !== undefined)
        .map((image): [string, number] => [
          resource("Images", image.attrs.resid).attrs.DefaultValue!,
          Number(image.attrs.size),
        ]),
    ];
    expect(uses.length).toBe(2 + 5 * 3);
    for (const [url, size] of uses) {
      expect([url, pngSize(assetFor(url))]).toEqual([url, { width: size, height: size }]);
    }
  });

  test("the icons in assets/ are what scripts/make-icons.ts draws", () => {
    for (const design of ICONS) {
      for (const size of design.sizes) {
        const file = path.join(ROOT, "assets", `${design.name}-${size}.png`);
        expect([file, readFileSync(file).equals(encodePng(size, size, rasterise(design, size)))]).toEqual([
          file,
          true,
        ]);
      }
    }
  });
});
