// What the generated sheets say: issues, summary with its bulletin, ranking and notices, as SheetSpecs for a host.

import { bySeverity, type CheckResult } from "../check";
import { formatDay, parseIsoDay } from "../day";
import { formatPeriod } from "../recurring/period-label";
import type { Finding } from "../findings";
import { CATALOGUES, formatFinding } from "../i18n";
import type { BulletinFacts, Catalogue } from "../i18n/catalogue";
import type { Locale, Settings } from "../settings";
import { SUMMARY_COLUMNS, SUMMARY_COUNTS, SUMMARY_RATES, type SummaryLine } from "../summary";
import type { TaskRow } from "../table/rows";
import type { CellRange } from "../workbook";
import type { HighlightKind } from "./highlights";
import type { CellStyle, DataBar, GeneratedKind, SheetSpec, SpecCell, SpecRow, StyleName } from "./spec";
import { styleSheet } from "./styles";
import { columnsBetween } from "../values/text";
import type { PreviousRanking } from "./record";

export type { PreviousRanking } from "./record";

export interface GenerateOptions {
  readonly settings: Settings;
  readonly locale: Locale;
  readonly previousRanking?: PreviousRanking;
}

/** What to store in the workbook now, so that the next run can show the change in rank. */
export function rankingRecord(result: CheckResult): PreviousRanking {
  return {
    asOf: formatDay(result.asOf),
    entries: result.ranking.map(({ unit, rank }) => ({ unit, rank })),
  };
}

/**
 * The generated sheets, in tab order: issues (问题清单), summary (汇总), ranking (排名), notices (督办单).
 * Plain values and styles only; every value a person typed stays a string, so `=SUM(A1)` is never a formula.
 */
export function generatedSheets(result: CheckResult, options: GenerateOptions): SheetSpec[] {
  const context = contextFor(result, options);
  const sheets = [
    issuesSheet(context),
    summarySheet(context),
    rankingSheet(context, options.previousRanking),
    noticesSheet(context),
  ];
  // 漏项清单 only where a specification was checked against a ledger and something is missing.
  if (result.findings.some((f) => f.rule === "missing-instance")) sheets.push(omissionsSheet(context));
  return sheets;
}

/** 漏项清单: each (task, unit, period) the ledger lacks, most overdue first, linked to its specification row. */
function omissionsSheet(cx: Context): SheetSpec {
  const { result, catalogue: cat } = cx;
  const omissions = result.findings
    .filter((f) => f.rule === "missing-instance")
    .sort((a, b) => Number(b.values.daysPastDue ?? 0) - Number(a.values.daysPastDue ?? 0) || a.row - b.row);
  const sheet = new Layout(cx, 6, [MAX_WIDTH, MAX_WIDTH, MAX_WIDTH, MAX_WIDTH, MAX_WIDTH, MAX_WIDTH]);
  sheet.title("omissions");
  sheet.subtitle(
    cat.output.omissionsSubtitle({
      file: result.fileName,
      spec: omissions[0]?.sheet ?? "",
      omissions: omissions.length,
      units: new Set(omissions.map((f) => f.unit)).size,
    }),
  );
  const header = sheet.header([...cat.output.omissionsHeader]);
  for (const finding of omissions) {
    const deadline =
      typeof finding.values.deadline === "string" ? parseIsoDay(finding.values.deadline) : undefined;
    const ref = `${finding.column ?? "A"}${finding.row}`;
    sheet.add([
      cell(finding.task ?? "", "textWrap"),
      cell(finding.unit ?? "", "text"),
      cell(finding.period ? formatPeriod(finding.period, cx.locale) : "", "text"),
      deadline === undefined ? cell("", "text") : cell({ day: deadline }, "date"),
      cell(typeof finding.values.daysPastDue === "number" ? finding.values.daysPastDue : null, "number"),
      { value: `${finding.sheet}!${ref}`, style: "link", link: { sheet: finding.sheet, cell: ref } },
    ]);
  }
  return sheet.finish("omissions", {
    freezeRows: header + 1,
    autoFilter: { top: header, left: 0, bottom: sheet.lastRow, right: 5 },
    repeatRows: { first: header, last: header },
  });
}

