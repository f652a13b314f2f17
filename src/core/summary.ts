// 汇总: counts and rates per unit and per category, as the spec defines them.

import type { Finding } from "./findings";
import type { RuleId } from "./settings";
import type { TaskRow } from "./table/rows";
import { isGroupWord } from "./recurring/units";
import { closest } from "./values/text";

export interface SummaryLine {
  /** The unit or category this line is about; "" for the total. */
  readonly name: string;
  readonly tasks: number;
  readonly done: number;
  readonly onTime: number;
  readonly late: number;
  readonly open: number;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly dataProblems: number;
  /** done ÷ tasks */
  readonly completionRate: number;
  /** onTime ÷ (onTime + late); null when both are 0. */
  readonly onTimeRate: number | null;
  /** Rows flagged done-late, and omissions (漏项) found for this unit: what the ranking's score weighs. */
  readonly doneLateFindings: number;
  readonly missingInstances: number;
  /** Rows with a 分值 (points) above 0: what points-based scoring (考核评分) can weigh. */
  readonly pointsTasks: number;
  /** 分值 of the rows that can be assessed now, and the 得分 they earned (see pointsOf). */
  readonly pointsPossible: number;
  readonly pointsEarned: number;
  /**
   * Set only with a roster, for a unit that is not on it: the roster name it most likely means, none for a
   * group word (各单位, 全部), which names many units and no one of them.
   */
  readonly notOnRoster?: { readonly suggestion?: string };
  /**
   * Set for a group word (各单位, 各区队, 全部): its tasks are each of the units it names (their 督办单 carry them),
   * and it is no unit of its own, to be ranked or compared with the others, roster or none.
   */
  readonly group?: true;
}

/** The counts of a summary line, in the order every summary table shows them. */
export const SUMMARY_COUNTS = [
  "tasks",
  "done",
  "onTime",
  "late",
  "open",
  "overdue",
  "dueSoon",
  "dataProblems",
] as const;
export type SummaryCount = (typeof SUMMARY_COUNTS)[number];
/** The rates, shown after the counts. */
export const SUMMARY_RATES = ["completionRate", "onTimeRate"] as const;
/** Every column of a summary table after the unit or category; each is also the catalogue's word for it. */
export const SUMMARY_COLUMNS = [...SUMMARY_COUNTS, ...SUMMARY_RATES] as const;

export interface Summary {
  readonly units: readonly SummaryLine[];
  readonly categories: readonly SummaryLine[];
  readonly total: SummaryLine;
}

const PROGRESS_RULES: ReadonlySet<RuleId> = new Set(["overdue", "due-soon", "done-late"]);

interface Counts {
  tasks: number;
  done: number;
  onTime: number;
  late: number;
  overdue: number;
  dueSoon: number;
  dataProblems: number;
  doneLateFindings: number;
  missingInstances: number;
  pointsTasks: number;
  pointsPossible: number;
  pointsEarned: number;
}

const zero = (): Counts => ({
  tasks: 0,
  done: 0,
  onTime: 0,
  late: 0,
  overdue: 0,
  dueSoon: 0,
  dataProblems: 0,
  doneLateFindings: 0,
  missingInstances: 0,
  pointsTasks: 0,
  pointsPossible: 0,
  pointsEarned: 0,
});

/**
 * Summarises task rows and their findings. `roster` orders the units it names; others follow in the order
 * they first appear, and with a roster each of them is marked notOnRoster with the roster name it most
 * likely means. A unit matches its roster name as the unknown-unit rule matches it (ignoring case) and
 * counts under the roster's spelling. Rows without a unit (or category) count only in the total.
 */
