// Property tests for the xlsx write path: random well-formed packages that spell their namespaces every way a
// producer may (prefixes on the root, an ancestor or the element, default namespaces, comments, CDATA, PIs,
// mc:AlternateContent, extLst, foreign elements), written to by applyDuban and cleared by clearDuban, checked
// with saxes directly so that the checks do not trust src/hosts/xlsx/xml.ts.

import fc from "fast-check";
import { strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { SaxesParser, type SaxesTagNS } from "saxes";
import { HIGHLIGHT_KINDS, type HighlightKind, type HighlightMark } from "../src/core/output/highlights";
import type { GeneratedKind, SheetSpec } from "../src/core/output/spec";
import { styleSheet } from "../src/core/output/styles";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { NODE_CODEC } from "../src/hosts/xlsx/node-codec";
import { OpcPackage } from "../src/hosts/xlsx/package";
import { clearDuban } from "../src/hosts/xlsx/write/apply";
import { applyDuban } from "../src/hosts/xlsx/write/check";
import type { WritePlan } from "../src/core/output/plan";

// Written out here rather than imported from opc.ts, so that a wrong constant there cannot hide.
const CLASSES = {
  transitional: {
    main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    relationships: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  },
  strict: {
    main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
    relationships: "http://purl.oclc.org/ooxml/officeDocument/relationships",
  },
} as const;
type Namespaces = (typeof CLASSES)[keyof typeof CLASSES];
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CONTENT_TYPES = "http://schemas.openxmlformats.org/package/2006/content-types";
const MC = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main";
const X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac";
const X15 = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/main";
const X15AC = "http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac";
const XM = "http://schemas.microsoft.com/office/excel/2006/main";
const FOREIGN = "urn:example:foreign";
const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
/** Enough to meet every spelling many times over (about 0.1 s each); DUBAN_PROPERTY_RUNS asks for more. */
const RUNS = Number(process.env.DUBAN_PROPERTY_RUNS ?? 150);
const WORKSHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";

// ---------------------------------------------------------------------------------------------------------
// The shape of a random package: every field picks one spelling; the first choice of each is the plainest,
// so that fast-check shrinks a failure towards an ordinary workbook with one odd spelling left.
// ---------------------------------------------------------------------------------------------------------

type ValueOf<A> = A extends fc.Arbitrary<infer T> ? T : never;

const TAIL = [
  "sheetProtection",
  "autoFilter",
  "mergeCells",
  "conditionalFormatting",
  "conditionalFormatting2",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "ignoredErrors",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "AlternateContent",
  "tableParts",
  "extLst",
] as const;
type TailElement = (typeof TAIL)[number];

const SHEET_NAMES = ["Sheet1", "任务表", "R&D <1>", "It's", "汇总"] as const;

const specShape = fc.record({
  name: fc.constantFrom("汇总", "排名", "Sheet1", "It's 问题"),
  kind: fc.constantFrom<GeneratedKind>("summary", "ranking", "issues"),
  repeatRows: fc.boolean(),
  autoFilter: fc.boolean(),
  landscape: fc.boolean(),
  dataBar: fc.boolean(),
});
type SpecShape = ValueOf<typeof specShape>;

const markShape = fc.record({
  row: fc.nat(7),
  column: fc.nat(3),
  kind: fc.constantFrom<HighlightKind>("overdue", "data", "dueSoon", "doneLate"),
});

/**
 * Where a container's namespace is declared: with the root's prefix ("root"); by the container itself under
 * another prefix ("own"); or that, with the root's prefix bound to something else inside it ("rebind").
 */
const declarations = fc.constantFrom<Declarations>("root", "own", "rebind");
type Declarations = "root" | "own" | "rebind";

const shapeArbitrary = fc.record({
  strict: fc.boolean(),
  prolog: fc.constantFrom(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`,
    "",
    `<?xml version='1.0' encoding='utf-8'?>`,
  ),
  bom: fc.boolean(),
  gap: fc.constantFrom("", "\n", "\r\n  ", "\n\t\t"),
  comments: fc.boolean(),
  sheetNames: fc.uniqueArray(fc.constantFrom(...SHEET_NAMES), { minLength: 1, maxLength: 3 }),
  task: fc.nat(2),
  partNames: fc.constantFrom("sheetN", "SheetN", "gap"),
  target: fc.constantFrom("relative", "dot", "absolute"),
  workbook: fc.record({
    prefix: fc.constantFrom("", "x", "main", "s"),
    defaultForeign: fc.boolean(),
    relPlace: fc.constantFrom("root", "sheets", "each"),
    relPrefix: fc.constantFrom("r", "rel", "r2"),
    shadowR: fc.boolean(),
    transitionalIds: fc.boolean(),
    sheetsDecl: declarations,
    date1904: fc.boolean(),
    alternateContent: fc.boolean(),
    definedNames: fc.constantFrom("absent", "selfClosing", "empty", "names"),
    definedNamesDecl: declarations,
    after: fc.subarray(["calcPr", "foreign", "extLst"] as const),
  }),
  rels: fc.record({
    prefix: fc.constantFrom("", "pr"),
    stylesFirst: fc.boolean(),
    takenId: fc.boolean(),
  }),
  types: fc.record({
    prefix: fc.constantFrom("", "ct"),
    upperCase: fc.boolean(),
    overrides: fc.boolean(),
  }),
  styles: fc.record({
    prefix: fc.constantFrom("", "x", "s"),
    numFmts: fc.constantFrom("one", "absent", "selfClosing"),
    fonts: fc.constantFrom("scheme", "plain", "absent"),
    fills: fc.constantFrom("two", "absent"),
    borders: fc.constantFrom("one", "absent", "selfClosing"),
    cellXfs: fc.constantFrom("one", "absent"),
    dxfs: fc.constantFrom("absent", "selfClosing", "empty", "one"),
    containers: declarations,
    tail: fc.subarray(["tableStyles", "colors", "extLst"] as const),
  }),
  sheet: fc.record({
    prefix: fc.constantFrom("", "x"),
    relPrefix: fc.constantFrom("r", "rel"),
    relOnEach: fc.boolean(),
    sheetDataOwnDefault: fc.boolean(),
    rows: fc.integer({ min: 0, max: 5 }),
    traps: fc.boolean(),
    head: fc.subarray(["sheetPr", "cols"] as const),
    tail: fc.subarray([...TAIL]),
  }),
  marks: fc.array(markShape, { maxLength: 6 }),
  specs: fc.array(specShape, { maxLength: 2 }),
  stored: fc.boolean(),
});
type Shape = ValueOf<typeof shapeArbitrary>;

// ---------------------------------------------------------------------------------------------------------
// Building the package
// ---------------------------------------------------------------------------------------------------------

const q = (prefix: string, local: string) => (prefix ? `${prefix}:${local}` : local);
const xmlns = (prefix: string, uri: string) => ` ${prefix ? `xmlns:${prefix}` : "xmlns"}="${uri}"`;
/** The prefix a container and its items use, and the declarations on its start tag (see Declarations). */
function spelled(rootPrefix: string, main: string, how: Declarations): { prefix: string; decls: string } {
  if (how === "root") return { prefix: rootPrefix, decls: "" };
  const prefix = rootPrefix ? "" : "m";
  return { prefix, decls: xmlns(prefix, main) + (how === "rebind" ? xmlns(rootPrefix, FOREIGN) : "") };
}
const escape = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

interface Built {
  readonly files: Map<string, Uint8Array>;
  readonly ns: Namespaces;
  readonly taskName: string;
  readonly taskPart: string;
  readonly workbookPart: string;
  readonly stylesPart: string;
  readonly workbookRelsPart: string;
  readonly bom: boolean;
}

/**
 * What a producer may leave behind for a sheet it deleted, at the part names Duban takes next: the sheet's
 * relationships part, or its content type Override.
 */
type Leftovers = "none" | "orphanRels" | "staleOverride";

function build(shape: Shape, leftovers: Leftovers = "none"): Built {
  const ns = shape.strict ? CLASSES.strict : CLASSES.transitional;
  const relType = (kind: string) => `${ns.relationships}/${kind}`;
  const files = new Map<string, Uint8Array>();
  const encode = (text: string) => strToU8((shape.bom ? "\uFEFF" : "") + shape.prolog + text);
  const join = (pieces: readonly string[]) => pieces.filter((p) => p !== "").join(shape.gap);
  const comment = (text: string) => (shape.comments ? `<!-- ${text} -->` : "");
  const pi = (text: string) => (shape.comments ? `<?duban-test ${text}?>` : "");

  const names = shape.sheetNames;
  const task = shape.task % names.length;
  const partOf = (i: number) => {
    const n = shape.partNames === "gap" ? i + 2 : i + 1;
    return `xl/worksheets/${shape.partNames === "SheetN" ? "Sheet" : "sheet"}${n}.xml`;
  };
  const taken = new Set(names.map((_, i) => partOf(i).toLowerCase()));
  const nextParts = [1, 2, 3]
    .map((n) => `xl/worksheets/sheet${names.length + n}.xml`)
    .filter((part) => !taken.has(part));
  const targetOf = (part: string) => {
    const inXl = part.slice("xl/".length);
    return shape.target === "absolute" ? `/${part}` : shape.target === "dot" ? `./${inXl}` : inXl;
  };

  // [Content_Types].xml
  const ct = shape.types.prefix;
  const partName = (part: string) => (shape.types.upperCase ? `/${part}`.toUpperCase() : `/${part}`);
  const override = (part: string, type: string) =>
    `<${q(ct, "Override")} PartName="${partName(part)}" ContentType="${type}"/>`;
  files.set(
    "[Content_Types].xml",
    encode(
      `<${q(ct, "Types")}${xmlns(ct, CONTENT_TYPES)}>` +
        join([
          `<${q(ct, "Default")} Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`,
          `<${q(ct, "Default")} Extension="xml" ContentType="application/xml"/>`,
          `<${q(ct, "Default")} Extension="png" ContentType="image/png"/>`,
          `<${q(ct, "Default")} Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>`,
          comment("Overrides <Override PartName='/x'/> follow"),
          override(
            "xl/workbook.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
          ),
          override("xl/styles.xml", "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"),
          override("xl/theme/theme1.xml", "application/vnd.openxmlformats-officedocument.theme+xml"),
          ...(shape.types.overrides ? names.map((_, i) => override(partOf(i), WORKSHEET_TYPE)) : []),
          ...(leftovers === "staleOverride" ? nextParts.map((part) => override(part, WORKSHEET_TYPE)) : []),
          override("xl/drawings/drawing1.xml", "application/vnd.openxmlformats-officedocument.drawing+xml"),
          override("xl/drawings/drawing2.xml", "application/vnd.openxmlformats-officedocument.drawing+xml"),
          override(
            "xl/tables/table1.xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
          ),
          override("docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
        ]) +
        `</${q(ct, "Types")}>`,
    ),
  );

  // _rels/.rels and docProps
  files.set(
    "_rels/.rels",
    encode(
      `<Relationships xmlns="${PKG_RELS}">` +
        `<Relationship Id="rId1" Type="${relType("officeDocument")}" Target="${shape.target === "absolute" ? "/" : ""}xl/workbook.xml"/>` +
        `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
        `</Relationships>`,
    ),
  );
  files.set(
    "docProps/core.xml",
    encode(
      `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
        `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>张三</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-05T08:00:00Z</dcterms:created></cp:coreProperties>`,
    ),
  );
  files.set(
    "xl/theme/theme1.xml",
    encode(`<a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Office"/>`),
  );

  // xl/workbook.xml
  const wb = shape.workbook;
  const p = wb.prefix;
  const rp = wb.relPrefix;
  const idNs = shape.strict && wb.transitionalIds ? CLASSES.transitional.relationships : ns.relationships;
  // `r` bound to something else on the root, while the real namespace has another prefix or rebinds `r`
  // below it (on <sheets> or on each <sheet>).
  const shadow = wb.shadowR && (rp !== "r" || wb.relPlace !== "root") ? xmlns("r", FOREIGN) : "";
  const { prefix: sp, decls: sheetsDecls } = spelled(p, ns.main, wb.sheetsDecl);
  const sheetElements = names.map(
    (name, i) =>
      `<${q(sp, "sheet")}${wb.relPlace === "each" ? xmlns(rp, idNs) : ""} name="${escape(name)}" ` +
      `sheetId="${i + 3}" ${rp}:id="rId${i + 1}"/>`,
  );
  const { prefix: dp, decls: namesDecls } = spelled(p, ns.main, wb.definedNamesDecl);
  const firstSheet = `'${escape(names[0]!.replace(/'/g, "''"))}'`;
  const definedNames: Record<Shape["workbook"]["definedNames"], string> = {
    absent: "",
    selfClosing: `<${q(dp, "definedNames")}${namesDecls}/>`,
    empty: `<${q(dp, "definedNames")}${namesDecls}></${q(dp, "definedNames")}>`,
    names:
      `<${q(dp, "definedNames")}${namesDecls}>${comment("<definedName>")}` +
      `<${q(dp, "definedName")} name="Total" localSheetId="0">${firstSheet}!$A$1</${q(dp, "definedName")}>` +
      `<${q(dp, "definedName")} name="Everything"><![CDATA[$A$1:$C$9 </definedNames>]]></${q(dp, "definedName")}>` +
      `</${q(dp, "definedNames")}>`,
  };
  const after: Record<Shape["workbook"]["after"][number], string> = {
    calcPr: `<${q(p, "calcPr")} calcId="191029"/>`,
    foreign: `<foo:settings${xmlns("foo", FOREIGN)}><foo:item/></foo:settings>`,
    extLst:
      `<${q(p, "extLst")}><${q(p, "ext")} uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}"${xmlns("x15", X15)}>` +
      `<x15:workbookPr chartTrackingRefBase="1"/></${q(p, "ext")}></${q(p, "extLst")}>`,
  };
  files.set(
    "xl/workbook.xml",
    encode(
      `<${q(p, "workbook")}${xmlns(p, ns.main)}${p && wb.defaultForeign ? xmlns("", FOREIGN) : ""}` +
        `${wb.relPlace === "root" ? xmlns(rp, idNs) : ""}${shadow}` +
        `${xmlns("mc", MC)} mc:Ignorable="x15"${xmlns("x15", X15)}>` +
        join([
          pi("workbook </sheets>"),
          `<${q(p, "fileVersion")} appName="xl" lastEdited="7"/>`,
          `<${q(p, "workbookPr")}${wb.date1904 ? ` date1904="1"` : ""}/>`,
          wb.alternateContent
            ? `<mc:AlternateContent><mc:Choice Requires="x15">` +
              `<x15ac:absPath xmlns:x15ac="${X15AC}" url="C:\\工作\\"/></mc:Choice></mc:AlternateContent>`
            : "",
          `<${q(p, "bookViews")}><${q(p, "workbookView")} activeTab="${task}"/></${q(p, "bookViews")}>`,
          comment("<sheets> come next </sheets>"),
          `<${q(sp, "sheets")}${sheetsDecls}` +
            `${wb.relPlace === "sheets" ? xmlns(rp, idNs) : ""}>` +
            join(sheetElements) +
            `</${q(sp, "sheets")}>`,
          definedNames[wb.definedNames],
          ...wb.after.map((name) => after[name]),
        ]) +
        `</${q(p, "workbook")}>`,
    ),
  );

  // xl/_rels/workbook.xml.rels
  const rl = shape.rels.prefix;
  const rel = (id: string, kind: string, target: string) =>
    `<${q(rl, "Relationship")} Id="${id}" Type="${relType(kind)}" Target="${target}"/>`;
  const sheetRels = names.map((_, i) => rel(`rId${i + 1}`, "worksheet", targetOf(partOf(i))));
  const other = [
    rel(shape.rels.takenId ? "rIdDuban1" : "rId90", "styles", targetOf("xl/styles.xml")),
    rel("rId91", "theme", targetOf("xl/theme/theme1.xml")),
  ];
  files.set(
    "xl/_rels/workbook.xml.rels",
    encode(
      `<${q(rl, "Relationships")}${xmlns(rl, PKG_RELS)}>` +
        join(
          shape.rels.stylesFirst ? [...other, comment("sheets"), ...sheetRels] : [...sheetRels, ...other],
        ) +
        `</${q(rl, "Relationships")}>`,
    ),
  );

  files.set("xl/styles.xml", encode(stylesXml(shape, ns, join, comment)));

  // The worksheets: the task sheet with everything, the others plain.
  names.forEach((_, i) => {
    const sheetPrefix = shape.sheet.prefix;
    const xml =
      i === task
        ? taskSheetXml(shape, ns, join, comment, pi)
        : `<${q(sheetPrefix, "worksheet")}${xmlns(sheetPrefix, ns.main)}><${q(sheetPrefix, "sheetData")}>` +
          `<${q(sheetPrefix, "row")} r="1"><${q(sheetPrefix, "c")} r="A1"><${q(sheetPrefix, "v")}>1</${q(sheetPrefix, "v")}>` +
          `</${q(sheetPrefix, "c")}></${q(sheetPrefix, "row")}></${q(sheetPrefix, "sheetData")}></${q(sheetPrefix, "worksheet")}>`;
    files.set(partOf(i), encode(xml));
  });
  const taskPart = partOf(task);
  const slash = taskPart.lastIndexOf("/");
  files.set(
    `${taskPart.slice(0, slash)}/_rels/${taskPart.slice(slash + 1)}.rels`,
    encode(
      `<Relationships xmlns="${PKG_RELS}">` +
        `<Relationship Id="rId1" Type="${relType("hyperlink")}" Target="https://example.com/?a=1&amp;b=2" TargetMode="External"/>` +
        `<Relationship Id="rId2" Type="${relType("drawing")}" Target="../drawings/drawing1.xml"/>` +
        `<Relationship Id="rId3" Type="${relType("vmlDrawing")}" Target="/xl/drawings/vmlDrawing1.vml"/>` +
        `<Relationship Id="rId4" Type="${relType("vmlDrawing")}" Target="../drawings/vmlDrawing2.vml"/>` +
        `<Relationship Id="rId5" Type="${relType("table")}" Target="../tables/table1.xml"/>` +
        `<Relationship Id="rId6" Type="${relType("drawing")}" Target="../drawings/drawing2.xml"/>` +
        `<Relationship Id="rId7" Type="${relType("image")}" Target="../media/image1.png"/>` +
        `</Relationships>`,
    ),
  );
  if (leftovers === "orphanRels") {
    for (const part of nextParts)
      files.set(part.replace(/([^/]+)$/, "_rels/$1.rels"), encode(`<Relationships xmlns="${PKG_RELS}"/>`));
  }
  files.set(
    "xl/drawings/drawing1.xml",
    encode(`<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`),
  );
  files.set(
    "xl/drawings/drawing2.xml",
    encode(`<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"/>`),
  );
  for (const vml of ["vmlDrawing1", "vmlDrawing2"])
    files.set(
      `xl/drawings/${vml}.vml`,
      strToU8(`<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape id="_x0000_s1025"/></xml>`),
    );
  files.set(
    "xl/tables/table1.xml",
    encode(`<table xmlns="${ns.main}" id="1" name="Table1" displayName="Table1" ref="A1:C3"/>`),
  );
  files.set(
    "xl/media/image1.png",
    Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2]),
  );

  return {
    files,
    ns,
    taskName: names[task]!,
    taskPart,
    workbookPart: "xl/workbook.xml",
    stylesPart: "xl/styles.xml",
    workbookRelsPart: "xl/_rels/workbook.xml.rels",
    bom: shape.bom,
  };
}

