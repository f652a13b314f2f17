// Any task table a clerk could type, made up at random from what clerks write (units and group words, dates
// with and without years, statuses, a title naming a year or a day, a roster with types or none): the check
// reads it without failing, every open task with a unit is sent to someone or said to reach no one, and the
// notices sent, returned unchanged, merge back as no answer at all.

import fc from "fast-check";
import { checkWorkbook } from "../src/core/check";
import { formatDay, parseIsoDay, type Day } from "../src/core/day";
import { answerableNotice } from "../src/core/feedback/notice";
import { mergeAnswers, returnedFile } from "../src/core/feedback/merge";
import { NOTICE_RECORD_SHEET } from "../src/core/feedback/types";
import { contextFor } from "../src/core/output/generate";
import { planWrite } from "../src/core/output/plan";
import { noticeRecipients, noticesSheet } from "../src/core/output/sheets/notices";
import { specRowCount, specRows, type SheetSpec } from "../src/core/output/spec";
import { isGroupWord } from "../src/core/recurring/units";
import { buildReport } from "../src/core/report";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import type { CellValue, SheetGrid, WorkbookModel } from "../src/core/workbook";

const FIRST_DAY = parseIsoDay("2026-01-01")!;
const LAST_DAY = parseIsoDay("2027-12-31")!;
const HEADER: CellValue[] = [
  "序号",
  "工作任务",
  "责任单位",
  "完成时限",
  "完成情况",
  "完成日期",
  "分值",
  "得分",
  "周期",
  "备注",
];
const ROSTER: SheetGrid = {
  name: "单位名单",
  rows: [
    ["单位", "类型"],
    ["综采一队", "区队"],
    ["掘进二队", "区队"],
    ["机电科", "科室"],
    ["通风科", "科室"],
  ],
  merges: [],
};

const some = <T>(pool: readonly T[], other: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: other });
const dateCell = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map((day): CellValue => ({ day }));

const unit = some<CellValue>(
  [
    "综采一队",
    "机电科",
    "通风科",
    " 掘进二队 ",
    "各单位",
    "各区队",
    "全部",
    "相关单位",
    "有关部门",
    "机电科、通风科",
    "综采一队（牵头）、机电科",
    "各区队（机电科牵头）",
    "机电科及各区队",
    "机电科/通风科",
    "机电科 张三",
    "",
    null,
  ],
  fc.string({ maxLength: 8 }),
);
const deadline = some<CellValue>(
  [
    "2026-11-10",
    "2026年12月31日前",
    "3月底",
    "12月中旬",
    "四季度",
    "年底前",
    "长期",
    "2027年国庆节前",
    "春节前",
    "每月25日前",
    "尽快",
    "2026.1 1",
    "0026-11-30",
    "2026年2月30日",
    46331,
    null,
  ],
  fc.oneof(dateCell, fc.string({ maxLength: 10 })),
);
const status = some<CellValue>(
  [
    "已完成",
    "进行中",
    "未完成",
    "已取消",
    "完成整改",
    "序时推进",
    "基本完成",
    "已完成 11月20日",
    "60%",
    "",
    null,
  ],
  fc.string({ maxLength: 6 }),
);
const doneDate = some<CellValue>(["11月10日", "12月28日", "2026-11-01", "明天", null], dateCell);
const task = some<CellValue>(
  ["安全检查", "隐患排查", "设备检修", "学习", "合计", "注：以上为计划"],
  fc.string({ maxLength: 12 }),
);
const title = fc.constantFrom<CellValue[][]>(
  [],
  [["2027年重点工作任务表"]],
  [["2026年度重点工作"]],
  [["重点工作任务表"], ["填报日期：2026年12月5日"]],
  [["2026年任务（对照2025年）"]],
);

const points = some<CellValue>(
  [5, 10, "5分", 0, null],
  fc.oneof(fc.double({ noNaN: false }), fc.string({ maxLength: 4 })),
);
const score = some<CellValue>(
  [5, 4.5, 12, "优", null],
  fc.oneof(fc.double({ noNaN: false }), fc.string({ maxLength: 4 })),
);
const cycle = some<CellValue>(["每月", "季度", "一次性", "", null, "随时"], fc.string({ maxLength: 4 }));
/** A section heading across the table (一、安全生产), standing before the row at `before`. */
const heading = fc.record({
  before: fc.nat(),
  text: fc.constantFrom("一、安全生产", "（二）党建工作", "第三部分 其他"),
});
/** A vertical merge in the unit or deadline column, as clerks merge one unit over its rows. */
const merge = fc.record({
  column: fc.constantFrom(2, 3),
  top: fc.nat(),
  height: fc.integer({ min: 2, max: 4 }),
});

const table = fc.record({
  title,
  roster: fc.boolean(),
  asOf: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
  rows: fc.array(fc.tuple(task, unit, deadline, status, doneDate, points, score, cycle), {
    minLength: 1,
    maxLength: 25,
  }),
  headings: fc.array(heading, { maxLength: 2 }),
  merges: fc.array(merge, { maxLength: 2 }),
  hidden: fc.array(fc.nat(), { maxLength: 3 }),
});

/** A generated notice sheet as the cells a unit sends back: a date as a date cell, the rest as written. */
function returnedGrid(spec: SheetSpec): CellValue[][] {
  return specRows(spec, 0, specRowCount(spec)).map((row) =>
    row.cells.map((cell): CellValue => {
      const value = cell?.value;
      if (value === undefined || value === null) return null;
      if (typeof value === "object") return "day" in value ? { day: value.day } : null;
      return value;
    }),
  );
}

/** The table a generated case describes, and its check. */
type Table = typeof table extends fc.Arbitrary<infer T> ? T : never;