export function summarise(
  rows: readonly TaskRow[],
  findings: readonly Finding[],
  roster: readonly string[] = [],
): Summary {
  const flags = rowFlags(rows.length, findings);
  const rosterName = rosterNames(roster);
  const units = new Map<string, Counts>([...rosterName.values()].map((unit) => [unit, zero()]));
  const named = new Map<string, string>();
  const nameOf = (unit: string): string => {
    let name = named.get(unit);
    if (name === undefined) named.set(unit, (name = rosterName.get(unit.toLowerCase()) ?? unit));
    return name;
  };
  const categories = new Map<string, Counts>();
  const total = zero();

  for (const row of rows) {
    const flag = flags[row.index]!;
    // Weighed once for the row's three lines (the total, its unit's, its category's).
    const points = pointsOf(row, (flag & OVERDUE) !== 0);
    add(total, row, flag, points);
    if (row.unit !== "") {
      const unit = nameOf(row.unit);
      let counts = units.get(unit);
      if (!counts) units.set(unit, (counts = zero()));
      add(counts, row, flag, points);
    }
    if (row.category !== "") {
      let counts = categories.get(row.category);
      if (!counts) categories.set(row.category, (counts = zero()));
      add(counts, row, flag, points);
    }
  }
  for (const finding of findings) {
    if (finding.rule !== "missing-instance" || !finding.unit) continue;
    const unit = nameOf(finding.unit);
    let counts = units.get(unit);
    if (!counts) units.set(unit, (counts = zero()));
    counts.missingInstances += 1;
    total.missingInstances += 1;
  }
  return {
    // A roster unit with no task row and no omission is left out.
    units: [...units]
      .filter(([, counts]) => counts.tasks > 0 || counts.missingInstances > 0)
      .map(([unit, counts]) => {
        const summary = { ...line(unit, counts), ...(isGroupWord(unit) && { group: true as const }) };
        if (roster.length === 0 || rosterName.has(unit.toLowerCase())) return summary;
        return {
          ...summary,
          notOnRoster: isGroupWord(unit) ? {} : { suggestion: closest(unit, roster)! },
        };
      }),
    categories: [...categories].map(([category, counts]) => line(category, counts)),
    total: line("", total),
  };
}

/** The roster's names by their lower-case form, the first spelling of each: how units are matched to it. */
export function rosterNames(roster: readonly string[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const unit of roster) if (!names.has(unit.toLowerCase())) names.set(unit.toLowerCase(), unit);
  return names;
}

const OVERDUE = 1;
const DUE_SOON = 2;
const DATA_PROBLEM = 4;
const DONE_LATE = 8;

function rowFlags(rowCount: number, findings: readonly Finding[]): Uint8Array {
  const flags = new Uint8Array(rowCount);
  for (const finding of findings) {
    if (finding.taskIndex === undefined) continue;
    let bit = DATA_PROBLEM;
    if (finding.rule === "overdue") bit = OVERDUE;
    else if (finding.rule === "due-soon") bit = DUE_SOON;
    else if (finding.rule === "done-late") bit = DONE_LATE;
    else if (PROGRESS_RULES.has(finding.rule)) continue;
    flags[finding.taskIndex]! |= bit;
  }
  return flags;
}

function add(counts: Counts, row: TaskRow, flag: number, points: ReturnType<typeof pointsOf>): void {
  counts.tasks += 1;
  if (row.status.kind === "done") {
    counts.done += 1;
    if (row.doneDate.kind === "day" && row.deadline.kind === "day") {
      if (row.doneDate.day <= row.deadline.day) counts.onTime += 1;
      else counts.late += 1;
    }
  }
  if (flag & OVERDUE) counts.overdue += 1;
  if (flag & DUE_SOON) counts.dueSoon += 1;
  if (flag & DATA_PROBLEM) counts.dataProblems += 1;
  if (flag & DONE_LATE) counts.doneLateFindings += 1;
  if (points) {
    counts.pointsTasks += 1;
    counts.pointsPossible += points.possible;
    counts.pointsEarned += points.earned;
  }
}

/**
 * What a row weighs in points-based scoring (考核评分), undefined without a 分值 above 0. A 得分 written in
 * the table is the plant's own assessment and counts as written, between 0 and the 分值 (a higher one is
 * reported by score-over-points). With 得分 empty: done on time (or without the dates to tell) earns the
 * 分值, done late half of it, open and overdue nothing; an open task not yet overdue is not assessed yet
 * and counts neither way (possible 0).
 */
export function pointsOf(
  row: Pick<TaskRow, "points" | "score" | "status" | "doneDate" | "deadline">,
  overdue: boolean,
): { possible: number; earned: number } | undefined {
  if (row.points.kind !== "number" || !(row.points.value > 0)) return undefined;
  const possible = row.points.value;
  if (row.score.kind === "number")
    return { possible, earned: Math.min(possible, Math.max(0, row.score.value)) };
  if (row.status.kind === "done") {
    const late =
      row.doneDate.kind === "day" && row.deadline.kind === "day" && row.doneDate.day > row.deadline.day;
    return { possible, earned: late ? possible / 2 : possible };
  }
  return overdue ? { possible, earned: 0 } : { possible: 0, earned: 0 };
}

function line(name: string, c: Counts): SummaryLine {
  return {
    name,
    ...c,
    open: c.tasks - c.done,
    completionRate: c.tasks === 0 ? 0 : c.done / c.tasks,
    onTimeRate: c.onTime + c.late === 0 ? null : c.onTime / (c.onTime + c.late),
  };
}
