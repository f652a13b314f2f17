// Omissions at scale: a specification of 130 recurring tasks (monthly, 旬, weekly) over 40 units against a
// ledger of about 200,000 rows, built in memory; times reading, expansion and matching (median of 3).
//
//   node dist/bench/recurring-bench.js   (or through npm run bench, which prints recurringBench())

import { buildCalendar } from "../src/core/calendar";
import { dayFromYmd, parseIsoDay, type Day } from "../src/core/day";
import {
  expand,
  findRecurringSheets,
  match,
  periodsBetween,
  readLedger,
  readSpecification,
  type RecurringCycle,
} from "../src/core/recurring";
import type { RosterUnit } from "../src/core/sheets";
import type { CellValue, SheetGrid, WorkbookModel } from "../src/core/workbook";

const AS_OF = "2026-12-31";
const LEDGER_ROWS = 200_000;
const RUNS = 3;

const UNITS: readonly RosterUnit[] = [
  ...["综采", "掘进", "综掘", "开拓", "机运"].flatMap((kind) =>
    ["一", "二", "三"].map((n) => ({ name: `${kind}${n}队`, type: "区队" })),
  ),
  ...["准备队", "安装队", "运输队", "供电队", "通风队", "抽采队", "防突队", "探放水队", "救护队"].map(
    (name) => ({ name, type: "区队" }),
  ),
  ...["机电科", "通风科", "安全科", "调度室", "生产技术科", "地测科", "综合办公室", "环保科", "财务科"].map(
    (name) => ({ name, type: "科室" }),
  ),
  ...[
    "第一党支部",
    "第二党支部",
    "第三党支部",
    "机关党支部",
    "后勤党支部",
    "洗煤厂党支部",
    "机修厂党支部",
  ].map((name) => ({ name, type: "党支部" })),
];

/** Cycle, cycle cell, rule: 40 monthly, 40 旬, 50 weekly. */
const KINDS: ReadonlyArray<readonly [RecurringCycle, string, string, number]> = [
  ["month", "月", "每月25日前", 14],
  ["month", "每月", "次月5日前", 13],
  ["month", "月度", "每月底", 13],
  ["tenDay", "旬", "每旬末", 40],
  ["week", "周", "每周五", 50],
];

/** mulberry32: deterministic, fast, no Math.random. */
function rng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** How a clerk writes a period, in a few forms per cycle. */
function periodText(cycle: RecurringCycle, id: string, pick: number): CellValue {
  const [year, a, b] = id.split("-");
  if (cycle === "month") return [`${year}年${Number(a)}月`, id, `${Number(a)}月`][pick % 3]!;
  if (cycle === "tenDay")
    return [`${year}年${Number(a)}月${["上", "中", "下"][Number(b) - 1]}旬`, id][pick % 2]!;
  return [`${year}年第${Number(a!.slice(1))}周`, id][pick % 2]!;
}

interface BenchWorkbook {
  readonly workbook: WorkbookModel;
  readonly planted: number;
}

