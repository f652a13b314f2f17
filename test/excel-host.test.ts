// The Excel host (Office.js) against the in-memory fake of test/fakes/excel.ts: it reads what the xlsx
// host reads, stays within Excel on the web's payload cap in few syncs, and writes and clears its results
// without touching anything of the person's.
/// <reference types="office-js" />

import ExcelJS from "exceljs";
import { fillTaskTable } from "../bench/excel-bench";
import {
  buildSampleWorkbook,
  SAMPLE_HEADER,
  SAMPLE_REFERENCE_AS_OF,
  SAMPLE_ROSTER_SHEET,
  SAMPLE_SHEET,
} from "../scripts/sample-workbook";
import { checkWorkbook, type CheckResult } from "../src/core/check";
import { type Day, excelSerialFromDay, formatDay, parseIsoDay } from "../src/core/day";
import { generatedSheets } from "../src/core/output/generate";
import { highlightPlan } from "../src/core/output/highlights";
import { LOCK_SHEET, MARKS_SHEET, RECORD_SHEET, SETTINGS_SHEET } from "../src/core/output/record";
import { styleSheet } from "../src/core/output/styles";
import { DEFAULT_SETTINGS, parseSettings, type SettingsInput } from "../src/core/settings";
import { columnIndex, columnLetter, parseRange } from "../src/core/workbook";
import type { ExcelRunner, OfficeRuntime, Range } from "../src/hosts/excel/api";
import {
  FakeExcel,
  fakeOffice,
  FakeOfficeError,
  type FakeCellFormat,
  type FakeRangeExtras,
  type FakeSheet,
} from "./fakes/excel";
import { createExcelHost } from "../src/hosts/excel/host";
import { PAYLOAD_LIMIT, readAsOther } from "../src/hosts/excel/office-quirks";
import { listSheets } from "../src/hosts/excel/read";
import { styleRectangles } from "../src/hosts/excel/write";
import { readWorkbookBytes } from "../src/hosts/xlsx";
import { HostError, type HostProgress, type PaneHost } from "../src/hosts/contract";

// The real Office.js globals fit our API subset: if @types/office-js and api.ts drift apart, this fails to
// compile (tsc -p tsconfig.json type-checks the tests).
type Fits<Wanted, Given extends Wanted> = [Wanted, Given];
export type ExcelFitsApi = Fits<ExcelRunner, typeof Excel>;
export type OfficeFitsApi = Fits<OfficeRuntime, typeof Office>;

// The fake answers each sync on a later turn of the event loop, as Excel does, so jest's default five
// seconds now run while a 30,000-row table is written; this is a guard against a hang, not a measure.
jest.setTimeout(300_000);

const AS_OF = parseIsoDay("2026-11-18")!;
const settings = DEFAULT_SETTINGS;
const quiet = { signal: new AbortController().signal, onProgress: (): void => {} };

/**
 * The hosts' clock, fixed: the lock's lease is judged by it, so how long a test takes on a busy machine
 * never decides whether a lock is live.
 */
const NOW = Date.UTC(2026, 10, 18, 9);

function hostFor(fake: FakeExcel, excelApi?: string): PaneHost {
  return createExcelHost(fake, fakeOffice(excelApi), () => NOW);
}

async function checkAndWrite(host: PaneHost, asOf: Day = AS_OF) {
  const result = await host.check({ ...quiet, asOf, settings });
  const written = await host.writeResults(result, { ...quiet, settings, locale: "zh-CN" });
  return { result, written };
}

/** Every sheet's snapshot, by name. */
function snapshots(fake: FakeExcel, names?: readonly string[]): Record<string, unknown> {
  const sheets = fake.workbook.sheets.filter((s) => !names || names.includes(s.name));
  return Object.fromEntries(sheets.map((s) => [s.name, s.snapshot()]));
}

const names = (fake: FakeExcel) => fake.workbook.sheets.map((s) => s.name);

/**
 * 考核记录's first six cells of each unit ranked at `second`, worked out here from the two checks' rankings: the
 * unit, its line, its score at each check ("" where not ranked), the change in score and in rank.
 */
function historyChanges(first: CheckResult, second: CheckResult): unknown[][] {
  const before = new Map(first.ranking.map((e) => [e.unit, e]));
  const signed = (n: number, up: string, down: string) =>
    n > 0 ? `${up}${n}` : n < 0 ? `${down}${-n}` : "—";
  const signedScore = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n < 0 ? `−${(-n).toFixed(2)}` : "—");
  return second.ranking.map((entry) => {
    const was = before.get(entry.unit);
    const rank = was ? signed(was.rank - entry.rank, "↑", "↓") : "新";
    const score = was ? signedScore(Math.round((entry.score - was.score) * 100) / 100) : "";
    return [
      entry.unit,
      `${entry.score.toFixed(2)} ${rank}（第${entry.rank}名）`,
      was?.score ?? "",
      entry.score,
      score,
      rank,
    ];
  });
}

/** What a check found, without what depends on how the workbook was read (file name, notices). */
function essence(result: CheckResult) {
  return {
    sheet: result.sheet,
    headerRow: result.headerRow,
    firstDataRow: result.firstDataRow,
    columns: result.columns,
    tasks: result.rows.length,
    findings: result.findings,
    summary: result.summary,
    ranking: result.ranking,
    rosterSheet: result.rosterSheet,
  };
}

// ---------------------------------------------------------------------------------------------------------
// A person's workbook from ExcelJS, into the fake

const EXCEL_EPOCH_OFFSET = 25569;

function scalar(value: ExcelJS.CellValue, date1904: boolean): string | number | boolean {
  if (value === null || value === undefined) return "";
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  if (value instanceof Date) return value.getTime() / 86_400_000 + EXCEL_EPOCH_OFFSET - (date1904 ? 1462 : 0);
  if ("result" in value) return scalar(value.result as ExcelJS.CellValue, date1904);
  if ("richText" in value) return value.richText.map((r) => r.text).join("");
  if ("error" in value) return value.error;
  if ("text" in value && typeof value.text === "string") return value.text;
  return "";
}

function argb(colour: Partial<ExcelJS.Color> | undefined): string | undefined {
  return colour?.argb ? `#${colour.argb.slice(2)}` : undefined;
}

/** Values, number formats, fonts, fills, alignment, borders, merges, widths and heights of every sheet. */
function fakeFromExcelJs(workbook: ExcelJS.Workbook, fileName: string): FakeExcel {
  const date1904 = workbook.properties.date1904 === true;
  const fake = new FakeExcel({ name: fileName, date1904 });
  for (const ws of workbook.worksheets) {
    const state = ws.state === "veryHidden" ? "VeryHidden" : ws.state === "hidden" ? "Hidden" : "Visible";
    const sheet = fake.workbook.addSheet(ws.name, state);
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      if (row.height) sheet.rowHeights.set(r - 1, row.height);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const value = scalar(cell.value, date1904);
        sheet.put(r - 1, c - 1, value, cell.numFmt || undefined);
        const format: FakeCellFormat = {};
        if (cell.font?.bold) format.bold = true;
        if (cell.font?.size) format.size = cell.font.size;
        const fill = cell.fill?.type === "pattern" ? argb(cell.fill.fgColor) : undefined;
        if (fill) format.fill = fill;
        if (cell.alignment?.horizontal) format.horizontal = cell.alignment.horizontal;
        if (cell.alignment?.wrapText) format.wrap = true;
        if (cell.border)
          format.borders = JSON.parse(JSON.stringify(cell.border)) as FakeCellFormat["borders"];
        if (Object.keys(format).length > 0) Object.assign(sheet.format(r - 1, c - 1), format);
      });
    });
    (ws.columns ?? []).forEach((column, c) => {
      if (column.width) sheet.columnWidths.set(c, column.width);
    });
    for (const merge of ws.model.merges) {
      sheet.merges.push(parseRange(merge)!);
    }
  }
  return fake;
}

async function sampleFake(asOf: Day): Promise<{ fake: FakeExcel; bytes: Uint8Array }> {
  const bytes = new Uint8Array(await buildSampleWorkbook(asOf).xlsx.writeBuffer());
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(bytes as unknown as Parameters<ExcelJS.Workbook["xlsx"]["load"]>[0]);
  return { fake: fakeFromExcelJs(loaded, "sample.xlsx"), bytes };
}

/** Zero-based row of the table's header: row 40, below the 30 rows a header is looked for in. */
const TABLE_TOP = 39;
const TABLE_NAME = "任务表";

/**
 * A task table kept as an Excel Table whose header is row 40, below 39 rows of instructions and closed by a
 * totals row 汇总 with sums, with some rows hidden (1-based): as an xlsx file written by ExcelJS, and as the fake holds
 * it. Every third task is overdue.
 */
