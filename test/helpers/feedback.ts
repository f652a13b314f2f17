// Small masters and returns for the feedback tests: a master task table as a grid, notices made from it the
// way the notice writer records them, and plain copies of it, each answered by editing cells.

import { checkWorkbook } from "../../src/core/check";
import { parseIsoDay, type Day } from "../../src/core/day";
import { readAnswers, type ReturnedAnswers } from "../../src/core/feedback/answers";
import type { MasterTable, ReturnedFile } from "../../src/core/feedback/merge";
import { fingerprint, noticeRecordCells } from "../../src/core/feedback/record";
import {
  ANSWER_FIELDS,
  NOTICE_RECORD_SHEET,
  type AnswerField,
  type NoticeRecord,
  type ProtectedField,
} from "../../src/core/feedback/types";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import type { TaskRow } from "../../src/core/table/rows";
import type { CellRange, CellValue, SheetGrid, WorkbookModel } from "../../src/core/workbook";

export const SHEET = "任务表";
export const AS_OF = "2026-11-18";
export const day = (iso: string): { day: Day } => ({ day: parseIsoDay(iso)! });

/** Columns A-H of the master: 序号, 工作任务, 责任单位, 完成时限, 完成情况, 完成日期, 佐证材料, 备注. */
export const HEADER: CellValue[] = [
  "序号",
  "工作任务",
  "责任单位",
  "完成时限",
  "完成情况",
  "完成日期",
  "佐证材料",
  "备注",
];
export const COLUMN: Readonly<Record<AnswerField | ProtectedField | "id", number>> = {
  id: 0,
  task: 1,
  unit: 2,
  deadline: 3,
  status: 4,
  doneDate: 5,
  evidence: 6,
  note: 7,
};

/** Rows 2-6 of the master; the roster lists 丙, 乙, 甲, 丁 (丁 has no task, so it is not in the summary). */
export const TASKS: CellValue[][] = [
  [1, "安全检查", "甲", day("2026-11-10"), "进行中", null, null, null],
  [2, "隐患排查", "甲", day("2026-11-20"), null, null, null, "待排查"],
  [3, "应急演练", "乙", "2026-11-30", "进行中", null, null, null],
  [4, "设备检修", "丙", day("2026-12-10"), "进行中", null, null, null],
  [5, "培训考核", "丙", day("2026-12-20"), null, null, null, null],
];

export function masterWorkbook(
  tasks: CellValue[][] = TASKS,
  options: {
    readonly merges?: readonly CellRange[];
    readonly fileName?: string;
    readonly title?: string;
  } = {},
): WorkbookModel {
  return {
    fileName: options.fileName ?? "master.xlsx",
    sheets: [
      {
        name: SHEET,
        rows: [...(options.title === undefined ? [] : [[options.title]]), HEADER, ...tasks],
        merges: options.merges ?? [],
      },
      { name: "单位名单", rows: [["单位"], ["丙"], ["乙"], ["甲"], ["丁"]], merges: [] },
    ],
  };
}

export function checked(workbook: WorkbookModel, asOf = AS_OF): MasterTable {
  return { workbook, result: checkWorkbook(workbook, { asOf: parseIsoDay(asOf)! }) };
}

type Edits = Readonly<Record<number, Partial<Record<AnswerField | ProtectedField, CellValue>>>>;

/**
 * A notice for `unit` made from `master` (its rows of that unit, or `rows`), as the notice writer records it:
 * a title row, a header, then one row per task showing 行号 and the fields; `edits` are the unit's answers, by
 * master row. Its notice sheet's columns: A 行号, B task, C unit, D deadline, E status, F done date, G
 * evidence, H note.
 */
export function noticeWorkbook(
  master: MasterTable,
  unit: string,
  options: {
    readonly round?: string;
    readonly rows?: readonly number[];
    readonly edits?: Edits;
    readonly sheet?: string;
    /** Rows added above the tasks after the notice was made (a unit inserting rows). */
    readonly insertAbove?: number;
    /** The fingerprint the record keeps for a row, as a Duban that read its cells otherwise took it. */
    readonly fingerprint?: (row: TaskRow) => string;
  } = {},
): WorkbookModel {
  const { result } = master;
  const grid = master.workbook.sheets.find((s) => s.name === result.sheet)!;
  const taskRows = result.rows.filter((r) => (options.rows ? options.rows.includes(r.row) : r.unit === unit));
  const columns = { task: 1, unit: 2, deadline: 3, status: 4, doneDate: 5, evidence: 6, note: 7 } as const;
  const first = 3;
  const record: NoticeRecord = {
    version: 1,
    kind: "notice",
    master: master.workbook.fileName,
    sheet: options.sheet ?? result.sheet,
    round: options.round ?? AS_OF,
    unit,
    noticeSheet: "督办单",
    columns,
    rows: taskRows.map((row, i) => {
      const cells = grid.rows[row.row - 1] ?? [];
      return {
        masterRow: row.row,
        noticeRow: first + i,
        fingerprint: options.fingerprint?.(row) ?? fingerprint(row.task, row.unit, row.deadline),
        sent: Object.fromEntries(ANSWER_FIELDS.map((f) => [f, cells[COLUMN[f]] ?? null])),
      };
    }),
  };
  const body = taskRows.map((row) => {
    const cells = grid.rows[row.row - 1] ?? [];
    const line: CellValue[] = [row.row, ...HEADER.slice(1).map((_, k) => cells[k + 1] ?? null)];
    for (const [field, value] of Object.entries(options.edits?.[row.row] ?? {}))
      line[columns[field as keyof typeof columns]] = value;
    return line;
  });
  const inserted: CellValue[][] = Array.from({ length: options.insertAbove ?? 0 }, () => ["新增", "说明"]);
  const notice: SheetGrid = {
    name: "督办单",
    rows: [[`督办单：${unit}`], ["行号", ...HEADER.slice(1)], ...inserted, ...body],
    merges: [],
  };
  return {
    fileName: `${unit}.xlsx`,
    sheets: [
      notice,
      {
        name: NOTICE_RECORD_SHEET,
        rows: noticeRecordCells(record).map((c) => [c]),
        merges: [],
        hidden: true,
      },
    ],
  };
}

/** A plain copy of a table: the grid given, under a sheet name, edited by master row (or copy row). */
export function copyWorkbook(
  rows: readonly CellValue[][],
  edits: Readonly<Record<number, Partial<Record<AnswerField | ProtectedField | "id", CellValue>>>> = {},
  options: { readonly header?: readonly CellValue[]; readonly sheet?: string } = {},
): WorkbookModel {
  const header = options.header ?? HEADER;
  const body = rows.map((cells, i) => {
    const line = [...cells];
    for (const [field, value] of Object.entries(edits[i + 2] ?? {})) {
      const at = header.indexOf(HEADER[COLUMN[field as keyof typeof COLUMN]]!);
      line[at] = value;
    }
    return line;
  });
  return {
    fileName: "copy.xlsx",
    sheets: [{ name: options.sheet ?? SHEET, rows: [[...header], ...body], merges: [] }],
  };
}

/** The answers of a returned workbook, failing the test where it is not one. */
export function answersOf(workbook: WorkbookModel, settings: Settings = DEFAULT_SETTINGS): ReturnedAnswers {
  const answers = readAnswers(workbook, settings);
  if ("skipped" in answers) throw new Error(`${workbook.fileName} was not read as an answer`);
  return answers;
}

export function returned(file: string, workbook: WorkbookModel): ReturnedFile {
  return { file, answers: answersOf(workbook) };
}
