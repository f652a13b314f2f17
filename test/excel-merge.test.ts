// 反馈汇总 in the Excel host, against the Office.js fake: the answers the merge accepts land in their cells
// (values only), the Feedback sheet is written, and undoing puts every cell back exactly, refusing when a
// merged cell was edited since. The returned files are built here, as units send them back.

import ExcelJS from "exceljs";
import { excelSerialFromDay, parseIsoDay, type Day } from "../src/core/day";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { HostError, type HostProgress, type MergeOperation, type PaneHost } from "../src/hosts/contract";
import { createExcelHost } from "../src/hosts/excel/host";
import { readReturnedWorkbook } from "../src/taskpane/returns";
import { FakeExcel, fakeOffice, type FakeSheet } from "./fakes/excel";

jest.setTimeout(300_000);

const AS_OF = parseIsoDay("2026-11-18")!;
const NOW = Date.UTC(2026, 10, 18, 9);
const TASK_SHEET = "重点工作任务表";
const HEADER = ["序号", "工作任务", "责任单位", "完成时限", "完成情况", "完成日期", "佐证材料", "备注"];
const serial = (text: string) => excelSerialFromDay(parseIsoDay(text)!);

function hostFor(fake: FakeExcel): PaneHost {
  return createExcelHost(fake, fakeOffice(), () => NOW, readReturnedWorkbook);
}

function operation(overrides: Partial<MergeOperation> = {}): MergeOperation {
  return {
    asOf: AS_OF,
    settings: DEFAULT_SETTINGS,
    locale: "zh-CN",
    signal: new AbortController().signal,
    onProgress: () => undefined,
    ...overrides,
  };
}

/**
 * The master as a clerk keeps it: a title, a header in row 3, and cells a merge must not disturb beyond
 * their values: a yellow status cell, a date column in 年月日, a number kept as text (0012), a formula.
 */
function masterWorkbook(): { fake: FakeExcel; task: FakeSheet } {
  const fake = new FakeExcel({ name: "任务表.xlsx" });
  const task = fake.workbook.addSheet(TASK_SHEET);
  task.put(0, 0, "2026年重点工作任务表");
  Object.assign(task.format(0, 0), { bold: true, size: 16 });
  task.merges.push({ top: 0, left: 0, bottom: 0, right: 7 });
  HEADER.forEach((name, c) => {
    task.put(2, c, name);
    task.format(2, c).bold = true;
  });
  const rows: Array<[number, string, string, string, string]> = [
    [1, "安全培训", "综采一队", "2026-11-10", "进行中"],
    [2, "设备检修", "机电科", "2026-11-19", "未开始"],
    [3, "月度总结", "综采一队", "2026-11-05", "进行中"],
    [4, "隐患排查", "通风区", "2026-11-30", "在办"],
  ];
  rows.forEach(([id, taskText, unit, deadline, status], i) => {
    const r = 3 + i;
    task.put(r, 0, id);
    task.put(r, 1, taskText);
    task.put(r, 2, unit);
    task.put(r, 3, serial(deadline), "yyyy-mm-dd");
    task.put(r, 4, status);
  });
  task.format(3, 4).fill = "#FFFF00";
  task.setNumberFormat(5, 5, 'yyyy"年"m"月"d"日"');
  task.put(5, 6, "0012");
  task.put(5, 7, "#NAME?");
  task.formulas.set(5 * 16_384 + 7, "=B6");
  task.put(6, 7, "按月推进");
  const other = fake.workbook.addSheet("我的笔记");
  other.put(0, 0, "不要动这张表");
  return { fake, task };
}

type Row = ReadonlyArray<string | number | Date | null>;

