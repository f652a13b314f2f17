// Any task table a clerk could type, made up at random from what clerks write (units and group words, dates
// with and without years, statuses, a title naming a year or a day, a roster with types or none): the check
// reads it without failing, every open task with a unit is sent to someone or said to reach no one, and the
// notices sent, returned unchanged, merge back as no answer at all.

import fc from "fast-check";
import { checkWorkbook } from "../src/core/check";
import { formatDay, type Day } from "../src/core/day";
import { answerableNotice } from "../src/core/feedback/notice";
import { mergeAnswers, returnedFile } from "../src/core/feedback/merge";
import { applyChanges } from "../src/core/feedback/apply";
import { NOTICE_RECORD_SHEET, type SharedDone } from "../src/core/feedback/types";
import { contextFor } from "../src/core/output/generate";
import { planWrite } from "../src/core/output/plan";
import { noticeRecipients, noticesSheet } from "../src/core/output/sheets/notices";
import { specRowCount, specRows, type SheetSpec } from "../src/core/output/spec";
import { isGroupWord } from "../src/core/recurring/units";
import { buildReport } from "../src/core/report";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import type { CellValue, WorkbookModel } from "../src/core/workbook";
import { anyTable, tableWorkbook, type AnyTable } from "./helpers/any-table";

/** A generated notice sheet as the cells a unit sends back: a date as a date cell, the rest as written. */
function returnedGrid(spec: SheetSpec): CellValue[][] {
  return specRows(spec, 0, specRowCount(spec)).map((row) =>
    row.cells.map((cell): CellValue => {
      const value = cell?.value;
      if (value === undefined || value === null) return null;
      if (typeof value === "object") return "day" in value ? { day: value.day } : null;
      return value;
    }),
  );
}

/** The table a generated case describes, and its check. */
/** A generated table and its check, as of its as-of day. */
function checkedTable(made: AnyTable) {
  const workbook = tableWorkbook(made);
  return { workbook, result: checkWorkbook(workbook, { asOf: made.asOf as Day }) };
}

/** A unit's notice as it comes back, `answer` typed into its status cells. */
function returnedNotice(
  master: ReturnType<typeof checkedTable>,
  unit: string,
  answer?: string,
): ReturnType<typeof returnedFile> {
  const notice = answerableNotice(
    master.result,
    { settings: DEFAULT_SETTINGS, locale: "zh-CN", workbook: master.workbook },
    unit,
  )!;
  const [noticeSheet, recordSheet] = notice.sheets as [SheetSpec, SheetSpec];
  const grid = returnedGrid(noticeSheet);
  const status = notice.record.columns.status;
  if (answer !== undefined && status !== undefined)
    for (const row of notice.record.rows) grid[row.noticeRow - 1]![status] = answer;
  const returned: WorkbookModel = {
    fileName: `${unit}.xlsx`,
    sheets: [
      { name: noticeSheet.name, rows: grid, merges: [] },
      { name: NOTICE_RECORD_SHEET, rows: returnedGrid(recordSheet), merges: [], hidden: true },
    ],
  };
  return returnedFile(`${unit}.xlsx`, returned, DEFAULT_SETTINGS);
}

test("any table: read, every open task sent or said unsent, and unchanged notices merge as no answer", () => {
  fc.assert(
    fc.property(anyTable, (made) => {
      const { workbook, result } = checkedTable(made);
      const { asOf } = made;

      // A group word's units are units, never group words.
      for (const shared of result.sharedTasks ?? [])
        for (const name of shared.units)
          expect({ name, group: isGroupWord(name) }).toEqual({ name, group: false });

      // Every open task with a unit is in some unit's notice, or among those said to reach no one.
      const recipients = noticeRecipients(result);
      const sent = new Set([...recipients.units.values(), ...recipients.unaddressed.values()].flat());
      const open = result.rows.filter((row) => row.unit !== "" && row.status.kind !== "done");
      expect(open.filter((row) => !sent.has(row)).map((row) => row.row)).toEqual([]);
      expect([...sent].filter((row) => row.status.kind === "done").map((row) => row.row)).toEqual([]);
      const said = result.notices.find((notice) => notice.id === "unaddressedTasks");
      expect(said?.values.count ?? 0).toBe([...recipients.unaddressed.values()].flat().length);
      // Everything written from it is made: the sheets, the highlights, the report.
      noticesSheet(contextFor(result, { settings: DEFAULT_SETTINGS, locale: "zh-CN" }));
      planWrite(result, { settings: DEFAULT_SETTINGS, locale: "zh-CN", record: undefined, date1904: false });
      buildReport(result, "en-US");

      // Each unit's notice, sent back as it came, answers nothing and is refused nothing.
      const returns = [...recipients.units.keys()].map((name) => returnedNotice({ workbook, result }, name));
      const outcome = mergeAnswers({ workbook, result }, returns);
      expect({ asOf: formatDay(asOf), changes: outcome.changes, rejected: outcome.rejected }).toEqual({
        asOf: formatDay(asOf),
        changes: [],
        rejected: [],
      });
      expect(outcome.skipped).toEqual([]);
    }),
    { seed: 20261205, numRuns: 300 },
  );
});

