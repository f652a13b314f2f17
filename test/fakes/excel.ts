// An in-memory Excel behind the API subset of api.ts, for tests and the bench: operations queue until
// sync() runs them in order, properties are readable only once loaded and synced, and every sync's request
// and response is measured as JSON, with Excel on the web's 5 MB cap enforced.

import { dayFromYmd, excelSerialFromDay } from "../../src/core/day";
import { concatText } from "../../src/core/output/highlights";
import { isKeyedRule, keyedRuleHolds } from "../helpers/highlight-rule";
import { columnIndex, columnLetter, parseRange, type CellRange } from "../../src/core/workbook";
import type * as Api from "../../src/hosts/excel/api";
import { PAYLOAD_LIMIT, utf8Length } from "../../src/hosts/excel/office-quirks";

// ---------------------------------------------------------------------------------------------------------
// State

/** A cell's own formatting, as the fake records it (what a snapshot compares). */
export interface FakeCellFormat {
  fill?: string;
  bold?: boolean;
  size?: number;
  color?: string;
  underline?: string;
  horizontal?: string;
  vertical?: string;
  wrap?: boolean;
  borders?: Record<string, { style?: string; color?: string }>;
}

export interface FakeConditionalFormat {
  readonly id: number;
  readonly type: string;
  range: CellRange;
  stopIfTrue: boolean;
  formula?: string;
  fill?: string;
  fontColor?: string;
  dataBar?: { fillColor?: string; gradientFill?: boolean; lower?: unknown; upper?: unknown };
  /** A rule whose properties Excel fails to read (office-js #6827, #6835). */
  unreadable?: boolean;
}

/** A chart's series as the fake records it: what the add-in set, and the cells Excel took at add. */
export interface FakeChartSeries {
  name?: string;
  values?: CellRange;
  xValues?: CellRange;
  /** format.fill.setSolidColor. */
  fill?: string;
  /** format.line.color. */
  lineColor?: string;
}

export interface FakeChart {
  readonly type: string;
  readonly source: CellRange;
  readonly seriesBy: string | undefined;
  name: string;
  title?: string;
  legendVisible?: boolean;
  /** Where the legend sits, when the add-in set it. */
  legendPosition?: string;
  valueAxis: Record<string, unknown>;
  categoryAxis: Record<string, unknown>;
  dataLabels: Record<string, unknown>;
  readonly series: FakeChartSeries[];
  position?: { start: CellRange; end?: CellRange };
}

/** An Excel Table (ListObject) as the fake records it. */
export interface FakeTable {
  name: string;
  /** The table as it stands: its header row when shown, its totals row when shown. */
  range: CellRange;
  showHeaders: boolean;
  showTotals: boolean;
}

/** The chart types the add-in may ask for (Excel.ChartType's names); any other is refused as Excel does. */
const CHART_TYPES = new Set([
  "BarClustered",
  "BarStacked",
  "ColumnClustered",
  "ColumnStacked",
  "Line",
  "LineMarkers",
  "Pie",
  "XYScatter",
]);

/**
 * The series Excel makes of a chart's source: one per column (by columns) or per row (by rows); Auto takes
 * the longer side as the series' length, as Excel does for a block without headers.
 */
function seriesOf(source: CellRange, seriesBy: string | undefined): FakeChartSeries[] {
  const rows = source.bottom - source.top + 1;
  const columns = source.right - source.left + 1;
  const byColumns = seriesBy === "Columns" || ((seriesBy ?? "Auto") === "Auto" && rows >= columns);
  if (byColumns)
    return Array.from({ length: columns }, (_, c) => ({
      values: { ...source, left: source.left + c, right: source.left + c },
    }));
  return Array.from({ length: rows }, (_, r) => ({
    values: { ...source, top: source.top + r, bottom: source.top + r },
  }));
}

const MAX_ROWS = 1_048_576;
const MAX_COLUMNS = 16_384;
const key = (row: number, column: number) => row * MAX_COLUMNS + column;

/** What the fake's ranges offer beyond api.ts (the host does without them), for the fake's own tests. */
export interface FakeRangeExtras {
  getSpecialCells(cellType: string, cellValueType?: string): Api.RangeAreas;
  readonly rowHidden: boolean | null;
}

/** One worksheet's contents. Public for tests: they set up a person's workbook and inspect the result. */
export class FakeSheet {
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** values[row][column]; "" or a missing entry is an empty cell. */
  readonly values: Array<Api.CellScalar[] | undefined> = [];
  readonly formulas = new Map<number, string>();
  readonly numberFormats = new Map<number, string>();
  readonly formats = new Map<number, FakeCellFormat>();
  readonly hyperlinks = new Map<number, Api.RangeHyperlink>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  readonly merges: CellRange[] = [];
  /** In priority order, first wins. */
  readonly conditionalFormats: FakeConditionalFormat[] = [];
  readonly charts: FakeChart[] = [];
  readonly pageBreaks: number[] = [];
  readonly pageLayout: Record<string, unknown> = {};
  /** Rows hidden by hand or by a filter (Excel's API tells the two apart in neither rowHidden nor Visible). */
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  /** In the order Excel lists them (as they were made). */
  readonly tables: FakeTable[] = [];
  freezeRows = 0;
  autoFilter: CellRange | undefined;
  /** Protected (Review > Protect Sheet): Excel refuses to change its cells, formats and rules. */
  protected = false;
  autofitted = 0;

  constructor(
    readonly id: number,
    public name: string,
  ) {}

  value(row: number, column: number): Api.CellScalar {
    return this.values[row]?.[column] ?? "";
  }

  /** Puts a value as it is (no parsing): for setting up a workbook. */
  put(row: number, column: number, value: Api.CellScalar, numberFormat?: string): void {
    const cells = (this.values[row] ??= []);
    while (cells.length < column) cells.push("");
    cells[column] = value;
    this.formulas.delete(key(row, column));
    if (numberFormat !== undefined) this.setNumberFormat(row, column, numberFormat);
  }

  numberFormat(row: number, column: number): string {
    return this.numberFormats.get(key(row, column)) ?? "General";
  }

  /** Hides rows `from` to `to` (zero-based, inclusive), as a person or a filter does. */
  hideRows(from: number, to = from): void {
    for (let r = from; r <= to; r++) this.hiddenRows.add(r);
  }

  hideColumns(from: number, to = from): void {
    for (let c = from; c <= to; c++) this.hiddenColumns.add(c);
  }

  setNumberFormat(row: number, column: number, format: string): void {
    if (format === "General") this.numberFormats.delete(key(row, column));
    else this.numberFormats.set(key(row, column), format);
  }

  format(row: number, column: number): FakeCellFormat {
    let format = this.formats.get(key(row, column));
    if (!format) this.formats.set(key(row, column), (format = {}));
    return format;
  }

  formulaAt(address: string): string | undefined {
    const { top, left } = parseAddress(address);
    return this.formulas.get(key(top, left));
  }

  /**
   * What the cell shows: Excel draws a Text-formatted (@) cell of more than 255 characters as ####; other
   * values as they are (number formats are not modelled beyond that).
   */
  displayed(row: number, column: number): string {
    const value = this.value(row, column);
    if (typeof value === "string" && value.length > 255 && this.numberFormat(row, column) === "@")
      return "####";
    return String(value);
  }

  valueAt(address: string): Api.CellScalar {
    const { top, left } = parseAddress(address);
    return this.value(top, left);
  }

  hyperlinkAt(address: string): Api.RangeHyperlink | undefined {
    const { top, left } = parseAddress(address);
    return this.hyperlinks.get(key(top, left));
  }

  /** The smallest range holding every value (valuesOnly) or every value and format; null when none. */
  usedRange(valuesOnly: boolean): CellRange | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (row: number, column: number) => {
      top = Math.min(top, row);
      bottom = Math.max(bottom, row);
      left = Math.min(left, column);
      right = Math.max(right, column);
    };
    this.values.forEach((cells, row) => {
      cells?.forEach((value, column) => {
        if (value !== "") take(row, column);
      });
    });
    if (!valuesOnly) {
      for (const k of [...this.formats.keys(), ...this.numberFormats.keys()])
        take(Math.floor(k / MAX_COLUMNS), k % MAX_COLUMNS);
    }
    return bottom < 0 ? null : { top, left, bottom, right };
  }

  /**
   * Everything a person could see change on this sheet, as plain data: values, formulas, number formats,
   * cell formats, merges, conditional formats, widths and heights, links, frozen rows, filter.
   */
  snapshot(): unknown {
    const sorted = <T>(map: Map<number, T>) =>
      [...map].sort((a, b) => a[0] - b[0]).map(([k, v]) => [k, JSON.parse(JSON.stringify(v)) as T]);
    return {
      name: this.name,
      visibility: this.visibility,
      values: this.values.map((cells) => {
        if (!cells) return null;
        const trimmed = [...cells];
        while (trimmed.length > 0 && trimmed[trimmed.length - 1] === "") trimmed.pop();
        return trimmed.length > 0 ? trimmed : null;
      }),
      formulas: sorted(this.formulas),
      numberFormats: sorted(this.numberFormats),
      formats: sorted(this.formats).filter(([, f]) => Object.keys(f as object).length > 0),
      hyperlinks: sorted(this.hyperlinks),
      columnWidths: sorted(this.columnWidths),
      rowHeights: sorted(this.rowHeights),
      merges: this.merges.map((m) => ({ ...m })),
      // The id is the fake's own bookkeeping, not something a person sees.
      conditionalFormats: this.conditionalFormats.map((cf) =>
        Object.fromEntries(
          Object.entries(JSON.parse(JSON.stringify(cf)) as object).filter(([k]) => k !== "id"),
        ),
      ),
      charts: this.charts.length,
      freezeRows: this.freezeRows,
      autoFilter: this.autoFilter ?? null,
      pageLayout: { ...this.pageLayout },
      pageBreaks: [...this.pageBreaks],
      hiddenRows: [...this.hiddenRows].sort((a, b) => a - b),
      hiddenColumns: [...this.hiddenColumns].sort((a, b) => a - b),
      tables: this.tables.map((t) => ({ ...t, range: { ...t.range } })),
    };
  }
}