function benchWorkbook(asOf: Day): BenchWorkbook {
  const random = rng(0x0de1);
  const specRows: CellValue[][] = [["序号", "工作任务", "责任单位", "周期", "完成时限"]];
  const tasks: Array<{ task: string; cycle: RecurringCycle }> = [];
  for (const [cycle, cycleText, rule, count] of KINDS) {
    for (let i = 0; i < count; i++) {
      const task = `${cycleText}${rule}任务${String(tasks.length + 1).padStart(3, "0")}`;
      tasks.push({ task, cycle });
      specRows.push([tasks.length, task, "各单位", cycleText, rule]);
    }
  }
  const ledgerRows: CellValue[][] = [["序号", "工作任务", "责任单位", "期次", "完成情况", "完成日期"]];
  const push = (task: string, unit: string, period: CellValue) =>
    ledgerRows.push([ledgerRows.length, task, unit, period, random() < 0.9 ? "已完成" : "进行中", null]);
  let planted = 0;
  const start = dayFromYmd(2026, 1, 1)!;
  const calendar = buildCalendar("mon-fri");
  for (const { task, cycle } of tasks) {
    const periods = periodsBetween(cycle, start, asOf, calendar);
    for (const unit of UNITS) {
      periods.forEach((period, i) => {
        // The last period or two of each cycle are not yet due on 31 December; they are written anyway.
        if (random() < 0.01 && i < periods.length - 2) {
          planted += 1;
          return;
        }
        push(task, unit.name, periodText(cycle, period.id, i));
      });
    }
  }
  // Repeated rows and a few strangers up to the ledger's size.
  while (ledgerRows.length <= LEDGER_ROWS) {
    const row = ledgerRows[1 + Math.floor(random() * (ledgerRows.length - 1))]!;
    push(random() < 0.02 ? `${String(row[1])}（补）` : String(row[1]), String(row[2]), row[3]!);
  }
  const sheets: SheetGrid[] = [
    { name: "工作规范", rows: specRows, merges: [] },
    { name: "单位名单", rows: [["单位名称", "类型"], ...UNITS.map((u) => [u.name, u.type])], merges: [] },
    { name: "落实台账", rows: ledgerRows, merges: [] },
  ];
  return { workbook: { fileName: "recurring-bench.xlsx", sheets }, planted };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

/** Builds the workbook, times each phase (median of 3 runs) and returns the table as text. */
export function recurringBench(): string {
  const asOf = parseIsoDay(AS_OF)!;
  const { workbook, planted } = benchWorkbook(asOf);
  const calendar = buildCalendar("mainland");
  const times = { read: [] as number[], expand: [] as number[], match: [] as number[] };
  let figures = { tasks: 0, due: 0, ledger: 0, missing: 0, unknown: 0 };
  for (let run = 0; run < RUNS; run++) {
    let t = performance.now();
    const sheets = findRecurringSheets(workbook, {}, 2026, new Set(["单位名单"]));
    const spec = readSpecification(sheets.spec!, { asOf, calendar, roster: UNITS });
    const ledger = readLedger(sheets.ledger!, asOf);
    times.read.push(performance.now() - t);
    t = performance.now();
    const instances = expand(spec, { asOf, calendar });
    times.expand.push(performance.now() - t);
    t = performance.now();
    const matched = match(spec, instances, ledger, { asOf, roster: UNITS });
    times.match.push(performance.now() - t);
    figures = {
      tasks: spec.tasks.length,
      due: instances.length,
      ledger: ledger.entries.length,
      missing: matched.missing.length,
      unknown: matched.unknownTasks.length,
    };
  }
  const ms = (values: number[]) => `${median(values).toFixed(0)} ms`;
  const expandAndMatch = median(times.expand.map((e, i) => e + times.match[i]!));
  const head = [
    "tasks",
    "units",
    "ledger rows",
    "due",
    "omissions (planted)",
    "unknown tasks",
    "read",
    "expand",
    "match",
    "expand+match",
  ];
  const row = [
    String(figures.tasks),
    String(UNITS.length),
    figures.ledger.toLocaleString("en-US"),
    figures.due.toLocaleString("en-US"),
    `${figures.missing.toLocaleString("en-US")} (${planted.toLocaleString("en-US")})`,
    figures.unknown.toLocaleString("en-US"),
    ms(times.read),
    ms(times.expand),
    ms(times.match),
    `${expandAndMatch.toFixed(0)} ms`,
  ];
  const widths = head.map((h, i) => Math.max(h.length, row[i]!.length));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(" | ")} |`;
  return [
    "",
    "Omissions (漏项): specification × roster expanded to what is due by 2026-12-31, matched against the ledger",
    line(head),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    line(row),
    `median of ${RUNS} runs; "read" finds both sheets and reads their rows (as the task table's reader does), in memory.`,
    "",
  ].join("\n");
}

if (require.main === module) process.stdout.write(recurringBench());
