import { buildCalendar } from "../calendar";
import { formatDay } from "../day";
import { missingInstance } from "../rules/missing-instance";
import { unknownTask } from "../rules/unknown-task";
import { readRoster } from "../sheets";
import { checkRecurring, type RecurringCheck } from ".";
import {
  FIXTURE_LEDGER_SHEET,
  FIXTURE_ROSTER_SHEET,
  FIXTURE_SPEC_SHEET,
  recurringFixture,
  type FixtureOmission,
} from "./fixture";
import { runRecurringRule } from "./rule-tester";

const fixture = recurringFixture();
const byPlace = (a: FixtureOmission, b: FixtureOmission) =>
  a.row - b.row || a.unit.localeCompare(b.unit) || a.period.localeCompare(b.period);

function check(): RecurringCheck {
  const rosterSheet = fixture.workbook.sheets.find((s) => s.name === FIXTURE_ROSTER_SHEET)!;
  const recurring = checkRecurring(fixture.workbook, {
    asOf: fixture.asOf,
    calendar: buildCalendar("mainland"),
    roster: readRoster(rosterSheet),
    skip: new Set([FIXTURE_ROSTER_SHEET]),
  });
  if (!recurring) throw new Error("no specification found");
  return recurring;
}

describe("the fixture workbook: its findings are exactly the planted gaps", () => {
  const recurring = check();

  test("finds the specification and the ledger by name and columns", () => {
    expect(recurring.specification.sheet).toBe(FIXTURE_SPEC_SHEET);
    expect(recurring.ledger?.sheet).toBe(FIXTURE_LEDGER_SHEET);
    expect(recurring.ledger?.periodColumn).toBe("D");
    expect(recurring.specification.tasks).toHaveLength(10);
  });

  test("expands to what the plan says is due", () => {
    expect(recurring.due).toBe(fixture.due);
  });

  test("the omissions are the gaps", () => {
    const found = recurring.missing.map((m): FixtureOmission => ({
      row: m.task.row,
      task: m.task.task,
      unit: m.unit,
      period: m.period.id,
      deadline: formatDay(m.deadline),
      daysPastDue: m.daysPastDue,
    }));
    expect([...found].sort(byPlace)).toEqual([...fixture.expectedOmissions].sort(byPlace));
  });

  test("the unknown tasks are the mistyped and the stray row, nothing else", () => {
    expect(
      recurring.unknownTasks.map(({ entry, suggestion }) => ({
        row: entry.row.row,
        task: entry.row.task,
        ...(suggestion ? { suggestion } : {}),
      })),
    ).toEqual(fixture.expectedUnknownTasks);
  });

  test("no data problem and no notice", () => {
    expect(recurring.problems).toEqual([]);
    expect(recurring.notices).toEqual([]);
  });

  test("a ledger row takes its deadline from its task's rule, to be checked like any task row", () => {
    const row = recurring.ledgerRows.find((r) => r.row === fixture.openRow.row)!;
    expect(row.status.kind).toBe("open");
    expect(row.deadline).toEqual({ kind: "day", day: expect.any(Number) });
    expect(row.deadline.kind === "day" && formatDay(row.deadline.day)).toBe(fixture.openRow.deadline);
    expect(recurring.ledgerRows).toHaveLength(recurring.ledger!.entries.length);
  });

  test("a ledger row for a whole group counts for, and is owned by, the group's units", () => {
    const row = recurring.ledgerRows.find((r) => r.task === "开展职工思想动态分析")!;
    expect(row.units).toEqual(["第一党支部", "第二党支部", "机关党支部"]);
    expect(row.unit).toBe("第一党支部");
  });

  test("the rules report them: missing-instance on the specification, unknown-task on the ledger", () => {
    const omissions = runRecurringRule(missingInstance, fixture.workbook, fixture.asOf).findings;
    expect(omissions).toHaveLength(fixture.expectedOmissions.length);
    for (const f of omissions) {
      expect(f).toMatchObject({ sheet: FIXTURE_SPEC_SHEET, column: "B", rule: "missing-instance" });
      expect(fixture.expectedOmissions).toContainEqual({
        row: f.row,
        task: f.task,
        unit: f.unit,
        period: f.period,
        deadline: f.values.deadline,
        daysPastDue: f.values.daysPastDue,
      });
    }
    const unknown = runRecurringRule(unknownTask, fixture.workbook, fixture.asOf).findings;
    expect(unknown.map((f) => [f.sheet, f.row, f.column, f.messageId])).toEqual([
      [FIXTURE_LEDGER_SHEET, fixture.expectedUnknownTasks[0]!.row, "B", "unknownTask"],
      [FIXTURE_LEDGER_SHEET, fixture.expectedUnknownTasks[1]!.row, "B", "unknownTaskNoSuggestion"],
    ]);
  });

  test("the same workbook, the same result", () => {
    expect(recurringFixture()).toEqual(fixture);
  });
});
