import { checkWorkbook } from "../check";
import { parseIsoDay } from "../day";
import { DEFAULT_SETTINGS } from "../settings";
import type { CellValue, WorkbookModel } from "../workbook";
import {
  HISTORY_LIMIT,
  HISTORY_UNITS,
  historyEntry,
  mostMoved,
  recordHistory,
  trendOf,
  withHistory,
  type Trend,
} from "./history";
import { planWrite } from "./plan";
import { readRecord, recordCells, RECORD_SHEET, type DubanRecord, type HistoryEntry } from "./record";
import { tasksWorkbook } from "../../../test/helpers/tasks-workbook";

/** An entry of a day whose units score and rank as given: [unit, score, rank]. */
const entry = (asOf: string, units: Array<[string, number, number]> = [], method = "deductions" as const) =>
  ({
    asOf,
    method,
    units: units.map(([unit, score, rank]) => ({
      unit,
      score,
      rank,
      tasks: 1,
      overdue: 0,
      omissions: 0,
      dataProblems: 0,
    })),
  }) satisfies HistoryEntry;
const days = (history: readonly HistoryEntry[]) => history.map((e) => e.asOf);
/** The first day of month m of 2024 onwards: 1 -> 2024-01-01, 13 -> 2025-01-01. */
const month = (m: number) =>
  `${2024 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, "0")}-01`;
const months = (n: number) => Array.from({ length: n }, (_, i) => entry(month(i + 1)));

describe("withHistory", () => {
  test.each<[string, HistoryEntry[], HistoryEntry, string[]]>([
    ["the first check", [], entry("2026-11-18"), ["2026-11-18"]],
    ["a later day is appended", [entry("2026-10-18")], entry("2026-11-18"), ["2026-10-18", "2026-11-18"]],
    [
      "an earlier day goes in its place",
      [entry("2026-10-18"), entry("2026-12-18")],
      entry("2026-11-18"),
      ["2026-10-18", "2026-11-18", "2026-12-18"],
    ],
    [
      "a re-check of a day replaces that day",
      [entry("2026-10-18"), entry("2026-11-18", [["甲", 90, 1]])],
      entry("2026-11-18", [["甲", 95, 1]]),
      ["2026-10-18", "2026-11-18"],
    ],
    [
      `at most ${HISTORY_LIMIT} days: the oldest goes`,
      months(HISTORY_LIMIT),
      entry(month(HISTORY_LIMIT + 1)),
      months(HISTORY_LIMIT + 1)
        .slice(1)
        .map((e) => e.asOf),
    ],
    [
      "a check older than every day kept still shows itself",
      months(HISTORY_LIMIT).slice(1).concat(entry("2030-01-01")),
      entry("2023-06-01"),
      [
        "2023-06-01",
        ...months(HISTORY_LIMIT)
          .slice(2)
          .map((e) => e.asOf),
        "2030-01-01",
      ],
    ],
  ])("%s", (_name, before, added, expected) => {
    const after = withHistory(before, added);
    expect(days(after)).toEqual(expected);
    expect(after.length).toBeLessThanOrEqual(HISTORY_LIMIT);
    expect(after.find((e) => e.asOf === added.asOf)).toBe(added);
    // Checking the same day again changes nothing.
    expect(withHistory(after, added)).toEqual(after);
  });
});

describe("recordHistory: a record from before the history, or a damaged one, has none", () => {
  test.each<[string, DubanRecord | undefined, number]>([
    ["no record", undefined, 0],
    ["a record without a history", { version: 1, generated: [] }, 0],
    ["a history that is not a list", { version: 1, generated: [], history: {} as never }, 0],
    [
      "entries without their units are left out",
      { version: 1, generated: [], history: [entry("2026-11-11"), { asOf: "2026-11-12" } as never] },
      1,
    ],
  ])("%s", (_name, record, length) => expect(recordHistory(record)).toHaveLength(length));
});

