// Native charts in the add-in: the fake's charts behave as Excel's (Worksheet.charts, a chart's series,
// axes, labels and place; a deleted sheet takes its charts along), and the add-in draws every chart the plan
// asks for, bar and line, from the same cells the xlsx host's chart parts read.

import { parseIsoDay } from "../src/core/day";
import { planWrite } from "../src/core/output/plan";
import type { ChartSpec, SheetSpec, SpecCell } from "../src/core/output/spec";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import type { CellRange } from "../src/core/workbook";
import { createExcelHost } from "../src/hosts/excel/host";
import { drawCharts } from "../src/hosts/excel/write";
import { FakeExcel, FakeOfficeError, fakeOffice, type FakeChart } from "./fakes/excel";

const AS_OF = parseIsoDay("2026-11-18")!;
const NOW = Date.UTC(2026, 10, 18, 9);
const quiet = { signal: new AbortController().signal, onProgress: (): void => {} };
const box = (top: number, left: number, bottom = top, right = left): CellRange => ({
  top,
  left,
  bottom,
  right,
});

describe("the fake's charts, as Excel's", () => {
  test("add makes a series per column or per row of the source; count, items, getItemAt and delete", async () => {
    const fake = new FakeExcel();
    fake.workbook.addSheet("S");
    await fake.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem("S");
      sheet.charts.add("BarClustered", sheet.getRange("B2:C5"), "Columns");
      sheet.charts.add("Line", sheet.getRange("B2:C5"), "Rows");
      sheet.charts.add("Line", sheet.getRange("B2:E2"), "Auto");
      const charts = sheet.charts.load("count,items/name");
      await context.sync();
      expect(charts.count).toBe(3);
      expect(charts.items.map((c) => c.name)).toEqual(["Chart 1", "Chart 2", "Chart 3"]);
      sheet.charts.getItemAt(1).delete();
      await context.sync();
    });
    const charts = fake.workbook.get("S").charts;
    expect(charts.map((c) => [c.type, c.series.map((s) => s.values)])).toEqual([
      ["BarClustered", [box(1, 1, 4, 1), box(1, 2, 4, 2)]],
      ["Line", [box(1, 1, 1, 4)]],
    ]);
  });

  test.each([
    ["an unknown chart type", "Bars", "Columns"],
    ["an unknown seriesBy", "Line", "Diagonal"],
  ])("%s is refused at the sync", async (_name, type, seriesBy) => {
    const fake = new FakeExcel();
    fake.workbook.addSheet("S");
    await expect(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("S");
        sheet.charts.add(type, sheet.getRange("A1:A3"), seriesBy);
        await context.sync();
      }),
    ).rejects.toBeInstanceOf(FakeOfficeError);
    expect(fake.workbook.get("S").charts).toEqual([]);
  });

  test("deleting a sheet deletes its charts; another sheet's stay", async () => {
    const fake = new FakeExcel();
    fake.workbook.addSheet("A");
    fake.workbook.addSheet("B");
    await fake.run(async (context) => {
      for (const name of ["A", "B"]) {
        const sheet = context.workbook.worksheets.getItem(name);
        sheet.charts.add("Line", sheet.getRange("A1:C1"), "Rows");
      }
      await context.sync();
      context.workbook.worksheets.getItem("A").delete();
      await context.sync();
    });
    expect(fake.workbook.sheets.map((s) => [s.name, s.charts.length])).toEqual([["B", 1]]);
  });
});

// ---------------------------------------------------------------------------------------------------------

const text = (value: string): SpecCell => ({ value, style: "text" });
const number = (value: number): SpecCell => ({ value, style: "number" });

const LINE: ChartSpec = {
  kind: "line",
  title: "得分走势",
  categories: box(0, 1, 0, 3),
  series: [
    { name: "甲", values: box(1, 1, 1, 3), color: "c00000" },
    { name: "乙", values: box(2, 1, 2, 3), color: "2E7D32" },
  ],
  valueAxis: { numberFormat: "0" },
  anchor: { from: { row: 4, column: 0 }, to: { row: 20, column: 8 } },
};

const BAR: ChartSpec = {
  kind: "bar",
  title: "完成率",
  categories: box(1, 0, 2, 0),
  series: [{ name: "完成率", values: box(1, 1, 2, 1), color: "638EC6" }],
  valueAxis: { min: 0, max: 1, numberFormat: "0%" },
  anchor: { from: { row: 0, column: 5 }, to: { row: 15, column: 13 } },
};

