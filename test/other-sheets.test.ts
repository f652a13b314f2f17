// Chart, dialog and macro sheets hold no grid and are not read as one, but their names are known: a name
// given for the task table (or the roster, the specification) that is one of them is told apart from a
// name that is simply wrong, and the person is told which kind of sheet they named.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { strToU8, zipSync } from "fflate";
import type { OtherSheet } from "../src/core/workbook";
import { readWorkbookFile } from "../src/hosts/xlsx";
import { readWorkbookBytes } from "../src/hosts/xlsx/read";
import { CORPUS } from "./helpers/corpus-files";
import { packageFrame } from "./helpers/one-sheet-workbook";
import { runCli } from "./helpers/run-cli";

describe("workbooks other programs wrote", () => {
  const cases: Array<[string, string[], OtherSheet[]]> = [
    [
      "poi/WithChartSheet.xlsx",
      ["Sheet1", "Sheet6", "Sheet5", "Sheet4", "Sheet3", "Sheet2"],
      [{ name: "Chart2", kind: "chart" }],
    ],
    [
      "poi/60255_extra_drawingparts.xlsx",
      ["Sheet1", "Sheet2", "Sheet3"],
      [{ name: "Chart1", kind: "chart" }],
    ],
    ["poi/xlmmacro.xlsm", ["Sheet1", "Sheet2"], [{ name: "Macro1", kind: "macro" }]],
    ["calamine/strict_iso_paths.xlsx", ["ml_out"], []],
  ];
  test.each(cases)(
    "%s: the worksheets as grids, the others by name and kind",
    async (file, grids, others) => {
      const workbook = await readWorkbookFile(path.join(CORPUS, file));
      expect(workbook.sheets.map((s) => s.name)).toEqual(grids);
      expect(workbook.otherSheets ?? []).toEqual(others);
    },
  );
});

const TRANSITIONAL = {
  main: "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
  rel: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
};
const STRICT = {
  main: "http://purl.oclc.org/ooxml/spreadsheetml/main",
  rel: "http://purl.oclc.org/ooxml/officeDocument/relationships",
};
const MICROSOFT = "http://schemas.microsoft.com/office/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;

/** A package whose workbook lists a worksheet 任务 and then each of `others` (name, relationship type, element). */
function workbookWith(ns: typeof TRANSITIONAL, others: ReadonlyArray<[string, string, string]>): Uint8Array {
  const sheets = [["任务", `${ns.rel}/worksheet`, "worksheet"], ...others];
  const files: Record<string, Uint8Array> = {
    ...packageFrame(ns.rel),
    "xl/workbook.xml": strToU8(
      `${HEAD}<workbook xmlns="${ns.main}" xmlns:r="${ns.rel}"><sheets>` +
        sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
        `</sheets></workbook>`,
    ),
    "xl/_rels/workbook.xml.rels": strToU8(
      `${HEAD}<Relationships xmlns="${PKG_REL}">` +
        sheets
          .map(
            ([, type], i) =>
              `<Relationship Id="rId${i + 1}" Type="${type}" Target="sheets/sheet${i + 1}.xml"/>`,
          )
          .join("") +
        `</Relationships>`,
    ),
  };
  sheets.forEach(([, , element], i) => {
    files[`xl/sheets/sheet${i + 1}.xml`] = strToU8(`${HEAD}<${element} xmlns="${ns.main}"/>`);
  });
  return zipSync(files);
}

describe("every kind, in either conformance class", () => {
  const cases: Array<[string, typeof TRANSITIONAL, Array<[string, string, string]>, OtherSheet[]]> = [
    [
      "a dialog sheet and an international macro sheet",
      TRANSITIONAL,
      [
        ["对话框1", `${TRANSITIONAL.rel}/dialogsheet`, "dialogsheet"],
        ["宏1", `${MICROSOFT}/xlIntlMacrosheet`, "worksheet"],
      ],
      [
        { name: "对话框1", kind: "dialog" },
        { name: "宏1", kind: "macro" },
      ],
    ],
    [
      "a Strict chart sheet",
      STRICT,
      [["图表1", `${STRICT.rel}/chartsheet`, "chartsheet"]],
      [{ name: "图表1", kind: "chart" }],
    ],
    [
      "a part of some other type is no sheet at all",
      TRANSITIONAL,
      [["x", `${MICROSOFT}/other`, "worksheet"]],
      [],
    ],
  ];
  test.each(cases)("%s", async (_name, ns, others, expected) => {
    const workbook = await readWorkbookBytes(workbookWith(ns, others), "t.xlsx");
    expect(workbook.sheets.map((s) => s.name)).toEqual(["任务"]);
    expect(workbook.otherSheets ?? []).toEqual(expected);
  });
});

describe("naming one on the command line: exit 2, one line that says what kind of sheet it is", () => {
  const cases: Array<[string, string[], RegExp]> = [
    [
      "--sheet, a chart sheet",
      ["poi/WithChartSheet.xlsx", "--sheet", "Chart2"],
      /^duban: WithChartSheet\.xlsx: “Chart2”是一张图表工作表，不是普通工作表.*Sheet1、Sheet6/,
    ],
    [
      "--sheet, a chart sheet as written with another case",
      ["poi/60255_extra_drawingparts.xlsx", "--sheet", "chart1", "--lang", "en-US"],
      /^duban: 60255_extra_drawingparts\.xlsx: "Chart1" is a chart sheet, not a worksheet/,
    ],
    ["--spec, a macro sheet", ["poi/xlmmacro.xlsm", "--spec", "Macro1"], /“Macro1”是一张宏表/],
    [
      "--sheet, a name that is nothing",
      ["poi/xlmmacro.xlsm", "--sheet", "Macro2"],
      /没有名为“Macro2”的工作表/,
    ],
  ];
  test.each(cases)("%s", async (_name, [file, ...flags], pattern) => {
    const input = path.join(CORPUS, file!);
    const before = readFileSync(input);
    const { code, stdout, stderr } = await runCli(["check", input, ...flags], "2026-11-18");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(pattern);
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});
