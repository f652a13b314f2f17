// Builds the example workbook: a coal mine's 重点工作任务督办清单 as a dispatch clerk keeps it, with a
// deliberate mix of overdue, due-soon and late tasks and of the data problems the checks look for.
//
// Everything is planned first (`planSample`), then written (`buildSampleWorkbook`) and evaluated
// (`sampleExpectations`) from that one plan, so the expectations can never drift from the workbook.
// All dates are offsets from as-of and the random choices never depend on it, so the rows that carry
// each finding are the same for every as-of.
//
// The reference reading at the end (DONE_WORDS, OPEN_WORDS, CYCLE_WORDS and the status tests after them) is
// written again from SPEC on purpose, not imported from src/core: it is an independent oracle, so a
// mistake in the engine's status words shows up as a disagreement instead of being copied into the
// expectations. A duplicate-code scan points at these lists; keep them.

import * as fs from "node:fs";
import * as path from "node:path";
import ExcelJS from "exceljs";
import {
  type Day,
  dayFromYmd,
  excelSerialFromDay,
  formatDay,
  localDayOf,
  parseIsoDay,
  ymdOf,
} from "../src/core/day";
import { RULE_IDS, type RuleId } from "../src/core/settings";
import { displayWidth } from "../src/core/values/text";

// ---------------------------------------------------------------------------------------------
// Fixed content
// ---------------------------------------------------------------------------------------------

export const SAMPLE_SHEET = "重点工作任务表";
export const SAMPLE_ROSTER_SHEET = "单位名单";
export const SAMPLE_HEADER = [
  "序号",
  "类别",
  "工作任务",
  "工作标准",
  "责任单位",
  "责任人",
  "工作周期",
  "完成时限",
  "完成情况",
  "完成日期",
  "分值",
  "得分",
  "备注",
] as const;
export const SAMPLE_HEADER_ROW = 3;

/** Where each field sits in the sample's task table (SPEC field names). */
export const SAMPLE_COLUMNS = {
  id: "A",
  category: "B",
  task: "C",
  standard: "D",
  unit: "E",
  person: "F",
  cycle: "G",
  deadline: "H",
  status: "I",
  doneDate: "J",
  points: "K",
  score: "L",
  note: "M",
} as const;

/** The roster in sheet order, with the two people who usually sign for each unit. */
const UNITS = [
  { name: "综采一队", people: ["张志强", "刘洪波"] },
  { name: "综采二队", people: ["王海涛", "韩守义"] },
  { name: "掘进一队", people: ["李永刚", "田东升"] },
  { name: "掘进二队", people: ["赵国庆", "曹晓东"] },
  { name: "机电科", people: ["刘建军", "孟凡超"] },
  { name: "运输队", people: ["陈立新", "贾卫东"] },
  { name: "通风科", people: ["杨文斌", "任志远"] },
  { name: "安全科", people: ["周德明", "高晓峰"] },
  { name: "调度室", people: ["吴振华", "冯建平"] },
  { name: "生产技术科", people: ["孙明辉", "胡学军"] },
  { name: "地测科", people: ["马玉林", "郝永生"] },
  { name: "综合办公室", people: ["郭丽娟", "宋雅琴"] },
] as const;

export const SAMPLE_UNITS: readonly string[] = UNITS.map((u) => u.name);

/** 区队 for the 队 (underground crews), 科室 for the offices. */
export function unitType(name: string): "区队" | "科室" {
  return name.endsWith("队") ? "区队" : "科室";
}

export const SAMPLE_CATEGORIES = ["安全生产", "生产经营", "党建工作"] as const;
type Category = (typeof SAMPLE_CATEGORIES)[number];

interface Template {
  readonly task: string;
  readonly standard: string;
  readonly units: readonly string[];
  readonly cycle: string;
  readonly points: number;
}

const 采掘 = ["综采一队", "综采二队", "掘进一队", "掘进二队"];

