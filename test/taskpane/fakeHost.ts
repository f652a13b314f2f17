// A PaneHost for the pane's tests: a small workbook in memory, checked by the real engine, every call recorded.

import {
  applyChanges,
  CATALOGUES,
  checkWorkbook,
  mergeAnswers,
  mergedRows,
  parseIsoDay,
  readAnswers,
  type CellValue,
  type CheckResult,
  type Day,
  type Locale,
  type Settings,
  type SettingsInput,
  type WorkbookModel,
} from "../../src/core";
import { cellText } from "../../src/core/values/text";
import {
  HostError,
  type HostOperation,
  type MergeDone,
  type MergeOperation,
  type MergeToUndo,
  type NoticeFileOut,
  type NoticeMaker,
  type PaneHost,
  type ReturnedWorkbook,
  type UndoDone,
} from "../../src/hosts/contract";
import { readReturnedWorkbook } from "../../src/taskpane/returns";

export const AS_OF: Day = parseIsoDay("2026-11-18")!;
export const TASK_SHEET = "重点工作任务表";

const row = (...cells: CellValue[]) => cells;

/**
 * A task table under a title and a 填报 line (header in row 3), with a lead-unit column (C, 牵头单位) and a
 * department column (G, 责任科室); one finding of each kind a person meets first. As of 2026-11-18:
 * D4 overdue (error), D5 due soon (warning), F6 done late (info), E7 unknown status (warning),
 * C8 missing unit (error), F9 done without a date (warning). The person's own sheet 汇总 is taken.
 */
export function taskWorkbook(): WorkbookModel {
  return {
    fileName: "任务表.xlsx",
    sheets: [
      {
        name: TASK_SHEET,
        merges: [{ top: 0, left: 0, bottom: 0, right: 6 }],
        rows: [
          row("2026年重点工作任务表"),
          row("填报单位：办公室", null, null, null, "填报日期：2026-11-18"),
          row("序号", "工作任务", "牵头单位", "完成时限", "完成情况", "完成日期", "责任科室"),
          row(1, "安全培训", "综采一队", "2026-11-10", "进行中", null, "安全科"),
          row(2, "设备检修", "机电科", "2026-11-19", "未开始", null, "机电科"),
          row(3, "月度总结", "综采一队", "2026-11-05", "已完成", "2026-11-08", "办公室"),
          row(4, "隐患排查", "机电科", "2026-11-30", "暂缓", null, "安全科"),
          row(5, "应急演练", null, "2026-12-10", "未开始", null, "调度室"),
          row(6, "值班安排", "通风区", "2026-11-25", "已完成", null, "调度室"),
        ],
      },
      { name: "汇总", merges: [], rows: [row("我自己的汇总")] },
    ],
  };
}

/** A workbook with no task table in it. */
export function notesWorkbook(): WorkbookModel {
  return { fileName: "说明.xlsx", sheets: [{ name: "说明", merges: [], rows: [row("本周工作安排见附件")] }] };
}

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

export class FakeHost implements PaneHost {
  readonly kind = "workbench";
  stored: SettingsInput | undefined;
  readonly saved: SettingsInput[] = [];
  readonly checks: Array<{ asOf: Day; settings: Settings; signal: AbortSignal }> = [];
  readonly writes: Array<{ result: CheckResult; locale: Locale }> = [];
  readonly selected: Array<[sheet: string, cell: string]> = [];
  clears = 0;
  /** The files of each merge, by name. */
  readonly merges: string[][] = [];
  undos = 0;
  /** The locale of each request for notice files. */
  readonly noticeRequests: Locale[] = [];
  /** A check that waits until it is cancelled. */
  slow = false;
  /** Thrown by the next check. */
  failCheck: unknown;
  /** Cells (H12) the person edited since the last merge: undoing it is refused, naming them. */
  editedSinceMerge: string[] = [];
  /** The workbook before the last merge that changed something, for undoing it. */
  private beforeMerge: { readonly workbook: WorkbookModel; readonly undo: MergeToUndo } | undefined;

  constructor(
    public workbook: WorkbookModel,
    stored?: SettingsInput,
  ) {
    this.stored = clone(stored);
  }

  async loadSettings(): Promise<SettingsInput | undefined> {
    return clone(this.stored);
  }

  async saveSettings(settings: SettingsInput): Promise<void> {
    this.saved.push(clone(settings));
    this.stored = clone(settings);
  }

  async sheetNames(): Promise<string[]> {
    return this.workbook.sheets.filter((sheet) => !sheet.hidden).map((sheet) => sheet.name);
  }

