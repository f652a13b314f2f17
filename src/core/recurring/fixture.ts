// A workbook with a specification, a roster and a ledger with planted gaps, and the findings it must give.
//
// The plan below says, for each task, which periods are due on 2026-11-18 and by which day, using only
// calendar arithmetic (not the recurring module), and lists the gaps once. The ledger holds every due
// (task, unit, period) but the gaps, written in the many forms clerks use, plus rows that must not count
// as omissions; the expected omissions are the gaps, worked out from the plan.

import { dayFromYmd, daysInMonth, formatDay, parseIsoDay, type Day } from "../day";
import type { CellRange, CellValue, SheetGrid, WorkbookModel } from "../workbook";

export const FIXTURE_AS_OF = "2026-11-18";
export const FIXTURE_SPEC_SHEET = "工作规范";
export const FIXTURE_LEDGER_SHEET = "落实台账";
export const FIXTURE_ROSTER_SHEET = "单位名单";
/** 1-based rows: the specification's header, and the first specification task under it. */
export const FIXTURE_SPEC_HEADER_ROW = 2;

const AS_OF = parseIsoDay(FIXTURE_AS_OF)!;
const YEAR = 2026;
const ymd = (y: number, m: number, d: number): Day => dayFromYmd(y, m, d)!;
const two = (n: number) => String(n).padStart(2, "0");
const CN = ["", "一", "二", "三", "四"];

export const FIXTURE_ROSTER: ReadonlyArray<readonly [string, string]> = [
  ["综采一队", "区队"],
  ["综采二队", "区队"],
  ["掘进一队", "区队"],
  ["机电科", "科室"],
  ["安全科", "科室"],
  ["调度室", "科室"],
  ["第一党支部", "党支部"],
  ["第二党支部", "党支部"],
  ["机关党支部", "党支部"],
];
const BRANCHES = ["第一党支部", "第二党支部", "机关党支部"];
const DEPARTMENTS = ["机电科", "安全科", "调度室"];

/** A period as the plan knows it: its id, its deadline, and the ways a clerk may write it. */
interface PlanPeriod {
  readonly id: string;
  readonly deadline: Day;
  readonly forms: readonly CellValue[];
}