const TEMPLATES: Readonly<Record<Category, readonly Template[]>> = {
  安全生产: [
    {
      task: "开展井下机电设备专项检查",
      standard: "每月对井下主要机电设备完好状况检查不少于1次，问题整改率100%",
      units: ["机电科", "综采一队", "综采二队"],
      cycle: "月",
      points: 3,
    },
    {
      task: "完成月度瓦斯抽采达标评判",
      standard: "按《煤矿瓦斯抽采达标暂行规定》编制评判报告，经总工程师审批后报公司",
      units: ["通风科"],
      cycle: "月度",
      points: 5,
    },
    {
      task: "开展顶板离层监测与分析",
      standard: "顶板离层仪每班观测并记录，异常及时上报，每月形成分析报告1份",
      units: 采掘,
      cycle: "每月",
      points: 3,
    },
    {
      task: "组织安全风险分级管控年度辨识评估",
      standard: "年度辨识评估报告经矿长签字，重大安全风险管控措施落实到岗到人",
      units: ["安全科"],
      cycle: "年度",
      points: 10,
    },
    {
      task: "开展事故隐患排查治理",
      standard: "隐患排查治理闭环率100%，重大隐患做到“五落实”",
      units: ["安全科", "机电科", "通风科", "运输队"],
      cycle: "旬",
      points: 5,
    },
    {
      task: "完成矿井通风系统测定",
      standard: "每季度全面测风1次，通风系统图及测风报告及时更新上报",
      units: ["通风科"],
      cycle: "季度",
      points: 5,
    },
    {
      task: "落实区域及局部综合防突措施",
      standard: "执行“四位一体”综合防突措施，效果检验指标不超限",
      units: ["通风科", "掘进一队", "掘进二队"],
      cycle: "每月",
      points: 5,
    },
    {
      task: "组织井下水害隐患排查",
      standard: "雨季前完成水害隐患排查，探放水严格执行“有掘必探、先探后掘”",
      units: ["地测科", "掘进一队", "掘进二队"],
      cycle: "季",
      points: 5,
    },
    {
      task: "完成提升运输系统安全检测检验",
      standard: "主副井提升机、架空乘人装置按期检测检验合格，报告存档",
      units: ["机电科", "运输队"],
      cycle: "年",
      points: 5,
    },
    {
      task: "开展安全生产标准化管理体系自评",
      standard: "按《煤矿安全生产标准化管理体系基本要求及评分方法》自评，得分不低于90分",
      units: ["安全科", "综采一队", "综采二队", "掘进一队", "掘进二队", "机电科", "运输队", "通风科"],
      cycle: "每季度",
      points: 5,
    },
    {
      task: "组织生产安全事故应急预案演练",
      standard: "综合应急预案每年演练不少于1次，专项应急预案演练覆盖率100%",
      units: ["调度室", "安全科"],
      cycle: "半年",
      points: 5,
    },
    {
      task: "完成井下安全避险“六大系统”巡检维护",
      standard: "监测监控、人员定位、紧急避险、压风自救、供水施救、通信联络系统运行正常",
      units: ["机电科", "调度室", "通风科"],
      cycle: "月",
      points: 3,
    },
    {
      task: "开展“一通三防”专项检查",
      standard: "局部通风机“双风机、双电源”自动切换试验每天1次，记录齐全",
      units: ["通风科"],
      cycle: "周",
      points: 3,
    },
    {
      task: "开展采空区自然发火监测",
      standard: "束管监测系统每日取样分析，CO浓度异常及时预警处置",
      units: ["通风科", "综采一队", "综采二队"],
      cycle: "每日",
      points: 3,
    },
    {
      task: "完成年度安全培训计划",
      standard: "特种作业人员持证上岗率100%，全员安全培训学时达标",
      units: ["安全科", "综合办公室"],
      cycle: "年",
      points: 5,
    },
    {
      task: "落实矿领导带班下井制度",
      standard: "矿领导每月带班下井次数符合规定，带班记录、交接班记录完整",
      units: ["调度室"],
      cycle: "月",
      points: 3,
    },
    {
      task: "开展带式输送机保护装置试验",
      standard: "跑偏、堆煤、烟雾、温度、超速、撕裂等保护每周试验1次",
      units: ["运输队", "机电科"],
      cycle: "每周",
      points: 3,
    },
    {
      task: "开展综合防尘专项治理",
      standard: "综采工作面喷雾降尘设施完好，作业场所粉尘浓度检测达标",
      units: ["综采一队", "综采二队", "通风科"],
      cycle: "月",
      points: 3,
    },
    {
      task: "完成供电系统预防性试验",
      standard: "年度预防性试验完成率100%，继电保护整定计算正确",
      units: ["机电科"],
      cycle: "年",
      points: 5,
    },
    {
      task: "开展井下消防设施检查",
      standard: "消防材料库、灭火器配置齐全有效，检查台账完整",
      units: ["运输队", "通风科", "安全科"],
      cycle: "季度",
      points: 2,
    },
    {
      task: "开展矿压观测与分析",
      standard: "综采工作面来压预报准确，支架工作阻力记录完整，每月分析1次",
      units: ["综采一队", "综采二队", "生产技术科", "地测科"],
      cycle: "月",
      points: 3,
    },
  ],
  生产经营: [
    {
      task: "完成月度原煤生产计划",
      standard: "月度原煤产量完成计划的100%以上，均衡生产",
      units: ["综采一队", "综采二队"],
      cycle: "月",
      points: 10,
    },
    {
      task: "完成月度巷道掘进进尺",
      standard: "掘进进尺完成月度计划，工程质量优良品率不低于90%",
      units: ["掘进一队", "掘进二队"],
      cycle: "月",
      points: 10,
    },
    {
      task: "编制年度采掘接续计划",
      standard: "采掘接续正常，“三量”可采期符合规定",
      units: ["生产技术科", "地测科"],
      cycle: "年",
      points: 5,
    },
    {
      task: "完成综采工作面设备安装调试",
      standard: "按工期完成工作面设备安装调试，一次试运转成功",
      units: ["综采二队", "机电科", "运输队"],
      cycle: "一次性",
      points: 10,
    },
    {
      task: "加强设备全生命周期管理",
      standard: "设备台账、检修记录齐全，主要设备完好率不低于95%",
      units: ["机电科", "综采一队", "综采二队", "运输队"],
      cycle: "季度",
      points: 3,
    },
    {
      task: "推进智能化综采工作面建设",
      standard: "完成综采工作面智能化改造，实现地面远程集控",
      units: ["机电科", "生产技术科", "综采一队"],
      cycle: "一次性",
      points: 10,
    },
    {
      task: "完成储量动态管理",
      standard: "储量动态报表按月上报，采区回采率符合规定",
      units: ["地测科"],
      cycle: "月",
      points: 5,
    },
    {
      task: "落实材料消耗定额管理",
      standard: "吨煤材料成本控制在预算指标以内，超支分析有记录",
      units: ["综采一队", "综采二队", "掘进一队", "掘进二队", "运输队", "机电科"],
      cycle: "月",
      points: 3,
    },
    {
      task: "开展修旧利废降本增效",
      standard: "修旧利废创效不低于年度目标，台账完整",
      units: ["机电科", "运输队", "综采一队"],
      cycle: "季度",
      points: 3,
    },
    {
      task: "完成煤质管理指标",
      standard: "原煤灰分、含矸率控制在指标以内，商品煤质量合格率100%",
      units: ["调度室", "生产技术科", "综采一队", "综采二队"],
      cycle: "月",
      points: 5,
    },
    {
      task: "编制作业规程及安全技术措施",
      standard: "新开工作面作业规程开工前审批完毕并组织贯彻签字",
      units: ["生产技术科"],
      cycle: "不定期",
      points: 5,
    },
    {
      task: "完成井下疏放水工程",
      standard: "疏放水钻孔工程按设计完成，验收资料齐全",
      units: ["地测科", "掘进二队"],
      cycle: "一次性",
      points: 5,
    },
    {
      task: "落实全面预算管理",
      standard: "各项费用不突破预算，月度经济活动分析按时上报",
      units: ["综合办公室", "生产技术科"],
      cycle: "月",
      points: 3,
    },
    {
      task: "规范生产调度日报统计",
      standard: "生产日报、调度台账每日8时前上报，数据准确",
      units: ["调度室"],
      cycle: "日",
      points: 3,
    },
    {
      task: "完成辅助运输系统优化",
      standard: "无极绳绞车、单轨吊运行可靠，辅助运输效率提升10%",
      units: ["运输队"],
      cycle: "半年",
      points: 5,
    },
    {
      task: "完成矿井主要设备年度检修",
      standard: "主通风机、主排水泵、空压机年度检修按计划完成",
      units: ["机电科", "通风科"],
      cycle: "年",
      points: 5,
    },
    {
      task: "推广应用“四新”技术",
      standard: "推广新技术、新工艺、新装备、新材料不少于2项，形成应用总结",
      units: ["生产技术科", "机电科"],
      cycle: "年",
      points: 3,
    },
    {
      task: "开展巷道工程质量验收",
      standard: "月度工程质量验收合格率100%，验收资料规范",
      units: ["生产技术科", "掘进一队", "掘进二队"],
      cycle: "月",
      points: 3,
    },
    {
      task: "完成储煤场环保治理",
      standard: "储煤场全封闭，扬尘在线监测数据达标",
      units: ["运输队"],
      cycle: "一次性",
      points: 5,
    },
  ],
  党建工作: [
    {
      task: "落实“三会一课”制度",
      standard: "支部党员大会每季度1次、支委会每月1次、党课每季度1次，记录规范",
      units: ["综采一队", "综采二队", "掘进一队", "掘进二队", "机电科", "运输队", "通风科", "综合办公室"],
      cycle: "月",
      points: 3,
    },
    {
      task: "开展主题党日活动",
      standard: "每月固定开展主题党日活动，党员参与率不低于90%",
      units: ["综合办公室", "调度室", "安全科"],
      cycle: "月",
      points: 2,
    },
    {
      task: "推进党建与安全生产深度融合",
      standard: "开展“党员先锋岗”“党员责任区”创建，每个支部不少于1个",
      units: ["综采一队", "掘进一队", "运输队"],
      cycle: "半年",
      points: 5,
    },
    {
      task: "规范党费收缴与管理",
      standard: "党费按月足额收缴，台账清晰",
      units: ["综合办公室"],
      cycle: "月",
      points: 2,
    },
    {
      task: "落实党风廉政建设责任制",
      standard: "签订党风廉政建设责任书，开展廉洁警示教育不少于2次",
      units: ["综合办公室", "生产技术科", "机电科"],
      cycle: "年",
      points: 5,
    },
    {
      task: "开展职工思想动态分析",
      standard: "每季度开展职工思想动态分析，形成分析报告",
      units: ["综合办公室", "安全科"],
      cycle: "季度",
      points: 3,
    },
    {
      task: "组织“安全宣誓”“安全承诺”活动",
      standard: "班前会安全宣誓全覆盖，安全承诺书签订率100%",
      units: ["综采一队", "综采二队", "掘进二队"],
      cycle: "周",
      points: 2,
    },
    {
      task: "专题研究意识形态工作",
      standard: "每半年专题研究意识形态工作不少于1次，形成会议纪要",
      units: ["综合办公室"],
      cycle: "半年",
      points: 3,
    },
    {
      task: "做好党建信息宣传报道",
      standard: "在公司内网、公众号发表宣传稿件不少于12篇",
      units: ["综合办公室", "调度室", "地测科"],
      cycle: "年",
      points: 2,
    },
    {
      task: "开展“我为群众办实事”实践活动",
      standard: "办实事项目清单化管理，完成率100%",
      units: ["综合办公室", "运输队"],
      cycle: "季度",
      points: 3,
    },
    {
      task: "规范发展党员工作程序",
      standard: "严格执行发展党员“五个阶段、二十五个步骤”，档案规范",
      units: ["综合办公室"],
      cycle: "年",
      points: 3,
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// The plan
// ---------------------------------------------------------------------------------------------

/** How a date was typed: a real date cell with a number format, or text in a clerk's spelling. */
export type DateForm =
  "cell-iso" | "cell-cn" | "text-iso" | "text-slash" | "text-dot" | "text-cn" | "text-fullwidth";

export type DateEntry =
  | { readonly kind: "empty" }
  | { readonly kind: "day"; readonly day: Day; readonly form: DateForm }
  | { readonly kind: "invalid"; readonly text: string };

export type NumberEntry =
  | { readonly kind: "empty" }
  | { readonly kind: "number"; readonly value: number; readonly asText: boolean }
  | { readonly kind: "text"; readonly text: string };

/** One task row as planned, with its values as the clerk typed them. */
export interface SampleTask {
  readonly row: number;
  readonly id: number;
  readonly category: Category;
  readonly task: string;
  readonly standard: string;
  readonly unit: string;
  readonly person: string;
  readonly cycle: string;
  readonly deadline: DateEntry;
  readonly status: string;
  readonly doneDate: DateEntry;
  readonly points: NumberEntry;
  readonly score: NumberEntry;
  readonly note: string;
}

/** Problems (and traps that must NOT be problems) put into the sample on purpose. */
export type PlantKind =
  | "empty-unit"
  | "empty-deadline"
  | "impossible-deadline"
  | "impossible-done-date"
  | "unknown-status"
  | "invalid-cycle"
  | "score-over-points"
  | "non-number-score"
  | "duplicate-task"
  | "unknown-unit"
  | "done-without-date"
  | "done-date-in-future"
  | "formula-like-task"
  | "full-width-deadline"
  | "padded-unit";

/** The rules a check of the sample can raise (the sample has no specification or ledger sheet). */
export type SampleRule = Exclude<RuleId, "missing-instance" | "unknown-task">;

export const SAMPLE_RULES: readonly SampleRule[] = RULE_IDS.filter(
  (rule): rule is SampleRule => rule !== "missing-instance" && rule !== "unknown-task",
);

/** Which finding a plant is meant to cause; null for traps that a correct reader must accept silently. */
const PLANT_RULE: Readonly<Record<PlantKind, SampleRule | null>> = {
  "empty-unit": "missing-value",
  "empty-deadline": "missing-value",
  "impossible-deadline": "invalid-date",
  "impossible-done-date": "invalid-date",
  "unknown-status": "unknown-status",
  "invalid-cycle": "invalid-cycle",
  "score-over-points": "score-over-points",
  "non-number-score": "invalid-number",
  "duplicate-task": "duplicate-task",
  "unknown-unit": "unknown-unit",
  "done-without-date": "done-without-date",
  "done-date-in-future": "date-in-future",
  "formula-like-task": null,
  "full-width-deadline": "due-soon",
  "padded-unit": null,
};

export interface SamplePlant {
  readonly row: number;
  readonly kind: PlantKind;
  /** The finding this plant should cause, or null for a trap (value that must be read without a finding). */
  readonly rule: SampleRule | null;
}

export interface SamplePlan {
  readonly asOf: Day;
  readonly title: string;
  readonly tasks: readonly SampleTask[];
  readonly plants: readonly SamplePlant[];
  readonly categories: readonly { name: Category; firstRow: number; lastRow: number }[];
  readonly totalRow: number;
  readonly noteRow: number;
  readonly signRow: number;
}

const SEED = 20261118;

/** A small seeded PRNG (mulberry32): the sample must be the same on every machine and every run. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }
  /** Picks by weight: `[[value, weight], …]`. */
  weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let x = this.next() * total;
    for (const [value, w] of items) {
      x -= w;
      if (x < 0) return value;
    }
    const last = items[items.length - 1];
    if (last === undefined) throw new Error("weighted pick from an empty list");
    return last[0];
  }
  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const a = out[i] as T;
      out[i] = out[j] as T;
      out[j] = a;
    }
    return out;
  }
}

