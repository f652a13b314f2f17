// The table's location (sheet, header row, columns) as the pane shows it, and the settings a correction saves.

import {
  columnIndex,
  columnLetter,
  FIELDS,
  mergeSettings,
  type CheckResult,
  type ColumnOverrides,
  type Field,
  type SettingsInput,
  type TableProblem,
} from "../core";

/** Where the table is: what a check found, or what the settings and a table problem suggest. */
export interface TableMapping {
  readonly sheet?: string;
  readonly headerRow?: number;
  /** Column letter per field. */
  readonly columns: ColumnOverrides;
  /** The specification (工作规范) and ledger (台账) sheets the settings name; absent: found by name. */
  readonly spec?: string;
  readonly ledger?: string;
}

/** A person's correction: sheet and header row as chosen; only the columns they changed. */
export interface MappingChoice {
  readonly sheet: string;
  readonly headerRow: number;
  /** A letter pins a field to that column; null takes the pin away (detect automatically). */
  readonly columns: Readonly<Partial<Record<Field, string | null>>>;
  /** The sheet or the header row changed: the columns saved before were for another header, drop them. */
  readonly locationChanged: boolean;
  /** Specification and ledger sheets: a name pins it, null finds it by name again, absent leaves it. */
  readonly spec?: string | null;
  readonly ledger?: string | null;
}

/** A column a field can be set to: its letter and the text in the header row. */
export interface ColumnOption {
  readonly letter: string;
  readonly header: string;
}

/** The mapping to start a correction from: the last check's, else the stored settings and the problem's hints. */
export function mappingBase(
  result: CheckResult | undefined,
  stored: SettingsInput | undefined,
  problem: TableProblem | undefined,
): TableMapping {
  const recurring = {
    ...(typeof stored?.spec === "string" ? { spec: stored.spec } : {}),
    ...(typeof stored?.ledger === "string" ? { ledger: stored.ledger } : {}),
  };
  if (result)
    return { sheet: result.sheet, headerRow: result.headerRow, columns: result.columns, ...recurring };
  const storedColumns = isRecord(stored?.columns) ? stored.columns : {};
  const columns: ColumnOverrides = {};
  for (const field of FIELDS) {
    const value = storedColumns[field];
    if (typeof value === "string" && columnIndex(value) !== undefined) columns[field] = value.toUpperCase();
  }
  const problemSheet = problem && "sheet" in problem.values ? problem.values.sheet : undefined;
  const problemRow = problem?.problem === "missing-columns" ? problem.values.row : undefined;
  const sheet = typeof stored?.sheet === "string" ? stored.sheet : problemSheet;
  const headerRow = typeof stored?.headerRow === "number" ? stored.headerRow : problemRow;
  return {
    ...(sheet === undefined ? {} : { sheet }),
    ...(headerRow === undefined ? {} : { headerRow }),
    columns,
    ...recurring,
  };
}

/**
 * The settings to store after a correction: the stored ones (unvalidated, kept as they are) with the
 * sheet, the header row and the changed columns put in.
 */
export function applyMapping(stored: SettingsInput | undefined, choice: MappingChoice): SettingsInput {
  const before = !choice.locationChanged && isRecord(stored?.columns) ? stored.columns : {};
  const columns: Record<string, unknown> = { ...before };
  for (const field of FIELDS) {
    const letter = choice.columns[field];
    if (letter === null) delete columns[field];
    else if (letter !== undefined) columns[field] = letter;
  }
  const settings: Record<string, unknown> = {
    ...mergeSettings(stored, { sheet: choice.sheet, headerRow: choice.headerRow }),
    columns: columns as ColumnOverrides,
  };
  for (const key of ["spec", "ledger"] as const) {
    const value = choice[key];
    if (value === null) delete settings[key];
    else if (value !== undefined) settings[key] = value;
  }
  return settings as SettingsInput;
}

/** The columns of a header row, up to its last filled cell, and any column already chosen beyond it. */
export function columnOptions(headerTexts: readonly string[], chosen: readonly string[]): ColumnOption[] {
  let last = headerTexts.length - 1;
  while (last >= 0 && !headerTexts[last]?.trim()) last--;
  for (const letter of chosen) last = Math.max(last, columnIndex(letter) ?? -1);
  return Array.from({ length: last + 1 }, (_, i) => ({
    letter: columnLetter(i),
    header: headerTexts[i]?.trim() ?? "",
  }));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