function stylesXml(
  shape: Shape,
  ns: Namespaces,
  join: (pieces: readonly string[]) => string,
  comment: (text: string) => string,
): string {
  const s = shape.styles;
  const p = s.prefix;
  const { prefix: cp, decls } = spelled(p, ns.main, s.containers);
  const open = (local: string, attrs: string, selfClosing = false) =>
    `<${q(cp, local)}${decls}${attrs}${selfClosing ? "/>" : ">"}`;
  const close = (local: string) => `</${q(cp, local)}>`;
  const t = (local: string) => q(cp, local);
  const container = (local: string, count: number, items: string) =>
    `${open(local, ` count="${count}"`)}${comment(`</${local}>`)}${items}${close(local)}`;
  const pieces: string[] = [];
  if (s.numFmts === "one")
    pieces.push(
      container(
        "numFmts",
        1,
        `<${t("numFmt")} numFmtId="170" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>`,
      ),
    );
  if (s.numFmts === "selfClosing") pieces.push(open("numFmts", ` count="0"`, true));
  if (s.fonts !== "absent") {
    const extra =
      s.fonts === "scheme"
        ? `<${t("family")} val="2"/><${t("charset")} val="134"/><${t("scheme")} val="minor"/>`
        : "";
    pieces.push(
      container(
        "fonts",
        2,
        `<${t("font")}><${t("sz")} val="11"/><${t("name")} val="等线"/>${extra}</${t("font")}>` +
          `<${t("font")}><${t("b")}/><${t("sz")} val="12"/><${t("name")} val="宋体"/></${t("font")}>`,
      ),
    );
  }
  if (s.fills === "two")
    pieces.push(
      container(
        "fills",
        2,
        `<${t("fill")}><${t("patternFill")} patternType="none"/></${t("fill")}>` +
          `<${t("fill")}><${t("patternFill")} patternType="gray125"/></${t("fill")}>`,
      ),
    );
  if (s.borders === "one")
    pieces.push(
      container(
        "borders",
        1,
        `<${t("border")}><${t("left")}/><${t("right")}/><${t("top")}/><${t("bottom")}/><${t("diagonal")}/></${t("border")}>`,
      ),
    );
  if (s.borders === "selfClosing") pieces.push(open("borders", ` count = '0' `, true));
  pieces.push(
    `<${q(p, "cellStyleXfs")} count="1"><${q(p, "xf")} numFmtId="0" fontId="0" fillId="0" borderId="0"/></${q(p, "cellStyleXfs")}>`,
  );
  if (s.cellXfs === "one")
    pieces.push(
      container("cellXfs", 1, `<${t("xf")} numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`),
    );
  pieces.push(
    `<${q(p, "cellStyles")} count="1"><${q(p, "cellStyle")} name="Normal" xfId="0" builtinId="0"/></${q(p, "cellStyles")}>`,
  );
  if (s.dxfs === "selfClosing") pieces.push(open("dxfs", ` count="0"`, true));
  if (s.dxfs === "empty") pieces.push(`${open("dxfs", ` count='0'`)}${close("dxfs")}`);
  if (s.dxfs === "one")
    pieces.push(container("dxfs", 1, `<${t("dxf")}><${t("font")}><${t("b")}/></${t("font")}></${t("dxf")}>`));
  if (s.tail.includes("tableStyles"))
    pieces.push(`<${q(p, "tableStyles")} count="0" defaultTableStyle="TableStyleMedium2"/>`);
  if (s.tail.includes("colors"))
    pieces.push(
      `<${q(p, "colors")}><${q(p, "mruColors")}><${q(p, "color")} rgb="FF00B050"/></${q(p, "mruColors")}></${q(p, "colors")}>`,
    );
  if (s.tail.includes("extLst"))
    pieces.push(
      `<${q(p, "extLst")}><${q(p, "ext")} uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}"${xmlns("x14", X14)}>` +
        `<x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></${q(p, "ext")}></${q(p, "extLst")}>`,
    );
  return (
    `<${q(p, "styleSheet")}${xmlns(p, ns.main)}${xmlns("mc", MC)} mc:Ignorable="x14ac"${xmlns("x14ac", X14AC)}>` +
    join(pieces) +
    `</${q(p, "styleSheet")}>`
  );
}

