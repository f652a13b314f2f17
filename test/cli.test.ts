// duban check end to end: the sample workbook, every flag, and every way the input can be unusable.

import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseIsoDay, type Day } from "../src/core";
import type { Report } from "../src/core/report";
import { SETTINGS_SHEET, settingsCells } from "../src/core/output/record";
import {
  buildSampleWorkbook,
  sampleExpectations,
  SAMPLE_RULES,
  SAMPLE_UNITS,
} from "../scripts/sample-workbook";
import { readWorkbookBytes } from "../src/hosts/xlsx";
import { convertWithLibreOffice, testWithLibreOffice } from "./helpers/libreoffice";
import { MAIN, oneSheetWorkbook } from "./helpers/one-sheet-workbook";
import { runCli } from "./helpers/run-cli";

const dir = path.resolve(__dirname, ".tmp/cli");
const sample = path.join(dir, "sample.xlsx");
const REFERENCE = "2026-11-18";

const run = (args: string[], today: Day = parseIsoDay(REFERENCE)!) => runCli(args, today);

async function jsonReport(args: string[]): Promise<{ code: number; report: Report }> {
  const { code, stdout } = await run([...args, "--json", "-"]);
  return { code, report: JSON.parse(stdout) as Report };
}

beforeAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  await buildSampleWorkbook(parseIsoDay(REFERENCE)!).xlsx.writeFile(sample);
});

