// The task pane's own words in 中文 and English; rule, field and severity names and messages are the core's.

import type { Locale } from "../core";
import type { HostErrorKind, HostPhase } from "../hosts/contract";

/** A sentence for the person: what happened, and what to do about it. */
export interface Sentence {
  readonly title: string;
  readonly text: string;
}

/** Every word the pane shows besides the core catalogue's; both locales fill in every key. */
export interface PaneCatalogue {
  readonly appTitle: string;
  readonly asOfInvalid: string;
  readonly checkAgain: string;
  readonly cancel: string;
  readonly cancelling: string;
  /** The host's phases and the pane's own, shown before the host's first report. */
  readonly phases: Readonly<
    Record<HostPhase | "saving" | "clearing" | "merging" | "undoing" | "noticing", string>
  >;
  readonly progressCount: (done: number, total: number) => string;
  readonly tableHeading: string;
  readonly detected: (sheet: string, headerRow: number) => string;
  readonly recognisedColumns: string;
  readonly noColumns: string;
  readonly correct: string;
  readonly closeEditor: string;
  readonly rowNumber: string;
  readonly specSheet: string;
  readonly ledgerSheet: string;
  readonly headerRowInvalid: string;
  readonly columnsHeading: string;
  readonly columnAuto: string;
  readonly emptyHeader: string;
  readonly required: string;
  readonly saveAndCheck: string;
  readonly loadingOptions: string;
  readonly summaryHeading: string;
  readonly severityFilter: string;
  readonly allRules: string;
  readonly allUnits: string;
  readonly showing: (shown: number, total: number) => string;
  /** A filter choice or a heading with its count. */
  readonly withCount: (label: string, count: number) => string;
  readonly noMatch: string;
  readonly openCellHint: string;
  readonly whereColumn: string;
  readonly detailColumn: string;
  readonly write: string;
  readonly clear: string;
  readonly written: (sheets: readonly string[]) => string;
  readonly writtenTitle: string;
  readonly cleared: string;
  readonly dismiss: string;
  readonly detail: string;
  readonly hostErrors: Readonly<Record<HostErrorKind, Sentence>>;
  readonly tableProblemTitle: string;
  readonly tableProblemHint: string;
  readonly settingsTitle: string;
  readonly settingsHint: string;
  readonly removeBadSettings: string;
  readonly merge: string;
  /** The file picker's label, for a screen reader. */
  readonly mergeFiles: string;
  readonly undoMerge: string;
  /** The button that offers each unit's answerable notice file. */
  readonly noticeFiles: string;
  /** Starts each file's name: 督办单-综采一队.xlsx. */
  readonly noticeFilePrefix: string;
  readonly noticeFilesTitle: (count: number) => string;
  readonly noticeFilesHint: string;
  readonly noNoticeFiles: string;
  /** What 撤销合并 would undo, beside the button. */
  readonly mergeToUndo: (cells: number, round: string | undefined) => string;
  readonly mergedTitle: string;
  readonly mergedCounts: (v: {
    readonly answered: number;
    readonly notAnswered: number;
    readonly changes: number;
    readonly rejected: number;
    /** Of those not applied, the done answers to tasks of several units kept for a later merge. */
    readonly kept: number;
    readonly skipped: number;
  }) => string;
  readonly notAnsweredUnits: (units: readonly string[]) => string;
  /** Units that have not answered but sent a file, named after them, that could not be used (listed below). */
  readonly unusableFileUnits: (units: readonly string[]) => string;
  readonly skippedFiles: string;
  readonly skippedFile: (file: string, reason: string) => string;
  readonly seeFeedbackSheet: (sheet: string) => string;
  readonly undone: (cells: number) => string;
  readonly undoRefusedTitle: string;
  readonly undoRefused: string;
  readonly editedCells: (sheet: string, cells: readonly string[]) => string;
}

