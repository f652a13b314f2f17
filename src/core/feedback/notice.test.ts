import { checkWorkbook, type CheckResult } from "../check";
import { parseIsoDay, type Day } from "../day";
import { CATALOGUES } from "../i18n";
import { styleSheet } from "../output/styles";
import type { SheetSpec, SpecValue } from "../output/spec";
import { DEFAULT_SETTINGS, settingsSchema, type Locale } from "../settings";
import { parseStatus } from "../values/status";
import type { CellValue, WorkbookModel } from "../workbook";
import { answerableNotice, returnByDay } from "./notice";
import { fingerprint, readNoticeRecord } from "./record";
import { NOTICE_RECORD_SHEET } from "./types";

const day = (iso: string): Day => parseIsoDay(iso)!;
const asOf = day("2026-11-18");
const SHEET = "重点工作任务表";
const HEADER: CellValue[] = ["工作任务", "责任单位", "完成时限", "完成情况", "完成日期", "佐证材料", "备注"];

// Sheet rows 3-9 (a title row sits above the header).
const ROWS: CellValue[][] = [
  ["安全检查", "甲", "2026-11-10", "已完成", { day: day("2026-11-09") }, "记录", null], // done: not asked
  ["隐患排查", "甲", "2026-11-10", "进行中", null, "照片", "已整改一半"], // overdue
  ["应急演练", "甲", "2026-11-19", 0.6, null, null, null], // due soon, progress as a number
  ["=SUM(A1)", "甲", "2026-12-30", null, { day: day("2026-11-01") }, null, "+备注"], // open
  ["培训", "甲", "长期", "未开始", "2026.13.1", null, null], // open, ongoing, a date that is no date
  ["学习", "乙", "2026-11-01", "进行中", null, null, null], // another unit's
  ["总结", "丙", "2026-11-01", "已完成", { day: day("2026-10-30") }, null, null], // nothing open
];

function master(header = HEADER, rows = ROWS): WorkbookModel {
  return {
    fileName: "tasks.xlsx",
    sheets: [{ name: SHEET, rows: [["2026年重点工作"], header, ...rows], merges: [] }],
  };
}

const workbook = master();
const result = checkWorkbook(workbook, { asOf });
const notice = (unit: string, locale: Locale = "zh-CN", book = workbook, checked: CheckResult = result) =>
  answerableNotice(checked, { settings: DEFAULT_SETTINGS, locale, workbook: book }, unit);
const values = (spec: SheetSpec, row: number) => spec.rows[row]!.cells.map((c) => c?.value ?? null);
const styles = styleSheet(DEFAULT_SETTINGS);

