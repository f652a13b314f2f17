// Run by `npm run build:cli` after tsc: the package ships dist/src, and test support (fakes, fixtures, rule
// testers, tests) must never be in it. tsc compiles whatever a compiled file imports, so one import of a
// helper from src, or a helper put back under src, would ship it; this makes the build fail instead.

import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

/** A file name that belongs to tests: a test, a fake, a fixture, a rule tester, a test helper. */
const TEST_SUPPORT = /(\.test\.|(^|[-.])(fakes?|fixtures?|rule-tester|test-helpers?)([-.]|$))/;
/** A require of a file in test/, scripts/ or bench/, written by tsc as a relative path. */
const TOOLING_REQUIRE = /require\("(?:\.\.\/)+(?:test|scripts|bench)\//;

/** Every .js file below `dir`, relative to it. */
function jsFiles(dir: string, prefix = ""): string[] {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) return jsFiles(dir, relative);
    return entry.name.endsWith(".js") ? [relative] : [];
  });
}

/** What in the compiled `dir` (dist/src) is test support or reaches for it; empty when the package is clean. */
export function testSupportIn(dir: string): string[] {
  return jsFiles(dir).flatMap((file) => {
    if (TEST_SUPPORT.test(path.posix.basename(file))) return [`${file}: test support in the package`];
    const text = readFileSync(path.join(dir, file), "utf8");
    const reach = TOOLING_REQUIRE.exec(text);
    return reach ? [`${file}: ${reach[0].slice(9)} is outside the package`] : [];
  });
}

if (require.main === module) {
  const dir = path.resolve(__dirname, "../src");
  const problems = testSupportIn(dir);
  if (problems.length > 0) {
    process.stderr.write(
      `dist/src holds test support; move it under test/ and import it from tests only:\n  ${problems.join("\n  ")}\n`,
    );
    process.exit(1);
  }
}
