// 汇总 (Summary): per unit and per category, completion rates with data bars, and the 通报 bulletin.

import type { BulletinFacts, TrendMove } from "../../i18n/catalogue";
import { formatNotice } from "../../i18n";
import { SUMMARY_COLUMNS, SUMMARY_COUNTS, SUMMARY_RATES, type SummaryLine } from "../../summary";
import { mostMoved, type Trend } from "../history";
import { cell, keepChartWhole, Layout, type SheetContext } from "../layout";
import type { ChartSpec, DataBar, SheetSpec, SpecCell, StyleName } from "../spec";

const DATA_BAR_COLOR = "638EC6";
/** The chart's least height in rows. */
const CHART_MIN_ROWS = 15;

/** The unit or category, then every summary column. */
const SUMMARY_WIDTH = 1 + SUMMARY_COLUMNS.length;
const COMPLETION_COLUMN = 1 + SUMMARY_COLUMNS.indexOf("completionRate");

/**
 * The summary sheet: the units' table (with a roster, every roster unit: one with no task is listed as such,
 * after the others), the categories' where the table has categories, the bulletin, which names the units that
 * moved most since the check of `trend`.
 */
export function summarySheet(cx: SheetContext, trend?: Trend): SheetSpec {
  const { result, catalogue: cat } = cx;
  const { summary } = result;
  // A group word (各单位) is no unit: its line goes with the others of its kind, after the units.
  const onRoster = summary.units.filter((line) => !line.notOnRoster && !line.group);
  const offRoster = summary.units.filter((line) => line.notOnRoster && !line.group);
  const groups = summary.units.filter((line) => line.group);
  const w = cat.words;
  const sheet = new Layout(cx, SUMMARY_WIDTH);
  sheet.title("summary");
  sheet.subtitle(
    cat.output.summarySubtitle({
      file: result.fileName,
      tasks: summary.total.tasks,
      units: onRoster.length,
      idle: result.unranked.length,
      completionRate: formatRate(summary.total.completionRate),
    }),
  );
  const headings = (first: string) => [first, ...SUMMARY_COLUMNS.map((key) => w[key])];
  const dataBars: DataBar[] = [];
  const table = (first: string, lines: readonly SummaryLine[], idle: readonly string[] = []) => {
    const header = sheet.header(headings(first));
    for (const line of lines) sheet.add(summaryCells(line.name, line, false));
    for (const unit of idle) sheet.add(idleCells(unit, cat.output.noTasks));
    const last = sheet.lastRow;
    const lastWithTasks = header + lines.length;
    if (lines.length > 0)
      dataBars.push({
        range: { top: header + 1, left: COMPLETION_COLUMN, bottom: last, right: COMPLETION_COLUMN },
        color: DATA_BAR_COLOR,
      });
    sheet.add(summaryCells(w.total, summary.total, true));
    return { header, last, lastWithTasks };
  };

  const units = table(w.unit, onRoster, result.unranked);
  // Lines that are no units to rank, each with what the clerk is to know of it beside its name.
  const apart = (
    title: string,
    header: readonly string[],
    lines: readonly SummaryLine[],
    note: (line: SummaryLine) => string,
  ) => {
    if (lines.length === 0) return;
    sheet.blank();
    sheet.merge(sheet.add([cell(title, "sectionTitle")]));
    sheet.header(header);
    for (const line of lines)
      sheet.add([
        cell(line.name, "text"),
        cell(note(line), "text"),
        cell(line.tasks, "number"),
        cell(line.open, "number"),
        cell(line.overdue, "number"),
      ]);
  };
  apart(
    cat.output.offRosterTitle(offRoster.length),
    cat.output.offRosterHeader,
    offRoster,
    (line) => line.notOnRoster!.suggestion ?? "",
  );
  const sentTo = recipientsByWord(result);
  apart(cat.output.groupTitle(groups.length), cat.output.groupHeader, groups, (line) =>
    cat.output.groupSentTo(sentTo.get(line.name)?.size ?? 0),
  );
  if (summary.categories.length > 0) {
    sheet.blank();
    sheet.merge(sheet.add([cell(w.summaryByCategory, "sectionTitle")]));
    table(w.category, summary.categories);
  }
  // A manager reads this sheet from an email, without the pane or the command line that say these: a roster
  // not found means the ranking counts every unit in the table, and the bulletin reads as if it had not. Above the
  // bulletin, which reads with the chart under it.
  if (result.notices.length > 0) {
    sheet.blank();
    sheet.merge(sheet.add([cell(cat.output.checkNotesTitle, "sectionTitle")]));
    for (const notice of result.notices)
      sheet.merge(sheet.add([cell(formatNotice(notice, cx.locale), "paragraph")]));
  }
  sheet.blank();
  const bulletin = sheet.add([cell(cat.output.bulletinTitle, "sectionTitle")]);
  sheet.merge(bulletin);
  sheet.merge(sheet.add([cell(cat.output.bulletin(bulletinFacts(cx, trend)), "paragraph")]));
  const below = sheet.lastRow + 2;
  const spec = sheet.finish("summary", {
    freezeRows: units.header + 1,
    autoFilter: { top: units.header, left: 0, bottom: units.last, right: SUMMARY_WIDTH - 1 },
    repeatRows: { first: units.header, last: units.header },
    dataBars,
    charts:
      units.lastWithTasks > units.header
        ? [completionChart(cx, units.header, units.lastWithTasks, below)]
        : [],
  });
  // Where the tables and the chart may not fit one page, the bulletin goes with the chart to the next: alone
  // on it, the chart left the bulletin a page of its own when the bulletin did not fit under the tables.
  return keepChartWhole(spec, bulletin);
}

