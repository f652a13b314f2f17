// The readable report on a terminal: findings, summaries and the ranking as tables.

import {
  bySeverity,
  CATALOGUES,
  formatDay,
  formatFinding,
  formatNotice,
  type CheckResult,
  type Locale,
  type SummaryLine,
} from "../core";
import { SUMMARY_COLUMNS, SUMMARY_COUNTS, SUMMARY_RATES } from "../core/summary";
import { formatTable } from "./table";

/** Beyond this many findings the terminal shows a count; --json has them all. */
const MAX_FINDING_LINES = 200;

const percent = (value: number | null) => (value === null ? "" : `${(value * 100).toFixed(1)}%`);

export function renderText(result: CheckResult, locale: Locale, width: number): string {
  const c = CATALOGUES[locale];
  const w = c.words;
  const out: string[] = [];
  const sep = locale === "zh-CN" ? "：" : ": ";
  out.push(
    [
      `${w.sheet}${sep}${result.sheet} (${result.fileName})`,
      `${w.asOf}${sep}${formatDay(result.asOf)}`,
      `${w.headerRow}${sep}${result.headerRow}`,
      `${w.tasks}${sep}${result.rows.length}`,
    ].join("   "),
  );
  for (const notice of result.notices) out.push(`! ${formatNotice(notice, locale)}`);
  out.push("");

  out.push(`${w.findings} (${result.findings.length})`);
  if (result.findings.length === 0) {
    out.push(w.noFindings);
  } else {
    const messageWidth = Math.max(30, Math.min(90, width - 50));
    const sorted = [...result.findings].sort(bySeverity);
    const rows = sorted
      .slice(0, MAX_FINDING_LINES)
      .map((f) => [c.severities[f.severity], c.rules[f.rule], f.unit ?? "", formatFinding(f, locale)]);
    out.push(
      formatTable([w.severity, w.rule, w.unit, w.message], rows, { maxWidths: [8, 18, 12, messageWidth] }),
    );
    if (sorted.length > MAX_FINDING_LINES) {
      out.push(w.moreFindings.replace("{n}", String(sorted.length - MAX_FINDING_LINES)));
    }
  }
  out.push("");

  out.push(w.summaryByUnit);
  // Group words (各单位) after the units: their tasks are each of the units', and they are no unit.
  const { units } = result.summary;
  const ordered = [...units.filter((u) => !u.group), ...units.filter((u) => u.group)];
  out.push(summaryTable(ordered, result.summary.total, locale, w.unit, result.unranked));
  if (result.summary.categories.length > 0) {
    out.push("");
    out.push(w.summaryByCategory);
    out.push(summaryTable(result.summary.categories, result.summary.total, locale, w.category));
  }
  out.push("");
  out.push(w.ranking);
  const ranking = [
    ...result.ranking.map((e) => [e.rank, e.unit, e.score, "★".repeat(e.stars)]),
    // Roster units with no task are listed, as on the ranking sheet, without a rank.
    ...result.unranked.map((unit) => ["", unit, c.output.notRanked, ""]),
  ];
  out.push(formatTable([w.rank, w.unit, w.score, w.stars], ranking, { alignRight: [0, 2] }));
  return out.join("\n") + "\n";
}

/** `idle`: roster units with no task, listed after the others with zeros and 无任务, as on 汇总. */
function summaryTable(
  lines: readonly SummaryLine[],
  total: SummaryLine,
  locale: Locale,
  nameHead: string,
  idle: readonly string[] = [],
): string {
  const c = CATALOGUES[locale];
  const w = c.words;
  const head = [nameHead, ...SUMMARY_COLUMNS.map((key) => w[key])];
  const row = (line: SummaryLine) => [
    line.name,
    ...SUMMARY_COUNTS.map((key) => line[key]),
    ...SUMMARY_RATES.map((key) => percent(line[key])),
  ];
  const rows = [
    ...lines.map(row),
    ...idle.map((unit) => [unit, ...SUMMARY_COUNTS.map(() => 0), c.output.noTasks, ""]),
    row({ ...total, name: w.total }),
  ];
  return formatTable(head, rows, { alignRight: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] });
}
