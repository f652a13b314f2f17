// The units a specification row applies to: names, lists and group words (各支部, 各部门, 各单位, 全部).

import type { RosterUnit } from "../sheets";
import { compactKey, splitUnits } from "../values/text";

/**
 * A kind of unit a group word names. A roster unit belongs to it by its type (the roster's second column)
 * containing one of `types`; a unit without a type, by its name ending with one of `suffixes`.
 */
interface Family {
  readonly types: readonly string[];
  readonly suffixes: readonly string[];
  /** Names and types that are never of the family (a 支部 ends with 部 but is no department). */
  readonly not?: string;
}

const BRANCH: Family = { types: ["支部"], suffixes: ["支部"] };
const DEPARTMENT: Family = {
  types: ["部门", "科室", "处室", "机关", "职能"],
  suffixes: ["科", "室", "部", "处", "中心", "办公室", "办"],
  not: "支部",
};
const TEAM: Family = { types: ["区队", "队"], suffixes: ["队"] };
const WORKSHOP: Family = { types: ["车间"], suffixes: ["车间"] };

/** What follows 各/所有/全部/全体: the family it names (ALL for every unit). */
const ALL = "all";
const FAMILIES: ReadonlyMap<string, Family | typeof ALL> = new Map<string, Family | typeof ALL>([
  ["单位", ALL],
  ["基层单位", ALL],
  ["部门单位", ALL],
  ["单位部门", ALL],
  ["支部", BRANCH],
  ["党支部", BRANCH],
  ["基层党支部", BRANCH],
  ["部门", DEPARTMENT],
  ["科室", DEPARTMENT],
  ["处室", DEPARTMENT],
  ["职能部门", DEPARTMENT],
  ["机关部门", DEPARTMENT],
  ["机关科室", DEPARTMENT],
  ["区队", TEAM],
  ["基层区队", TEAM],
  ["生产区队", TEAM],
  ["队", TEAM],
  ["车间", WORKSHOP],
]);

const ENGLISH: ReadonlyMap<string, Family | typeof ALL> = new Map<string, Family | typeof ALL>([
  ["all", ALL],
  ["allunits", ALL],
  ["everyunit", ALL],
  ["eachunit", ALL],
  ["allbranches", BRANCH],
  ["eachbranch", BRANCH],
  ["alldepartments", DEPARTMENT],
  ["eachdepartment", DEPARTMENT],
  ["allteams", TEAM],
  ["eachteam", TEAM],
  ["allworkshops", WORKSHOP],
]);

/** 相关单位, 有关部门: the units concerned, which the words leave unnamed. */
const VAGUE = "vague";

type Group = Family | typeof ALL | typeof VAGUE | { readonly own: string };

/** 相关单位, 有关部门, 相关科室, 相关责任单位 …: "the units concerned", naming none of them. */
const VAGUE_WORDS = /^(?:相关|有关)(?:责任)?(?:单位|部门|科室|处室|区队|车间|人员|方面)?$/;

/**
 * The group a unit name is, or undefined for a single unit. 全部, 全部单位, 各单位, 所有单位 and 全体单位 are
 * every unit (so are 全矿, 全厂, 全公司); 各支部 (党支部) those of type 支部; 各部门 and 各科室 those of type 部门, 科室, 处室, 机关 or 职能;
 * 各区队 those of type 区队 or 队; 各车间 车间; any other 各X (所有X, 全部X) the units whose type contains X.
 * English: all (units), every/each unit, all branches, all departments, all teams, all workshops.
 * 相关单位 and 有关部门 (VAGUE) are some units, unnamed.
 */
function groupOf(name: string): Group | undefined {
  const key = compactKey(name);
  if (VAGUE_WORDS.test(key)) return VAGUE;
  if (/^(?:全部|全体|所有|全矿|全厂|全公司)$/.test(key)) return ALL;
  const english = ENGLISH.get(key);
  if (english) return english;
  const m = /^(?:各|所有|全部|全体|全矿|全厂|全公司)(.+)$/.exec(key);
  if (!m) return undefined;
  const word = m[1]!.replace(/^各/, "");
  return FAMILIES.get(word) ?? { own: word };
}