async function tableWorkbook(
  tasks: number,
  hidden: readonly number[],
): Promise<{ fake: FakeExcel; bytes: Uint8Array; ref: string }> {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet(SAMPLE_SHEET);
  ws.getCell(1, 1).value = "XX煤矿重点工作任务督办清单";
  for (let r = 2; r <= TABLE_TOP; r++) ws.getCell(r, 1).value = `第${r - 1}条：各单位按月报送进展情况。`;
  const day = (offset: number) => formatDay(AS_OF + offset);
  ws.addTable({
    name: TABLE_NAME,
    ref: `A${TABLE_TOP + 1}`,
    headerRow: true,
    totalsRow: true,
    columns: SAMPLE_HEADER.map((name, c) =>
      c === 0 ? { name, totalsRowLabel: "汇总" } : { name, totalsRowFunction: "none" as const },
    ),
    rows: Array.from({ length: tasks }, (_, i) => {
      const overdue = i % 3 === 0;
      return [
        i + 1,
        "安全生产",
        `任务${i + 1}`,
        "按时完成",
        "调度室",
        "张三",
        "一次性",
        day(overdue ? -10 : 30),
        overdue ? "进行中" : "已完成",
        overdue ? "" : day(-1),
        5,
        overdue ? "" : 5,
        "",
      ];
    }),
  });
  // The totals row's sums, as values: a row that would otherwise read as a task without a task text.
  const totals = ws.getRow(TABLE_TOP + tasks + 2);
  totals.getCell(11).value = 5 * tasks;
  totals.getCell(12).value = 5 * (tasks - Math.ceil(tasks / 3));
  for (const row of hidden) ws.getRow(row).hidden = true;
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  const loaded = new ExcelJS.Workbook();
  await loaded.xlsx.load(bytes as unknown as Parameters<ExcelJS.Workbook["xlsx"]["load"]>[0]);
  const fake = fakeFromExcelJs(loaded, "tables.xlsx");
  const ref = `A${TABLE_TOP + 1}:M${TABLE_TOP + tasks + 2}`;
  fake.workbook.addTable(SAMPLE_SHEET, TABLE_NAME, ref, { showTotals: true });
  for (const row of hidden) fake.workbook.get(SAMPLE_SHEET).hideRows(row - 1);
  return { fake, bytes, ref };
}

// ---------------------------------------------------------------------------------------------------------

describe("the API subset", () => {
  test("the fake refuses to read what was not loaded and synced, as Office does", async () => {
    const fake = new FakeExcel();
    fake.workbook.addSheet("Sheet1").put(0, 0, "x");
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      // Reading too early on purpose: the fake must fail as Office does.
      // eslint-disable-next-line office-addins/load-object-before-read, office-addins/call-sync-before-read
      expect(() => range.values).toThrow(/not available/);
      range.load("values");
      // eslint-disable-next-line office-addins/call-sync-after-load, office-addins/call-sync-before-read
      expect(() => range.values).toThrow(/not available/);
      await context.sync();
      expect(range.values).toEqual([["x"]]);
    });
    expect(fake.stats.syncs).toBe(1);
  });

  test("the fake parses typed text as Excel does, unless the cell is Text (@)", async () => {
    const fake = new FakeExcel();
    const sheet = fake.workbook.addSheet("Sheet1");
    await fake.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("A1:D1").values = [["=SUM(A1)", "001", "50%", "-x"]];
      const text = ws.getRange("A2:D2");
      text.numberFormat = [["@", "@", "@", "@"]];
      text.values = [["=SUM(A1)", "001", "50%", "-x"]];
      await context.sync();
    });
    expect(sheet.formulaAt("A1")).toBe("=SUM(A1)");
    expect(sheet.valueAt("B1")).toBe(1);
    expect(sheet.valueAt("C1")).toBe(0.5);
    expect(sheet.formulaAt("D1")).toBe("=-x");
    expect([0, 1, 2, 3].map((c) => sheet.value(1, c))).toEqual(["=SUM(A1)", "001", "50%", "-x"]);
    expect(sheet.formulaAt("A2")).toBeUndefined();
  });

  // learn.microsoft.com, "Blank and null values in Excel add-ins": null in a 2-D array leaves that cell's
  // value, number format or formula as it is; "" clears the value (and resets a number format to General).
  test("null in a 2-D array leaves its cell alone; an empty string clears it", async () => {
    const fake = new FakeExcel();
    const sheet = fake.workbook.addSheet("Sheet1");
    sheet.put(0, 0, "keep", "@");
    sheet.put(0, 1, 46000, "yyyy-mm-dd");
    sheet.put(0, 2, "clear me");
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:D1");
      range.numberFormat = [[null, null, null, "0.00"]];
      range.values = [[null, null, "", 5]];
      await context.sync();
    });
    expect([0, 1, 2, 3].map((c) => sheet.value(0, c))).toEqual(["keep", 46000, "", 5]);
    expect([0, 1, 2, 3].map((c) => sheet.numberFormat(0, c))).toEqual(["@", "yyyy-mm-dd", "General", "0.00"]);
  });

  // Typed into a General cell, 0012 is the number 12 and 2026-11-05 a date; '0012 is the text 0012, the
  // apostrophe being the prefix character and not part of the value; in a Text (@) cell everything is text.
  test.each([
    ["General", "0012", 12, "General"],
    ["General", "'0012", "0012", "General"],
    ["General", "'已完成", "已完成", "General"],
    ["@", "0012", "0012", "@"],
    ["0000", "0012", 12, "0000"],
    ["General", "2026-11-05", excelSerialFromDay(parseIsoDay("2026-11-05")!), "yyyy-mm-dd"],
    ["yyyy/m/d", "2026-11-05", excelSerialFromDay(parseIsoDay("2026-11-05")!), "yyyy/m/d"],
    ["General", "'2026-11-05", "2026-11-05", "General"],
  ])("values = %s cell, typed %s: the value %s, the format %s", async (format, typed, value, after) => {
    const fake = new FakeExcel();
    const sheet = fake.workbook.addSheet("Sheet1");
    sheet.put(0, 0, "", format);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[typed]];
      await context.sync();
    });
    expect(sheet.value(0, 0)).toBe(value);
    expect(sheet.numberFormat(0, 0)).toBe(after);
  });

  test("formulas read back as typed (a constant as its value) and write back, null leaving a cell alone", async () => {
    const fake = new FakeExcel();
    const sheet = fake.workbook.addSheet("Sheet1");
    sheet.put(0, 0, "已完成");
    sheet.put(0, 2, 7);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("B1");
      range.values = [["=A1"]];
      await context.sync();
    });
    const read = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1");
      range.load("formulas");
      await context.sync();
      return range.formulas;
    });
    expect(read).toEqual([["已完成", "=A1", 7]]);
    sheet.put(0, 1, "");
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:C1").formulas = [[null, "=A1", null]];
      await context.sync();
    });
    expect(sheet.formulaAt("B1")).toBe("=A1");
    expect([sheet.value(0, 0), sheet.value(0, 2)]).toEqual(["已完成", 7]);
  });
});

