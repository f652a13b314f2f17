// The workbench host over fake workers: one that runs the real service in this process (every message
// structured-cloned, as between threads), and one that never answers, to cancel.

import { parseIsoDay } from "../../src/core/day";
import { DEFAULT_SETTINGS, type Settings } from "../../src/core/settings";
import { TableError } from "../../src/core/table/locate";
import { checkWorkbook } from "../../src/core/check";
import { readNoticeRecord } from "../../src/core/feedback/record";
import { HostError, type HostProgress, type NoticeMaker } from "../../src/hosts/contract";
import { noticeWorkbooks, readWorkbookBytes } from "../../src/hosts/xlsx/universal";
import { buildSampleWorkbook, SAMPLE_COLUMNS, SAMPLE_SHEET } from "../../scripts/sample-workbook";
import { columnIndex } from "../../src/core/workbook";
import { answeredNotices, type AnsweredNotice } from "../helpers/answered-notices";
import {
  createWorkbenchHost,
  outputName,
  WorkbookOpenError,
  type WorkbenchEvent,
} from "../../src/workbench/host";
import type { WorkerLike, WorkerReply, WorkerRequest } from "../../src/workbench/protocol";
import { createWorkbenchService } from "../../src/workbench/service";

const AS_OF = parseIsoDay("2026-11-18")!;
const settings: Settings = { ...DEFAULT_SETTINGS, language: "zh-CN" };

let sample: Blob;
beforeAll(async () => {
  sample = new Blob([await buildSampleWorkbook(AS_OF).xlsx.writeBuffer()]);
});

interface FakeWorker extends WorkerLike {
  readonly received: WorkerRequest[];
  terminated: boolean;
}

/**
 * A worker in this process: the real service behind structuredClone. `hold` keeps requests of those types
 * unanswered, as a worker busy with a long synchronous job would.
 */
function inProcess(hold: ReadonlySet<WorkerRequest["type"]> = new Set()): FakeWorker {
  const fake: FakeWorker = {
    received: [],
    terminated: false,
    onmessage: null,
    onerror: null,
    postMessage(message, transfer) {
      if (fake.terminated) return;
      const copy = structuredClone(message, { transfer });
      fake.received.push(copy);
      if (!hold.has(copy.type)) void service.receive(copy);
    },
    terminate() {
      fake.terminated = true;
    },
  };
  const service = createWorkbenchService((reply: WorkerReply, transfer) => {
    if (fake.terminated) return;
    const copy = structuredClone(reply, { transfer: transfer ?? [] });
    setTimeout(() => fake.onmessage?.({ data: copy }), 0);
  });
  return fake;
}

function operation() {
  const controller = new AbortController();
  const progress: HostProgress[] = [];
  return {
    controller,
    progress,
    signal: controller.signal,
    onProgress: (p: HostProgress) => progress.push(p),
  };
}

