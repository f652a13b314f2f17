// Writes a check into the open workbook (highlights, generated sheets, Duban's record) and takes all of it out
// again, with the behaviour of the xlsx host: a few conditional formats keyed on the rows' own cells, generated
// sheets that replace the ones the record names, and never a sheet or a format of the person's.
//
// Excel does not write a batch as a transaction: another workbook taking the focus makes `worksheets.add`,
// `Worksheet.delete` and `freezePanes.freezeRows` fail part-way through a sync, leaving the operations before
// them done. So every change is ordered for a failure at any point to leave a workbook the next run
// recognises: the new sheets are written hidden under temporary names, the record names every sheet a
// half-done write may leave (its journal) before the old results go, and the swap is retried from a fresh read.

import type { CheckResult } from "../../core/check";
import type { MergeOutcome } from "../../core/feedback/types";
import { highlightFormula, isHighlightFormula, type HighlightPlan } from "../../core/output/highlights";
import { planWrite, writtenRecord, type WritePlan } from "../../core/output/plan";
import {
  LOCK_SHEET,
  MARKS_SHEET,
  isResultSheet,
  readRecord,
  RECORD_SHEET,
  recordCells,
  type DubanRecord,
} from "../../core/output/record";
import type { CellStyle, GeneratedKind, SheetSpec, SpecCell, StyleName } from "../../core/output/spec";
import type { Locale, Settings } from "../../core/settings";
import type { CellRange, CellValue } from "../../core/workbook";
import { HostError, type HostProgress } from "../contract";
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
  MAX_BLOCK_ROWS,
  MAX_MARK_ROWS,
  officeErrorCode,
  PAYLOAD_BUDGET,
  quotedSheet,
  readAsOther,
  serialFromDay,
  TEMPORARY_PREFIX,
  TEXT_FORMAT,
  TEXT_FORMAT_SHOWS,
  utf8Length,
} from "./office-quirks";
import { mergeUndoOf, withMergeUndo } from "./undo-record";
import { listSheets, placeRows, type SheetEntry } from "./read";

export interface WriteOptions {
  readonly settings: Settings;
  readonly locale: Locale;
  readonly signal: AbortSignal;
  readonly onProgress: (progress: HostProgress) => void;
}

// ---------------------------------------------------------------------------------------------------------
// The lock

/**
 * How long a lock holds without being renewed. Each block a run writes renews it; a runtime that died (a
 * ribbon command is shut down five minutes after its click) leaves a lock that the next run may take once
 * this has passed.
 */
export const LOCK_LEASE_MS = 2 * 60 * 1000;

/** Milliseconds since 1970: the host's clock for the lock's lease (tests give their own). */
export type Clock = () => number;

/** A held lock: its sheet's id, and a way to push its lease on with the next sync. */
export interface Lock {
  readonly id: string;
  renew(): void;
}

interface LockClaim {
  readonly run: string;
  /** Milliseconds since 1970 (the host's clock). */
  readonly until: number;
}

/**
 * Runs `work` holding the workbook's lock. Adding a sheet of a taken name fails in Excel, so adding the
 * lock sheet is the atomic test-and-set two runtimes need; a lock whose lease ran out is taken over by
 * deleting that very sheet by its id in the same sync as adding a new one, so two runs taking over at once
 * cannot both win (the second's delete fails and nothing after it runs).
 * @throws HostError("locked") while another run holds it.
 */