/** One unit's 督办单 alone, for a file of its own to send; undefined when the unit has nothing open. */
export function unitNoticeSheet(
  result: CheckResult,
  options: GenerateOptions,
  unit: string,
): SheetSpec | undefined {
  const context = contextFor(result, options);
  const hasOpen = result.rows.some((row) => row.unit === unit && row.status.kind !== "done");
  return hasOpen ? noticesSheet(context, unit) : undefined;
}

function contextFor(result: CheckResult, options: GenerateOptions): Context {
  return {
    result,
    settings: options.settings,
    locale: options.locale,
    catalogue: CATALOGUES[options.locale],
    styles: styleSheet(options.settings),
    asOf: formatDay(result.asOf),
  };
}

interface Context {
  readonly result: CheckResult;
  readonly settings: Settings;
  readonly locale: Locale;
  readonly catalogue: Catalogue;
  readonly styles: Readonly<Record<StyleName, CellStyle>>;
  readonly asOf: string;
}

/** 红黄蓝预警 as people say it, then orange. */
const LEGEND_ORDER: readonly HighlightKind[] = ["overdue", "dueSoon", "doneLate", "data"];
const LEGEND_STYLE: Readonly<Record<HighlightKind, StyleName>> = {
  overdue: "legendOverdue",
  dueSoon: "legendDueSoon",
  doneLate: "legendDoneLate",
  data: "legendData",
};

const DATA_BAR_COLOR = "638EC6";

function issuesSheet(cx: Context): SheetSpec {
  const { result, catalogue: cat } = cx;
  const w = cat.words;
  // The task column gives way to the message, which says what to do.
  const sheet = new Layout(cx, 6, [MAX_WIDTH, MAX_WIDTH, MAX_WIDTH, MAX_WIDTH, 36, MAX_WIDTH]);
  const count = (severity: Finding["severity"]) =>
    result.findings.filter((f) => f.severity === severity).length;
  sheet.title("issues");
  sheet.subtitle(
    cat.output.issuesSubtitle({
      file: result.fileName,
      tasks: result.rows.length,
      findings: result.findings.length,
      error: count("error"),
      warning: count("warning"),
      info: count("info"),
    }),
  );
  // The legend sits above the header, inside the frozen rows: always in view, never hidden by a filter.
  for (const kind of LEGEND_ORDER) {
    const legend = cat.output.legend[kind];
    const row = sheet.add([
      cell(legend.label, LEGEND_STYLE[kind]),
      cell(legend.meaning({ days: cx.settings.dueSoonDays }), "text"),
    ]);
    sheet.merge(row, 1);
  }
  const header = sheet.header([w.severity, w.rule, w.cell, w.unit, w.task, w.message]);
  for (const finding of [...result.findings].sort(bySeverity)) {
    const ref = finding.column ? `${finding.column}${finding.row}` : `A${finding.row}`;
    const shown = finding.column ? ref : cat.output.rowRef(finding.row);
    sheet.add([
      cell(cat.severities[finding.severity], finding.severity),
      cell(cat.rules[finding.rule], "text"),
      {
        value: finding.sheet === result.sheet ? shown : `${finding.sheet}!${shown}`,
        style: "link",
        link: { sheet: finding.sheet, cell: ref },
      },
      cell(finding.unit ?? "", "text"),
      cell(finding.task ?? "", "textWrap"),
      cell(formatFinding(finding, cx.locale), "textWrap"),
    ]);
  }
  if (result.findings.length === 0) sheet.merge(sheet.add([cell(w.noFindings, "text")]));
  return sheet.finish("issues", {
    freezeRows: header + 1,
    autoFilter: { top: header, left: 0, bottom: sheet.lastRow, right: 5 },
    repeatRows: { first: header, last: header },
  });
}

/** The unit or category, then every summary column. */
const SUMMARY_WIDTH = 1 + SUMMARY_COLUMNS.length;
const COMPLETION_COLUMN = 1 + SUMMARY_COLUMNS.indexOf("completionRate");

