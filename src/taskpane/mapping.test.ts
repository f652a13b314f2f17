import { checkWorkbook, parseIsoDay, type WorkbookModel } from "../core";
import { applyMapping, columnOptions, mappingBase } from "./mapping";

const workbook: WorkbookModel = {
  fileName: "t.xlsx",
  sheets: [
    {
      name: "任务",
      merges: [],
      rows: [
        ["工作任务", "责任单位", "完成时限"],
        ["安全培训", "综采一队", "2026-11-10"],
      ],
    },
  ],
};

describe("mappingBase", () => {
  test("a check's sheet, header row and columns", () => {
    const result = checkWorkbook(workbook, { asOf: parseIsoDay("2026-11-18")! });
    expect(mappingBase(result, { headerRow: 9 }, undefined)).toEqual({
      sheet: "任务",
      headerRow: 1,
      columns: { task: "A", unit: "B", deadline: "C" },
    });
  });

  test("without a check: the stored settings, letters only, then the table problem's hints", () => {
    expect(mappingBase(undefined, { columns: { unit: "g", deadline: "完成时限" } }, undefined)).toEqual({
      columns: { unit: "G" },
    });
    expect(
      mappingBase(undefined, undefined, {
        problem: "missing-columns",
        values: { sheet: "任务", row: 4, fields: ["unit"], found: [{ field: "task", column: "C" }] },
      }),
    ).toEqual({ sheet: "任务", headerRow: 4, columns: {} });
    expect(
      mappingBase(
        undefined,
        { sheet: "表一", headerRow: 2 },
        { problem: "no-header", values: { sheet: "表一" } },
      ),
    ).toEqual({
      sheet: "表一",
      headerRow: 2,
      columns: {},
    });
  });
});

describe("applyMapping", () => {
  test("pins or unpins the specification and ledger sheets, leaving them when not chosen", () => {
    const stored = { spec: "规范", ledger: "台账" };
    const base = { sheet: "任务", headerRow: 3, columns: {}, locationChanged: false };
    expect(applyMapping(stored, { ...base, spec: "工作规范", ledger: null })).toMatchObject({
      spec: "工作规范",
    });
    expect(applyMapping(stored, { ...base, spec: "工作规范", ledger: null })).not.toHaveProperty("ledger");
    expect(applyMapping(stored, base)).toMatchObject({ spec: "规范", ledger: "台账" });
    expect(mappingBase(undefined, stored, undefined)).toMatchObject({ spec: "规范", ledger: "台账" });
  });

  test("keeps every other stored setting and the columns pinned before", () => {
    const stored = { dueSoonDays: 5, headerRow: 2, columns: { status: "E", unit: "C" } };
    expect(
      applyMapping(stored, { sheet: "任务", headerRow: 3, columns: { unit: "G" }, locationChanged: false }),
    ).toEqual({ dueSoonDays: 5, headerRow: 3, sheet: "任务", columns: { status: "E", unit: "G" } });
  });

  test("null takes a pin away; another sheet or header row drops the old pins", () => {
    const stored = { columns: { status: "E", unit: "C" } };
    expect(
      applyMapping(stored, { sheet: "任务", headerRow: 3, columns: { unit: null }, locationChanged: false }),
    ).toEqual({
      sheet: "任务",
      headerRow: 3,
      columns: { status: "E" },
    });
    expect(
      applyMapping(stored, { sheet: "表二", headerRow: 1, columns: { task: "B" }, locationChanged: true }),
    ).toEqual({
      sheet: "表二",
      headerRow: 1,
      columns: { task: "B" },
    });
  });

  test("stored columns that are not an object are replaced, not spread", () => {
    const stored = { columns: "C" } as never;
    expect(
      applyMapping(stored, { sheet: "任务", headerRow: 1, columns: { unit: "D" }, locationChanged: false }),
    ).toEqual({
      sheet: "任务",
      headerRow: 1,
      columns: { unit: "D" },
    });
  });
});

test("columnOptions: up to the last filled header cell, and any chosen column beyond it", () => {
  expect(columnOptions(["序号", " 工作任务 ", "", "完成时限", "", ""], [])).toEqual([
    { letter: "A", header: "序号" },
    { letter: "B", header: "工作任务" },
    { letter: "C", header: "" },
    { letter: "D", header: "完成时限" },
  ]);
  expect(columnOptions(["序号"], ["C"]).map((o) => o.letter)).toEqual(["A", "B", "C"]);
  expect(columnOptions([], [])).toEqual([]);
});