interface PlanTask {
  readonly task: string;
  /** The unit cell as written, and the units it means (written out by hand, not expanded by code). */
  readonly unitCell: string;
  readonly units: readonly string[];
  readonly cycle: string;
  readonly rule: CellValue;
  readonly start?: string;
  readonly due: readonly PlanPeriod[];
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const date = (day: Day): CellValue => ({ day });

function months(to: number, deadline: (month: number) => Day): PlanPeriod[] {
  return range(1, to).map((m) => ({
    id: `${YEAR}-${two(m)}`,
    deadline: deadline(m),
    forms: [`${YEAR}年${m}月`, `${YEAR}-${two(m)}`, `${m}月`, date(ymd(YEAR, m, 15)), `${YEAR}年${m}月份`],
  }));
}

function quarters(list: readonly number[], deadline: (quarter: number) => Day): PlanPeriod[] {
  return list.map((q) => ({
    id: `${YEAR}-Q${q}`,
    deadline: deadline(q),
    forms: [`${YEAR}年第${q}季度`, `${YEAR}年${CN[q]}季度`, `${YEAR}Q${q}`, `${YEAR}-Q${q}`],
  }));
}

/** 旬 from 上旬 of January to `lastMonth`'s `lastPart`; each due at its last day. */
function tenDays(lastMonth: number, lastPart: number): PlanPeriod[] {
  const periods: PlanPeriod[] = [];
  for (const m of range(1, lastMonth)) {
    for (const part of range(1, m === lastMonth ? lastPart : 3)) {
      const end = part === 3 ? daysInMonth(YEAR, m) : part * 10;
      const name = ["上", "中", "下"][part - 1]!;
      periods.push({
        id: `${YEAR}-${two(m)}-${part}`,
        deadline: ymd(YEAR, m, end),
        forms: [
          `${YEAR}年${m}月${name}旬`,
          `${m}月${name}旬`,
          `${YEAR}-${two(m)}-${part}`,
          date(ymd(YEAR, m, end)),
        ],
      });
    }
  }
  return periods;
}

/** ISO weeks of 2026, which starts on Monday 29 December 2025; each due on its Friday. */
function weeks(from: number, to: number): PlanPeriod[] {
  const firstMonday = ymd(2025, 12, 29);
  return range(from, to).map((w) => {
    const monday = firstMonday + 7 * (w - 1);
    return {
      id: `${YEAR}-W${two(w)}`,
      deadline: monday + 4,
      forms: [`${YEAR}年第${w}周`, `${YEAR}-W${two(w)}`, `第${w}周`, date(monday + 2)],
    };
  });
}

function days(isoDays: readonly string[]): PlanPeriod[] {
  return isoDays.map((iso) => {
    const day = parseIsoDay(iso)!;
    const [, m, d] = iso.split("-").map(Number);
    return { id: iso, deadline: day, forms: [date(day), iso, `${YEAR}年${m}月${d}日`] };
  });
}

const PLAN: readonly PlanTask[] = [
  {
    task: "召开支部委员会",
    unitCell: "各支部",
    units: BRANCHES,
    cycle: "月",
    rule: "每月25日前",
    // November's 25th is still to come on the 18th.
    due: months(10, (m) => ymd(YEAR, m, 25)),
  },
  {
    task: "上报安全生产月报",
    unitCell: "各部门",
    units: DEPARTMENTS,
    cycle: "每月",
    rule: "次月5日前",
    due: months(10, (m) => ymd(YEAR, m + 1, 5)),
  },
  {
    task: "开展隐患排查",
    unitCell: "综采一队、综采二队、掘进一队",
    units: ["综采一队", "综采二队", "掘进一队"],
    cycle: "旬",
    rule: "每旬末",
    due: tenDays(11, 1),
  },
  {
    task: "带式输送机保护试验",
    unitCell: "综采一队，机电科",
    units: ["综采一队", "机电科"],
    cycle: "周",
    rule: "每周五",
    // From its own start: week 36 (31 August to 6 September) is the first whose Friday is not before it.
    start: "2026-09-01",
    due: weeks(36, 46),
  },
  {
    task: "召开安全办公会",
    unitCell: "安全科",
    units: ["安全科"],
    cycle: "季度",
    rule: "每季度末",
    due: quarters([1, 2, 3], (q) => ymd(YEAR, 3 * q, daysInMonth(YEAR, 3 * q))),
  },
  {
    task: "报送党建工作总结",
    unitCell: "各支部",
    units: BRANCHES,
    cycle: "半年",
    rule: "每半年末",
    due: [
      { id: `${YEAR}-H1`, deadline: ymd(YEAR, 6, 30), forms: [`${YEAR}年上半年`, `${YEAR}H1`, "上半年"] },
    ],
  },
  {
    task: "组织应急演练",
    unitCell: "调度室、安全科",
    units: ["调度室", "安全科"],
    cycle: "季",
    rule: "每季度首月10日前",
    // The fourth quarter is due by 10 October, long before it ends.
    due: quarters([1, 2, 3, 4], (q) => ymd(YEAR, 3 * q - 2, 10)),
  },
  {
    task: "编制年度工作计划",
    unitCell: "各单位",
    units: FIXTURE_ROSTER.map(([name]) => name),
    cycle: "年",
    rule: "年底前",
    due: [],
  },
  {
    task: "开展职工思想动态分析",
    unitCell: "各支部",
    units: BRANCHES,
    cycle: "季度",
    rule: null,
    due: quarters([1, 2, 3], (q) => ymd(YEAR, 3 * q, daysInMonth(YEAR, 3 * q))),
  },
  {
    task: "班前安全确认",
    unitCell: "综采一队",
    units: ["综采一队"],
    cycle: "日",
    rule: "每日",
    start: "2026-11-02",
    // Working days from Monday 2 November up to the day before as-of.
    due: days([
      ...["02", "03", "04", "05", "06", "09", "10", "11", "12", "13", "16", "17"].map((d) => `2026-11-${d}`),
    ]),
  },
];

/** The planted gaps: (task, unit, period) the ledger leaves out. */
const GAPS: ReadonlyArray<readonly [task: string, unit: string, period: string]> = [
  ["召开支部委员会", "第二党支部", "2026-03"],
  ["召开支部委员会", "机关党支部", "2026-10"],
  // Written, but under a mistyped task: an omission and an unknown task.
  ["召开支部委员会", "第一党支部", "2026-05"],
  ["上报安全生产月报", "机电科", "2026-10"],
  ["开展隐患排查", "掘进一队", "2026-11-1"],
  ["开展隐患排查", "综采二队", "2026-02-3"],
  ["带式输送机保护试验", "机电科", "2026-W46"],
  ["召开安全办公会", "安全科", "2026-Q2"],
  ["组织应急演练", "调度室", "2026-Q4"],
  ["报送党建工作总结", "第一党支部", "2026-H1"],
  ["开展职工思想动态分析", "第二党支部", "2026-Q3"],
  ["班前安全确认", "综采一队", "2026-11-10"],
];
const TYPO = { task: "召开支部委员会议", unit: "第一党支部", period: "2026年5月" };

export interface FixtureOmission {
  /** The specification row (1-based). */
  readonly row: number;
  readonly task: string;
  readonly unit: string;
  readonly period: string;
  readonly deadline: string;
  readonly daysPastDue: number;
}

export interface FixtureUnknownTask {
  /** The ledger row (1-based). */
  readonly row: number;
  readonly task: string;
  readonly suggestion?: string;
}

export interface RecurringFixture {
  readonly workbook: WorkbookModel;
  readonly asOf: Day;
  readonly expectedOmissions: readonly FixtureOmission[];
  readonly expectedUnknownTasks: readonly FixtureUnknownTask[];
  /** Due (task, unit, period) in all, gaps included. */
  readonly due: number;
  /** A ledger row that is there but not done (召开安全办公会, 安全科, Q3), and the deadline its rule gives it. */
  readonly openRow: { readonly row: number; readonly deadline: string };
}

const SPEC_HEADER = ["序号", "工作任务", "责任单位", "周期", "完成时限", "开始时间", "工作标准"];
const LEDGER_HEADER = ["序号", "工作任务", "责任单位", "期次", "完成情况", "完成日期", "备注"];
const LEDGER_PERIOD_COLUMN = 3;

/** Builds the workbook and what checking it on FIXTURE_AS_OF must find. Same every time. */
export function recurringFixture(): RecurringFixture {
  const specRows: CellValue[][] = [["2026年工作规范（按月、季、旬、周、日开展的工作）"], SPEC_HEADER];
  PLAN.forEach((t, i) =>
    specRows.push([i + 1, t.task, t.unitCell, t.cycle, t.rule, t.start ?? null, "按规范要求落实"]),
  );
  const specRow = (task: string) => FIXTURE_SPEC_HEADER_ROW + 1 + PLAN.findIndex((t) => t.task === task);

  const gap = (task: string, unit: string, period: string) =>
    GAPS.some(([t, u, p]) => t === task && u === unit && p === period);
  const ledgerRows: CellValue[][] = [[`${YEAR}年工作落实台账`], LEDGER_HEADER];
  const merges: CellRange[] = [{ top: 0, left: 0, bottom: 0, right: LEDGER_HEADER.length - 1 }];
  let form = 0;
  let openRow = { row: 0, deadline: "" };
  const add = (task: string, unit: string, period: CellValue, done = true, doneOn?: Day) => {
    ledgerRows.push([
      ledgerRows.length - 1,
      task,
      unit,
      period,
      done ? (form % 3 === 0 ? "√" : "已完成") : "进行中",
      done && doneOn !== undefined ? date(doneOn) : null,
      null,
    ]);
    return ledgerRows.length;
  };

  for (const t of PLAN) {
    for (const p of t.due) {
      const owing = t.units.filter((unit) => !gap(t.task, unit, p.id));
      const written = p.forms[form++ % p.forms.length]!;
      if (t.task === "带式输送机保护试验" && owing.length === t.units.length) {
        // Both units in one row.
        add(t.task, owing.join("、"), written, true, p.deadline);
      } else if (t.task === "开展职工思想动态分析" && p.id === `${YEAR}-Q1`) {
        // One row for the whole group.
        add(t.task, "各支部", written, true, p.deadline);
      } else if (t.task === "组织应急演练" && owing.length === 2) {
        // The period written once, merged down over both units' rows.
        const top = add(t.task, owing[0]!, written, true, p.deadline) - 1;
        add(t.task, owing[1]!, null, true, p.deadline);
        merges.push({ top, left: LEDGER_PERIOD_COLUMN, bottom: top + 1, right: LEDGER_PERIOD_COLUMN });
      } else {
        for (const unit of owing) {
          const open = t.task === "召开安全办公会" && p.id === `${YEAR}-Q3`;
          const row = add(
            // A full-width space inside the task text still matches.
            t.task === "召开支部委员会" && unit === "第二党支部" && p.id === `${YEAR}-07`
              ? "召开　支部委员会"
              : t.task,
            unit,
            written,
            !open,
            p.deadline - (form % 4),
          );
          if (open) openRow = { row, deadline: formatDay(p.deadline) };
        }
      }
    }
  }
  const typoRow = add(TYPO.task, TYPO.unit, TYPO.period, true, ymd(YEAR, 5, 20));
  const strangerRow = add("食堂卫生检查", "综采一队", `${YEAR}年10月`, true, ymd(YEAR, 10, 30));
  // None of these is an omission or a finding: periods not yet due, a unit the task does not name, a
  // period before tracking starts.
  add("召开支部委员会", "第一党支部", `${YEAR}年11月`, true, ymd(YEAR, 11, 16));
  add("编制年度工作计划", "机电科", `${YEAR}年`, false);
  add("带式输送机保护试验", "综采一队", `${YEAR}年第47周`, true, ymd(YEAR, 11, 17));
  add("上报安全生产月报", "综采一队", `${YEAR}年10月`, true, ymd(YEAR, 11, 3));
  add("召开支部委员会", "第一党支部", "2025年12月", true, ymd(2025, 12, 20));
  ledgerRows.push(["填表人：调度室"]);

  const rosterRows: CellValue[][] = [["单位名称", "类型"], ...FIXTURE_ROSTER.map(([n, t]) => [n, t])];
  const sheets: SheetGrid[] = [
    { name: FIXTURE_SPEC_SHEET, rows: specRows, merges: [{ top: 0, left: 0, bottom: 0, right: 6 }] },
    { name: FIXTURE_ROSTER_SHEET, rows: rosterRows, merges: [] },
    { name: FIXTURE_LEDGER_SHEET, rows: ledgerRows, merges },
  ];

  const expectedOmissions = GAPS.map(([task, unit, period]): FixtureOmission => {
    const planned = PLAN.find((t) => t.task === task)!;
    const due = planned.due.find((p) => p.id === period);
    if (!due || !planned.units.includes(unit))
      throw new Error(`The gap ${task} ${unit} ${period} is not due`);
    return {
      row: specRow(task),
      task,
      unit,
      period,
      deadline: formatDay(due.deadline),
      daysPastDue: AS_OF - due.deadline,
    };
  });
  return {
    workbook: { fileName: "recurring.xlsx", sheets },
    asOf: AS_OF,
    expectedOmissions,
    expectedUnknownTasks: [
      { row: typoRow, task: TYPO.task, suggestion: "召开支部委员会" },
      { row: strangerRow, task: "食堂卫生检查" },
    ],
    due: PLAN.reduce((n, t) => n + t.units.length * t.due.length, 0),
    openRow,
  };
}
