// The ribbon commands without Office: what each does to a workbook (the Excel host over its in-memory fake),
// how it words the outcome and every failure in both languages, how its whole life fits in the five minutes
// Office gives it (on a fake clock), and the messages to and from the dialog.

import { fillTaskTable } from "../bench/excel-bench";
import { localDayOf, parseIsoDay, TableError } from "../src/core";
import { MARKS_SHEET } from "../src/core/output/record";
import { FakeClock } from "./fakes/clock";
import { FakeExcel, fakeOffice, type FakeRuntime } from "./fakes/excel";
import { createExcelHost } from "../src/hosts/excel/host";
import { CATALOGUES } from "../src/core/i18n";
import { HOST_ERROR_KINDS, HostError, type HostPhase, type PaneHost } from "../src/hosts/contract";
import { PANE_CATALOGUES } from "../src/taskpane/i18n";
import { Deadline, MOMENTS_MS, Pace, RUNTIME_LIMIT_MS } from "../src/commands/deadline";
import { COMMAND_WORDS, type CommandName } from "../src/commands/i18n";
import {
  MAX_REPORT_URL,
  parseToDialog,
  parseToParent,
  readReportUrl,
  REPORT_KEY,
  reportUrl,
  type ReportStore,
  type ToDialog,
} from "../src/commands/messages";
import { localeFor, luminance } from "../src/hosts/excel/office-env";
import type { ReportDialog } from "../src/commands/dialog";
import { runRibbonCommand } from "../src/commands/ribbon";
import { COMMAND_NAMES, describeError, runCommand, type Outcome, type RunOptions } from "../src/commands/run";

