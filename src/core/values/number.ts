// Points and scores (分值/得分), which clerks often store as text.

import type { CellValue } from "../workbook";
import { isDateCell } from "../workbook";
import { cellText, isPlaceholder } from "./text";

export type ParsedNumber =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number }
  | { readonly kind: "invalid"; readonly text: string };

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/** @example parseNumber("５分") // { kind: "number", value: 5 } */
export function parseNumber(value: CellValue | undefined): ParsedNumber {
  if (value === null || value === undefined) return { kind: "empty" };
  if (typeof value === "number") {
    return Number.isFinite(value) ? { kind: "number", value } : { kind: "invalid", text: String(value) };
  }
  // Named in the message as the cell shows it: TRUE, 2026-11-08.
  if (typeof value === "boolean" || isDateCell(value)) return { kind: "invalid", text: cellText(value) };
  // Not 十分 or 8（扣2分）: a 分值 or 得分 column is summed, and the clerk is asked for a number.
  // 5分, 10（分）, 5分。: the unit, in brackets or not, and a full stop after it.
  const text = value
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/[。.]$/, "")
    .replace(/(?:分|\(分\))$/, "");
  if (text === "" || isPlaceholder(text)) return { kind: "empty" };
  return NUMBER.test(text)
    ? { kind: "number", value: Number(text) }
    : { kind: "invalid", text: value.trim() };
}
