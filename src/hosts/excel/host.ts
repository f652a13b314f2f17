// The task pane's host inside Excel: the PaneHost contract kept with Office.js, through the API subset of api.ts.

import { checkWorkbook } from "../../core/check";
import { readWorkbookSettings, SETTINGS_SHEET, settingsCells } from "../../core/output/record";
import type { SettingsInput } from "../../core/settings";
import { cellText } from "../../core/values/text";
import type { CellValue } from "../../core/workbook";
import { HostError, type PaneHost, type ReturnReader } from "../contract";
import type { ExcelRunner, OfficeRuntime, RequestContext } from "./api";
import { CellReader, DATE_PROBE, hostErrorFrom, requireExcelApi, usesDate1904 } from "./office-quirks";
import { mergeFeedback, mergeToUndo, undoMerge } from "./merge";
import { placeRows, readWorkbook } from "./read";
import { clearResults, writeColumn, writeResults, type Clock } from "./write";

/** `Excel` and `Office` are globals that office.js's script tag defines; absent in Node and in a plain browser. */
function officeGlobal<T>(name: "Excel" | "Office"): T | undefined {
  return (globalThis as Record<string, unknown>)[name] as T | undefined;
}

/**
 * The host for the add-in. `excel` and `office` default to Office.js's globals; tests pass the fake, and a
 * clock of their own for the lock's lease. Every method first checks the ExcelApi requirement set
 * (HostError "unsupported" on an older Excel). `readReturn` reads the returned workbooks a merge takes (the
 * xlsx host's reader, handed over by the face: this host reads no files); without it merging is unsupported.
 */
export function createExcelHost(
  excel: ExcelRunner | undefined = officeGlobal<ExcelRunner>("Excel"),
  office: OfficeRuntime | undefined = officeGlobal<OfficeRuntime>("Office"),
  now: Clock = Date.now,
  readReturn?: ReturnReader,
): PaneHost {
  const run = async <T>(batch: (context: RequestContext) => Promise<T>): Promise<T> => {
    requireExcelApi(office);
    if (!excel) throw new HostError("unsupported", "Excel");
    try {
      return await excel.run(batch);
    } catch (error) {
      throw hostErrorFrom(error);
    }
  };

  return {
    kind: "excel",

    loadSettings: () => run(loadSettings),

    saveSettings: (settings) =>
      run(async (context) => {
        const existing = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
        existing.load("visibility");
        await context.sync();
        let sheet = existing;
        if (existing.isNullObject) sheet = context.workbook.worksheets.add(SETTINGS_SHEET);
        else sheet.getRange().clear("Contents");
        writeColumn(sheet, settingsCells(settings), "VeryHidden");
        await context.sync();
      }),

    sheetNames: () =>
      run(async (context) => {
        const worksheets = context.workbook.worksheets;
        worksheets.load("items/name,items/visibility");
        await context.sync();
        return worksheets.items.filter((s) => s.visibility === "Visible").map((s) => s.name);
      }),

    rowTexts: (sheetName, row) =>
      run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        sheet.load("name");
        const probe = context.workbook.functions.date(DATE_PROBE.year, DATE_PROBE.month, DATE_PROBE.day);
        probe.load("value");
        await context.sync();
        if (sheet.isNullObject) throw new HostError("input", sheetName);
        const used = sheet.getUsedRangeOrNullObject(true);
        used.load("columnIndex,columnCount");
        await context.sync();
        if (used.isNullObject || row < 1) return [];
        const cells = sheet.getRangeByIndexes(row - 1, 0, 1, used.columnIndex + used.columnCount);
        cells.load("values,numberFormat");
        await context.sync();
        const rows: Array<CellValue[] | undefined> = [];
        placeRows(rows, cells.values, cells.numberFormat, 0, 0, new CellReader(usesDate1904(probe.value)));
        const texts = (rows[0] ?? []).map((value) => cellText(value));
        while (texts.length > 0 && texts[texts.length - 1] === "") texts.pop();
        return texts;
      }),

    check: ({ asOf, settings, signal, onProgress }) =>
      run(async (context) => {
        const workbook = await readWorkbook(context, { settings, signal, onProgress });
        if (signal.aborted) throw new HostError("cancelled");
        return checkWorkbook(workbook, {
          asOf,
          settings,
          onProgress: (done, total) => onProgress({ phase: "checking", done, total }),
        });
      }),

    writeResults: (result, options) => run((context) => writeResults(context, result, options, now)),

    clear: () => run((context) => clearResults(context, now)),

    mergeFeedback: (returns, options) =>
      run((context) => mergeFeedback(context, returns, options, readReturn, now)),

    mergeToUndo: () => run(mergeToUndo),

    undoMerge: (options) => run((context) => undoMerge(context, options, now)),

    noticeFiles: ({ asOf, settings, locale, signal, onProgress }, make) =>
      run(async (context) => {
        const workbook = await readWorkbook(context, { settings, signal, onProgress });
        if (signal.aborted) throw new HostError("cancelled");
        const result = checkWorkbook(workbook, {
          asOf,
          settings,
          onProgress: (done, total) => onProgress({ phase: "checking", done, total }),
        });
        onProgress({ phase: "writing", done: 0, total: result.summary.units.length });
        return make(result, workbook, { settings, locale });
      }),

    selectCell: (sheetName, cell) =>
      run(async (context) => {
        const sheet = context.workbook.worksheets.getItemOrNullObject(sheetName);
        sheet.load("visibility");
        await context.sync();
        if (sheet.isNullObject || sheet.visibility !== "Visible") throw new HostError("input", sheetName);
        sheet.activate();
        sheet.getRange(cell).select();
        await context.sync();
      }),
  };
}

/** The settings the workbook carries, unvalidated; HostError("input") when their JSON is damaged. */
async function loadSettings(context: RequestContext): Promise<SettingsInput | undefined> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(SETTINGS_SHEET);
  sheet.load("name");
  await context.sync();
  if (sheet.isNullObject) return undefined;
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex");
  await context.sync();
  if (used.isNullObject) return undefined;
  const rows: Array<CellValue[] | undefined> = [];
  placeRows(rows, used.values, undefined, used.rowIndex, used.columnIndex, new CellReader(false));
  try {
    return readWorkbookSettings({ fileName: "", sheets: [{ name: SETTINGS_SHEET, rows, merges: [] }] }) as
      SettingsInput | undefined;
  } catch (error) {
    if (error instanceof SyntaxError) throw new HostError("input", `${SETTINGS_SHEET}: ${error.message}`);
    throw error;
  }
}
