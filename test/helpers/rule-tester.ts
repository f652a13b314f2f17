// A table-driven tester for one rule, in the manner of eslint's RuleTester: it also refuses bad cases. A case
// is a small workbook (a task table, a specification and a ledger of recurring tasks, a roster) checked by the
// engine itself with every other rule off, so a rule's table shows exactly the findings a clerk would get.

import { checkWorkbook, type CheckResult } from "../../src/core/check";
import { parseIsoDay, type Day } from "../../src/core/day";
import { formatFinding, type MessageId } from "../../src/core/i18n";
import type { Rule } from "../../src/core/rules/rule";
import { RULE_IDS, settingsSchema, type SettingsInput } from "../../src/core/settings";
import { FIELDS, FIELD_SYNONYMS, REQUIRED_FIELDS, type Field } from "../../src/core/table/fields";
import { columnLetter, type CellValue, type SheetGrid, type WorkbookModel } from "../../src/core/workbook";

export const TASK_SHEET = "任务表";
export const SPEC_SHEET = "工作规范";
export const LEDGER_SHEET = "台账";
export const ROSTER_SHEET = "单位名单";
/** The specification's columns, A to E, and their headers. */
const SPEC_FIELDS = ["task", "unit", "cycle", "deadline", "start"] as const;
const SPEC_HEADER = ["工作任务", "责任单位", "周期", "完成时限", "开始时间"] as const;
/** The ledger's columns, A to E, and their headers. */
const LEDGER_FIELDS = ["task", "unit", "period", "status", "doneDate"] as const;
const LEDGER_HEADER = ["工作任务", "责任单位", "期次", "完成情况", "完成日期"] as const;

export const DEFAULT_AS_OF = "2026-11-18";

/** A specification row: task, units, cycle, deadline rule, start. */
export type SpecRow = readonly [CellValue, CellValue, CellValue, CellValue?, CellValue?];
/** A ledger row: task, unit, period, status (default 已完成), completion date. */
export type LedgerRow = readonly [CellValue, CellValue, CellValue, CellValue?, CellValue?];

export interface RuleCase {
  readonly name: string;
  /** Task rows under a header in row 1, so the first task is row 2; columns in the order of FIELDS. */
  readonly rows?: ReadonlyArray<Partial<Record<Field, CellValue>>>;
  /** Columns the task table has besides those any row uses and the required ones. */
  readonly columns?: readonly Field[];
  /** Task table cells merged down: the field's cell in sheet row `row` (1-based) over `rows` rows. */
  readonly mergedDown?: ReadonlyArray<{ readonly field: Field; readonly row: number; readonly rows: number }>;
  /** Specification rows under a header in row 1 (sheet 工作规范). */
  readonly spec?: readonly SpecRow[];
  /**
   * Ledger rows under a header in row 1 (sheet 台账). Without `rows` the ledger is the table checked, as the
   * engine chooses it; with `rows` the task table is (settings.sheet).
   */
  readonly ledger?: readonly LedgerRow[];
  /** Unit names, or name and type (区队, 支部 …) for group words; no roster sheet when absent. */
  readonly roster?: ReadonlyArray<string | readonly [string, string]>;
  /** Default 2026-11-18, a Wednesday. */
  readonly asOf?: string;
  /** settings.trackingStart, YYYY-MM-DD. */
  readonly trackingStart?: string;
  readonly settings?: SettingsInput;
}

export interface ExpectedFinding<M extends MessageId = MessageId> {
  /** The sheet the finding is on: the task table when absent. */
  readonly sheet?: "spec" | "ledger";
  readonly row: number;
  readonly messageId: M;
  /** The field whose column the finding names (on its sheet); none for a whole row. */
  readonly field?: Field | "period";
  /** Compared when given, and always on the specification and the ledger (absent: the finding has none). */
  readonly unit?: string;
  readonly period?: string;
  /** Compared when given. */
  readonly taskIndex?: number;
  /** Values the finding has (others may be there too). */
  readonly values?: Readonly<Record<string, string | number>>;
  /** Every value, in the order the JSON report lists them. */
  readonly allValues?: Readonly<Record<string, string | number>>;
}

