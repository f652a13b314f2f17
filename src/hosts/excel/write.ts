// Writes a check into the open workbook (highlights, generated sheets, Duban's record) and takes all of it out
// again, with the behaviour of the xlsx host: a few conditional formats backed by the very hidden marks sheet,
// generated sheets that replace the ones the record names, and never a sheet or a format of the person's.

import type { CheckResult } from "../../core/check";
import { formatDay } from "../../core/day";
import { generatedSheets, rankingRecord } from "../../core/output/generate";
import {
  HIGHLIGHT_CODE,
  HIGHLIGHT_KINDS,
  highlightPlan,
  type HighlightPlan,
} from "../../core/output/highlights";
import {
  MARKS_SHEET,
  readRecord,
  RECORD_SHEET,
  rankingBaseline,
  recordCells,
  type DubanRecord,
} from "../../core/output/record";
import type { CellStyle, SheetSpec, SpecCell, StyleName } from "../../core/output/spec";
import { styleSheet } from "../../core/output/styles";
import type { Locale, Settings } from "../../core/settings";
import type { CellRange, CellValue } from "../../core/workbook";
import { HostError, type HostProgress } from "../../taskpane/host";
// Shared with the xlsx host rather than copied (it belongs in the core: see the report on this host).
import { freeName } from "../../core/output/names";
import type {
  CellScalar,
  ConditionalFormat,
  ConditionalFormatRule,
  Range,
  RequestContext,
  Worksheet,
} from "./api";
import {
  CellReader,
  columnWidthPoints,
  conditionalFormatsOf,
  deleteSheet,
  GENERAL_FORMAT,
  hexColor,
  jsonBytes,
  LAST_PRIORITY,
  marksFormula,
  MAX_BLOCK_ROWS,
  MAX_MARK_ROWS,
  PAYLOAD_BUDGET,
  quotedSheet,
  refersToMarks,
  serialFromDay,
  TEMPORARY_PREFIX,
  TEXT_FORMAT,
  utf8Length,
} from "./office-quirks";
import { listSheets, placeRows, type SheetEntry } from "./read";

export interface WriteOptions {
  readonly settings: Settings;
  readonly locale: Locale;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: HostProgress) => void;
}

/** What Duban has in the workbook now. */
interface DubanState {
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;
  readonly record: DubanRecord | undefined;
  /** Conditional formats, on any sheet, whose rules look at the marks sheet. */
  readonly highlights: ConditionalFormat[];
}

/** Three syncs: the sheets; the record and every sheet's conditional formats; the custom formats' formulas. */
async function readState(context: RequestContext): Promise<DubanState> {
  const listing = await listSheets(context);
  const recordEntry = listing.sheets.find((s) => s.name === RECORD_SHEET);
  const recordCells = recordEntry?.sheet.getUsedRangeOrNullObject(true);
  recordCells?.load("values,rowIndex,columnIndex");
  const collections = listing.sheets
    .filter((s) => s.name !== MARKS_SHEET && s.name !== RECORD_SHEET)
    .map((s) => {
      const formats = conditionalFormatsOf(s.sheet);
      formats.load("items/type");
      return formats;
    });
  await context.sync();

  let record: DubanRecord | undefined;
  if (recordCells && !recordCells.isNullObject) {
    const rows: Array<CellValue[] | undefined> = [];
    placeRows(
      rows,
      recordCells.values,
      undefined,
      recordCells.rowIndex,
      recordCells.columnIndex,
      new CellReader(false),
    );
    record = readRecord({ fileName: listing.fileName, sheets: [{ name: RECORD_SHEET, rows, merges: [] }] });
  }
  const custom: Array<{ format: ConditionalFormat; rule: ConditionalFormatRule }> = [];
  for (const formats of collections) {
    for (const format of formats.items) {
      if (format.type !== "Custom") continue;
      const rule = format.custom.rule;
      rule.load("formula");
      custom.push({ format, rule });
    }
  }
  if (custom.length > 0) await context.sync();
  return {
    sheets: listing.sheets,
    date1904: listing.date1904,
    record,
    highlights: custom.filter((c) => refersToMarks(c.rule.formula)).map((c) => c.format),
  };
}

