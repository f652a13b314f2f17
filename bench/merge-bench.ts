// 反馈汇总 at size: 40 units' answered notices merged into a 5,000-task master, as `duban merge` runs it.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { main } from "../src/cli/main";
import { parseIsoDay, readNoticeRecord, type Day } from "../src/core";
import { NODE_CODEC, OpcPackage, readPackage, setCellValues } from "../src/hosts/xlsx";
import { writeBenchWorkbook } from "./bench-workbook";

export const MERGE_TASKS = 5_000;
export const MERGE_RETURNS = 40;

const quiet = { write: () => true };

/**
 * The master, the notices made from it and each unit's answer, made once under `dir`: every second task of a
 * notice answered 已完成 with a completion date and a note, as a unit fills in its yellow cells.
 * @returns the master and the answered files, in unit order
 */
export async function mergeInputs(
  dir: string,
  asOfText: string,
): Promise<{ master: string; returns: string[] }> {
  const asOf = parseIsoDay(asOfText)!;
  const master = path.join(dir, `merge-master-${MERGE_TASKS}.xlsx`);
  const noticeDir = path.join(dir, "merge-notices");
  const returnDir = path.join(dir, "merge-returns");
  if (!existsSync(master)) await writeBenchWorkbook(master, MERGE_TASKS, asOf);
  if (!existsSync(returnDir) || readdirSync(returnDir).length < MERGE_RETURNS) {
    rmSync(noticeDir, { recursive: true, force: true });
    rmSync(returnDir, { recursive: true, force: true });
    const io = { stdout: quiet, stderr: quiet, today: () => asOf };
    const code = await main(["notices", master, "--out-dir", noticeDir, "--as-of", asOfText], io);
    if (code !== 0) throw new Error(`duban notices failed with exit code ${code}`);
    mkdirSync(returnDir, { recursive: true });
    for (const name of readdirSync(noticeDir).sort().slice(0, MERGE_RETURNS)) {
      writeFileSync(path.join(returnDir, name), await answered(path.join(noticeDir, name), asOf));
    }
  }
  const returns = readdirSync(returnDir)
    .sort()
    .map((name) => path.join(returnDir, name));
  if (returns.length < MERGE_RETURNS) throw new Error(`only ${returns.length} units have notices`);
  return { master, returns };
}

/** One notice with every second task answered in its answer cells. */
async function answered(file: string, asOf: Day): Promise<Uint8Array> {
  const pkg = OpcPackage.open(readFileSync(file), file, NODE_CODEC);
  const record = readNoticeRecord(await readPackage(pkg, file))!;
  const { status, doneDate, note } = record.columns;
  const edits = record.rows
    .filter((_, i) => i % 2 === 0)
    .flatMap((row) => [
      ...(status !== undefined ? [{ row: row.noticeRow, column: status, value: "已完成" }] : []),
      ...(doneDate !== undefined ? [{ row: row.noticeRow, column: doneDate, value: { day: asOf } }] : []),
      ...(note !== undefined ? [{ row: row.noticeRow, column: note, value: "已按要求办结" }] : []),
    ]);
  setCellValues(pkg, record.noticeSheet, edits);
  return pkg.toBytes();
}
