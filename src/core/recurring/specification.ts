// Finding and reading the specification (工作规范) and the ledger (台账) of recurring tasks.

import type { WorkCalendar } from "../calendar";
import { ymdOf, type Day } from "../day";
import type { Finding } from "../findings";
import type { RosterUnit } from "../sheets";
import { FIELDS, type Field } from "../table/fields";
import { chosenSheet, findHeader, TableError, type TableLocation } from "../table/locate";
import { readTaskRows, type TaskRow } from "../table/rows";
import { parseDate } from "../values/date";
import { cellText, compactKey, isFilled } from "../values/text";
import { columnLetter, isDateCell, type CellValue, type SheetGrid, type WorkbookModel } from "../workbook";
import { parseDeadlineRule, resolveRule, type ParsedRule } from "./deadline-rule";
import { parsePeriod, type ParsedPeriod, type Period, type RecurringCycle } from "./periods";
import type { RecurringProblem } from "./problems";
import { unitExpander, type UnresolvedReason } from "./units";

/** Sheet names of a specification; a name ending with one of them counts too (2026年工作规范). */
export const SPEC_SHEET_NAMES = [
  "工作规范",
  "规范",
  "标准清单",
  "规范清单",
  "工作规范清单",
  "工作标准清单",
  "Specification",
  "Spec",
  "Work norms",
  "Norms",
] as const;

/** Sheet names of a ledger; a name ending with one of them counts too (2026年落实台账). */
export const LEDGER_SHEET_NAMES = ["台账", "完成台账", "落实台账", "工作台账", "Ledger", "Log"] as const;

/**
 * Headers of the ledger's period column. Kept here rather than in FIELDS while only the ledger has it;
 * moving it into table/fields.ts (a `period` field) would let settings.columns override it too.
 */
export const PERIOD_HEADERS = [
  "期次",
  "所属期",
  "所属期间",
  "所属时期",
  "期间",
  "月份",
  "时间段",
  "所属时段",
  "报告期",
  "Period",
  "For period",
] as const;

/** Headers of a specification's rule column that the task table's deadline synonyms do not cover. */
const RULE_HEADERS = [
  "时间要求",
  "完成时间要求",
  "时限要求",
  "报送时间",
  "报送时限",
  "上报时间",
  "上报时限",
  "时间节点",
  "完成节点",
  "Deadline rule",
  "Due rule",
  "When due",
] as const;

const keySet = (words: readonly string[]) => new Set(words.map(compactKey));
const SPEC_KEYS = keySet(SPEC_SHEET_NAMES);
const LEDGER_KEYS = keySet(LEDGER_SHEET_NAMES);
const PERIOD_KEYS = keySet(PERIOD_HEADERS);
const RULE_KEYS = keySet(RULE_HEADERS);
/** In a ledger 完成时间 is when it was done; in a task table it is the deadline. */
const DONE_TIME_KEYS = keySet(["完成时间"]);

function namedAs(sheet: SheetGrid, keys: ReadonlySet<string>): boolean {
  const name = compactKey(sheet.name);
  if (keys.has(name)) return true;
  for (const key of keys) if (key.length >= 2 && name.endsWith(key)) return true;
  return false;
}

/** Headers of the day a ledger row's work was done on, where the ledger has no period column. */
const DAY_KEYS = keySet([
  "日期",
  "时间",
  "开展日期",
  "开展时间",
  "召开日期",
  "召开时间",
  "检查日期",
  "检查时间",
  "落实日期",
  "落实时间",
  "Date",
]);

/** The zero-based column of the first header cell whose name is one of `keys`, if any. */
function columnNamed(header: ReadonlyArray<CellValue>, keys: ReadonlySet<string>): number | undefined {
  const c = header.findIndex((cell) => typeof cell === "string" && keys.has(compactKey(cell)));
  return c < 0 ? undefined : c;
}

/** The zero-based column of a header row that names the period (期次, 所属期 …), if any. */
export function periodColumnOf(header: ReadonlyArray<CellValue> | undefined): number | undefined {
  return header ? columnNamed(header, PERIOD_KEYS) : undefined;
}

