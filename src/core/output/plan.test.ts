import {
  AS_OF,
  checked,
  day,
  masterWorkbook,
  noticeWorkbook,
  returned,
} from "../../../test/helpers/feedback";
import { checkWorkbook } from "../check";
import { parseIsoDay } from "../day";
import { applyChanges } from "../feedback/apply";
import { mergedRows } from "../feedback/apply";
import { mergeAnswers } from "../feedback/merge";
import { DEFAULT_SETTINGS } from "../settings";
import type { WorkbookModel } from "../workbook";
import { generatedSheets } from "./generate";
import { highlightPlan } from "./highlights";
import { historyEntry } from "./history";
import { planWrite, writtenRecord } from "./plan";
import {
  earlierMerges,
  lastMergeRound,
  recordedSharedDone,
  type DubanRecord,
  type PreviousRanking,
} from "./record";
import type { SharedDone } from "../feedback/types";
import { styleSheet } from "./styles";

const SHEET = "任务表";
const workbook: WorkbookModel = {
  fileName: "tasks.xlsx",
  sheets: [
    {
      name: SHEET,
      rows: [
        ["工作任务", "责任单位", "完成时限", "完成情况"],
        ["安全检查", "甲", "2026-11-10", "已完成"],
        ["隐患排查", "乙", "2026-11-10", "进行中"],
        ["应急演练", "丙", "2026-12-30", ""],
      ],
      merges: [],
    },
  ],
};
const result = checkWorkbook(workbook, { asOf: parseIsoDay("2026-11-18")! });
const options = { settings: DEFAULT_SETTINGS, locale: "zh-CN" as const, date1904: false };

const earlier: PreviousRanking = { asOf: "2026-11-11", entries: [{ unit: "甲", rank: 2 }] };
const sameDay: PreviousRanking = { asOf: "2026-11-18", entries: [{ unit: "甲", rank: 3 }] };
const record = (ranking?: PreviousRanking, baseline?: PreviousRanking): DubanRecord => ({
  version: 1,
  generated: [],
  ...(ranking ? { ranking } : {}),
  ...(baseline ? { baseline } : {}),
});

describe("planWrite", () => {
  test.each<[string, DubanRecord | undefined, PreviousRanking | undefined]>([
    ["no record: nothing to compare with", undefined, undefined],
    ["a record without a ranking", record(), undefined],
    ["a ranking of an earlier day: compared with it", record(earlier), earlier],
    ["re-checking the same day: compared with what that ranking was", record(sameDay, earlier), earlier],
    ["re-checking the same day of a first ranking", record(sameDay), undefined],
  ])("%s", (_name, before, baseline) => {
    const plan = planWrite(result, { ...options, record: before });
    expect(plan.record.baseline).toEqual(baseline);
    expect(plan.sheets).toEqual(
      generatedSheets(result, {
        ...options,
        ...(baseline ? { previousRanking: baseline } : {}),
        history: [historyEntry(result)],
      }),
    );
  });

  test("gives the highlights, colours, styles and the record of what it plans", () => {
    const plan = planWrite(result, { ...options, record: undefined });
    expect(plan.highlights).toEqual(highlightPlan(result, { date1904: false }));
    expect(plan.colors).toEqual(DEFAULT_SETTINGS.colors);
    expect(plan.styles).toEqual(styleSheet(DEFAULT_SETTINGS));
    expect(plan.record).toEqual({
      version: 1,
      generated: [
        { name: "问题清单", kind: "issues" },
        { name: "汇总", kind: "summary" },
        { name: "排名", kind: "ranking" },
        { name: "考核记录", kind: "history" },
        { name: "督办单", kind: "notices" },
        { name: "网络推进图", kind: "progress" },
      ],
      highlightSheet: SHEET,
      ranking: { asOf: "2026-11-18", entries: result.ranking.map(({ unit, rank }) => ({ unit, rank })) },
      history: [historyEntry(result)],
    });
  });
});

describe("writtenRecord", () => {
  const plan = planWrite(result, { ...options, record: record(earlier) });

  test.each<[string, readonly string[], unknown, string[]]>([
    [
      "the names asked for",
      ["问题清单", "汇总", "排名", "考核记录", "督办单", "网络推进图"],
      undefined,
      ["问题清单", "汇总", "排名", "考核记录", "督办单", "网络推进图"],
    ],
    [
      "a taken name",
      ["问题清单", "汇总 (2)", "排名", "考核记录", "督办单", "网络推进图"],
      undefined,
      ["问题清单", "汇总 (2)", "排名", "考核记录", "督办单", "网络推进图"],
    ],
    [
      "with a host's bookkeeping",
      ["问题清单", "汇总", "排名", "考核记录", "督办单", "网络推进图"],
      { part: "x" },
      ["问题清单", "汇总", "排名", "考核记录", "督办单", "网络推进图"],
    ],
  ])("%s", (_name, names, host, expected) => {
    const written = writtenRecord(plan, names, host);
    expect(written.generated.map((g) => g.name)).toEqual(expected);
    expect(written.generated.map((g) => g.kind)).toEqual(plan.sheets.map((s) => s.kind));
    // The record is JSON in a sheet: its keys keep one order, so writing the same check twice is the same.
    expect(Object.keys(written)).toEqual([
      "version",
      "generated",
      "highlightSheet",
      "ranking",
      "baseline",
      "history",
      ...(host === undefined ? [] : ["host"]),
    ]);
    expect(written.host).toEqual(host);
  });
});