function checkedTable({ title: rowsAbove, roster, asOf, rows, headings, merges, hidden }: Table) {
  const body: CellValue[][] = rows.map(([t, u, d, s, done, p, sc, c], i) => [
    i + 1,
    t,
    u,
    d,
    s,
    done,
    p,
    sc,
    c,
    null,
  ]);
  for (const { before, text } of [...headings].sort((a, b) => b.before - a.before))
    body.splice(Math.min(before, body.length), 0, [text]);
  const top = rowsAbove.length + 1;
  const sheet: SheetGrid = {
    name: "任务",
    rows: [...rowsAbove, HEADER, ...body],
    merges: merges
      .map(({ column, top: at, height }) => ({
        top: top + (at % body.length),
        left: column,
        right: column,
        height,
      }))
      .map(({ height, ...range }) => ({
        ...range,
        bottom: Math.min(range.top + height - 1, top + body.length - 1),
      }))
      .filter(
        (range, i, all) => range.bottom > range.top && all.findIndex((r) => r.left === range.left) === i,
      ),
    hiddenRows: new Set(hidden.map((row) => top + (row % body.length))),
  };
  const workbook: WorkbookModel = { fileName: "t.xlsx", sheets: roster ? [sheet, ROSTER] : [sheet] };
  return { workbook, result: checkWorkbook(workbook, { asOf: asOf as Day }) };
}

/** A unit's notice as it comes back, `answer` typed into its status cells. */
function returnedNotice(
  master: ReturnType<typeof checkedTable>,
  unit: string,
  answer?: string,
): ReturnType<typeof returnedFile> {
  const notice = answerableNotice(
    master.result,
    { settings: DEFAULT_SETTINGS, locale: "zh-CN", workbook: master.workbook },
    unit,
  )!;
  const [noticeSheet, recordSheet] = notice.sheets as [SheetSpec, SheetSpec];
  const grid = returnedGrid(noticeSheet);
  const status = notice.record.columns.status;
  if (answer !== undefined && status !== undefined)
    for (const row of notice.record.rows) grid[row.noticeRow - 1]![status] = answer;
  const returned: WorkbookModel = {
    fileName: `${unit}.xlsx`,
    sheets: [
      { name: noticeSheet.name, rows: grid, merges: [] },
      { name: NOTICE_RECORD_SHEET, rows: returnedGrid(recordSheet), merges: [], hidden: true },
    ],
  };
  return returnedFile(`${unit}.xlsx`, returned, DEFAULT_SETTINGS);
}

test("any table: read, every open task sent or said unsent, and unchanged notices merge as no answer", () => {
  fc.assert(
    fc.property(table, (made) => {
      const { workbook, result } = checkedTable(made);
      const { asOf } = made;

      // A group word's units are units, never group words.
      for (const shared of result.sharedTasks ?? [])
        for (const name of shared.units)
          expect({ name, group: isGroupWord(name) }).toEqual({ name, group: false });

      // Every open task with a unit is in some unit's notice, or among those said to reach no one.
      const recipients = noticeRecipients(result);
      const sent = new Set([...recipients.units.values(), ...recipients.unaddressed.values()].flat());
      const open = result.rows.filter((row) => row.unit !== "" && row.status.kind !== "done");
      expect(open.filter((row) => !sent.has(row)).map((row) => row.row)).toEqual([]);
      expect([...sent].filter((row) => row.status.kind === "done").map((row) => row.row)).toEqual([]);
      const said = result.notices.find((notice) => notice.id === "unaddressedTasks");
      expect(said?.values.count ?? 0).toBe([...recipients.unaddressed.values()].flat().length);
      // Everything written from it is made: the sheets, the highlights, the report.
      noticesSheet(contextFor(result, { settings: DEFAULT_SETTINGS, locale: "zh-CN" }));
      planWrite(result, { settings: DEFAULT_SETTINGS, locale: "zh-CN", record: undefined, date1904: false });
      buildReport(result, "en-US");

      // Each unit's notice, sent back as it came, answers nothing and is refused nothing.
      const returns = [...recipients.units.keys()].map((name) => returnedNotice({ workbook, result }, name));
      const outcome = mergeAnswers({ workbook, result }, returns);
      expect({ asOf: formatDay(asOf), changes: outcome.changes, rejected: outcome.rejected }).toEqual({
        asOf: formatDay(asOf),
        changes: [],
        rejected: [],
      });
      expect(outcome.skipped).toEqual([]);
    }),
    { seed: 20261205, numRuns: 300 },
  );
});

test("any table: a unit that answers 已完成 to all its notice's tasks closes its own, and its shared ones are reported", () => {
  fc.assert(
    fc.property(table, (made) => {
      const master = checkedTable(made);
      const recipients = noticeRecipients(master.result);
      const [unit, rows] = [...recipients.units][0] ?? [];
      if (unit === undefined || rows === undefined) return;
      const outcome = mergeAnswers(master, [returnedNotice(master, unit, "已完成")]);
      const shared = new Set(master.result.sharedTasks?.map((task) => task.index));
      // In the table's order (the notice has them most urgent first).
      const own = rows.filter((row) => !shared.has(row.index)).map((row) => row.row);
      const others = rows.filter((row) => shared.has(row.index)).map((row) => row.row);
      expect({
        unit,
        changed: outcome.changes.map((c) => c.row).sort((a, b) => a - b),
        reported: outcome.rejected.map((r) => [r.row, r.reason]).sort(([a], [b]) => Number(a) - Number(b)),
      }).toEqual({
        unit,
        changed: own,
        reported: others.map((row) => [row, "sharedTask"]),
      });
    }),
    { seed: 20261205, numRuns: 300 },
  );
});
