import { LOCALES } from "../core";
import { HOST_ERROR_KINDS, HostError } from "../hosts/contract";
import { PANE_CATALOGUES } from "./i18n";
import { problemOf, wordProblem } from "./problems";

/** Arguments for the catalogue's functions; two numbers for the rest. */
const SAMPLE_ARGS: Record<string, unknown[]> = {
  written: [["问题清单", "汇总"]],
  detected: ["任务表", 3],
  withCount: ["逾期", 3],
  mergeToUndo: [8, "2026-11-18"],
  mergedCounts: [{ answered: 3, notAnswered: 1, changes: 8, rejected: 2, kept: 1, skipped: 1 }],
  notAnsweredUnits: [["机电科", "通风区"]],
  unusableFileUnits: [["机电科"]],
  skippedFile: ["说明.xlsx", "不是 Excel 工作簿"],
  seeFeedbackSheet: ["反馈情况"],
  editedCells: ["任务表", ["E4", "G6"]],
};

/** Every key path of a catalogue, with what a function returns for sample arguments. */
function flatten(value: unknown, path = ""): Array<[string, string]> {
  if (typeof value === "function")
    return [[path, String((value as (...a: unknown[]) => unknown)(...(SAMPLE_ARGS[path] ?? [2, 5])))]];
  if (typeof value === "string") return [[path, value]];
  return Object.entries(value as object).flatMap(([key, inner]) =>
    flatten(inner, path ? `${path}.${key}` : key),
  );
}

test("both catalogues have the same keys, none empty", () => {
  const [zh, en] = LOCALES.map((locale) => flatten(PANE_CATALOGUES[locale]));
  expect(zh!.map(([key]) => key)).toEqual(en!.map(([key]) => key));
  for (const [key, text] of [...zh!, ...en!]) expect([key, text.trim().length > 0]).toEqual([key, true]);
});

test.each([
  ["zh-CN", 0, "未采纳 2 处，未使用"],
  ["zh-CN", 2, "未采纳 2 处（其中 2 处是多单位任务的办结反馈，已记下，待其余单位反馈），未使用"],
  ["en-US", 0, "2 not applied, 1 file(s)"],
  [
    "en-US",
    2,
    "2 not applied (2 of them done answers to tasks of several units, kept until the other units answer), 1",
  ],
] as const)(
  "the merge's counts in %s tell the done answers kept for a later merge apart (%d)",
  (locale, kept, said) => {
    const counts = { answered: 3, notAnswered: 1, changes: 8, rejected: 2, kept, skipped: 1 };
    expect(PANE_CATALOGUES[locale].mergedCounts(counts)).toContain(said);
  },
);

test.each(HOST_ERROR_KINDS)("a host error %s has a sentence in 中文 and English", (kind) => {
  const problem = problemOf(new HostError(kind, "detail"));
  const zh = wordProblem(problem, "zh-CN");
  const en = wordProblem(problem, "en-US");
  expect(zh.text).toMatch(/[\u4e00-\u9fff]/);
  expect(en.text).toMatch(/^[\x20-\x7e“”…—’]+$/);
  expect(zh.details).toEqual(["detail"]);
  expect(zh.intent).toBe(kind === "cancelled" ? "info" : kind === "busy" ? "warning" : "error");
});

test("anything thrown that is not a host or table error is unexpected, with its message", () => {
  expect(problemOf(new RangeError("bad"))).toEqual({ kind: "host", hostKind: "unexpected", detail: "bad" });
  expect(problemOf("text")).toEqual({ kind: "host", hostKind: "unexpected", detail: "text" });
});
