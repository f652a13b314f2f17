// Native charts of a generated sheet as DrawingML: the sheet's drawing part anchoring each chart over its
// cells, and one chart part per ChartSpec whose series read the sheet's cells by formula and carry their
// values as a cache (a phone's preview and a viewer that does not calculate draw from the cache).

import { formatDay } from "../../../core/day";
import { quotedSheet } from "../../../core/output/names";
import type { ChartSpec, SheetSpec, SpecValue } from "../../../core/output/spec";
import type { CellRange } from "../../../core/workbook";
import { PACKAGE_RELATIONSHIPS_NS, relationshipType, type ClassNamespaces } from "../opc";
import { partKey, type OpcPackage } from "../package";
import { attributesText, escapeText } from "../xml";
import { absoluteRangeRef } from "./sheet";
import type { WorkbookParts } from "./workbook";

export const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
export const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
/** The worksheet's relationship to its drawing, in the sheet's own (new) relationships part. */
export const DRAWING_REL_ID = "rId1";

/** DrawingML's namespaces in each conformance class. */
interface DrawingNamespaces {
  readonly chart: string;
  readonly main: string;
  readonly spreadsheetDrawing: string;
}

const DRAWING_NS: Readonly<Record<ClassNamespaces["conformance"], DrawingNamespaces>> = {
  transitional: {
    chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
    main: "http://schemas.openxmlformats.org/drawingml/2006/main",
    spreadsheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  },
  strict: {
    chart: "http://purl.oclc.org/ooxml/drawingml/chart",
    main: "http://purl.oclc.org/ooxml/drawingml/main",
    spreadsheetDrawing: "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
  },
};

type Attributes = ReadonlyArray<readonly [string, string | number | undefined]>;

/** An element: its attributes escaped, its children already XML; self-closing when it has none. */
function el(name: string, attributes: Attributes = [], ...children: string[]): string {
  const open = `<${name}${attributesText(attributes)}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join("")}</${name}>`;
}

/** An element holding text. */
const textEl = (name: string, text: string) => `<${name}>${escapeText(text)}</${name}>`;
/** DrawingML's usual `<c:x val="…"/>`. */
const val = (name: string, value: string | number) => el(name, [["val", value]]);

/** `'汇总 (2)'!$B$5:$B$9`: a range of the sheet as a chart's formula reads it. */
export function chartFormula(sheet: string, range: CellRange): string {
  return `${quotedSheet(sheet)}!${absoluteRangeRef(range)}`;
}

/** The spec's values in a range, row by row (a range is one column or one row). */
function valuesIn(spec: SheetSpec, range: CellRange): SpecValue[] {
  const out: SpecValue[] = [];
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++) out.push(spec.rows[r]?.cells[c]?.value ?? null);
  return out;
}

function labelOf(value: SpecValue): string {
  if (value === null) return "";
  if (typeof value === "object") return formatDay(value.day);
  return String(value);
}

function strRef(formula: string, labels: readonly string[]): string {
  const points = labels.map((label, i) => el("c:pt", [["idx", i]], textEl("c:v", label)));
  return el(
    "c:strRef",
    [],
    textEl("c:f", formula),
    el("c:strCache", [], val("c:ptCount", labels.length), ...points),
  );
}

function numRef(formula: string, values: readonly SpecValue[], format: string): string {
  // An empty cell has no point: the chart leaves a gap there.
  const points = values.flatMap((value, i) =>
    typeof value === "number" && Number.isFinite(value)
      ? [el("c:pt", [["idx", i]], textEl("c:v", String(value)))]
      : [],
  );
  return el(
    "c:numRef",
    [],
    textEl("c:f", formula),
    el("c:numCache", [], textEl("c:formatCode", format), val("c:ptCount", values.length), ...points),
  );
}

const solidFill = (color: string) => el("a:solidFill", [], val("a:srgbClr", color.toUpperCase()));

/** Rich text of one paragraph, for the title. */
function richText(text: string, size: number, bold: boolean): string {
  return el(
    "c:rich",
    [],
    el("a:bodyPr"),
    el("a:lstStyle"),
    el(
      "a:p",
      [],
      el(
        "a:pPr",
        [],
        el("a:defRPr", [
          ["sz", size * 100],
          ["b", bold ? 1 : 0],
        ]),
      ),
      el(
        "a:r",
        [],
        el("a:rPr", [
          ["sz", size * 100],
          ["b", bold ? 1 : 0],
        ]),
        textEl("a:t", text),
      ),
    ),
  );
}

const CATEGORY_AXIS = 100;
const VALUE_AXIS = 200;

