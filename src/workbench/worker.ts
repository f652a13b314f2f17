// The workbench's Web Worker: ExcelJS, the engine and the xlsx writer run here, off the page's thread.
// Messages are typed in protocol.ts; the work itself is service.ts.

import type { WorkerReply, WorkerRequest } from "./protocol";
import { createWorkbenchService } from "./service";

/** The worker's global scope, as far as it is used here (the DOM typings describe a window instead). */
interface WorkerScope {
  postMessage(message: WorkerReply, transfer: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
const service = createWorkbenchService((reply, transfer) => scope.postMessage(reply, transfer ?? []));
scope.onmessage = (event) => void service.receive(event.data);