describe("the sample workbook", () => {
  test.each(["2026-11-18", "2026-03-02", "2026-06-30", "2026-12-30", "2025-02-28"])(
    "as of %s: exactly the planted findings, row by row and rule by rule",
    async (asOfText) => {
      const asOf = parseIsoDay(asOfText)!;
      const file = path.join(dir, `sample-${asOfText}.xlsx`);
      await buildSampleWorkbook(asOf).xlsx.writeFile(file);
      const { code, report } = await jsonReport(["check", file, "--as-of", asOfText]);
      const expected = sampleExpectations(asOf);
      expect(code).toBe(1);
      expect(report.sheet).toBe(expected.sheet);
      expect(report.headerRow).toBe(expected.headerRow);
      expect(report.tasks).toBe(expected.taskCount);
      expect(report.columns).toEqual(expected.columns);
      for (const rule of SAMPLE_RULES) {
        const rows = [...new Set(report.issues.filter((i) => i.rule === rule).map((i) => i.row))].sort(
          (a, b) => a - b,
        );
        expect({ rule, rows }).toEqual({ rule, rows: expected.rows[rule] });
      }
      const units = Object.fromEntries(report.summary.units.map(({ unit, ...line }) => [unit, line]));
      for (const { unit, ...line } of expected.summary.units)
        expect({ unit, ...units[unit] }).toMatchObject({ unit, ...line });
      const { unit: totalName, ...total } = expected.summary.total;
      expect(totalName).toBeDefined();
      expect(report.summary.total).toMatchObject(total);
    },
  );

  testWithLibreOffice(
    "re-saved by LibreOffice, the sample gives the same findings and summary",
    async (soffice) => {
      const outDir = path.join(dir, "libreoffice");
      mkdirSync(outDir, { recursive: true });
      const resaved = await convertWithLibreOffice(soffice, sample, "xlsx", outDir);
      const original = (await jsonReport(["check", sample, "--as-of", REFERENCE])).report;
      const { code, report } = await jsonReport(["check", resaved, "--as-of", REFERENCE]);
      expect(code).toBe(1);
      const strip = (r: Report) => r.issues.map((i) => [i.rule, i.cell ?? i.row, i.message]);
      expect(strip(report)).toEqual(strip(original));
      expect(report.summary).toEqual(original.summary);
      expect(report.ranking).toEqual(original.ranking);
    },
  );

  test("the report has the spec's shape", async () => {
    const { report } = await jsonReport(["check", sample, "--as-of", REFERENCE]);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        "asOf",
        "file",
        "sheet",
        "headerRow",
        "columns",
        "tasks",
        "issues",
        "summary",
        "ranking",
      ]),
    );
    expect(report.asOf).toBe(REFERENCE);
    expect(report.file).toBe("sample.xlsx");
    const overdue = report.issues.find((i) => i.rule === "overdue")!;
    expect(overdue).toMatchObject({ severity: "error", sheet: "重点工作任务表", column: "H" });
    expect(overdue.cell).toBe(`H${overdue.row}`);
    expect(overdue.message).toContain(overdue.cell!);
    expect(report.ranking[0]).toEqual({
      rank: 1,
      unit: expect.any(String),
      score: expect.any(Number),
      stars: expect.any(Number),
    });
    for (const u of report.summary.units)
      expect(u.completionRate).toBe(Math.round(u.completionRate * 1000) / 1000);
  });

  test.each([
    ["per task (the default)", {}, "deductions"],
    ["as counted", { ranking: { scale: "none" } }, "deductions"],
    ["by points (考核评分)", { ranking: { score: "points" } }, "points"],
  ])(
    "%s, the sample's ranking holds only its roster's units, each once; the typo units are counted apart with the names they mean",
    async (name, settings, method) => {
      const config = path.join(dir, `ranking-${name.length}.json`);
      writeFileSync(config, JSON.stringify(settings));
      const { report } = await jsonReport(["check", sample, "--as-of", REFERENCE, "--config", config]);
      const ranked = report.ranking.map((r) => r.unit);
      expect(ranked).not.toContain("掘进二对");
      expect(ranked).not.toContain("综采1队");
      expect([...ranked, ...report.unranked].sort()).toEqual([...SAMPLE_UNITS].sort());
      const unit = (name: string) => report.summary.units.find((u) => u.unit === name);
      expect(unit("掘进二对")).toMatchObject({ onRoster: false, suggestion: "掘进二队", tasks: 1 });
      expect(unit("综采1队")).toMatchObject({ onRoster: false, suggestion: "综采一队", tasks: 1 });
      expect(unit("综采一队")).toMatchObject({ onRoster: true });
      expect(report.scoring.method).toBe(method);
    },
  );

  test("near the year's end the report says the calendar had to assume Monday to Friday", async () => {
    const { report } = await jsonReport(["check", sample, "--as-of", "2026-12-30"]);
    expect(report.notices.map((n) => n.id)).toEqual(["calendarAssumed"]);
    expect(report.notices[0]!.message).toContain("节假日");
  });

  test("English messages with --lang en-US", async () => {
    const { report } = await jsonReport(["check", sample, "--as-of", REFERENCE, "--lang", "en-US"]);
    expect(report.issues.find((i) => i.rule === "overdue")!.message).toMatch(/^H\d+: deadline .* passed/);
  });

  test("without --json: a readable table, and the input is left as it was", async () => {
    const before = { bytes: readFileSync(sample), mtime: statSync(sample).mtimeMs };
    const { code, stdout, stderr } = await run(["check", sample, "--as-of", REFERENCE]);
    expect(code).toBe(1);
    expect(stderr).toBe("");
    expect(stdout).toContain("按单位汇总");
    expect(stdout).toContain("综采一队");
    expect(stdout).toMatch(/排名/);
    expect(readFileSync(sample).equals(before.bytes)).toBe(true);
    expect(statSync(sample).mtimeMs).toBe(before.mtime);
  });

  test("--json FILE writes the report and still shows the table", async () => {
    const out = path.join(dir, "report.json");
    const { stdout } = await run(["check", sample, "--as-of", REFERENCE, "--json", out]);
    expect(stdout).toContain("按单位汇总");
    expect((JSON.parse(readFileSync(out, "utf8")) as Report).tasks).toBe(130);
  });

  test("as-of defaults to today as the host gives it", async () => {
    const { stdout } = await run(["check", sample, "--json", "-"], parseIsoDay("2026-11-20")!);
    expect((JSON.parse(stdout) as Report).asOf).toBe("2026-11-20");
  });

  test("a settings file: rules off, another severity, due-soon days, competition ranking", async () => {
    const config = path.join(dir, "settings.json");
    writeFileSync(
      config,
      JSON.stringify({
        rules: { overdue: "off", "unknown-status": "error" },
        dueSoonDays: 0,
        ranking: { method: "competition" },
      }),
    );
    const { report } = await jsonReport(["check", sample, "--as-of", REFERENCE, "--config", config]);
    expect(report.issues.some((i) => i.rule === "overdue")).toBe(false);
    expect(
      report.issues.filter((i) => i.rule === "unknown-status").every((i) => i.severity === "error"),
    ).toBe(true);
    const ranks = report.ranking.map((r) => r.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  test("settings saved in the workbook (its very hidden settings sheet) apply; a settings file wins over them", async () => {
    const file = path.join(dir, "with-settings.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(sample);
    const stored = workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
    settingsCells({ rules: { overdue: "off", "due-soon": "error" } }).forEach((text, i) => {
      stored.getCell(i + 1, 1).value = text;
    });
    await workbook.xlsx.writeFile(file);
    const { report } = await jsonReport(["check", file, "--as-of", REFERENCE]);
    expect(report.issues.some((i) => i.rule === "overdue")).toBe(false);
    expect(report.issues.filter((i) => i.rule === "due-soon").every((i) => i.severity === "error")).toBe(
      true,
    );

    const config = path.join(dir, "overdue-on.json");
    writeFileSync(config, JSON.stringify({ rules: { overdue: "warning" } }));
    const layered = (await jsonReport(["check", file, "--as-of", REFERENCE, "--config", config])).report;
    expect(layered.issues.filter((i) => i.rule === "overdue").every((i) => i.severity === "warning")).toBe(
      true,
    );
    expect(layered.issues.some((i) => i.rule === "overdue")).toBe(true);
    expect(layered.issues.filter((i) => i.rule === "due-soon").every((i) => i.severity === "error")).toBe(
      true,
    );
  });

  test("damaged or wrong settings in the workbook are refused naming the sheet and the key", async () => {
    for (const [name, cells] of [
      ["damaged-settings.xlsx", [settingsCells({})[0]!, "{ rules: "]],
      ["wrong-settings.xlsx", settingsCells({ dueSoonDays: "three" })],
    ] as const) {
      const file = path.join(dir, name);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.readFile(sample);
      const stored = workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
      cells.forEach((text, i) => {
        stored.getCell(i + 1, 1).value = text;
      });
      await workbook.xlsx.writeFile(file);
      const { code, stderr } = await run(["check", file, "--as-of", REFERENCE]);
      expect(code).toBe(2);
      expect(stderr).toContain(`${name} (${SETTINGS_SHEET})`);
      if (name === "wrong-settings.xlsx") expect(stderr).toContain("dueSoonDays");
    }
  });

  test("exit code 0 when nothing has error severity", async () => {
    const file = path.join(dir, "clean.xlsx");
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("任务");
    sheet.addRow(["工作任务", "责任单位", "完成时限", "完成情况"]);
    sheet.addRow(["召开安全例会", "安全科", "2026-12-31", "进行中"]);
    await workbook.xlsx.writeFile(file);
    expect((await run(["check", file, "--as-of", REFERENCE])).code).toBe(0);
  });
});

describe("input that cannot be used: exit 2, one line on stderr naming the file or flag", () => {
  const cases: Array<[string, () => string[], RegExp]> = [
    ["a file that does not exist", () => ["check", path.join(dir, "nope.xlsx")], /nope\.xlsx/],
    [
      "a CSV named .xlsx",
      () => ["check", write("tasks.xlsx", "工作任务,责任单位\n检查,机电科\n")],
      /tasks\.xlsx/,
    ],
    ["an empty file", () => ["check", write("empty.xlsx", "")], /empty\.xlsx/],
    ["an unknown flag", () => ["check", sample, "--colour"], /--colour|colour/],
    ["a bad --as-of", () => ["check", sample, "--as-of", "2026-02-30"], /2026-02-30/],
    ["a bad --lang", () => ["check", sample, "--lang", "fr"], /fr/],
    ["no workbook named", () => ["check"], /duban check/],
    ["an unknown command", () => ["chek", sample], /chek/],
    [
      "--out into a folder that is not there",
      () => ["check", sample, "--out", path.join(dir, "no", "o.xlsx")],
      /o\.xlsx/,
    ],
    ["--out over the input", () => ["check", sample, "--out", sample], /sample\.xlsx/],
    ["clear without --out", () => ["clear", sample], /--out/],
    ["notices without --out-dir", () => ["notices", sample], /--out-dir/],
    ["a --spec sheet that is not there", () => ["check", sample, "--spec", "工作规范"], /工作规范/],
    ["a --sheet that is not there", () => ["check", sample, "--sheet", "任务表"], /任务表/],
    [
      "a settings file that is not JSON",
      () => ["check", sample, "--config", write("bad.json", "{ rules: ")],
      /bad\.json/,
    ],
    [
      "a settings file with a wrong value",
      () => [
        "check",
        sample,
        "--config",
        write("wrong.json", JSON.stringify({ ranking: { method: "olympic" } })),
      ],
      /wrong\.json.*ranking\.method/,
    ],
    ["--json over the input", () => ["check", sample, "--json", sample], /sample\.xlsx/],
    [
      "merge without returned files",
      () => ["merge", sample, "--out", "merged.xlsx"],
      /反馈文件.*duban merge/,
    ],
    ["merge without --out", () => ["merge", sample, sample], /merge.*--out/],
    [
      "merge writing over a returned file",
      () => ["merge", sample, write("r.xlsx", "x"), "--out", path.join(dir, "r.xlsx")],
      /r\.xlsx.*不能与输入/,
    ],
  ];
  test.each(cases)("%s", async (_name, args, pattern) => {
    const { code, stdout, stderr } = await run(args());
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(pattern);
    expect(stderr).not.toMatch(/internal error|at .*\.ts:\d+/);
  });

  test("a workbook without a task table names the file and says what a header needs", async () => {
    const file = path.join(dir, "no-table.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRow(["姓名", "电话"]);
    await workbook.xlsx.writeFile(file);
    const { code, stderr } = await run(["check", file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^duban: no-table\.xlsx: .*工作任务.*责任单位.*完成时限/);
  });

  test("a check that fails after the workbook's own settings chose English says so in English", async () => {
    const file = path.join(dir, "no-table-english.xlsx");
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Sheet1").addRow(["姓名", "电话"]);
    const stored = workbook.addWorksheet(SETTINGS_SHEET, { state: "veryHidden" });
    settingsCells({ language: "en-US" }).forEach((text, i) => {
      stored.getCell(i + 1, 1).value = text;
    });
    await workbook.xlsx.writeFile(file);
    const { code, stderr } = await run(["check", file]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^duban: no-table-english\.xlsx: .*The header needs columns such as Task, Unit/);
  });
});

describe("a workbook read well enough to check, but not shaped to be written into", () => {
  // Its content types part in no namespace: read (nothing the check needs is there), but a copy needs the part
  // to list the sheets it adds, and Excel refuses a package whose part is so.
  const sheet =
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${text("A1", "工作任务")}${text("B1", "责任单位")}` +
    `${text("C1", "完成时限")}</row><row r="2">${text("A2", "安全检查")}${text("B2", "甲")}${text("C2", "2026-10-31")}` +
    `</row></sheetData></worksheet>`;
  const CONTENT_TYPES = "[Content_Types].xml";

  test("--out: exit 2, one line naming the file and the part, nothing written, the input as it was", async () => {
    const parts = unzipSync(oneSheetWorkbook(sheet));
    parts[CONTENT_TYPES] = strToU8(strFromU8(parts[CONTENT_TYPES]!).replace(/ xmlns="[^"]*"/, ""));
    const input = path.join(dir, "content-types.xlsx");
    const out = path.join(dir, "content-types-checked.xlsx");
    writeFileSync(input, zipSync(parts));
    const before = readFileSync(input);
    const checked = await run(["check", input, "--json", "-"]);
    expect(checked.code).toBe(1);
    for (const [locale, pattern] of [
      [
        "zh-CN",
        /content-types\.xlsx：其中的 \[Content_Types\]\.xml 不合 Excel 工作簿的规范.*没有写出任何文件/,
      ],
      [
        "en-US",
        /content-types\.xlsx: its part \[Content_Types\]\.xml is not as an Excel workbook has it.*wrote nothing/,
      ],
    ] as const) {
      const { code, stderr } = await run(["check", input, "--out", out, "--lang", locale]);
      expect(code).toBe(2);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(pattern);
      expect(stderr).not.toMatch(/internal error|at .*\.(ts|js):\d+/);
      expect(existsSync(out)).toBe(false);
    }
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe("a date cell holding a number no day is (4630046300: a date typed twice over)", () => {
  const date = (ref: string, serial: number) => `<c r="${ref}" s="1"><v>${serial}</v></c>`;
  const header = ["工作任务", "责任单位", "完成时限", "完成情况", "完成日期"]
    .map((name, i) => text(`${"ABCDE"[i]}1`, name))
    .join("");
  const sheet =
    `<worksheet xmlns="${MAIN}"><sheetData><row r="1">${header}</row>` +
    `<row r="2">${text("A2", "安全检查")}${text("B2", "甲")}${date("C2", 46300)}${text("D2", "已完成")}${date("E2", 4630046300)}</row>` +
    // The last day Excel shows is a day: the progress chart's months end where its span does.
    `<row r="3">${text("A3", "隐患排查")}${text("B3", "甲")}${date("C3", 2958465)}${text("D3", "进行中")}</row>` +
    `</sheetData></worksheet>`;
  const styles =
    `<styleSheet xmlns="${MAIN}"><fonts count="1"><font/></fonts><fills count="1"><fill/></fills>` +
    `<borders count="1"><border/></borders><cellXfs count="2"><xf/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>`;

  test("is no date: an invalid-date finding quoting it, and the checked copy is written", async () => {
    const input = path.join(dir, "date-typed-twice.xlsx");
    const out = path.join(dir, "date-typed-twice-checked.xlsx");
    writeFileSync(input, oneSheetWorkbook(sheet, { styles }));
    const { code, report } = await jsonReport(["check", input, "--as-of", REFERENCE]);
    expect(code).toBe(1);
    expect(report.issues.filter((i) => i.cell === "E2").map((i) => [i.rule, i.values])).toEqual([
      ["invalid-date", { field: "doneDate", value: "4630046300" }],
    ]);
    const written = await run(["check", input, "--as-of", REFERENCE, "--out", out]);
    expect(written.stderr).toBe("");
    expect(written.code).toBe(1);
    const progress = (await readWorkbookBytes(readFileSync(out), "checked.xlsx")).sheets.find(
      (s) => s.name === "网络推进图",
    );
    expect(progress?.rows.flat()).toContain("隐患排查");
  });
});

/** A cell holding `value` as an inline string, as openpyxl writes every text. */
function text(ref: string, value: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${value}</t></is></c>`;
}

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe("the built command", () => {
  const bin = path.resolve(__dirname, "../bin/duban");
  test("runs as a process: JSON on stdout, exit code 1 for errors, 2 with one stderr line for bad input", () => {
    execFileSync("npx", ["tsc", "-p", "tsconfig.build.json"], { cwd: path.resolve(__dirname, "..") });
    const good = spawnSync(process.execPath, [bin, "check", sample, "--as-of", REFERENCE, "--json", "-"], {
      encoding: "utf8",
    });
    expect(good.status).toBe(1);
    expect((JSON.parse(good.stdout) as Report).tasks).toBe(130);
    const bad = spawnSync(process.execPath, [bin, "check", path.join(dir, "missing.xlsx")], {
      encoding: "utf8",
    });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trimEnd().split("\n")).toHaveLength(1);
  }, 120_000);

  test("stops quietly when its reader closes the pipe early (duban check --json - | head -1)", async () => {
    // Some 4,000 tasks without a unit: a report of megabytes, far more than a pipe holds.
    const rows = Array.from(
      { length: 4000 },
      (_, i) =>
        `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>任务${i}</t></is></c><c r="C${i + 2}" t="inlineStr"><is><t>2026-10-01</t></is></c></row>`,
    );
    const file = path.join(dir, "large-report.xlsx");
    writeFileSync(
      file,
      oneSheetWorkbook(
        `<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>工作任务</t></is></c><c r="B1" t="inlineStr"><is><t>责任单位</t></is></c><c r="C1" t="inlineStr"><is><t>完成时限</t></is></c></row>${rows.join("")}</sheetData></worksheet>`,
      ),
    );
    const child = spawn(process.execPath, [bin, "check", file, "--as-of", REFERENCE, "--json", "-"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    let received = 0;
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.once("data", (chunk: Buffer) => {
      received = chunk.length;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(received).toBeGreaterThan(0);
    expect(stderr).toBe("");
    // The check's own code: errors were found (missing units, overdue tasks).
    expect(code).toBe(1);
  }, 120_000);
});

describe("duban merge and a master cell it cannot write", () => {
  // D2 is the master of a formula D3 shares: a value there would take D3's formula away. Gnumeric and
  // LibreOffice write filled-down formulas this way.
  const row = (r: number, task: string, status: string) =>
    `<row r="${r}">${text(`A${r}`, task)}${text(`B${r}`, "甲")}${text(`C${r}`, "2026-12-31")}${status}</row>`;
  const header = `<row r="1">${text("A1", "工作任务")}${text("B1", "责任单位")}${text("C1", "完成时限")}${text("D1", "完成情况")}</row>`;
  const sheet = (d2: string, d3: string) =>
    `<worksheet xmlns="${MAIN}"><sheetData>${header}${row(2, "安全检查", d2)}${row(3, "隐患排查", d3)}</sheetData></worksheet>`;

  test("the answer for it is reported as formulaCell, the others are written", async () => {
    const master = path.join(dir, "formula-master.xlsx");
    const answer = path.join(dir, "formula-answer.xlsx");
    const merged = path.join(dir, "formula-merged.xlsx");
    writeFileSync(
      master,
      oneSheetWorkbook(
        sheet(
          `<c r="D2" t="str"><f t="shared" ref="D2:D3" si="0">"进行中"</f><v>进行中</v></c>`,
          `<c r="D3" t="str"><f t="shared" si="0"/><v>进行中</v></c>`,
        ),
      ),
    );
    writeFileSync(answer, oneSheetWorkbook(sheet(text("D2", "已完成"), text("D3", "已完成"))));
    const { code, stdout } = await run(["merge", master, answer, "--out", merged]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/改动 1 处，未采用 1 处/);
    const workbook = await readWorkbookBytes(readFileSync(merged), "formula-merged.xlsx");
    const cells = (name: string) => workbook.sheets.find((s) => s.name === name)!.rows;
    expect(cells("任务").map((r) => r?.[3])).toEqual(["完成情况", "进行中", "已完成"]);
    const feedback = Array.from(cells("反馈情况"), (r) => Array.from(r ?? [], (c) => c ?? "").join("|"));
    expect(feedback.find((line) => line.startsWith("D2|"))).toMatch(
      /安全检查\|完成情况\|主表中该单元格是其他单元格共用的公式/,
    );
    expect(feedback.find((line) => line.startsWith("D3|"))).toMatch(/隐患排查\|完成情况\|进行中\|已完成/);
  });
});
