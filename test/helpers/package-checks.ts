// Package checks independent of Duban's own code: zip parts, namespace-aware XML, openpyxl, LibreOffice.

import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { TextDecoder } from "node:util";
import { unzipSync } from "fflate";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { convertAllWithLibreOffice, findSoffice } from "./libreoffice";

/** Debian's Python, which has python3-openpyxl and friends; the first python3 on PATH may be another one. */
export const PYTHON = process.env.DUBAN_PYTHON ?? "/usr/bin/python3";

/**
 * Every zip entry of `file` (directories left out), uncompressed, keyed by the entry's own name; with `asParts`,
 * by the part it is: backslashes read as the folder separators they stand for (as Excel reads them), and the
 * content types stream under its one spelling, so that an input named so and its copy compare part by part.
 */
export function partBytes(file: string, asParts = false): Map<string, Uint8Array> {
  const entries = unzipSync(readFileSync(file));
  const parts = new Map<string, Uint8Array>();
  for (const name of Object.keys(entries).sort()) {
    if (name.endsWith("/")) continue;
    let key = name;
    if (asParts) {
      key = name.replace(/\\/g, "/");
      if (key.toLowerCase() === "[content_types].xml") key = "[Content_Types].xml";
    }
    parts.set(key, entries[name]!);
  }
  return parts;
}

export interface PartChanges {
  readonly changed: string[];
  readonly added: string[];
  readonly removed: string[];
}

/** Which parts differ between two packages, by uncompressed bytes (compression and zip order do not count). */
export function changedParts(input: string, output: string): PartChanges {
  const before = partBytes(input, true);
  const after = partBytes(output, true);
  const changed: string[] = [];
  const added: string[] = [];
  const removed: string[] = [];
  for (const [name, bytes] of before) {
    const other = after.get(name);
    if (!other) removed.push(name);
    else if (!sameBytes(bytes, other) && !sameXmlInOtherEncoding(bytes, other)) changed.push(name);
  }
  for (const name of after.keys()) if (!before.has(name)) added.push(name);
  return { changed, added, removed };
}

/**
 * Whether two parts, one of them XML in UTF-16, hold the same text: a part read from UTF-16 and written again
 * as UTF-8 (its declaration saying so) is the same part (OPC allows both encodings).
 */
