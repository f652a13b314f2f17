// 考核排名: units by score, ties sharing a rank (dense 1,2,2,3 by default, or Excel's 1,2,2,4), with stars.

import type { Settings } from "./settings";
import type { SummaryLine } from "./summary";

export interface RankingEntry {
  readonly rank: number;
  readonly unit: string;
  readonly score: number;
  /** ≥95 ★★★★★, ≥90 ★★★★, ≥80 ★★★, ≥70 ★★, ≥60 ★, else none. */
  readonly stars: number;
  readonly overdue: number;
  readonly completionRate: number;
}

const collator = new Intl.Collator("zh-CN");

/** The default score: base − weights × (overdue, omissions, done late, data problems), never below 0. */
export function unitScore(line: SummaryLine, ranking: Settings["ranking"]): number {
  const { weights } = ranking;
  const score =
    ranking.base -
    weights.overdue * line.overdue -
    weights.missingInstance * line.missingInstances -
    weights.doneLate * line.doneLateFindings -
    weights.dataProblem * line.dataProblems;
  // Weights like 0.5 add binary fractions exactly, but a user's 0.1 would not: keep two decimals.
  return Math.max(0, Math.round(score * 100) / 100);
}

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
  const scored = units.map((line) => ({ line, score: unitScore(line, ranking) }));
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