/** The workbook's contents and the counts a test or the bench reads. */
export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  active: { sheet: number; selection: CellRange } | undefined;
  /**
   * A chart sheet is the one shown (Office.js lists no chart sheets): getActiveWorksheet then fails with
   * GeneralException, as office-js #2444 reports on Windows and Mac.
   */
  chartSheetActive = false;
  /** Protect Workbook (structure): sheets cannot be added, deleted, renamed, hidden or shown. */
  structureProtected = false;
  private nextId = 1;
  private readonly focusLosses: Array<{ operation: FocusSensitive; skip: number }> = [];

  constructor(
    public name: string,
    public date1904: boolean,
  ) {}

  addSheet(name: string, visibility: FakeSheet["visibility"] = "Visible"): FakeSheet {
    const sheet = new FakeSheet(this.nextId++, name);
    sheet.visibility = visibility;
    this.sheets.push(sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === wanted);
  }

  /** The sheet or a failure, for tests. */
  get(name: string): FakeSheet {
    const sheet = this.sheet(name);
    if (!sheet) throw new Error(`no sheet ${name} in ${this.sheets.map((s) => s.name).join(", ")}`);
    return sheet;
  }

  nextSheetId(): number {
    return this.nextId++;
  }

  /**
   * Makes a range an Excel Table, as Insert > Table (or 套用表格格式) does, refusing what Excel refuses: a name
   * taken anywhere in the workbook, a table of its header alone, overlapping another table or a merged range.
   */
  addTable(
    sheetName: string,
    name: string,
    address: string,
    options: { showHeaders?: boolean; showTotals?: boolean } = {},
  ): FakeTable {
    const sheet = this.get(sheetName);
    const range = parseAddress(address);
    const showHeaders = options.showHeaders ?? true;
    const showTotals = options.showTotals ?? false;
    const wanted = name.toLowerCase();
    if (this.sheets.some((s) => s.tables.some((t) => t.name.toLowerCase() === wanted)))
      throw new FakeOfficeError("ItemAlreadyExists", `A table named ${name} already exists`);
    if (range.bottom - range.top + 1 < 1 + Number(showHeaders) + Number(showTotals))
      throw new FakeOfficeError("InvalidArgument", `${address} leaves the table no row of data`);
    if (sheet.tables.some((t) => overlaps(t.range, range)) || sheet.merges.some((m) => overlaps(m, range)))
      throw new FakeOfficeError("InvalidOperation", `${address} overlaps a table or a merged range`);
    const table: FakeTable = { name, range, showHeaders, showTotals };
    sheet.tables.push(table);
    return table;
  }

  /**
   * Another workbook gains focus while the `skip + 1`-th such operation from now runs: it fails with
   * GeneralException (InvalidSelection for select), as the troubleshooting page for Excel add-ins says
   * `worksheets.add`, `Worksheet.delete`, `freezePanes.freezeRows` and `Range.select` do on Windows and Mac.
   * Operations queued before it in the same sync stay done: a batch is not a transaction.
   */
  loseFocusDuring(operation: FocusSensitive, skip = 0): void {
    this.focusLosses.push({ operation, skip });
  }

  /** Called by each focus-sensitive operation as it runs. */
  focusCheck(operation: FocusSensitive): void {
    const loss = this.focusLosses.find((l) => l.operation === operation);
    if (!loss) return;
    if (loss.skip-- > 0) return;
    this.focusLosses.splice(this.focusLosses.indexOf(loss), 1);
    if (operation === "select")
      throw new FakeOfficeError("InvalidSelection", "The current selection is invalid for this operation.");
    throw new FakeOfficeError("GeneralException", "An internal error has occurred.");
  }

  /** Whether a focus loss is still waiting to happen. */
  get focusLossPending(): boolean {
    return this.focusLosses.length > 0;
  }

  /** A sheet's id as Office.js gives it (a GUID in braces), stable across renames. */
  static idOf(sheet: FakeSheet): string {
    return `{00000000-0001-0000-0000-${String(sheet.id).padStart(12, "0")}}`;
  }

  /** The sheet with this name (any case) or id. */
  find(key: string): FakeSheet | undefined {
    return this.sheet(key) ?? this.sheets.find((s) => FakeWorkbook.idOf(s) === key);
  }

  /**
   * What a cell's conditional formats show: the first format (by priority) whose rule holds. Only the rule
   * form Duban writes is evaluated (test/helpers/highlight-rule.ts); others never hold here.
   */
  highlightAt(sheetName: string, address: string): { fill?: string; fontColor?: string } | undefined {
    const sheet = this.get(sheetName);
    const { top: row, left: column } = parseAddress(address);
    for (const cf of sheet.conditionalFormats) {
      const r = cf.range;
      if (cf.type !== "Custom" || row < r.top || row > r.bottom || column < r.left || column > r.right)
        continue;
      if (this.holds(sheet, cf.formula ?? "", row - r.top, column - r.left))
        return { fill: cf.fill, fontColor: cf.fontColor };
    }
    return undefined;
  }

  private holds(sheet: FakeSheet, formula: string, down: number, across: number): boolean {
    if (!isKeyedRule(formula)) return false;
    return keyedRuleHolds(formula, down, across, {
      text: (row, column) => {
        const value = sheet.value(row, column);
        return typeof value === "string" ? value : concatText(value, this.date1904);
      },
      list: (name, column, first, last) => {
        const list = this.sheet(name);
        const out: string[] = [];
        for (let r = first; r <= last; r++) out.push(String(list?.value(r, column) ?? ""));
        return out;
      },
    });
  }
}

export type FocusSensitive = "add" | "delete" | "freezeRows" | "select" | "active";

/** What the fake counts: syncs, and the bytes of each sync's request and response (JSON, UTF-8). */
export interface FakeStats {
  runs: number;
  syncs: number;
  operations: number;
  readonly requests: number[];
  /** A refused response counts as 0 here and once in `refused`. */
  readonly responses: number[];
  /** Syncs Excel on the web would refuse for their size (request or response over the cap). */
  refused: number;
}

export class FakeOfficeError extends Error {
  override readonly name = "OfficeExtension.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FakeExcelOptions {
  readonly name?: string;
  readonly date1904?: boolean;
  /** The request and response cap; Excel on the web's 5 MB by default. */
  readonly payloadLimit?: number;
  /**
   * Another runtime's workbook: the task pane and each ribbon command run in runtimes of their own over the
   * same open workbook, and their syncs interleave.
   */
  readonly workbook?: FakeWorkbook;
  /** A ribbon command's runtime, which Office shuts down five minutes after the click; none by default. */
  readonly runtime?: FakeRuntime;
}

/**
 * The clock a ribbon command's runtime lives by. Office shuts that runtime down five minutes after the click
 * (the runtimes page: "five minutes have elapsed since the triggering event"); in Excel nothing fails then,
 * the page is simply gone and none of its code runs again. The fake cannot stop a test's code, so from that
 * moment every sync fails with RUNTIME_SHUT_DOWN and is counted in `syncsAfterShutdown`; a sync under way
 * when the moment passes is applied (Excel had the request) but its answer never comes.
 */
export interface FakeRuntime {
  /** The test's clock, in milliseconds. */
  readonly now: () => number;
  /** Moves the test's clock on by the time a sync takes (timers due on the way fire). */
  readonly advance: (ms: number) => void;
  /** How long a sync takes, from the bytes of its request and of its response. */
  readonly syncMs: (requestBytes: number, responseBytes: number) => number;
  /** When Office shuts the runtime down, on the test's clock. */
  readonly shutsDownAt: number;
}

/** The fake's code for a sync in (or into) a runtime Office has shut down; Excel itself says nothing. */
export const RUNTIME_SHUT_DOWN = "FakeRuntimeShutDown";

/** The fake `Excel`: `run` gives a batch a fresh request context over the shared workbook. */
export class FakeExcel implements Api.ExcelRunner {
  readonly workbook: FakeWorkbook;
  readonly stats: FakeStats = { runs: 0, syncs: 0, operations: 0, requests: [], responses: [], refused: 0 };
  readonly payloadLimit: number;
  /** While true, every sync fails as Excel does while a cell is being edited. */
  editing = false;
  readonly runtime: FakeRuntime | undefined;
  /** Syncs made in, or running into, a runtime Office had shut down (see FakeRuntime). */
  syncsAfterShutdown = 0;

  constructor(options: FakeExcelOptions = {}) {
    this.workbook =
      options.workbook ?? new FakeWorkbook(options.name ?? "Book1.xlsx", options.date1904 ?? false);
    this.payloadLimit = options.payloadLimit ?? PAYLOAD_LIMIT;
    this.runtime = options.runtime;
  }

  async run<T>(batch: (context: Api.RequestContext) => Promise<T>): Promise<T> {
    this.stats.runs++;
    const context = new FakeContext(this);
    try {
      const result = await batch(context);
      if (context.pending() > 0)
        throw new Error(`FakeExcel: ${context.pending()} operations were queued after the last sync`);
      return result;
    } finally {
      context.closed = true;
    }
  }

  /** Fails a sync when Office has shut the runtime down: before it starts, or (`requestBytes` given) by its end. */
  passTime(requestBytes?: number, responseBytes = 0): void {
    const runtime = this.runtime;
    if (!runtime) return;
    if (requestBytes !== undefined && runtime.now() < runtime.shutsDownAt)
      runtime.advance(runtime.syncMs(requestBytes, responseBytes));
    if (runtime.now() < runtime.shutsDownAt) return;
    this.syncsAfterShutdown++;
    throw new FakeOfficeError(RUNTIME_SHUT_DOWN, "Office has shut down the runtime this code ran in");
  }

  resetStats(): void {
    this.stats.runs = 0;
    this.stats.syncs = 0;
    this.stats.operations = 0;
    this.stats.requests.length = 0;
    this.stats.responses.length = 0;
    this.stats.refused = 0;
  }
}

