// The engine's entry: a workbook model and an as-of day in, findings, summary and ranking out.

import { buildCalendar, dueSoonLimit, type WorkCalendar } from "./calendar";
import { formatDay, parseIsoDay, ymdOf, type Day } from "./day";
import { inHiddenRow, SEVERITY_ORDER, type Finding, type Notice } from "./findings";
import { rankSummary, type RankingEntry, type Scoring } from "./ranking";
import { TASK_RULES, type RuleContext } from "./rules";
import type { RuleHooks } from "./rules/rule";
import { DEFAULTS } from "./defaults";
import type { RuleId, Settings, Severity } from "./settings";
import { fingerprint } from "./feedback/record";
import type { SharedDone } from "./feedback/types";
import { dubanSheetNames, readRecord, recordedSharedDone } from "./output/record";
import { checkRecurring, findRecurringSheets, type RecurringCheck } from "./recurring";
import { absentSheet, findHelperSheet, readHolidayOverrides, readRoster, type RosterUnit } from "./sheets";
import { summarise, type Summary } from "./summary";
import { FIELDS, type Field } from "./table/fields";
import { locateTable, TableError, type TableLocation } from "./table/locate";
import { readTaskRows, tableYear, type TaskRow } from "./table/rows";
import { sharedTasks, type SharedTask } from "./table/shared";
import { compactKey } from "./values/text";
import { columnIndex, columnLetter, type SheetGrid, type WorkbookModel } from "./workbook";
import { highlightKeysOf, type HighlightKeys } from "./output/highlights";

export interface CheckOptions {
  /** The day the check is for; the engine never reads a clock. */
  readonly asOf: Day;
  readonly settings?: Settings;
  /** Called now and then while rows are checked, for a progress bar. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Rows (1-based) whose highlight key cells the result keeps besides the rows with a finding on a cell: the
   * rows a merge wrote (mergedRows), which its highlights colour.
   */
  readonly keyRows?: readonly number[];
  /**
   * false: no highlightKeys in the result, for a check that writes nothing back (a report alone). They are
   * the key cells of every flagged row, 12-15 ms of a 100,000-row check.
   */
  readonly highlightKeys?: boolean;
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
  /** Roster units with no task and no omission: listed on the ranking sheet without a rank. */
  readonly unranked: readonly string[];
  /** How the ranking scored the units (the method asked for may have fallen back). */
  readonly scoring: Scoring;
  readonly notices: readonly Notice[];
  /**
   * Tasks whose lead unit is a group word (各单位, 各区队, 相关单位), with the units it names: each of those units
   * gets the task in its 督办单. Absent when no task has one.
   */
  readonly sharedTasks?: readonly SharedTask[];
  /**
   * The task rows (1-based) the person hid or filtered away: tasks all the same, but their highlights cannot
   * be seen. Absent when none is.
   */
  readonly hiddenRows?: readonly number[];
  readonly rosterSheet?: string;
  readonly holidaySheet?: string;
  /**
   * The specification and ledger of recurring tasks, when the workbook has them; the omissions themselves are
   * the missing-instance findings. Plain data, as the whole result (it crosses to the pane's worker).
   */
  readonly recurring?: { readonly specSheet: string; readonly ledgerSheet?: string; readonly due: number };
  /**
   * What the highlights are keyed on (see output/highlights.ts); absent from a check made with
   * CheckOptions.highlightKeys false, whose highlights cannot be planned.
   */
  readonly highlightKeys?: HighlightKeys;
}

const PROGRESS_EVERY = 5000;

/**
 * Checks the task table of a workbook: reads the table and what it is checked against, runs the rules over
 * it, and assembles the result.
 * @throws TableError when no task table can be found or it lacks a required column.
 */
export function checkWorkbook(workbook: WorkbookModel, options: CheckOptions): CheckResult {
  const settings: Settings = options.settings ?? DEFAULTS;
  const prepared = prepare(workbook, settings, options.asOf);
  const findings = runRules(prepared, settings, options.onProgress);
  const keyRows = options.highlightKeys === false ? undefined : (options.keyRows ?? []);
  // A unit's done answer to a task of several units, kept by an earlier merge: its 督办单 no longer chases it.
  const answered = recordedSharedDone(readRecord(workbook));
  return assemble(workbook.fileName, prepared, findings, settings, keyRows, answered);
}

