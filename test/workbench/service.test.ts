// The workbench worker's work, run in Node: the sample workbook opened, checked, written, cleared, its
// settings saved, and a file that is no workbook refused with the sentence the page shows.

import ExcelJS from "exceljs";
import {
  checkWorkbook,
  columnIndex,
  DEFAULT_SETTINGS,
  earlierMerges,
  parseIsoDay,
  parseSettings,
  readWorkbookSettings,
  SETTINGS_SHEET,
  type Settings,
} from "../../src/core";
import {
  OpcPackage,
  readPackageRecord,
  readWorkbookBytes,
  sheetNames,
  writeCheck,
} from "../../src/hosts/xlsx/universal";
// Only to see a sheet's visibility, which the host's entry does not tell.
import { WorkbookParts } from "../../src/hosts/xlsx/write/workbook";
import { buildSampleWorkbook, SAMPLE_COLUMNS, SAMPLE_SHEET } from "../../scripts/sample-workbook";
import { answeredNotices } from "../helpers/answered-notices";
import {
  PREVIEW_ROWS,
  type ReplyValues,
  type RequestType,
  type WorkerReply,
  type WorkerRequest,
} from "../../src/workbench/protocol";
import { cellView, createWorkbenchService, preview } from "../../src/workbench/service";

const AS_OF = parseIsoDay("2026-11-18")!;
const zh: Settings = { ...DEFAULT_SETTINGS, language: "zh-CN" };

let sample: Uint8Array;
beforeAll(async () => {
  sample = new Uint8Array(await buildSampleWorkbook(AS_OF).xlsx.writeBuffer());
});

/** The service with its replies collected; `ask` sends a request and waits for its answer. */
function start() {
  const replies: WorkerReply[] = [];
  const service = createWorkbenchService((reply) => replies.push(reply));
  let id = 0;
  async function ask<K extends RequestType>(
    type: K,
    body: Omit<Extract<WorkerRequest, { type: K }>, "id" | "type">,
  ): Promise<ReplyValues[K]> {
    const request = { type, id: ++id, ...body } as WorkerRequest;
    await service.receive(request);
    const answer = replies.find((r) => r.id === request.id && r.type !== "progress");
    if (answer?.type === "failed") throw Object.assign(new Error("failed"), { wire: answer.error });
    if (answer?.type !== "done") throw new Error(`no answer to ${type}`);
    return answer.value as ReplyValues[K];
  }
  return { ask, replies };
}

const open = (ask: ReturnType<typeof start>["ask"], bytes = sample) =>
  ask("open", { bytes: bytes.slice().buffer, name: "tasks.xlsx" });

