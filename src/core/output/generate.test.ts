import { checkWorkbook, type CheckResult } from "../check";
import { parseIsoDay } from "../day";
import { formatFinding } from "../i18n";
import { DEFAULT_SETTINGS, settingsSchema, type Locale } from "../settings";
import type { CellValue, WorkbookModel } from "../workbook";
import { displayWidth, generatedSheets, rankingRecord, type PreviousRanking } from "./generate";
import type { SheetSpec, SpecCell, SpecRow, StyleName } from "./spec";
import { styleSheet } from "./styles";

const asOf = parseIsoDay("2026-11-18")!;
const SOURCE = "重点工作任务表";
const HEADER: CellValue[] = ["工作任务", "类别", "责任单位", "完成时限", "完成情况", "完成日期"];
const FORMULA_LIKE = ["=SUM(A1)", "+1", "-x", "@x", "+戊"];

const check = (rows: CellValue[][]): CheckResult => {
  const workbook: WorkbookModel = {
    fileName: "tasks.xlsx",
    sheets: [{ name: SOURCE, rows: [["2026年重点工作任务表"], HEADER, ...rows], merges: [] }],
  };
  return checkWorkbook(workbook, { asOf });
};

// Sheet rows 3-12 (a title row sits above the header).
const result = check([
  ["安全检查", "安全", "甲", "2026-11-10", "已完成", "2026-11-09"], // on time
  ["隐患排查", "安全", "甲", "2026-11-10", "进行中", null], // overdue
  ["应急演练", "安全", "甲", "2026-11-12", "", null], // overdue
  ["=SUM(A1)", "经营", "乙", "2026-11-19", "", null], // due soon
  ["+1", "经营", "乙", "2026-11-01", "进行中", null], // overdue
  ["-x", "经营", "丙", "2026-11-10", "已完成", "2026-11-12"], // done late
  ["@x", "经营", "丙", "2026-12-30", "进行中", null], // open, not yet due
  ["培训", "", "丁", "2026年2月30日", "已完成", null], // data problems, nothing open
  ["无主任务", "", "", "2026-11-01", "", null], // no unit: overdue and missing-value
  ["学习", "", "+戊", "2026-12-30", "未开始", null], // open, not yet due
]);

const sheetsFor = (locale: Locale, previousRanking?: PreviousRanking) =>
  generatedSheets(result, {
    settings: DEFAULT_SETTINGS,
    locale,
    ...(previousRanking ? { previousRanking } : {}),
  });
const zh = sheetsFor("zh-CN");
const en = sheetsFor("en-US");
const sheet = (sheets: SheetSpec[], kind: SheetSpec["kind"]) => sheets.find((s) => s.kind === kind)!;
const rowsWith = (spec: SheetSpec, style: StyleName) =>
  spec.rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.cells.some((c) => c?.style === style));
const values = (row: SpecRow) => row.cells.map((c) => c?.value ?? null);
const allCells = (sheets: SheetSpec[]): SpecCell[] =>
  sheets.flatMap((s) => s.rows.flatMap((r) => r.cells.filter((c): c is SpecCell => c !== null)));

describe.each([
  ["zh-CN" as const, zh, ["问题清单", "汇总", "排名", "督办单", "网络推进图"], "检查日 2026-11-18"],
  ["en-US" as const, en, ["Issues", "Summary", "Ranking", "Notices", "Progress"], "as of 2026-11-18"],
])("%s", (_locale, sheets, names, asOfText) => {
  test("the five sheets, in order, named in the locale", () => {
    expect(sheets.map((s) => s.kind)).toEqual(["issues", "summary", "ranking", "notices", "progress"]);
    expect(sheets.map((s) => s.name)).toEqual(names);
  });

  test.each([0, 1, 2, 3, 4])(
    "sheet %i: the title names its purpose, the source sheet and the as-of day",
    (i) => {
      const spec = sheets[i]!;
      const title = spec.rows[0]!.cells[0]!;
      expect(title.style).toBe("title");
      expect(title.value).toBe(`${names[i]} · ${SOURCE} · ${asOfText}`);
      expect(spec.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: spec.columns.length - 1 });
      expect(spec.rows[1]!.cells[0]).toMatchObject({ style: "subtitle" });
      expect(String(spec.rows[1]!.cells[0]!.value)).toContain("tasks.xlsx");
    },
  );
});

