import { checkWorkbook } from "../../../core/check";
import { parseIsoDay } from "../../../core/day";
import { generatedSheets } from "../../../core/output/generate";
import type { SheetSpec, StyleName } from "../../../core/output/spec";
import { styleSheet } from "../../../core/output/styles";
import { DEFAULT_SETTINGS } from "../../../core/settings";
import type { CellValue } from "../../../core/workbook";
import { sheetXml } from "./sheet";

const asOf = parseIsoDay("2026-11-18")!;
const HEADER: CellValue[] = ["工作任务", "类别", "责任单位", "完成时限", "完成情况", "完成日期"];
// Findings with links, wrapped messages (row heights), merged titles, dates, numbers and empty cells.
const ROWS: CellValue[][] = [
  ["安全检查", "安全", "甲", "2026-11-10", "已完成", "2026-11-09"],
  ["隐患排查", "安全", "甲", "2026-11-10", "进行中", null],
  ["=SUM(A1)", "经营", "乙", "2026-11-19", "", null],
  ["培训".repeat(40), "", "丁", "2026年2月30日", "已完成", null],
  ["无主任务", "", "", "2026-11-01", "", null],
];
const result = checkWorkbook(
  { fileName: "t.xlsx", sheets: [{ name: "任务", rows: [HEADER, ...ROWS], merges: [] }] },
  { asOf },
);
const sheets = generatedSheets(result, { settings: DEFAULT_SETTINGS, locale: "zh-CN" });
const xfIndex = Object.fromEntries(
  Object.keys(styleSheet(DEFAULT_SETTINGS)).map((name, i) => [name, i + 1]),
) as Record<StyleName, number>;
const options = { xfIndex, date1904: false };

/** The spec with its grid, whose rows cannot be read. */
function rowsUnread(spec: SheetSpec): SheetSpec {
  return Object.defineProperties(
    {},
    {
      ...Object.getOwnPropertyDescriptors(spec),
      rows: {
        get() {
          throw new Error("the writer read rows");
        },
      },
    },
  ) as SheetSpec;
}

describe("sheetXml", () => {
  test.each(sheets.map((spec) => [spec.kind, spec] as const))(
    "%s: written from the grid or from the rows, the same part",
    (_kind, spec) => {
      // A spread copy has no grid: it is written from its rows.
      const fromRows = Buffer.from(sheetXml({ ...spec }, options)).toString("utf8");
      expect(Buffer.from(sheetXml(spec, options)).toString("utf8")).toBe(fromRows);
    },
  );

  test("the large sheets are written without their rows made", () => {
    for (const kind of ["issues", "notices"] as const) {
      const spec = sheets.find((s) => s.kind === kind)!;
      expect(spec.grid).toBeDefined();
      expect(() => sheetXml(rowsUnread(spec), options)).not.toThrow();
    }
  });

  test("the issues sheet has its links and a row's height", () => {
    const xml = Buffer.from(sheetXml(sheets[0]!, options)).toString("utf8");
    expect(xml).toContain(`<hyperlink ref="C8" location="'任务'!D3" display="D3"/>`);
    expect(xml).toContain(`<hyperlink ref="C13" location="'任务'!F5" display="F5"/>`);
    expect(xml).toContain(`<row r="9" ht="83" customHeight="1">`);
  });
});