const zhCN: PaneCatalogue = {
  appTitle: "督办助手",
  asOfInvalid: "请填写有效日期，例如 2026-11-18。",
  checkAgain: "重新检查",
  cancel: "取消",
  cancelling: "正在取消…",
  phases: {
    reading: "正在读取表格…",
    checking: "正在检查…",
    writing: "正在写入标记和汇总表…",
    saving: "正在保存设置…",
    clearing: "正在清除标记…",
    merging: "正在读取发回的文件…",
    undoing: "正在撤销合并…",
    noticing: "正在生成督办单文件…",
  },
  progressCount: (done, total) => `${done} / ${total}`,
  tableHeading: "表格识别",
  detected: (sheet, headerRow) => `工作表“${sheet}”，表头在第 ${headerRow} 行`,
  recognisedColumns: "已识别的列",
  noColumns: "尚未识别任何列。",
  correct: "更正",
  closeEditor: "收起",
  rowNumber: "表头行（行号）",
  specSheet: "工作规范表（漏项检查）",
  ledgerSheet: "台账表（漏项检查）",
  headerRowInvalid: "请填写 1 或更大的整数行号。",
  columnsHeading: "各列对应",
  columnAuto: "自动识别",
  emptyHeader: "（空）",
  required: "必填",
  saveAndCheck: "保存并重新检查",
  loadingOptions: "正在读取表头…",
  summaryHeading: "检查结果",
  severityFilter: "按级别筛选",
  allRules: "全部规则",
  allUnits: "全部单位",
  showing: (shown, total) => `显示 ${shown} 条，共 ${total} 条`,
  withCount: (label, count) => `${label}（${count}）`,
  noMatch: "没有符合筛选条件的问题。",
  openCellHint: "点击一行或按 Enter 键，可定位到表格中的单元格。",
  whereColumn: "级别 · 单元格",
  detailColumn: "责任单位 · 说明",
  write: "生成汇总",
  clear: "清除标记",
  written: (sheets) => `已生成：${sheets.join("、")}。问题已在任务表中用颜色标出。`,
  writtenTitle: "汇总已生成",
  cleared: "已清除督办助手的颜色标记和生成的工作表；您自己的内容没有改动。",
  dismiss: "关闭",
  detail: "详细信息",
  hostErrors: {
    unsupported: {
      title: "此版本的 Excel 不支持",
      text: "督办助手需要的功能在此版本的 Excel 中不可用。请更新 Office，或改用 Excel 网页版。",
    },
    input: {
      title: "工作簿中的内容无法使用",
      text: "请按下面的详细信息检查工作簿，改正后再试。",
    },
    busy: {
      title: "Excel 正忙",
      text: "Excel 可能正在编辑某个单元格。请按 Enter 或 Esc 结束编辑，然后再试。",
    },
    cancelled: {
      title: "已取消",
      text: "操作已取消，工作簿中没有留下写了一半的内容。",
    },
    tooLarge: {
      title: "表格太大",
      text: "表格太大，无法在此检查。请删除多余的空行或拆分工作表，或用命令行 duban check 检查。",
    },
    locked: {
      title: "另一个检查正在进行",
      text: "督办助手正在另一个窗格或功能区命令中写入这个工作簿。请等它完成后再试；工作簿没有改动。",
    },
    protected: {
      title: "工作表受保护",
      text: "督办助手需要在下面这张工作表（或工作簿结构）中写入颜色和工作表。请在“审阅”中撤消保护后再试；工作簿没有改动。",
    },
    interrupted: {
      title: "写入被打断",
      text: "Excel 在写入时中断了操作（常见原因：切换到了另一个工作簿）。下面的详细信息说明了已恢复的内容；再点一次“生成汇总”即可完成。",
    },
    unexpected: {
      title: "出现意外错误",
      text: "请再试一次；如果仍然出错，请把下面的详细信息发给管理员。",
    },
  },
  tableProblemTitle: "没有找到可用的任务表",
  tableProblemHint: "可在下方“表格识别”中选择工作表、表头行和各列，然后保存并重新检查。",
  settingsTitle: "工作簿中保存的设置有误",
  settingsHint: "请移除有误的设置项后重新检查，或在“表格识别”中重新选择并保存。",
  removeBadSettings: "移除有误的设置",
  merge: "合并反馈",
  mergeFiles: "选择各单位发回的工作簿（可多选）",
  undoMerge: "撤销合并",
  noticeFiles: "督办单文件",
  noticeFilePrefix: "督办单",
  noticeFilesTitle: (count) => `${count} 个单位的督办单文件`,
  noticeFilesHint: "点击文件名下载，发给该单位填写“完成情况”等可填列后发回；收回后用“合并反馈”合并。",
  noNoticeFiles: "没有需要督办的单位：各单位的任务都已完成或尚未临期。",
  mergeToUndo: (cells, round) =>
    `上次合并${round ? `（${round} 一轮）` : ""}改动了 ${cells} 个单元格，可以撤销。`,
  mergedTitle: "反馈已合并",
  mergedCounts: (v) =>
    `${v.answered} 个单位已反馈、${v.notAnswered} 个未反馈；采纳修改 ${v.changes} 处，未采纳 ${v.rejected} 处` +
    (v.kept > 0 ? `（其中 ${v.kept} 处是多单位任务的办结反馈，已记下，待其余单位反馈）` : "") +
    `，未使用的文件 ${v.skipped} 个。`,
  notAnsweredUnits: (units) => `未反馈：${units.join("、")}`,
  unusableFileUnits: (units) => `反馈文件无法使用：${units.join("、")}`,
  skippedFiles: "未使用的文件",
  skippedFile: (file, reason) => `${file}：${reason}`,
  seeFeedbackSheet: (sheet) => `每处修改和未采纳的原因见“${sheet}”工作表；改动的单元格已用浅蓝色标出。`,
  undone: (cells) => `已撤销合并：${cells} 个单元格恢复为合并前的内容，检查结果已更新。`,
  undoRefusedTitle: "没有撤销合并",
  undoRefused:
    "合并之后，下面这些单元格又被改动过，撤销会丢掉这些改动，所以工作簿没有改动。请核对这些单元格：改回合并后的值再撤销，或直接手工更正。",
  editedCells: (sheet, cells) => `“${sheet}”：${cells.join("、")}`,
};

