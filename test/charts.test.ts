// Native charts as the xlsx host writes them: DrawingML parts that read the sheet's cells and cache their
// values, taken out with the sheets they sit on; openpyxl (an independent reader) reads them back, and
// LibreOffice draws them: 汇总's bars of completion by unit, and a line chart as the History sheet has.

import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { unzipSync, strFromU8 } from "fflate";
import { main } from "../src/cli/main";
import { checkWorkbook } from "../src/core/check";
import { formatDay } from "../src/core/day";
import { generatedSheets } from "../src/core/output/generate";
import { planWrite } from "../src/core/output/plan";
import type { ChartSpec, SheetSpec, SpecCell } from "../src/core/output/spec";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { readWorkbookFile } from "../src/hosts/xlsx";
import { STRICT, TRANSITIONAL } from "../src/hosts/xlsx/opc";
import { chartFormula, chartXml, drawingXml, relativeTo } from "../src/hosts/xlsx/write/charts";
import { newWorkbook, readPackageRecord } from "../src/hosts/xlsx/write";
import { NODE_CODEC } from "../src/hosts/xlsx/node-codec";
import { OpcPackage } from "../src/hosts/xlsx/package";
import { attributeOf, childNamed, childrenNamed, parseXml, type XmlElement } from "../src/hosts/xlsx/xml";
import { buildSampleWorkbook, SAMPLE_REFERENCE_AS_OF } from "../scripts/sample-workbook";
import { convertWithLibreOffice, findSoffice, testWithLibreOffice } from "./helpers/libreoffice";

const AS_OF = formatDay(SAMPLE_REFERENCE_AS_OF);
const PYTHON = "/usr/bin/python3";
const C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const BAR_COLOUR = "638EC6";
const LINE_COLOURS = ["C00000", "2E7D32"];

let dir: string;
let sample: string;
let checked: string;
let summary: SheetSpec;

const io = () => {
  const sink = { write: () => true };
  return { stdout: sink, stderr: sink, today: () => SAMPLE_REFERENCE_AS_OF };
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "duban-charts-"));
  sample = path.join(dir, "sample.xlsx");
  await buildSampleWorkbook(SAMPLE_REFERENCE_AS_OF).xlsx.writeFile(sample);
  checked = path.join(dir, "checked.xlsx");
  await main(["check", sample, "--as-of", AS_OF, "--out", checked], io());
  const result = checkWorkbook(await readWorkbookFile(sample), {
    asOf: SAMPLE_REFERENCE_AS_OF,
    settings: DEFAULT_SETTINGS,
  });
  summary = generatedSheets(result, { settings: DEFAULT_SETTINGS, locale: "zh-CN" }).find(
    (s) => s.kind === "summary",
  )!;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Parts = Record<string, string>;
const partsOf = (bytes: Uint8Array): Parts =>
  Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
const chartParts = (parts: Parts) => Object.keys(parts).filter((n) => /^xl\/(charts|drawings)\//.test(n));

/** The sheet's part, from the workbook's relationships. */
function sheetPart(parts: Parts, name: string): string {
  const workbook = parseXml(parts["xl/workbook.xml"]!, "workbook", Infinity, true);
  const sheet = childrenNamed(childNamed(workbook.root, MAIN, "sheets")!, MAIN, "sheet").find(
    (s) => attributeOf(s, "name") === name,
  )!;
  const rId = sheet.attributes.find((a) => a.local === "id")!.value;
  const rels = parts["xl/_rels/workbook.xml.rels"]!;
  const target = new RegExp(`Id="${rId}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rId}"`).exec(rels)!;
  return `xl/${target[1] ?? target[2]}`;
}

/** The chart parts of a sheet, following its relationships: sheet → drawing → charts. */
function chartsOfSheet(parts: Parts, name: string): { drawing: string; charts: string[] } | undefined {
  const part = sheetPart(parts, name);
  const rels = parts[part.replace(/([^/]+)$/, "_rels/$1.rels")];
  if (!rels) return undefined;
  const drawing = path.posix.normalize(
    path.posix.join(path.posix.dirname(part), /Target="([^"]+drawing\d+\.xml)"/.exec(rels)![1]!),
  );
  const drawingRels = parts[drawing.replace(/([^/]+)$/, "_rels/$1.rels")]!;
  const charts = [...drawingRels.matchAll(/Target="([^"]+)"/g)].map((m) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(drawing), m[1]!)),
  );
  return { drawing, charts };
}

