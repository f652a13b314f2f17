import { checkWorkbook } from "../../check";
import { parseIsoDay } from "../../day";
import { settingsSchema, type Locale, type SettingsInput } from "../../settings";
import type { CellValue, WorkbookModel } from "../../workbook";
import { generatedSheets } from "../generate";
import type { SheetSpec, SpecRow } from "../spec";

const asOf = parseIsoDay("2026-11-18")!;
const HEADER: CellValue[] = ["工作任务", "责任单位", "完成时限", "完成情况", "完成日期", "分值", "得分"];
const ROWS: CellValue[][] = [
  ["a", "综采一队", "2026-11-10", "进行中", null, 10, null],
  ["b", "综采一队", "2026-11-10", "已完成", "2026-11-09", 10, null],
  ["c", "掘进二对", "2026-11-10", "已完成", "2026-11-09", 10, 10],
  ["d", "机电科", "2026-11-10", "已完成", "2026-11-09", 10, 9],
];

function sheets(locale: Locale, ranking: SettingsInput["ranking"] = {}, roster = true) {
  const workbook: WorkbookModel = {
    fileName: "t.xlsx",
    sheets: [
      { name: "任务", rows: [HEADER, ...ROWS], merges: [] },
      ...(roster
        ? [{ name: "单位名单", rows: [["单位名称"], ["综采一队"], ["掘进二队"], ["机电科"]], merges: [] }]
        : []),
    ],
  };
  const settings = settingsSchema.parse({ ranking });
  return generatedSheets(checkWorkbook(workbook, { asOf, settings }), { settings, locale });
}
const sheet = (all: SheetSpec[], kind: SheetSpec["kind"]) => all.find((s) => s.kind === kind)!;
const values = (row: SpecRow) => row.cells.map((c) => c?.value ?? null);
const text = (spec: SheetSpec) =>
  spec.rows
    .flatMap(values)
    .filter((v) => typeof v === "string")
    .join("\n");
const below = (spec: SheetSpec, first: string) => {
  const header = spec.rows.findIndex((r) => r.cells[0]?.style === "header" && r.cells[0].value === first);
  return spec.rows.slice(header + 1).map(values);
};

describe("the ranking sheet", () => {
  test.each([
    ["zh-CN" as const, "名次", "无任务，不排名"],
    ["en-US" as const, "Rank", "no tasks, not ranked"],
  ])(
    "%s: roster units ranked, then a roster unit with no task listed without a rank",
    (locale, rank, none) => {
      const rows = below(sheet(sheets(locale, { scale: "none" }), "ranking"), rank);
      expect(rows.map((r) => r.slice(0, 3))).toEqual([
        [1, "机电科", 100],
        [2, "综采一队", 98],
        [null, "掘进二队", none],
      ]);
    },
  );

  test.each([
    [
      "zh-CN" as const,
      {},
      "计分方法：按任务数折算扣分，得分 = 100 − 扣分率 × 平均任务数 1.5，扣分率 =（扣分 + 5 × 全部单位扣分率 0.667）÷（任务数 + 5）",
    ],
    ["zh-CN" as const, { scale: "none" as const }, "计分方法：扣分制，得分 = 100 − 2×逾期"],
    [
      "zh-CN" as const,
      { score: "points" as const },
      "计分方法：考核评分，得分 = 100 × 得分合计 ÷ 分值合计 − 2×逾期 − 2×漏项",
    ],
    [
      "en-US" as const,
      { score: "points" as const },
      "Method: points, score = 100 × points earned ÷ points possible",
    ],
    [
      "en-US" as const,
      {},
      "Method: deductions per task, score = 100 − rate × 1.5 (the average unit's tasks)",
    ],
  ])("%s %j: the subtitle names the method and its formula", (locale, ranking, formula) => {
    const subtitle = String(sheet(sheets(locale, ranking), "ranking").rows[1]!.cells[0]!.value);
    expect(subtitle).toContain(formula);
  });

  test("points chosen without 分值 in the table: the subtitle says deductions were used", () => {
    const workbook: WorkbookModel = {
      fileName: "t.xlsx",
      sheets: [{ name: "任务", rows: [HEADER.slice(0, 5), ...ROWS.map((r) => r.slice(0, 5))], merges: [] }],
    };
    const settings = settingsSchema.parse({ ranking: { score: "points" } });
    const all = generatedSheets(checkWorkbook(workbook, { asOf, settings }), { settings, locale: "zh-CN" });
    expect(String(sheet(all, "ranking").rows[1]!.cells[0]!.value)).toContain("表中没有分值，改按扣分计分");
    expect(text(sheet(all, "summary"))).toContain("本期考核因表中没有分值按任务数折算扣分计分");
  });
});

