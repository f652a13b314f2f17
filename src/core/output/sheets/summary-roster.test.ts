import fc from "fast-check";
import { checkWorkbook } from "../../check";
import { parseIsoDay } from "../../day";
import { DEFAULT_SETTINGS, type Locale } from "../../settings";
import type { CellValue, WorkbookModel } from "../../workbook";
import { generatedSheets } from "../generate";
import type { SheetSpec } from "../spec";

const asOf = parseIsoDay("2026-11-18")!;
const HEADER: CellValue[] = ["工作任务", "责任单位", "完成时限", "完成情况"];

function summaryOf(rows: CellValue[][], roster: readonly string[] | undefined, locale: Locale = "zh-CN") {
  const workbook: WorkbookModel = {
    fileName: "t.xlsx",
    sheets: [
      { name: "任务", rows: [HEADER, ...rows], merges: [] },
      ...(roster ? [{ name: "单位名单", rows: [["单位名称"], ...roster.map((u) => [u])], merges: [] }] : []),
    ],
  };
  const result = checkWorkbook(workbook, { asOf, settings: DEFAULT_SETTINGS });
  const sheet = generatedSheets(result, { settings: DEFAULT_SETTINGS, locale }).find(
    (s) => s.kind === "summary",
  )!;
  return { result, table: unitTable(sheet) };
}

/** The rows of 汇总's unit table, between its header and its total, as values. */
function unitTable(sheet: SheetSpec): unknown[][] {
  const header = sheet.rows.findIndex((r) => r.cells[0]?.style === "header");
  const total = sheet.rows.findIndex((r, i) => i > header && r.cells[0]?.style === "totalText");
  return sheet.rows.slice(header + 1, total).map((r) => r.cells.map((c) => c?.value ?? null));
}

const ROWS: CellValue[][] = [
  ["a", "综采一队", "2026-11-10", "已完成"],
  ["b", "综采一队", "2026-11-10", "进行中"],
  ["c", "掘进二对", "2026-11-10", "已完成"],
];
const zeros = [0, 0, 0, 0, 0, 0, 0, 0];

describe("汇总 with a roster: every roster unit, one with no task listed as such", () => {
  test.each<[string, readonly string[] | undefined, Locale, unknown[][]]>([
    [
      "roster units with no task follow the others, with zeros and 无任务 in place of the rates",
      ["综采一队", "掘进二队", "机电科"],
      "zh-CN",
      [
        ["综采一队", 2, 1, 0, 0, 1, 1, 0, 0, 0.5, null],
        ["掘进二队", ...zeros, "无任务", null],
        ["机电科", ...zeros, "无任务", null],
      ],
    ],
    [
      "in English",
      ["综采一队", "机电科"],
      "en-US",
      [
        ["综采一队", 2, 1, 0, 0, 1, 1, 0, 0, 0.5, null],
        ["机电科", ...zeros, "no tasks", null],
      ],
    ],
    [
      "without a roster, the units written, as before",
      undefined,
      "zh-CN",
      [
        ["综采一队", 2, 1, 0, 0, 1, 1, 0, 0, 0.5, null],
        ["掘进二对", 1, 1, 0, 0, 0, 0, 0, 0, 1, null],
      ],
    ],
  ])("%s", (_name, roster, locale, expected) => {
    const { result, table } = summaryOf(ROWS, roster, locale);
    expect(table).toEqual(expected);
    // Listed, not ranked.
    for (const unit of result.unranked) expect(result.ranking.map((r) => r.unit)).not.toContain(unit);
  });

  test("every roster unit appears exactly once in the unit table, and no unit off the roster does", () => {
    const names = ["综采一队", "综采二队", "掘进二队", "机电科", "通风区", "综采1队", "掘进二对", ""];
    const rowArb = fc.tuple(
      fc.constantFrom("检查", "培训", "演练"),
      fc.constantFrom(...names),
      fc.constantFrom("2026-11-01", "2026-11-18", "2026-12-31", ""),
      fc.constantFrom("已完成", "进行中", ""),
    );
    fc.assert(
      fc.property(
        fc.array(rowArb, { maxLength: 40 }),
        fc.uniqueArray(fc.constantFrom(...names.slice(0, 5)), { minLength: 1 }),
        (rows, roster) => {
          const { table } = summaryOf(
            rows.map((r) => [...r]),
            roster,
          );
          const listed = table.map((row) => row[0] as string);
          expect([...listed].sort()).toEqual([...roster].sort());
        },
      ),
      { numRuns: 150 },
    );
  });
});
