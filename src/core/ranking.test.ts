import fc from "fast-check";
import { checkWorkbook } from "./check";
import { parseIsoDay } from "./day";
import { rankUnits, scoreUnits } from "./ranking";
import { settingsSchema, type SettingsInput } from "./settings";
import { pointsOf, type SummaryLine } from "./summary";
import { parseDate } from "./values/date";
import { parseNumber } from "./values/number";
import { parseStatus } from "./values/status";
import type { CellValue, WorkbookModel } from "./workbook";

const asOf = parseIsoDay("2026-11-18")!;
const HEADER: CellValue[] = ["工作任务", "责任单位", "完成时限", "完成情况", "完成日期", "分值", "得分"];
const ROSTER = ["综采一队", "掘进二队", "机电科"];

/** A task table (with 分值 and 得分 unless `header` says otherwise) and, when given, a roster. */
function check(
  rows: CellValue[][],
  options: { roster?: readonly string[]; ranking?: SettingsInput["ranking"]; header?: CellValue[] } = {},
) {
  const workbook: WorkbookModel = {
    fileName: "t.xlsx",
    sheets: [
      { name: "任务", rows: [options.header ?? HEADER, ...rows], merges: [] },
      ...(options.roster
        ? [{ name: "单位名单", rows: [["单位名称"], ...options.roster.map((u) => [u])], merges: [] }]
        : []),
    ],
  };
  const settings = settingsSchema.parse({ ranking: options.ranking ?? {} });
  return checkWorkbook(workbook, { asOf, settings });
}
const table = (result: ReturnType<typeof check>) => result.ranking.map((r) => [r.rank, r.unit, r.score]);

const line = (name: string, counts: Partial<SummaryLine>): SummaryLine => ({
  name,
  tasks: 10,
  done: 10,
  onTime: 0,
  late: 0,
  open: 0,
  overdue: 0,
  dueSoon: 0,
  dataProblems: 0,
  completionRate: 1,
  onTimeRate: null,
  doneLateFindings: 0,
  missingInstances: 0,
  pointsTasks: 0,
  pointsPossible: 0,
  pointsEarned: 0,
  ...counts,
});

describe("what a row weighs in points (考核评分)", () => {
  const row = (
    points: CellValue,
    score: CellValue,
    status: string,
    deadline: string,
    done: string | null,
  ) => ({
    points: parseNumber(points),
    score: parseNumber(score),
    status: parseStatus(status),
    deadline: parseDate(deadline, 2026),
    doneDate: parseDate(done, 2026),
  });
  test.each([
    ["得分 as written", row(10, 8, "进行中", "2026-12-01", null), false, { possible: 10, earned: 8 }],
    [
      "得分 over 分值: capped",
      row(10, 12, "已完成", "2026-11-01", "2026-11-01"),
      false,
      { possible: 10, earned: 10 },
    ],
    [
      "a negative 得分: 0",
      row(10, -3, "已完成", "2026-11-01", "2026-11-01"),
      false,
      { possible: 10, earned: 0 },
    ],
    [
      "empty 得分, done on time: the 分值",
      row(10, null, "已完成", "2026-11-10", "2026-11-09"),
      false,
      { possible: 10, earned: 10 },
    ],
    [
      "empty 得分, done late: half",
      row(10, null, "已完成", "2026-11-10", "2026-11-12"),
      false,
      { possible: 10, earned: 5 },
    ],
    [
      "empty 得分, done without dates: the 分值",
      row(10, "", "已完成", "", null),
      false,
      { possible: 10, earned: 10 },
    ],
    [
      "empty 得分, open and overdue: nothing",
      row(10, null, "进行中", "2026-11-10", null),
      true,
      { possible: 10, earned: 0 },
    ],
    [
      "empty 得分, open, not yet due: not assessed",
      row(10, null, "进行中", "2026-12-10", null),
      false,
      { possible: 0, earned: 0 },
    ],
    [
      "an unreadable 得分 reads as empty",
      row(10, "良", "已完成", "2026-11-10", "2026-11-09"),
      false,
      { possible: 10, earned: 10 },
    ],
    ["no 分值", row(null, 5, "已完成", "2026-11-10", "2026-11-09"), false, undefined],
    ["分值 0", row(0, 0, "已完成", "2026-11-10", "2026-11-09"), false, undefined],
    ["an unreadable 分值", row("十", 5, "已完成", "2026-11-10", "2026-11-09"), false, undefined],
  ])("%s", (_name, r, overdue, expected) => expect(pointsOf(r, overdue)).toEqual(expected));
});