function taskSheetXml(
  shape: Shape,
  ns: Namespaces,
  join: (pieces: readonly string[]) => string,
  comment: (text: string) => string,
  pi: (text: string) => string,
): string {
  const o = shape.sheet;
  const p = o.prefix;
  const t = (local: string) => q(p, local);
  const rp = o.relPrefix;
  // openpyxl declares the relationships namespace on each element that uses it; Excel on the root.
  const rid = (id: number) => `${o.relOnEach ? xmlns(rp, ns.relationships) : ""} ${rp}:id="rId${id}"`;
  const dp = o.sheetDataOwnDefault && p ? "" : p;
  const d = (local: string) => q(dp, local);
  const traps = o.traps;
  const rows: string[] = [];
  for (let r = 1; r <= o.rows; r++) {
    const text =
      traps && r === 2
        ? `<![CDATA[</t></is></c></row></sheetData><conditionalFormatting sqref="A1">]]>`
        : escape(r === 1 ? "任务 & <名称>" : `任务${r}`);
    const rowAttrs =
      traps && r === 1 ? ` spans="1:3"${xmlns("foo", FOREIGN)} foo:note="a/>b"` : ` spans="1:3"`;
    rows.push(
      `<${d("row")} r="${r}"${rowAttrs}>` +
        `<${d("c")} r="A${r}"><${d("v")}>${r}</${d("v")}></${d("c")}>` +
        (traps ? pi("</c></row></sheetData>") : "") +
        `<${d("c")} r="B${r}" t="inlineStr"><${d("is")}><${d("t")}>${text}</${d("t")}></${d("is")}></${d("c")}>` +
        `<${d("c")} r="C${r}" s="0"><${d("v")}>${46000 + r}</${d("v")}>` +
        (traps && r === 1 ? `<foo:sheetData${xmlns("foo", FOREIGN)}/>` : "") +
        `</${d("c")}>` +
        `</${d("row")}>` +
        (traps ? `<!-- </sheetData> <conditionalFormatting> -->` : ""),
    );
  }
  const openData = `<${d("sheetData")}${dp !== p ? xmlns("", ns.main) : ""}`;
  const sheetData = o.rows === 0 ? `${openData}/>` : `${openData}>${join(rows)}</${d("sheetData")}>`;
  const last = Math.max(1, o.rows);
  const tail: Record<TailElement, string> = {
    sheetProtection: `<${t("sheetProtection")} sheet="1" objects="1" scenarios="1"/>`,
    autoFilter: `<${t("autoFilter")} ref="A1:C${last}"/>`,
    mergeCells: `<${t("mergeCells")} count="1"><${t("mergeCell")} ref="D1:E1"/></${t("mergeCells")}>`,
    conditionalFormatting:
      `<${t("conditionalFormatting")} sqref="A2:A${last}"><${t("cfRule")} type="cellIs" dxfId="0" priority="2" operator="greaterThan">` +
      `<${t("formula")}>5</${t("formula")}></${t("cfRule")}></${t("conditionalFormatting")}>`,
    conditionalFormatting2:
      `<${t("conditionalFormatting")} sqref="C2:C${last}"><${t("cfRule")} type="expression" dxfId="0" priority="7">` +
      `<${t("formula")}><![CDATA[C2>TODAY()]]></${t("formula")}></${t("cfRule")}></${t("conditionalFormatting")}>`,
    dataValidations:
      `<${t("dataValidations")} count="1"><${t("dataValidation")} type="list" allowBlank="1" sqref="C2:C${last}">` +
      `<${t("formula1")}>"是,否"</${t("formula1")}></${t("dataValidation")}></${t("dataValidations")}>`,
    hyperlinks: `<${t("hyperlinks")}><${t("hyperlink")} ref="B2"${rid(1)}/></${t("hyperlinks")}>`,
    printOptions: `<${t("printOptions")} gridLines="1"/>`,
    pageMargins: `<${t("pageMargins")} left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
    pageSetup: `<${t("pageSetup")} paperSize="9" orientation="landscape"/>`,
    headerFooter: `<${t("headerFooter")}><${t("oddHeader")}>&amp;C&amp;"宋体"第 &amp;P 页</${t("oddHeader")}></${t("headerFooter")}>`,
    rowBreaks: `<${t("rowBreaks")} count="1" manualBreakCount="1"><${t("brk")} id="2" max="16383" man="1"/></${t("rowBreaks")}>`,
    colBreaks: `<${t("colBreaks")} count="1" manualBreakCount="1"><${t("brk")} id="3" max="1048575" man="1"/></${t("colBreaks")}>`,
    ignoredErrors: `<${t("ignoredErrors")}><${t("ignoredError")} sqref="A1:C${last}" numberStoredAsText="1"/></${t("ignoredErrors")}>`,
    drawing: `<${t("drawing")}${rid(2)}/>`,
    legacyDrawing: `<${t("legacyDrawing")}${rid(3)}/>`,
    legacyDrawingHF: `<${t("legacyDrawingHF")}${rid(4)}/>`,
    drawingHF: `<${t("drawingHF")}${rid(6)} lho="1"/>`,
    picture: `<${t("picture")}${rid(7)}/>`,
    AlternateContent:
      `<mc:AlternateContent${xmlns("mc", MC)}><mc:Choice${xmlns("x14", X14)} Requires="x14">` +
      `<${t("controls")}><${t("control")} shapeId="1025" name="Check Box 1"/></${t("controls")}></mc:Choice>` +
      `<mc:Choice${xmlns("fut", "urn:example:future")} Requires="fut"><fut:controls><fut:x/></fut:controls></mc:Choice>` +
      `<mc:Fallback/></mc:AlternateContent>`,
    tableParts: `<${t("tableParts")} count="1"><${t("tablePart")}${rid(5)}/></${t("tableParts")}>`,
    extLst:
      `<${t("extLst")}><${t("ext")} uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}"${xmlns("x14", X14)}>` +
      `<x14:conditionalFormattings><x14:conditionalFormatting${xmlns("xm", XM)}>` +
      `<x14:cfRule type="dataBar" id="{00000000-0000-0000-0000-000000000001}"><x14:dataBar/></x14:cfRule>` +
      `<xm:sqref>A2:A${last}</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings>` +
      `</${t("ext")}></${t("extLst")}>`,
  };
  const head: Record<Shape["sheet"]["head"][number], string> = {
    sheetPr: `<${t("sheetPr")}><${t("tabColor")} rgb="FFFF0000"/></${t("sheetPr")}>`,
    cols: `<${t("cols")}><${t("col")} min="1" max="3" width="12" customWidth="1"/></${t("cols")}>`,
  };
  return (
    `<${t("worksheet")}${xmlns(p, ns.main)}${o.relOnEach ? "" : xmlns(rp, ns.relationships)}` +
    `${xmlns("mc", MC)} mc:Ignorable="x14ac"${xmlns("x14ac", X14AC)}>` +
    join([
      ...(o.head.includes("sheetPr") ? [head.sheetPr] : []),
      `<${t("dimension")} ref="A1:C${last}"/>`,
      `<${t("sheetViews")}><${t("sheetView")} workbookViewId="0"/></${t("sheetViews")}>`,
      `<${t("sheetFormatPr")} defaultRowHeight="15" x14ac:dyDescent="0.25"/>`,
      ...(o.head.includes("cols") ? [head.cols] : []),
      comment("<sheetData> <row>"),
      sheetData,
      ...o.tail.flatMap((name) => [comment(`<${name}> </sheetData>`), tail[name]]),
    ]) +
    `</${t("worksheet")}>`
  );
}

