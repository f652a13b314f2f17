// The readable report on a terminal: findings, summaries and the ranking as tables.

import Table from "cli-table3";
import stringWidth from "string-width";
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

/** Beyond this many findings the terminal shows a count; --json has them all. */
const MAX_FINDING_LINES = 200;

/** No rule between body rows: a long list stays readable. */
const COMPACT = { mid: "", "left-mid": "", "mid-mid": "", "right-mid": "" };

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
    const messageWidth = Math.max(30, Math.min(90, width - 40));
    const table = new Table({
      head: [w.severity, w.rule, w.unit, w.message],
      colWidths: [10, 20, 14, messageWidth],
      chars: COMPACT,
      style: { head: [], border: [] },
    });
    const sorted = [...result.findings].sort(bySeverity);
    for (const finding of sorted.slice(0, MAX_FINDING_LINES)) {
      table.push([
        c.severities[finding.severity],
        c.rules[finding.rule],
        finding.unit ?? "",
        wrapToWidth(formatFinding(finding, locale), messageWidth - 2),
      ]);
    }
    out.push(table.toString());
    if (sorted.length > MAX_FINDING_LINES)
      out.push(w.moreFindings.replace("{n}", String(sorted.length - MAX_FINDING_LINES)));
  }
  out.push("");

  out.push(w.summaryByUnit);
  out.push(summaryTable(result.summary.units, result.summary.total, locale, w.unit));
  if (result.summary.categories.length > 0) {
    out.push("");
    out.push(w.summaryByCategory);
    out.push(summaryTable(result.summary.categories, result.summary.total, locale, w.category));
  }
  out.push("");
  out.push(w.ranking);
  const ranking = new Table({
    head: [w.rank, w.unit, w.score, w.stars],
    chars: COMPACT,
    style: { head: [], border: [] },
  });
  for (const entry of result.ranking)
    ranking.push([entry.rank, entry.unit, entry.score, "★".repeat(entry.stars)]);
  out.push(ranking.toString());
  return out.join("\n") + "\n";
}

/**
 * Wraps by display width, wherever a line is full: Chinese has no spaces to break at, and a CJK character
 * takes two columns (cli-table3's own wrapping counts characters and cuts such lines short).
 */
export function wrapToWidth(text: string, width: number): string {
  const lines: string[] = [];
  let line = "";
  for (const char of text) {
    if (stringWidth(line + char) > width && line !== "") {
      // An English word moves whole to the next line; Chinese breaks anywhere.
      const space = /[\x21-\x7e]/.test(char) ? line.lastIndexOf(" ") : -1;
      if (space > 0 && /[\x21-\x7e]$/.test(line)) {
        lines.push(line.slice(0, space));
        line = line.slice(space + 1);
      } else {
        lines.push(line);
        line = "";
      }
    }
    line += char;
  }
  if (line !== "") lines.push(line);
  return lines.join("\n");
}

function summaryTable(
  lines: readonly SummaryLine[],
  total: SummaryLine,
  locale: Locale,
  nameHead: string,
): string {
  const w = CATALOGUES[locale].words;
  const table = new Table({
    head: [
      nameHead,
      w.tasks,
      w.done,
      w.onTime,
      w.late,
      w.open,
      w.overdue,
      w.dueSoon,
      w.dataProblems,
      w.completionRate,
      w.onTimeRate,
    ],
    chars: COMPACT,
    style: { head: [], border: [] },
  });
  for (const line of [...lines, { ...total, name: w.total }]) {
    table.push([
      line.name,
      line.tasks,
      line.done,
      line.onTime,
      line.late,
      line.open,
      line.overdue,
      line.dueSoon,
      line.dataProblems,
      percent(line.completionRate),
      percent(line.onTimeRate),
    ]);
  }
  return table.toString();
}
