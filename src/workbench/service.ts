// What the workbench's worker does with each request, apart from the worker itself (worker.ts) so that tests
// run it in Node. It holds the opened workbook: its bytes, as they would be downloaded, and the engine's
// model of them, read once by the xlsx host; and the last check's whole result, for writing.
//
// The worker's copy of the workbook changes as the workbook in Excel would: saving settings writes them into
// its very hidden settings sheet (so the downloaded workbook carries them, as the add-in's workbook does),
// clearing takes out what Duban had added, and merging the units' answers writes them into the task sheet's
// cells (undoing the merge puts the workbook back as it was before). Writing the results never changes it:
// each download is the workbook as it is now plus the check, as `duban check --out` (or `duban merge`, with
// the Feedback sheet) writes it.

import {
  applyChanges,
  checkWorkbook,
  columnIndex,
  earlierMerges,
  mergedRows,
  NOTICE_RECORD_SHEET,
  readWorkbookSettings,
  SETTINGS_SHEET,
  settingsCells,
  specRowCount,
  specRows,
  TableError,
  type CellRange,
  type CheckResult,
  type Day,
  type MergeOutcome,
  type Settings,
  type SettingsInput,
  type SheetGrid,
  type SheetSpec,
  type SharedDone,
  type WorkbookModel,
} from "../core";
import { cellText } from "../core/values/text";
import {
  clearDuban,
  describeInputProblem,
  OpcPackage,
  readPackageRecord,
  readWorkbookBytes,
  sheetNames,
  WorkbookInputError,
  writeSettings,
} from "../hosts/xlsx/universal";
import { HostError, type HostProgress, type MergeToUndo } from "../hosts/contract";
import {
  FINDINGS_PER_PIECE,
  PREVIEW_ROWS,
  type CellView,
  type FileBytes,
  type FileKind,
  type ReplyValues,
  type RequestOf,
  type RequestType,
  type SheetPreview,
  type SlimCheckResult,
  type ViewRow,
  type WireError,
  type WorkerReply,
  type WorkerRequest,
} from "./protocol";

export type Post = (reply: WorkerReply, transfer?: Transferable[]) => void;

/** Progress reports at most this often (plus the last of each phase): enough for a bar, cheap for the page. */
const PROGRESS_INTERVAL_MS = 100;
/** Rows shown above and below a cell. */
const VIEW_RADIUS = 6;
/** Columns shown left of a cell, and at most in all. */
const VIEW_LEFT = 8;
const VIEW_COLUMNS = 24;

/** A workbook's bytes, as downloaded, and the engine's model of them. */
interface Copy {
  bytes: Uint8Array;
  model: WorkbookModel;
}

interface Opened extends Copy {
  readonly name: string;
  /** The last check, and the merge it follows when it is a merge's (its written copy gets the Feedback sheet). */
  last?: { readonly id: number; readonly result: CheckResult; readonly merge?: MergeOutcome };
  /** The workbook before the last merge that changed it: what undoMerge puts back. */
  beforeMerge?: Copy & {
    readonly undo: MergeToUndo;
    readonly mergedShared: readonly SharedDone[] | undefined;
  };
  /** The newest round merged here: the workbook's own record learns it only in a written copy. */
  mergedRound?: string;
  /**
   * The done answers to tasks of several units that the last merge here kept for the next one (the record's,
   * as mergeAnswers gives them back): the workbook's own record learns them only in a written copy.
   */
  mergedShared?: readonly SharedDone[];
}

interface Context {
  readonly progress: (progress: HostProgress) => void;
}

type Handlers = {
  [K in RequestType]: (request: RequestOf<K>, context: Context) => Promise<ReplyValues[K]> | ReplyValues[K];
};

/**
 * The worker's work: `receive` takes requests in order and answers each through `post`, one after another.
 * `now` is for the progress throttle (tests pass a fake clock).
 */
export function createWorkbenchService(post: Post, now: () => number = () => Date.now()) {
  const handlers = requestHandlers();

  /** Runs one request to its answer. */
  async function handle(request: WorkerRequest): Promise<void> {
    const { id } = request;
    try {
      const handler = handlers[request.type] as (
        request: WorkerRequest,
        context: Context,
      ) => Promise<ReplyValues[RequestType]> | ReplyValues[RequestType];
      const value = await handler(request, { progress: throttledProgress(post, id, now) });
      const transfer = transferables(value);
      post({ type: "done", id, request: request.type, value } as WorkerReply, transfer);
    } catch (error) {
      post({ type: "failed", id, error: wireError(error) });
    }
  }

  let queue: Promise<void> = Promise.resolve();
  return {
    /** Takes a request; it runs after those before it have been answered. */
    receive(request: WorkerRequest): Promise<void> {
      queue = queue.then(() => handle(request));
      return queue;
    },
  };
}

