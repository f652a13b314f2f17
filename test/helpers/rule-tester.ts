// A table-driven tester for one rule, in the manner of eslint's RuleTester: it also refuses bad cases.

import { checkWorkbook } from "../../src/core/check";
import { parseIsoDay } from "../../src/core/day";
import { formatFinding } from "../../src/core/i18n";
import { RULE_IDS, settingsSchema, type SettingsInput } from "../../src/core/settings";
import { FIELDS, FIELD_SYNONYMS, REQUIRED_FIELDS, type Field } from "../../src/core/table/fields";
import { columnLetter, type CellValue, type SheetGrid, type WorkbookModel } from "../../src/core/workbook";
import type { Rule } from "../../src/core/rules/rule";

export interface RuleCase {
  readonly name: string;
  /** Task rows under a header in row 1, so the first task is row 2. */
  readonly rows: ReadonlyArray<Partial<Record<Field, CellValue>>>;
  /** Default 2026-11-18, a Wednesday. */
  readonly asOf?: string;
  readonly roster?: readonly string[];
  readonly settings?: SettingsInput;
  /** Columns the table has besides those any row uses and the required ones. */
  readonly columns?: readonly Field[];
}

export interface InvalidCase extends RuleCase {
  readonly expected: ReadonlyArray<{
    readonly row: number;
    readonly messageId: string;
    /** The field whose column the finding names; none for a whole row. */
    readonly field?: Field;
    readonly values?: Readonly<Record<string, string | number>>;
  }>;
}

export const DEFAULT_AS_OF = "2026-11-18";

/** Builds a one-sheet workbook (and a roster) for a case; columns in the order of FIELDS. */
export function caseWorkbook(c: RuleCase): { workbook: WorkbookModel; fields: Field[] } {
  const used = new Set<Field>([...REQUIRED_FIELDS, ...(c.columns ?? [])]);
  for (const row of c.rows) for (const key of Object.keys(row)) used.add(key as Field);
  const fields = FIELDS.filter((f) => used.has(f));
  const header: CellValue[] = fields.map((f) => FIELD_SYNONYMS[f][0]!);
  const body: CellValue[][] = c.rows.map((row) => fields.map((f) => row[f] ?? null));
  const sheets: SheetGrid[] = [{ name: "任务表", rows: [header, ...body], merges: [] }];
  if (c.roster)
    sheets.push({ name: "单位名单", rows: [["单位名称"], ...c.roster.map((u) => [u])], merges: [] });
  return { workbook: { fileName: "case.xlsx", sheets }, fields };
}

function runCase(rule: Rule, c: RuleCase) {
  const others = Object.fromEntries(RULE_IDS.filter((id) => id !== rule.meta.id).map((id) => [id, "off"]));
  const settings = settingsSchema.parse({ ...c.settings, rules: { ...others, ...c.settings?.rules } });
  const asOf = parseIsoDay(c.asOf ?? DEFAULT_AS_OF);
  if (asOf === undefined) throw new Error(`Case "${c.name}": asOf must be YYYY-MM-DD`);
  const { workbook, fields } = caseWorkbook(c);
  return { result: checkWorkbook(workbook, { asOf, settings }), fields };
}

/** Runs valid cases (no finding) and invalid cases (exactly the expected findings) through jest. */
export function testRule(
  rule: Rule,
  cases: { valid: readonly RuleCase[]; invalid: readonly InvalidCase[] },
): void {
  const names = [...cases.valid, ...cases.invalid].map((c) => c.name);
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated) throw new Error(`${rule.meta.id}: the case "${repeated}" is listed twice`);
  if (cases.valid.length === 0 || cases.invalid.length === 0) {
    throw new Error(`${rule.meta.id}: a rule needs valid and invalid cases`);
  }
  for (const c of cases.invalid) {
    if (c.expected.length === 0)
      throw new Error(`${rule.meta.id}: invalid case "${c.name}" expects no finding`);
    for (const e of c.expected) {
      if (!rule.meta.messageIds.includes(e.messageId)) {
        throw new Error(`${rule.meta.id}: case "${c.name}" expects unknown message ${e.messageId}`);
      }
    }
  }

  describe(rule.meta.id, () => {
    test.each(cases.valid.map((c) => [c.name, c] as const))("valid: %s", (_name, c) => {
      expect(runCase(rule, c).result.findings).toEqual([]);
    });

    test.each(cases.invalid.map((c) => [c.name, c] as const))("invalid: %s", (_name, c) => {
      const { result, fields } = runCase(rule, c);
      const actual = result.findings.map((f) => ({ row: f.row, messageId: f.messageId, column: f.column }));
      const expected = c.expected.map((e) => ({
        row: e.row,
        messageId: e.messageId,
        column: e.field === undefined ? undefined : columnLetter(fields.indexOf(e.field)),
      }));
      expect(actual).toEqual(expected);
      result.findings.forEach((finding, i) => {
        expect(finding.rule).toBe(rule.meta.id);
        expect(finding.severity).toBe(c.settings?.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity);
        expect(finding.values).toMatchObject(c.expected[i]!.values ?? {});
        for (const locale of ["zh-CN", "en-US"] as const) {
          const text = formatFinding(finding, locale);
          expect(text).toContain(`${finding.column ?? ""}${finding.row}`);
          expect(text).not.toMatch(/undefined|NaN|\[object/);
        }
      });
    });
  });
}
