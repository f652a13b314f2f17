import { checkWorkbook } from "../../check";
import { parseIsoDay } from "../../day";
import { CATALOGUES } from "../../i18n";
import type { BulletinFacts, TrendMove } from "../../i18n/catalogue";
import { settingsSchema, type Locale } from "../../settings";
import type { SummaryLine } from "../../summary";
import type { CellValue } from "../../workbook";
import { planWrite } from "../plan";
import type { DubanRecord } from "../record";
import { omissionLeaders } from "./summary";
import { tasksWorkbook } from "../../../../test/helpers/tasks-workbook";

const facts = (more: Partial<BulletinFacts>): BulletinFacts => ({
  asOf: "2026-12-18",
  sheet: "任务",
  tasks: 10,
  done: 10,
  onTime: 10,
  late: 0,
  open: 0,
  overdue: 0,
  dueSoon: 0,
  dueSoonDays: 3,
  dataProblems: 0,
  missingInstances: 0,
  completionRate: "100%",
  overdueLeaders: [],
  sharedOverdue: [],
  method: "按扣分计分",
  offRoster: [],
  omissionLeaders: [],
  ...more,
});
const none: TrendMove = { units: [], rankChange: 0 };
const trend = (improved: TrendMove, declined: TrendMove = none) => ({
  since: "2026-11-18",
  improved,
  declined,
});

describe("the bulletin's changes since the last check and its omissions, as worded", () => {
  test.each<[string, Locale, Partial<BulletinFacts>, string | undefined]>([
    ["a first check: no change to tell", "zh-CN", {}, undefined],
    [
      "the most improved and the most declined, with their scores",
      "zh-CN",
      {
        trend: trend(
          { units: ["乙"], rankChange: 2, scoreChange: 4 },
          { units: ["甲"], rankChange: -1, scoreChange: -2.5 },
        ),
      },
      "与上次检查（2026年11月18日）相比，进步最大的是乙（名次上升 2 位，得分提高 4 分），退步最大的是甲（名次下降 1 位，得分下降 2.5 分）。",
    ],
    [
      "tied units share the move",
      "zh-CN",
      { trend: trend({ units: ["甲", "乙"], rankChange: 1, scoreChange: 1 }) },
      "与上次检查（2026年11月18日）相比，进步最大的是甲、乙（均名次上升 1 位，得分提高 1 分）。",
    ],
    [
      "no move in rank: the score's; a move whose scores do not compare names the rank alone",
      "zh-CN",
      { trend: trend({ units: ["丙"], rankChange: 0, scoreChange: 1.5 }, { units: ["丁"], rankChange: -3 }) },
      "与上次检查（2026年11月18日）相比，进步最大的是丙（名次不变，得分提高 1.5 分），退步最大的是丁（名次下降 3 位）。",
    ],
    ["nobody moved: nothing to tell", "zh-CN", { trend: trend(none) }, undefined],
    [
      "the units with the most omissions",
      "zh-CN",
      {
        missingInstances: 6,
        omissionLeaders: [
          { unit: "甲", omissions: 4 },
          { unit: "乙", omissions: 2 },
        ],
      },
      "按工作规范应报未报（漏项）6 项，漏项较多的是甲（4 项）、乙（2 项）。",
    ],
    [
      "in English",
      "en-US",
      {
        trend: trend(
          { units: ["B"], rankChange: 2, scoreChange: 4 },
          { units: ["A", "C"], rankChange: -1, scoreChange: -2.5 },
        ),
      },
      "Since the last check (2026-11-18), B (up 2 places, score +4) improved most; A and C (each down 1 place, score −2.5) declined most.",
    ],
    [
      "omissions in English",
      "en-US",
      { missingInstances: 1, omissionLeaders: [{ unit: "A", omissions: 1 }] },
      "1 required ledger entry is missing, most at A (1).",
    ],
    [
      "a unit off the roster, with the name it likely means",
      "zh-CN",
      { offRoster: [{ unit: "综采1队", suggestion: "综采一队", tasks: 2 }] },
      "“综采1队”（2 项，应为“综采一队”？）不在单位名单中",
    ],
    [
      "units off the roster in English",
      "en-US",
      { offRoster: [{ unit: "Team 1", suggestion: "Team One", tasks: 1 }] },
      '"Team 1" (1 task; Team One?) is not on the roster',
    ],
    [
      "overdue tasks of several units told apart from the units'",
      "zh-CN",
      {
        open: 4,
        overdue: 3,
        overdueLeaders: [{ unit: "甲", overdue: 1 }],
        sharedOverdue: [{ unit: "各单位", overdue: 2 }],
      },
      "未完成 4 项，其中逾期 3 项，逾期较多的是甲（1 项）；多个单位共同的任务逾期各单位（2 项），请督促尽快办结。",
    ],
    [
      "overdue tasks of several units in English",
      "en-US",
      { open: 2, overdue: 2, sharedOverdue: [{ unit: "各区队", overdue: 2 }] },
      "and 2 of them overdue, and tasks of several units at 各区队 (2); chase them to finish.",
    ],
  ])("%s", (_name, locale, more, sentence) => {
    const text = CATALOGUES[locale].output.bulletin(facts(more));
    if (sentence) expect(text).toContain(sentence);
    else expect(text).not.toMatch(/上次检查|last check/);
  });
});

