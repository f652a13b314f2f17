// unknown-unit: a unit that is not on the roster (单位名单), with the closest roster name suggested.

import { closest } from "../values/text";
import { defineRule } from "./rule";

export const unknownUnit = defineRule({
  meta: {
    id: "unknown-unit",
    defaultSeverity: "warning",
    kind: "data",
    messageIds: ["unknownUnit", "unknownUnitNoSuggestion"],
  },
  create(context) {
    const roster = context.roster;
    if (!roster || roster.length === 0) return {};
    const known = new Set(roster.map((name) => name.toLowerCase()));
    // Rows repeat a few dozen unit names: each is looked up once, not lower-cased again for every row.
    const isKnown = new Map<string, boolean>();
    const suggestions = new Map<string, string | undefined>();
    return {
      row(row) {
        for (const unit of row.units) {
          let onRoster = isKnown.get(unit);
          if (onRoster === undefined) isKnown.set(unit, (onRoster = known.has(unit.toLowerCase())));
          if (onRoster) continue;
          if (!suggestions.has(unit)) suggestions.set(unit, closest(unit, roster));
          const suggestion = suggestions.get(unit);
          if (suggestion === undefined) {
            context.report({ row, field: "unit", messageId: "unknownUnitNoSuggestion", values: { unit } });
          } else {
            context.report({ row, field: "unit", messageId: "unknownUnit", values: { unit, suggestion } });
          }
        }
      },
    };
  },
});
