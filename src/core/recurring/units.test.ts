import type { RosterUnit } from "../sheets";
import { splitUnits } from "../values/text";
import { cellUnits, isGroupWord, unitExpander } from "./units";

const roster: RosterUnit[] = [
  { name: "综采一队", type: "区队" },
  { name: "掘进一队", type: "区队" },
  { name: "机电科", type: "科室" },
  { name: "调度室", type: "机关部门" },
  { name: "第一党支部", type: "党支部" },
  { name: "机关党支部", type: "支部" },
  { name: "机修车间", type: "车间" },
];
/** The same units without types: group words are judged by the names. */
const untyped: RosterUnit[] = roster.map(({ name }) => ({ name, type: "" }));

describe("unit cells: names, lists and group words", () => {
  const cases: Array<[string, string, RosterUnit[] | undefined, string[]]> = [
    ["one unit", "综采一队", roster, ["综采一队"]],
    ["a unit not on the roster stays", "通风队", roster, ["通风队"]],
    ["a list with 、", "综采一队、机电科", roster, ["综采一队", "机电科"]],
    [
      "a list with , ， ; and a line break",
      "综采一队,机电科，调度室;掘进一队\n机修车间",
      roster,
      ["综采一队", "机电科", "调度室", "掘进一队", "机修车间"],
    ],
    ["a unit named twice counts once", "机电科、机电科", roster, ["机电科"]],
    ["全部: every roster unit, in roster order", "全部", roster, roster.map((u) => u.name)],
    ["各单位", "各单位", roster, roster.map((u) => u.name)],
    ["所有单位", "所有单位", roster, roster.map((u) => u.name)],
    ["全体单位", "全体单位", roster, roster.map((u) => u.name)],
    ["全矿", "全矿", roster, roster.map((u) => u.name)],
    ["English: all units", "All units", roster, roster.map((u) => u.name)],
    ["各支部: type 支部 or 党支部", "各支部", roster, ["第一党支部", "机关党支部"]],
    ["各党支部", "各党支部", roster, ["第一党支部", "机关党支部"]],
    ["各部门: 科室 and 部门 types", "各部门", roster, ["机电科", "调度室"]],
    ["各科室 is the same group", "各科室", roster, ["机电科", "调度室"]],
    ["各区队", "各区队", roster, ["综采一队", "掘进一队"]],
    ["各车间", "各车间", roster, ["机修车间"]],
    ["English: all branches", "all branches", roster, ["第一党支部", "机关党支部"]],
    ["a group and a unit", "各支部、机电科", roster, ["第一党支部", "机关党支部", "机电科"]],
    ["a group and one of its units", "机关党支部、各支部", roster, ["机关党支部", "第一党支部"]],
    ["各支部 by name without types", "各支部", untyped, ["第一党支部", "机关党支部"]],
    ["各部门 by name without types", "各部门", untyped, ["机电科", "调度室"]],
    ["各区队 by name without types", "各区队", untyped, ["综采一队", "掘进一队"]],
    ["any other 各X: type containing X", "各机关", roster, ["调度室"]],
  ];
  test.each(cases)("%s: %j", (_name, cell, units, expected) => {
    const expansion = unitExpander(units)(splitUnits(cell));
    expect(expansion.units).toEqual(expected);
    expect(expansion.unresolved).toEqual([]);
  });

  test("a type decides over the name: a 支部-named unit typed 科室 is a department", () => {
    const mixed: RosterUnit[] = [
      { name: "宣传支部", type: "科室" },
      { name: "第二党支部", type: "" },
    ];
    expect(unitExpander(mixed)(["各支部"]).units).toEqual(["第二党支部"]);
    expect(unitExpander(mixed)(["各部门"]).units).toEqual(["宣传支部"]);
  });

  test("without a roster a group word names no unit and is reported; names stay", () => {
    expect(unitExpander(undefined)(["各支部", "机电科"])).toEqual({
      units: ["机电科"],
      unresolved: [{ word: "各支部", reason: "no-roster" }],
    });
  });

  test("a group with no unit of its kind on the roster is reported", () => {
    expect(unitExpander(roster)(["各班组"])).toEqual({
      units: [],
      unresolved: [{ word: "各班组", reason: "no-match" }],
    });
  });

  test("相关单位 and its like name no unit, roster or not", () => {
    for (const given of [roster, undefined])
      expect(unitExpander(given)(["相关单位", "机电科", "有关责任部门"])).toEqual({
        units: ["机电科"],
        unresolved: [
          { word: "相关单位", reason: "vague" },
          { word: "有关责任部门", reason: "vague" },
        ],
      });
  });

  test.each([
    ["全部", true],
    ["相关单位", true],
    ["有关部门", true],
    ["相关", true],
    ["相关科", false],
    ["相关单位负责人", false],
    ["各单位", true],
    ["各支部", true],
    ["all", true],
    ["综采一队", false],
    ["机关党支部", false],
  ])("isGroupWord(%j) is %s", (name, expected) => {
    expect(isGroupWord(name)).toBe(expected);
  });
});

describe("cellUnits: a group and a unit written as one piece, taken apart", () => {
  test.each([
    ["the unit in brackets leads the group", "各区队（机电科牵头）", ["机电科", "各区队"]],
    ["…and in half-width brackets, as 主办", "各科室(办公室主办)", ["办公室", "各科室"]],
    ["a unit and a group joined by 及", "机电科及各区队", ["机电科", "各区队"]],
    ["…by 和, the group first", "各区队和机电科", ["各区队", "机电科"]],
    ["…by 以及", "机电科以及各支部", ["机电科", "各支部"]],
    ["a name with 和 in it and no group word stays whole", "安全和环保部", ["安全和环保部"]],
    ["a person in brackets after a unit is no lead unit", "综采一队（张三负责）", ["综采一队(张三负责)"]],
    ["a group in brackets after a group leads nothing", "各单位（各区队牵头）", ["各单位(各区队牵头)"]],
    ["a list is read as splitUnits reads it", "综采一队（牵头）、机电科", ["综采一队", "机电科"]],
  ])("%s: %s", (_name, cell, expected) => {
    expect(cellUnits(cell)).toEqual(expected);
  });
});