describe("scoring methods", () => {
  const rows: CellValue[][] = [
    // 甲: 20 possible, 15 earned (10 on time, 5 for a late one), one overdue task of 10 → 30 possible.
    ["a", "甲", "2026-11-10", "已完成", "2026-11-09", 10, null],
    ["b", "甲", "2026-11-10", "已完成", "2026-11-12", 10, null],
    ["c", "甲", "2026-11-10", "进行中", null, 10, null],
    // 乙: 得分 as the plant assessed it, one over its 分值 (capped), one task not yet due.
    ["d", "乙", "2026-11-10", "已完成", "2026-11-09", 10, 9],
    ["e", "乙", "2026-11-10", "已完成", "2026-11-09", 10, 15],
    ["f", "乙", "2026-12-30", "进行中", null, 10, null],
    // 丙 ties with 乙.
    ["g", "丙", "2026-11-10", "已完成", "2026-11-09", 20, 19],
  ];

  test.each([
    [
      "points: 100 × earned ÷ possible − 2 × overdue; ties share a rank",
      rows,
      { score: "points" as const },
      undefined,
      // Tied: the higher completion rate first.
      [
        [1, "丙", 95],
        [1, "乙", 95],
        [2, "甲", 48],
      ],
      { method: "points", scale: "none" },
    ],
    [
      "points, competition ranking",
      rows,
      { score: "points" as const, method: "competition" as const },
      undefined,
      [
        [1, "丙", 95],
        [1, "乙", 95],
        [3, "甲", 48],
      ],
      { method: "points", scale: "none" },
    ],
    [
      "deductions as counted: 100 − 2 × overdue − 1 × done late − 0.5 × data problems",
      rows,
      { scale: "none" as const },
      undefined,
      [
        [1, "丙", 100],
        [2, "乙", 99.5],
        [3, "甲", 97],
      ],
      { method: "deductions", scale: "none" },
    ],
    [
      "points without a 分值 column: deductions, and it says so",
      rows.map((r) => r.slice(0, 5)),
      { score: "points" as const, scale: "none" as const },
      HEADER.slice(0, 5),
      [
        [1, "丙", 100],
        [1, "乙", 100],
        [2, "甲", 97],
      ],
      { method: "deductions", noPoints: true, scale: "none" },
    ],
  ])("%s", (_name, rows, ranking, header, expected, scoring) => {
    const result = check(rows, { ranking, ...(header ? { header } : {}) });
    expect(table(result)).toEqual(expected);
    expect(result.scoring).toEqual(scoring);
    expect(result.unranked).toEqual([]);
  });

  test("per task (the default): a unit of one clean task does not outrank one of sixteen with one overdue", () => {
    const units = [
      line("一项", { tasks: 1 }),
      line("十六项", { tasks: 16, overdue: 1 }),
      line("十项", { tasks: 10, overdue: 3 }),
      line("十二项", { tasks: 12, overdue: 2, dataProblems: 2 }),
    ];
    const defaults = settingsSchema.parse({}).ranking;
    expect(rankUnits(units, defaults).map((r) => [r.unit, r.score])).toEqual([
      ["十六项", 98.3],
      ["一项", 97.29],
      ["十二项", 96.18],
      ["十项", 95.02],
    ]);
    expect(scoreUnits(units, defaults).scoring).toEqual({
      method: "deductions",
      scale: "perTask",
      perTask: { plantRate: 0.333, averageTasks: 9.8, smoothing: 5 },
    });
    // As counted, the one clean task came first.
    const none = settingsSchema.parse({ ranking: { scale: "none" } }).ranking;
    expect(rankUnits(units, none).map((r) => r.unit)[0]).toBe("一项");
  });

  test("per task: a unit of average size at the plant's rate scores as it would as counted", () => {
    const units = [line("甲", { tasks: 10, overdue: 1 }), line("乙", { tasks: 10, overdue: 1 })];
    const perTask = settingsSchema.parse({}).ranking;
    expect(scoreUnits(units, perTask).scores).toEqual([98, 98]);
  });

  test("per task without smoothing: deductions per task × the average unit's tasks", () => {
    const units = [line("甲", { tasks: 5, overdue: 1 }), line("乙", { tasks: 15, overdue: 1 })];
    const plain = settingsSchema.parse({ ranking: { smoothing: 0 } }).ranking;
    expect(scoreUnits(units, plain).scores).toEqual([96, 98.67]);
  });
});

