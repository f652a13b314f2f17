import { checkWorkbook } from "../../check";
import { formatDay, parseIsoDay, type Day } from "../../day";
import { DEFAULT_SETTINGS, type Locale } from "../../settings";
import type { CellValue } from "../../workbook";
import { generatedSheets } from "../generate";
import type { SheetSpec } from "../spec";
import {
  barOf,
  MAX_TASKS,
  mostUrgent,
  plannedTask,
  timeline,
  type BarPart,
  type PlannedTask,
  type Timeline,
} from "./progress";

const d = (iso: string): Day => parseIsoDay(iso)!;
const asOf = d("2026-11-18"); // a Wednesday

/** A bar as one letter per column: . nothing, P planned, D done, L done late, O overdue. */
const LETTER: Readonly<Record<BarPart, string>> = { planned: "P", done: "D", late: "L", overdue: "O" };
const drawn = (task: PlannedTask, line: Timeline) =>
  barOf(task, line, asOf)
    .map((part) => (part ? LETTER[part] : "."))
    .join("");

// Weeks from Monday 2026-10-26 to Sunday 2026-12-20: 8 columns, the as-of day in the fourth.
const weeks = timeline([{ start: d("2026-10-26"), deadline: d("2026-12-20"), done: false }], asOf);

describe("the time columns", () => {
  test("weeks from the Monday of the earliest day to the Sunday of the latest, as-of inside", () => {
    expect(weeks.scale).toBe("week");
    expect(weeks.columns).toHaveLength(8);
    expect(weeks.columns[0]).toEqual({ first: d("2026-10-26"), last: d("2026-11-01") });
    expect(weeks.columns[7]).toEqual({ first: d("2026-12-14"), last: d("2026-12-20") });
    expect(weeks.asOfColumn).toBe(3);
  });

  test.each<[string, PlannedTask[], Timeline["scale"], number, string, string, number]>([
    ["no task: the as-of week alone", [], "week", 1, "2026-11-16", "2026-11-22", 0],
    [
      "26 weeks: still weeks",
      [{ start: d("2026-06-01"), deadline: d("2026-11-29"), done: false }],
      "week",
      26,
      "2026-06-01",
      "2026-11-29",
      24,
    ],
    [
      "27 weeks: months, from 3 before the as-of month",
      [{ start: d("2026-06-01"), deadline: d("2026-12-06"), done: false }],
      "month",
      5,
      "2026-08-01",
      "2026-12-31",
      3,
    ],
    [
      "months, the whole span inside the window",
      [{ start: d("2026-09-10"), deadline: d("2027-04-03"), done: false }],
      "month",
      8,
      "2026-09-01",
      "2027-04-30",
      2,
    ],
    [
      "a long span: months, 3 before the as-of month and 9 after at most",
      [{ start: d("2025-01-10"), deadline: d("2028-03-31"), done: false }],
      "month",
      13,
      "2026-08-01",
      "2027-08-31",
      3,
    ],
    [
      "a completion date widens the span",
      [{ deadline: d("2026-11-20"), done: true, doneDate: d("2026-11-02") }],
      "week",
      3,
      "2026-11-02",
      "2026-11-22",
      2,
    ],
  ])("%s", (_name, tasks, scale, count, first, last, asOfColumn) => {
    const line = timeline(tasks, asOf);
    expect(line.scale).toBe(scale);
    expect(line.columns).toHaveLength(count);
    expect(line.columns[0]!.first).toBe(d(first));
    expect(line.columns[count - 1]!.last).toBe(d(last));
    expect(line.asOfColumn).toBe(asOfColumn);
    // Every day once: the columns follow one another without a gap.
    line.columns.slice(1).forEach((c, i) => expect(c.first).toBe(line.columns[i]!.last + 1));
  });
});