/** The fake `Office`, answering requirement-set questions up to an ExcelApi version. */
export function fakeOffice(excelApi = "1.21"): Api.OfficeRuntime {
  const have = excelApi.split(".").map(Number);
  return {
    context: {
      requirements: {
        isSetSupported(name: string, minVersion?: string): boolean {
          if (name !== "ExcelApi") return false;
          const want = (minVersion ?? "1.1").split(".").map(Number);
          for (let i = 0; i < Math.max(want.length, have.length); i++) {
            const a = have[i] ?? 0;
            const b = want[i] ?? 0;
            if (a !== b) return a > b;
          }
          return true;
        },
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------
// Requests

interface Operation {
  /** What the request carries for this operation (measured, never interpreted). */
  readonly json: unknown;
  /** Applies it; a load returns what the response carries. */
  readonly run: () => unknown;
  /** Getting an object (getRange, getItem …): it travels in the request, like every action. */
  readonly creation: boolean;
}

class FakeContext implements Api.RequestContext {
  readonly workbook: FakeWorkbookProxy;
  closed = false;
  private queue: Operation[] = [];
  private nextPath = 1;

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbookProxy(this);
  }

  path(kind: string): string {
    return `${kind}#${this.nextPath++}`;
  }

  /** Operations waiting for a sync (creating a proxy object alone is not one). */
  pending(): number {
    return this.queue.filter((op) => !op.creation).length;
  }

  enqueue(json: unknown, run: () => unknown, creation = false): void {
    if (this.closed) throw new FakeOfficeError("InvalidRequestContext", "The request context is closed");
    this.queue.push({ json, run, creation });
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    const { stats, payloadLimit } = this.excel;
    stats.syncs++;
    stats.operations += queue.length;
    const request = byteLength(JSON.stringify(queue.map((op) => op.json)));
    stats.requests.push(request);
    this.excel.passTime();
    if (this.excel.editing) {
      stats.responses.push(0);
      throw new FakeOfficeError("InvalidOperationInCellEditMode", "Excel is in cell-editing mode");
    }
    if (request > payloadLimit) {
      stats.responses.push(0);
      stats.refused++;
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `The request is ${request} bytes`);
    }
    const results: unknown[] = [];
    try {
      for (const op of queue) {
        const result = op.run();
        if (result !== undefined) results.push(result);
      }
    } catch (error) {
      stats.responses.push(0);
      throw error;
    }
    const response = byteLength(JSON.stringify(results));
    if (response > payloadLimit) {
      stats.responses.push(0);
      stats.refused++;
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `The response is ${response} bytes`);
    }
    stats.responses.push(response);
    this.excel.passTime(request, response);
    // Excel answers asynchronously: another runtime's sync may run before this one's caller resumes.
    await new Promise((resolve) => setImmediate(resolve));
  }
}

const byteLength = utf8Length;

/** Where a proxy came from: the action that gets it, sent in the request like any other. */
interface Origin {
  readonly from: string;
  readonly get: string;
  readonly args?: unknown[];
}

/** A proxy's loaded properties: reading one that was not loaded and synced fails, as in Office. */
abstract class Proxy {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;
  readonly path: string;

  constructor(
    protected readonly context: FakeContext,
    kind: string,
    origin?: Origin,
  ) {
    this.path = context.path(kind);
    if (origin) context.enqueue({ create: this.path, ...origin }, () => undefined, true);
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined)
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `isNullObject of ${this.path} is not known before a sync`,
      );
    return this.nullState;
  }

  protected read<T>(property: string): T {
    if (!this.loaded.has(property)) {
      throw new FakeOfficeError(
        "PropertyNotLoaded",
        `The property '${property}' of ${this.path} is not available. Load it and call context.sync() first.`,
      );
    }
    return this.loaded.get(property) as T;
  }

  /** Queues a load of some of `supported`; the properties come back at sync. */
  protected queueLoad(
    names: string | string[],
    supported: readonly string[],
    isNull: () => boolean,
    value: (property: string) => unknown,
  ): void {
    const properties = parseNames(names);
    for (const p of properties)
      if (!supported.includes(p))
        throw new Error(`FakeExcel: loading '${p}' of ${this.path} is not modelled`);
    this.context.enqueue({ load: this.path, select: properties }, () => {
      const nothing = isNull();
      this.nullState = nothing;
      if (nothing) return { isNullObject: true };
      const out: Record<string, unknown> = {};
      for (const p of properties) {
        const v = value(p);
        this.loaded.set(p, v);
        out[p] = v;
      }
      return out;
    });
  }

  /** Queues a change; it runs, in order, at the next sync. */
  queue(action: string, data: unknown, run: () => void): void {
    this.context.enqueue({ path: this.path, [action]: data }, () => {
      run();
      return undefined;
    });
  }
}

function parseNames(names: string | string[]): string[] {
  return (Array.isArray(names) ? names : names.split(",")).map((n) => n.trim()).filter((n) => n !== "");
}

/** A value resolved at its first use during a sync and kept (an object path gets its id once). */
class Lazy<T> {
  private resolved = false;
  private value: T | undefined;
  constructor(private readonly resolve: () => T) {}
  get(): T {
    if (!this.resolved) {
      this.value = this.resolve();
      this.resolved = true;
    }
    return this.value as T;
  }
  bind(value: T): void {
    this.value = value;
    this.resolved = true;
  }
}

function nullObject(what: string): FakeOfficeError {
  return new FakeOfficeError("ItemNotFound", `${what} is a null object`);
}

// ---------------------------------------------------------------------------------------------------------
// Workbook, worksheets, functions

class FakeWorkbookProxy extends Proxy implements Api.Workbook {
  readonly worksheets: FakeWorksheetCollection;
  readonly functions: Api.Functions;

  constructor(context: FakeContext) {
    super(context, "workbook");
    this.worksheets = new FakeWorksheetCollection(context);
    this.functions = {
      date: (year, month, day) =>
        new FakeFunctionResult(context, () => this.serial(year, month, day), {
          from: "functions",
          get: "date",
          args: [year, month, day],
        }),
    };
  }

  get name(): string {
    return this.read("name");
  }

  get protection(): { readonly protected: boolean } {
    const read = () => this.read<boolean>("protection/protected");
    return {
      get protected() {
        return read();
      },
    };
  }

  load(names: string | string[]): Api.Workbook {
    this.queueLoad(
      names,
      ["name", "protection/protected"],
      () => false,
      (p) =>
        p === "name" ? this.context.excel.workbook.name : this.context.excel.workbook.structureProtected,
    );
    return this;
  }

  private serial(year: number, month: number, day: number): number {
    const d = dayFromYmd(year, month, day);
    if (d === undefined) throw new FakeOfficeError("InvalidArgument", "DATE: no such day");
    return excelSerialFromDay(d, this.context.excel.workbook.date1904);
  }
}

class FakeFunctionResult extends Proxy implements Api.FunctionResult<number> {
  constructor(
    context: FakeContext,
    private readonly compute: () => number,
    origin: { from: string; get: string; args: unknown[] },
  ) {
    super(context, "function", origin);
  }
  get value(): number {
    return this.read("value");
  }
  load(names: string | string[]): Api.FunctionResult<number> {
    this.queueLoad(
      names,
      ["value"],
      () => false,
      () => this.compute(),
    );
    return this;
  }
}

class FakeWorksheetCollection extends Proxy implements Api.WorksheetCollection {
  constructor(context: FakeContext) {
    super(context, "worksheets");
  }

  get items(): Api.Worksheet[] {
    return this.read("items");
  }

  load(names: string | string[]): Api.WorksheetCollection {
    const properties = parseNames(names).map((n) => n.replace(/^items\//, ""));
    for (const p of properties)
      if (!["name", "visibility", "id"].includes(p)) throw new Error(`FakeExcel: loading worksheets' '${p}'`);
    this.context.enqueue({ load: this.path, select: properties }, () => {
      const items = this.context.excel.workbook.sheets.map((sheet) => {
        const proxy = new FakeWorksheet(this.context, new Lazy(() => sheet));
        proxy.fill(properties);
        return proxy;
      });
      this.loaded.set("items", items);
      return { items: items.map((item) => item.json(properties)) };
    });
    return this;
  }

  getItem(name: string): Api.Worksheet {
    return new FakeWorksheet(
      this.context,
      new Lazy(() => {
        const sheet = this.context.excel.workbook.find(name);
        if (!sheet) throw new FakeOfficeError("ItemNotFound", `The worksheet ${name} does not exist`);
        return sheet;
      }),
      { from: this.path, get: "getItem", args: [name] },
    );
  }

  /**
   * As Excel: the sheet activated last, or, in a workbook none was activated in, the first visible one. It
   * fails where a chart sheet is shown (office-js #2444) and, as the focus-sensitive operations do, where
   * another workbook has the focus (office-js #6365).
   */
  getActiveWorksheet(): Api.Worksheet {
    return new FakeWorksheet(
      this.context,
      new Lazy(() => {
        const book = this.context.excel.workbook;
        book.focusCheck("active");
        if (book.chartSheetActive)
          throw new FakeOfficeError("GeneralException", "An internal error has occurred.");
        const active = book.sheets.find((sheet) => sheet.id === book.active?.sheet);
        return active ?? book.sheets.find((sheet) => sheet.visibility === "Visible")!;
      }),
      { from: this.path, get: "getActiveWorksheet", args: [] },
    );
  }

  getItemOrNullObject(name: string): Api.Worksheet {
    return new FakeWorksheet(this.context, new Lazy(() => this.context.excel.workbook.find(name) ?? null), {
      from: this.path,
      get: "getItemOrNullObject",
      args: [name],
    });
  }

  add(name?: string): Api.Worksheet {
    const lazy = new Lazy<FakeSheet | null>(() => null);
    const proxy = new FakeWorksheet(this.context, lazy);
    this.context.enqueue({ path: this.path, add: name ?? null }, () => {
      const book = this.context.excel.workbook;
      const wanted = name ?? `Sheet${book.sheets.length + 1}`;
      structure(book);
      book.focusCheck("add");
      checkSheetName(book, wanted);
      lazy.bind(book.addSheet(wanted));
      return undefined;
    });
    return proxy;
  }
}

/** Protect Workbook refuses every change to the list of sheets. */
function structure(book: FakeWorkbook): void {
  if (book.structureProtected)
    throw new FakeOfficeError("AccessDenied", "The workbook's structure is protected.");
}

/** A protected sheet refuses changes to its cells, formats and rules. */
export function writable(sheet: FakeSheet): FakeSheet {
  if (sheet.protected)
    throw new FakeOfficeError(
      "AccessDenied",
      `The cell or chart you're trying to change is on the protected sheet ${sheet.name}.`,
    );
  return sheet;
}

function checkSheetName(book: FakeWorkbook, name: string, except?: FakeSheet): void {
  if (name.length === 0 || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name))
    throw new FakeOfficeError("InvalidArgument", `'${name}' is not a valid sheet name`);
  const other = book.sheet(name);
  if (other && other !== except)
    throw new FakeOfficeError("ItemAlreadyExists", `A sheet named ${name} already exists`);
}

class FakeWorksheet extends Proxy implements Api.Worksheet {
  readonly freezePanes: Api.WorksheetFreezePanes;
  readonly autoFilter: Api.AutoFilter;
  readonly pageLayout: Api.PageLayout;
  readonly charts: Api.ChartCollection;
  readonly tables: Api.TableCollection;
  readonly horizontalPageBreaks: Api.PageBreakCollection;

