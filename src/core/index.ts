// The pure engine: no Office.js, no DOM, no Node APIs, no clock.

export { checkWorkbook, bySeverity, sheetsToRead, type CheckOptions, type CheckResult } from "./check";
export type { SharedTask } from "./table/shared";
export { buildCalendar, type WorkCalendar } from "./calendar";
export * from "./day";
export { readAnswers, type ReturnedAnswers, type ReturnedRow } from "./feedback/answers";
export { applyChanges, mergedRows } from "./feedback/apply";
export {
  mergeAnswers,
  returnedFile,
  type MasterTable,
  type MergeOptions,
  type ReturnedFile,
} from "./feedback/merge";
export { fingerprint, noticeRecordCells, readNoticeRecord } from "./feedback/record";
export * from "./feedback/types";
export { inHiddenRow, type Finding, type HiddenRows, type Notice } from "./findings";
export { CATALOGUES, findingPlace, formatFinding, formatNotice, formatTableProblem, word } from "./i18n";
export { planWrite, writtenRecord, type PlanOptions, type WritePlan } from "./output/plan";
export { noticeRecipients, type NoticeRecipients } from "./output/sheets/notices";
export {
  earlierMerges,
  lastMergeRound,
  recordedSharedDone,
  readWorkbookSettings,
  SETTINGS_SHEET,
  settingsCells,
  type DubanRecord,
} from "./output/record";
export type { SheetSpec } from "./output/spec";
export { specRowCount, specRows } from "./output/spec";
export {
  deductionsOf,
  rankSummary,
  rankUnits,
  scoreUnits,
  starsFor,
  unitScore,
  type Ranked,
  type RankingEntry,
  type Scoring,
} from "./ranking";
export { buildReport, reportSource, type Report, type ReportSource } from "./report";
export { TASK_RULES } from "./rules";
export * from "./settings";
export type { Summary, SummaryLine } from "./summary";
export { FIELDS, FIELD_SYNONYMS, REQUIRED_FIELDS, fieldForHeader, type Field } from "./table/fields";
export { HEADER_SEARCH_ROWS, TableError, type TableProblem } from "./table/locate";
export type { TaskRow } from "./table/rows";
export * from "./workbook";