describe("omissionLeaders: the three with the most, and any tied with the third", () => {
  const line = (name: string, missingInstances: number) => ({ name, missingInstances }) as SummaryLine;
  test.each<[string, SummaryLine[], string[]]>([
    ["none", [line("甲", 0)], []],
    ["most first", [line("甲", 1), line("乙", 3), line("丙", 2)], ["乙", "丙", "甲"]],
    [
      "a tie at the third is not cut",
      [line("甲", 5), line("乙", 1), line("丙", 3), line("丁", 1), line("戊", 0)],
      ["甲", "丙", "乙", "丁"],
    ],
    [
      "the fourth below the third is left out",
      [line("甲", 4), line("乙", 3), line("丙", 2), line("丁", 1)],
      ["甲", "乙", "丙"],
    ],
  ])("%s", (_name, lines, expected) => expect(omissionLeaders(lines).map((l) => l.unit)).toEqual(expected));
});

describe("the bulletin on 汇总 after two checks", () => {
  // Scored as written (100 − 2 × overdue). November: 甲 100 (1st), 乙 96 (2nd); December: 乙 100 (1st), 甲 98.
  const settings = settingsSchema.parse({ ranking: { scale: "none" } });
  const write = (rows: CellValue[][], asOf: string, record: DubanRecord | undefined, locale: Locale) =>
    planWrite(checkWorkbook(tasksWorkbook(rows), { asOf: parseIsoDay(asOf)!, settings }), {
      settings,
      locale,
      record,
      date1904: false,
    });
  const bulletin = (plan: ReturnType<typeof write>) => {
    const rows = plan.sheets.find((s) => s.kind === "summary")!.rows;
    return String(rows[rows.length - 1]!.cells[0]!.value);
  };
  const november: CellValue[][] = [
    ["a", "甲", "2026-11-10", "已完成"],
    ["b", "乙", "2026-11-10", "进行中"],
    ["c", "乙", "2026-11-12", "进行中"],
  ];
  const december: CellValue[][] = [
    ["a", "甲", "2026-12-10", "进行中"],
    ["b", "乙", "2026-12-10", "已完成"],
  ];

  test.each<[Locale, string, string]>([
    [
      "zh-CN",
      "本期考核按扣分计分",
      "与上次检查（2026年11月18日）相比，进步最大的是乙（名次上升 1 位，得分提高 4 分），退步最大的是甲（名次下降 1 位，得分下降 2 分）。",
    ],
    [
      "en-US",
      "Scored by deductions",
      "Since the last check (2026-11-18), 乙 (up 1 place, score +4) improved most; 甲 (down 1 place, score −2) declined most.",
    ],
  ])(
    "%s: the method, and who rose and fell most; a first check tells no change",
    (locale, method, change) => {
      const first = write(november, "2026-11-18", undefined, locale);
      expect(bulletin(first)).toContain(method);
      expect(bulletin(first)).not.toMatch(/上次检查|last check/);
      const second = write(december, "2026-12-18", first.record, locale);
      expect(bulletin(second)).toContain(method);
      expect(bulletin(second)).toContain(change);
    },
  );
});