/** Queues the removal of everything Duban wrote before (formats first: they name the marks sheet). */
function queueRemoval(state: DubanState, keep: ReadonlySet<string>): Set<string> {
  for (const format of state.highlights) format.delete();
  const ours = new Set([MARKS_SHEET, RECORD_SHEET, ...(state.record?.generated ?? []).map((g) => g.name)]);
  const removed = new Set<string>();
  for (const entry of state.sheets) {
    const leftover = entry.name.startsWith(TEMPORARY_PREFIX);
    if ((!ours.has(entry.name) && !leftover) || keep.has(entry.name)) continue;
    deleteSheet(entry.sheet, entry.visibility);
    removed.add(entry.name);
  }
  return removed;
}

/** Takes out Duban's highlights, generated sheets, marks and record; the settings sheet stays. */
export async function clearResults(context: RequestContext): Promise<void> {
  const state = await readState(context);
  const highlightSheet = state.record?.highlightSheet;
  queueRemoval(state, new Set(highlightSheet ? [highlightSheet] : []));
  await context.sync();
}

/**
 * Writes highlights, the generated sheets and the record for a check. The new sheets are written hidden,
 * under temporary names, block by block; only when all of them are whole do the old ones go and the new
 * ones take their names, in one last sync. Cancelling (or a failure) before that deletes what this run made
 * and leaves the workbook as it was.
 */
export async function writeResults(
  context: RequestContext,
  result: CheckResult,
  options: WriteOptions,
): Promise<{ sheets: string[] }> {
  const { settings, locale, signal } = options;
  if (signal.aborted) throw new HostError("cancelled");
  const state = await readState(context);
  const task = state.sheets.find((s) => s.name === result.sheet);
  if (!task) throw new HostError("input", result.sheet);

  const baseline = rankingBaseline(state.record, formatDay(result.asOf));
  const specs = generatedSheets(result, {
    settings,
    locale,
    ...(baseline ? { previousRanking: baseline } : {}),
  });
  const plan = highlightPlan(result);
  const styles = styleSheet(settings);
  const hasMarks = plan.marks.length > 0;
  const total =
    specs.reduce((n, spec) => n + spec.rows.length, 0) +
    (hasMarks ? plan.marks[plan.marks.length - 1]!.row - plan.marks[0]!.row + 1 : 0);
  const batch = new Batch(context, signal, (done) => options.onProgress({ phase: "writing", done, total }));

  const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
  let temporary = 0;
  const temporaryName = () => {
    let name: string;
    do name = `${TEMPORARY_PREFIX}${++temporary}`;
    while (taken.has(name.toLowerCase()));
    return name;
  };
  const written: Array<{ sheet: Worksheet; spec: SheetSpec }> = [];
  let marks: Worksheet | undefined;
  try {
    options.onProgress({ phase: "writing", done: 0, total });
    for (const spec of specs) {
      const sheet = context.workbook.worksheets.add(temporaryName());
      sheet.visibility = "Hidden";
      written.push({ sheet, spec });
      await writeSheet(batch, sheet, spec, styles, state.date1904);
    }
    if (hasMarks) {
      marks = context.workbook.worksheets.add(temporaryName());
      marks.visibility = "Hidden";
      await writeMarks(batch, marks, plan);
    }
    await batch.flush();
  } catch (error) {
    try {
      await discardTemporary(context);
    } catch {
      // The first failure is the one to report; a later run's commit removes leftovers by their prefix.
    }
    throw error;
  }

  // The last sync: out with the old, in with the new.
  const removed = queueRemoval(state, new Set([result.sheet]));
  const names = new Set(state.sheets.map((s) => s.name).filter((n) => !removed.has(n)));
  const generated: Array<{ name: string; kind: SheetSpec["kind"] }> = [];
  for (const { sheet, spec } of written) {
    const name = freeName(spec.name, names);
    names.add(name);
    generated.push({ name, kind: spec.kind });
    sheet.name = name;
    sheet.visibility = "Visible";
    finishView(sheet, spec);
  }
  if (marks) {
    marks.name = MARKS_SHEET;
    marks.visibility = "VeryHidden";
    addHighlights(task.sheet, plan, settings);
  }
  const record: DubanRecord = {
    version: 1,
    generated,
    highlightSheet: plan.sheet,
    ranking: rankingRecord(result),
    ...(baseline ? { baseline } : {}),
  };
  writeColumn(context.workbook.worksheets.add(RECORD_SHEET), recordCells(record), "VeryHidden");
  await context.sync();
  options.onProgress({ phase: "writing", done: total, total });
  return { sheets: generated.map((g) => g.name) };
}

