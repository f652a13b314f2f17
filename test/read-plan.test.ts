// Reading only what a check needs: every sheet's first rows, then whole only the sheets the engine chooses
// from them. A check of what that reads is the check of the whole workbook, and the other sheets stay short.

import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import ExcelJS from "exceljs";
import { buildSampleWorkbook, SAMPLE_REFERENCE_AS_OF, SAMPLE_SHEET } from "../scripts/sample-workbook";
import { checkWorkbook, sheetsToRead } from "../src/core/check";
import { parseIsoDay, type Day } from "../src/core/day";
import { DEFAULT_SETTINGS, parseSettings, type Settings } from "../src/core/settings";
import { HEADER_SEARCH_ROWS } from "../src/core/table/locate";
import type { WorkbookModel } from "../src/core/workbook";
import { readPackage, readWorkbookBytes } from "../src/hosts/xlsx";
import { NODE_CODEC } from "../src/hosts/xlsx/node-codec";
import { OpcPackage } from "../src/hosts/xlsx/package";
import { recurringFixture } from "./fixtures/recurring-fixture";
import { recurringExcelWorkbook } from "./fixtures/recurring-workbook";
import { RICH_AS_OF, writeRichWorkbook } from "./fixtures/rich-workbook";

const HEAD_ROWS = HEADER_SEARCH_ROWS + 1;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "duban-plan-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a two-step read gives, from a whole model: the chosen sheets whole, the others' first rows. */
function twoStep(whole: WorkbookModel, settings: Settings, asOf: Day): WorkbookModel {
  const heads = { ...whole, sheets: whole.sheets.map((s) => ({ ...s, rows: s.rows.slice(0, HEAD_ROWS) })) };
  const chosen = sheetsToRead(heads, settings, asOf);
  return { ...whole, sheets: whole.sheets.map((s, i) => (chosen.has(s.name) ? s : heads.sheets[i]!)) };
}

async function bytesOf(book: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array(await book.xlsx.writeBuffer());
}

/** The sample with two more sheets a clerk keeps beside the table: last month's copy (hidden) and notes. */
async function sampleWithMore(): Promise<Uint8Array> {
  const book = buildSampleWorkbook(SAMPLE_REFERENCE_AS_OF);
  const notes = book.addWorksheet("说明");
  for (let r = 1; r <= 400; r++) notes.addRow([`第 ${r} 条说明`, r]);
  const previous = book.addWorksheet("上月", { state: "hidden" });
  book.getWorksheet(SAMPLE_SHEET)!.eachRow((row) => previous.addRow(row.values as ExcelJS.CellValue[]));
  return bytesOf(book);
}

const settingsFor = (input: unknown): Settings => {
  const parsed = parseSettings(input);
  if ("problems" in parsed) throw new Error(JSON.stringify(parsed.problems));
  return parsed.settings;
};