describe("the workbench host", () => {
  it("opens, checks and writes through the worker, and tells the page what it wrote", async () => {
    const workers: FakeWorker[] = [];
    const host = createWorkbenchHost(() => {
      workers.push(inProcess());
      return workers[workers.length - 1]!;
    });
    const events: WorkbenchEvent[] = [];
    host.subscribe((event) => events.push(event));

    expect(host.kind).toBe("workbench");
    const { sheets } = await host.open(sample, "任务.xlsx");
    expect(sheets).toContain(SAMPLE_SHEET);
    expect(await host.sheetNames()).toEqual(sheets);
    expect(await host.loadSettings()).toBeUndefined();

    const op = operation();
    const result = await host.check({ ...op, asOf: AS_OF, settings });
    expect(result.rows).toEqual([]);
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.summary.total.tasks).toBe(130);
    expect(op.progress.at(-1)).toMatchObject({ phase: "checking" });
    expect(events).toEqual([{ type: "checked", checkId: 1 }]);

    const written = await host.writeResults(result, { ...operation(), settings, locale: "zh-CN" });
    expect(written.sheets).toEqual(["问题清单", "汇总", "排名", "考核记录", "督办单", "网络推进图"]);
    const output = events.find((e) => e.type === "output");
    expect(output).toMatchObject({
      type: "output",
      output: { kind: "checked", fileName: "任务-checked.xlsx", asOf: AS_OF, checkId: 1 },
    });
    if (output?.type !== "output" || output.output.kind !== "checked") throw new Error("no output");
    expect(output.output.blob.size).toBeGreaterThan(10_000);
    expect(output.output.previews.sheets).toHaveLength(6);

    await host.selectCell(SAMPLE_SHEET, "H12");
    expect(events.at(-1)).toMatchObject({
      type: "cell",
      view: { sheet: SAMPLE_SHEET, cell: "H12", row: 12 },
    });
    expect(workers).toHaveLength(1);
    host.dispose();
    expect(workers[0]!.terminated).toBe(true);
  });

  it("turns the worker's failures back into the errors the pane words", async () => {
    const host = createWorkbenchHost(() => inProcess());
    const notAWorkbook = new Blob(["任务,单位\n"]);
    const refused = await host.open(notAWorkbook, "tasks.xlsx").catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(WorkbookOpenError);
    expect(refused).toBeInstanceOf(HostError);
    expect((refused as WorkbookOpenError).sentences["zh-CN"]).toContain("CSV");

    await host.open(sample, "tasks.xlsx");
    const noTable = await host
      .check({ ...operation(), asOf: AS_OF, settings: { ...settings, sheet: "没有" } })
      .catch((error: unknown) => error);
    expect(noTable).toBeInstanceOf(TableError);
    await expect(host.selectCell("没有", "A1")).rejects.toMatchObject({ kind: "input", detail: "没有" });
    host.dispose();
  });

  it("cancels by ending the worker, then opens the file again in a new one with what was saved", async () => {
    const workers: FakeWorker[] = [];
    const host = createWorkbenchHost(() => {
      // The first worker never finishes a check; the next ones do.
      workers.push(inProcess(workers.length === 0 ? new Set(["check"]) : new Set()));
      return workers[workers.length - 1]!;
    });
    await host.open(sample, "tasks.xlsx");
    await host.saveSettings({ dueSoonDays: 5 });

    const op = operation();
    const running = host.check({ ...op, asOf: AS_OF, settings });
    await new Promise((resolve) => setTimeout(resolve, 20));
    op.controller.abort();
    await expect(running).rejects.toMatchObject({ kind: "cancelled" });
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);

    // The new worker was given the file and the saved settings before anything else.
    const result = await host.check({ ...operation(), asOf: AS_OF, settings });
    expect(workers[1]!.received.map((r) => r.type)).toEqual(["open", "saveSettings", "check"]);
    expect(await host.loadSettings()).toEqual({ dueSoonDays: 5 });
    // Writing a check the new worker does not hold checks again there.
    const events: WorkbenchEvent[] = [];
    host.subscribe((event) => events.push(event));
    const written = await host.writeResults(result, { ...operation(), settings, locale: "en-US" });
    expect(written.sheets).toEqual(["Issues", "Summary", "Ranking", "History", "Notices", "Progress"]);
    // Check ids go on across workers: the cancelled check was 1, this one 2, the next 3.
    expect(events.at(-1)).toMatchObject({ type: "output", output: { checkId: 2 } });
    await host.check({ ...operation(), asOf: AS_OF, settings });
    expect(events.at(-1)).toEqual({ type: "checked", checkId: 3 });
    host.dispose();
  });

  it("refuses work once aborted or disposed", async () => {
    const host = createWorkbenchHost(() => inProcess());
    await host.open(sample, "tasks.xlsx");
    const op = operation();
    op.controller.abort();
    await expect(host.check({ ...op, asOf: AS_OF, settings })).rejects.toMatchObject({ kind: "cancelled" });
    host.dispose();
    await expect(host.sheetNames()).rejects.toMatchObject({ kind: "cancelled" });
  });

  it("fails what is waiting when the worker itself fails", async () => {
    const broken = inProcess(new Set(["sheetNames"]));
    const host = createWorkbenchHost(() => broken);
    await host.open(sample, "tasks.xlsx");
    const waiting = host.sheetNames();
    await new Promise((resolve) => setTimeout(resolve, 0));
    broken.onerror?.({ message: "script error" });
    await expect(waiting).rejects.toMatchObject({ kind: "unexpected", detail: "script error" });
  });
});

