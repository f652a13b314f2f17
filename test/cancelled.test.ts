// Work called off (任务取消, 终止) in the task table: not chased, not counted, not ranked, and said so once.

import { checkWorkbook } from "../src/core/check";
import { parseIsoDay } from "../src/core/day";
import { formatNotice } from "../src/core/i18n";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import type { CellValue, WorkbookModel } from "../src/core/workbook";

const HEADER = ["序号", "工作任务", "责任单位", "完成时限", "完成情况"];

function book(rows: CellValue[][]): WorkbookModel {
  return {
    fileName: "t.xlsx",
    sheets: [{ name: "任务", rows: [HEADER, ...rows], merges: [], hidden: false }],
  };
}

const check = (rows: CellValue[][]) =>
  checkWorkbook(book(rows), { asOf: parseIsoDay("2026-11-18")!, settings: DEFAULT_SETTINGS });

describe("a task called off", () => {
  const rows: CellValue[][] = [
    [1, "检查", "机电科", "2026-11-10", "已取消"],
    [2, "巡查", "运输队", "2026-11-10", "进行中"],
    [3, "演练", "运输队", "2026-11-10", "已完成"],
    [4, "培训", "机电科", "2026-11-01", "终止"],
    ...Array.from({ length: 5 }, (_, i): CellValue[] => [5 + i, `整改${i}`, "通风科", "2026-11-10", "作废"]),
  ];
  const result = check(rows);

  test("has no finding: neither overdue nor an unknown status", () => {
    expect(result.findings.map((f) => [f.row, f.rule])).toEqual([[3, "overdue"]]);
  });

  test("is not counted in the summary, nor ranked", () => {
    expect(result.summary.total.tasks).toBe(2);
    expect(result.summary.units.map((u) => u.name)).toEqual(["运输队"]);
    expect(result.ranking.map((r) => r.unit)).toEqual(["运输队"]);
  });

  test("is named in a notice, its rows listed up to five", () => {
    const notice = result.notices.find((n) => n.id === "cancelledTasks");
    expect(notice?.values).toEqual({ sheet: "任务", count: 7, rows: "2, 5, 6, 7, 8 …" });
    expect(formatNotice(notice!, "zh-CN")).toBe(
      "“任务”中有 7 项任务的完成情况写明已取消或终止（第 2、5、6、7、8…… 行），这些任务不再检查，也不计入汇总和排名。",
    );
    expect(formatNotice(notice!, "en-US")).toContain('7 tasks of "任务" are marked as cancelled');
  });

  test("a table with none has no such notice", () => {
    expect(check(rows.slice(1, 3)).notices.map((n) => n.id)).not.toContain("cancelledTasks");
  });
});