export async function withLock<T>(
  context: RequestContext,
  run: string,
  now: Clock,
  work: (lock: Lock) => Promise<T>,
): Promise<T> {
  const worksheets = context.workbook.worksheets;
  const claim = (): Worksheet => {
    const sheet = worksheets.add(LOCK_SHEET);
    writeClaim(sheet, run, now);
    sheet.visibility = "VeryHidden";
    sheet.load("id");
    return sheet;
  };
  let sheet: Worksheet;
  try {
    sheet = claim();
    await context.sync();
  } catch (error) {
    // Protect Workbook refuses a new sheet before anything else changes.
    if (officeErrorCode(error) === "AccessDenied") throw new HostError("protected", "workbook structure");
    if (officeErrorCode(error) !== "ItemAlreadyExists") throw error;
    const held = worksheets.getItem(LOCK_SHEET);
    held.load("id");
    const cell = held.getRange("A1");
    cell.load("values");
    await context.sync();
    const current = parseClaim(cell.values[0]?.[0]);
    if (current && current.until > now()) throw new HostError("locked", current.run);
    const stale = worksheets.getItem(held.id);
    stale.visibility = "Hidden";
    stale.delete();
    sheet = claim();
    try {
      await context.sync();
    } catch {
      throw new HostError("locked", current?.run ?? "");
    }
  }
  const id = sheet.id;
  const lock: Lock = { id, renew: () => writeClaim(worksheets.getItem(id), run, now) };
  try {
    return await work(lock);
  } finally {
    try {
      const ours = worksheets.getItem(id);
      ours.visibility = "Hidden";
      ours.delete();
      await context.sync();
    } catch {
      // Another run took the lock over after its lease, or Excel refused: the lease frees it in time.
    }
  }
}

function writeClaim(sheet: Worksheet, run: string, now: Clock): void {
  const claim: LockClaim = { run, until: now() + LOCK_LEASE_MS };
  const cell = sheet.getRange("A1");
  cell.numberFormat = [[TEXT_FORMAT]];
  cell.values = [[JSON.stringify(claim)]];
}