type Fate = "overdue" | "due-soon" | "done-late" | "open-future" | "done-on-time";

/** How many rows get each outcome before the data problems are planted. */
const FATE_COUNTS: ReadonlyArray<readonly [Fate, number]> = [
  ["overdue", 15],
  ["due-soon", 6],
  ["done-late", 6],
  ["open-future", 43],
  // The rest are done on time.
];

/** Open tasks are either due within 3 calendar days (so within 3 working days in any calendar) or at
 * least this far away (so never within 3 working days, even across the longest Chinese holiday). */
const FAR_FUTURE = 20;
const DUE_SOON_DAYS = 3;

const FIRST_TASK_ROW = SAMPLE_HEADER_ROW + 1;

interface Draft {
  id: number;
  category: Category;
  task: string;
  standard: string;
  unit: string;
  person: string;
  cycle: string;
  deadline: DateEntry;
  status: string;
  doneDate: DateEntry;
  points: NumberEntry;
  score: NumberEntry;
  note: string;
  fate: Fate;
}

function peopleOf(unit: string): readonly string[] {
  const found = UNITS.find((u) => u.name === unit);
  if (!found) throw new Error(`not a roster unit: ${unit}`);
  return found.people;
}

const DONE_STATUSES: ReadonlyArray<readonly [string, number]> = [
  ["已完成", 60],
  ["完成", 15],
  ["√", 15],
  ["100%", 10],
];
const OPEN_STATUSES: ReadonlyArray<readonly [string, number]> = [
  ["进行中", 35],
  ["推进中", 20],
  ["未开始", 20],
  ["60%", 10],
  ["30%", 5],
  ["", 10],
];
const OVERDUE_NOTES: ReadonlyArray<readonly [string, number]> = [
  ["", 50],
  ["设备未到货，已申请延期", 15],
  ["待公司审批", 15],
  ["受地质条件影响，正在调整方案", 10],
  ["资料正在整理", 10],
];
const DONE_NOTES: ReadonlyArray<readonly [string, number]> = [
  ["", 80],
  ["资料已归档", 10],
  ["已报公司", 10],
];

