// The task pane's host in the workbench: the PaneHost contract kept by a Web Worker that holds an .xlsx file
// (protocol.ts, service.ts), plus what the workbench page needs besides the pane: opening a file, the
// workbooks to download, the previews of the generated sheets, and the cell a finding points at.
//
// Cancelling ends the worker: its work is synchronous (the engine, the writer), so it could not hear a
// message before it finished. The host rejects what was running with HostError("cancelled") at once, and
// starts a new worker that opens the same file again, with the settings saved and the clearing done since,
// so the next request finds the workbook as the person left it.

import type { CheckResult } from "../core/check";
import type { Finding } from "../core/findings";
import type { Day } from "../core/day";
import type { Locale, SettingsInput } from "../core/settings";
import { TableError } from "../core/table/locate";
import { HostError, type HostOperation, type HostProgress, type PaneHost } from "../hosts/contract";
import type {
  CellView,
  PreviewSet,
  ReplyValues,
  RequestBodies,
  RequestType,
  WireError,
  WorkerLike,
  WorkerReply,
  WorkerRequest,
} from "./protocol";

export const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const XLSM_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.12";

/** A file that cannot be opened as a workbook: the sentence that says why and what to do, per language. */
export class WorkbookOpenError extends HostError {
  constructor(
    readonly problem: string,
    readonly sentences: Readonly<Record<Locale, string>>,
  ) {
    super("input", sentences["en-US"]);
    this.name = "WorkbookOpenError";
  }
}

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
  subscribe(listener: (event: WorkbenchEvent) => void): () => void;
  /** Ends the worker; whatever was running is rejected as cancelled. */
  dispose(): void;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly onProgress: ((progress: HostProgress) => void) | undefined;
  readonly done: () => void;
}

/** `tasks.xlsx` → `tasks-checked.xlsx` (an .xlsm keeps its extension: its macros are still in it). */
export function outputName(fileName: string, suffix: string): string {
  const match = /^(.*?)(\.xlsx|\.xlsm)?$/i.exec(fileName.trim())!;
  const base = match[1] || "workbook";
  return `${base}-${suffix}${(match[2] ?? ".xlsx").toLowerCase()}`;
}

export function errorFromWire(error: WireError): Error {
  switch (error.kind) {
    case "input":
      return new WorkbookOpenError(error.problem, error.sentences);
    case "table":
      return new TableError(error.problem);
    case "host":
      return new HostError(error.hostKind, error.detail);
  }
}

/** A real Worker as the host's WorkerLike. */
export function workerLike(worker: Worker): WorkerLike {
  const like: WorkerLike = {
    postMessage: (message, transfer) => worker.postMessage(message, transfer),
    onmessage: null,
    onerror: null,
    terminate: () => worker.terminate(),
  };
  worker.onmessage = (event: MessageEvent<WorkerReply>) => like.onmessage?.(event);
  worker.onerror = (event) => {
    event.preventDefault();
    like.onerror?.({ message: event.message });
  };
  return like;
}