describe("issues sheet", () => {
  const issues = sheet(zh, "issues");
  const header = rowsWith(issues, "header")[0]!.index;
  const data = issues.rows.slice(header + 1);

  test("one row per finding, errors first and then by row, each linking to its own cell", () => {
    expect(data).toHaveLength(result.findings.length);
    for (const finding of result.findings) {
      const message = formatFinding(finding, "zh-CN");
      const rows = data.filter((r) => r.cells[5]?.value === message);
      expect(rows).toHaveLength(1);
      const cellRef = `${finding.column}${finding.row}`;
      expect(rows[0]!.cells[2]).toEqual({
        value: cellRef,
        style: "link",
        link: { sheet: SOURCE, cell: cellRef },
      });
      expect(rows[0]!.cells[0]!.style).toBe(finding.severity);
    }
    const order = { error: 0, warning: 1, info: 2 } as const;
    const severities = data.map((r) => order[r.cells[0]!.style as keyof typeof order]);
    expect(severities).toEqual([...severities].sort((a, b) => a - b));
  });

  test("the legend sits in the frozen rows above the header, outside the filter", () => {
    const legend = (["legendOverdue", "legendDueSoon", "legendDoneLate", "legendData"] as const).map(
      (style) => rowsWith(issues, style).map((r) => r.index),
    );
    expect(legend).toEqual([[2], [3], [4], [5]]);
    expect(header).toBe(6);
    expect(issues.freezeRows).toBe(header + 1);
    expect(issues.autoFilter).toEqual({ top: header, left: 0, bottom: issues.rows.length - 1, right: 5 });
    expect(issues.print.repeatRows).toEqual({ first: header, last: header });
  });

  test("a check without findings says so, and its filter stays within the sheet", () => {
    const clean = generatedSheets(check([["安全检查", "安全", "甲", "2026-11-10", "已完成", "2026-11-09"]]), {
      settings: DEFAULT_SETTINGS,
      locale: "en-US",
    });
    const spec = sheet(clean, "issues");
    expect(spec.rows[spec.rows.length - 1]!.cells[0]!.value).toBe("No findings.");
    expectCoherent(spec);
    const notices = sheet(clean, "notices");
    expect(notices.rows[notices.rows.length - 1]!.cells[0]!.value).toBe("No open tasks to chase.");
    expect(notices.print.pageBreaksBefore).toBeUndefined();
  });
});

