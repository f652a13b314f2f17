import { checkWorkbook } from "../check";
import { parseIsoDay } from "../day";
import { DEFAULT_SETTINGS } from "../settings";
import { contextFor } from "./generate";
import { cell, Layout } from "./layout";
import { gridRows, specGrid, type SheetSpec, type SpecCell } from "./spec";

const asOf = parseIsoDay("2026-11-18")!;
const result = checkWorkbook(
  {
    fileName: "t.xlsx",
    sheets: [
      {
        name: "任务",
        rows: [
          ["工作任务", "责任单位", "完成时限"],
          ["巡检", "甲", "2026-11-10"],
        ],
        merges: [],
      },
    ],
  },
  { asOf },
);
const cx = contextFor(result, { settings: DEFAULT_SETTINGS, locale: "zh-CN" });

const linked: SpecCell = { value: "C2", style: "link", link: { sheet: "任务", cell: "C2" } };
const LONG = "一段很长的说明文字，要折成好几行才放得下。".repeat(6);

/** A sheet of width 3 from what a builder adds. */
function laidOut(build: (sheet: Layout) => void): SheetSpec {
  const sheet = new Layout(cx, 3);
  build(sheet);
  return sheet.finish("issues", { freezeRows: 0, repeatRows: { first: 0, last: 0 } });
}

// Each case: what a builder adds and merges, and the cells each row of the spec then has.
const CASES: ReadonlyArray<
  readonly [string, (sheet: Layout) => void, ReadonlyArray<ReadonlyArray<SpecCell | null>>]
> = [
  [
    "cells, a gap between them and a row of none",
    (s) => {
      s.add([cell("a", "text"), null, cell(3, "number")]);
      s.blank();
    },
    [[{ value: "a", style: "text" }, null, { value: 3, style: "number" }], []],
  ],
  [
    "a merge fills the row with the first cell's style, empty",
    (s) => s.merge(s.add([cell("标题", "title")])),
    [
      [
        { value: "标题", style: "title" },
        { value: null, style: "title" },
        { value: null, style: "title" },
      ],
    ],
  ],
  [
    "a merge from the second column on, after an empty first cell",
    (s) => s.merge(s.add([null, cell("说明", "text")]), 1),
    [[null, { value: "说明", style: "text" }, { value: null, style: "text" }]],
  ],
  [
    "a merge from an empty cell leaves the covered cells empty",
    (s) => s.merge(s.add([null]), 0, 1),
    [[null, null]],
  ],
  [
    "a link, a date and an empty text cell keep what they are",
    (s) => s.add([linked, cell({ day: 20_000 }, "date"), cell(null, "text")]),
    [[linked, { value: { day: 20_000 }, style: "date" }, { value: null, style: "text" }]],
  ],
  [
    "rows under a merged one stay their own",
    (s) => {
      s.subtitle("副标题");
      s.header(["一", "二"]);
    },
    [
      [
        { value: "副标题", style: "subtitle" },
        { value: null, style: "subtitle" },
        { value: null, style: "subtitle" },
      ],
      [
        { value: "一", style: "header" },
        { value: "二", style: "header" },
      ],
    ],
  ],
];

describe("Layout", () => {
  test.each(CASES)("%s", (_name, build, cells) => {
    const spec = laidOut(build);
    expect(spec.rows.map((row) => row.cells)).toStrictEqual(cells);
  });

  test.each(CASES)("%s: the grid made from the rows is the sheet's own", (_name, build) => {
    const spec = laidOut(build);
    // A spread copy has no grid (see SheetSpec.grid): specGrid makes one from its rows.
    const copy = { ...spec };
    expect(copy.grid).toBeUndefined();
    const made = specGrid(copy);
    expect(made).toStrictEqual(spec.grid);
    expect(gridRows(made)).toStrictEqual(spec.rows);
  });

  test("a row whose text wraps gets its height, in the rows and in the grid alike", () => {
    const spec = laidOut((s) => {
      s.add([cell("短", "text")]);
      s.add([cell(LONG, "textWrap")]);
    });
    expect(spec.rows[0]!.height).toBeUndefined();
    expect(spec.rows[1]!.height).toBeGreaterThan(30);
    expect(Array.from(spec.grid!.heights)).toEqual([0, spec.rows[1]!.height]);
    expect(gridRows(specGrid({ ...spec }))).toStrictEqual(spec.rows);
  });

  test("gridRows gives the rows asked for", () => {
    const spec = laidOut((s) => {
      for (let r = 0; r < 5; r++) s.add([cell(r, "number")]);
    });
    expect(gridRows(spec.grid!, 1, 3)).toStrictEqual(spec.rows.slice(1, 3));
    expect(gridRows(spec.grid!, 4, 99)).toStrictEqual(spec.rows.slice(4));
  });

  test("the grid stays out of JSON, so a message to a worker carries the rows", () => {
    const spec = laidOut((s) => s.add([linked, cell("x", "text")]));
    expect(Object.keys(spec)).not.toContain("grid");
    expect(JSON.parse(JSON.stringify(spec))).toStrictEqual({ ...spec, rows: spec.rows });
  });

  test("only the last row added can be merged: the earlier ones are in the grid already", () => {
    expect(() =>
      laidOut((s) => {
        const first = s.add([cell("a", "text")]);
        s.add([cell("b", "text")]);
        s.merge(first);
      }),
    ).toThrow("Only the last row added can be merged, not row 0");
  });
});
