// The task pane's host in the workbench: the PaneHost contract kept by a Web Worker that holds an .xlsx file
// (protocol.ts, service.ts), plus what the workbench page needs besides the pane: opening a file, the
// workbooks to download, the previews of the generated sheets, and the cell a finding points at. The worker
// itself, its requests and cancelling are worker-channel.ts's.

import type { CheckResult } from "../core/check";
import type { Finding } from "../core/findings";
import type { Day } from "../core/day";
import type { Locale } from "../core/settings";
import type { HostOperation, MergeOperation, PaneHost } from "../hosts/contract";
import type { CellView, FileKind, PreviewSet, ReplyValues, SlimCheckResult, WorkerLike } from "./protocol";
import { createWorkerChannel, type MergeStep, type WorkerMemory } from "./worker-channel";

export { WorkbookOpenError } from "./open-error";
export { workerLike } from "./worker-channel";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.12";

/** A workbook the page offers for download. */
export type WorkbookOutput =
  | {
      readonly kind: "checked";
      readonly blob: Blob;
      /** `tasks-checked.xlsx` for `tasks.xlsx`. */
      readonly fileName: string;
      /** The generated sheets' names, in tab order. */
      readonly sheets: readonly string[];
      readonly previews: PreviewSet;
      readonly asOf: Day;
      /** The language the generated sheets were written in. */
      readonly locale: Locale;
      /** The check it was written from (see the "checked" event). */
      readonly checkId: number | undefined;
    }
  | { readonly kind: "cleared"; readonly blob: Blob; readonly fileName: string };

export type WorkbenchEvent =
  /** A check finished; a workbook written from an earlier check is out of date. */
  | { readonly type: "checked"; readonly checkId: number }
  | { readonly type: "output"; readonly output: WorkbookOutput }
  /** The pane asked to show a cell (a finding's). */
  | { readonly type: "cell"; readonly view: CellView };

export interface WorkbenchHost extends PaneHost {
  readonly kind: "workbench";
  /**
   * Reads the file as a workbook in the worker; it is the workbook of every later request.
   * @throws WorkbookOpenError when it is not a workbook Duban can read; HostError("cancelled")
   */
  open(
    file: Blob,
    name: string,
    options?: Partial<HostOperation>,
  ): Promise<{ readonly sheets: readonly string[] }>;
  /** What each file is (a returned notice, another workbook, unreadable), in order; no workbook need be open. */
  classify(files: readonly Blob[]): Promise<readonly FileKind[]>;
  subscribe(listener: (event: WorkbenchEvent) => void): () => void;
  /** Ends the worker; whatever was running is rejected as cancelled. */
  dispose(): void;
}

/** `tasks.xlsx` → `tasks-checked.xlsx` (an .xlsm keeps its extension: its macros are still in it). */
export function outputName(fileName: string, suffix: string): string {
  const match = /^(.*?)(\.xlsx|\.xlsm)?$/i.exec(fileName.trim())!;
  const base = match[1] || "workbook";
  return `${base}-${suffix}${(match[2] ?? ".xlsx").toLowerCase()}`;
}

/** A workbook's bytes to download, typed as the file it came from: an .xlsm keeps its macros. */
function workbookBlob(bytes: BlobPart, name: string): Blob {
  return new Blob([bytes], { type: /\.xlsm$/i.test(name) ? XLSM_TYPE : XLSX_TYPE });
}