/** The chart part of one ChartSpec over the sheet `sheet` (its name as the workbook has it). */
export function chartXml(chart: ChartSpec, sheet: string, spec: SheetSpec, ns: ClassNamespaces): string {
  const dn = DRAWING_NS[ns.conformance];
  const bar = chart.kind === "bar";
  const labels = valuesIn(spec, chart.categories).map(labelOf);
  const categories = el("c:cat", [], strRef(chartFormula(sheet, chart.categories), labels));
  const format = chart.valueAxis.numberFormat;
  const series = chart.series.map((s, i) => {
    const head = [val("c:idx", i), val("c:order", i), el("c:tx", [], textEl("c:v", s.name))];
    const values = el("c:val", [], numRef(chartFormula(sheet, s.values), valuesIn(spec, s.values), format));
    if (bar)
      return el(
        "c:ser",
        [],
        ...head,
        el("c:spPr", [], solidFill(s.color)),
        val("c:invertIfNegative", 0),
        categories,
        values,
      );
    return el(
      "c:ser",
      [],
      ...head,
      el(
        "c:spPr",
        [],
        el(
          "a:ln",
          [
            ["w", 28575],
            ["cap", "rnd"],
          ],
          solidFill(s.color),
          el("a:round"),
        ),
      ),
      el("c:marker", [], val("c:symbol", "circle"), val("c:size", 5), el("c:spPr", [], solidFill(s.color))),
      categories,
      values,
      val("c:smooth", 0),
    );
  });
  const axisIds = [val("c:axId", CATEGORY_AXIS), val("c:axId", VALUE_AXIS)];
  const plot = bar
    ? el(
        "c:barChart",
        [],
        val("c:barDir", "bar"),
        val("c:grouping", "clustered"),
        val("c:varyColors", 0),
        ...series,
        // The value at the end of each bar: a phone shows the chart small, the axis's ticks are hard to read.
        el(
          "c:dLbls",
          [],
          el("c:numFmt", [
            ["formatCode", format],
            ["sourceLinked", 0],
          ]),
          val("c:dLblPos", "outEnd"),
          val("c:showLegendKey", 0),
          val("c:showVal", 1),
          val("c:showCatName", 0),
          val("c:showSerName", 0),
          val("c:showPercent", 0),
          val("c:showBubbleSize", 0),
        ),
        val("c:gapWidth", 60),
        ...axisIds,
      )
    : el(
        "c:lineChart",
        [],
        val("c:grouping", "standard"),
        val("c:varyColors", 0),
        ...series,
        val("c:marker", 1),
        ...axisIds,
      );
  const { min, max } = chart.valueAxis;
  // Horizontal bars list the first category at the top, as the table does; the value axis then crosses at
  // the last category, so that it stays at the bottom.
  const categoryAxis = el(
    "c:catAx",
    [],
    val("c:axId", CATEGORY_AXIS),
    el("c:scaling", [], val("c:orientation", bar ? "maxMin" : "minMax")),
    val("c:delete", 0),
    val("c:axPos", bar ? "l" : "b"),
    el("c:numFmt", [
      ["formatCode", "General"],
      ["sourceLinked", 1],
    ]),
    val("c:majorTickMark", "none"),
    val("c:minorTickMark", "none"),
    val("c:tickLblPos", "nextTo"),
    val("c:crossAx", VALUE_AXIS),
    val("c:crosses", "autoZero"),
    val("c:auto", 1),
    val("c:lblAlgn", "ctr"),
    val("c:lblOffset", 100),
    val("c:noMultiLvlLbl", 0),
  );
  const valueAxis = el(
    "c:valAx",
    [],
    val("c:axId", VALUE_AXIS),
    el(
      "c:scaling",
      [],
      val("c:orientation", "minMax"),
      ...(max === undefined ? [] : [val("c:max", max)]),
      ...(min === undefined ? [] : [val("c:min", min)]),
    ),
    val("c:delete", 0),
    val("c:axPos", bar ? "b" : "l"),
    el("c:majorGridlines"),
    el("c:numFmt", [
      ["formatCode", format],
      ["sourceLinked", 0],
    ]),
    val("c:majorTickMark", "none"),
    val("c:minorTickMark", "none"),
    val("c:tickLblPos", "nextTo"),
    val("c:crossAx", CATEGORY_AXIS),
    val("c:crosses", bar ? "max" : "autoZero"),
    val("c:crossBetween", "between"),
  );
  const legend =
    chart.series.length > 1 ? [el("c:legend", [], val("c:legendPos", "b"), val("c:overlay", 0))] : [];
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    el(
      "c:chartSpace",
      [
        ["xmlns:c", dn.chart],
        ["xmlns:a", dn.main],
        ["xmlns:r", ns.relationships],
      ],
      val("c:roundedCorners", 0),
      el(
        "c:chart",
        [],
        el("c:title", [], el("c:tx", [], richText(chart.title, 12, true)), val("c:overlay", 0)),
        val("c:autoTitleDeleted", 0),
        el("c:plotArea", [], el("c:layout"), plot, categoryAxis, valueAxis),
        ...legend,
        val("c:plotVisOnly", 1),
        val("c:dispBlanksAs", "gap"),
      ),
    )
  );
}

