// The messages between the workbench page and its Web Worker, which holds the opened workbook (its bytes and
// the engine's model of it) and runs ExcelJS, the engine and the xlsx writer, so the page never freezes.
//
// Every request carries an id; the worker answers it with progress reports, then one "done" or "failed".
// Requests are handled one at a time, in the order sent. Cancelling is the host's: it stops waiting, ends
// the worker and starts a new one with the same workbook (see host.ts), so no request needs a cancel path.

import type { CheckResult } from "../core/check";
import type { Day } from "../core/day";
import type { MergeOutcome } from "../core/feedback/types";
import type { GeneratedKind, CellStyle, DataBar, SpecRow, StyleName } from "../core/output/spec";
import type { Locale, Settings, SettingsInput } from "../core/settings";
import type { TableProblem } from "../core/table/locate";
import type { CellRange } from "../core/workbook";
import type { HostError, HostProgress, MergeToUndo } from "../hosts/contract";

/** Rows of a generated sheet the page shows; the downloaded workbook has them all. */
export const PREVIEW_ROWS = 200;

/**
 * A check's result without its rows and the highlights' keys. Rows can be 100,000 objects, and copying them
 * to the page would cost the page's thread the time the worker saves it; the pane reads findings, summary,
 * ranking, notices and where the table is, never the rows or the keys. The worker keeps the whole result
 * for writing. The findings travel as JSON in UTF-8, a few thousand a piece, moved rather than copied: making
 * 30,000 of them on the page's thread takes it a fifth of a second, so the page takes them piece by piece
 * and lets the browser draw between pieces.
 */
export type SlimCheckResult = Omit<CheckResult, "rows" | "highlightKeys" | "findings"> & {
  readonly findingsJson: readonly ArrayBuffer[];
};

/** Findings per piece of SlimCheckResult.findingsJson: a piece takes the page's thread about 10 ms. */
export const FINDINGS_PER_PIECE = 2000;

/** The first rows of a generated sheet, as the page draws them. */
export interface SheetPreview {
  /** The name the sheet got in the workbook (汇总, or 汇总 (2) when the person has a sheet of that name). */
  readonly name: string;
  readonly kind: GeneratedKind;
  /** Column widths in characters. */
  readonly columns: readonly number[];
  /** The first PREVIEW_ROWS rows. */
  readonly rows: readonly SpecRow[];
  /** How many rows the sheet has. */
  readonly totalRows: number;
  /** Merged ranges that start within the rows shown, cut at the last row shown. */
  readonly merges: readonly CellRange[];
  readonly dataBars: readonly DataBar[];
  readonly freezeRows: number;
}

export interface PreviewSet {
  /** The generated sheets' styles, with the highlight colours of the settings written with. */
  readonly styles: Readonly<Record<StyleName, CellStyle>>;
  readonly sheets: readonly SheetPreview[];
}

/** A few rows of a sheet around one cell, as text: what the page shows for "show me this cell". */
export interface CellView {
  readonly sheet: string;
  /** As asked: `D14`. */
  readonly cell: string;
  /** 1-based. */
  readonly row: number;
  /** 0-based. */
  readonly column: number;
  /** 0-based: the first column of `rows`. */
  readonly firstColumn: number;
  /** The task table's header row when the sheet is the task sheet and the header is not among `rows`. */
  readonly header?: ViewRow;
  readonly rows: readonly ViewRow[];
}

export interface ViewRow {
  /** 1-based. */
  readonly row: number;
  readonly texts: readonly string[];
}

/** A file sent to the worker as bytes, which the worker takes over. */
export interface FileBytes {
  readonly name: string;
  readonly bytes: ArrayBuffer;
}

/** What a dropped file is: a unit's returned notice, another workbook, or no workbook Duban can read. */
export type FileKind = "notice" | "workbook" | "unreadable";

