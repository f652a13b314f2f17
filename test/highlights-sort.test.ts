// Colours stay with their tasks: a workbook written by `duban check --out` is sorted by unit and deadline as a
// clerk sorts it (whole rows moving, by openpyxl), and LibreOffice, drawing the sheet as a person sees it,
// shows every colour on the same task as before the sort, and on nothing else.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { buildSampleWorkbook, SAMPLE_REFERENCE_AS_OF, SAMPLE_SHEET } from "../scripts/sample-workbook";
import { main } from "../src/cli/main";
import { checkWorkbook } from "../src/core/check";
import { formatDay } from "../src/core/day";
import { highlightPlan } from "../src/core/output/highlights";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { readWorkbookBytes } from "../src/hosts/xlsx";
import { convertAllWithLibreOffice, testWithLibreOffice } from "./helpers/libreoffice";
import { PYTHON, pythonMissing } from "./helpers/package-checks";

const AS_OF = SAMPLE_REFERENCE_AS_OF;
const SORTER = path.join(__dirname, "helpers", "sort-task-rows.py");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "duban-sort-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Cell {
  readonly text: string;
  readonly fill: string;
}

/** The first sheet of LibreOffice's HTML export (the task sheet), row by row, each cell's text and fill. */
function taskRows(html: string): Cell[][] {
  const table = html.slice(html.indexOf("<table"), html.indexOf("</table>"));
  const decode = (text: string) =>
    text
      .replace(/<[^>]*>/g, "")
      .replace(/&nbsp;/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&")
      .trim();
  return [...table.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td([^>]*)>([\s\S]*?)<\/td>/g)].map((cell) => ({
      text: decode(cell[2]!),
      fill: /bgcolor="#([0-9A-Fa-f]{6})"/.exec(cell[1]!)?.[1]?.toUpperCase() ?? "",
    })),
  );
}

const missing = pythonMissing(["openpyxl"]);

testWithLibreOffice(
  "sorted by unit and deadline, every colour LibreOffice draws is still on its own task",
  async (soffice) => {
    if (missing) {
      if (process.env.CI) throw new Error(missing);
      return;
    }
    const input = path.join(dir, "tasks.xlsx");
    writeFileSync(input, new Uint8Array(await buildSampleWorkbook(AS_OF).xlsx.writeBuffer()));
    const checked = path.join(dir, "checked.xlsx");
    const code = await main(["check", input, "--as-of", formatDay(AS_OF), "--out", checked], {
      stdout: { write: () => undefined },
      stderr: { write: () => undefined },
      today: () => AS_OF,
    });
    expect(code).toBe(1);
    const result = checkWorkbook(await readWorkbookBytes(readFileSync(input), "tasks.xlsx"), {
      asOf: AS_OF,
      settings: DEFAULT_SETTINGS,
    });
    expect(result.sheet).toBe(SAMPLE_SHEET);
    const plan = highlightPlan(result, { date1904: false });
    const first = result.firstDataRow;
    const last = result.rows[result.rows.length - 1]!.row;
    const unsorted = path.join(dir, "unsorted.xlsx");
    const sorted = path.join(dir, "sorted.xlsx");
    const sort = (out: string, keys: string[]) =>
      execFileSync(PYTHON, [SORTER, checked, out, SAMPLE_SHEET, String(first), String(last), ...keys]);
    sort(unsorted, ["--identity"]);
    sort(sorted, [result.columns.unit!, result.columns.deadline!]);
    const html = path.join(dir, "html");
    await convertAllWithLibreOffice(soffice, [unsorted, sorted], "html", html);
    const before = taskRows(readFileSync(path.join(html, "unsorted.html"), "utf8")).slice(first - 1, last);
    const after = taskRows(readFileSync(path.join(html, "sorted.html"), "utf8")).slice(first - 1, last);

    const colours = new Set(Object.values(DEFAULT_SETTINGS.colors).map((c) => c.fill));
    const coloured = (rows: Cell[][]) => rows.flat().filter((c) => colours.has(c.fill)).length;
    // Every flagged cell, and only those, shows a highlight before the sort.
    expect(coloured(before)).toBe(plan.marks.length);
    // The sort moved rows, and each row (known by its text) shows the same colours, cell for cell.
    const byText = (rows: Cell[][]) =>
      rows
        .map((row) => ({ text: row.map((c) => c.text).join("\t"), fills: row.map((c) => c.fill).join(",") }))
        .sort((a, b) => (a.text + a.fills < b.text + b.fills ? -1 : 1));
    expect(after.map((r) => r[0]?.text)).not.toEqual(before.map((r) => r[0]?.text));
    expect(byText(after)).toEqual(byText(before));
    expect(coloured(after)).toBe(plan.marks.length);
  },
);
