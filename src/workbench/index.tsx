// The workbench page's entry: the task pane over an .xlsx file, with ExcelJS, the engine and the writer in a
// Web Worker (worker.ts). No office.js: the page works in any browser, and offline once loaded.

import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { localDayOf } from "../core/day";
import { workerLike } from "./host";
import { initialLocale } from "./i18n";
import { Workbench } from "./Workbench/Workbench";

/**
 * webpack bundles worker.ts as a chunk of its own (with ExcelJS) from this exact form. The import.meta
 * line is for the web build (ES modules); the command line's tsc (CommonJS) type-checks this file too.
 */
function spawnWorker() {
  return workerLike(
    new Worker(
      /* webpackChunkName: "workbench-worker" */
      // @ts-ignore TS1343 under the CommonJS configs; webpack (tsconfig.web.json, ES2022) resolves it
      new URL("./worker.ts", import.meta.url),
    ),
  );
}

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <Workbench
      spawn={spawnWorker}
      initialLocale={initialLocale(window.location.search, navigator.language)}
      today={localDayOf(new Date())}
    />
  </StrictMode>,
);
