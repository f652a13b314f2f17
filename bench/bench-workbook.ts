// Large task tables for timing the reader and the checks, written with ExcelJS's streaming writer so
// that 100,000 rows never sit in memory. Same layout as the sample (title, 填报 line, header on row 3),
// a 40-unit roster, a realistic mix of values and a sprinkling of problems. Deterministic. The same rows can
// also be written by openpyxl (writeOpenpyxlWorkbook), the program the reference figures were taken on.
//
//   node dist/bench/bench-workbook.js [--as-of YYYY-MM-DD] [--rows N …]   (writes bench/out/, prints timings)

import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { type Day, excelSerialFromDay, localDayOf, parseIsoDay, ymdOf } from "../src/core/day";
import {
  type DateForm,
  dayText,
  SAMPLE_HEADER,
  SAMPLE_HEADER_ROW,
  SAMPLE_ROSTER_SHEET,
  SAMPLE_SHEET,
  unitType,
} from "../scripts/sample-workbook";

export const BENCH_UNITS: readonly string[] = [
  "综采一队",
  "综采二队",
  "综采三队",
  "掘进一队",
  "掘进二队",
  "掘进三队",
  "综掘一队",
  "综掘二队",
  "开拓一队",
  "开拓二队",
  "准备队",
  "安装队",
  "机运一队",
  "机运二队",
  "运输队",
  "供电队",
  "通风队",
  "抽采队",
  "防突队",
  "探放水队",
  "救护队",
  "地面运输队",
  "机电科",
  "通风科",
  "安全科",
  "调度室",
  "生产技术科",
  "地测科",
  "综合办公室",
  "环保科",
  "财务科",
  "企管科",
  "人力资源科",
  "党群工作部",
  "纪委办公室",
  "供应科",
  "销售科",
  "信息中心",
  "机修厂",
  "洗煤厂",
];

/** Task, standard and category. */
const TASKS: readonly (readonly [string, string, string])[] = [
  ["开展井下机电设备专项检查", "主要机电设备完好状况检查，问题整改率100%", "安全生产"],
  ["完成月度瓦斯抽采达标评判", "评判报告经总工程师审批后报公司", "安全生产"],
  ["开展顶板离层监测与分析", "每班观测记录，异常及时上报", "安全生产"],
  ["开展事故隐患排查治理", "隐患排查治理闭环率100%", "安全生产"],
  ["完成矿井通风系统测定", "全面测风，测风报告及时上报", "安全生产"],
  ["组织井下水害隐患排查", "探放水执行“有掘必探、先探后掘”", "安全生产"],
  ["开展安全生产标准化管理体系自评", "自评得分不低于90分", "安全生产"],
  ["组织应急预案演练", "专项应急预案演练覆盖率100%", "安全生产"],
  ["开展带式输送机保护装置试验", "各项保护每周试验1次", "安全生产"],
  ["完成月度原煤生产计划", "原煤产量完成计划的100%以上", "生产经营"],
  ["完成月度巷道掘进进尺", "工程质量优良品率不低于90%", "生产经营"],
  ["落实材料消耗定额管理", "吨煤材料成本控制在预算以内", "生产经营"],
  ["开展修旧利废降本增效", "修旧利废创效不低于目标，台账完整", "生产经营"],
  ["落实“三会一课”制度", "会议记录规范，按时召开", "党建工作"],
  ["开展主题党日活动", "党员参与率不低于90%", "党建工作"],
  ["开展职工思想动态分析", "形成分析报告", "党建工作"],
];
const PEOPLE = [
  "张志强",
  "王海涛",
  "李永刚",
  "赵国庆",
  "刘建军",
  "陈立新",
  "杨文斌",
  "周德明",
  "吴振华",
  "孙明辉",
];
const CYCLES = ["月", "月度", "季度", "年", "半年", "周", "旬", "一次性", "每月", "日"];
const DONE = ["已完成", "完成", "√", "100%"];
const OPEN = ["进行中", "推进中", "未开始", "60%", ""];
const TEXT_FORMS: readonly DateForm[] = ["text-iso", "text-slash", "text-dot", "text-cn"];

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

function at<T>(items: readonly T[], r: number): T {
  const item = items[Math.floor(r * items.length)];
  if (item === undefined) throw new Error("empty list");
  return item;
}

const ISO_DATE_FORMAT = "yyyy-mm-dd";
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};

