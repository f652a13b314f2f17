// `npm run screenshots`: pictures of a checked sample as LibreOffice renders it, for docs/ and the README.
// Needs soffice (libreoffice-calc-nogui), pdftoppm (poppler-utils) and a CJK font (fonts-noto-cjk).

import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { crc32, deflateSync } from "node:zlib";
import { main } from "../src/cli/main";
import {
  CATALOGUES,
  formatDay,
  parseIsoDay,
  readNoticeRecord,
  type CellValue,
  type NoticeRow,
} from "../src/core";
import { readPackage, setCellValues } from "../src/hosts/xlsx";
import { NODE_CODEC } from "../src/hosts/xlsx/node-codec";
import { OpcPackage } from "../src/hosts/xlsx/package";
import { WorkbookParts } from "../src/hosts/xlsx/write/workbook";
import { writeRecurringWorkbook } from "../test/fixtures/recurring-workbook";
import { buildSampleWorkbook } from "./sample-workbook";

const AS_OF = "2026-11-18";
/** Two later checks of the checked copy, so that 考核记录's lines have three points. */
const LATER = ["2026-12-02", "2026-12-16"];
const docs = path.resolve(__dirname, "../../docs");
const work = mkdtempSync(path.join(tmpdir(), "duban-shots-"));

/** A copy of the workbook holding only `sheet` (LibreOffice prints hidden sheets too), so the PDF shows just it. */
function onlySheet(bytes: Uint8Array, sheet: string): Uint8Array {
  const pkg = OpcPackage.open(bytes, "checked.xlsx", NODE_CODEC);
  const workbook = new WorkbookParts(pkg);
  // The very hidden marks sheet stays: the highlights are formulas that look at it.
  for (const entry of workbook.sheets()) {
    if (entry.name !== sheet && entry.state !== "veryHidden") workbook.removeSheet(entry.name);
  }
  return pkg.toBytes();
}

function picture(bytes: Uint8Array, name: string, pages = 1): void {
  const xlsx = path.join(work, `${name}.xlsx`);
  writeFileSync(xlsx, bytes);
  execFileSync("soffice", [
    `-env:UserInstallation=${pathToFileURL(path.join(work, "profile")).href}`,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    work,
    xlsx,
  ]);
  // Each page apart (-singlefile prints only the first), stacked into one picture: a chart may print on a
  // page of its own after the table.
  const pdf = path.join(work, `${name}.pdf`);
  const count = Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
  const pictures = Array.from({ length: Math.min(pages, count) }, (_, i) => {
    const page = String(i + 1);
    const file = path.join(work, `${name}-${page}`);
    execFileSync("pdftoppm", [
      "-r",
      "80",
      "-f",
      page,
      "-l",
      page,
      "-singlefile",
      path.join(work, `${name}.pdf`),
      file,
    ]);
    return readPpm(readFileSync(`${file}.ppm`));
  });
  writeFileSync(path.join(docs, `${name}.png`), png(pictures));
  process.stdout.write(`docs/${name}.png\n`);
}

interface Rgb {
  readonly width: number;
  readonly height: number;
  readonly rgb: Uint8Array;
}

function readPpm(bytes: Uint8Array): Rgb {
  const head = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(Buffer.from(bytes.subarray(0, 64)).toString("latin1"))!;
  return { width: Number(head[1]), height: Number(head[2]), rgb: bytes.subarray(head[0].length) };
}

