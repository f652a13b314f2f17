// What the command line holds while it writes: a check lets go of the workbook's cells once checked, and a
// merge of the master's and the merged cells once the merged table is checked (see readAndCheck and
// mergeAnswers in src/cli/main.ts), so that a large table's copy is not written beside 100,000 rows of cells
// that nothing reads any more.

import { mkdirSync, readdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import { buildSampleWorkbook } from "../scripts/sample-workbook";
import { main } from "../src/cli/main";
import { parseIsoDay } from "../src/core";

/** Each workbook model read or merged, weakly; and, each time a command began writing, which were alive. */
const mockCells: Array<WeakRef<object>> = [];
const mockAliveWhenWriting: boolean[][] = [];

jest.mock("../src/cli/commands", () => {
  const actual = jest.requireActual<typeof import("../src/cli/commands")>("../src/cli/commands");
  const { collectGarbage } = jest.requireActual<typeof import("../src/cli/memory")>("../src/cli/memory");
  return {
    ...actual,
    readForCheck: async (...args: Parameters<typeof actual.readForCheck>) => {
      const read = await actual.readForCheck(...args);
      mockCells.push(new WeakRef(read.workbook));
      return read;
    },
    checkCommand: async (...args: Parameters<typeof actual.checkCommand>) => {
      // A WeakRef keeps its target until the job that made or read it ends.
      await new Promise((resolve) => setTimeout(resolve, 0));
      collectGarbage();
      mockAliveWhenWriting.push(mockCells.map((cells) => cells.deref() !== undefined));
      return actual.checkCommand(...args);
    },
  };
});

jest.mock("../src/cli/merge", () => {
  const actual = jest.requireActual<typeof import("../src/cli/merge")>("../src/cli/merge");
  return {
    ...actual,
    mergeIntoMaster: (...args: Parameters<typeof actual.mergeIntoMaster>) => {
      const merged = actual.mergeIntoMaster(...args);
      mockCells.push(new WeakRef(merged.workbook));
      return merged;
    },
  };
});

const dir = path.resolve(__dirname, ".tmp/cli-memory");
const AS_OF = "2026-11-18";
const sample = path.join(dir, "sample.xlsx");
const notices = path.join(dir, "notices");
const sink = { write: () => true };
const duban = (args: readonly string[]) =>
  main([...args, "--as-of", AS_OF], { stdout: sink, stderr: sink, today: () => parseIsoDay(AS_OF)! });

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await buildSampleWorkbook(parseIsoDay(AS_OF)!).xlsx.writeFile(sample);
  expect(await duban(["notices", sample, "--out-dir", notices])).toBe(0);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

beforeEach(() => {
  mockCells.length = 0;
  mockAliveWhenWriting.length = 0;
});

test.each([
  ["a checked copy", ["--out", path.join(dir, "checked.xlsx")]],
  ["a JSON report", ["--json", path.join(dir, "report.json")]],
  ["the text report alone", []],
])("check writing %s: the workbook's cells are let go before", async (_, flags) => {
  expect(await duban(["check", sample, ...flags])).toBe(1); // the sample's planted findings
  expect(mockCells).toHaveLength(1);
  expect(mockAliveWhenWriting).toEqual([[false]]);
});

test("merge: the master's cells and the merged ones are let go before the merged copy is written", async () => {
  // The notices as sent back unanswered: the merge runs through, with nothing to apply.
  const returns = readdirSync(notices).map((name) => path.join(notices, name));
  expect(returns.length).toBeGreaterThan(1);
  expect(await duban(["merge", sample, ...returns, "--out", path.join(dir, "merged.xlsx")])).toBe(1);
  expect(mockCells).toHaveLength(2); // the master as read, and as merged
  expect(mockAliveWhenWriting).toEqual([[false, false]]);
});