  constructor(
    context: FakeContext,
    readonly state: Lazy<FakeSheet | null>,
    origin?: Origin,
  ) {
    super(context, "worksheet", origin);
    const visible = (what: string) => {
      const sheet = this.sheet();
      if (sheet.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", `${what} on the hidden sheet ${sheet.name}`);
      return sheet;
    };
    this.freezePanes = {
      freezeRows: (count = 1) =>
        this.queue("freezeRows", count, () => {
          const sheet = visible("freezeRows");
          this.context.excel.workbook.focusCheck("freezeRows");
          sheet.freezeRows = count;
        }),
    };
    this.autoFilter = {
      apply: (range) =>
        this.queue("autoFilter", rangeJson(range), () => {
          visible("autoFilter").autoFilter = this.boxOf(range);
        }),
    };
    this.pageLayout = new FakePageLayout(this);
    this.charts = new FakeChartCollection(context, this);
    this.tables = new FakeTableCollection(context, this);
    this.horizontalPageBreaks = {
      add: (range) => {
        this.queue("pageBreak", rangeJson(range), () => {
          this.sheet().pageBreaks.push(this.boxOf(range).top);
        });
        return undefined;
      },
    };
  }

  /** The sheet, or a failure for a null object. */
  sheet(): FakeSheet {
    const sheet = this.state.get();
    if (!sheet) throw nullObject(this.path);
    return sheet;
  }

  /** Fills loaded properties from the state (a collection's load). */
  fill(properties: readonly string[]): void {
    const sheet = this.sheet();
    for (const p of properties) this.loaded.set(p, sheetProperty(sheet, p));
  }

  json(properties: readonly string[]): Record<string, unknown> {
    return Object.fromEntries(properties.map((p) => [p, this.loaded.get(p)]));
  }

  boxOf(range: Api.Range | string): CellRange {
    if (typeof range === "string") return parseAddress(range.replace(/^.*!/, ""));
    if (!(range instanceof FakeRange)) throw new Error("FakeExcel: a range from elsewhere");
    const box = range.box();
    if (!box) throw nullObject(range.path);
    return box;
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.queue("set", { name: value }, () => {
      const sheet = this.sheet();
      const book = this.context.excel.workbook;
      if (sheet.name !== value) structure(book);
      checkSheetName(book, value, sheet);
      renameReferences(book, sheet.name, value);
      sheet.name = value;
    });
  }

  get id(): string {
    return this.read("id");
  }

  get protection(): { readonly protected: boolean } {
    const read = () => this.read<boolean>("protection/protected");
    return {
      get protected() {
        return read();
      },
    };
  }

  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: string) {
    this.queue("set", { visibility: value }, () => {
      if (value !== "Visible" && value !== "Hidden" && value !== "VeryHidden")
        throw new FakeOfficeError("InvalidArgument", `visibility ${value}`);
      const sheet = this.sheet();
      const book = this.context.excel.workbook;
      if (sheet.visibility !== value) structure(book);
      if (value !== "Visible" && !book.sheets.some((s) => s !== sheet && s.visibility === "Visible"))
        throw new FakeOfficeError("InvalidOperation", "A workbook must keep one visible sheet");
      sheet.visibility = value;
      if (value !== "Visible" && book.active?.sheet === sheet.id) book.active = undefined;
    });
  }

  load(names: string | string[]): Api.Worksheet {
    this.queueLoad(
      names,
      ["name", "visibility", "id", "protection/protected"],
      () => this.state.get() === null,
      (p) => sheetProperty(this.sheet(), p),
    );
    return this;
  }

  getRange(address?: string): Api.Range {
    return new FakeRange(
      this.context,
      this,
      new Lazy(() => (address ? parseAddress(address) : wholeSheet())),
      { from: this.path, get: "getRange", args: address === undefined ? [] : [address] },
    );
  }

  getRangeByIndexes(row: number, column: number, rows: number, columns: number): Api.Range {
    return new FakeRange(
      this.context,
      this,
      new Lazy(() => {
        if (rows < 1 || columns < 1) throw new FakeOfficeError("InvalidArgument", "empty range");
        return checked({ top: row, left: column, bottom: row + rows - 1, right: column + columns - 1 });
      }),
      { from: this.path, get: "getRangeByIndexes", args: [row, column, rows, columns] },
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): Api.Range {
    return new FakeRange(this.context, this, new Lazy(() => this.sheet().usedRange(valuesOnly)), {
      from: this.path,
      get: "getUsedRangeOrNullObject",
      args: [valuesOnly],
    });
  }

  delete(): void {
    this.queue("delete", true, () => {
      const sheet = this.sheet();
      const book = this.context.excel.workbook;
      structure(book);
      book.focusCheck("delete");
      // office-js #365: very hidden sheets refuse to be deleted.
      if (sheet.visibility === "VeryHidden")
        throw new FakeOfficeError(
          "InvalidOperation",
          `The very hidden sheet ${sheet.name} cannot be deleted`,
        );
      if (
        sheet.visibility === "Visible" &&
        !book.sheets.some((s) => s !== sheet && s.visibility === "Visible")
      )
        throw new FakeOfficeError("InvalidOperation", "The last visible sheet cannot be deleted");
      book.sheets.splice(book.sheets.indexOf(sheet), 1);
      if (book.active?.sheet === sheet.id) book.active = undefined;
      breakReferences(book, sheet.name);
    });
  }

  activate(): void {
    this.queue("activate", true, () => {
      const sheet = this.sheet();
      if (sheet.visibility !== "Visible")
        throw new FakeOfficeError("InvalidOperation", `The hidden sheet ${sheet.name} cannot be activated`);
      this.context.excel.workbook.active = {
        sheet: sheet.id,
        selection: { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
  }
}

const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;

function sheetProperty(sheet: FakeSheet, property: string): unknown {
  if (property === "name") return sheet.name;
  if (property === "visibility") return sheet.visibility;
  if (property === "id") return FakeWorkbook.idOf(sheet);
  return sheet.protected;
}

/** Excel rewrites formulas that name a renamed sheet. */
function renameReferences(book: FakeWorkbook, from: string, to: string): void {
  for (const sheet of book.sheets) {
    for (const cf of sheet.conditionalFormats) {
      if (cf.formula) cf.formula = cf.formula.split(`${quoted(from)}!`).join(`${quoted(to)}!`);
    }
  }
}

/** …and turns references to a deleted sheet into #REF!. */
function breakReferences(book: FakeWorkbook, name: string): void {
  for (const sheet of book.sheets) {
    for (const cf of sheet.conditionalFormats) {
      if (cf.formula?.includes(`${quoted(name)}!`)) {
        cf.formula = cf.formula.replace(/'(?:[^']|'')+'!\$?[A-Z]{1,3}\$?\d+/g, (ref) =>
          ref.startsWith(`${quoted(name)}!`) ? "#REF!" : ref,
        );
      }
    }
  }
}

class FakePageLayout implements Api.PageLayout {
  readonly headersFooters: Api.PageLayout["headersFooters"];

  constructor(private readonly sheet: FakeWorksheet) {
    const footer = (value: string) => this.setLayout("centerFooter", value);
    this.headersFooters = {
      defaultForAllPages: {
        get centerFooter(): string {
          throw new FakeOfficeError("PropertyNotLoaded", "centerFooter");
        },
        set centerFooter(value: string) {
          footer(value);
        },
      },
    };
  }

  setLayout(property: string, value: unknown): void {
    this.sheet.queue("pageLayout", { [property]: value }, () => {
      this.sheet.sheet().pageLayout[property] = value;
    });
  }

  private unread(property: string): never {
    throw new FakeOfficeError("PropertyNotLoaded", `pageLayout.${property} was not loaded`);
  }

  get orientation(): string {
    return this.unread("orientation");
  }
  set orientation(value: string) {
    this.setLayout("orientation", value);
  }
  get zoom(): Api.PageLayoutZoomOptions {
    return this.unread("zoom");
  }
  set zoom(value: Api.PageLayoutZoomOptions) {
    // What Excel does with 0 or a fraction is undocumented: the fake takes only what PageLayoutZoomOptions
    // documents (whole page counts, a scale of 10 to 400), so a host relying on more fails here first.
    const pages = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 1);
    const scale = value.scale === undefined || (value.scale >= 10 && value.scale <= 400);
    if (!pages(value.horizontalFitToPages) || !pages(value.verticalFitToPages) || !scale)
      throw new FakeOfficeError("InvalidArgument", `zoom ${JSON.stringify(value)}`);
    this.setLayout("zoom", { ...value });
  }
  get centerHorizontally(): boolean {
    return this.unread("centerHorizontally");
  }
  set centerHorizontally(value: boolean) {
    this.setLayout("centerHorizontally", value);
  }
  get paperSize(): string {
    return this.unread("paperSize");
  }
  set paperSize(value: string) {
    this.setLayout("paperSize", value);
  }
  setPrintTitleRows(rows: Api.Range | string): void {
    if (typeof rows !== "string" || !/^\$\d+:\$\d+$/.test(rows))
      throw new FakeOfficeError("InvalidArgument", "print title rows must be whole rows ($3:$3)");
    this.setLayout("printTitleRows", rows);
  }
}

class FakeChartCollection extends Proxy implements Api.ChartCollection {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context, "charts");
  }