describe("summary sheet", () => {
  const summary = sheet(zh, "summary");
  const headers = rowsWith(summary, "header").map((r) => r.index);
  const lineValues = (line: CheckResult["summary"]["total"], name: string) => [
    name,
    line.tasks,
    line.done,
    line.onTime,
    line.late,
    line.open,
    line.overdue,
    line.dueSoon,
    line.dataProblems,
    line.completionRate,
    line.onTimeRate,
  ];

  test("the unit table holds the summary's numbers and its total", () => {
    const start = headers[0]! + 1;
    const units = result.summary.units;
    expect(units.map((u) => u.name)).toEqual(["甲", "乙", "丙", "丁", "+戊"]);
    units.forEach((line, i) => expect(values(summary.rows[start + i]!)).toEqual(lineValues(line, line.name)));
    const total = summary.rows[start + units.length]!;
    expect(values(total)).toEqual(lineValues(result.summary.total, "合计"));
    expect(total.cells.map((c) => c!.style)).toEqual([
      "totalText",
      ...Array<StyleName>(8).fill("totalNumber"),
      "totalPercent",
      "totalPercent",
    ]);
    expect(summary.autoFilter).toEqual({
      top: headers[0],
      left: 0,
      bottom: start + units.length - 1,
      right: 10,
    });
  });

  test("the category table holds the per-category numbers", () => {
    const start = headers[1]! + 1;
    result.summary.categories.forEach((line, i) =>
      expect(values(summary.rows[start + i]!)).toEqual(lineValues(line, line.name)),
    );
  });

  test("each table has a data bar over its completion rates, which are fractions with the percent style", () => {
    expect(summary.dataBars.map((b) => b.range)).toEqual([
      { top: headers[0]! + 1, left: 9, bottom: headers[0]! + result.summary.units.length, right: 9 },
      { top: headers[1]! + 1, left: 9, bottom: headers[1]! + result.summary.categories.length, right: 9 },
    ]);
    for (const bar of summary.dataBars) {
      for (let r = bar.range.top; r <= bar.range.bottom; r++) {
        const cell = summary.rows[r]!.cells[9]!;
        expect(cell.style).toBe("percent");
        expect(cell.value).toBeGreaterThanOrEqual(0);
        expect(cell.value).toBeLessThanOrEqual(1);
      }
    }
  });

  test.each([
    [
      "zh-CN" as const,
      zh,
      [
        "截至2026年11月18日",
        "共有任务 10 项",
        "完成率 30%",
        "逾期 4 项",
        "甲（2 项）、乙（1 项）",
        "另有 1 项",
      ],
    ],
    [
      "en-US" as const,
      en,
      [
        "As of 2026-11-18",
        "10 tasks",
        "completion rate of 30%",
        "4 of them overdue",
        "甲 (2), 乙 (1)",
        "1 more task",
      ],
    ],
  ])("%s: the bulletin reads the numbers out, naming the overdue leaders", (_locale, sheets, phrases) => {
    const spec = sheet(sheets, "summary");
    const [paragraph] = rowsWith(spec, "paragraph");
    const text = String(paragraph!.row.cells[0]!.value);
    for (const phrase of phrases) expect(text).toContain(phrase);
    expect(text).toContain(result.ranking[0]!.unit);
    expect(spec.merges).toContainEqual({
      top: paragraph!.index,
      left: 0,
      bottom: paragraph!.index,
      right: spec.columns.length - 1,
    });
    // Tall enough for the text at the table's width (a CJK character takes two columns).
    const width = spec.columns.reduce((a, b) => a + b, 0);
    expect(paragraph!.row.height).toBeGreaterThanOrEqual(Math.ceil(displayWidth(text) / width) * 15);
  });
});

describe("ranking sheet", () => {
  const ranking = result.ranking;
  const [first, second, third] = ranking;
  const last = ranking[ranking.length - 1]!;
  const previous: PreviousRanking = {
    asOf: "2026-10-18",
    entries: [
      { unit: first!.unit, rank: first!.rank + 2 },
      { unit: second!.unit, rank: second!.rank },
      // third is new
      { unit: last.unit, rank: last.rank - 1 },
    ],
  };

  test.each([
    ["zh-CN" as const, "新"],
    ["en-US" as const, "new"],
  ])("%s: the change against the earlier ranking: up, same, new, down", (locale, isNew) => {
    const spec = sheet(sheetsFor(locale, previous), "ranking");
    const header = rowsWith(spec, "header")[0]!.index;
    const change = (unit: string) =>
      spec.rows.slice(header + 1).find((r) => r.cells[1]!.value === unit)!.cells[6];
    expect(change(first!.unit)).toEqual({ value: "↑2", style: "rankUp" });
    expect(change(second!.unit)).toEqual({ value: "—", style: "text" });
    expect(change(third!.unit)).toEqual({ value: isNew, style: "text" });
    expect(change(last.unit)).toEqual({ value: "↓1", style: "rankDown" });
    expect(String(spec.rows[1]!.cells[0]!.value)).toContain("2026-10-18");
  });

  test("rank, unit, score, stars, overdue and completion, in the ranking's order; no change column without an earlier ranking", () => {
    const spec = sheet(zh, "ranking");
    const header = rowsWith(spec, "header")[0]!.index;
    expect(spec.columns).toHaveLength(6);
    expect(spec.rows.slice(header + 1).map(values)).toEqual(
      ranking.map((r) => [
        r.rank,
        r.unit,
        r.score,
        r.stars > 0 ? "★".repeat(r.stars) : null,
        r.overdue,
        r.completionRate,
      ]),
    );
    expect(spec.rows[header + 1]!.cells[3]!.style).toBe("stars");
  });

  test("rankingRecord keeps each unit's rank and the as-of day", () => {
    expect(rankingRecord(result)).toEqual({
      asOf: "2026-11-18",
      entries: ranking.map((r) => ({ unit: r.unit, rank: r.rank })),
    });
  });
});

