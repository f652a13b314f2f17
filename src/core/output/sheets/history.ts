// 考核记录 (History): each unit's score at every check day the record keeps, the change since the check
// before, a line a phone can show, and a line chart of the scores over the checks.

import { HISTORY_UNITS, type Trend, type UnitTrend } from "../history";
import { cell, keepChartWhole, Layout, type SheetContext } from "../layout";
import type { HistoryEntry } from "../record";
import type { ChartSpec, SheetSpec, SpecCell } from "../spec";

/**
 * A line per unit, and more than eight lines tangle into one another and outrun a legend's colours: the
 * chart draws the eight best ranked at this check (every unit stays in the table above it).
 */
export const CHART_SERIES = 8;
/** Office's own series colours, the order Excel gives them. */
const SERIES_COLORS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47", "264478", "9E480E"];
/** The chart's height in rows, and its least width in columns (a table of one check is narrow). */
const CHART_ROWS = 18;
const CHART_MIN_COLUMNS = 8;

const collator = new Intl.Collator("zh-CN");

/**
 * The History sheet: units down (this check's ranking order, then units ranked only before, by name), the
 * check days across, oldest first, each cell the unit's score that day. The column after the unit is one line
 * a phone shows without scrolling sideways ("92.50 ↑3（第2名）"); the last two say how the score and the rank
 * moved since the check of `trend`.
 */
export function historySheet(
  cx: SheetContext,
  history: readonly HistoryEntry[],
  trend: Trend | undefined,
): SheetSpec {
  const { result, catalogue: cat } = cx;
  const w = cat.words;
  const hw = cat.output.history;
  const days = history.map((e) => e.asOf);
  const FIRST_DAY = 2;
  const width = FIRST_DAY + days.length + 2;
  const sheet = new Layout(cx, width);
  sheet.title("history");
  sheet.subtitle(
    hw.subtitle({
      file: result.fileName,
      checks: days.length,
      from: days[0] ?? cx.asOf,
      to: days[days.length - 1] ?? cx.asOf,
      method: cat.output.scoringName(result.scoring),
      ...(trend ? { since: trend.since } : {}),
    }),
  );
  const header = sheet.header([w.unit, hw.latest, ...days, hw.scoreChange, cat.output.rankChange]);

  const now = new Map((trend?.units ?? []).map((u) => [u.unit, u]));
  // The units the history keeps for this day (the best ranked, see HISTORY_UNITS).
  const ranking = result.ranking.slice(0, HISTORY_UNITS);
  const units = unitsOf(
    history,
    ranking.map((e) => e.unit),
  );
  const scores = history.map((e) => new Map(e.units.map((u) => [u.unit, u.score])));
  const ranked = new Map(ranking.map((e) => [e.unit, e]));
  const rows = new Map<string, number>();
  for (const unit of units) {
    const entry = ranked.get(unit);
    const move = now.get(unit);
    const cells: SpecCell[] = [
      cell(unit, "text"),
      cell(
        entry ? latestLine(cx, entry.score, entry.rank, move, trend !== undefined) : hw.notRankedNow,
        "text",
      ),
      ...scores.map((day) => cell(day.get(unit) ?? null, "score")),
      scoreChangeCell(entry, move, trend !== undefined),
      rankChangeCell(cx, entry, move, trend !== undefined),
    ];
    rows.set(unit, sheet.add(cells));
  }
  const last = sheet.lastRow;

  const charted = ranking.slice(0, CHART_SERIES).map((e) => e.unit);
  const charts: ChartSpec[] =
    charted.length === 0
      ? []
      : [
          {
            kind: "line",
            title: hw.chartTitle({ shown: charted.length, units: result.ranking.length }),
            categories: { top: header, left: FIRST_DAY, bottom: header, right: FIRST_DAY + days.length - 1 },
            series: charted.map((unit, i) => {
              const row = rows.get(unit)!;
              return {
                name: unit,
                values: { top: row, left: FIRST_DAY, bottom: row, right: FIRST_DAY + days.length - 1 },
                color: SERIES_COLORS[i % SERIES_COLORS.length]!,
              };
            }),
            valueAxis: { numberFormat: "0" },
            anchor: {
              from: { row: last + 2, column: 0 },
              to: { row: last + 2 + CHART_ROWS, column: Math.max(width, CHART_MIN_COLUMNS) },
            },
          },
        ];
  const spec = sheet.finish("history", {
    freezeRows: header + 1,
    autoFilter: { top: header, left: 0, bottom: last, right: width - 1 },
    repeatRows: { first: header, last: header },
    charts,
  });
  return keepChartWhole(spec);
}

/** This check's ranked units in rank order, then those ranked only at earlier checks, by name. */
function unitsOf(history: readonly HistoryEntry[], ranking: readonly string[]): string[] {
  const now = new Set(ranking);
  const before = new Set<string>();
  for (const entry of history) for (const u of entry.units) if (!now.has(u.unit)) before.add(u.unit);
  return [...ranking, ...[...before].sort(collator.compare)];
}

/** "92.50 ↑3（第2名）": the score, the move in rank when there is a check to compare with, the rank. */
function latestLine(
  cx: SheetContext,
  score: number,
  rank: number,
  move: UnitTrend | undefined,
  compared: boolean,
): string {
  const change = compared ? rankChangeText(cx, move).text : undefined;
  return cx.catalogue.output.history.latestLine({ score, rank, ...(change ? { change } : {}) });
}

function rankChangeText(
  cx: SheetContext,
  move: UnitTrend | undefined,
): { text: string; style: "rankUp" | "rankDown" | "text" } {
  const change = move?.rankChange;
  if (change === undefined) return { text: cx.catalogue.output.rankNew, style: "text" };
  if (change > 0) return { text: `↑${change}`, style: "rankUp" };
  if (change < 0) return { text: `↓${-change}`, style: "rankDown" };
  return { text: "—", style: "text" };
}

function rankChangeCell(
  cx: SheetContext,
  entry: { rank: number } | undefined,
  move: UnitTrend | undefined,
  compared: boolean,
): SpecCell {
  if (!entry || !compared) return cell(null, "text");
  const { text, style } = rankChangeText(cx, move);
  return cell(text, style);
}

/**
 * The score's change as text with its sign ("+2.50", "−4.00", "—"): green up, red down, as the rank's; two
 * decimals, as the days' scores beside it.
 */
function scoreChangeCell(
  entry: { score: number } | undefined,
  move: UnitTrend | undefined,
  compared: boolean,
): SpecCell {
  const change = move?.scoreChange;
  if (!entry || !compared || change === undefined) return cell(null, "text");
  if (change > 0) return cell(`+${change.toFixed(2)}`, "rankUp");
  if (change < 0) return cell(`−${(-change).toFixed(2)}`, "rankDown");
  return cell("—", "text");
}
