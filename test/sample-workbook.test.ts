// The example workbook and the bench workbook: written, read back with ExcelJS, and checked against the
// expectations that come from the same plan. The small reader below is independent of src/core on
// purpose: it proves the file holds what SAMPLE_EXPECTATIONS claims, whatever the engine does.

import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { type Day, dayFromYmd, formatDay } from "../src/core/day";
import { writeBenchWorkbook } from "../bench/bench-workbook";
import {
  buildSampleWorkbook,
  SAMPLE_COLUMNS,
  SAMPLE_EXPECTATIONS,
  SAMPLE_HEADER,
  SAMPLE_RULES,
  SAMPLE_UNITS,
  type SampleExpectations,
  type SampleRule,
  sampleExpectations,
} from "../scripts/sample-workbook";

const TMP = path.join(__dirname, ".tmp");

function day(y: number, m: number, d: number): Day {
  const result = dayFromYmd(y, m, d);
  if (result === undefined) throw new Error(`no such day ${y}-${m}-${d}`);
  return result;
}

const AS_OF = day(2026, 11, 18);

async function writeAndRead(wb: ExcelJS.Workbook, name: string): Promise<ExcelJS.Workbook> {
  fs.mkdirSync(TMP, { recursive: true });
  const file = path.join(TMP, name);
  await wb.xlsx.writeFile(file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return back;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Every cell of every sheet as JSON, plus the merges: what "the same workbook" means here. */
function dump(wb: ExcelJS.Workbook): string {
  const sheets = wb.worksheets.map((ws) => {
    const rows: unknown[] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      rows.push([n, row.values, row.values.length]);
      row.eachCell({ includeEmpty: false }, (cell) => rows.push([cell.address, cell.numFmt ?? null]));
    });
    return { name: ws.name, merges: ws.model.merges, rows };
  });
  return JSON.stringify(sheets);
}

// --- a deliberately small, separate reading of the cells ------------------------------------------

function text(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  throw new Error(`unexpected cell value ${JSON.stringify(value)}`);
}

type ReadDate = { kind: "empty" } | { kind: "day"; day: Day } | { kind: "invalid" };

function readDate(value: ExcelJS.CellValue): ReadDate {
  if (value === null || value === undefined || value === "") return { kind: "empty" };
  if (value instanceof Date) {
    return { kind: "day", day: day(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate()) };
  }
  const ascii = text(value).replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(ascii.trim());
  const parsed = m ? dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
  return parsed === undefined ? { kind: "invalid" } : { kind: "day", day: parsed };
}

function readNumber(value: ExcelJS.CellValue): number | "invalid" | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  if (typeof value === "number") return value;
  const t = text(value).trim();
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : "invalid";
}

const DONE = ["已完成", "完成", "√", "100%"];
const OPEN = ["", "进行中", "推进中", "未开始", "60%", "30%"];
const CYCLES = ["一次性", "不定期", "年", "年度", "半年", "季", "季度", "每季度", "月", "月度", "每月", "旬"];
const KNOWN_CYCLES = [...CYCLES, "周", "每周", "日", "每日"];