/** Deletes every sheet with the temporary prefix: this run's, or a crashed run's. */
async function discardTemporary(context: RequestContext): Promise<void> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name,items/visibility");
  await context.sync();
  const ours = worksheets.items.filter((s) => s.name.startsWith(TEMPORARY_PREFIX));
  for (const sheet of ours) deleteSheet(sheet, sheet.visibility);
  if (ours.length > 0) await context.sync();
}

/** Column A of a sheet as text, top down; the record and the settings are stored this way. */
export function writeColumn(sheet: Worksheet, cells: readonly string[], visibility: string): void {
  const range = sheet.getRangeByIndexes(0, 0, cells.length, 1);
  // Text format first: a piece of JSON may begin with "-" or a digit.
  range.numberFormat = cells.map(() => [TEXT_FORMAT]);
  range.values = cells.map((text) => [text]);
  sheet.visibility = visibility;
}

// ---------------------------------------------------------------------------------------------------------
// Batches

/** Rough request bytes of one formatting or link operation (object path, action and arguments). */
const OPERATION_BYTES = 160;

/** Operations queue until they near the payload budget or the block size; then one sync, and a cancel check. */
class Batch {
  private bytes = 0;
  private rows = 0;
  private done = 0;

  constructor(
    readonly context: RequestContext,
    private readonly signal: AbortSignal,
    private readonly progress: (done: number) => void,
  ) {}

  /** Whether `bytes` and `rows` more fit in this sync. */
  fits(bytes: number, rows: number, maxRows = MAX_BLOCK_ROWS): boolean {
    return this.bytes + bytes <= PAYLOAD_BUDGET && this.rows + rows <= maxRows;
  }

  get empty(): boolean {
    return this.bytes === 0 && this.rows === 0;
  }

  add(bytes: number, rows = 0): void {
    this.bytes += bytes;
    this.rows += rows;
    this.done += rows;
  }

  async flush(): Promise<void> {
    if (this.bytes === 0 && this.rows === 0) return;
    await this.context.sync();
    this.bytes = 0;
    this.rows = 0;
    this.progress(this.done);
    if (this.signal.aborted) throw new HostError("cancelled");
  }
}

// ---------------------------------------------------------------------------------------------------------
// Generated sheets

/** A cell's value as Office.js takes it. */
function valueOf(cell: SpecCell | null, date1904: boolean): CellScalar {
  const value = cell?.value ?? null;
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  return serialFromDay(value.day, date1904);
}

/** Text is always Text (@), so that Excel never parses it; numbers and dates take their style's format. */
function formatOf(cell: SpecCell | null, style: CellStyle | undefined): string {
  if (typeof cell?.value === "string" && cell.value !== "") return TEXT_FORMAT;
  return style?.numberFormat ?? GENERAL_FORMAT;
}

/** The properties a style sets, each one operation. */
function styleOperations(style: CellStyle): number {
  let n = 0;
  if (style.bold) n++;
  if (style.size !== undefined) n++;
  if (style.color) n++;
  if (style.underline) n++;
  if (style.fill) n++;
  if (style.horizontal) n++;
  if (style.vertical) n++;
  if (style.wrap) n++;
  if (style.border) n += 12;
  return n;
}

const HORIZONTAL = { left: "Left", center: "Center", right: "Right" } as const;
const VERTICAL = { top: "Top", center: "Center" } as const;
const BORDER_COLOR = "#BFBFBF";

