// 中文 wording of every message, label and notice.

import { formatPeriod } from "../recurring/period-label";
import { PICTURE_WORDS } from "../values/picture";
import type { BulletinFacts, Catalogue, ScoringFacts, TrendMove } from "./catalogue";

/** 图表工作表, 对话框工作表, 宏表 (OtherSheetKind), for a name that points at one. */
const SHEET_KINDS: Readonly<Record<string, string>> = {
  chart: "图表工作表",
  dialog: "对话框工作表",
  macro: "宏表",
};

/**
 * A list the engine gives as data (2, 5, 6 …; 任务, 汇总 … (+3)) as Chinese writes one: 、 between, …… for the
 * rest.
 */
const enumerated = (list: unknown) =>
  String(list)
    .replaceAll(", ", "、")
    .replace(/ … \(\+(\d+)\)$/, "……（另有 $1 张）")
    .replace(/ …$/, "……");

/** What is wrong with a sheet chosen in the settings: not there, or not a worksheet. */
const absent = (kind: unknown) =>
  kind === undefined ? "不在工作簿中" : `是一张${SHEET_KINDS[String(kind)]}，不是普通工作表`;

const CYCLE_ZH: Readonly<Record<string, string>> = {
  year: "年",
  half: "半年",
  quarter: "季度",
  month: "月",
  halfMonth: "半月",
  tenDay: "旬",
  week: "周",
  day: "日",
};

/** 综采一队、机电科、通风区等 5 个单位 */
function names(units: readonly string[]): string {
  return units.length > 3 ? `${units.slice(0, 3).join("、")}等 ${units.length} 个单位` : units.join("、");
}

