// Task tables made up at random from what clerks write, for property tests: units and group words (各单位,
// 相关单位, 各区队（机电科牵头）), dates with and without years, statuses, points, scores and cycles, evidence
// (pictures placed in cells, WPS's and Excel's, among words), a title
// naming a year or a day, section headings, vertical merges, hidden rows, and a roster with types or none.

import fc from "fast-check";
import { parseIsoDay } from "../../src/core/day";
import type { CellValue, SheetGrid, WorkbookModel } from "../../src/core/workbook";

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
  "佐证材料",
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
    "12/31/2026",
    "5/11/2026",
    "Nov 30, 2026",
    "2026年春节前",
    "国庆节前",
    "2026 11 30",
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
  [["2026-2027年度采暖季工作"]],
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
/** 佐证材料: words, or a picture placed in the cell as WPS keeps it (its formula's text) or as a host reads Excel's. */
const evidence = some<CellValue>(
  ["照片已报安全科", "见附件", '=DISPIMG("ID_A1",1)', '_xlfn.DISPIMG("ID_B2",1)', "\uFFFCvm1", "", null],
  fc.string({ maxLength: 6 }),
);
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

export const anyTable = fc.record({
  title,
  roster: fc.boolean(),
  asOf: fc.integer({ min: FIRST_DAY, max: LAST_DAY }),
  rows: fc.array(fc.tuple(task, unit, deadline, status, doneDate, points, score, cycle, evidence), {
    minLength: 1,
    maxLength: 25,
  }),
  headings: fc.array(heading, { maxLength: 2 }),
  merges: fc.array(merge, { maxLength: 2 }),
  hidden: fc.array(fc.nat(), { maxLength: 3 }),
});

export type AnyTable = typeof anyTable extends fc.Arbitrary<infer T> ? T : never;

/** The workbook a generated table is: its task sheet 任务, and the roster beside it where it has one. */
export function tableWorkbook({
  title: rowsAbove,
  roster,
  rows,
  headings,
  merges,
  hidden,
}: AnyTable): WorkbookModel {
  const body: CellValue[][] = rows.map(([t, u, d, s, done, p, sc, c, e], i) => [
    i + 1,
    t,
    u,
    d,
    s,
    done,
    p,
    sc,
    c,
    e,
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
  return { fileName: "t.xlsx", sheets: roster ? [sheet, ROSTER] : [sheet] };
}
