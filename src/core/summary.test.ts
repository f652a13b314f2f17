import fc from "fast-check";
import { checkWorkbook } from "./check";
import { parseIsoDay } from "./day";
import { rankUnits, starsFor, unitScore } from "./ranking";
import { DEFAULT_SETTINGS, settingsSchema } from "./settings";
import type { SummaryLine } from "./summary";
import type { CellValue, WorkbookModel } from "./workbook";

const asOf = parseIsoDay("2026-11-18")!;
const HEADER: CellValue[] = ["工作任务", "类别", "责任单位", "完成时限", "完成情况", "完成日期"];
const run = (rows: CellValue[][], settings = DEFAULT_SETTINGS) => {
  const workbook: WorkbookModel = {
    fileName: "t.xlsx",
    sheets: [{ name: "任务", rows: [HEADER, ...rows], merges: [] }],
  };
  return checkWorkbook(workbook, { asOf, settings });
};

const line = (name: string, counts: Partial<SummaryLine>): SummaryLine => ({
  name,
  tasks: 10,
  done: 5,
  onTime: 0,
  late: 0,
  open: 5,
  overdue: 0,
  dueSoon: 0,
  dataProblems: 0,
  completionRate: 0.5,
  onTimeRate: null,
  doneLateFindings: 0,
  missingInstances: 0,
  pointsTasks: 0,
  pointsPossible: 0,
  pointsEarned: 0,
  ...counts,
});

describe("summary", () => {
  const result = run([
    ["a", "安全", "甲", "2026-11-10", "已完成", "2026-11-09"], // on time
    ["b", "安全", "甲", "2026-11-10", "已完成", "2026-11-12"], // late
    ["c", "安全", "甲", "2026-11-10", "进行中", null], // overdue
    ["d", "经营", "甲", "2026-11-19", "", null], // due soon
    ["e", "经营", "乙", "2026-12-30", "基本完成", null], // data problem (unknown status)
    ["f", "经营", "乙", "2026年2月30日", "已完成", null], // two data problems, one row; done without dates
    ["g", "", "", "2026-12-30", "", null], // no unit, no category: total only (and a data problem)
  ]);
  const unit = (name: string) => result.summary.units.find((u) => u.name === name)!;

  test.each([
    [
      "甲",
      {
        tasks: 4,
        done: 2,
        onTime: 1,
        late: 1,
        open: 2,
        overdue: 1,
        dueSoon: 1,
        dataProblems: 0,
        completionRate: 0.5,
        onTimeRate: 0.5,
      },
    ],
    [
      "乙",
      {
        tasks: 2,
        done: 1,
        onTime: 0,
        late: 0,
        open: 1,
        overdue: 0,
        dueSoon: 0,
        dataProblems: 2,
        completionRate: 0.5,
        onTimeRate: null,
      },
    ],
  ])("unit %s", (name, expected) => expect(unit(name)).toMatchObject(expected));

  test("the total counts rows without a unit", () => {
    expect(result.summary.total).toMatchObject({
      tasks: 7,
      done: 3,
      open: 4,
      overdue: 1,
      dueSoon: 1,
      dataProblems: 3,
    });
    expect(result.summary.units.map((u) => u.name)).toEqual(["甲", "乙"]);
  });

  test("per category", () => {
    expect(result.summary.categories.map((c) => [c.name, c.tasks, c.done])).toEqual([
      ["安全", 3, 2],
      ["经营", 3, 1],
    ]);
  });

  test("the roster orders the units", () => {
    const workbook: WorkbookModel = {
      fileName: "t.xlsx",
      sheets: [
        {
          name: "任务",
          rows: [HEADER, ["a", "", "乙", "2026-12-01"], ["b", "", "甲", "2026-12-01"]],
          merges: [],
        },
        { name: "单位名单", rows: [["单位名称"], ["甲"], ["丙"], ["乙"]], merges: [] },
      ],
    };
    expect(checkWorkbook(workbook, { asOf }).summary.units.map((u) => u.name)).toEqual(["甲", "乙"]);
  });
});

describe("group words (各单位, 各区队) in the unit column", () => {
  const rows: CellValue[][] = [
    ["a", "", "甲", "2026-11-10", "已完成", "2026-11-09"],
    ["b", "", "乙", "2026-11-30", "进行中", null],
    ["c", "", "各单位", "2026-11-10", "进行中", null],
    ["d", "", "全部", "2026-11-30", "进行中", null],
  ];
  const roster = [["单位名称"], ["甲"], ["乙"]];
  test.each([
    ["without a roster", false],
    ["with a roster", true],
  ])("are summed as group lines and never ranked, %s", (_name, withRoster) => {
    const workbook: WorkbookModel = {
      fileName: "t.xlsx",
      sheets: [
        { name: "任务", rows: [HEADER, ...rows], merges: [] },
        ...(withRoster ? [{ name: "单位名单", rows: roster, merges: [] }] : []),
      ],
    };
    const result = checkWorkbook(workbook, { asOf });
    expect(result.summary.units.map((u) => [u.name, u.tasks, u.overdue, u.group ?? false])).toEqual([
      ["甲", 1, 0, false],
      ["乙", 1, 0, false],
      ["各单位", 1, 1, true],
      ["全部", 1, 0, true],
    ]);
    expect(result.ranking.map((r) => r.unit).sort()).toEqual(["乙", "甲"]);
  });
});

