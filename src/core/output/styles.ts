// The look of the generated sheets: a few calm styles, the highlight colours taken from the settings.

import type { Settings } from "../settings";
import type { CellStyle, StyleName } from "./spec";

const INK = "1F2937";
const TITLE = "1F3864";
const GREY = "595959";
const HEADER_FILL = "DCE6F1";
const TOTAL_FILL = "F2F2F2";
const PARAGRAPH_FILL = "F7F9FC";
const LINK = "0563C1";
const GOLD = "BF8F00";
const GREEN = "2E7D32";
const RED = "C00000";
/** The cells a unit fills in on its notice: the light yellow of Excel's own Note style. */
const INPUT_FILL = "FFF2CC";
const INPUT_HEADER_FILL = "FFE699";
/**
 * The progress chart's bars: planned grey, done the green of Excel's Good style; today's column amber, apart
 * from the blue of done late and the red of overdue.
 */
const PLANNED_FILL = "D9D9D9";
const DONE = { fill: "C6EFCE", text: "006100" };
const TODAY_FILL = "FFC000";
const TODAY_LINE_FILL = "FFF2CC";

/**
 * Every style a generated sheet uses. Font sizes are in points; the font family is left to the host (the
 * workbook's default), so CJK text keeps the font the person's Excel or WPS shows it in.
 * @example styleSheet(DEFAULT_SETTINGS).legendOverdue // { fill: "FFC7CE", color: "9C0006", border: true, … }
 */
export function styleSheet(settings: Settings): Readonly<Record<StyleName, CellStyle>> {
  const { colors } = settings;
  const cell = { border: true, vertical: "center" } as const;
  const number = { ...cell, horizontal: "right", numberFormat: "#,##0" } as const;
  const percent = { ...cell, horizontal: "right", numberFormat: "0.0%" } as const;
  const total = { bold: true, fill: TOTAL_FILL } as const;
  const chip = (colour: { fill: string; text: string }): CellStyle => ({
    ...cell,
    horizontal: "center",
    fill: colour.fill.toUpperCase(),
    color: colour.text.toUpperCase(),
  });
  return {
    title: { bold: true, size: 15, color: TITLE, vertical: "center", wrap: true },
    subtitle: { size: 10, color: GREY, vertical: "center", wrap: true },
    header: {
      ...cell,
      bold: true,
      color: INK,
      fill: HEADER_FILL,
      horizontal: "center",
      wrap: true,
    },
    text: cell,
    textWrap: { ...cell, vertical: "top", wrap: true },
    number,
    // Scores: 98.5 and 100 as they are, without a forced decimal.
    decimal: { ...cell, horizontal: "right" },
    // Scores compared across the days of 考核记录: 95.80 beside 93.00, not 95.8 beside 93.
    score: { ...cell, horizontal: "right", numberFormat: "0.00" },
    percent,
    date: { ...cell, horizontal: "center", numberFormat: "yyyy-mm-dd" },
    link: { ...cell, color: LINK, underline: true },
    totalText: { ...cell, ...total },
    totalNumber: { ...number, ...total },
    totalPercent: { ...percent, ...total },
    paragraph: { border: true, fill: PARAGRAPH_FILL, vertical: "top", wrap: true, size: 11, color: INK },
    sectionTitle: { bold: true, size: 13, color: TITLE, vertical: "center" },
    error: { ...chip(colors.overdue), bold: true },
    warning: chip(colors.dueSoon),
    info: chip(colors.doneLate),
    legendOverdue: chip(colors.overdue),
    legendDueSoon: chip(colors.dueSoon),
    legendDoneLate: chip(colors.doneLate),
    legendData: chip(colors.data),
    legendMerged: chip(colors.merged),
    stars: { ...cell, color: GOLD },
    // Left-aligned like the "—" and "新" beside them in the change column.
    rankUp: { ...cell, color: GREEN, bold: true },
    rankDown: { ...cell, color: RED, bold: true },
    // What a unit may change on its notice: the one fill that is theirs, and unlocked under the protection.
    input: { ...cell, vertical: "top", wrap: true, fill: INPUT_FILL, locked: false },
    inputDate: {
      ...cell,
      horizontal: "center",
      numberFormat: "yyyy-mm-dd",
      fill: INPUT_FILL,
      locked: false,
    },
    // The line that says which cells are the unit's: in their colour, but not one of them.
    inputNote: { border: true, fill: INPUT_FILL, vertical: "center", wrap: true, size: 10, color: INK },
    inputHeader: {
      ...cell,
      bold: true,
      color: INK,
      fill: INPUT_HEADER_FILL,
      horizontal: "center",
      wrap: true,
    },
    // The bars are fills alone (no conditional format), so WPS, LibreOffice and a phone show them too.
    barPlanned: chip({ fill: PLANNED_FILL, text: INK }),
    barDone: chip(DONE),
    barLate: chip(colors.doneLate),
    barOverdue: chip(colors.overdue),
    barEmpty: cell,
    barToday: { ...cell, bold: true, horizontal: "center", fill: TODAY_FILL, color: INK },
    barTodayLine: { ...cell, fill: TODAY_LINE_FILL },
  };
}
