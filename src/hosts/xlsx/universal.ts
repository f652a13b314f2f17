// The xlsx host without Node: bytes in, bytes out. What the workbench's worker imports; index.ts adds files
// and Node's zlib for the command line.
//
// Duban reads and writes workbooks itself, through its own package layer (package.ts, reader/, write/); no
// spreadsheet library is involved. Only the parts a check changes are touched; every other part is copied.

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
export { OpcPackage, type PackageCodec } from "./package";
export { damagedPart, readPackage, readWorkbookBytes, type ReadPlan } from "./read";
export { returnedWorkbook } from "./returns";
export { utf8Batches } from "./utf8";
export {
  CellEditError,
  clearDuban,
  newWorkbook,
  noticeWorkbooks,
  readPackageRecord,
  setCellValues,
  sheetNames,
  writeCheck,
  writeMerge,
  writeSettings,
  type CellEdit,
  type CellEditProblem,
  type CheckedOptions,
  type NoticeFile,
  type WrittenCheck,
} from "./write";
export { XmlPartError } from "./xml";