function summarySheet(cx: Context): SheetSpec {
  const { result, catalogue: cat } = cx;
  const { summary } = result;
  const w = cat.words;
  const sheet = new Layout(cx, SUMMARY_WIDTH);
  sheet.title("summary");
  sheet.subtitle(
    cat.output.summarySubtitle({
      file: result.fileName,
      tasks: summary.total.tasks,
      units: summary.units.length,
      completionRate: formatRate(summary.total.completionRate),
    }),
  );
  const headings = (first: string) => [first, ...SUMMARY_COLUMNS.map((key) => w[key])];
  const dataBars: DataBar[] = [];
  const table = (first: string, lines: readonly SummaryLine[]) => {
    const header = sheet.header(headings(first));
    for (const line of lines) sheet.add(summaryCells(line.name, line, false));
    const last = sheet.lastRow;
    if (lines.length > 0)
      dataBars.push({
        range: { top: header + 1, left: COMPLETION_COLUMN, bottom: last, right: COMPLETION_COLUMN },
        color: DATA_BAR_COLOR,
      });
    sheet.add(summaryCells(w.total, summary.total, true));
    return { header, last };
  };

  const units = table(w.unit, summary.units);
  if (summary.categories.length > 0) {
    sheet.blank();
    sheet.merge(sheet.add([cell(w.summaryByCategory, "sectionTitle")]));
    table(w.category, summary.categories);
  }
  sheet.blank();
  sheet.merge(sheet.add([cell(cat.output.bulletinTitle, "sectionTitle")]));
  sheet.merge(sheet.add([cell(cat.output.bulletin(bulletinFacts(cx)), "paragraph")]));
  return sheet.finish("summary", {
    freezeRows: units.header + 1,
    autoFilter: { top: units.header, left: 0, bottom: units.last, right: SUMMARY_WIDTH - 1 },
    repeatRows: { first: units.header, last: units.header },
    dataBars,
  });
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

function bulletinFacts(cx: Context): BulletinFacts {
  const { summary, ranking } = cx.result;
  const { total } = summary;
  const leaders = summary.units
    .filter((u) => u.overdue > 0)
    .sort((a, b) => b.overdue - a.overdue)
    .slice(0, 3)
    .map((u) => ({ unit: u.name, overdue: u.overdue }));
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
    ...(first ? { top: { units: at(first.rank), score: first.score } } : {}),
    ...(first && last && last.rank !== first.rank
      ? { bottom: { units: at(last.rank), score: last.score } }
      : {}),
  };
}

