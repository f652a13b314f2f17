// The check the command line runs keeps the highlights' key cells exactly when it writes something back.

import { parseIsoDay } from "../core";
import { runCheck } from "./commands";
import { parseCommandLine, settle, type CommandLine } from "./invocation";
import { Progress } from "./progress";
import { tasksWorkbook } from "../../test/helpers/tasks-workbook";

const workbook = tasksWorkbook([["巡检", "综采一队", "2026-11-01", "进行中"]]);

test.each<[string, string[], boolean]>([
  ["check, a report alone", ["check", "t.xlsx"], false],
  ["check --json, a report alone", ["check", "t.xlsx", "--json", "r.json"], false],
  ["check --out, a checked copy with its highlights", ["check", "t.xlsx", "--out", "o.xlsx"], true],
  ["merge, a merged copy with its highlights", ["merge", "t.xlsx", "a.xlsx", "--out", "o.xlsx"], true],
  ["notices", ["notices", "t.xlsx", "--out-dir", "d"], true],
])("%s (%j): highlight keys kept: %s", async (_name, argv, keys) => {
  const line = parseCommandLine([...argv, "--as-of", "2026-11-18"]) as CommandLine;
  const run = await settle(line, () => parseIsoDay("2026-11-18")!);
  const progress = new Progress({ write: () => true }, "zh-CN");
  const { result } = runCheck(workbook, run, run.settings, run.locale, progress);
  expect(result.highlightKeys !== undefined).toBe(keys);
  expect(result.findings.length).toBeGreaterThan(0);
});
