// 考核排名: units by score, ties sharing a rank (dense 1,2,2,3 by default, or Excel's 1,2,2,4), with stars.

import type { ScoreMethod, ScoreScale, Settings } from "./settings";
import { rosterNames, type Summary, type SummaryLine } from "./summary";

export interface RankingEntry {
  readonly rank: number;
  readonly unit: string;
  readonly score: number;
  /** ≥95 ★★★★★, ≥90 ★★★★, ≥80 ★★★, ≥70 ★★, ≥60 ★, else none. */
  readonly stars: number;
  readonly overdue: number;
  readonly completionRate: number;
}

/** How the scores were worked out, for the sheets and the bulletin to say. */
export interface Scoring {
  /** The method used: points only where the table has a 分值 to weigh. */
  readonly method: ScoreMethod;
  /** points was chosen, but no task row has a 分值: the deductions were used instead. */
  readonly noPoints?: true;
  /** How deductions were weighed against a unit's size (always none with points). */
  readonly scale: ScoreScale;
  /** perTask: the ranked units' deductions per task, their average tasks, the smoothing tasks added. */
  readonly perTask?: {
    readonly plantRate: number;
    readonly averageTasks: number;
    readonly smoothing: number;
  };
}

/** The ranking of a check: the ranked units, the roster units listed without a rank, and how it was scored. */
export interface Ranked {
  readonly entries: RankingEntry[];
  /** Roster units with no task and no omission: listed, not ranked. */
  readonly unranked: string[];
  readonly scoring: Scoring;
}

const collator = new Intl.Collator("zh-CN");

/** Weighted deductions: overdue, omissions, done late and data problems, by the settings' weights. */
export function deductionsOf(line: SummaryLine, ranking: Settings["ranking"]): number {
  const { weights } = ranking;
  return (
    weights.overdue * line.overdue +
    weights.missingInstance * line.missingInstances +
    weights.doneLate * line.doneLateFindings +
    weights.dataProblem * line.dataProblems
  );
}

/** Weights like 0.5 add binary fractions exactly, but a user's 0.1 would not: two decimals, never below 0. */
const finish = (score: number) => Math.max(0, Math.round(score * 100) / 100);

/** The unscaled deductions score: base − weights × (overdue, omissions, done late, data problems), never below 0. */
export function unitScore(line: SummaryLine, ranking: Settings["ranking"]): number {
  return finish(ranking.base - deductionsOf(line, ranking));
}

/** A unit's tasks for scaling: its task rows and its omissions (the entries it should have made). */
const sizeOf = (line: SummaryLine) => line.tasks + line.missingInstances;

/**
 * Every unit's score by the settings' method. points: base × earned ÷ possible (base while nothing can be
 * assessed yet) − the overdue and omission deductions; without any 分值 in the table, deductions. perTask:
 * base − rate × the average unit's tasks, where rate = (deductions + smoothing × the plant's rate) ÷
 * (tasks + smoothing): a small unit is counted as if it also had `smoothing` tasks at the plant's average.
 */
export function scoreUnits(
  units: readonly SummaryLine[],
  ranking: Settings["ranking"],
): { scores: number[]; scoring: Scoring } {
  if (ranking.score === "points") {
    if (units.some((line) => line.pointsTasks > 0)) {
      const { weights } = ranking;
      const scores = units.map((line) => {
        const share = line.pointsPossible > 0 ? line.pointsEarned / line.pointsPossible : 1;
        return finish(
          ranking.base * share -
            weights.overdue * line.overdue -
            weights.missingInstance * line.missingInstances,
        );
      });
      return { scores, scoring: { method: "points", scale: "none" } };
    }
  }
  const noPoints = ranking.score === "points" ? { noPoints: true as const } : {};
  if (ranking.scale === "none" || units.length === 0) {
    return {
      scores: units.map((line) => unitScore(line, ranking)),
      scoring: { method: "deductions", ...noPoints, scale: ranking.scale },
    };
  }
  const deductions = units.map((line) => deductionsOf(line, ranking));
  const tasks = units.reduce((n, line) => n + sizeOf(line), 0);
  const plantRate = tasks === 0 ? 0 : deductions.reduce((a, b) => a + b, 0) / tasks;
  const averageTasks = tasks / units.length;
  const m = ranking.smoothing;
  const scores = units.map((line, i) => {
    const size = sizeOf(line) + m;
    const rate = size === 0 ? 0 : (deductions[i]! + m * plantRate) / size;
    return finish(ranking.base - rate * averageTasks);
  });
  return {
    scores,
    scoring: {
      method: "deductions",
      ...noPoints,
      scale: "perTask",
      perTask: { plantRate: round(plantRate, 3), averageTasks: round(averageTasks, 1), smoothing: m },
    },
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function starsFor(score: number): number {
  if (score >= 95) return 5;
  if (score >= 90) return 4;
  if (score >= 80) return 3;
  if (score >= 70) return 2;
  if (score >= 60) return 1;
  return 0;
}

/** Ranks units; tied units are listed by fewer overdue, then higher completion rate, then name. */
export function rankUnits(units: readonly SummaryLine[], ranking: Settings["ranking"]): RankingEntry[] {
  const { scores } = scoreUnits(units, ranking);
  return rankScored(
    units.map((line, i) => ({ line, score: scores[i]! })),
    ranking,
  );
}

function rankScored(
  scored: Array<{ line: SummaryLine; score: number }>,
  ranking: Settings["ranking"],
): RankingEntry[] {
  scored.sort(
    (a, b) =>
      b.score - a.score ||
      a.line.overdue - b.line.overdue ||
      b.line.completionRate - a.line.completionRate ||
      collator.compare(a.line.name, b.line.name),
  );
  const entries: RankingEntry[] = [];
  let rank = 0;
  let distinct = 0;
  for (let i = 0; i < scored.length; i++) {
    const { line, score } = scored[i]!;
    if (i === 0 || score !== scored[i - 1]!.score) {
      distinct += 1;
      rank = ranking.method === "dense" ? distinct : i + 1;
    }
    entries.push({
      rank,
      unit: line.name,
      score,
      stars: starsFor(score),
      overdue: line.overdue,
      completionRate: line.completionRate,
    });
  }
  return entries;
}

/**
 * The ranking of a summary. With a roster, only roster units are ranked (a unit not on it is a typing
 * mistake until someone says otherwise) and a roster unit with no task and no omission is listed unranked;
 * without one, every unit in the summary is ranked.
 */
export function rankSummary(
  summary: Summary,
  ranking: Settings["ranking"],
  roster: readonly string[] = [],
): Ranked {
  // A group word (各单位) is no unit: without a roster it would be ranked as one.
  const units = summary.units.filter((line) => !line.notOnRoster && !line.group);
  const { scores, scoring } = scoreUnits(units, ranking);
  const entries = rankScored(
    units.map((line, i) => ({ line, score: scores[i]! })),
    ranking,
  );
  const ranked = new Set(units.map((line) => line.name));
  const unranked = [...rosterNames(roster).values()].filter((unit) => !ranked.has(unit));
  return { entries, unranked, scoring };
}