  async rowTexts(sheet: string, row: number): Promise<string[]> {
    const grid = this.workbook.sheets.find((s) => s.name === sheet);
    if (!grid) throw new HostError("input", `no sheet ${sheet}`);
    return (grid.rows[row - 1] ?? []).map((cell) => cellText(cell));
  }

  async check(options: HostOperation & { asOf: Day; settings: Settings }): Promise<CheckResult> {
    const { asOf, settings, signal, onProgress } = options;
    this.checks.push({ asOf, settings, signal });
    onProgress({ phase: "reading", done: 0, total: 1 });
    if (this.failCheck !== undefined) throw this.failCheck;
    if (this.slow) {
      await new Promise<never>((_, reject) =>
        signal.addEventListener("abort", () => reject(new HostError("cancelled")), { once: true }),
      );
    }
    return checkWorkbook(this.workbook, {
      asOf,
      settings,
      onProgress: (done, total) => onProgress({ phase: "checking", done, total }),
    });
  }

  async writeResults(
    result: CheckResult,
    options: HostOperation & { settings: Settings; locale: Locale },
  ): Promise<{ sheets: readonly string[] }> {
    this.writes.push({ result, locale: options.locale });
    options.onProgress({ phase: "writing", done: 1, total: 1 });
    const taken = new Set(this.workbook.sheets.map((s) => s.name));
    const names = CATALOGUES[options.locale].output.sheetNames;
    return {
      sheets: [names.issues, names.summary, names.ranking, names.notices].map((name) =>
        taken.has(name) ? `${name} (2)` : name,
      ),
    };
  }

  async clear(): Promise<void> {
    this.clears++;
  }

  async selectCell(sheet: string, cell: string): Promise<void> {
    this.selected.push([sheet, cell]);
  }

  /** The engine's merge over the workbook in memory, the returns read as the Excel host reads them. */
  async mergeFeedback(returns: readonly ReturnedWorkbook[], options: MergeOperation): Promise<MergeDone> {
    const { asOf, settings, locale, onProgress } = options;
    this.merges.push(returns.map((file) => file.name));
    onProgress({ phase: "reading", done: 0, total: returns.length });
    const result = checkWorkbook(this.workbook, { asOf, settings });
    const answered = [];
    for (const file of returns) {
      const read = await readReturnedWorkbook(file, locale);
      if ("reason" in read) {
        answered.push(read);
        continue;
      }
      const answers = readAnswers(read, settings);
      answered.push(
        "skipped" in answers ? { file: file.name, reason: answers.skipped } : { file: file.name, answers },
      );
    }
    const outcome = mergeAnswers({ workbook: this.workbook, result }, answered);
    if (outcome.changes.length > 0) {
      const undo = { cells: outcome.changes.length, ...(outcome.round ? { round: outcome.round } : {}) };
      this.beforeMerge = { workbook: this.workbook, undo };
      this.workbook = applyChanges(this.workbook, result.sheet, outcome.changes);
    }
    const after = checkWorkbook(this.workbook, { asOf, settings, keyRows: mergedRows(outcome) });
    const feedback = CATALOGUES[locale].output.sheetNames.feedback;
    const { sheets } = await this.writeResults(after, options);
    return { outcome, result: after, sheets: [...sheets, feedback], feedbackSheet: feedback };
  }

  async mergeToUndo(): Promise<MergeToUndo | undefined> {
    return this.beforeMerge?.undo;
  }

  async undoMerge(options: MergeOperation): Promise<UndoDone> {
    this.undos++;
    const before = this.beforeMerge;
    if (!before) throw new HostError("input", "no merge to undo");
    if (this.editedSinceMerge.length > 0)
      return { kind: "edited", sheet: TASK_SHEET, cells: [...this.editedSinceMerge] };
    this.workbook = before.workbook;
    this.beforeMerge = undefined;
    const result = checkWorkbook(this.workbook, { asOf: options.asOf, settings: options.settings });
    const { sheets } = await this.writeResults(result, options);
    return { kind: "undone", cells: before.undo.cells, result, sheets };
  }

  /** The workbook in memory checked, and each unit's notice file made by `make`, as the Excel host does. */
  async noticeFiles(options: MergeOperation, make: NoticeMaker): Promise<readonly NoticeFileOut[]> {
    const { asOf, settings, locale, onProgress } = options;
    this.noticeRequests.push(locale);
    onProgress({ phase: "reading", done: 0, total: 1 });
    const result = checkWorkbook(this.workbook, { asOf, settings });
    return make(result, this.workbook, { settings, locale });
  }
}
