// The sheet a workbook opens on (its active tab) decides between task tables that are as good as each other:
// a workbook with a sheet a month, the same header on each, is checked on the month the clerk had open.

import * as path from "node:path";
import { strToU8, zipSync } from "fflate";
import { checkWorkbook, parseIsoDay } from "../src/core";
import type { CellValue, WorkbookModel } from "../src/core/workbook";
import { readWorkbookFile } from "../src/hosts/xlsx";
import { readWorkbookBytes } from "../src/hosts/xlsx/read";
import { CORPUS } from "./helpers/corpus-files";
import { MAIN, packageFrame } from "./helpers/one-sheet-workbook";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const asOf = parseIsoDay("2026-11-18")!;

describe("the active tab, as other programs wrote it", () => {
  test.each([
    // Its tabs count chart sheets too: the third tab is the chart sheet Chart1.
    ["poi/60255_extra_drawingparts.xlsx", "Chart1"],
    ["poi/SampleSS.xlsx", "Sheet Number 2"],
    ["poi/SampleSS.strict.xlsx", "Sheet Number 2"],
    ["poi/DateFormatTests.xlsx", "Tests"],
    ["poi/xlsx-jdbc.xlsx", "Sheet_number_1"],
  ])("%s opens on %s", async (file, active) => {
    expect((await readWorkbookFile(path.join(CORPUS, file))).activeSheet).toBe(active);
  });
});

const cellXml = (value: CellValue, ref: string): string =>
  typeof value === "number"
    ? `<c r="${ref}"><v>${value}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;

/** A package of worksheets (name, rows of text), its workbook view's attributes as given. */
function workbookOf(sheets: ReadonlyArray<[string, CellValue[][]]>, view: string | undefined): Uint8Array {
  const files: Record<string, Uint8Array> = {
    ...packageFrame(),
    "xl/workbook.xml": strToU8(
      `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}">` +
        (view === undefined ? "" : `<bookViews><workbookView ${view}/></bookViews>`) +
        `<sheets>${sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
        sheets
          .map(
            (_, i) =>
              `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
          )
          .join("") +
        `</Relationships>`,
    ),
  };
  sheets.forEach(([, rows], i) => {
    const data = rows
      .map(
        (cells, r) =>
          `<row r="${r + 1}">${cells.map((value, c) => cellXml(value, `${String.fromCharCode(65 + c)}${r + 1}`)).join("")}</row>`,
      )
      .join("");
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(
      `${HEAD}<worksheet xmlns="${MAIN}"><sheetData>${data}</sheetData></worksheet>`,
    );
  });
  return zipSync(files);
}

const HEADER: CellValue[] = ["工作任务", "责任单位", "完成时限", "完成情况"];
const month = (task: string): CellValue[][] => [HEADER, [task, "机电科", "2026-11-30", "进行中"]];
const MONTHS: Array<[string, CellValue[][]]> = [
  ["10月", month("十月的任务")],
  ["11月", month("十一月的任务")],
];

describe("which of the months is checked", () => {
  test.each([
    {
      name: "the month open when the workbook was saved",
      view: `activeTab="1"`,
      active: "11月",
      checked: "11月",
    },
    { name: "the first tab, where the view names none", view: "", active: "10月", checked: "10月" },
    { name: "no workbook view at all: the first tab", view: undefined, active: "10月", checked: "10月" },
    {
      name: "a tab that is not there names no sheet",
      view: `activeTab="7"`,
      active: undefined,
      checked: "10月",
    },
  ])("$name", async ({ view, active, checked }) => {
    const workbook = await readWorkbookBytes(workbookOf(MONTHS, view), "t.xlsx");
    expect(workbook.activeSheet).toBe(active);
    const result = checkWorkbook(workbook, { asOf });
    expect(result.sheet).toBe(checked);
    expect(result.rows.map((r) => r.task)).toEqual([checked === "10月" ? "十月的任务" : "十一月的任务"]);
  });

  test("a better table elsewhere wins over the sheet that is open", () => {
    const workbook: WorkbookModel = {
      fileName: "t.xlsx",
      activeSheet: "说明",
      sheets: [
        {
          name: "任务",
          rows: [
            [...HEADER, "完成日期"],
            ["检查", "机电科", "2026-11-30", "进行中"],
          ],
          merges: [],
        },
        {
          name: "说明",
          rows: [
            ["工作任务", "责任单位"],
            ["填表说明", "办公室"],
          ],
          merges: [],
        },
      ],
    };
    expect(checkWorkbook(workbook, { asOf }).sheet).toBe("任务");
  });
});
