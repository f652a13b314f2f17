// The workbench's merge of the units' answers: a chunk of the worker's own, loaded the first time a merge is
// asked for, so that opening and checking a workbook load none of it.

import {
  returnedFile,
  type Locale,
  type MergeOutcome,
  type ReturnedFile,
  type Settings,
  type SharedDone,
} from "../core";
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
  options: {
    readonly settings: Settings;
    readonly locale: Locale;
    readonly lastRound: string | undefined;
    /** The done answers to tasks of several units that earlier merges kept. */
    readonly sharedDone: readonly SharedDone[];
  },
  progress: (progress: HostProgress) => void,
): Promise<MergeOutcome> {
  const answered: ReturnedFile[] = [];
  for (let i = 0; i < returns.length; i++) {
    progress({ phase: "reading", done: i, total: returns.length });
    const file = returns[i]!;
    const read = await readReturnedWorkbook(
      { name: file.name, bytes: new Uint8Array(file.bytes) },
      options.locale,
    );
    answered.push(returnedFile(file.name, read, options.settings));
  }
  progress({ phase: "reading", done: returns.length, total: returns.length });
  return writeMerge(pkg, master, answered, {
    ...(options.lastRound === undefined ? {} : { lastRound: options.lastRound }),
    sharedDone: options.sharedDone,
  });
}
