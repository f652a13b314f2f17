// The returned workbooks a merge takes, read with the xlsx host's browser entry: the Excel host reads no
// files, so the pane hands it this reader (and the workbench's worker reads the same way).

import type { Locale, SkippedFile, WorkbookModel } from "../core";
import type { ReturnedWorkbook, ReturnReader } from "../hosts/contract";
import { readWorkbookBytes, returnedWorkbook } from "../hosts/xlsx/universal";

/** A returned file as a workbook, or skipped with why (as `duban merge` reads them). */
export const readReturnedWorkbook: ReturnReader = (
  file: ReturnedWorkbook,
  locale: Locale,
): Promise<WorkbookModel | SkippedFile> =>
  returnedWorkbook(() => readWorkbookBytes(file.bytes, file.name), file.name, locale);
