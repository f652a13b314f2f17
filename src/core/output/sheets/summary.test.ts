import { checkWorkbook } from "../../check";
import { parseIsoDay } from "../../day";
import { settingsSchema, type Locale } from "../../settings";
import type { CellRange, CellValue, WorkbookModel } from "../../workbook";
import { generatedSheets } from "../generate";
import type { SheetSpec } from "../spec";
import { fitsOnePage } from "../layout";

const asOf = parseIsoDay("2026-11-18")!;
const HEADER: CellValue[] = ["工作任务", "类别", "责任单位", "完成时限", "完成情况", "完成日期"];
const task = (unit: string, status: string, category = ""): CellValue[] => [
  "任务",
  category,
  unit,
  "2026-11-10",
  status,
  status === "已完成" ? "2026-11-09" : null,
];

function summary(
  rows: CellValue[][],
  locale: Locale = "zh-CN",
  roster?: readonly string[],
  chosen: Record<string, unknown> = {},
): SheetSpec {
  const workbook: WorkbookModel = {
    fileName: "t.xlsx",
    sheets: [
      { name: "任务", rows: [HEADER, ...rows], merges: [] },
      ...(roster ? [{ name: "单位名单", rows: [["单位名称"], ...roster.map((u) => [u])], merges: [] }] : []),
    ],
  };
  const settings = settingsSchema.parse(chosen);
  const result = checkWorkbook(workbook, { asOf, settings });
  return generatedSheets(result, { settings, locale }).find((s) => s.kind === "summary")!;
}

const cellsOf = (spec: SheetSpec, range: CellRange) => {
  const out: unknown[] = [];
  for (let r = range.top; r <= range.bottom; r++)
    for (let c = range.left; c <= range.right; c++) out.push(spec.rows[r]?.cells[c]?.value ?? null);
  return out;
};

/** The texts of column A, top to bottom (merged rows hold theirs there). */
const columnA = (spec: SheetSpec) => spec.rows.map((r) => r.cells[0]?.value ?? null);

describe("汇总's notes on the check, for whoever reads the workbook without the pane", () => {
  test.each([
    {
      name: "the roster chosen is not in the workbook",
      chosen: { roster: "名单2026" },
      locale: "zh-CN" as const,
      title: "检查说明",
      notes: [/^设置中指定的单位名单“名单2026”.*排名包括表中的所有单位/],
    },
    {
      name: "the roster and the holiday sheet chosen are not there, in English",
      chosen: { roster: "名单2026", holidays: "假期" },
      locale: "en-US" as const,
      title: "Notes on this check",
      notes: [
        /^The roster sheet "名单2026" .* every unit in the table is ranked/,
        /^The holiday sheet "假期" /,
      ],
    },
  ])("$name: a section of its own, one paragraph a notice, above the bulletin", (c) => {
    const spec = summary([task("甲", "已完成"), task("乙", "进行中")], c.locale, undefined, c.chosen);
    const texts = columnA(spec);
    const title = texts.indexOf(c.title);
    expect(title).toBeGreaterThan(0);
    expect(spec.rows[title]!.cells[0]!.style).toBe("sectionTitle");
    // A blank row above it, the units' table above that.
    expect(texts[title - 1]).toBeNull();
    const notes = c.notes.map((_, i) => spec.rows[title + 1 + i]!.cells[0]!);
    notes.forEach((note, i) => {
      expect(note.style).toBe("paragraph");
      expect(String(note.value)).toMatch(c.notes[i]!);
      // Merged across the table, so that it wraps within the page, with a height for its lines.
      const row = title + 1 + i;
      expect(spec.merges).toContainEqual({ top: row, left: 0, bottom: row, right: spec.columns.length - 1 });
      expect(spec.rows[row]!.height ?? 0).toBeGreaterThan(15);
    });
    // Then the bulletin, which the chart keeps close.
    const bulletin = texts.indexOf(c.locale === "zh-CN" ? "通报" : "Bulletin");
    expect(bulletin).toBe(title + c.notes.length + 2);
  });

  test("a check with nothing to note has no such section", () => {
    const texts = columnA(summary([task("甲", "已完成")]));
    expect(texts).not.toContain("检查说明");
    expect(texts).toContain("通报");
  });
});

