import { checkWorkbook } from "../../check";
import { parseIsoDay } from "../../day";
import { settingsSchema, type Locale } from "../../settings";
import type { WorkbookModel } from "../../workbook";
import { generatedSheets } from "../generate";
import { planWrite } from "../plan";
import type { DubanRecord } from "../record";
import type { SheetSpec } from "../spec";
import { styleSheet } from "../styles";
import { fitsOnePage } from "../layout";
import { CHART_SERIES } from "./history";
import { tasksWorkbook } from "../../../../test/helpers/tasks-workbook";

// Scored as written (100 − 2 × overdue), so that the numbers can be read here. November: 甲 100 (1st), 丁 98
// (2nd), 乙 96 (3rd); December: 乙 100 (1st, up 2), 甲 98 (2nd, down 1), 丙 96 (new), 丁 not ranked.
const settings = settingsSchema.parse({ ranking: { scale: "none" } });
const november = tasksWorkbook([
  ["a", "甲", "2026-11-10", "已完成"],
  ["b", "乙", "2026-11-10", "进行中"],
  ["c", "乙", "2026-11-12", "进行中"],
  ["d", "丁", "2026-11-10", "进行中"],
]);
const december = tasksWorkbook([
  ["a", "甲", "2026-12-10", "进行中"],
  ["b", "乙", "2026-12-10", "已完成"],
  ["c", "丙", "2026-12-01", "进行中"],
  ["d", "丙", "2026-12-01", "进行中"],
]);

const check = (model: WorkbookModel, asOf: string) =>
  checkWorkbook(model, { asOf: parseIsoDay(asOf)!, settings });
function write(
  model: WorkbookModel,
  asOf: string,
  record: DubanRecord | undefined,
  locale: Locale = "zh-CN",
) {
  return planWrite(check(model, asOf), { settings, locale, record, date1904: false });
}
const historyOf = (sheets: readonly SheetSpec[]) => sheets.find((s) => s.kind === "history");
const values = (spec: SheetSpec) => spec.rows.map((r) => r.cells.map((c) => c?.value ?? null));
const styles = (spec: SheetSpec) => spec.rows.map((r) => r.cells.map((c) => c?.style ?? null));

const first = write(november, "2026-11-18", undefined);
const second = write(december, "2026-12-18", first.record);
const sheet = historyOf(second.sheets)!;

