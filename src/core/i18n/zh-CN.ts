// 中文 wording of every message, label and notice.

import type { Catalogue } from "./catalogue";

export const zhCN: Catalogue = {
  fields: {
    id: "序号",
    category: "类别",
    task: "工作任务",
    standard: "工作标准",
    unit: "责任单位",
    person: "责任人",
    cycle: "周期",
    start: "开始时间",
    deadline: "完成时限",
    status: "完成情况",
    doneDate: "完成日期",
    points: "分值",
    score: "得分",
    evidence: "佐证材料",
    note: "备注",
  },
  rules: {
    "missing-value": "缺项",
    "invalid-date": "日期无效",
    "unknown-status": "完成情况无法识别",
    "invalid-cycle": "周期无法识别",
    "invalid-number": "不是数字",
    "score-over-points": "得分超过分值",
    "duplicate-task": "任务重复",
    "unknown-unit": "单位不在名单中",
    "done-without-date": "已完成未填日期",
    "date-in-future": "完成日期晚于检查日",
    overdue: "逾期",
    "due-soon": "即将到期",
    "done-late": "逾期完成",
    "missing-instance": "漏项",
    "unknown-task": "任务不在规范中",
  },
  severities: { error: "错误", warning: "警告", info: "提示" },
  messages: {
    missingValue: (v) => `${v.cell}：${v.fieldName}为空。请填写${v.fieldName}。`,
    invalidDate: (v) =>
      `${v.cell}：${v.fieldName}“${v.value}”不是有效日期。请写成 2026-11-05 或 2026年11月5日 这样的日期。`,
    unknownStatus: (v) => `${v.cell}：完成情况“${v.value}”无法识别。请写“已完成”，或“进行中”“未开始”等。`,
    invalidCycle: (v) => `${v.cell}：周期“${v.value}”无法识别。请写年、半年、季、月、旬、周、日或一次性。`,
    invalidNumber: (v) => `${v.cell}：${v.fieldName}“${v.value}”不是数字。请填写数字，例如 5。`,
    scoreOverPoints: (v) => `${v.cell}：得分 ${v.score} 超过分值 ${v.points}。请核对得分。`,
    duplicateTask: (v) =>
      `${v.cell}：与第 ${v.firstRow} 行的任务和责任单位相同。请删除重复行，或写明两者的区别。`,
    unknownUnit: (v) =>
      `${v.cell}：“${v.unit}”不在单位名单中，是否应为“${v.suggestion}”？请改正单位名称，或把它加入单位名单。`,
    unknownUnitNoSuggestion: (v) =>
      `${v.cell}：“${v.unit}”不在单位名单中。请改正单位名称，或把它加入单位名单。`,
    doneWithoutDate: (v) => `${v.cell}：任务已完成，但未填写完成日期。请补填完成日期。`,
    dateInFuture: (v) => `${v.cell}：完成日期 ${v.date} 晚于检查日 ${v.asOf}。请核对完成日期。`,
    overdue: (v) =>
      `${v.cell}：完成时限 ${v.deadline} 已过 ${v.days} 天，任务尚未完成。请督促${v.unit || "责任单位"}办结，或更新完成情况。`,
    dueSoon: (v) =>
      `${v.cell}：完成时限 ${v.deadline}，只剩 ${v.workdays} 个工作日。请提醒${v.unit || "责任单位"}按时完成。`,
    dueToday: (v) =>
      `${v.cell}：今天（${v.deadline}）到期，任务尚未完成。请提醒${v.unit || "责任单位"}今天办结。`,
    doneLate: (v) => `${v.cell}：${v.date} 完成，比完成时限 ${v.deadline} 晚 ${v.days} 天。`,
  },
  notices: {
    calendarAssumed: (v) =>
      `工作日历只收录到 ${v.lastYear} 年，${v.from} 起按周一至周五计算工作日。请在工作簿中加一张“节假日”表，写明此后的放假和调休日期。`,
  },
  tableProblems: {
    "sheet-not-found": (v) =>
      `没有名为“${v.sheet}”的工作表。工作簿中有：${v.sheets}。请检查 --sheet 或设置中的表名。`,
    "no-table": (v) =>
      `在工作表（${v.sheets}）的前 30 行中没有找到任务表的表头。表头应含“工作任务”“责任单位”“完成时限”等列；也可用 --sheet 和设置中的 headerRow 指定。`,
    "no-header": (v) =>
      `工作表“${v.sheet}”的前 30 行中没有找到含“工作任务”列的表头。请在设置中用 headerRow 指定表头所在行。`,
    "missing-columns": (v) =>
      `工作表“${v.sheet}”第 ${v.row} 行的表头缺少必需的列：${v.fields}（已识别：${v.found}）。请补上这些列，或在设置的 columns 中指明列号。`,
    "column-not-found": (v) =>
      `设置中为“${v.field}”指定的列“${v.column}”在工作表“${v.sheet}”的表头中不存在。请填写列号（如 H）或准确的列名。`,
  },
  words: {
    check: "检查",
    asOf: "检查日",
    sheet: "工作表",
    headerRow: "表头行",
    tasks: "任务数",
    findings: "问题",
    noFindings: "没有发现问题。",
    severity: "级别",
    rule: "规则",
    cell: "单元格",
    unit: "责任单位",
    task: "工作任务",
    message: "说明",
    category: "类别",
    summaryByUnit: "按单位汇总",
    summaryByCategory: "按类别汇总",
    ranking: "排名",
    total: "合计",
    done: "已完成",
    onTime: "按时完成",
    late: "逾期完成",
    open: "未完成",
    overdue: "逾期",
    dueSoon: "即将到期",
    dataProblems: "数据问题",
    completionRate: "完成率",
    onTimeRate: "按时率",
    rank: "名次",
    score: "得分",
    stars: "星级",
    notices: "提示",
    reading: "读取",
    checking: "检查",
    moreFindings: "另有 {n} 条，完整列表请用 --json 输出。",
    noUnit: "（未填单位）",
    noCategory: "（未分类）",
  },
};
