// The Excel add-in's host, the one entry the task pane and the ribbon commands import: Office.js behind
// PaneHost (hosts/contract.ts).

export { createExcelHost } from "./host";
export type { ExcelRunner, OfficeRuntime } from "./api";
export { EXCEL_API } from "./office-quirks";
export { displayLocale, officeThemeKind } from "./office-env";