/** The check as the pane reads it: the findings decoded, and the rows and highlights' keys left in the worker. */
async function paneResult({ findingsJson, ...rest }: SlimCheckResult): Promise<CheckResult> {
  const findings: Finding[] = [];
  const decoder = new TextDecoder();
  for (const piece of findingsJson) {
    findings.push(...(JSON.parse(decoder.decode(piece)) as Finding[]));
    // A task of its own for each piece: the page draws between them (see SlimCheckResult).
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return { ...rest, findings, rows: [], highlightKeys: { columns: [], rows: {} } };
}

/** The host over workers made by `spawn` (one at a time; a new one after each cancel). */
export function createWorkbenchHost(spawn: () => WorkerLike): WorkbenchHost {
  const memory: WorkerMemory = { file: undefined, cleared: false, savedSettings: undefined, merges: [] };
  const channel = createWorkerChannel(spawn, memory);
  const { send } = channel;
  /** Numbers the checks across workers, so a workbook written from an earlier check is known as such. */
  let checks = 0;
  const checkIds = new WeakMap<CheckResult, number>();
  const listeners = new Set<(event: WorkbenchEvent) => void>();

  const emit = (event: WorkbenchEvent) => {
    for (const listener of [...listeners]) listener(event);
  };

  /** A check's result as the pane takes it, numbered, and announced to the page. */
  const received = async (slim: SlimCheckResult, checkId: number): Promise<CheckResult> => {
    const result = await paneResult(slim);
    checkIds.set(result, checkId);
    emit({ type: "checked", checkId });
    return result;
  };

  /** Writes the check `checkId` into a copy to download, and offers it to the page. */
  const write = async (
    result: CheckResult,
    checkId: number | undefined,
    { settings, locale, signal, onProgress }: Omit<MergeOperation, "asOf">,
  ): Promise<ReplyValues["writeResults"]> => {
    const written = await send(
      "writeResults",
      { checkId, asOf: result.asOf, checkSettings: settings, settings, locale },
      { signal, onProgress },
    );
    const name = memory.file?.name ?? result.fileName;
    emit({
      type: "output",
      output: {
        kind: "checked",
        blob: workbookBlob(written.bytes, name),
        fileName: outputName(name, "checked"),
        sheets: written.sheets,
        previews: written.previews,
        asOf: result.asOf,
        locale,
        checkId,
      },
    });
    return written;
  };

  /**
   * A merge or undo, then its check written: remembered for a new worker only once both went through. A
   * failure or Cancel on the way starts the worker afresh from what is remembered, which is the workbook as
   * it was before: nothing half-done is left, as in Excel.
   */
  const mergeStep = async <T>(step: MergeStep, work: (changed: () => void) => Promise<T>): Promise<T> => {
    let changed = false;
    try {
      const value = await work(() => (changed = true));
      memory.merges.push(step);
      return value;
    } catch (error) {
      if (changed) channel.cancel();
      throw error;
    }
  };

  return {
    kind: "workbench",

    async open(blob, name, options) {
      // A new file: the old worker and everything it held go.
      Object.assign(memory, { file: undefined, cleared: false, savedSettings: undefined, merges: [] });
      channel.cancel();
      const bytes = await blob.arrayBuffer();
      const value = await send("open", { bytes, name }, options, [bytes]);
      memory.file = { blob, name };
      return value;
    },

    loadSettings: () => send("loadSettings", {}),

    async saveSettings(settings) {
      await send("saveSettings", { settings });
      memory.savedSettings = settings;
    },

    sheetNames: async () => [...(await send("sheetNames", {}))],

    rowTexts: async (sheet, row) => [...(await send("rowTexts", { sheet, row }))],

    async check({ asOf, settings, signal, onProgress }) {
      const { checkId, result: slim } = await send(
        "check",
        { asOf, settings, checkId: ++checks },
        { signal, onProgress },
      );
      return received(slim, checkId);
    },

    async writeResults(result, options) {
      const written = await write(result, checkIds.get(result), options);
      return { sheets: [...written.sheets] };
    },

    async mergeFeedback(returns, options) {
      const { asOf, settings, locale, signal, onProgress } = options;
      const checkId = ++checks;
      const step: MergeStep = {
        kind: "merge",
        returns: returns.map(({ name, bytes }) => ({ name, blob: new Blob([bytes.slice()]) })),
        asOf,
        settings,
        locale,
        checkId,
      };
      return mergeStep(step, async (changed) => {
        const files = returns.map(({ name, bytes }) => ({ name, bytes: bytes.slice().buffer }));
        const merged = await send(
          "merge",
          { returns: files, asOf, settings, locale, checkId },
          { signal, onProgress },
          files.map((file) => file.bytes),
        );
        changed();
        const result = await received(merged.result, checkId);
        const written = await write(result, checkId, options);
        const feedback = written.previews.sheets.find((sheet) => sheet.kind === "feedback");
        return { outcome: merged.outcome, result, sheets: written.sheets, feedbackSheet: feedback?.name };
      });
    },

    mergeToUndo: () => send("mergeToUndo", {}),

    async undoMerge(options) {
      const { asOf, settings, signal, onProgress } = options;
      const checkId = ++checks;
      return mergeStep({ kind: "undo", asOf, settings, checkId }, async (changed) => {
        const undone = await send("undoMerge", { asOf, settings, checkId }, { signal, onProgress });
        changed();
        const result = await received(undone.result, checkId);
        const written = await write(result, checkId, options);
        return { kind: "undone", cells: undone.cells, result, sheets: written.sheets };
      });
    },

    async noticeFiles({ asOf, settings, locale, signal, onProgress }) {
      // The worker holds the workbook and the xlsx host: it makes the files itself, and `make` is not needed.
      const { files } = await send("noticeFiles", { asOf, settings, locale }, { signal, onProgress });
      return files.map(({ unit, bytes }) => ({ unit, bytes: new Uint8Array(bytes) }));
    },

    async classify(files) {
      const bodies = await Promise.all(
        files.map(async (file, i) => ({
          name: file instanceof File ? file.name : `file-${i + 1}.xlsx`,
          bytes: await file.arrayBuffer(),
        })),
      );
      return send(
        "classify",
        { files: bodies },
        {},
        bodies.map((body) => body.bytes),
      );
    },

    async clear() {
      const { bytes } = await send("clear", {});
      memory.cleared = true;
      const name = memory.file?.name ?? "workbook.xlsx";
      emit({
        type: "output",
        output: {
          kind: "cleared",
          blob: workbookBlob(bytes, name),
          fileName: outputName(name, "cleared"),
        },
      });
    },

    async selectCell(sheet, cell) {
      const view = await send("cellView", { sheet, cell });
      emit({ type: "cell", view });
    },

    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    dispose() {
      memory.file = undefined;
      channel.dispose();
      listeners.clear();
    },
  };
}