/** The table the rules check. */
interface CheckedTable {
  readonly location: TableLocation;
  readonly rows: readonly TaskRow[];
  /** Column letter per field findings can name. */
  readonly letters: ReadonlyMap<Field, string>;
  /** The period a row records (canonical id), when the table is a ledger. */
  readonly rowPeriod?: (row: TaskRow) => string | undefined;
  /** Rows (1-based) left out because their work was called off (已取消). */
  readonly cancelled?: readonly number[];
}

/** Everything the rules check and check against, read from the workbook once. */
interface Prepared {
  readonly asOf: Day;
  readonly calendar: WorkCalendar;
  /** The first day that is not due soon any more. */
  readonly dueSoonLimit: Day;
  readonly rosterSheet?: string;
  readonly holidaySheet?: string;
  /** Names on the roster sheet. */
  readonly roster?: readonly string[];
  /** The roster's units with their types, for what group words (各区队) name. */
  readonly rosterUnits?: readonly RosterUnit[];
  readonly recurring?: RecurringCheck;
  readonly table: CheckedTable;
  readonly notices: readonly Notice[];
}

function prepare(workbook: WorkbookModel, settings: Settings, asOf: Day): Prepared {
  const rosterSheet = findHelperSheet(workbook, settings.roster, "roster");
  const holidaySheet = findHelperSheet(workbook, settings.holidays, "holidays");
  const skip = dubanSheetNames(workbook);
  for (const sheet of [rosterSheet, holidaySheet]) if (sheet) skip.add(sheet.name);
  const rosterUnits = rosterSheet ? readRoster(rosterSheet) : undefined;
  const rosterNames = rosterUnits?.map((unit) => unit.name);
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
  const table = chooseTable(workbook, settings, asOf, skip, recurring, rosterNames);

  const soon = dueSoonLimit(calendar, asOf, settings.dueSoonDays);
  const notices: Notice[] = [
    ...chosenButAbsent(workbook, settings.roster, rosterSheet, "rosterSheetMissing"),
    ...chosenButAbsent(workbook, settings.holidays, holidaySheet, "holidaySheetMissing"),
    ...(recurring?.notices ?? []),
  ];
  const uncalculated = table.location.sheet.formulasWithoutValues;
  if (uncalculated) {
    const cells = uncalculated.first.map((cell) => `${columnLetter(cell.column)}${cell.row + 1}`);
    notices.push({
      id: "formulasWithoutValues",
      values: {
        sheet: table.location.sheet.name,
        count: uncalculated.count,
        cells: listed(cells, uncalculated.count),
      },
    });
  }
  const year = table.rowPeriod ? undefined : tableYear(table.location);
  if (year !== undefined && year !== ymdOf(asOf).year) {
    notices.push({
      id: "tableYear",
      values: { sheet: table.location.sheet.name, year, asOfYear: ymdOf(asOf).year },
    });
  }
  const cancelled = table.cancelled ?? [];
  if (cancelled.length > 0) {
    notices.push({
      id: "cancelledTasks",
      values: { sheet: table.location.sheet.name, count: cancelled.length, rows: listed(cancelled) },
    });
  }
  if (soon.assumedFrom !== undefined && calendar.lastKnownYear !== undefined) {
    notices.push({
      id: "calendarAssumed",
      values: { lastYear: calendar.lastKnownYear, from: formatDay(soon.assumedFrom) },
    });
  }
  return {
    asOf,
    calendar,
    dueSoonLimit: soon.limit,
    ...(rosterSheet ? { rosterSheet: rosterSheet.name } : {}),
    ...(holidaySheet ? { holidaySheet: holidaySheet.name } : {}),
    ...(rosterUnits ? { roster: rosterNames!, rosterUnits } : {}),
    ...(recurring ? { recurring } : {}),
    table,
    notices,
  };
}

/**
 * The notice that a helper sheet the settings chose is not there (renamed, deleted, or a chart sheet): the
 * check goes on without it, as without a roster or holiday sheet at all, but the person who chose it is told.
 */
function chosenButAbsent(
  workbook: WorkbookModel,
  chosen: string | undefined,
  found: SheetGrid | undefined,
  id: "rosterSheetMissing" | "holidaySheetMissing",
): Notice[] {
  return chosen === undefined || found ? [] : [{ id, values: absentSheet(workbook, chosen) }];
}

/**
 * With a specification, the ledger is the table checked (unless the settings choose another sheet): its rows
 * carry the deadlines the rules give their periods, and are checked like any task row.
 */
