// The JSON report of `duban check --json`: a public shape that people script against (see SPEC.md).

import type { CheckResult } from "./check";
import type { Scoring } from "./ranking";
import { inHiddenRow, type Finding } from "./findings";
import { formatDay } from "./day";
import { formatFinding, formatNotice } from "./i18n";
import type { Locale, RuleId, Severity } from "./settings";
import type { SummaryLine } from "./summary";

export interface ReportIssue {
  rule: RuleId;
  severity: Severity;
  sheet: string;
  row: number;
  column?: string;
  cell?: string;
  /** The row is hidden or filtered out in the workbook (added in 0.4.0). */
  hiddenRow?: true;
  unit?: string;
  period?: string;
  task?: string;
  message: string;
  messageId: string;
  values: Record<string, string | number>;
}

export interface ReportSummaryLine {
  tasks: number;
  done: number;
  onTime: number;
  late: number;
  open: number;
  overdue: number;
  dueSoon: number;
  dataProblems: number;
  completionRate: number;
  onTimeRate: number | null;
}

export interface Report {
  asOf: string;
  file: string;
  sheet: string;
  headerRow: number;
  columns: Record<string, string>;
  tasks: number;
  issues: ReportIssue[];
  summary: {
    /** With a roster, onRoster says whether the unit is on it, and a unit not on it has the suggested name. */
    /** A group word (各单位) is marked group: its tasks are each of the units it names, and it is never ranked. */
    units: Array<
      { unit: string; onRoster?: boolean; suggestion?: string; group?: boolean } & ReportSummaryLine
    >;
    categories: Array<{ category: string } & ReportSummaryLine>;
    total: ReportSummaryLine;
  };
  ranking: Array<{ rank: number; unit: string; score: number; stars: number }>;
  /** Roster units with no task, listed without a rank (added in 0.4.0). */
  unranked: string[];
  /** How the ranking scored the units (added in 0.4.0). */
  scoring: Scoring;
  notices: Array<{ id: string; message: string }>;
}

/** Rates to three decimals, as a person would read them (0.667). */
const rate = (value: number) => Math.round(value * 1000) / 1000;

function summaryLine(line: SummaryLine): ReportSummaryLine {
  return {
    tasks: line.tasks,
    done: line.done,
    onTime: line.onTime,
    late: line.late,
    open: line.open,
    overdue: line.overdue,
    dueSoon: line.dueSoon,
    dataProblems: line.dataProblems,
    completionRate: rate(line.completionRate),
    onTimeRate: line.onTimeRate === null ? null : rate(line.onTimeRate),
  };
}

/**
 * One issue, its members set one by one in the report's order: a spread for each optional member made a small
 * object to copy from, for each of tens of thousands of issues.
 */
function reportIssue(f: Finding, locale: Locale, hidden: boolean): ReportIssue {
  const issue = { rule: f.rule, severity: f.severity, sheet: f.sheet, row: f.row } as ReportIssue;
  if (f.column) {
    issue.column = f.column;
    issue.cell = `${f.column}${f.row}`;
  }
  if (hidden) issue.hiddenRow = true;
  if (f.unit) issue.unit = f.unit;
  if (f.period) issue.period = f.period;
  if (f.task) issue.task = f.task;
  issue.message = formatFinding(f, locale);
  issue.messageId = f.messageId;
  issue.values = { ...f.values };
  return issue;
}

export function buildReport(result: CheckResult, locale: Locale): Report {
  const { source, issue } = reportSource(result, locale);
  return { ...source, issues: source.issues.map(issue) };
}

/** The report with the findings in the place of its issues, each made an issue by `issue`. */
export interface ReportSource {
  readonly source: Omit<Report, "issues"> & { readonly issues: readonly Finding[] };
  readonly issue: (finding: Finding) => ReportIssue;
}

/**
 * The report as a writer that makes its issues a few at a time takes it: a large check's tens of thousands of
 * issues, with their messages, are then never all held at once (they outlived the collector's young space,
 * and cost it a tenth of the check's time).
 */
export function reportSource(result: CheckResult, locale: Locale): ReportSource {
  const hidden = inHiddenRow(result);
  const issue = (f: Finding) => reportIssue(f, locale, hidden(f));
  const source = {
    asOf: formatDay(result.asOf),
    file: result.fileName,
    sheet: result.sheet,
    headerRow: result.headerRow,
    columns: { ...result.columns },
    tasks: result.rows.length,
    issues: result.findings,
    summary: {
      units: result.summary.units.map((u) => ({
        unit: u.name,
        ...(result.rosterSheet === undefined
          ? {}
          : u.notOnRoster
            ? { onRoster: false, ...u.notOnRoster }
            : { onRoster: true }),
        ...(u.group ? { group: true } : {}),
        ...summaryLine(u),
      })),
      categories: result.summary.categories.map((c) => ({ category: c.name, ...summaryLine(c) })),
      total: summaryLine(result.summary.total),
    },
    ranking: result.ranking.map((r) => ({ rank: r.rank, unit: r.unit, score: r.score, stars: r.stars })),
    unranked: [...result.unranked],
    scoring: result.scoring,
    notices: result.notices.map((n) => ({ id: n.id, message: formatNotice(n, locale) })),
  };
  return { source, issue };
}
