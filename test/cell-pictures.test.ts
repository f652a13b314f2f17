// Pictures placed in cells, the commonest 佐证材料 of all. WPS (嵌入单元格图片) keeps one as the formula
// =DISPIMG("ID_…",1), with that text as its cached value and the picture in a part of its own: written here by
// XlsxWriter, which stores such a cell as WPS does. Excel (Place in Cell) keeps one as #VALUE! with value
// metadata naming a rich value: written here by rust_xlsxwriter (wasm-xlsxwriter), which writes Excel's parts.
// The check, the notices and the merge go through the command line.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CATALOGUES } from "../src/core/i18n";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbookBytes } from "../src/hosts/xlsx";
import { PYTHON, pythonMissing } from "./helpers/package-checks";
import { runCli } from "./helpers/run-cli";

const AS_OF = "2026-11-18";
/** A master, and a plain copy of it answered by 综采一队: row 2 done, and a picture of its own in row 3. */
const WRITER = `
import sys, datetime, xlsxwriter
def table(path, answered):
    book = xlsxwriter.Workbook(path)
    sheet = book.add_worksheet("任务")
    day = book.add_format({"num_format": "yyyy-mm-dd"})
    sheet.write_row(0, 0, ["序号", "工作任务", "责任单位", "完成时限", "完成情况", "完成日期", "佐证材料"])
    rows = [(1, "安全检查", "综采一队", datetime.date(2026, 11, 10), "进行中", "ID_A1"),
            (2, "隐患排查", "综采一队", datetime.date(2026, 11, 30), "进行中", None)]
    for r, (number, task, unit, due, status, picture) in enumerate(rows, start=1):
        sheet.write_row(r, 0, [number, task, unit])
        sheet.write_datetime(r, 3, datetime.datetime.combine(due, datetime.time()), day)
        sheet.write(r, 4, "已完成" if answered and r == 1 else status)
        if answered and r == 2:
            picture = "ID_B2"
        if picture:
            sheet.write_formula(r, 6, '=_xlfn.DISPIMG("%s",1)' % picture, None, '=DISPIMG("%s",1)' % picture)
    book.close()
table(sys.argv[1], False)
table(sys.argv[2], True)
`;

const missing = pythonMissing(["xlsxwriter"]);
const work = mkdtempSync(path.join(tmpdir(), "duban-pictures-"));
const file = (name: string) => path.join(work, name);
afterAll(() => rmSync(work, { recursive: true, force: true }));
beforeAll(() => {
  if (!missing) execFileSync(PYTHON, ["-c", WRITER, file("master.xlsx"), file("综采一队.xlsx")]);
});

const zh = CATALOGUES["zh-CN"].output.feedback;

/** `duban notices` of `master` into `dir`: 综采一队's notice, as its tasks and their evidence cells read. */
async function noticeEvidence(master: string, dir: string): Promise<Array<[unknown, unknown]>> {
  const { stderr } = await runCli(["notices", file(master), "--as-of", AS_OF, "--out-dir", file(dir)], AS_OF);
  expect(stderr).toBe("");
  const notice = await readWorkbookBytes(
    readFileSync(path.join(file(dir), "督办单-综采一队.xlsx")),
    "n.xlsx",
  );
  const rows = notice.sheets[0]!.rows;
  const header = rows.findIndex((cells) => cells?.[1] === "工作任务");
  const evidence = rows[header]!.indexOf("佐证材料");
  return rows.slice(header + 1).map((cells) => [cells?.[1], cells?.[evidence] ?? null]);
}

/** `duban merge` of `master` and `answer` into `out`: the task sheet's status and evidence, the pictures refused. */
async function mergedEvidence(master: string, answer: string, out: string) {
  const { stderr } = await runCli(
    ["merge", file(master), file(answer), "--as-of", AS_OF, "--out", file(out)],
    AS_OF,
  );
  expect(stderr).toBe("");
  const model = await readWorkbookBytes(readFileSync(file(out)), out);
  const task = model.sheets.find((s) => s.name === "任务")!;
  const feedback = model.sheets.find((s) => s.name === CATALOGUES["zh-CN"].output.sheetNames.feedback)!;
  return {
    cells: task.rows.slice(1, 3).map((cells) => [cells?.[4], cells?.[6] ?? null]),
    refused: feedback.rows
      .filter((cells) => cells?.[3] === zh.reasons.picture)
      .map((cells) => [cells![0], cells![1], cells![5]]),
    sheetXml: execFileSync("unzip", ["-p", file(out), "xl/worksheets/sheet1.xml"]).toString(),
  };
}

test("a picture in a master cell is read as one: the notice shows it as 图片, the merge leaves it", async () => {
  if (missing) {
    if (process.env.CI) throw new Error(missing);
    return;
  }
  expect(await noticeEvidence("master.xlsx", "notices")).toEqual([
    ["安全检查", zh.picture],
    ["隐患排查", null],
  ]);
  const merged = await mergedEvidence("master.xlsx", "综采一队.xlsx", "merged.xlsx");
  // The status is written; the master's own picture stays as WPS left it, the copy's new one is not written.
  expect(merged.cells).toEqual([
    ["已完成", '=DISPIMG("ID_A1",1)'],
    ["进行中", null],
  ]);
  expect(merged.refused).toEqual([["G3", "隐患排查", zh.picture]]);
  // The merged copy keeps the master's formula, for WPS to show the picture again.
  expect(merged.sheetXml).toMatch(/<f>_xlfn\.DISPIMG\((?:"|&quot;)ID_A1(?:"|&quot;),1\)<\/f>/);
});