describe("answerableNotice", () => {
  const made = notice("甲")!;
  const [sheet, recordSheet] = made.sheets as [SheetSpec, SheetSpec];
  const { record } = made;
  const firstTask = record.rows[0]!.noticeRow - 1;

  test("the unit's open tasks, most urgent first, with the master's answer cells as they are", () => {
    expect(sheet.rows.slice(firstTask).map((_, r) => values(sheet, firstTask + r))).toEqual([
      [4, "隐患排查", "甲", { day: day("2026-11-10") }, "进行中", null, "照片", "已整改一半", "逾期 8 天"],
      [5, "应急演练", "甲", { day: day("2026-11-19") }, 0.6, null, null, null, "还剩 1 个工作日"],
      [
        6,
        "=SUM(A1)",
        "甲",
        { day: day("2026-12-30") },
        null,
        { day: day("2026-11-01") },
        null,
        "+备注",
        null,
      ],
      [7, "培训", "甲", "长期", "未开始", "2026.13.1", null, null, null],
    ]);
  });

  test("the header names the master's fields, the answer fields in the input colour", () => {
    const header = sheet.rows[firstTask - 1]!.cells;
    expect(header.map((c) => c!.value)).toEqual([
      "行号",
      "工作任务",
      "责任单位",
      "完成时限",
      "完成情况",
      "完成日期",
      "佐证材料",
      "备注",
      "督办提示",
    ]);
    expect(header.map((c) => c!.style)).toEqual([
      ...Array<string>(4).fill("header"),
      ...Array<string>(4).fill("inputHeader"),
      "header",
    ]);
  });

  test("only the answer cells are unlocked, on a protected sheet", () => {
    expect(sheet.protect).toBe(true);
    sheet.rows.forEach((row, r) =>
      row.cells.forEach((c, column) => {
        const open = r >= firstTask && column >= 4 && column <= 7;
        expect({ r, column, unlocked: c ? styles[c.style].locked === false : false }).toEqual({
          r,
          column,
          unlocked: open,
        });
      }),
    );
    expect(styles.inputDate).toMatchObject({ numberFormat: "yyyy-mm-dd", locked: false });
    expect(styles.input.fill).toBe(styles.inputDate.fill);
  });

  test("says by when to send it back, and which cells to fill in", () => {
    const lines = sheet.rows.slice(0, firstTask - 1).map((row) => row.cells[0]?.value);
    expect(lines).toContain("请于 2026-11-23（星期一）前填写本表并发回督办部门。");
    expect(lines).toContain("黄色单元格可填写：完成情况、完成日期、佐证材料、备注；其余内容请勿改动。");
  });

  test("a status drop-down and a completion date check over the task rows", () => {
    const rows = { top: firstTask, bottom: firstTask + 3 };
    expect(sheet.validations).toEqual([
      expect.objectContaining({
        kind: "list",
        range: { ...rows, left: 4, right: 4 },
        values: ["未开始", "进行中", "已完成", "已办结"],
        strict: false,
      }),
      expect.objectContaining({
        kind: "date",
        range: { ...rows, left: 5, right: 5 },
        min: day("2025-01-01"),
        max: day("2027-12-31"),
      }),
    ]);
  });

  test("the record: master, sheet, round, unit, the columns shown and each row's origin and sent cells", () => {
    expect({ ...record, rows: undefined }).toEqual({
      version: 1,
      kind: "notice",
      master: "tasks.xlsx",
      sheet: SHEET,
      round: "2026-11-18",
      unit: "甲",
      noticeSheet: "督办单",
      columns: { task: 1, unit: 2, deadline: 3, status: 4, doneDate: 5, evidence: 6, note: 7 },
      rows: undefined,
    });
    const taskRows = new Map(result.rows.map((row) => [row.row, row]));
    expect(record.rows).toEqual(
      [4, 5, 6, 7].map((masterRow, i) => ({
        masterRow,
        noticeRow: firstTask + 1 + i,
        fingerprint: fingerprint(taskRows.get(masterRow)!.task, "甲", taskRows.get(masterRow)!.deadline),
        sent: Object.fromEntries(
          (["status", "doneDate", "evidence", "note"] as const).map((field, k) => [
            field,
            ROWS[masterRow - 3]![3 + k],
          ]),
        ),
      })),
    );
    for (const row of record.rows) expect(values(sheet, row.noticeRow - 1)[0]).toBe(row.masterRow);
  });

  test("the record sheet is very hidden and reads back as the record", () => {
    expect(recordSheet).toMatchObject({ name: NOTICE_RECORD_SHEET, state: "veryHidden" });
    expect(recordSheet.protect).toBeUndefined();
    const grid = recordSheet.rows.map((row) => row.cells.map((c) => c!.value as string));
    expect(
      readNoticeRecord({
        fileName: "x.xlsx",
        sheets: [{ name: NOTICE_RECORD_SHEET, rows: grid, merges: [] }],
      }),
    ).toEqual(record);
  });

  test("the notice reads as a task table of its own: Duban's reader finds its columns and its tasks", () => {
    const back = checkWorkbook(
      { fileName: "notice.xlsx", sheets: [{ name: sheet.name, rows: sheet.rows.map(gridRow), merges: [] }] },
      { asOf },
    );
    expect(back.columns).toMatchObject({
      task: "B",
      unit: "C",
      deadline: "D",
      status: "E",
      doneDate: "F",
      evidence: "G",
      note: "H",
    });
    expect(back.rows.map((row) => [row.row, row.task])).toEqual(
      record.rows.map((row) => [row.noticeRow, ROWS[row.masterRow - 3]![0]]),
    );
  });

  test("the specs survive JSON, so a host can post them to a worker", () => {
    expect(JSON.parse(JSON.stringify(made))).toStrictEqual(made);
  });

  test.each([
    ["a unit with nothing open", "丙"],
    ["a unit not in the table", "丁"],
  ])("%s: no notice", (_name, unit) => expect(notice(unit)).toBeUndefined());

  test("a master without evidence and note columns asks only for status and completion date", () => {
    const book = master(
      HEADER.slice(0, 5),
      ROWS.map((row) => row.slice(0, 5)),
    );
    const made = notice("乙", "zh-CN", book, checkWorkbook(book, { asOf }))!;
    expect(made.record.columns).toEqual({ task: 1, unit: 2, deadline: 3, status: 4, doneDate: 5 });
    expect(made.record.rows[0]!.sent).toEqual({ status: "进行中", doneDate: null });
    expect(made.sheets[0]!.rows[made.record.rows[0]!.noticeRow - 1]!.cells).toHaveLength(7);
  });

  test.each(["zh-CN", "en-US"] as const)(
    "a picture placed in a master cell is shown as one (%s), and recorded as the master holds it",
    (locale) => {
      const rows = ROWS.map((row, i) =>
        i === 1 ? Object.assign([...row], { 5: '=DISPIMG("ID_7F2E",1)' }) : row,
      );
      const book = master(HEADER, rows);
      const made = notice("甲", locale, book, checkWorkbook(book, { asOf }))!;
      const first = made.record.rows[0]!;
      expect(values(made.sheets[0]!, first.noticeRow - 1)[6]).toBe(
        CATALOGUES[locale].output.feedback.picture,
      );
      expect(first.sent.evidence).toBe('=DISPIMG("ID_7F2E",1)');
    },
  );

  test("the record names the master file given, where it is not the check's", () => {
    const made = answerableNotice(
      result,
      { settings: DEFAULT_SETTINGS, locale: "en-US", workbook, masterFile: "主表.xlsx" },
      "乙",
    )!;
    expect(made.record.master).toBe("主表.xlsx");
    expect(made.sheets[0]!.name).toBe("Notices");
    expect(made.record.noticeSheet).toBe("Notices");
  });

  test("a workbook that is not the one checked is refused", () => {
    expect(() => notice("甲", "zh-CN", { fileName: "x.xlsx", sheets: [] })).toThrow(SHEET);
  });
});

