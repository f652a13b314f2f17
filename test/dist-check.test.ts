// The build's guard that no test support ships in dist/src (scripts/check-dist.ts), on planted folders.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { testSupportIn } from "../scripts/check-dist";

function compiled(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "duban-dist-"));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test.each<[string, Record<string, string>, readonly string[]]>([
  ["a clean package", { "core/check.js": "x", "hosts/xlsx/index.js": 'require("../../core")' }, []],
  ["the Excel fake", { "hosts/excel/fake.js": "" }, ["hosts/excel/fake.js: test support in the package"]],
  ["a rule tester", { "core/rules/rule-tester.js": "" }, ["core/rules/rule-tester.js: test support"]],
  ["a fixture", { "core/recurring/fixture.js": "" }, ["core/recurring/fixture.js: test support"]],
  ["a compiled test", { "core/day.test.js": "" }, ["core/day.test.js: test support"]],
  [
    "a module reaching into test/",
    { "hosts/excel/host.js": 'const f = require("../../../test/fakes/excel");' },
    ["hosts/excel/host.js: ../../../test/ is outside the package"],
  ],
  [
    "a module reaching into bench/",
    { "cli/main.js": 'require("../../bench/excel-bench")' },
    ["cli/main.js: ../../bench/ is outside the package"],
  ],
  ["a name that only contains the words", { "core/values/prefixes.js": "", "hosts/fakeless.js": "" }, []],
])("%s", (_, files, expected) => {
  const dir = compiled(files);
  try {
    const found = testSupportIn(dir);
    expect(found).toHaveLength(expected.length);
    expected.forEach((start, i) => expect(found[i]).toContain(start));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("the package as built holds no test support", () => {
  expect(testSupportIn(path.resolve(__dirname, "../dist/src"))).toEqual([]);
});
