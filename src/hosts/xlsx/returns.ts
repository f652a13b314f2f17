// A unit's returned file (反馈) read for a merge: the workbook, or the reason it cannot be used, worded for the
// person. One bad file is reported among the merge's skipped files, never the end of the others.

import type { SkippedFile, SkippedReason } from "../../core/feedback/types";
import type { Locale } from "../../core/settings";
import type { WorkbookModel } from "../../core/workbook";
import { describeInputProblem } from "./describe";
import { isWorkbookInputError, WorkbookInputError, type InputProblem } from "./errors";
import { damagedPart } from "./read";
import { XmlPartError } from "./xml";

/** What a file that cannot be read as a workbook is, for the Feedback sheet. */
const SKIPPED_FOR: Readonly<Record<InputProblem, SkippedReason>> = {
  "not-found": "notWorkbook",
  unreadable: "notWorkbook",
  empty: "notWorkbook",
  "not-a-workbook": "notWorkbook",
  "legacy-xls": "notWorkbook",
  opendocument: "notWorkbook",
  damaged: "damaged",
  "too-large": "damaged",
  encrypted: "encrypted",
};

/**
 * `read`'s workbook, or `fileName` skipped with why. The problem is named by the file's name, not the path it
 * was found at: the Feedback sheet goes to other offices.
 */
export async function returnedWorkbook(
  read: () => WorkbookModel | Promise<WorkbookModel>,
  fileName: string,
  locale: Locale,
): Promise<WorkbookModel | SkippedFile> {
  try {
    return await read();
  } catch (error) {
    const problem = isWorkbookInputError(error)
      ? new WorkbookInputError(error.problem, fileName, error.values)
      : error instanceof XmlPartError
        ? damagedPart(error, fileName)
        : undefined;
    if (problem)
      return {
        file: fileName,
        reason: SKIPPED_FOR[problem.problem],
        detail: describeInputProblem(problem, locale),
      };
    // Whatever else a file does to the reader, it is that file's problem, not the other returns'.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      file: fileName,
      reason: "damaged",
      detail: `${fileName}${locale === "zh-CN" ? "：" : ": "}${detail}`,
    };
  }
}