describe("merging in the workbench", () => {
  const mergeOperation = () => ({ ...operation(), asOf: AS_OF, settings, locale: "zh-CN" as const });
  const status = columnIndex(SAMPLE_COLUMNS.status)!;
  let notices: AnsweredNotice[];
  beforeAll(async () => {
    notices = await answeredNotices(new Uint8Array(await sample.arrayBuffer()), AS_OF, settings, 2);
  });

  it("merges, offers the copy with the Feedback sheet, and a new worker is given the merge again", async () => {
    const workers: FakeWorker[] = [];
    const host = createWorkbenchHost(() => {
      // The first worker never finishes a check, so that cancelling one starts the next.
      workers.push(inProcess(workers.length === 0 ? new Set(["check"]) : new Set()));
      return workers[workers.length - 1]!;
    });
    const events: WorkbenchEvent[] = [];
    host.subscribe((event) => events.push(event));
    await host.open(sample, "tasks.xlsx");

    const done = await host.mergeFeedback(notices, mergeOperation());

    expect(done.feedbackSheet).toBe("反馈情况");
    expect(done.outcome.changes.length).toBeGreaterThan(0);
    const output = events.filter((event) => event.type === "output").at(-1);
    expect(output).toMatchObject({ output: { kind: "checked", sheets: done.sheets } });
    const previews =
      output?.type === "output" && output.output.kind === "checked" ? output.output.previews : undefined;
    expect(previews?.sheets.map((sheet) => sheet.kind)).toContain("feedback");
    const row = notices[0]!.rows[0]!;
    expect((await host.rowTexts(SAMPLE_SHEET, row))[status]).toBe("已完成");

    const op = operation();
    const running = host.check({ ...op, asOf: AS_OF, settings });
    await new Promise((resolve) => setTimeout(resolve, 20));
    op.controller.abort();
    await expect(running).rejects.toMatchObject({ kind: "cancelled" });
    expect((await host.rowTexts(SAMPLE_SHEET, row))[status]).toBe("已完成");
    expect(workers[1]!.received.map((r) => r.type).slice(0, 2)).toEqual(["open", "merge"]);
    expect(await host.mergeToUndo()).toEqual({ cells: done.outcome.changes.length, round: "2026-11-18" });

    const undone = await host.undoMerge(mergeOperation());
    expect(undone).toMatchObject({ kind: "undone", cells: done.outcome.changes.length });
    expect((await host.rowTexts(SAMPLE_SHEET, row))[status]).not.toBe("已完成");
    expect(await host.mergeToUndo()).toBeUndefined();
    host.dispose();
  });

  it("Cancel while the merged copy is written leaves the workbook as it was before the merge", async () => {
    const workers: FakeWorker[] = [];
    const host = createWorkbenchHost(() => {
      workers.push(inProcess(workers.length === 0 ? new Set(["writeResults"]) : new Set()));
      return workers[workers.length - 1]!;
    });
    await host.open(sample, "tasks.xlsx");
    const row = notices[0]!.rows[0]!;
    const before = await host.rowTexts(SAMPLE_SHEET, row);
    const op = mergeOperation();

    const merging = host.mergeFeedback(notices, op);
    while (!workers[0]!.received.some((r) => r.type === "writeResults"))
      await new Promise((resolve) => setTimeout(resolve, 5));
    op.controller.abort();

    await expect(merging).rejects.toMatchObject({ kind: "cancelled" });
    expect(await host.rowTexts(SAMPLE_SHEET, row)).toEqual(before);
    expect(await host.mergeToUndo()).toBeUndefined();
    expect(workers.at(-1)!.received.map((r) => r.type)).not.toContain("merge");
    host.dispose();
  });

  it("classifies dropped files without a workbook open", async () => {
    const host = createWorkbenchHost(() => inProcess());
    const notice = new File([notices[0]!.bytes.slice()], notices[0]!.name);
    expect(await host.classify([sample, notice, new Blob(["x"])])).toEqual([
      "workbook",
      "notice",
      "unreadable",
    ]);
    host.dispose();
  });
});

describe("output names", () => {
  it.each([
    ["tasks.xlsx", "tasks-checked.xlsx"],
    ["任务 清单.XLSX", "任务 清单-checked.xlsx"],
    ["macros.xlsm", "macros-checked.xlsm"],
    ["noext", "noext-checked.xlsx"],
    [".xlsx", "workbook-checked.xlsx"],
  ])("%s → %s", (input, expected) => {
    expect(outputName(input, "checked")).toBe(expected);
  });
});

describe("the workbench host's notice files", () => {
  it("has the worker make each unit's notice file from the workbook it holds, with no maker of the page's", async () => {
    const host = createWorkbenchHost(() => inProcess());
    await host.open(sample, "tasks.xlsx");
    const unused = jest.fn<ReturnType<NoticeMaker>, Parameters<NoticeMaker>>(async () => []);

    const files = await host.noticeFiles({ ...operation(), asOf: AS_OF, settings, locale: "zh-CN" }, unused);

    expect(unused).not.toHaveBeenCalled();
    const model = await readWorkbookBytes(new Uint8Array(await sample.arrayBuffer()), "tasks.xlsx");
    const expected = noticeWorkbooks(checkWorkbook(model, { asOf: AS_OF, settings }), {
      settings,
      locale: "zh-CN",
      workbook: model,
    });
    expect(files.length).toBeGreaterThan(1);
    expect(files.map((file) => file.unit)).toEqual(expected.map((file) => file.unit));
    for (const [i, file] of files.entries()) {
      const record = readNoticeRecord(await readWorkbookBytes(file.bytes, `${file.unit}.xlsx`));
      expect(record).toEqual(expected[i]!.record);
    }
    host.dispose();
  });
});