/** What each request does, over the one workbook the worker holds (opening another lets go of it). */
function requestHandlers(): Handlers {
  let opened: Opened | undefined;

  const workbook = (): Opened => {
    if (!opened) throw new HostError("unexpected", "no workbook is open");
    return opened;
  };

  return {
    async open({ bytes, name }, { progress }) {
      opened = undefined;
      progress({ phase: "reading", done: 0, total: 0 });
      const data = new Uint8Array(bytes);
      const model = await readWorkbookBytes(data, name);
      opened = { name, bytes: data, model };
      return { sheets: visibleSheets(model) };
    },

    loadSettings() {
      try {
        return readWorkbookSettings(workbook().model) as SettingsInput | undefined;
      } catch (error) {
        if (error instanceof SyntaxError) throw new HostError("input", `${SETTINGS_SHEET}: ${error.message}`);
        throw error;
      }
    },

    saveSettings({ settings }) {
      const book = workbook();
      // Into the copy an undo would put back too: the settings outlive undoing a merge, as in Excel.
      for (const copy of copiesOf(book)) {
        copy.bytes = withSettings(copy.bytes, book.name, settings);
        copy.model = replaceSheet(copy.model, settingsGrid(settings));
      }
      return null;
    },

    sheetNames: () => visibleSheets(workbook().model),

    rowTexts({ sheet, row }) {
      const grid = sheetOf(workbook().model, sheet);
      const texts = (grid.rows[row - 1] ?? []).map((value) => cellText(value ?? null));
      while (texts.length > 0 && texts[texts.length - 1] === "") texts.pop();
      return texts;
    },

    check({ asOf, settings, checkId }, { progress }) {
      const book = workbook();
      progress({ phase: "checking", done: 0, total: 0 });
      const result = checkShowingProgress(book.model, asOf, settings, progress);
      book.last = { id: checkId, result };
      return { checkId, result: slim(result) };
    },

    async writeResults({ checkId, asOf, checkSettings, settings, locale }, { progress }) {
      const book = workbook();
      const last = book.last !== undefined && book.last.id === checkId ? book.last : undefined;
      const result = last?.result ?? checkWorkbook(book.model, { asOf, settings: checkSettings });
      progress({ phase: "writing", done: 0, total: 0 });
      // A chunk of its own, as the merge's: the generated sheets' code is most of what writing needs.
      const { writeChecked } = await import(/* webpackChunkName: "workbench-write" */ "./write");
      // The previews show the plan that was written, under the names the sheets got.
      const merge = last?.merge;
      const { plan, sheets, bytes } = writeChecked(book.bytes, book.name, result, {
        settings,
        locale,
        ...(merge ? { merge } : {}),
      });
      return {
        bytes: ownBuffer(bytes),
        sheets: [...sheets],
        previews: { styles: plan.styles, sheets: plan.sheets.map((spec, i) => preview(spec, sheets[i])) },
      };
    },

    clear() {
      const book = workbook();
      for (const copy of copiesOf(book)) {
        const pkg = OpcPackage.open(copy.bytes, book.name);
        clearDuban(pkg);
        copy.bytes = pkg.toBytes();
        // Clearing only takes sheets out (and formats and styles, which the model does not hold).
        const left = new Set(sheetNames(pkg));
        copy.model = { ...copy.model, sheets: copy.model.sheets.filter((sheet) => left.has(sheet.name)) };
      }
      return { bytes: book.bytes.slice().buffer };
    },

    cellView({ sheet, cell }) {
      const book = workbook();
      return cellView(sheetOf(book.model, sheet), cell, book.last?.result);
    },

    classify: ({ files }) => files.map(fileKind),

    async merge({ returns, asOf, settings, locale, checkId }, { progress }) {
      const book = workbook();
      progress({ phase: "checking", done: 0, total: 0 });
      const result = checkWorkbook(book.model, { asOf, settings });
      const pkg = OpcPackage.open(book.bytes, book.name);
      const recorded = earlierMerges(readPackageRecord(pkg));
      const lastRound = newer(recorded.lastRound, book.mergedRound);
      const sharedDone = book.mergedShared ?? recorded.sharedDone ?? [];
      const { mergeReturns } = await import(/* webpackChunkName: "workbench-merge" */ "./merge");
      const outcome = await mergeReturns(
        pkg,
        { workbook: book.model, result },
        returns,
        { settings, locale, lastRound, sharedDone },
        progress,
      );
      if (outcome.changes.length > 0) {
        const undo = { cells: outcome.changes.length, ...(outcome.round ? { round: outcome.round } : {}) };
        book.beforeMerge = { bytes: book.bytes, model: book.model, undo, mergedShared: book.mergedShared };
        book.bytes = pkg.toBytes();
        book.model = applyChanges(book.model, result.sheet, outcome.changes);
      }
      book.mergedRound = newer(book.mergedRound, outcome.round);
      book.mergedShared = outcome.sharedDone ?? [];
      const merged = checkShowingProgress(book.model, asOf, settings, progress, mergedRows(outcome));
      book.last = { id: checkId, result: merged, merge: outcome };
      return { checkId, result: slim(merged), outcome };
    },

    mergeToUndo: () => workbook().beforeMerge?.undo,

    undoMerge({ asOf, settings, checkId }, { progress }) {
      const book = workbook();
      const before = book.beforeMerge;
      if (!before) throw new HostError("input", "no merge to undo");
      book.bytes = before.bytes;
      book.model = before.model;
      book.beforeMerge = undefined;
      book.mergedShared = before.mergedShared;
      progress({ phase: "checking", done: 0, total: 0 });
      const result = checkShowingProgress(book.model, asOf, settings, progress);
      book.last = { id: checkId, result };
      return { checkId, result: slim(result), cells: before.undo.cells };
    },

    async noticeFiles({ asOf, settings, locale }, { progress }) {
      const book = workbook();
      const result = checkShowingProgress(book.model, asOf, settings, progress);
      progress({ phase: "writing", done: 0, total: result.summary.units.length });
      // A chunk of its own, as the merge's: opening and checking a workbook load none of it.
      const { makeNoticeFiles } = await import(
        /* webpackChunkName: "workbench-notices" */ "../taskpane/notice-files"
      );
      const files = await makeNoticeFiles(result, book.model, { settings, locale });
      return { files: files.map(({ unit, bytes }) => ({ unit, bytes: ownBuffer(bytes) })) };
    },
  };
}

