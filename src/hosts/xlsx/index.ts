// The xlsx host's reading side: bytes or a path in, the engine's WorkbookModel out, or one clear reason why not.
// Duban reads workbooks itself (reader/), through its own package layer; no spreadsheet library is involved.
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
export { readPackage, readWorkbookBytes, type ReadPlan } from "./read";
export { readWorkbookFile } from "./file";