export interface LedgerLocation extends TableLocation {
  /** Zero-based column of the period. */
  readonly periodColumn: number;
}

export interface RecurringSheets {
  readonly spec?: TableLocation;
  readonly ledger?: LedgerLocation;
}

export interface SheetChoice {
  /** The specification's sheet (--spec); found by name and columns when absent. */
  readonly spec?: string;
  /** The ledger's sheet (--ledger); found by name and columns when absent. */
  readonly ledger?: string;
}

/**
 * Finds the specification and the ledger. A chosen sheet must exist and have a header; otherwise a sheet
 * counts when its columns say so: a specification has task and unit columns, no period column, and a rule
 * column (or, when named as one, a cycle column) whose cells read as rules rather than dates, so that a
 * task table called 工作规范 stays a task table; a ledger has task, unit and period columns. Among several,
 * a sheet named as one wins, then the one whose header names more columns. Hidden sheets and `skip` (the
 * roster, the holiday list, Duban's own sheets) are passed over unless chosen.
 * @throws TableError (sheet-not-found, not-a-worksheet, no-header) for a chosen sheet that cannot be used.
 */
export function findRecurringSheets(
  workbook: WorkbookModel,
  choice: SheetChoice,
  asOfYear: number,
  skip: ReadonlySet<string> = new Set(),
): RecurringSheets {
  const open = workbook.sheets.filter((s) => !s.hidden && !skip.has(s.name));
  let spec: TableLocation | undefined;
  /** Taken for a specification by its deadlines alone: neither chosen nor named as one. */
  let guessed = false;
  if (choice.spec) {
    const sheet = chosenSheet(workbook, choice.spec);
    spec = specLocation(sheet, true, asOfYear, true)?.location ?? headerless(sheet);
  } else {
    const found = best(open.map((sheet) => specLocation(sheet, namedAs(sheet, SPEC_KEYS), asOfYear)));
    spec = found?.location;
    guessed = found !== undefined && !found.named;
  }
  let ledger: LedgerLocation | undefined;
  if (choice.ledger) {
    const sheet = chosenSheet(workbook, choice.ledger);
    ledger = ledgerLocation(sheet)?.location ?? headerless(sheet);
  } else {
    ledger = best(
      open.filter((sheet) => sheet !== spec?.sheet).map((sheet) => ledgerLocation(sheet)),
    )?.location;
  }
  // Deadlines without their year (11月底, 12月31日前) read as yearly rules too: a sheet they alone made a
  // specification, with no ledger to check it against, is a task list whose deadlines fall this year, the
  // only table of many a workbook. Taken for a specification, it was skipped, and the check found no table.
  if (guessed && !ledger) spec = undefined;
  return { ...(spec ? { spec } : {}), ...(ledger ? { ledger } : {}) };
}

function headerless(sheet: SheetGrid): never {
  throw new TableError({ problem: "no-header", values: { sheet: sheet.name } });
}

interface Ranked<T> {
  readonly location: T;
  readonly named: boolean;
  readonly score: number;
}

function best<T>(candidates: ReadonlyArray<Ranked<T> | undefined>): Ranked<T> | undefined {
  let top: Ranked<T> | undefined;
  for (const c of candidates) {
    if (!c) continue;
    const better = !top || (c.named && !top.named) || (c.named === top.named && c.score > top.score);
    if (better) top = c;
  }
  return top;
}

/** The header's columns, with the rule headers (时间要求 …) that FIELDS reads as something else. */
function headerColumns(sheet: SheetGrid, header: NonNullable<ReturnType<typeof findHeader>>) {
  const columns = new Map<Field, number>(header.columns);
  const cells = sheet.rows[header.row] ?? [];
  for (let c = 0; c < cells.length; c++) {
    const cell = cells[c];
    if (typeof cell !== "string" || !RULE_KEYS.has(compactKey(cell))) continue;
    for (const [field, col] of columns) if (col === c) columns.delete(field);
    if (!columns.has("deadline")) columns.set("deadline", c);
  }
  return columns;
}

