// A formula's error value in a cell the highlight rule keys on (#N/A from a lookup, #DIV/0!): Excel's &
// passes the error on, so a rule built of the bare cells is an error on that row and colours nothing, the
// very row the check found something in. LibreOffice, drawing the sheet as a person sees it, shows whether
// every flagged cell is coloured.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { checkWorkbook } from "../src/core/check";
import { parseIsoDay } from "../src/core/day";
import { highlightPlan } from "../src/core/output/highlights";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { readWorkbookBytes } from "../src/hosts/xlsx";
import { convertWithLibreOffice, testWithLibreOffice } from "./helpers/libreoffice";
import { PYTHON, pythonMissing } from "./helpers/package-checks";
import { runCli } from "./helpers/run-cli";

const AS_OF = parseIsoDay("2026-11-18")!;
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "duban-errors-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Formulas with the values Excel cached for them, as XlsxWriter writes them (t="e"): the status looked up in
 * a sheet that is gone, a deadline that divides by nothing, beside rows without errors.
 */
const WRITER = `
import sys, xlsxwriter
book = xlsxwriter.Workbook(sys.argv[1])
sheet = book.add_worksheet("任务")
sheet.write_row(0, 0, ["序号", "工作任务", "责任单位", "完成时限", "完成情况"])
sheet.write_row(1, 0, [1, "开展隐患排查", "机电科", "2026-11-10"])
sheet.write_formula(1, 4, "=VLOOKUP(A2,Sheet9!A:B,2,0)", None, "#N/A")
sheet.write_row(2, 0, [2, "修订应急预案", "通风科"])
sheet.write_formula(2, 3, "=1/0", None, "#DIV/0!")
sheet.write(2, 4, "进行中")
sheet.write_row(3, 0, [3, "组织消防演练", "通风科", "2026-11-12", "进行中"])
sheet.write_row(4, 0, [4, "编制年度预算", "机电科", "2026-12-31", "进行中"])
book.close()
`;

/** The task sheet's cells in LibreOffice's HTML export, each cell's fill (upper-case hex, "" for none). */
function fills(html: string): string[][] {
  const table = html.slice(html.indexOf("<table"), html.indexOf("</table>"));
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td([^>]*)>/g)].map(
      (cell) => /bgcolor="#([0-9A-Fa-f]{6})"/.exec(cell[1]!)?.[1]?.toUpperCase() ?? "",
    ),
  );
}

const missing = pythonMissing(["xlsxwriter"]);

testWithLibreOffice("a formula's error in a key cell leaves its row's colours in place", async (soffice) => {
  if (missing) {
    if (process.env.CI) throw new Error(missing);
    return;
  }
  const input = path.join(dir, "errors.xlsx");
  execFileSync(PYTHON, ["-c", WRITER, input]);
  const checked = path.join(dir, "checked.xlsx");
  const { code } = await runCli(["check", input, "--out", checked], AS_OF);
  expect(code).toBe(1);
  const result = checkWorkbook(await readWorkbookBytes(readFileSync(input), "errors.xlsx"), {
    asOf: AS_OF,
    settings: DEFAULT_SETTINGS,
  });
  // What the check found: the lookup's #N/A and the overdue task beside it, the #DIV/0! deadline, the
  // other overdue task.
  expect(result.findings.map((f) => `${f.column}${f.row} ${f.messageId}`).sort()).toEqual([
    "D2 overdue",
    "D3 formulaError",
    "D4 overdue",
    "E2 formulaError",
  ]);
  const plan = highlightPlan(result, { date1904: false });
  const html = await convertWithLibreOffice(soffice, checked, "html", path.join(dir, "html"));
  const colours = new Set(Object.values(DEFAULT_SETTINGS.colors).map((c) => c.fill.toUpperCase()));
  const coloured = fills(readFileSync(html, "utf8"))
    .flatMap((row, r) => row.map((fill, c) => (colours.has(fill) ? `${"ABCDE"[c]}${r + 1}` : "")))
    .filter((cell) => cell !== "")
    .sort();
  expect(plan.marks.length).toBe(4);
  expect(coloured).toEqual(["D2", "D3", "D4", "E2"]);
});
