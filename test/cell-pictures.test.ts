// Pictures WPS places in cells (嵌入单元格图片), the commonest 佐证材料 of all: a cell holding the formula
// =DISPIMG("ID_…",1), with that text as its cached value and the picture in a part of its own. The workbooks
// here are written by XlsxWriter, which stores such a cell as WPS does (formula, cached text); the check, the
// notices and the merge go through the command line.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { CATALOGUES } from "../src/core/i18n";
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

test("a picture in a master cell is read as one: the notice shows it as 图片, the merge leaves it", async () => {
  if (missing) {
    if (process.env.CI) throw new Error(missing);
    return;
  }
  const notices = await runCli(
    ["notices", file("master.xlsx"), "--as-of", AS_OF, "--out-dir", file("notices")],
    AS_OF,
  );
  expect(notices.stderr).toBe("");
  const notice = await readWorkbookBytes(
    readFileSync(path.join(file("notices"), "督办单-综采一队.xlsx")),
    "n.xlsx",
  );
  const rows = notice.sheets[0]!.rows;
  const header = rows.findIndex((cells) => cells?.[1] === "工作任务");
  const evidence = rows[header]!.indexOf("佐证材料");
  expect(rows.slice(header + 1).map((cells) => [cells?.[1], cells?.[evidence] ?? null])).toEqual([
    ["安全检查", zh.picture],
    ["隐患排查", null],
  ]);

  const merged = await runCli(
    ["merge", file("master.xlsx"), file("综采一队.xlsx"), "--as-of", AS_OF, "--out", file("merged.xlsx")],
    AS_OF,
  );
  expect(merged.stderr).toBe("");
  const model = await readWorkbookBytes(readFileSync(file("merged.xlsx")), "merged.xlsx");
  const task = model.sheets.find((s) => s.name === "任务")!;
  // The status is written; the master's own picture stays as WPS left it, the copy's new one is not written.
  expect(task.rows.slice(1, 3).map((cells) => [cells?.[4], cells?.[6] ?? null])).toEqual([
    ["已完成", '=DISPIMG("ID_A1",1)'],
    ["进行中", null],
  ]);
  const feedback = model.sheets.find((s) => s.name === CATALOGUES["zh-CN"].output.sheetNames.feedback)!;
  const refused = feedback.rows.filter((cells) => cells?.[3] === zh.reasons.picture);
  expect(refused.map((cells) => [cells![0], cells![1], cells![5]])).toEqual([["G3", "隐患排查", zh.picture]]);
  // The merged copy keeps the master's formula, for WPS to show the picture again.
  const sheetXml = execFileSync("unzip", ["-p", file("merged.xlsx"), "xl/worksheets/sheet1.xml"]).toString();
  expect(sheetXml).toMatch(/<f>_xlfn\.DISPIMG\((?:"|&quot;)ID_A1(?:"|&quot;),1\)<\/f>/);
});