/** A PNG of the pictures one under the other (all as wide as the first: pages of one sheet). */
function png(pictures: readonly Rgb[]): Buffer {
  const { width } = pictures[0]!;
  const height = pictures.reduce((h, p) => h + p.height, 0);
  const raw = Buffer.alloc((width * 3 + 1) * height);
  let y = 0;
  for (const picture of pictures)
    for (let r = 0; r < picture.height; r++, y++) {
      const row = picture.rgb.subarray(
        r * picture.width * 3,
        r * picture.width * 3 + Math.min(width, picture.width) * 3,
      );
      raw.set(row, y * (width * 3 + 1) + 1);
    }
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

async function screenshots(): Promise<void> {
  mkdirSync(docs, { recursive: true });
  const input = path.join(work, "sample.xlsx");
  await buildSampleWorkbook(parseIsoDay(AS_OF)!).xlsx.writeFile(input);
  for (const [locale, suffix] of [
    ["zh-CN", ""],
    ["en-US", "-en"],
  ] as const) {
    const out = path.join(work, `checked${suffix}.xlsx`);
    const sink = { write: () => true };
    await main(["check", input, "--as-of", AS_OF, "--lang", locale, "--out", out], {
      stdout: sink,
      stderr: sink,
      today: () => parseIsoDay(AS_OF)!,
    });
    const bytes = readFileSync(out);
    const names = new WorkbookParts(OpcPackage.open(bytes, "checked.xlsx", NODE_CODEC))
      .sheets()
      .map((s) => s.name);
    const sheetNames = CATALOGUES[locale].output.sheetNames;
    if (suffix === "") {
      picture(onlySheet(bytes, names[0]!), "task-sheet-highlighted");
      picture(onlySheet(bytes, sheetNames.issues), "issues");
      picture(onlySheet(bytes, sheetNames.ranking), "ranking");
      picture(onlySheet(bytes, sheetNames.notices), "notices");
      // The first page: the legend, the weeks and today's column over the first units' tasks.
      picture(onlySheet(bytes, sheetNames.progress), "progress");
      await historyPicture(out);
    }
    // Every page: the tables, the bulletin and the chart, which starts a page when it may not fit under them.
    picture(onlySheet(bytes, sheetNames.summary), `summary${suffix}`, Infinity);
  }
  await feedbackPictures(input);
  await omissionsPicture();
  rmSync(work, { recursive: true, force: true });
}

/** 考核记录 after the checked copy is checked again on each of the LATER days: its table and its line chart. */
async function historyPicture(checked: string): Promise<void> {
  let from = checked;
  for (const day of LATER) {
    const out = path.join(work, `checked-${day}.xlsx`);
    const asOf = parseIsoDay(day)!;
    const sink = { write: () => true };
    await main(["check", from, "--as-of", day, "--out", out], {
      stdout: sink,
      stderr: sink,
      today: () => asOf,
    });
    from = out;
  }
  // Two pages: the table, then the chart on a page of its own.
  picture(onlySheet(readFileSync(from), CATALOGUES["zh-CN"].output.sheetNames.history), "history", 2);
}

/** 漏项清单: a specification of recurring work checked against its ledger (the test fixture, with planted gaps). */
async function omissionsPicture(): Promise<void> {
  const input = path.join(work, "recurring.xlsx");
  const fixture = await writeRecurringWorkbook(input);
  const day = formatDay(fixture.asOf);
  const out = path.join(work, "recurring-checked.xlsx");
  const sink = { write: () => true };
  await main(["check", input, "--as-of", day, "--out", out], {
    stdout: sink,
    stderr: sink,
    today: () => fixture.asOf,
  });
  picture(onlySheet(readFileSync(out), CATALOGUES["zh-CN"].output.sheetNames.omissions), "omissions");
}

/**
 * The loop of 反馈: a unit's notice as it arrives, and the Feedback sheet after three units answered, one of
 * them editing a deadline (reported, not applied).
 */
async function feedbackPictures(master: string): Promise<void> {
  const asOf = parseIsoDay(AS_OF)!;
  const io = { stdout: { write: () => true }, stderr: { write: () => true }, today: () => asOf };
  const notices = path.join(work, "notices");
  await main(["notices", master, "--out-dir", notices, "--as-of", AS_OF], io);
  const noticeOf = (unit: string) => path.join(notices, `督办单-${unit}.xlsx`);
  picture(readFileSync(noticeOf("机电科")), "notice-to-answer");
  const answered = [
    await answer(noticeOf("机电科"), (row, i) =>
      i < 2 ? { status: "已完成", doneDate: { day: asOf }, note: "已验收" } : {},
    ),
    await answer(noticeOf("通风科"), (row, i) =>
      i === 0 ? { status: "已完成", doneDate: { day: asOf } } : {},
    ),
    await answer(noticeOf("综采一队"), (row, i) =>
      i === 0 ? { status: "进行中", deadline: "2026-12-31" } : {},
    ),
  ];
  const merged = path.join(work, "merged.xlsx");
  await main(["merge", master, ...answered, "--out", merged, "--as-of", AS_OF], io);
  picture(onlySheet(readFileSync(merged), "反馈情况"), "feedback");
}

/** A unit's notice with its answer cells filled in as `fill` says, row by row, saved beside it. */
async function answer(
  file: string,
  fill: (
    row: NoticeRow,
    index: number,
  ) => Partial<Record<"status" | "doneDate" | "note" | "deadline", CellValue>>,
): Promise<string> {
  const pkg = OpcPackage.open(readFileSync(file), file, NODE_CODEC);
  const record = readNoticeRecord(await readPackage(pkg, file))!;
  const edits = record.rows.flatMap((row, i) =>
    Object.entries(fill(row, i)).flatMap(([field, value]) => {
      const column = record.columns[field as keyof typeof record.columns];
      return column === undefined ? [] : [{ row: row.noticeRow, column, value: value! }];
    }),
  );
  setCellValues(pkg, record.noticeSheet, edits);
  const out = file.replace(/\.xlsx$/, "-answered.xlsx");
  writeFileSync(out, pkg.toBytes());
  return out;
}

void screenshots();