function rankingSheet(cx: Context, previous: PreviousRanking | undefined): SheetSpec {
  const { result, catalogue: cat, settings } = cx;
  const w = cat.words;
  const columns = previous ? 7 : 6;
  const sheet = new Layout(cx, columns);
  const { base, weights } = settings.ranking;
  const terms = [
    { weight: weights.overdue, name: w.overdue },
    { weight: weights.missingInstance, name: cat.rules["missing-instance"] },
    { weight: weights.doneLate, name: cat.rules["done-late"] },
    { weight: weights.dataProblem, name: w.dataProblems },
  ].filter((t) => t.weight !== 0);
  sheet.title("ranking");
  sheet.subtitle(
    cat.output.rankingSubtitle({
      file: result.fileName,
      units: result.ranking.length,
      formula: cat.output.scoreFormula({ base, terms }),
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
  return sheet.finish("ranking", {
    freezeRows: header + 1,
    autoFilter: { top: header, left: 0, bottom: sheet.lastRow, right: columns - 1 },
    repeatRows: { first: header, last: header },
  });
}

type Urgency = "overdue" | "dueSoon" | "open";
const URGENCY_ORDER: Readonly<Record<Urgency, number>> = { overdue: 0, dueSoon: 1, open: 2 };

/** Every unit's notice, or only `onlyUnit`'s. */
function noticesSheet(cx: Context, onlyUnit?: string): SheetSpec {
  const { result, catalogue: cat } = cx;
  const out = cat.output;
  const sheet = new Layout(cx, 5);
  const progress = new Map<number, Finding>();
  for (const finding of result.findings) {
    if (finding.taskIndex === undefined) continue;
    if (finding.rule === "overdue" || (finding.rule === "due-soon" && !progress.has(finding.taskIndex)))
      progress.set(finding.taskIndex, finding);
  }
  const urgency = (row: TaskRow): Urgency => {
    const rule = progress.get(row.index)?.rule;
    return rule === "overdue" ? "overdue" : rule === "due-soon" ? "dueSoon" : "open";
  };
  // The summary's order (the roster's, else first appearance), so notices follow the ranking sheet's units.
  const units = onlyUnit === undefined ? result.summary.units.map((u) => u.name) : [onlyUnit];
  const byUnit = new Map<string, TaskRow[]>(units.map((unit) => [unit, []]));
  for (const row of result.rows) {
    if (row.unit === "" || row.status.kind === "done") continue;
    if (onlyUnit !== undefined && row.unit !== onlyUnit) continue;
    let list = byUnit.get(row.unit);
    if (!list) byUnit.set(row.unit, (list = []));
    list.push(row);
  }
  const sections = [...byUnit].filter(([, rows]) => rows.length > 0);

  sheet.title("notices");
  sheet.subtitle(
    out.noticesSubtitle({
      file: result.fileName,
      units: sections.length,
      tasks: sections.reduce((n, [, rows]) => n + rows.length, 0),
    }),
  );
  const pageBreaksBefore: number[] = [];
  sections.forEach(([unit, rows], i) => {
    if (i > 0) sheet.blank();
    const heading = sheet.add([cell(out.noticeHeading(unit), "sectionTitle")]);
    sheet.merge(heading);
    if (i > 0) pageBreaksBefore.push(heading);
    const urgencies = rows.map(urgency);
    sheet.merge(
      sheet.add([
        cell(
          out.noticeLine({
            asOf: cx.asOf,
            open: rows.length,
            overdue: urgencies.filter((u) => u === "overdue").length,
            dueSoon: urgencies.filter((u) => u === "dueSoon").length,
          }),
          "subtitle",
        ),
      ]),
    );
    sheet.header([out.taskRow, cat.words.task, cat.fields.deadline, cat.fields.status, out.reminder]);
    const ordered = rows
      .map((row, k) => ({ row, urgency: urgencies[k]! }))
      .sort((a, b) => URGENCY_ORDER[a.urgency] - URGENCY_ORDER[b.urgency] || a.row.row - b.row.row);
    for (const { row } of ordered) {
      sheet.add([
        cell(row.row, "number"),
        cell(row.task, "textWrap"),
        deadlineCell(row, cat),
        cell(statusText(row, cat), "text"),
        reminderCell(progress.get(row.index), cat),
      ]);
    }
  });
  if (sections.length === 0) sheet.merge(sheet.add([cell(out.noOpenTasks, "text")]));
  return sheet.finish("notices", {
    freezeRows: 2,
    // The title carries the source sheet and the as-of day onto every page sent out.
    repeatRows: { first: 0, last: 0 },
    ...(pageBreaksBefore.length > 0 ? { pageBreaksBefore } : {}),
  });
}

function deadlineCell(row: TaskRow, cat: Catalogue): SpecCell {
  switch (row.deadline.kind) {
    case "day":
      return cell({ day: row.deadline.day }, "date");
    case "ongoing":
      return cell(cat.output.ongoing, "text");
    case "invalid":
      return cell(row.deadline.text, "text");
    default:
      return cell(null, "text");
  }
}

/** The status as the clerk wrote it, or a word for a blank one. */
function statusText(row: TaskRow, cat: Catalogue): string {
  return row.statusText === "" ? cat.output.statusBlank : row.statusText;
}

function reminderCell(finding: Finding | undefined, cat: Catalogue): SpecCell {
  if (finding?.rule === "overdue")
    return cell(cat.output.overdueDays(Number(finding.values.days)), "legendOverdue");
  if (finding?.rule === "due-soon")
    return finding.messageId === "dueToday"
      ? cell(cat.output.dueToday, "legendDueSoon")
      : cell(cat.output.dueInWorkdays(Number(finding.values.workdays)), "legendDueSoon");
  return cell(null, "text");
}

/** 0.6667 -> "66.7%", 0.5 -> "50%" */
function formatRate(rate: number): string {
  return `${Math.round(rate * 1000) / 10}%`;
}

function cell(value: SpecCell["value"], style: StyleName): SpecCell {
  return { value, style };
}

const MIN_WIDTH = 6;
/** Long text wraps within this many characters instead of pushing the table off the screen. */
const MAX_WIDTH = 50;
const DEFAULT_SIZE = 11;
const LINE_PADDING = 3;
/** A row of one line in the default font keeps the host's default height. */
const SINGLE_LINE = lineHeight(DEFAULT_SIZE) + LINE_PADDING;
const MAX_HEIGHT = 409;

interface FinishOptions {
  readonly freezeRows: number;
  readonly autoFilter?: CellRange;
  readonly repeatRows: { readonly first: number; readonly last: number };
  readonly pageBreaksBefore?: readonly number[];
  readonly dataBars?: readonly DataBar[];
}

/** Rows added top to bottom; widths and heights are fitted to the content when the sheet is finished. */
class Layout {
  private readonly rows: Array<Array<SpecCell | null>> = [];
  private readonly merges: CellRange[] = [];
  /** Every merge here lies within one row. */
  private readonly mergesByRow = new Map<number, CellRange[]>();

  constructor(
    private readonly cx: Context,
    private readonly width: number,
    private readonly maxWidths: readonly number[] = [],
  ) {}

  get lastRow(): number {
    return this.rows.length - 1;
  }

  /** The array becomes the row itself (merge fills it in), so each call passes one of its own. */
  add(cells: Array<SpecCell | null>): number {
    this.rows.push(cells);
    return this.rows.length - 1;
  }

  blank(): number {
    return this.add([]);
  }

  header(labels: readonly string[]): number {
    return this.add(labels.map((label) => cell(label, "header")));
  }

  /** Row 1: what the sheet is, the source sheet and the as-of day. */
  title(kind: GeneratedKind): number {
    const { catalogue, result, asOf } = this.cx;
    const text = catalogue.output.title({
      name: catalogue.output.sheetNames[kind],
      sheet: result.sheet,
      asOf,
    });
    const row = this.add([cell(text, "title")]);
    this.merge(row);
    return row;
  }

  subtitle(text: string): number {
    const row = this.add([cell(text, "subtitle")]);
    this.merge(row);
    return row;
  }

  /** Merges a row from `left` to the last column; the covered cells take the first cell's style. */
  merge(row: number, left = 0): void {
    const cells = this.rows[row]!;
    const first = cells[left];
    for (let c = left + 1; c < this.width; c++) cells[c] = first ? { value: null, style: first.style } : null;
    const range = { top: row, left, bottom: row, right: this.width - 1 };
    this.merges.push(range);
    const list = this.mergesByRow.get(row);
    if (list) list.push(range);
    else this.mergesByRow.set(row, [range]);
  }

  finish(kind: GeneratedKind, options: FinishOptions): SheetSpec {
    const measured = this.measure();
    const columns = this.fitWidths(measured);
    const rows: SpecRow[] = this.rows.map((cells, r) => {
      const height = this.fitHeight(r, cells, measured, columns);
      return height === undefined ? { cells } : { height, cells };
    });
    const { catalogue } = this.cx;
    return {
      kind,
      name: catalogue.output.sheetNames[kind],
      columns,
      rows,
      merges: this.merges,
      freezeRows: options.freezeRows,
      ...(options.autoFilter ? { autoFilter: options.autoFilter } : {}),
      dataBars: options.dataBars ?? [],
      print: {
        landscape: true,
        repeatRows: options.repeatRows,
        ...(options.pageBreaksBefore ? { pageBreaksBefore: options.pageBreaksBefore } : {}),
      },
    };
  }

  /** Each cell's text width, measured once for both the column widths and the row heights; 0 when empty. */
  private measure(): Measured {
    const { styles } = this.cx;
    const stride = this.rows.reduce((most, cells) => Math.max(most, cells.length), 0);
    // One array for the whole sheet: a large one has a hundred thousand rows.
    const widths = new Float64Array(this.rows.length * stride);
    this.rows.forEach((cells, r) => {
      for (let c = 0; c < cells.length; c++) {
        const spec = cells[c];
        if (spec && spec.value !== null)
          widths[r * stride + c] = textWidth(shownText(spec), styles[spec.style]);
      }
    });
    return { widths, stride };
  }

  private fitWidths({ widths: measured, stride }: Measured): number[] {
    const widths = new Array<number>(this.width).fill(0);
    this.rows.forEach((cells, r) => {
      const merges = this.mergesByRow.get(r);
      const last = Math.min(cells.length, this.width);
      for (let c = 0; c < last; c++) {
        if (!cells[c] || (merges && mergeAt(merges, c))) continue;
        widths[c] = Math.max(widths[c]!, measured[r * stride + c]!);
      }
    });
    return widths.map((w, c) =>
      Math.min(this.maxWidths[c] ?? MAX_WIDTH, Math.max(MIN_WIDTH, Math.ceil(w) + 2)),
    );
  }

  /** A height for rows whose text wraps onto more lines, or whose font is larger; undefined for the rest. */
  private fitHeight(
    r: number,
    cells: ReadonlyArray<SpecCell | null>,
    { widths, stride }: Measured,
    columns: readonly number[],
  ): number | undefined {
    const merges = this.mergesByRow.get(r);
    let height = 0;
    for (let c = 0; c < cells.length; c++) {
      const spec = cells[c];
      if (!spec || spec.value === null) continue;
      const style = this.cx.styles[spec.style];
      const merge = merges && mergeAt(merges, c);
      if (merge && merge.left !== c) continue;
      let lines = 1;
      if (style.wrap) {
        let available = columns[c] ?? MIN_WIDTH;
        if (merge) for (let k = c + 1; k <= merge.right; k++) available += columns[k] ?? 0;
        const perLine = Math.max(1, available - 1);
        const text = shownText(spec);
        // A text of one line, nearly every one, wraps by the width already measured for the column widths.
        lines = text.includes("\n")
          ? text
              .split("\n")
              .reduce((n, line) => n + Math.max(1, Math.ceil(textWidth(line, style) / perLine)), 0)
          : Math.max(1, Math.ceil(widths[r * stride + c]! / perLine));
      }
      height = Math.max(height, lines * lineHeight(style.size ?? DEFAULT_SIZE) + LINE_PADDING);
    }
    if (height <= SINGLE_LINE) return undefined;
    return Math.min(MAX_HEIGHT, height);
  }
}

/** Cell widths in Excel's character units, row r's cell c at r * stride + c. */
interface Measured {
  readonly widths: Float64Array;
  readonly stride: number;
}

function mergeAt(merges: readonly CellRange[], column: number): CellRange | undefined {
  return merges.find((m) => m.left <= column && column <= m.right);
}

function lineHeight(size: number): number {
  return Math.ceil(size * 1.4);
}

/** The text a cell shows, as far as its width goes. */
function shownText(spec: SpecCell): string {
  const { value } = spec;
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "object") return "0000-00-00";
  if (spec.style === "percent" || spec.style === "totalPercent") return `${(value * 100).toFixed(1)}%`;
  if (spec.style === "number" || spec.style === "totalNumber")
    return Math.round(value)
      .toString()
      .replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return String(value);
}

/** Width in Excel's character units: CJK and full-width characters take two, larger and bold fonts more. */
function textWidth(text: string, style: CellStyle): number {
  let longest = 0;
  for (let start = 0; ;) {
    const end = text.indexOf("\n", start);
    longest = Math.max(longest, columnsBetween(text, start, end < 0 ? text.length : end, 2));
    if (end < 0) break;
    start = end + 1;
  }
  return longest * ((style.size ?? DEFAULT_SIZE) / DEFAULT_SIZE) * (style.bold ? 1.1 : 1);
}

/** Columns a string takes: two for each CJK or full-width character, and for ★, which CJK fonts draw wide. */
export function displayWidth(text: string): number {
  return columnsBetween(text, 0, text.length, 2);
}