const enUS: PaneCatalogue = {
  appTitle: "Duban",
  asOfInvalid: "Enter a valid date, for example 2026-11-18.",
  checkAgain: "Check again",
  cancel: "Cancel",
  cancelling: "Cancelling…",
  phases: {
    reading: "Reading the table…",
    checking: "Checking…",
    writing: "Writing highlights and summary sheets…",
    saving: "Saving the settings…",
    clearing: "Clearing highlights…",
    merging: "Reading the returned files…",
    undoing: "Undoing the merge…",
    noticing: "Making the notice files…",
  },
  progressCount: (done, total) => `${done} / ${total}`,
  tableHeading: "Table",
  detected: (sheet, headerRow) => `Sheet “${sheet}”, header in row ${headerRow}`,
  recognisedColumns: "Recognised columns",
  noColumns: "No columns recognised yet.",
  correct: "Correct",
  closeEditor: "Close",
  rowNumber: "Header row (number)",
  specSheet: "Specification sheet (omissions)",
  ledgerSheet: "Ledger sheet (omissions)",
  headerRowInvalid: "Enter a whole row number, 1 or more.",
  columnsHeading: "Columns",
  columnAuto: "Detect automatically",
  emptyHeader: "(empty)",
  required: "required",
  saveAndCheck: "Save and check again",
  loadingOptions: "Reading the header…",
  summaryHeading: "Result",
  severityFilter: "Filter by severity",
  allRules: "All rules",
  allUnits: "All units",
  showing: (shown, total) => `Showing ${shown} of ${total}`,
  withCount: (label, count) => `${label} (${count})`,
  noMatch: "No findings match the filters.",
  openCellHint: "Click a row or press Enter on it to go to its cell.",
  whereColumn: "Severity · Cell",
  detailColumn: "Unit · Message",
  write: "Write summary",
  clear: "Clear highlights",
  written: (sheets) => `Written: ${sheets.join(", ")}. The findings are highlighted in the task sheet.`,
  writtenTitle: "Summary written",
  cleared: "Duban's highlights and generated sheets are removed; your own content is unchanged.",
  dismiss: "Dismiss",
  detail: "Details",
  hostErrors: {
    unsupported: {
      title: "Not supported in this Excel",
      text: "This version of Excel lacks features Duban needs. Update Office, or use Excel on the web.",
    },
    input: {
      title: "Something in the workbook cannot be used",
      text: "Check the workbook as the details below say, fix it and try again.",
    },
    busy: {
      title: "Excel is busy",
      text: "A cell may be in edit mode. Press Enter or Esc to finish editing, then try again.",
    },
    cancelled: {
      title: "Cancelled",
      text: "The operation was cancelled; nothing half-written was left in the workbook.",
    },
    tooLarge: {
      title: "The table is too large",
      text: "The table is too large to check here. Remove empty rows or split the sheet, or use the duban check command.",
    },
    locked: {
      title: "Another check is running",
      text: "Duban is writing to this workbook from another pane or ribbon command. Wait for it to finish and try again; nothing was changed.",
    },
    protected: {
      title: "The sheet is protected",
      text: "Duban writes colours and sheets into the sheet (or workbook structure) named below. Unprotect it under Review and try again; nothing was changed.",
    },
    interrupted: {
      title: "Writing was interrupted",
      text: "Excel stopped the write part-way (often because another workbook took the focus). The details say what was restored; press Generate again to finish.",
    },
    unexpected: {
      title: "Something went wrong",
      text: "Try again; if it happens again, send the details below to your administrator.",
    },
  },
  tableProblemTitle: "No usable task table",
  tableProblemHint:
    "Choose the sheet, the header row and the columns under “Table” below, then save and check again.",
  settingsTitle: "The workbook's saved settings are wrong",
  settingsHint:
    "Remove the wrong settings and check again, or choose the table again under “Table” and save.",
  removeBadSettings: "Remove wrong settings",
  merge: "Merge feedback",
  mergeFiles: "Choose the workbooks the units sent back (several at once)",
  undoMerge: "Undo merge",
  noticeFiles: "Notice files",
  noticeFilePrefix: "Notice",
  noticeFilesTitle: (count) => `Notice files for ${count} unit(s)`,
  noticeFilesHint:
    "Click a file name to download it; send it to the unit to fill in its answer columns and send back, then merge the returns with Merge feedback.",
  noNoticeFiles: "No unit needs a notice: every unit's tasks are done or not yet due.",
  mergeToUndo: (cells, round) =>
    `The last merge${round ? ` (round ${round})` : ""} changed ${cells} cell(s); it can be undone.`,
  mergedTitle: "Feedback merged",
  mergedCounts: (v) =>
    `${v.answered} unit(s) answered, ${v.notAnswered} did not; ${v.changes} change(s) applied, ${v.rejected} not applied` +
    (v.kept > 0
      ? ` (${v.kept} of them done answers to tasks of several units, kept until the other units answer)`
      : "") +
    `, ${v.skipped} file(s) not used.`,
  notAnsweredUnits: (units) => `No answer from: ${units.join(", ")}`,
  unusableFileUnits: (units) => `A file could not be used from: ${units.join(", ")}`,
  skippedFiles: "Files not used",
  skippedFile: (file, reason) => `${file}: ${reason}`,
  seeFeedbackSheet: (sheet) =>
    `Every change, and why an answer was not applied, is on the sheet “${sheet}”; the changed cells are marked light blue.`,
  undone: (cells) =>
    `Merge undone: ${cells} cell(s) hold what they held before it, and the check is updated.`,
  undoRefusedTitle: "The merge was not undone",
  undoRefused:
    "These cells were changed again after the merge; undoing would lose those changes, so nothing was changed. Check them: set them back to the merged values and undo again, or correct them by hand.",
  editedCells: (sheet, cells) => `“${sheet}”: ${cells.join(", ")}`,
};

export const PANE_CATALOGUES: Readonly<Record<Locale, PaneCatalogue>> = { "zh-CN": zhCN, "en-US": enUS };