const SAMPLE_ROWS = 200;

function specLocation(
  sheet: SheetGrid,
  named: boolean,
  asOfYear: number,
  chosen = false,
): Ranked<TableLocation> | undefined {
  const header = findHeader(sheet);
  if (!header) return undefined;
  const columns = headerColumns(sheet, header);
  if (!columns.has("task") || !columns.has("unit")) return undefined;
  if (periodColumnOf(sheet.rows[header.row]) !== undefined) return undefined;
  const rule = columns.get("deadline");
  let rules = 0;
  let dates = 0;
  if (rule !== undefined) {
    const last = Math.min(sheet.rows.length, header.firstDataRow + SAMPLE_ROWS);
    for (let r = header.firstDataRow; r < last; r++) {
      const value = sheet.rows[r]?.[rule];
      if (!isFilled(value)) continue;
      // A date with its year (2026-11-30) is one day; 12月31日前 may be a yearly rule.
      const isDate =
        isDateCell(value) ||
        (parseDate(value, asOfYear).kind === "day" && /\d{4}/.test(cellText(value).normalize("NFKC")));
      if (isDate) dates += 1;
      else if (parseDeadlineRule(value).kind === "rule") rules += 1;
    }
  }
  const recurring =
    chosen ||
    (named ? (columns.has("cycle") || rule !== undefined) && dates <= rules : rules > 0 && rules >= dates);
  if (!recurring) return undefined;
  return {
    location: {
      sheet,
      headerRow: header.row,
      firstDataRow: header.firstDataRow,
      columns,
      ...(header.table && { table: header.table }),
    },
    named,
    score: columns.size + rules,
  };
}

function ledgerLocation(sheet: SheetGrid): Ranked<LedgerLocation> | undefined {
  const header = findHeader(sheet);
  if (!header) return undefined;
  const headerCells = sheet.rows[header.row] ?? [];
  const columns = new Map<Field, number>(header.columns);
  if (!columns.has("task") || !columns.has("unit")) return undefined;
  const deadline = columns.get("deadline");
  const deadlineHeader = deadline === undefined ? undefined : headerCells[deadline];
  if (
    deadline !== undefined &&
    !columns.has("doneDate") &&
    typeof deadlineHeader === "string" &&
    DONE_TIME_KEYS.has(compactKey(deadlineHeader))
  ) {
    columns.delete("deadline");
    columns.set("doneDate", deadline);
  }
  const named = namedAs(sheet, LEDGER_KEYS);
  const explicit = periodColumnOf(headerCells);
  // A sheet named as a ledger that says on which day each time was done (完成日期, 召开时间) rather than for
  // which period: the day is the period, counting for the period of the task's cycle that holds it, and the
  // completion date still. Not with a deadline column: that is a task table (重点工作督办台账).
  const daysAlone = named && !columns.has("deadline");
  const periodColumn =
    explicit ?? (daysAlone ? (columns.get("doneDate") ?? columnNamed(headerCells, DAY_KEYS)) : undefined);
  if (periodColumn === undefined) return undefined;
  if (explicit === undefined) columns.set("doneDate", periodColumn);
  else for (const [field, col] of columns) if (col === periodColumn) columns.delete(field);
  return {
    location: {
      sheet,
      headerRow: header.row,
      firstDataRow: header.firstDataRow,
      columns,
      periodColumn,
      ...(header.table && { table: header.table }),
    },
    named,
    score: columns.size,
  };
}

/**
 * A column's value per row, a vertical merge counting for every row it covers (as the task rows read them).
 * Zero-based rows.
 */
function columnReader(sheet: SheetGrid, column: number): (row: number) => CellValue | undefined {
  const fill = new Map<number, CellValue>();
  for (const merge of sheet.merges) {
    if (merge.left !== column || merge.bottom === merge.top) continue;
    const value = sheet.rows[merge.top]?.[column];
    if (value === undefined || value === null) continue;
    for (let r = merge.top + 1; r <= merge.bottom; r++) fill.set(r, value);
  }
  return (row) => {
    const own = sheet.rows[row]?.[column];
    return isFilled(own) ? own : fill.get(row);
  };
}