  add(type: string, source: Api.Range, seriesBy?: string): Api.Chart {
    let made: FakeChart | undefined;
    const chart = new FakeChartProxy(this.context, this.worksheet, () => {
      if (!made) throw new FakeOfficeError("InvalidObjectPath", "chart not created");
      return made;
    });
    this.queue("add", { type, source: rangeJson(source), seriesBy }, () => {
      if (!CHART_TYPES.has(type)) throw new FakeOfficeError("InvalidArgument", `chart type ${type}`);
      if (seriesBy !== undefined && !["Auto", "Columns", "Rows"].includes(seriesBy))
        throw new FakeOfficeError("InvalidArgument", `seriesBy ${seriesBy}`);
      const sheet = this.worksheet.sheet();
      if (sheet.protected) throw new FakeOfficeError("AccessDenied", `The sheet ${sheet.name} is protected.`);
      const box = this.worksheet.boxOf(source);
      made = {
        type,
        source: box,
        seriesBy,
        name: `Chart ${sheet.charts.length + 1}`,
        valueAxis: {},
        categoryAxis: {},
        dataLabels: {},
        series: seriesOf(box, seriesBy),
      };
      sheet.charts.push(made);
    });
    return chart;
  }

  get count(): number {
    return this.read("count");
  }

  get items(): Api.Chart[] {
    return this.read("items");
  }

  load(names: string | string[]): Api.ChartCollection {
    const properties = parseNames(names);
    for (const p of properties)
      if (!["count", "items", "items/name"].includes(p))
        throw new Error(`FakeExcel: loading charts' '${p}' is not modelled`);
    this.context.enqueue({ load: this.path, select: properties }, () => {
      const charts = this.worksheet.sheet().charts;
      const out: Record<string, unknown> = {};
      if (properties.includes("count")) {
        this.loaded.set("count", charts.length);
        out.count = charts.length;
      }
      if (properties.some((p) => p.startsWith("items"))) {
        const items = charts.map((state) => {
          const proxy = new FakeChartProxy(this.context, this.worksheet, () => state);
          proxy.fill(state);
          return proxy;
        });
        this.loaded.set("items", items);
        out.items = charts.map((c) => ({ name: c.name }));
      }
      return out;
    });
    return this;
  }

  getItemAt(index: number): Api.Chart {
    return new FakeChartProxy(this.context, this.worksheet, () => {
      const state = this.worksheet.sheet().charts[index];
      if (!state) throw new FakeOfficeError("ItemNotFound", `No chart at ${index}`);
      return state;
    });
  }
}

class FakeChartProxy extends Proxy implements Api.Chart {
  readonly title: Api.Chart["title"];
  readonly legend: Api.Chart["legend"];
  readonly axes: Api.Chart["axes"];
  readonly series: Api.ChartSeriesCollection;
  readonly dataLabels: Api.ChartDataLabels;

  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly state: () => FakeChart,
  ) {
    super(context, "chart");
    const chart = state;
    const setter = <T>(name: string, apply: (value: T) => void) => ({
      get(): T {
        throw new FakeOfficeError("PropertyNotLoaded", name);
      },
      set: (value: T) => this.queue("set", { [name]: value }, () => apply(value)),
    });
    /** Settable properties that are not loadable here; each set is queued and runs `apply` at the sync. */
    const properties = <T extends object>(
      prefix: string,
      names: readonly string[],
      apply: (property: string, value: unknown) => void,
    ): T => {
      const out = {} as T;
      for (const p of names)
        Object.defineProperty(
          out,
          p,
          setter<unknown>(`${prefix}.${p}`, (v) => apply(p, v)),
        );
      return out;
    };
    const axis = (which: "valueAxis" | "categoryAxis") =>
      properties<Api.ChartAxis>(
        which,
        ["minimum", "maximum", "numberFormat", "reversePlotOrder", "position"],
        (p, v) => (chart()[which][p] = v),
      );
    this.title = properties("title", ["text"], (_, v) => (chart().title = v as string));
    this.legend = properties("legend", ["visible", "position"], (p, v) => {
      if (p === "visible") chart().legendVisible = v as boolean;
      else chart().legendPosition = v as string;
    });
    this.axes = { valueAxis: axis("valueAxis"), categoryAxis: axis("categoryAxis") };
    this.dataLabels = properties(
      "dataLabels",
      ["showValue", "position", "numberFormat"],
      (p, v) => (chart().dataLabels[p] = v),
    );
    const seriesProxy = (resolve: () => FakeChartSeries): Api.ChartSeries => {
      const format = {
        fill: {
          setSolidColor: (color: string) =>
            this.queue("setSolidColor", color, () => (resolve().fill = color)),
        },
        line: properties<{ color: string }>(
          "series.format.line",
          ["color"],
          (_, v) => (resolve().lineColor = v as string),
        ),
      };
      return Object.defineProperty(
        {
          format,
          setValues: (range: Api.Range) =>
            this.queue("setValues", rangeJson(range), () => (resolve().values = worksheet.boxOf(range))),
          setXAxisValues: (range: Api.Range) =>
            this.queue(
              "setXAxisValues",
              rangeJson(range),
              () => (resolve().xValues = worksheet.boxOf(range)),
            ),
        } as unknown as Api.ChartSeries,
        "name",
        setter<string>("series.name", (v) => (resolve().name = v)),
      );
    };
    this.series = {
      getItemAt: (index) =>
        seriesProxy(() => {
          const found = chart().series[index];
          if (!found) throw new FakeOfficeError("ItemNotFound", `No series at ${index}`);
          return found;
        }),
      add: (name, index) => {
        let made: FakeChartSeries | undefined;
        this.queue("addSeries", { name, index }, () => {
          const list = chart().series;
          made = name === undefined ? {} : { name };
          list.splice(index ?? list.length, 0, made);
        });
        return seriesProxy(() => {
          if (!made) throw new FakeOfficeError("InvalidObjectPath", "series not created");
          return made;
        });
      },
    };
  }

  /** The properties a load of the collection's items brings. */
  fill(state: FakeChart): void {
    this.loaded.set("name", state.name);
  }

  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.queue("set", { name: value }, () => {
      this.state().name = value;
    });
  }

  setPosition(start: Api.Range | string, end?: Api.Range | string): void {
    this.queue("setPosition", { start: rangeJson(start), end: end && rangeJson(end) }, () => {
      this.state().position = {
        start: this.worksheet.boxOf(start),
        ...(end ? { end: this.worksheet.boxOf(end) } : {}),
      };
    });
  }

  /** Takes the chart off its sheet (a sheet's deletion takes its charts with it, since they live on it). */
  delete(): void {
    this.queue("delete", true, () => {
      const state = this.state();
      const charts = this.worksheet.sheet().charts;
      const at = charts.indexOf(state);
      if (at < 0) throw new FakeOfficeError("ItemNotFound", "the chart was deleted already");
      charts.splice(at, 1);
    });
  }
}

const TABLE_PROPERTIES = ["name", "showHeaders", "showTotals"] as const;
type TableProperty = (typeof TABLE_PROPERTIES)[number];

/** A sheet's Excel Tables (Worksheet.tables, ExcelApi 1.1). */
class FakeTableCollection extends Proxy implements Api.TableCollection {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context, "tables");
  }

  get items(): Api.Table[] {
    return this.read("items");
  }

  get count(): number {
    return this.read("count");
  }

  /** `count`, `items` (every property of each) or `items/name` and the like. */
  load(names: string | string[]): Api.TableCollection {
    const properties = parseNames(names);
    const itemProperties: TableProperty[] = [];
    for (const p of properties) {
      const item = /^items\/(.+)$/.exec(p)?.[1] as TableProperty | undefined;
      if (p === "items") itemProperties.push(...TABLE_PROPERTIES);
      else if (item && TABLE_PROPERTIES.includes(item)) itemProperties.push(item);
      else if (p !== "count") throw new Error(`FakeExcel: loading tables' '${p}' is not modelled`);
    }
    this.context.enqueue({ load: this.path, select: properties }, () => {
      const tables = this.worksheet.sheet().tables;
      const out: Record<string, unknown> = {};
      if (properties.includes("count")) {
        this.loaded.set("count", tables.length);
        out.count = tables.length;
      }
      if (itemProperties.length > 0) {
        const items = tables.map((table) => {
          const proxy = new FakeTableProxy(this.context, this.worksheet, () => this.existing(table));
          proxy.fill(table, itemProperties);
          return proxy;
        });
        this.loaded.set("items", items);
        out.items = tables.map((t) => Object.fromEntries(itemProperties.map((p) => [p, t[p]])));
      }
      return out;
    });
    return this;
  }

  /** By place, as Office.js's collections go: whatever table sits there at the sync. */
  getItemAt(index: number): Api.Table {
    return new FakeTableProxy(this.context, this.worksheet, () => {
      const table = this.worksheet.sheet().tables[index];
      if (!table) throw new FakeOfficeError("ItemNotFound", `No table at ${index}`);
      return table;
    });
  }

  /** A loaded item stands for its table (Office keeps its id), and fails once the table is gone. */
  private existing(table: FakeTable): FakeTable {
    if (!this.worksheet.sheet().tables.includes(table))
      throw new FakeOfficeError("ItemNotFound", `The table ${table.name} does not exist`);
    return table;
  }
}

class FakeTableProxy extends Proxy implements Api.Table {
  constructor(
    context: FakeContext,
    private readonly worksheet: FakeWorksheet,
    private readonly state: () => FakeTable,
  ) {
    super(context, "table");
  }

  /** The properties a load of the collection's items brings. */
  fill(table: FakeTable, properties: readonly TableProperty[]): void {
    for (const p of properties) this.loaded.set(p, table[p]);
  }

  get name(): string {
    return this.read("name");
  }
  get showHeaders(): boolean {
    return this.read("showHeaders");
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }

  load(names: string | string[]): Api.Table {
    this.queueLoad(
      names,
      TABLE_PROPERTIES,
      () => false,
      (p) => this.state()[p as TableProperty],
    );
    return this;
  }

  /** The whole table, its header and totals rows included where shown. */
  getRange(): Api.Range {
    return new FakeRange(this.context, this.worksheet, new Lazy(() => ({ ...this.state().range })), {
      from: this.path,
      get: "getRange",
    });
  }
}

function rangeJson(range: Api.Range | string): string {
  return typeof range === "string" ? range : (range as FakeRange).path;
}

// ---------------------------------------------------------------------------------------------------------
// Ranges

function wholeSheet(): CellRange {
  return { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 };
}

function checked(box: CellRange): CellRange {
  if (box.top < 0 || box.left < 0 || box.bottom >= MAX_ROWS || box.right >= MAX_COLUMNS)
    throw new FakeOfficeError("InvalidArgument", "The range is outside the sheet");
  return box;
}

/** `A1`, `A1:B2`, `$A$1`, `A:C`, `3:5`. */
export function parseAddress(address: string): CellRange {
  const range = parseRange(address);
  if (range) return checked(range);
  const text = address.replace(/\$/g, "").trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^([A-Z]{1,3}):([A-Z]{1,3})$/.exec(text)))
    return checked({ top: 0, left: columnIndex(m[1]!)!, bottom: MAX_ROWS - 1, right: columnIndex(m[2]!)! });
  if ((m = /^(\d+):(\d+)$/.exec(text)))
    return checked({ top: Number(m[1]) - 1, left: 0, bottom: Number(m[2]) - 1, right: MAX_COLUMNS - 1 });
  throw new FakeOfficeError("InvalidArgument", `The address ${address} is not valid`);
}

const cellsOf = (box: CellRange) => (box.bottom - box.top + 1) * (box.right - box.left + 1);

/** A5 or A5:C9 for a zero-based box. */
function a1(box: CellRange): string {
  const first = `${columnLetter(box.left)}${box.top + 1}`;
  return box.top === box.bottom && box.left === box.right
    ? first
    : `${first}:${columnLetter(box.right)}${box.bottom + 1}`;
}

class FakeRange extends Proxy implements Api.Range, FakeRangeExtras {
  private formatProxy: Api.RangeFormat | undefined;
  private formatsProxy: Api.ConditionalFormatCollection | undefined;

  constructor(
    context: FakeContext,
    readonly worksheet: FakeWorksheet,
    private readonly lazyBox: Lazy<CellRange | null>,
    origin: Origin,
  ) {
    super(context, "range", origin);
  }

  get format(): Api.RangeFormat {
    return (this.formatProxy ??= new FakeRangeFormat(this));
  }

  /** Every change to a range but selecting it is refused on a protected sheet. */
  override queue(action: string, data: unknown, run: () => void): void {
    super.queue(action, data, () => {
      if (action !== "select") writable(this.sheet());
      run();
    });
  }

  get conditionalFormats(): Api.ConditionalFormatCollection {
    return (this.formatsProxy ??= new FakeConditionalFormatCollection(this.context, this));
  }

  box(): CellRange | null {
    return this.lazyBox.get();
  }

  /** The box, or a failure for a null object. */
  need(): CellRange {
    const box = this.box();
    if (!box) throw nullObject(this.path);
    return box;
  }

  sheet(): FakeSheet {
    return this.worksheet.sheet();
  }

  forEachCell(apply: (sheet: FakeSheet, row: number, column: number) => void): void {
    const box = this.need();
    const sheet = this.sheet();
    for (let r = box.top; r <= box.bottom; r++)
      for (let c = box.left; c <= box.right; c++) apply(sheet, r, c);
  }

  // Loaded properties --------------------------------------------------------------------------------------

  get values(): Api.CellScalar[][] {
    return this.read("values");
  }
  set values(values: Api.CellWrite<Api.CellScalar>) {
    this.queue("set", { values }, () => this.enter(values, "values"));
  }

  get formulas(): Api.CellScalar[][] {
    return this.read("formulas");
  }
  /** Typed as into the formula bar: as `values`, a string with = (or + - @) first being a formula. */
  set formulas(formulas: Api.CellWrite<Api.CellScalar>) {
    this.queue("set", { formulas }, () => this.enter(formulas, "formulas"));
  }

  /** Enters each value as typed; null leaves its cell as it is. */
  private enter(values: Api.CellWrite<Api.CellScalar>, what: string): void {
    const box = this.need();
    const grid = fit(values, box, what);
    const sheet = this.sheet();
    grid.forEach((cells, r) =>
      cells.forEach((value, c) => {
        if (value === null) return;
        enterValue(sheet, box.top + r, box.left + c, value, this.context.excel.workbook.date1904);
      }),
    );
  }

  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  set numberFormat(formats: Api.CellWrite<string>) {
    this.queue("set", { numberFormat: formats }, () => {
      const box = this.need();
      const grid = fit(formats, box, "numberFormat");
      const sheet = this.sheet();
      grid.forEach((cells, r) =>
        cells.forEach((format, c) => {
          if (format === null) return;
          if (typeof format !== "string")
            throw new FakeOfficeError("InvalidArgument", "a number format is text");
          // A blank number format is General again.
          sheet.setNumberFormat(box.top + r, box.left + c, format === "" ? "General" : format);
        }),
      );
    });
  }

  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  /** ExcelApi 1.2: true when every row of the range is hidden, false when none is, null when some are. */
  get rowHidden(): boolean | null {
    return this.read("rowHidden");
  }

  get hyperlink(): Api.RangeHyperlink {
    return this.read("hyperlink");
  }
  set hyperlink(link: Api.RangeHyperlink) {
    this.queue("set", { hyperlink: link }, () => {
      const box = this.need();
      const sheet = this.sheet();
      sheet.hyperlinks.set(key(box.top, box.left), { ...link });
      if (link.textToDisplay !== undefined) sheet.put(box.top, box.left, link.textToDisplay);
    });
  }

  load(names: string | string[]): Api.Range {
    this.queueLoad(
      names,
      [
        "values",
        "numberFormat",
        "formulas",
        "address",
        "rowIndex",
        "columnIndex",
        "rowCount",
        "columnCount",
        "rowHidden",
      ],
      () => this.box() === null,
      (p) => {
        const box = this.need();
        const sheet = this.sheet();
        if ((p === "values" || p === "numberFormat" || p === "formulas") && cellsOf(box) > 5_000_000)
          throw new FakeOfficeError(
            "RangeExceedsLimit",
            `${cellsOf(box)} cells are more than a read may hold`,
          );
        switch (p) {
          case "values":
            return grid(box, (r, c) => sheet.value(r, c));
          case "numberFormat":
            return grid(box, (r, c) => sheet.numberFormat(r, c));
          case "formulas":
            return grid(box, (r, c) => sheet.formulas.get(key(r, c)) ?? sheet.value(r, c));
          case "address":
            return `${quoted(sheet.name)}!${a1(box)}`;
          case "rowIndex":
            return box.top;
          case "columnIndex":
            return box.left;
          case "rowCount":
            return box.bottom - box.top + 1;
          case "rowHidden":
            return rowHidden(sheet, box);
          default:
            return box.right - box.left + 1;
        }
      },
    );
    return this;
  }

  // Derived ranges -----------------------------------------------------------------------------------------

  private derive(get: string, args: unknown[], make: (box: CellRange) => CellRange | null): FakeRange {
    return new FakeRange(
      this.context,
      this.worksheet,
      new Lazy(() => {
        const box = make(this.need());
        return box && checked(box);
      }),
      { from: this.path, get, args },
    );
  }

  getCell(row: number, column: number): Api.Range {
    return this.derive("getCell", [row, column], (b) => ({
      top: b.top + row,
      left: b.left + column,
      bottom: b.top + row,
      right: b.left + column,
    }));
  }
  getResizedRange(rows: number, columns: number): Api.Range {
    return this.derive("getResizedRange", [rows, columns], (b) => ({
      ...b,
      bottom: b.bottom + rows,
      right: b.right + columns,
    }));
  }
  getOffsetRange(rows: number, columns: number): Api.Range {
    return this.derive("getOffsetRange", [rows, columns], (b) => ({
      top: b.top + rows,
      left: b.left + columns,
      bottom: b.bottom + rows,
      right: b.right + columns,
    }));
  }
  getEntireColumn(): Api.Range {
    return this.derive("getEntireColumn", [], (b) => ({
      top: 0,
      left: b.left,
      bottom: MAX_ROWS - 1,
      right: b.right,
    }));
  }
  getUsedRangeOrNullObject(valuesOnly = false): Api.Range {
    return this.derive("getUsedRangeOrNullObject", [valuesOnly], (b) => {
      const used = this.sheet().usedRange(valuesOnly);
      if (!used) return null;
      const box = {
        top: Math.max(b.top, used.top),
        left: Math.max(b.left, used.left),
        bottom: Math.min(b.bottom, used.bottom),
        right: Math.min(b.right, used.right),
      };
      if (box.top > box.bottom || box.left > box.right) return null;
      // The used part of a range: the cells with values within it, not just the overlap of bounds.
      const inner = new FakeSheet(0, "");
      for (let r = box.top; r <= box.bottom; r++)
        for (let c = box.left; c <= box.right; c++) {
          const v = this.sheet().value(r, c);
          if (v !== "") inner.put(r, c, v);
        }
      return valuesOnly ? inner.usedRange(true) : box;
    });
  }

  getMergedAreasOrNullObject(): Api.RangeAreas {
    return new FakeRangeAreas(this.context, this, "getMergedAreasOrNullObject", undefined, () => {
      const box = this.need();
      const found = this.sheet().merges.filter((m) => overlaps(m, box));
      // Office: "if the merged areas count in this range is more than 512, this method will fail".
      if (found.length > 512) throw new FakeOfficeError("GeneralException", `${found.length} merged areas`);
      return found.length > 0 ? found : null;
    });
  }

  /** ExcelApi 1.9, "Visible" only: ItemNotFound when every cell of the range is hidden. */
  getSpecialCells(cellType: string, cellValueType?: string): Api.RangeAreas {
    return this.specialCells("getSpecialCells", cellType, cellValueType, (box) => {
      throw new FakeOfficeError("ItemNotFound", `No cells of ${a1(box)} are ${cellType}`);
    });
  }

