// Points and scores (分值/得分), which clerks often store as text.

import type { CellValue } from "../workbook";
import { isDateCell } from "../workbook";
import { smallNumber } from "./numerals";

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
  if (typeof value === "boolean" || isDateCell(value)) return { kind: "invalid", text: String(value) };
  // 8（扣2分）: a note in brackets after the number is not part of it.
  const text = value
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/\([^()]*\)$/, "")
    .replace(/分$/, "");
  if (text === "" || PLACEHOLDER.test(text)) return { kind: "empty" };
  if (NUMBER.test(text)) return { kind: "number", value: Number(text) };
  // 五, 十, 二十: a small number in Chinese numerals.
  if (CHINESE_NUMBER.test(text)) return { kind: "number", value: smallNumber(text) };
  return { kind: "invalid", text: value.trim() };
}

/** A dash or a slash alone is how a clerk leaves a cell blank on purpose (/, -, —, ——). */
const PLACEHOLDER = /^[-/—–―]+$/;
const CHINESE_NUMBER = /^(?:[一二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])$/;