/**
 * Plans the sample for an as-of day. The plan fixes every value; the random choices use a fixed seed
 * and never depend on as-of (dates are offsets from it), so the rows of each finding are stable.
 */
export function planSample(asOf: Day): SamplePlan {
  const rng = new Rng(SEED);
  const year = ymdOf(asOf).year;

  // Rows from the templates, category by category.
  const drafts: Draft[] = [];
  const categories: { name: Category; firstRow: number; lastRow: number }[] = [];
  for (const category of SAMPLE_CATEGORIES) {
    const firstRow = FIRST_TASK_ROW + drafts.length;
    for (const t of TEMPLATES[category]) {
      for (const unit of t.units) {
        drafts.push({
          id: drafts.length + 1,
          category,
          task: t.task,
          standard: t.standard,
          unit,
          person: rng.weighted([
            [peopleOf(unit)[0] ?? "", 3],
            [peopleOf(unit)[1] ?? "", 1],
          ]),
          cycle: t.cycle,
          deadline: { kind: "empty" },
          status: "",
          doneDate: { kind: "empty" },
          points: { kind: "number", value: t.points, asText: false },
          score: { kind: "empty" },
          note: "",
          fate: "done-on-time",
        });
      }
    }
    categories.push({ name: category, firstRow, lastRow: FIRST_TASK_ROW + drafts.length - 1 });
  }

  // Outcomes.
  const order = rng.shuffle(drafts.map((_, i) => i));
  let cursor = 0;
  for (const [fate, count] of FATE_COUNTS) {
    for (let k = 0; k < count; k++) {
      const d = drafts[order[cursor++] ?? -1];
      if (d) d.fate = fate;
    }
  }

  // How the deadline is typed: a fixed mix, shuffled, so every form is present.
  const formMix: DateForm[] = [];
  const formCounts: ReadonlyArray<readonly [DateForm, number]> = [
    ["cell-iso", 52],
    ["cell-cn", 22],
    ["text-iso", 14],
    ["text-slash", 14],
    ["text-dot", 14],
    ["text-cn", 14],
  ];
  for (const [form, count] of formCounts) for (let k = 0; k < count; k++) formMix.push(form);
  const forms = rng.shuffle(formMix);
  const doneDateForm = (): DateForm =>
    rng.weighted<DateForm>([
      ["cell-iso", 75],
      ["cell-cn", 10],
      ["text-iso", 5],
      ["text-cn", 5],
      ["text-slash", 5],
    ]);

  drafts.forEach((d, i) => {
    const form = forms[i % forms.length] ?? "cell-iso";
    const points = d.points.kind === "number" ? d.points.value : 0;
    const pointsAsText = rng.next() < 0.15;
    d.points = { kind: "number", value: points, asText: pointsAsText };
    const scoreAsText = rng.next() < 0.1;
    switch (d.fate) {
      case "overdue": {
        d.deadline = { kind: "day", day: asOf - rng.int(1, 60), form };
        d.status = rng.weighted(OPEN_STATUSES);
        d.score = rng.next() < 0.5 ? { kind: "number", value: 0, asText: scoreAsText } : { kind: "empty" };
        d.note = rng.weighted(OVERDUE_NOTES);
        break;
      }
      case "due-soon": {
        d.deadline = { kind: "day", day: asOf + rng.int(0, DUE_SOON_DAYS), form };
        d.status = rng.weighted(OPEN_STATUSES);
        break;
      }
      case "open-future": {
        d.deadline = { kind: "day", day: asOf + rng.int(FAR_FUTURE, 60), form };
        d.status = rng.weighted(OPEN_STATUSES);
        break;
      }
      case "done-late": {
        const deadline = asOf - rng.int(5, 90);
        const late = rng.int(1, Math.min(15, asOf - deadline));
        d.deadline = { kind: "day", day: deadline, form };
        d.status = rng.weighted(DONE_STATUSES);
        d.doneDate = { kind: "day", day: deadline + late, form: doneDateForm() };
        d.score = { kind: "number", value: Math.max(points - 1, 0), asText: scoreAsText };
        d.note = rng.weighted([
          ["", 60],
          ["逾期完成", 40],
        ]);
        break;
      }
      case "done-on-time": {
        // Mostly past deadlines; some done early ahead of a future one.
        const deadline = rng.next() < 0.8 ? asOf - rng.int(2, 150) : asOf + rng.int(FAR_FUTURE, 45);
        const done = Math.min(deadline, asOf) - rng.int(0, 7);
        d.deadline = { kind: "day", day: deadline, form };
        d.status = rng.weighted(DONE_STATUSES);
        d.doneDate = { kind: "day", day: done, form: doneDateForm() };
        d.score = { kind: "number", value: rng.next() < 0.8 ? points : points - 0.5, asText: scoreAsText };
        d.note = rng.weighted(DONE_NOTES);
        break;
      }
    }
  });

  // Plant the problems, each on a row not used by another plant.
  const plants: { index: number; kind: PlantKind }[] = [];
  const used = new Set<number>();
  const choose = (kind: PlantKind, accept: (d: Draft, index: number) => boolean): Draft => {
    const pool = drafts.map((d, i) => ({ d, i })).filter(({ d, i }) => !used.has(i) && accept(d, i));
    const chosen = rng.pick(pool);
    used.add(chosen.i);
    plants.push({ index: chosen.i, kind });
    return chosen.d;
  };
  const fate =
    (...fates: Fate[]) =>
    (d: Draft): boolean =>
      fates.includes(d.fate);

  // Duplicates first: copy an earlier row of the same category (which then stays untouched).
  for (let k = 0; k < 2; k++) {
    const target = choose(
      "duplicate-task",
      (d, i) => i - drafts.findIndex((e) => e.category === d.category) >= 6 && d.fate !== "overdue",
    );
    const targetIndex = drafts.indexOf(target);
    const source = rng.pick(
      drafts
        .map((d, i) => ({ d, i }))
        .filter(({ d, i }) => i < targetIndex - 3 && d.category === target.category && !used.has(i)),
    );
    used.add(source.i);
    target.task = source.d.task;
    target.standard = source.d.standard;
    target.unit = source.d.unit;
    target.person = source.d.person;
  }

  choose("empty-unit", fate("open-future")).unit = "";
  choose("empty-unit", fate("done-on-time")).unit = "";
  choose("empty-deadline", fate("open-future")).deadline = { kind: "empty" };
  choose("empty-deadline", fate("done-on-time")).deadline = { kind: "empty" };
  choose("impossible-deadline", fate("open-future")).deadline = { kind: "invalid", text: `${year}年2月30日` };
  choose("impossible-done-date", fate("done-on-time")).doneDate = { kind: "invalid", text: `${year}-06-31` };
  choose("unknown-status", fate("open-future")).status = "基本完成";
  choose("unknown-status", fate("overdue")).status = "基本完成";
  choose("unknown-status", fate("open-future")).status = "待验收";
  choose("invalid-cycle", fate("open-future")).cycle = "随时";
  choose("invalid-cycle", fate("done-on-time")).cycle = "长期";
  {
    const d = choose("score-over-points", fate("done-on-time"));
    d.points = { kind: "number", value: 5, asText: false };
    d.score = { kind: "number", value: 6, asText: false };
  }
  {
    const d = choose("score-over-points", fate("done-on-time"));
    d.points = { kind: "number", value: 3, asText: true };
    d.score = { kind: "number", value: 4, asText: false };
  }
  choose("non-number-score", fate("done-on-time")).score = { kind: "text", text: "优" };
  choose("non-number-score", fate("done-late")).score = { kind: "text", text: "合格" };
  choose("unknown-unit", (d) => d.fate === "overdue" && d.unit === "综采一队").unit = "综采1队";
  choose("unknown-unit", (d) => d.fate === "done-on-time" && d.unit === "掘进二队").unit = "掘进二对";
  choose("padded-unit", (d) => d.fate === "open-future" && d.unit === "机电科").unit = " 机电科\u3000";
  choose("done-without-date", fate("done-on-time")).doneDate = { kind: "empty" };
  {
    const d = choose("done-without-date", fate("done-on-time"));
    d.status = "√";
    d.doneDate = { kind: "empty" };
  }
  choose("done-date-in-future", fate("done-on-time")).doneDate = {
    kind: "day",
    day: asOf + 2,
    form: "cell-iso",
  };
  {
    const d = choose("formula-like-task", fate("open-future"));
    d.task = `=${d.task}`;
  }
  {
    const d = choose("full-width-deadline", fate("due-soon"));
    if (d.deadline.kind === "day") d.deadline = { ...d.deadline, form: "text-fullwidth" };
  }

  const tasks: SampleTask[] = drafts.map((d, i) => ({
    row: FIRST_TASK_ROW + i,
    id: d.id,
    category: d.category,
    task: d.task,
    standard: d.standard,
    unit: d.unit,
    person: d.person,
    cycle: d.cycle,
    deadline: d.deadline,
    status: d.status,
    doneDate: d.doneDate,
    points: d.points,
    score: d.score,
    note: d.note,
  }));

  // The design promise behind the asOf-independence of the expectations.
  for (const t of tasks) {
    if (t.deadline.kind !== "day" || isDone(t.status)) continue;
    const ahead = t.deadline.day - asOf;
    if (ahead > DUE_SOON_DAYS && ahead < FAR_FUTURE) throw new Error(`row ${t.row}: ambiguous deadline`);
  }

  const totalRow = FIRST_TASK_ROW + tasks.length;
  return {
    asOf,
    title: `XX煤矿${year}年重点工作任务督办清单`,
    tasks,
    plants: plants
      .map(({ index, kind }) => ({ row: FIRST_TASK_ROW + index, kind, rule: PLANT_RULE[kind] }))
      .sort((a, b) => a.row - b.row),
    categories,
    totalRow,
    noteRow: totalRow + 1,
    signRow: totalRow + 2,
  };
}

