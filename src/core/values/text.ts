// Text as clerks type it: full-width forms, stray and full-width spaces, line breaks inside cells.

import type { CellValue } from "../workbook";
import isFullwidthCodePoint from "is-fullwidth-code-point";
import { formatDay } from "../day";

/** NFKC folds full-width letters, digits, punctuation and the ideographic space into their plain forms. */
export function normalizeText(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim();
}

/**
 * `text.normalize("NFKC")` for a text made only of what most task texts are made of: printable ASCII but the
 * space, CJK ideographs and their commonest punctuation (、。《》「」『』【】), which NFKC leaves as they are,
 * and full-width ASCII forms (Ａ１（）), which it makes plain ASCII. Undefined for any other text, white space
 * among it, which needs ICU's normalisation: on Node 20 that costs two to three times as much as looking at each
 * character of a text with nothing to fold (most unit names and statuses), and about as much on one with
 * full-width forms (measured on the bench's 100,000 rows).
 */
export function foldPlainText(text: string): string | undefined {
  const units = FOLDED_UNITS;
  let fullWidth = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    units[i] = c;
    if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) continue;
    if (c === 0x3001 || c === 0x3002 || (c >= 0x300a && c <= 0x3011)) continue;
    if (c < 0xff01 || c > 0xff5e) return undefined;
    fullWidth = true;
    units[i] = c - 0xfee0;
  }
  if (!fullWidth) return text;
  // Made whole from its code units in one call, not joined piece by piece: a joined text is a rope, flattened
  // again by the first search or hash of it (each row's task key), and this is a tenth of a 100,000-row check.
  units.length = text.length;
  if (text.length <= MAX_UNITS_AT_ONCE) return String.fromCharCode.apply(null, units);
  let folded = "";
  for (let from = 0; from < units.length; from += MAX_UNITS_AT_ONCE)
    folded += String.fromCharCode.apply(null, units.slice(from, from + MAX_UNITS_AT_ONCE));
  return folded;
}

/** The code units of the text foldPlainText folds, in one array kept for every call. */
const FOLDED_UNITS: number[] = [];
/** Arguments to one call, well below what an engine takes. */
const MAX_UNITS_AT_ONCE = 8192;

/** A key for comparing names of columns and words: no case, spaces, punctuation or symbols. */
export function compactKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** The text a cell shows, for messages and for comparing. */
export function cellText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return formatDay(value.day);
}

export function isBlank(value: CellValue | undefined): boolean {
  if (value === null || value === undefined) return true;
  return typeof value === "string" && value.trim() === "";
}

/**
 * An error a formula gives, as a cell holds it (t="e"): #N/A from a lookup whose sheet or row is gone, #REF!,
 * #DIV/0! … A clerk is told to look at the formula, not to type another value.
 */
const FORMULA_ERROR =
  /^#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

export function isFormulaError(text: string): boolean {
  return text.startsWith("#") && FORMULA_ERROR.test(text);
}

/** A dash or a slash alone is how a clerk leaves a cell blank on purpose (/, -, —, ——). */
export function isPlaceholder(text: string): boolean {
  return /^[-/—–―]+$/.test(text);
}

/** True for anything that is not blank, dates included. */
export function isFilled(value: CellValue | undefined): boolean {
  // isBlank inverted, written out: tables ask this of every cell they read.
  if (value === null || value === undefined) return false;
  return typeof value !== "string" || value.trim() !== "";
}

/** The words for a unit's part in a task: 牵头 (lead), 配合 and 协办 (in support), 负责, 主办, 参与. */
const ROLE = "牵头|配合|协办|协助|参与|负责|主办|主责";
/** 综采一队（牵头）, 机电科(配合单位): the role after the name, in brackets. */
const ROLE_IN_BRACKETS = new RegExp(`\\s*\\((?:${ROLE})(?:单位|部门)?\\)`, "g");
/** 综采一队（牵头）机电科（配合）: a role in brackets with another unit after it, as good as a 、. */
const ROLE_BETWEEN = new RegExp(`[(（](?:${ROLE})(?:单位|部门)?[)）](?=\\s*[^\\s、,，;；])`, "g");
/** 牵头：综采一队, 配合单位: 机电科: the role before the name. */
const ROLE_BEFORE = new RegExp(`^(?:${ROLE}|责任)(?:单位|部门)?\\s*:\\s*`);
/** 综采一队牵头, 机电科配合: the role written straight after the name. */
const ROLE_AFTER = new RegExp(`(?<=.)(?:${ROLE})$`);

/**
 * Units listed in one cell: 综采一队、机电科 / A, B; C / one per line. Each unit's role written beside it is
 * not part of its name (综采一队（牵头）、机电科（配合）, 牵头：综采一队；配合：机电科): the first unit leads.
 */
export function splitUnits(text: string): string[] {
  return text
    .replace(ROLE_BETWEEN, "、")
    .split(/[、,，;；\n\r]+/)
    .map((unit) => withoutRole(normalizeText(unit)))
    .filter((unit) => unit !== "");
}

function withoutRole(unit: string): string {
  return unit.replace(ROLE_IN_BRACKETS, "").replace(ROLE_BEFORE, "").replace(ROLE_AFTER, "");
}