describe("the summary sheet", () => {
  test.each([
    [
      "zh-CN" as const,
      "不在名单的单位（1 个，未参与排名，请更正）",
      "表中填写",
      "“掘进二对”（1 项，应为“掘进二队”？）不在单位名单中",
    ],
    [
      "en-US" as const,
      "Not on the roster (1 unit, not ranked: correct them)",
      "As written",
      '"掘进二对" (1 task; 掘进二队?) is not on the roster',
    ],
  ])(
    "%s: units not on the roster in a section of their own, and the bulletin asks for them to be corrected",
    (locale, title, first, bulletin) => {
      const spec = sheet(sheets(locale), "summary");
      expect(text(spec)).toContain(title);
      expect(below(spec, first)[0]!.slice(0, 5)).toEqual(["掘进二对", "掘进二队", 1, 0, 0]);
      const paragraph = spec.rows.find((r) => r.cells[0]?.style === "paragraph")!;
      expect(String(paragraph.cells[0]!.value)).toContain(bulletin);
      // The units' table holds the roster's units only.
      const units = spec.rows.filter((r) => r.cells[0]?.style === "text").map((r) => r.cells[0]!.value);
      expect(units.slice(0, 2)).toEqual(["综采一队", "机电科"]);
    },
  );

  test.each([
    ["zh-CN" as const, { score: "points" as const }, "本期考核按考核评分（得分÷分值）计分，"],
    ["zh-CN" as const, {}, "本期考核按任务数折算扣分计分，"],
    ["en-US" as const, { scale: "none" as const }, "Scored by deductions, "],
  ])("%s %j: the bulletin names the method", (locale, ranking, phrase) => {
    const spec = sheet(sheets(locale, ranking), "summary");
    const paragraph = spec.rows.find((r) => r.cells[0]?.style === "paragraph")!;
    expect(String(paragraph.cells[0]!.value)).toContain(phrase);
  });

  test.each([
    ["with a roster", true],
    ["without a roster", false],
  ])(
    "group words (%s): a section of their own, saying to how many units they went, and in the bulletin apart",
    (_name, withRoster) => {
      const workbook: WorkbookModel = {
        fileName: "t.xlsx",
        sheets: [
          {
            name: "任务",
            rows: [
              HEADER,
              ...ROWS,
              ["e", "各单位", "2026-11-10", "进行中"],
              ["f", "相关单位", "2026-11-30", "进行中"],
            ],
            merges: [],
          },
          ...(withRoster
            ? [{ name: "单位名单", rows: [["单位名称"], ["综采一队"], ["掘进二队"], ["机电科"]], merges: [] }]
            : []),
        ],
      };
      const settings = settingsSchema.parse({});
      const all = generatedSheets(checkWorkbook(workbook, { asOf, settings }), { settings, locale: "zh-CN" });
      const summary = sheet(all, "summary");
      const title = summary.rows.findIndex((r) => String(r.cells[0]?.value).startsWith("多个单位共同的任务"));
      const rows = summary.rows
        .slice(title + 2)
        .map(values)
        .map((r) => r.slice(0, 5));
      expect(rows.slice(0, 2)).toEqual([
        ["各单位", "3 个单位", 1, 1, 1],
        ["相关单位", "未写明单位，无法发出", 1, 1, 0],
      ]);
      // The units' table and its subtitle count units alone.
      const table = below(summary, "责任单位");
      const units = table
        .slice(
          0,
          table.findIndex((r) => r[0] === "合计"),
        )
        .map((r) => r[0]);
      expect(units).not.toContain("各单位");
      expect(units).not.toContain("相关单位");
      expect(String(summary.rows[1]!.cells[0]!.value)).toContain(
        `责任单位 ${units.length - (withRoster ? 1 : 0)} 个`,
      );
      const paragraphs = summary.rows.filter((r) => r.cells[0]?.style === "paragraph");
      const paragraph = String(paragraphs[paragraphs.length - 1]!.cells[0]!.value);
      expect(paragraph).toContain("多个单位共同的任务逾期各单位（1 项）");
      expect(paragraph).not.toContain("“各单位”");
    },
  );

  test("without a roster there is no such section, and every unit is ranked", () => {
    const all = sheets("zh-CN", {}, false);
    expect(text(sheet(all, "summary"))).not.toContain("不在名单");
    expect(below(sheet(all, "ranking"), "名次").map((r) => r[1])).toEqual(["机电科", "掘进二对", "综采一队"]);
  });
});