describe("a task's bar across the weeks of 10-26 … 12-14 (as-of in the fourth)", () => {
  test.each<[string, PlannedTask, string]>([
    ["due later, started", { start: d("2026-11-03"), deadline: d("2026-12-02"), done: false }, ".PPPPP.."],
    ["due later, no start: from the left edge", { deadline: d("2026-12-02"), done: false }, "PPPPPP.."],
    ["due on the as-of day: not overdue", { deadline: d("2026-11-18"), done: false }, "PPPP...."],
    [
      "overdue: planned to the deadline, red to the as-of day",
      { start: d("2026-10-27"), deadline: d("2026-11-04"), done: false },
      "POOO....",
    ],
    [
      "overdue since yesterday: the as-of week is red",
      { start: d("2026-10-27"), deadline: d("2026-11-17"), done: false },
      "PPPO....",
    ],
    [
      "done on time: green to the completion, nothing after",
      { start: d("2026-10-27"), deadline: d("2026-12-02"), done: true, doneDate: d("2026-11-10") },
      "DDD.....",
    ],
    [
      "done late: green to the deadline, late to the completion",
      { start: d("2026-10-27"), deadline: d("2026-11-04"), done: true, doneDate: d("2026-11-17") },
      "DLLL....",
    ],
    [
      "done without a date: green over its planned span",
      { start: d("2026-11-09"), deadline: d("2026-11-25"), done: true },
      "..DDD...",
    ],
    [
      "done before its start (a typing slip): the completion week only",
      { start: d("2026-12-01"), deadline: d("2026-12-10"), done: true, doneDate: d("2026-11-11") },
      "..D.....",
    ],
    [
      "beyond the chart: drawn to its edge",
      { start: d("2026-12-08"), deadline: d("2027-03-01"), done: false },
      "......PP",
    ],
  ])("%s", (_name, task, expected) => {
    expect(drawn(task, weeks)).toBe(expected);
  });

  test("over months, a column holding several parts shows the latest of them", () => {
    const months = timeline([{ start: d("2026-01-05"), deadline: d("2026-12-20"), done: false }], asOf);
    expect(months.scale).toBe("month");
    // Aug … Dec; overdue since 11-02: November holds planned and overdue days.
    expect(drawn({ start: d("2026-09-15"), deadline: d("2026-11-02"), done: false }, months)).toBe(".PPO.");
  });
});

// The workbook: title row, header, then the tasks (sheet rows 3 on).
const HEADER: CellValue[] = ["工作任务", "责任单位", "开始时间", "完成时限", "完成情况", "完成日期"];
const ROWS: CellValue[][] = [
  ["乙的新任务", "乙", "2026-11-02", "2026-12-10", "进行中", null],
  ["甲的逾期任务", "甲", null, "2026-11-04", "", null],
  ["甲的按时完成", "甲", "2026-10-27", "2026-12-02", "已完成", "2026-11-10"],
  ["甲的逾期完成", "甲", null, "2026-11-04", "已完成", "2026-11-17"],
  ["甲的早已完成", "甲", null, "2026-09-01", "已完成", "2026-09-01"],
  ["乙的长期任务", "乙", null, "长期", "进行中", null],
  ["无主任务", "", null, "2026-11-30", "", null],
];
const result = checkWorkbook(
  { fileName: "tasks.xlsx", sheets: [{ name: "任务表", rows: [["任务表"], HEADER, ...ROWS], merges: [] }] },
  { asOf, settings: DEFAULT_SETTINGS },
);
const sheetOf = (locale: Locale): SheetSpec =>
  generatedSheets(result, { settings: DEFAULT_SETTINGS, locale }).find((s) => s.kind === "progress")!;
const valuesOf = (sheet: SheetSpec) =>
  sheet.rows.map((row) => {
    const cells = row.cells.map((c) => {
      const v = c?.value ?? null;
      return v !== null && typeof v === "object" ? `day:${v.day - asOf}` : v;
    });
    while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });

