// The xlsx host's reading side: bytes or a path in, the engine's WorkbookModel out, or one clear reason why not.
// file.ts needs Node; a browser bundle imports ./read, ./describe and ./errors directly instead of this index.

export {
  WorkbookInputError,
  WorkbookOutputError,
  isWorkbookInputError,
  type InputProblem,
  type ProblemValues,
} from "./errors";
export { describeInputProblem } from "./describe";
export {
  DEFAULT_LIMITS,
  checkInflatedSizes,
  inspectPackage,
  type InflatedSizeProbe,
  type PackageInfo,
  type ReadLimits,
  type ReadOptions,
} from "./inspect";
export { loadExcelJsWorkbook, readWorkbookBytes } from "./read";
export { numberFormatKind, workbookModelFromExcelJs, type FormatKind } from "./cells";
export { readWorkbookFile } from "./file";
