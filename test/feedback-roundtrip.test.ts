// 反馈汇总 end to end with programs other than Duban: the sample's notices answered as units answer them
// (openpyxl typing into the notice or into a copy of the master, one return saved again by LibreOffice, one
// return damaged, one from the round before), merged by `duban merge`, and every cell, conflict, count,
// highlight and cleared part of the result held against what the scenario asks for.

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import {
  buildSampleWorkbook,
  SAMPLE_COLUMNS,
  SAMPLE_HEADER_ROW,
  SAMPLE_SHEET,
} from "../scripts/sample-workbook";
import { parseIsoDay } from "../src/core/day";
import { CATALOGUES } from "../src/core/i18n";
import { concatText, HIGHLIGHT_KINDS } from "../src/core/output/highlights";
import { MARKS_SHEET } from "../src/core/output/record";
import type { Report } from "../src/core/report";
import { cellPosition, columnIndex, type CellValue } from "../src/core/workbook";
import { readWorkbookBytes } from "../src/hosts/xlsx";
import { attributeOf, childNamed, childrenNamed, parseXml, type XmlElement } from "../src/hosts/xlsx/xml";
import { convertWithLibreOffice, findSoffice } from "./helpers/libreoffice";
import { changedParts, partBytes, PYTHON, pythonMissing, workbookParts } from "./helpers/package-checks";
import { runCli } from "./helpers/run-cli";

const AS_OF = "2026-11-18";
const ROUND_1 = "2026-11-04";
const ANSWERER = path.join(__dirname, "helpers", "answer-returns.py");
const WORDS = CATALOGUES["zh-CN"];
const FEEDBACK = WORDS.output.feedback;
const PYTHON_ENV = { ...process.env, PYTHONIOENCODING: "utf-8", PYTHONWARNINGS: "ignore" };

const soffice = findSoffice();
const missing =
  pythonMissing(["openpyxl"]) ??
  (soffice ? undefined : "LibreOffice (soffice): apt-get install -y libreoffice-calc-nogui");

/** A value as openpyxl types it in and reads it back: a date is a date cell. */
type Typed = string | number | boolean | null | { readonly date: string };
type Header = "完成情况" | "完成日期" | "备注" | "完成时限";

/** The sample's column of each header a return touches. */
const LETTER: Readonly<Record<Header, string>> = {
  完成情况: SAMPLE_COLUMNS.status,
  完成日期: SAMPLE_COLUMNS.doneDate,
  备注: SAMPLE_COLUMNS.note,
  完成时限: SAMPLE_COLUMNS.deadline,
};
const FIELD: Readonly<Record<Header, keyof typeof WORDS.fields>> = {
  完成情况: "status",
  完成日期: "doneDate",
  备注: "note",
  完成时限: "deadline",
};

/**
 * What becomes of one typed cell: written into the master (once, where two returns agree on it), reported with
 * why, or neither (an answer in a row whose protected field was edited: the edit is what is reported).
 */
type Fate = "applied" | "appliedOnce" | "rowWithheld" | keyof typeof FEEDBACK.reasons;

interface Answer {
  readonly task: string;
  /** The row's unit in the master (the answering unit's own, unless it strays). */
  readonly unit: string;
  readonly header: Header;
  readonly value: Typed;
  readonly fate: Fate;
}

interface Return {
  /** The returned file's name, as the merge reports it. */
  readonly file: string;
  /** The unit that sends it. */
  readonly unit: string;
  /** What was answered: a notice of round 1 or 2, or a full copy of the master. */
  readonly from: "round1" | "round2" | "master";
  /** Saved by openpyxl, or by openpyxl and then again by LibreOffice. */
  readonly via: "openpyxl" | "libreoffice";
  readonly answers: readonly Answer[];
}

const DONE = "已完成";
const date = (iso: string) => ({ date: iso });

/**
 * The units' returns. Not answering at all: 综采一队, 掘进二队, 运输队, 调度室, 地测科, 综采1队, 掘进二对 and
 * 安全科, whose only return is damaged. 掘进一队's full copy of the master both answers its own rows and edits
 * another unit's; 综合办公室's full copy edits only its own rows.
 */
