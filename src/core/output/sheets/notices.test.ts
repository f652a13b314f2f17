import { checkWorkbook } from "../../check";
import { parseIsoDay } from "../../day";
import { DEFAULT_SETTINGS } from "../../settings";
import type { TaskRow } from "../../table/rows";
import { contextFor } from "../generate";
import { mostUrgentFirst, noticeRecipients, noticesSheet, progressFindings } from "./notices";
import { tasksWorkbook } from "../../../../test/helpers/tasks-workbook";

// As of 2026-11-18, the rows (2-7) are: open, overdue, due soon, overdue, open, due soon.
const result = checkWorkbook(
  tasksWorkbook(
    [
      ["甲一", "甲", "2026-12-30", "进行中"],
      ["甲二", "甲", "2026-11-01", "进行中"],
      ["甲三", "甲", "2026-11-19", "进行中"],
      ["甲四", "甲", "2026-11-10", "进行中"],
      ["甲五", "甲", "2026-12-31", "进行中"],
      ["甲六", "甲", "2026-11-20", "进行中"],
    ],
    "任务表",
  ),
  { asOf: parseIsoDay("2026-11-18")! },
);

const progress = progressFindings(result.findings);

describe("mostUrgentFirst", () => {
  const byRow = (rows: readonly number[]) => rows.map((row) => result.rows.find((r) => r.row === row)!);

  test.each([
    { name: "rows in the table's order", rows: [2, 3, 4, 5, 6, 7] },
    { name: "rows out of order (sorted back by row within each urgency)", rows: [7, 6, 5, 4, 3, 2] },
    { name: "rows shuffled", rows: [5, 2, 7, 3, 6, 4] },
  ])("$name: overdue, then due soon, then the rest", ({ rows }) => {
    expect(mostUrgentFirst(byRow(rows), progress).map((r) => r.row)).toEqual([3, 5, 4, 7, 2, 6]);
  });

  test("no rows, no list", () => {
    expect(mostUrgentFirst([], progress)).toEqual([]);
  });
});

describe("tasks a group word gives to several units (各单位) or to none (相关单位)", () => {
  // As of 2026-11-18, rows 2-6: overdue, open, due soon and every unit's, overdue and no unit's, done.
  const shared = checkWorkbook(
    tasksWorkbook([
      ["采煤", "综采一队", "2026-11-10", "进行中"],
      ["检修", "机电科", "2026-12-30", "进行中"],
      ["安全大检查", "各单位", "2026-11-19", "未完成"],
      ["问题整改", "相关单位", "2026-11-10", "未完成"],
      ["总结", "各单位", "2026-11-01", "已完成"],
    ]),
    { asOf: parseIsoDay("2026-11-18")! },
  );
  const rowsOf = (map: ReadonlyMap<string, readonly TaskRow[]>) =>
    Object.fromEntries([...map].map(([unit, rows]) => [unit, rows.map((row) => row.row)]));

  test("each unit is sent its own open tasks and the shared ones; a word that names no unit, none", () => {
    const recipients = noticeRecipients(shared);
    expect(rowsOf(recipients.units)).toEqual({ 综采一队: [2, 4], 机电科: [3, 4] });
    expect(rowsOf(recipients.unaddressed)).toEqual({ 相关单位: [5] });
  });

  test("the checked copy's 督办单: the shared task on each unit's page, the unsendable ones last and said so", () => {
    const spec = noticesSheet(contextFor(shared, { settings: DEFAULT_SETTINGS, locale: "zh-CN" }));
    const text = spec.rows.map((row) => row.cells.map((c) => c?.value ?? null));
    const sectionTitles = spec.rows.flatMap((row) =>
      row.cells[0]?.style === "sectionTitle" ? [row.cells[0].value] : [],
    );
    expect(sectionTitles).toEqual(["督办单：综采一队", "督办单：机电科", "未写明单位：相关单位"]);
    // Four tasks, one of them on two pages.
    expect(text.map((cells) => cells[0])).toContain("文件：t.xlsx · 2 个单位有未完成任务，共 4 项");
    // Said on each page to be the task of 各单位.
    expect(text.filter((cells) => cells[1] === "安全大检查（各单位）").map((cells) => cells[0])).toEqual([
      4, 4,
    ]);
    expect(text.flat()).toContainEqual(
      expect.stringContaining("责任单位只写了“相关单位”，督办单无法确定发给谁"),
    );
  });
});