/** The host over workers made by `spawn` (one at a time; a new one after each cancel). */
export function createWorkbenchHost(spawn: () => WorkerLike): WorkbenchHost {
  let worker: WorkerLike | undefined;
  /** Settles once a new worker has been sent the file again (requests wait for it, to come after). */
  let ready: Promise<void> = Promise.resolve();
  let file: { readonly blob: Blob; readonly name: string } | undefined;
  let savedSettings: SettingsInput | undefined;
  let cleared = false;
  let disposed = false;
  let nextId = 1;
  /** Numbers the checks across workers, so a workbook written from an earlier check is known as such. */
  let checks = 0;
  const pending = new Map<number, Pending>();
  const listeners = new Set<(event: WorkbenchEvent) => void>();
  const checkIds = new WeakMap<CheckResult, number>();

  const emit = (event: WorkbenchEvent) => {
    for (const listener of [...listeners]) listener(event);
  };

  function receive(reply: WorkerReply): void {
    const entry = pending.get(reply.id);
    if (!entry) return; // an answer to a request replayed into a new worker, or one given up
    if (reply.type === "progress") {
      entry.onProgress?.(reply.progress);
      return;
    }
    pending.delete(reply.id);
    entry.done();
    if (reply.type === "done") entry.resolve(reply.value);
    else entry.reject(errorFromWire(reply.error));
  }

  function failAll(error: unknown): void {
    const entries = [...pending.values()];
    pending.clear();
    for (const entry of entries) {
      entry.done();
      entry.reject(error);
    }
  }

  function post<K extends RequestType>(
    target: WorkerLike,
    type: K,
    body: RequestBodies[K],
    transfer: Transferable[] = [],
  ): number {
    const id = nextId++;
    target.postMessage({ type, id, ...body } as WorkerRequest, transfer);
    return id;
  }

  /** The current worker, or a new one given the file again. */
  function ensureWorker(): WorkerLike {
    if (worker) return worker;
    const created = spawn();
    worker = created;
    created.onmessage = (event) => {
      if (worker === created) receive(event.data);
    };
    created.onerror = (event) => {
      if (worker !== created) return;
      stop();
      failAll(new HostError("unexpected", event.message || "the workbench's worker failed"));
    };
    const opened = file;
    ready = opened ? replay(created, opened) : Promise.resolve();
    return created;
  }

  /** Sends a new worker what the old one had: the file, then what changed it. Answers are not awaited. */
  async function replay(target: WorkerLike, opened: { blob: Blob; name: string }): Promise<void> {
    let bytes: ArrayBuffer;
    try {
      bytes = await opened.blob.arrayBuffer();
    } catch (error) {
      // The browser lets a picked file be read only while it is unchanged on disk.
      throw new HostError(
        "unexpected",
        `${opened.name}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (worker !== target) return;
    post(target, "open", { bytes, name: opened.name }, [bytes]);
    if (cleared) post(target, "clear", {});
    if (savedSettings !== undefined) post(target, "saveSettings", { settings: savedSettings });
  }

  function stop(): void {
    const old = worker;
    worker = undefined;
    ready = Promise.resolve();
    old?.terminate();
  }

  /** Cancels: ends the worker, rejects what was waiting, and starts again with the file in the background. */
  function restart(): void {
    stop();
    failAll(new HostError("cancelled"));
    if (file && !disposed) ensureWorker();
  }

  async function send<K extends RequestType>(
    type: K,
    body: RequestBodies[K],
    options: Partial<HostOperation> = {},
    transfer: Transferable[] = [],
  ): Promise<ReplyValues[K]> {
    const { signal, onProgress } = options;
    let target: WorkerLike;
    for (;;) {
      if (disposed || signal?.aborted) throw new HostError("cancelled");
      target = ensureWorker();
      const replayed = ready;
      await replayed;
      // A cancel meanwhile may have started another worker: wait for that one's replay instead.
      if (worker === target && ready === replayed) break;
    }
    if (disposed || signal?.aborted) throw new HostError("cancelled");
    return new Promise<ReplyValues[K]>((resolve, reject) => {
      const onAbort = () => {
        if (pending.has(id)) restart();
      };
      const id = post(target, type, body, transfer);
      pending.set(id, {
        resolve: resolve as (value: unknown) => void,
        reject,
        onProgress,
        done: () => signal?.removeEventListener("abort", onAbort),
      });
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  return {
    kind: "workbench",

    async open(blob, name, options) {
      // A new file: the old worker and everything it held go.
      file = undefined;
      savedSettings = undefined;
      cleared = false;
      stop();
      failAll(new HostError("cancelled"));
      const bytes = await blob.arrayBuffer();
      const value = await send("open", { bytes, name }, options, [bytes]);
      file = { blob, name };
      return value;
    },

    loadSettings: () => send("loadSettings", {}),

    async saveSettings(settings) {
      await send("saveSettings", { settings });
      savedSettings = settings;
    },

    sheetNames: async () => [...(await send("sheetNames", {}))],

    rowTexts: async (sheet, row) => [...(await send("rowTexts", { sheet, row }))],

    async check({ asOf, settings, signal, onProgress }) {
      const { checkId, result: slim } = await send(
        "check",
        { asOf, settings, checkId: ++checks },
        { signal, onProgress },
      );
      // The rows and the highlights' keys stay in the worker (see SlimCheckResult); the pane reads neither.
      const { findingsJson, ...rest } = slim;
      const findings: Finding[] = [];
      const decoder = new TextDecoder();
      for (const piece of findingsJson) {
        findings.push(...(JSON.parse(decoder.decode(piece)) as Finding[]));
        // A task of its own for each piece: the page draws between them (see SlimCheckResult).
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      const result: CheckResult = { ...rest, findings, rows: [], highlightKeys: { columns: [], rows: {} } };
      checkIds.set(result, checkId);
      emit({ type: "checked", checkId });
      return result;
    },

    async writeResults(result, { settings, locale, signal, onProgress }) {
      const checkId = checkIds.get(result);
      const written = await send(
        "writeResults",
        { checkId, asOf: result.asOf, checkSettings: settings, settings, locale },
        { signal, onProgress },
      );
      const name = file?.name ?? result.fileName;
      emit({
        type: "output",
        output: {
          kind: "checked",
          blob: new Blob([written.bytes], { type: /\.xlsm$/i.test(name) ? XLSM_TYPE : XLSX_TYPE }),
          fileName: outputName(name, "checked"),
          sheets: written.sheets,
          previews: written.previews,
          asOf: result.asOf,
          locale,
          checkId,
        },
      });
      return { sheets: [...written.sheets] };
    },

    async clear() {
      const { bytes } = await send("clear", {});
      cleared = true;
      const name = file?.name ?? "workbook.xlsx";
      emit({
        type: "output",
        output: {
          kind: "cleared",
          blob: new Blob([bytes], { type: /\.xlsm$/i.test(name) ? XLSM_TYPE : XLSX_TYPE }),
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
      disposed = true;
      file = undefined;
      stop();
      failAll(new HostError("cancelled"));
      listeners.clear();
    },
  };
}