function belongs(unit: RosterUnit, group: Exclude<Group, typeof ALL | typeof VAGUE>): boolean {
  if ("own" in group) return unit.type === "" ? unit.name.endsWith(group.own) : unit.type.includes(group.own);
  if (unit.type !== "")
    return (
      !(group.not && unit.type.includes(group.not)) && group.types.some((type) => unit.type.includes(type))
    );
  return (
    !(group.not && unit.name.endsWith(group.not)) &&
    group.suffixes.some((suffix) => unit.name.endsWith(suffix))
  );
}

/**
 * Why a group word named no unit: there is no roster, no roster unit is of its kind, or the word leaves the
 * units unnamed (相关单位), which no roster can answer.
 */
export type UnresolvedReason = "no-roster" | "no-match" | "vague";

export interface UnitExpansion {
  /** Every unit, in the order named (a group's in roster order), each once. */
  readonly units: readonly string[];
  /** Group words that named no unit: there is no roster, no roster unit is of that kind, or the word is vague. */
  readonly unresolved: ReadonlyArray<{ readonly word: string; readonly reason: UnresolvedReason }>;
}

/**
 * Expands the units of a cell (already split into names, see splitUnits) against the roster. A name that is
 * no group word stays as written, on the roster or not. Without a roster a group word cannot be expanded:
 * it names no unit and is reported as unresolved, so that no omission is invented or lost in silence.
 * Types decide where the roster has them; a unit without a type is judged by its name (…支部, …科/室/部/
 * 中心/办公室, …队, …车间).
 * @example unitExpander(roster)(["各支部", "机电科"]).units // ["第一党支部", "第二党支部", "机电科"]
 */
export function unitExpander(
  roster: readonly RosterUnit[] | undefined,
): (names: readonly string[]) => UnitExpansion {
  const cache = new Map<string, readonly string[] | undefined>();
  const members = (name: string, group: Exclude<Group, typeof VAGUE>): readonly string[] | undefined => {
    let units = cache.get(name);
    if (units === undefined && !cache.has(name)) {
      units =
        roster === undefined
          ? undefined
          : group === ALL
            ? roster.map((unit) => unit.name)
            : roster.filter((unit) => belongs(unit, group)).map((unit) => unit.name);
      cache.set(name, units);
    }
    return units;
  };
  return (names) => {
    const units: string[] = [];
    const seen = new Set<string>();
    const unresolved: Array<UnitExpansion["unresolved"][number]> = [];
    const add = (unit: string) => {
      if (!seen.has(unit)) {
        seen.add(unit);
        units.push(unit);
      }
    };
    for (const name of names) {
      const group = groupOf(name);
      if (group === undefined) {
        add(name);
        continue;
      }
      if (group === VAGUE) {
        unresolved.push({ word: name, reason: "vague" });
        continue;
      }
      const found = members(name, group);
      if (found === undefined) unresolved.push({ word: name, reason: "no-roster" });
      else if (found.length === 0) unresolved.push({ word: name, reason: "no-match" });
      else found.forEach(add);
    }
    return { units, unresolved };
  };
}

/** Whether a unit name is a group word (全部, 各支部, all units, 相关单位 …) rather than one unit. */
export function isGroupWord(name: string): boolean {
  return groupOf(name) !== undefined;
}

/** 各区队（机电科牵头）: a group, and in brackets the unit that leads it. */
const LED_GROUP = /^(.+?)\s*\(\s*([^()]+?)\s*(?:牵头|主办|主责|负责)(?:单位|部门)?\s*\)$/;
/** 机电科及各区队, 机电科和各区队: a unit and a group joined by a word. */
const JOINED_BY_WORD = /\s*(?:以及|和|及|与|暨)\s*/;

/**
 * The units a unit cell names, as splitUnits reads them, with a group and a unit written as one piece taken
 * apart: 各区队（机电科牵头） (the unit in brackets leads), 机电科及各区队 (joined by a word, where a part is a
 * group word: a department may be called 安全和环保部). Where several are named, the first leads.
 * @example cellUnits("各区队（机电科牵头）") // ["机电科", "各区队"]
 */
export function cellUnits(text: string): string[] {
  return splitUnits(text).flatMap((unit) => {
    const led = LED_GROUP.exec(unit);
    if (led && isGroupWord(led[1]!) && !isGroupWord(led[2]!)) return [led[2]!, led[1]!];
    const parts = unit.split(JOINED_BY_WORD);
    return parts.length > 1 && parts.every((part) => part !== "") && parts.some(isGroupWord) ? parts : [unit];
  });
}
