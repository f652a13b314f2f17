// The ribbon commands without Office: what each does to a workbook (the Excel host over its in-memory fake),
// how it words the outcome and every failure in both languages, and the messages to and from the dialog.

import { fillTaskTable } from "../../bench/excel-bench";
import { parseIsoDay, TableError } from "../core";
import { MARKS_SHEET } from "../core/output/record";
import { FakeExcel, fakeOffice } from "../../test/fakes/excel";
import { createExcelHost } from "../hosts/excel/host";
import { HostError, type PaneHost } from "../taskpane/host";
import { COMMAND_WORDS, localeFor } from "./i18n";
import { parseToDialog, parseToParent, readReportUrl, reportUrl } from "./messages";
import { localToday, luminance } from "./office-env";
import { COMMAND_NAMES, describeError, runCommand, type RunOptions } from "./run";

const TODAY = parseIsoDay("2026-11-18")!;
const options = (overrides: Partial<RunOptions> = {}): RunOptions => ({
  locale: "zh-CN",
  today: TODAY,
  signal: new AbortController().signal,
  onProgress: () => {},
  ...overrides,
});

function workbook(rows = 40): { fake: FakeExcel; host: PaneHost } {
  const fake = new FakeExcel();
  fillTaskTable(fake, rows, TODAY);
  return { fake, host: createExcelHost(fake, fakeOffice()) };
}

const sheetNames = (fake: FakeExcel) => fake.workbook.sheets.map((s) => s.name);

describe("runCommand on the Excel host", () => {
  test("checkTable reports what it found and changes nothing", async () => {
    const { fake, host } = workbook();
    const before = sheetNames(fake);
    const outcome = await runCommand("checkTable", host, options());
    expect(outcome.tone).toBe("warning");
    expect(outcome.lines[0]).toMatch(
      /^「.+」共 40 项任务：逾期 \d+ 项，即将到期 \d+ 项，数据问题 \d+ 项；共发现 \d+ 个问题/,
    );
    expect(outcome.lines[outcome.lines.length - 1]).toBe(COMMAND_WORDS["zh-CN"].generateHint);
    expect(sheetNames(fake)).toEqual(before);
  });

  test("generateSheets writes the highlights and sheets and names them; clearMarks takes them out", async () => {
    const { fake, host } = workbook();
    const before = sheetNames(fake);
    const generated = await runCommand("generateSheets", host, options({ locale: "en-US" }));
    expect(generated.tone).toBe("success");
    // The report is in the display language; the sheets in the workbook's (中文 by default).
    expect(generated.lines[0]).toMatch(
      /: 40 tasks; marked \d+ findings .* and wrote the sheets 问题清单, 汇总, 排名, 督办单\.$/,
    );
    expect(sheetNames(fake)).toEqual(
      expect.arrayContaining([...before, "问题清单", "汇总", "排名", "督办单", MARKS_SHEET]),
    );

    const cleared = await runCommand("clearMarks", host, options({ locale: "en-US" }));
    expect(cleared).toEqual({ tone: "success", lines: [COMMAND_WORDS["en-US"].cleared] });
    expect(sheetNames(fake).filter((name) => !name.startsWith("_duban"))).toEqual(before);
  });

  test("the workbook's settings apply, and wrong ones are refused naming the key", async () => {
    const english = workbook().host;
    await english.saveSettings({ language: "en-US" });
    const generated = await runCommand("generateSheets", english, options());
    expect(generated.lines[0]).toContain("并生成了工作表：Issues、Summary、Ranking、Notices。");

    const wrong = workbook().host;
    await wrong.saveSettings({ dueSoonDays: 99 });
    const refused = await runCommand("checkTable", wrong, options());
    expect(refused.tone).toBe("error");
    expect(refused.lines).toEqual([
      expect.stringMatching(/^工作簿中保存的督办助手设置有误（dueSoonDays：.+）/),
    ]);
  });

  test("an Excel without the requirement set, a cell being edited, and no task table are worded", async () => {
    const { fake } = workbook(5);
    const old = await runCommand("checkTable", createExcelHost(fake, fakeOffice("1.8")), options());
    expect(old).toEqual({
      tone: "error",
      lines: [expect.stringMatching(/^此版本的 Excel 不支持督办助手所需的功能（ExcelApi 1\.\d+）/)],
    });

    fake.editing = true;
    const busy = await runCommand(
      "generateSheets",
      createExcelHost(fake, fakeOffice()),
      options({ locale: "en-US" }),
    );
    expect(busy.lines[0]).toMatch(
      /^Excel is busy \(InvalidOperationInCellEditMode\)\. If a cell is being edited/,
    );

    const empty = new FakeExcel();
    empty.workbook.addSheet("Sheet1").put(0, 0, "hello");
    const none = await runCommand("checkTable", createExcelHost(empty, fakeOffice()), options());
    expect(none.tone).toBe("error");
    expect(none.lines[0]).not.toMatch(/意外/);
  });

  test("cancelling stops the work and says the workbook was not changed", async () => {
    const { fake, host } = workbook(200);
    const before = sheetNames(fake);
    const controller = new AbortController();
    controller.abort();
    const outcome = await runCommand("generateSheets", host, options({ signal: controller.signal }));
    expect(outcome).toEqual({ tone: "error", lines: ["已取消，工作簿没有改动。"] });
    expect(sheetNames(fake)).toEqual(before);
  });
});