function zip(files: ReadonlyMap<string, Uint8Array>, stored: boolean): Uint8Array {
  const zippable: Zippable = {};
  for (const [name, bytes] of files) zippable[name] = [bytes, { level: stored ? 0 : 6 }];
  return zipSync(zippable);
}

// ---------------------------------------------------------------------------------------------------------
// What Duban is asked to write
// ---------------------------------------------------------------------------------------------------------

function spec(s: SpecShape, taskName: string): SheetSpec {
  return {
    kind: s.kind,
    name: s.name,
    columns: [12, 30],
    rows: [
      { height: 24, cells: [{ value: s.name, style: "title" }, null] },
      {
        cells: [
          { value: "单位", style: "header" },
          { value: "数量 & <比例>", style: "header" },
        ],
      },
      {
        cells: [
          { value: { day: 20_500 }, style: "date" },
          { value: 0.5, style: "percent" },
        ],
      },
      {
        cells: [
          { value: "B2", style: "link", link: { sheet: taskName, cell: "B2" } },
          { value: 3, style: "number" },
        ],
      },
    ],
    merges: [{ top: 0, left: 0, bottom: 0, right: 1 }],
    freezeRows: 2,
    ...(s.autoFilter ? { autoFilter: { top: 1, left: 0, bottom: 3, right: 1 } } : {}),
    dataBars: s.dataBar ? [{ range: { top: 2, left: 1, bottom: 2, right: 1 }, color: "63BE7B" }] : [],
    print: { landscape: s.landscape, ...(s.repeatRows ? { repeatRows: { first: 1, last: 1 } } : {}) },
  };
}