describe("planWrite after a merge of the units' answers", () => {
  const master = checked(masterWorkbook());
  const merge = mergeAnswers(master, [
    returned(
      "甲.xlsx",
      noticeWorkbook(master, "甲", { edits: { 2: { status: "已完成", doneDate: day("2026-11-09") } } }),
    ),
  ]);
  const merged = checkWorkbook(applyChanges(master.workbook, master.result.sheet, merge.changes), {
    asOf: master.result.asOf,
    keyRows: mergedRows(merge),
  });
  const withMerge = { ...options, merge };

  test("the Feedback sheet comes after the others", () => {
    const plan = planWrite(merged, { ...withMerge, record: undefined });
    expect(plan.sheets.map((s) => s.kind)).toEqual([
      "issues",
      "summary",
      "ranking",
      "history",
      "notices",
      "progress",
      "feedback",
    ]);
    expect(planWrite(merged, { ...options, record: undefined }).sheets.map((s) => s.kind)).not.toContain(
      "feedback",
    );
  });

  test("the cells it wrote are highlighted light blue, keyed on their rows as they are now", () => {
    const plan = planWrite(merged, { ...withMerge, record: undefined });
    expect(plan.highlights.marks.filter((m) => m.kind === "merged")).toEqual([
      { row: 1, column: 4, kind: "merged" },
      { row: 1, column: 5, kind: "merged" },
    ]);
    // 安全检查|甲|2026-11-10|已完成|2026-11-09, the days as serials, then the column (E, F).
    expect(plan.highlights.keys.find((k) => k.kind === "merged")?.keys).toEqual([
      "安全检查|甲|46336|已完成|46335|5",
      "安全检查|甲|46336|已完成|46335|6",
    ]);
    expect(plan.colors.merged).toEqual({ fill: "BDD7EE", text: "002060" });
  });

  test("a finding on a merged cell keeps its colour", () => {
    // Before the merge, row 2 is overdue (its deadline cell, D2, is red).
    const before = checkWorkbook(master.workbook, { asOf: master.result.asOf, keyRows: [2, 3] });
    const plan = highlightPlan(before, {
      date1904: false,
      merged: [
        { row: 2, column: 3 },
        { row: 3, column: 4 },
      ],
    });
    const at = (row: number, column: number) => plan.marks.find((m) => m.row === row && m.column === column);
    expect([at(1, 3), at(2, 4)]).toEqual([
      { row: 1, column: 3, kind: "overdue" },
      { row: 2, column: 4, kind: "merged" },
    ]);
  });

  test("a merged row the check kept no key cells for is refused", () => {
    const unkeyed = checkWorkbook(master.workbook, { asOf: master.result.asOf });
    expect(() => highlightPlan(unkeyed, { date1904: false, merged: [{ row: 6, column: 4 }] })).toThrow(
      "keyRows",
    );
  });

  test.each<[string, string | undefined, string | undefined, string | undefined]>([
    ["the merge's round is recorded", undefined, AS_OF, AS_OF],
    ["a later check that merges nothing keeps it", "2026-11-11", undefined, "2026-11-11"],
    ["a merge of a newer round replaces it", "2026-11-11", AS_OF, AS_OF],
    ["a merge of plain copies only keeps the one before", "2026-11-11", "copies", "2026-11-11"],
    ["never merged: no merge in the record", undefined, undefined, undefined],
  ])("%s", (_name, before, mergeRound, after) => {
    const previous: DubanRecord = {
      version: 1,
      generated: [],
      ...(before ? { merge: { round: before } } : {}),
    };
    const thisMerge =
      mergeRound === undefined
        ? {}
        : {
            merge: mergeRound === "copies" ? { ...merge, round: undefined } : { ...merge, round: mergeRound },
          };
    const plan = planWrite(merged, { ...options, ...thisMerge, record: previous });
    expect(plan.record.merge).toEqual(after === undefined ? undefined : { round: after });
    expect(lastMergeRound(plan.record)).toBe(after);
  });
  const done = (unit: string): SharedDone => ({
    fingerprint: "0badf00d",
    unit,
    status: "已完成",
    doneDay: "2026-11-15",
    file: `${unit}.xlsx`,
  });
  test.each<[string, SharedDone[] | undefined, "none" | SharedDone[] | undefined, SharedDone[] | undefined]>([
    ["the done answers a merge keeps are recorded", undefined, [done("甲")], [done("甲")]],
    ["a later check that merges nothing keeps them", [done("甲")], "none", [done("甲")]],
    [
      "a merge takes the place of those recorded",
      [done("甲")],
      [done("乙"), done("甲")],
      [done("乙"), done("甲")],
    ],
    ["a merge that keeps none leaves none", [done("甲")], undefined, undefined],
  ])("%s", (_name, before, kept, after) => {
    const previous: DubanRecord = {
      version: 1,
      generated: [],
      ...(before ? { merge: { round: "2026-11-11", shared: before } } : {}),
    };
    const thisMerge = kept === "none" ? {} : { merge: { ...merge, ...(kept ? { sharedDone: kept } : {}) } };
    const plan = planWrite(merged, { ...options, ...thisMerge, record: previous });
    expect(plan.record.merge?.shared).toEqual(after);
    // Read back as the next merge takes it.
    expect(earlierMerges(plan.record).sharedDone).toEqual(after);
  });

  test("done answers the record holds in another shape are left out", () => {
    const record = {
      version: 1,
      generated: [],
      merge: {
        shared: [
          done("甲"),
          { ...done("乙"), doneDay: "11月15日" },
          { unit: "丙" },
          null,
          "丁",
          { ...done("戊"), file: 3 },
        ],
      },
    } as unknown as DubanRecord;
    expect(recordedSharedDone(record)).toEqual([done("甲")]);
    expect(
      recordedSharedDone({ version: 1, generated: [], merge: { shared: "甲" } } as unknown as DubanRecord),
    ).toEqual([]);
    expect(earlierMerges(undefined)).toEqual({});
  });
});
