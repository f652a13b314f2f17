// A table-driven tester for the recurring rules (missing-instance, unknown-task), in the manner of RuleTester.

import { buildCalendar } from "../../src/core/calendar";
import { parseIsoDay, type Day } from "../../src/core/day";
import { DEFAULT_SETTINGS, type Severity } from "../../src/core/settings";
import { readRoster } from "../../src/core/sheets";
import type { CellValue, SheetGrid, WorkbookModel } from "../../src/core/workbook";
import {
  checkRecurring,
  type CellReport,
  type RecurringRule,
  type RecurringRuleContext,
} from "../../src/core/recurring";

export const SPEC_SHEET = "工作规范";
export const LEDGER_SHEET = "台账";
const SPEC_HEADER = ["工作任务", "责任单位", "周期", "完成时限", "开始时间"] as const;
const LEDGER_HEADER = ["工作任务", "责任单位", "期次", "完成情况", "完成日期"] as const;

export interface RecurringCase {
  readonly name: string;
  /** Specification rows under a header in row 1 (the first task is row 2): task, units, cycle, rule, start. */
  readonly spec: ReadonlyArray<readonly [CellValue, CellValue, CellValue, CellValue?, CellValue?]>;
  /** Ledger rows under a header in row 1: task, unit, period, status (default 已完成), done date. */
  readonly ledger?: ReadonlyArray<readonly [CellValue, CellValue, CellValue, CellValue?, CellValue?]>;
  /** Name and type; no roster sheet when absent. */
  readonly roster?: ReadonlyArray<readonly [string, string]>;
  /** Default 2026-11-18, a Wednesday. */
  readonly asOf?: string;
  readonly trackingStart?: string;
}

export interface InvalidRecurringCase extends RecurringCase {
  readonly expected: ReadonlyArray<{
    readonly sheet: "spec" | "ledger";
    readonly row: number;
    readonly messageId: string;
    readonly unit?: string;
    readonly period?: string;
    readonly values?: Readonly<Record<string, string | number>>;
  }>;
}

export function recurringWorkbook(c: RecurringCase): WorkbookModel {
  const sheets: SheetGrid[] = [
    {
      name: SPEC_SHEET,
      rows: [[...SPEC_HEADER], ...c.spec.map((r) => r.map((cell) => cell ?? null))],
      merges: [],
    },
  ];
  if (c.ledger) {
    const rows = c.ledger.map(([task, unit, period, status, done]) => [
      task,
      unit,
      period,
      status === undefined ? "已完成" : status,
      done ?? null,
    ]);
    sheets.push({ name: LEDGER_SHEET, rows: [[...LEDGER_HEADER], ...rows], merges: [] });
  }
  if (c.roster)
    sheets.push({
      name: "单位名单",
      rows: [["单位名称", "类型"], ...c.roster.map((u) => [...u])],
      merges: [],
    });
  return { fileName: "case.xlsx", sheets };
}

export interface RecurringFinding extends CellReport {
  readonly rule: string;
  readonly severity: Severity;
}

/** Runs one rule over a workbook's recurring check as the engine would: create, row per ledger row, end. */
export function runRecurringRule(
  rule: RecurringRule,
  workbook: WorkbookModel,
  asOf: Day,
  trackingStart?: Day,
) {
  const calendar = buildCalendar("mainland");
  const rosterSheet = workbook.sheets.find((s) => s.name === "单位名单");
  const roster = rosterSheet ? readRoster(rosterSheet) : undefined;
  const recurring = checkRecurring(workbook, {
    asOf,
    calendar,
    ...(roster ? { roster } : {}),
    ...(trackingStart === undefined ? {} : { trackingStart }),
    skip: new Set(rosterSheet ? [rosterSheet.name] : []),
  });
  const findings: RecurringFinding[] = [];
  const context: RecurringRuleContext = {
    asOf,
    calendar,
    settings: DEFAULT_SETTINGS,
    hasColumn: () => true,
    dueSoonLimit: asOf,
    ...(roster ? { roster: roster.map((u) => u.name) } : {}),
    ...(recurring ? { recurring } : {}),
    report: () => {
      throw new Error(`${rule.meta.id} reported on a task row; recurring rules report with reportAt`);
    },
    reportAt: (report) =>
      findings.push({ ...report, rule: rule.meta.id, severity: rule.meta.defaultSeverity }),
  };
  const hooks = rule.create(context);
  for (const row of recurring?.ledgerRows ?? []) hooks.row?.(row);
  hooks.end?.();
  return { findings, recurring };
}

/** Valid cases give no finding; invalid cases give exactly the expected findings, in order. */
export function testRecurringRule(
  rule: RecurringRule,
  cases: { valid: readonly RecurringCase[]; invalid: readonly InvalidRecurringCase[] },
): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new Error(`${rule.meta.id}: the case "${repeated}" is listed twice`);
  if (cases.valid.length === 0 || cases.invalid.length === 0)
    throw new Error(`${rule.meta.id}: a rule needs valid and invalid cases`);
  for (const c of cases.invalid) {
    if (c.expected.length === 0)
      throw new Error(`${rule.meta.id}: invalid case "${c.name}" expects no finding`);
    for (const e of c.expected)
      if (!rule.meta.messageIds.includes(e.messageId))
        throw new Error(`${rule.meta.id}: case "${c.name}" expects unknown message ${e.messageId}`);
  }
  const run = (c: RecurringCase) => {
    const asOf = parseIsoDay(c.asOf ?? "2026-11-18");
    if (asOf === undefined) throw new Error(`Case "${c.name}": asOf must be YYYY-MM-DD`);
    const start = c.trackingStart === undefined ? undefined : parseIsoDay(c.trackingStart);
    return runRecurringRule(rule, recurringWorkbook(c), asOf, start).findings;
  };

  describe(rule.meta.id, () => {
    test.each(cases.valid.map((c) => [c.name, c] as const))("valid: %s", (_name, c) => {
      expect(run(c)).toEqual([]);
    });
    test.each(cases.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_name, c) => {
      const findings = run(c);
      const sheetOf = (sheet: "spec" | "ledger") => (sheet === "spec" ? SPEC_SHEET : LEDGER_SHEET);
      expect(
        findings.map((f) => ({
          sheet: f.sheet,
          row: f.row,
          messageId: f.messageId,
          unit: f.unit,
          period: f.period,
        })),
      ).toEqual(
        c.expected.map((e) => ({
          sheet: sheetOf(e.sheet),
          row: e.row,
          messageId: e.messageId,
          unit: e.unit,
          period: e.period,
        })),
      );
      findings.forEach((finding, i) => {
        // The task cell: column A of both sheets.
        expect(finding.column).toBe("A");
        expect(finding.values).toMatchObject(c.expected[i]!.values ?? {});
        for (const value of Object.values(finding.values)) expect(String(value)).not.toMatch(/undefined|NaN/);
      });
    });
  });
}
