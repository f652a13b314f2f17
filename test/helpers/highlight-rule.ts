// Duban's highlight rule evaluated as a spreadsheet evaluates it, for the one form Duban writes:
// SUMPRODUCT(--EXACT(<cells and literals joined by &>, 'Sheet'!$A$1:$A$9))>0. References count from the top-left
// cell of the format's range unless anchored with $, as in Excel; the key the row builds must be one of the
// list's cells, exactly. The Office.js fake and the tests of the .xlsx output both read rules through this.

import { isFormulaError } from "../../src/core/values/text";
import { columnIndex } from "../../src/core/workbook";

export interface RuleCells {
  /** The text Excel's & makes of the formatted sheet's cell (zero-based). */
  text(row: number, column: number): string;
  /** The cells of another sheet's column, rows `first` to `last` (zero-based), as text. */
  list(sheet: string, column: number, first: number, last: number): readonly string[];
}

const RULE =
  /^=?SUMPRODUCT\(--EXACT\((.*),(?:'((?:[^']|'')+)'|([^!',]+))!\$([A-Z]{1,3})\$(\d+):\$([A-Z]{1,3})\$(\d+)\)\)>0$/;

/** Whether a formula has the form Duban writes (any other rule is a person's). */
export function isKeyedRule(formula: string): boolean {
  return RULE.test(formula);
}

/**
 * Whether the rule holds at the cell `down` rows and `across` columns from its range's top-left cell.
 * @throws on a formula of another form, so that a test never passes by not understanding a rule.
 */
export function keyedRuleHolds(formula: string, down: number, across: number, cells: RuleCells): boolean {
  const match = RULE.exec(formula);
  if (!match) throw new Error(`not a rule of Duban's form: ${formula}`);
  const reference = (ref: string): { row: number; column: number } => {
    const m = /^(\$?)([A-Z]{1,3})(\$?)(\d+)$/.exec(ref);
    if (!m) throw new Error(`cannot evaluate ${ref} in ${formula}`);
    return {
      column: columnIndex(m[2]!)! + (m[1] ? 0 : across),
      row: Number(m[4]) - 1 + (m[3] ? 0 : down),
    };
  };
  // A formula's error value in a cell (#N/A, #REF!: a cell holding one shows it as its text here, as Excel
  // itself turns a typed #N/A into the error) passes through & as Excel passes it: the key is an error,
  // and the rule holds nowhere on that row, unless the part catches it (IFERROR(cell&"",…)).
  const cell = (ref: string): string | undefined => {
    const at = reference(ref);
    const text = cells.text(at.row, at.column);
    return isFormulaError(text) ? undefined : text;
  };
  const parts = topLevelParts(match[1]!).map((part) => {
    if (part.startsWith('"')) return unquote(part);
    const column = /^COLUMN\((.+)\)$/.exec(part);
    if (column) return String(reference(column[1]!).column + 1);
    const caught = /^IFERROR\(([$A-Z0-9]+)&"",("(?:[^"]|"")*")\)$/.exec(part);
    if (caught) return cell(caught[1]!) ?? unquote(caught[2]!);
    return cell(part);
  });
  if (parts.some((part) => part === undefined)) return false;
  const key = parts.join("");
  const sheet = (match[2] ?? match[3] ?? "").replace(/''/g, "'");
  if (match[4] !== match[6]) throw new Error(`a list of more than one column in ${formula}`);
  const list = cells.list(sheet, columnIndex(match[4]!)!, Number(match[5]) - 1, Number(match[7]) - 1);
  return list.includes(key);
}

function unquote(literal: string): string {
  return literal.slice(1, -1).replace(/""/g, '"');
}

/** The operands of the top-level & in an expression: outside quotes and parentheses. */
function topLevelParts(expression: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < expression.length; i++) {
    const c = expression[i];
    if (c === '"') quoted = !quoted;
    else if (quoted) continue;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === "&" && depth === 0) {
      parts.push(expression.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(expression.slice(start));
  return parts;
}