export interface InvalidCase<M extends MessageId = MessageId> extends RuleCase {
  readonly expected: ReadonlyArray<ExpectedFinding<M>>;
}

/** Builds a case's workbook; the task table's columns in the order of FIELDS. */
export function caseWorkbook(c: RuleCase): { workbook: WorkbookModel; fields: Field[] } {
  const sheets: SheetGrid[] = [];
  let fields: Field[] = [];
  if (c.rows) {
    const used = new Set<Field>([...REQUIRED_FIELDS, ...(c.columns ?? [])]);
    for (const row of c.rows) for (const key of Object.keys(row)) used.add(key as Field);
    fields = FIELDS.filter((f) => used.has(f));
    const header: CellValue[] = fields.map((f) => FIELD_SYNONYMS[f][0]!);
    const body: CellValue[][] = c.rows.map((row) => fields.map((f) => row[f] ?? null));
    const merges = (c.mergedDown ?? []).map(({ field, row, rows }) => {
      const column = fields.indexOf(field);
      return { top: row - 1, left: column, bottom: row + rows - 2, right: column };
    });
    sheets.push({ name: TASK_SHEET, rows: [header, ...body], merges });
  }
  if (c.spec) {
    const body = c.spec.map((r) => r.map((cell) => cell ?? null));
    sheets.push({ name: SPEC_SHEET, rows: [[...SPEC_HEADER], ...body], merges: [] });
  }
  if (c.ledger) {
    const body = c.ledger.map(([task, unit, period, status, done]) => [
      task,
      unit,
      period,
      status === undefined ? "已完成" : status,
      done ?? null,
    ]);
    sheets.push({ name: LEDGER_SHEET, rows: [[...LEDGER_HEADER], ...body], merges: [] });
  }
  if (c.roster) {
    const typed = c.roster.some((u) => typeof u !== "string");
    const rows = c.roster.map((u) => (typeof u === "string" ? [u] : [...u]));
    sheets.push({
      name: ROSTER_SHEET,
      rows: [typed ? ["单位名称", "类型"] : ["单位名称"], ...rows],
      merges: [],
    });
  }
  return { workbook: { fileName: "case.xlsx", sheets }, fields };
}

function caseDay(c: RuleCase, text: string): Day {
  const day = parseIsoDay(text);
  if (day === undefined) throw new Error(`Case "${c.name}": ${text} is not YYYY-MM-DD`);
  return day;
}

/** Checks a workbook as the engine would with only `rule` on (at its default severity unless `settings` say). */
export function runRule(
  rule: Rule,
  workbook: WorkbookModel,
  asOf: Day,
  settings: SettingsInput = {},
): CheckResult {
  const others = Object.fromEntries(RULE_IDS.filter((id) => id !== rule.meta.id).map((id) => [id, "off"]));
  const parsed = settingsSchema.parse({ ...settings, rules: { ...others, ...settings.rules } });
  return checkWorkbook(workbook, { asOf, settings: parsed });
}

function runCase(rule: Rule, c: RuleCase) {
  const { workbook, fields } = caseWorkbook(c);
  const settings: SettingsInput = {
    ...(c.rows && (c.spec || c.ledger) ? { sheet: TASK_SHEET } : {}),
    ...(c.trackingStart === undefined ? {} : { trackingStart: c.trackingStart }),
    ...c.settings,
  };
  const result = runRule(rule, workbook, caseDay(c, c.asOf ?? DEFAULT_AS_OF), settings);
  return { result, fields };
}

/** The column letter of a field on a case's sheet. */
function columnOf(fields: readonly Field[], e: ExpectedFinding): string | undefined {
  if (e.field === undefined) return undefined;
  const order: readonly string[] =
    e.sheet === "spec" ? SPEC_FIELDS : e.sheet === "ledger" ? LEDGER_FIELDS : fields;
  const index = order.indexOf(e.field);
  if (index < 0) throw new Error(`No ${e.field} column on the ${e.sheet ?? "task"} sheet`);
  return columnLetter(index);
}

