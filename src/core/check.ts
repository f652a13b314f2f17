// The engine's entry: a workbook model and an as-of day in, findings, summary and ranking out.

import { buildCalendar, dueSoonLimit } from "./calendar";
import { formatDay, parseIsoDay, ymdOf, type Day } from "./day";
import { SEVERITY_ORDER, type Finding, type Notice, type RuleFinding } from "./findings";
import { rankUnits, type RankingEntry } from "./ranking";
import { TASK_RULES, type RuleContext } from "./rules";
import type { RuleHooks, RuleReport } from "./rules/rule";
import { DEFAULT_SETTINGS, type Settings, type Severity } from "./settings";
import { dubanSheetNames } from "./output/record";
import { checkRecurring, findRecurringSheets } from "./recurring";
import { findHelperSheet, readHolidayOverrides, readRoster } from "./sheets";
import { summarise, type Summary } from "./summary";
import { FIELDS, type Field } from "./table/fields";
import { locateTable, TableError } from "./table/locate";
import { readTaskRows, type TaskRow } from "./table/rows";
import { compactKey } from "./values/text";
import { columnIndex, columnLetter, type WorkbookModel } from "./workbook";
import { highlightKeysOf, type HighlightKeys } from "./output/highlights";

export interface CheckOptions {
  /** The day the check is for; the engine never reads a clock. */
  readonly asOf: Day;
  readonly settings?: Settings;
  /** Called now and then while rows are checked, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface CheckResult {
  readonly asOf: Day;
  readonly fileName: string;
  readonly sheet: string;
  /** 1-based. */
  readonly headerRow: number;
  /** 1-based: the first row under the header (under both rows of a two-row header). */
  readonly firstDataRow: number;
  /** Column letter per recognised field. */
  readonly columns: Readonly<Partial<Record<Field, string>>>;
  readonly rows: readonly TaskRow[];
  /** By row, then in rule order. */
  readonly findings: readonly Finding[];
  readonly summary: Summary;
  readonly ranking: readonly RankingEntry[];
  readonly notices: readonly Notice[];
  readonly rosterSheet?: string;
  readonly holidaySheet?: string;
  /**
   * The specification and ledger of recurring tasks, when the workbook has them; the omissions themselves are
   * the missing-instance findings. Plain data, as the whole result (it crosses to the pane's worker).
   */
  readonly recurring?: { readonly specSheet: string; readonly ledgerSheet?: string; readonly due: number };
  /** What the highlights are keyed on (see output/highlights.ts). */
  readonly highlightKeys: HighlightKeys;
}

const PROGRESS_EVERY = 5000;

/**
 * Checks the task table of a workbook.
 * @throws TableError when no task table can be found or it lacks a required column.
 */