describe("notices sheet", () => {
  const notices = sheet(zh, "notices");
  const sections = rowsWith(notices, "sectionTitle");

  test("one section per unit with open work, none for units with nothing open or rows without a unit", () => {
    expect(sections.map((s) => s.row.cells[0]!.value)).toEqual([
      "督办单：甲",
      "督办单：乙",
      "督办单：丙",
      "督办单：+戊",
    ]);
    expect(notices.print.pageBreaksBefore).toEqual(sections.slice(1).map((s) => s.index));
  });

  test("each section lists the unit's open tasks, overdue first, with the days overdue or left", () => {
    const rowsOf = (i: number) => {
      const start = sections[i]!.index + 3;
      const end = i + 1 < sections.length ? sections[i + 1]!.index - 1 : notices.rows.length;
      return notices.rows.slice(start, end).map(values);
    };
    expect(rowsOf(0)).toEqual([
      [4, "隐患排查", { day: parseIsoDay("2026-11-10") }, "进行中", "逾期 8 天"],
      [5, "应急演练", { day: parseIsoDay("2026-11-12") }, "未填写", "逾期 6 天"],
    ]);
    expect(rowsOf(1)).toEqual([
      [7, "+1", { day: parseIsoDay("2026-11-01") }, "进行中", "逾期 17 天"],
      [6, "=SUM(A1)", { day: parseIsoDay("2026-11-19") }, "未填写", "还剩 1 个工作日"],
    ]);
    expect(rowsOf(2)).toEqual([[9, "@x", { day: parseIsoDay("2026-12-30") }, "进行中", null]]);
    expect(rowsOf(3)).toEqual([[12, "学习", { day: parseIsoDay("2026-12-30") }, "未开始", null]]);
    expect(notices.rows[sections[0]!.index + 1]!.cells[0]!.value).toBe(
      "检查日 2026-11-18 · 未完成 2 项，其中逾期 2 项、即将到期 0 项。请逐项办理，办结后及时反馈。",
    );
  });
});

describe("every sheet", () => {
  const sheets = [...zh, ...en, ...sheetsFor("en-US", rankingRecord(result))];

  test("text that looks like a formula stays the same plain string", () => {
    const strings = allCells(sheets)
      .map((c) => c.value)
      .filter((v): v is string => typeof v === "string");
    for (const text of FORMULA_LIKE) expect(strings).toContain(text);
    expect(strings.filter((s) => s.startsWith("'"))).toEqual([]);
  });

  test.each(sheets.map((s) => [`${s.name} (${s.kind})`, s] as const))(
    "%s: merges, filter, freeze, print rows and data bars lie within the sheet",
    (_name, spec) => expectCoherent(spec),
  );

  test.each(sheets.map((s) => [`${s.name} (${s.kind})`, s] as const))(
    "%s: every column is at least as wide as its widest header",
    (_name, spec) => {
      for (const row of spec.rows)
        row.cells.forEach((c, i) => {
          if (c?.style === "header")
            expect(spec.columns[i]).toBeGreaterThanOrEqual(displayWidth(String(c.value)));
        });
    },
  );

  test("every style used is in the style sheet", () => {
    const styles = styleSheet(DEFAULT_SETTINGS);
    for (const c of allCells(sheets)) expect(styles[c.style]).toBeDefined();
  });

  test("the specs survive JSON, so a host can post them to a worker", () => {
    expect(JSON.parse(JSON.stringify(sheets))).toStrictEqual(sheets);
  });
});