function sameXmlInOtherEncoding(a: Uint8Array, b: Uint8Array): boolean {
  const utf16 = (bytes: Uint8Array) =>
    (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16(a) && !utf16(b)) return false;
  const text = (bytes: Uint8Array) => decodeXml(bytes).replace(/^(<\?xml[^?]*?encoding=["'])[^"']*/i, "$1");
  try {
    return text(a) === text(b);
  } catch {
    return false;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && Buffer.from(a.buffer, a.byteOffset, a.length).equals(b);
}

/**
 * Every XML part of `file` that does not parse namespace-aware, as "part: error" lines; empty when all parse.
 * XML parts are those named .xml or .rels and those [Content_Types].xml gives an XML content type. A DOCTYPE
 * is a problem too: OPC forbids it (ECMA-376 Part 2), and readers refuse it.
 */
export function xmlPartProblems(file: string): string[] {
  let parts: Map<string, Uint8Array>;
  try {
    parts = partBytes(file);
  } catch (error) {
    return [`${file}: not a zip package: ${String(error)}`];
  }
  const problems: string[] = [];
  const xmlByType = new Set<string>();
  const contentTypes = parts.get("[Content_Types].xml");
  if (!contentTypes) problems.push("[Content_Types].xml: missing");
  else {
    const types = contentTypeMap(contentTypes, parts);
    for (const [name, type] of types) if (isXmlContentType(type)) xmlByType.add(name);
  }
  for (const [name, bytes] of parts) {
    if (!/\.(xml|rels)$/i.test(name) && !xmlByType.has(name)) continue;
    for (const problem of xmlProblems(bytes)) problems.push(`${name}: ${problem}`);
  }
  return problems;
}

/** Problems parsing one XML document namespace-aware; at most a few, since one slip can cascade. */
export function xmlProblems(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  let text: string;
  try {
    text = decodeXml(bytes);
  } catch (error) {
    return [String(error instanceof Error ? error.message : error)];
  }
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", (error) => {
    if (problems.length < 5) problems.push(error.message);
  });
  parser.on("doctype", () => problems.push("has a DOCTYPE"));
  try {
    parser.write(text).close();
  } catch (error) {
    problems.push(String(error instanceof Error ? error.message : error));
  }
  return problems;
}

/** UTF-8, or UTF-16 with its byte-order mark, which are the only encodings OPC allows for XML parts. */
export function decodeXml(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder("utf-16le", { fatal: true }).decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder("utf-16be", { fatal: true }).decode(bytes);
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Error("not valid UTF-8 (and no UTF-16 byte-order mark)");
  }
}

/** Zip entry name -> content type, from the Override and Default elements of [Content_Types].xml. */
export function contentTypeMap(
  contentTypes: Uint8Array,
  parts: Map<string, Uint8Array>,
): Map<string, string> {
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const parser = new SaxesParser({ xmlns: true });
  parser.on("error", () => undefined); // xmlPartProblems reports it when it parses the part itself.
  parser.on("opentag", (tag) => {
    const attr = (name: string) => tag.attributes[name]?.value;
    const type = attr("ContentType");
    if (!type) return;
    if (tag.local === "Default" && attr("Extension")) defaults.set(attr("Extension")!.toLowerCase(), type);
    if (tag.local === "Override" && attr("PartName")) {
      overrides.set(attr("PartName")!.replace(/^\//, "").toLowerCase(), type);
    }
  });
  try {
    parser.write(decodeXml(contentTypes)).close();
  } catch {
    // As above: reported elsewhere.
  }
  const types = new Map<string, string>();
  for (const name of parts.keys()) {
    // Part names are compared case-insensitively (OPC), zip entry names are not.
    const type = overrides.get(name.toLowerCase()) ?? defaults.get(extname(name).slice(1).toLowerCase());
    if (type) types.set(name, type);
  }
  return types;
}

function isXmlContentType(type: string): boolean {
  const bare = type.split(";")[0]!.trim().toLowerCase();
  return bare.endsWith("+xml") || bare === "application/xml" || bare === "text/xml";
}

export interface Relationship {
  readonly id: string;
  readonly type: string;
  /** The target part's zip entry name; for an external target, the target as written. */
  readonly target: string;
  readonly external: boolean;
}

/** The relationships part of `part` (`xl/workbook.xml` -> `xl/_rels/workbook.xml.rels`; "" for the package). */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** The relationships of `source` ("" for the package's own), targets resolved to zip entry names. */
export function relationshipsOf(parts: Map<string, Uint8Array>, source: string): Relationship[] {
  const rels = parts.get(relsPartOf(source));
  if (!rels) return [];
  const found: Relationship[] = [];
  parseXml(rels, (tag) => {
    if (tag.local !== "Relationship") return;
    const attr = (name: string) => tag.attributes[name]?.value ?? "";
    const external = attr("TargetMode") === "External";
    const target = external ? attr("Target") : resolveTarget(source, attr("Target"));
    found.push({ id: attr("Id"), type: attr("Type"), target, external });
  });
  return found;
}

/** A relationship target as a zip entry name: absolute targets from the package root, others from the source's folder. */
export function resolveTarget(source: string, target: string): string {
  let decoded = target;
  try {
    decoded = decodeURIComponent(target);
  } catch {
    // Not percent-encoded after all.
  }
  const base = decoded.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const segment of decoded.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") base.pop();
    else base.push(segment);
  }
  return base.join("/");
}

export interface WorkbookParts {
  readonly workbook: string;
  readonly workbookRels: string;
  readonly styles?: string;
  readonly sharedStrings?: string;
  /** Every sheet in workbook order, with its part (worksheets, chartsheets, dialog sheets alike). */
  readonly sheets: ReadonlyArray<{ name: string; part: string; type: string }>;
  readonly strict: boolean;
}

/** The workbook part and what it names, read by relationship type (transitional or Strict) from the package. */
export function workbookParts(fileOrParts: string | Map<string, Uint8Array>): WorkbookParts {
  const parts = typeof fileOrParts === "string" ? partBytes(fileOrParts) : fileOrParts;
  const office = relationshipsOf(parts, "").find((r) => r.type.endsWith("/officeDocument"));
  if (!office) throw new Error("no officeDocument relationship in _rels/.rels");
  const workbook = office.target;
  const rels = relationshipsOf(parts, workbook);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const bytes = parts.get(workbook);
  if (!bytes) throw new Error(`the workbook part ${workbook} is missing`);
  const sheets: Array<{ name: string; part: string; type: string }> = [];
  let strict = false;
  parseXml(bytes, (tag, depth) => {
    if (depth === 0)
      strict = tag.attributes.conformance?.value === "strict" || tag.uri.startsWith(STRICT_PREFIX);
    if (tag.local !== "sheet") return;
    const idAttr = Object.values(tag.attributes).find(
      (a) => a.local === "id" && a.uri.endsWith("/relationships"),
    );
    const rel = idAttr ? byId.get(idAttr.value) : undefined;
    if (rel) sheets.push({ name: tag.attributes.name?.value ?? "", part: rel.target, type: rel.type });
  });
  return {
    workbook,
    workbookRels: relsPartOf(workbook),
    styles: rels.find((r) => r.type.endsWith("/styles"))?.target,
    sharedStrings: rels.find((r) => r.type.endsWith("/sharedStrings"))?.target,
    sheets,
    strict,
  };
}

const STRICT_PREFIX = "http://purl.oclc.org/ooxml/";

/** A namespace or relationship-type URI of the other conformance class than the package's, if it is one. */
function foreignUri(uri: string, strict: boolean): boolean {
  if (!strict) return uri.startsWith(STRICT_PREFIX);
  return (
    uri.startsWith("http://schemas.openxmlformats.org/") &&
    !uri.startsWith("http://schemas.openxmlformats.org/package/") &&
    !uri.startsWith("http://schemas.openxmlformats.org/markup-compatibility/")
  );
}

/**
 * Namespaces and relationship types of the other conformance class than the workbook's (a transitional namespace
 * in a Strict package, or a Strict one in a transitional package), as "part: uri" lines; empty when consistent.
 */
export function conformanceProblems(file: string): string[] {
  const parts = partBytes(file);
  const { strict } = workbookParts(parts);
  const contentTypes = contentTypeMap(parts.get("[Content_Types].xml") ?? new Uint8Array(), parts);
  const problems: string[] = [];
  for (const [name, bytes] of parts) {
    const type = contentTypes.get(name);
    if (!/\.(xml|rels)$/i.test(name) && !(type && isXmlContentType(type))) continue;
    const foreign = new Set<string>();
    parseXml(bytes, (tag) => {
      const uris = [tag.uri, ...Object.values(tag.ns), ...Object.values(tag.attributes).map((a) => a.uri)];
      if (tag.local === "Relationship") uris.push(tag.attributes.Type?.value ?? "");
      if (tag.local === "graphicData") uris.push(tag.attributes.uri?.value ?? "");
      for (const uri of uris) if (uri && foreignUri(uri, strict)) foreign.add(uri);
    });
    for (const uri of foreign) problems.push(`${name}: ${strict ? "transitional" : "Strict"} ${uri}`);
  }
  return problems;
}

/** Calls `onTag` for every start tag of a namespace-aware parse; ill-formed XML is xmlPartProblems' to report. */
function parseXml(bytes: Uint8Array, onTag: (tag: SaxesTagNS, depth: number) => void): void {
  const parser = new SaxesParser({ xmlns: true });
  let depth = 0;
  parser.on("error", () => undefined);
  parser.on("opentag", (tag) => {
    onTag(tag, depth++);
  });
  // saxes closes a self-closing tag with its own closetag event too.
  parser.on("closetag", () => depth--);
  try {
    parser.write(decodeXml(bytes)).close();
  } catch {
    // As above.
  }
}

export interface OpenpyxlResult {
  readonly ok: boolean;
  readonly sheets?: string[];
  readonly error?: string;
}

const OPENPYXL_OPEN = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print(json.dumps(wb.sheetnames))
`;

/** Whether openpyxl's load_workbook reads `file`, and the sheet names it sees. */
export function openpyxlOpens(file: string): OpenpyxlResult {
  const result = spawnSync(PYTHON, ["-c", OPENPYXL_OPEN, file], {
    encoding: "utf8",
    timeout: 120_000,
    env: { ...process.env, PYTHONIOENCODING: "utf-8", PYTHONWARNINGS: "ignore" },
  });
  if (result.error) return { ok: false, error: result.error.message };
  if (result.status !== 0) {
    const lines = result.stderr.trim().split("\n");
    // The traceback's last line names the exception; the rest is openpyxl's internals.
    return { ok: false, error: lines[lines.length - 1] ?? `exit ${result.status}` };
  }
  try {
    return { ok: true, sheets: JSON.parse(result.stdout) as string[] };
  } catch {
    return { ok: false, error: `unexpected output: ${result.stdout}` };
  }
}

/**
 * Converts every file to PDF in one LibreOffice run (one start of the program is most of the time) and tells, by
 * input path, whether a non-empty PDF with at least one page came out. Inputs must have distinct base names, as
 * their PDFs share `outDir`.
 */
export async function libreOfficeRenders(
  files: string[],
  outDir: string,
  soffice: string | undefined = findSoffice(),
  timeoutMs = 900_000,
): Promise<Map<string, boolean>> {
  if (!soffice)
    throw new Error("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui");
  const pdfOf = (file: string) => join(outDir, `${basename(file, extname(file))}.pdf`);
  const names = new Set(files.map(pdfOf));
  if (names.size !== files.length)
    throw new Error("libreOfficeRenders: input files need distinct base names");
  for (const name of names) rmSync(name, { force: true });
  await convertAllWithLibreOffice(soffice, files, "pdf", outDir, { timeoutMs });
  const rendered = new Map<string, boolean>();
  for (const file of files) rendered.set(file, pdfHasPages(pdfOf(file)));
  return rendered;
}

function pdfHasPages(pdf: string): boolean {
  if (!existsSync(pdf) || statSync(pdf).size === 0) return false;
  if (!onPath("pdfinfo")) return readFileSync(pdf).subarray(0, 5).toString("latin1") === "%PDF-";
  const info = spawnSync("pdfinfo", [pdf], { encoding: "utf8" });
  const pages = /^Pages:\s+(\d+)/m.exec(info.stdout ?? "");
  return info.status === 0 && pages !== null && Number(pages[1]) >= 1;
}

/** Whether `program` is an executable on PATH. */
export function onPath(program: string): boolean {
  return (process.env.PATH ?? "")
    .split(":")
    .filter(Boolean)
    .some((dir) => {
      try {
        accessSync(join(dir, program), constants.X_OK);
        return true;
      } catch {
        return false;
      }
    });
}

const pythonChecked = new Map<string, boolean>();

/** Whether Debian's Python can import every one of `modules`. */
export function pythonHas(modules: readonly string[]): boolean {
  const key = [...modules].sort().join(",");
  let known = pythonChecked.get(key);
  if (known === undefined) {
    const result = spawnSync(PYTHON, ["-c", `import ${key || "sys"}`], { encoding: "utf8" });
    known = result.status === 0;
    pythonChecked.set(key, known);
  }
  return known;
}

const PYTHON_HINT = "apt-get install -y python3-openpyxl python3-xlsxwriter python3-pandas";

/** Why Debian's Python cannot run a test that needs `modules`, or undefined when it can. */
export function pythonMissing(modules: readonly string[] = ["openpyxl"]): string | undefined {
  return pythonHas(modules) ? undefined : `${PYTHON} lacks ${modules.join(", ")}: ${PYTHON_HINT}`;
}

/**
 * `test` when nothing it needs is `missing`. Otherwise the test is skipped on a developer's machine but fails under
 * CI (where `CI` is set), so that a CI image without the program cannot pass by skipping.
 */
export function testRequiring(
  missing: string | undefined,
  name: string,
  fn: () => Promise<void> | void,
  timeoutMs?: number,
): void {
  if (missing === undefined) {
    test(name, async () => await fn(), timeoutMs);
  } else if (process.env.CI) {
    test(name, () => {
      throw new Error(`required under CI for this test: ${missing}`);
    });
  } else {
    test.skip(`${name} (${missing})`, () => undefined);
  }
}

/** `test` with Debian's Python and `modules` (openpyxl by default), in the manner of testWithLibreOffice. */
export function testWithPython(
  name: string,
  fn: (python: string) => Promise<void> | void,
  timeoutMs = 120_000,
  modules: readonly string[] = ["openpyxl"],
): void {
  testRequiring(pythonMissing(modules), name, () => fn(PYTHON), timeoutMs);
}