// ---------------------------------------------------------------------------------------------
// What a correct check finds (a small reference reading of the plan, per SPEC "Checks")
// ---------------------------------------------------------------------------------------------

const DONE_WORDS = new Set([
  "已完成",
  "完成",
  "已办结",
  "办结",
  "√",
  "✓",
  "✔",
  "是",
  "done",
  "completed",
  "yes",
]);
const OPEN_WORDS = new Set([
  "进行中",
  "推进中",
  "未开始",
  "未完成",
  "待办",
  "否",
  "in progress",
  "open",
  "not started",
]);
const CYCLE_WORDS = new Set(
  "一次性 单次 不定期 年 年度 每年 半年 季 季度 每季度 月 月度 每月 旬 每旬 周 每周 日 每日 每天".split(" "),
);

function percentOf(status: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)%$/.exec(status);
  return m ? Number(m[1]) : undefined;
}

function isDone(status: string): boolean {
  const s = status.trim().toLowerCase();
  return DONE_WORDS.has(s) || percentOf(s) === 100;
}

function isKnownStatus(status: string): boolean {
  const s = status.trim().toLowerCase();
  if (s === "" || DONE_WORDS.has(s) || OPEN_WORDS.has(s)) return true;
  const p = percentOf(s);
  return p !== undefined && p <= 100;
}