/** A unit's return: a plain copy of some rows of the table, written by ExcelJS as another program would. */
async function returnedCopy(rows: readonly Row[]): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("任务");
  sheet.addRow(HEADER);
  for (const row of rows) {
    const added = sheet.addRow([...row]);
    row.forEach((value, c) => {
      if (value instanceof Date) added.getCell(c + 1).numFmt = "yyyy-mm-dd";
    });
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

const utc = (text: string) => {
  const [y, m, d] = text.split("-").map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
};

/** 综采一队's answers for its two rows: done, with dates, evidence that looks like a number, a note like a formula. */
async function unitOneReturn(): Promise<Uint8Array> {
  return returnedCopy([
    [1, "安全培训", "综采一队", utc("2026-11-10"), "已完成", utc("2026-11-12"), "0034", "=见附件"],
    [3, "月度总结", "综采一队", utc("2026-11-05"), "已完成", utc("2026-11-06"), "见会议纪要", "已上报"],
  ]);
}

async function generate(host: PaneHost, asOf: Day = AS_OF): Promise<void> {
  const quiet = { signal: new AbortController().signal, onProgress: () => undefined };
  const result = await host.check({ ...quiet, asOf, settings: DEFAULT_SETTINGS });
  await host.writeResults(result, { ...quiet, settings: DEFAULT_SETTINGS, locale: "zh-CN" });
}

describe("merging returned workbooks", () => {
  test("the accepted answers land in their cells as values, formats kept, and the Feedback sheet is written", async () => {
    const { fake, task } = masterWorkbook();
    const host = hostFor(fake);
    const formatsBefore = JSON.stringify([...task.formats]);
    const done = await host.mergeFeedback(
      [{ name: "综采一队.xlsx", bytes: await unitOneReturn() }],
      operation(),
    );

    expect(done.outcome.changes.map((c) => `${c.field}@${c.row}`).sort()).toEqual(
      [
        "doneDate@4",
        "doneDate@6",
        "evidence@4",
        "evidence@6",
        "note@4",
        "note@6",
        "status@4",
        "status@6",
      ].sort(),
    );
    expect(["E4", "F4", "G4", "H4"].map((a) => task.valueAt(a))).toEqual([
      "已完成",
      serial("2026-11-12"),
      "0034",
      "=见附件",
    ]);
    expect(task.formulaAt("H4")).toBeUndefined();
    // A date into a General cell gets a date format; into a date cell it keeps the cell's own.
    expect(task.numberFormat(3, 5)).toBe("yyyy-mm-dd");
    expect(task.numberFormat(5, 5)).toBe('yyyy"年"m"月"d"日"');
    expect(["E6", "F6", "G6", "H6"].map((a) => task.valueAt(a))).toEqual([
      "已完成",
      serial("2026-11-06"),
      "见会议纪要",
      "已上报",
    ]);
    expect(task.formulaAt("H6")).toBeUndefined();
    expect(JSON.stringify([...task.formats])).toBe(formatsBefore);
    expect(task.valueAt("E5")).toBe("未开始");

    expect(done.feedbackSheet).toBe("反馈情况");
    expect(done.sheets).toContain("反馈情况");
    const feedback = fake.workbook.get("反馈情况");
    const texts = feedback.values.flatMap((cells) => cells ?? []).map(String);
    expect(texts).toContain("综采一队");
    expect(texts).toContain("未反馈");
    // The check of the merged table: both of 综采一队's tasks are done now.
    expect(done.result.summary.units.find((u) => u.name === "综采一队")?.done).toBe(2);
    expect(await host.mergeToUndo()).toEqual({ cells: 8 });
    expect(fake.workbook.highlightAt(TASK_SHEET, "G4")?.fill).toBe("#BDD7EE");
  });

  test("undo puts every cell back exactly: values, number formats, text that looks like a number, the formula", async () => {
    const { fake } = masterWorkbook();
    const host = hostFor(fake);
    await generate(host);
    const before = fake.workbook.get(TASK_SHEET).snapshot();
    const others = fake.workbook.get("我的笔记").snapshot();

    await host.mergeFeedback([{ name: "综采一队.xlsx", bytes: await unitOneReturn() }], operation());
    expect(fake.workbook.get(TASK_SHEET).snapshot()).not.toEqual(before);
    const undone = await host.undoMerge(operation());

    expect(undone).toMatchObject({ kind: "undone", cells: 8 });
    expect(fake.workbook.get(TASK_SHEET).snapshot()).toEqual(before);
    expect(fake.workbook.get("我的笔记").snapshot()).toEqual(others);
    expect(fake.workbook.sheet("反馈情况")).toBeUndefined();
    expect(await host.mergeToUndo()).toBeUndefined();
  });

  test("undo is refused, changing nothing, when a merged cell was edited since; it names the cells", async () => {
    const { fake, task } = masterWorkbook();
    const host = hostFor(fake);
    await host.mergeFeedback([{ name: "综采一队.xlsx", bytes: await unitOneReturn() }], operation());
    task.put(3, 4, "部分完成");
    task.put(5, 6, "");
    const edited = Object.fromEntries(fake.workbook.sheets.map((s) => [s.name, s.snapshot()]));

    const refused = await host.undoMerge(operation());

    expect(refused).toEqual({ kind: "edited", sheet: TASK_SHEET, cells: ["E4", "G6"] });
    expect(Object.fromEntries(fake.workbook.sheets.map((s) => [s.name, s.snapshot()]))).toEqual(edited);
    expect(await host.mergeToUndo()).toEqual({ cells: 8 });
  });

  test("Generate and Clear after a merge keep what undoing needs", async () => {
    const { fake } = masterWorkbook();
    const host = hostFor(fake);
    const before = fake.workbook.get(TASK_SHEET).snapshot();
    await host.mergeFeedback([{ name: "综采一队.xlsx", bytes: await unitOneReturn() }], operation());
    await generate(host);
    await host.clear();
    expect(await host.mergeToUndo()).toEqual({ cells: 8 });

    await host.undoMerge(operation());
    await host.clear();
    expect(fake.workbook.get(TASK_SHEET).snapshot()).toEqual(before);
    expect(fake.workbook.sheets.map((s) => s.name)).toEqual([TASK_SHEET, "我的笔记"]);
  });

  test("Cancel while the cells are written puts every cell back and keeps no undo", async () => {
    const { fake } = masterWorkbook();
    const host = hostFor(fake);
    await generate(host);
    const before = Object.fromEntries(fake.workbook.sheets.map((s) => [s.name, s.snapshot()]));
    const controller = new AbortController();
    const onProgress = (progress: HostProgress) => {
      if (progress.phase === "writing") controller.abort();
    };

    const merging = host.mergeFeedback(
      [{ name: "综采一队.xlsx", bytes: await unitOneReturn() }],
      operation({ signal: controller.signal, onProgress }),
    );

    await expect(merging).rejects.toEqual(new HostError("cancelled"));
    expect(Object.fromEntries(fake.workbook.sheets.map((s) => [s.name, s.snapshot()]))).toEqual(before);
    expect(await host.mergeToUndo()).toBeUndefined();
  });

  test("a file that is no workbook is skipped with its reason and the problem worded; the others merge", async () => {
    const { fake, task } = masterWorkbook();
    const host = hostFor(fake);
    const done = await host.mergeFeedback(
      [
        { name: "说明.xlsx", bytes: new TextEncoder().encode("这不是工作簿") },
        { name: "综采一队.xlsx", bytes: await unitOneReturn() },
      ],
      operation(),
    );
    expect(done.outcome.skipped).toEqual([
      { file: "说明.xlsx", reason: "notWorkbook", detail: expect.stringMatching(/^说明\.xlsx：/) },
    ]);
    expect(task.valueAt("E4")).toBe("已完成");
  });

  test("5,000 answered rows of long text are written in blocks that Excel on the web accepts", async () => {
    const fake = new FakeExcel({ name: "任务表.xlsx" });
    const task = fake.workbook.addSheet(TASK_SHEET);
    HEADER.forEach((name, c) => task.put(2, c, name));
    const rows = 5000;
    const note = "按照工作要求逐项落实，已完成现场检查和整改复查，相关记录已归档备查。".repeat(4);
    const answers: Row[] = [];
    for (let i = 0; i < rows; i++) {
      task.put(3 + i, 0, i + 1);
      task.put(3 + i, 1, `任务${i + 1}`);
      task.put(3 + i, 2, "综采一队");
      task.put(3 + i, 3, serial("2026-12-31"), "yyyy-mm-dd");
      task.put(3 + i, 4, "进行中");
      answers.push([
        i + 1,
        `任务${i + 1}`,
        "综采一队",
        utc("2026-12-31"),
        "已完成",
        utc("2026-11-17"),
        `附件${i}`,
        note,
      ]);
    }
    const before = task.snapshot();
    const host = hostFor(fake);
    fake.resetStats();

    const done = await host.mergeFeedback(
      [{ name: "综采一队.xlsx", bytes: await returnedCopy(answers) }],
      operation(),
    );

    expect(done.outcome.changes).toHaveLength(rows * 4);
    expect(fake.stats.refused).toBe(0);
    expect(task.valueAt(`H${rows + 3}`)).toBe(note);
    expect(await host.undoMerge(operation())).toMatchObject({ kind: "undone", cells: rows * 4 });
    expect(fake.stats.refused).toBe(0);
    const after = task.snapshot() as { conditionalFormats: unknown };
    expect({ ...after, conditionalFormats: [] }).toEqual({ ...(before as object), conditionalFormats: [] });
  });

  test("a task of 各单位 its units answer done in two merges is done after the second: the record keeps the first's", async () => {
    const { fake, task } = masterWorkbook();
    task.put(7, 0, 5);
    task.put(7, 1, "安全大检查");
    task.put(7, 2, "各单位");
    task.put(7, 3, serial("2026-11-25"), "yyyy-mm-dd");
    task.put(7, 4, "进行中");
    const host = hostFor(fake);
    // Each unit's copy holds the shared row alone: whose answer it is, its file's name says.
    const answer = async (unit: string, doneOn: string) => ({
      name: `${unit}.xlsx`,
      bytes: await returnedCopy([
        [5, "安全大检查", "各单位", utc("2026-11-25"), "已完成", utc(doneOn), null, null],
      ]),
    });

    const first = await host.mergeFeedback(
      [await answer("综采一队", "2026-11-12"), await answer("机电科", "2026-11-16")],
      operation(),
    );
    expect(first.outcome.changes).toEqual([]);
    expect(
      new Set(first.outcome.rejected.map((r) => `${r.unit} ${r.reason} ${r.waitingFor?.join("、")}`)),
    ).toEqual(new Set(["综采一队 sharedWaiting 通风区", "机电科 sharedWaiting 通风区"]));
    expect(task.valueAt("E8")).toBe("进行中");

    const second = await host.mergeFeedback([await answer("通风区", "2026-11-14")], operation());
    expect(second.outcome.rejected).toEqual([]);
    // The status as 通风区 wrote it; the date the last unit's, 机电科's, kept from the first merge.
    expect(["E8", "F8"].map((a) => task.valueAt(a))).toEqual(["已完成", serial("2026-11-16")]);
    expect(second.outcome.units.map((u) => [u.unit, u.rowsUpdated])).toEqual([
      ["综采一队", 1],
      ["机电科", 1],
      ["通风区", 1],
    ]);
  });
});