  /** ExcelApi 1.9, "Visible" only: a null object when every cell of the range is hidden. */
  getSpecialCellsOrNullObject(cellType: string, cellValueType?: string): Api.RangeAreas {
    return this.specialCells("getSpecialCellsOrNullObject", cellType, cellValueType, () => null);
  }

  private specialCells(
    get: string,
    cellType: string,
    cellValueType: string | undefined,
    none: (box: CellRange) => null,
  ): Api.RangeAreas {
    if (cellType !== "Visible" || cellValueType !== undefined)
      throw new Error(`FakeExcel: special cells ${cellType} ${cellValueType ?? ""} are not modelled`);
    const args = cellValueType === undefined ? [cellType] : [cellType, cellValueType];
    return new FakeRangeAreas(this.context, this, get, args, () => {
      const box = this.need();
      const areas = visibleAreas(this.sheet(), box);
      return areas.length > 0 ? areas : none(box);
    });
  }

  merge(across = false): void {
    this.queue("merge", across, () => {
      const box = this.need();
      const sheet = this.sheet();
      const pieces = across
        ? Array.from({ length: box.bottom - box.top + 1 }, (_, i) => ({
            ...box,
            top: box.top + i,
            bottom: box.top + i,
          }))
        : [box];
      for (const piece of pieces) {
        if (piece.top === piece.bottom && piece.left === piece.right) continue;
        if (sheet.merges.some((m) => overlaps(m, piece)))
          throw new FakeOfficeError("MergedRangeConflict", `${a1(piece)} overlaps a merged range`);
        sheet.merges.push(piece);
      }
    });
  }

  select(): void {
    this.queue("select", true, () => {
      const sheet = this.sheet();
      const book = this.context.excel.workbook;
      if (sheet.visibility !== "Visible")
        throw new FakeOfficeError(
          "InvalidSelection",
          `A cell on the hidden sheet ${sheet.name} cannot be selected`,
        );
      if (book.active?.sheet !== sheet.id)
        throw new FakeOfficeError(
          "InvalidSelection",
          "Select a cell on the active sheet (activate the sheet first)",
        );
      book.focusCheck("select");
      book.active = { sheet: sheet.id, selection: this.need() };
    });
  }

  clear(applyTo = "All"): void {
    this.queue("clear", applyTo, () => {
      const box = this.need();
      const sheet = this.sheet();
      const inside = (k: number) => {
        const r = Math.floor(k / MAX_COLUMNS);
        const c = k % MAX_COLUMNS;
        return r >= box.top && r <= box.bottom && c >= box.left && c <= box.right;
      };
      // Only the cells that hold something: a whole sheet has 17 billion.
      if (applyTo === "All" || applyTo === "Contents") {
        sheet.values.forEach((cells, r) => {
          if (!cells || r < box.top || r > box.bottom) return;
          for (let c = box.left; c <= Math.min(box.right, cells.length - 1); c++) cells[c] = "";
        });
        for (const k of [...sheet.formulas.keys()]) if (inside(k)) sheet.formulas.delete(k);
      }
      if (applyTo === "All" || applyTo === "Formats") {
        for (const k of [...sheet.formats.keys()]) if (inside(k)) sheet.formats.delete(k);
        for (const k of [...sheet.numberFormats.keys()]) if (inside(k)) sheet.numberFormats.delete(k);
      }
    });
  }
}

/** Runs of indices from `from` to `to` (inclusive) that are not hidden, as [first, last] pairs. */
function shownRuns(from: number, to: number, hidden: ReadonlySet<number>): Array<[number, number]> {
  const cuts = [...hidden].filter((i) => i >= from && i <= to).sort((a, b) => a - b);
  const runs: Array<[number, number]> = [];
  let start = from;
  for (const cut of cuts) {
    if (cut > start) runs.push([start, cut - 1]);
    start = cut + 1;
  }
  if (start <= to) runs.push([start, to]);
  return runs;
}

/**
 * The visible cells of a box as Excel gives them (SpecialCellType.visible): each run of shown rows by each run
 * of shown columns, a row of areas at a time.
 */
function visibleAreas(sheet: FakeSheet, box: CellRange): CellRange[] {
  const columns = shownRuns(box.left, box.right, sheet.hiddenColumns);
  return shownRuns(box.top, box.bottom, sheet.hiddenRows).flatMap(([top, bottom]) =>
    columns.map(([left, right]) => ({ top, left, bottom, right })),
  );
}

function rowHidden(sheet: FakeSheet, box: CellRange): boolean | null {
  let hidden = 0;
  for (const r of sheet.hiddenRows) if (r >= box.top && r <= box.bottom) hidden++;
  if (hidden === 0) return false;
  return hidden === box.bottom - box.top + 1 ? true : null;
}

function overlaps(a: CellRange, b: CellRange): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function grid<T>(box: CellRange, at: (row: number, column: number) => T): T[][] {
  const rows: T[][] = [];
  for (let r = box.top; r <= box.bottom; r++) {
    const row: T[] = [];
    for (let c = box.left; c <= box.right; c++) row.push(at(r, c));
    rows.push(row);
  }
  return rows;
}

/** A 2-D array must match the range's rows and columns, as Office demands. */
function fit<T>(values: T[][], box: CellRange, what: string): T[][] {
  const rows = box.bottom - box.top + 1;
  const columns = box.right - box.left + 1;
  if (
    !Array.isArray(values) ||
    values.length !== rows ||
    values.some((row) => !Array.isArray(row) || row.length !== columns)
  ) {
    throw new FakeOfficeError(
      "InvalidArgument",
      `The ${what} array does not match the size of the range (${rows} x ${columns})`,
    );
  }
  return values;
}

/**
 * A value as Excel takes it from `Range.values`: parsed as if typed, unless the cell's number format is
 * Text (@) or the text starts with an apostrophe (the prefix character, not part of the value).
 */
function enterValue(
  sheet: FakeSheet,
  row: number,
  column: number,
  value: Api.CellScalar,
  date1904: boolean,
): void {
  if (value === null || value === undefined)
    throw new FakeOfficeError("InvalidArgument", "a value to enter is never null (null leaves a cell alone)");
  const k = key(row, column);
  if (typeof value !== "string") return sheet.put(row, column, value);
  if (value === "") return sheet.put(row, column, "");
  if (sheet.numberFormat(row, column) === "@") return sheet.put(row, column, value);
  if (value.startsWith("'")) return sheet.put(row, column, value.slice(1));
  const text = value.trim();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return sheet.put(row, column, Number(text));
  if (/^[=+\-@]/.test(value)) {
    sheet.put(row, column, "#NAME?");
    sheet.formulas.set(k, value.startsWith("=") ? value : `=${value.replace(/^[+@]/, "")}`);
    return;
  }
  let m = /^([+-]?\d+(?:\.\d+)?)%$/.exec(text);
  if (m) {
    sheet.put(row, column, Number(m[1]) / 100);
    if (sheet.numberFormat(row, column) === "General") sheet.setNumberFormat(row, column, "0%");
    return;
  }
  if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(text))) {
    const day = dayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
    if (day !== undefined) {
      sheet.put(row, column, excelSerialFromDay(day, date1904));
      if (sheet.numberFormat(row, column) === "General") sheet.setNumberFormat(row, column, "yyyy-mm-dd");
      return;
    }
  }
  if (/^(true|false)$/i.test(text)) return sheet.put(row, column, text.toLowerCase() === "true");
  sheet.put(row, column, value);
}

/** Some areas of one sheet (merged areas, visible cells); `areas` gives null for a null object. */
class FakeRangeAreas extends Proxy implements Api.RangeAreas {
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
    get: string,
    args: unknown[] | undefined,
    private readonly areas: () => CellRange[] | null,
  ) {
    super(context, "rangeAreas", { from: range.path, get, args });
  }

  get address(): string {
    return this.read("address");
  }
  get areaCount(): number {
    return this.read("areaCount");
  }

  load(names: string | string[]): Api.RangeAreas {
    this.queueLoad(
      names,
      ["address", "areaCount"],
      () => this.areas() === null,
      (p) => {
        const areas = this.areas() ?? [];
        if (p === "areaCount") return areas.length;
        const name = quoted(this.range.sheet().name);
        return areas.map((m) => `${name}!${a1(m)}`).join(", ");
      },
    );
    return this;
  }
}

class FakeRangeFormat implements Api.RangeFormat {
  readonly fill: Api.RangeFormat["fill"];
  readonly font: Api.RangeFont;
  readonly borders: Api.RangeFormat["borders"];

  constructor(private readonly range: FakeRange) {
    const cellSetter = <T>(name: string, apply: (format: FakeCellFormat, value: T) => void) => ({
      get(): T {
        throw new FakeOfficeError("PropertyNotLoaded", `format.${name} was not loaded`);
      },
      set: (value: T) => this.apply(name, value, (format) => apply(format, value)),
    });
    this.fill = Object.defineProperty(
      {} as { color: string },
      "color",
      cellSetter<string>("fill.color", (f, v) => (f.fill = v.toUpperCase())),
    );
    const font = {} as Api.RangeFont;
    Object.defineProperties(font, {
      bold: cellSetter<boolean>("font.bold", (f, v) => (f.bold = v)),
      size: cellSetter<number>("font.size", (f, v) => (f.size = v)),
      color: cellSetter<string>("font.color", (f, v) => (f.color = v.toUpperCase())),
      underline: cellSetter<string>("font.underline", (f, v) => (f.underline = v)),
    });
    this.font = font;
    this.borders = {
      getItem: (index: string) => {
        const border = {} as Api.RangeBorder;
        const side = (value: Record<string, string>) => this.applyBorder(index, value);
        Object.defineProperties(border, {
          style: {
            get: () => this.unread("border.style"),
            set: (v: string) => {
              side({ style: v });
            },
          },
          color: {
            get: () => this.unread("border.color"),
            set: (v: string) => {
              side({ color: v.toUpperCase() });
            },
          },
        });
        return border;
      },
    };
  }

