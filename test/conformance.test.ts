// Keeps the set of rules whole: every rule has its test table, its words in both locales and a README line.

import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { CATALOGUES, TASK_RULES } from "../src/core";
import { MESSAGE_IDS } from "../src/core/i18n/catalogue";
import { RULE_IDS } from "../src/core/settings";

const root = path.resolve(__dirname, "..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");

describe.each(TASK_RULES.map((rule) => [rule.meta.id, rule] as const))("rule %s", (id, rule) => {
  test("lives in its own file with a test table beside it", () => {
    expect(existsSync(path.join(root, "src/core/rules", `${id}.ts`))).toBe(true);
    const test = readFileSync(path.join(root, "src/core/rules", `${id}.test.ts`), "utf8");
    expect(test).toMatch(/testRule\(/);
    expect(test).toMatch(/invalid:/);
  });

  test("has every message worded in both locales", () => {
    expect(rule.meta.messageIds.length).toBeGreaterThan(0);
    for (const messageId of rule.meta.messageIds) {
      expect(MESSAGE_IDS).toContain(messageId);
      for (const catalogue of Object.values(CATALOGUES))
        expect(typeof catalogue.messages[messageId as never]).toBe("function");
    }
  });

  test("has a name in both locales and a line in the README's rule list", () => {
    for (const catalogue of Object.values(CATALOGUES)) expect(catalogue.rules[id]).toBeTruthy();
    expect(readme).toMatch(new RegExp(`^\\| \`${id}\` +\\|`, "m"));
  });
});

test("the registry lists each rule once, and only known rule ids", () => {
  const ids = TASK_RULES.map((r) => r.meta.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const id of ids) expect(RULE_IDS).toContain(id);
});

test("no message is worded without a rule using it", () => {
  const used = new Set(TASK_RULES.flatMap((r) => r.meta.messageIds));
  expect(MESSAGE_IDS.filter((id) => !used.has(id))).toEqual([]);
});