describe("the progress sheet (网络推进图)", () => {
  test("which tasks: open ones and those done in the last 30 days, by unit, without the undated", () => {
    expect(plannedTask(result.rows[4]!, asOf)).toBeUndefined(); // done 2026-09-01
    expect(plannedTask(result.rows[5]!, asOf)).toBeUndefined(); // 长期
    expect(plannedTask(result.rows[1]!, asOf)).toEqual({ deadline: d("2026-11-04"), done: false });
  });

  test("zh-CN: legend, months over weeks, today's column, one row per task with its bar", () => {
    const sheet = sheetOf("zh-CN");
    expect(sheet.name).toBe("网络推进图");
    const values = valuesOf(sheet);
    expect(values[0]).toEqual(["网络推进图 · 任务表 · 检查日 2026-11-18"]);
    expect(values[1]).toEqual([
      "文件：tasks.xlsx · 未完成 3 项、近 30 天完成 2 项 · 按周（2026-10-26 至 2026-12-13） · 另有 1 项无完成时限日期，未列出",
    ]);
    expect(values[2]).toEqual(["计划", "已完成", "逾期完成", "逾期", "今天 2026-11-18"]);
    // Weeks of 10-26, 11-02 … 12-07, each under the month of its Monday.
    expect(values[3]).toEqual([null, null, null, null, null, "10月", "11月", null, null, null, null, "12月"]);
    expect(values[4]).toEqual([
      "工作任务",
      "责任单位",
      "开始时间",
      "完成时限",
      "状态",
      "26",
      "2",
      "9",
      "今天",
      "23",
      "30",
      "7",
    ]);
    // 乙 first (the summary's order: as the table first names them), 甲 by deadline, then no unit.
    expect(values.slice(5).map((row) => row.slice(0, 5))).toEqual([
      ["乙的新任务", "乙", "day:-16", "day:22", "进行中"],
      ["甲的逾期任务", "甲", "", "day:-14", "逾期 14 天"],
      ["甲的逾期完成", "甲", "", "day:-14", "逾期完成"],
      ["甲的按时完成", "甲", "day:-22", "day:14", "按时完成"],
      ["无主任务", "（未填单位）", "", "day:12", "未填写"],
    ]);
    const bars = sheet.rows.slice(5).map((row) =>
      row.cells
        .slice(5)
        .map(
          (c) =>
            ({ barPlanned: "P", barDone: "D", barLate: "L", barOverdue: "O" })[c!.style as string] ?? ".",
        )
        .join(""),
    );
    expect(bars).toEqual([".PPPPPP", "POOO...", "DLLL...", "DDD....", "PPPPPP."]);
    // The as-of column: marked in the header, and in each row where no bar covers it.
    expect(sheet.rows[4]!.cells[8]!.style).toBe("barToday");
    expect(sheet.rows[8]!.cells[8]!.style).toBe("barTodayLine");
    expect(sheet.rows[6]!.cells[8]!.style).toBe("barOverdue");
    expect(sheet.rows[8]!.cells[9]!.style).toBe("barEmpty");
    expect(sheet.merges).toContainEqual({ top: 3, left: 6, bottom: 3, right: 10 });
    expect(sheet.freezeRows).toBe(5);
    expect(sheet.autoFilter).toEqual({ top: 4, left: 0, bottom: 9, right: 11 });
    expect(sheet.print).toMatchObject({ landscape: true, repeatRows: { first: 3, last: 4 } });
    // Narrow time columns, a wider one for 今天: the chart prints one page wide.
    expect(sheet.columns.slice(5)).toEqual([4, 4, 4, 7, 4, 4, 4]);
  });

  test("en-US: the same sheet in English", () => {
    const values = valuesOf(sheetOf("en-US"));
    expect(values[0]).toEqual(["Progress · 任务表 · as of 2026-11-18"]);
    expect(values[1]).toEqual([
      "File tasks.xlsx · 3 open, 2 done in the last 30 days · by week (2026-10-26 to 2026-12-13) · 1 task without a deadline date not shown",
    ]);
    expect(values[2]).toEqual(["Planned", "Done", "Done late", "Overdue", "Today 2026-11-18"]);
    expect(values[3]).toEqual([null, null, null, null, null, "Oct", "Nov", null, null, null, null, "Dec"]);
    expect(values[4]!.slice(0, 9)).toEqual([
      "Task",
      "Unit",
      "Start",
      "Deadline",
      "Status",
      "26",
      "2",
      "9",
      "Today",
    ]);
    expect(values[6]!.slice(0, 5)).toEqual(["甲的逾期任务", "甲", "", "day:-14", "14 days overdue"]);
    expect(values[9]!.slice(1, 2)).toEqual(["(no unit)"]);
  });

  test("a table with more tasks than a chart draws: the most urgent drawn, by unit, the rest counted", () => {
    // MAX_TASKS + 10 tasks due after the as-of day (the latest 12 of them past the cap with the overdue
    // ones in), 2 overdue among the last rows of unit 乙, and one finished yesterday.
    const due = (i: number) => formatDay(asOf + 1 + i);
    const rows: CellValue[][] = [
      ...Array.from({ length: MAX_TASKS + 10 }, (_, i): CellValue[] => [
        `任务${i}`,
        i % 2 ? "甲" : "乙",
        null,
        due(i),
        "进行中",
        null,
      ]),
      ["乙的逾期甲", "乙", null, "2026-11-01", "", null],
      ["乙的逾期乙", "乙", null, "2026-11-10", "", null],
      ["甲的昨日完成", "甲", null, "2026-11-20", "已完成", "2026-11-17"],
    ];
    const big = checkWorkbook(
      { fileName: "big.xlsx", sheets: [{ name: "任务表", rows: [["任务表"], HEADER, ...rows], merges: [] }] },
      { asOf, settings: DEFAULT_SETTINGS },
    );
    const sheet = generatedSheets(big, { settings: DEFAULT_SETTINGS, locale: "zh-CN" }).find(
      (s) => s.kind === "progress",
    )!;
    const tasks = valuesOf(sheet)
      .slice(5)
      .map((row) => String(row[0]));
    expect(tasks).toHaveLength(MAX_TASKS);
    expect(tasks).toEqual(expect.arrayContaining(["乙的逾期甲", "乙的逾期乙"]));
    // Open tasks come before finished ones, and the latest deadlines are the ones left out.
    expect(tasks).not.toContain("甲的昨日完成");
    for (let i = MAX_TASKS - 2; i < MAX_TASKS + 10; i++) expect(tasks).not.toContain(`任务${i}`);
    expect(tasks).toContain(`任务${MAX_TASKS - 3}`);
    // Still by unit: every 乙 task (even numbers and its overdue ones) before the first 甲 one.
    const units = tasks.map((t) => (t.startsWith("乙") || /[02468]$/.test(t) ? "乙" : "甲"));
    expect(units.indexOf("甲")).toBe(units.lastIndexOf("乙") + 1);
    expect(String(valuesOf(sheet)[1]![0])).toContain(
      `最多画 ${MAX_TASKS} 项（先画逾期和临近到期的），另有 13 项未画出`,
    );
  });

  test("nothing to show: one line says so under the as-of week", () => {
    const empty = checkWorkbook(
      {
        fileName: "t.xlsx",
        sheets: [{ name: "任务表", rows: [HEADER, ["长期任务", "甲", null, "长期", "", null]], merges: [] }],
      },
      { asOf, settings: DEFAULT_SETTINGS },
    );
    const sheet = generatedSheets(empty, { settings: DEFAULT_SETTINGS, locale: "zh-CN" }).find(
      (s) => s.kind === "progress",
    )!;
    expect(valuesOf(sheet).at(-1)).toEqual(["没有未完成或近期完成的任务。"]);
    expect(sheet.columns).toHaveLength(6);
  });
});

