// Props and state of the workbench page.

import type { Day, Locale } from "../../core";
import type { WorkbenchHost, WorkbookOutput } from "../host";
import type { WorkbenchWords } from "../i18n";
import type { CellView, WorkerLike } from "../protocol";
import type { MergeRequest } from "../../taskpane/Pane/Pane.types";

export interface WorkbenchProps {
  /** Makes the Web Worker (index.tsx: the bundled worker.ts; tests: a fake). */
  readonly spawn: () => WorkerLike;
  readonly initialLocale: Locale;
  /** The as-of date's default; the page reads no clock of its own. */
  readonly today: Day;
  /** Light or dark; without it, as the system is set (prefers-color-scheme), following changes. */
  readonly theme?: "light" | "dark";
}

/** The workbook open in the page. */
export interface Session {
  /** Counts the files opened, so the pane starts afresh with each. */
  readonly id: number;
  readonly host: WorkbenchHost;
  readonly name: string;
  readonly size: number;
  readonly sheets: readonly string[];
}

export type OpenProblem =
  | { readonly kind: "input"; readonly sentences: Readonly<Record<Locale, string>> }
  | { readonly kind: "failed"; readonly detail: string }
  /** Several files, all of them returned notices: there is no master to merge them into. */
  | { readonly kind: "noMaster"; readonly files: readonly string[] };

export interface WorkbenchState {
  readonly locale: Locale;
  readonly words: WorkbenchWords;
  readonly today: Day;
  readonly session: Session | undefined;
  /** The files being read (the master, or the files to choose it from), until it is open or fails. */
  readonly opening: readonly string[] | undefined;
  /** Returned workbooks for the pane to merge into the workbook open (dropped or chosen with it). */
  readonly mergeRequest: MergeRequest | undefined;
  readonly openProblem: OpenProblem | undefined;
  readonly output: WorkbookOutput | undefined;
  /** The last check's id: a checked workbook written from another one is out of date. */
  readonly lastCheckId: number | undefined;
  readonly cell: CellView | undefined;
  /** Files are being dragged over the page. */
  readonly dragging: boolean;
}

export interface WorkbenchActions {
  readonly setLocale: (locale: Locale) => void;
  readonly openFile: (file: File) => void;
  /** One file to open, or a master and its returns, or returns to merge into the workbook open. */
  readonly openFiles: (files: readonly File[]) => void;
  readonly cancelOpen: () => void;
  readonly dismissOpenProblem: () => void;
  /** Shows a cell, as a finding or a link in a preview asks. */
  readonly showCell: (sheet: string, cell: string) => void;
}

/** What useOpenWorkbook keeps: the workbook open in the page and what its host told the page. */
export type OpenWorkbookState = Pick<
  WorkbenchState,
  "session" | "opening" | "mergeRequest" | "openProblem" | "output" | "lastCheckId" | "cell"
>;

export type OpenWorkbookActions = Omit<WorkbenchActions, "setLocale">;