const RETURNS: readonly Return[] = [
  {
    file: "督办单-机电科.xlsx",
    unit: "机电科",
    from: "round2",
    via: "openpyxl",
    // Two of its eleven rows, both overdue.
    answers: [
      { task: "加强设备全生命周期管理", unit: "机电科", header: "完成情况", value: DONE, fate: "applied" },
      {
        task: "加强设备全生命周期管理",
        unit: "机电科",
        header: "完成日期",
        value: date("2026-11-16"),
        fate: "applied",
      },
      {
        task: "加强设备全生命周期管理",
        unit: "机电科",
        header: "备注",
        value: "设备已到货，安装调试完毕",
        fate: "applied",
      },
      { task: "落实材料消耗定额管理", unit: "机电科", header: "完成情况", value: DONE, fate: "applied" },
      {
        task: "落实材料消耗定额管理",
        unit: "机电科",
        header: "完成日期",
        value: date("2026-11-17"),
        fate: "applied",
      },
    ],
  },
  {
    file: "督办单-生产技术科.xlsx",
    unit: "生产技术科",
    from: "round2",
    via: "openpyxl",
    answers: [
      // A deadline moved: the row's answer is not taken, only its edit is reported.
      {
        task: "开展矿压观测与分析",
        unit: "生产技术科",
        header: "完成时限",
        value: date("2026-12-31"),
        fate: "protectedField",
      },
      {
        task: "开展矿压观测与分析",
        unit: "生产技术科",
        header: "备注",
        value: "申请延期至年底",
        fate: "rowWithheld",
      },
      {
        task: "推进智能化综采工作面建设",
        unit: "生产技术科",
        header: "完成情况",
        value: DONE,
        fate: "applied",
      },
      {
        task: "推进智能化综采工作面建设",
        unit: "生产技术科",
        header: "完成日期",
        value: date("2026-11-12"),
        fate: "applied",
      },
    ],
  },
  {
    file: "任务表-掘进一队.xlsx",
    unit: "掘进一队",
    from: "master",
    via: "openpyxl",
    answers: [
      { task: "落实材料消耗定额管理", unit: "掘进一队", header: "完成情况", value: DONE, fate: "applied" },
      {
        task: "落实材料消耗定额管理",
        unit: "掘进一队",
        header: "完成日期",
        value: date("2026-11-10"),
        fate: "applied",
      },
      {
        task: "推进党建与安全生产深度融合",
        unit: "掘进一队",
        header: "备注",
        value: "已召开专题推进会",
        fate: "applied",
      },
      { task: "开展主题党日活动", unit: "调度室", header: "完成情况", value: DONE, fate: "otherUnit" },
    ],
  },
  {
    file: "督办单-综采二队.xlsx",
    unit: "综采二队",
    from: "round2",
    via: "openpyxl",
    answers: [
      {
        task: "开展采空区自然发火监测",
        unit: "综采二队",
        header: "完成情况",
        value: DONE,
        fate: "appliedOnce",
      },
      {
        task: "开展采空区自然发火监测",
        unit: "综采二队",
        header: "完成日期",
        value: date("2026-11-10"),
        fate: "disagree",
      },
    ],
  },
  {
    file: "督办单-综采二队-王海涛.xlsx",
    unit: "综采二队",
    from: "round2",
    via: "libreoffice",
    answers: [
      {
        task: "开展采空区自然发火监测",
        unit: "综采二队",
        header: "完成情况",
        value: DONE,
        fate: "appliedOnce",
      },
      {
        task: "开展采空区自然发火监测",
        unit: "综采二队",
        header: "完成日期",
        value: date("2026-11-12"),
        fate: "disagree",
      },
    ],
  },
  {
    file: "督办单-通风科-第1轮.xlsx",
    unit: "通风科",
    from: "round1",
    via: "openpyxl",
    answers: [
      { task: "开展综合防尘专项治理", unit: "通风科", header: "完成情况", value: DONE, fate: "olderRound" },
      {
        task: "开展综合防尘专项治理",
        unit: "通风科",
        header: "完成日期",
        value: date("2026-11-02"),
        fate: "olderRound",
      },
    ],
  },
  {
    file: "任务表-综合办公室.xlsx",
    unit: "综合办公室",
    from: "master",
    via: "openpyxl",
    answers: [
      { task: "规范党费收缴与管理", unit: "综合办公室", header: "完成情况", value: DONE, fate: "applied" },
      {
        task: "规范党费收缴与管理",
        unit: "综合办公室",
        header: "完成日期",
        value: date("2026-11-13"),
        fate: "applied",
      },
    ],
  },
];
/** A notice cut off halfway through, as a mail client leaves an interrupted download. */
const DAMAGED = { file: "督办单-安全科.xlsx", unit: "安全科" };