/** The rows each rule should flag, worked out from the cells as read back. */
function findingsFromCells(
  ws: ExcelJS.Worksheet,
  e: SampleExpectations,
  asOf: Day,
): Record<SampleRule, number[]> {
  const out = Object.fromEntries(SAMPLE_RULES.map((r) => [r, [] as number[]])) as Record<
    SampleRule,
    number[]
  >;
  const seen = new Set<string>();
  const col = SAMPLE_COLUMNS;
  for (let r = e.firstTaskRow; r <= e.lastTaskRow; r++) {
    const get = (c: string): ExcelJS.CellValue => ws.getCell(`${c}${r}`).value;
    const task = text(get(col.task)).trim();
    const unit = text(get(col.unit)).replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
    const status = text(get(col.status)).trim();
    const cycle = text(get(col.cycle)).trim();
    const deadline = readDate(get(col.deadline));
    const doneDate = readDate(get(col.doneDate));
    const points = readNumber(get(col.points));
    const score = readNumber(get(col.score));
    const done = DONE.includes(status);
    const flags = new Set<SampleRule>();
    if (task === "" || unit === "" || deadline.kind === "empty") flags.add("missing-value");
    if (deadline.kind === "invalid" || doneDate.kind === "invalid") flags.add("invalid-date");
    if (!done && !OPEN.includes(status)) flags.add("unknown-status");
    if (cycle !== "" && !KNOWN_CYCLES.includes(cycle)) flags.add("invalid-cycle");
    if (points === "invalid" || score === "invalid") flags.add("invalid-number");
    if (typeof points === "number" && typeof score === "number" && score > points)
      flags.add("score-over-points");
    const key = `${task}|${unit}`;
    if (task !== "" && unit !== "" && seen.has(key)) flags.add("duplicate-task");
    seen.add(key);
    if (unit !== "" && !SAMPLE_UNITS.includes(unit)) flags.add("unknown-unit");
    if (done && doneDate.kind === "empty") flags.add("done-without-date");
    if (doneDate.kind === "day" && doneDate.day > asOf) flags.add("date-in-future");
    if (!done && deadline.kind === "day" && deadline.day < asOf) flags.add("overdue");
    if (!done && deadline.kind === "day" && deadline.day >= asOf && deadline.day - asOf <= 3)
      flags.add("due-soon");
    if (done && deadline.kind === "day" && doneDate.kind === "day" && doneDate.day > deadline.day) {
      flags.add("done-late");
    }
    for (const f of flags) out[f].push(r);
  }
  return out;
}

// --- the sample -----------------------------------------------------------------------------------

