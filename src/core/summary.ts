// 汇总: counts and rates per unit and per category, as the spec defines them.

import type { Finding } from "./findings";
import type { RuleId } from "./settings";
import type { TaskRow } from "./table/rows";

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
});

/**
 * Summarises task rows and their findings. `unitOrder` (the roster) orders the units it names; others
 * follow in the order they first appear. Rows without a unit (or category) count only in the total.
 */
export function summarise(
  rows: readonly TaskRow[],
  findings: readonly Finding[],
  unitOrder: readonly string[] = [],
): Summary {
  const flags = rowFlags(rows.length, findings);
  const units = new Map<string, Counts>(unitOrder.map((unit) => [unit, zero()]));
  const categories = new Map<string, Counts>();
  const total = zero();

  for (const row of rows) {
    const flag = flags[row.index]!;
    add(total, row, flag);
    if (row.unit !== "") {
      let counts = units.get(row.unit);
      if (!counts) units.set(row.unit, (counts = zero()));
      add(counts, row, flag);
    }
    if (row.category !== "") {
      let counts = categories.get(row.category);
      if (!counts) categories.set(row.category, (counts = zero()));
      add(counts, row, flag);
    }
  }
  for (const finding of findings) {
    if (finding.rule !== "missing-instance" || !finding.unit) continue;
    let counts = units.get(finding.unit);
    if (!counts) units.set(finding.unit, (counts = zero()));
    counts.missingInstances += 1;
    total.missingInstances += 1;
  }
  return {
    // A roster unit with no task row and no omission is left out.
    units: [...units]
      .filter(([, counts]) => counts.tasks > 0 || counts.missingInstances > 0)
      .map(([unit, counts]) => line(unit, counts)),
    categories: [...categories].map(([category, counts]) => line(category, counts)),
    total: line("", total),
  };
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

function add(counts: Counts, row: TaskRow, flag: number): void {
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