describe("the workbench service", () => {
  it("opens a workbook, checks it and answers without the rows", async () => {
    const { ask, replies } = start();
    const { sheets } = await open(ask);
    expect(sheets).toContain(SAMPLE_SHEET);
    const { checkId, result } = await ask("check", { asOf: AS_OF, settings: zh, checkId: 1 });
    expect(checkId).toBe(1);
    expect("rows" in result).toBe(false);
    expect("highlightKeys" in result).toBe(false);
    const full = checkWorkbook(await readWorkbookBytes(sample, "tasks.xlsx"), { asOf: AS_OF, settings: zh });
    const findings = result.findingsJson.flatMap(
      (piece) => JSON.parse(new TextDecoder().decode(piece)) as unknown[],
    );
    expect(findings).toEqual(full.findings);
    expect(result.summary).toEqual(full.summary);
    expect(result.ranking).toEqual(full.ranking);
    expect(replies.some((r) => r.type === "progress" && r.progress.phase === "checking")).toBe(true);
  });

  it("writes the same workbook as `duban check --out`, with previews of the generated sheets", async () => {
    const { ask } = start();
    await open(ask);
    const { checkId, result } = await ask("check", { asOf: AS_OF, settings: zh, checkId: 1 });
    const written = await ask("writeResults", {
      checkId,
      asOf: result.asOf,
      checkSettings: zh,
      settings: zh,
      locale: "zh-CN",
    });

    const pkg = OpcPackage.open(sample, "tasks.xlsx");
    const full = checkWorkbook(await readWorkbookBytes(sample, "tasks.xlsx"), { asOf: AS_OF, settings: zh });
    writeCheck(pkg, full, { settings: zh, locale: "zh-CN" });
    expect(new Uint8Array(written.bytes)).toEqual(pkg.toBytes());

    expect(written.sheets).toEqual(["问题清单", "汇总", "排名", "考核记录", "督办单", "网络推进图"]);
    expect(written.previews.sheets.map((s) => s.name)).toEqual(written.sheets);
    for (const sheet of written.previews.sheets) expect(sheet.rows.length).toBeLessThanOrEqual(PREVIEW_ROWS);
    expect(written.previews.styles.legendOverdue.fill).toBe("FFC7CE");
  });

  it("checks again for writing when it no longer holds the check (a new worker)", async () => {
    const { ask } = start();
    await open(ask);
    const again = await ask("writeResults", {
      checkId: 99,
      asOf: AS_OF,
      checkSettings: zh,
      settings: zh,
      locale: "en-US",
    });
    expect(again.sheets).toEqual(["Issues", "Summary", "Ranking", "History", "Notices", "Progress"]);
  });

  it("keeps saved settings in its copy of the workbook, and so in what it writes", async () => {
    const { ask } = start();
    await open(ask);
    expect(await ask("loadSettings", {})).toBeUndefined();
    await ask("saveSettings", { settings: { dueSoonDays: 5, sheet: SAMPLE_SHEET } });
    expect(await ask("loadSettings", {})).toEqual({ dueSoonDays: 5, sheet: SAMPLE_SHEET });
    await ask("saveSettings", { settings: { dueSoonDays: 7 } });
    expect(await ask("loadSettings", {})).toEqual({ dueSoonDays: 7 });
    expect(await ask("sheetNames", {})).not.toContain(SETTINGS_SHEET);

    const settings = (parseSettings({ dueSoonDays: 7 }) as { settings: Settings }).settings;
    const { checkId } = await ask("check", { asOf: AS_OF, settings, checkId: 1 });
    const written = await ask("writeResults", {
      checkId,
      asOf: AS_OF,
      checkSettings: settings,
      settings,
      locale: "zh-CN",
    });
    const reread = await readWorkbookBytes(new Uint8Array(written.bytes), "out.xlsx");
    expect(readWorkbookSettings(reread)).toEqual({ dueSoonDays: 7 });
    const state = new WorkbookParts(OpcPackage.open(new Uint8Array(written.bytes), "out.xlsx"))
      .sheets()
      .filter((s) => s.name === SETTINGS_SHEET)
      .map((s) => s.state);
    expect(state).toEqual(["veryHidden"]);
  });

  it("clears what Duban added to its workbook", async () => {
    const { ask } = start();
    // A workbook that was checked before: its generated sheets are Duban's.
    const pkg = OpcPackage.open(sample, "tasks.xlsx");
    const full = checkWorkbook(await readWorkbookBytes(sample, "tasks.xlsx"), { asOf: AS_OF, settings: zh });
    writeCheck(pkg, full, { settings: zh, locale: "zh-CN" });
    await open(ask, pkg.toBytes());
    expect(await ask("sheetNames", {})).toContain("汇总");
    const { bytes } = await ask("clear", {});
    expect(await ask("sheetNames", {})).not.toContain("汇总");
    const names = sheetNames(OpcPackage.open(new Uint8Array(bytes), "x.xlsx"));
    expect(names).toEqual(sheetNames(OpcPackage.open(sample, "x.xlsx")));
  });

  it("answers the texts of a row and the rows around a cell", async () => {
    const { ask } = start();
    await open(ask);
    const header = await ask("rowTexts", { sheet: SAMPLE_SHEET, row: 3 });
    expect(header[0]).toBe("序号");
    await ask("check", { asOf: AS_OF, settings: zh, checkId: 1 });
    const view = await ask("cellView", { sheet: SAMPLE_SHEET, cell: "H40" });
    expect(view).toMatchObject({ sheet: SAMPLE_SHEET, cell: "H40", row: 40, column: 7, firstColumn: 0 });
    expect(view.rows.map((r) => r.row)).toEqual([34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46]);
    expect(view.header?.row).toBe(3);
    expect(view.header?.texts[0]).toBe("序号");
  });

  it("refuses a file that is not a workbook with the sentence for it, in both languages", async () => {
    const { ask } = start();
    const csv = new TextEncoder().encode("任务,单位\n安全检查,安全科\n");
    const failure = await open(ask, csv).catch((error: { wire: unknown }) => error.wire);
    expect(failure).toMatchObject({ kind: "input", problem: "not-a-workbook" });
    const { sentences } = failure as { sentences: Record<string, string> };
    expect(sentences["zh-CN"]).toMatch(/^tasks\.xlsx：这是 CSV/);
    expect(sentences["en-US"]).toMatch(/^tasks\.xlsx: this is a CSV/);
    // Nothing is open after a refusal.
    await expect(ask("sheetNames", {})).rejects.toMatchObject({
      wire: { kind: "host", hostKind: "unexpected" },
    });
  });

  it("reports a missing task table as the engine's table problem", async () => {
    const { ask } = start();
    await open(ask);
    const failure = await ask("check", {
      asOf: AS_OF,
      settings: { ...zh, sheet: "没有这个表" },
      checkId: 1,
    }).catch((error: { wire: unknown }) => error.wire);
    expect(failure).toMatchObject({ kind: "table", problem: { problem: "sheet-not-found" } });
  });
});