const TODAY = parseIsoDay("2026-11-18")!;
const options = (overrides: Partial<RunOptions> = {}): RunOptions => ({
  locale: "zh-CN",
  today: TODAY,
  signal: new AbortController().signal,
  onProgress: () => {},
  // A clock nobody moves: no time passes, so no deadline comes near.
  deadline: new Deadline(new FakeClock()),
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
      /: 40 tasks; marked \d+ findings .* and wrote the sheets 问题清单, 汇总, 排名, 考核记录, 督办单, 网络推进图\.$/,
    );
    expect(sheetNames(fake)).toEqual(
      expect.arrayContaining([
        ...before,
        "问题清单",
        "汇总",
        "排名",
        "考核记录",
        "督办单",
        "网络推进图",
        MARKS_SHEET,
      ]),
    );

    const cleared = await runCommand("clearMarks", host, options({ locale: "en-US" }));
    expect(cleared).toEqual({ tone: "success", lines: [COMMAND_WORDS["en-US"].cleared] });
    expect(sheetNames(fake).filter((name) => !name.startsWith("_duban"))).toEqual(before);
  });

  test("the workbook's settings apply, and wrong ones are refused naming the key", async () => {
    const english = workbook().host;
    await english.saveSettings({ language: "en-US" });
    const generated = await runCommand("generateSheets", english, options());
    expect(generated.lines[0]).toContain(
      "并生成了工作表：Issues、Summary、Ranking、History、Notices、Progress。",
    );

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

/** Excel over a line of `down` and `up` bytes a millisecond, with a round trip of `roundTrip` ms. */
const line =
  (roundTrip: number, down: number, up: number): FakeRuntime["syncMs"] =>
  (request, response) =>
    roundTrip + request / up + response / down;

/** A task table in an Excel that answers a sync in `syncMs`, on a clock that starts at the click. */
function timedWorkbook(rows: number, syncMs: FakeRuntime["syncMs"]) {
  const clock = new FakeClock();
  const runtime = {
    now: () => clock.now(),
    advance: (ms: number) => clock.advance(ms),
    syncMs,
    shutsDownAt: RUNTIME_LIMIT_MS,
  };
  const fake = new FakeExcel({ runtime });
  fillTaskTable(fake, rows, TODAY);
  return { clock, fake, host: createExcelHost(fake, fakeOffice(), () => clock.now()) };
}

const snapshot = (fake: FakeExcel) => fake.workbook.sheets.map((sheet) => sheet.snapshot());
const tooSlow = (name: CommandName) => ({
  tone: "warning",
  lines: [COMMAND_WORDS["zh-CN"].tooSlowForRibbon(name)],
});

describe("the five minutes Office gives a ribbon command", () => {
  const cases: ReadonlyArray<{
    readonly name: string;
    readonly command: CommandName;
    readonly rows: number;
    readonly syncMs: FakeRuntime["syncMs"];
    /** The outcome sends the person to the pane, and the workbook is as it was. */
    readonly handedOver: boolean;
    /** Seen coming: stopped by its pace before the work moment, not by the moment itself. */
    readonly early?: boolean;
  }> = [
    {
      name: "a table that fits is generated",
      command: "generateSheets",
      rows: 200,
      syncMs: line(500, 100, 100),
      handedOver: false,
    },
    {
      name: "a table that fits is checked",
      command: "checkTable",
      rows: 200,
      syncMs: line(500, 100, 100),
      handedOver: false,
    },
    {
      name: "marks are cleared",
      command: "clearMarks",
      rows: 200,
      syncMs: line(500, 100, 100),
      handedOver: false,
    },
    // 10 KB/s: the first of three blocks takes over two minutes, so the other two would not fit.
    {
      name: "a table too slow to read is left while reading",
      command: "checkTable",
      rows: 12_000,
      syncMs: line(300, 10, 100),
      handedOver: true,
      early: true,
    },
    // The read takes about a minute; writing might take four times that, so it is never begun.
    {
      name: "a table read in time but too slow to write is never written",
      command: "generateSheets",
      rows: 3_000,
      syncMs: line(300, 20, 5),
      handedOver: true,
      early: true,
    },
    // The read is quick, so writing begins; Excel takes writes at 12 KB/s, and the first of three blocks
    // (2 MB) shows the rest would not fit.
    {
      name: "a write slower than foreseen is stopped after its first block and undone",
      command: "generateSheets",
      rows: 12_000,
      syncMs: line(300, 1_000, 12),
      handedOver: true,
      early: true,
    },
    // One block of 1.6 MB (the generated sheets with the progress chart) at 7 KB/s is still under way at the
    // work moment; its end is the host's next look at the signal.
    {
      name: "a write still running at the work moment is stopped and undone",
      command: "generateSheets",
      rows: 3_000,
      syncMs: line(300, 1_000, 7),
      handedOver: true,
    },
  ];

  test.each(cases)(
    "$name, all before Office shuts the runtime down",
    async ({ command, rows, syncMs, handedOver, early }) => {
      const { clock, fake, host } = timedWorkbook(rows, syncMs);
      const before = snapshot(fake);
      const outcome = await runCommand(command, host, options({ deadline: new Deadline(clock) }));
      expect(fake.syncsAfterShutdown).toBe(0);
      expect(clock.now()).toBeLessThan(early ? MOMENTS_MS.work : MOMENTS_MS.giveUp);
      if (handedOver) {
        expect(outcome).toEqual(tooSlow(command));
        expect(snapshot(fake)).toEqual(before);
      } else {
        expect(outcome.tone).not.toBe("error");
      }
      expect(clock.pending).toBe(0);
    },
  );

  test("the person's own Cancel still says cancelled, not too slow", async () => {
    const { clock, host } = timedWorkbook(200, line(500, 100, 100));
    const controller = new AbortController();
    const outcome = await runCommand(
      "generateSheets",
      host,
      options({
        signal: controller.signal,
        deadline: new Deadline(clock),
        onProgress: (progress) => progress.phase === "writing" && controller.abort(),
      }),
    );
    expect(outcome).toEqual({ tone: "error", lines: ["已取消，工作簿没有改动。"] });
  });

  const pace = (progress: Array<[at: number, phase: HostPhase, done: number, total: number]>) => {
    const clock = new FakeClock();
    const pace = new Pace(new Deadline(clock), true);
    return progress.map(([at, phase, done, total]) => {
      clock.advanceTo(at);
      return pace.fits({ phase, done, total });
    });
  };

  test.each([
    // Reading 1,000 of 10,000 rows took 10 s: 90 s more, and four times 100 s for writing.
    {
      name: "a read whose write would not fit",
      steps: [
        [0, "reading", 0, 10_000],
        [10_000, "reading", 1_000, 10_000],
      ],
      fits: [true, false],
    },
    {
      name: "a read with time to write",
      steps: [
        [0, "reading", 0, 10_000],
        [3_000, "reading", 5_000, 10_000],
      ],
      fits: [true, true],
    },
    {
      name: "a write that would end after the work moment",
      steps: [
        [60_000, "writing", 0, 100],
        [120_000, "writing", 30, 100],
      ],
      fits: [true, false],
    },
    {
      name: "checking is never timed",
      steps: [
        [0, "checking", 0, 10],
        [200_000, "checking", 1, 10],
      ],
      fits: [true, true],
    },
    {
      name: "nothing fits past the work moment",
      steps: [[MOMENTS_MS.work, "writing", 0, 100]],
      fits: [false],
    },
  ] as const)("pace: $name", ({ steps, fits }) => {
    expect(pace(steps.map((s) => [...s]))).toEqual(fits);
  });
});

/** The report dialog as a person who may never press OK sees it; it records when it closed. */
class FakeDialog implements ReportDialog {
  onCancel: (() => void) | undefined;
  readonly sent: ToDialog[] = [];
  readonly closed: Promise<void>;
  closedAt: number | undefined;
  private resolveClosed!: () => void;

  constructor(
    readonly url: string,
    private readonly clock: FakeClock,
  ) {
    this.closed = new Promise((resolve) => (this.resolveClosed = resolve));
  }

  get isClosed(): boolean {
    return this.closedAt !== undefined;
  }

  send(message: ToDialog): void {
    if (!this.isClosed) this.sent.push(message);
  }

  close(): void {
    if (this.isClosed) return;
    this.closedAt = this.clock.now();
    this.resolveClosed();
  }
}

/** localStorage as the command and its dialog share it; `refuses` as in a private window. */
class MemoryStore implements ReportStore {
  readonly items = new Map<string, string>();
  constructor(private readonly refuses = false) {}
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    if (this.refuses) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

/** Lets the work move on (the fake's syncs answer in a later turn) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 10_000 && !condition(); turn++) await nextTurn();
  if (!condition()) throw new Error("until: the condition never held");
}

/** Lets whatever a timer set off run its course. */
async function settle(): Promise<void> {
  for (let turn = 0; turn < 100; turn++) await nextTurn();
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("a ribbon command's life, from the click to event.completed()", () => {
  const BASE = "https://localhost:3000/commands.html";

  function ribbon(host: PaneHost, clock: FakeClock, canUpdateDialog = true) {
    const store = new MemoryStore();
    const life = {
      dialogs: [] as FakeDialog[],
      completedAt: undefined as number | undefined,
      completions: 0,
      /** What the last dialog shows: the outcome sent to it, or the one its address names. */
      get outcome(): Outcome | undefined {
        const report = this.dialogs[this.dialogs.length - 1];
        if (!report) return undefined;
        const sent = report.sent.find((m) => m.kind === "outcome");
        if (sent?.kind === "outcome") return sent.outcome;
        return readReportUrl(new URL(report.url).search, store).outcome;
      },
    };
    const done = runRibbonCommand("generateSheets", {
      host,
      clock,
      locale: "zh-CN",
      today: TODAY,
      base: BASE,
      canUpdateDialog,
      store,
      openDialog: async (url) => {
        const dialog = new FakeDialog(url, clock);
        life.dialogs.push(dialog);
        return dialog;
      },
      completed: () => {
        life.completions++;
        life.completedAt ??= clock.now();
      },
    });
    return { life, done };
  }

  const cases: ReadonlyArray<{
    readonly name: string;
    readonly rows: number;
    readonly syncMs: FakeRuntime["syncMs"];
    readonly canUpdateDialog: boolean;
    readonly tone: Outcome["tone"];
  }> = [
    {
      name: "a report that follows the work",
      rows: 40,
      syncMs: () => 500,
      canUpdateDialog: true,
      tone: "success",
    },
    // No DialogApi 1.2: the report opens at the end, its outcome named by its address.
    {
      name: "a report opened at the end",
      rows: 40,
      syncMs: () => 500,
      canUpdateDialog: false,
      tone: "success",
    },
    // Nearly two minutes of work, and the report would wait five more for OK after it.
    {
      name: "a report after long work",
      rows: 3_000,
      syncMs: line(300, 30, 20),
      canUpdateDialog: true,
      tone: "success",
    },
    {
      name: "a report that sends the person to the pane",
      rows: 3_000,
      syncMs: line(300, 20, 5),
      canUpdateDialog: true,
      tone: "warning",
    },
  ];

  test.each(cases)(
    "$name closes, and the event completes, before Office ends the runtime when nobody presses OK",
    async ({ rows, syncMs, canUpdateDialog, tone }) => {
      const { clock, fake, host } = timedWorkbook(rows, syncMs);
      const { life, done } = ribbon(host, clock, canUpdateDialog);
      await until(() => life.outcome !== undefined);
      expect(life.outcome?.tone).toBe(tone);
      const report = life.dialogs[life.dialogs.length - 1]!;

      // Nobody presses OK: time passes up to the moment Office shuts the runtime down.
      clock.advanceTo(RUNTIME_LIMIT_MS - 1);
      await settle();
      expect(report.closedAt ?? Infinity).toBeLessThanOrEqual(MOMENTS_MS.close);
      expect(life.completedAt ?? Infinity).toBeLessThanOrEqual(MOMENTS_MS.close);
      expect(fake.syncsAfterShutdown).toBe(0);

      clock.advance(60 * 60_000);
      await done;
      expect(life.completions).toBe(1);
    },
  );

  test("OK ends the command at once, and no timer is left behind", async () => {
    const { clock, host } = timedWorkbook(40, () => 500);
    const { life, done } = ribbon(host, clock);
    await until(() => life.outcome !== undefined);
    clock.advance(5_000);
    life.dialogs[0]!.close();
    await done;
    expect(life.completedAt).toBe(clock.now());
    expect(clock.pending).toBe(0);
  });

  test("an Excel that never answers is stopped, then given up, and the event still completes in time", async () => {
    const { clock, host: excel } = timedWorkbook(40, () => 500);
    let signal: AbortSignal | undefined;
    const host: PaneHost = {
      ...excel,
      check: (operation) => {
        signal = operation.signal;
        return new Promise(() => {});
      },
    };
    const { life, done } = ribbon(host, clock);
    await until(() => signal !== undefined);

    clock.advanceTo(MOMENTS_MS.work);
    expect(signal?.aborted).toBe(true);
    clock.advanceTo(MOMENTS_MS.giveUp);
    await settle();
    expect(life.outcome).toEqual({
      tone: "error",
      lines: [COMMAND_WORDS["zh-CN"].noAnswerInTime("generateSheets")],
    });
    expect(life.completions).toBe(0);

    clock.advanceTo(MOMENTS_MS.close);
    await done;
    expect(life.dialogs[0]!.closedAt).toBe(MOMENTS_MS.close);
    expect(life.completedAt).toBe(MOMENTS_MS.close);
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
      for (const kind of HOST_ERROR_KINDS) {
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

  test("a command sent to the pane is told the pane's own buttons, in both languages", () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const pane = PANE_CATALOGUES[locale];
      const check = CATALOGUES[locale].words.check;
      const words = COMMAND_WORDS[locale];
      for (const say of [words.tooSlowForRibbon, words.noAnswerInTime]) {
        expect(say("checkTable")).toContain(check);
        expect(say("generateSheets")).toContain(pane.write);
        expect(say("clearMarks")).toContain(pane.clear);
      }
    }
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
  const BASE = "https://localhost:3000/commands.html";
  const notices = Array.from(
    { length: 200 },
    (_, i) => `第 ${i + 1} 条提示：「某某单位」的工作任务缺少完成时限，已按工作日历推算，请核对 & 改正 ? a=b`,
  );
  const long: Outcome = {
    tone: "warning",
    lines: [`「表」共 3 项任务 ${"很长的说明".repeat(100)}`, ...notices],
  };
  const short: Outcome = { tone: "success", lines: ["「表」共 3 项任务", "a & b ? c=d"] };

  test.each([
    { name: "a short outcome", outcome: short },
    { name: "a long outcome with 200 notices", outcome: long },
  ])("$name waits in the store, and the address stays short", ({ outcome }) => {
    const store = new MemoryStore();
    const url = reportUrl(BASE, { locale: "en-US", command: "generateSheets", outcome }, { store, id: "r1" });
    expect(url.length).toBeLessThanOrEqual(MAX_REPORT_URL);
    expect(url).toMatch(
      /^https:\/\/localhost:3000\/report\.html\?lang=en-US&command=generateSheets&tone=\w+&report=r1&line=/,
    );
    expect(readReportUrl(new URL(url).search, store)).toEqual({
      locale: "en-US",
      command: "generateSheets",
      outcome,
    });
    // Taken out once read, so that nothing lingers in the browser.
    expect(store.items.has(REPORT_KEY)).toBe(false);
  });

  test.each([
    { name: "no store", store: undefined },
    { name: "a store that refuses", store: new MemoryStore(true) },
    { name: "a store the dialog does not share", store: new MemoryStore(), reader: new MemoryStore() },
  ])("with $name, the address still shows the tone and the first line, cut to fit", ({ store, reader }) => {
    const url = reportUrl(
      BASE,
      { locale: "zh-CN", command: "checkTable", outcome: long },
      { store, id: "r2" },
    );
    expect(url.length).toBeLessThanOrEqual(MAX_REPORT_URL);
    const shown = readReportUrl(new URL(url).search, reader ?? store).outcome!;
    expect(shown.tone).toBe("warning");
    expect(shown.lines).toHaveLength(1);
    expect(shown.lines[0]).toMatch(/^「表」共 3 项任务 (很长的说明)+.*…$/);
    expect(long.lines[0]!.startsWith(shown.lines[0]!.slice(0, -1))).toBe(true);

    const whole = readReportUrl(
      new URL(reportUrl(BASE, { locale: "zh-CN", command: "checkTable", outcome: short })).search,
    );
    expect(whole.outcome).toEqual({ tone: "success", lines: ["「表」共 3 项任务"] });
  });

  test("an earlier report's outcome is not shown, and odd input is ignored", () => {
    const store = new MemoryStore();
    reportUrl(BASE, { locale: "zh-CN", command: "checkTable", outcome: short }, { store, id: "old" });
    expect(
      readReportUrl("?lang=zh-CN&command=checkTable&tone=error&report=new&line=x", store).outcome,
    ).toEqual({
      tone: "error",
      lines: ["x"],
    });
    expect(reportUrl(BASE, { locale: "zh-CN", command: "clearMarks" })).toBe(
      "https://localhost:3000/report.html?lang=zh-CN&command=clearMarks",
    );
    expect(readReportUrl("?lang=fr&command=rm&tone=fine&line=x")).toEqual({
      locale: "zh-CN",
      command: "checkTable",
    });
    store.items.set(REPORT_KEY, '{"id":"r3","outcome":{"tone":"fine","lines":[]}}');
    expect(readReportUrl("?report=r3", store).outcome).toBeUndefined();
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
    expect(localDayOf(new Date(2026, 10, 18, 23, 59))).toBe(TODAY);
    expect(localDayOf(new Date(2026, 10, 18, 0, 0))).toBe(TODAY);
  });
});