function chooseTable(
  workbook: WorkbookModel,
  settings: Settings,
  asOf: Day,
  skip: ReadonlySet<string>,
  recurring: RecurringCheck | undefined,
  roster: readonly string[] | undefined,
): CheckedTable {
  const ledger = recurring?.ledger;
  if (ledger && (!settings.sheet || compactKey(settings.sheet) === compactKey(ledger.sheet))) {
    const letters = columnLetters(ledger.location);
    // A ledger's deadlines come from its period cells: findings about a deadline point there.
    if (!letters.has("deadline")) letters.set("deadline", columnLetter(ledger.location.periodColumn));
    return {
      location: ledger.location,
      rows: recurring.ledgerRows,
      letters,
      rowPeriod: (row) => recurring.ledgerPeriods[row.index],
    };
  }
  const location = locateTable(workbook, settings, skip);
  const cancelled: number[] = [];
  const rows = readTaskRows(location, asOf, roster, cancelled);
  return { location, rows, letters: columnLetters(location), cancelled };
}

/** How many rows or cells a notice lists before it says "…"; the count beside them is always whole. */
const LISTED = 5;

/** The first LISTED of `first`, and "…" where there are more (`count` in all: `first` may be a few of them). */
function listed(first: ReadonlyArray<number | string>, count = first.length): string {
  const shown = first.slice(0, LISTED);
  return count > shown.length ? `${shown.join(", ")} …` : shown.join(", ");
}

/** The notice that some findings sit in hidden or filtered rows, whose highlights the person cannot see. */
function hiddenFindingsNotice(
  sheet: string,
  hiddenRows: readonly number[],
  findings: readonly Finding[],
): Notice | undefined {
  if (hiddenRows.length === 0) return undefined;
  const hidden = inHiddenRow({ sheet, hiddenRows });
  const flagged = [...new Set(findings.filter(hidden).map((f) => f.row))];
  if (flagged.length === 0) return undefined;
  flagged.sort((a, b) => a - b);
  // The issues sheet marks every one.
  return { id: "hiddenRowFindings", values: { sheet, count: flagged.length, rows: listed(flagged) } };
}

/**
 * The notice that some open tasks name only a group word that names no unit (相关单位, or 各车间 where no unit
 * is a 车间): no 督办单 can be sent for them, and without a roster no finding says so on their rows.
 */
function unaddressedNotice(
  sheet: string,
  rows: readonly TaskRow[],
  shared: readonly SharedTask[],
): Notice | undefined {
  const open = shared
    .filter((task) => task.units.length === 0)
    .map((task) => rows[task.index]!)
    .filter((row) => row.status.kind !== "done");
  if (open.length === 0) return undefined;
  const words = [...new Set(open.map((row) => row.unit))].join("、");
  return {
    id: "unaddressedTasks",
    values: { sheet, count: open.length, words, rows: listed(open.map((r) => r.row)) },
  };
}

function columnLetters(location: TableLocation): Map<Field, string> {
  return new Map([...location.columns].map(([field, col]) => [field, columnLetter(col)]));
}