describe("previews and cell views", () => {
  it("keeps the first rows of a sheet, with the merges and data bars that fall in them", () => {
    const spec = {
      kind: "summary" as const,
      name: "汇总",
      columns: [10, 8],
      rows: Array.from({ length: 5 }, () => ({ cells: [{ value: 1, style: "number" as const }] })),
      merges: [
        { top: 0, left: 0, bottom: 0, right: 1 },
        { top: 2, left: 0, bottom: 4, right: 0 },
        { top: 4, left: 1, bottom: 4, right: 1 },
      ],
      freezeRows: 1,
      dataBars: [{ range: { top: 1, left: 1, bottom: 4, right: 1 }, color: "638EC6" }],
      print: { landscape: true },
    };
    const shown = preview(spec, "汇总 (2)", 3);
    expect(shown).toMatchObject({ name: "汇总 (2)", totalRows: 5, freezeRows: 1 });
    expect(shown.rows).toHaveLength(3);
    expect(shown.merges).toEqual([
      { top: 0, left: 0, bottom: 0, right: 1 },
      { top: 2, left: 0, bottom: 2, right: 0 },
    ]);
    expect(shown.dataBars).toEqual([{ range: { top: 1, left: 1, bottom: 2, right: 1 }, color: "638EC6" }]);
  });

  it("starts the view at the sheet's first row and column", () => {
    const sheet = {
      name: "S",
      rows: [
        ["a", "b"],
        ["c", "d"],
      ],
      merges: [],
    };
    const view = cellView(sheet, "b2", undefined);
    expect(view).toMatchObject({ cell: "B2", row: 2, column: 1, firstColumn: 0 });
    expect(view.rows).toEqual([
      { row: 1, texts: ["a", "b"] },
      { row: 2, texts: ["c", "d"] },
    ]);
    expect(() => cellView(sheet, "2B", undefined)).toThrow("input");
  });
});