/** A cell of a task row: text, a number, a date (an Excel serial shown as yyyy-mm-dd), or nothing. */
export type BenchCell = string | number | { readonly date: number } | null;

/** The bench table's fixed parts: the sheet names, the rows above and below the tasks, the roster. */
export interface BenchFrame {
  readonly sheet: string;
  readonly rosterSheet: string;
  readonly headerRow: number;
  readonly title: string;
  readonly fillUnit: string;
  readonly fillDate: string;
  readonly header: readonly string[];
  readonly total: string;
  readonly note: string;
  readonly roster: readonly (readonly [string, string])[];
}

export function benchFrame(asOf: Day): BenchFrame {
  const { year, month, day } = ymdOf(asOf);
  return {
    sheet: SAMPLE_SHEET,
    rosterSheet: SAMPLE_ROSTER_SHEET,
    headerRow: SAMPLE_HEADER_ROW,
    title: `XX煤矿${year}年重点工作任务督办清单`,
    fillUnit: "填报单位：调度室",
    fillDate: `填报日期：${year}年${month}月${day}日`,
    header: SAMPLE_HEADER,
    total: "合计",
    note: "注：完成时限以公司文件为准。",
    roster: BENCH_UNITS.map((unit) => [unit, unitType(unit)] as const),
  };
}

/** The task rows, columns A to L (12 cells, null where empty), one at a time. Same arguments, same rows. */
export function* benchRows(rows: number, asOf: Day): Generator<BenchCell[]> {
  const random = rng(0x5eed + rows);
  const { year } = ymdOf(asOf);
  let previous = { task: "", standard: "", unit: "" };
  for (let i = 0; i < rows; i++) {
    const [task, taskStandard, category] = at(TASKS, random());
    let standard = taskStandard;
    let unit = at(BENCH_UNITS, random());
    // Task texts are unique per row (a real table this long lists periods), apart from planted duplicates.
    let taskText = `${task}（第${i + 1}项）`;
    const done = random() < 0.55;
    const deadline = done ? asOf - 1 - Math.floor(random() * 300) : asOf - 40 + Math.floor(random() * 200);
    const points = at([2, 3, 5, 10], random());
    let status = done ? at(DONE, random()) : at(OPEN, random());
    let cycle = at(CYCLES, random());
    let deadlineValue: BenchCell =
      random() < 0.85 ? { date: excelSerialFromDay(deadline) } : dayText(deadline, at(TEXT_FORMS, random()));
    let score: number | string | null = done ? points : null;
    let doneDate: Day | undefined = done
      ? Math.min(asOf, deadline + Math.floor(random() * 10) - 6)
      : undefined;

    // A few problems, at fixed strides so every size has some.
    if (i % 997 === 500 && previous.task !== "") {
      taskText = previous.task;
      standard = previous.standard;
      unit = previous.unit;
    }
    if (i % 1009 === 17) unit = "";
    if (i % 1013 === 33) deadlineValue = `${year}年2月30日`;
    if (i % 1019 === 41) status = "基本完成";
    if (i % 1021 === 59) cycle = "随时";
    if (i % 1031 === 71) score = "优";
    if (i % 1033 === 83) score = points + 1;
    if (i % 1039 === 97) unit = "综采1队";
    if (i % 1049 === 101 && done) doneDate = undefined;

    const person = at(PEOPLE, random());
    const pointsCell = random() < 0.1 ? String(points) : points;
    yield [
      i + 1,
      category,
      taskText,
      standard,
      unit === "" ? null : unit,
      person,
      cycle,
      deadlineValue,
      status === "" ? null : status,
      doneDate === undefined ? null : { date: excelSerialFromDay(doneDate) },
      pointsCell,
      score,
    ];
    previous = { task: taskText, standard, unit };
  }
}

/**
 * Writes a task table of `rows` task rows (plus title, 填报 line, header, 合计 and 注 rows) and a 40-unit
 * roster to `filePath`, streaming. Same arguments, same cell values.
 */