describe("sample workbook", () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  const e = sampleExpectations(AS_OF);

  beforeAll(async () => {
    wb = await writeAndRead(buildSampleWorkbook(AS_OF), "sample-tasks.xlsx");
    ws = sheet(wb, e.sheet);
  });

  test("has the task table first and the roster second", () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual(["重点工作任务表", "单位名单"]);
  });

  test("has a merged title, a 填报 line and the header on row 3", () => {
    expect(e.headerRow).toBe(3);
    expect(ws.getCell("A1").value).toBe("XX煤矿2026年重点工作任务督办清单");
    expect(ws.model.merges).toContain("A1:M1");
    expect(ws.getCell("A2").value).toBe("填报单位：调度室");
    expect(ws.getCell("J2").value).toBe("填报日期：2026年11月18日");
    const header = (ws.getRow(3).values as ExcelJS.CellValue[]).slice(1);
    expect(header).toEqual([...SAMPLE_HEADER]);
    expect(ws.getCell("C3").font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
  });

  test("lists the 12 units with their types", () => {
    const roster = sheet(wb, e.rosterSheet);
    expect(roster.getRow(1).values).toEqual([undefined, "单位名称", "类型"]);
    const units: string[] = [];
    const types: string[] = [];
    roster.eachRow((row, n) => {
      if (n === 1) return;
      units.push(text(row.getCell(1).value));
      types.push(text(row.getCell(2).value));
    });
    expect(units).toEqual([...SAMPLE_UNITS]);
    expect(units).toHaveLength(12);
    expect(types.filter((t) => t === "区队")).toHaveLength(5);
    expect(types.filter((t) => t === "科室")).toHaveLength(7);
  });

  test("merges each category's cells vertically over its rows", () => {
    expect(e.categories.map((c) => c.name)).toEqual(["安全生产", "生产经营", "党建工作"]);
    for (const c of e.categories) {
      expect(ws.model.merges).toContain(`B${c.firstRow}:B${c.lastRow}`);
      expect(ws.getCell(`B${c.firstRow}`).value).toBe(c.name);
    }
    expect(e.categories[0]?.firstRow).toBe(e.firstTaskRow);
    expect(e.categories[2]?.lastRow).toBe(e.lastTaskRow);
  });

  test("has the task rows between the header and 合计, then the 注 and 审核人 rows", () => {
    let totalRow = 0;
    for (let r = e.headerRow + 1; r <= ws.rowCount && totalRow === 0; r++) {
      if (text(ws.getCell(`A${r}`).value).startsWith("合计")) totalRow = r;
    }
    expect(totalRow).toBe(e.totalRow);
    const taskRows = totalRow - e.headerRow - 1;
    expect(taskRows).toBe(e.taskCount);
    expect(taskRows).toBeGreaterThanOrEqual(120);
    expect(taskRows).toBeLessThanOrEqual(140);
    for (let r = e.firstTaskRow; r <= e.lastTaskRow; r++) {
      expect(ws.getCell(`A${r}`).value).toBe(r - e.headerRow);
    }
    expect(ws.getCell(`K${totalRow}`).formula).toBe(`SUM(K${e.firstTaskRow}:K${e.lastTaskRow})`);
    expect(ws.getCell(`A${e.noteRow}`).value).toBe("注：完成时限以公司文件为准。");
    expect(ws.getCell(`A${e.signRow}`).value).toBe("审核人：张某某    填表人：李某某");
  });

  test("uses exactly the 12 units, apart from the planted blanks, typos and padding", () => {
    const units = new Set<string>();
    for (let r = e.firstTaskRow; r <= e.lastTaskRow; r++) units.add(text(ws.getCell(`E${r}`).value));
    const planted = new Set(
      e.planted
        .filter((p) => ["empty-unit", "unknown-unit", "padded-unit"].includes(p.kind))
        .map((p) => p.row),
    );
    for (let r = e.firstTaskRow; r <= e.lastTaskRow; r++) {
      if (!planted.has(r)) expect(SAMPLE_UNITS).toContain(text(ws.getCell(`E${r}`).value));
    }
    for (const unit of SAMPLE_UNITS) expect(units).toContain(unit);
    expect(units).toContain("综采1队");
    expect(units).toContain(" 机电科\u3000");
  });

  test("writes deadlines in every form a clerk types", () => {
    const cells = [];
    for (let r = e.firstTaskRow; r <= e.lastTaskRow; r++) cells.push(ws.getCell(`H${r}`));
    const dates = cells.filter((c) => c.value instanceof Date);
    expect(dates.some((c) => c.numFmt === "yyyy-mm-dd")).toBe(true);
    expect(dates.some((c) => c.numFmt === 'yyyy"年"m"月"d"日"')).toBe(true);
    const texts = cells.map((c) => c.value).filter((v): v is string => typeof v === "string");
    expect(texts.some((t) => /^\d{4}-\d{2}-\d{2}$/.test(t))).toBe(true);
    expect(texts.some((t) => /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(t))).toBe(true);
    expect(texts.some((t) => /^\d{4}\.\d{1,2}\.\d{1,2}$/.test(t))).toBe(true);
    expect(texts.some((t) => /^\d{4}年\d{1,2}月\d{1,2}日$/.test(t))).toBe(true);
    expect(texts.some((t) => /^[０-９]{4}年[０-９]{1,2}月[０-９]{1,2}日$/.test(t))).toBe(true);
    expect(texts).toContain("2026年2月30日");
  });

  test("mixes statuses, cycles and number cells as clerks do", () => {
    const statuses = new Set<string>();
    const cycles = new Set<string>();
    const pointTypes = new Set<string>();
    for (let r = e.firstTaskRow; r <= e.lastTaskRow; r++) {
      statuses.add(text(ws.getCell(`I${r}`).value));
      cycles.add(text(ws.getCell(`G${r}`).value));
      pointTypes.add(typeof ws.getCell(`K${r}`).value);
    }
    for (const s of ["已完成", "完成", "√", "进行中", "未开始", "推进中", "100%", "60%", "", "基本完成"]) {
      expect(statuses).toContain(s);
    }
    for (const c of CYCLES) expect(cycles).toContain(c);
    expect(cycles).toContain("随时");
    expect(pointTypes).toEqual(new Set(["number", "string"]));
  });

  test("writes the formula-looking task as text, not as a formula", () => {
    const planted = e.planted.find((p) => p.kind === "formula-like-task");
    expect(planted).toBeDefined();
    const address = `C${planted?.row ?? 0}`;
    expect(ws.getCell(address).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell(address).formula).toBeUndefined();
    expect(text(ws.getCell(address).value).startsWith("=")).toBe(true);
  });

  test("holds at least one row of each planted problem, and a small reader finds exactly the expected rows", () => {
    const found = findingsFromCells(ws, e, AS_OF);
    expect(found).toEqual(e.rows);
    for (const rule of SAMPLE_RULES) expect(e.rows[rule].length).toBeGreaterThan(0);
    for (const p of e.planted) {
      if (p.rule !== null) expect(e.rows[p.rule]).toContain(p.row);
    }
    // Traps must cause no data finding of their own.
    for (const p of e.planted.filter((q) => q.rule === null)) {
      for (const rule of ["missing-value", "unknown-unit", "invalid-date"] as const) {
        expect(e.rows[rule]).not.toContain(p.row);
      }
    }
    expect(e.rows.overdue.length).toBeGreaterThanOrEqual(12);
    expect(e.rows.overdue.length).toBeLessThanOrEqual(18);
    expect(e.rows["due-soon"].length).toBeGreaterThanOrEqual(4);
    expect(e.rows["due-soon"].length).toBeLessThanOrEqual(8);
    expect(e.rows["done-late"].length).toBeGreaterThanOrEqual(3);
  });

  test("summary counts add up", () => {
    const { units, total } = e.summary;
    expect(total.tasks).toBe(e.taskCount);
    expect(total.overdue).toBe(e.rows.overdue.length);
    expect(total.open).toBe(total.tasks - total.done);
    const withUnit = units.reduce((sum, u) => sum + u.tasks, 0);
    expect(total.tasks - withUnit).toBe(e.planted.filter((p) => p.kind === "empty-unit").length);
  });

  test("gives the same cells for the same as-of", async () => {
    const again = await writeAndRead(buildSampleWorkbook(AS_OF), "sample-tasks-again.xlsx");
    expect(dump(again)).toBe(dump(wb));
  });

  test("follows as-of: the 填报 date and the dates move, the problem rows stay", async () => {
    const other = day(2027, 3, 2);
    const moved = await writeAndRead(buildSampleWorkbook(other), "sample-tasks-2027.xlsx");
    const movedWs = sheet(moved, e.sheet);
    expect(movedWs.getCell("J2").value).toBe("填报日期：2027年3月2日");
    expect(movedWs.getCell("A1").value).toBe("XX煤矿2027年重点工作任务督办清单");
    expect(findingsFromCells(movedWs, sampleExpectations(other), other)).toEqual(e.rows);
  });

  test("finds the same rows for every as-of (SAMPLE_EXPECTATIONS holds for any day)", () => {
    const reference = { ...SAMPLE_EXPECTATIONS, title: "" };
    const days: Day[] = [day(2024, 2, 29), day(2026, 1, 1), day(2026, 12, 31), day(2028, 2, 29)];
    for (let d = day(2026, 1, 1); d <= day(2027, 12, 31); d += 5) days.push(d);
    for (const d of days) {
      const expectations = sampleExpectations(d);
      expect(expectations.title).toContain("年重点工作任务督办清单");
      const rest = { ...expectations, title: "" };
      if (JSON.stringify(rest) !== JSON.stringify(reference)) throw new Error(`differs for ${formatDay(d)}`);
    }
  });
});

