import { buildCalendar } from "../calendar";
import { formatDay, parseIsoDay } from "../day";
import { TableError } from "../table/locate";
import type { CellValue, SheetGrid, WorkbookModel } from "../workbook";
import { checkRecurring, type RecurringOptions } from ".";
import { findRecurringSheets } from "./specification";

const asOf = parseIsoDay("2026-11-18")!;
const calendar = buildCalendar("mon-fri");
const sheet = (name: string, rows: CellValue[][], extra: Partial<SheetGrid> = {}): SheetGrid => ({
  name,
  rows,
  merges: [],
  ...extra,
});
const book = (...sheets: SheetGrid[]): WorkbookModel => ({ fileName: "t.xlsx", sheets });

const SPEC_HEADER = ["工作任务", "责任单位", "周期", "完成时限"];
const LEDGER_HEADER = ["工作任务", "责任单位", "期次", "完成情况"];
const spec = (
  name = "工作规范",
  rows: CellValue[][] = [["召开支部委员会", "综采一队", "月", "每月25日前"]],
) => sheet(name, [SPEC_HEADER, ...rows]);
const ledger = (
  name = "台账",
  rows: CellValue[][] = [["召开支部委员会", "综采一队", "2026年1月", "已完成"]],
) => sheet(name, [LEDGER_HEADER, ...rows]);
const taskTable = (name: string) =>
  sheet(name, [
    ["工作任务", "责任单位", "周期", "完成时限", "完成情况"],
    ["开展安全检查", "综采一队", "月", "2026-11-30", "进行中"],
    ["完成月报", "机电科", "月", "2026年12月5日", "进行中"],
  ]);

const run = (workbook: WorkbookModel, options: Partial<RecurringOptions> = {}) =>
  checkRecurring(workbook, { asOf, calendar, ...options });

