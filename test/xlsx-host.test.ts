// The xlsx host's reading side against workbooks written by ExcelJS and LibreOffice, and against bad input;
// and the history (考核记录) that two checks written with --out leave.

import { createHash } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { stream, Workbook, type CellValue as ExcelCellValue, type Worksheet } from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";
import { buildSampleWorkbook, SAMPLE_REFERENCE_AS_OF } from "../scripts/sample-workbook";
import { main } from "../src/cli/main";
import { checkWorkbook } from "../src/core/check";
import { dayFromYmd, formatDay } from "../src/core/day";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import {
  parseRange,
  type CellValue,
  type DateCell,
  type SheetGrid,
  type WorkbookModel,
} from "../src/core/workbook";
import {
  DEFAULT_LIMITS,
  describeInputProblem,
  inspectPackage,
  readWorkbookBytes,
  readWorkbookFile,
  WorkbookInputError,
  type InputProblem,
  type ReadLimits,
} from "../src/hosts/xlsx";
import { workbookModelFromExcelJs } from "./helpers/exceljs-model";
import { countingCodec } from "./helpers/counting-codec";
import { problemOf } from "./helpers/thrown";
import { centralEntries, dataOffset, declareSize, zipEntries } from "./helpers/zip-entries";
import { convertWithLibreOffice, testWithLibreOffice } from "./helpers/libreoffice";

const TMP = join(__dirname, ".tmp", `xlsx-host-${process.pid}`);
const MB = 1024 * 1024;

beforeAll(() => mkdirSync(TMP, { recursive: true }));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

function day(year: number, month: number, dayOfMonth: number): DateCell {
  const value = dayFromYmd(year, month, dayOfMonth);
  if (value === undefined) throw new Error(`no such day ${year}-${month}-${dayOfMonth}`);
  return { day: value };
}

function utc(year: number, month: number, dayOfMonth: number, hours = 0, minutes = 0): Date {
  return new Date(Date.UTC(year, month - 1, dayOfMonth, hours, minutes));
}

