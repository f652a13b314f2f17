import { checkWorkbook } from "../check";
import { parseIsoDay } from "../day";
import { DEFAULT_SETTINGS } from "../settings";
import type { WorkbookModel } from "../workbook";
import { generatedSheets } from "./generate";
import { highlightPlan } from "./highlights";
import { planWrite, writtenRecord } from "./plan";
import type { DubanRecord, PreviousRanking } from "./record";
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
      generatedSheets(result, { ...options, ...(baseline ? { previousRanking: baseline } : {}) }),
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
        { name: "督办单", kind: "notices" },
      ],
      highlightSheet: SHEET,
      ranking: { asOf: "2026-11-18", entries: result.ranking.map(({ unit, rank }) => ({ unit, rank })) },
    });
  });
});

describe("writtenRecord", () => {
  const plan = planWrite(result, { ...options, record: record(earlier) });

  test.each<[string, readonly string[], unknown, string[]]>([
    [
      "the names asked for",
      ["问题清单", "汇总", "排名", "督办单"],
      undefined,
      ["问题清单", "汇总", "排名", "督办单"],
    ],
    [
      "a taken name",
      ["问题清单", "汇总 (2)", "排名", "督办单"],
      undefined,
      ["问题清单", "汇总 (2)", "排名", "督办单"],
    ],
    [
      "with a host's bookkeeping",
      ["问题清单", "汇总", "排名", "督办单"],
      { part: "x" },
      ["问题清单", "汇总", "排名", "督办单"],
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
      ...(host === undefined ? [] : ["host"]),
    ]);
    expect(written.host).toEqual(host);
  });
});
