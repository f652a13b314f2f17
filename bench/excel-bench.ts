// The Excel host against the in-memory fake: syncs and payload bytes of a check and of writing the results,
// for task tables of 1,000 to 100,000 rows. Payload size is what limits Excel on the web (5 MB per request and
// per response); syncs are round trips, the other cost of an add-in.

import { type Day, excelSerialFromDay, parseIsoDay } from "../src/core/day";
import { DEFAULT_SETTINGS, type Settings } from "../src/core/settings";
import { FakeExcel, fakeOffice, type FakeSheet } from "../test/fakes/excel";
import { createExcelHost } from "../src/hosts/excel/host";
import {
  dayText,
  SAMPLE_HEADER,
  SAMPLE_ROSTER_SHEET,
  SAMPLE_SHEET,
  unitType,
} from "../scripts/sample-workbook";
import { BENCH_UNITS } from "./bench-workbook";

const TASKS: readonly (readonly [string, string, string])[] = [
  ["开展井下机电设备专项检查", "主要机电设备完好状况检查，问题整改率100%", "安全生产"],
  ["完成月度瓦斯抽采达标评判", "评判报告经总工程师审批后报公司", "安全生产"],
  ["开展事故隐患排查治理", "隐患排查治理闭环率100%", "安全生产"],
  ["组织应急预案演练", "专项应急预案演练覆盖率100%", "安全生产"],
  ["完成月度原煤生产计划", "原煤产量完成计划的100%以上", "生产经营"],
  ["落实材料消耗定额管理", "吨煤材料成本控制在预算以内", "生产经营"],
  ["落实“三会一课”制度", "会议记录规范，按时召开", "党建工作"],
  ["开展主题党日活动", "党员参与率不低于90%", "党建工作"],
];
const PEOPLE = ["张志强", "王海涛", "李永刚", "赵国庆", "刘建军", "陈立新"];
const CYCLES = ["月", "季度", "年", "半年", "周", "一次性"];
const DONE = ["已完成", "完成", "√", "100%"];
const OPEN = ["进行中", "推进中", "未开始", "60%", ""];

/** mulberry32: deterministic, no Math.random. */
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

function pick<T>(items: readonly T[], r: number): T {
  return items[Math.min(items.length - 1, Math.floor(r * items.length))]!;
}

export interface TaskTableOptions {
  /** Serial numbers in the 1904 date system, as a Mac workbook may have. */
  readonly date1904?: boolean;
}

/**
 * A person's task table in the fake, laid out as the sample (title, 填报 line, header on row 3, a 合计 and a
 * 注 row under the tasks) with a 40-unit roster: a realistic mix of done, late, overdue and due-soon tasks
 * and a sprinkling of data problems. Formats only on the title and header rows, and a fill down column A.
 */
export function fillTaskTable(
  fake: FakeExcel,
  rows: number,
  asOf: Day,
  options: TaskTableOptions = {},
): FakeSheet {
  const random = rng(0x5eed + rows);
  const offset = options.date1904 ? 1462 : 0;
  const serial = (day: Day) => excelSerialFromDay(day) - offset;
  const book = fake.workbook;
  const sheet = book.addSheet(SAMPLE_SHEET);
  sheet.put(0, 0, "XX煤矿重点工作任务督办清单");
  Object.assign(sheet.format(0, 0), { bold: true, size: 16, horizontal: "Center" });
  sheet.merges.push({ top: 0, left: 0, bottom: 0, right: 12 });
  sheet.put(1, 0, "填报单位：调度室");
  sheet.merges.push({ top: 1, left: 0, bottom: 1, right: 5 });
  sheet.put(1, 9, `填报日期：${dayText(asOf, "text-cn")}`);
  sheet.merges.push({ top: 1, left: 9, bottom: 1, right: 12 });
  SAMPLE_HEADER.forEach((name, c) => {
    sheet.put(2, c, name);
    Object.assign(sheet.format(2, c), {
      bold: true,
      fill: "#F2F2F2",
      borders: { bottom: { style: "Continuous" } },
    });
  });
  [6, 10, 34, 44, 12, 9, 9, 14, 10, 14, 7, 7, 18].forEach((width, c) =>
    sheet.columnWidths.set(c, width * 5.6),
  );
  sheet.freezeRows = 3;

  for (let i = 0; i < rows; i++) {
    const r = 3 + i;
    const [task, standard, category] = pick(TASKS, random());
    let unit = pick(BENCH_UNITS, random());
    const done = random() < 0.55;
    const deadline = done ? asOf - 1 - Math.floor(random() * 300) : asOf - 120 + Math.floor(random() * 200);
    const points = pick([2, 3, 5, 10], random());
    let status = done ? pick(DONE, random()) : pick(OPEN, random());
    let deadlineValue: string | number = random() < 0.85 ? serial(deadline) : dayText(deadline, "text-cn");
    const doneDate = done ? Math.min(asOf, deadline + Math.floor(random() * 12) - 6) : undefined;
    if (i % 997 === 17) unit = "";
    if (i % 1013 === 33) deadlineValue = "2026年2月30日";
    if (i % 1019 === 41) status = "基本完成";
    if (i % 1039 === 97) unit = "综采1队";

    sheet.put(r, 0, i + 1);
    sheet.put(r, 1, category);
    sheet.put(r, 2, `${task}（第${i + 1}项）`);
    sheet.put(r, 3, standard);
    if (unit !== "") sheet.put(r, 4, unit);
    sheet.put(r, 5, pick(PEOPLE, random()));
    sheet.put(r, 6, pick(CYCLES, random()));
    sheet.put(r, 7, deadlineValue, typeof deadlineValue === "number" ? "yyyy-mm-dd" : undefined);
    if (status !== "") sheet.put(r, 8, status);
    if (doneDate !== undefined) sheet.put(r, 9, serial(doneDate), 'yyyy"年"m"月"d"日"');
    sheet.put(r, 10, points);
    if (done) sheet.put(r, 11, points);
    if (i < 100) sheet.format(r, 0).fill = "#FFF2CC";
  }
  sheet.put(3 + rows, 0, "合计");
  sheet.put(4 + rows, 0, "注：完成时限以公司文件为准。");

  const roster = book.addSheet(SAMPLE_ROSTER_SHEET);
  roster.put(0, 0, "单位名称");
  roster.put(0, 1, "类型");
  BENCH_UNITS.forEach((name, i) => {
    roster.put(i + 1, 0, name);
    roster.put(i + 1, 1, unitType(name));
  });
  return sheet;
}