describe("finding the specification and the ledger", () => {
  const names = (workbook: WorkbookModel, choice = {}) => {
    const found = findRecurringSheets(workbook, choice, 2026);
    return [found.spec?.sheet.name, found.ledger?.sheet.name];
  };

  test.each([
    ["工作规范", "台账"],
    ["规范", "完成台账"],
    ["标准清单", "落实台账"],
    ["2026年工作规范", "2026年落实台账"],
    ["Specification", "Ledger"],
  ])("by name: %s and %s", (specName, ledgerName) => {
    expect(names(book(taskTable("任务清单"), spec(specName), ledger(ledgerName)))).toEqual([
      specName,
      ledgerName,
    ]);
  });

  test("by columns: rules in the deadline column, a period column", () => {
    expect(names(book(taskTable("任务清单"), spec("Sheet2"), ledger("Sheet3")))).toEqual([
      "Sheet2",
      "Sheet3",
    ]);
  });

  // Deadlines without their year read as yearly rules: only a ledger, or the sheet's name, makes them one.
  const yearless = (name: string) =>
    spec(name, [
      ["整改安全隐患台账", "机电科", "", "11月底"],
      ["完善应急预案", "通风科", "", "12月31日前"],
    ]);
  test.each([
    {
      name: "deadlines without their year, no ledger: a task list, not a specification",
      workbook: book(yearless("Sheet1")),
      found: [undefined, undefined],
    },
    {
      name: "monthly rules in an unnamed sheet, no ledger: left to the check as its task table",
      workbook: book(spec("Sheet1")),
      found: [undefined, undefined],
    },
    {
      name: "deadlines without their year beside a ledger: the specification it is checked against",
      workbook: book(yearless("Sheet1"), ledger()),
      found: ["Sheet1", "台账"],
    },
    {
      name: "named as one, no ledger: still the specification (the notice asks for the ledger)",
      workbook: book(yearless("工作规范")),
      found: ["工作规范", undefined],
    },
  ])("$name", ({ workbook, found }) => {
    expect(names(workbook)).toEqual(found);
    expect(names(workbook, { spec: workbook.sheets[0]!.name })[0]).toBe(workbook.sheets[0]!.name);
  });

  test("a task table called 工作规范, with dates for deadlines, is no specification", () => {
    expect(names(book(taskTable("工作规范"), ledger()))).toEqual([undefined, "台账"]);
  });

  test("a rule column under another name (时间要求) is the deadline rule", () => {
    const found = findRecurringSheets(
      book(
        sheet("工作规范", [
          ["工作任务", "责任单位", "时间要求"],
          ["召开支部委员会", "综采一队", "每月25日前"],
        ]),
      ),
      {},
      2026,
    );
    expect(found.spec?.columns.get("deadline")).toBe(2);
  });

  test("hidden sheets and skipped sheets are passed over unless chosen", () => {
    const hidden = { ...spec(), hidden: true };
    expect(names(book(hidden, ledger()))).toEqual([undefined, "台账"]);
    expect(names(book(hidden, ledger()), { spec: "工作规范" })).toEqual(["工作规范", "台账"]);
    expect(findRecurringSheets(book(spec(), ledger()), {}, 2026, new Set(["台账"])).ledger).toBeUndefined();
  });

  test("chosen sheets (--spec, --ledger) win, by name or by compact name", () => {
    const workbook = book(spec("规范A"), spec("规范B"), ledger("台账1"), ledger("台账2"));
    expect(names(workbook, { spec: "规范B", ledger: " 台账2 " })).toEqual(["规范B", "台账2"]);
  });

  test("a chosen sheet that does not exist, or has no header, is refused", () => {
    const workbook = book(spec(), ledger(), sheet("空表", [["说明"]]));
    const problem = (choice: object) => {
      try {
        findRecurringSheets(workbook, choice, 2026);
      } catch (error) {
        return error instanceof TableError ? error.detail.problem : error;
      }
      return "none";
    };
    expect(problem({ spec: "没有这张表" })).toBe("sheet-not-found");
    expect(problem({ ledger: "空表" })).toBe("no-header");
  });

  test("in a ledger 完成时间 is the completion date", () => {
    const found = findRecurringSheets(
      book(spec(), sheet("台账", [["工作任务", "责任单位", "所属期", "完成时间"]])),
      {},
      2026,
    );
    expect(found.ledger?.columns.get("doneDate")).toBe(3);
    expect(found.ledger?.columns.has("deadline")).toBe(false);
    expect(found.ledger?.periodColumn).toBe(2);
  });

  test.each([
    ["完成日期", "台账", 2],
    ["召开时间", "2026年落实台账", 2],
    ["日期", "Ledger", 2],
    // Not named as a ledger, or with deadlines (a task table called 督办台账): no ledger without a period column.
    ["完成日期", "Sheet9", undefined],
    ["完成时限|完成日期", "2026年重点工作督办台账", undefined],
  ])(
    "a ledger with the day each was done (%s) and no period column, named %s: the day is its period",
    (headers, name, column) => {
      const header = ["工作任务", "责任单位", ...headers.split("|")];
      const found = findRecurringSheets(book(spec(), sheet(name, [header])), {}, 2026);
      expect(found.ledger?.periodColumn).toBe(column);
      if (column !== undefined) expect(found.ledger?.columns.get("doneDate")).toBe(column);
    },
  );

  test.each(["期次", "所属期", "期间", "月份", "时间段", "Period"])("a period column named %s", (header) => {
    const found = findRecurringSheets(
      book(spec(), sheet("Sheet9", [["工作任务", "责任单位", header]])),
      {},
      2026,
    );
    expect(found.ledger?.periodColumn).toBe(2);
  });
});

