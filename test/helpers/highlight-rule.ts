// Duban's highlight rule evaluated as a spreadsheet evaluates it, for the one form Duban writes:
// SUMPRODUCT(--EXACT(<cells and literals joined by &>, 'Sheet'!$A$1:$A$9))>0. References count from the top-left
// cell of the format's range unless anchored with $, as in Excel; the key the row builds must be one of the
// list's cells, exactly. The Office.js fake and the tests of the .xlsx output both read rules through this.

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
  const key = (match[1]!.match(/"(?:[^"]|"")*"|[^&]+/g) ?? [])
    .map((part) => {
      if (part.startsWith('"')) return part.slice(1, -1).replace(/""/g, '"');
      const column = /^COLUMN\((.+)\)$/.exec(part);
      if (column) return String(reference(column[1]!).column + 1);
      const at = reference(part);
      return cells.text(at.row, at.column);
    })
    .join("");
  const sheet = (match[2] ?? match[3] ?? "").replace(/''/g, "'");
  if (match[4] !== match[6]) throw new Error(`a list of more than one column in ${formula}`);
  const list = cells.list(sheet, columnIndex(match[4]!)!, Number(match[5]) - 1, Number(match[7]) - 1);
  return list.includes(key);
}