function applyStyle(range: Range, style: CellStyle, rows: number, columns: number): void {
  const format = range.format;
  if (style.bold) format.font.bold = true;
  if (style.size !== undefined) format.font.size = style.size;
  if (style.color) format.font.color = hexColor(style.color);
  if (style.underline) format.font.underline = "Single";
  if (style.fill) format.fill.color = hexColor(style.fill);
  if (style.horizontal) format.horizontalAlignment = HORIZONTAL[style.horizontal];
  if (style.vertical) format.verticalAlignment = VERTICAL[style.vertical];
  if (style.wrap) format.wrapText = true;
  if (style.border) {
    const edges = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"];
    if (rows > 1) edges.push("InsideHorizontal");
    if (columns > 1) edges.push("InsideVertical");
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = "Continuous";
      border.color = BORDER_COLOR;
    }
  }
}

/** Runs of equal style along each row, joined down the rows into rectangles. */
export function styleRectangles(
  rows: ReadonlyArray<ReadonlyArray<SpecCell | null>>,
  first: number,
): Array<{ style: StyleName; range: CellRange }> {
  const done: Array<{ style: StyleName; range: CellRange }> = [];
  let open = new Map<string, { style: StyleName; range: CellRange }>();
  rows.forEach((cells, i) => {
    const row = first + i;
    const next = new Map<string, { style: StyleName; range: CellRange }>();
    for (const run of runsOf(cells)) {
      const before = open.get(run);
      if (before) {
        open.delete(run);
        next.set(run, { style: before.style, range: { ...before.range, bottom: row } });
      } else {
        const [left, right, style] = run.split(":") as [string, string, StyleName];
        next.set(run, { style, range: { top: row, left: Number(left), bottom: row, right: Number(right) } });
      }
    }
    done.push(...open.values());
    open = next;
  });
  done.push(...open.values());
  return done;
}

async function writeSheet(
  batch: Batch,
  sheet: Worksheet,
  spec: SheetSpec,
  styles: Readonly<Record<StyleName, CellStyle>>,
  date1904: boolean,
): Promise<void> {
  const width = Math.max(1, spec.columns.length, ...spec.rows.map((r) => r.cells.length));
  spec.columns.forEach((characters, c) => {
    sheet.getRangeByIndexes(0, c, 1, 1).getEntireColumn().format.columnWidth = columnWidthPoints(characters);
  });
  batch.add(spec.columns.length * OPERATION_BYTES);

  let start = 0;
  while (start < spec.rows.length) {
    // Rows for this block: as many as the budget takes, measured before anything is queued.
    let end = start;
    let bytes = 0;
    while (end < spec.rows.length) {
      const row = rowBytes(spec.rows[end]!.cells, spec.rows[end - 1]?.cells, width, styles, date1904);
      if (!batch.fits(bytes + row, end - start + 1)) {
        if (end > start) break;
        // Not even one more row fits after what is queued: send that first (a row alone always goes).
        if (!batch.empty) await batch.flush();
      }
      bytes += row;
      end++;
    }
    queueRows(sheet, spec, start, end, width, styles, date1904);
    batch.add(bytes, end - start);
    start = end;
    if (start < spec.rows.length) await batch.flush();
  }
  queueLayout(sheet, spec);
  batch.add((spec.merges.length + spec.dataBars.length * 6 + 8) * OPERATION_BYTES);
}

/**
 * What one row adds to a request: its values and formats as JSON, its links, and the formatting of the style
 * runs that start on it (a run continuing the one above joins its rectangle and costs nothing more).
 */
function rowBytes(
  cells: ReadonlyArray<SpecCell | null>,
  above: ReadonlyArray<SpecCell | null> | undefined,
  width: number,
  styles: Readonly<Record<StyleName, CellStyle>>,
  date1904: boolean,
): number {
  let bytes = 8;
  let operations = 1;
  const runs = new Set(runsOf(above ?? []));
  for (const run of runsOf(cells))
    if (!runs.has(run)) operations += styleOperations(styles[run.split(":")[2] as StyleName]);
  for (let c = 0; c < width; c++) {
    const cell = cells[c] ?? null;
    const value = valueOf(cell, date1904);
    bytes += (typeof value === "string" ? utf8Length(JSON.stringify(value)) : String(value).length) + 1;
    bytes += formatOf(cell, cell ? styles[cell.style] : undefined).length + 3;
    // A link is two actions: getting the cell, setting its hyperlink.
    if (cell?.link) operations += 2;
  }
  return bytes + operations * OPERATION_BYTES;
}

