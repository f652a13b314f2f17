// unknown-unit: a unit that is not on the roster (单位名单), with the closest roster name suggested; a group
// word (各单位, 各区队, 全部) leading a task, which names many units, is told to name the lead unit instead.

import { isGroupWord } from "../recurring/units";
import { closest } from "../values/text";
import { defineRule, unreadableCell } from "./rule";

export const unknownUnit = defineRule({
  meta: {
    id: "unknown-unit",
    defaultSeverity: "warning",
    kind: "data",
    messageIds: ["unknownUnit", "groupUnit", "formulaError"],
  },
  create(context) {
    // Without a name on the roster the rule is off; with one, there is always a closest name to suggest.
    const roster = context.roster ?? [];
    const first = roster[0];
    if (first === undefined) return {};
    const known = new Set(roster.map((name) => name.toLowerCase()));
    // Rows repeat a few dozen unit names: each is looked up once, not lower-cased again for every row.
    const isKnown = new Map<string, boolean>();
    const suggestions = new Map<string, string>();
    return {
      row(row) {
        for (const unit of row.units) {
          let onRoster = isKnown.get(unit);
          // Stryker disable next-line ConditionalExpression: equivalent, named in the test (a cache)
          if (onRoster === undefined) isKnown.set(unit, (onRoster = known.has(unit.toLowerCase())));
          if (onRoster) continue;
          // 各单位 or 全部 leading a task names many units and no one to answer for it: no one name to suggest.
          // After a lead unit (机电科、各区队) it names those who help the lead, which is all the row needs.
          if (isGroupWord(unit)) {
            if (unit === row.unit)
              context.report(unreadableCell(row, "unit", unit, { messageId: "groupUnit", values: { unit } }));
            continue;
          }
          let suggestion = suggestions.get(unit);
          // Stryker disable next-line ConditionalExpression: equivalent, named in the test (a cache)
          if (suggestion === undefined) suggestions.set(unit, (suggestion = closest(unit, roster) ?? first));
          const values = { unit, suggestion };
          context.report(unreadableCell(row, "unit", unit, { messageId: "unknownUnit", values }));
        }
      },
    };
  },
});