describe("with a roster", () => {
  const rows: CellValue[][] = [
    ["a", "综采一队", "2026-11-10", "进行中", null, null, null],
    ["b", "综采一队", "2026-11-10", "已完成", "2026-11-09", null, null],
    ["c", "掘进二对", "2026-11-10", "已完成", "2026-11-09", null, null],
    ["d", "综采1队", "2026-11-10", "已完成", "2026-11-09", null, null],
    ["e", "", "2026-11-10", "已完成", "2026-11-09", null, null],
  ];

  test("only roster units are ranked; one with no task is listed without a rank", () => {
    const result = check(rows, { roster: ROSTER, ranking: { scale: "none" } });
    expect(table(result)).toEqual([[1, "综采一队", 98]]);
    expect(result.unranked).toEqual(["掘进二队", "机电科"]);
  });

  test("units not on the roster are counted apart with the roster name each most likely means", () => {
    const { summary } = check(rows, { roster: ROSTER });
    expect(summary.units.map((u) => [u.name, u.tasks, u.notOnRoster?.suggestion])).toEqual([
      ["综采一队", 2, undefined],
      ["掘进二对", 1, "掘进二队"],
      ["综采1队", 1, "综采一队"],
    ]);
    expect(summary.total.tasks).toBe(5);
  });

  test("a group word (各单位) is counted apart too, with no roster name suggested for it", () => {
    const { summary } = check([["a", "各单位", "2026-11-10", "进行中", null, null, null]], {
      roster: ROSTER,
    });
    expect(summary.units.map((u) => [u.name, u.notOnRoster])).toEqual([["各单位", {}]]);
  });

  test("a unit written in another case counts under the roster's spelling", () => {
    const result = check([["a", "abc", "2026-12-10", "进行中", null, null, null]], { roster: ["ABC"] });
    expect(result.summary.units.map((u) => [u.name, u.tasks, u.notOnRoster])).toEqual([
      ["ABC", 1, undefined],
    ]);
    expect(result.ranking.map((r) => r.unit)).toEqual(["ABC"]);
  });

  test("without a roster, every unit is ranked, as written", () => {
    const result = check(rows, { ranking: { scale: "none" } });
    expect(table(result)).toEqual([
      [1, "掘进二对", 100],
      [1, "综采1队", 100],
      [2, "综采一队", 98],
    ]);
    expect(result.unranked).toEqual([]);
    expect(result.summary.units.every((u) => u.notOnRoster === undefined)).toBe(true);
  });

  test("every roster unit appears exactly once, ranked or listed; no other unit is ranked", () => {
    const names = ["综采一队", "综采二队", "掘进二队", "机电科", "通风区", "综采1队", "掘进二对", ""];
    const rowArb = fc.tuple(
      fc.constantFrom("检查", "培训", "演练"),
      fc.constantFrom(...names),
      fc.constantFrom("2026-11-01", "2026-11-18", "2026-12-31", ""),
      fc.constantFrom("已完成", "进行中", ""),
      fc.constantFrom("2026-11-01", null),
      fc.constantFrom(10, 5, null),
      fc.constantFrom(10, 3, null),
    );
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 40 }),
        fc.uniqueArray(fc.constantFrom(...names.slice(0, 5)), { minLength: 1 }),
        fc.constantFrom("deductions" as const, "points" as const),
        fc.constantFrom("none" as const, "perTask" as const),
        (rows, roster, score, scale) => {
          const result = check(
            rows.map((r) => [...r]),
            { roster, ranking: { score, scale } },
          );
          const listed = [...result.ranking.map((r) => r.unit), ...result.unranked];
          expect([...listed].sort()).toEqual([...roster].sort());
          for (const entry of result.ranking) expect(entry.score).toBeGreaterThanOrEqual(0);
        },
      ),
      { numRuns: 150 },
    );
  });
});