export function checkWorkbook(workbook: WorkbookModel, options: CheckOptions): CheckResult {
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const { asOf } = options;
  const rosterSheet = findHelperSheet(workbook, settings.roster, "roster");
  const holidaySheet = findHelperSheet(workbook, settings.holidays, "holidays");
  const skip = dubanSheetNames(workbook);
  for (const sheet of [rosterSheet, holidaySheet]) if (sheet) skip.add(sheet.name);
  const rosterUnits = rosterSheet ? readRoster(rosterSheet) : undefined;
  const roster = rosterUnits?.map((unit) => unit.name);
  const overrides = holidaySheet
    ? readHolidayOverrides(holidaySheet, ymdOf(asOf).year)
    : new Map<Day, boolean>();
  const calendar = buildCalendar(settings.workdays, overrides);

  const trackingStart =
    settings.trackingStart === undefined ? undefined : parseIsoDay(settings.trackingStart);
  const recurring = checkRecurring(workbook, {
    asOf,
    calendar,
    skip,
    ...(rosterUnits ? { roster: rosterUnits } : {}),
    ...(trackingStart === undefined ? {} : { trackingStart }),
    ...(settings.spec ? { spec: settings.spec } : {}),
    ...(settings.ledger ? { ledger: settings.ledger } : {}),
  });
  if (recurring) skip.add(recurring.specification.sheet);
  // With a specification, the ledger is the table checked (unless the settings choose another sheet): its
  // rows carry the deadlines the rules give their periods, and are checked like any task row.
  const ledger = recurring?.ledger;
  const ledgerIsTable =
    ledger !== undefined && (!settings.sheet || compactKey(settings.sheet) === compactKey(ledger.sheet));
  const location = ledgerIsTable ? ledger.location : locateTable(workbook, settings, skip);
  const rows = ledgerIsTable ? recurring!.ledgerRows : readTaskRows(location, asOf);
  const soon = dueSoonLimit(calendar, asOf, settings.dueSoonDays);
  const notices: Notice[] = [...(recurring?.notices ?? [])];
  if (soon.assumedFrom !== undefined && calendar.lastKnownYear !== undefined) {
    notices.push({
      id: "calendarAssumed",
      values: { lastYear: calendar.lastKnownYear, from: formatDay(soon.assumedFrom) },
    });
  }

  const letters = new Map<Field, string>(
    [...location.columns].map(([field, col]) => [field, columnLetter(col)]),
  );
  // A ledger's deadlines come from its period cells: findings about a deadline point there.
  if (ledgerIsTable && !letters.has("deadline"))
    letters.set("deadline", columnLetter(ledger.location.periodColumn));
  const sheetName = location.sheet.name;
  const findings: Finding[] = [];
  let severity: Severity = "error";
  let ruleId: Finding["rule"] = "missing-value";
  const report = ({ row, field, messageId, values }: RuleReport) => {
    const column = field === undefined ? undefined : letters.get(field);
    // Two literals rather than a spread of an optional column: a large table reports tens of thousands.
    findings.push(
      column === undefined
        ? {
            rule: ruleId,
            severity,
            sheet: sheetName,
            row: row.row,
            messageId,
            values: values ?? {},
            unit: row.unit,
            task: row.task,
            taskIndex: row.index,
          }
        : {
            rule: ruleId,
            severity,
            sheet: sheetName,
            row: row.row,
            column,
            messageId,
            values: values ?? {},
            unit: row.unit,
            task: row.task,
            taskIndex: row.index,
          },
    );
  };
  const reportAt = ({ taskIndex, ...at }: RuleFinding) => {
    // A row index means something only on the sheet whose rows the summary counts.
    findings.push({
      rule: ruleId,
      severity,
      ...at,
      ...(at.sheet === sheetName && taskIndex !== undefined ? { taskIndex } : {}),
    });
  };
  const context: RuleContext = {
    asOf,
    calendar,
    settings,
    hasColumn: (field) => location.columns.has(field),
    ...(roster ? { roster } : {}),
    dueSoonLimit: soon.limit,
    ...(recurring ? { recurring } : {}),
    ...(ledgerIsTable ? { rowPeriod: (row: TaskRow) => recurring!.ledgerPeriods[row.index] } : {}),
    report,
    reportAt,
  };

  const active: Array<{ hooks: RuleHooks; id: Finding["rule"]; severity: Severity }> = [];
  for (const rule of TASK_RULES) {
    const chosen = settings.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (chosen === "off") continue;
    active.push({ hooks: rule.create(context), id: rule.meta.id, severity: chosen });
  }
  const rowHooks = active.filter((a) => a.hooks.row);
  for (const row of rows) {
    for (const rule of rowHooks) {
      ruleId = rule.id;
      severity = rule.severity;
      rule.hooks.row!(row);
    }
    if (options.onProgress && (row.index + 1) % PROGRESS_EVERY === 0)
      options.onProgress(row.index + 1, rows.length);
  }
  for (const rule of active) {
    ruleId = rule.id;
    severity = rule.severity;
    rule.hooks.end?.();
  }
  options.onProgress?.(rows.length, rows.length);

  const summary = summarise(rows, findings, roster);
  return {
    highlightKeys: highlightKeysOf(
      location.sheet,
      rows.map((r) => r.row),
      new Map([...letters].map(([field, letter]) => [field, columnIndex(letter)!])),
      findings.filter((f) => f.sheet === sheetName && f.column !== undefined).map((f) => f.row),
    ),
    asOf,
    fileName: workbook.fileName,
    sheet: sheetName,
    headerRow: location.headerRow + 1,
    firstDataRow: location.firstDataRow + 1,
    columns: Object.fromEntries(FIELDS.filter((f) => letters.has(f)).map((f) => [f, letters.get(f)!])),
    rows,
    findings,
    summary,
    ranking: rankUnits(summary.units, settings.ranking),
    notices,
    ...(rosterSheet ? { rosterSheet: rosterSheet.name } : {}),
    ...(holidaySheet ? { holidaySheet: holidaySheet.name } : {}),
    ...(recurring
      ? {
          recurring: {
            specSheet: recurring.specification.sheet,
            ...(ledger ? { ledgerSheet: ledger.sheet } : {}),
            due: recurring.due,
          },
        }
      : {}),
  };
}

/**
 * The sheets a check reads beyond their first rows, chosen from those rows as checkWorkbook chooses: the task
 * table, the roster and holiday sheets, the specification and ledger of recurring tasks, and Duban's own. A
 * host reads these whole and the rest only as far as the header search goes (HEADER_SEARCH_ROWS), so a
 * workbook of twelve monthly sheets costs one sheet's reading, not twelve.
 */
export function sheetsToRead(heads: WorkbookModel, settings: Settings, asOf: Day): Set<string> {
  const names = dubanSheetNames(heads);
  const skip = new Set(names);
  for (const sheet of [
    findHelperSheet(heads, settings.roster, "roster"),
    findHelperSheet(heads, settings.holidays, "holidays"),
  ]) {
    if (!sheet) continue;
    names.add(sheet.name);
    skip.add(sheet.name);
  }
  // A sheet the settings name that is not there, or no table at all: the check itself says so, from the
  // same first rows, so nothing more needs reading for it.
  const attempt = (find: () => void) => {
    try {
      find();
    } catch (error) {
      if (!(error instanceof TableError)) throw error;
    }
  };
  attempt(() => {
    const choice = {
      ...(settings.spec ? { spec: settings.spec } : {}),
      ...(settings.ledger ? { ledger: settings.ledger } : {}),
    };
    const recurring = findRecurringSheets(heads, choice, ymdOf(asOf).year, skip);
    if (recurring.spec) {
      names.add(recurring.spec.sheet.name);
      skip.add(recurring.spec.sheet.name);
    }
    if (recurring.ledger) names.add(recurring.ledger.sheet.name);
  });
  attempt(() => names.add(locateTable(heads, settings, skip).sheet.name));
  return names;
}

/** Errors first, then warnings, then info; by row within each. */
export function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.row - b.row;
}