describe("merging the units' answers", () => {
  const fileBytes = (file: { name: string; bytes: Uint8Array }) => ({
    name: file.name,
    bytes: file.bytes.slice().buffer,
  });

  it("tells the returned notices from the master and from a file that is no workbook", async () => {
    const { ask } = start();
    const [notice] = await answeredNotices(sample, AS_OF, zh, 1);
    const kinds = await ask("classify", {
      files: [
        { name: "tasks.xlsx", bytes: sample.slice().buffer },
        fileBytes(notice!),
        { name: "说明.xlsx", bytes: new TextEncoder().encode("本周安排").buffer },
      ],
    });
    expect(kinds).toEqual(["workbook", "notice", "unreadable"]);
  });

  it("writes the answers into its workbook, the Feedback sheet into the copy, and undoes it exactly", async () => {
    const { ask } = start();
    await open(ask);
    const status = columnIndex(SAMPLE_COLUMNS.status)!;
    const notices = await answeredNotices(sample, AS_OF, zh, 2);
    const answeredRows = notices.flatMap((notice) => notice.rows);
    const before = await Promise.all(
      answeredRows.map((row) => ask("rowTexts", { sheet: SAMPLE_SHEET, row })),
    );
    const { checkId: firstCheck } = await ask("check", { asOf: AS_OF, settings: zh, checkId: 1 });
    const plain = await ask("writeResults", {
      checkId: firstCheck,
      asOf: AS_OF,
      checkSettings: zh,
      settings: zh,
      locale: "zh-CN",
    });
    expect(await ask("mergeToUndo", {})).toBeUndefined();

    const merged = await ask("merge", {
      returns: [
        ...notices.map(fileBytes),
        { name: "说明.xlsx", bytes: new TextEncoder().encode("x").buffer },
      ],
      asOf: AS_OF,
      settings: zh,
      locale: "zh-CN",
      checkId: 2,
    });

    expect(merged.outcome.skipped).toEqual([
      { file: "说明.xlsx", reason: "notWorkbook", detail: expect.stringMatching(/^说明\.xlsx：/) },
    ]);
    expect(merged.outcome.units.filter((u) => u.files.length > 0).map((u) => u.unit)).toEqual(
      notices.map((n) => n.unit),
    );
    expect(new Set(merged.outcome.changes.map((c) => c.row))).toEqual(new Set(answeredRows));
    for (const row of answeredRows)
      expect((await ask("rowTexts", { sheet: SAMPLE_SHEET, row }))[status]).toBe("已完成");
    const full = merged.result.summary.total;
    expect(full.done).toBeGreaterThan(0);
    expect(await ask("mergeToUndo", {})).toEqual({
      cells: merged.outcome.changes.length,
      round: "2026-11-18",
    });

    const written = await ask("writeResults", {
      checkId: 2,
      asOf: AS_OF,
      checkSettings: zh,
      settings: zh,
      locale: "zh-CN",
    });
    expect(written.sheets[written.sheets.length - 1]).toBe("反馈情况");
    const feedback = written.previews.sheets.find((sheet) => sheet.kind === "feedback")!;
    expect(feedback.name).toBe("反馈情况");
    const texts = feedback.rows.flatMap((row) => row.cells.map((cell) => String(cell?.value ?? "")));
    expect(texts).toContain("说明.xlsx");
    const copy = await readWorkbookBytes(new Uint8Array(written.bytes), "out.xlsx");
    const task = copy.sheets.find((sheet) => sheet.name === SAMPLE_SHEET)!;
    for (const row of answeredRows) expect(task.rows[row - 1]?.[status]).toBe("已完成");

    const undone = await ask("undoMerge", { asOf: AS_OF, settings: zh, checkId: 3 });
    expect(undone.cells).toBe(merged.outcome.changes.length);
    expect(undone.result.summary).toEqual(
      checkWorkbook(await readWorkbookBytes(sample, "tasks.xlsx"), { asOf: AS_OF, settings: zh }).summary,
    );
    expect(
      await Promise.all(answeredRows.map((row) => ask("rowTexts", { sheet: SAMPLE_SHEET, row }))),
    ).toEqual(before);
    expect(await ask("mergeToUndo", {})).toBeUndefined();
    const again = await ask("writeResults", {
      checkId: 3,
      asOf: AS_OF,
      checkSettings: zh,
      settings: zh,
      locale: "zh-CN",
    });
    expect(new Uint8Array(again.bytes)).toEqual(new Uint8Array(plain.bytes));
  });

  it("keeps settings saved after a merge when the merge is undone", async () => {
    const { ask } = start();
    await open(ask);
    const notices = await answeredNotices(sample, AS_OF, zh, 1);
    await ask("merge", {
      returns: notices.map(fileBytes),
      asOf: AS_OF,
      settings: zh,
      locale: "zh-CN",
      checkId: 1,
    });
    await ask("saveSettings", { settings: { dueSoonDays: 5 } });
    await ask("undoMerge", { asOf: AS_OF, settings: zh, checkId: 2 });
    expect(await ask("loadSettings", {})).toEqual({ dueSoonDays: 5 });
  });

  it("keeps a unit's done answer to a task of 各单位 from merge to merge, written or not, until every unit's is in", async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet("任务").addRows([
      ["序号", "工作任务", "责任单位", "完成时限", "完成情况", "完成日期"],
      [1, "开展安全大检查", "各单位", "2026-11-10", "未完成", null],
    ]);
    book.addWorksheet("单位名单").addRows([["单位"], ["综采一队"], ["掘进二队"], ["机电科"]]);
    const master = new Uint8Array(await book.xlsx.writeBuffer());
    const [first, ...others] = await answeredNotices(master, AS_OF, zh, 3);
    const { ask } = start();
    await open(ask, master);
    const merge = (notices: typeof others, checkId: number) =>
      ask("merge", { returns: notices.map(fileBytes), asOf: AS_OF, settings: zh, locale: "zh-CN", checkId });
    const status = async () => (await ask("rowTexts", { sheet: "任务", row: 2 }))[4];

    const once = await merge([first!], 1);
    expect(once.outcome.changes).toEqual([]);
    expect(await status()).toBe("未完成");
    // A copy written now records the answer kept.
    const written = await ask("writeResults", {
      checkId: 1,
      asOf: AS_OF,
      checkSettings: zh,
      settings: zh,
      locale: "zh-CN",
    });
    const record = readPackageRecord(OpcPackage.open(new Uint8Array(written.bytes), "out.xlsx"));
    expect(earlierMerges(record).sharedDone?.map((done) => done.unit)).toEqual([first!.unit]);

    const twice = await merge(others, 2);
    expect(twice.outcome.rejected).toEqual([]);
    expect(await status()).toBe("已完成");
    expect(twice.outcome.sharedDone).toBeUndefined();
  });
});
