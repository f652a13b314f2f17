import { testRule } from "../../../test/helpers/rule-tester";
import { unknownUnit } from "./unknown-unit";

const roster = ["综采一队", "综采二队", "机电科", "运输队"];
const row = { task: "开展安全检查", unit: "综采一队", deadline: "2026-11-30" };

// Equivalent mutants (npm run mutate), which no table can tell apart:
// - `if (onRoster === undefined)` and `if (suggestion === undefined)` made always true only look a unit up
//   again instead of remembering its answer: the same findings, more slowly.
testRule(unknownUnit, {
  valid: [
    { name: "units on the roster", rows: [row, { ...row, unit: "运输队" }], roster },
    { name: "spaces and full-width spaces are trimmed", rows: [{ ...row, unit: "\u3000综采一队 " }], roster },
    { name: "several units, all on the roster", rows: [{ ...row, unit: "机电科、运输队" }], roster },
    { name: "without a roster the rule is off", rows: [{ ...row, unit: "不存在的单位" }] },
    {
      name: "a roster sheet without names turns the rule off",
      rows: [{ ...row, unit: "不存在的单位" }],
      roster: [],
    },
    {
      name: "Latin letters in either case",
      rows: [
        { ...row, unit: "qc小组" },
        { ...row, unit: "Qc小组" },
      ],
      roster: ["QC小组"],
    },
  ],
  invalid: [
    {
      name: "a typo gets the closest name",
      rows: [{ ...row, unit: "综采1队" }],
      roster,
      expected: [
        {
          row: 2,
          messageId: "unknownUnit",
          field: "unit",
          values: { unit: "综采1队", suggestion: "综采一队" },
        },
      ],
    },
    {
      name: "each listed unit is checked",
      rows: [{ ...row, unit: "机电科，通风科" }],
      roster,
      expected: [
        { row: 2, messageId: "unknownUnit", field: "unit", values: { unit: "通风科", suggestion: "机电科" } },
      ],
    },
    {
      name: "a group word names many units: told to name the lead, no roster name suggested",
      rows: [
        { ...row, unit: "各单位" },
        { ...row, unit: "全部" },
        { ...row, unit: "各区队、机电科" },
      ],
      roster,
      expected: [
        { row: 2, messageId: "groupUnit", field: "unit", values: { unit: "各单位" } },
        { row: 3, messageId: "groupUnit", field: "unit", values: { unit: "全部" } },
        { row: 4, messageId: "groupUnit", field: "unit", values: { unit: "各区队" } },
      ],
    },
    {
      name: "a group word after the lead unit names those who help it: the lead is named, nothing to correct",
      rows: [
        { ...row, unit: "机电科、各区队" },
        { ...row, unit: "机电科、有关部门" },
        { ...row, unit: "机电科、各区队、通风科" },
      ],
      roster,
      expected: [
        { row: 4, messageId: "unknownUnit", field: "unit", values: { unit: "通风科", suggestion: "机电科" } },
      ],
    },
    {
      name: "an error a formula gives: no roster name offered",
      rows: [{ ...row, unit: "#REF!" }],
      roster,
      expected: [
        { row: 2, messageId: "formulaError", field: "unit", values: { field: "unit", value: "#REF!" } },
      ],
    },
    {
      name: "相关单位 names no unit: told to name the lead, not offered a roster name",
      rows: [
        { ...row, unit: "相关单位" },
        { ...row, unit: "有关部门、机电科" },
      ],
      roster,
      expected: [
        { row: 2, messageId: "groupUnit", field: "unit", values: { unit: "相关单位" } },
        { row: 3, messageId: "groupUnit", field: "unit", values: { unit: "有关部门" } },
      ],
    },
  ],
});
