import {
  checked,
  copyWorkbook,
  day,
  masterWorkbook,
  noticeWorkbook,
  SHEET,
  TASKS,
} from "../../../test/helpers/feedback";
import { DEFAULT_SETTINGS, settingsSchema } from "../settings";
import type { WorkbookModel } from "../workbook";
import { readAnswers, type ReturnedAnswers } from "./answers";
import { NOTICE_RECORD_SHEET } from "./types";

const master = checked(masterWorkbook());

describe("readAnswers", () => {
  test("a notice: each recorded row's cells as the unit left them, raw, with the record's row", () => {
    const workbook = noticeWorkbook(master, "甲", {
      edits: { 2: { status: "已完成", doneDate: day("2026-11-09") }, 3: { note: 12, task: "  隐患 排查 " } },
    });
    const answers = readAnswers(workbook, DEFAULT_SETTINGS) as Extract<ReturnedAnswers, { kind: "notice" }>;
    expect(answers.kind).toBe("notice");
    expect(answers.sheet).toBe("督办单");
    expect(answers.record.unit).toBe("甲");
    expect(
      answers.rows.map(({ row, answers, protected: kept, task, taskKey, unit, notice }) => ({
        row,
        answers,
        protected: kept,
        task,
        taskKey,
        unit,
        masterRow: notice?.masterRow,
      })),
    ).toEqual([
      {
        row: 3,
        answers: { status: "已完成", doneDate: day("2026-11-09"), evidence: null, note: null },
        protected: { task: "安全检查", unit: "甲", deadline: day("2026-11-10") },
        task: "安全检查",
        taskKey: "安全检查",
        unit: "甲",
        masterRow: 2,
      },
      {
        row: 4,
        answers: { status: null, doneDate: null, evidence: null, note: 12 },
        protected: { task: "  隐患 排查 ", unit: "甲", deadline: day("2026-11-20") },
        task: "隐患 排查",
        taskKey: "隐患排查",
        unit: "甲",
        masterRow: 3,
      },
    ]);
    // What the cells read as now: the record's fingerprint where they are as sent, another where the task
    // was edited (white space inside it counts).
    const [sent, edited] = answers.rows;
    expect(sent!.shownFingerprint).toBe(sent!.notice!.fingerprint);
    expect(edited!.shownFingerprint).toBeDefined();
    expect(edited!.shownFingerprint).not.toBe(edited!.notice!.fingerprint);
  });

  test("a notice whose sheet the unit renamed is read from its one sheet shown", () => {
    const workbook = noticeWorkbook(master, "乙", { edits: { 4: { status: "已完成" } } });
    const renamed: WorkbookModel = {
      ...workbook,
      sheets: workbook.sheets.map((s) => (s.name === "督办单" ? { ...s, name: "乙的反馈" } : s)),
    };
    const answers = readAnswers(renamed, DEFAULT_SETTINGS) as Extract<ReturnedAnswers, { kind: "notice" }>;
    expect(answers.sheet).toBe("乙的反馈");
    expect(answers.rows.map((r) => r.answers.status)).toEqual(["已完成"]);
  });

  test("a copy: every task row with its id, answers and protected cells; totals and footnotes are not rows", () => {
    const workbook = copyWorkbook(
      [...TASKS.slice(0, 2), ["合计", null, null, null, null, null, null, null], ["注：本表由甲填报"]],
      { 2: { doneDate: "2026/11/9" } },
    );
    const answers = readAnswers(workbook, DEFAULT_SETTINGS);
    expect(answers).toEqual<ReturnedAnswers>({
      kind: "copy",
      sheet: SHEET,
      rows: [
        {
          row: 2,
          answers: { status: "进行中", doneDate: "2026/11/9", evidence: null, note: null },
          protected: { task: "安全检查", unit: "甲", deadline: day("2026-11-10") },
          task: "安全检查",
          taskKey: "安全检查",
          unit: "甲",
          id: "1",
        },
        {
          row: 3,
          answers: { status: null, doneDate: null, evidence: null, note: "待排查" },
          protected: { task: "隐患排查", unit: "甲", deadline: day("2026-11-20") },
          task: "隐患排查",
          taskKey: "隐患排查",
          unit: "甲",
          id: "2",
        },
      ],
    });
  });

  test("a copy whose table is not where the master's settings say is looked for", () => {
    const settings = settingsSchema.parse({ sheet: "重点工作", headerRow: 3 });
    const answers = readAnswers(copyWorkbook(TASKS, {}, { sheet: "乙的表" }), settings);
    expect("kind" in answers && answers.sheet).toBe("乙的表");
  });

  test.each<[string, WorkbookModel]>([
    ["no task table", { fileName: "x.xlsx", sheets: [{ name: "Sheet1", rows: [["你好"]], merges: [] }] }],
    [
      "a notice record that cannot be read, and no table",
      {
        fileName: "x.xlsx",
        sheets: [{ name: NOTICE_RECORD_SHEET, rows: [["Duban notice v1"], ["{not json"]], merges: [] }],
      },
    ],
    [
      "a notice whose sheet is gone, among several",
      {
        ...noticeWorkbook(master, "甲"),
        sheets: [
          { name: "一", rows: [], merges: [] },
          { name: "二", rows: [], merges: [] },
          noticeWorkbook(master, "甲").sheets[1]!,
        ],
      },
    ],
  ])("not an answer: %s", (_name, workbook) => {
    expect(readAnswers(workbook, DEFAULT_SETTINGS)).toEqual({ skipped: "notAnswer" });
  });
});