/** Rows of a sheet as openpyxl reads them: a cell by its A1 reference, empty cells left out. */
type Cells = Record<string, Typed>;
interface Dumped {
  readonly sheets: Array<[string, string]>;
  /** The sheet asked for, as a grid of rows (row 1 first). */
  readonly rows: Typed[][];
  readonly cells: Cells;
}

/** What openpyxl reads of one sheet of each FILE::SHEET given: dates as {date}, every other value as it is. */
const OPENPYXL_DUMP = `
import datetime, json, sys
import openpyxl

def plain(value):
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0):
            return {"date": value.date().isoformat()}
        return {"datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"date": value.isoformat()}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    return str(value)

out = []
for arg in sys.argv[1:]:
    name, sheet_name = arg.split("::")
    wb = openpyxl.load_workbook(name)
    ws = wb[sheet_name]
    rows = [[plain(c.value) for c in row] for row in ws.iter_rows()]
    cells = {c.coordinate: plain(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
    out.append({"sheets": [[s.title, s.sheet_state] for s in wb.worksheets], "rows": rows, "cells": cells})
print(json.dumps(out, ensure_ascii=False))
`;

function openpyxlDump(...sheets: Array<[string, string]>): Dumped[] {
  const stdout = execFileSync(PYTHON, ["-c", OPENPYXL_DUMP, ...sheets.map(([f, s]) => `${f}::${s}`)], {
    encoding: "utf8",
    env: PYTHON_ENV,
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Dumped[];
}

/** The CLI in this process, on the day of round 2 (every command is given its --as-of anyway). */
const duban = (args: string[]) => runCli(args, AS_OF);

const readReport = (file: string) => JSON.parse(readFileSync(file, "utf8")) as Report;

/** The rows of the section under `header` on a generated sheet, up to the first empty row. */
function section(rows: Typed[][], header: readonly string[]): Typed[][] {
  const at = rows.findIndex((row) => header.every((word, i) => row[i] === word));
  if (at < 0) throw new Error(`no section headed ${header.join(", ")}`);
  const end = rows.findIndex((row, i) => i > at && row.every((c) => c === null));
  return rows.slice(at + 1, end < 0 ? rows.length : end).map((row) => row.slice(0, header.length));
}

let work: string;
const state = {} as {
  master: string;
  merged: string;
  cleared: string;
  remerged: string;
  /** The master's bytes before the merge, and after. */
  masterBytes: readonly [Buffer, Buffer];
  masterReport: Report;
  mergedReport: Report;
  remergedReport: Report;
  mergeRun: { code: number; stdout: string; stderr: string };
  remergeRun: { code: number; stdout: string; stderr: string };
  clearRun: { code: number; stdout: string; stderr: string };
  /** The master row of each task and unit the scenario names. */
  rowOf: (task: string, unit: string) => number;
  masterSheet: Dumped;
  mergedSheet: Dumped;
  feedback: Dumped;
  remergedSheet: Dumped;
  refeedback: Dumped;
};

const describeWithTools = missing === undefined ? describe : describe.skip;
if (missing !== undefined && process.env.CI) {
  test("openpyxl and LibreOffice are installed", () => {
    throw new Error(`required under CI for this test: ${missing}`);
  });
}

describeWithTools("units answer their notices, duban merge takes the answers back", () => {
  beforeAll(async () => {
    work = mkdtempSync(path.join(tmpdir(), "duban-feedback-"));
    const master = path.join(work, "master.xlsx");
    await buildSampleWorkbook(parseIsoDay(AS_OF)!).xlsx.writeFile(master);
    const rounds = { round1: path.join(work, "round1"), round2: path.join(work, "round2") };
    for (const [dir, asOf] of [
      [rounds.round1, ROUND_1],
      [rounds.round2, AS_OF],
    ] as const) {
      const made = await duban(["notices", master, "--out-dir", dir, "--as-of", asOf]);
      expect({ code: made.code, stderr: made.stderr }).toEqual({ code: 0, stderr: "" });
    }

    // Each unit's clerk types into its own copy; the LibreOffice one is answered first, then saved again.
    const answered = path.join(work, "answered");
    const resaved = path.join(work, "resaved");
    mkdirSync(answered);
    mkdirSync(resaved);
    const source = (r: Return) =>
      r.from === "master" ? master : path.join(rounds[r.from], `督办单-${r.unit}.xlsx`);
    const jobs = RETURNS.map((r) => ({
      in: source(r),
      out: path.join(answered, r.file),
      ...(r.from === "master" ? { sheet: SAMPLE_SHEET } : {}),
      edits: groupedEdits(r),
    }));
    const jobsFile = path.join(work, "jobs.json");
    writeFileSync(jobsFile, JSON.stringify(jobs));
    const typed = JSON.parse(
      execFileSync(PYTHON, [ANSWERER, jobsFile], { encoding: "utf8", env: PYTHON_ENV }),
    ) as Array<{ cells: string[] }>;
    expect(typed.map((t) => t.cells.length)).toEqual(RETURNS.map((r) => r.answers.length));
    const returns: string[] = [];
    for (const r of RETURNS) {
      const file = path.join(answered, r.file);
      returns.push(
        r.via === "libreoffice" ? await convertWithLibreOffice(soffice!, file, "xlsx", resaved) : file,
      );
    }
    const damaged = path.join(answered, DAMAGED.file);
    const whole = readFileSync(path.join(rounds.round2, `督办单-${DAMAGED.unit}.xlsx`));
    writeFileSync(damaged, whole.subarray(0, Math.floor(whole.length / 2)));
    returns.push(damaged);

    const merged = path.join(work, "merged.xlsx");
    const cleared = path.join(work, "cleared.xlsx");
    const remerged = path.join(work, "remerged.xlsx");
    const json = (name: string) => path.join(work, `${name}.json`);
    const masterBefore = readFileSync(master);
    const checkRun = await duban(["check", master, "--as-of", AS_OF, "--json", json("master")]);
    expect(checkRun.code).toBe(1);
    const mergeRun = await duban([
      "merge",
      master,
      ...returns,
      "--out",
      merged,
      "--as-of",
      AS_OF,
      "--json",
      json("merged"),
    ]);
    const clearRun = await duban(["clear", merged, "--out", cleared]);
    const round1Return = returns[RETURNS.findIndex((r) => r.from === "round1")]!;
    const remergeRun = await duban([
      "merge",
      merged,
      round1Return,
      "--out",
      remerged,
      "--as-of",
      AS_OF,
      "--json",
      json("remerged"),
    ]);

    const [masterSheet, mergedSheet, feedback, remergedSheet, refeedback] = openpyxlDump(
      [master, SAMPLE_SHEET],
      [merged, SAMPLE_SHEET],
      [merged, WORDS.output.sheetNames.feedback],
      [remerged, SAMPLE_SHEET],
      [remerged, WORDS.output.sheetNames.feedback],
    );
    const taskColumn = SAMPLE_COLUMNS.task;
    const unitColumn = SAMPLE_COLUMNS.unit;
    const rowOf = (task: string, unit: string) => {
      const rows: number[] = [];
      for (let r = SAMPLE_HEADER_ROW + 1; r <= masterSheet!.rows.length; r++)
        if (
          masterSheet!.cells[`${taskColumn}${r}`] === task &&
          masterSheet!.cells[`${unitColumn}${r}`] === unit
        )
          rows.push(r);
      if (rows.length !== 1) throw new Error(`${task} / ${unit} is on master rows ${rows.join(", ")}`);
      return rows[0]!;
    };
    Object.assign(state, {
      master,
      merged,
      cleared,
      remerged,
      masterBytes: [masterBefore, readFileSync(master)],
      masterReport: readReport(json("master")),
      mergedReport: readReport(json("merged")),
      remergedReport: readReport(json("remerged")),
      mergeRun,
      remergeRun,
      clearRun,
      rowOf,
      masterSheet,
      mergedSheet,
      feedback,
      remergedSheet,
      refeedback,
    });
  }, 180_000);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Every master cell the scenario changes, with its new value. */
  const appliedCells = () => {
    const cells = new Map<string, Typed>();
    for (const r of RETURNS)
      for (const a of r.answers)
        if (a.fate === "applied" || a.fate === "appliedOnce")
          cells.set(`${LETTER[a.header]}${state.rowOf(a.task, a.unit)}`, a.value);
    return cells;
  };

  test("the merge ran, and the runs after it; the master was not written", () => {
    expect(state.masterBytes[1].equals(state.masterBytes[0])).toBe(true);
    expect({ code: state.mergeRun.code, stderr: state.mergeRun.stderr }).toEqual({ code: 1, stderr: "" });
    expect({ code: state.clearRun.code, stderr: state.clearRun.stderr }).toEqual({ code: 0, stderr: "" });
    expect({ code: state.remergeRun.code, stderr: state.remergeRun.stderr }).toEqual({ code: 1, stderr: "" });
  });

  test("every cell of the merged task sheet is the master's, except exactly the answers applied", () => {
    const expected: Cells = { ...state.masterSheet.cells };
    for (const [ref, value] of appliedCells()) expected[ref] = value;
    expect(state.mergedSheet.cells).toEqual(expected);
    // The scenario's answers are not all the master's already: each applied one is a change.
    for (const ref of appliedCells().keys())
      expect({ ref, value: state.masterSheet.cells[ref] }).not.toEqual({ ref, value: expected[ref] });
  });

  test("openpyxl opens the merged workbook and finds the Feedback sheet last", () => {
    const names = state.feedback.sheets.map(([name]) => name);
    expect(names[0]).toBe(SAMPLE_SHEET);
    expect(names.filter((n) => !n.startsWith("_")).pop()).toBe(WORDS.output.sheetNames.feedback);
  });

  test("every answer not applied is on the Feedback sheet with its reason, and nothing else is", () => {
    const rows = section(state.feedback.rows, FEEDBACK.rejectedHeader);
    const reasonOf = (text: Typed) =>
      (Object.keys(FEEDBACK.reasons) as Array<keyof typeof FEEDBACK.reasons>).find((reason) =>
        String(text).startsWith(FEEDBACK.reasons[reason]),
      );
    const seen = rows.map(([cell, task, field, reason, , returned, file]) => ({
      cell,
      task,
      field,
      reason: reasonOf(reason!),
      returned,
      file,
    }));
    const expected = RETURNS.flatMap((r) =>
      r.answers
        .filter((a) => a.fate !== "applied" && a.fate !== "appliedOnce" && a.fate !== "rowWithheld")
        .map((a) => ({
          cell: `${LETTER[a.header]}${state.rowOf(a.task, a.unit)}`,
          task: a.task,
          field: WORDS.fields[FIELD[a.header]],
          reason: a.fate,
          returned: a.value,
          file: r.file,
        })),
    );
    const order = <T>(list: readonly T[]) =>
      [...list].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(order(seen)).toEqual(order(expected));
    // Two returns that disagree each name the other's file and value.
    const disagree = rows.filter((row) => reasonOf(row[3]!) === "disagree").map((row) => String(row[3]));
    expect(disagree).toEqual([
      expect.stringContaining("督办单-综采二队-王海涛.xlsx"),
      expect.stringContaining("督办单-综采二队.xlsx"),
    ]);
  });

  test("every change is on the Feedback sheet, cell by cell in sheet order, old and new value and file", () => {
    const rows = section(state.feedback.rows, FEEDBACK.changesHeader);
    const expected = new Map<string, Typed[]>();
    for (const r of RETURNS)
      for (const a of r.answers) {
        const ref = `${LETTER[a.header]}${state.rowOf(a.task, a.unit)}`;
        // Two returns agreeing on a cell: the first one given is named.
        if (!a.fate.startsWith("applied") || expected.has(ref)) continue;
        const old = state.masterSheet.cells[ref] ?? null;
        expected.set(ref, [ref, a.task, WORDS.fields[FIELD[a.header]], old, a.value, r.file]);
      }
    const at = (ref: string) => {
      const { row, column } = cellPosition(ref)!;
      return row * 16384 + column;
    };
    expect(rows).toEqual([...expected.values()].sort((a, b) => at(String(a[0])) - at(String(b[0]))));
  });

  test("the damaged file is listed as not used, with its reason", () => {
    const rows = section(state.feedback.rows, FEEDBACK.skippedHeader);
    expect(rows.map(([file, reason]) => [file, reason])).toEqual([
      [DAMAGED.file, FEEDBACK.skippedReasons.damaged],
    ]);
  });

  test("the units that did not answer come first as 未反馈 (the damaged file's unit as such), then who answered, with rows updated and rejected", () => {
    const rows = section(state.feedback.rows, FEEDBACK.unitsHeader);
    const order = state.masterReport.summary.units.map((u) => u.unit);
    const filesOf = (unit: string) => RETURNS.filter((r) => r.unit === unit).map((r) => r.file);
    const rowsWith = (unit: string, fates: readonly Fate[]) =>
      new Set(
        RETURNS.filter((r) => r.unit === unit).flatMap((r) =>
          r.answers.filter((a) => fates.includes(a.fate)).map((a) => state.rowOf(a.task, a.unit)),
        ),
      ).size;
    const line = (unit: string) => {
      const files = filesOf(unit);
      // The damaged file is named after its unit, as its notice was: the unit sent something unusable.
      const unusable = unit === DAMAGED.unit ? [DAMAGED.file] : [];
      return [
        unit,
        files.length > 0
          ? FEEDBACK.answered
          : unusable.length > 0
            ? FEEDBACK.unusableFile
            : FEEDBACK.notAnswered,
        files.length + unusable.length > 0 ? [...files, ...unusable].join("\n") : null,
        rowsWith(unit, ["applied", "appliedOnce"]),
        rowsWith(unit, ["protectedField", "otherUnit", "olderRound", "disagree", "masterChanged", "noMatch"]),
      ];
    };
    const silent = order.filter((u) => filesOf(u).length === 0);
    const answered = order.filter((u) => filesOf(u).length > 0);
    expect(silent).toEqual(expect.arrayContaining(["综采一队", "调度室", DAMAGED.unit, "综采1队"]));
    expect(rows).toEqual([...silent, ...answered].map(line));
  });

  test("the re-check counts follow the answers: each row completed leaves the open and overdue counts", () => {
    const before = state.masterReport.summary;
    const after = state.mergedReport.summary;
    const completed = [
      ...new Map(
        RETURNS.flatMap((r) =>
          r.answers
            .filter((a) => a.header === "完成情况" && a.value === DONE && a.fate.startsWith("applied"))
            .map(
              (a) =>
                [state.rowOf(a.task, a.unit), { unit: a.unit, row: state.rowOf(a.task, a.unit) }] as const,
            ),
        ),
      ).values(),
    ];
    const overdueRows = new Set(
      state.masterReport.issues.filter((i) => i.rule === "overdue").map((i) => i.row),
    );
    const wasOverdue = completed.filter((c) => overdueRows.has(c.row));
    expect({ completed: completed.length, overdue: wasOverdue.length }).toEqual({ completed: 6, overdue: 4 });
    expect(after.total).toMatchObject({
      tasks: before.total.tasks,
      done: before.total.done + completed.length,
      open: before.total.open - completed.length,
      overdue: before.total.overdue - wasOverdue.length,
    });
    const unitOf = (summary: Report["summary"], unit: string) => summary.units.find((u) => u.unit === unit)!;
    for (const { unit } of before.units) {
      const done = completed.filter((c) => c.unit === unit).length;
      const late = wasOverdue.filter((c) => c.unit === unit).length;
      expect({ unit, ...pick(unitOf(after, unit)) }).toEqual({
        unit,
        tasks: unitOf(before, unit).tasks,
        done: unitOf(before, unit).done + done,
        open: unitOf(before, unit).open - done,
        overdue: unitOf(before, unit).overdue - late,
      });
    }
    // No overdue finding is left on a completed row.
    const stillOverdue = new Set(
      state.mergedReport.issues.filter((i) => i.rule === "overdue").map((i) => i.row),
    );
    expect(completed.filter((c) => stillOverdue.has(c.row))).toEqual([]);
  });

  test("the cells the merge wrote are highlighted: the merged kind's keys where no finding colours the cell", async () => {
    const model = await readWorkbookBytes(new Uint8Array(readFileSync(state.merged)), "merged.xlsx");
    const marks = model.sheets.find((s) => s.name === MARKS_SHEET)!;
    const task = model.sheets.find((s) => s.name === SAMPLE_SHEET)!;
    // A column per kind present, in order of urgency: every kind is present in this merge.
    const width = Math.max(...marks.rows.map((r) => r?.length ?? 0));
    expect(width).toBe(HIGHLIGHT_KINDS.length);
    const column = (kind: (typeof HIGHLIGHT_KINDS)[number]) =>
      new Set(
        marks.rows
          .map((r) => r?.[HIGHLIGHT_KINDS.indexOf(kind)])
          .filter((k): k is string => typeof k === "string"),
      );
    const keyColumns = [
      SAMPLE_COLUMNS.task,
      SAMPLE_COLUMNS.unit,
      SAMPLE_COLUMNS.deadline,
      SAMPLE_COLUMNS.status,
      SAMPLE_COLUMNS.doneDate,
    ].map((letter) => columnIndex(letter)!);
    const keyOf = (ref: string) => {
      const { row, column: c } = cellPosition(ref)!;
      const cells = task.rows[row] ?? [];
      return [
        ...keyColumns.map((k) => concatText((cells[k] ?? null) as CellValue, false)),
        String(c + 1),
      ].join("|");
    };
    const flagged = new Set(
      state.mergedReport.issues.filter((i) => i.sheet === SAMPLE_SHEET && i.cell).map((i) => i.cell!),
    );
    const written = [...appliedCells().keys()];
    expect(column("merged")).toEqual(new Set(written.filter((ref) => !flagged.has(ref)).map(keyOf)));
    // A written cell with a finding shows the finding's colour instead; every written cell has one or the other.
    const anyKind = new Set(HIGHLIGHT_KINDS.flatMap((kind) => [...column(kind)]));
    expect(written.filter((ref) => !anyKind.has(keyOf(ref)))).toEqual([]);
  });

  test("clear gives back the master's own parts: only the written cells of the task sheet differ", () => {
    const changes = changedParts(state.master, state.cleared);
    const parts = workbookParts(state.master);
    const sheetPart = parts.sheets.find((s) => s.name === SAMPLE_SHEET)!.part;
    const stylesPart = parts.styles!;
    expect({ added: changes.added, removed: changes.removed }).toEqual({ added: [], removed: [] });
    expect(changes.changed).toEqual([sheetPart]);
    const text = (file: string) => new TextDecoder().decode(partBytes(file).get(sheetPart));
    const before = text(state.master);
    const after = text(state.cleared);
    const written = appliedCells();
    // The cleared sheet with each written cell put back as the master has it is the master's sheet, byte for byte.
    const cellsOf = (xml: string) => {
      const root = parseXml(xml, sheetPart).root;
      const data = childNamed(root, root.uri, "sheetData")!;
      const byRef = new Map<string, XmlElement>();
      for (const row of childrenNamed(data, root.uri, "row"))
        for (const c of childrenNamed(row, root.uri, "c")) byRef.set(attributeOf(c, "r")!, c);
      return byRef;
    };
    const formats = cellFormats(new TextDecoder().decode(partBytes(state.master).get(stylesPart)));
    const old = cellsOf(before);
    const now = cellsOf(after);
    const splices = [...written.keys()]
      .map((ref) => {
        const cell = now.get(ref);
        if (!cell) throw new Error(`${ref} is not in the cleared sheet`);
        const was = old.get(ref);
        // Each written cell keeps its own style; a date typed where the style shows none takes that style with
        // the date format the column's other dates show.
        const style = (c: XmlElement | undefined) => Number(c ? (attributeOf(c, "s") ?? 0) : 0);
        const kept = formats.apart(style(was));
        const given = formats.apart(style(cell));
        if (typeof written.get(ref) === "object" && style(cell) !== style(was)) {
          expect({ ref, ...given, numFmt: undefined }).toEqual({ ref, ...kept, numFmt: undefined });
          expect({ ref, numFmt: given.numFmt }).toEqual({ ref, numFmt: "yyyy-mm-dd" });
        } else expect({ ref, s: style(cell) }).toEqual({ ref, s: style(was) });
        // The merge's value stays: clear takes away Duban's marks and sheets, not the answers.
        expect({
          ref,
          same: was !== undefined && after.slice(cell.start, cell.end) === before.slice(was.start, was.end),
        }).toEqual({ ref, same: false });
        return { start: cell.start, end: cell.end, text: was ? before.slice(was.start, was.end) : "" };
      })
      .sort((a, b) => b.start - a.start);
    let restored = after;
    for (const s of splices) restored = restored.slice(0, s.start) + s.text + restored.slice(s.end);
    expect(restored === before).toBe(true);
  });

  test("a second merge of the round-1 return into the merged workbook: every answer olderRound, nothing changed", () => {
    const older = RETURNS.find((r) => r.from === "round1")!;
    const rows = section(state.refeedback.rows, FEEDBACK.rejectedHeader);
    expect(rows.map(([, task, field, reason, , , file]) => [task, field, reason, file])).toEqual(
      older.answers.map((a) => [
        a.task,
        WORDS.fields[FIELD[a.header]],
        FEEDBACK.reasons.olderRound,
        older.file,
      ]),
    );
    expect(section(state.refeedback.rows, FEEDBACK.changesHeader)).toEqual([
      [FEEDBACK.noChanges, null, null, null, null, null],
    ]);
    expect(state.remergedSheet.cells).toEqual(state.mergedSheet.cells);
    expect(state.remergedReport.summary).toEqual(state.mergedReport.summary);
  });
});

/** The edits of a return by row, in the answering script's shape: a notice's row by task, a copy's by task and unit. */
function groupedEdits(r: Return): Array<{ task: string; unit?: string; values: Record<string, Typed> }> {
  const edits: Array<{ task: string; unit?: string; values: Record<string, Typed> }> = [];
  for (const a of r.answers) {
    let edit = edits.find((e) => e.task === a.task && (e.unit ?? r.unit) === a.unit);
    if (!edit)
      edits.push((edit = { task: a.task, ...(r.from === "master" ? { unit: a.unit } : {}), values: {} }));
    edit.values[a.header] = a.value;
  }
  return edits;
}

function pick(line: Report["summary"]["units"][number]) {
  return { tasks: line.tasks, done: line.done, open: line.open, overdue: line.overdue };
}

/** The master's cell formats: each one's number format code, and the rest of it as written (for comparing). */
function cellFormats(xml: string): { apart: (index: number) => { numFmt: string; rest: string } } {
  const root = parseXml(xml, "styles.xml").root;
  const codes = new Map<string, string>([["0", "General"]]);
  for (const f of childrenNamed(childNamed(root, root.uri, "numFmts")!, root.uri, "numFmt"))
    codes.set(attributeOf(f, "numFmtId")!, attributeOf(f, "formatCode")!);
  const xfs = childrenNamed(childNamed(root, root.uri, "cellXfs")!, root.uri, "xf");
  return {
    apart: (index) => {
      const xf = xfs[index]!;
      const id = attributeOf(xf, "numFmtId") ?? "0";
      const attributes = xf.attributes
        .filter((a) => a.name !== "numFmtId" && a.name !== "applyNumberFormat")
        .map((a) => `${a.name}=${a.value}`);
      return { numFmt: codes.get(id) ?? id, rest: [...attributes, xml.slice(xf.openEnd, xf.end)].join(" ") };
    },
  };
}