describe("the history in the record planWrite writes", () => {
  const workbook = (rows: CellValue[][]): WorkbookModel => ({
    fileName: "t.xlsx",
    sheets: [{ name: "任务", rows: [["工作任务", "责任单位", "完成时限", "完成情况"], ...rows], merges: [] }],
  });
  const november = workbook([
    ["a", "甲", "2026-11-10", "已完成"],
    ["b", "乙", "2026-11-10", "进行中"],
    ["c", "乙", "2026-11-12", ""],
  ]);
  const options = { settings: DEFAULT_SETTINGS, locale: "zh-CN" as const, date1904: false };
  const write = (model: WorkbookModel, asOf: string, record: DubanRecord | undefined) =>
    planWrite(checkWorkbook(model, { asOf: parseIsoDay(asOf)! }), { ...options, record }).record;
  /** The record as a host writes it and reads it back: JSON in cells. */
  const roundTrip = (record: DubanRecord) =>
    readRecord({
      fileName: "t.xlsx",
      sheets: [{ name: RECORD_SHEET, rows: recordCells(record).map((c) => [c]), merges: [] }],
    });

  test("each ranked unit's score, rank and counts, in rank order", () => {
    const record = write(november, "2026-11-18", undefined);
    expect(record.history).toEqual([
      {
        asOf: "2026-11-18",
        method: "deductions",
        units: [
          expect.objectContaining({
            unit: "甲",
            rank: 1,
            tasks: 1,
            overdue: 0,
            omissions: 0,
            dataProblems: 0,
          }),
          expect.objectContaining({ unit: "乙", rank: 2, tasks: 2, overdue: 2, omissions: 0 }),
        ],
      },
    ]);
  });

  test("a second day is appended; checking it again writes what checking it once did", () => {
    const first = roundTrip(write(november, "2026-11-18", undefined));
    const second = write(november, "2026-12-18", first);
    expect(days(second.history!)).toEqual(["2026-11-18", "2026-12-18"]);
    const again = write(november, "2026-12-18", roundTrip(second));
    expect(again).toEqual(second);
  });

  test("a record written before the history reads fine and starts one", () => {
    const old: DubanRecord = {
      version: 1,
      generated: [{ name: "汇总", kind: "summary" }],
      ranking: { asOf: "2026-10-18", entries: [{ unit: "乙", rank: 1 }] },
    };
    const record = write(november, "2026-11-18", roundTrip(old));
    expect(days(record.history!)).toEqual(["2026-11-18"]);
    expect(record.baseline).toEqual(old.ranking);
  });
});

describe("trendOf", () => {
  const now = entry("2026-12-18", [
    ["甲", 95, 1],
    ["乙", 90, 2],
    ["丙", 80, 3],
  ]);
  const baseline = {
    asOf: "2026-11-18",
    entries: [
      { unit: "乙", rank: 1 },
      { unit: "甲", rank: 2 },
    ],
  };
  const then = entry("2026-11-18", [
    ["乙", 92, 1],
    ["甲", 91.9, 2],
  ]);

  test("a first check has none", () => expect(trendOf(now, undefined, [now])).toBeUndefined());

  test("ranks from the baseline, scores from the history's entry of its day", () => {
    expect(trendOf(now, baseline, [then, now])).toEqual({
      since: "2026-11-18",
      units: [
        { unit: "甲", score: 95, rank: 1, rankChange: 1, scoreChange: 3.1 },
        { unit: "乙", score: 90, rank: 2, rankChange: -1, scoreChange: -2 },
        { unit: "丙", score: 80, rank: 3 },
      ],
    });
  });

  test.each<[string, HistoryEntry[]]>([
    ["a baseline the history has no entry for (an older record)", [now]],
    ["scores of another method", [{ ...then, method: "points" }, now]],
  ])("no change of score: %s", (_name, history) => {
    const trend = trendOf(now, baseline, history)!;
    expect(trend.units.map((u) => [u.rankChange, u.scoreChange])).toEqual([
      [1, undefined],
      [-1, undefined],
      [undefined, undefined],
    ]);
  });
});

