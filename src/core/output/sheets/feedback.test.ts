import {
  checked,
  copyWorkbook,
  day,
  masterWorkbook,
  noticeWorkbook,
  returned,
  TASKS,
} from "../../../../test/helpers/feedback";
import { checkWorkbook } from "../../check";
import { applyChanges } from "../../feedback/apply";
import { mergedRows } from "../../feedback/apply";
import { mergeAnswers } from "../../feedback/merge";
import type { MergeOutcome } from "../../feedback/types";
import { DEFAULT_SETTINGS, type Locale } from "../../settings";
import { planWrite } from "../plan";
import type { SheetSpec, SpecCell } from "../spec";

const master = checked(masterWorkbook());
const outcome = mergeAnswers(master, [
  returned(
    "甲.xlsx",
    noticeWorkbook(master, "甲", {
      edits: {
        2: { status: "已完成", doneDate: day("2026-11-09") },
        3: { deadline: day("2026-11-25"), status: "已完成" },
      },
    }),
  ),
  returned("乙-1.xlsx", noticeWorkbook(master, "乙", { edits: { 4: { status: "已完成" } } })),
  returned("乙-2.xlsx", noticeWorkbook(master, "乙", { edits: { 4: { status: "未完成" } } })),
  { file: "坏.xlsx", reason: "damaged", detail: "zip: invalid" },
  returned("副本.xlsx", copyWorkbook(TASKS)),
]);
const merged = applyChanges(master.workbook, master.result.sheet, outcome.changes);
const result = checkWorkbook(merged, { asOf: master.result.asOf, keyRows: mergedRows(outcome) });

function feedbackSheetOf(locale: Locale, merge: MergeOutcome = outcome): SheetSpec {
  const plan = planWrite(result, {
    settings: DEFAULT_SETTINGS,
    locale,
    record: undefined,
    date1904: false,
    merge,
  });
  return plan.sheets.find((s) => s.kind === "feedback")!;
}

/** Each row's values, without the empty cells a merge leaves at its end. */
function values(sheet: SheetSpec): unknown[][] {
  return sheet.rows.map((row) => {
    const cells = row.cells.map((c) => c?.value ?? null);
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
}

describe("the Feedback sheet (反馈情况)", () => {
  test("units (未反馈 first), the changes, the answers not applied with why, the files not used", () => {
    expect(values(feedbackSheetOf("zh-CN"))).toEqual([
      ["反馈情况 · 任务表 · 检查日 2026-11-18"],
      [
        "主表：master.xlsx · 轮次 2026-11-18 · 3 个单位中 2 个已反馈 · 采纳修改 2 处 · 未采纳 3 处 · 未使用的文件 2 个",
      ],
      ["反馈已合并", "浅蓝：本次合并反馈改写的单元格"],
      [],
      ["责任单位", "反馈", "反馈文件", "更新行数", "未采纳行数"],
      ["丙", "未反馈", "", 0, 0],
      ["乙", "已反馈", "乙-1.xlsx\n乙-2.xlsx", 0, 1],
      ["甲", "已反馈", "甲.xlsx", 1, 1],
      [],
      ["已采纳的修改（2 处）"],
      ["单元格", "工作任务", "字段", "原值", "新值", "反馈文件"],
      ["E2", "安全检查", "完成情况", "进行中", "已完成", "甲.xlsx"],
      ["F2", "安全检查", "完成日期", null, day("2026-11-09"), "甲.xlsx"],
      [],
      ["未采纳的反馈（3 处）"],
      ["单元格", "工作任务", "字段", "原因", "主表的值", "反馈的值", "反馈文件"],
      [
        "D3",
        "隐患排查",
        "完成时限",
        "改动了工作任务、责任单位或完成时限，该行反馈均未采纳",
        day("2026-11-20"),
        day("2026-11-25"),
        "甲.xlsx",
      ],
      [
        "E4",
        "应急演练",
        "完成情况",
        "两份反馈不一致，均未采纳，请核实（另一份：乙-2.xlsx，值为“未完成”）",
        "进行中",
        "已完成",
        "乙-1.xlsx",
      ],
      [
        "E4",
        "应急演练",
        "完成情况",
        "两份反馈不一致，均未采纳，请核实（另一份：乙-1.xlsx，值为“已完成”）",
        "进行中",
        "未完成",
        "乙-2.xlsx",
      ],
      [],
      ["未使用的文件（2 个）"],
      ["文件", "原因", "详情"],
      ["坏.xlsx", "文件已损坏，无法打开", "zip: invalid"],
      ["副本.xlsx", "与主表一致，没有反馈内容"],
    ]);
  });

  test("cells link to the task sheet; a unit without an answer stands out; a date stays a date", () => {
    const sheet = feedbackSheetOf("zh-CN");
    const at = (r: number, c: number) => sheet.rows[r]!.cells[c] as SpecCell;
    expect(at(11, 0)).toEqual({ value: "E2", style: "link", link: { sheet: "任务表", cell: "E2" } });
    expect(at(16, 0)).toEqual({ value: "D3", style: "link", link: { sheet: "任务表", cell: "D3" } });
    expect([at(5, 1).style, at(6, 1).style]).toEqual(["warning", "text"]);
    expect(at(12, 4).style).toBe("date");
    expect(at(2, 0).style).toBe("legendMerged");
    expect(sheet.freezeRows).toBe(2);
  });

  test("a row that matched nothing is named by its row in the returned file", () => {
    const noMatch = mergeAnswers(master, [
      returned("copy.xlsx", copyWorkbook([[9, "新任务", "甲", day("2026-12-01"), "已完成"]])),
    ]);
    const rows = values(feedbackSheetOf("en-US", noMatch));
    expect(rows).toContainEqual([
      "Returned row 2",
      "新任务",
      "Status",
      "No task in the master matches this row",
      null,
      "已完成",
      "copy.xlsx",
    ]);
    expect(rows).toContainEqual(["No change was applied."]);
    expect(rows[1]).toEqual([
      "Master master.xlsx · round none (plain copies only) · 1 of 3 units answered · 0 changes applied · 1 not applied · 0 files not used",
    ]);
  });

  test.each<[Locale, string, string]>([
    ["zh-CN", "反馈文件无法使用（见下文）", "文件已损坏，无法打开"],
    ["en-US", "File could not be used (see below)", "Damaged: it cannot be opened"],
  ])(
    "%s: a unit whose file could not be used says so, with the file, which is listed with why",
    (locale, status, why) => {
      const unusable = mergeAnswers(master, [
        { file: "督办单-丙.xlsx", reason: "damaged", detail: "zip: invalid" },
      ]);
      const rows = values(feedbackSheetOf(locale, unusable));
      expect(rows).toContainEqual(["丙", status, "督办单-丙.xlsx", 0, 0]);
      expect(rows).toContainEqual(["督办单-丙.xlsx", why, "zip: invalid"]);
      const sheet = feedbackSheetOf(locale, unusable);
      const line = sheet.rows.findIndex((row) => row.cells[0]?.value === "丙");
      expect(sheet.rows[line]!.cells[1]!.style).toBe("warning");
    },
  );

  test("in English, under its own name", () => {
    const sheet = feedbackSheetOf("en-US");
    expect(sheet.name).toBe("Feedback");
    expect(values(sheet)[4]).toEqual(["Unit", "Answered", "Files", "Rows updated", "Rows not applied"]);
  });
});
