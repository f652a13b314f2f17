// Notices made to be answered, as the xlsx host writes them: the sheet's protection, unlocked answer cells,
// validations and the very hidden record, parsed back by Duban, read by openpyxl, and saved again by LibreOffice.

import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { checkWorkbook } from "../src/core/check";
import { parseIsoDay } from "../src/core/day";
import { readNoticeRecord } from "../src/core/feedback/record";
import { NOTICE_RECORD_SHEET } from "../src/core/feedback/types";
import type { SheetSpec, Validation } from "../src/core/output/spec";
import { styleSheet } from "../src/core/output/styles";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import type { CellValue, WorkbookModel } from "../src/core/workbook";
import { noticeWorkbooks, OpcPackage, readPackage } from "../src/hosts/xlsx";
import { sheetXml, validationsXml } from "../src/hosts/xlsx/write/sheet";
import { addStyles } from "../src/hosts/xlsx/write/styles";
import { attributeOf, childNamed, childrenNamed, parseXml, type XmlElement } from "../src/hosts/xlsx/xml";
import { convertAllWithLibreOffice, testWithLibreOffice } from "./helpers/libreoffice";
import { testWithPython } from "./helpers/package-checks";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const asOf = parseIsoDay("2026-11-18")!;
const SHEET = "重点工作任务表";
const HEADER: CellValue[] = ["工作任务", "责任单位", "完成时限", "完成情况", "完成日期", "佐证材料", "备注"];
const master: WorkbookModel = {
  fileName: "master.xlsx",
  sheets: [
    {
      name: SHEET,
      rows: [
        ["2026年重点工作"],
        HEADER,
        ["安全检查", "甲", "2026-11-10", "已完成", { day: parseIsoDay("2026-11-09")! }, null, null],
        ["隐患排查", "甲", "2026-11-10", "进行中", null, "照片", "已整改一半"],
        ["=SUM(A1)", "甲", "2026-11-19", null, null, null, null],
        ["学习", "乙", "2026-12-30", "未开始", null, null, "<&>"],
      ],
      merges: [],
    },
  ],
};
const result = checkWorkbook(master, { asOf });
const files = noticeWorkbooks(result, { settings: DEFAULT_SETTINGS, locale: "zh-CN", workbook: master });
const work = mkdtempSync(path.join(tmpdir(), "duban-notices-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const partsOf = (bytes: Uint8Array) => new Map(Object.entries(unzipSync(bytes)));
const textOf = (parts: Map<string, Uint8Array>, name: string) => strFromU8(parts.get(name)!);
const elementsIn = (root: XmlElement) => root.children.filter((c) => c.uri === MAIN).map((c) => c.local);

/** CT_Worksheet's children in schema order (the ones a generated sheet can hold). */
const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetProtection",
  "autoFilter",
  "mergeCells",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
];

describe("a generated sheet's protection and validations, as SpreadsheetML", () => {
  const styles = styleSheet(DEFAULT_SETTINGS);
  const patch = addStyles(
    `<styleSheet xmlns="${MAIN}"><cellXfs count="1"><xf/></cellXfs></styleSheet>`,
    styles,
    {},
  );
  const base: SheetSpec = {
    kind: "notices",
    name: "督办单",
    columns: [10, 10],
    rows: [
      {
        cells: [
          { value: "任务", style: "header" },
          { value: "进行中", style: "input" },
        ],
      },
    ],
    merges: [{ top: 1, left: 0, bottom: 1, right: 1 }],
    freezeRows: 1,
    autoFilter: { top: 0, left: 0, bottom: 0, right: 1 },
    dataBars: [{ range: { top: 0, left: 1, bottom: 0, right: 1 }, color: "00FF00" }],
    print: { landscape: true },
  };
  const list: Validation = {
    range: { top: 1, left: 1, bottom: 9, right: 1 },
    kind: "list",
    values: ["未开始", "进行中", "已完成"],
    strict: false,
    prompt: { title: "完成情况", text: "请选择" },
    error: { title: "完成情况", text: "建议从列表中选择 <&>" },
  };
  const date: Validation = {
    range: { top: 1, left: 2, bottom: 9, right: 2 },
    kind: "date",
    min: parseIsoDay("2025-01-01")!,
    max: parseIsoDay("2027-12-31")!,
  };
  const written = (spec: SheetSpec, date1904 = false) =>
    parseXml(
      new TextDecoder().decode(sheetXml(spec, { xfIndex: patch.xfIndex as never, date1904 })),
      "sheet.xml",
      Infinity,
      true,
    ).root;

  test.each([
    ["plain", base, []],
    ["protected", { ...base, protect: true }, ["sheetProtection"]],
    ["validated", { ...base, validations: [list, date] }, ["dataValidations"]],
    ["both", { ...base, protect: true, validations: [list] }, ["sheetProtection", "dataValidations"]],
  ] as const)("%s: parses back, its elements in schema order", (_name, spec, added) => {
    const order = elementsIn(written(spec));
    expect(order.filter((local) => added.includes(local as never))).toEqual(added);
    const positions = order.map((local) => WORKSHEET_ORDER.indexOf(local));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  test("protected without a password; rows and columns may still be resized", () => {
    const protection = childNamed(written({ ...base, protect: true }), MAIN, "sheetProtection")!;
    expect(Object.fromEntries(protection.attributes.map((a) => [a.name, a.value]))).toEqual({
      sheet: "1",
      objects: "1",
      scenarios: "1",
      formatColumns: "0",
      formatRows: "0",
    });
  });

  test.each([
    [false, 45658, 46752],
    [true, 44196, 45290],
  ])("date1904 %s: the list as one quoted formula, the dates as serials %d to %d", (date1904, min, max) => {
    const root = written({ ...base, validations: [list, date] }, date1904);
    const container = childNamed(root, MAIN, "dataValidations")!;
    expect(attributeOf(container, "count")).toBe("2");
    const [first, second] = childrenNamed(container, MAIN, "dataValidation");
    const attrs = (e: XmlElement) => Object.fromEntries(e.attributes.map((a) => [a.name, a.value]));
    expect(attrs(first!)).toEqual({
      type: "list",
      errorStyle: "warning",
      allowBlank: "1",
      showInputMessage: "1",
      showErrorMessage: "1",
      errorTitle: "完成情况",
      error: "建议从列表中选择 <&>",
      promptTitle: "完成情况",
      prompt: "请选择",
      sqref: "B2:B10",
    });
    expect(childNamed(first!, MAIN, "formula1")!.text).toBe('"未开始,进行中,已完成"');
    expect(attrs(second!)).toMatchObject({ type: "date", operator: "between", sqref: "C2:C10" });
    expect(attrs(second!).errorStyle).toBeUndefined();
    expect(childNamed(second!, MAIN, "formula1")!.text).toBe(String(min));
    expect(childNamed(second!, MAIN, "formula2")!.text).toBe(String(max));
  });

  test.each([
    ["a word with a comma", { ...list, values: ["a,b"] }, /comma/],
    ["a word with a quote", { ...list, values: ['"a"'] }, /quote/],
    [
      "a list over 255 characters",
      { ...list, values: Array.from({ length: 60 }, (_, i) => `选项${i}`) },
      /255/,
    ],
    ["a title over 32 characters", { ...date, error: { title: "题".repeat(33), text: "x" } }, /longer/],
    ["a message over 255 characters", { ...date, prompt: { title: "x", text: "字".repeat(256) } }, /longer/],
  ] as const)("%s is refused: Excel would call the file damaged", (_name, validation, message) => {
    expect(() =>
      validationsXml([validation as Validation], { xfIndex: {} as never, date1904: false }),
    ).toThrow(message);
  });

  test("an input style is unlocked (applyProtection, locked 0); the others say nothing and stay locked", () => {
    const doc = parseXml(patch.xml, "styles.xml");
    const xfs = childrenNamed(childNamed(doc.root, MAIN, "cellXfs")!, MAIN, "xf");
    for (const [name, index] of Object.entries(patch.xfIndex)) {
      const xf = xfs[index]!;
      const protection = childNamed(xf, MAIN, "protection");
      const unlocked = styles[name as keyof typeof styles].locked === false;
      expect({ name, locked: protection ? attributeOf(protection, "locked") : undefined }).toEqual({
        name,
        locked: unlocked ? "0" : undefined,
      });
      expect({ name, apply: attributeOf(xf, "applyProtection") }).toEqual({
        name,
        apply: unlocked ? "1" : undefined,
      });
      // CT_Xf: alignment before protection.
      expect(xf.children.map((c) => c.local)).toEqual(
        ["alignment", "protection"].filter((l) => l === "alignment" || protection),
      );
    }
    expect(["input", "inputDate"].every((name) => styles[name as "input"].locked === false)).toBe(true);
  });
});

describe("noticeWorkbooks", () => {
  test("one file per unit with open work, each carrying its record", () => {
    expect(files.map((f) => [f.unit, f.record.unit, f.record.rows.map((r) => r.masterRow)])).toEqual([
      ["甲", "甲", [4, 5]],
      ["乙", "乙", [6]],
    ]);
  });

  test.each(files.map((f) => [f.unit, f] as const))(
    "%s: the notice visible, the record very hidden; Duban reads back the record and the cells",
    async (_unit, file) => {
      const parts = partsOf(file.bytes);
      const workbook = parseXml(textOf(parts, "xl/workbook.xml"), "workbook.xml").root;
      const sheets = childrenNamed(childNamed(workbook, MAIN, "sheets")!, MAIN, "sheet");
      expect(sheets.map((s) => [attributeOf(s, "name"), attributeOf(s, "state")])).toEqual([
        ["督办单", undefined],
        [NOTICE_RECORD_SHEET, "veryHidden"],
      ]);
      const model = await readPackage(OpcPackage.open(file.bytes, "notice.xlsx"), "notice.xlsx");
      expect(readNoticeRecord(model)).toEqual(file.record);
      const notice = model.sheets.find((s) => s.name === "督办单")!;
      for (const row of file.record.rows) {
        const cells = notice.rows[row.noticeRow - 1]!;
        expect(cells[0]).toBe(row.masterRow);
        for (const [field, value] of Object.entries(row.sent))
          expect(cells[file.record.columns[field as "note"]!] ?? null).toEqual(value);
      }
    },
  );

  testWithPython(
    "openpyxl: the notice sheet protected, exactly the answer cells unlocked, the validations there, the record very hidden",
    (python) => {
      const paths = files.map((file) => {
        const out = path.join(work, `openpyxl-${file.unit}.xlsx`);
        writeFileSync(out, file.bytes);
        return out;
      });
      const run = spawnSync(python, ["-c", OPENPYXL_PROBE, ...paths], {
        encoding: "utf8",
        env: { ...process.env, PYTHONIOENCODING: "utf-8", PYTHONWARNINGS: "ignore" },
      });
      expect(run.stderr).toBe("");
      const seen = JSON.parse(run.stdout) as OpenpyxlNotice[];
      files.forEach((file, i) => {
        const { columns, rows } = file.record;
        const answerColumns = (["status", "doneDate", "evidence", "note"] as const).map(
          (f) => columns[f]! + 1,
        );
        const expectedUnlocked = rows.flatMap((row) => answerColumns.map((c) => [row.noticeRow, c]));
        const first = rows[0]!.noticeRow;
        const last = rows[rows.length - 1]!.noticeRow;
        const column = (c: number) => {
          const letter = String.fromCharCode(64 + c);
          return first === last ? `${letter}${first}` : `${letter}${first}:${letter}${last}`;
        };
        expect(seen[i]).toEqual({
          sheets: [
            ["督办单", "visible"],
            [NOTICE_RECORD_SHEET, "veryHidden"],
          ],
          protected: true,
          password: null,
          unlocked: expectedUnlocked,
          validations: [
            ["list", '"未开始,进行中,已完成,已办结"', column(answerColumns[0]!)],
            ["date", "45658", column(answerColumns[1]!)],
          ],
          record: "Duban notice v1",
        });
      });
    },
  );

  testWithLibreOffice(
    "LibreOffice opens every notice and saves it again with its protection, validations and record",
    async (soffice) => {
      const inputs = files.map((file) => {
        const out = path.join(work, `lo-in-${file.unit}.xlsx`);
        writeFileSync(out, file.bytes);
        return out;
      });
      const outDir = path.join(work, "lo-out");
      mkdirSync(outDir, { recursive: true });
      await convertAllWithLibreOffice(soffice, inputs, "xlsx", outDir);
      for (const [i, file] of files.entries()) {
        const bytes = new Uint8Array(readFileSync(path.join(outDir, path.basename(inputs[i]!))));
        const model = await readPackage(OpcPackage.open(bytes, "resaved.xlsx"), "resaved.xlsx");
        expect(readNoticeRecord(model)).toEqual(file.record);
        const parts = partsOf(bytes);
        const workbook = parseXml(textOf(parts, "xl/workbook.xml"), "workbook.xml").root;
        const sheets = childrenNamed(childNamed(workbook, MAIN, "sheets")!, MAIN, "sheet");
        // LibreOffice has no very hidden sheets: it keeps the record hidden, which is all the merge needs.
        expect(sheets.map((s) => attributeOf(s, "state") ?? "visible")).toEqual(["visible", "hidden"]);
        const notice = parseXml(textOf(parts, "xl/worksheets/sheet1.xml"), "sheet1.xml").root;
        expect(childNamed(notice, MAIN, "sheetProtection")).toBeDefined();
        const checks = childrenNamed(childNamed(notice, MAIN, "dataValidations")!, MAIN, "dataValidation");
        expect(checks.map((c) => attributeOf(c, "type")).sort()).toEqual(["date", "list"]);
      }
    },
  );
});

interface OpenpyxlNotice {
  readonly sheets: Array<[string, string]>;
  readonly protected: boolean;
  readonly password: string | null;
  readonly unlocked: Array<[number, number]>;
  readonly validations: Array<[string, string, string]>;
  readonly record: string;
}

/** What openpyxl, another program's reader, makes of each notice file. */
const OPENPYXL_PROBE = `
import json, sys
import openpyxl
out = []
for name in sys.argv[1:]:
    wb = openpyxl.load_workbook(name)
    ws = wb.worksheets[0]
    out.append({
        "sheets": [[s.title, s.sheet_state] for s in wb.worksheets],
        "protected": bool(ws.protection.sheet),
        "password": ws.protection.password,
        "unlocked": sorted([c.row, c.column] for row in ws.iter_rows() for c in row if c.has_style and not c.protection.locked),
        "validations": [[v.type, v.formula1, str(v.sqref)] for v in ws.data_validations.dataValidation],
        "record": wb.worksheets[1]["A1"].value,
    })
print(json.dumps(out, ensure_ascii=False))
`;