/** 2026-11-18 -> 2026年11月18日 */
function chineseDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${year}年${month}月${day}日`;
}

/** 综采一队（名次上升 3 位，得分提高 2.5 分）; tied units 均… */
function moved(move: TrendMove): string {
  const { rankChange: r, scoreChange: s } = move;
  const rank = r > 0 ? `名次上升 ${r} 位` : r < 0 ? `名次下降 ${-r} 位` : "名次不变";
  const score = s === undefined || s === 0 ? "" : `，得分${s > 0 ? "提高" : "下降"} ${Math.abs(s)} 分`;
  return `${names(move.units)}（${move.units.length > 1 ? "均" : ""}${rank}${score}）`;
}

/** 一总结一通报: the paragraph read out at the dispatch meeting. */
function bulletin(f: BulletinFacts): string {
  const parts: string[] = [];
  let opening = `截至${chineseDate(f.asOf)}，${f.sheet}共有任务 ${f.tasks} 项，已完成 ${f.done} 项，完成率 ${f.completionRate}`;
  if (f.done > 0 && f.onTime === f.done) opening += "，均按时完成";
  else if (f.onTime + f.late > 0) opening += `，其中按时完成 ${f.onTime} 项、逾期完成 ${f.late} 项`;
  parts.push(`${opening}。`);
  if (f.open === 0) {
    if (f.tasks > 0) parts.push("全部任务均已完成。");
  } else if (f.overdue === 0) {
    parts.push(`未完成 ${f.open} 项，均未逾期。`);
  } else {
    let open = `未完成 ${f.open} 项，其中逾期 ${f.overdue} 项`;
    if (f.overdueLeaders.length > 0)
      open += `，逾期较多的是${f.overdueLeaders.map((l) => `${l.unit}（${l.overdue} 项）`).join("、")}`;
    if (f.sharedOverdue.length > 0)
      open += `；多个单位共同的任务逾期${f.sharedOverdue.map((l) => `${l.unit}（${l.overdue} 项）`).join("、")}`;
    parts.push(`${open}，请督促尽快办结。`);
  }
  if (f.dueSoon > 0) {
    const when = f.dueSoonDays > 0 ? `将在 ${f.dueSoonDays} 个工作日内到期` : "今天到期";
    parts.push(`另有 ${f.dueSoon} 项${when}，请相关单位抓紧办理。`);
  }
  if (f.missingInstances > 0) {
    let omissions = `按工作规范应报未报（漏项）${f.missingInstances} 项`;
    if (f.omissionLeaders.length > 0)
      omissions += `，漏项较多的是${f.omissionLeaders.map((l) => `${l.unit}（${l.omissions} 项）`).join("、")}`;
    parts.push(`${omissions}。`);
  }
  if (f.top) {
    let ranking =
      f.top.units.length > 1
        ? `本期考核${f.method}，${names(f.top.units)}并列第一（${f.top.score} 分）`
        : `本期考核${f.method}，排名第一的是${f.top.units[0]}（${f.top.score} 分）`;
    if (f.bottom) ranking += `，排名靠后的是${names(f.bottom.units)}（${f.bottom.score} 分）`;
    parts.push(`${ranking}。`);
  }
  if (f.trend && (f.trend.improved.units.length > 0 || f.trend.declined.units.length > 0)) {
    const { since, improved, declined } = f.trend;
    const moves = [
      ...(improved.units.length > 0 ? [`进步最大的是${moved(improved)}`] : []),
      ...(declined.units.length > 0 ? [`退步最大的是${moved(declined)}`] : []),
    ];
    parts.push(`与上次检查（${chineseDate(since)}）相比，${moves.join("，")}。`);
  }
  if (f.offRoster.length > 0) {
    const listed = f.offRoster
      .map((u) =>
        u.suggestion === undefined
          ? `“${u.unit}”（${u.tasks} 项）`
          : `“${u.unit}”（${u.tasks} 项，应为“${u.suggestion}”？）`,
      )
      .join("、");
    parts.push(`${listed}不在单位名单中，未参与排名，请核实更正责任单位名称。`);
  }
  parts.push(
    f.dataProblems > 0
      ? `有 ${f.dataProblems} 项任务填报不规范（缺项、日期或完成情况无法识别等），请各单位核实更正。`
      : "填报数据未发现问题。",
  );
  return parts.join("");
}

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
    formulaError: (v) =>
      `${v.cell}：${v.fieldName}是公式算出的错误值“${v.value}”。请检查这个单元格的公式：它引用的工作表或单元格可能已被删除或改名。`,
    severalDates: (v) =>
      `${v.cell}：${v.fieldName}“${v.value}”写了 ${v.count} 个日期（${v.dates}），一个单元格只能写一个日期。分阶段完成的任务请拆成几行，每行写一个阶段和它的日期。`,
    recurringDeadline: (v) =>
      `${v.cell}：${v.fieldName}“${v.value}”是周期性的时限，不是某一天，无法判断是否逾期。请写本项任务的完成日期；按周期重复的工作请列入“工作规范”表（写明周期和时限），逐期在“台账”中登记，Duban 会按期检查漏项。`,
    relativeDeadline: (v) =>
      `${v.cell}：${v.fieldName}“${v.value}”没有写明是哪一天（从哪天算起？），无法判断是否逾期。请写出到期的那一天，例如 2026-11-05 或 2026年11月5日。`,
    holidayDeadline: (v) =>
      `${v.cell}：${v.fieldName}“${v.value}”没有写明是哪一天（节日前的哪一天？），无法判断是否逾期。请写出到期的那一天，例如 2026-09-30 或 2026年9月30日。`,
    unknownStatus: (v) => `${v.cell}：完成情况“${v.value}”无法识别。请写“已完成”，或“进行中”“未开始”等。`,
    invalidCycle: (v) =>
      `${v.cell}：周期“${v.value}”无法识别。请写年、半年、季、月、半月、旬、周、日或一次性。`,
    invalidNumber: (v) => `${v.cell}：${v.fieldName}“${v.value}”不是数字。请填写数字，例如 5。`,
    scoreOverPoints: (v) => `${v.cell}：得分 ${v.score} 超过分值 ${v.points}。请核对得分。`,
    duplicateTask: (v) =>
      `${v.cell}：与第 ${v.firstRow} 行的任务和责任单位相同。请删除重复行，或写明两者的区别。`,
    unknownUnit: (v) =>
      `${v.cell}：“${v.unit}”不在单位名单中，是否应为“${v.suggestion}”？请改正单位名称，或把它加入单位名单。`,
    groupUnit: (v) =>
      `${v.cell}：“${v.unit}”指多个单位，这项任务的完成和逾期无法计入其中任何一个单位，也不参与排名。请写明牵头单位（如“机电科、综采一队”，第一个为牵头单位）；各单位都要做的周期性工作请列入工作规范表。`,
    doneWithoutDate: (v) => `${v.cell}：任务已完成，但未填写完成日期。请补填完成日期。`,
    dateInFuture: (v) => `${v.cell}：完成日期 ${v.date} 晚于检查日 ${v.asOf}。请核对完成日期。`,
    overdue: (v) =>
      `${v.cell}：完成时限 ${v.deadline} 已过 ${v.days} 天，任务尚未完成。请督促${v.unit || "责任单位"}办结，或更新完成情况。`,
    overdueDoneDate: (v) =>
      `${v.cell}：完成时限 ${v.deadline} 已过 ${v.days} 天，完成情况为空，但已填完成日期 ${v.date}。若已完成，请在完成情况中写“已完成”；否则请督促${v.unit || "责任单位"}办结。`,
    dueSoon: (v) =>
      `${v.cell}：完成时限 ${v.deadline}，只剩 ${v.workdays} 个工作日。请提醒${v.unit || "责任单位"}按时完成。`,
    dueToday: (v) =>
      `${v.cell}：今天（${v.deadline}）到期，任务尚未完成。请提醒${v.unit || "责任单位"}今天办结。`,
    doneLate: (v) => `${v.cell}：${v.date} 完成，比完成时限 ${v.deadline} 晚 ${v.days} 天。`,
    missingInstance: (v) =>
      `${v.cell}：${v.unit}${formatPeriod(String(v.period), "zh-CN")}的“${v.task}”在台账中没有记录（漏项），应于 ${v.deadline} 前完成，已过 ${v.daysPastDue} 天。请督促${v.unit}补报，或在台账中补登。`,
    unknownTask: (v) =>
      `${v.cell}：台账中的任务“${v.task}”不在工作规范中，是否应为“${v.suggestion}”？请改为规范中的任务名称。`,
    unknownTaskNoSuggestion: (v) =>
      `${v.cell}：台账中的任务“${v.task}”不在工作规范中。请改为规范中的任务名称，或把它加入工作规范。`,
    invalidDeadlineRule: (v) =>
      `${v.cell}：完成时限“${v.value}”无法识别。请写成“每月25日前”“每季度末”“每周五”“年底前”这样的规则。`,
    deadlineRuleCycle: (v) =>
      `${v.cell}：完成时限“${v.value}”与周期“${CYCLE_ZH[String(v.cycle)] ?? v.cycle}”不符。请改正周期或完成时限。`,
    invalidPeriod: (v) =>
      `${v.cell}：期次“${v.value}”无法识别。请写成 2026年10月、2026年第3季度、2026年11月上旬 或 2026年第46周 这样的期次。`,
    periodCycle: (v) =>
      `${v.cell}：“${v.task}”按${CYCLE_ZH[String(v.cycle)] ?? v.cycle}开展，期次“${v.value}”说不清是哪一${CYCLE_ZH[String(v.cycle)] ?? ""}。请写明具体期次。`,
    missingPeriod: (v) => `${v.cell}：期次为空。请填写这条记录所属的期次，例如 2026年10月。`,
  },
  notices: {
    recurringNoLedger: (v) =>
      `找到工作规范“${v.sheet}”，但没有找到台账，未检查漏项。请加一张名为“台账”、带“期次”列的表，或用 --ledger 指定台账。`,
    recurringGroupNoRoster: (v) =>
      `工作规范“${v.sheet}”第 ${enumerated(v.rows)} 行的“${v.words}”需要单位名单才能展开，这些单位的漏项未检查。请加一张“单位名单”表，第二列写单位类型（区队、科室、支部）。`,
    recurringGroupNoMatch: (v) =>
      `工作规范“${v.sheet}”第 ${enumerated(v.rows)} 行的“${v.words}”在单位名单中没有对应类型的单位。请在单位名单第二列写明单位类型。`,
    recurringGroupVague: (v) =>
      `工作规范“${v.sheet}”第 ${enumerated(v.rows)} 行的“${v.words}”没有指明是哪些单位，这些行的漏项未检查。请写明单位，或写“各区队”“各科室”等单位类别。`,
    hiddenRowFindings: (v) =>
      `“${v.sheet}”中有 ${v.count} 行问题所在的行被隐藏或筛选掉了（第 ${enumerated(v.rows)} 行），这些行照常检查，但标记要取消隐藏或清除筛选后才能看到。`,
    cancelledTasks: (v) =>
      `“${v.sheet}”中有 ${v.count} 项任务的完成情况写明已取消或终止（第 ${enumerated(v.rows)} 行），这些任务不再检查，也不计入汇总和排名。`,
    tableYear: (v) =>
      `“${v.sheet}”的标题写的是 ${v.year} 年：没有写年份的日期（如“3月底”“12月中旬”）按 ${v.year} 年计，而不是检查日所在的 ${v.asOfYear} 年。`,
    unaddressedTasks: (v) =>
      `“${v.sheet}”中有 ${v.count} 项未完成的任务责任单位只写了“${v.words}”（第 ${enumerated(v.rows)} 行），没有写明是哪些单位：督办单无法发出，也不计入任何单位。请在任务表中写明责任单位。`,
    formulasWithoutValues: (v) =>
      `“${v.sheet}”中有 ${v.count} 个公式单元格没有保存计算结果（${enumerated(v.cells)}），Duban 只能把它们当作空单元格。这个文件多半是程序生成、没有在 Excel 中保存过：请在 Excel 或 WPS 中打开它，保存一次后再检查。`,
    calendarAssumed: (v) =>
      `工作日历只收录到 ${v.lastYear} 年，${v.from} 起按周一至周五计算工作日。请在工作簿中加一张“节假日”表，写明此后的放假和调休日期。`,
    rosterSheetMissing: (v) =>
      `设置中指定的单位名单“${v.sheet}”${absent(v.kind)}，本次没有按名单核对责任单位，排名包括表中的所有单位。请在设置中改为工作簿中现有的表（${enumerated(v.sheets)}），或删去这一设置，按表名“单位名单”自动查找。`,
    holidaySheetMissing: (v) =>
      `设置中指定的节假日表“${v.sheet}”${absent(v.kind)}，其中的放假和调休日期本次没有用上。请在设置中改为工作簿中现有的表（${enumerated(v.sheets)}），或删去这一设置，按表名“节假日”自动查找。`,
  },
  tableProblems: {
    "sheet-not-found": (v) =>
      `没有名为“${v.sheet}”的工作表。工作簿中有：${enumerated(v.sheets)}。请检查 --sheet 或设置中的表名。`,
    "not-a-worksheet": (v) =>
      `“${v.sheet}”是一张${SHEET_KINDS[String(v.kind)]}，不是普通工作表，其中没有可检查的表格。工作簿中的工作表有：${enumerated(v.sheets)}。请检查 --sheet 或设置中的表名。`,
    "no-table": (v) =>
      v.hiddenSheet !== undefined
        ? `隐藏的工作表“${v.hiddenSheet}”中有任务表的表头，但隐藏的表不会被自动选为任务表。请取消隐藏这张表，或用 --sheet 或设置中的表名指定它。`
        : v.sheets === ""
          ? `工作簿中没有可以读取的工作表。请在 Excel、WPS 或 LibreOffice 中打开它，另存为 .xlsx 后再检查。`
          : `在工作表（${enumerated(v.sheets)}）的前 30 行中没有找到任务表的表头。表头应含“工作任务”“责任单位”“完成时限”等列；也可用 --sheet 和设置中的 headerRow 指定。`,
    "no-header": (v) =>
      `工作表“${v.sheet}”的前 30 行中没有找到含“工作任务”列的表头。请在设置中用 headerRow 指定表头所在行。`,
    "missing-columns": (v) =>
      v.headerFound === undefined
        ? `工作表“${v.sheet}”第 ${v.row} 行的表头缺少必需的列：${v.fields}（已识别：${v.found}）。请补上这些列，或在设置的 columns 中指明列号。`
        : `设置的表头行是第 ${v.row} 行，但工作表“${v.sheet}”的表头在第 ${v.headerFound} 行（第 ${v.row} 行缺少：${v.fields}）。请把设置中的 headerRow 改为 ${v.headerFound}，或删去这一设置，自动查找表头。`,
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
    listSeparator: "、",
    none: "无",
    reading: "读取",
    checking: "检查",
    moreFindings: "另有 {n} 条，完整列表请用 --json 输出。",
    noUnit: "（未填单位）",
    noCategory: "（未分类）",
  },
  output: {
    sheetNames: {
      issues: "问题清单",
      summary: "汇总",
      ranking: "排名",
      history: "考核记录",
      notices: "督办单",
      omissions: "漏项清单",
      progress: "网络推进图",
      feedback: "反馈情况",
    },
    title: (v) => `${v.name} · ${v.sheet} · 检查日 ${v.asOf}`,
    issuesSubtitle: (v) =>
      `文件：${v.file} · 任务 ${v.tasks} 项 · 问题 ${v.findings} 条（错误 ${v.error}、警告 ${v.warning}、提示 ${v.info}）`,
    summarySubtitle: (v) =>
      `文件：${v.file} · 任务 ${v.tasks} 项 · 责任单位 ${v.units} 个` +
      (v.idle > 0 ? `（名单另有 ${v.idle} 个无任务）` : "") +
      ` · 完成率 ${v.completionRate}`,
    rankingSubtitle: (v) =>
      `文件：${v.file} · 责任单位 ${v.units} 个 · ${v.formula}` +
      (v.previous ? ` · 名次变化与 ${v.previous} 的排名相比` : ""),
    noticesSubtitle: (v) => `文件：${v.file} · ${v.units} 个单位有未完成任务，共 ${v.tasks} 项`,
    omissionsSubtitle: (v) => `文件：${v.file} · 依据“${v.spec}” · ${v.units} 个单位共漏报 ${v.omissions} 项`,
    omissionsHeader: ["工作任务", "责任单位", "期次", "完成时限", "逾期天数", "规范中的行"],
    feedback: {
      subtitle: (v) =>
        `主表：${v.file} · 轮次 ${v.round} · ${v.units} 个单位中 ${v.answered} 个已反馈 · 采纳修改 ${v.changes} 处 · 未采纳 ${v.rejected} 处` +
        (v.kept > 0 ? `（其中 ${v.kept} 处是多单位任务的办结反馈，已记下，待其余单位反馈）` : "") +
        ` · 未使用的文件 ${v.skipped} 个`,
      noRound: "无（仅表格副本）",
      unitsHeader: ["责任单位", "反馈", "反馈文件", "更新行数", "未采纳行数"],
      sharedProgressTitle: (n) => `多个单位共同的任务，尚待其余单位反馈办结（${n} 项）`,
      sharedProgressHeader: ["单元格", "工作任务", "已反馈办结", "尚待反馈"],
      unitList: (units) => units.join("、"),
      answered: "已反馈",
      notAnswered: "未反馈",
      unusableFile: "反馈文件无法使用（见下文）",
      changesTitle: (n) => `已采纳的修改（${n} 处）`,
      changesHeader: ["单元格", "工作任务", "字段", "原值", "新值", "反馈文件"],
      noChanges: "没有采纳任何修改。",
      rejectedTitle: (n) => `未采纳的反馈（${n} 处）`,
      rejectedHeader: ["单元格", "工作任务", "字段", "原因", "主表的值", "反馈的值", "反馈文件"],
      noRejected: "所有反馈均已采纳。",
      reasons: {
        masterChanged: "督办单发出后主表已改动，保留主表的值，请核对",
        disagree: "两份反馈不一致，均未采纳，请核实",
        protectedField: "改动了工作任务、责任单位或完成时限，该行反馈均未采纳",
        otherUnit: "改动了其他单位的任务",
        sharedTask:
          "多个单位共同的任务（如“各单位”）：一个单位的反馈不等于任务的进展，主表只保留一个状态，所有相关单位都反馈办结后写入主表",
        sharedWaiting:
          "多个单位共同的任务（如“各单位”）：已记下该单位办结，所有相关单位都反馈办结后（可在以后的合并中）写入主表",
        olderRound: "来自较早一轮的督办单",
        noMatch: "主表中找不到这项任务",
        mergedCell: "主表中该单元格跨行合并，请手工填写",
        formulaCell: "主表中该单元格是其他单元格共用的公式，请手工填写",
        picture:
          "反馈的是嵌入单元格的图片，图片只在反馈文件中，Duban 无法写入主表：请打开反馈文件，把图片复制到主表的这一格",
      },
      picture: PICTURE_WORDS["zh-CN"],
      disagreeWith: (v) => `（另一份：${v.file}，值为“${v.value}”）`,
      waitingFor: (units) => `（尚待 ${units.join("、")} 反馈办结）`,
      returnedRow: (row) => `反馈表第 ${row} 行`,
      skippedTitle: (n) => `未使用的文件（${n} 个）`,
      skippedHeader: ["文件", "原因", "详情"],
      skippedReasons: {
        notWorkbook: "不是 Excel 工作簿",
        damaged: "文件已损坏，无法打开",
        encrypted: "文件设有密码，无法读取",
        notAnswer: "既不是督办单，也不是任务表",
        otherMaster: "是另一份主表的督办单",
      },
      unattributed: "与主表一致，没有反馈内容",
    },
    progress: {
      subtitle: (v) =>
        `文件：${v.file} · 未完成 ${v.open} 项、近 ${v.recentDays} 天完成 ${v.done} 项 · 按${v.scale === "week" ? "周" : "月"}（${v.from} 至 ${v.to}）` +
        (v.undated > 0 ? ` · 另有 ${v.undated} 项无完成时限日期，未列出` : "") +
        (v.notDrawn > 0
          ? ` · 最多画 ${v.limit} 项（先画逾期和临近到期的），另有 ${v.notDrawn} 项未画出`
          : ""),
      header: ["工作任务", "责任单位", "开始时间", "完成时限", "状态"],
      today: "今天",
      legend: {
        planned: "计划",
        done: "已完成",
        late: "逾期完成",
        overdue: "逾期",
        today: (asOf) => `今天 ${asOf}`,
      },
      month: (month) => `${month}月`,
      year: (year) => `${year}年`,
      noTasks: "没有未完成或近期完成的任务。",
    },
    history: {
      subtitle: (v) =>
        `文件：${v.file} · 共 ${v.checks} 次检查（${v.from === v.to ? v.from : `${v.from} 至 ${v.to}`}）· ${v.method}` +
        (v.since ? ` · 变化与 ${v.since} 的检查相比` : ""),
      latest: "本期",
      latestLine: (v) => `${v.score.toFixed(2)}${v.change ? ` ${v.change}` : ""}（第${v.rank}名）`,
      notRankedNow: "本期未排名",
      scoreChange: "得分变化",
      chartTitle: (v) => (v.shown < v.units ? `得分走势（排名前 ${v.shown} 的单位）` : "各单位得分走势"),
    },
    scoreFormula: (v) =>
      `得分 = ${v.base}${v.terms.map((t) => ` − ${t.weight}×${t.name}`).join("")}，最低 0 分`,
    legend: {
      overdue: { label: "逾期", meaning: () => "红色：未完成，已过完成时限（时限当天不算逾期）" },
      dueSoon: { label: "即将到期", meaning: (v) => `黄色：未完成，${v.days} 个工作日内到期` },
      doneLate: { label: "逾期完成", meaning: () => "蓝色：已完成，但完成日期晚于完成时限" },
      data: {
        label: "数据问题",
        meaning: () => "橙色：缺项、日期或数字无法识别、任务重复、单位不在名单中等，请核实更正",
      },
      merged: { label: "反馈已合并", meaning: () => "浅蓝：本次合并反馈改写的单元格" },
    },
    rowRef: (row) => `第 ${row} 行`,
    hiddenRef: (ref) => `${ref}（隐藏）`,
    completionChartTitle: "各单位完成率",
    bulletinTitle: "通报",
    bulletin,
    checkNotesTitle: "检查说明",
    rankChange: "名次变化",
    rankNew: "新",
    scoringMethod: (v) => {
      const terms = (list: ScoringFacts["terms"]) => list.map((t) => `${t.weight}×${t.name}`).join(" + ");
      const { scoring } = v;
      if (scoring.method === "points") {
        const minus = v.terms.map((t) => ` − ${t.weight}×${t.name}`).join("");
        return `计分方法：考核评分，得分 = ${v.base} × 得分合计 ÷ 分值合计${minus}，最低 0 分`;
      }
      const lead = scoring.noPoints ? "表中没有分值，改按扣分计分；" : "计分方法：";
      if (scoring.perTask) {
        const { plantRate, averageTasks, smoothing } = scoring.perTask;
        return (
          `${lead}按任务数折算扣分，得分 = ${v.base} − 扣分率 × 平均任务数 ${averageTasks}，` +
          `扣分率 =（扣分 + ${smoothing} × 全部单位扣分率 ${plantRate}）÷（任务数 + ${smoothing}），` +
          `扣分 = ${terms(v.terms) || "0"}，最低 0 分`
        );
      }
      return `${lead}扣分制，得分 = ${v.base}${v.terms.map((t) => ` − ${t.weight}×${t.name}`).join("")}，最低 0 分`;
    },
    scoringName: (scoring) =>
      scoring.method === "points"
        ? "按考核评分（得分÷分值）计分"
        : `${scoring.noPoints ? "因表中没有分值" : ""}按${scoring.perTask ? "任务数折算扣分" : "扣分"}计分`,
    notRanked: "无任务，不排名",
    noTasks: "无任务",
    offRosterTitle: (units) => `不在名单的单位（${units} 个，未参与排名，请更正）`,
    offRosterHeader: ["表中填写", "应为（建议）", "任务数", "未完成", "逾期"],
    groupTitle: () => "多个单位共同的任务（已列入各相关单位的督办单，不参与排名）",
    groupHeader: ["表中填写", "发给", "任务数", "未完成", "逾期"],
    groupSentTo: (units) => (units > 0 ? `${units} 个单位` : "未写明单位，无法发出"),
    noticeHeading: (unit) => `督办单：${unit}`,
    sharedTaskText: (task, word) => `${task}（${word}）`,
    noticeUnaddressed: (word) => `未写明单位：${word}`,
    noticeUnaddressedLine: (v) =>
      `检查日 ${v.asOf} · 未完成 ${v.open} 项，其中逾期 ${v.overdue} 项、即将到期 ${v.dueSoon} 项。责任单位只写了“${v.word}”，督办单无法确定发给谁：请在任务表中写明责任单位。`,
    noticeLine: (v) =>
      `检查日 ${v.asOf} · 未完成 ${v.open} 项，其中逾期 ${v.overdue} 项、即将到期 ${v.dueSoon} 项。请逐项办理，办结后及时反馈。`,
    taskRow: "行号",
    reminder: "督办提示",
    overdueDays: (days) => `逾期 ${days} 天`,
    dueInWorkdays: (workdays) => `还剩 ${workdays} 个工作日`,
    dueToday: "今天到期",
    ongoing: "长期",
    statusBlank: "未填写",
    noOpenTasks: "没有需要督办的任务。",
    noticeReturnBy: (v) =>
      `请于 ${v.day}（星期${"一二三四五六日"[v.weekday - 1]}）前填写本表并发回督办部门。`,
    noticeInputs: (v) => `黄色单元格可填写：${v.fields.join("、")}；其余内容请勿改动。`,
    statusChoices: ["未开始", "进行中", "已完成", "已办结"],
    statusPrompt: { title: "完成情况", text: "请从下拉列表中选择，也可填写进度，如 60%。" },
    statusWarning: {
      title: "完成情况",
      text: "建议从下拉列表中选择：未开始、进行中、已完成、已办结。仍要使用所填内容吗？",
    },
    doneDatePrompt: (v) => ({ title: "完成日期", text: `已完成的任务请填写完成日期，如 ${v.example}。` }),
    doneDateError: (v) => ({
      title: "完成日期",
      text: `请填写 ${v.min} 至 ${v.max} 之间的日期，如 ${v.example}。`,
    }),
  },
};
