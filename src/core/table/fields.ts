// The columns of a task table and the names clerks give them.

import { compactKey } from "../values/text";

export const FIELDS = [
  "id",
  "category",
  "task",
  "standard",
  "unit",
  "person",
  "cycle",
  "start",
  "deadline",
  "status",
  "doneDate",
  "points",
  "score",
  "evidence",
  "note",
] as const;

export type Field = (typeof FIELDS)[number];

/** A row is a task only with these; a table lacking one of these columns cannot be checked. */
export const REQUIRED_FIELDS: readonly Field[] = ["task", "unit", "deadline"];

export const FIELD_SYNONYMS: Readonly<Record<Field, readonly string[]>> = {
  id: ["序号", "编号", "任务编号", "No.", "No", "ID"],
  // 专业: a mine's or plant's discipline (采掘, 机电, 通风, 运输), as its ledgers group their rows.
  category: ["类别", "分类", "类型", "维度", "板块", "任务类别", "专业", "Category", "Type", "Area"],
  task: [
    "工作任务",
    "任务",
    "任务名称",
    "工作内容",
    "重点工作",
    "事项",
    "工作事项",
    "重点任务",
    // A hazard ledger's (隐患排查治理台账) and an inspection's list of problems to put right (问题整改清单).
    "隐患内容",
    "隐患描述",
    "隐患名称",
    "隐患问题",
    "问题描述",
    "问题内容",
    "发现问题",
    "存在问题",
    "具体问题",
    "反馈问题",
    "整改内容",
    // What a leader instructed (批示件) or a meeting handed down, followed up as tasks.
    "批示内容",
    "领导批示",
    "批示事项",
    "督办内容",
    "交办内容",
    "Task",
    "Item",
    "Description",
    "Title",
  ],
  standard: ["工作标准", "标准", "要求", "完成标准", "工作要求", "Standard", "Requirement"],
  unit: [
    "责任单位",
    "牵头单位",
    "责任部门",
    "承办单位",
    "责任科室",
    "责任处室",
    "牵头部门",
    "牵头科室",
    "承办部门",
    "主责单位",
    "主责部门",
    "主办单位",
    "主办部门",
    "负责单位",
    "负责部门",
    "实施单位",
    "执行单位",
    "归口单位",
    "归口部门",
    "承办科室",
    "落实单位",
    "责任主体",
    "责任区队",
    "责任车间",
    "责任单位部门",
    "整改单位",
    "办理单位",
    "承办处室",
    "Unit",
    "Owner",
    "Department",
    "Dept",
    "Responsible",
  ],
  person: ["责任人", "负责人", "联系人", "承办人", "经办人", "Person", "Assignee"],
  cycle: ["周期", "工作周期", "频次", "频率", "频度", "Cycle", "Frequency", "Recurrence"],
  start: ["开始时间", "开始日期", "启动时间", "Start", "Start date"],
  deadline: [
    "完成时限",
    "完成时间",
    "截止日期",
    "截止时间",
    "时限",
    "办结时限",
    "完成期限",
    "办结期限",
    "期限",
    "时间节点",
    "完成节点",
    // 时间要求: when it is required by, not a requirement of the work (要求 alone names the standard).
    "时间要求",
    "计划完成",
    "Deadline",
    "Due",
    "Due date",
    "Due by",
    "Target date",
  ],
  status: [
    "完成情况",
    "是否完成",
    "是否办结",
    "完成与否",
    "状态",
    "进度",
    "办理情况",
    "进展情况",
    "推进情况",
    "落实情况",
    "办结情况",
    "整改情况",
    "整改结果",
    "反馈情况",
    "办理结果",
    "落实结果",
    "工作进展",
    "进展",
    "Status",
    "Progress",
  ],
  doneDate: [
    "完成日期",
    "实际完成时间",
    "办结时间",
    "办结日期",
    "实际完成日期",
    // 销号: a hazard struck off the ledger once its putting right is checked.
    "销号时间",
    "销号日期",
    "Completed",
    "Completed on",
    "Done date",
  ],
  points: ["分值", "权重", "Points", "Weight"],
  score: ["得分", "Score"],
  evidence: ["佐证材料", "佐证", "附件", "支撑材料", "证明材料", "Evidence", "Attachment"],
  note: ["备注", "说明", "Notes", "Note", "Remarks", "Comments", "Comment"],
};