/** A check whose progress the page shows as it goes. */
function checkShowingProgress(
  model: WorkbookModel,
  asOf: Day,
  settings: Settings,
  progress: (progress: HostProgress) => void,
  keyRows?: readonly number[],
): CheckResult {
  return checkWorkbook(model, {
    asOf,
    settings,
    ...(keyRows ? { keyRows } : {}),
    onProgress: (done, total) => progress({ phase: "checking", done, total }),
  });
}

/** The workbook and the copy an undo would put back: what changes both (settings, clearing) changes each. */
function copiesOf(book: Opened): Copy[] {
  return book.beforeMerge ? [book, book.beforeMerge] : [book];
}

/** A returned notice carries its very hidden record sheet; a file that is no workbook is unreadable. */
function fileKind(file: FileBytes): FileKind {
  try {
    const names = sheetNames(OpcPackage.open(new Uint8Array(file.bytes), file.name));
    return names.includes(NOTICE_RECORD_SHEET) ? "notice" : "workbook";
  } catch {
    return "unreadable";
  }
}

/** The later of two YYYY-MM-DD days, either absent. */
function newer(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  return b !== undefined && b > a ? b : a;
}

/** A request's progress, posted at most every PROGRESS_INTERVAL_MS within a phase, and always its last. */
function throttledProgress(post: Post, id: number, now: () => number): (report: HostProgress) => void {
  let lastSent = -Infinity;
  let lastPhase: HostProgress["phase"] | undefined;
  return (report) => {
    const t = now();
    const final = report.total > 0 && report.done >= report.total;
    if (report.phase === lastPhase && !final && t - lastSent < PROGRESS_INTERVAL_MS) return;
    lastSent = t;
    lastPhase = report.phase;
    post({ type: "progress", id, progress: report });
  };
}

/** The ArrayBuffers in an answer (a written workbook, a check's findings), moved to the page, not copied. */
function transferables(value: unknown): Transferable[] {
  if (typeof value !== "object" || value === null) return [];
  if ("bytes" in value && value.bytes instanceof ArrayBuffer) return [value.bytes];
  if ("files" in value && Array.isArray(value.files))
    return value.files.flatMap((file: { bytes?: unknown }) =>
      file.bytes instanceof ArrayBuffer ? [file.bytes] : [],
    );
  const result = "result" in value ? (value.result as Partial<SlimCheckResult> | undefined) : undefined;
  return Array.isArray(result?.findingsJson) ? [...result.findingsJson] : [];
}

/** An ArrayBuffer holding exactly these bytes (the array's own when it is the whole of it). */
function ownBuffer(bytes: Uint8Array): ArrayBuffer {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && bytes.buffer instanceof ArrayBuffer ? bytes.buffer : bytes.slice().buffer;
}

