// The ribbon commands' words in 中文 and English: what each button did, what went wrong and what to do.

import type { HostErrorKind, HostPhase, HostProgress } from "../hosts/contract";
import type { Locale } from "../core";

export type CommandName = "checkTable" | "generateSheets" | "clearMarks";

/** What a check found, as the sentences need it. */
export interface CheckFacts {
  readonly sheet: string;
  readonly tasks: number;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly dataProblems: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

export interface CommandWords {
  readonly appName: string;
  readonly titles: Readonly<Record<CommandName, string>>;
  readonly ok: string;
  readonly cancel: string;
  readonly cancelling: string;
  readonly starting: string;
  readonly progress: (progress: HostProgress) => string;
  readonly checked: (facts: CheckFacts) => string;
  /** After a check that only reads: how to get the highlights and sheets. */
  readonly generateHint: string;
  readonly generated: (facts: CheckFacts & { readonly sheets: readonly string[] }) => string;
  readonly cleared: string;
  readonly settingsInvalid: (v: { path: string; message: string }) => string;
  /** A sentence for each HostError kind: a new kind without one is a compile error here. */
  readonly hostErrors: Readonly<Record<HostErrorKind, (detail: string) => string>>;
  /** In a browser without Excel, where the report page was opened by hand. */
  readonly outsideExcel: string;
  /**
   * The command would not end within the five minutes Office gives a ribbon button, so it stopped (or never
   * began writing) and the workbook is as it was: the pane, which has no such limit, can do it.
   */
  readonly tooSlowForRibbon: (command: CommandName) => string;
  /** Excel did not answer before the five minutes ran out: the command stops waiting. */
  readonly noAnswerInTime: (command: CommandName) => string;
}

const percent = (p: HostProgress) => (p.total > 0 ? Math.min(100, Math.floor((p.done / p.total) * 100)) : 0);

const zhPhase: Record<HostPhase, string> = {
  reading: "正在读取任务表",
  checking: "正在检查",
  writing: "正在写入工作簿",
};

/** The same work in the pane, by its buttons' names (src/taskpane/i18n.ts). */
const zhAction: Record<CommandName, string> = {
  checkTable: "点「检查」",
  generateSheets: "点「检查」，再点「生成汇总」",
  clearMarks: "点「清除标记」",
};

const zhCN: CommandWords = {
  appName: "督办助手",
  titles: { checkTable: "检查", generateSheets: "生成汇总", clearMarks: "清除标记" },
  ok: "好的",
  cancel: "取消",
  cancelling: "正在取消…",
  starting: "正在开始…",
  progress: (p) => `${zhPhase[p.phase]}… ${percent(p)}%`,
  checked: (f) =>
    f.errors + f.warnings + f.infos === 0
      ? `「${f.sheet}」共 ${f.tasks} 项任务，没有发现问题。`
      : `「${f.sheet}」共 ${f.tasks} 项任务：逾期 ${f.overdue} 项，即将到期 ${f.dueSoon} 项，数据问题 ${f.dataProblems} 项；` +
        `共发现 ${f.errors + f.warnings + f.infos} 个问题（错误 ${f.errors}，警告 ${f.warnings}，提示 ${f.infos}）。`,
  generateHint: "点「生成汇总」可标出这些单元格，并生成问题清单、汇总、排名和督办单。",
  generated: (f) =>
    `「${f.sheet}」共 ${f.tasks} 项任务，标出了 ${f.errors + f.warnings + f.infos} 个问题` +
    `（逾期 ${f.overdue}，即将到期 ${f.dueSoon}，数据问题 ${f.dataProblems}），` +
    (f.sheets.length > 0 ? `并生成了工作表：${f.sheets.join("、")}。` : "没有生成工作表。"),
  cleared: "已清除督办助手添加的标记和生成的工作表；您自己的格式和工作表没有改动。",
  settingsInvalid: (v) =>
    `工作簿中保存的督办助手设置有误（${v.path}：${v.message}）。请打开面板，在设置中改正后再试。`,
  hostErrors: {
    unsupported: (d) =>
      `此版本的 Excel 不支持督办助手所需的功能${d ? `（${d}）` : ""}。请更新 Excel，或使用 Excel 网页版。`,
    input: (d) => `无法使用这张任务表${d ? `：${d}` : ""}。请检查后再试，或打开面板手动选择工作表和表头行。`,
    busy: (d) =>
      `Excel 正忙${d ? `（${d}）` : ""}。如果正在编辑单元格，请按 Enter 或 Esc 结束编辑，稍候再试。`,
    locked: (d) =>
      `督办助手正在另一个面板或功能区命令中写入这个工作簿${d ? `（${d}）` : ""}。请等它完成后再试；工作簿没有改动。`,
    protected: (d) =>
      `督办助手要写入的工作表或工作簿结构受保护${d ? `（${d}）` : ""}。请在「审阅」中撤消保护后再试；工作簿没有改动。`,
    interrupted: (d) =>
      `Excel 在写入时中断了操作（常见原因：切换到了另一个工作簿）${d ? `：${d}` : ""}。请再点一次「生成汇总」完成。`,
    cancelled: () => "已取消，工作簿没有改动。",
    tooLarge: (d) =>
      `这张表太大，无法在 Excel 中一次处理${d ? `（${d}）` : ""}。请用命令行 duban check 检查这个文件。`,
    unexpected: (d) =>
      `出现了意外的错误${d ? `：${d}` : ""}。请再试一次；如果仍然出错，请把这段文字发给管理员。`,
  },
  outsideExcel: "这个页面在 Excel 中由督办助手打开。",
  tooSlowForRibbon: (c) =>
    `这张任务表较大，「${zhCN.titles[c]}」无法在 Excel 给功能区按钮的五分钟内完成，所以督办助手及时停了下来，工作簿没有改动。` +
    `请点「打开面板」，在面板中${zhAction[c]}：面板没有这个时间限制。`,
  noAnswerInTime: (c) =>
    `Excel 在功能区按钮的五分钟时限内没有做完「${zhCN.titles[c]}」，督办助手不能再等了。` +
    `如果工作簿中留下了未完成的隐藏工作表，下次「生成汇总」或「清除标记」会删除它们。请点「打开面板」，在面板中${zhAction[c]}。`,
};

/** `1 task`, `3 tasks` */
const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const enPhase: Record<HostPhase, string> = {
  reading: "Reading the task table",
  checking: "Checking",
  writing: "Writing to the workbook",
};

const enAction: Record<CommandName, string> = {
  checkTable: "click Check",
  generateSheets: "click Check, then Write summary",
  clearMarks: "click Clear highlights",
};

const enUS: CommandWords = {
  appName: "Duban",
  titles: { checkTable: "Check", generateSheets: "Generate summary", clearMarks: "Clear marks" },
  ok: "OK",
  cancel: "Cancel",
  cancelling: "Cancelling…",
  starting: "Starting…",
  progress: (p) => `${enPhase[p.phase]}… ${percent(p)}%`,
  checked: (f) =>
    f.errors + f.warnings + f.infos === 0
      ? `${f.sheet}: ${count(f.tasks, "task")}, no problems found.`
      : `${f.sheet}: ${count(f.tasks, "task")}; ${f.overdue} overdue, ${f.dueSoon} due soon, ` +
        `${f.dataProblems} with data problems; ${count(f.errors + f.warnings + f.infos, "finding")} ` +
        `(${count(f.errors, "error")}, ${count(f.warnings, "warning")}, ${count(f.infos, "note")}).`,
  generateHint:
    "Generate summary colours these cells and writes the Issues, Summary, Ranking and Notices sheets.",
  generated: (f) =>
    `${f.sheet}: ${count(f.tasks, "task")}; marked ${count(f.errors + f.warnings + f.infos, "finding")} ` +
    `(${f.overdue} overdue, ${f.dueSoon} due soon, ${f.dataProblems} with data problems)` +
    (f.sheets.length > 0 ? ` and wrote the sheets ${f.sheets.join(", ")}.` : "; no sheets were written."),
  cleared: "Removed the highlights and sheets Duban added; your own formatting and sheets are unchanged.",
  settingsInvalid: (v) =>
    `The Duban settings saved in this workbook are wrong (${v.path}: ${v.message}). Open the pane and correct them in the settings, then try again.`,
  hostErrors: {
    unsupported: (d) =>
      `This version of Excel lacks what Duban needs${d ? ` (${d})` : ""}. Update Excel, or use Excel on the web.`,
    input: (d) =>
      `This task table cannot be used${d ? `: ${d}` : ""}. Check it and try again, or open the pane to choose the sheet and header row yourself.`,
    busy: (d) =>
      `Excel is busy${d ? ` (${d})` : ""}. If a cell is being edited, press Enter or Esc to finish, then try again in a moment.`,
    locked: (d) =>
      `Duban is writing to this workbook from another pane or ribbon command${d ? ` (${d})` : ""}. Wait for it to finish, then try again; the workbook was not changed.`,
    protected: (d) =>
      `The sheet or workbook structure Duban writes to is protected${d ? ` (${d})` : ""}. Unprotect it under Review, then try again; the workbook was not changed.`,
    interrupted: (d) =>
      `Excel stopped the write part-way (often because another workbook took the focus)${d ? `: ${d}` : ""}. Click Generate summary again to finish.`,
    cancelled: () => "Cancelled; the workbook was not changed.",
    tooLarge: (d) =>
      `This table is too large for Excel to handle in one go${d ? ` (${d})` : ""}. Check the file with the command line, duban check.`,
    unexpected: (d) =>
      `Something unexpected went wrong${d ? `: ${d}` : ""}. Try again; if it happens again, send this text to your administrator.`,
  },
  outsideExcel: "Duban opens this page from within Excel.",
  tooSlowForRibbon: (c) =>
    `This task table is too large for ${enUS.titles[c]} to finish within the five minutes Excel gives a ribbon button, so Duban stopped in time and the workbook was not changed. ` +
    `Click Open pane, then in the pane ${enAction[c]}: the pane has no such limit.`,
  noAnswerInTime: (c) =>
    `Excel did not finish ${enUS.titles[c]} within the five minutes it gives a ribbon button, and Duban cannot wait any longer. ` +
    `Any unfinished hidden sheets left in the workbook are removed by the next Generate summary or Clear marks. Click Open pane, then in the pane ${enAction[c]}.`,
};

export const COMMAND_WORDS: Readonly<Record<Locale, CommandWords>> = { "zh-CN": zhCN, "en-US": enUS };