describe("汇总's chart of completion by unit", () => {
  test.each([
    {
      name: "one unit",
      rows: [task("甲", "已完成"), task("甲", "进行中")],
      units: ["甲"],
      rates: [0.5],
    },
    {
      name: "three units, in the table's order",
      rows: [task("甲", "已完成"), task("乙", "进行中"), task("丙", "已完成"), task("丙", "已完成")],
      units: ["丙", "甲", "乙"],
      rates: [1, 1, 0],
    },
    {
      name: "categories: the chart reads the unit table, not the category table below it",
      rows: [task("甲", "已完成", "安全"), task("乙", "进行中", "经营")],
      units: ["甲", "乙"],
      rates: [1, 0],
    },
    {
      name: "a roster: the units not on it, listed apart, are not in the chart",
      rows: [task("甲", "已完成"), task("乙", "进行中"), task("甲乙", "已完成")],
      roster: ["甲", "乙"],
      units: ["甲", "乙"],
      rates: [1, 0],
    },
  ])("$name", ({ rows, units, rates, roster }) => {
    const spec = summary(rows, "zh-CN", roster);
    expect(spec.charts).toHaveLength(1);
    const chart = spec.charts![0]!;
    expect(chart.kind).toBe("bar");
    // The chart's categories and values are the table's own cells: the names, and the completion rates under
    // the completion heading.
    const cats = cellsOf(spec, chart.categories);
    expect(new Set(cats)).toEqual(new Set(units));
    expect(chart.series).toHaveLength(1);
    const { values } = chart.series[0]!;
    expect([values.top, values.bottom]).toEqual([chart.categories.top, chart.categories.bottom]);
    expect(values.left).toBe(values.right);
    expect(spec.rows[values.top - 1]!.cells[values.left]).toEqual({ value: "完成率", style: "header" });
    expect(spec.rows[values.top - 1]!.cells[0]).toEqual({ value: "责任单位", style: "header" });
    const byUnit = Object.fromEntries(cats.map((u, i) => [u, cellsOf(spec, values)[i]]));
    expect(units.map((u) => byUnit[u])).toEqual(rates);
    // The total row below is not a unit.
    expect(spec.rows[chart.categories.bottom + 1]!.cells[0]!.style).toBe("totalText");
    // The data bars stay.
    expect(spec.dataBars[0]!.range).toEqual(values);
  });

  test.each([
    ["no task at all", [] as CellValue[][]],
    ["tasks without a unit", [task("", "进行中")]],
  ])("%s: no chart", (_name, rows) => {
    const spec = summary(rows);
    expect(spec.charts ?? []).toEqual([]);
  });

  test.each([
    ["zh-CN" as const, "各单位完成率", "完成率"],
    ["en-US" as const, "Completion rate by unit", "Completion"],
  ])("%s: the title and the series in the locale's words, 0 to 100 %%", (locale, title, series) => {
    const chart = summary([task("甲", "已完成")], locale).charts![0]!;
    expect(chart.title).toBe(title);
    expect(chart.series[0]!.name).toBe(series);
    expect(chart.valueAxis).toEqual({ min: 0, max: 1, numberFormat: "0%" });
    expect(chart.series[0]!.color).toMatch(/^[0-9A-F]{6}$/);
  });

  test.each([1, 5, 30])(
    "%i units: the chart is below everything, from column A as wide as the table, with room for every bar",
    (n) => {
      const rows = Array.from({ length: n }, (_, i) =>
        task(`单位${i + 1}`, i % 2 ? "已完成" : "进行中", "安全"),
      );
      const spec = summary(rows);
      const { from, to } = spec.charts![0]!.anchor;
      // Below the last written row (the bulletin) with a blank row between: it covers no cell.
      const lastRow = spec.rows.reduce((last, r, i) => (r.cells.some((c) => c?.value != null) ? i : last), 0);
      expect(lastRow).toBe(spec.rows.length - 1);
      expect(from).toEqual({ row: lastRow + 2, column: 0 });
      // As wide as the table, no wider: the printed page keeps the table at its own size.
      expect(to.column).toBe(spec.columns.length);
      expect(to.row - from.row).toBeGreaterThanOrEqual(n + 4);
      // A page break cuts no chart: it prints under the tables when they fit one page together, or a page
      // starts with the bulletin (the blank row above its title), which reads with the chart under it.
      const bulletin = spec.rows.findIndex((r) => r.cells[0]?.value === "通报");
      expect(spec.print.pageBreaksBefore).toEqual(fitsOnePage(spec, to) ? undefined : [bulletin - 1]);
      if (n === 30) expect(spec.print.pageBreaksBefore).toEqual([bulletin - 1]);
    },
  );

  // The header row repeats on every printed page (print titles). On the chart's page of its own it would head
  // nothing, so it repeats only where the tables themselves run onto a second page.
  test.each([
    { units: 2, categories: 0, pageBreak: false, tablesFitOnePage: true, titles: true },
    { units: 12, categories: 3, pageBreak: true, tablesFitOnePage: true, titles: false },
    { units: 60, categories: 3, pageBreak: true, tablesFitOnePage: false, titles: true },
  ])(
    "$units units, $categories categories: a page break before the bulletin $pageBreak, the header on every page $titles",
    ({ units, categories, pageBreak, tablesFitOnePage, titles }) => {
      const rows = Array.from({ length: units }, (_, i) =>
        task(
          `单位${i + 1}`,
          i % 2 ? "已完成" : "进行中",
          categories > 0 ? `类别${i % categories}` : undefined,
        ),
      );
      const spec = summary(rows);
      const bulletin = spec.rows.findIndex((r) => r.cells[0]?.value === "通报");
      expect(spec.print.pageBreaksBefore).toEqual(pageBreak ? [bulletin - 1] : undefined);
      expect(fitsOnePage(spec, { row: bulletin - 1, column: spec.columns.length })).toBe(tablesFitOnePage);
      const header = spec.rows.findIndex((r) => r.cells[0]?.value === "责任单位");
      expect(spec.print.repeatRows).toEqual(titles ? { first: header, last: header } : undefined);
    },
  );

  test("a small sheet: the chart prints under the table on the same page", () => {
    const spec = summary([task("甲", "已完成"), task("乙", "进行中")]);
    expect(fitsOnePage(spec, spec.charts![0]!.anchor.to)).toBe(true);
    expect(spec.print.pageBreaksBefore).toBeUndefined();
  });

  test.each([
    { name: "one idle unit", rows: [task("甲", "已完成"), task("乙", "进行中")], roster: ["甲", "乙", "丙"] },
    {
      name: "two idle units, one sorting before the others",
      rows: [task("乙", "已完成"), task("丙", "进行中")],
      roster: ["甲", "乙", "丙", "丁"],
    },
  ])(
    "a roster with units of no task ($name): listed last in the table, not in the chart",
    ({ rows, roster }) => {
      const spec = summary(rows, "zh-CN", roster);
      const chart = spec.charts![0]!;
      const withTasks = new Set(rows.map((r) => r[2]));
      const idle = roster.filter((u) => !withTasks.has(u));
      expect(new Set(cellsOf(spec, chart.categories))).toEqual(withTasks);
      // The idle units follow the chart's last category, each with 无任务, before the total.
      const after = spec.rows.slice(chart.categories.bottom + 1, chart.categories.bottom + 1 + idle.length);
      expect(after.map((r) => r.cells[0]!.value).sort()).toEqual([...idle].sort());
      expect(after.every((r) => r.cells.some((c) => c?.value === "无任务"))).toBe(true);
      expect(spec.rows[chart.categories.bottom + 1 + idle.length]!.cells[0]!.style).toBe("totalText");
      expect(chart.series[0]!.values.bottom).toBe(chart.categories.bottom);
    },
  );
});

describe("汇总's subtitle", () => {
  test.each([
    { locale: "zh-CN" as const, roster: undefined, says: "责任单位 2 个 · ", not: "名单另有" },
    { locale: "zh-CN" as const, roster: ["甲", "乙"], says: "责任单位 2 个 · ", not: "名单另有" },
    { locale: "zh-CN" as const, roster: ["甲", "乙", "丙"], says: "责任单位 2 个（名单另有 1 个无任务） · " },
    {
      locale: "zh-CN" as const,
      roster: ["甲", "乙", "丙", "丁"],
      says: "责任单位 2 个（名单另有 2 个无任务）",
    },
    { locale: "en-US" as const, roster: undefined, says: "2 units · ", not: "roster" },
    {
      locale: "en-US" as const,
      roster: ["甲", "乙", "丙"],
      says: "2 units (and 1 on the roster with no task) · ",
    },
  ])("$locale, roster $roster: $says", ({ locale, roster, says, not }) => {
    const spec = summary([task("甲", "已完成"), task("乙", "进行中")], locale, roster);
    const subtitle = String(spec.rows[1]!.cells[0]!.value);
    expect(subtitle).toContain(says);
    if (not) expect(subtitle).not.toContain(not);
  });
});
