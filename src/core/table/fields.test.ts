import { FIELD_SYNONYMS, FIELDS, fieldForHeader, type Field } from "./fields";

describe("fieldForHeader", () => {
  test.each(FIELDS.flatMap((field) => FIELD_SYNONYMS[field].map((name) => [name, field] as [string, Field])))(
    "the synonym %j names %s",
    (name, field) => expect(fieldForHeader(name)).toBe(field),
  );

  const variants: Array<[string, Field | undefined]> = [
    ["责 任 单 位", "unit"],
    ["　责任单位　", "unit"],
    ["责任单位：", "unit"],
    ["责任单位\n(部门)", "unit"],
    ["责任单位（牵头）", "unit"],
    ["ＤＵＥ　ＤＡＴＥ", "deadline"],
    ["due date", "deadline"],
    ["DEADLINE", "deadline"],
    ["Due-Date", "deadline"],
    ["主要工作任务", "task"],
    ["计划完成时间", "deadline"],
    ["实际完成时间", "doneDate"],
    ["完成情况及存在问题", "status"],
    ["工作进展及存在问题", "status"],
    ["目前推进情况", "status"],
    ["牵头部门（单位）", "unit"],
    ["完成时间节点", "deadline"],
    ["责任区队", "unit"],
    ["计划完成节点", "deadline"],
    ["配合单位", undefined],
    ["协办单位", undefined],
    ["负责部门（单位）", "unit"],
    ["任务来源", undefined],
    ["工作依据", undefined],
    ["督办事项出处", undefined],
    ["责任部门/单位", "unit"],
    ["办理结果", "status"],
    ["整改期限", "deadline"],
    ["计划完成日期", "deadline"],
    ["要求完成日期", "deadline"],
    ["应完成时间", "deadline"],
    ["完成时间（实际）", "doneDate"],
    ["实际办结日期", "doneDate"],
    ["是否完成", "status"],
    ["经办人", "person"],
    ["任务编号", "id"],
    ["Notes", "note"],
    ["Notes and remarks", "note"],
    ["Nominated", undefined],
    ["填报单位：调度室", undefined],
    ["XX煤矿2026年工作安排", undefined],
    ["", undefined],
  ];
  test.each(variants)("%j names %s", (header, field) => expect(fieldForHeader(header)).toBe(field));
});
