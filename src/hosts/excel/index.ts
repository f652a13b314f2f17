// The Excel add-in's host: Office.js behind the task pane's PaneHost contract.

export { createExcelHost } from "./host";
export type { ExcelRunner, OfficeRuntime } from "./api";
export { EXCEL_API } from "./office-quirks";
export { displayLocale, officeThemeKind } from "./office-env";