/** Every element named `local` in the chart namespace, depth first. */
function all(element: XmlElement, local: string): XmlElement[] {
  return element.children.flatMap((child) => [
    ...(child.uri === C && child.local === local ? [child] : []),
    ...all(child, local),
  ]);
}
const textOf = (element: XmlElement | undefined) => element?.text ?? "";

// ---------------------------------------------------------------------------------------------------------
// The writer, on small sheets of its own

const text = (value: string): SpecCell => ({ value, style: "text" });
const number = (value: number): SpecCell => ({ value, style: "number" });

/** A sheet with a column of units and rates (for bars) and a row of dates with two units' scores (for lines). */
function chartSheet(name: string, charts: readonly ChartSpec[]): SheetSpec {
  return {
    kind: "summary",
    name,
    columns: [12, 10, 10, 10],
    rows: [
      { cells: [text("单位"), text("完成率")] },
      { cells: [text("甲"), number(0.25)] },
      { cells: [text("乙 & 丙"), number(1)] },
      { cells: [text("丁"), null] },
      { cells: [] },
      { cells: [text("单位"), text("2026-09-30"), text("2026-10-31"), text("2026-11-18")] },
      { cells: [text("甲"), number(80), number(85.5), number(90)] },
      { cells: [text("乙"), number(95), number(70), null] },
    ],
    merges: [],
    freezeRows: 0,
    dataBars: [],
    print: { landscape: true },
    charts,
  };
}

const BAR: ChartSpec = {
  kind: "bar",
  title: "完成率 <按单位>",
  categories: { top: 1, left: 0, bottom: 3, right: 0 },
  series: [{ name: "完成率", values: { top: 1, left: 1, bottom: 3, right: 1 }, color: BAR_COLOUR }],
  valueAxis: { min: 0, max: 1, numberFormat: "0%" },
  anchor: { from: { row: 0, column: 5 }, to: { row: 12, column: 12 } },
};

const LINE: ChartSpec = {
  kind: "line",
  title: "得分走势",
  categories: { top: 5, left: 1, bottom: 5, right: 3 },
  series: [
    { name: "甲", values: { top: 6, left: 1, bottom: 6, right: 3 }, color: LINE_COLOURS[0]! },
    { name: "乙", values: { top: 7, left: 1, bottom: 7, right: 3 }, color: LINE_COLOURS[1]! },
  ],
  valueAxis: { min: 60, max: 100, numberFormat: "0" },
  anchor: { from: { row: 13, column: 0 }, to: { row: 30, column: 8 } },
};

