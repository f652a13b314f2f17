// The workbench page's own words in 中文 and English (the pane brings its own, and the core its catalogue).

import type { Day, Locale } from "../core";
import { formatDay } from "../core/day";

export interface WorkbenchWords {
  readonly title: string;
  readonly subtitle: string;
  readonly language: string;
  readonly chooseFile: string;
  readonly dropHere: string;
  readonly dropHint: string;
  readonly dropRelease: string;
  readonly openAnother: string;
  readonly fileRegion: string;
  /** The file being read, or the files to find the master among. */
  readonly opening: (names: readonly string[]) => string;
  readonly cancel: string;
  readonly cannotOpen: string;
  readonly dismiss: string;
  readonly openFailed: string;
  readonly noMaster: (files: readonly string[]) => string;
  readonly fileSize: (bytes: number) => string;
  readonly sheetsIn: (count: number) => string;
  readonly outputHeading: string;
  readonly outputHint: string;
  readonly downloadChecked: string;
  readonly downloadCleared: string;
  readonly clearedNote: string;
  readonly writtenFor: (asOf: Day, sheets: number) => string;
  readonly outdated: string;
  readonly previewTabs: string;
  readonly previewNote: (shown: number, total: number) => string;
  readonly cellHeading: string;
  readonly cellCaption: (sheet: string, cell: string) => string;
  readonly cellAnnounce: (sheet: string, cell: string) => string;
  readonly rowHeader: string;
  readonly headerRowLabel: string;
  readonly linkNote: string;
  readonly privacy: string;
}

const zhCN: WorkbenchWords = {
  title: "督办助手 · 工作台",
  subtitle: "在浏览器里检查 .xlsx 任务表，无需安装 Excel 或加载项",
  language: "语言",
  chooseFile: "选择 .xlsx 文件",
  dropHere: "把 Excel 工作簿 (.xlsx) 拖到这里",
  dropHint:
    "或点击下面的按钮选择文件。可连同各单位发回的督办单一起拖入（或一起选择），发回的内容会合并到任务表中。文件只在本机处理，不会上传。",
  dropRelease: "松开鼠标即可打开",
  openAnother: "打开其他文件",
  fileRegion: "工作簿文件",
  opening: (names) =>
    names.length === 1 ? `正在读取“${names[0]}”…` : `正在读取 ${names.length} 个文件，找出其中的任务表…`,
  cancel: "取消",
  cannotOpen: "无法打开这个文件",
  dismiss: "关闭",
  openFailed: "打开文件时出错",
  noMaster: (files) =>
    `拖入的 ${files.length} 个文件都是各单位发回的督办单，没有可以合并进去的任务表。请把任务表和这些文件一起拖入，或先打开任务表。`,
  fileSize: (bytes) => formatSize(bytes),
  sheetsIn: (count) => `${count} 个工作表`,
  outputHeading: "检查后的工作簿",
  outputHint: "点击左侧的“生成汇总”，即可在这里预览生成的工作表并下载检查后的工作簿。",
  downloadChecked: "下载检查后的工作簿",
  downloadCleared: "下载清除标记后的工作簿",
  clearedNote: "已从工作簿中清除督办助手的颜色标记和生成的工作表。",
  writtenFor: (asOf, sheets) => `检查日期 ${formatDay(asOf)}，生成 ${sheets} 个工作表`,
  outdated: "之后又检查过一次：如需最新结果，请再点一次“生成汇总”。",
  previewTabs: "生成的工作表",
  previewNote: (shown, total) => `只显示前 ${shown} 行，共 ${total} 行；完整内容请下载后查看。`,
  cellHeading: "单元格定位",
  cellCaption: (sheet, cell) => `工作表“${sheet}”中的 ${cell}`,
  cellAnnounce: (sheet, cell) => `已定位到工作表“${sheet}”的 ${cell}`,
  rowHeader: "行",
  headerRowLabel: "表头",
  linkNote: "点击表中带下划线的单元格地址，可在上方查看该单元格。",
  privacy: "工作台在本机运行：文件不会离开这台电脑，页面除了自身的文件不访问任何网络地址。",
};

const enUS: WorkbenchWords = {
  title: "Duban workbench",
  subtitle: "Check .xlsx task tables in the browser, without Excel or the add-in",
  language: "Language",
  chooseFile: "Choose an .xlsx file",
  dropHere: "Drop an Excel workbook (.xlsx) here",
  dropHint:
    "or choose a file with the button below. Drop (or choose) the notices the units sent back with it, and their answers are merged into the task table. Files are read on this computer and never uploaded.",
  dropRelease: "Release to open",
  openAnother: "Open another file",
  fileRegion: "Workbook file",
  opening: (names) =>
    names.length === 1
      ? `Reading “${names[0]}”…`
      : `Reading ${names.length} files to find the task table among them…`,
  cancel: "Cancel",
  cannotOpen: "This file cannot be opened",
  dismiss: "Dismiss",
  openFailed: "Opening the file failed",
  noMaster: (files) =>
    `The ${files.length} files are all notices the units sent back: there is no task table to merge them into. Drop the task table with them, or open it first.`,
  fileSize: (bytes) => formatSize(bytes),
  sheetsIn: (count) => `${count} ${count === 1 ? "sheet" : "sheets"}`,
  outputHeading: "Checked workbook",
  outputHint:
    "Choose Write summary in the pane to preview the generated sheets here and download the checked workbook.",
  downloadChecked: "Download checked workbook",
  downloadCleared: "Download cleared workbook",
  clearedNote: "Duban's highlights and generated sheets were taken out of the workbook.",
  writtenFor: (asOf, sheets) =>
    `Checked as of ${formatDay(asOf)}; ${sheets} generated ${sheets === 1 ? "sheet" : "sheets"}`,
  outdated: "Checked again since: choose Write summary again for the latest results.",
  previewTabs: "Generated sheets",
  previewNote: (shown, total) =>
    `Showing the first ${shown} of ${total} rows; download the workbook to see them all.`,
  cellHeading: "Cell",
  cellCaption: (sheet, cell) => `${cell} on sheet “${sheet}”`,
  cellAnnounce: (sheet, cell) => `Showing ${cell} on sheet “${sheet}”`,
  rowHeader: "Row",
  headerRowLabel: "Header",
  linkNote: "Choose an underlined cell address in a sheet to see that cell above.",
  privacy:
    "The workbench runs on this computer: files never leave it, and the page reaches no address beyond its own files.",
};

export const WORKBENCH_WORDS: Readonly<Record<Locale, WorkbenchWords>> = { "zh-CN": zhCN, "en-US": enUS };

/** 1.3 MB, 820 KB: as Windows counts (1024). */
export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** 中文 for a Chinese browser, English otherwise; `?lang=en-US` or `?lang=zh-CN` decides first. */
export function initialLocale(search: string, language: string | undefined): Locale {
  const asked = new URLSearchParams(search).get("lang");
  if (asked === "zh-CN" || asked === "en-US") return asked;
  return /^zh\b/i.test(language ?? "") ? "zh-CN" : "en-US";
}
