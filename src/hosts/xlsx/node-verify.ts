// Parsing back a large written part on a worker thread (Node only). A large check writes tens of megabytes of
// generated sheets, and parsing each back took a quarter of a second of the main thread at the end of the
// write, while the deflates on zlib's threads had long finished. On a worker, each part is checked while the
// main thread writes the next one; toBytesAsync waits for the answers.

import { isUtf8 } from "node:buffer";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { Worker } from "node:worker_threads";
import { checkWellFormed } from "./reader/scan";
import type { VerifyAnswer, VerifyRequest } from "./verify-worker";
import { XmlPartError } from "./xml";

/**
 * The worker's script, beside this module's compiled file: dist/src/hosts/xlsx/ for tsc's output, dist/cli/
 * for the bundled command line (webpack.cli.config.js builds it there). Run from TypeScript sources (jest),
 * there is none, and parts are checked on the calling thread.
 */
const SCRIPT = path.join(__dirname, "verify-worker.js");

interface Pending {
  readonly name: string;
  readonly bytes: Uint8Array;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

let worker: Worker | undefined;
/** The worker could not start, or died: every part from then on is checked on the calling thread. */
let unavailable = false;
let nextId = 0;
const pending = new Map<number, Pending>();

/** checkWellFormed, as the worker runs it. @throws XmlPartError */
function checkHere(bytes: Uint8Array, name: string): void {
  checkWellFormed(bytes, name, (data) => isUtf8(data));
}

function settleHere(entry: Pending): void {
  try {
    checkHere(entry.bytes, entry.name);
    entry.resolve();
  } catch (error) {
    entry.reject(error);
  }
}

function startWorker(): Worker | undefined {
  if (worker || unavailable) return worker;
  if (!existsSync(SCRIPT)) {
    unavailable = true;
    return undefined;
  }
  try {
    worker = new Worker(SCRIPT);
  } catch {
    unavailable = true;
    return undefined;
  }
  worker.on("message", (answer: VerifyAnswer) => {
    const entry = pending.get(answer.id);
    if (!entry) return;
    pending.delete(answer.id);
    if (pending.size === 0) worker?.unref();
    if (answer.ok) entry.resolve();
    else if ("failed" in answer) settleHere(entry);
    else entry.reject(new XmlPartError(entry.name, answer.kind, answer.detail));
  });
  // A worker that dies leaves its parts to this thread: a write is never refused for the worker's sake.
  const fail = () => {
    unavailable = true;
    worker = undefined;
    const left = [...pending.values()];
    pending.clear();
    left.forEach(settleHere);
  };
  worker.on("error", fail);
  worker.on("exit", fail);
  worker.unref();
  return worker;
}

/**
 * Parses `bytes` back as checkWellFormed does, on the worker where there is one; rejects with XmlPartError.
 * The bytes are copied to the worker: the caller keeps them (they are deflated and written meanwhile).
 */
export function verifyOnWorker(bytes: Uint8Array, name: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const entry: Pending = { name, bytes, resolve, reject };
    const thread = startWorker();
    if (!thread) {
      settleHere(entry);
      return;
    }
    const id = nextId++;
    pending.set(id, entry);
    // Held by the worker while it has work, so that the process waits for the answer.
    thread.ref();
    const copy = bytes.slice();
    const request: VerifyRequest = { id, name, bytes: copy };
    thread.postMessage(request, [copy.buffer]);
  });
}
