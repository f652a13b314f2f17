// The returned workbooks a merge takes, read with the xlsx host's browser entry: the Excel host reads no
// files, so the pane hands it this reader (and the workbench's worker reads the same way).

import type { Locale, SkippedFile, SkippedReason, WorkbookModel } from "../core";
import type { ReturnedWorkbook, ReturnReader } from "../hosts/contract";
import {
  describeInputProblem,
  isWorkbookInputError,
  readWorkbookBytes,
  type InputProblem,
} from "../hosts/xlsx/universal";

/** What a file that cannot be read as a workbook is, for the Feedback sheet (as `duban merge` says it). */
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
 * A returned file as a workbook, or skipped with why, worded for the person: a file that cannot be read
 * is reported among the merge's skipped files rather than stopping the others.
 */
export const readReturnedWorkbook: ReturnReader = async (
  file: ReturnedWorkbook,
  locale: Locale,
): Promise<WorkbookModel | SkippedFile> => {
  try {
    return await readWorkbookBytes(file.bytes, file.name);
  } catch (error) {
    if (isWorkbookInputError(error))
      return {
        file: file.name,
        reason: SKIPPED_FOR[error.problem],
        detail: describeInputProblem(error, locale),
      };
    // Whatever else a file does to the reader, it is that file's problem, not the other returns'.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      file: file.name,
      reason: "damaged",
      detail: `${file.name}${locale === "zh-CN" ? "：" : ": "}${detail}`,
    };
  }
};
