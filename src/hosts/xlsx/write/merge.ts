// The units' answers written into the master's package: the merge the core decides, as this host can write it.

import type { CheckResult } from "../../../core/check";
import { mergeAnswers, type MergeOptions, type ReturnedFile } from "../../../core/feedback/merge";
import type { MergeOutcome } from "../../../core/feedback/types";
import { cellPosition, type WorkbookModel } from "../../../core/workbook";
import type { OpcPackage } from "../package";
import { CellEditError, setCellValues } from "./cells";

/**
 * Merges `returns` into the package's task sheet and says what it did. A cell this host must not write (a
 * shared formula's master) is found only when it gets there, and then nothing has changed: the merge is
 * weighed again with that cell reported (formulaCell), until every change can be written.
 */
export function writeMerge(
  pkg: OpcPackage,
  master: { readonly workbook: WorkbookModel; readonly result: CheckResult },
  returns: readonly ReturnedFile[],
  /** What the master's record remembers of its earlier merges (earlierMerges). */
  earlier: Pick<MergeOptions, "lastRound" | "sharedDone">,
): MergeOutcome {
  const unwritable: Array<{ row: number; column: number }> = [];
  for (;;) {
    const outcome = mergeAnswers(master, returns, { ...earlier, unwritable });
    try {
      setCellValues(
        pkg,
        master.result.sheet,
        outcome.changes.map((change) => ({ row: change.row, column: change.column, value: change.new })),
      );
      return outcome;
    } catch (error) {
      const at = error instanceof CellEditError ? cellPosition(error.cell) : undefined;
      if (at === undefined || unwritable.some((cell) => cell.row === at.row + 1 && cell.column === at.column))
        throw error;
      unwritable.push({ row: at.row + 1, column: at.column });
    }
  }
}