/**
 * Completion by unit as horizontal bars, from the unit table's own cells (names and completion rates of the
 * units with tasks, which come first: the total and the roster's units with no task left out), below
 * everything from row `top`, as wide as the table: beside it, the printed page (one page wide) would shrink
 * the table to fit both, and a phone would scroll sideways to it.
 */
function completionChart(cx: SheetContext, header: number, last: number, top: number): ChartSpec {
  const column = (c: number) => ({ top: header + 1, left: c, bottom: last, right: c });
  return {
    kind: "bar",
    title: cx.catalogue.output.completionChartTitle,
    categories: column(0),
    series: [
      { name: cx.catalogue.words.completionRate, values: column(COMPLETION_COLUMN), color: DATA_BAR_COLOR },
    ],
    valueAxis: { min: 0, max: 1, numberFormat: "0%" },
    anchor: {
      from: { row: top, column: 0 },
      // A bar and its gap take about a row and a half; the title and the axis take a few rows more.
      to: {
        row: top + Math.max(CHART_MIN_ROWS, Math.ceil((last - header) * 1.5) + 5),
        column: SUMMARY_WIDTH,
      },
    },
  };
}

function summaryCells(name: string, line: SummaryLine, total: boolean): SpecCell[] {
  const text: StyleName = total ? "totalText" : "text";
  const number: StyleName = total ? "totalNumber" : "number";
  const percent: StyleName = total ? "totalPercent" : "percent";
  return [
    cell(name, text),
    ...SUMMARY_COUNTS.map((key) => cell(line[key], number)),
    ...SUMMARY_RATES.map((key) => cell(line[key], percent)),
  ];
}

/** A roster unit with no task: zeros, and in place of its rates that it has no task (it is not ranked). */
function idleCells(unit: string, noTasks: string): SpecCell[] {
  return [
    cell(unit, "text"),
    ...SUMMARY_COUNTS.map(() => cell(0, "number")),
    cell(noTasks, "text"),
    ...SUMMARY_RATES.slice(1).map(() => cell(null, "percent")),
  ];
}

/** The units with the most omissions, most first: three, and any tied with the third (a cut tie is unfair). */
export function omissionLeaders(units: readonly SummaryLine[]): Array<{ unit: string; omissions: number }> {
  const sorted = units
    .filter((u) => u.missingInstances > 0)
    .sort((a, b) => b.missingInstances - a.missingInstances);
  const third = sorted[2]?.missingInstances ?? 0;
  return sorted
    .filter((u, i) => i < 3 || u.missingInstances >= third)
    .map((u) => ({ unit: u.name, omissions: u.missingInstances }));
}

/** The units that rose and fell most since the check compared with, as the bulletin words them. */
function trendFacts(trend: Trend): NonNullable<BulletinFacts["trend"]> {
  const move = (direction: 1 | -1): TrendMove => {
    const units = mostMoved(trend, direction);
    const first = units[0];
    return {
      units: units.map((u) => u.unit),
      rankChange: first?.rankChange ?? 0,
      ...(first?.scoreChange === undefined ? {} : { scoreChange: first.scoreChange }),
    };
  };
  return { since: trend.since, improved: move(1), declined: move(-1) };
}

/** The units each group word's tasks were sent to (CheckResult.sharedTasks), by the word as the rows read it. */
function recipientsByWord(result: SheetContext["result"]): Map<string, Set<string>> {
  const byWord = new Map<string, Set<string>>();
  for (const task of result.sharedTasks ?? []) {
    const word = result.rows[task.index]!.unit;
    let units = byWord.get(word);
    if (!units) byWord.set(word, (units = new Set()));
    for (const unit of task.units) units.add(unit);
  }
  return byWord;
}

function bulletinFacts(cx: SheetContext, trend: Trend | undefined): BulletinFacts {
  const { summary, ranking } = cx.result;
  const { total } = summary;
  const mostOverdue = (lines: readonly SummaryLine[]) =>
    lines
      .filter((u) => u.overdue > 0)
      .sort((a, b) => b.overdue - a.overdue)
      .slice(0, 3)
      .map((u) => ({ unit: u.name, overdue: u.overdue }));
  const leaders = mostOverdue(summary.units.filter((u) => !u.group));
  const first = ranking[0];
  const last = ranking[ranking.length - 1];
  const at = (rank: number) => ranking.filter((r) => r.rank === rank).map((r) => r.unit);
  return {
    asOf: cx.asOf,
    sheet: cx.result.sheet,
    tasks: total.tasks,
    done: total.done,
    onTime: total.onTime,
    late: total.late,
    open: total.open,
    overdue: total.overdue,
    dueSoon: total.dueSoon,
    dueSoonDays: cx.settings.dueSoonDays,
    dataProblems: total.dataProblems,
    missingInstances: total.missingInstances,
    completionRate: formatRate(total.completionRate),
    overdueLeaders: leaders,
    sharedOverdue: mostOverdue(summary.units.filter((u) => u.group)),
    ...(first ? { top: { units: at(first.rank), score: first.score } } : {}),
    ...(first && last && last.rank !== first.rank
      ? { bottom: { units: at(last.rank), score: last.score } }
      : {}),
    method: cx.catalogue.output.scoringName(cx.result.scoring),
    offRoster: summary.units.flatMap((u) =>
      u.notOnRoster && !u.group ? [{ unit: u.name, ...u.notOnRoster, tasks: u.tasks }] : [],
    ),
    ...(trend ? { trend: trendFacts(trend) } : {}),
    omissionLeaders: omissionLeaders(summary.units),
  };
}

/** 0.6667 -> "66.7%", 0.5 -> "50%" */
function formatRate(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}