export const FIELD_INDEX: Readonly<Record<Field, number>> = Object.fromEntries(
  FIELDS.map((field, index) => [field, index]),
) as Record<Field, number>;

const EXACT = new Map<string, Field>();
const PARTIAL: Array<{ key: string; field: Field }> = [];
for (const field of FIELDS) {
  for (const name of FIELD_SYNONYMS[field]) {
    const key = compactKey(name);
    if (key === "") continue;
    if (!EXACT.has(key)) EXACT.set(key, field);
    // Short Latin names (id, no, due) only match whole headers: "notes" must not read as "no".
    const isLatin = /^[a-z0-9]+$/.test(key);
    if ((isLatin && key.length >= 4) || (!isLatin && key.length >= 2)) PARTIAL.push({ key, field });
  }
}
PARTIAL.sort((a, b) => b.key.length - a.key.length);

const BRACKETED = /[(（[【《<].*?[)）\]】》>]/gu;

/** A header's field, and whether the header is one of the field's names (not merely starts or ends with one). */
export interface HeaderMatch {
  readonly field: Field;
  readonly exact: boolean;
}

/** The words a header of a planned or required day starts with: 计划, 要求, 应, 规定, 预计, 拟. */
export const PLAN = "(?:计划|要求|应|规定|预计|拟)";
/** 计划完成日期, 要求完成时间: a planned or required day is the deadline, whatever its last words say. */
const PLANNED = new RegExp(`^${PLAN}(?:完成|办结)`);
/** A header that says where a task comes from (a document, an instruction) names no field of the table. */
const SOURCE = /(?:来源|依据|出处|文号)$/;
/** 完成时间（实际）: an actual day is the completion date. */
const ACTUAL = /实际/;

/**
 * The field a header names, or undefined. Whole names win; then the name without a bracketed note
 * (责任单位（部门）); then the longest known name the header starts or ends with (主要工作任务). A planned day
 * (计划完成日期) is a deadline and an actual one (完成时间（实际）) a completion date.
 */
export function matchHeader(header: string): HeaderMatch | undefined {
  const key = compactKey(header);
  if (key === "") return undefined;
  const exact = EXACT.get(key) ?? EXACT.get(compactKey(header.normalize("NFKC").replace(BRACKETED, "")));
  let match: HeaderMatch | undefined = exact && { field: exact, exact: true };
  if (!match) {
    // 任务来源, 工作依据, 督办事项出处: where a task comes from, not the task.
    if (SOURCE.test(key)) return undefined;
    const partial = longestPartial(key);
    match = partial && { field: partial.field, exact: false };
  }
  if (match?.field === "doneDate" && PLANNED.test(key)) return { field: "deadline", exact: match.exact };
  if (match?.field === "deadline" && ACTUAL.test(key)) return { field: "doneDate", exact: match.exact };
  return match;
}

/**
 * The longest known name a header starts or ends with; of two as long, the one it starts with: 完成情况及存在问题
 * is a status with its problems, not a problem.
 */
function longestPartial(key: string): { readonly key: string; readonly field: Field } | undefined {
  let ending: (typeof PARTIAL)[number] | undefined;
  for (const name of PARTIAL) {
    if (ending && name.key.length < ending.key.length) break;
    if (key.startsWith(name.key)) return name;
    if (!ending && key.endsWith(name.key)) ending = name;
  }
  return ending;
}

/** The field a header names, or undefined (see matchHeader). */
export function fieldForHeader(header: string): Field | undefined {
  return matchHeader(header)?.field;
}