function numberOf(entry: NumberEntry): number | "invalid" | undefined {
  return entry.kind === "number" ? entry.value : entry.kind === "text" ? "invalid" : undefined;
}

function trimUnit(unit: string): string {
  return unit.replace(/^[\s\u3000]+|[\s\u3000]+$/g, "");
}

export interface SampleUnitSummary {
  readonly unit: string;
  readonly tasks: number;
  readonly done: number;
  readonly onTime: number;
  readonly late: number;
  readonly open: number;
  readonly overdue: number;
  readonly dueSoon: number;
  readonly dataProblems: number;
}

export interface SampleExpectations {
  readonly sheet: string;
  readonly rosterSheet: string;
  readonly title: string;
  readonly headerRow: number;
  readonly firstTaskRow: number;
  readonly lastTaskRow: number;
  /** The 合计 row; below it come the 注 row and the 审核人/填表人 row. */
  readonly totalRow: number;
  readonly noteRow: number;
  readonly signRow: number;
  readonly taskCount: number;
  readonly columns: typeof SAMPLE_COLUMNS;
  readonly units: readonly string[];
  /** Each category's vertically merged range in column B. */
  readonly categories: readonly {
    readonly name: string;
    readonly firstRow: number;
    readonly lastRow: number;
  }[];
  /** Every row (1-based, ascending) that a correct check flags with each rule, planted or not. */
  readonly rows: Readonly<Record<SampleRule, readonly number[]>>;
  /** The rows that were planted on purpose, and the finding each should cause (null: must cause none). */
  readonly planted: readonly SamplePlant[];
  /** Summary counts per SPEC's definitions, units in roster order then others by name. */
  readonly summary: { readonly units: readonly SampleUnitSummary[]; readonly total: SampleUnitSummary };
}