describe("checkRecurring", () => {
  test("no specification: no recurring check", () => {
    expect(run(book(taskTable("任务清单"), ledger()))).toBeUndefined();
  });

  test("a specification without a ledger: nothing matched, and a notice", () => {
    const recurring = run(book(spec()))!;
    expect(recurring.ledger).toBeUndefined();
    expect(recurring.due).toBe(10);
    expect(recurring.missing).toEqual([]);
    expect(recurring.notices).toEqual([{ id: "recurringNoLedger", values: { sheet: "工作规范" } }]);
  });

  // The findings on such rows are in the tables of the rules they belong to (invalid-date, missing-value,
  // invalid-cycle).
  test("rows that cannot be expanded, and one-off rows, are left out", () => {
    const recurring = run(
      book(
        sheet("工作规范", [
          ["工作任务", "责任单位", "周期", "完成时限", "开始时间"],
          ["召开支部委员会", "综采一队", "月", "尽快", null],
          ["开展隐患排查", "综采一队", "季度", "每月25日前", null],
          ["组织应急演练", "综采一队", "每两月", "每月25日前", null],
          ["编制计划", null, "年", "年底前", null],
          ["召开安全办公会", "综采一队", null, null, null],
          ["专项检查", "综采一队", "一次性", "2026-06-30", null],
          ["报送月报", "综采一队", "月", "每月5日前", "2026年13月1日"],
        ]),
        ledger(),
      ),
    )!;
    // The one-off row is no recurring task and no problem; the row with an unreadable start still counts.
    expect(recurring.specification.tasks.map((t) => t.task)).toEqual(["报送月报"]);
  });

  test("a ledger of days: each counts for its month, and is its row's completion date", () => {
    const recurring = run(
      book(
        sheet("工作规范", [
          [...SPEC_HEADER, "开始时间"],
          ["召开支部委员会", "综采一队", "月", "每月25日前", "2026-09-01"],
        ]),
        sheet("台账", [
          ["工作任务", "责任单位", "完成日期"],
          ["召开支部委员会", "综采一队", { day: parseIsoDay("2026-09-20")! }],
          ["召开支部委员会", "综采一队", "2026/10/28 0:00:00"],
        ]),
      ),
    )!;
    // September and October recorded; November not due until the 25th.
    expect(recurring.missing).toEqual([]);
    expect(recurring.ledger?.entries.map((entry) => entry.row.doneDate)).toEqual([
      { kind: "day", day: parseIsoDay("2026-09-20")! },
      { kind: "day", day: parseIsoDay("2026-10-28")! },
    ]);
  });

  test("a 半月 task: the halves of each month, a ledger's days and spans counted for theirs", () => {
    const check = (ledgerRows: CellValue[][]) =>
      run(
        book(
          sheet("工作规范", [
            [...SPEC_HEADER, "开始时间"],
            ["召开安全分析会", "综采一队", "每半月", "每半月最后一个工作日", "2026-10-01"],
          ]),
          sheet("台账", [["工作任务", "责任单位", "期次"], ...ledgerRows]),
        ),
      )!;
    const held = ["召开安全分析会", "综采一队"];
    const recurring = check([
      [...held, "2026年10月上半月"],
      [...held, "2026-10-28"],
      [...held, "11.1-11.15"],
    ]);
    // Due by 18 November: October's halves and November's first; the second half of November is not yet due.
    expect(recurring.due).toBe(3);
    expect(recurring.missing).toEqual([]);
    const gap = check([
      [...held, "2026年10月上半月"],
      [...held, "11.1-11.15"],
    ]);
    expect(gap.missing.map(({ period, deadline }) => [period.id, formatDay(deadline)])).toEqual([
      ["2026-10-H2", "2026-10-30"],
    ]);
  });

  test("a merged rule cell counts for every row it covers", () => {
    const merged = sheet(
      "工作规范",
      [SPEC_HEADER, ["召开支部委员会", "综采一队", "月", "每月25日前"], ["报送月报", "综采一队", "月", null]],
      { merges: [{ top: 1, left: 3, bottom: 2, right: 3 }] },
    );
    expect(run(book(merged, ledger()))!.specification.tasks.map((t) => t.rule)).toEqual([
      "每月25日前",
      "每月25日前",
    ]);
  });

  test("group words without a roster, or naming no roster unit, become notices", () => {
    const workbook = book(
      spec("工作规范", [
        ["召开支部委员会", "各支部", "月", "每月25日前"],
        ["车间例会", "各车间、综采一队", "月", "每月25日前"],
      ]),
      ledger(),
    );
    expect(run(workbook)!.notices).toEqual([
      { id: "recurringGroupNoRoster", values: { sheet: "工作规范", words: "各支部、各车间", rows: "2, 3" } },
    ]);
    const roster = [{ name: "综采一队", type: "区队" }];
    expect(run(workbook, { roster })!.notices).toEqual([
      { id: "recurringGroupNoMatch", values: { sheet: "工作规范", words: "各支部、各车间", rows: "2, 3" } },
    ]);
    // The unit beside the group word is still owed.
    expect(run(workbook, { roster })!.specification.tasks.map((t) => t.units)).toEqual([["综采一队"]]);
  });

  test("相关单位 names no unit: a notice of its own, whatever the roster", () => {
    const workbook = book(
      spec("工作规范", [
        ["报送安全简报", "相关单位", "月", "每月25日前"],
        ["车间例会", "综采一队、有关部门", "月", "每月25日前"],
      ]),
      ledger(),
    );
    for (const options of [{}, { roster: [{ name: "综采一队", type: "区队" }] }]) {
      const recurring = run(workbook, options)!;
      expect(recurring.notices).toEqual([
        {
          id: "recurringGroupVague",
          values: { sheet: "工作规范", words: "相关单位、有关部门", rows: "2, 3" },
        },
      ]);
      expect(recurring.specification.tasks.map((t) => t.units)).toEqual([["综采一队"]]);
    }
  });

  // The findings on the periods themselves are in the tables of invalid-date and missing-value.
  test("the periods ledger rows record, and the deadlines they get", () => {
    const recurring = run(
      book(
        spec("工作规范", [
          ["召开支部委员会", "综采一队", "月", "每月25日前"],
          ["带式输送机保护试验", "综采一队", "周", "每周五"],
        ]),
        ledger("台账", [
          ["召开支部委员会", "综采一队", null, "已完成"],
          ["召开支部委员会", "综采一队", "下个月", "已完成"],
          ["带式输送机保护试验", "综采一队", "2026年10月", "已完成"],
          ["带式输送机保护试验", "综采一队", "2026-10-14", "已完成"],
        ]),
      ),
    )!;
    // The period each row records, in its task's cycle where it fits (for duplicate-task).
    expect(recurring.ledgerPeriods).toEqual([undefined, undefined, "2026-10", "2026-W42"]);
    // A day counts for the week holding it, and gets that week's Friday as its deadline.
    const row = recurring.ledgerRows[3]!;
    expect(row.deadline.kind === "day" && formatDay(row.deadline.day)).toBe("2026-10-16");
  });

  test("units that say more than the roster's names, in the specification and the ledger alike", () => {
    const roster = [
      { name: "综采一队", type: "区队" },
      { name: "机电科", type: "科室" },
    ];
    const workbook = book(
      spec("工作规范", [["召开支部委员会", "综采一队（牵头）", "月", "每月25日前"]]),
      ledger("台账", [["召开支部委员会", "综采一队（张三）", "2026年10月", "已完成"]]),
    );
    const recurring = run(workbook, { roster })!;
    expect(recurring.specification.tasks.map((t) => t.units)).toEqual([["综采一队"]]);
    expect(recurring.ledgerRows.map((r) => r.units)).toEqual([["综采一队"]]);
    // October's meeting is recorded: only November's, not yet due, is not.
    expect(recurring.missing.map((m) => m.period.id)).not.toContain("2026-10");
  });

  test("a ledger row's own deadline stays", () => {
    const recurring = run(
      book(
        spec(),
        sheet("台账", [
          ["工作任务", "责任单位", "期次", "截止日期"],
          ["召开支部委员会", "综采一队", "2026年1月", "2026-01-20"],
          ["召开支部委员会", "综采一队", "2026年2月", null],
        ]),
      ),
    )!;
    expect(recurring.ledgerRows.map((r) => r.deadline.kind === "day" && formatDay(r.deadline.day))).toEqual([
      "2026-01-20",
      "2026-02-25",
    ]);
  });

  test("the deadline of the specification row that names the ledger row's unit", () => {
    const recurring = run(
      book(
        spec("工作规范", [
          ["召开例会", "综采一队", "月", "每月10日前"],
          ["召开例会", "机电科", "月", "每月20日前"],
        ]),
        ledger("台账", [
          ["召开例会", "机电科", "2026年1月", "已完成"],
          ["召开例会", "综采一队", "2026年1月", "已完成"],
          ["召开例会", "通风队", "2026年1月", "已完成"],
        ]),
      ),
    )!;
    expect(recurring.ledgerRows.map((r) => r.deadline.kind === "day" && formatDay(r.deadline.day))).toEqual([
      "2026-01-20",
      "2026-01-10",
      "2026-01-10",
    ]);
  });

  test("the settings' tracking start, and a row's own start after it", () => {
    const workbook = book(
      sheet("工作规范", [
        ["工作任务", "责任单位", "周期", "完成时限", "开始时间"],
        ["召开支部委员会", "综采一队", "月", "每月25日前", null],
        ["报送月报", "综采一队", "月", "每月25日前", "2026-09-01"],
        ["早已开始的工作", "综采一队", "月", "每月25日前", "2025-11-01"],
      ]),
      ledger("台账", []),
    );
    const periods = (trackingStart?: number) => {
      const recurring = run(workbook, trackingStart === undefined ? {} : { trackingStart })!;
      return recurring.specification.tasks.map(
        (t) => recurring.missing.filter((m) => m.task === t).map((m) => m.period.id)[0],
      );
    };
    // Default: 1 January of the as-of year, or the row's own start (even before it).
    expect(periods()).toEqual(["2026-01", "2026-09", "2025-11"]);
    // A setting: from it, or from a row's start when that is later.
    expect(periods(parseIsoDay("2026-07-01"))).toEqual(["2026-07", "2026-09", "2026-07"]);
  });
});
