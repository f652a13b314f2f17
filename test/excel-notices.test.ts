// 督办单文件 in the Excel host, against the Office.js fake: the open workbook is read and checked as the check
// reads it, and the maker the pane hands over (the xlsx host's) makes each unit's answerable notice file.

import { strFromU8, unzipSync } from "fflate";
import { excelSerialFromDay, parseIsoDay } from "../src/core/day";
import { readNoticeRecord } from "../src/core/feedback/record";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { HostError, type MergeOperation, type NoticeMaker } from "../src/hosts/contract";
import { createExcelHost } from "../src/hosts/excel/host";
import { readWorkbookBytes } from "../src/hosts/xlsx/universal";
import { childNamed, parseXml } from "../src/hosts/xlsx/xml";
import { makeNoticeFiles } from "../src/taskpane/notice-files";
import { FakeExcel, fakeOffice } from "./fakes/excel";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const AS_OF = parseIsoDay("2026-11-18")!;
const NOW = Date.UTC(2026, 10, 18, 9);
const TASK_SHEET = "重点工作任务表";

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

/** A task table (header in row 3): 综采一队 overdue twice, 机电科 due soon, 通风区 done. */
function master(): FakeExcel {
  const fake = new FakeExcel({ name: "任务表.xlsx" });
  const task = fake.workbook.addSheet(TASK_SHEET);
  task.put(0, 0, "2026年重点工作任务表");
  ["序号", "工作任务", "责任单位", "完成时限", "完成情况", "完成日期"].forEach((name, c) =>
    task.put(2, c, name),
  );
  const rows: Array<[number, string, string, string, string]> = [
    [1, "安全培训", "综采一队", "2026-11-10", "进行中"],
    [2, "设备检修", "机电科", "2026-11-19", "未开始"],
    [3, "月度总结", "综采一队", "2026-11-05", "进行中"],
    [4, "值班安排", "通风区", "2026-11-12", "已完成"],
  ];
  rows.forEach(([id, text, unit, deadline, status], i) => {
    task.put(3 + i, 0, id);
    task.put(3 + i, 1, text);
    task.put(3 + i, 2, unit);
    task.put(3 + i, 3, excelSerialFromDay(parseIsoDay(deadline)!), "yyyy-mm-dd");
    task.put(3 + i, 4, status);
  });
  task.put(6, 5, excelSerialFromDay(parseIsoDay("2026-11-11")!), "yyyy-mm-dd");
  return fake;
}

test("each unit with open work gets its notice file: it opens, records its unit's rows, and is protected", async () => {
  const fake = master();
  const host = createExcelHost(fake, fakeOffice(), () => NOW);
  const phases = new Set<string>();
  const files = await host.noticeFiles(
    operation({ onProgress: (progress) => phases.add(progress.phase) }),
    makeNoticeFiles,
  );

  expect(files.map((file) => file.unit)).toEqual(["综采一队", "机电科"]);
  expect([...phases]).toEqual(["reading", "checking", "writing"]);
  const rowsOf: Record<string, number[]> = {};
  for (const file of files) {
    const book = await readWorkbookBytes(file.bytes, `督办单-${file.unit}.xlsx`);
    const record = readNoticeRecord(book)!;
    expect([record.unit, record.sheet, record.round]).toEqual([file.unit, TASK_SHEET, "2026-11-18"]);
    rowsOf[file.unit] = record.rows.map((row) => row.masterRow);
    // The notice sheet (the first) is protected: only its answer cells are open.
    const parts = unzipSync(file.bytes);
    const notice = parseXml(strFromU8(parts["xl/worksheets/sheet1.xml"]!), "sheet1.xml").root;
    expect(childNamed(notice, MAIN, "sheetProtection")).toBeDefined();
    expect(book.sheets[0]!.name).toBe(record.noticeSheet);
  }
  // The sheet's own row numbers: 安全培训 and 月度总结 in rows 4 and 6, 设备检修 in row 5.
  expect(rowsOf).toEqual({ 综采一队: [4, 6], 机电科: [5] });
  // The open workbook is not changed: no sheet added.
  expect(fake.workbook.sheets.map((sheet) => sheet.name)).toEqual([TASK_SHEET]);
});

test("the maker gets the workbook as read and the check of it, in the pane's language", async () => {
  const seen: Array<[string, string, number]> = [];
  const make: NoticeMaker = async (result, workbook, { locale }) => {
    seen.push([locale, workbook.sheets[0]!.name, result.summary.units.length]);
    return [];
  };
  const host = createExcelHost(master(), fakeOffice(), () => NOW);
  expect(await host.noticeFiles(operation({ locale: "en-US" }), make)).toEqual([]);
  expect(seen).toEqual([["en-US", TASK_SHEET, 3]]);
});

test("a cancelled request makes no files", async () => {
  const controller = new AbortController();
  controller.abort();
  const make = jest.fn<ReturnType<NoticeMaker>, Parameters<NoticeMaker>>(async () => []);
  const host = createExcelHost(master(), fakeOffice(), () => NOW);
  await expect(host.noticeFiles(operation({ signal: controller.signal }), make)).rejects.toEqual(
    new HostError("cancelled"),
  );
  expect(make).not.toHaveBeenCalled();
});
