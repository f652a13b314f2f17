// Tasks a group word gives to several units (各单位, 各区队) or to none (相关单位), through the command line: each
// unit named is sent the task in its 督办单, the word itself is sent nothing, and a unit's answer to the shared
// task comes back reported, never written over the one status the master keeps for every unit.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { CATALOGUES } from "../src/core/i18n";
import type { CellValue } from "../src/core/workbook";
import { readWorkbookBytes } from "../src/hosts/xlsx";
import { runCli } from "./helpers/run-cli";

const AS_OF = "2026-11-18";
const work = mkdtempSync(path.join(tmpdir(), "duban-shared-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const file = (name: string) => path.join(work, name);

/** Rows 2-6 of the master; the roster types its units, so 各区队 names the two teams. */
const TASKS: CellValue[][] = [
  [1, "开展安全大检查", "各单位", "2026-11-10", "未完成"],
  [2, "隐患排查", "机电科", "2026-11-10", "未完成"],
  [3, "区队自查", "各区队", "2026-11-20", "进行中"],
  [4, "问题整改", "相关单位", "2026-11-10", "未完成"],
  [5, "年度总结", "各单位", "2026-11-01", "已完成"],
];
const ROSTER: CellValue[][] = [
  ["单位", "类型"],
  ["综采一队", "区队"],
  ["掘进二队", "区队"],
  ["机电科", "科室"],
];

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("任务").addRows([["序号", "工作任务", "责任单位", "完成时限", "完成情况"], ...TASKS]);
  wb.addWorksheet("单位名单").addRows(ROSTER);
  await wb.xlsx.writeFile(file("master.xlsx"));
});

/** The task texts of a notice file, in its order. */
async function noticeTasks(name: string, dir = "notices"): Promise<string[]> {
  const model = await readWorkbookBytes(readFileSync(path.join(file(dir), name)), name);
  const rows = model.sheets[0]!.rows;
  const header = rows.findIndex((cells) => cells?.[1] === "工作任务");
  return rows.slice(header + 1).map((cells) => String(cells?.[1]));
}

test("each unit a group word names is sent the task; the word itself, and 相关单位, are sent nothing", async () => {
  const { code, stdout, stderr } = await runCli(
    ["notices", file("master.xlsx"), "--as-of", AS_OF, "--out-dir", file("notices")],
    AS_OF,
  );
  expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
  expect(readdirSync(file("notices")).sort()).toEqual(
    ["督办单-综采一队.xlsx", "督办单-掘进二队.xlsx", "督办单-机电科.xlsx"].sort(),
  );
  // Most urgent first: overdue, then due soon.
  expect(await noticeTasks("督办单-综采一队.xlsx")).toEqual(["开展安全大检查", "区队自查"]);
  expect(await noticeTasks("督办单-机电科.xlsx")).toEqual(["开展安全大检查", "隐患排查"]);
  expect(stdout).toContain(
    "“任务”中有 1 项未完成的任务责任单位只写了“相关单位”（第 5 行），没有写明是哪些单位：督办单无法发出，也不计入任何单位。请在任务表中写明责任单位。",
  );
});

/** A unit's notice answered 已完成 for `tasks`, saved by ExcelJS as `name`. */
async function answered(unit: string, tasks: readonly string[], name: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(file("notices"), `督办单-${unit}.xlsx`));
  wb.worksheets[0]!.eachRow((row) => {
    if (tasks.includes(String(row.getCell(2).value))) row.getCell(5).value = "已完成";
  });
  await wb.xlsx.writeFile(file(name));
  return file(name);
}

/** `duban merge` of the master and `returns` into `name`: its exit, and the merged workbook as read back. */
async function merge(returns: readonly string[], name: string, master = "master.xlsx") {
  const { code, stdout, stderr } = await runCli(
    ["merge", file(master), ...returns, "--as-of", AS_OF, "--out", file(name)],
    AS_OF,
  );
  const model = await readWorkbookBytes(readFileSync(file(name)), name);
  const statuses = model.sheets
    .find((s) => s.name === "任务")!
    .rows.slice(1, 4)
    .map((cells) => cells?.[4]);
  return { code, stdout, stderr, model, statuses };
}

const FEEDBACK = CATALOGUES["zh-CN"].output.feedback;
const feedbackSheet = (model: Awaited<ReturnType<typeof merge>>["model"]) =>
  model.sheets.find((s) => s.name === CATALOGUES["zh-CN"].output.sheetNames.feedback)!;