/** A row's runs of equal style, as `left:right:style`. */
function runsOf(cells: ReadonlyArray<SpecCell | null>): string[] {
  const runs: string[] = [];
  let c = 0;
  while (c < cells.length) {
    const style = cells[c]?.style;
    let right = c;
    while (right + 1 < cells.length && cells[right + 1]?.style === style) right++;
    if (style !== undefined) runs.push(`${c}:${right}:${style}`);
    c = right + 1;
  }
  return runs;
}

function queueRows(
  sheet: Worksheet,
  spec: SheetSpec,
  start: number,
  end: number,
  width: number,
  styles: Readonly<Record<StyleName, CellStyle>>,
  date1904: boolean,
): void {
  const rows = spec.rows.slice(start, end);
  const range = sheet.getRangeByIndexes(start, 0, end - start, width);
  const cellAt = (cells: ReadonlyArray<SpecCell | null>, c: number) => cells[c] ?? null;
  // Formats before values: Text (@) must be there when the text arrives.
  range.numberFormat = rows.map((row) =>
    Array.from({ length: width }, (_, c) => {
      const cell = cellAt(row.cells, c);
      return formatOf(cell, cell ? styles[cell.style] : undefined);
    }),
  );
  range.values = rows.map((row) =>
    Array.from({ length: width }, (_, c) => valueOf(cellAt(row.cells, c), date1904)),
  );
  rows.forEach((row, i) => {
    row.cells.forEach((cell, c) => {
      if (!cell?.link) return;
      sheet.getRangeByIndexes(start + i, c, 1, 1).hyperlink = {
        documentReference: `${quotedSheet(cell.link.sheet)}!${cell.link.cell}`,
        textToDisplay: String(valueOf(cell, date1904)),
      };
    });
  });
  for (const { style, range: box } of styleRectangles(
    rows.map((r) => r.cells),
    start,
  )) {
    const rowsOf = box.bottom - box.top + 1;
    const columnsOf = box.right - box.left + 1;
    applyStyle(
      sheet.getRangeByIndexes(box.top, box.left, rowsOf, columnsOf),
      styles[style],
      rowsOf,
      columnsOf,
    );
  }
  // Heights the core fitted to wrapped text and larger fonts, a run of equal heights at a time.
  let r = 0;
  while (r < rows.length) {
    const height = rows[r]!.height;
    let last = r;
    while (last + 1 < rows.length && rows[last + 1]!.height === height) last++;
    if (height !== undefined)
      sheet.getRangeByIndexes(start + r, 0, last - r + 1, 1).format.rowHeight = height;
    r = last + 1;
  }
}

/** Merges, data bars, page setup: what comes after the cells. Frozen rows and the filter wait for the end. */
function queueLayout(sheet: Worksheet, spec: SheetSpec): void {
  const rangeOf = (box: CellRange) =>
    sheet.getRangeByIndexes(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1);
  for (const merge of spec.merges) rangeOf(merge).merge(false);
  for (const bar of spec.dataBars) {
    const format = rangeOf(bar.range).conditionalFormats.add("DataBar");
    format.dataBar.positiveFormat.fillColor = hexColor(bar.color);
    format.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
    format.dataBar.upperBoundRule = { type: "Number", formula: "1" };
  }
  const layout = sheet.pageLayout;
  layout.orientation = spec.print.landscape ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  // One page wide, as many tall as it takes (0: automatic), as the xlsx host's fitToHeight="0".
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.centerHorizontally = true;
  layout.headersFooters.defaultForAllPages.centerFooter = "&P / &N";
  const repeat = spec.print.repeatRows;
  if (repeat) layout.setPrintTitleRows(`$${repeat.first + 1}:$${repeat.last + 1}`);
  for (const row of spec.print.pageBreaksBefore ?? [])
    sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(row, 0, 1, 1));
}