/** A unit's name as compared with the roster's: no case, no spaces (机 电 科 is 机电科). */
// Stryker disable next-line MethodExpression,Regex: equivalent, the roster and the cell are keyed alike
const unitKey = (name: string) => name.normalize("NFKC").toLowerCase().replace(/\s+/g, "");
/** 机电科（张三）, 机电科(科长:张三): a person or a note in brackets after the unit's name. */
const NOTE_IN_BRACKETS = /\s*\(([^()]*)\)$/;
/** How units are joined where splitUnits does not cut: 机电科/通风科, 机电科 通风科, 机电科和通风科. */
const JOINED = /\s*(?:[\s/+]|和|及|与|暨)\s*/;

/**
 * Reads a unit (one of splitUnits') as the roster names it, where the cell says more than the name: units
 * joined otherwise (机电科/通风科, 机电科 通风科, 机电科和通风科: only where every part is on the roster, for
 * a department may be called 安全和环保部), a person or a note after it (机电科（张三）, 机电科 张三, 机电科等),
 * spaces inside it (机 电 科). Anything else stays as written, for unknown-unit to tell.
 * @example rosterUnits(["机电科", "通风科"])("机电科/通风科") // ["机电科", "通风科"]
 */
export function rosterUnits(roster: readonly string[]): (unit: string) => readonly string[] {
  const byKey = new Map<string, string>();
  for (const name of roster) if (!byKey.has(unitKey(name))) byKey.set(unitKey(name), name);
  const find = (text: string) => byKey.get(unitKey(text));
  return (unit) => {
    const named = find(unit) ?? find(unit.replace(NOTE_IN_BRACKETS, "")) ?? find(unit.replace(/等$/, ""));
    if (named !== undefined) return [named];
    const found = unit.split(JOINED).map((part) => find(withoutRole(part)));
    if (found.every((name) => name !== undefined)) return [...new Set(found as string[])];
    // 机电科 张三, 机电科：张三: the unit, then who in it answers for the task (the unit is normalised: one
    // space apart, a colon made ASCII).
    const first = find(unit.split(/[ :]/)[0]!);
    if (first !== undefined) return [first];
    // 张三（机电科）: who answers for the task, and the unit in brackets.
    const bracketed = NOTE_IN_BRACKETS.exec(unit)?.[1];
    const inBrackets = bracketed === undefined ? undefined : find(bracketed);
    return inBrackets === undefined ? [unit] : [inBrackets];
  };
}

/** Edit distance by characters (a Chinese name is compared character by character). */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      const substitution = previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[y.length]!;
}

/**
 * The candidate closest to `text`, ties to the earlier one; undefined when there are none. A candidate that
 * `text` abbreviates (党办 for 党委办公室, 机电 for 机电科: its characters in order) or that `text` holds whole
 * (通风科室 holds 通风科) comes first, however many characters it adds: by edit distance alone, 党办 was
 * closest to 机电科.
 */
export function closest(text: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const related = abbreviates(text, candidate) || (candidate !== "" && text.includes(candidate));
    // Related candidates rank below every unrelated distance (no name is a million characters long).
    const distance = editDistance(text, candidate) - (related ? 1e6 : 0);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Whether `short`'s characters (two or more) all appear in `long`, in order, and `long` begins with its first
 * (a name abbreviates itself: it is held whole, too).
 */
function abbreviates(short: string, long: string): boolean {
  if (short.length < 2 || short[0] !== long[0]) return false;
  let at = 0;
  for (const char of long) if (char === short[at] && ++at === short.length) return true;
  return false;
}

/** Columns a text takes in a fixed-width layout: two for each CJK or full-width character. */
export function displayWidth(text: string): number {
  return columnsBetween(text, 0, text.length, 1);
}

/**
 * Columns of `text` from code unit `start` up to `end`, counted as displayWidth counts them except that ★
 * takes `starColumns` (spreadsheet fonts draw it as wide as a CJK character, terminals as one column).
 */
export function columnsBetween(text: string, start: number, end: number, starColumns: number): number {
  return columns(text, start, end, starColumns, false);
}

/**
 * The columns of a text of one line, as columnsBetween counts them; -1 for a text with a line break, whose
 * lines are measured one by one. One pass over each of the hundreds of thousands of texts a large check's
 * sheets measure, nearly all of one line.
 */
export function lineColumns(text: string, starColumns: number): number {
  return columns(text, 0, text.length, starColumns, true);
}

function columns(text: string, start: number, end: number, starColumns: number, oneLine: boolean): number {
  let width = 0;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    // Generated sheets measure millions of characters: Latin text, CJK Unified Ideographs, CJK punctuation and
    // full-width forms, nearly all of them, are answered without building a code point.
    if (code < 0x1100) {
      if (code === 0x0a && oneLine) return -1;
      width += 1;
    } else if (
      (code >= 0x4e00 && code <= 0x9fff) ||
      (code >= 0xff01 && code <= 0xff60) ||
      (code >= 0x3000 && code <= 0x303e)
    )
      width += 2;
    else if (code === 0x2605) width += starColumns;
    else {
      let point = code;
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < end) {
        const low = text.charCodeAt(i + 1);
        if (low >= 0xdc00 && low <= 0xdfff) {
          point = (code - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
          i++;
        }
      }
      width += isFullwidthCodePoint(point) ? 2 : 1;
    }
  }
  return width;
}