async function bytesOf(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function sheet(model: WorkbookModel, name: string): SheetGrid {
  const found = model.sheets.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no sheet ${name} in ${model.sheets.map((s) => s.name).join(", ")}`);
  return found;
}

/** The value at an A1-style address, as the engine would see it. */
function at(grid: SheetGrid, address: string): CellValue {
  const range = parseRange(address);
  if (!range) throw new Error(`bad address ${address}`);
  return grid.rows[range.top]?.[range.left] ?? null;
}

// ---------------------------------------------------------------------------------------------------------
// Fixtures written by ExcelJS

/** Sets a cell; shared formulas' `shareType` and `ref` are missing from ExcelJS's typings, hence the wider type. */
function set(
  ws: Worksheet,
  address: string,
  value: ExcelCellValue | Record<string, unknown>,
  numFmt?: string,
): void {
  const cell = ws.getCell(address);
  cell.value = value as ExcelCellValue;
  if (numFmt) cell.numFmt = numFmt;
}

/** A task table with every kind of value a clerk's workbook holds, in either date system. */
function tasksWorkbook(date1904: boolean): Workbook {
  const workbook = new Workbook();
  workbook.properties.date1904 = date1904;
  const notes = workbook.addWorksheet("说明");
  const tasks = workbook.addWorksheet("任务表");
  workbook.addWorksheet("隐藏", { state: "hidden" }).getCell("A1").value = "单位名单";
  workbook.addWorksheet("深藏", { state: "veryHidden" }).getCell("A1").value = "x";
  // The task sheet was added second but is the first tab: its sheet id and its place differ.
  (tasks as Worksheet & { orderNo: number }).orderNo = 0; // not in ExcelJS's typings
  notes.getCell("A1").value = "填表说明";

  set(tasks, "A1", "2026年重点工作任务表");
  tasks.mergeCells("A1:F1");
  ["序号", "工作任务", "责任单位", "完成时限", "完成情况", "备注"].forEach((header, i) => {
    tasks.getRow(2).getCell(i + 1).value = header;
  });

  set(tasks, "A3", 1);
  set(tasks, "B3", { richText: [{ text: "重点" }, { text: "工作", font: { bold: true } }] });
  set(tasks, "C3", "  综采一队 ");
  set(tasks, "D3", utc(2026, 11, 5), "yyyy-mm-dd");
  set(tasks, "E3", true);
  set(tasks, "F3", { text: "佐证材料", hyperlink: "https://example.com/evidence" });

  set(tasks, "A4", 2.5);
  set(tasks, "B4", "安全检查");
  set(tasks, "C4", "综采二队");
  tasks.mergeCells("C4:C6");
  // Upper-case year and day letters are valid in Excel; ExcelJS does not see a date in them.
  set(tasks, "D4", 46331, 'YYYY"年"');
  set(tasks, "E4", false);
  set(tasks, "F4", { error: "#N/A" });

  set(tasks, "A5", { formula: "A3+1", result: 2 });
  set(tasks, "B5", -3);
  set(tasks, "D5", { formula: "D3+1", result: utc(2026, 11, 6) }, 'yyyy"年"m"月"d"日"');
  set(tasks, "E5", { formula: '"完"&"成"', result: "完成" });
  set(tasks, "F5", { formula: "A1" });

  set(tasks, "A6", { formula: "A3*2", result: 2, shareType: "shared", ref: "A6:A7" });
  set(tasks, "B6", 0.5, "h:mm");
  set(tasks, "D6", utc(2026, 11, 5, 15, 30), "yyyy-mm-dd hh:mm");
  set(tasks, "E6", 36.5, "[h]:mm");
  set(tasks, "F6", 46331, '[$-804]DD"日"');

  set(tasks, "A7", { sharedFormula: "A6", result: 5 });
  set(tasks, "B7", 1, "yyyy-mm-dd");
  set(tasks, "C7", 60, "yyyy-mm-dd");
  set(tasks, "D7", 61, "yyyy-mm-dd");
  set(tasks, "E7", "2026-11-05");
  set(tasks, "F7", { formula: "1/0", result: { error: "#DIV/0!" } });

  // Falsy results, which ExcelJS's `cell.value` drops.
  set(tasks, "A8", { formula: "A3-1", result: 0 });
  set(tasks, "B8", { formula: "A3>1", result: false });
  set(tasks, "C8", { formula: 'IF(A3>1,"x","")', result: "" });

  set(tasks, "A9", "合计");
  // A styled cell with nothing in it is no value.
  tasks.getCell("H9").numFmt = "0.00";
  return workbook;
}

/** What the engine must see in 任务表, in both date systems. */
function expectedTasks(date1904: boolean): Record<string, CellValue> {
  return {
    A1: "2026年重点工作任务表",
    B1: null,
    F1: null,
    A2: "序号",
    F2: "备注",
    A3: 1,
    B3: "重点工作",
    C3: "  综采一队 ",
    D3: day(2026, 11, 5),
    E3: true,
    F3: "佐证材料",
    A4: 2.5,
    B4: "安全检查",
    C4: "综采二队",
    C5: null,
    C6: null,
    D4: date1904 ? day(2030, 11, 6) : day(2026, 11, 5),
    E4: false,
    F4: "#N/A",
    A5: 2,
    B5: -3,
    D5: day(2026, 11, 6),
    E5: "完成",
    F5: null,
    A6: 2,
    B6: 0.5,
    D6: day(2026, 11, 5),
    E6: 36.5,
    F6: date1904 ? day(2030, 11, 6) : day(2026, 11, 5),
    A7: 5,
    // Serial 1 is 1900-01-01 (ExcelJS says 1899-12-31); 60 is the 1900 system's 29 February that never was.
    B7: date1904 ? day(1904, 1, 2) : day(1900, 1, 1),
    C7: date1904 ? day(1904, 3, 1) : 60,
    D7: date1904 ? day(1904, 3, 2) : day(1900, 3, 1),
    E7: "2026-11-05",
    F7: "#DIV/0!",
    A8: 0,
    B8: false,
    // An empty text result is stored as an empty <v/>: an empty cell, like a blank one.
    C8: null,
    A9: "合计",
    H9: null,
  };
}

function expectTasks(model: WorkbookModel, date1904: boolean, changes: Record<string, CellValue> = {}): void {
  expect(model.sheets.map((s) => [s.name, s.hidden])).toEqual([
    ["任务表", false],
    ["说明", false],
    ["隐藏", true],
    ["深藏", true],
  ]);
  const grid = sheet(model, "任务表");
  const expected = { ...expectedTasks(date1904), ...changes };
  const actual = Object.fromEntries(Object.keys(expected).map((a) => [a, at(grid, a)]));
  expect(actual).toEqual(expected);
  expect(grid.rows[8]).toEqual(["合计"]); // the styled empty H9 does not widen the row
  expect([...grid.merges].sort((a, b) => a.top - b.top)).toEqual([
    { top: 0, left: 0, bottom: 0, right: 5 },
    { top: 3, left: 2, bottom: 5, right: 2 },
  ]);
}

function zip(files: Record<string, string | Uint8Array>, storeFirst = false): Uint8Array {
  const input: Zippable = {};
  for (const [name, content] of Object.entries(files)) {
    const data = typeof content === "string" ? strToU8(content) : content;
    input[name] = storeFirst && Object.keys(input).length === 0 ? [data, { level: 0 }] : data;
  }
  return zipSync(input);
}

/**
 * A well-formed OLE compound file with empty streams of the given names: the container of old .xls files and
 * of password-encrypted .xlsx files. One FAT sector (0) and one directory sector (1), 512-byte sectors.
 */
function compoundFile(streams: readonly string[]): Uint8Array {
  const entries = [{ name: "Root Entry", type: 5 }, ...streams.map((name) => ({ name, type: 2 }))];
  if (entries.length > 4) throw new Error("one directory sector holds four entries");
  const bytes = new Uint8Array(512 * 3);
  const view = new DataView(bytes.buffer);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  view.setUint16(24, 0x003e, true); // minor version
  view.setUint16(26, 0x0003, true); // major version 3: 512-byte sectors
  view.setUint16(28, 0xfffe, true); // little-endian
  view.setUint16(30, 9, true); // sector shift
  view.setUint16(32, 6, true); // mini sector shift
  view.setUint32(44, 1, true); // one FAT sector
  view.setUint32(48, 1, true); // directory starts at sector 1
  view.setUint32(56, 0x1000, true); // mini stream cutoff
  view.setUint32(60, 0xfffffffe, true); // no mini FAT
  view.setUint32(68, 0xfffffffe, true); // no DIFAT sectors
  view.setUint32(76, 0, true); // DIFAT[0]: the FAT is sector 0
  for (let i = 1; i < 109; i++) view.setUint32(76 + i * 4, 0xffffffff, true);
  const fat = 512;
  view.setUint32(fat, 0xfffffffd, true); // sector 0 is the FAT
  view.setUint32(fat + 4, 0xfffffffe, true); // sector 1, the directory, ends its chain
  for (let i = 2; i < 128; i++) view.setUint32(fat + i * 4, 0xffffffff, true);
  entries.forEach((entry, i) => {
    const p = 1024 + i * 128;
    for (let c = 0; c < entry.name.length; c++) view.setUint16(p + c * 2, entry.name.charCodeAt(c), true);
    view.setUint16(p + 64, (entry.name.length + 1) * 2, true);
    bytes[p + 66] = entry.type;
    bytes[p + 67] = 1; // black
    view.setUint32(p + 68, 0xffffffff, true); // left sibling
    // Streams hang off the root as a chain of right siblings, which is a valid (if unbalanced) tree.
    view.setUint32(p + 72, i > 0 && i < entries.length - 1 ? i + 1 : 0xffffffff, true);
    view.setUint32(p + 76, i === 0 && entries.length > 1 ? 1 : 0xffffffff, true); // child
    view.setUint32(p + 116, 0xfffffffe, true); // start sector: none
  });
  for (let i = entries.length; i < 4; i++) {
    const p = 1024 + i * 128;
    view.setUint32(p + 68, 0xffffffff, true);
    view.setUint32(p + 72, 0xffffffff, true);
    view.setUint32(p + 76, 0xffffffff, true);
  }
  return bytes;
}

/** The zip's entries with one of them stored again under `as` at the end (zipSync keeps one entry per name). */
function withEntryAgain(bytes: Uint8Array, name: string, as: string): Uint8Array {
  const files = unzipSync(bytes);
  return zipEntries([...Object.entries(files), [as, files[name]!]]);
}

function expectDescribed(error: WorkbookInputError, fileName: string): void {
  for (const [locale, separator] of [
    ["zh-CN", "："],
    ["en-US", ": "],
  ] as const) {
    const line = describeInputProblem(error, locale);
    expect(line.startsWith(`${fileName}${separator}`)).toBe(true);
    expect(line).not.toMatch(/\n|undefined|NaN|\?\s*MB/);
    expect(line.length).toBeGreaterThan(fileName.length + 20);
  }
}

// ---------------------------------------------------------------------------------------------------------

describe("reading workbooks written by ExcelJS", () => {
  test.each([false, true])(
    "values, dates, formulas, merges, hidden sheets and tab order (date1904 %s)",
    async (date1904) => {
      const bytes = await bytesOf(tasksWorkbook(date1904));
      const model = await readWorkbookBytes(bytes, "tasks.xlsx");
      expect(model.fileName).toBe("tasks.xlsx");
      expectTasks(model, date1904);
    },
  );

  test("ExcelJS writes 1904 serials, so the fixture really is in the 1904 system", async () => {
    const files = unzipSync(await bytesOf(tasksWorkbook(true)));
    expect(strFromU8(files["xl/workbook.xml"] ?? new Uint8Array())).toMatch(/<workbookPr[^>]*date1904="1"/);
    const sheets = Object.keys(files).filter((name) => name.startsWith("xl/worksheets/sheet"));
    const xml = sheets.map((name) => strFromU8(files[name] ?? new Uint8Array())).join("");
    // 2026-11-05 is 46331 in the 1900 system and 46331 - 1462 in the 1904 system.
    expect(xml).toMatch(/<c r="D3"[^>]*><v>44869<\/v>/);
  });

  test('date1904="true", as LibreOffice writes it, is the 1904 system too (ExcelJS reads only "1")', async () => {
    const files = unzipSync(await bytesOf(tasksWorkbook(true)));
    const workbookXml = strFromU8(files["xl/workbook.xml"] ?? new Uint8Array());
    files["xl/workbook.xml"] = strToU8(workbookXml.replace('date1904="1"', 'date1904="true"'));
    const model = await readWorkbookBytes(zipSync(files), "tasks.xlsx");
    expectTasks(model, true);
  });

  test("built-in Chinese date formats (ids 27-31, 36, 50-58) are dates; their time formats are numbers", async () => {
    const dateIds = [14, 27, 28, 29, 30, 31, 36, 50, 51, 52, 53, 54, 57, 58];
    const timeIds = [32, 33, 34, 35, 55, 56];
    const workbook = new Workbook();
    const ws = workbook.addWorksheet("格式");
    [...dateIds, ...timeIds].forEach((id, i) => {
      const cell = ws.getRow(1).getCell(i + 1);
      cell.value = dateIds.includes(id) ? 46331 : 0.75;
      // A placeholder format per id, swapped for the built-in id below, as Excel in Chinese writes them.
      cell.numFmt = `"id${id}"0`;
    });
    const files = unzipSync(await bytesOf(workbook));
    let styles = strFromU8(files["xl/styles.xml"] ?? new Uint8Array());
    const builtIn = new Map<string, string>();
    styles = styles.replace(
      /<numFmt numFmtId="(\d+)" formatCode="&quot;id(\d+)&quot;0"\/>/g,
      (_, custom, id) => {
        builtIn.set(String(custom), String(id));
        return "";
      },
    );
    expect(builtIn.size).toBe(dateIds.length + timeIds.length);
    styles = styles
      .replace(/numFmtId="(\d+)"/g, (match, id) =>
        builtIn.has(String(id)) ? `numFmtId="${builtIn.get(String(id))}"` : match,
      )
      .replace(/<numFmts count="\d+">\s*<\/numFmts>/, "");
    files["xl/styles.xml"] = strToU8(styles);

    const model = await readWorkbookBytes(zipSync(files), "formats.xlsx");
    const row = sheet(model, "格式").rows[0];
    expect(row).toEqual([...dateIds.map(() => day(2026, 11, 5)), ...timeIds.map(() => 0.75)]);
  });

  test("a 100,000 x 15 sheet converts whole", async () => {
    const path = join(TMP, "large.xlsx");
    const writer = new stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true });
    const ws = writer.addWorksheet("任务");
    for (let r = 0; r < 100_000; r++) {
      const row = ws.addRow(
        Array.from({ length: 15 }, (_, c) =>
          c % 3 === 0 ? `任务${r}-${c}` : c % 3 === 1 ? r * c : utc(2026, 1, 1 + (r % 365)),
        ),
      );
      for (let c = 3; c <= 15; c += 3) row.getCell(c).numFmt = "yyyy-mm-dd";
      row.commit();
    }
    ws.commit();
    await writer.commit();

    const loaded = new Workbook();
    await loaded.xlsx.readFile(path);
    // Its speed is measured by `npm run bench`; a test asserts no wall-clock time.
    const model = workbookModelFromExcelJs(loaded, "large.xlsx");
    const grid = sheet(model, "任务");
    expect(grid.rows).toHaveLength(100_000);
    const first = day(2026, 1, 1).day;
    expect(grid.rows[99_999]?.slice(0, 3)).toEqual(["任务99999-0", 99_999, { day: first + (99_999 % 365) }]);
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------------------

describe("bad input is refused with a reason, before inflating anything", () => {
  let small: Uint8Array;
  beforeAll(async () => {
    const workbook = new Workbook();
    workbook.addWorksheet("任务表").getCell("A1").value = "工作任务";
    workbook.addWorksheet("Sheet2").getCell("A1").value = "x".repeat(2000);
    small = await bytesOf(workbook);
  });

  const workbookXml = '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>';
  const cases: Array<{
    name: string;
    file: string;
    bytes: () => Uint8Array;
    problem: InputProblem;
    values?: Record<string, string | number>;
  }> = [
    { name: "an empty file", file: "empty.xlsx", bytes: () => new Uint8Array(0), problem: "empty" },
    {
      name: "a CSV renamed .xlsx",
      file: "tasks.xlsx",
      bytes: () => strToU8("序号,工作任务,责任单位,完成时限\n1,安全检查,综采一队,2026-11-05\n"),
      problem: "not-a-workbook",
      values: { kind: "csv" },
    },
    {
      name: "a GBK CSV (not UTF-8) renamed .xlsx",
      file: "tasks.xlsx",
      bytes: () =>
        new Uint8Array([0xd0, 0xf2, 0xba, 0xc5, 0x2c, 0xc8, 0xce, 0xce, 0xf1, 0x0d, 0x0a, 0x31, 0x2c, 0x41]),
      problem: "not-a-workbook",
      values: { kind: "csv" },
    },
    {
      name: "plain text",
      file: "notes.xlsx",
      bytes: () => strToU8("本周重点工作\n安全检查\n"),
      problem: "not-a-workbook",
      values: { kind: "text" },
    },
    {
      name: "a web page saved as .xls",
      file: "export.xls",
      bytes: () =>
        strToU8(
          '<html><head><meta charset="utf-8"></head><body><table><tr><td>1</td></tr></table></body></html>',
        ),
      problem: "not-a-workbook",
      values: { kind: "html" },
    },
    {
      name: "a PDF",
      file: "tasks.xlsx",
      bytes: () => strToU8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n"),
      problem: "not-a-workbook",
      values: { kind: "pdf" },
    },
    {
      name: "binary junk",
      file: "tasks.xlsx",
      bytes: () => new Uint8Array([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10]),
      problem: "not-a-workbook",
      values: { kind: "unknown" },
    },
    {
      name: "a truncated copy of a real workbook",
      file: "tasks.xlsx",
      bytes: () => small.subarray(0, Math.floor(small.length * 0.6)),
      problem: "damaged",
      values: { reason: "truncated" },
    },
    {
      name: "a workbook whose central directory points nowhere",
      file: "tasks.xlsx",
      bytes: () => {
        const copy = small.slice();
        const end = copy.length - 22;
        new DataView(copy.buffer).setUint32(end + 16, 7, true);
        return copy;
      },
      problem: "damaged",
    },
    {
      name: "an encrypted .xlsx (compound file with EncryptedPackage)",
      file: "secret.xlsx",
      bytes: () => compoundFile(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]),
      problem: "encrypted",
      values: { kind: "ooxml" },
    },
    {
      name: "a legacy .xls (compound file with a Workbook stream)",
      file: "old.xlsx",
      bytes: () => compoundFile(["Workbook", "\u0005SummaryInformation"]),
      problem: "legacy-xls",
    },
    {
      name: "a legacy Word .doc",
      file: "report.xlsx",
      bytes: () => compoundFile(["WordDocument", "1Table"]),
      problem: "not-a-workbook",
      values: { kind: "document" },
    },
    {
      name: "a .docx",
      file: "report.xlsx",
      bytes: () => zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
      problem: "not-a-workbook",
      values: { kind: "document" },
    },
    {
      name: "an .ods",
      file: "tasks.ods",
      bytes: () =>
        zip(
          {
            mimetype: "application/vnd.oasis.opendocument.spreadsheet",
            "content.xml": "<office:document-content/>",
          },
          true,
        ),
      problem: "opendocument",
    },
    {
      name: "an .odt",
      file: "tasks.xlsx",
      bytes: () =>
        zip(
          {
            mimetype: "application/vnd.oasis.opendocument.text",
            "content.xml": "<office:document-content/>",
          },
          true,
        ),
      problem: "not-a-workbook",
      values: { kind: "document" },
    },
    {
      name: "an .xlsb",
      file: "tasks.xlsb",
      bytes: () => zip({ "[Content_Types].xml": "<Types/>", "xl/workbook.bin": new Uint8Array(64) }),
      problem: "not-a-workbook",
      values: { kind: "xlsb" },
    },
    {
      name: "some other zip",
      file: "photos.xlsx",
      bytes: () => zip({ "a.jpg": new Uint8Array(100) }),
      problem: "not-a-workbook",
      values: { kind: "zip" },
    },
    {
      name: "a zip with its entries encrypted",
      file: "tasks.xlsx",
      bytes: () => {
        const copy = small.slice();
        const view = new DataView(copy.buffer);
        for (const entry of centralEntries(copy))
          view.setUint16(entry.at + 8, view.getUint16(entry.at + 8, true) | 1, true);
        return copy;
      },
      problem: "encrypted",
      values: { kind: "zip" },
    },
    {
      name: "a sheet stored twice, the second in another case (which one a program shows, it chooses)",
      file: "twice.xlsx",
      bytes: () => withEntryAgain(small, "xl/worksheets/sheet1.xml", "xl/worksheets/Sheet1.xml"),
      problem: "damaged",
      values: { reason: "duplicate", entry: "xl/worksheets/Sheet1.xml" },
    },
    {
      name: "a part that declares 812 MB (a zip bomb's ratio)",
      file: "bomb.xlsx",
      bytes: () => declareSize(small, "xl/worksheets/sheet2.xml", 812 * MB),
      problem: "too-large",
      values: { what: "ratio", entry: "xl/worksheets/sheet2.xml", sizeBytes: 812 * MB },
    },
    {
      name: "parts that add up past the limit",
      file: "big.xlsx",
      bytes: () =>
        ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/sharedStrings.xml"].reduce(
          (bytes, name) => declareSize(bytes, name, 45 * MB),
          small,
        ),
      problem: "too-large",
      values: { what: "contents", limitBytes: DEFAULT_LIMITS.maxUncompressedBytes },
    },
    {
      name: "a real highly compressible 60 MB part",
      file: "zeros.xlsx",
      bytes: () =>
        zip({ "xl/workbook.xml": workbookXml, "xl/worksheets/sheet1.xml": new Uint8Array(60 * MB) }),
      problem: "too-large",
      values: { what: "ratio", sizeBytes: 60 * MB },
    },
  ];

  test.each(cases)("$name: $problem", async ({ file, bytes, problem, values }) => {
    const data = bytes();
    const error = await problemOf(readWorkbookBytes(data, file));
    expect(error.problem).toBe(problem);
    expect(error.fileName).toBe(file);
    if (values) expect(error.values).toMatchObject(values);
    expectDescribed(error, file);
    // What bounds the time of a refusal: nothing was inflated, and inspectPackage alone already says so.
    const { codec, work } = countingCodec();
    const counted = await problemOf(
      readWorkbookBytes(data, file, { measureInflated: codec.measureInflated }),
    );
    expect(counted.problem).toBe(problem);
    expect(work).toMatchObject({ inflatedParts: 0, inflatedBytes: 0 });
    expect(() => inspectPackage(data, file)).toThrow(expect.objectContaining({ problem }));
  });

  test("declared sizes are checked before anything is inflated: garbage that declares 500 MB is 'too large'", async () => {
    // Inflating this part would fail (its data is garbage) and report 'damaged'; the size alone refuses it.
    const bytes = declareSize(small, "xl/worksheets/sheet2.xml", 500 * MB);
    const entry = centralEntries(bytes).find((candidate) => candidate.name === "xl/worksheets/sheet2.xml");
    if (!entry) throw new Error("no sheet2");
    bytes.fill(0xff, dataOffset(bytes, entry), dataOffset(bytes, entry) + 40);
    const { codec, work } = countingCodec();
    const error = await problemOf(
      readWorkbookBytes(bytes, "odd.xlsx", { measureInflated: codec.measureInflated }),
    );
    expect(error.problem).toBe("too-large");
    expect(work.inflatedParts).toBe(0);
  });

  test("a part that inflates to more than it declares is damaged, found before ExcelJS sees it", async () => {
    const bytes = declareSize(
      zip({ "xl/workbook.xml": workbookXml, "xl/worksheets/sheet1.xml": new Uint8Array(8 * MB) }),
      "xl/worksheets/sheet1.xml",
      10_000,
    );
    expect(() => inspectPackage(bytes, "liar.xlsx")).not.toThrow();
    const error = await problemOf(readWorkbookBytes(bytes, "liar.xlsx"));
    expect(error.problem).toBe("damaged");
    expect(error.values).toMatchObject({ reason: "size-mismatch", entry: "xl/worksheets/sheet1.xml" });
    // Node's probe stops one byte past what the part declares: the 8 MB it holds are never inflated.
    const { codec, work } = countingCodec();
    const counted = await problemOf(
      readWorkbookBytes(bytes, "liar.xlsx", { measureInflated: codec.measureInflated }),
    );
    expect(counted.values).toMatchObject({ reason: "size-mismatch", entry: "xl/worksheets/sheet1.xml" });
    expect(work.inflatedParts).toBeGreaterThan(0);
    expect(work.inflatedBytes).toBeLessThanOrEqual(10_001 + strToU8(workbookXml).length);
    // From a path, Node's zlib does the measuring: it must catch the same lie.
    mkdirSync(TMP, { recursive: true });
    const path = join(TMP, "liar.xlsx");
    writeFileSync(path, bytes);
    const fromFile = await problemOf(readWorkbookFile(path));
    expect(fromFile.problem).toBe("damaged");
    expect(fromFile.values).toMatchObject({ reason: "size-mismatch", entry: "xl/worksheets/sheet1.xml" });
  });

  test("a part that inflates to less than it declares is damaged too, from bytes and from a path", async () => {
    const bytes = declareSize(
      zip({ "xl/workbook.xml": workbookXml, "xl/worksheets/sheet1.xml": new Uint8Array(1000) }),
      "xl/worksheets/sheet1.xml",
      5000,
    );
    mkdirSync(TMP, { recursive: true });
    const path = join(TMP, "short.xlsx");
    writeFileSync(path, bytes);
    for (const error of [
      await problemOf(readWorkbookBytes(bytes, "short.xlsx")),
      await problemOf(readWorkbookFile(path)),
    ]) {
      expect(error.problem).toBe("damaged");
      expect(error.values).toMatchObject({ reason: "size-mismatch" });
    }
  });

  test("a part whose compressed data is damaged", async () => {
    const copy = small.slice();
    const entry = centralEntries(copy).find((candidate) => candidate.name === "xl/worksheets/sheet2.xml");
    if (!entry) throw new Error("no sheet2");
    const data = dataOffset(copy, entry);
    copy.fill(0xff, data + 2, data + 40);
    const error = await problemOf(readWorkbookBytes(copy, "tasks.xlsx"));
    expect(error.problem).toBe("damaged");
    expectDescribed(error, "tasks.xlsx");
  });

  test("limits can be lowered", async () => {
    const limits: ReadLimits = { maxUncompressedBytes: 1000 };
    const error = await problemOf(readWorkbookBytes(small, "tasks.xlsx", limits));
    expect(error.values).toMatchObject({ what: "contents", limitBytes: 1000 });
  });

  test("a part stored twice is named, in both languages, with what to do", () => {
    const error = new WorkbookInputError("damaged", "twice.xlsx", {
      reason: "duplicate",
      entry: "xl/worksheets/Sheet1.xml",
    });
    expect(describeInputProblem(error, "zh-CN")).toMatch(
      /^twice\.xlsx：其中有两个同名的部件 xl\/worksheets\/Sheet1\.xml.*另存为/,
    );
    expect(describeInputProblem(error, "en-US")).toMatch(
      /^twice\.xlsx: it holds two parts named xl\/worksheets\/Sheet1\.xml.*Save As/,
    );
  });

  test("the messages for the examples in the brief", () => {
    expect(describeInputProblem(new WorkbookInputError("legacy-xls", "tasks.xlsx"), "zh-CN")).toBe(
      "tasks.xlsx：这是旧版 .xls 格式，Duban 只读 .xlsx。请在 Excel 或 WPS 中“另存为” Excel 工作簿 (.xlsx) 后再检查。",
    );
    expect(describeInputProblem(new WorkbookInputError("legacy-xls", "tasks.xlsx"), "en-US")).toBe(
      "tasks.xlsx: this is an old .xls workbook; Duban reads .xlsx only. Open it in Excel or WPS and use Save As > Excel Workbook (.xlsx), then check the copy.",
    );
    const tooLarge = new WorkbookInputError("too-large", "tasks.xlsx", {
      what: "contents",
      sizeBytes: 812 * MB,
      limitBytes: 120 * MB,
    });
    expect(describeInputProblem(tooLarge, "en-US")).toMatch(
      /^tasks\.xlsx: the workbook declares 812 MB of contents, more than the 120 MB Duban reads\. /,
    );
    expect(describeInputProblem(tooLarge, "zh-CN")).toMatch(
      /^tasks\.xlsx：工作簿解压后有 812 MB，超过 Duban 能读取的 120 MB。/,
    );
  });

  test("sizes near the limit keep a decimal so they do not read as equal", () => {
    const error = new WorkbookInputError("too-large", "t.xlsx", {
      what: "contents",
      sizeBytes: 120.3 * MB,
      limitBytes: 120 * MB,
    });
    expect(describeInputProblem(error, "en-US")).toContain(
      "declares 120.3 MB of contents, more than the 120 MB",
    );
  });
});

// ---------------------------------------------------------------------------------------------------------

describe("reading from a path", () => {
  function fingerprint(path: string): { sha: string; mtimeMs: number; size: number } {
    const stat = statSync(path);
    return {
      sha: createHash("sha256").update(readFileSync(path)).digest("hex"),
      mtimeMs: stat.mtimeMs,
      size: stat.size,
    };
  }

  test.each([
    ["a good workbook", async (): Promise<Uint8Array> => bytesOf(tasksWorkbook(false)), true],
    [
      "a damaged workbook",
      async (): Promise<Uint8Array> => (await bytesOf(tasksWorkbook(false))).subarray(0, 5000),
      false,
    ],
  ])("%s is left exactly as it was (bytes and mtime)", async (_, make, good) => {
    const path = join(TMP, `untouched-${good ? "good" : "bad"}.xlsx`);
    writeFileSync(path, await make());
    const past = new Date("2020-01-02T03:04:05Z");
    utimesSync(path, past, past);
    const before = fingerprint(path);
    if (good) {
      const model = await readWorkbookFile(path);
      expect(model.fileName).toBe(`untouched-good.xlsx`);
      expectTasks(model, false);
    } else {
      expect((await problemOf(readWorkbookFile(path))).problem).toBe("damaged");
    }
    expect(fingerprint(path)).toEqual(before);
  });

  test("problems name the path as given", async () => {
    const path = join(TMP, "old-format.xls");
    writeFileSync(path, compoundFile(["Workbook"]));
    const error = await problemOf(readWorkbookFile(path));
    expect(error.problem).toBe("legacy-xls");
    expect(describeInputProblem(error, "en-US").startsWith(`${path}: `)).toBe(true);
  });

  test.each([
    ["a missing file", () => join(TMP, "missing.xlsx"), "not-found", {}],
    ["a path through a file", () => join(__filename, "x.xlsx"), "not-found", {}],
    ["a directory", () => TMP, "unreadable", { reason: "directory" }],
  ] as const)("%s", async (_, path, problem, values) => {
    const error = await problemOf(readWorkbookFile(path()));
    expect(error.problem).toBe(problem);
    expect(error.values).toMatchObject(values);
    expectDescribed(error, path());
  });

  // Root reads anything, so the permission case can only be seen as an ordinary user.
  const asRoot = process.getuid?.() === 0;
  (asRoot ? test.skip : test)("a file without read permission", async () => {
    const path = join(TMP, "locked.xlsx");
    writeFileSync(path, await bytesOf(tasksWorkbook(false)));
    chmodSync(path, 0o000);
    try {
      const error = await problemOf(readWorkbookFile(path));
      expect(error.problem).toBe("unreadable");
      expect(error.values).toMatchObject({ reason: "permission" });
      expectDescribed(error, path);
    } finally {
      chmodSync(path, 0o644);
    }
  });

  test("a file larger than the limit is refused before it is read", async () => {
    const path = join(TMP, "large-file.xlsx");
    writeFileSync(path, await bytesOf(tasksWorkbook(false)));
    const error = await problemOf(readWorkbookFile(path, { maxUncompressedBytes: 1000 }));
    expect(error.problem).toBe("too-large");
    expect(error.values).toMatchObject({ what: "file", limitBytes: 1000 });
    expectDescribed(error, path);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe("LibreOffice", () => {
  /** LibreOffice computes a formula that was saved without its result: F5 is =A1. */
  const RECALCULATED = { F5: "2026年重点工作任务表" };

  async function throughLibreOffice(
    soffice: string,
    bytes: Uint8Array,
    name: string,
    format: string,
  ): Promise<string> {
    const dir = join(TMP, `lo-${name}-${format.replace(/\W/g, "")}`);
    mkdirSync(join(dir, "out"), { recursive: true });
    const input = join(dir, `${name}.xlsx`);
    writeFileSync(input, bytes);
    return convertWithLibreOffice(soffice, input, format, join(dir, "out"));
  }

  testWithLibreOffice(
    "a workbook re-saved by LibreOffice reads back with the same values and dates",
    async (soffice) => {
      const original = await bytesOf(tasksWorkbook(false));
      const resaved = await throughLibreOffice(soffice, original, "tasks1900", "xlsx");
      const model = await readWorkbookFile(resaved);
      expectTasks(model, false, RECALCULATED);
      // Beyond the cells named there, the whole model is the same, down to merges and trailing empties.
      const before = await readWorkbookBytes(original, "tasks1900.xlsx");
      // F5's formula had no value before LibreOffice calculated it; the reader said so.
      expect(before.sheets.find((grid) => grid.name === "任务表")!.formulasWithoutValues).toEqual({
        count: 1,
        first: [{ row: 4, column: 5 }],
      });
      const recalculated = before.sheets.map((grid) => {
        if (grid.name !== "任务表") return grid;
        // toEqual takes a property set to undefined for one left out.
        return {
          ...grid,
          formulasWithoutValues: undefined,
          rows: grid.rows.map((row, r) => (r === 4 ? [...(row ?? []), RECALCULATED.F5] : row)),
        };
      });
      expect(model).toEqual({ ...before, sheets: recalculated });
    },
  );

  testWithLibreOffice(
    'LibreOffice keeps the 1904 date system (as date1904="true") and the dates survive',
    async (soffice) => {
      const resaved = await throughLibreOffice(
        soffice,
        await bytesOf(tasksWorkbook(true)),
        "tasks1904",
        "xlsx",
      );
      const workbookXml = strFromU8(unzipSync(readFileSync(resaved))["xl/workbook.xml"] ?? new Uint8Array());
      expect(workbookXml).toMatch(/<workbookPr[^>]*date1904="(true|1)"/);
      expectTasks(await readWorkbookFile(resaved), true, RECALCULATED);
    },
  );

  testWithLibreOffice("a real .xls and a real .ods from LibreOffice are recognised", async (soffice) => {
    const bytes = await bytesOf(tasksWorkbook(false));
    const xls = await throughLibreOffice(soffice, bytes, "legacy", "xls");
    const ods = await throughLibreOffice(soffice, bytes, "opendoc", "ods");
    expect((await problemOf(readWorkbookFile(xls))).problem).toBe("legacy-xls");
    expect((await problemOf(readWorkbookFile(ods))).problem).toBe("opendocument");
  });
});

describe("writing: the history of the checks", () => {
  test("two checks with --out on different days: 考核记录 has a column for each day and each unit's change since the first", async () => {
    const input = join(TMP, "history-sample.xlsx");
    await buildSampleWorkbook(SAMPLE_REFERENCE_AS_OF).xlsx.writeFile(input);
    const days = [SAMPLE_REFERENCE_AS_OF, SAMPLE_REFERENCE_AS_OF + 7] as const;
    const outputs = [join(TMP, "history-1.xlsx"), join(TMP, "history-2.xlsx")];
    const sink = { write: () => true };
    for (const [i, asOf] of days.entries())
      await main(["check", i === 0 ? input : outputs[0]!, "--as-of", formatDay(asOf), "--out", outputs[i]!], {
        stdout: sink,
        stderr: sink,
        today: () => SAMPLE_REFERENCE_AS_OF,
      });
    const [first, second] = await Promise.all(
      days.map(async (asOf) =>
        checkWorkbook(await readWorkbookFile(input), { asOf, settings: DEFAULT_SETTINGS }),
      ),
    );
    const history = sheet(await readWorkbookFile(outputs[1]!), "考核记录").rows;
    expect(history[2]).toEqual(["责任单位", "本期", ...days.map(formatDay), "得分变化", "名次变化"]);
    // Worked out here from the two checks' rankings: the unit, its line, its scores, the change in score and rank.
    const before = new Map(first!.ranking.map((e) => [e.unit, e]));
    const signed = (n: number, up: string, down: string) =>
      n > 0 ? `${up}${n}` : n < 0 ? `${down}${-n}` : "—";
    const signedScore = (n: number) => (n > 0 ? `+${n.toFixed(2)}` : n < 0 ? `−${(-n).toFixed(2)}` : "—");
    const expected = second!.ranking.map((entry) => {
      const was = before.get(entry.unit);
      const rank = was ? signed(was.rank - entry.rank, "↑", "↓") : "新";
      const score = was ? signedScore(Math.round((entry.score - was.score) * 100) / 100) : null;
      return [
        entry.unit,
        `${entry.score.toFixed(2)} ${rank}（第${entry.rank}名）`,
        was?.score ?? null,
        entry.score,
        score,
        rank,
      ];
    });
    expect(history.slice(3, 3 + expected.length).map((row) => row?.slice(0, 6))).toEqual(expected);
    expect(expected.some((row) => row[5] !== "—")).toBe(true);
  });
});