describe("考核记录 / History", () => {
  test("after 排名, with a column for each check day, oldest first", () => {
    expect(second.sheets.map((s) => s.kind).slice(0, 4)).toEqual(["issues", "summary", "ranking", "history"]);
    expect(sheet.name).toBe("考核记录");
    expect(values(sheet)[2]).toEqual([
      "责任单位",
      "本期",
      "2026-11-18",
      "2026-12-18",
      "得分变化",
      "名次变化",
    ]);
  });

  // The line and the change read with two decimals, as the days' scores beside them (96.94 beside 93.00).
  test("units in this check's rank order, then those ranked only before; each cell the day's score", () => {
    expect(values(sheet).slice(3)).toEqual([
      ["乙", "100.00 ↑2（第1名）", 96, 100, "+4.00", "↑2"],
      ["甲", "98.00 ↓1（第2名）", 100, 98, "−2.00", "↓1"],
      ["丙", "96.00 新（第3名）", null, 96, null, "新"],
      ["丁", "本期未排名", 98, null, null, null],
    ]);
  });

  test("the days' scores read with two decimals, so that a column compares with the next", () => {
    expect(styles(sheet)[3]!.slice(2, 4)).toEqual(["score", "score"]);
    expect(styleSheet(settings).score.numberFormat).toBe("0.00");
  });

  test("a rise is green and a fall red, as the ranking's change in rank", () => {
    expect(styles(sheet)[3]!.slice(4)).toEqual(["rankUp", "rankUp"]);
    expect(styles(sheet)[4]!.slice(4)).toEqual(["rankDown", "rankDown"]);
  });

  test("the first check: one day, no change to show", () => {
    const only = historyOf(first.sheets)!;
    expect(values(only)[2]).toEqual(["责任单位", "本期", "2026-11-18", "得分变化", "名次变化"]);
    expect(values(only)[3]).toEqual(["甲", "100.00（第1名）", 100, null, null]);
    expect(values(only)[1]![0]).not.toContain("变化与");
  });

  test("re-checking the same day compares with the same check as before", () => {
    const again = write(december, "2026-12-18", second.record);
    expect(historyOf(again.sheets)).toEqual(sheet);
  });

  test("printable: landscape, the header repeated, rows frozen under it", () => {
    expect(sheet.print).toEqual({ landscape: true, repeatRows: { first: 2, last: 2 } });
    expect(sheet.freezeRows).toBe(3);
    expect(values(sheet)[1]![0]).toContain("共 2 次检查（2026-11-18 至 2026-12-18）");
    expect(values(sheet)[1]![0]).toContain("变化与 2026-11-18 的检查相比");
  });

  test("a line chart of the scores: the day headers as categories, a series a unit, below the table", () => {
    expect(sheet.charts).toEqual([
      {
        kind: "line",
        title: "各单位得分走势",
        categories: { top: 2, left: 2, bottom: 2, right: 3 },
        series: [
          { name: "乙", values: { top: 3, left: 2, bottom: 3, right: 3 }, color: expect.any(String) },
          { name: "甲", values: { top: 4, left: 2, bottom: 4, right: 3 }, color: expect.any(String) },
          { name: "丙", values: { top: 5, left: 2, bottom: 5, right: 3 }, color: expect.any(String) },
        ],
        valueAxis: { numberFormat: "0" },
        anchor: { from: { row: 8, column: 0 }, to: { row: 26, column: 8 } },
      },
    ]);
  });

  test(`the chart draws the ${CHART_SERIES} best ranked units, and says so`, () => {
    const many = tasksWorkbook(
      Array.from({ length: 12 }, (_, i) => [
        `t${i}`,
        `单位${i + 1}`,
        "2026-11-10",
        i < 6 ? "已完成" : "进行中",
      ]),
    );
    const plan = write(many, "2026-11-18", undefined);
    const chart = historyOf(plan.sheets)!.charts![0]!;
    expect(chart.series).toHaveLength(CHART_SERIES);
    expect(chart.series.map((s) => s.name)).toEqual(
      plan.record.history![0]!.units.slice(0, CHART_SERIES).map((u) => u.unit),
    );
    expect(new Set(chart.series.map((s) => s.color)).size).toBe(CHART_SERIES);
    expect(chart.title).toBe(`得分走势（排名前 ${CHART_SERIES} 的单位）`);
  });

  test.each([
    { units: 3, breaks: false },
    { units: 12, breaks: true },
    { units: 40, breaks: true },
  ])(
    "$units units: the chart starts a printed page of its own when the table and it may not fit one ($breaks)",
    ({ units, breaks }) => {
      const many = tasksWorkbook(
        Array.from({ length: units }, (_, i) => [
          `t${i}`,
          `单位${i + 1}`,
          "2026-11-10",
          i % 2 ? "已完成" : "进行中",
        ]),
      );
      const spec = historyOf(write(many, "2026-11-18", undefined).sheets)!;
      const chart = spec.charts![0]!;
      // Before the blank row between the table and the chart.
      expect(spec.print.pageBreaksBefore).toEqual(breaks ? [chart.anchor.from.row - 1] : undefined);
      expect(spec.rows[chart.anchor.from.row - 1]?.cells.some((c) => c?.value != null) ?? false).toBe(false);
      expect(fitsOnePage(spec, chart.anchor.to)).toBe(!breaks);
    },
  );

  test.each([
    { name: "a short narrow sheet", rows: 20, heights: undefined, columns: [10, 10], fits: true },
    { name: "too many rows", rows: 40, heights: undefined, columns: [10, 10], fits: false },
    { name: "tall rows", rows: 20, heights: 30, columns: [10, 10], fits: false },
    // Fitting a wide sheet one page wide shrinks it, and its rows with it.
    {
      name: "too many rows, but so wide the page shrinks",
      rows: 40,
      heights: undefined,
      columns: Array(40).fill(12),
      fits: true,
    },
  ])("fitsOnePage: $name", ({ rows, heights, columns, fits }) => {
    const spec: SheetSpec = {
      ...sheet,
      columns,
      rows: Array.from({ length: rows }, () => ({ cells: [], ...(heights ? { height: heights } : {}) })),
    };
    expect(fitsOnePage(spec, { row: rows, column: 0 })).toBe(fits);
  });

  test("in English", () => {
    const en = historyOf(write(december, "2026-12-18", first.record, "en-US").sheets)!;
    expect(en.name).toBe("History");
    expect(values(en)[2]).toEqual(["Unit", "Latest", "2026-11-18", "2026-12-18", "Score change", "Change"]);
    expect(values(en)[3]![1]).toBe("100.00 ↑2 (rank 1)");
    expect(values(en)[6]![1]).toBe("not ranked this time");
  });

  test.each<[string, Parameters<typeof generatedSheets>[1]["history"]]>([
    ["no history given", undefined],
    ["an empty history", []],
  ])("no History sheet: %s", (_name, history) => {
    const sheets = generatedSheets(check(november, "2026-11-18"), {
      settings,
      locale: "zh-CN",
      ...(history ? { history } : {}),
    });
    expect(historyOf(sheets)).toBeUndefined();
  });
});
