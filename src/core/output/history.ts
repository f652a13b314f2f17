// 考核记录: the record's memory of the checks (each day's scores and ranks), and how this check compares
// with the one before, for the History sheet and the bulletin.

import type { CheckResult } from "../check";
import { formatDay } from "../day";
import type { DubanRecord, HistoryEntry, PreviousRanking } from "./record";

/**
 * The history keeps the last 36 check days: three years of monthly assessments, or most of a year of weekly
 * ones. The record is JSON that every host reads on every run and the History sheet has a column a day, so
 * it has to stay small and printable; older checks are what the person's own archive is for.
 */
export const HISTORY_LIMIT = 36;
/**
 * And at most 200 units a day, the best ranked: a plant has tens of units, and a table whose unit column
 * holds free text (thousands of names, no roster) would otherwise make the record megabytes, more than the
 * add-in may read from Excel in one request.
 */
export const HISTORY_UNITS = 200;

/** This check's day of the history: its best HISTORY_UNITS ranked units in rank order, with their counts. */
export function historyEntry(result: CheckResult): HistoryEntry {
  const lines = new Map(result.summary.units.map((line) => [line.name, line]));
  return {
    asOf: formatDay(result.asOf),
    method: result.scoring.method,
    units: result.ranking.slice(0, HISTORY_UNITS).map(({ unit, score, rank }) => {
      const line = lines.get(unit);
      return {
        unit,
        score,
        rank,
        tasks: line?.tasks ?? 0,
        overdue: line?.overdue ?? 0,
        omissions: line?.missingInstances ?? 0,
        dataProblems: line?.dataProblems ?? 0,
      };
    }),
  };
}

/** The history a record carries, oldest first; none in a record from before the history, or a damaged one. */
export function recordHistory(record: DubanRecord | undefined): readonly HistoryEntry[] {
  const history: unknown = record?.history;
  return Array.isArray(history)
    ? (history as HistoryEntry[]).filter((e) => typeof e?.asOf === "string" && Array.isArray(e.units))
    : [];
}

/**
 * The history with `entry` in it: an entry of the same day is replaced (checking twice leaves what checking
 * once did), the days stay in order, and only the last HISTORY_LIMIT days are kept, `entry` always among
 * them (a check of a day older than all those kept still shows itself).
 */
export function withHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const others = history.filter((e) => e.asOf !== entry.asOf).sort(byDay);
  return [...others.slice(Math.max(0, others.length - (HISTORY_LIMIT - 1))), entry].sort(byDay);
}

const byDay = (a: HistoryEntry, b: HistoryEntry) => (a.asOf < b.asOf ? -1 : a.asOf > b.asOf ? 1 : 0);

/** A ranked unit of this check against the check before. */
export interface UnitTrend {
  readonly unit: string;
  readonly score: number;
  readonly rank: number;
  /** The earlier rank minus this one (up is positive); absent when the unit was not ranked then. */
  readonly rankChange?: number;
  /** This score minus the earlier one; absent without an earlier score of the same method. */
  readonly scoreChange?: number;
}

/** This check against the one before: its day, and every ranked unit of this check in rank order. */
export interface Trend {
  /** YYYY-MM-DD of the check compared with. */
  readonly since: string;
  readonly units: readonly UnitTrend[];
}

/**
 * How this check compares with the ranking it is compared with (the baseline, as the ranking sheet's change
 * in rank is): the ranks from the baseline, the scores from the history's entry of that day where it has one.
 * Undefined for a first check.
 */
export function trendOf(
  current: HistoryEntry,
  baseline: PreviousRanking | undefined,
  history: readonly HistoryEntry[],
): Trend | undefined {
  if (!baseline) return undefined;
  const ranks = new Map(baseline.entries.map((e) => [e.unit, e.rank]));
  const then = history.find((e) => e.asOf === baseline.asOf);
  const scores = new Map(
    then && then.method === current.method ? then.units.map((u) => [u.unit, u.score]) : [],
  );
  return {
    since: baseline.asOf,
    units: current.units.map(({ unit, score, rank }) => {
      const was = ranks.get(unit);
      const wasScore = scores.get(unit);
      return {
        unit,
        score,
        rank,
        ...(was === undefined ? {} : { rankChange: was - rank }),
        ...(wasScore === undefined ? {} : { scoreChange: roundScore(score - wasScore) }),
      };
    }),
  };
}

/** Scores carry two decimals: their difference is rounded back to two, not 0.1 + 0.2. */
const roundScore = (value: number) => Math.round(value * 100) / 100;

/**
 * The units that rose most since the check before (`direction` 1) or fell most (−1): by rank, and among equal
 * moves in rank by score, so that with no move in rank the greatest move in score counts. Every unit that
 * shares the greatest move is named; none when no unit moved that way.
 */
export function mostMoved(trend: Trend, direction: 1 | -1): UnitTrend[] {
  const moved = trend.units.filter((u) => {
    const rank = (u.rankChange ?? 0) * direction;
    return u.rankChange !== undefined && (rank > 0 || (rank === 0 && (u.scoreChange ?? 0) * direction > 0));
  });
  if (moved.length === 0) return [];
  const key = (u: UnitTrend) => [(u.rankChange ?? 0) * direction, (u.scoreChange ?? 0) * direction] as const;
  const best = moved.map(key).reduce((a, b) => (b[0] > a[0] || (b[0] === a[0] && b[1] > a[1]) ? b : a));
  return moved.filter((u) => {
    const [rank, score] = key(u);
    return rank === best[0] && score === best[1];
  });
}