function parseClaim(value: CellScalar | undefined): LockClaim | undefined {
  try {
    const claim = JSON.parse(String(value)) as Partial<LockClaim>;
    return typeof claim.run === "string" && typeof claim.until === "number"
      ? (claim as LockClaim)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A run's name: in the lock, the journal and its temporary sheets' names. */
export function newRunId(): string {
  return Math.floor(Math.random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0");
}

// ---------------------------------------------------------------------------------------------------------
// What Duban has in the workbook

/** One of Duban's highlight rules, with its place in its sheet's collection (rules are addressed by place). */
interface Highlight {
  readonly sheet: string;
  readonly place: number;
  readonly format: ConditionalFormat;
}

export interface DubanState {
  readonly sheets: SheetEntry[];
  readonly date1904: boolean;
  readonly record: DubanRecord | undefined;
  /** The record sheet, when there is one. */
  readonly recordSheet: SheetEntry | undefined;
  readonly highlights: Highlight[];
  /** Whether Protect Workbook keeps sheets from being added or removed. */
  readonly structureProtected: boolean;
  /** Protected sheets, by name. */
  readonly protectedSheets: ReadonlySet<string>;
}

/** The sheets, the record, protection, and Duban's rules; a few syncs. */
export async function readState(context: RequestContext): Promise<DubanState> {
  const listing = await listSheets(context);
  const workbook = context.workbook;
  workbook.load("protection/protected");
  const recordEntry = listing.sheets.find((s) => s.name === RECORD_SHEET);
  const recordCells = recordEntry?.sheet.getUsedRangeOrNullObject(true);
  recordCells?.load("values,rowIndex,columnIndex");
  const protection = listing.sheets.map((s) => s.sheet.load("protection/protected"));
  await context.sync();

  const sheets = listing.sheets;
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
  return {
    sheets,
    date1904: listing.date1904,
    record,
    recordSheet: sheets.find((s) => s.name === RECORD_SHEET),
    highlights: await readHighlights(context, sheets),
    structureProtected: workbook.protection.protected,
    protectedSheets: new Set(
      listing.sheets.filter((_, i) => protection[i]!.protection.protected).map((s) => s.name),
    ),
  };
}

/**
 * Duban's rules on every sheet. Only the type of every rule is read, then the formula of the custom ones:
 * reading a rule's properties fails for some rules a person makes (office-js #6827, #6835), and such a
 * failure fails the whole sync, so the formulas are then read one rule at a time, and a rule that cannot be
 * read is not Duban's (its rules are plain formulas that always read).
 */
async function readHighlights(context: RequestContext, sheets: readonly SheetEntry[]): Promise<Highlight[]> {
  const collections = sheets
    .filter((s) => s.name !== MARKS_SHEET && s.name !== RECORD_SHEET && s.name !== LOCK_SHEET)
    .map((s) => {
      const formats = conditionalFormatsOf(s.sheet);
      formats.load("items/type");
      return { sheet: s.name, formats };
    });
  await context.sync();
  const custom: Array<{
    sheet: string;
    place: number;
    format: ConditionalFormat;
    rule: ConditionalFormatRule;
  }> = [];
  for (const { sheet, formats } of collections) {
    formats.items.forEach((format, place) => {
      if (format.type !== "Custom") return;
      custom.push({ sheet, place, format, rule: format.custom.rule });
    });
  }
  if (custom.length === 0) return [];
  const readable = new Set<number>();
  try {
    for (const c of custom) c.rule.load("formula");
    await context.sync();
    custom.forEach((_, i) => readable.add(i));
  } catch {
    for (let i = 0; i < custom.length; i++) {
      const rule = custom[i]!.format.custom.rule;
      rule.load("formula");
      try {
        // One rule per sync is the point: one unreadable rule must not hide the others.
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        custom[i] = { ...custom[i]!, rule };
        readable.add(i);
      } catch {
        // A rule Excel cannot read back: a person's, left alone.
      }
    }
  }
  return custom
    .filter((c, i) => readable.has(i) && isHighlightFormula(c.rule.formula))
    .map(({ sheet, place, format }) => ({ sheet, place, format }));
}

/** Queues the deletion of Duban's rules, from the last place of each sheet up, so that none shifts another. */
function queueHighlightRemoval(highlights: readonly Highlight[]): void {
  const order = [...highlights].sort((a, b) =>
    a.sheet === b.sheet ? b.place - a.place : a.sheet < b.sheet ? -1 : 1,
  );
  for (const highlight of order) highlight.format.delete();
}

/**
 * Every sheet that is Duban's by the record, its journal or a temporary name; `keep` excepted. A sheet of
 * the person's is never among them: the record names only what Duban made.
 */
function dubanSheets(state: DubanState, keep: ReadonlySet<string>): SheetEntry[] {
  return state.sheets.filter((s) => isResultSheet(s.name, state.record) && !keep.has(s.name));
}

/** @throws HostError("protected") before any change, naming what is protected. */
export function refuseProtected(state: DubanState, sheets: readonly string[]): void {
  if (state.structureProtected) throw new HostError("protected", "workbook structure");
  const locked = sheets.find((name) => state.protectedSheets.has(name));
  if (locked !== undefined) throw new HostError("protected", locked);
}

/**
 * Takes out Duban's highlights, generated sheets, marks and record; the settings sheet stays. A merge that
 * can still be undone keeps its record (with nothing else in it): undoing is about the person's own cells,
 * which clearing never touches.
 */
export async function clearResults(context: RequestContext, now: Clock = Date.now): Promise<void> {
  await withLock(context, newRunId(), now, async () => {
    const state = await readState(context);
    refuseProtected(state, [...new Set(state.highlights.map((h) => h.sheet))]);
    queueHighlightRemoval(state.highlights);
    const keep = new Set(state.record?.highlightSheet ? [state.record.highlightSheet] : []);
    for (const sheet of dubanSheets(state, keep)) deleteSheet(sheet.sheet, sheet.visibility);
    const undo = mergeUndoOf(state.record);
    if (state.recordSheet && undo)
      queueRecord(context, state.recordSheet.sheet, {
        version: 1,
        generated: [],
        host: withMergeUndo(state.record?.host, undo),
      });
    else if (state.recordSheet) deleteSheet(state.recordSheet.sheet, state.recordSheet.visibility);
    await context.sync();
  });
}

/** The record sheet's column A as these cells: written over in place, or added very hidden. */
export function queueRecord(
  context: RequestContext,
  recordSheet: Worksheet | undefined,
  record: DubanRecord,
): void {
  const sheet = recordSheet ?? context.workbook.worksheets.add(RECORD_SHEET);
  if (recordSheet) sheet.getRange("A:A").clear("Contents");
  writeColumn(sheet, recordCells(record), "VeryHidden");
}

// ---------------------------------------------------------------------------------------------------------
// Writing a check

/** A sheet this run made, under its temporary name until the swap. */
interface Made {
  readonly sheet: Worksheet;
  readonly temporary: string;
  /** Its final name and visibility. */
  readonly name: string;
  readonly visibility: "Visible" | "VeryHidden";
  readonly spec?: SheetSpec;
}

/**
 * Writes highlights, the generated sheets and the record for a check. The new sheets are written hidden,
 * under temporary names, block by block; cancelling or a failure then deletes them and leaves the workbook as
 * it was. Then the swap (see `swap`), and last the frozen rows, filters and chart, which need visible sheets.
 */
export async function writeResults(
  context: RequestContext,
  result: CheckResult,
  options: WriteOptions,
  now: Clock = Date.now,
): Promise<{ sheets: string[] }> {
  if (options.signal.aborted) throw new HostError("cancelled");
  const run = newRunId();
  const { sheets } = await withLock(context, run, now, (lock) =>
    writeLocked(context, result, options, run, lock),
  );
  return { sheets };
}

/** What a merge adds to writing its check: the Feedback sheet, and the host's bookkeeping to record. */
export interface WriteExtra {
  readonly merge?: MergeOutcome;
  /** The record's `host` as it is to be written; without it, the workbook's own is kept. */
  readonly host?: unknown;
}

/** The generated sheets' names as written, in tab order, and the kind of each. */
export interface Written {
  readonly sheets: string[];
  readonly kinds: GeneratedKind[];
}

/** Writes a check holding the lock already (see writeResults); a merge writes its cells first under the same. */
export async function writeLocked(
  context: RequestContext,
  result: CheckResult,
  options: WriteOptions,
  run: string,
  lock: Lock,
  extra: WriteExtra = {},
): Promise<Written> {
  const { settings, locale, signal } = options;
  const state = await readState(context);
  const task = state.sheets.find((s) => s.name === result.sheet);
  if (!task) throw new HostError("input", result.sheet);
  refuseProtected(state, [result.sheet]);

  const plan = planWrite(result, {
    settings,
    locale,
    record: state.record,
    date1904: state.date1904,
    ...(extra.merge ? { merge: extra.merge } : {}),
  });
  const { sheets: specs, highlights, styles } = plan;
  const hasMarks = highlights.keys.length > 0;
  const markRows = hasMarks ? Math.max(...highlights.keys.map((k) => k.keys.length)) : 0;
  const total = specs.reduce((n, spec) => n + spec.rows.length, 0) + markRows;
  const batch = new Batch(context, signal, lock, (done) =>
    options.onProgress({ phase: "writing", done, total }),
  );

  // Final names: free among the sheets that stay once Duban's old ones are gone.
  const replaced = dubanSheets(state, new Set([result.sheet]));
  const staying = new Set(state.sheets.map((s) => s.name).filter((n) => !replaced.some((r) => r.name === n)));
  const taken = new Set(state.sheets.map((s) => s.name.toLowerCase()));
  let count = 0;
  const temporaryName = () => {
    let name: string;
    do name = `${TEMPORARY_PREFIX}${run}_${++count}`;
    while (taken.has(name.toLowerCase()));
    return name;
  };
  const finals = specs.map((spec) => {
    const name = freeName(spec.name, staying);
    staying.add(name);
    return name;
  });
  const temporaries = [...specs.map(() => temporaryName()), ...(hasMarks ? [temporaryName()] : [])];

  // The journal first: from here on, the next run knows every sheet this one may leave behind.
  const journal = { run, sheets: [...replaced.map((s) => s.name), ...temporaries, ...finals, MARKS_SHEET] };
  const before: DubanRecord = state.record ?? { version: 1, generated: [] };
  queueRecord(context, state.recordSheet?.sheet, { ...before, journal });
  await context.sync();
  const recordSheet = context.workbook.worksheets.getItem(RECORD_SHEET);

  const made: Made[] = [];
  try {
    options.onProgress({ phase: "writing", done: 0, total });
    for (let i = 0; i < specs.length; i++) {
      const sheet = context.workbook.worksheets.add(temporaries[i]);
      sheet.visibility = "Hidden";
      made.push({
        sheet,
        temporary: temporaries[i]!,
        name: finals[i]!,
        visibility: "Visible",
        spec: specs[i]!,
      });
      await writeSheet(batch, sheet, specs[i]!, styles, state.date1904);
    }
    if (hasMarks) {
      const sheet = context.workbook.worksheets.add(temporaries[specs.length]);
      sheet.visibility = "Hidden";
      made.push({
        sheet,
        temporary: temporaries[specs.length]!,
        name: MARKS_SHEET,
        visibility: "VeryHidden",
      });
      await writeMarks(batch, sheet, highlights);
    }
    await batch.flush();
  } catch (error) {
    let restored = true;
    try {
      await discardTemporary(context);
      queueRecord(context, recordSheet, state.record ?? { version: 1, generated: [] });
      if (!state.record) deleteSheet(recordSheet, "VeryHidden");
      await context.sync();
    } catch {
      // The first failure is the one to report; the journal tells the next run what to remove.
      restored = false;
    }
    if (error instanceof HostError) throw error;
    throw new HostError(
      "interrupted",
      restored
        ? `${describe(error)}. Nothing was changed: the half-written sheets were removed.`
        : `${describe(error)}. Some half-written hidden sheets are left; Generate or Clear removes them.`,
    );
  }

  // The host's bookkeeping (a merge to undo, the xlsx host's styles) outlives a Generate.
  const host = "host" in extra ? extra.host : state.record?.host;
  const swapped = await swap(context, {
    journal,
    record: writtenRecord(plan, finals, host),
    made,
    replaced,
    plan,
    task: result.sheet,
  });
  if (!swapped.done) {
    throw new HostError(
      "interrupted",
      `${swapped.reason}. The new sheets are written and the record names them; the swap did not finish.`,
    );
  }
  const unfinished = await finishViews(context, made);
  options.onProgress({ phase: "writing", done: total, total });
  if (unfinished)
    throw new HostError(
      "interrupted",
      `${unfinished}. The sheets are written and in place; their frozen header rows, filters or chart are missing.`,
    );
  return { sheets: finals, kinds: specs.map((spec) => spec.kind) };
}

interface Swap {
  readonly journal: NonNullable<DubanRecord["journal"]>;
  readonly record: DubanRecord;
  readonly made: readonly Made[];
  readonly replaced: readonly SheetEntry[];
  readonly plan: WritePlan;
  readonly task: string;
}

/** Attempts at the swap; a focus loss is brief, a second try from a fresh read nearly always goes through. */
const SWAP_ATTEMPTS = 3;

/**
 * Out with the old, in with the new, in two syncs that a fresh read can always resume: first the old rules
 * (each sheet's from its last place up) and the old sheets (by id, those still there), then the new sheets'
 * names and visibility, the rules, and the record without its journal. After a failure part-way it is done
 * again from a new read of the workbook: what went already is not asked for again.
 */
async function swap(
  context: RequestContext,
  swap: Swap,
): Promise<{ done: true } | { done: false; reason: string }> {
  const replacedIds = new Set(swap.replaced.map((s) => s.id));
  const madeIds = await idsOf(
    context,
    swap.made.map((m) => m.sheet),
  );
  let reason = "";
  for (let attempt = 0; attempt < SWAP_ATTEMPTS; attempt++) {
    try {
      // A fresh read each time: rule places and sheets may have changed with a half-done attempt.
      const state = await readState(context);
      queueHighlightRemoval(state.highlights);
      for (const sheet of state.sheets)
        if (replacedIds.has(sheet.id) && !madeIds.includes(sheet.id))
          deleteSheet(sheet.sheet, sheet.visibility);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      const worksheets = context.workbook.worksheets;
      swap.made.forEach((m, i) => {
        const sheet = worksheets.getItem(madeIds[i]!);
        sheet.name = m.name;
        sheet.visibility = m.visibility;
      });
      const task = worksheets.getItem(swap.task);
      addHighlights(task, swap.plan.highlights, swap.plan.colors);
      queueRecord(context, worksheets.getItem(RECORD_SHEET), swap.record);
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      return { done: true };
    } catch (error) {
      reason = describe(error);
    }
  }
  return { done: false, reason };
}

async function idsOf(context: RequestContext, sheets: readonly Worksheet[]): Promise<string[]> {
  for (const sheet of sheets) sheet.load("id");
  await context.sync();
  return sheets.map((s) => s.id);
}

/** Frozen rows, filters and the chart, once the sheets are visible; tried twice. Undefined when all went. */
async function finishViews(context: RequestContext, made: readonly Made[]): Promise<string | undefined> {
  let reason: string | undefined;
  for (const m of made) {
    if (!m.spec) continue;
    reason = undefined;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        finishView(context.workbook.worksheets.getItem(m.name), m.spec);
        // eslint-disable-next-line office-addins/no-context-sync-in-loop
        await context.sync();
        reason = undefined;
        break;
      } catch (error) {
        reason = describe(error);
      }
    }
    if (reason) return `${m.name}: ${reason}`;
  }
  return reason;
}

function describe(error: unknown): string {
  const code = officeErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
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
  // Text format first: a piece of JSON may begin with "-" or a digit. These sheets are very hidden, so
  // that Text shows a long piece as #### matters to no one.
  range.numberFormat = cells.map(() => [TEXT_FORMAT]);
  range.values = cells.map((text) => [text]);
  sheet.visibility = visibility;
}

// ---------------------------------------------------------------------------------------------------------
// Batches

/** Rough request bytes of one formatting or link operation (object path, action and arguments). */
const OPERATION_BYTES = 160;

/** Operations queue until they near the payload budget or the block size; then one sync, and a cancel check. */
export class Batch {
  private bytes = 0;
  private rows = 0;
  private done = 0;

  constructor(
    readonly context: RequestContext,
    private readonly signal: AbortSignal,
    private readonly lock: Lock,
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
    // Each block pushes the lock's lease on: a long write keeps it, a dead runtime's runs out.
    this.lock.renew();
    await this.context.sync();
    this.bytes = 0;
    this.rows = 0;
    this.progress(this.done);
    if (this.signal.aborted) throw new HostError("cancelled");
  }
}

// ---------------------------------------------------------------------------------------------------------
// Generated sheets

/** A cell's value as the sheet shows it (a link's text too). */
function valueOf(cell: SpecCell | null, date1904: boolean): CellScalar {
  const value = cell?.value ?? null;
  if (value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  return serialFromDay(value.day, date1904);
}

/**
 * A cell's value as `Range.values` must carry it for Excel to keep it: text that Excel would read as
 * something else and that is too long for Text (@) to show gets the prefix apostrophe, which Excel drops
 * from the value.
 */
function enteredValue(cell: SpecCell | null, date1904: boolean): CellScalar {
  const value = valueOf(cell, date1904);
  if (typeof value === "string" && value.length > TEXT_FORMAT_SHOWS && readAsOther(value)) return `'${value}`;
  return value;
}

/**
 * Text that Excel would read as something else is Text (@), set before the value arrives, unless too long
 * for Text to show (then the apostrophe keeps it); other text, numbers and dates take their style's format.
 */
function formatOf(cell: SpecCell | null, style: CellStyle | undefined): string {
  const value = cell?.value;
  if (typeof value === "string" && value.length <= TEXT_FORMAT_SHOWS && readAsOther(value))
    return TEXT_FORMAT;
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
    const value = enteredValue(cell, date1904);
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
    Array.from({ length: width }, (_, c) => enteredValue(cellAt(row.cells, c), date1904)),
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
    applyStyle(rangeOf(sheet, box), styles[style], box.bottom - box.top + 1, box.right - box.left + 1);
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

/** The sheet's range over a box of zero-based cells. */
function rangeOf(sheet: Worksheet, box: CellRange): Range {
  return sheet.getRangeByIndexes(box.top, box.left, box.bottom - box.top + 1, box.right - box.left + 1);
}

/** Merges, data bars, page setup: what comes after the cells. Frozen rows and the filter wait for the end. */
function queueLayout(sheet: Worksheet, spec: SheetSpec): void {
  for (const merge of spec.merges) rangeOf(sheet, merge).merge(false);
  for (const bar of spec.dataBars) {
    const format = rangeOf(sheet, bar.range).conditionalFormats.add("DataBar");
    format.dataBar.positiveFormat.fillColor = hexColor(bar.color);
    format.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
    format.dataBar.upperBoundRule = { type: "Number", formula: "1" };
  }
  const layout = sheet.pageLayout;
  layout.orientation = spec.print.landscape ? "Landscape" : "Portrait";
  layout.paperSize = "A4";
  // One page wide, as many tall as it takes, as the xlsx host's fitToHeight="0". PageLayoutZoomOptions
  // documents page counts (or null with a percentage scale), not 0 for "automatic": so as many pages tall as
  // the sheet has rows, a bound the height never reaches, leaves the width alone to set the scale.
  layout.zoom = {
    horizontalFitToPages: 1,
    verticalFitToPages: Math.min(32_767, Math.max(1, spec.rows.length)),
  };
  layout.centerHorizontally = true;
  layout.headersFooters.defaultForAllPages.centerFooter = "&P / &N";
  const repeat = spec.print.repeatRows;
  if (repeat) layout.setPrintTitleRows(`$${repeat.first + 1}:$${repeat.last + 1}`);
  for (const row of spec.print.pageBreaksBefore ?? [])
    sheet.horizontalPageBreaks.add(sheet.getRangeByIndexes(row, 0, 1, 1));
}

/** Frozen rows, the filter and the charts, once the sheet is visible (frozen panes fail on hidden sheets). */
function finishView(sheet: Worksheet, spec: SheetSpec): void {
  if (spec.freezeRows > 0) sheet.freezePanes.freezeRows(spec.freezeRows);
  const filter = spec.autoFilter;
  if (filter) sheet.autoFilter.apply(rangeOf(sheet, filter));
  drawCharts(sheet, spec);
}

/**
 * The spec's native charts, as the xlsx host draws them from the same cells: each made from its first
 * series' values (by columns for a column of values, by rows for a row), the other series added, every
 * series given the categories, its name and its colour; the title, the value axis's bounds and format, and
 * the place between the anchor's cells. Horizontal bars list the first category on top, as the table does,
 * with the value axis kept at the bottom; a bar carries its value, as in the xlsx host.
 */
export function drawCharts(sheet: Worksheet, spec: SheetSpec): void {
  for (const c of spec.charts ?? []) {
    const first = c.series[0];
    if (!first) continue;
    const bar = c.kind === "bar";
    const byColumns = first.values.left === first.values.right;
    const chart = sheet.charts.add(
      bar ? "BarClustered" : "Line",
      rangeOf(sheet, first.values),
      byColumns ? "Columns" : "Rows",
    );
    c.series.forEach((s, i) => {
      const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(s.name);
      if (i > 0) series.setValues(rangeOf(sheet, s.values));
      series.setXAxisValues(rangeOf(sheet, c.categories));
      series.name = s.name;
      if (bar) series.format.fill.setSolidColor(hexColor(s.color));
      else series.format.line.color = hexColor(s.color);
    });
    chart.title.text = c.title;
    chart.legend.visible = c.series.length > 1;
    // Below the plot, as the xlsx host writes it: on the right it would narrow the lines' days.
    if (c.series.length > 1) chart.legend.position = "Bottom";
    const axis = chart.axes.valueAxis;
    if (c.valueAxis.min !== undefined) axis.minimum = c.valueAxis.min;
    if (c.valueAxis.max !== undefined) axis.maximum = c.valueAxis.max;
    axis.numberFormat = c.valueAxis.numberFormat;
    if (bar) {
      chart.axes.categoryAxis.reversePlotOrder = true;
      chart.axes.categoryAxis.position = "Maximum";
      chart.dataLabels.showValue = true;
      chart.dataLabels.position = "OutsideEnd";
      chart.dataLabels.numberFormat = c.valueAxis.numberFormat;
    }
    // The anchor's bottom-right cell is outside the chart; setPosition's end cell is covered whole.
    const { from, to } = c.anchor;
    chart.setPosition(
      sheet.getRangeByIndexes(from.row, from.column, 1, 1),
      sheet.getRangeByIndexes(Math.max(from.row, to.row - 1), Math.max(from.column, to.column - 1), 1, 1),
    );
  }
}

// ---------------------------------------------------------------------------------------------------------
// Highlights

/** Each colour's keys down its own column of the marks sheet, as text. */
async function writeMarks(batch: Batch, sheet: Worksheet, plan: HighlightPlan): Promise<void> {
  const width = plan.keys.length;
  const last = Math.max(...plan.keys.map((k) => k.keys.length));
  let start = 0;
  while (start < last) {
    const rows: CellScalar[][] = [];
    let bytes = 0;
    while (start + rows.length < last) {
      const r = start + rows.length;
      const row = plan.keys.map(({ keys }) => keys[r] ?? "");
      const size = jsonBytes(row) * 2 + width * 4;
      if (!batch.fits(bytes + size, rows.length + 1, MAX_MARK_ROWS)) {
        if (rows.length > 0) break;
        if (!batch.empty) await batch.flush();
      }
      rows.push(row);
      bytes += size;
    }
    const range = sheet.getRangeByIndexes(start, 0, rows.length, width);
    // Text first: a key begins with the task's text, which may begin with = + - or look like a number.
    range.numberFormat = rows.map((row) => row.map(() => TEXT_FORMAT));
    range.values = rows;
    batch.add(bytes, rows.length);
    start += rows.length;
    if (start < last) await batch.flush();
  }
}

/**
 * One conditional format per colour over the table (Office.js gives each rule its own format), each asking
 * whether the cell's key is on that colour's list, placed after the person's own formats.
 */
function addHighlights(task: Worksheet, plan: HighlightPlan, colors: WritePlan["colors"]): void {
  const range = rangeOf(task, plan.range);
  for (const { kind } of plan.keys) {
    const colour = colors[kind];
    const format = range.conditionalFormats.add("Custom");
    format.custom.rule.formula = `=${highlightFormula(plan, kind)}`;
    format.custom.format.fill.color = hexColor(colour.fill);
    format.custom.format.font.color = hexColor(colour.text);
    // Last: `add` put it first, and a format is addressed by its place, so nothing may touch it after this.
    format.priority = LAST_PRIORITY;
  }
}