test("a unit's done answer to the shared task is kept and reported, and the master's row keeps its status", async () => {
  const returned = await answered("综采一队", ["开展安全大检查", "区队自查"], "综采一队反馈.xlsx");
  const { code, stdout, stderr, model, statuses } = await merge([returned], "merged.xlsx");
  expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
  expect(statuses).toEqual(["未完成", "未完成", "进行中"]);
  // The answers kept are told apart from those refused, in the terminal and under the sheet's title.
  const kept = "未采用 2 处（其中 2 处是多单位任务的办结反馈，已记下，待其余单位反馈）";
  expect(stdout).toContain(kept);
  const feedback = feedbackSheet(model);
  expect(String(feedback.rows[1]?.[0])).toContain("未采纳 2 处（其中 2 处是多单位任务的办结反馈");
  // Who still owes an answer to each, near the top: the status cell, the task, who answered, who is to.
  const title = feedback.rows.findIndex((cells) => cells?.[0] === FEEDBACK.sharedProgressTitle(2));
  expect(feedback.rows.slice(title + 2, title + 4).map((cells) => cells?.slice(0, 4))).toEqual([
    ["E2", "开展安全大检查", "综采一队", "掘进二队、机电科"],
    ["E4", "区队自查", "综采一队", "掘进二队"],
  ]);
  // Each task with the units still to answer it, in the roster's order.
  const reported = feedback.rows.flatMap((cells) => {
    const why = cells?.[3];
    return typeof why === "string" && why.startsWith(FEEDBACK.reasons.sharedWaiting)
      ? [[cells![1], why]]
      : [];
  });
  expect(reported).toEqual([
    ["开展安全大检查", FEEDBACK.reasons.sharedWaiting + FEEDBACK.waitingFor(["掘进二队", "机电科"])],
    ["区队自查", FEEDBACK.reasons.sharedWaiting + FEEDBACK.waitingFor(["掘进二队"])],
  ]);
  // Every unit sent a notice is listed, the one that answered last.
  const units = feedback.rows.flatMap((cells) =>
    cells?.[1] === "未反馈" || cells?.[1] === "已反馈" ? [cells[0]] : [],
  );
  expect(units).toEqual(["机电科", "掘进二队", "综采一队"]);
});

test("a task of 各区队 that both teams answer done, merged together, is done in the master", async () => {
  const returns = [
    await answered("综采一队", ["区队自查"], "综采一队-区队自查.xlsx"),
    await answered("掘进二队", ["区队自查"], "掘进二队-区队自查.xlsx"),
  ];
  const { stderr, statuses } = await merge(returns, "merged-teams.xlsx");
  expect(stderr).toBe("");
  // 区队自查 (row 4) done; 开展安全大检查 of 各单位 waits for 机电科.
  expect(statuses).toEqual(["未完成", "未完成", "已完成"]);
});

test("a task of 各单位 its units answer done in two merges, days apart, is done in the master after the second", async () => {
  const first = [
    await answered("综采一队", ["开展安全大检查"], "综采一队-第一批.xlsx"),
    await answered("掘进二队", ["开展安全大检查"], "掘进二队-第一批.xlsx"),
  ];
  const once = await merge(first, "merged-once.xlsx");
  expect(once.stderr).toBe("");
  expect(once.statuses).toEqual(["未完成", "未完成", "进行中"]);
  // The next round's notices chase the task only where it is still owed: 机电科's, not the two that answered.
  const again = await runCli(
    ["notices", file("merged-once.xlsx"), "--as-of", AS_OF, "--out-dir", file("notices-again")],
    AS_OF,
  );
  expect(again.stderr).toBe("");
  expect(await noticeTasks("督办单-综采一队.xlsx", "notices-again")).toEqual(["区队自查"]);
  expect(await noticeTasks("督办单-掘进二队.xlsx", "notices-again")).toEqual(["区队自查"]);
  expect(await noticeTasks("督办单-机电科.xlsx", "notices-again")).toEqual(["开展安全大检查", "隐患排查"]);
  // The merged workbook is the master the last unit's answer is merged into, its record keeping the others'.
  const last = await answered("机电科", ["开展安全大检查"], "机电科-第二批.xlsx");
  const twice = await merge([last], "merged-twice.xlsx", "merged-once.xlsx");
  expect(twice.stderr).toBe("");
  expect(twice.statuses).toEqual(["已完成", "未完成", "进行中"]);
  // Each of the three units is credited with the row in the second merge's Feedback sheet.
  const updated = feedbackSheet(twice.model).rows.flatMap((cells) =>
    cells?.[1] === "未反馈" || cells?.[1] === "已反馈" ? [[cells[0], cells[3]]] : [],
  );
  expect(updated).toEqual([
    ["综采一队", 1],
    ["掘进二队", 1],
    ["机电科", 1],
  ]);
  // Merged without the first merge's record (into the master as it was), the last answer alone waits.
  const alone = await merge([last], "merged-alone.xlsx");
  expect(alone.statuses).toEqual(["未完成", "未完成", "进行中"]);
});

test("the JSON report marks a group word's line as a group, and the ranking has units alone", async () => {
  const { stdout } = await runCli(["check", file("master.xlsx"), "--as-of", AS_OF, "--json", "-"], AS_OF);
  const report = JSON.parse(stdout) as {
    summary: { units: Array<{ unit: string; group?: boolean }> };
    ranking: Array<{ unit: string }>;
  };
  expect(report.summary.units.filter((u) => u.group).map((u) => u.unit)).toEqual([
    "各单位",
    "各区队",
    "相关单位",
  ]);
  expect(report.ranking.map((r) => r.unit).sort()).toEqual(["机电科"]);
});