describe.each(["zh-CN", "en-US"] as const)("%s words", (locale) => {
  const made = notice("甲", locale)!;
  const out = CATALOGUES[locale].output;

  test.each(out.statusChoices.map((word) => [word]))("the status choice %s reads as done or open", (word) =>
    expect(["done", "open"]).toContain(parseStatus(word).kind),
  );

  test("the drop-down and the messages fit what Excel takes", () => {
    expect(out.statusChoices.join(",").length).toBeLessThanOrEqual(255);
    for (const word of out.statusChoices) expect(word).not.toMatch(/[,"]/);
    for (const v of made.sheets[0]!.validations!)
      for (const message of [v.prompt!, v.error!]) {
        expect(message.title.length).toBeLessThanOrEqual(32);
        expect(message.text.length).toBeLessThanOrEqual(255);
      }
  });
});

describe("returnByDay", () => {
  test.each([
    ["a Wednesday, three working days", "2026-11-18", {}, "2026-11-23"],
    ["the same day", "2026-11-18", { notices: { returnWithinDays: 0 } }, "2026-11-18"],
    [
      "a Friday, one day, Monday to Friday",
      "2026-11-20",
      { workdays: "mon-fri", notices: { returnWithinDays: 1 } },
      "2026-11-23",
    ],
    [
      "a Friday, one day, every day",
      "2026-11-20",
      { workdays: "every-day", notices: { returnWithinDays: 1 } },
      "2026-11-21",
    ],
    ["over National Day, to the make-up Saturday", "2026-09-30", {}, "2026-10-10"],
    ["over National Day, one day", "2026-09-30", { notices: { returnWithinDays: 1 } }, "2026-10-08"],
  ] as const)("%s: %s + %j is %s", (_name, from, input, expected) => {
    expect(returnByDay(day(from), settingsSchema.parse(input))).toBe(day(expected));
  });

  test("the default is three working days", () => {
    expect(DEFAULT_SETTINGS.notices.returnWithinDays).toBe(3);
  });
});

/** A spec row as a host would write it and a reader read it back. */
function gridRow(row: SheetSpec["rows"][number]): CellValue[] {
  return row.cells.map((c) => toCell(c?.value ?? null));
}

function toCell(value: SpecValue): CellValue {
  return value !== null && typeof value === "object" ? { day: value.day } : value;
}