/**
 * The table by rust_xlsxwriter (an ES module, run by node in a process of its own as the other writers are),
 * a 1×1 picture placed in the evidence cells of `pictures` (rows below the header, 1-based), and `answers`
 * (status, evidence words) written instead where given.
 */
const EXCEL_WRITER = `
import { writeFileSync } from "node:fs";
import { crc32, deflateSync } from "node:zlib";
import * as xlsx from "wasm-xlsxwriter";
const [file, spec] = process.argv.slice(1);
const { pictures, answers } = JSON.parse(spec);
const chunk = (type, data) => {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([head, body, crc]);
};
const header = Buffer.alloc(13);
header.writeUInt32BE(1, 0);
header.writeUInt32BE(1, 4);
header.set([8, 2], 8);
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header),
  chunk("IDAT", deflateSync(Buffer.from([0, 200, 30, 30]))), chunk("IEND", Buffer.alloc(0))]);
const book = new xlsx.Workbook();
const sheet = book.addWorksheet().setName("任务");
const day = new xlsx.Format().setNumFormat("yyyy-mm-dd");
["序号", "工作任务", "责任单位", "完成时限", "完成情况", "完成日期", "佐证材料"].forEach((t, c) => sheet.writeString(0, c, t));
[["安全检查", 46336], ["隐患排查", 46356]].forEach(([task, due], i) => {
  const r = i + 1;
  sheet.writeNumber(r, 0, r);
  sheet.writeString(r, 1, task);
  sheet.writeString(r, 2, "综采一队");
  sheet.writeNumberWithFormat(r, 3, due, day);
  sheet.writeString(r, 4, answers[r]?.[0] ?? "进行中");
  if (answers[r]?.[1] !== undefined) sheet.writeString(r, 6, answers[r][1]);
  else if (pictures.includes(r)) sheet.embedImage(r, 6, new xlsx.Image(new Uint8Array(png)));
});
writeFileSync(file, book.saveToBufferSync());
`;

function excelTable(
  name: string,
  pictures: readonly number[],
  answers: Record<number, [string, string?]> = {},
): void {
  execFileSync(
    process.execPath,
    ["--input-type=module", "-e", EXCEL_WRITER, file(name), JSON.stringify({ pictures, answers })],
    {
      cwd: path.join(__dirname, ".."),
    },
  );
}

test("a picture Excel placed in a cell (Place in Cell) is one too, not the #VALUE! it is stored as", async () => {
  excelTable("excel-master.xlsx", [1]);
  // 综采一队's copy: row 1 done, its picture written over with words; a picture of its own in row 2.
  excelTable("excel-综采一队.xlsx", [2], { 1: ["已完成", "照片已报安全科"] });
  expect(await noticeEvidence("excel-master.xlsx", "excel-notices")).toEqual([
    ["安全检查", zh.picture],
    ["隐患排查", null],
  ]);
  const merged = await mergedEvidence("excel-master.xlsx", "excel-综采一队.xlsx", "excel-merged.xlsx");
  expect(merged.cells).toEqual([
    ["已完成", "照片已报安全科"],
    ["进行中", null],
  ]);
  expect(merged.refused).toEqual([["G3", "隐患排查", zh.picture]]);
  // The words written over the picture leave no value metadata on their cell.
  expect(/<c r="G2"[^>]*>/.exec(merged.sheetXml)![0]).not.toContain("vm=");
});

describe("which cells of #VALUE! are pictures: the value metadata followed to the rich value's structure", () => {
  type Parts = Record<string, Uint8Array>;
  const edit = (parts: Parts, part: string, change: (xml: string) => string): Parts => ({
    ...parts,
    [part]: strToU8(change(strFromU8(parts[part]!))),
  });
  const SHEET = "xl/worksheets/sheet1.xml";
  test.each<[string, (parts: Parts) => Parts, string]>([
    ["as rust_xlsxwriter wrote it", (parts) => parts, "\uFFFCvm1"],
    [
      "a linked data type (Stocks), no picture",
      (parts) =>
        edit(parts, "xl/richData/rdrichvaluestructure.xml", (xml) =>
          xml.replace("_localImage", "_linkedentity"),
        ),
      "#VALUE!",
    ],
    [
      "value metadata the workbook does not have",
      (parts) => edit(parts, SHEET, (xml) => xml.replace('vm="1"', 'vm="5"')),
      "#VALUE!",
    ],
    [
      "a metadata part that is not well-formed: no picture, and the workbook still read",
      (parts) => edit(parts, "xl/metadata.xml", (xml) => xml.replace("</metadata>", "")),
      "#VALUE!",
    ],
    [
      "the cell's elements prefixed (read by the scanner, not the shortcut)",
      (parts) =>
        edit(parts, SHEET, (xml) =>
          xml
            .replace("<worksheet xmlns=", "<x:worksheet xmlns:x=")
            .replace("</worksheet>", "</x:worksheet>")
            .replace(
              /<(\/?)(sheetData|row|c|v|dimension|sheetViews|sheetView|sheetFormatPr|pageMargins)\b/g,
              "<$1x:$2",
            ),
        ),
      "\uFFFCvm1",
    ],
  ])("%s", async (_name, change, read) => {
    excelTable("variant.xlsx", [1]);
    const bytes = zipSync(change(unzipSync(readFileSync(file("variant.xlsx")))));
    const model = await readWorkbookBytes(bytes, "variant.xlsx");
    expect(model.sheets[0]!.rows[1]?.[6]).toBe(read);
  });
});