test("any table: a unit answering 已完成 to its notice closes its own tasks, and those it shares only if it is their one unit", () => {
  fc.assert(
    fc.property(anyTable, (made) => {
      const master = checkedTable(made);
      const recipients = noticeRecipients(master.result);
      const [unit, rows] = [...recipients.units][0] ?? [];
      if (unit === undefined || rows === undefined) return;
      const outcome = mergeAnswers(master, [returnedNotice(master, unit, "已完成")]);
      // A task shared with others stays open until they all answer it; one the group gives to this unit alone closes.
      const others = new Set(
        master.result.sharedTasks?.filter((task) => task.units.length > 1).map((task) => task.index),
      );
      // In the table's order (the notice has them most urgent first).
      const own = rows.filter((row) => !others.has(row.index)).map((row) => row.row);
      const shared = rows.filter((row) => others.has(row.index)).map((row) => row.row);
      expect({
        unit,
        changed: outcome.changes.map((c) => c.row).sort((a, b) => a - b),
        reported: outcome.rejected.map((r) => [r.row, r.reason]).sort(([a], [b]) => Number(a) - Number(b)),
      }).toEqual({
        unit,
        changed: own,
        reported: shared.map((row) => [row, "sharedWaiting"]),
      });
      // Its answers to the shared tasks are kept for the next merge, one a task.
      expect((outcome.sharedDone ?? []).map((done) => done.unit)).toEqual(shared.map(() => unit));
    }),
    { seed: 20261205, numRuns: 300 },
  );
});

/** Every unit's notice answered 已完成, and the rows (1-based, in order) of every task sent to some unit. */
function everyUnitDone(master: ReturnType<typeof checkedTable>) {
  const recipients = noticeRecipients(master.result);
  return {
    returns: [...recipients.units.keys()].map((unit) => returnedNotice(master, unit, "已完成")),
    sent: [...new Set([...recipients.units.values()].flat().map((row) => row.row))].sort((a, b) => a - b),
  };
}

test("any table: every unit answering 已完成 to its notice, merged together, closes every task sent", () => {
  fc.assert(
    fc.property(anyTable, (made) => {
      const master = checkedTable(made);
      const { returns, sent } = everyUnitDone(master);
      const outcome = mergeAnswers(master, returns);
      const closed = outcome.changes.filter((c) => c.field === "status").map((c) => c.row);
      expect({ closed: closed.sort((a, b) => a - b), rejected: outcome.rejected }).toEqual({
        closed: sent,
        rejected: [],
      });
    }),
    { seed: 20261205, numRuns: 300 },
  );
});

test("any table: every unit answering 已完成 in a merge of its own, one after another, closes every task sent", () => {
  fc.assert(
    fc.property(anyTable, (made) => {
      let master = checkedTable(made);
      // The notices all go out at once; they come back one by one, each merged into the master as it stands.
      const { returns, sent } = everyUnitDone(master);
      const closed: number[] = [];
      let sharedDone: readonly SharedDone[] = [];
      for (const returned of returns) {
        const outcome = mergeAnswers(master, [returned], { sharedDone });
        expect(outcome.rejected.filter((r) => r.reason !== "sharedWaiting")).toEqual([]);
        closed.push(...outcome.changes.filter((c) => c.field === "status").map((c) => c.row));
        sharedDone = outcome.sharedDone ?? [];
        const workbook = applyChanges(master.workbook, master.result.sheet, outcome.changes);
        master = { workbook, result: checkWorkbook(workbook, { asOf: made.asOf as Day }) };
      }
      expect({ closed: closed.sort((a, b) => a - b), waiting: sharedDone }).toEqual({
        closed: sent,
        waiting: [],
      });
    }),
    { seed: 20261205, numRuns: 300 },
  );
});
