// The workbench's own error: a file that cannot be opened as a workbook, said in each language.

import type { Locale } from "../core/settings";
import { HostError } from "../hosts/contract";

/** A file that cannot be opened as a workbook: the sentence that says why and what to do, per language. */
export class WorkbookOpenError extends HostError {
  constructor(
    readonly problem: string,
    readonly sentences: Readonly<Record<Locale, string>>,
  ) {
    super("input", sentences["en-US"]);
    this.name = "WorkbookOpenError";
  }
}