describe("ranking", () => {
  test.each([
    [{}, 100],
    [{ overdue: 3 }, 94],
    [{ missingInstances: 2 }, 96],
    [{ doneLateFindings: 3 }, 97],
    [{ dataProblems: 3 }, 98.5],
    [{ overdue: 30, dataProblems: 100 }, 0],
  ])("score of %j is %d", (counts, score) =>
    expect(unitScore(line("x", counts), DEFAULT_SETTINGS.ranking)).toBe(score),
  );

  test.each([
    [100, 5],
    [95, 5],
    [94.5, 4],
    [90, 4],
    [80, 3],
    [79.5, 2],
    [70, 2],
    [60, 1],
    [59.5, 0],
  ])("%d points earn %d stars", (score, stars) => expect(starsFor(score)).toBe(stars));

  // The counts as they stand (scale none): the ranking of equal-sized units is the same per task.
  const NONE = settingsSchema.parse({ ranking: { scale: "none" } }).ranking;
  const units = [
    line("丙", { overdue: 1 }),
    line("甲", { overdue: 1 }),
    line("乙", { dataProblems: 4 }),
    line("丁", { overdue: 2 }),
    line("戊", {}),
  ];
  test("dense ranking (中国式排名): 1, 2, 2, 3 — tied units by fewer overdue, then completion, then name", () => {
    const ranking = rankUnits(units, NONE);
    expect(ranking.map((r) => [r.rank, r.unit, r.score])).toEqual([
      [1, "戊", 100],
      [2, "乙", 98],
      [2, "丙", 98],
      [2, "甲", 98],
      [3, "丁", 96],
    ]);
  });

  test("competition ranking: 1, 2, 2, 2, 5", () => {
    const settings = settingsSchema.parse({ ranking: { method: "competition", scale: "none" } });
    expect(rankUnits(units, settings.ranking).map((r) => r.rank)).toEqual([1, 2, 2, 2, 5]);
  });

  test("a tie is broken by completion rate before the name", () => {
    const ranking = rankUnits(
      [line("a", { completionRate: 0.2 }), line("b", { completionRate: 0.9 })],
      DEFAULT_SETTINGS.ranking,
    );
    expect(ranking.map((r) => r.unit)).toEqual(["b", "a"]);
  });
});

describe("properties", () => {
  const units = ["综采一队", "综采二队", "机电科", ""];
  const dates = [
    "2026-11-01",
    "2026-11-17",
    "2026-11-18",
    "2026-11-19",
    "2026-11-24",
    "2026-12-31",
    "2026年2月30日",
    "",
    "长期",
  ];
  const statuses = ["已完成", "进行中", "", "基本完成", "100%", "60%", "√"];
  const rowArb = fc.tuple(
    fc.constantFrom("检查", "培训", "演练", "学习", ""),
    fc.constantFrom("安全", "经营", ""),
    fc.constantFrom(...units),
    fc.constantFrom(...dates),
    fc.constantFrom(...statuses),
    fc.constantFrom(...dates),
  );

  test("the units and the rows without a unit add up to the total, and every count stays within the tasks", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { maxLength: 60 }), (rows) => {
        const { summary, rows: tasks } = run(rows.map((r) => [...r]));
        const noUnit = tasks.filter((t) => t.unit === "").length;
        expect(summary.total.tasks).toBe(tasks.length);
        for (const key of [
          "tasks",
          "done",
          "onTime",
          "late",
          "open",
          "overdue",
          "dueSoon",
          "dataProblems",
        ] as const) {
          const sum = summary.units.reduce((n, u) => n + u[key], 0);
          const rest = run(rows.filter((r) => r[2] === "").map((r) => [...r])).summary.total[key];
          expect(sum + rest).toBe(summary.total[key]);
        }
        for (const line of [...summary.units, ...summary.categories, summary.total]) {
          expect(line.done + line.open).toBe(line.tasks);
          expect(line.onTime + line.late).toBeLessThanOrEqual(line.done);
          expect(line.overdue + line.dueSoon).toBeLessThanOrEqual(line.open);
          expect(line.completionRate).toBeGreaterThanOrEqual(0);
          expect(line.completionRate).toBeLessThanOrEqual(1);
        }
        expect(noUnit).toBe(tasks.length - summary.units.reduce((n, u) => n + u.tasks, 0));
      }),
      { numRuns: 150 },
    );
  });

  test("ranks follow scores: a higher score never ranks lower, equal scores share a rank", () => {
    const lineArb = fc.record({
      overdue: fc.nat(20),
      dataProblems: fc.nat(20),
      doneLateFindings: fc.nat(10),
      missingInstances: fc.nat(10),
      completionRate: fc.double({ min: 0, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(lineArb, { maxLength: 30 }),
        fc.constantFrom("dense" as const, "competition" as const),
        (lines, method) => {
          const settings = settingsSchema.parse({ ranking: { method } }).ranking;
          const ranking = rankUnits(
            lines.map((l, i) => line(`单位${i}`, l)),
            settings,
          );
          for (let i = 1; i < ranking.length; i++) {
            const [a, b] = [ranking[i - 1]!, ranking[i]!];
            expect(a.score).toBeGreaterThanOrEqual(b.score);
            if (a.score === b.score) expect(b.rank).toBe(a.rank);
            else expect(b.rank).toBe(method === "dense" ? a.rank + 1 : i + 1);
          }
          if (ranking.length > 0) expect(ranking[0]!.rank).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