describe("a check of the sheets chosen from every sheet's first rows is the check of the whole workbook", () => {
  const cases: Array<[string, () => Promise<{ model: WorkbookModel; asOf: Day; settings: Settings }>]> = [
    [
      "the sample, with notes and last month's hidden copy",
      async () => ({
        model: await readWorkbookBytes(await sampleWithMore(), "tasks.xlsx"),
        asOf: SAMPLE_REFERENCE_AS_OF,
        settings: DEFAULT_SETTINGS,
      }),
    ],
    [
      "the sample, the table's sheet chosen in the settings",
      async () => ({
        model: await readWorkbookBytes(await sampleWithMore(), "tasks.xlsx"),
        asOf: SAMPLE_REFERENCE_AS_OF,
        settings: settingsFor({ sheet: SAMPLE_SHEET }),
      }),
    ],
    [
      "a specification, a ledger and a roster",
      async () => {
        const fixture = recurringFixture();
        return { model: fixture.workbook, asOf: fixture.asOf, settings: DEFAULT_SETTINGS };
      },
    ],
    [
      "the same, read from the file",
      async () => {
        const fixture = recurringFixture();
        const bytes = await bytesOf(recurringExcelWorkbook(fixture));
        return {
          model: await readWorkbookBytes(bytes, "spec.xlsx"),
          asOf: fixture.asOf,
          settings: DEFAULT_SETTINGS,
        };
      },
    ],
    [
      "the rich workbook (hidden, very hidden and data sheets, the clerk's own summary)",
      async () => {
        const file = path.join(dir, "rich.xlsx");
        await writeRichWorkbook(file);
        return {
          model: await readWorkbookBytes(readFileSync(file), "rich.xlsx"),
          asOf: parseIsoDay(RICH_AS_OF)!,
          settings: DEFAULT_SETTINGS,
        };
      },
    ],
  ];

  test.each(cases)("%s", async (_name, make) => {
    const { model, asOf, settings } = await make();
    const expected = checkWorkbook(model, { asOf, settings });
    expect(checkWorkbook(twoStep(model, settings, asOf), { asOf, settings })).toEqual(expected);
  });
});

test("the reader reads every sheet's first rows, then only the chosen sheets whole", async () => {
  const bytes = await sampleWithMore();
  const asOf = SAMPLE_REFERENCE_AS_OF;
  const whole = await readWorkbookBytes(bytes, "tasks.xlsx");
  let heads: WorkbookModel | undefined;
  const planned = await readWorkbookBytes(bytes, "tasks.xlsx", {
    plan: {
      headRows: HEAD_ROWS,
      choose: (first) => {
        heads = first;
        return sheetsToRead(first, DEFAULT_SETTINGS, asOf);
      },
    },
  });
  expect(heads!.sheets.every((s) => s.rows.length <= HEAD_ROWS)).toBe(true);
  const rowsOf = (model: WorkbookModel, name: string) => model.sheets.find((s) => s.name === name)!.rows;
  expect(rowsOf(planned, SAMPLE_SHEET)).toEqual(rowsOf(whole, SAMPLE_SHEET));
  expect(rowsOf(whole, "说明").length).toBe(400);
  expect(rowsOf(planned, "说明")).toEqual(rowsOf(whole, "说明").slice(0, HEAD_ROWS));
  expect(rowsOf(planned, "上月").length).toBeLessThanOrEqual(HEAD_ROWS);
  expect(checkWorkbook(planned, { asOf, settings: DEFAULT_SETTINGS })).toEqual(
    checkWorkbook(whole, { asOf, settings: DEFAULT_SETTINGS }),
  );
});

test("with Node's zlib each part is inflated once: the size check's bytes are the ones read, both steps", async () => {
  const bytes = await sampleWithMore();
  const inflatedParts: number[] = [];
  const codec = {
    ...NODE_CODEC,
    inflateRaw: (compressed: Uint8Array, size: number) => {
      inflatedParts.push(size);
      return NODE_CODEC.inflateRaw(compressed, size);
    },
  };
  const pkg = OpcPackage.open(bytes, "tasks.xlsx", codec);
  const asOf = SAMPLE_REFERENCE_AS_OF;
  const planned = await readPackage(pkg, "tasks.xlsx", {
    headRows: HEAD_ROWS,
    choose: (first) => sheetsToRead(first, DEFAULT_SETTINGS, asOf),
  });
  expect(inflatedParts).toEqual([]);
  expect(planned).toEqual(
    await readPackage(OpcPackage.open(bytes, "tasks.xlsx", NODE_CODEC), "tasks.xlsx", {
      headRows: HEAD_ROWS,
      choose: (first) => sheetsToRead(first, DEFAULT_SETTINGS, asOf),
    }),
  );
  // Once read, the sheets' bytes are let go of; a writer asking for one again has it inflated anew.
  pkg.bytes("xl/worksheets/sheet1.xml");
  expect(inflatedParts).toHaveLength(1);
});