export interface PayloadFigures {
  readonly syncs: number;
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly largestRequest: number;
  readonly largestResponse: number;
  readonly ms: number;
}

/** The fake's counts since its last reset. */
export function payloadFigures(fake: FakeExcel, ms: number): PayloadFigures {
  const { syncs, requests, responses } = fake.stats;
  const sum = (list: readonly number[]) => list.reduce((a, b) => a + b, 0);
  return {
    syncs,
    requestBytes: sum(requests),
    responseBytes: sum(responses),
    largestRequest: Math.max(0, ...requests),
    largestResponse: Math.max(0, ...responses),
    ms,
  };
}

const never = new AbortController().signal;

/** A check and a write of its results on a fresh fake table, with the figures of each. */
export async function measureExcelHost(
  rows: number,
  asOf: Day,
  settings: Settings = DEFAULT_SETTINGS,
): Promise<{ check: PayloadFigures; write: PayloadFigures; findings: number; highlighted: number }> {
  const fake = new FakeExcel({ name: `bench-${rows}.xlsx` });
  fillTaskTable(fake, rows, asOf);
  const host = createExcelHost(fake, fakeOffice());
  let started = performance.now();
  const result = await host.check({ asOf, settings, signal: never, onProgress: () => {} });
  const check = payloadFigures(fake, performance.now() - started);
  fake.resetStats();
  started = performance.now();
  await host.writeResults(result, { settings, locale: "zh-CN", signal: never, onProgress: () => {} });
  const write = payloadFigures(fake, performance.now() - started);
  let highlighted = 0;
  for (const cells of fake.workbook.get("_duban_marks").values)
    for (const v of cells ?? []) if (v !== "") highlighted++;
  return { check, write, findings: result.findings.length, highlighted };
}

const AS_OF = parseIsoDay("2026-11-18")!;

/** The table `npm run bench` prints: syncs, requests and bytes of a check and of writing its results. */
export async function excelBench(sizes: readonly number[] = [1_000, 10_000, 100_000]): Promise<string> {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(2)} MB`;
  const head = [
    "rows",
    "findings",
    "step",
    "syncs",
    "request total",
    "response total",
    "largest request",
    "largest response",
    "time (fake)",
  ];
  const lines: string[][] = [];
  for (const rows of sizes) {
    const { check, write, findings } = await measureExcelHost(rows, AS_OF);
    for (const [step, f] of [
      ["check", check],
      ["writeResults", write],
    ] as const) {
      lines.push([
        rows.toLocaleString("en-US"),
        findings.toLocaleString("en-US"),
        step,
        String(f.syncs),
        mb(f.requestBytes),
        mb(f.responseBytes),
        kb(f.largestRequest),
        kb(f.largestResponse),
        `${(f.ms / 1000).toFixed(2)} s`,
      ]);
    }
  }
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const line = (cells: readonly string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(" | ")} |`;
  return [
    "",
    "Excel host against the in-memory fake (Excel on the web caps each request and response at 5 MB):",
    line(head),
    `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`,
    ...lines.map(line),
    "",
  ].join("\n");
}
