// The one way the xlsx host says "this file cannot be used", carrying the facts a one-line message needs.

/** Why a file could not be used as a workbook; each has its own wording in describe.ts. */
export type InputProblem =
  | "not-found"
  | "unreadable"
  | "empty"
  | "not-a-workbook"
  | "damaged"
  | "encrypted"
  | "legacy-xls"
  | "too-large"
  | "opendocument";

/**
 * Facts for the message, by problem (all optional; describe.ts falls back to a general sentence):
 * - unreadable: `reason` = "directory" | "permission" | "not-a-file" | an errno code such as "EIO"
 * - not-a-workbook: `kind` = "text" | "csv" | "html" | "xml" | "pdf" | "document" | "xlsb" | "zip" | "unknown"
 * - damaged: `reason` = "truncated" | "structure" | "compression" | "size-mismatch" | "content" | "doctype" | "xml"
 *   | "duplicate" | "unwritable"; `entry`, `detail`
 * - encrypted: `kind` = "ooxml" | "zip"
 * - too-large: `what` = "contents" | "file" | "ratio"; `sizeBytes`, `limitBytes`; for "ratio": `entry`, `ratio`, `limitRatio`
 */
export type ProblemValues = Record<string, string | number>;

export class WorkbookInputError extends Error {
  override readonly name = "WorkbookInputError";

  constructor(
    readonly problem: InputProblem,
    /** The file as the person named it (a path as typed, or a file name), for the message. */
    readonly fileName: string,
    readonly values: ProblemValues = {},
    options?: { cause?: unknown },
  ) {
    // Technical text for logs and stack traces; people see describeInputProblem's sentence instead.
    super(
      `${fileName}: ${problem}${Object.keys(values).length ? ` ${JSON.stringify(values)}` : ""}`,
      options,
    );
  }
}

/**
 * A part read well enough to check but not shaped as the standard has it where Duban writes into it (a content
 * types part in no namespace, a workbook without its list of sheets): the check stands, no copy is made.
 */
export function unwritablePart(fileName: string, part: string, detail: string): WorkbookInputError {
  return new WorkbookInputError("damaged", fileName, { reason: "unwritable", entry: part, detail });
}

export function isWorkbookInputError(error: unknown): error is WorkbookInputError {
  return error instanceof WorkbookInputError;
}

/**
 * A part Duban was about to write is not well-formed, namespace-correct XML: nothing is written. This is
 * Duban's own fault, never the person's; the message says so and names the part.
 */
export class WorkbookOutputError extends Error {
  override readonly name = "WorkbookOutputError";

  constructor(
    readonly part: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${part}: ${detail}`, options);
  }
}
