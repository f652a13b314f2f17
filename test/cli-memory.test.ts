// What the command line holds while it writes: a check lets go of the workbook's cells once checked (see
// readAndCheck in src/cli/main.ts), so that a large table's copy is not written beside 100,000 rows of cells
// that nothing reads any more.

import { mkdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import { buildSampleWorkbook } from "../scripts/sample-workbook";
import { main } from "../src/cli/main";
import { parseIsoDay } from "../src/core";

/** The cells each read returned, weakly; and, each time a command began writing, whether they were alive. */
const mockCells: Array<WeakRef<object>> = [];
const mockAliveWhenWriting: boolean[] = [];

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
      mockAliveWhenWriting.push(mockCells.at(-1)?.deref() !== undefined);
      return actual.checkCommand(...args);
    },
  };
});

const dir = path.resolve(__dirname, ".tmp/cli-memory");
const AS_OF = "2026-11-18";
const sample = path.join(dir, "sample.xlsx");

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await buildSampleWorkbook(parseIsoDay(AS_OF)!).xlsx.writeFile(sample);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.each([
  ["a checked copy", ["--out", path.join(dir, "checked.xlsx")]],
  ["a JSON report", ["--json", path.join(dir, "report.json")]],
  ["the text report alone", []],
])("check writing %s: the workbook's cells are let go before", async (_, flags) => {
  mockCells.length = 0;
  mockAliveWhenWriting.length = 0;
  const sink = { write: () => true };
  const code = await main(["check", sample, "--as-of", AS_OF, ...flags], {
    stdout: sink,
    stderr: sink,
    today: () => parseIsoDay(AS_OF)!,
  });
  expect(code).toBe(1); // the sample's planted findings
  expect(mockCells).toHaveLength(1);
  expect(mockAliveWhenWriting).toEqual([false]);
});