export async function writeBenchWorkbook(filePath: string, rows: number, asOf: Day): Promise<void> {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const frame = benchFrame(asOf);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: filePath,
    useSharedStrings: true,
    useStyles: true,
  });
  const stamp = new Date(asOf * 86_400_000);
  wb.creator = "调度室";
  wb.created = stamp;
  wb.modified = stamp;

  const ws = wb.addWorksheet(frame.sheet, {
    views: [{ state: "frozen", xSplit: 0, ySplit: frame.headerRow }],
  });
  ws.columns = [6, 10, 30, 36, 12, 9, 9, 14, 10, 14, 7, 7, 16].map((width) => ({ width }));

  ws.mergeCells("A1:M1");
  const title = ws.getRow(1);
  title.getCell(1).value = frame.title;
  title.getCell(1).font = { size: 16, bold: true };
  title.getCell(1).alignment = { horizontal: "center" };
  title.commit();
  ws.mergeCells("A2:F2");
  ws.mergeCells("J2:M2");
  const fill = ws.getRow(2);
  fill.getCell(1).value = frame.fillUnit;
  fill.getCell(10).value = frame.fillDate;
  fill.commit();
  const header = ws.getRow(frame.headerRow);
  frame.header.forEach((name, i) => {
    const cell = header.getCell(i + 1);
    cell.value = name;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
    cell.border = THIN;
  });
  header.commit();

  const first = frame.headerRow + 1;
  let r = first;
  for (const cells of benchRows(rows, asOf)) {
    const row = ws.getRow(r++);
    cells.forEach((value, c) => {
      if (value === null) return;
      const cell = row.getCell(c + 1);
      if (typeof value === "object") {
        cell.value = value.date;
        cell.numFmt = ISO_DATE_FORMAT;
      } else {
        cell.value = value;
      }
    });
    row.commit();
  }

  const total = ws.getRow(first + rows);
  total.getCell(1).value = frame.total;
  total.commit();
  const note = ws.getRow(first + rows + 1);
  note.getCell(1).value = frame.note;
  note.commit();
  ws.commit();

  const roster = wb.addWorksheet(frame.rosterSheet);
  roster.addRow(["单位名称", "类型"]).commit();
  for (const [unit, type] of frame.roster) roster.addRow([unit, type]).commit();
  roster.commit();

  await wb.commit();
}

/**
 * The same table written by openpyxl (write-only mode, as a Python script would): bench/openpyxl-workbook.py
 * is fed the frame and the rows as JSON lines. Python is BENCH_PYTHON, else /usr/bin/python3 (Debian's, where
 * python3-openpyxl installs), else python3 on the PATH.
 * @throws Error when Python or openpyxl is missing or the script fails
 */
export function writeOpenpyxlWorkbook(filePath: string, rows: number, asOf: Day): void {
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  const lines = [JSON.stringify(benchFrame(asOf))];
  for (const cells of benchRows(rows, asOf)) lines.push(JSON.stringify(cells));
  const python =
    process.env.BENCH_PYTHON ?? (fs.existsSync("/usr/bin/python3") ? "/usr/bin/python3" : "python3");
  const script = path.resolve(__dirname, "../../bench/openpyxl-workbook.py");
  const run = spawnSync(python, [script, filePath], {
    input: `${lines.join("\n")}\n`,
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  if (run.error !== undefined || run.status !== 0) {
    fs.rmSync(filePath, { force: true });
    const why = run.error?.message ?? run.stderr.trim().split("\n").pop() ?? `exit ${run.status}`;
    throw new Error(`openpyxl workbook not written (${python}): ${why}`);
  }
}

async function main(argv: readonly string[]): Promise<number> {
  let asOf = localDayOf(new Date());
  const sizes: number[] = [];
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1] ?? "";
    if (argv[i] === "--as-of" && parseIsoDay(value) !== undefined) asOf = parseIsoDay(value) ?? asOf;
    else if (argv[i] === "--rows" && /^\d+$/.test(value)) sizes.push(Number(value));
    else {
      process.stderr.write("usage: bench-workbook [--as-of YYYY-MM-DD] [--rows N …]\n");
      return 2;
    }
  }
  if (sizes.length === 0) sizes.push(10_000, 100_000);
  // From dist/bench/ (repoRoot() would stop at dist/, which has its own package.json).
  const outDir = path.resolve(__dirname, "../../bench/out");
  for (const rows of sizes) {
    const file = path.join(outDir, `bench-${rows}.xlsx`);
    const started = process.hrtime.bigint();
    await writeBenchWorkbook(file, rows, asOf);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const mb = fs.statSync(file).size / 1_048_576;
    process.stdout.write(`${file}: ${rows} rows written in ${ms.toFixed(0)} ms (${mb.toFixed(1)} MB)\n`);
  }
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`bench-workbook: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
