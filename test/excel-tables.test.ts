// A task table kept as an Excel Table (套用表格格式) with hidden rows, as openpyxl, XlsxWriter, a Strict copy and
// LibreOffice write it: the reader finds what openpyxl finds, and the check finds the table below the first
// 30 rows, leaves its totals row out and marks the findings nobody can see.

import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import * as path from "node:path";
import type { Report } from "../src/core/report";
import type { WorkbookModel } from "../src/core/workbook";
import { readWorkbookFile } from "../src/hosts/xlsx";
import { rangeRef } from "../src/hosts/xlsx/write/sheet";
import { convertWithLibreOffice, findSoffice } from "./helpers/libreoffice";
import { PYTHON, pythonMissing, testRequiring } from "./helpers/package-checks";
import { runCli } from "./helpers/run-cli";

interface Expected {
  readonly [sheet: string]: {
    readonly tables: ReadonlyArray<{ name: string; ref: string; headerRows: number; totalsRows: number }>;
    readonly hidden: readonly number[];
  };
}
interface Made {
  readonly made: Record<string, { file: string; expected: Expected }>;
  readonly headerRow: number;
  readonly tasks: number;
  readonly hidden: readonly number[];
  readonly ref: string;
}

const MAKER = path.join(__dirname, "producers/make-tables.py");
const dir = path.resolve(__dirname, ".tmp/excel-tables");
const AS_OF = "2026-11-18";
const soffice = findSoffice();
const MISSING =
  pythonMissing(["openpyxl", "xlsxwriter"]) ??
  (soffice ? undefined : "LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui");

let made: Made | undefined;

beforeAll(async () => {
  if (MISSING) return;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const run = spawnSync(PYTHON, [MAKER, dir], { encoding: "utf8", timeout: 120_000 });
  if (run.status !== 0) throw new Error(`make-tables.py failed:\n${run.stderr}`);
  made = JSON.parse(run.stdout) as Made;
  // LibreOffice's copy of openpyxl's file, and what openpyxl reads of it.
  const copy = await convertWithLibreOffice(soffice!, made.made.openpyxl!.file, "xlsx", path.join(dir, "lo"));
  const reread = spawnSync(
    PYTHON,
    [
      "-c",
      `import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("t", sys.argv[1]); m = importlib.util.module_from_spec(spec)
spec.loader.exec_module(m); print(json.dumps(m.read_back(sys.argv[2]), ensure_ascii=False))`,
      MAKER,
      copy,
    ],
    { encoding: "utf8", timeout: 120_000 },
  );
  if (reread.status !== 0) throw new Error(`openpyxl could not read LibreOffice's copy:\n${reread.stderr}`);
  made.made.libreoffice = { file: copy, expected: JSON.parse(reread.stdout) as Expected };
}, 300_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PRODUCERS = ["openpyxl", "xlsxwriter", "strict-xlsxwriter", "libreoffice"];

/** The reader's tables and hidden rows (1-based, in order), in openpyxl's terms. */
function asRead(model: WorkbookModel): Expected {
  return Object.fromEntries(
    model.sheets.map((sheet) => [
      sheet.name,
      {
        tables: (sheet.tables ?? []).map((t) => ({
          name: t.name,
          ref: rangeRef(t.range),
          headerRows: t.headerRows,
          totalsRows: t.totalsRows,
        })),
        hidden: [...(sheet.hiddenRows ?? [])].map((r) => r + 1).sort((a, b) => a - b),
      },
    ]),
  );
}

const duban = (args: string[]) => runCli(args, AS_OF);

describe.each(PRODUCERS)("%s", (producer) => {
  const file = () => made!.made[producer]!.file;

  testRequiring(MISSING, "the reader finds the tables and hidden rows openpyxl finds", async () => {
    const expected = made!.made[producer]!.expected;
    // The table must be there to be found at all: a copy that lost it would prove nothing below.
    expect(expected["任务清单"]!.tables.map((t) => t.ref)).toEqual([made!.ref]);
    expect(expected["任务清单"]!.hidden).toEqual(made!.hidden);
    expect(asRead(await readWorkbookFile(file()))).toEqual(expected);
  });

  testRequiring(
    MISSING,
    "the check finds the table at row 40, its tasks without the totals row",
    async () => {
      const run = await duban(["check", file(), "--as-of", AS_OF, "--json", "-", "--lang", "en-US"]);
      expect(run.stderr).toBe("");
      const report = JSON.parse(run.stdout) as Report;
      expect(report.sheet).toBe("任务清单");
      expect(report.headerRow).toBe(made!.headerRow);
      expect(report.tasks).toBe(made!.tasks);
      // Overdue: rows 41, 43 and 45; the last two are hidden, as is row 46 (no finding).
      const overdue = report.issues.filter((i) => i.rule === "overdue");
      expect(overdue.map((i) => [i.row, i.hiddenRow ?? false])).toEqual([
        [41, false],
        [43, true],
        [45, true],
      ]);
      expect(report.issues.filter((i) => i.hiddenRow).every((i) => [43, 45].includes(i.row))).toBe(true);
      expect(report.notices.map((n) => n.id)).toContain("hiddenRowFindings");
      expect(report.notices.find((n) => n.id === "hiddenRowFindings")!.message).toContain("(rows 43, 45)");
    },
  );

  testRequiring(
    MISSING,
    "the issues sheet marks the hidden cells, and the copy keeps table and hidden rows",
    async () => {
      const out = path.join(dir, `${producer}-out.xlsx`);
      const run = await duban(["check", file(), "--as-of", AS_OF, "--out", out]);
      expect(run.stderr).toBe("");
      const model = await readWorkbookFile(out);
      const issues = model.sheets.find((s) => s.name === "问题清单")!;
      const cells = issues.rows.flatMap((row) => (typeof row?.[2] === "string" ? [row[2]] : []));
      expect(cells).toEqual(expect.arrayContaining(["D41", "D43（隐藏）", "D45（隐藏）"]));
      expect(cells).not.toContain("D43");
      const source = asRead(await readWorkbookFile(file()))["任务清单"];
      expect(asRead(model)["任务清单"]).toEqual(source);
    },
  );
});