describe("hidden rows and Excel Tables in the fake", () => {
  /** A1:C6 of sheet S, with some rows and columns hidden. */
  function hiddenFake(rows: readonly number[], columns: readonly number[]): FakeExcel {
    const fake = new FakeExcel();
    const sheet = fake.workbook.addSheet("S");
    for (let r = 0; r < 6; r++) for (let c = 0; c < 3; c++) sheet.put(r, c, r * 3 + c);
    for (const r of rows) sheet.hideRows(r);
    for (const c of columns) sheet.hideColumns(c);
    // Hidden outside A1:C6, and so outside every answer below.
    sheet.hideRows(20, 30);
    return fake;
  }

  // Excel lists the visible cells of a range as areas: each run of shown rows by each run of shown columns.
  test.each([
    { name: "nothing hidden", rows: [], columns: [], address: "'S'!A1:C6", rowHidden: false },
    {
      name: "rows 3 and 4 hidden",
      rows: [2, 3],
      columns: [],
      address: "'S'!A1:C2, 'S'!A5:C6",
      rowHidden: null,
    },
    {
      name: "row 2 and column B hidden",
      rows: [1],
      columns: [1],
      address: "'S'!A1, 'S'!C1, 'S'!A3:A6, 'S'!C3:C6",
      rowHidden: null,
    },
    { name: "every row hidden", rows: [0, 1, 2, 3, 4, 5], columns: [], address: null, rowHidden: true },
    { name: "every column hidden", rows: [], columns: [0, 1, 2], address: null, rowHidden: false },
  ])("visible cells and rowHidden of A1:C6: $name", async ({ rows, columns, address, rowHidden }) => {
    const fake = hiddenFake(rows, columns);
    const read = await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:C6") as Range & FakeRangeExtras;
      const visible = range.getSpecialCellsOrNullObject("Visible");
      visible.load("address,areaCount");
      range.load("rowHidden");
      await context.sync();
      return {
        address: visible.isNullObject ? null : visible.address,
        areas: visible.isNullObject ? 0 : visible.areaCount,
        rowHidden: range.rowHidden,
      };
    });
    expect(read).toEqual({ address, areas: address?.split(", ").length ?? 0, rowHidden });
    // getSpecialCells is the form that fails where the other gives a null object.
    const strict = fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("S").getRange("A1:C6") as Range & FakeRangeExtras;
      range.getSpecialCells("Visible").load("address");
      await context.sync();
    });
    if (address === null) await expect(strict).rejects.toMatchObject({ code: "ItemNotFound" });
    else await expect(strict).resolves.toBeUndefined();
  });

  test("the visible cells' address counts against the response cap", async () => {
    const fake = new FakeExcel({ payloadLimit: 5_000 });
    const sheet = fake.workbook.addSheet("S");
    for (let r = 0; r < 1000; r += 2) sheet.hideRows(r);
    const load = () =>
      fake.run(async (context) => {
        const visible = context.workbook.worksheets
          .getItem("S")
          .getRange("A1:C1000")
          .getSpecialCellsOrNullObject("Visible");
        visible.load("address");
        await context.sync();
        return visible.address;
      });
    await expect(load()).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    sheet.hiddenRows.clear();
    await expect(load()).resolves.toBe("'S'!A1:C1000");
  });

  test("a sheet's tables: listed with their header and totals rows, each range whole, gone once deleted", async () => {
    const fake = new FakeExcel();
    fake.workbook.addSheet("S");
    fake.workbook.addSheet("T");
    fake.workbook.addTable("S", "任务", "A40:M46", { showTotals: true });
    fake.workbook.addTable("S", "Plain", "O2:P3", { showHeaders: false });
    const listed = await fake.run(async (context) => {
      const tables = context.workbook.worksheets.getItem("S").tables;
      tables.load("items/name,items/showHeaders,items/showTotals");
      const none = context.workbook.worksheets.getItem("T").tables;
      none.load("items/name");
      await context.sync();
      const ranges = tables.items.map((table) => table.getRange().load("address"));
      await context.sync();
      return {
        tables: tables.items.map((t) => [t.name, t.showHeaders, t.showTotals]),
        ranges: ranges.map((r) => r.address),
        none: none.items.length,
      };
    });
    expect(listed).toEqual({
      tables: [
        ["任务", true, true],
        ["Plain", false, false],
      ],
      ranges: ["'S'!A40:M46", "'S'!O2:P3"],
      none: 0,
    });
    // An item stands for its table: once the table is gone, asking for its range fails.
    await expect(
      fake.run(async (context) => {
        const tables = context.workbook.worksheets.getItem("S").tables;
        tables.load("items/name");
        await context.sync();
        fake.workbook.get("S").tables.splice(0, 1);
        tables.items[0]!.getRange().load("address");
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
  });

  test.each([
    ["a name taken on another sheet", "T", "plain", "A1:B3", {}, "ItemAlreadyExists"],
    ["over another table", "S", "Other", "B3:C9", {}, "InvalidOperation"],
    ["over a merged range", "S", "Other", "E1:F5", {}, "InvalidOperation"],
    ["a header and a totals row alone", "S", "Other", "H1:I2", { showTotals: true }, "InvalidArgument"],
  ])("Excel refuses a table %s", (_, sheet, name, address, options, code) => {
    const fake = new FakeExcel();
    fake.workbook.addSheet("S").merges.push({ top: 0, left: 5, bottom: 1, right: 5 });
    fake.workbook.addSheet("T");
    fake.workbook.addTable("S", "Plain", "A1:C4");
    expect(() => fake.workbook.addTable(sheet, name, address, options)).toThrow(
      expect.objectContaining({ code }) as FakeOfficeError,
    );
  });
});

describe("reading", () => {
  test("the sample workbook gives the same check as the xlsx host", async () => {
    const asOf = SAMPLE_REFERENCE_AS_OF;
    const { fake, bytes } = await sampleFake(asOf);
    const host = hostFor(fake);
    const progress: HostProgress[] = [];
    const result = await host.check({
      asOf,
      settings,
      signal: quiet.signal,
      onProgress: (p) => progress.push(p),
    });
    const reference = checkWorkbook(await readWorkbookBytes(bytes, "sample.xlsx"), { asOf, settings });
    expect(result.findings.length).toBeGreaterThan(20);
    expect(essence(result)).toEqual(essence(reference));
    expect(result.fileName).toBe("sample.xlsx");
    expect(progress.some((p) => p.phase === "reading")).toBe(true);
    expect(progress.at(-1)).toMatchObject({ phase: "checking" });
    // Three syncs: the sheets, the top rows, the table in one block.
    expect(fake.stats.syncs).toBe(3);
  });

  test("a 1904 workbook reads its dates as the 1900 one does", async () => {
    const plain = new FakeExcel();
    fillTaskTable(plain, 300, AS_OF);
    const mac = new FakeExcel({ date1904: true });
    fillTaskTable(mac, 300, AS_OF, { date1904: true });
    const serials = (fake: FakeExcel) => fake.workbook.get(SAMPLE_SHEET).values.map((cells) => cells?.[9]);
    expect(serials(mac).find((v) => typeof v === "number")).toBe(
      (serials(plain).find((v) => typeof v === "number") as number) - 1462,
    );
    const a = await hostFor(plain).check({ ...quiet, asOf: AS_OF, settings });
    const b = await hostFor(mac).check({ ...quiet, asOf: AS_OF, settings });
    expect(essence(b)).toEqual(essence(a));
    expect(a.findings.some((f) => f.rule === "overdue")).toBe(true);
  });

  test.each([1_000, 10_000, 30_000])(
    "%i rows: a check takes at most ceil(N/5000)+3 syncs, every request and response under 5 MB",
    async (rows) => {
      const fake = new FakeExcel();
      fillTaskTable(fake, rows, AS_OF);
      const result = await hostFor(fake).check({ ...quiet, asOf: AS_OF, settings });
      expect(result.rows.length).toBe(rows);
      const { syncs, requests, responses } = fake.stats;
      expect(syncs).toBeLessThanOrEqual(Math.ceil(rows / 5000) + 3);
      expect(Math.max(...requests)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      expect(Math.max(...responses)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      expect(fake.stats.refused).toBe(0);

      fake.resetStats();
      await hostFor(fake).writeResults(result, { ...quiet, settings, locale: "zh-CN" });
      expect(Math.max(...fake.stats.requests)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      expect(Math.max(...fake.stats.responses)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
      expect(fake.stats.refused).toBe(0);
    },
  );

  test("a block of longer text than the first rows is read again in smaller blocks", async () => {
    const fake = new FakeExcel({ payloadLimit: 600_000 });
    const sheet = fillTaskTable(fake, 3000, AS_OF);
    for (let r = 2000; r < 3000; r++) sheet.put(r, 12, "很长的备注".repeat(100));
    const result = await hostFor(fake).check({ ...quiet, asOf: AS_OF, settings });
    expect(result.rows.length).toBe(3000);
    // Refused once or more for its size, then read in halves.
    expect(fake.stats.refused).toBeGreaterThan(0);
    expect(Math.max(...fake.stats.responses)).toBeLessThanOrEqual(600_000);
    expect(result.findings).toEqual(
      (await hostFor(copyOf(fake)).check({ ...quiet, asOf: AS_OF, settings })).findings,
    );
  });

  test("more than 512 merged areas in a block are asked for in pieces", async () => {
    const fake = new FakeExcel();
    const sheet = fillTaskTable(fake, 2000, AS_OF);
    // 完成日期 and 分值 merged on every row: 2,000 merged areas.
    for (let r = 3; r < 2003; r++) sheet.merges.push({ top: r, left: 12, bottom: r, right: 13 });
    const result = await hostFor(fake).check({ ...quiet, asOf: AS_OF, settings });
    expect(result.rows.length).toBe(2000);
  });

  /** 1,020 bytes of UTF-8 in a cell, with no word a header is recognised by. */
  const LONG = "甲乙丙丁戊己庚辛壬癸".repeat(34);
  test.each([
    {
      name: "40 candidate sheets whose top rows are over 5 MB together",
      refusals: 1,
      build: (fake: FakeExcel) => {
        for (let i = 1; i <= 40; i++) {
          const sheet = fake.workbook.addSheet(`附表${i}`);
          for (let r = 0; r < 31; r++) for (let c = 0; c < 5; c++) sheet.put(r, c, LONG);
        }
      },
    },
    {
      name: "a candidate whose top rows alone are over 5 MB",
      refusals: 2,
      build: (fake: FakeExcel) => {
        const sheet = fake.workbook.addSheet("长文本");
        for (let r = 0; r < 31; r++) for (let c = 0; c < 200; c++) sheet.put(r, c, LONG);
      },
    },
    {
      name: "a roster over 5 MB (notes beside the names)",
      // Not one for each halving of its 5,000 rows: the halves are of the 300 in use.
      refusals: 2,
      build: (fake: FakeExcel) => {
        const roster = fake.workbook.get(SAMPLE_ROSTER_SHEET);
        for (let r = 0; r < 300; r++) for (let c = 2; c < 20; c++) roster.put(r, c, LONG);
      },
    },
    {
      name: "a candidate with more than 512 merged areas in its top rows",
      refusals: 0,
      build: (fake: FakeExcel) => {
        const sheet = fake.workbook.addSheet("合并");
        for (let r = 0; r < 32; r++) {
          for (let c = 0; c < 40; c += 2) {
            sheet.put(r, c, "格");
            sheet.merges.push({ top: r, left: c, bottom: r, right: c + 1 });
          }
        }
      },
    },
  ])("the scan of the sheets keeps to Excel's limits: $name", async ({ build, refusals }) => {
    const plain = new FakeExcel();
    fillTaskTable(plain, 200, AS_OF);
    const fake = new FakeExcel();
    fillTaskTable(fake, 200, AS_OF);
    build(fake);
    const result = await hostFor(fake).check({ ...quiet, asOf: AS_OF, settings });
    expect(essence(result)).toEqual(essence(await hostFor(plain).check({ ...quiet, asOf: AS_OF, settings })));
    expect(Math.max(...fake.stats.requests)).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    // Each refusal is a response Excel built and threw away.
    expect(fake.stats.refused).toBeLessThanOrEqual(refusals);
  });

  // Rows 41-52 are the tasks, row 53 the totals row; tasks 1, 4, 7 and 10 (rows 41, 44, 47, 50) are overdue.
  test.each([
    { name: "its header at row 40 and a totals row 汇总", hidden: [], flagged: [] },
    {
      name: "rows hidden among its tasks, two of them flagged",
      hidden: [42, 44, 45, 50, 53],
      flagged: [44, 50],
    },
  ])("an Excel Table, as the xlsx host reads it: $name", async ({ hidden, flagged }) => {
    const { fake, bytes, ref } = await tableWorkbook(12, hidden);
    const model = await readWorkbookBytes(bytes, "tables.xlsx");
    // The file must hold what the fake holds, or the comparison below proves nothing.
    expect(model.sheets[0]!.tables).toEqual([
      { name: TABLE_NAME, range: parseRange(ref), headerRows: 1, totalsRows: 1 },
    ]);
    expect([...(model.sheets[0]!.hiddenRows ?? [])].sort((a, b) => a - b)).toEqual(hidden.map((r) => r - 1));
    const reference = checkWorkbook(model, { asOf: AS_OF, settings });

    const result = await hostFor(fake).check({ ...quiet, asOf: AS_OF, settings });
    expect(essence(result)).toEqual(essence(reference));
    expect(result.headerRow).toBe(TABLE_TOP + 1);
    // The totals row is no task.
    expect(result.rows.map((r) => r.row)).toEqual(Array.from({ length: 12 }, (_, i) => TABLE_TOP + 2 + i));
    // Hidden task rows (not the totals row), and the notice naming the flagged ones.
    expect(result.hiddenRows).toEqual(reference.hiddenRows);
    expect(result.hiddenRows ?? []).toEqual(hidden.filter((r) => r !== TABLE_TOP + 14));
    const notice = result.notices.find((n) => n.id === "hiddenRowFindings");
    expect(notice?.values).toEqual(
      flagged.length > 0
        ? { sheet: SAMPLE_SHEET, count: flagged.length, rows: flagged.join(", ") }
        : undefined,
    );
    expect(result.notices).toEqual(reference.notices);
    // The sheets, the top rows and the tables' lists, where the table lies, its header row, the table.
    expect(fake.stats.syncs).toBe(5);
  });

  test("a table's header within the top rows costs one sync more, to learn where the table lies", async () => {
    const fake = new FakeExcel();
    const sheet = fillTaskTable(fake, 300, AS_OF);
    fake.workbook.addTable(SAMPLE_SHEET, TABLE_NAME, "A3:M303");
    const plain = new FakeExcel();
    fillTaskTable(plain, 300, AS_OF);
    const result = await hostFor(fake).check({ ...quiet, asOf: AS_OF, settings });
    expect(essence(result)).toEqual(essence(await hostFor(plain).check({ ...quiet, asOf: AS_OF, settings })));
    expect(fake.stats.syncs).toBe(plain.stats.syncs + 1);
    expect(sheet.tables).toHaveLength(1);
  });

  /** Task rows (1-based, 4 to 30,003 in fillTaskTable's 30,000) that a case hides. */
  const alternate = (row: number) => row % 2 === 1;
  const run = (row: number) => row >= 10_001 && row <= 22_000;
  test.each([
    {
      name: "every other row and column, a cap of 5 MB",
      payloadLimit: PAYLOAD_LIMIT,
      hides: alternate,
      refusals: 0,
    },
    {
      name: "every other row and column, a cap of 600 kB",
      payloadLimit: 600_000,
      hides: alternate,
      refusals: 3,
    },
    {
      name: "12,000 rows together, blocks with no cell visible",
      payloadLimit: PAYLOAD_LIMIT,
      hides: run,
      refusals: 0,
    },
  ])("30,000 tasks, hidden: $name", async ({ payloadLimit, hides, refusals }) => {
    const fake = new FakeExcel({ payloadLimit });
    const sheet = fillTaskTable(fake, 30_000, AS_OF);
    for (let row = 4; row <= 30_003; row++) if (hides(row)) sheet.hideRows(row - 1);
    // Hidden columns split each run of shown rows into an area for each run of shown columns.
    if (hides === alternate) for (let c = 1; c < 13; c += 2) sheet.hideColumns(c);
    const result = await hostFor(fake).check({ ...quiet, asOf: AS_OF, settings });
    expect(result.rows).toHaveLength(30_000);
    expect(result.hiddenRows).toEqual(result.rows.map((r) => r.row).filter(hides));
    expect(Math.max(...fake.stats.responses)).toBeLessThanOrEqual(payloadLimit);
    // A block refused for its size is read again in halves: a few refusals at first, then none.
    expect(fake.stats.refused).toBeLessThanOrEqual(refusals);
  });

  // Office documents no failure of getSpecialCellsOrNullObject; should one come all the same, the check goes on.
  test("a visible-cells query that fails costs the hidden rows only, not the check", async () => {
    const { fake } = await tableWorkbook(12, [44, 50]);
    const probe = await fake.run(async (context) =>
      Promise.resolve(context.workbook.worksheets.getItem(SAMPLE_SHEET).getRange("A1")),
    );
    const prototype = Object.getPrototypeOf(probe) as Range;
    const real = prototype.getSpecialCellsOrNullObject;
    const spy = jest.spyOn(prototype, "getSpecialCellsOrNullObject").mockImplementation(function (
      this: Range,
      type,
    ) {
      const areas = real.call(this, type);
      const { context } = areas as unknown as {
        context: { enqueue(json: unknown, run: () => unknown): void };
      };
      context.enqueue({ fails: true }, () => {
        throw new FakeOfficeError("GeneralException", "An internal error has occurred.");
      });
      return areas;
    });
    try {
      const result = await hostFor(fake).check({ ...quiet, asOf: AS_OF, settings });
      expect(result.rows).toHaveLength(12);
      expect(result.hiddenRows).toBeUndefined();
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
  });

  test("no task table: the engine's TableError, unchanged", async () => {
    const fake = new FakeExcel();
    fake.workbook.addSheet("Sheet1").put(0, 0, "hello");
    await expect(hostFor(fake).check({ ...quiet, asOf: AS_OF, settings })).rejects.toMatchObject({
      name: "TableError",
    });
  });

  test.each([
    { name: "the month the person is looking at", activate: "11月", checked: "11月" },
    {
      name: "none activated: the first visible sheet, as Excel has it",
      activate: undefined,
      checked: "10月",
    },
    // Where Excel cannot say which sheet is shown, the first: the check goes on.
    { name: "a chart sheet shown (office-js #2444)", activate: "11月", chart: true, checked: "10月" },
    { name: "another workbook has the focus", activate: "11月", focus: true, checked: "10月" },
  ])("of a sheet a month, the same header on each: $name", async ({ activate, checked, chart, focus }) => {
    const fake = new FakeExcel();
    fake.workbook.chartSheetActive = chart === true;
    if (focus) fake.workbook.loseFocusDuring("active");
    for (const month of ["10月", "11月"]) {
      const sheet = fake.workbook.addSheet(month);
      ["工作任务", "责任单位", "完成时限", "完成情况"].forEach((text, c) => sheet.put(0, c, text));
      [`${month}的任务`, "机电科", "2026-11-30", "进行中"].forEach((text, c) => sheet.put(1, c, text));
    }
    if (activate)
      fake.workbook.active = { sheet: fake.workbook.get(activate).id, selection: parseRange("A1")! };
    const result = await hostFor(fake).check({ ...quiet, asOf: AS_OF, settings });
    expect(result.sheet).toBe(checked);
    expect(result.rows.map((r) => r.task)).toEqual([`${checked}的任务`]);
    expect(fake.workbook.focusLossPending).toBe(false);
  });

  test("one table: the sheet shown is not asked for (Excel may fail to say it)", async () => {
    const fake = new FakeExcel();
    const sheet = fake.workbook.addSheet("任务");
    ["工作任务", "责任单位", "完成时限"].forEach((text, c) => sheet.put(0, c, text));
    ["检查", "机电科", "2026-11-30"].forEach((text, c) => sheet.put(1, c, text));
    fake.workbook.loseFocusDuring("active");
    const result = await hostFor(fake).check({ ...quiet, asOf: AS_OF, settings });
    expect(result.sheet).toBe("任务");
    // Never asked: the focus loss waits still.
    expect(fake.workbook.focusLossPending).toBe(true);
  });

  test("sheet names, a row's texts, selecting a cell", async () => {
    const { fake } = await sampleFake(AS_OF);
    fake.workbook.addSheet("藏起来", "Hidden");
    const host = hostFor(fake);
    expect(await host.sheetNames()).toEqual([SAMPLE_SHEET, "单位名单"]);
    const header = await host.rowTexts(SAMPLE_SHEET, 3);
    expect(header.slice(0, 3)).toEqual(["序号", "类别", "工作任务"]);
    await expect(host.rowTexts("没有", 1)).rejects.toMatchObject({ kind: "input" });
    await host.selectCell(SAMPLE_SHEET, "H12");
    const task = fake.workbook.get(SAMPLE_SHEET);
    expect(fake.workbook.active).toEqual({
      sheet: task.id,
      selection: { top: 11, left: 7, bottom: 11, right: 7 },
    });
    await expect(host.selectCell("藏起来", "A1")).rejects.toMatchObject({ kind: "input" });
  });
});

describe("writing and clearing", () => {
  test("10,000 flagged cells take at most 10 conditional formats and no format of the person's changes", async () => {
    const fake = new FakeExcel();
    const task = fillTaskTable(fake, 30_000, AS_OF);
    // The person's own conditional format stays first.
    task.conditionalFormats.push({
      id: 0,
      type: "Custom",
      range: { top: 3, left: 8, bottom: 30_002, right: 8 },
      stopIfTrue: false,
      formula: '=I4="进行中"',
      fill: "#E2EFDA",
    });
    const before = task.snapshot() as { formats: unknown; conditionalFormats: unknown[] };
    const host = hostFor(fake);
    const result = await host.check({ ...quiet, asOf: AS_OF, settings });
    const plan = highlightPlan(result, { date1904: false });
    expect(plan.marks.length).toBeGreaterThanOrEqual(10_000);
    await host.writeResults(result, { ...quiet, settings, locale: "zh-CN" });

    const after = task.snapshot() as typeof before;
    expect(after.formats).toEqual(before.formats);
    expect(task.conditionalFormats.length - before.conditionalFormats.length).toBeLessThanOrEqual(10);
    expect(task.conditionalFormats[0]!.id).toBe(0);
    const ours = task.conditionalFormats.slice(1);
    expect(ours.every((cf) => cf.formula?.startsWith("=SUMPRODUCT(--EXACT("))).toBe(true);
    expect(ours.every((cf) => cf.formula?.includes(`'${MARKS_SHEET}'!`))).toBe(true);
    expect(fake.workbook.get(MARKS_SHEET).visibility).toBe("VeryHidden");

    // Each flagged cell shows its colour, and only flagged cells do.
    const colours = settings.colors;
    for (const mark of plan.marks.filter((_, i) => i % 997 === 0)) {
      const address = `${String.fromCharCode(65 + mark.column)}${mark.row + 1}`;
      expect(fake.workbook.highlightAt(SAMPLE_SHEET, address)).toEqual({
        fill: `#${colours[mark.kind].fill}`,
        fontColor: `#${colours[mark.kind].text}`,
      });
    }
    const flagged = new Set(plan.marks.map((m) => `${m.row}:${m.column}`));
    const clean = [...Array(200).keys()].map((i) => ({ row: 3 + i * 7, column: i % 13 }));
    for (const cell of clean.filter((c) => !flagged.has(`${c.row}:${c.column}`)))
      expect(
        fake.workbook.highlightAt(SAMPLE_SHEET, `${String.fromCharCode(65 + cell.column)}${cell.row + 1}`),
      ).toBe(undefined);
  });

  test("a formula's error in a key cell (#N/A, #DIV/0!) leaves the colours of its row in place", async () => {
    const fake = new FakeExcel();
    const task = fillTaskTable(fake, 60, AS_OF);
    const host = hostFor(fake);
    const read = await host.check({ ...quiet, asOf: AS_OF, settings });
    const column = (field: "status" | "deadline") => columnIndex(read.columns[field]!)!;
    // Excel gives a lookup whose sheet is gone #N/A, and a division by nothing #DIV/0!.
    task.put(3 + 5, column("status"), "#N/A");
    task.put(3 + 9, column("deadline"), "#DIV/0!");
    const result = await host.check({ ...quiet, asOf: AS_OF, settings });
    await host.writeResults(result, { ...quiet, settings, locale: "zh-CN" });
    const plan = highlightPlan(result, { date1904: false });
    const onThoseRows = plan.marks.filter((mark) => mark.row === 3 + 5 || mark.row === 3 + 9);
    expect(onThoseRows.map((mark) => mark.kind)).toContain("data");
    for (const mark of plan.marks) {
      expect(
        fake.workbook.highlightAt(SAMPLE_SHEET, `${columnLetter(mark.column)}${mark.row + 1}`)?.fill,
      ).toBe(`#${settings.colors[mark.kind].fill}`);
    }
  });

  test("writeResults then clear gives back every original sheet exactly, and removes every sheet it added", async () => {
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    fake.workbook.addSheet("说明", "Hidden").put(0, 0, "内部");
    const originalNames = names(fake);
    const original = snapshots(fake);
    const host = hostFor(fake);
    const { written } = await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    expect(written.sheets).toEqual(["问题清单", "汇总", "排名", "考核记录", "督办单", "网络推进图"]);
    // The record comes first: it carries the journal before any other change.
    expect(names(fake)).toEqual([...originalNames, RECORD_SHEET, ...written.sheets, MARKS_SHEET]);
    expect(fake.workbook.get(RECORD_SHEET).visibility).toBe("VeryHidden");
    await host.clear();
    expect(names(fake)).toEqual(originalNames);
    expect(snapshots(fake)).toEqual(original);
  });

  test("the generated sheets: links, frozen header, filter, landscape one page wide, data bars and a chart", async () => {
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    const { result } = await checkAndWrite(hostFor(fake), SAMPLE_REFERENCE_AS_OF);
    const issues = fake.workbook.get("问题清单");
    const linked = [...issues.hyperlinks.values()];
    expect(linked.length).toBe(result.findings.length);
    expect(linked.every((l) => l.documentReference?.startsWith(`'${SAMPLE_SHEET}'!`))).toBe(true);
    expect(issues.freezeRows).toBeGreaterThan(0);
    expect(issues.autoFilter).toBeDefined();
    expect(issues.pageLayout).toMatchObject({ orientation: "Landscape", zoom: { horizontalFitToPages: 1 } });
    // As many pages tall as it takes: a bound on the height that the rows never reach.
    const rows = issues.values.filter((cells) => cells?.some((v) => v !== "")).length;
    expect(
      (issues.pageLayout.zoom as { verticalFitToPages: number }).verticalFitToPages,
    ).toBeGreaterThanOrEqual(rows);
    expect(issues.pageLayout.printTitleRows).toMatch(/^\$\d+:\$\d+$/);
    const summary = fake.workbook.get("汇总");
    expect(summary.conditionalFormats.filter((cf) => cf.type === "DataBar").length).toBeGreaterThan(0);
    expect(summary.charts).toHaveLength(1);
    expect(summary.charts[0]).toMatchObject({ type: "BarClustered", valueAxis: { minimum: 0, maximum: 1 } });
    expect(summary.charts[0]!.series[0]!.xValues?.left).toBe(0);
    // Formatting went by rectangles of equal style, not cell by cell.
    const generated = ["问题清单", "汇总", "排名", "考核记录", "督办单", "网络推进图"].map((n) =>
      fake.workbook.get(n),
    );
    expect(generated.every((s) => s.formulas.size === 0)).toBe(true);
  });

  test("the progress chart (网络推进图): the plan's cells and fills, no conditional format, one page wide", async () => {
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    const { result } = await checkAndWrite(hostFor(fake), SAMPLE_REFERENCE_AS_OF);
    const spec = generatedSheets(result, { settings, locale: "zh-CN" }).find((s) => s.kind === "progress")!;
    const styles = styleSheet(settings);
    const sheet = fake.workbook.get("网络推进图");
    const bars = new Map<string, number>();
    spec.rows.forEach((row, r) =>
      row.cells.forEach((cell, c) => {
        if (!cell) return;
        if (typeof cell.value === "string") expect(sheet.values[r]?.[c]).toBe(cell.value);
        if (!cell.style.startsWith("bar")) return;
        const fill = styles[cell.style].fill;
        expect([r, c, sheet.formats.get(r * 16_384 + c)?.fill]).toEqual([r, c, fill && `#${fill}`]);
        bars.set(cell.style, (bars.get(cell.style) ?? 0) + 1);
      }),
    );
    // The sample has overdue, done, late and planned tasks: every part of a bar is drawn somewhere.
    for (const style of ["barPlanned", "barDone", "barLate", "barOverdue", "barToday", "barTodayLine"])
      expect(bars.get(style) ?? 0).toBeGreaterThan(1);
    expect(sheet.conditionalFormats).toEqual([]);
    expect(sheet.merges).toEqual(expect.arrayContaining([...spec.merges]));
    expect(sheet.freezeRows).toBe(spec.freezeRows);
    expect(sheet.pageLayout).toMatchObject({ orientation: "Landscape", zoom: { horizontalFitToPages: 1 } });
  });

  test("styles are applied by rectangles of equal style", () => {
    const cell = (style: "text" | "number") => ({ value: 1, style });
    const rows = [
      [cell("text"), cell("number"), cell("number")],
      [cell("text"), cell("number"), cell("number")],
      [cell("text"), cell("text"), cell("number")],
    ];
    expect(styleRectangles(rows, 5)).toEqual(
      expect.arrayContaining([
        { style: "text", range: { top: 5, left: 0, bottom: 6, right: 0 } },
        { style: "number", range: { top: 5, left: 1, bottom: 6, right: 2 } },
        { style: "text", range: { top: 7, left: 0, bottom: 7, right: 1 } },
        { style: "number", range: { top: 7, left: 2, bottom: 7, right: 2 } },
      ]),
    );
  });

  test("a sheet of the person's named 汇总 survives; the generated one is 汇总 (2), again on the next run", async () => {
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    const mine = fake.workbook.addSheet("汇总");
    mine.put(0, 0, "我自己的汇总");
    mine.format(0, 0).bold = true;
    const before = mine.snapshot();
    const host = hostFor(fake);
    const first = await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    expect(first.written.sheets).toContain("汇总 (2)");
    const second = await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    expect(second.written.sheets).toEqual(first.written.sheets);
    expect(names(fake).filter((n) => n.startsWith("汇总"))).toEqual(["汇总", "汇总 (2)"]);
    expect(fake.workbook.get("汇总").snapshot()).toEqual(before);
    await host.clear();
    expect(fake.workbook.get("汇总").snapshot()).toEqual(before);
    expect(fake.workbook.sheet("汇总 (2)")).toBeUndefined();
  });

  test("two checks on different days: 考核记录 has a column for each day and each unit's change since the first", async () => {
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    const host = hostFor(fake);
    const first = await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    const second = await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF + 7);
    expect(second.written.sheets[3]).toBe("考核记录");
    const history = fake.workbook.get("考核记录").values;
    const days = [first, second].map((c) => formatDay(c.result.asOf));
    expect(history[2]).toEqual(["责任单位", "本期", ...days, "得分变化", "名次变化"]);
    expect(historyChanges(first.result, second.result)).toEqual(
      second.result.ranking.map((_, i) => history[3 + i]!.slice(0, 6)),
    );
  });

  test("checking the same day twice leaves the same workbook as checking once", async () => {
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    const host = hostFor(fake);
    await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    const once = snapshots(fake);
    await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    expect(snapshots(fake)).toEqual(once);
    // A later day compares its ranking with the one recorded: the ranking sheet gets a change column.
    const later = await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF + 7);
    const ranking = fake.workbook.get(later.written.sheets[2]!);
    expect(ranking.values.some((cells) => cells?.some((v) => v === "—" || String(v).startsWith("↑")))).toBe(
      true,
    );
  });

  test("text that looks like a formula, a number or a date lands as text", async () => {
    const fake = new FakeExcel();
    const task = fillTaskTable(fake, 20, AS_OF);
    const tricky = ["=SUM(A1)", "+86 电话", "-综采一队", "@所有人", "001", "2026-11-05"];
    tricky.forEach((text, i) => {
      // Open and overdue, so that each task is on the issues sheet and in its unit's notice.
      task.put(3 + i, 2, text);
      task.put(3 + i, 7, excelSerialFromDay(AS_OF - 10), "yyyy-mm-dd");
      task.put(3 + i, 8, "进行中");
      task.put(3 + i, 9, "");
    });
    task.put(3, 8, "50%");
    const host = hostFor(fake);
    await checkAndWrite(host);
    for (const name of ["问题清单", "督办单"]) {
      const sheet = fake.workbook.get(name);
      expect(sheet.formulas.size).toBe(0);
      const texts = sheet.values.flatMap((cells) => cells ?? []);
      for (const text of tricky.slice(0, 4)) expect(texts).toContain(text);
    }
    const notices = fake.workbook.get("督办单").values.flatMap((cells) => cells ?? []);
    expect(notices).toContain("001");
    expect(notices).toContain("50%");
  });

  test("cancelling mid-way leaves no generated, temporary or hidden sheet, and the earlier results as they were", async () => {
    const fake = new FakeExcel();
    fillTaskTable(fake, 12_000, AS_OF);
    const original = names(fake);
    const host = hostFor(fake);
    const result = await host.check({ ...quiet, asOf: AS_OF, settings });
    const cancel = () => {
      const controller = new AbortController();
      return {
        signal: controller.signal,
        onProgress: (p: HostProgress) => {
          if (p.phase === "writing" && p.done > 0) controller.abort();
        },
      };
    };
    await expect(host.writeResults(result, { ...cancel(), settings, locale: "zh-CN" })).rejects.toEqual(
      new HostError("cancelled"),
    );
    expect(names(fake)).toEqual(original);

    await host.writeResults(result, { ...quiet, settings, locale: "zh-CN" });
    const before = snapshots(fake);
    await expect(host.writeResults(result, { ...cancel(), settings, locale: "zh-CN" })).rejects.toMatchObject(
      {
        kind: "cancelled",
      },
    );
    expect(snapshots(fake)).toEqual(before);
  });

  test("an aborted check stops between blocks", async () => {
    const fake = new FakeExcel();
    fillTaskTable(fake, 12_000, AS_OF);
    const controller = new AbortController();
    const onProgress = (p: HostProgress) => {
      if (p.phase === "reading" && p.done > 0) controller.abort();
    };
    await expect(
      hostFor(fake).check({ asOf: AS_OF, settings, signal: controller.signal, onProgress }),
    ).rejects.toMatchObject({ kind: "cancelled" });
  });
});

describe("settings and Excel itself", () => {
  test("settings round-trip through the very hidden settings sheet, which clear() leaves", async () => {
    const { fake } = await sampleFake(AS_OF);
    const host = hostFor(fake);
    expect(await host.loadSettings()).toBeUndefined();
    const long: SettingsInput = {
      sheet: SAMPLE_SHEET,
      dueSoonDays: 5,
      columns: { unit: "E", note: "-备注".repeat(20_000) },
      colors: { overdue: { fill: "FF0000", text: "FFFFFF" } },
    };
    await host.saveSettings(long);
    expect(await host.loadSettings()).toEqual(long);
    expect(fake.workbook.get(SETTINGS_SHEET).visibility).toBe("VeryHidden");
    const short: SettingsInput = { dueSoonDays: 2 };
    await host.saveSettings(short);
    const loaded = await host.loadSettings();
    expect(loaded).toEqual(short);
    expect("settings" in parseSettings(loaded)).toBe(true);
    await checkAndWrite(host);
    await host.clear();
    expect(await host.loadSettings()).toEqual(short);
  });

  test("damaged settings are an input problem", async () => {
    const fake = new FakeExcel();
    const sheet = fake.workbook.addSheet(SETTINGS_SHEET, "VeryHidden");
    fake.workbook.addSheet("Sheet1");
    sheet.put(0, 0, "Duban settings v1");
    sheet.put(1, 0, "{not json");
    await expect(hostFor(fake).loadSettings()).rejects.toMatchObject({ kind: "input" });
  });

  test("an Excel without ExcelApi 1.13 is unsupported, and so is a page outside Excel", async () => {
    const fake = new FakeExcel();
    fillTaskTable(fake, 10, AS_OF);
    const old = hostFor(fake, "1.12");
    await expect(old.check({ ...quiet, asOf: AS_OF, settings })).rejects.toEqual(
      new HostError("unsupported", "ExcelApi 1.13"),
    );
    await expect(old.sheetNames()).rejects.toMatchObject({ kind: "unsupported" });
    await expect(createExcelHost(undefined, undefined).sheetNames()).rejects.toMatchObject({
      kind: "unsupported",
    });
    expect(fake.stats.syncs).toBe(0);
  });

  test("Excel busy with a cell being edited is 'busy'", async () => {
    const fake = new FakeExcel();
    fillTaskTable(fake, 10, AS_OF);
    fake.editing = true;
    await expect(hostFor(fake).sheetNames()).rejects.toMatchObject({ kind: "busy" });
  });

  // The date system is read from DATE(1904,1,1), which assumes that Office.js evaluates workbook.functions
  // in the workbook's own date system (0 in the 1904 one, 1462 in the 1900 one): Workbook.use1904DateSystem
  // is still a preview API. A DATE that fails leaves the 1900 system, which nearly every workbook uses.
  test.each([
    { system: "1900", date1904: false, fails: false, read: false },
    { system: "1904", date1904: true, fails: false, read: true },
    { system: "1900, DATE failing", date1904: false, fails: true, read: false },
    { system: "1904, DATE failing", date1904: true, fails: true, read: false },
  ])("the date system from DATE(1904,1,1): $system", async ({ date1904, fails, read }) => {
    const fake = new FakeExcel({ date1904 });
    fake.workbook.addSheet("Sheet1");
    const excel = fails ? withFailingFunctions(fake) : fake;
    const listing = await excel.run((context) => listSheets(context));
    expect(listing.date1904).toBe(read);
    expect(listing.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });

  test("a serial number is the same day in the fake's DATE as in the core", async () => {
    const fake = new FakeExcel({ date1904: true });
    fake.workbook.addSheet("Sheet1");
    await fake.run(async (context) => {
      const probe = context.workbook.functions.date(2026, 11, 18);
      probe.load("value");
      await context.sync();
      expect(probe.value).toBe(excelSerialFromDay(AS_OF) - 1462);
    });
  });
});

/**
 * The fake with its worksheet functions failing as Office reports it: the error in `error`, and `value`
 * left unset ("populated only if no error has occurred", FunctionResult in @types/office-js).
 */
function withFailingFunctions(fake: FakeExcel): ExcelRunner {
  const failed = { error: "#NUM!", value: undefined, load: () => failed };
  const functions = { date: () => failed };
  return {
    run: (batch) =>
      fake.run((context) => {
        const workbook = new Proxy(context.workbook, {
          get: (target, property) => (property === "functions" ? functions : Reflect.get(target, property)),
        });
        return batch(
          new Proxy(context, {
            get: (target, property) => (property === "workbook" ? workbook : Reflect.get(target, property)),
          }),
        );
      }),
  };
}

/** The same workbook in a fresh fake with the default payload cap. */
function copyOf(fake: FakeExcel): FakeExcel {
  const copy = new FakeExcel({ name: fake.workbook.name });
  for (const sheet of fake.workbook.sheets) {
    const target: FakeSheet = copy.workbook.addSheet(sheet.name, sheet.visibility);
    sheet.values.forEach((cells, r) =>
      cells?.forEach((v, c) => target.put(r, c, v, sheet.numberFormat(r, c))),
    );
    target.merges.push(...sheet.merges);
  }
  return copy;
}

// ---------------------------------------------------------------------------------------------------------
// Excel as it really behaves: rules addressed by place, batches that fail part-way, protection, a second
// runtime. Each test here failed against the host before it learnt to live with that behaviour.

describe("Excel as it really behaves", () => {
  /** A clerk's own rule, after everything else on the task sheet (so after Duban's once they are there). */
  const clerksRule = (task: FakeSheet, extra: Partial<FakeSheet["conditionalFormats"][number]> = {}) => {
    task.conditionalFormats.push({
      id: 0,
      type: "Custom",
      range: { top: 3, left: 9, bottom: 200, right: 9 },
      stopIfTrue: false,
      formula: '=J4="已完成"',
      fill: "#E2EFDA",
      ...extra,
    });
  };

  test("rules are addressed by place: every second Generate and Clear keep a clerk's rule that sits after Duban's", async () => {
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    const host = hostFor(fake);
    const task = fake.workbook.get(SAMPLE_SHEET);
    await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    clerksRule(task);
    const ours = task.conditionalFormats.length - 1;
    expect(ours).toBeGreaterThan(1);
    await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF + 1);
    expect(task.conditionalFormats.filter((cf) => cf.formula === '=J4="已完成"')).toHaveLength(1);
    expect(task.conditionalFormats).toHaveLength(ours + 1);
    await host.clear();
    expect(task.conditionalFormats.map((cf) => cf.formula)).toEqual(['=J4="已完成"']);
  });

  test("a rule Excel cannot read back (office-js #6827) blocks neither Generate nor Clear, and stays", async () => {
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    const task = fake.workbook.get(SAMPLE_SHEET);
    clerksRule(task, { unreadable: true });
    const host = hostFor(fake);
    await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    expect(task.conditionalFormats.filter((cf) => cf.unreadable)).toHaveLength(1);
    await host.clear();
    expect(task.conditionalFormats).toHaveLength(1);
    expect(task.conditionalFormats[0]!.unreadable).toBe(true);
  });

  test("a protected task sheet is refused before anything changes, naming the sheet", async () => {
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    const host = hostFor(fake);
    await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    const before = snapshots(fake);
    fake.workbook.get(SAMPLE_SHEET).protected = true;
    const result = await host.check({ ...quiet, asOf: SAMPLE_REFERENCE_AS_OF + 1, settings });
    await expect(host.writeResults(result, { ...quiet, settings, locale: "zh-CN" })).rejects.toEqual(
      new HostError("protected", SAMPLE_SHEET),
    );
    await expect(host.clear()).rejects.toEqual(new HostError("protected", SAMPLE_SHEET));
    expect(snapshots(fake)).toEqual(before);
    fake.workbook.get(SAMPLE_SHEET).protected = false;
    fake.workbook.structureProtected = true;
    await expect(host.writeResults(result, { ...quiet, settings, locale: "zh-CN" })).rejects.toMatchObject({
      kind: "protected",
    });
    expect(snapshots(fake)).toEqual(before);
  });

  /** The workbook a clean Generate on a fresh copy leaves, to compare a recovered one with. */
  async function cleanGenerate(asOf: Day): Promise<Record<string, unknown>> {
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    const host = hostFor(fake);
    await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    await checkAndWrite(host, asOf);
    return snapshots(fake);
  }

  // Where another workbook takes the focus, and how many such operations go through first. The first
  // Generate has run; the second is the one interrupted.
  test.each([
    ["add", 3, "the third new sheet", "nothing"],
    ["delete", 0, "the swap, once", "retried"],
    ["delete", 0, "the swap, three attempts running", "journal"],
    ["freezeRows", 1, "the second sheet's frozen rows, once", "retried"],
    ["freezeRows", 0, "the first sheet's frozen rows, twice", "views"],
  ] as const)(
    "focus lost during %s (%i through first: %s): the clerk is told, and the next Generate and Clear make it whole",
    async (operation, skip, _where, outcome) => {
      const asOf = SAMPLE_REFERENCE_AS_OF + 1;
      const clean = await cleanGenerate(asOf);
      const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
      const originalNames = names(fake);
      const original = snapshots(fake);
      const host = hostFor(fake);
      await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
      const before = snapshots(fake);
      if (outcome === "journal") for (let i = 0; i < 3; i++) fake.workbook.loseFocusDuring("delete", skip);
      else fake.workbook.loseFocusDuring(operation, skip);
      if (outcome === "views") fake.workbook.loseFocusDuring("freezeRows");

      const attempt = checkAndWrite(host, asOf);
      if (outcome === "retried") {
        await attempt;
        expect(snapshots(fake)).toEqual(clean);
      } else {
        const error = (await attempt.catch((e: unknown) => e)) as HostError;
        expect(error).toBeInstanceOf(HostError);
        expect(error.kind).toBe("interrupted");
        expect(error.detail).toMatch(/GeneralException/);
        if (outcome === "nothing") {
          expect(error.detail).toMatch(/Nothing was changed/);
          expect(snapshots(fake)).toEqual(before);
        }
      }
      expect(fake.workbook.focusLossPending).toBe(false);
      // Whatever was left, the next Generate finishes it: no 汇总 (2), no temporary sheet.
      await checkAndWrite(host, asOf);
      expect(snapshots(fake)).toEqual(clean);
      await host.clear();
      expect(names(fake)).toEqual(originalNames);
      expect(snapshots(fake)).toEqual(original);
    },
  );

  test("a Generate cut off after the journal is recognised by Clear alone", async () => {
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    const original = snapshots(fake);
    const host = hostFor(fake);
    await checkAndWrite(host, SAMPLE_REFERENCE_AS_OF);
    for (let i = 0; i < 3; i++) fake.workbook.loseFocusDuring("delete");
    await expect(checkAndWrite(host, SAMPLE_REFERENCE_AS_OF + 1)).rejects.toMatchObject({
      kind: "interrupted",
    });
    // Old and new sheets may both be there now; the record's journal names them all.
    await host.clear();
    expect(snapshots(fake)).toEqual(original);
  });

  test("two runtimes at once: the second is told another check is running, and the first is not damaged", async () => {
    const clean = await cleanGenerate(SAMPLE_REFERENCE_AS_OF + 1);
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    const pane = hostFor(fake);
    await checkAndWrite(pane, SAMPLE_REFERENCE_AS_OF);
    const ribbon = hostFor(new FakeExcel({ workbook: fake.workbook }));
    const asOf = SAMPLE_REFERENCE_AS_OF + 1;
    const [a, b] = await Promise.all([pane, ribbon].map((h) => h.check({ ...quiet, asOf, settings })));
    const outcomes = await Promise.allSettled([
      pane.writeResults(a!, { ...quiet, settings, locale: "zh-CN" }),
      ribbon.writeResults(b!, { ...quiet, settings, locale: "zh-CN" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const refused = outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ kind: "locked" });
    expect(snapshots(fake)).toEqual(clean);
    // Clear from one while the other writes: the same.
    const settled = await Promise.allSettled([
      pane.writeResults(a!, { ...quiet, settings, locale: "zh-CN" }),
      ribbon.clear(),
    ]);
    expect(settled.filter((o) => o.status === "rejected")).toHaveLength(1);
  });

  test.each([
    ["a lock whose lease ran out (a runtime that died) is taken over", -60_000, "fulfilled"],
    ["a live lock is respected", 60_000, "rejected"],
  ] as const)("%s", async (_name, fromNow, status) => {
    const { fake } = await sampleFake(SAMPLE_REFERENCE_AS_OF);
    const lock = fake.workbook.addSheet(LOCK_SHEET, "VeryHidden");
    lock.put(0, 0, JSON.stringify({ run: "dead01", until: NOW + fromNow }), "@");
    const outcome = await Promise.allSettled([checkAndWrite(hostFor(fake), SAMPLE_REFERENCE_AS_OF)]);
    expect(outcome[0]!.status).toBe(status);
    if (status === "rejected") expect(fake.workbook.sheet(RECORD_SHEET)).toBeUndefined();
    else expect(fake.workbook.sheet(LOCK_SHEET)).toBeUndefined();
  });

  test.each([
    ["=SUM(A1)", true],
    ["+86 电话", true],
    ["-综采一队", true],
    ["@所有人", true],
    ["'引号开头", true],
    ["#N/A", true],
    ["001", true],
    ["50%", true],
    ["1/2", true],
    ["2026-11-05", true],
    ["10:30", true],
    ["(12)", true],
    ["$100", true],
    ["¥100", true],
    [".5", true],
    [" 42", true],
    ["TRUE", true],
    ["false", true],
    ["Nov 5", true],
    ["May-2026", true],
    ["综采一队", false],
    ["完成率 50%", false],
    ["November", false],
    ["Task 1", false],
    ["", false],
  ] as const)("Excel reads %j as something other than text: %s", (text, other) => {
    expect(readAsOther(text)).toBe(other);
  });

  test("long text is shown, not ####: Text (@) only where Excel would read the text as something else", async () => {
    const fake = new FakeExcel();
    const task = fillTaskTable(fake, 20, AS_OF);
    const long = [
      `加强${"井下作业现场安全管理，".repeat(30)}`,
      `1.${"落实整改措施并按期上报，".repeat(30)}`,
      `=${"公式模样的长文本".repeat(40)}`,
      "2026-11-05",
      "=SUM(A1)",
    ];
    long.forEach((text, i) => {
      task.put(3 + i, 2, text);
      task.put(3 + i, 7, excelSerialFromDay(AS_OF - 10), "yyyy-mm-dd");
      task.put(3 + i, 8, "进行中");
      task.put(3 + i, 9, "");
    });
    expect(long.slice(0, 3).every((text) => text.length > 255)).toBe(true);
    await checkAndWrite(hostFor(fake));
    for (const name of ["问题清单", "督办单"]) {
      const sheet = fake.workbook.get(name);
      expect(sheet.formulas.size).toBe(0);
      const shown: string[] = [];
      sheet.values.forEach((cells, r) => cells?.forEach((_, c) => shown.push(sheet.displayed(r, c))));
      expect(shown.filter((text) => text === "####")).toEqual([]);
      for (const text of long) expect(shown).toContain(text);
      // Plain text keeps its style's format: Text is kept for what Excel would turn into something else.
      const formats = new Set(sheet.numberFormats.values());
      const plain = sheet.values.flatMap((cells, r) =>
        (cells ?? []).flatMap((v, c) => (v === long[0] ? [sheet.numberFormat(r, c)] : [])),
      );
      expect(plain.length).toBeGreaterThan(0);
      expect(plain.every((format) => format !== "@")).toBe(true);
      expect(formats.has("@")).toBe(true);
    }
  });

  test("colours stay with their tasks when the clerk sorts the table, and agree with the check", async () => {
    const fake = new FakeExcel();
    const task = fillTaskTable(fake, 400, AS_OF);
    const host = hostFor(fake);
    const { result } = await checkAndWrite(host, AS_OF);
    const plan = highlightPlan(result, { date1904: false });
    const { top, bottom, right } = plan.range;
    const letter = (c: number) => String.fromCharCode(65 + c);
    const rowOf = (r: number) => JSON.stringify(task.values[r]?.slice(0, right + 1));
    const colourBefore = new Map<string, string | undefined>();
    for (let r = top; r <= bottom; r++)
      for (let c = 0; c <= right; c++)
        colourBefore.set(
          `${rowOf(r)}#${c}`,
          fake.workbook.highlightAt(SAMPLE_SHEET, `${letter(c)}${r + 1}`)?.fill,
        );
    expect(
      plan.marks.every(
        (m) => colourBefore.get(`${rowOf(m.row)}#${m.column}`) === `#${settings.colors[m.kind].fill}`,
      ),
    ).toBe(true);

    // Sort by unit, then deadline, as a clerk does: whole rows move (values and formats together).
    const rows = task.values.slice(top, bottom + 1).map((cells) => [...(cells ?? [])]);
    rows.sort((x, y) => String(x[4]).localeCompare(String(y[4])) || Number(x[8]) - Number(y[8]));
    rows.forEach((cells, i) => (task.values[top + i] = cells));
    let coloured = 0;
    for (let r = top; r <= bottom; r++)
      for (let c = 0; c <= right; c++) {
        const now = fake.workbook.highlightAt(SAMPLE_SHEET, `${letter(c)}${r + 1}`)?.fill;
        expect(now).toBe(colourBefore.get(`${rowOf(r)}#${c}`));
        if (now) coloured++;
      }
    expect(coloured).toBe(plan.marks.length);
    // A new row inserted in the middle carries no colour; a fixed cell loses its own.
    task.values.splice(
      top + 5,
      0,
      task.values[top + 5]!.map((v, c) => (c === 2 ? "新任务" : v)),
    );
    for (let c = 0; c <= right; c++)
      expect(fake.workbook.highlightAt(SAMPLE_SHEET, `${letter(c)}${top + 6}`)).toBeUndefined();
  });
});
