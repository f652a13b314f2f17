// The status column (完成情况): done, open, or words Duban does not know.

import { formatDay } from "../day";
import type { CellValue } from "../workbook";
import { isDateCell } from "../workbook";
import { isPlaceholder } from "./text";

export type ParsedStatus =
  | { readonly kind: "empty" }
  /**
   * `on`: the day the text says the work was done on (已于11月10日完成), as its key holds it (dashes dropped:
   * 20261110), for want of a completion date.
   */
  | { readonly kind: "done"; readonly on?: string }
  | { readonly kind: "open" }
  /** `cancelled`: the words say the work was called off (已取消, 终止): see isCancelled. */
  | { readonly kind: "unknown"; readonly text: string; readonly cancelled?: true };

const DONE_WORDS = [
  "已完成",
  "完成",
  "已办结",
  "办结",
  "√",
  "✓",
  "✔",
  "☑",
  "是",
  "done",
  "completed",
  "complete",
  "finished",
  "yes",
  // Done, said with how: wholly, on time, ahead of time; a works project's (工程) completion.
  "已经完成",
  "全部完成",
  "已全部完成",
  "按期完成",
  "已按期完成",
  "按时完成",
  "已按时完成",
  "如期完成",
  "已如期完成",
  "提前完成",
  "已提前完成",
  // Done late: done, and its completion date tells how late (done-without-date asks for it where it is missing).
  "逾期完成",
  "已逾期完成",
  "超期完成",
  "逾期办结",
  "超期办结",
  "完工",
  "已完工",
  "竣工",
  "已竣工",
  // A hazard ledger's (隐患整改台账): put right, struck off (销号), the loop closed (闭环), accepted (验收).
  "已整改",
  "已完成整改",
  "完成整改",
  "整改完成",
  "整改完毕",
  "已整改完毕",
  "已整改完成",
  "已销号",
  "销号",
  "已闭环",
  "闭环",
  "已验收",
  "验收合格",
  "复查合格",
];
const OPEN_WORDS = [
  "进行中",
  "推进中",
  "正在推进",
  "正在进行",
  "正常推进",
  "按计划推进",
  "按期推进",
  "按时序推进",
  "按序时推进",
  "序时推进",
  "持续推进中",
  "持续推进",
  "正在进行中",
  "正常推进中",
  "常态化推进",
  "按计划进行",
  "正在整改",
  "未到期",
  "暂未开始",
  "尚未启动",
  "已启动",
  "大部分完成",
  "已完成部分",
  "稳步推进",
  "有序推进",
  "办理中",
  "正在办理",
  "在办",
  "待办理",
  "实施中",
  "正在实施",
  "整改中",
  "未启动",
  "待启动",
  "尚未开始",
  "尚未完成",
  "部分完成",
  "未落实",
  "未报送",
  "未上报",
  "未提交",
  "待上报",
  "待报送",
  "待提交",
  "延期",
  "申请延期",
  "滞后",
  "超期",
  "已超期",
  "逾期",
  "已逾期",
  "逾期未完成",
  "未开始",
  "未完成",
  "未整改",
  "待整改",
  "未按期完成",
  "未按时完成",
  "施工中",
  "正在施工",
  "在建",
  "已开工",
  "持续整改",
  "持续整改中",
  "落实中",
  "正在落实",
  "未销号",
  "未闭环",
  "未办结",
  "待办",
  "待完成",
  "否",
  "×",
  "✗",
  "☐",
  "inprogress",
  "open",
  "notstarted",
  "ongoing",
  "wip",
  "ontrack",
  "started",
  "delayed",
  "overdue",
  "pending",
  "todo",
  "no",
];

/**
 * Case, spaces, and a note in brackets or after punctuation are not part of the word: 已完成（已验收）,
 * 已完成，详见附件, 60%；正在推进.
 */
function statusKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\(.*?\)|\[.*?\]|【.*?】/g, "")
    .replace(/\s+/g, "")
    .replace(/(?<=.)[,;:，；：、].*$/, "")
    .replace(/[。.!！]+$/, "")
    .replace(/[-_]/g, "");
}

