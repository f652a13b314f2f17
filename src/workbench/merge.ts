// The workbench's merge of the units' answers: a chunk of the worker's own, loaded the first time a merge is
// asked for, so that opening and checking a workbook load none of it.

import { readAnswers, type Locale, type MergeOutcome, type ReturnedFile, type Settings } from "../core";
import type { CheckResult, WorkbookModel } from "../core";
import { writeMerge, type OpcPackage } from "../hosts/xlsx/universal";
import type { HostProgress } from "../hosts/contract";
import { readReturnedWorkbook } from "../taskpane/returns";
import type { FileBytes } from "./protocol";

/** Each returned file read (as the Excel host reads them), then merged into the package's task sheet. */
export async function mergeReturns(
  pkg: OpcPackage,
  master: { readonly workbook: WorkbookModel; readonly result: CheckResult },
  returns: readonly FileBytes[],
  options: { readonly settings: Settings; readonly locale: Locale; readonly lastRound: string | undefined },
  progress: (progress: HostProgress) => void,
): Promise<MergeOutcome> {
  const answered: ReturnedFile[] = [];
  for (let i = 0; i < returns.length; i++) {
    progress({ phase: "reading", done: i, total: returns.length });
    answered.push(await answersOf(returns[i]!, options.settings, options.locale));
  }
  progress({ phase: "reading", done: returns.length, total: returns.length });
  return writeMerge(pkg, master, answered, options.lastRound);
}

/** A returned file's answers, or why it was not used. */
async function answersOf(file: FileBytes, settings: Settings, locale: Locale): Promise<ReturnedFile> {
  const read = await readReturnedWorkbook({ name: file.name, bytes: new Uint8Array(file.bytes) }, locale);
  if ("reason" in read) return read;
  const answers = readAnswers(read, settings);
  return "skipped" in answers ? { file: file.name, reason: answers.skipped } : { file: file.name, answers };
}