/** What a correct check of `buildSampleWorkbook(asOf)` finds, evaluated from the same plan. */
export function sampleExpectations(asOf: Day): SampleExpectations {
  const plan = planSample(asOf);
  const rows = Object.fromEntries(SAMPLE_RULES.map((r) => [r, [] as number[]])) as Record<
    SampleRule,
    number[]
  >;
  const flagged = new Map<number, Set<SampleRule>>();
  const flag = (rule: SampleRule, row: number): void => {
    const set = flagged.get(row) ?? new Set<SampleRule>();
    set.add(rule);
    flagged.set(row, set);
  };
  const roster = new Set(SAMPLE_UNITS);
  const seen = new Set<string>();

  for (const t of plan.tasks) {
    const unit = trimUnit(t.unit);
    const done = isDone(t.status);
    const deadline = t.deadline.kind === "day" ? t.deadline.day : undefined;
    const doneDate = t.doneDate.kind === "day" ? t.doneDate.day : undefined;
    const points = numberOf(t.points);
    const score = numberOf(t.score);

    if (t.task.trim() === "" || unit === "" || t.deadline.kind === "empty") flag("missing-value", t.row);
    if (t.deadline.kind === "invalid" || t.doneDate.kind === "invalid") flag("invalid-date", t.row);
    if (!isKnownStatus(t.status)) flag("unknown-status", t.row);
    if (t.cycle.trim() !== "" && !CYCLE_WORDS.has(t.cycle.trim())) flag("invalid-cycle", t.row);
    if (points === "invalid" || score === "invalid") flag("invalid-number", t.row);
    if (typeof points === "number" && typeof score === "number" && score > points) {
      flag("score-over-points", t.row);
    }
    const key = `${t.task.trim()}\u0000${unit}`;
    if (t.task.trim() !== "" && unit !== "") {
      if (seen.has(key)) flag("duplicate-task", t.row);
      seen.add(key);
    }
    if (unit !== "" && !roster.has(unit)) flag("unknown-unit", t.row);
    if (done && t.doneDate.kind === "empty") flag("done-without-date", t.row);
    if (doneDate !== undefined && doneDate > asOf) flag("date-in-future", t.row);
    if (!done && deadline !== undefined && deadline < asOf) flag("overdue", t.row);
    if (!done && deadline !== undefined && deadline >= asOf && deadline - asOf <= DUE_SOON_DAYS) {
      flag("due-soon", t.row);
    }
    if (done && deadline !== undefined && doneDate !== undefined && doneDate > deadline)
      flag("done-late", t.row);
  }
  for (const [row, rules] of flagged) for (const rule of rules) rows[rule].push(row);
  for (const rule of SAMPLE_RULES) rows[rule].sort((a, b) => a - b);

  const blank = (unit: string): SampleUnitSummary => ({
    unit,
    tasks: 0,
    done: 0,
    onTime: 0,
    late: 0,
    open: 0,
    overdue: 0,
    dueSoon: 0,
    dataProblems: 0,
  });
  const add = (s: SampleUnitSummary, t: SampleTask): SampleUnitSummary => {
    const rules = flagged.get(t.row) ?? new Set<SampleRule>();
    const done = isDone(t.status);
    const late = rules.has("done-late");
    const onTime =
      done && t.deadline.kind === "day" && t.doneDate.kind === "day" && t.doneDate.day <= t.deadline.day;
    const problem = [...rules].some((r) => r !== "overdue" && r !== "due-soon" && r !== "done-late");
    return {
      unit: s.unit,
      tasks: s.tasks + 1,
      done: s.done + (done ? 1 : 0),
      onTime: s.onTime + (onTime ? 1 : 0),
      late: s.late + (late ? 1 : 0),
      open: s.open + (done ? 0 : 1),
      overdue: s.overdue + (rules.has("overdue") ? 1 : 0),
      dueSoon: s.dueSoon + (rules.has("due-soon") ? 1 : 0),
      dataProblems: s.dataProblems + (problem ? 1 : 0),
    };
  };
  const byUnit = new Map<string, SampleUnitSummary>();
  let total = blank("合计");
  for (const t of plan.tasks) {
    total = add(total, t);
    const unit = trimUnit(t.unit);
    if (unit !== "") byUnit.set(unit, add(byUnit.get(unit) ?? blank(unit), t));
  }
  const rank = (u: string): number => (roster.has(u) ? SAMPLE_UNITS.indexOf(u) : SAMPLE_UNITS.length);
  const units = [...byUnit.values()].sort(
    (a, b) => rank(a.unit) - rank(b.unit) || (a.unit < b.unit ? -1 : 1),
  );

  const firstTaskRow = plan.tasks[0]?.row ?? FIRST_TASK_ROW;
  return {
    sheet: SAMPLE_SHEET,
    rosterSheet: SAMPLE_ROSTER_SHEET,
    title: plan.title,
    headerRow: SAMPLE_HEADER_ROW,
    firstTaskRow,
    lastTaskRow: plan.totalRow - 1,
    totalRow: plan.totalRow,
    noteRow: plan.noteRow,
    signRow: plan.signRow,
    taskCount: plan.tasks.length,
    columns: SAMPLE_COLUMNS,
    units: SAMPLE_UNITS,
    categories: plan.categories,
    rows,
    planted: plan.plants,
    summary: { units, total },
  };
}

/** The reference as-of of the example file (the 填报日期 in the SPEC's example). */
export const SAMPLE_REFERENCE_AS_OF: Day = dayFromYmd(2026, 11, 18) ?? 0;

/**
 * The expectations for the reference as-of. Row numbers and counts are the same for every as-of
 * (only the title's year changes), which the tests check; use `sampleExpectations(asOf)` for the title.
 */
export const SAMPLE_EXPECTATIONS: SampleExpectations = sampleExpectations(SAMPLE_REFERENCE_AS_OF);

// ---------------------------------------------------------------------------------------------
// Writing the workbook
// ---------------------------------------------------------------------------------------------

const ISO_DATE_FORMAT = "yyyy-mm-dd";
const CN_DATE_FORMAT = 'yyyy"年"m"月"d"日"';

function fullWidthDigits(text: string): string {
  return text.replace(/[0-9]/g, (c) => String.fromCharCode(0xff10 + Number(c)));
}

/** A day in one of the clerk's spellings (`text-*` forms) — also used by the bench workbook. */
export function dayText(day: Day, form: DateForm): string {
  const { year: y, month: m, day: d } = ymdOf(day);
  switch (form) {
    case "cell-iso":
    case "text-iso":
      return formatDay(day);
    case "text-slash":
      return `${y}/${m}/${d}`;
    case "text-dot":
      return `${y}.${m}.${d}`;
    case "cell-cn":
    case "text-cn":
      return `${y}年${m}月${d}日`;
    case "text-fullwidth":
      return fullWidthDigits(`${y}年${m}月${d}日`);
  }
}

function setDate(cell: ExcelJS.Cell, entry: DateEntry): void {
  if (entry.kind === "empty") return;
  if (entry.kind === "invalid") {
    cell.value = entry.text;
  } else if (entry.form === "cell-iso" || entry.form === "cell-cn") {
    // A real date cell: the 1900-system serial with a date number format.
    cell.value = excelSerialFromDay(entry.day);
    cell.numFmt = entry.form === "cell-iso" ? ISO_DATE_FORMAT : CN_DATE_FORMAT;
  } else {
    cell.value = dayText(entry.day, entry.form);
  }
}

function setNumber(cell: ExcelJS.Cell, entry: NumberEntry): void {
  if (entry.kind === "number") cell.value = entry.asText ? String(entry.value) : entry.value;
  else if (entry.kind === "text") cell.value = entry.text;
}

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: "thin" },
  left: { style: "thin" },
  bottom: { style: "thin" },
  right: { style: "thin" },
};
const COLUMN_WIDTHS = [6, 10, 34, 44, 12, 9, 9, 14, 10, 14, 7, 7, 18];
const WRAPPED_COLUMNS = new Set([3, 4, 13]);
const LAST_COLUMN = "M";