function refuseBadCases<M extends MessageId>(
  rule: Rule<M>,
  cases: { valid: readonly RuleCase[]; invalid: ReadonlyArray<InvalidCase<M>> },
): void {
  const id = rule.meta.id;
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new Error(`${id}: the case "${repeated}" is listed twice`);
  if (cases.valid.length === 0 || cases.invalid.length === 0)
    throw new Error(`${id}: a rule needs valid and invalid cases`);
  for (const c of [...cases.valid, ...cases.invalid])
    if (!c.rows && !c.spec && !c.ledger) throw new Error(`${id}: case "${c.name}" has no sheet to check`);
  for (const c of cases.invalid) {
    if (c.expected.length === 0) throw new Error(`${id}: invalid case "${c.name}" expects no finding`);
    for (const e of c.expected) {
      if (!rule.meta.messageIds.includes(e.messageId))
        throw new Error(`${id}: case "${c.name}" expects unknown message ${e.messageId}`);
      if (e.sheet === undefined ? !c.rows : !c[e.sheet])
        throw new Error(`${id}: case "${c.name}" expects a finding on a sheet it does not have`);
    }
  }
}

const sheetOf = (e: ExpectedFinding) =>
  e.sheet === "spec" ? SPEC_SHEET : e.sheet === "ledger" ? LEDGER_SHEET : TASK_SHEET;

interface Compared {
  readonly sheet: string;
  readonly row: number;
  readonly messageId: string;
  readonly column?: string | undefined;
  readonly period?: string | undefined;
  readonly unit?: string | undefined;
  readonly taskIndex?: number | undefined;
}

/**
 * What a finding is compared on: always its place, message and period; its unit when the expectation gives
 * one or is on the specification or the ledger; its task index when the expectation gives one.
 */
function compared(f: Compared, e: ExpectedFinding | undefined): Compared {
  const unit = e !== undefined && (e.sheet !== undefined || e.unit !== undefined);
  return {
    sheet: f.sheet,
    row: f.row,
    messageId: f.messageId,
    column: f.column,
    period: f.period,
    ...(unit ? { unit: f.unit } : {}),
    ...(e?.taskIndex !== undefined ? { taskIndex: f.taskIndex } : {}),
  };
}

/**
 * Runs valid cases (no finding) and invalid cases (exactly the expected findings, in order) through jest. An
 * expected message id that is not the rule's own does not compile.
 */
export function testRule<M extends MessageId>(
  rule: Rule<M>,
  cases: { valid: readonly RuleCase[]; invalid: ReadonlyArray<InvalidCase<NoInfer<M>>> },
): void {
  refuseBadCases(rule, cases);

  describe(rule.meta.id, () => {
    test.each(cases.valid.map((c) => [c.name, c] as const))("valid: %s", (_name, c) => {
      expect(runCase(rule, c).result.findings).toEqual([]);
    });

    test.each(cases.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_name, c) => {
      const { result, fields } = runCase(rule, c);
      const actual = result.findings.map((f, i) => compared(f, c.expected[i]));
      const expected = c.expected.map((e) =>
        compared({ ...e, sheet: sheetOf(e), column: columnOf(fields, e) }, e),
      );
      expect(actual).toEqual(expected);
      result.findings.forEach((finding, i) => {
        const e = c.expected[i]!;
        expect(finding.rule).toBe(rule.meta.id);
        expect(finding.severity).toBe(c.settings?.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity);
        expect(finding.values).toMatchObject(e.values ?? {});
        if (e.allValues) expect(JSON.stringify(finding.values)).toBe(JSON.stringify(e.allValues));
        for (const value of Object.values(finding.values)) expect(String(value)).not.toMatch(/undefined|NaN/);
        for (const locale of ["zh-CN", "en-US"] as const) {
          const text = formatFinding(finding, locale);
          expect(text).toContain(`${finding.column ?? ""}${finding.row}`);
          expect(text).not.toMatch(/undefined|NaN|\[object/);
        }
      });
    });
  });
}