describe("mostUrgent", () => {
  const open = (deadline: number): { task: PlannedTask } => ({ task: { deadline, done: false } });
  const done = (deadline: number, doneDate?: number): { task: PlannedTask } => ({
    task: { deadline, done: true, ...(doneDate === undefined ? {} : { doneDate }) },
  });
  /** What the cut must equal: every task ordered by urgency, then by place, the first `limit` kept in place. */
  const byFullSort = (tasks: ReadonlyArray<{ task: PlannedTask }>, limit: number) => {
    const urgency = ({ task }: { task: PlannedTask }) =>
      task.done ? 1e9 - (task.doneDate ?? task.deadline) : task.deadline;
    const kept = new Set(
      tasks
        .map((entry, i) => ({ i, key: urgency(entry) }))
        .sort((a, b) => a.key - b.key || a.i - b.i)
        .slice(0, limit)
        .map(({ i }) => i),
    );
    return tasks.filter((_, i) => kept.has(i));
  };

  test.each([
    { name: "fewer than the limit: all, as they came", tasks: [open(5), open(3)], limit: 3, kept: [0, 1] },
    {
      name: "distinct deadlines: the earliest",
      tasks: [open(5), open(3), open(9), open(1)],
      limit: 2,
      kept: [1, 3],
    },
    {
      name: "ties at the cut: the first of them",
      tasks: [open(4), open(2), open(4), open(4), open(1)],
      limit: 3,
      kept: [0, 1, 4],
    },
    {
      name: "open before done, the latest done first",
      tasks: [done(1, 9), open(50), done(1, 3), done(2)],
      limit: 2,
      kept: [0, 1],
    },
    { name: "a limit of none", tasks: [open(1), open(2)], limit: 0, kept: [] },
  ])("$name", ({ tasks, limit, kept }) => {
    expect(mostUrgent(tasks, limit)).toEqual(kept.map((i) => tasks[i]));
    expect(mostUrgent(tasks, limit)).toEqual(byFullSort(tasks, limit));
  });

  test("the same tasks as a full sort would keep, on many tables with ties", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let table = 0; table < 200; table++) {
      const tasks = Array.from({ length: 1 + Math.floor(next() * 60) }, () =>
        next() < 0.3
          ? done(Math.floor(next() * 8), next() < 0.5 ? Math.floor(next() * 8) : undefined)
          : open(Math.floor(next() * 8)),
      );
      const limit = Math.floor(next() * 40);
      expect(mostUrgent(tasks, limit)).toEqual(byFullSort(tasks, limit));
    }
  });
});
