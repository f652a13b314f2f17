// A task table written by a program (openpyxl here) with formulas nothing ever calculated: their cells hold
// no value, so Duban reads them as empty, and says so once, naming them, instead of reporting each task as
// if its status were blank and leaving the clerk to wonder why.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { checkWorkbook } from "../src/core/check";
import { parseIsoDay } from "../src/core/day";
import { formatNotice } from "../src/core/i18n";
import { DEFAULT_SETTINGS } from "../src/core/settings";
import { readWorkbookBytes } from "../src/hosts/xlsx";
import { PYTHON, pythonMissing } from "./helpers/package-checks";

const WRITER = `
import sys, openpyxl
book = openpyxl.Workbook()
sheet = book.active
sheet.title = "任务"
sheet.append(["序号", "工作任务", "责任单位", "完成时限", "完成日期", "完成情况"])
for i in range(7):
    sheet.append([i + 1, f"任务{i + 1}", "机电科", "2026-12-31", "2026-11-10" if i % 2 == 0 else None])
    sheet.cell(row=i + 2, column=6, value=f'=IF(E{i + 2}<>"","已完成","进行中")')
book.save(sys.argv[1])
`;

const missing = pythonMissing(["openpyxl"]);
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "duban-formulas-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("formulas openpyxl wrote and nothing calculated are named in a notice", async () => {
  if (missing) {
    if (process.env.CI) throw new Error(missing);
    return;
  }
  const file = path.join(dir, "formulas.xlsx");
  execFileSync(PYTHON, ["-c", WRITER, file]);
  const workbook = await readWorkbookBytes(readFileSync(file), "formulas.xlsx");
  const result = checkWorkbook(workbook, { asOf: parseIsoDay("2026-11-18")!, settings: DEFAULT_SETTINGS });
  const notice = result.notices.find((n) => n.id === "formulasWithoutValues");
  expect(notice?.values).toEqual({ sheet: "任务", count: 7, cells: "F2, F3, F4, F5, F6 …" });
  expect(formatNotice(notice!, "zh-CN")).toContain(
    "“任务”中有 7 个公式单元格没有保存计算结果（F2、F3、F4、F5、F6……）",
  );
  expect(formatNotice(notice!, "en-US")).toContain('7 formula cells of "任务" hold no calculated value');
});

test("a workbook whose formulas hold their values has no such notice", async () => {
  const workbook = {
    fileName: "t.xlsx",
    sheets: [
      {
        name: "任务",
        rows: [
          ["工作任务", "责任单位", "完成时限", "完成情况"],
          ["检查", "机电科", "2026-12-31", "进行中"],
        ],
        merges: [],
      },
    ],
  };
  const result = checkWorkbook(workbook, { asOf: parseIsoDay("2026-11-18")!, settings: DEFAULT_SETTINGS });
  expect(result.notices.map((n) => n.id)).not.toContain("formulasWithoutValues");
});
