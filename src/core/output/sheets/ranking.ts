// 排名 (Ranking): units by score with stars, each one's change in rank since the ranking recorded before, and
// the roster units with no task, listed without a rank.

import { cell, Layout, type SheetContext } from "../layout";
import type { PreviousRanking } from "../record";
import type { SheetSpec, SpecCell } from "../spec";

/** The ranking sheet; with a `previous` ranking, a last column says how each unit's rank changed. */
export function rankingSheet(cx: SheetContext, previous: PreviousRanking | undefined): SheetSpec {
  const { result, catalogue: cat, settings } = cx;
  const w = cat.words;
  const columns = previous ? 7 : 6;
  const sheet = new Layout(cx, columns);
  const { base, weights } = settings.ranking;
  const points = result.scoring.method === "points";
  const terms = [
    { weight: weights.overdue, name: w.overdue },
    { weight: weights.missingInstance, name: cat.rules["missing-instance"] },
    // Points scoring deducts for overdue and omissions only: lateness and data are in the 得分.
    { weight: points ? 0 : weights.doneLate, name: cat.rules["done-late"] },
    { weight: points ? 0 : weights.dataProblem, name: w.dataProblems },
  ].filter((t) => t.weight !== 0);
  sheet.title("ranking");
  sheet.subtitle(
    cat.output.rankingSubtitle({
      file: result.fileName,
      units: result.ranking.length,
      formula: cat.output.scoringMethod({ scoring: result.scoring, base, terms }),
      ...(previous ? { previous: previous.asOf } : {}),
    }),
  );
  const headings = [w.rank, w.unit, w.score, w.stars, w.overdue, w.completionRate];
  const header = sheet.header(previous ? [...headings, cat.output.rankChange] : headings);
  const before = new Map(previous?.entries.map((e) => [e.unit, e.rank]));
  for (const entry of result.ranking) {
    const cells: SpecCell[] = [
      cell(entry.rank, "number"),
      cell(entry.unit, "text"),
      cell(entry.score, "decimal"),
      cell(entry.stars > 0 ? "★".repeat(entry.stars) : null, "stars"),
      cell(entry.overdue, "number"),
      cell(entry.completionRate, "percent"),
    ];
    if (previous) {
      const was = before.get(entry.unit);
      const change = was === undefined ? undefined : was - entry.rank;
      if (change === undefined) cells.push(cell(cat.output.rankNew, "text"));
      else if (change > 0) cells.push(cell(`↑${change}`, "rankUp"));
      else if (change < 0) cells.push(cell(`↓${-change}`, "rankDown"));
      else cells.push(cell("—", "text"));
    }
    sheet.add(cells);
  }
  for (const unit of result.unranked) {
    sheet.add([null, cell(unit, "text"), cell(cat.output.notRanked, "text")]);
  }
  return sheet.finish("ranking", {
    freezeRows: header + 1,
    autoFilter: { top: header, left: 0, bottom: sheet.lastRow, right: columns - 1 },
    repeatRows: { first: header, last: header },
  });
}