function writeBack(shape: Shape, taskName: string): WritePlan {
  const bottom = Math.max(1, shape.sheet.rows - 1);
  const byCell = new Map<number, HighlightMark>();
  for (const m of shape.marks) {
    const mark = { row: 1 + (m.row % bottom), column: m.column % 3, kind: m.kind };
    byCell.set(mark.row * 16384 + mark.column, mark);
  }
  const marks = [...byCell.values()].sort((a, b) => a.row - b.row || a.column - b.column);
  const sheets = shape.specs.map((s) => spec(s, taskName));
  return {
    highlights: {
      sheet: taskName,
      range: { top: 1, left: 0, bottom, right: 2 },
      marks,
      keyColumns: [0],
      // Keys as a clerk's cells make them: markup characters, a leading =, CJK text.
      keys: HIGHLIGHT_KINDS.filter((kind) => marks.some((m) => m.kind === kind)).map((kind) => ({
        kind,
        keys: marks
          .filter((m) => m.kind === kind)
          .map((m) => `=<任务 ${m.row}> & "${kind}"|${m.column + 1}|'x'`),
      })),
    },
    sheets,
    colors: DEFAULT_SETTINGS.colors,
    styles: styleSheet(DEFAULT_SETTINGS),
    record: {
      version: 1,
      generated: sheets.map((sheet) => ({ name: sheet.name, kind: sheet.kind })),
      highlightSheet: taskName,
      ranking: { asOf: "2026-03-01", entries: [] },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Reading parts back with saxes, namespace-aware, and comparing them
// ---------------------------------------------------------------------------------------------------------

interface Element {
  readonly uri: string;
  readonly local: string;
  /** Expanded names from the root down to this element: what it means wherever its prefixes were declared. */
  readonly path: string;
  readonly parent: Element | undefined;
  /** "{uri}local" → value, namespace declarations left out. */
  readonly attributes: ReadonlyMap<string, string>;
  readonly children: Element[];
}

/** Every element in document order; throws on malformed XML, an unbound prefix or a DOCTYPE. */
function parseNs(bytes: Uint8Array, part: string): Element[] {
  const parser = new SaxesParser({ xmlns: true, fileName: part });
  const list: Element[] = [];
  const stack: Element[] = [];
  parser.on("error", (error) => {
    throw error;
  });
  parser.on("doctype", () => {
    throw new Error(`${part}: DOCTYPE`);
  });
  parser.on("opentag", (tag: SaxesTagNS) => {
    const parent = stack[stack.length - 1];
    const attributes = new Map<string, string>();
    for (const a of Object.values(tag.attributes))
      if (a.uri !== XMLNS_NS) attributes.set(`{${a.uri}}${a.local}`, a.value);
    const element: Element = {
      uri: tag.uri,
      local: tag.local,
      path: `${parent?.path ?? ""}/{${tag.uri}}${tag.local}`,
      parent,
      attributes,
      children: [],
    };
    parent?.children.push(element);
    list.push(element);
    stack.push(element);
  });
  parser.on("closetag", () => stack.pop());
  parser.write(new TextDecoder().decode(bytes)).close();
  if (list.length === 0) throw new Error(`${part}: no root element`);
  return list;
}

const holdsXml = (name: string) => /\.(xml|rels|vml)$/i.test(name);
const hasBom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
const sameBytes = (a: Uint8Array | undefined, b: Uint8Array | undefined) =>
  a !== undefined && b !== undefined && Buffer.from(a).equals(Buffer.from(b));

function unzipParts(bytes: Uint8Array): Map<string, Uint8Array> {
  const entries = unzipSync(bytes);
  return new Map(Object.keys(entries).map((name) => [name, entries[name]!]));
}

/**
 * Matches the elements of a part before and after Duban's edits in document order: every element that was
 * there must still be there, meaning the same (its path of expanded names), with the same attributes but
 * those `mayChange` allows; what is left over on the after side is what Duban added.
 */
function addedElements(
  before: readonly Element[],
  after: readonly Element[],
  part: string,
  mayChange: (element: Element, attribute: string) => boolean = () => false,
): Element[] {
  const added: Element[] = [];
  let i = 0;
  for (const element of after) {
    const old = before[i];
    if (old && old.path === element.path && sameAttributes(old, element, mayChange)) i += 1;
    else added.push(element);
  }
  if (i < before.length) {
    const lost = before[i]!;
    throw new Error(`${part}: ${lost.path} ${JSON.stringify([...lost.attributes])} is gone or changed`);
  }
  return added;
}

function sameAttributes(a: Element, b: Element, mayChange: (element: Element, name: string) => boolean) {
  const names = new Set([...a.attributes.keys(), ...b.attributes.keys()]);
  for (const name of names) {
    if (a.attributes.get(name) !== b.attributes.get(name) && !mayChange(b, name)) return false;
  }
  return true;
}

/** The roots of the added subtrees: added elements whose parent was there before. */
const addedRoots = (added: readonly Element[]) => {
  const set = new Set(added);
  return added.filter((e) => !e.parent || !set.has(e.parent));
};

const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];
const STYLES_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/**
 * The root's children in the main namespace, in the schema's order. mc:AlternateContent counts as what its
 * first choice holds (the task sheets built here wrap controls in it).
 */
function expectSchemaOrder(root: Element, main: string, order: readonly string[], part: string): void {
  const ranks = root.children.flatMap((child) => {
    const inner =
      child.uri === MC && child.local === "AlternateContent" ? child.children[0]?.children[0] : child;
    if (!inner || inner.uri !== main) return [];
    const rank = order.indexOf(inner.local);
    if (rank < 0) throw new Error(`${part}: unexpected <${inner.local}>`);
    return [{ local: inner.local, rank }];
  });
  for (let i = 1; i < ranks.length; i++) {
    if (ranks[i]!.rank < ranks[i - 1]!.rank)
      throw new Error(`${part}: <${ranks[i]!.local}> after <${ranks[i - 1]!.local}>`);
  }
}

/** A relationship target as a part name, without the package's own resolver. */
function resolve(source: string, target: string): string {
  const base = target.startsWith("/") ? [] : source.split("/").slice(0, -1);
  for (const piece of target.split("/")) {
    if (piece === "..") base.pop();
    else if (piece !== "." && piece !== "") base.push(piece);
  }
  return base.join("/");
}

// ---------------------------------------------------------------------------------------------------------
// The property
// ---------------------------------------------------------------------------------------------------------

/** Throws the message as it is, for fast-check's report; cheaper than Jest's matchers inside loops. */
function check(condition: boolean, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const json = (value: unknown) => JSON.stringify(value);

function checkRoundTrip(shape: Shape, leftovers: Leftovers = "none"): void {
  const built = build(shape, leftovers);
  const { ns, files } = built;
  const input = zip(files, shape.stored);
  const back = writeBack(shape, built.taskName);

  const pkg = OpcPackage.open(input, "in.xlsx", NODE_CODEC);
  applyDuban(pkg, back);
  const output = pkg.toBytes();
  const out = unzipParts(output);

  // (d) Only the parts Duban writes to change; nothing is removed, and a changed part keeps its BOM or none.
  const highlighted = back.highlights.marks.length > 0;
  const mayChange = new Set([
    "[Content_Types].xml",
    built.workbookPart,
    built.workbookRelsPart,
    built.stylesPart,
    ...(highlighted ? [built.taskPart] : []),
  ]);
  for (const [name, bytes] of files) {
    const now = out.get(name);
    check(now !== undefined, `${name} is gone`);
    if (mayChange.has(name)) check(hasBom(now) === built.bom, `${name}: byte order mark`);
    else check(sameBytes(bytes, now), `${name} changed`);
  }
  const added = [...out.keys()].filter((name) => !files.has(name));
  check(added.length === back.sheets.length + (highlighted ? 1 : 0) + 1, `added parts: ${json(added)}`);

  // (a) Every XML part parses namespace-aware (saxes fails on an unbound prefix); unchanged ones were
  // parsed as input, and their bytes are the same.
  const before = new Map<string, Element[]>();
  for (const [name, bytes] of files) if (holdsXml(name)) before.set(name, parseNs(bytes, name));
  const parsed = new Map<string, Element[]>();
  for (const [name, bytes] of out) {
    if (!holdsXml(name)) continue;
    parsed.set(name, sameBytes(bytes, files.get(name)) ? before.get(name)! : parseNs(bytes, name));
  }
  const elementsOf = (part: string) => parsed.get(part)!;

  // (b) The parts Duban added speak the package's class only.
  const otherClass = shape.strict ? CLASSES.transitional : CLASSES.strict;
  for (const name of added) {
    check(/^xl\/worksheets\/sheet\d+\.xml$/.test(name), `added part ${name}`);
    const text = new TextDecoder().decode(out.get(name));
    check(
      !text.includes(otherClass.main) && !text.includes(otherClass.relationships),
      `${name}: other class`,
    );
    for (const element of elementsOf(name)) {
      check(element.uri === ns.main, `${name}: <${element.local}> in ${element.uri}`);
      for (const attribute of element.attributes.keys())
        check(attribute.startsWith("{}") || attribute.startsWith(`{${XML_NS}}`), `${name}: ${attribute}`);
    }
  }

  // (b) What Duban added to existing parts is in the right namespace; everything else means what it meant.
  const diff = (part: string, mayChangeAttribute?: (element: Element, attribute: string) => boolean) =>
    addedElements(before.get(part)!, elementsOf(part), part, mayChangeAttribute);

  const workbookAdded = diff(built.workbookPart);
  for (const element of workbookAdded) {
    const where = `${built.workbookPart}: added <${element.local}>`;
    check(element.uri === ns.main, `${where} in ${element.uri}`);
    check(["sheet", "definedNames", "definedName"].includes(element.local), where);
    if (element.local !== "sheet") continue;
    check(element.parent?.local === "sheets", `${where} outside <sheets>`);
    const namespaced = [...element.attributes.keys()].filter((a) => !a.startsWith("{}"));
    check(json(namespaced) === json([`{${ns.relationships}}id`]), `${where} with ${json(namespaced)}`);
  }
  const addedSheets = workbookAdded.filter((e) => e.local === "sheet");
  check(addedSheets.length === added.length, `${addedSheets.length} sheets added for ${added.length} parts`);
  const wantsNames = back.sheets.some((s) => s.print.repeatRows || s.autoFilter);
  check(
    workbookAdded.some((e) => e.local === "definedNames") ===
      (shape.workbook.definedNames === "absent" && wantsNames),
    "definedNames created when there was none, and only then",
  );
  // (c) definedNames after sheets and before calcPr/extLst: the whole root in CT_Workbook's order.
  expectSchemaOrder(elementsOf(built.workbookPart)[0]!, ns.main, WORKBOOK_ORDER, built.workbookPart);

  // Each relationship Duban added is a worksheet of the package's class, targeting one of the new parts,
  // and each new sheet's r:id names one of them.
  const addedIds = new Map<string, string>();
  for (const element of diff(built.workbookRelsPart)) {
    const type = element.attributes.get("{}Type");
    check(element.uri === PKG_RELS && element.local === "Relationship", `rels: <${element.local}>`);
    check(type === `${ns.relationships}/worksheet`, `rels: type ${type}`);
    addedIds.set(
      element.attributes.get("{}Id")!,
      resolve(built.workbookPart, element.attributes.get("{}Target")!),
    );
  }
  expect(new Set(addedIds.values())).toEqual(new Set(added));
  for (const sheet of addedSheets) {
    const id = sheet.attributes.get(`{${ns.relationships}}id`)!;
    check(addedIds.has(id), `sheet ${sheet.attributes.get("{}name")} names ${id}`);
  }

  const typesAdded = diff("[Content_Types].xml");
  expect(typesAdded.map((e) => [e.uri, e.local, e.attributes.get("{}ContentType")])).toEqual(
    added.map(() => [CONTENT_TYPES, "Override", WORKSHEET_TYPE]),
  );
  expect(new Set(typesAdded.map((e) => e.attributes.get("{}PartName")))).toEqual(
    new Set(added.map((name) => `/${name}`)),
  );
  // OPC allows one Override per part name, compared case-insensitively.
  const overrides = elementsOf("[Content_Types].xml")
    .filter((e) => e.local === "Override")
    .map((e) => e.attributes.get("{}PartName")!.toLowerCase());
  check(new Set(overrides).size === overrides.length, `Overrides for one part: ${json(overrides)}`);

  // Styles: all in the main namespace, containers in CT_Stylesheet's order, and a container's count (the
  // one attribute Duban may change) says how many items it holds.
  const stylesAdded = diff(
    built.stylesPart,
    (element, attribute) => attribute === "{}count" && element.parent?.parent === undefined,
  );
  check(stylesAdded.length > 0, "no styles added");
  for (const element of stylesAdded)
    check(element.uri === ns.main, `${built.stylesPart}: added <${element.local}> in ${element.uri}`);
  const styles = elementsOf(built.stylesPart)[0]!;
  expectSchemaOrder(styles, ns.main, STYLES_ORDER, built.stylesPart);
  for (const container of styles.children) {
    const count = container.attributes.get("{}count");
    if (count === undefined || container.uri !== ns.main || container.local === "tableStyles") continue;
    check(Number(count) === container.children.length, `<${container.local} count="${count}">`);
  }

  // (c) The highlights: one conditionalFormatting in the main namespace, after sheetData and the person's
  // own rules, before dataValidations…extLst.
  if (highlighted) {
    const sheetAdded = diff(built.taskPart);
    const roots = addedRoots(sheetAdded);
    expect(roots.map((e) => [e.uri, e.local])).toEqual([[ns.main, "conditionalFormatting"]]);
    for (const element of sheetAdded) {
      const where = `${built.taskPart}: added <${element.local}>`;
      check(element.uri === ns.main, `${where} in ${element.uri}`);
      check(["conditionalFormatting", "cfRule", "formula"].includes(element.local), where);
    }
    const sheet = elementsOf(built.taskPart)[0]!;
    const cf = roots[0]!;
    const dataAt = sheet.children.findIndex((c) => c.uri === ns.main && c.local === "sheetData");
    check(sheet.children.indexOf(cf) > dataAt, "conditionalFormatting before sheetData");
    expectSchemaOrder(sheet, ns.main, WORKSHEET_ORDER, built.taskPart);
    const priority = (rule: Element) => Number(rule.attributes.get("{}priority"));
    const theirs = sheet.children
      .filter((c) => c !== cf && c.uri === ns.main && c.local === "conditionalFormatting")
      .flatMap((c) => c.children.map(priority));
    check(Math.min(...cf.children.map(priority)) > Math.max(0, ...theirs), "priorities");
  }

  // Every sheet of the workbook names a relationship (in the class's namespace, or the transitional one a
  // strict file was written with) whose target is a part of the package.
  const rels = new Map(
    elementsOf(built.workbookRelsPart)
      .slice(1)
      .map((r) => [r.attributes.get("{}Id")!, resolve(built.workbookPart, r.attributes.get("{}Target")!)]),
  );
  const outKeys = new Set([...out.keys()].map((k) => k.toLowerCase()));
  for (const sheet of elementsOf(built.workbookPart).filter((e) => e.local === "sheet")) {
    const id =
      sheet.attributes.get(`{${ns.relationships}}id`) ??
      sheet.attributes.get(`{${CLASSES.transitional.relationships}}id`);
    const target = rels.get(id ?? "");
    check(target !== undefined && outKeys.has(target.toLowerCase()), `sheet ${id} → ${target}`);
  }

  // (e) Clearing the output gives back every part of the input, byte for byte.
  const again = OpcPackage.open(output, "out.xlsx", NODE_CODEC);
  clearDuban(again);
  const clearedBytes = again.toBytes();
  const cleared = unzipParts(clearedBytes);
  expect([...cleared.keys()].sort()).toEqual([...files.keys()].sort());
  for (const [name, bytes] of files) {
    const now = cleared.get(name);
    check(sameBytes(bytes, now), `${name} after clearing:\n${new TextDecoder().decode(now)}`);
  }

  // And writing onto the cleared package gives the same workbook as writing once (what writeCheck does).
  const twice = OpcPackage.open(clearedBytes, "cleared.xlsx", NODE_CODEC);
  applyDuban(twice, back);
  const second = unzipParts(twice.toBytes());
  expect([...second.keys()]).toEqual([...out.keys()]);
  for (const [name, bytes] of out)
    check(sameBytes(bytes, second.get(name)), `${name} differs on a second write`);
}

describe("Duban's insertions into randomly spelled packages", () => {
  /** One shape, the same every run: the fixed cases below vary it in the one way each is about. */
  const seededShape = () => fc.sample(shapeArbitrary, { numRuns: 1, seed: 7 })[0]!;

  it("keep every part well-formed, every prefix bound to the right namespace, and clear back to the input", () => {
    fc.assert(
      fc.property(shapeArbitrary, (shape) => checkRoundTrip(shape)),
      { numRuns: RUNS },
    );
  });

  // A container that binds the root's prefix to another namespace (legal, if no producer is known to do it):
  // the items appended to it take the container's own prefix.
  it("styles: items appended to a container that rebinds the root's prefix stay in the main namespace", () => {
    const shape = seededShape();
    checkRoundTrip({ ...shape, styles: { ...shape.styles, containers: "rebind", fonts: "plain" } });
  });

  // What a deleted sheet left behind (an Override, a relationships part) keeps its name taken: an Override
  // would be doubled (OPC allows one per part name), and clearing would delete the relationships part.
  it.each<[Leftovers]>([["staleOverride"], ["orphanRels"]])(
    "a new sheet part keeps clear of a deleted sheet's %s",
    (leftovers) => {
      const shape = seededShape();
      checkRoundTrip({ ...shape, types: { ...shape.types, upperCase: false } }, leftovers);
    },
  );

  // Each element that may follow the task sheet's cells, alone: the highlights go before it or after it as
  // CT_Worksheet orders them, which a random subset of the tail seldom puts to the test for the rarer ones.
  it.each(TAIL.map((element) => [element]))(
    "highlights placed in schema order beside <%s> alone",
    (element) => {
      const shape = seededShape();
      checkRoundTrip({
        ...shape,
        sheet: { ...shape.sheet, rows: 4, tail: [element] },
        marks: [{ row: 1, column: 1, kind: "overdue" }],
      });
    },
  );

  // The plainest and the oddest spellings, so that a regression in either shows without luck.
  it.each([
    ["plain", { strict: false, prefixes: "" as const }],
    ["strict with prefixes", { strict: true, prefixes: "x" as const }],
  ])("%s", (_, { strict, prefixes }) => {
    const shape = seededShape();
    checkRoundTrip({
      ...shape,
      strict,
      comments: true,
      workbook: { ...shape.workbook, prefix: prefixes, relPlace: "each", relPrefix: "rel", shadowR: true },
      styles: { ...shape.styles, prefix: prefixes },
      sheet: { ...shape.sheet, prefix: prefixes, traps: true, rows: 4, tail: [...TAIL] },
      marks: [{ row: 1, column: 1, kind: "overdue" }],
    });
  });
});
