// The thread that parses back the large parts a write sets (see verifyOnWorker in node-codec.ts): the main
// thread goes on generating the next sheet meanwhile. It answers each part with nothing, or with why the part
// is not well-formed.

import { isUtf8 } from "node:buffer";
import { parentPort } from "node:worker_threads";
import { checkWellFormed } from "./reader/scan";
import { XmlPartError } from "./xml";

export interface VerifyRequest {
  readonly id: number;
  readonly name: string;
  readonly bytes: Uint8Array;
}

export type VerifyAnswer =
  | { readonly id: number; readonly ok: true }
  | {
      readonly id: number;
      readonly ok: false;
      readonly kind: "malformed" | "doctype";
      readonly detail: string;
    }
  /** Something other than the part's XML went wrong: the main thread checks the part itself. */
  | { readonly id: number; readonly ok: false; readonly failed: string };

parentPort?.on("message", ({ id, name, bytes }: VerifyRequest) => {
  let answer: VerifyAnswer;
  try {
    checkWellFormed(bytes, name, (data) => isUtf8(data));
    answer = { id, ok: true };
  } catch (error) {
    answer =
      error instanceof XmlPartError
        ? { id, ok: false, kind: error.kind, detail: error.detail }
        : { id, ok: false, failed: String(error) };
  }
  parentPort!.postMessage(answer);
});