describe("mostMoved", () => {
  const trend = (units: Array<[string, number | undefined, number | undefined]>): Trend => ({
    since: "2026-11-18",
    units: units.map(([unit, rankChange, scoreChange], i) => ({
      unit,
      score: 90,
      rank: i + 1,
      ...(rankChange === undefined ? {} : { rankChange }),
      ...(scoreChange === undefined ? {} : { scoreChange }),
    })),
  });
  test.each<[string, Trend, string[], string[]]>([
    [
      "by rank",
      trend([
        ["甲", 3, 1],
        ["乙", 1, 5],
        ["丙", -2, -1],
        ["丁", -1, -6],
      ]),
      ["甲"],
      ["丙"],
    ],
    [
      "equal moves in rank: by score",
      trend([
        ["甲", 2, 1],
        ["乙", 2, 3],
        ["丙", -2, -1],
        ["丁", -2, -4],
      ]),
      ["乙"],
      ["丁"],
    ],
    [
      "ties share the move",
      trend([
        ["甲", 2, 1],
        ["乙", 2, 1],
        ["丙", -1, -1],
        ["丁", -1, -1],
      ]),
      ["甲", "乙"],
      ["丙", "丁"],
    ],
    [
      "no move in rank: the score's",
      trend([
        ["甲", 0, 1.5],
        ["乙", 0, -2],
        ["丙", 0, 0],
      ]),
      ["甲"],
      ["乙"],
    ],
    [
      "no move at all, or scores that do not compare: none",
      trend([
        ["甲", 0, undefined],
        ["乙", 0, 0],
      ]),
      [],
      [],
    ],
    ["a unit new since then is not a move", trend([["甲", undefined, undefined]]), [], []],
  ])("%s", (_name, t, improved, declined) => {
    expect(mostMoved(t, 1).map((u) => u.unit)).toEqual(improved);
    expect(mostMoved(t, -1).map((u) => u.unit)).toEqual(declined);
  });
});

test("historyEntry counts the unit's omissions and data problems as the summary does", () => {
  const result = checkWorkbook(tasksWorkbook([["a", "甲", "2026年2月30日", "已完成"]]), {
    asOf: parseIsoDay("2026-11-18")!,
  });
  const line = result.summary.units[0]!;
  expect(historyEntry(result).units).toEqual([
    {
      unit: "甲",
      score: result.ranking[0]!.score,
      rank: 1,
      tasks: 1,
      overdue: 0,
      omissions: line.missingInstances,
      dataProblems: line.dataProblems,
    },
  ]);
  expect(line.dataProblems).toBe(1);
});

test(`a day keeps at most ${HISTORY_UNITS} units, the best ranked: free text in the unit column stays small`, () => {
  const rows: CellValue[][] = Array.from({ length: HISTORY_UNITS + 50 }, (_, i) => [
    `t${i}`,
    `单位${i}`,
    "2026-11-10",
    i % 2 === 0 ? "已完成" : "进行中",
  ]);
  const result = checkWorkbook(
    {
      fileName: "t.xlsx",
      sheets: [
        { name: "任务", rows: [["工作任务", "责任单位", "完成时限", "完成情况"], ...rows], merges: [] },
      ],
    },
    { asOf: parseIsoDay("2026-11-18")! },
  );
  const kept = historyEntry(result).units;
  expect(kept.map((u) => u.unit)).toEqual(result.ranking.slice(0, HISTORY_UNITS).map((e) => e.unit));
  const plan = planWrite(result, {
    settings: DEFAULT_SETTINGS,
    locale: "zh-CN",
    record: undefined,
    date1904: false,
  });
  const sheet = plan.sheets.find((s) => s.kind === "history")!;
  // The title, the subtitle, the header, then a row per unit kept.
  expect(sheet.rows).toHaveLength(3 + HISTORY_UNITS);
});