/** Runs the rules the settings leave on over the table: every row hook row by row, then every end hook. */
function runRules(prepared: Prepared, settings: Settings, onProgress: CheckOptions["onProgress"]): Finding[] {
  const { table } = prepared;
  const shared: Omit<RuleContext, "report" | "reportAt"> = {
    asOf: prepared.asOf,
    calendar: prepared.calendar,
    settings,
    hasColumn: (field) => table.location.columns.has(field),
    ...(prepared.roster ? { roster: prepared.roster } : {}),
    dueSoonLimit: prepared.dueSoonLimit,
    ...(prepared.recurring ? { recurring: prepared.recurring } : {}),
    ...(table.rowPeriod ? { rowPeriod: table.rowPeriod } : {}),
  };
  const findings: Finding[] = [];
  const active: RuleHooks[] = [];
  for (const rule of TASK_RULES) {
    const severity = settings.rules[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (severity === "off") continue;
    active.push(rule.create({ ...shared, ...reporters(rule.meta.id, severity, table, findings) }));
  }

  const rowHooks = active.filter((hooks): hooks is Required<Pick<RuleHooks, "row">> => !!hooks.row);
  const { rows } = table;
  for (const row of rows) {
    for (const hooks of rowHooks) hooks.row(row);
    if (onProgress && (row.index + 1) % PROGRESS_EVERY === 0) onProgress(row.index + 1, rows.length);
  }
  for (const hooks of active) hooks.end?.();
  onProgress?.(rows.length, rows.length);
  return findings;
}

/** One rule's report functions: they add its findings, with its id and severity, to `findings`. */
function reporters(
  rule: RuleId,
  severity: Severity,
  table: CheckedTable,
  findings: Finding[],
): Pick<RuleContext, "report" | "reportAt"> {
  const sheet = table.location.sheet.name;
  const { letters } = table;
  return {
    report({ row, field, messageId, values }) {
      const column = field === undefined ? undefined : letters.get(field);
      // Two literals rather than a spread of an optional column: a large table reports tens of thousands.
      findings.push(
        column === undefined
          ? {
              rule,
              severity,
              sheet,
              row: row.row,
              messageId,
              values: values ?? {},
              unit: row.unit,
              task: row.task,
              taskIndex: row.index,
            }
          : {
              rule,
              severity,
              sheet,
              row: row.row,
              column,
              messageId,
              values: values ?? {},
              unit: row.unit,
              task: row.task,
              taskIndex: row.index,
            },
      );
    },
    reportAt({ taskIndex, ...at }) {
      // A row index means something only on the sheet whose rows the summary counts.
      findings.push({
        rule,
        severity,
        ...at,
        ...(at.sheet === sheet && taskIndex !== undefined ? { taskIndex } : {}),
      });
    },
  };
}

function assemble(
  fileName: string,
  prepared: Prepared,
  findings: readonly Finding[],
  settings: Settings,
  /** Rows whose key cells to keep besides the flagged ones; undefined: no highlight keys at all. */
  keyRows: readonly number[] | undefined,
  /** The done answers to tasks of several units that the workbook's record keeps (recordedSharedDone). */
  answered: readonly SharedDone[] = [],
): CheckResult {
  const { table, recurring } = prepared;
  const { location, rows, letters } = table;
  const sheet = location.sheet.name;
  const summary = summarise(rows, findings, prepared.roster);
  const ranked = rankSummary(summary, settings.ranking, prepared.roster);
  const hidden = location.sheet.hiddenRows;
  const hiddenRows = hidden?.size ? rows.filter((r) => hidden.has(r.row - 1)).map((r) => r.row) : [];
  const notices = [...prepared.notices];
  const hiddenNotice = hiddenFindingsNotice(sheet, hiddenRows, findings);
  if (hiddenNotice) notices.push(hiddenNotice);
  const shared = withAnswers(sharedTasks(rows, prepared.rosterUnits), rows, answered);
  const unaddressed = unaddressedNotice(sheet, rows, shared);
  if (unaddressed) notices.push(unaddressed);
  return {
    ...(keyRows === undefined
      ? {}
      : {
          highlightKeys: highlightKeysOf(
            location.sheet,
            rows.map((r) => r.row),
            new Map([...letters].map(([field, letter]) => [field, columnIndex(letter)!])),
            [
              ...findings.filter((f) => f.sheet === sheet && f.column !== undefined).map((f) => f.row),
              ...keyRows,
            ],
          ),
        }),
    asOf: prepared.asOf,
    fileName,
    sheet,
    headerRow: location.headerRow + 1,
    firstDataRow: location.firstDataRow + 1,
    columns: Object.fromEntries(FIELDS.filter((f) => letters.has(f)).map((f) => [f, letters.get(f)!])),
    rows,
    findings,
    summary,
    ranking: ranked.entries,
    unranked: ranked.unranked,
    scoring: ranked.scoring,
    notices,
    ...(shared.length > 0 && { sharedTasks: shared }),
    ...(hiddenRows.length > 0 && { hiddenRows }),
    ...(prepared.rosterSheet ? { rosterSheet: prepared.rosterSheet } : {}),
    ...(prepared.holidaySheet ? { holidaySheet: prepared.holidaySheet } : {}),
    ...(recurring
      ? {
          recurring: {
            specSheet: recurring.specification.sheet,
            ...(recurring.ledger ? { ledgerSheet: recurring.ledger.sheet } : {}),
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

/** Each task of several units with the units whose done answer to it the record keeps (by its fingerprint). */
function withAnswers(
  shared: SharedTask[],
  rows: readonly TaskRow[],
  answered: readonly SharedDone[],
): SharedTask[] {
  if (answered.length === 0) return shared;
  const byTask = new Map<string, string[]>();
  for (const done of answered) {
    const units = byTask.get(done.fingerprint);
    if (units) units.push(done.unit);
    else byTask.set(done.fingerprint, [done.unit]);
  }
  return shared.map((task) => {
    const row = rows[task.index]!;
    const units = byTask.get(fingerprint(row.task, row.unit, row.deadline));
    const done = units && task.units.filter((unit) => units.includes(unit));
    return done && done.length > 0 ? { ...task, answered: done } : task;
  });
}