const letters = (columns: ReadonlyMap<Field, number>): Partial<Record<Field, string>> =>
  Object.fromEntries(FIELDS.filter((f) => columns.has(f)).map((f) => [f, columnLetter(columns.get(f)!)]));

/** One row of the specification: a task every one of its units owes for every period of its cycle. */
export interface SpecTask {
  /** Position among the specification's tasks. */
  readonly index: number;
  /** The specification sheet's own row number (1-based). */
  readonly row: number;
  /** As written (spaces trimmed), for showing. */
  readonly task: string;
  /** As compared: full-width forms folded, no spaces (TaskRow.taskKey). */
  readonly taskKey: string;
  /** The units it applies to, group words expanded through the roster. */
  readonly units: readonly string[];
  readonly cycle: RecurringCycle;
  /** The rule as written; "" without one (then the deadline is the period's last day). */
  readonly rule: string;
  /** The deadline of one period of `cycle`. */
  readonly deadline: (period: Period) => Day;
  /** The row's own start date (开始时间), when it has one. */
  readonly start?: Day;
}

export interface Specification {
  readonly sheet: string;
  /** 1-based. */
  readonly headerRow: number;
  readonly columns: Readonly<Partial<Record<Field, string>>>;
  /** Rows that could be expanded; rows with a problem, and one-off (一次性) rows, are not among them. */
  readonly tasks: readonly SpecTask[];
  /** By row; a row's unreadable start before its other problem. */
  readonly problems: readonly RecurringProblem[];
  /** Group words that named no unit, by row: without a roster, with no unit of that kind on it, or vague. */
  readonly unresolvedGroups: ReadonlyArray<{
    readonly row: number;
    readonly word: string;
    readonly reason: UnresolvedReason;
  }>;
}

export interface ReadOptions {
  readonly asOf: Day;
  readonly calendar: WorkCalendar;
  readonly roster?: readonly RosterUnit[];
}

/**
 * Reads the specification's rows (task rows as the task table reads them: merges, headings and footnotes
 * alike). A row is left out, with a problem, when its task, units or cycle are missing or unreadable, or its
 * rule cannot be read or used with its cycle; a one-off (一次性) row is left out without one. The rule cell
 * is the deadline column (or 时间要求 …); without a cycle column the rule's own cycle (每月 …) is used.
 */
export function readSpecification(location: TableLocation, options: ReadOptions): Specification {
  const { sheet, columns } = location;
  const rows = readTaskRows(
    location,
    options.asOf,
    options.roster?.map((unit) => unit.name),
  );
  const ruleColumn = columns.get("deadline");
  const ruleAt = ruleColumn === undefined ? undefined : columnReader(sheet, ruleColumn);
  const expand = unitExpander(options.roster);
  const tasks: SpecTask[] = [];
  const problems: RecurringProblem[] = [];
  const unresolvedGroups: Array<Specification["unresolvedGroups"][number]> = [];

  for (const row of rows) {
    if (row.task === "") {
      problems.push({ kind: "spec-task", row });
      continue;
    }
    if (row.start.kind === "invalid") problems.push({ kind: "spec-start", row, value: row.start.text });
    const expansion = expand(row.units);
    for (const { word, reason } of expansion.unresolved)
      unresolvedGroups.push({ row: row.row, word, reason });
    if (row.units.length === 0) {
      problems.push({ kind: "spec-units", row });
      continue;
    }
    if (row.cycle.kind === "invalid") {
      problems.push({ kind: "spec-cycle", row, value: row.cycle.text });
      continue;
    }
    if (row.cycle.kind === "cycle" && row.cycle.cycle === "once") continue;
    const cycle = row.cycle.kind === "cycle" ? (row.cycle.cycle as RecurringCycle) : undefined;
    const ruleValue = ruleAt?.(row.row - 1);
    const parsed: ParsedRule = parseDeadlineRule(ruleValue);
    const resolved = resolveRule(parsed, cycle, options.calendar);
    if ("problem" in resolved) {
      const value = cellText(ruleValue).trim();
      if (resolved.problem === "unreadable") problems.push({ kind: "spec-rule", row, value });
      else if (resolved.problem === "cycle-mismatch")
        problems.push({ kind: "spec-rule-cycle", row, value, cycle: cycle ?? "" });
      else problems.push({ kind: "spec-no-cycle", row });
      continue;
    }
    if (expansion.units.length === 0) continue;
    tasks.push({
      index: tasks.length,
      row: row.row,
      task: row.task,
      taskKey: row.taskKey,
      units: expansion.units,
      cycle: resolved.cycle,
      rule: parsed.kind === "rule" ? parsed.rule.text : "",
      deadline: resolved.deadline,
      ...(row.start.kind === "day" ? { start: row.start.day } : {}),
    });
  }
  return {
    sheet: sheet.name,
    headerRow: location.headerRow + 1,
    columns: letters(columns),
    tasks,
    problems,
    unresolvedGroups,
  };
}

