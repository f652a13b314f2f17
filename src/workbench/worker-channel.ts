// Requests to the workbench's Web Worker and their answers: one worker at a time, each request waiting for its
// reply (with progress on the way), and a cancel that ends the worker and starts a new one.
//
// Cancelling ends the worker: its work is synchronous (the engine, the writer), so it could not hear a
// message before it finished. What was running is rejected with HostError("cancelled") at once, and a new
// worker opens the same file again, with the settings saved, the clearing done and the merges made and
// undone since (WorkerMemory), so the next request finds the workbook as the person left it.

import type { Day } from "../core/day";
import type { Locale, Settings, SettingsInput } from "../core/settings";
import { TableError } from "../core/table/locate";
import { HostError, type HostOperation, type HostProgress } from "../hosts/contract";
import type {
  FileBytes,
  ReplyValues,
  RequestBodies,
  RequestType,
  WireError,
  WorkerLike,
  WorkerReply,
  WorkerRequest,
} from "./protocol";
import { WorkbookOpenError } from "./open-error";

/** A merge or its undo, as the worker was asked for it, to be asked again of a new worker. */
export type MergeStep =
  | {
      readonly kind: "merge";
      readonly returns: ReadonlyArray<{ readonly blob: Blob; readonly name: string }>;
      readonly asOf: Day;
      readonly settings: Settings;
      readonly locale: Locale;
      readonly checkId: number;
    }
  | { readonly kind: "undo"; readonly asOf: Day; readonly settings: Settings; readonly checkId: number };

/** What the worker's workbook went through, kept by the host, for a new worker to be brought to the same point. */
export interface WorkerMemory {
  /** The file open in the worker; none before the first open has succeeded. */
  file: { readonly blob: Blob; readonly name: string } | undefined;
  cleared: boolean;
  savedSettings: SettingsInput | undefined;
  /**
   * The merges and undos, in order. Clearing and saving settings touch other parts of the workbook than a
   * merge's cells, so they are replayed before these, whatever their order was.
   */
  merges: MergeStep[];
}

export interface WorkerChannel {
  /** Sends a request once the worker has the file again; settles with the worker's answer. */
  send<K extends RequestType>(
    type: K,
    body: RequestBodies[K],
    options?: Partial<HostOperation>,
    transfer?: Transferable[],
  ): Promise<ReplyValues[K]>;
  /** Ends the worker and rejects what was waiting as cancelled; a new worker is given the remembered file. */
  cancel(): void;
  /** Ends the worker for good; what was waiting, and every later request, is cancelled. */
  dispose(): void;
}

interface Pending {
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
  readonly onProgress: ((progress: HostProgress) => void) | undefined;
  readonly done: () => void;
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

/** The channel over workers made by `spawn`; `memory` is read whenever a new worker starts. */
export function createWorkerChannel(spawn: () => WorkerLike, memory: Readonly<WorkerMemory>): WorkerChannel {
  let worker: WorkerLike | undefined;
  /** Settles once a new worker has been sent the file again (requests wait for it, to come after). */
  let ready: Promise<void> = Promise.resolve();
  let disposed = false;
  let nextId = 1;
  const pending = new Map<number, Pending>();

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
    const opened = memory.file;
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
    const steps = await Promise.all(
      memory.merges.map(async (step) => ({ step, returns: await filesOf(step) })),
    );
    if (worker !== target) return;
    post(target, "open", { bytes, name: opened.name }, [bytes]);
    if (memory.cleared) post(target, "clear", {});
    if (memory.savedSettings !== undefined) post(target, "saveSettings", { settings: memory.savedSettings });
    for (const { step, returns } of steps) {
      if (step.kind === "undo")
        post(target, "undoMerge", { asOf: step.asOf, settings: step.settings, checkId: step.checkId });
      else
        post(
          target,
          "merge",
          { returns, asOf: step.asOf, settings: step.settings, locale: step.locale, checkId: step.checkId },
          returns.map((file) => file.bytes),
        );
    }
  }

  /** A merge's returned files as bytes again (none for an undo). */
  async function filesOf(step: MergeStep): Promise<FileBytes[]> {
    if (step.kind === "undo") return [];
    return Promise.all(
      step.returns.map(async ({ blob, name }) => ({ name, bytes: await blob.arrayBuffer() })),
    );
  }

  function stop(): void {
    const old = worker;
    worker = undefined;
    ready = Promise.resolve();
    old?.terminate();
  }

  function cancel(): void {
    stop();
    failAll(new HostError("cancelled"));
    if (memory.file && !disposed) ensureWorker();
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
        if (pending.has(id)) cancel();
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
    send,
    cancel,
    dispose() {
      disposed = true;
      stop();
      failAll(new HostError("cancelled"));
    },
  };
}