/**
 * Work called off (任务取消, 终止): no longer a task to chase, nor one done. parseStatus reads these as unknown;
 * the task table leaves such rows out (see isCancelled).
 */
const CANCELLED_WORDS = [
  "取消",
  "已取消",
  "撤销",
  "已撤销",
  "作废",
  "已作废",
  "终止",
  "已终止",
  "不再执行",
  "停止执行",
  "不再开展",
  "cancelled",
  "canceled",
];

const DONE = new Set(DONE_WORDS.map(statusKey));
const CANCELLED = new Set(CANCELLED_WORDS.map(statusKey));
const OPEN = new Set(OPEN_WORDS.map(statusKey));
/** 60%, and as written beside a word: 完成80%, 已完成80%, 进度80%, 完成率80%, 80%完成. */
const PERCENT = /^(?:已?完成率?|进度)?(\d+(?:\.\d+)?)%(?:完成)?$/;
/** Done, and what was done with it: 已完成并上报, 已办结并归档 (not 并未, 并不: 完成并不理想 is no report of done). */
const DONE_AND = /^(?:已完成|已办结|完成|办结)并(?![不未非没])./;
/** A done mark beside a done word, √已完成 or 已完成✔: done twice over. */
const MARKED = /^[√✓✔☑]+(?=.)|(?<=.)[√✓✔☑]+$/g;
/**
 * Done on a day, in words: 已于11月10日完成, 2026-11-10已办结, 已完成 2026-11-10. The day is for the completion date column; here it
 * only says the work is done (计划于12月底完成, a plan, is not).
 */
const DONE_ON =
  /^(?:已于([\d年月日号/.-]+)(?:完成|办结)|([\d年月日号/.-]+)已(?:完成|办结)|已(?:完成|办结)([\d年月日号/.-]+))$/;

export const EMPTY_STATUS: ParsedStatus = { kind: "empty" };
export const DONE_STATUS: ParsedStatus = { kind: "done" };
const OPEN_STATUS: ParsedStatus = { kind: "open" };

/**
 * @example parseStatus("已完成") // { kind: "done" }
 * @example parseStatus("60%") // { kind: "open" }
 */
export function parseStatus(value: CellValue | undefined): ParsedStatus {
  if (value === null || value === undefined) return EMPTY_STATUS;
  if (typeof value === "boolean") return value ? DONE_STATUS : OPEN_STATUS;
  if (typeof value === "number") return fromPercent(value <= 1 ? value * 100 : value, String(value));
  // A date where the status goes (the day it was done, perhaps): the message shows it as the clerk sees it.
  if (isDateCell(value)) return { kind: "unknown", text: formatDay(value.day) };
  const key = statusKey(value);
  if (key === "" || isPlaceholder(key)) return EMPTY_STATUS;
  if (DONE.has(key) || DONE.has(key.replace(MARKED, "")) || DONE_AND.test(key)) return DONE_STATUS;
  if (OPEN.has(key)) return OPEN_STATUS;
  const doneOn = DONE_ON.exec(key);
  if (doneOn) return { kind: "done", on: doneOn[1] ?? doneOn[2] ?? doneOn[3]! };
  const percent = PERCENT.exec(key);
  if (percent) return fromPercent(Number(percent[1]), value.trim());
  const text = value.trim();
  return CANCELLED.has(key) ? { kind: "unknown", text, cancelled: true } : { kind: "unknown", text };
}

/** Whether a status says the work was called off: 已取消, 终止（上级通知）, Cancelled (parseStatus tells it). */
export function isCancelled(status: ParsedStatus): boolean {
  return status.kind === "unknown" && status.cancelled === true;
}

/** Progress in per cent; a number cell up to 1 is a fraction, because a cell showing 100% holds 1. */
function fromPercent(percent: number, text: string): ParsedStatus {
  if (percent === 100) return DONE_STATUS;
  if (percent >= 0 && percent < 100) return OPEN_STATUS;
  return { kind: "unknown", text };
}