// --- the bench workbook ---------------------------------------------------------------------------

describe("bench workbook", () => {
  const file = path.join(TMP, "bench-1000.xlsx");

  async function read(f: string): Promise<ExcelJS.Workbook> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f);
    return wb;
  }

  test("writes a readable workbook with 1000 task rows and a 40-unit roster", async () => {
    await writeBenchWorkbook(file, 1000, AS_OF);
    const wb = await read(file);
    const ws = sheet(wb, "重点工作任务表");
    expect((ws.getRow(3).values as ExcelJS.CellValue[]).slice(1)).toEqual([...SAMPLE_HEADER]);
    let totalRow = 0;
    for (let r = 4; r <= ws.rowCount && totalRow === 0; r++) {
      if (text(ws.getCell(`A${r}`).value).startsWith("合计")) totalRow = r;
    }
    expect(totalRow - 3 - 1).toBe(1000);
    for (let r = 4; r < totalRow; r++) expect(ws.getCell(`A${r}`).value).toBe(r - 3);
    const deadlines = Array.from({ length: 1000 }, (_, i) => ws.getCell(`H${i + 4}`).value);
    expect(deadlines.filter((v) => v instanceof Date).length).toBeGreaterThan(700);
    expect(deadlines.filter((v) => typeof v === "string").length).toBeGreaterThan(50);
    const roster = sheet(wb, "单位名单");
    expect(roster.rowCount).toBe(41);
    expect(roster.getCell("A1").value).toBe("单位名称");
  });

  test("is deterministic", async () => {
    const second = path.join(TMP, "bench-1000-again.xlsx");
    await writeBenchWorkbook(second, 1000, AS_OF);
    expect(dump(await read(second))).toBe(dump(await read(file)));
  });
});
