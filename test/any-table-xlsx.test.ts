// Any task table a clerk could type (see helpers/any-table), saved by another program (ExcelJS), checked into a
// copy by the xlsx host: the copy reads back with every cell of the clerk's sheets as it was, and checking the
// copy again finds what checking the original found, and writes the same copy.

import ExcelJS from "exceljs";
import fc from "fast-check";
import { checkWorkbook } from "../src/core/check";
import { type Day } from "../src/core/day";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import type { CellValue, WorkbookModel } from "../src/core/workbook";
import { OpcPackage, readPackage, readWorkbookBytes, writeCheck } from "../src/hosts/xlsx/universal";
import { anyTable, tableWorkbook } from "./helpers/any-table";

const MS_PER_DAY = 86_400_000;

/** The workbook as ExcelJS writes it: dates as dates, merges merged, hidden rows hidden. */
async function excelJsBytes(workbook: WorkbookModel): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const sheet of workbook.sheets) {
    const ws = book.addWorksheet(sheet.name);
    sheet.rows.forEach((cells, r) => {
      const row = ws.getRow(r + 1);
      (cells ?? []).forEach((value, c) => {
        if (value === null) return;
        const cell = row.getCell(c + 1);
        if (typeof value === "object") {
          cell.value = new Date(value.day * MS_PER_DAY);
          cell.numFmt = "yyyy-mm-dd";
        } else cell.value = value;
      });
      if (sheet.hiddenRows?.has(r)) row.hidden = true;
    });
    for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  }
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The cells of a sheet as compared: trailing empties dropped, so that a row written out wider reads the same. */
const cellsOf = (workbook: WorkbookModel, name: string): CellValue[][] =>
  (workbook.sheets.find((sheet) => sheet.name === name)?.rows ?? []).map((cells) => {
    const row = [...(cells ?? [])].map((value) => value ?? null);
    while (row.length > 0 && row[row.length - 1] === null) row.pop();
    return row;
  });

/** The checked copy of a workbook, as `duban check --out` writes it. */
async function checkedCopy(bytes: Uint8Array, asOf: Day): Promise<Uint8Array> {
  const pkg = OpcPackage.open(bytes, "t.xlsx");
  const read = await readPackage(pkg, "t.xlsx");
  writeCheck(pkg, checkWorkbook(read, { asOf }), { settings: DEFAULT_SETTINGS, locale: "zh-CN" });
  return pkg.toBytes();
}

const findingsOf = (workbook: WorkbookModel, asOf: Day) =>
  checkWorkbook(workbook, { asOf }).findings.map(
    (f) => `${f.rule} ${f.row} ${f.column ?? ""} ${f.messageId}`,
  );

test("any table, saved by ExcelJS and checked into a copy: every cell kept, and the copy checks the same", async () => {
  await fc.assert(
    fc.asyncProperty(anyTable, async (made) => {
      const asOf = made.asOf as Day;
      const bytes = await excelJsBytes(tableWorkbook(made));
      const original = await readWorkbookBytes(bytes, "t.xlsx");

      const copyBytes = await checkedCopy(bytes, asOf);
      const copy = await readWorkbookBytes(copyBytes, "t-checked.xlsx");

      for (const sheet of original.sheets)
        expect(cellsOf(copy, sheet.name)).toEqual(cellsOf(original, sheet.name));
      expect(copy.sheets.map((sheet) => sheet.name)).toEqual(
        expect.arrayContaining(["问题清单", "汇总", "督办单"]),
      );
      expect(findingsOf(copy, asOf)).toEqual(findingsOf(original, asOf));
      // Checked again, the copy is as it was: its sheets, Duban's own among them, hold the same cells.
      const again = await readWorkbookBytes(await checkedCopy(copyBytes, asOf), "t-checked-again.xlsx");
      expect(again.sheets.map((sheet) => [sheet.name, sheet.hidden ?? false])).toEqual(
        copy.sheets.map((sheet) => [sheet.name, sheet.hidden ?? false]),
      );
      for (const sheet of copy.sheets) expect(cellsOf(again, sheet.name)).toEqual(cellsOf(copy, sheet.name));
    }),
    { seed: 20261205, numRuns: 40 },
  );
});