/** The sheet's drawing part: each chart anchored between the cells its spec names, related as rId1, rId2 … */
export function drawingXml(charts: readonly ChartSpec[], ns: ClassNamespaces): string {
  const dn = DRAWING_NS[ns.conformance];
  const marker = (name: string, at: { row: number; column: number }) =>
    el(
      name,
      [],
      textEl("xdr:col", String(at.column)),
      textEl("xdr:colOff", "0"),
      textEl("xdr:row", String(at.row)),
      textEl("xdr:rowOff", "0"),
    );
  const anchors = charts.map((chart, i) =>
    el(
      "xdr:twoCellAnchor",
      [],
      marker("xdr:from", chart.anchor.from),
      marker("xdr:to", chart.anchor.to),
      el(
        "xdr:graphicFrame",
        [["macro", ""]],
        el(
          "xdr:nvGraphicFramePr",
          [],
          el("xdr:cNvPr", [
            ["id", i + 2],
            ["name", `Chart ${i + 1}`],
            ["descr", chart.title],
          ]),
          el("xdr:cNvGraphicFramePr"),
        ),
        el(
          "xdr:xfrm",
          [],
          el("a:off", [
            ["x", 0],
            ["y", 0],
          ]),
          el("a:ext", [
            ["cx", 0],
            ["cy", 0],
          ]),
        ),
        el(
          "a:graphic",
          [],
          el(
            "a:graphicData",
            [["uri", dn.chart]],
            el("c:chart", [
              ["xmlns:c", dn.chart],
              ["r:id", `rId${i + 1}`],
            ]),
          ),
        ),
      ),
      el("xdr:clientData"),
    ),
  );
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    el(
      "xdr:wsDr",
      [
        ["xmlns:xdr", dn.spreadsheetDrawing],
        ["xmlns:a", dn.main],
        ["xmlns:r", ns.relationships],
      ],
      ...anchors,
    )
  );
}

function relationshipsXml(list: ReadonlyArray<{ id: string; type: string; target: string }>): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    el(
      "Relationships",
      [["xmlns", PACKAGE_RELATIONSHIPS_NS]],
      ...list.map((r) =>
        el("Relationship", [
          ["Id", r.id],
          ["Type", r.type],
          ["Target", r.target],
        ]),
      ),
    )
  );
}

/** The first `${folder}${stem}N.xml` that neither a part, its relationships part nor a content type uses. */
function freePart(pkg: OpcPackage, folder: string, stem: string, skip: ReadonlySet<string>): string {
  const overrides = pkg.contentTypes().overrides;
  for (let n = 1; ; n++) {
    const part = `${folder}${stem}${n}.xml`;
    const rels = `${folder}_rels/${stem}${n}.xml.rels`;
    if (!skip.has(partKey(part)) && !pkg.has(part) && !pkg.has(rels) && !overrides.has(partKey(part)))
      return part;
  }
}

/**
 * Writes the charts of a sheet just added (whose part has no relationships yet and whose XML says
 * `<drawing r:id="rId1"/>`): the sheet's relationships part, its drawing and the chart parts, each with its
 * content type. Every part is set as text, so the package parses it back before it is written.
 */
export function addCharts(
  pkg: OpcPackage,
  workbook: WorkbookParts,
  sheetPart: string,
  sheet: string,
  spec: SheetSpec,
): void {
  const charts = spec.charts ?? [];
  if (charts.length === 0) return;
  const { ns } = workbook;
  const folder = workbook.part.slice(0, workbook.part.lastIndexOf("/") + 1);
  const sheetFolder = sheetPart.slice(0, sheetPart.lastIndexOf("/") + 1);
  const drawing = freePart(pkg, `${folder}drawings/`, "drawing", new Set());
  const chosen = new Set<string>();
  const chartParts = charts.map(() => {
    const part = freePart(pkg, `${folder}charts/`, "chart", chosen);
    chosen.add(partKey(part));
    return part;
  });
  const sheetRels = `${sheetFolder}_rels/${sheetPart.slice(sheetFolder.length)}.rels`;
  pkg.setText(
    sheetRels,
    relationshipsXml([
      { id: DRAWING_REL_ID, type: relationshipType(ns, "drawing"), target: relativeTo(sheetPart, drawing) },
    ]),
  );
  pkg.setText(drawing, drawingXml(charts, ns));
  workbook.appendOverride(`/${drawing}`, DRAWING_CONTENT_TYPE);
  pkg.setText(
    `${folder}drawings/_rels/${drawing.slice(`${folder}drawings/`.length)}.rels`,
    relationshipsXml(
      chartParts.map((part, i) => ({
        id: `rId${i + 1}`,
        type: relationshipType(ns, "chart"),
        target: relativeTo(drawing, part),
      })),
    ),
  );
  charts.forEach((chart, i) => {
    pkg.setText(chartParts[i]!, chartXml(chart, sheet, spec, ns));
    workbook.appendOverride(`/${chartParts[i]!}`, CHART_CONTENT_TYPE);
  });
}

/** A relationship's target: `target` relative to the folder of `source` (both part names from the root). */
export function relativeTo(source: string, target: string): string {
  const from = source.split("/").slice(0, -1);
  const to = target.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}