/** What the fake should hold for a chart of the spec, drawn by the add-in. */
function expected(chart: ChartSpec): Partial<FakeChart> {
  const bar = chart.kind === "bar";
  return {
    type: bar ? "BarClustered" : "Line",
    source: chart.series[0]!.values,
    title: chart.title,
    legendVisible: chart.series.length > 1,
    // Several series: a legend below the plot, as the xlsx host's chart part has it.
    ...(chart.series.length > 1 ? { legendPosition: "Bottom" } : {}),
    series: chart.series.map((s) => ({
      name: s.name,
      values: s.values,
      xValues: chart.categories,
      ...(bar ? { fill: `#${s.color.toUpperCase()}` } : { lineColor: `#${s.color.toUpperCase()}` }),
    })),
    valueAxis: {
      ...(chart.valueAxis.min === undefined ? {} : { minimum: chart.valueAxis.min }),
      ...(chart.valueAxis.max === undefined ? {} : { maximum: chart.valueAxis.max }),
      numberFormat: chart.valueAxis.numberFormat,
    },
    categoryAxis: bar ? { reversePlotOrder: true, position: "Maximum" } : {},
    dataLabels: bar
      ? { showValue: true, position: "OutsideEnd", numberFormat: chart.valueAxis.numberFormat }
      : {},
    position: {
      start: box(chart.anchor.from.row, chart.anchor.from.column),
      end: box(chart.anchor.to.row - 1, chart.anchor.to.column - 1),
    },
  };
}

describe("drawCharts", () => {
  test("a line chart of two series across a row of dates, and a bar chart, as their specs say", async () => {
    const spec: SheetSpec = {
      kind: "summary",
      name: "S",
      columns: [],
      rows: [
        { cells: [text("单位"), text("9月"), text("10月"), text("11月")] },
        { cells: [text("甲"), number(80), number(85), number(90)] },
        { cells: [text("乙"), number(95), number(70), number(75)] },
      ],
      merges: [],
      freezeRows: 0,
      dataBars: [],
      print: { landscape: true },
      charts: [LINE, BAR],
    };
    const fake = new FakeExcel();
    fake.workbook.addSheet("S");
    await fake.run(async (context) => {
      drawCharts(context.workbook.worksheets.getItem("S"), spec);
      await context.sync();
    });
    const charts = fake.workbook.get("S").charts;
    expect(charts).toHaveLength(2);
    charts.forEach((chart, i) => expect(chart).toMatchObject(expected(spec.charts![i]!)));
    expect(charts[0]!.seriesBy).toBe("Rows");
    expect(charts[1]!.seriesBy).toBe("Columns");
  });
});

describe("the add-in writes the plan's charts", () => {
  const UNITS = ["综采一队", "掘进二队", "机电科", "通风科"];

  function taskFake(): FakeExcel {
    const fake = new FakeExcel({ name: "tasks.xlsx" });
    const sheet = fake.workbook.addSheet("任务");
    ["工作任务", "责任单位", "完成时限", "完成情况", "完成日期"].forEach((h, c) => sheet.put(0, c, h));
    let r = 1;
    UNITS.forEach((unit, u) => {
      for (let i = 0; i <= u; i++) {
        const done = i % 2 === 0;
        [`任务${r}`, unit, "2026-11-10", done ? "已完成" : "进行中", done ? "2026-11-09" : ""].forEach(
          (v, c) => sheet.put(r, c, v),
        );
        r++;
      }
    });
    return fake;
  }

  test("every generated sheet holds the charts of its spec; Generate again leaves them once; Clear takes them", async () => {
    const fake = taskFake();
    const host = createExcelHost(fake, fakeOffice(), () => NOW);
    const result = await host.check({ ...quiet, asOf: AS_OF, settings: DEFAULT_SETTINGS });
    const plan = planWrite(result, {
      settings: DEFAULT_SETTINGS,
      locale: "zh-CN",
      record: undefined,
      date1904: false,
    });
    const written = await host.writeResults(result, {
      ...quiet,
      settings: DEFAULT_SETTINGS,
      locale: "zh-CN",
    });
    const withCharts = plan.sheets.filter((s) => (s.charts ?? []).length > 0);
    expect(withCharts.map((s) => s.kind)).toContain("summary");
    const check = () =>
      plan.sheets.forEach((spec, i) => {
        const charts = fake.workbook.get(written.sheets[i]!).charts;
        expect([spec.kind, charts.length]).toEqual([spec.kind, (spec.charts ?? []).length]);
        charts.forEach((chart, k) => expect(chart).toMatchObject(expected(spec.charts![k]!)));
      });
    check();
    // 汇总's bars read the unit names and their completion rates.
    const summary = fake.workbook.get("汇总");
    const bars = summary.charts[0]!.series[0]!;
    const cells = (range: CellRange) =>
      Array.from(
        { length: range.bottom - range.top + 1 },
        (_, i) => summary.values[range.top + i]?.[range.left],
      );
    expect(new Set(cells(bars.xValues!))).toEqual(new Set(UNITS));
    expect(cells(bars.values!).every((v) => typeof v === "number" && v >= 0 && v <= 1)).toBe(true);

    await host.writeResults(result, { ...quiet, settings: DEFAULT_SETTINGS, locale: "zh-CN" });
    check();
    await host.clear();
    expect(fake.workbook.sheets.map((s) => [s.name, s.charts.length])).toEqual([["任务", 0]]);
  });
});