  private unread(name: string): never {
    throw new FakeOfficeError("PropertyNotLoaded", `format.${name} was not loaded`);
  }

  private apply(name: string, value: unknown, change: (format: FakeCellFormat) => void): void {
    this.range.queue("format", { [name]: value }, () =>
      this.range.forEachCell((sheet, r, c) => change(sheet.format(r, c))),
    );
  }

  private applyBorder(index: string, value: Record<string, string>): void {
    this.range.queue("border", { [index]: value }, () => {
      const box = this.range.need();
      this.range.forEachCell((sheet, r, c) => {
        const sides: string[] = [];
        if (index === "EdgeTop" && r === box.top) sides.push("top");
        if (index === "EdgeBottom" && r === box.bottom) sides.push("bottom");
        if (index === "EdgeLeft" && c === box.left) sides.push("left");
        if (index === "EdgeRight" && c === box.right) sides.push("right");
        if (index === "InsideHorizontal") {
          if (r > box.top) sides.push("top");
          if (r < box.bottom) sides.push("bottom");
        }
        if (index === "InsideVertical") {
          if (c > box.left) sides.push("left");
          if (c < box.right) sides.push("right");
        }
        if (sides.length === 0) return;
        const format = sheet.format(r, c);
        const borders = (format.borders ??= {});
        for (const s of sides) borders[s] = { ...borders[s], ...value };
      });
    });
  }

  get columnWidth(): number {
    return this.unread("columnWidth");
  }
  set columnWidth(points: number) {
    this.range.queue("format", { columnWidth: points }, () => {
      const box = this.range.need();
      for (let c = box.left; c <= box.right; c++) this.range.sheet().columnWidths.set(c, points);
    });
  }
  get rowHeight(): number {
    return this.unread("rowHeight");
  }
  set rowHeight(points: number) {
    this.range.queue("format", { rowHeight: points }, () => {
      const box = this.range.need();
      for (let r = box.top; r <= box.bottom; r++) this.range.sheet().rowHeights.set(r, points);
    });
  }
  get horizontalAlignment(): string {
    return this.unread("horizontalAlignment");
  }
  set horizontalAlignment(value: string) {
    this.apply("horizontalAlignment", value, (f) => (f.horizontal = value));
  }
  get verticalAlignment(): string {
    return this.unread("verticalAlignment");
  }
  set verticalAlignment(value: string) {
    this.apply("verticalAlignment", value, (f) => (f.vertical = value));
  }
  get wrapText(): boolean {
    return this.unread("wrapText");
  }
  set wrapText(value: boolean) {
    this.apply("wrapText", value, (f) => (f.wrap = value));
  }
  autofitRows(): void {
    this.range.queue("autofitRows", true, () => {
      this.range.sheet().autofitted++;
    });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Conditional formats

let nextFormatId = 1;

class FakeConditionalFormatCollection extends Proxy implements Api.ConditionalFormatCollection {
  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context, "conditionalFormats", { from: range.path, get: "conditionalFormats" });
  }

  get items(): Api.ConditionalFormat[] {
    return this.read("items");
  }

  load(names: string | string[]): Api.ConditionalFormatCollection {
    const properties = parseNames(names).map((n) => n.replace(/^items\//, ""));
    for (const p of properties)
      if (!["type", "priority", "stopIfTrue"].includes(p))
        throw new Error(`FakeExcel: loading formats' '${p}'`);
    this.context.enqueue({ load: this.path, select: properties }, () => {
      const box = this.range.need();
      const sheet = this.range.sheet();
      const items = sheet.conditionalFormats
        .filter((cf) => overlaps(cf.range, box))
        .map((cf, index) => {
          const proxy = new FakeConditionalFormatProxy(this.context, this.range);
          proxy.bind(cf, properties, index);
          return proxy;
        });
      this.loaded.set("items", items);
      return { items: items.map((item) => item.json(properties)) };
    });
    return this;
  }

  add(type: string): Api.ConditionalFormat {
    const proxy = new FakeConditionalFormatProxy(this.context, this.range);
    this.context.enqueue({ path: this.path, add: type }, () => {
      writable(this.range.sheet());
      if (type !== "Custom" && type !== "DataBar")
        throw new Error(`FakeExcel: ${type} formats are not modelled`);
      const cf: FakeConditionalFormat = {
        id: nextFormatId++,
        type,
        range: this.range.need(),
        stopIfTrue: false,
      };
      // "Adds a new conditional format to the collection at the first/top priority."
      this.range.sheet().conditionalFormats.unshift(cf);
      proxy.bind(cf, [], 0);
      return undefined;
    });
    return proxy;
  }
}

/**
 * A conditional format as Office.js addresses it: by its place in the collection it came from. Its `id` is
 * "the priority of the conditional format in the current ConditionalFormatCollection", and after a priority
 * changes "you have to re-fetch a new copy of the object": a proxy kept across a deletion or a move acts on
 * whatever rule now sits at its old place (office-js #5222).
 */
class FakeConditionalFormatProxy extends Proxy implements Api.ConditionalFormat {
  private place: number | undefined;
  readonly custom: Api.CustomConditionalFormat;
  readonly dataBar: Api.DataBarConditionalFormat;

  constructor(
    context: FakeContext,
    private readonly range: FakeRange,
  ) {
    super(context, "conditionalFormat");
    const of = (type: string) => {
      const cf = this.cf();
      if (cf.type !== type)
        throw new FakeOfficeError("InvalidOperation", `The conditional format is not ${type}`);
      return cf;
    };
    const setter = <T>(name: string, apply: (value: T) => void) => ({
      get(): T {
        throw new FakeOfficeError("PropertyNotLoaded", name);
      },
      set: (value: T) => this.queue("set", { [name]: value }, () => apply(value)),
    });
    const rule = new FakeRuleProxy(context, () => of("Custom"));
    const fill = Object.defineProperty(
      {} as { color: string },
      "color",
      setter<string>("custom.fill", (v) => (of("Custom").fill = v.toUpperCase())),
    );
    const font = Object.defineProperty(
      {} as { color: string },
      "color",
      setter<string>("custom.font", (v) => (of("Custom").fontColor = v.toUpperCase())),
    );
    this.custom = { rule, format: { fill, font } };
    const bar = () => (of("DataBar").dataBar ??= {});
    const positive = {} as { fillColor: string; gradientFill: boolean };
    Object.defineProperties(positive, {
      fillColor: setter<string>("dataBar.fillColor", (v) => (bar().fillColor = v.toUpperCase())),
      gradientFill: setter<boolean>("dataBar.gradientFill", (v) => (bar().gradientFill = v)),
    });
    const dataBar = { positiveFormat: positive } as Api.DataBarConditionalFormat;
    Object.defineProperties(dataBar, {
      lowerBoundRule: setter<Api.ConditionalDataBarRule>("dataBar.lower", (v) => (bar().lower = { ...v })),
      upperBoundRule: setter<Api.ConditionalDataBarRule>("dataBar.upper", (v) => (bar().upper = { ...v })),
    });
    this.dataBar = dataBar;
  }

  override queue(action: string, data: unknown, run: () => void): void {
    super.queue(action, data, () => {
      writable(this.range.sheet());
      run();
    });
  }

  bind(cf: FakeConditionalFormat, properties: readonly string[], index: number): void {
    this.place = index;
    for (const p of properties)
      this.loaded.set(p, p === "type" ? cf.type : p === "priority" ? index : cf.stopIfTrue);
  }

  json(properties: readonly string[]): Record<string, unknown> {
    return Object.fromEntries(properties.map((p) => [p, this.loaded.get(p)]));
  }

  cf(): FakeConditionalFormat {
    if (this.place === undefined)
      throw new FakeOfficeError("InvalidObjectPath", "conditional format not created");
    const box = this.range.need();
    const cf = this.range.sheet().conditionalFormats.filter((f) => overlaps(f.range, box))[this.place];
    if (!cf) throw new FakeOfficeError("ItemNotFound", `no conditional format at priority ${this.place}`);
    return cf;
  }

  get type(): string {
    return this.read("type");
  }
  get priority(): number {
    return this.read("priority");
  }
  set priority(value: number) {
    this.queue("set", { priority: value }, () => {
      const cf = this.cf();
      const list = this.range.sheet().conditionalFormats;
      list.splice(list.indexOf(cf), 1);
      const index = value < 0 ? Math.max(0, list.length + 1 + value) : Math.min(value, list.length);
      list.splice(index, 0, cf);
    });
  }
  get stopIfTrue(): boolean {
    return this.read("stopIfTrue");
  }
  set stopIfTrue(value: boolean) {
    this.queue("set", { stopIfTrue: value }, () => {
      this.cf().stopIfTrue = value;
    });
  }

  load(names: string | string[]): Api.ConditionalFormat {
    this.queueLoad(
      names,
      ["type", "priority", "stopIfTrue"],
      () => false,
      (p) => {
        const cf = this.cf();
        if (p === "type") return cf.type;
        if (p === "priority") return this.place;
        return cf.stopIfTrue;
      },
    );
    return this;
  }

  delete(): void {
    this.queue("delete", true, () => {
      const cf = this.cf();
      const list = this.range.sheet().conditionalFormats;
      list.splice(list.indexOf(cf), 1);
    });
  }
}

class FakeRuleProxy extends Proxy implements Api.ConditionalFormatRule {
  constructor(
    context: FakeContext,
    private readonly cf: () => FakeConditionalFormat,
  ) {
    super(context, "rule");
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(value: string) {
    this.queue("set", { formula: value }, () => {
      if (!value.startsWith("="))
        throw new FakeOfficeError("InvalidArgument", "a rule's formula starts with =");
      this.cf().formula = value;
    });
  }
  load(names: string | string[]): Api.ConditionalFormatRule {
    this.queueLoad(
      names,
      ["formula"],
      () => false,
      () => {
        const cf = this.cf();
        // office-js #6827, #6835: some rules a person makes (two cellValue rules on one range, a duplicated
        // rule) cannot be read: the whole sync fails.
        if (cf.unreadable) throw new FakeOfficeError("GeneralException", "An internal error has occurred.");
        return cf.formula ?? "";
      },
    );
    return this;
  }
}
