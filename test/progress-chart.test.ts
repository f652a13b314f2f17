// The 网络推进图 as the xlsx host writes it: an independent reader (ExcelJS) finds the plan's fills as plain cell
// fills, no conditional format, and a page setup of one page wide; LibreOffice prints the sample's chart on one
// page.

import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { main } from "../src/cli/main";
import { checkWorkbook } from "../src/core/check";
import { formatDay } from "../src/core/day";
import { generatedSheets } from "../src/core/output/generate";
import type { SheetSpec } from "../src/core/output/spec";
import { styleSheet } from "../src/core/output/styles";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { readWorkbookFile } from "../src/hosts/xlsx";
import { NODE_CODEC } from "../src/hosts/xlsx/node-codec";
import { OpcPackage } from "../src/hosts/xlsx/package";
import { WorkbookParts } from "../src/hosts/xlsx/write/workbook";
import { buildSampleWorkbook, SAMPLE_REFERENCE_AS_OF } from "../scripts/sample-workbook";
import { convertWithLibreOffice, testWithLibreOffice } from "./helpers/libreoffice";

const AS_OF = formatDay(SAMPLE_REFERENCE_AS_OF);
const SHEET = "网络推进图";
let dir: string;
let checked: string;
let spec: SheetSpec;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "duban-progress-"));
  const input = path.join(dir, "sample.xlsx");
  await buildSampleWorkbook(SAMPLE_REFERENCE_AS_OF).xlsx.writeFile(input);
  checked = path.join(dir, "checked.xlsx");
  const sink = { write: () => true };
  await main(["check", input, "--as-of", AS_OF, "--out", checked], {
    stdout: sink,
    stderr: sink,
    today: () => SAMPLE_REFERENCE_AS_OF,
  });
  const result = checkWorkbook(await readWorkbookFile(input), {
    asOf: SAMPLE_REFERENCE_AS_OF,
    settings: DEFAULT_SETTINGS,
  });
  spec = generatedSheets(result, { settings: DEFAULT_SETTINGS, locale: "zh-CN" }).find(
    (s) => s.kind === "progress",
  )!;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("ExcelJS reads the chart back: the plan's values and fills, no conditional format, one page wide", async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(checked);
  const sheet = workbook.getWorksheet(SHEET)!;
  const styles = styleSheet(DEFAULT_SETTINGS);
  const seen = new Set<string>();
  spec.rows.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      if (!cell) return;
      const shown = sheet.findCell(r + 1, c + 1);
      if (typeof cell.value === "string" && cell.value !== "") expect(shown?.value).toBe(cell.value);
      if (!cell.style.startsWith("bar")) return;
      const fill = shown?.fill as ExcelJS.FillPattern | undefined;
      const want = styles[cell.style].fill;
      expect([r, c, want ? fill?.fgColor?.argb : undefined]).toEqual([r, c, want && `FF${want}`]);
      seen.add(cell.style);
    }),
  );
  expect([...seen].sort()).toEqual(
    ["barDone", "barEmpty", "barLate", "barOverdue", "barPlanned", "barToday", "barTodayLine"].sort(),
  );
  // ExcelJS keeps conditional formats it reads: the chart has none.
  expect((sheet as unknown as { conditionalFormattings: unknown[] }).conditionalFormattings ?? []).toEqual(
    [],
  );
  expect(sheet.pageSetup).toMatchObject({
    orientation: "landscape",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  });
});

testWithLibreOffice(
  "LibreOffice prints the sample's chart one page wide, the header on every page",
  async (soffice) => {
    // Only the chart (and the very hidden sheets), as scripts/screenshots.ts pictures it.
    const pkg = OpcPackage.open(readFileSync(checked), "checked.xlsx", NODE_CODEC);
    const parts = new WorkbookParts(pkg);
    for (const entry of parts.sheets())
      if (entry.name !== SHEET && entry.state !== "veryHidden") parts.removeSheet(entry.name);
    const only = path.join(dir, "progress.xlsx");
    writeFileSync(only, pkg.toBytes());
    const outDir = mkdtempSync(path.join(dir, "pdf-"));
    const pdf = await convertWithLibreOffice(soffice, only, "pdf", outDir);
    const pages = Number(/^Pages:\s+(\d+)$/m.exec(await output("pdfinfo", [pdf]))?.[1]);
    // The sample's ~90 tasks take a few pages down at a readable size; none across.
    const tasks = spec.rows.length - spec.freezeRows;
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(Math.ceil(tasks / 25));
    // A page to the right of another would lack the task column and hold the right-hand weeks alone: every
    // page has the whole header, from the task column to the last week.
    const header = spec.rows[spec.freezeRows - 1]!.cells.map((c) => String(c?.value ?? ""));
    for (let page = 1; page <= pages; page++) {
      const text = await output("pdftotext", ["-f", String(page), "-l", String(page), "-layout", pdf, "-"]);
      const line = text.split("\n").find((l) => l.trim().startsWith(header[0]!)) ?? "";
      expect([page, line.trim().split(/\s+/)]).toEqual([page, header.filter((h) => h !== "")]);
    }
  },
);

function output(file: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) =>
    execFile(file, args, (error, stdout) => (error ? reject(error) : resolve(stdout))),
  );
}