export function slim(result: CheckResult): SlimCheckResult {
  const { rows, highlightKeys, findings, ...rest } = result;
  void rows;
  void highlightKeys;
  const encoder = new TextEncoder();
  const pieces: ArrayBuffer[] = [];
  for (let i = 0; i < findings.length; i += FINDINGS_PER_PIECE)
    pieces.push(ownBuffer(encoder.encode(JSON.stringify(findings.slice(i, i + FINDINGS_PER_PIECE)))));
  return { ...rest, findingsJson: pieces };
}

export function wireError(error: unknown): WireError {
  if (error instanceof WorkbookInputError) {
    return {
      kind: "input",
      problem: error.problem,
      sentences: {
        "zh-CN": describeInputProblem(error, "zh-CN"),
        "en-US": describeInputProblem(error, "en-US"),
      },
    };
  }
  if (error instanceof TableError) return { kind: "table", problem: error.detail };
  if (error instanceof HostError) return { kind: "host", hostKind: error.kind, detail: error.detail };
  if (error instanceof RangeError) return { kind: "host", hostKind: "tooLarge", detail: error.message };
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: "host", hostKind: "unexpected", detail };
}

function visibleSheets(model: WorkbookModel): string[] {
  return model.sheets.filter((sheet) => !sheet.hidden).map((sheet) => sheet.name);
}

function sheetOf(model: WorkbookModel, name: string): SheetGrid {
  const sheet = model.sheets.find((s) => s.name === name);
  if (!sheet) throw new HostError("input", name);
  return sheet;
}

function replaceSheet(model: WorkbookModel, grid: SheetGrid): WorkbookModel {
  const at = model.sheets.findIndex((sheet) => sheet.name === grid.name);
  const sheets = [...model.sheets];
  if (at < 0) sheets.push(grid);
  else sheets[at] = grid;
  return { ...model, sheets };
}

function settingsGrid(settings: SettingsInput): SheetGrid {
  return {
    name: SETTINGS_SHEET,
    rows: settingsCells(settings).map((text) => [text]),
    merges: [],
    hidden: true,
  };
}

/** The workbook's bytes with the settings saved in it, as the add-in saves them (see writeSettings). */
export function withSettings(bytes: Uint8Array, name: string, settings: SettingsInput): Uint8Array {
  const pkg = OpcPackage.open(bytes, name);
  writeSettings(pkg, settings);
  return pkg.toBytes();
}

/** The first rows of a generated sheet, with the merges and data bars that fall in them. */
export function preview(spec: SheetSpec, name: string = spec.name, limit = PREVIEW_ROWS): SheetPreview {
  const total = specRowCount(spec);
  const last = Math.min(total, limit) - 1;
  const within = (range: CellRange): CellRange | undefined =>
    range.top > last ? undefined : { ...range, bottom: Math.min(range.bottom, last) };
  return {
    name,
    kind: spec.kind,
    columns: spec.columns,
    // A large check's notices sheet has tens of thousands of rows: only those shown are made.
    rows: specRows(spec, 0, limit),
    totalRows: total,
    merges: spec.merges.flatMap((range) => within(range) ?? []),
    dataBars: spec.dataBars.flatMap((bar) => {
      const range = within(bar.range);
      return range ? [{ ...bar, range }] : [];
    }),
    freezeRows: spec.freezeRows,
  };
}

/** The rows around a cell as text, with the task table's header when it is out of sight. */
export function cellView(sheet: SheetGrid, cell: string, result: CheckResult | undefined): CellView {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(cell.trim());
  const column = match ? columnIndex(match[1]!) : undefined;
  const row = match ? Number(match[2]) : Number.NaN;
  if (column === undefined || !(row >= 1)) throw new HostError("input", `${sheet.name}!${cell}`);
  const top = Math.max(1, row - VIEW_RADIUS);
  const bottom = Math.max(row, Math.min(sheet.rows.length, row + VIEW_RADIUS));
  const firstColumn = Math.max(0, column - VIEW_LEFT);
  let used = column;
  for (let r = top; r <= bottom; r++) used = Math.max(used, (sheet.rows[r - 1]?.length ?? 0) - 1);
  const lastColumn = Math.min(used, firstColumn + VIEW_COLUMNS - 1);
  const texts = (r: number): ViewRow => {
    const values = sheet.rows[r - 1] ?? [];
    const out: string[] = [];
    for (let c = firstColumn; c <= lastColumn; c++) out.push(cellText(values[c] ?? null));
    return { row: r, texts: out };
  };
  const rows: ViewRow[] = [];
  for (let r = top; r <= bottom; r++) rows.push(texts(r));
  const headerRow = result?.sheet === sheet.name ? result.headerRow : undefined;
  return {
    sheet: sheet.name,
    cell: cell.trim().toUpperCase(),
    row,
    column,
    firstColumn,
    ...(headerRow !== undefined && headerRow < top ? { header: texts(headerRow) } : {}),
    rows,
  };
}
