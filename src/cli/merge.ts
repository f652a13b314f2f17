// `duban merge`: the units' returned answers (反馈) into a copy of the master, re-checked, with the Feedback sheet.

import * as path from "node:path";
import {
  applyChanges,
  earlierMerges,
  keptAnswers,
  returnedFile,
  type Locale,
  type MergeOutcome,
  type ReturnedFile,
  type Settings,
  type WorkbookModel,
} from "../core";
import {
  NODE_CODEC,
  OpcPackage,
  readFileBytes,
  readPackage,
  readPackageRecord,
  returnedWorkbook,
  writeMerge,
} from "../hosts/xlsx";
import type { Checked, Output, ReadWorkbook } from "./commands";
import { CLI_WORDS } from "./messages";

/**
 * Each returned file read whole (a notice is a few dozen rows; a copy of the master is read as the master
 * was), or the reason it cannot be used: one bad file is reported on the Feedback sheet, never the end of
 * the merge.
 */
export async function readReturns(
  files: readonly string[],
  settings: Settings,
  locale: Locale,
): Promise<ReturnedFile[]> {
  const returns: ReturnedFile[] = [];
  for (const file of files) {
    const name = path.basename(file);
    const read = await returnedWorkbook(
      async () => ({
        ...(await readPackage(OpcPackage.open(await readFileBytes(file), file, NODE_CODEC), file)),
        fileName: name,
      }),
      name,
      locale,
    );
    returns.push(returnedFile(name, read, settings));
  }
  return returns;
}

/**
 * The merge itself, into the package the master was read into: the changed cells written into the task
 * sheet (each keeping its own style), then the model changed the same way for the check that follows.
 */
export function mergeIntoMaster(
  read: ReadWorkbook,
  checked: Checked,
  returns: readonly ReturnedFile[],
): { outcome: MergeOutcome; workbook: WorkbookModel } {
  const { result } = checked;
  const earlier = earlierMerges(readPackageRecord(read.pkg));
  const outcome = writeMerge(read.pkg, { workbook: read.workbook, result }, returns, earlier);
  return { outcome, workbook: applyChanges(read.workbook, result.sheet, outcome.changes) };
}

/** The line that ends a merge: how many units answered, and what came of their answers. */
export function mergedLine(file: string, outcome: MergeOutcome, locale: Locale, out: Output): void {
  out.stdout.write(
    `\n${CLI_WORDS[locale].merged({
      file,
      changes: outcome.changes.length,
      rejected: outcome.rejected.length,
      kept: keptAnswers(outcome),
      skipped: outcome.skipped.length,
      answered: outcome.units.filter((unit) => unit.files.length > 0).length,
      units: outcome.units.length,
    })}\n`,
  );
}