/** The sample task table for an as-of day, in memory. Same as-of, same workbook. */
export function buildSampleWorkbook(asOf: Day): ExcelJS.Workbook {
  const plan = planSample(asOf);
  const { year, month, day } = ymdOf(asOf);
  const wb = new ExcelJS.Workbook();
  const stamp = new Date(asOf * 86_400_000); // as-of, midnight UTC: the file never depends on "now"
  wb.creator = "调度室";
  wb.lastModifiedBy = "调度室";
  wb.created = stamp;
  wb.modified = stamp;

  const ws = wb.addWorksheet(SAMPLE_SHEET, {
    views: [{ state: "frozen", xSplit: 0, ySplit: SAMPLE_HEADER_ROW, topLeftCell: "A4", activeCell: "A4" }],
    pageSetup: {
      paperSize: 9,
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${SAMPLE_HEADER_ROW}:${SAMPLE_HEADER_ROW}`,
    },
  });
  ws.columns = COLUMN_WIDTHS.map((width) => ({ width }));

  // Title, 填报 line, header.
  ws.mergeCells(`A1:${LAST_COLUMN}1`);
  const title = ws.getCell("A1");
  title.value = plan.title;
  title.font = { name: "宋体", size: 16, bold: true };
  title.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 32;

  ws.mergeCells("A2:F2");
  ws.getCell("A2").value = "填报单位：调度室";
  ws.mergeCells(`J2:${LAST_COLUMN}2`);
  const filled = ws.getCell("J2");
  filled.value = `填报日期：${year}年${month}月${day}日`;
  filled.alignment = { horizontal: "right" };
  ws.getRow(2).height = 20;

  const header = ws.getRow(SAMPLE_HEADER_ROW);
  SAMPLE_HEADER.forEach((name, i) => {
    const cell = header.getCell(i + 1);
    cell.value = name;
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  header.height = 24;

  // Task rows.
  for (const t of plan.tasks) {
    const row = ws.getRow(t.row);
    row.getCell(1).value = t.id;
    if (t.task !== "") row.getCell(3).value = t.task; // a string, even when it starts with "="
    row.getCell(4).value = t.standard;
    if (t.unit !== "") row.getCell(5).value = t.unit;
    row.getCell(6).value = t.person;
    row.getCell(7).value = t.cycle;
    setDate(row.getCell(8), t.deadline);
    if (t.status !== "") row.getCell(9).value = t.status;
    setDate(row.getCell(10), t.doneDate);
    setNumber(row.getCell(11), t.points);
    setNumber(row.getCell(12), t.score);
    if (t.note !== "") row.getCell(13).value = t.note;
    // Tall enough for the wrapped text, as a clerk would drag it: not every program fits rows on opening.
    const wrapped: Array<[string, number]> = [
      [t.task, 3],
      [t.standard, 4],
      [t.note, 13],
    ];
    const lines = Math.max(
      ...wrapped.map(([text, c]) => Math.ceil(displayWidth(text) / (COLUMN_WIDTHS[c - 1]! - 1))),
    );
    if (lines > 1) row.height = 15 * lines;
  }
  for (const c of plan.categories) {
    ws.getCell(`B${c.firstRow}`).value = c.name;
    ws.mergeCells(`B${c.firstRow}:B${c.lastRow}`);
  }

  // 合计: SUM over the number cells only, as Excel computes it (text numbers such as "5" are skipped).
  const sumOf = (pick: (t: SampleTask) => NumberEntry): number =>
    plan.tasks.reduce((sum, t) => {
      const e = pick(t);
      return e.kind === "number" && !e.asText ? sum + e.value : sum;
    }, 0);
  const first = FIRST_TASK_ROW;
  const last = plan.totalRow - 1;
  ws.mergeCells(`A${plan.totalRow}:J${plan.totalRow}`);
  ws.getCell(`A${plan.totalRow}`).value = "合计";
  ws.getCell(`K${plan.totalRow}`).value = {
    formula: `SUM(K${first}:K${last})`,
    result: sumOf((t) => t.points),
  };
  ws.getCell(`L${plan.totalRow}`).value = {
    formula: `SUM(L${first}:L${last})`,
    result: sumOf((t) => t.score),
  };
  ws.getRow(plan.totalRow).font = { bold: true };

  for (let r = SAMPLE_HEADER_ROW; r <= plan.totalRow; r++) {
    for (let c = 1; c <= SAMPLE_HEADER.length; c++) {
      const cell = ws.getRow(r).getCell(c);
      cell.border = THIN;
      if (r > SAMPLE_HEADER_ROW) {
        cell.alignment = WRAPPED_COLUMNS.has(c)
          ? { horizontal: "left", vertical: "middle", wrapText: true }
          : { horizontal: "center", vertical: "middle" };
      }
    }
  }

  ws.mergeCells(`A${plan.noteRow}:${LAST_COLUMN}${plan.noteRow}`);
  ws.getCell(`A${plan.noteRow}`).value = "注：完成时限以公司文件为准。";
  ws.mergeCells(`A${plan.signRow}:${LAST_COLUMN}${plan.signRow}`);
  ws.getCell(`A${plan.signRow}`).value = "审核人：张某某    填表人：李某某";
  ws.getRow(plan.signRow).height = 22;

  // The roster.
  const roster = wb.addWorksheet(SAMPLE_ROSTER_SHEET);
  roster.columns = [{ width: 16 }, { width: 10 }];
  roster.addRow(["单位名称", "类型"]);
  for (const unit of SAMPLE_UNITS) roster.addRow([unit, unitType(unit)]);
  roster.getRow(1).eachCell((cell) => {
    cell.font = { bold: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };
  });
  roster.eachRow((row) => {
    for (let c = 1; c <= 2; c++) row.getCell(c).border = THIN;
  });

  return wb;
}

// ---------------------------------------------------------------------------------------------
// Command line: node dist/scripts/sample-workbook.js [--as-of YYYY-MM-DD] [--out FILE]
// ---------------------------------------------------------------------------------------------

/** The repository root: the nearest folder above this file with a package.json (works from dist/ too). */
export function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, "package.json"))) {
    const up = path.dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
  return dir;
}

async function main(argv: readonly string[]): Promise<number> {
  let asOf = localDayOf(new Date());
  let out = path.join(repoRoot(), "examples", "sample-tasks.xlsx");
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = argv[i + 1];
    if (arg === "--as-of" && value !== undefined) {
      const parsed = parseIsoDay(value);
      if (parsed === undefined) {
        process.stderr.write(`sample-workbook: --as-of needs a date as YYYY-MM-DD, not "${value}"\n`);
        return 2;
      }
      asOf = parsed;
      i++;
    } else if (arg === "--out" && value !== undefined) {
      out = path.resolve(value);
      i++;
    } else {
      process.stderr.write("usage: sample-workbook [--as-of YYYY-MM-DD] [--out FILE]\n");
      return 2;
    }
  }
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await buildSampleWorkbook(asOf).xlsx.writeFile(out);
  process.stdout.write(`${out}\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`sample-workbook: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 2;
    },
  );
}