/** Frozen rows, the filter and the chart, once the sheet is visible (frozen panes fail on hidden sheets). */
function finishView(sheet: Worksheet, spec: SheetSpec): void {
  if (spec.freezeRows > 0) sheet.freezePanes.freezeRows(spec.freezeRows);
  const filter = spec.autoFilter;
  if (filter)
    sheet.autoFilter.apply(
      sheet.getRangeByIndexes(
        filter.top,
        filter.left,
        filter.bottom - filter.top + 1,
        filter.right - filter.left + 1,
      ),
    );
  if (spec.kind === "summary") addCompletionChart(sheet, spec);
}

/**
 * A clustered bar chart of completion by unit beside the summary's unit table: the data bar's column (the
 * completion rate) against the unit names in column A, first unit on top, 0-100 %.
 */
function addCompletionChart(sheet: Worksheet, spec: SheetSpec): void {
  const bar = spec.dataBars[0];
  if (!bar) return;
  const { top, bottom, left } = bar.range;
  const units = bottom - top + 1;
  const heading = spec.rows[top - 1]?.cells[left]?.value;
  const chart = sheet.charts.add("BarClustered", sheet.getRangeByIndexes(top, left, units, 1), "Columns");
  const series = chart.series.getItemAt(0);
  series.setXAxisValues(sheet.getRangeByIndexes(top, 0, units, 1));
  if (typeof heading === "string") {
    series.name = heading;
    chart.title.text = heading;
  }
  chart.legend.visible = false;
  chart.axes.valueAxis.minimum = 0;
  chart.axes.valueAxis.maximum = 1;
  chart.axes.valueAxis.numberFormat = "0%";
  chart.axes.categoryAxis.reversePlotOrder = true;
  const column = spec.columns.length + 1;
  const height = Math.max(12, units + 4);
  chart.setPosition(
    sheet.getRangeByIndexes(top - 1, column, 1, 1),
    sheet.getRangeByIndexes(top - 1 + height, column + 7, 1, 1),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Highlights

/** The code a colour has on the marks sheet: its place in order of urgency, from 1. */
const codeOf = (kind: (typeof HIGHLIGHT_KINDS)[number]) => HIGHLIGHT_CODE[kind];

/** At each flagged cell's own address, the code of its colour; rows from the first flagged to the last. */
async function writeMarks(batch: Batch, sheet: Worksheet, plan: HighlightPlan): Promise<void> {
  const width = plan.range.right + 1;
  const first = plan.marks[0]!.row;
  const last = plan.marks[plan.marks.length - 1]!.row;
  let m = 0;
  let start = first;
  while (start <= last) {
    const rows: CellScalar[][] = [];
    let bytes = 0;
    while (start + rows.length <= last) {
      const row = new Array<CellScalar>(width).fill("");
      while (m < plan.marks.length && plan.marks[m]!.row === start + rows.length) {
        const mark = plan.marks[m]!;
        row[mark.column] = codeOf(mark.kind);
        m++;
      }
      const size = jsonBytes(row);
      if (!batch.fits(bytes + size, rows.length + 1, MAX_MARK_ROWS)) {
        if (rows.length > 0) break;
        if (!batch.empty) await batch.flush();
      }
      rows.push(row);
      bytes += size;
    }
    sheet.getRangeByIndexes(start, 0, rows.length, width).values = rows;
    batch.add(bytes, rows.length);
    start += rows.length;
    if (start <= last) await batch.flush();
  }
}

/**
 * One conditional format per colour over the table (Office.js gives each rule its own format), each asking
 * the marks sheet for the code at the same address, placed after the person's own formats.
 */
function addHighlights(task: Worksheet, plan: HighlightPlan, settings: Settings): void {
  const { top, left, bottom, right } = plan.range;
  const range = task.getRangeByIndexes(top, left, bottom - top + 1, right - left + 1);
  const kinds = new Set(plan.marks.map((m) => m.kind));
  for (const kind of HIGHLIGHT_KINDS) {
    if (!kinds.has(kind)) continue;
    const colour = settings.colors[kind];
    const format = range.conditionalFormats.add("Custom");
    format.custom.rule.formula = marksFormula(top, left, codeOf(kind));
    format.custom.format.fill.color = hexColor(colour.fill);
    format.custom.format.font.color = hexColor(colour.text);
    format.priority = LAST_PRIORITY;
  }
}
