// Omissions (漏项) end to end: a specification, a roster and a ledger with planted gaps, through duban check.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { parseIsoDay } from "../src/core";
import type { Report } from "../src/core/report";
import { FIXTURE_AS_OF, FIXTURE_LEDGER_SHEET, FIXTURE_SPEC_SHEET } from "./fixtures/recurring-fixture";
import { formatPeriod } from "../src/core/recurring/period-label";
import { readWorkbookFile } from "../src/hosts/xlsx";
import { writeRecurringWorkbook } from "./fixtures/recurring-workbook";
import { runCli } from "./helpers/run-cli";

const dir = path.resolve(__dirname, ".tmp/recurring-cli");

const run = (args: string[]) => runCli(args, FIXTURE_AS_OF);

describe("duban check on a specification and a ledger", () => {
  const file = path.join(dir, "recurring.xlsx");
  let fixture: Awaited<ReturnType<typeof writeRecurringWorkbook>>;
  beforeAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    fixture = await writeRecurringWorkbook(file);
  });

  test("finds exactly the planted omissions and unknown tasks, with unit and period in the report", async () => {
    const { code, stdout, stderr } = await run(["check", file, "--json", "-"]);
    expect(stderr).toBe("");
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as Report;
    const missing = report.issues
      .filter((i) => i.rule === "missing-instance")
      .map((i) => [i.sheet, i.row, i.task, i.unit, i.period])
      .sort();
    expect(missing).toEqual(
      fixture.expectedOmissions.map((o) => [FIXTURE_SPEC_SHEET, o.row, o.task, o.unit, o.period]).sort(),
    );
    const unknown = report.issues.filter((i) => i.rule === "unknown-task").map((i) => [i.sheet, i.row]);
    expect(unknown.sort()).toEqual(
      fixture.expectedUnknownTasks.map((u) => [FIXTURE_LEDGER_SHEET, u.row]).sort(),
    );
    // Omissions weigh in the ranking: 2 points each, as counted (the default weighs them per task).
    const config = path.join(dir, "as-counted.json");
    writeFileSync(config, JSON.stringify({ ranking: { scale: "none" } }));
    const counted = JSON.parse(
      (await run(["check", file, "--json", "-", "--config", config])).stdout,
    ) as Report;
    const perUnit = new Map<string, number>();
    for (const o of fixture.expectedOmissions) perUnit.set(o.unit, (perUnit.get(o.unit) ?? 0) + 1);
    for (const entry of counted.ranking)
      expect(entry.score).toBeLessThanOrEqual(100 - 2 * (perUnit.get(entry.unit) ?? 0));
  });

  test("--out adds the 漏项清单 sheet: task, unit, period, deadline, days past due, a link to the specification row", async () => {
    const out = path.join(dir, "checked.xlsx");
    const { code } = await run(["check", file, "--out", out]);
    expect(code).toBe(1);
    const workbook = await readWorkbookFile(out);
    const sheet = workbook.sheets.find((s) => s.name === "漏项清单");
    expect(sheet).toBeDefined();
    const header = sheet!.rows.findIndex((r) => r?.[0] === "工作任务");
    const rows = sheet!.rows.slice(header + 1).filter((r) => r && r[0]);
    expect(rows).toHaveLength(fixture.expectedOmissions.length);
    const byKey = new Map(rows.map((r) => [`${r![0]}|${r![1]}|${r![2]}`, r!]));
    for (const o of fixture.expectedOmissions) {
      const row = byKey.get(`${o.task}|${o.unit}|${formatPeriod(o.period, "zh-CN")}`);
      expect(row).toBeDefined();
      expect(row![3]).toEqual({ day: parseIsoDay(o.deadline) });
      expect(row![4]).toBe(o.daysPastDue);
      expect(String(row![5])).toMatch(new RegExp(`^${FIXTURE_SPEC_SHEET}!\\w+${o.row}$`));
    }
  });

  test("--spec and --ledger name the sheets; a wrong name says which", async () => {
    const ok = await run([
      "check",
      file,
      "--spec",
      FIXTURE_SPEC_SHEET,
      "--ledger",
      FIXTURE_LEDGER_SHEET,
      "--json",
      "-",
    ]);
    expect(JSON.parse(ok.stdout).issues.some((i: { rule: string }) => i.rule === "missing-instance")).toBe(
      true,
    );
    const wrong = await run(["check", file, "--ledger", "台账2"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("台账2");
  });
});
