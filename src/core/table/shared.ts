// Tasks a group word gives to several units (各单位, 各区队, 全部): the task is each of theirs, so each gets it in
// its 督办单, while the summary and the ranking count it for none of them (it is one row with one status).

import { isGroupWord, unitExpander } from "../recurring/units";
import type { RosterUnit } from "../sheets";
import type { TaskRow } from "./rows";

/** A task whose lead unit is a group word, with the units the word names. */
export interface SharedTask {
  /** The task's index among the task rows (TaskRow.index). */
  readonly index: number;
  /**
   * Every unit the unit cell names once its group words are expanded, in the roster's order (or the table's);
   * empty where they name none (相关单位, or 各车间 where no unit is a 车间).
   */
  readonly units: readonly string[];
  /**
   * Those of `units` whose done answer to the task an earlier merge kept (the workbook's record, until every unit
   * has answered): their 督办单 no longer chase it. Absent where none has.
   */
  readonly answered?: readonly string[];
}

/**
 * The tasks whose lead unit is a group word, each with the units it names: by the roster where there is one
 * (its types decide 各区队 and 各科室), else by the units the table itself names (their names decide: …队,
 * …科). Units listed beside the group word (各区队、机电科) are among them.
 * @example sharedTasks(rows, [{ name: "综采一队", type: "区队" }, { name: "机电科", type: "科室" }])
 *   // a row of 各区队 → [{ index, units: ["综采一队"] }]
 */
export function sharedTasks(
  rows: readonly TaskRow[],
  roster: readonly RosterUnit[] | undefined,
): SharedTask[] {
  // A table names a few dozen units in its many rows: each name is judged once.
  const judged = new Map<string, boolean>();
  const isGroup = (unit: string) => {
    let group = judged.get(unit);
    if (group === undefined) judged.set(unit, (group = isGroupWord(unit)));
    return group;
  };
  const grouped = rows.filter((row) => row.unit !== "" && isGroup(row.unit));
  if (grouped.length === 0) return [];
  const expand = unitExpander(roster ?? tableUnits(rows, isGroup));
  return grouped.map((row) => ({ index: row.index, units: expand(row.units).units }));
}

/** The units a table names, as a roster without types, in the order first named: what a group word can mean there. */
function tableUnits(rows: readonly TaskRow[], isGroup: (unit: string) => boolean): RosterUnit[] {
  const names = new Set<string>();
  for (const row of rows) for (const unit of row.units) if (!isGroup(unit)) names.add(unit);
  return [...names].map((name) => ({ name, type: "" }));
}
