// The three commands, each from a settled invocation to its output and exit code: clear, notices, check.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import {
  checkWorkbook,
  formatNotice,
  reportSource,
  HEADER_SEARCH_ROWS,
  sheetsToRead,
  type CheckResult,
  type Locale,
  type MergeOutcome,
  type Settings,
  type WorkbookModel,
} from "../core";
import {
  clearDuban,
  NODE_CODEC,
  noticeWorkbooks,
  OpcPackage,
  readPackage,
  utf8Batches,
  writeCheck,
  writeFileWhole,
} from "../hosts/xlsx";
import { Unusable } from "./failure";
import { headSettings, type Invocation } from "./invocation";
import { jsonPieces } from "./json";
import { collectGarbage } from "./memory";
import { CLI_WORDS } from "./messages";
import type { Progress } from "./progress";
import { renderText } from "./render";

export interface Output {
  readonly stdout: { write(text: string): unknown };
  /** Columns for the text report. */
  readonly columns: number;
}

/** A check, with the settings and the language it ran with. */
export interface Checked {
  readonly result: CheckResult;
  readonly settings: Settings;
  readonly locale: Locale;
}

/** `duban clear`: the workbook without anything Duban added, written to --out. */
export async function clearCommand(
  run: Invocation,
  bytes: Uint8Array,
  progress: Progress,
  out: Output,
): Promise<void> {
  const pkg = OpcPackage.open(bytes, run.file, NODE_CODEC);
  clearDuban(pkg);
  progress.clear();
  await writeOutput(run.out!, await pkg.toBytesAsync(), run.locale);
  out.stdout.write(`${CLI_WORDS[run.locale].cleared({ file: run.out! })}\n`);
}

/** The workbook read for a check, in one package that a checked copy is then written from. */
export interface ReadWorkbook {
  readonly pkg: OpcPackage;
  readonly workbook: WorkbookModel;
}

/**
 * Every sheet's first rows, then whole only the sheets the check needs, chosen with the settings the
 * workbook carries (where they cannot be read, every sheet whole: the check says what is wrong). The
 * package is checked (sizes, CRCs, DOCTYPEs) once, for reading and for the copy.
 */
export async function readForCheck(run: Invocation, bytes: Uint8Array): Promise<ReadWorkbook> {
  const pkg = OpcPackage.open(bytes, run.file, NODE_CODEC);
  const choose = (heads: WorkbookModel): ReadonlySet<string> => {
    const settings = headSettings(run, heads);
    return settings ? sheetsToRead(heads, settings, run.asOfDay) : new Set(heads.sheets.map((s) => s.name));
  };
  // A checked copy edits the task sheet around its cells: its bytes are kept from the reading for that.
  const plan = { headRows: HEADER_SEARCH_ROWS + 1, choose, keep: run.out !== undefined };
  const workbook = { ...(await readPackage(pkg, run.file, plan)), fileName: path.basename(run.file) };
  // What reading let go of (the pieces of the sheets read as they inflated, the shared strings' XML) returned
  // before the check and the report allocate. A part inflated whole on zlib's threads (a checked copy's
  // sheets) is held by zlib's stream until the event loop has turned once more.
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  return { pkg, workbook };
}

/**
 * `duban notices`: one small workbook per unit with open work, in --out-dir, each made to be answered and
 * merged back: the master's answer cells prefilled from `read`, the workbook the check read.
 */
export async function noticesCommand(
  run: Invocation,
  read: ReadWorkbook,
  checked: Checked,
  out: Output,
): Promise<void> {
  const { result, settings, locale } = checked;
  const dir = run.outDir!;
  const files = noticeWorkbooks(result, { settings, locale, workbook: read.workbook }, NODE_CODEC);
  const written = await writeNotices(dir, files, locale);
  out.stdout.write(`${CLI_WORDS[locale].noticesWritten({ count: written.length, dir })}\n`);
  for (const name of written) out.stdout.write(`  ${name}\n`);
  // Tasks that went into no file (相关单位) are said here too: the check's report is not printed.
  for (const notice of result.notices.filter((n) => n.id === "unaddressedTasks"))
    out.stdout.write(`${formatNotice(notice, locale)}\n`);
}

/** `duban check`: the checked copy (--out), the JSON report (--json) and the text report. */
export async function checkCommand(
  run: Invocation,
  pkg: OpcPackage,
  checked: Checked,
  out: Output,
  merge?: MergeOutcome,
): Promise<void> {
  const { result, settings, locale } = checked;
  // The text report is made while the last file written is flushed to disk, and printed once every file is
  // in place. Should making it fail there, it is made again after, where its failure is the command's own.
  let text: string | undefined;
  const render = (): void => {
    try {
      text = renderText(result, locale, out.columns);
    } catch {
      text = undefined;
    }
  };
  if (run.out !== undefined) {
    writeCheck(pkg, result, { settings, locale, ...(merge ? { merge } : {}) });
    await writeOutput(
      run.out,
      await pkg.toBytesAsync(),
      locale,
      "outUnwritable",
      run.json ? undefined : render,
    );
  }
  const { source, issue } = reportSource(result, locale);
  if (run.json === "-") {
    for (const piece of jsonPieces(source, "issues", issue)) out.stdout.write(piece);
    return;
  }
  if (run.json !== undefined) {
    const pieces = utf8Batches(jsonPieces(source, "issues", issue));
    await writeOutput(run.json, pieces, locale, "jsonUnwritable", render);
  }
  out.stdout.write(text ?? renderText(result, locale, out.columns));
  if (run.out !== undefined && !merge)
    out.stdout.write(`\n${CLI_WORDS[locale].written({ file: run.out })}\n`);
}

/** The check, its progress shown while it runs. */
export function runCheck(
  workbook: WorkbookModel,
  run: Invocation,
  settings: Settings,
  locale: Locale,
  progress: Progress,
  keyRows?: readonly number[],
): Checked {
  const result = checkWorkbook(workbook, {
    asOf: run.asOfDay,
    settings,
    ...(keyRows ? { keyRows } : {}),
    // A check that writes no copy reports alone: its highlights are never planned.
    highlightKeys: run.command !== "check" || run.out !== undefined,
    onProgress: (done, total) => progress.checking(done, total),
  });
  progress.clear();
  return { result, settings, locale };
}

/** The whole file or nothing: a temporary file beside it, then a rename (see writeFileWhole). */
async function writeOutput(
  file: string,
  bytes: Uint8Array | Iterable<Uint8Array>,
  locale: Locale,
  problem: "outUnwritable" | "jsonUnwritable" = "outUnwritable",
  whileFlushing?: () => void,
): Promise<void> {
  try {
    await writeFileWhole(file, bytes, whileFlushing);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Unusable(CLI_WORDS[locale][problem]({ file, reason }));
  }
}

/** One file per unit, named after it: 督办单-综采一队.xlsx. */
async function writeNotices(
  dir: string,
  files: ReadonlyArray<{ unit: string; bytes: Uint8Array }>,
  locale: Locale,
): Promise<string[]> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    throw new Unusable(
      CLI_WORDS[locale].outUnwritable({
        file: dir,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      }),
    );
  }
  const names: string[] = [];
  const taken = new Set<string>();
  for (const { unit, bytes } of files) {
    const base = `${CLI_WORDS[locale].noticeFile}-${unit.replace(/[\\/:*?"<>|\s]+/g, "_")}`;
    let name = `${base}.xlsx`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.xlsx`;
    taken.add(name.toLowerCase());
    await writeOutput(path.join(dir, name), bytes, locale);
    names.push(name);
  }
  return names;
}