describe("wording", () => {
  const fakeHost = (fail: unknown): PaneHost =>
    ({
      kind: "excel",
      loadSettings: async () => undefined,
      check: async () => {
        throw fail;
      },
      clear: async () => {
        throw fail;
      },
    }) as unknown as PaneHost;

  test("every failure kind has a sentence in both languages, and nothing escapes as a throw", async () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      for (const kind of ["unsupported", "input", "busy", "cancelled", "tooLarge", "unexpected"] as const) {
        for (const name of COMMAND_NAMES) {
          const outcome = await runCommand(
            name,
            fakeHost(new HostError(kind, "detail")),
            options({ locale }),
          );
          expect(outcome.tone).toBe("error");
          expect(outcome.lines).toEqual([COMMAND_WORDS[locale].hostErrors[kind]("detail")]);
        }
      }
      const odd = await runCommand("checkTable", fakeHost("a string"), options({ locale }));
      expect(odd.lines[0]).toContain("a string");
    }
    const table = new TableError({ problem: "no-table", values: { sheets: "Sheet1" } });
    expect(describeError(table, "en-US")).toContain("Sheet1");
    expect(describeError(new DOMException("stop", "AbortError"), "zh-CN")).toBe("已取消，工作簿没有改动。");
  });

  test("a clean table says so, in the singular where English needs it", () => {
    const facts = {
      sheet: "Tasks",
      tasks: 1,
      overdue: 0,
      dueSoon: 0,
      dataProblems: 0,
      errors: 0,
      warnings: 0,
      infos: 0,
    };
    expect(COMMAND_WORDS["en-US"].checked(facts)).toBe("Tasks: 1 task, no problems found.");
    expect(COMMAND_WORDS["zh-CN"].checked(facts)).toBe("「Tasks」共 1 项任务，没有发现问题。");
    expect(COMMAND_WORDS["en-US"].checked({ ...facts, errors: 1 })).toContain(
      "1 finding (1 error, 0 warnings, 0 notes)",
    );
  });

  test("progress is a phase and a percentage", () => {
    expect(COMMAND_WORDS["zh-CN"].progress({ phase: "reading", done: 1, total: 3 })).toBe(
      "正在读取任务表… 33%",
    );
    expect(COMMAND_WORDS["en-US"].progress({ phase: "writing", done: 5, total: 0 })).toBe(
      "Writing to the workbook… 0%",
    );
  });

  test("Office's display language picks 中文 or English", () => {
    expect(["zh-CN", "zh-TW", "ZH-hk", "zh", undefined, ""].map(localeFor)).toEqual(Array(6).fill("zh-CN"));
    expect(["en-US", "en-GB", "de-DE", "zhx"].map(localeFor)).toEqual(Array(4).fill("en-US"));
  });
});

describe("the dialog's messages and address", () => {
  test("the outcome travels in the address and back, and odd input is ignored", () => {
    const outcome = { tone: "warning" as const, lines: ["「表」共 3 项任务", "a & b ? c=d"] };
    const url = reportUrl("https://localhost:3000/commands.html", {
      locale: "en-US",
      command: "generateSheets",
      outcome,
    });
    expect(
      url.startsWith("https://localhost:3000/report.html?lang=en-US&command=generateSheets&outcome="),
    ).toBe(true);
    expect(readReportUrl(new URL(url).search)).toEqual({
      locale: "en-US",
      command: "generateSheets",
      outcome,
    });
    expect(readReportUrl("?lang=fr&command=rm&outcome=%7Bx")).toEqual({
      locale: "zh-CN",
      command: "checkTable",
    });
    expect(readReportUrl('?outcome={"tone":"fine","lines":[]}').outcome).toBeUndefined();
  });

  test("messages are checked before they are believed", () => {
    expect(parseToDialog(JSON.stringify({ kind: "progress", text: "50%" }))).toEqual({
      kind: "progress",
      text: "50%",
    });
    expect(
      parseToDialog(JSON.stringify({ kind: "outcome", outcome: { tone: "error", lines: [1] } })),
    ).toBeUndefined();
    expect(parseToDialog("not json")).toBeUndefined();
    expect(parseToParent('{"kind":"cancel"}')).toEqual({ kind: "cancel" });
    expect(parseToParent('{"kind":"delete"}')).toBeUndefined();
  });
});

describe("what the pages learn from the setting", () => {
  test("dark Office themes are told from light ones by their background", () => {
    expect(luminance("#FFFFFF")).toBeCloseTo(1);
    expect(luminance("262626")).toBeLessThan(0.05);
    expect(luminance("not a colour")).toBe(1);
  });

  test("today is the local calendar day", () => {
    expect(localToday(new Date(2026, 10, 18, 23, 59))).toBe(TODAY);
    expect(localToday(new Date(2026, 10, 18, 0, 0))).toBe(TODAY);
  });
});