/** A ledger row: a task row (read as the task table reads rows) and the period it records. */
export interface LedgerEntry {
  readonly row: TaskRow;
  readonly period: ParsedPeriod;
}

export interface Ledger {
  readonly sheet: string;
  readonly location: LedgerLocation;
  readonly columns: Readonly<Partial<Record<Field, string>>>;
  /** Column letter of the period. */
  readonly periodColumn: string;
  readonly entries: readonly LedgerEntry[];
}

/**
 * Reads the ledger's rows and their periods; a period cell is read once per distinct value. With the roster's
 * names, units are read as the task table's are (see rosterUnits).
 */
export function readLedger(location: LedgerLocation, asOf: Day, roster?: readonly string[]): Ledger {
  const rows = readTaskRows(location, asOf, roster);
  const periodAt = columnReader(location.sheet, location.periodColumn);
  const asOfYear = ymdOf(asOf).year;
  const byText = new Map<string, ParsedPeriod>();
  const byNumber = new Map<number, ParsedPeriod>();
  const entries = rows.map((row): LedgerEntry => {
    const value = periodAt(row.row - 1);
    let period: ParsedPeriod | undefined;
    if (typeof value === "string") {
      period = byText.get(value);
      if (period === undefined) byText.set(value, (period = parsePeriod(value, asOfYear)));
    } else if (typeof value === "number" || isDateCell(value)) {
      const key = typeof value === "number" ? value : -1e9 - value.day;
      period = byNumber.get(key);
      if (period === undefined) byNumber.set(key, (period = parsePeriod(value, asOfYear)));
    } else {
      period = parsePeriod(value, asOfYear);
    }
    return { row, period };
  });
  return {
    sheet: location.sheet.name,
    location,
    columns: letters(location.columns),
    periodColumn: columnLetter(location.periodColumn),
    entries,
  };
}

/** Where a finding on a specification row's cell of `field` is: its task, no unit (a row may name several). */
export function specCell(
  spec: Specification,
  row: TaskRow,
  field: Field,
): Pick<Finding, "sheet" | "row" | "column" | "task"> {
  const column = spec.columns[field];
  return {
    sheet: spec.sheet,
    row: row.row,
    ...(row.task ? { task: row.task } : {}),
    ...(column ? { column } : {}),
  };
}

/** Where a finding on a ledger row's period cell is, with the row's unit, task and index among the ledger's rows. */
export function ledgerPeriodCell(
  ledger: Ledger,
  row: TaskRow,
): Pick<Finding, "sheet" | "row" | "column" | "unit" | "task" | "taskIndex"> {
  return {
    sheet: ledger.sheet,
    row: row.row,
    column: ledger.periodColumn,
    ...(row.unit ? { unit: row.unit } : {}),
    task: row.task,
    taskIndex: row.index,
  };
}
