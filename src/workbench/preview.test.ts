/**
 * @jest-environment jsdom
 */
// A generated sheet's preview: its model (texts as Excel shows them, styles as CSS, merges as spans, data
// bars) and the table drawn from it. (A .test.ts with createElement: the jsdom project only takes the pane's
// .tsx tests.)

import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createElement } from "react";
import { parseIsoDay } from "../core/day";
import { specGrid, type SheetSpec } from "../core/output/spec";
import { styleSheet } from "../core/output/styles";
import { DEFAULT_SETTINGS } from "../core/settings";
import { cellCss, columnPixels, formatValue, previewModel } from "./preview";
import { preview } from "./service";
import { SheetPreviewTable } from "./SheetPreview/SheetPreviewTable";

const styles = styleSheet(DEFAULT_SETTINGS);

const SPEC: SheetSpec = {
  kind: "summary",
  name: "汇总",
  columns: [12, 8, 10],
  rows: [
    { height: 24, cells: [{ value: "汇总 · 检查日 2026-11-18", style: "title" }] },
    {
      cells: [
        { value: "责任单位", style: "header" },
        { value: "任务数", style: "header" },
        { value: "完成率", style: "header" },
      ],
    },
    {
      cells: [
        { value: "综采一队", style: "text", link: { sheet: "任务表", cell: "E5" } },
        { value: 1234, style: "number" },
        { value: 0.8534, style: "percent" },
      ],
    },
    {
      cells: [
        { value: "合计", style: "totalText" },
        { value: 2, style: "totalNumber" },
        { value: { day: parseIsoDay("2026-11-18")! }, style: "date" },
      ],
    },
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  freezeRows: 2,
  autoFilter: { top: 1, left: 0, bottom: 3, right: 2 },
  dataBars: [{ range: { top: 2, left: 2, bottom: 3, right: 2 }, color: "638EC6" }],
  print: { landscape: true },
};

describe("formatValue", () => {
  it.each([
    [0.8534, "0.0%", "85.3%"],
    [1, "0%", "100%"],
    [1234.5, "#,##0", "1,235"],
    [98.5, undefined, "98.5"],
    [0.1 + 0.2, undefined, "0.3"],
    [3, "0.00", "3.00"],
    ["=SUM(A1)", "#,##0", "=SUM(A1)"],
    [null, "0.0%", ""],
  ])("%p under %p is %p", (value, format, text) => {
    expect(formatValue(value, format)).toBe(text);
  });

  it("shows dates as ISO days", () => {
    expect(formatValue({ day: parseIsoDay("2026-02-03")! }, "yyyy-mm-dd")).toBe("2026-02-03");
  });
});

describe("previewModel", () => {
  const model = previewModel(preview(SPEC), styles);

  it("draws a merged title once, across its columns", () => {
    expect(model.rows[0]!.cells).toHaveLength(1);
    expect(model.rows[0]!.cells[0]).toMatchObject({
      colSpan: 3,
      rowSpan: 1,
      text: "汇总 · 检查日 2026-11-18",
    });
    expect(model.rows[0]!.height).toBe(32);
  });

  it("keeps the header row in view, as its column headers", () => {
    expect(model.rows.map((r) => r.sticky)).toEqual([false, true, false, false]);
    expect(model.rows[1]!.cells.every((c) => c.header)).toBe(true);
    expect(model.rows[2]!.cells.some((c) => c.header)).toBe(false);
  });

  it("formats and colours cells as the styles say", () => {
    const [unit, tasks, rate] = model.rows[2]!.cells;
    expect(unit).toMatchObject({ text: "综采一队", link: { sheet: "任务表", cell: "E5" } });
    expect(tasks).toMatchObject({ text: "1,234", style: { textAlign: "right" } });
    expect(rate!.text).toBe("85.3%");
    expect(rate!.style.backgroundImage).toBe(
      "linear-gradient(90deg, #638EC6B3 0%, #638EC633 85%, transparent 85%)",
    );
    expect(model.rows[1]!.cells[0]!.style).toMatchObject({ backgroundColor: "#DCE6F1", fontWeight: 600 });
    expect(model.rows[3]!.cells[2]!.text).toBe("2026-11-18");
    // A data bar only for numbers: the date in the bar's range has none.
    expect(model.rows[3]!.cells[2]!.style.backgroundImage).toBeUndefined();
  });

  it("sizes columns from Excel's widths and counts the rows left out", () => {
    expect(model.widths).toEqual([columnPixels(12), columnPixels(8), columnPixels(10)]);
    expect(model.hiddenRows).toBe(0);
    expect(previewModel(preview(SPEC, "汇总", 2), styles).hiddenRows).toBe(2);
  });

  it("previews a laid-out sheet from its grid, without making the rows it leaves out", () => {
    const laid = { ...SPEC, grid: specGrid(SPEC) };
    const unread = Object.defineProperty(laid, "rows", {
      get() {
        throw new Error("all the rows were made");
      },
    });
    const shown = preview(unread, "汇总", 2);
    expect(shown.rows).toStrictEqual(SPEC.rows.slice(0, 2));
    expect(shown.totalRows).toBe(4);
  });

  it("maps each style's font, colours and alignment to CSS", () => {
    expect(cellCss(styles.error)).toMatchObject({
      backgroundColor: "#FFC7CE",
      color: "#9C0006",
      fontWeight: 600,
      textAlign: "center",
      verticalAlign: "middle",
    });
    expect(cellCss(styles.title).fontSize).toBe("20px");
    expect(cellCss(styles.textWrap)).toMatchObject({ whiteSpace: "pre-wrap", verticalAlign: "top" });
    expect(cellCss(styles.link).textDecoration).toBe("underline");
  });
});

describe("SheetPreviewTable", () => {
  it("renders the rows as a table, and a link shows its cell", async () => {
    const opened: string[] = [];
    render(
      createElement(SheetPreviewTable, {
        preview: preview(SPEC),
        styles,
        label: "汇总",
        lang: "zh-CN",
        onLink: (sheet: string, cell: string) => opened.push(`${sheet}!${cell}`),
      }),
    );
    const table = screen.getByRole("table", { name: "汇总" });
    expect(
      within(table)
        .getAllByRole("columnheader")
        .map((th) => th.textContent),
    ).toEqual(["责任单位", "任务数", "完成率"]);
    expect(within(table).getByText("汇总 · 检查日 2026-11-18").getAttribute("colspan")).toBe("3");
    expect(within(table).getByText("85.3%")).toBeTruthy();
    await userEvent.click(within(table).getByRole("button", { name: "综采一队" }));
    expect(opened).toEqual(["任务表!E5"]);
  });
});