describe("the xlsx writer's chart parts", () => {
  test.each([
    ["汇总", { top: 4, left: 1, bottom: 8, right: 1 }, "'汇总'!$B$5:$B$9"],
    ["汇总 (2)", { top: 4, left: 1, bottom: 8, right: 1 }, "'汇总 (2)'!$B$5:$B$9"],
    ["Bob's sheet", { top: 0, left: 0, bottom: 0, right: 26 }, "'Bob''s sheet'!$A$1:$AA$1"],
    ["S", { top: 2, left: 2, bottom: 2, right: 2 }, "'S'!$C$3"],
  ])("%s: a chart's formula is quoted and absolute", (sheet, range, formula) => {
    expect(chartFormula(sheet, range)).toBe(formula);
  });

  test.each([
    ["xl/worksheets/sheet1.xml", "xl/drawings/drawing1.xml", "../drawings/drawing1.xml"],
    ["xl/drawings/drawing1.xml", "xl/charts/chart2.xml", "../charts/chart2.xml"],
    ["xl/workbook.xml", "xl/drawings/drawing1.xml", "drawings/drawing1.xml"],
  ])("%s → %s: the relationship's target is %s", (source, target, relative) => {
    expect(relativeTo(source, target)).toBe(relative);
  });

  test("a bar and a line chart on a sheet whose name has a space and a quote", () => {
    const name = "Bob's 汇总 (2)";
    const parts = partsOf(newWorkbook([chartSheet(name, [BAR, LINE])], DEFAULT_SETTINGS));
    const found = chartsOfSheet(parts, name)!;
    expect(found.drawing).toBe("xl/drawings/drawing1.xml");
    expect(found.charts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    const types = parts["[Content_Types].xml"]!;
    expect(types).toContain(
      `<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>`,
    );
    for (const chart of found.charts)
      expect(types).toContain(
        `<Override PartName="/${chart}" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>`,
      );

    // <drawing> in its schema place: after the page setup and breaks, last here.
    const sheet = parts[sheetPart(parts, name)]!;
    expect(sheet).toMatch(/<headerFooter>.*<\/headerFooter><drawing r:id="rId1"\/><\/worksheet>$/);

    // Two anchors, each between the cells its spec names.
    const drawing = parseXml(parts[found.drawing]!, found.drawing, Infinity, true);
    const anchors = drawing.root.children.filter((c) => c.local === "twoCellAnchor");
    const corner = (anchor: XmlElement, which: string) =>
      ["row", "col"].map((k) =>
        Number(anchor.children.find((c) => c.local === which)!.children.find((c) => c.local === k)!.text),
      );
    expect(anchors.map((a) => [corner(a, "from"), corner(a, "to")])).toEqual([
      [
        [0, 5],
        [12, 12],
      ],
      [
        [13, 0],
        [30, 8],
      ],
    ]);

    const bar = parseXml(parts[found.charts[0]!]!, "chart1", Infinity, true).root;
    expect(attributeOf(all(bar, "barDir")[0]!, "val")).toBe("bar");
    expect(all(bar, "f").map(textOf)).toEqual([`'Bob''s 汇总 (2)'!$A$2:$A$4`, `'Bob''s 汇总 (2)'!$B$2:$B$4`]);
    expect(all(all(bar, "strCache")[0]!, "v").map(textOf)).toEqual(["甲", "乙 & 丙", "丁"]);
    // 丁 has no rate: no point, a gap, rather than a bar at 0.
    expect(
      all(all(bar, "numCache")[0]!, "pt").map((p) => [attributeOf(p, "idx"), textOf(childNamed(p, C, "v"))]),
    ).toEqual([
      ["0", "0.25"],
      ["1", "1"],
    ]);
    expect(parts[found.charts[0]!]).toContain("<a:t>完成率 &lt;按单位&gt;</a:t>");
    const valAx = all(bar, "valAx")[0]!;
    expect([all(valAx, "min"), all(valAx, "max")].map((e) => attributeOf(e[0]!, "val"))).toEqual(["0", "1"]);
    expect(attributeOf(all(valAx, "numFmt")[0]!, "formatCode")).toBe("0%");
    const ids = (local: string) => all(bar, local).map((e) => attributeOf(e, "val"));
    expect(new Set(ids("axId"))).toEqual(new Set([...ids("crossAx")]));

    const line = parseXml(parts[found.charts[1]!]!, "chart2", Infinity, true).root;
    expect(all(line, "lineChart")).toHaveLength(1);
    expect(all(line, "ser").map((s) => textOf(all(s, "v")[0]))).toEqual(["甲", "乙"]);
    expect(all(line, "f").map(textOf)).toEqual([
      `'Bob''s 汇总 (2)'!$B$6:$D$6`,
      `'Bob''s 汇总 (2)'!$B$7:$D$7`,
      `'Bob''s 汇总 (2)'!$B$6:$D$6`,
      `'Bob''s 汇总 (2)'!$B$8:$D$8`,
    ]);
    expect(all(all(line, "numCache")[1]!, "pt").map((p) => attributeOf(p, "idx"))).toEqual(["0", "1"]);
    // Several lines need a legend to be told apart, outside the plot, after it in CT_Chart's order; one
    // series' bars need none (the title says what they are).
    expect(all(bar, "legend")).toHaveLength(0);
    const legend = all(line, "legend");
    expect(legend).toHaveLength(1);
    expect(["r", "b"]).toContain(attributeOf(all(legend[0]!, "legendPos")[0]!, "val"));
    expect(attributeOf(all(legend[0]!, "overlay")[0]!, "val")).toBe("0");
    const order = childNamed(line, C, "chart")!.children.map((e) => e.local);
    expect(order.slice(order.indexOf("plotArea"), order.indexOf("plotArea") + 3)).toEqual([
      "plotArea",
      "legend",
      "plotVisOnly",
    ]);
  });

  test.each([
    ["transitional", TRANSITIONAL, "http://schemas.openxmlformats.org/drawingml/2006"],
    ["strict", STRICT, "http://purl.oclc.org/ooxml/drawingml"],
  ])("%s: the drawing and the chart in the package's class", (_name, ns, drawingml) => {
    const sheet = chartSheet("S", [BAR]);
    const drawing = parseXml(drawingXml([BAR], ns), "drawing", Infinity, true).root;
    expect(drawing.uri).toBe(`${drawingml}/spreadsheetDrawing`);
    expect(drawingXml([BAR], ns)).toContain(`r:id="rId1"`);
    expect(drawingXml([BAR], ns)).toContain(`xmlns:r="${ns.relationships}"`);
    const chart = parseXml(chartXml(BAR, "S", sheet, ns), "chart", Infinity, true).root;
    expect([chart.uri, chart.local]).toEqual([ns === STRICT ? `${drawingml}/chart` : C, "chartSpace"]);
  });

  test("a sheet without charts has no drawing", () => {
    const parts = partsOf(newWorkbook([chartSheet("S", [])], DEFAULT_SETTINGS));
    expect(chartParts(parts)).toEqual([]);
    expect(parts[sheetPart(parts, "S")]).not.toContain("<drawing");
  });
});

// ---------------------------------------------------------------------------------------------------------
// The sample, checked

describe("the sample's checked workbook", () => {
  test("汇总 has one chart, whose formulas and cache are the unit table's names and completion rates", () => {
    const parts = partsOf(readFileSync(checked));
    const found = chartsOfSheet(parts, "汇总")!;
    expect(found.charts).toHaveLength(1);
    const chart = summary.charts![0]!;
    const root = parseXml(parts[found.charts[0]!]!, "chart", Infinity, true).root;
    const cells = (range: ChartSpec["categories"]) =>
      summary.rows.slice(range.top, range.bottom + 1).map((r) => r.cells[range.left]!.value);
    expect(all(all(root, "strCache")[0]!, "v").map(textOf)).toEqual(cells(chart.categories));
    expect(all(all(root, "numCache")[0]!, "v").map((v) => Number(v.text))).toEqual(
      cells(chart.series[0]!.values),
    );
  });

  test("checking the checked workbook again leaves one chart on 汇总; clearing leaves no drawing or chart", async () => {
    const again = path.join(dir, "again.xlsx");
    await main(["check", checked, "--as-of", AS_OF, "--out", again], io());
    const once = partsOf(readFileSync(checked));
    const twice = partsOf(readFileSync(again));
    expect(chartParts(twice).sort()).toEqual(chartParts(once).sort());
    expect(chartsOfSheet(twice, "汇总")!.charts).toHaveLength(1);
    // Every chart and drawing part has its content type.
    const types = twice["[Content_Types].xml"]!;
    for (const part of chartParts(twice).filter((n) => n.endsWith(".xml")))
      expect([part, types.includes(`PartName="/${part}"`)]).toEqual([part, true]);

    const cleared = path.join(dir, "cleared.xlsx");
    expect(await main(["clear", again, "--out", cleared], io())).toBe(0);
    const none = partsOf(readFileSync(cleared));
    expect(chartParts(none)).toEqual([]);
    expect(none["[Content_Types].xml"]).not.toMatch(/drawing|chart/);
    expect(Object.keys(none).filter((n) => /worksheets\/_rels/.test(n))).toEqual(
      Object.keys(partsOf(readFileSync(sample))).filter((n) => /worksheets\/_rels/.test(n)),
    );
  });

  test("openpyxl reads 汇总's chart (a horizontal bar chart of the unit table, 0 to 100 %, no legend) and History's legend", async () => {
    const script = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    charts = []
    for c in ws._charts:
        s = c.series[0]
        charts.append({
            "type": type(c).__name__,
            "barDir": getattr(c, "barDir", None),
            "title": "".join(r.t for p in c.title.tx.rich.p for r in (p.r or [])),
            "cat": s.cat.strRef.f,
            "val": s.val.numRef.f,
            "cats": [p.v for p in s.cat.strRef.strCache.pt],
            "vals": [p.v for p in s.val.numRef.numCache.pt],
            "min": c.y_axis.scaling.min,
            "max": c.y_axis.scaling.max,
            "format": c.y_axis.number_format.formatCode,
            "from": [c.anchor._from.row, c.anchor._from.col],
            "series": len(c.series),
            "legend": c.legend.position if c.legend is not None else None,
        })
    if charts:
        out[ws.title] = charts
print(json.dumps(out, ensure_ascii=False))
`;
    const read = JSON.parse(await output(PYTHON, ["-c", script, checked])) as Record<string, unknown[]>;
    const chart = summary.charts![0]!;
    const cells = (range: ChartSpec["categories"]) =>
      summary.rows.slice(range.top, range.bottom + 1).map((r) => r.cells[range.left]!.value);
    expect(read["汇总"]).toEqual([
      {
        type: "BarChart",
        barDir: "bar",
        title: "各单位完成率",
        cat: chartFormula("汇总", chart.categories),
        val: chartFormula("汇总", chart.series[0]!.values),
        cats: cells(chart.categories),
        vals: cells(chart.series[0]!.values),
        min: 0,
        max: 1,
        format: "0%",
        from: [chart.anchor.from.row, chart.anchor.from.column],
        series: 1,
        legend: null,
      },
    ]);
    // History's lines (one check: a point each) have a legend.
    expect(read["考核记录"]).toEqual([expect.objectContaining({ type: "LineChart", legend: "b" })]);
    expect((read["考核记录"]![0] as { series: number }).series).toBeGreaterThan(1);
  });
});

// ---------------------------------------------------------------------------------------------------------
// LibreOffice draws them

const pdftoppm = findOnPath("pdftoppm");

/**
 * `test` where LibreOffice and pdftoppm are both installed; skipped with the reason otherwise (as
 * testWithLibreOffice does for LibreOffice alone).
 */
function testWithRenderer(name: string, fn: (soffice: string) => Promise<void>): void {
  if (!pdftoppm && findSoffice())
    test.skip(`${name} (pdftoppm not installed: apt-get install -y poppler-utils)`, () => undefined);
  else testWithLibreOffice(name, fn);
}

/**
 * The first page of the workbook as LibreOffice prints it, as RGB pixels (pdftoppm's PPM); with
 * DUBAN_CHART_PNG set, a PNG of it is kept in that folder to be looked at.
 */
async function render(soffice: string, bytes: Uint8Array, name: string): Promise<Pixels> {
  const out = mkdtempSync(path.join(dir, `${name}-`));
  const xlsx = path.join(out, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  const pdf = await convertWithLibreOffice(soffice, xlsx, "pdf", out);
  await output(pdftoppm!, ["-r", "60", "-f", "1", "-l", "1", "-singlefile", pdf, path.join(out, name)]);
  const keep = process.env.DUBAN_CHART_PNG;
  if (keep)
    await output(pdftoppm!, [
      "-png",
      "-r",
      "80",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      pdf,
      path.join(keep, name),
    ]);
  return readPpm(readFileSync(path.join(out, `${name}.ppm`)));
}

/** Every page of the workbook as LibreOffice prints it: its pixels and its text (pdftotext). */
async function renderPages(
  soffice: string,
  bytes: Uint8Array,
  name: string,
): Promise<Array<{ pixels: Pixels; text: string }>> {
  const out = mkdtempSync(path.join(dir, `${name}-`));
  const xlsx = path.join(out, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  const pdf = await convertWithLibreOffice(soffice, xlsx, "pdf", out);
  const count = Number(
    /Pages:\s+(\d+)/.exec(await output(path.join(path.dirname(pdftoppm!), "pdfinfo"), [pdf]))![1],
  );
  const pages = [];
  for (let page = 1; page <= count; page++) {
    const at = ["-f", String(page), "-l", String(page)];
    const file = path.join(out, `${name}-${page}`);
    await output(pdftoppm!, ["-r", "60", ...at, "-singlefile", pdf, file]);
    const text = await output(path.join(path.dirname(pdftoppm!), "pdftotext"), [...at, pdf, "-"]);
    const keep = process.env.DUBAN_CHART_PNG;
    if (keep)
      await output(pdftoppm!, [
        "-png",
        "-r",
        "80",
        ...at,
        "-singlefile",
        pdf,
        path.join(keep, `${name}-${page}`),
      ]);
    pages.push({ pixels: readPpm(readFileSync(`${file}.ppm`)), text });
  }
  return pages;
}

interface Pixels {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
}

function readPpm(bytes: Uint8Array): Pixels {
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(Buffer.from(bytes.subarray(0, 64)).toString("latin1"))!;
  return { width: Number(head[1]), height: Number(head[2]), rgb: bytes.subarray(head[0].length) };
}

/** Pixels within `tolerance` of the colour, in the columns from `fromX` (a fraction of the width) rightwards. */
function countColour(image: Pixels, hex: string, fromX = 0, tolerance = 40): number {
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let n = 0;
  for (let y = 0; y < image.height; y++)
    for (let x = Math.floor(image.width * fromX); x < image.width; x++) {
      const i = (y * image.width + x) * 3;
      const d =
        Math.abs(image.rgb[i]! - r) + Math.abs(image.rgb[i + 1]! - g) + Math.abs(image.rgb[i + 2]! - b);
      if (d <= tolerance) n++;
    }
  return n;
}

describe("LibreOffice draws the charts", () => {
  testWithRenderer(
    "汇总's bars: the chart's colour below the table and the bulletin, where the sheet without it has none",
    async (soffice) => {
      const withChart = await renderPages(soffice, newWorkbook([summary], DEFAULT_SETTINGS), "summary");
      const without = await renderPages(
        soffice,
        newWorkbook([{ ...summary, charts: [] }], DEFAULT_SETTINGS),
        "bare",
      );
      const colour = (pages: ReadonlyArray<{ pixels: Pixels }>) =>
        pages.reduce((n, p) => n + countColour(p.pixels, BAR_COLOUR), 0);
      // Without the chart, only the data bars have the colour. With it, twelve bars of some hundred pixels at
      // the least (the sample's lowest rate is 31 %) at 60 dpi.
      expect(colour(withChart) - colour(without)).toBeGreaterThan(12 * 150);
      // Nothing beside the table: its first page is printed as wide as without the chart, not shrunk.
      expect(withChart[0]!.pixels.width).toBe(without[0]!.pixels.width);
      expect(tableRight(withChart[0]!.pixels)).toBe(tableRight(without[0]!.pixels));
    },
  );

  testWithRenderer(
    "a line chart: each series' colour is drawn, and nothing of it without the chart",
    async (soffice) => {
      const sheet = chartSheet("History", [LINE]);
      const withChart = await render(soffice, newWorkbook([sheet], DEFAULT_SETTINGS), "line");
      const without = await render(
        soffice,
        newWorkbook([chartSheet("History", [])], DEFAULT_SETTINGS),
        "line-bare",
      );
      for (const colour of LINE_COLOURS) {
        expect([colour, countColour(without, colour)]).toEqual([colour, 0]);
        expect([colour, countColour(withChart, colour) > 100]).toEqual([colour, true]);
      }
    },
  );
});

describe("LibreOffice draws every chart of the sample's sheets", () => {
  // Two checks a fortnight apart, so that the History sheet's lines have two points each.
  const later = SAMPLE_REFERENCE_AS_OF + 14;

  testWithRenderer(
    "each series' colour is drawn where the same sheet without its charts has less of it",
    async (soffice) => {
      const result = checkWorkbook(await readWorkbookFile(sample), {
        asOf: later,
        settings: DEFAULT_SETTINGS,
      });
      const record = readPackageRecord(OpcPackage.open(readFileSync(checked), "checked.xlsx", NODE_CODEC));
      const plan = planWrite(result, {
        settings: DEFAULT_SETTINGS,
        locale: "zh-CN",
        record,
        date1904: false,
      });
      const charted = plan.sheets.filter((s) => (s.charts ?? []).length > 0);
      expect(charted.map((s) => s.kind)).toContain("summary");
      for (const spec of charted) {
        // Every page: a chart may print on a page of its own, after the table.
        const withCharts = await renderPages(
          soffice,
          newWorkbook([spec], DEFAULT_SETTINGS),
          `${spec.kind}-drawn`,
        );
        const without = await renderPages(
          soffice,
          newWorkbook([{ ...spec, charts: [] }], DEFAULT_SETTINGS),
          `${spec.kind}-bare`,
        );
        const colours = [...new Set(spec.charts!.flatMap((c) => c.series.map((s) => s.color.toUpperCase())))];
        for (const colour of colours) {
          // A close tolerance: the lines' colours are near one another.
          const drawn = withCharts.reduce((n, page) => n + countColour(page.pixels, colour, 0, 12), 0);
          const before = without.reduce((n, page) => n + countColour(page.pixels, colour, 0, 12), 0);
          expect({ sheet: spec.kind, colour, drawn: drawn > before + 20 }).toEqual({
            sheet: spec.kind,
            colour,
            drawn: true,
          });
        }
      }
    },
  );
});

describe("LibreOffice prints 汇总's chart whole", () => {
  for (const locale of ["zh-CN", "en-US"] as const)
    testWithRenderer(`${locale}: its bars on one page, none on another`, async (soffice) => {
      const result = checkWorkbook(await readWorkbookFile(sample), {
        asOf: SAMPLE_REFERENCE_AS_OF,
        settings: DEFAULT_SETTINGS,
      });
      const spec = generatedSheets(result, { settings: DEFAULT_SETTINGS, locale }).find(
        (s) => s.kind === "summary",
      )!;
      const drawn = await renderPages(soffice, newWorkbook([spec], DEFAULT_SETTINGS), `summary-${locale}`);
      const bare = await renderPages(
        soffice,
        newWorkbook([{ ...spec, charts: [] }], DEFAULT_SETTINGS),
        `summary-${locale}-bare`,
      );
      // The data bars have the chart's colour too: what a page has beyond the same page without the chart.
      const extra = drawn.map(
        (page, i) =>
          countColour(page.pixels, BAR_COLOUR) - (bare[i] ? countColour(bare[i]!.pixels, BAR_COLOUR) : 0),
      );
      const at = extra.indexOf(Math.max(...extra));
      expect(extra[at]).toBeGreaterThan(12 * 150);
      for (const [page, n] of extra.entries())
        if (page !== at)
          expect({ page: page + 1, cut: Math.abs(n) > 50 }).toEqual({ page: page + 1, cut: false });
      // Its title is on that page too.
      expect(drawn[at]!.text).toContain(spec.charts![0]!.title);
    });
});

describe("LibreOffice prints History's chart whole", () => {
  testWithRenderer(
    "on one page, with its legend: every series' colour and name there, none of its colours on another page",
    async (soffice) => {
      const result = checkWorkbook(await readWorkbookFile(sample), {
        asOf: SAMPLE_REFERENCE_AS_OF + 14,
        settings: DEFAULT_SETTINGS,
      });
      const record = readPackageRecord(OpcPackage.open(readFileSync(checked), "checked.xlsx", NODE_CODEC));
      const spec = planWrite(result, {
        settings: DEFAULT_SETTINGS,
        locale: "zh-CN",
        record,
        date1904: false,
      }).sheets.find((s) => s.kind === "history")!;
      const chart = spec.charts![0]!;
      const drawn = await renderPages(soffice, newWorkbook([spec], DEFAULT_SETTINGS), "history-pages");
      const bare = await renderPages(
        soffice,
        newWorkbook([{ ...spec, charts: [] }], DEFAULT_SETTINGS),
        "history-pages-bare",
      );
      // Each page's pixels of each series' colour beyond the same page without the chart.
      const extra = drawn.map((page, i) =>
        chart.series.map(
          (s) =>
            countColour(page.pixels, s.color, 0, 12) -
            (bare[i] ? countColour(bare[i]!.pixels, s.color, 0, 12) : 0),
        ),
      );
      const totals = extra.map((page) => page.reduce((a, b) => a + b, 0));
      const at = totals.indexOf(Math.max(...totals));
      expect(chart.series.map((s, i) => [s.name, extra[at]![i]! > 20])).toEqual(
        chart.series.map((s) => [s.name, true]),
      );
      // A grey line's colour is also the table's own antialiasing (the more so where CJK fonts are installed, as
      // on the clerks' machines): only the coloured series tell a page with a piece of the chart apart.
      const coloured = chart.series.map((s) => !isGrey(s.color));
      for (const [page, counts] of extra.entries())
        if (page !== at)
          expect({ page: page + 1, cut: counts.some((n, i) => coloured[i] && n > 20) }).toEqual({
            page: page + 1,
            cut: false,
          });
      // Nor any of its frame: what the other pages print reaches as low as without the chart (the sheet is
      // wider with it, so the page is centred elsewhere: pixels do not compare one for one).
      for (const [page, { pixels }] of drawn.entries())
        if (page !== at)
          expect({ page: page + 1, lowest: lowestInk(pixels) }).toEqual({
            page: page + 1,
            lowest: lowestInk(bare[page]!.pixels),
          });
    },
  );
});

/** Whether an RRGGBB colour is a grey: its channels within 16 of each other. */
function isGrey(hex: string): boolean {
  const channels = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return Math.max(...channels) - Math.min(...channels) < 16;
}

/** The lowest row with a pixel other than white, above the page's footer (its number, "1 / 2"). */
function lowestInk(image: Pixels): number {
  let lowest = -1;
  for (let y = 0; y < Math.floor(image.height * 0.9); y++)
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 3;
      if (image.rgb[i]! + image.rgb[i + 1]! + image.rgb[i + 2]! < 3 * 245) {
        lowest = y;
        break;
      }
    }
  return lowest;
}

/** The rightmost column of the page with a dark pixel (the table's grid and text): how wide it prints. */
function tableRight(image: Pixels): number {
  let right = 0;
  for (let y = 0; y < image.height; y++)
    for (let x = right; x < image.width; x++) {
      const i = (y * image.width + x) * 3;
      if (image.rgb[i]! + image.rgb[i + 1]! + image.rgb[i + 2]! < 300) right = x;
    }
  return right;
}

function findOnPath(file: string): string | undefined {
  for (const folder of (process.env.PATH ?? "").split(path.delimiter)) {
    const candidate = path.join(folder, file);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

function output(file: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(file, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${file}: ${error.message}\n${stderr}`)) : resolve(stdout),
    ),
  );
}