describe("styles", () => {
  test("chips and legend take the colours from the settings", () => {
    const settings = settingsSchema.parse({
      colors: { overdue: { fill: "ff0000" }, data: { text: "00ff00" } },
    });
    const styles = styleSheet(settings);
    expect(styles.legendOverdue).toMatchObject({ fill: "FF0000", color: "9C0006" });
    expect(styles.error).toMatchObject({ fill: "FF0000", color: "9C0006" });
    expect(styles.legendData).toMatchObject({ fill: "FCE4D6", color: "00FF00" });
    expect(styles.legendDueSoon).toMatchObject({ fill: "FFEB9C", color: "9C5700" });
    expect(styles.legendDoneLate).toMatchObject({ fill: "DDEBF7", color: "1F4E78" });
  });

  test.each([
    ["percent", "0.0%"],
    ["totalPercent", "0.0%"],
    ["date", "yyyy-mm-dd"],
  ] as const)("%s shows as %s", (name, format) =>
    expect(styleSheet(DEFAULT_SETTINGS)[name].numberFormat).toBe(format),
  );

  test("every colour is six hex digits", () => {
    for (const style of Object.values(styleSheet(DEFAULT_SETTINGS)))
      for (const colour of [style.color, style.fill]) if (colour) expect(colour).toMatch(/^[0-9A-F]{6}$/);
  });
});

function expectCoherent(spec: SheetSpec): void {
  const rows = spec.rows.length;
  const columns = spec.columns.length;
  const inside = (range: { top: number; left: number; bottom: number; right: number }) => {
    expect(range.top).toBeGreaterThanOrEqual(0);
    expect(range.left).toBeGreaterThanOrEqual(0);
    expect(range.bottom).toBeGreaterThanOrEqual(range.top);
    expect(range.right).toBeGreaterThanOrEqual(range.left);
    expect(range.bottom).toBeLessThan(rows);
    expect(range.right).toBeLessThan(columns);
  };
  spec.merges.forEach(inside);
  spec.merges.forEach((a, i) =>
    spec.merges.slice(i + 1).forEach((b) => {
      const overlap = a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
      expect(overlap).toBe(false);
    }),
  );
  if (spec.autoFilter) {
    inside(spec.autoFilter);
    expect(spec.freezeRows).toBeLessThanOrEqual(spec.autoFilter.top + 1);
    // The progress chart's as-of column is marked in its header row.
    const headerStyles = new Set(["header", "barToday"]);
    expect(spec.rows[spec.autoFilter.top]!.cells.every((c) => headerStyles.has(c?.style ?? ""))).toBe(true);
  }
  expect(spec.freezeRows).toBeGreaterThan(0);
  expect(spec.freezeRows).toBeLessThanOrEqual(rows);
  spec.dataBars.forEach((bar) => inside(bar.range));
  const repeat = spec.print.repeatRows;
  if (repeat) inside({ top: repeat.first, left: 0, bottom: repeat.last, right: 0 });
  // A break may also come before a chart below the written rows (it starts a printed page of its own).
  const chartRows = Math.max(0, ...(spec.charts ?? []).map((c) => c.anchor.to.row));
  for (const r of spec.print.pageBreaksBefore ?? []) expect(r).toBeLessThan(Math.max(rows, chartRows));
  for (const row of spec.rows) expect(row.cells.length).toBeLessThanOrEqual(columns);
  for (const width of spec.columns) expect(width).toBeLessThanOrEqual(50);
}
