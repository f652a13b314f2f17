import { checkWorkbook } from "../core/check";
import { parseIsoDay } from "../core/day";
import type { Locale } from "../core/settings";
import type { CellValue, WorkbookModel } from "../core/workbook";
import { CATALOGUES } from "../core/i18n";
import { renderText } from "./render";

const rows: CellValue[][] = [
  ["工作任务", "责任单位", "完成时限", "完成情况"],
  ["a", "综采一队", "2026-11-10", "已完成"],
  ["b", "掘进二对", "2026-11-10", "进行中"],
];
const workbook: WorkbookModel = {
  fileName: "t.xlsx",
  sheets: [
    { name: "任务", rows, merges: [] },
    { name: "单位名单", rows: [["单位名称"], ["综采一队"], ["掘进二队"], ["机电科"]], merges: [] },
  ],
};
const result = checkWorkbook(workbook, { asOf: parseIsoDay("2026-11-18")! });

/** The rows of the table under `heading`, each cut into its cells (empty ones kept). */
function tableUnder(locale: Locale, heading: string): string[][] {
  const lines = renderText(result, locale, 120).trimEnd().split("\n");
  const rows: string[][] = [];
  for (const line of lines.slice(lines.lastIndexOf(heading) + 1)) {
    if (!/^[│├┌└]/.test(line)) break;
    if (line.startsWith("│"))
      rows.push(
        line
          .split("│")
          .slice(1, -1)
          .map((cell) => cell.trim()),
      );
  }
  return rows;
}
const rankingLines = tableUnder;

describe("the terminal's ranking", () => {
  test.each<[Locale, string, string]>([
    ["zh-CN", "排名", "无任务，不排名"],
    ["en-US", "Ranking", "no tasks, not ranked"],
  ])(
    "%s: roster units with no task are listed without a rank; a unit off the roster is not ranked",
    (locale, heading, notRanked) => {
      const lines = rankingLines(locale, heading);
      expect(lines.filter((cells) => cells.includes("综采一队"))).toEqual([
        ["1", "综采一队", "100", "★★★★★"],
      ]);
      expect(lines.filter((cells) => cells.includes(notRanked))).toEqual([
        ["", "掘进二队", notRanked, ""],
        ["", "机电科", notRanked, ""],
      ]);
      expect(lines.some((cells) => cells.includes("掘进二对"))).toBe(false);
    },
  );
});

describe("the terminal's summary by unit", () => {
  test.each<[Locale, string, string]>([
    ["zh-CN", "按单位汇总", "无任务"],
    ["en-US", "Summary by unit", "no tasks"],
  ])("%s: roster units with no task follow the others with zeros", (locale, heading, noTasks) => {
    const rows = tableUnder(locale, heading);
    const zeros = ["0", "0", "0", "0", "0", "0", "0", "0"];
    expect(rows.filter((cells) => cells.includes(noTasks))).toEqual([
      ["掘进二队", ...zeros, noTasks, ""],
      ["机电科", ...zeros, noTasks, ""],
    ]);
    // The total stays last, counting the two tasks.
    expect(rows.at(-1)!.slice(0, 2)).toEqual([CATALOGUES[locale].words.total, "2"]);
  });
});

test("the terminal's summary lists group words (各单位) after the units, first written or not", () => {
  const grouped: WorkbookModel = {
    fileName: "t.xlsx",
    sheets: [
      {
        name: "任务",
        rows: [
          rows[0]!,
          ["a", "各单位", "2026-11-10", "进行中"],
          ["b", "综采一队", "2026-11-10", "已完成"],
          ["c", "各区队", "2026-11-30", "进行中"],
          ["d", "机电科", "2026-11-30", "进行中"],
        ],
        merges: [],
      },
    ],
  };
  const lines = renderText(checkWorkbook(grouped, { asOf: parseIsoDay("2026-11-18")! }), "zh-CN", 120).split(
    "\n",
  );
  const from = lines.indexOf("按单位汇总");
  const names = lines
    .slice(from + 1)
    .filter((line) => line.startsWith("│"))
    .map((line) => line.split("│")[1]!.trim())
    .slice(1, 6);
  expect(names).toEqual(["综采一队", "机电科", "各单位", "各区队", "合计"]);
});