/** What each request sends besides its id and type. */
export interface RequestBodies {
  /** Reads the bytes (the worker takes them over) as a workbook; they stay the worker's workbook. */
  open: { readonly bytes: ArrayBuffer; readonly name: string };
  loadSettings: Record<string, never>;
  /** Writes the settings into the worker's copy of the workbook (its very hidden settings sheet). */
  saveSettings: { readonly settings: SettingsInput };
  sheetNames: Record<string, never>;
  rowTexts: { readonly sheet: string; readonly row: number };
  /** `checkId` is the host's, unique across the workers it starts: writeResults names the check by it. */
  check: { readonly asOf: Day; readonly settings: Settings; readonly checkId: number };
  /**
   * Writes the check `checkId` into a copy of the workbook. If the worker no longer holds that check (it was
   * started afresh after a cancel), it checks again with `asOf` and `checkSettings`, which give the same.
   */
  writeResults: {
    readonly checkId: number | undefined;
    readonly asOf: Day;
    readonly checkSettings: Settings;
    readonly settings: Settings;
    readonly locale: Locale;
  };
  /** Takes Duban's highlights and generated sheets out of the worker's workbook. */
  clear: Record<string, never>;
  cellView: { readonly sheet: string; readonly cell: string };
  /** Tells the returned notices among dropped files from the master; needs no workbook open. */
  classify: { readonly files: readonly FileBytes[] };
  /**
   * Merges the returned workbooks into the worker's workbook (its task sheet's cells change, as in Excel) and
   * checks the merged table as `checkId`; writeResults for that check then adds the Feedback sheet.
   */
  merge: {
    readonly returns: readonly FileBytes[];
    readonly asOf: Day;
    readonly settings: Settings;
    readonly locale: Locale;
    readonly checkId: number;
  };
  mergeToUndo: Record<string, never>;
  /** Puts the workbook back as it was before the last merge, and checks it as `checkId`. */
  undoMerge: { readonly asOf: Day; readonly settings: Settings; readonly checkId: number };
  /** Checks the worker's workbook as it is now and makes each unit's answerable notice file. */
  noticeFiles: { readonly asOf: Day; readonly settings: Settings; readonly locale: Locale };
}

/** What each request answers with. */
export interface ReplyValues {
  open: { readonly sheets: readonly string[] };
  loadSettings: SettingsInput | undefined;
  saveSettings: null;
  sheetNames: readonly string[];
  rowTexts: readonly string[];
  check: { readonly checkId: number; readonly result: SlimCheckResult };
  /** `bytes` is transferred: the checked workbook, as `duban check --out` writes it. */
  writeResults: {
    readonly bytes: ArrayBuffer;
    readonly sheets: readonly string[];
    readonly previews: PreviewSet;
  };
  /** `bytes` is transferred: the workbook as it is now, without what Duban had added. */
  clear: { readonly bytes: ArrayBuffer };
  cellView: CellView;
  /** One kind per file, in order. */
  classify: readonly FileKind[];
  merge: { readonly checkId: number; readonly result: SlimCheckResult; readonly outcome: MergeOutcome };
  mergeToUndo: MergeToUndo | undefined;
  undoMerge: { readonly checkId: number; readonly result: SlimCheckResult; readonly cells: number };
  /** Each file's `bytes` is transferred. */
  noticeFiles: { readonly files: ReadonlyArray<{ readonly unit: string; readonly bytes: ArrayBuffer }> };
}

export type RequestType = keyof RequestBodies & keyof ReplyValues;

export type WorkerRequest = {
  [K in RequestType]: { readonly type: K; readonly id: number } & RequestBodies[K];
}[RequestType];

export type RequestOf<K extends RequestType> = Extract<WorkerRequest, { readonly type: K }>;

/** A failure as data: the page turns it back into the error the pane words (see host.ts). */
export type WireError =
  /** The file is not a workbook Duban can read: the sentence that says why and what to do, in both languages. */
  | { readonly kind: "input"; readonly problem: string; readonly sentences: Readonly<Record<Locale, string>> }
  /** The engine found no usable task table (core TableError). */
  | { readonly kind: "table"; readonly problem: TableProblem }
  | { readonly kind: "host"; readonly hostKind: HostError["kind"]; readonly detail: string };

export type DoneReply = {
  [K in RequestType]: {
    readonly type: "done";
    readonly id: number;
    readonly request: K;
    readonly value: ReplyValues[K];
  };
}[RequestType];

export type WorkerReply =
  | { readonly type: "progress"; readonly id: number; readonly progress: HostProgress }
  | DoneReply
  | { readonly type: "failed"; readonly id: number; readonly error: WireError };

/** The worker as the host sees it: a real Worker (see workerLike) or a fake in tests. */
export interface WorkerLike {
  postMessage(message: WorkerRequest, transfer: Transferable[]): void;
  onmessage: ((event: { readonly data: WorkerReply }) => void) | null;
  /** The worker's script failed (it could not load, or threw outside a request). */
  onerror: ((event: { readonly message?: string }) => void) | null;
  terminate(): void;
}
