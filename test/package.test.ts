// OpcPackage and writeFileWhole: a workbook written back with a few parts patched keeps every other entry exactly
// as it was stored, whoever wrote it (ExcelJS in memory or streaming, fflate stored, LibreOffice, zip64).

import { randomBytes } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join, relative } from "node:path";
import { crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { stream, Workbook } from "exceljs";
import fc from "fast-check";
import { strToU8, unzipSync, zipSync } from "fflate";
import { readWorkbookBytes, WorkbookInputError } from "../src/hosts/xlsx";

/** ExcelJS types its buffers as its own ArrayBuffer-like interface; Node Buffers are what it takes. */
type ExcelBuffer = Parameters<Workbook["xlsx"]["load"]>[0];
import { WorkbookOutputError } from "../src/hosts/xlsx/errors";
import { NODE_CODEC } from "../src/hosts/xlsx/node-codec";
import { crc32, OpcPackage } from "../src/hosts/xlsx/package";
import { isSameFile, writeAll, writeFileWhole } from "../src/hosts/xlsx/write-file";
import { listZipEntries } from "../src/hosts/xlsx/zip";
import { countingCodec } from "./helpers/counting-codec";
import { convertWithLibreOffice, testWithLibreOffice } from "./helpers/libreoffice";

const TMP = join(__dirname, ".tmp", `package-${process.pid}`);
const MB = 1024 * 1024;

beforeAll(() => mkdirSync(TMP, { recursive: true }));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

// A 1x1 PNG, so the fixture has a drawing and an image (parts ExcelJS models, but a raw copy must not touch).
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

function fillWorkbook(workbook: Workbook): void {
  const tasks = workbook.addWorksheet("任务表");
  tasks.addRow(["序号", "任务", "责任单位", "完成时限", "数量"]);
  for (let i = 1; i <= 20; i++)
    tasks.addRow([i, `任务${i}`, `综采${i % 3}队`, new Date(Date.UTC(2026, 2, i)), i * 1000 + 7]);
  tasks.getCell("B2").note = "批注：请按时完成";
  tasks.getCell("C3").dataValidation = {
    type: "list",
    allowBlank: true,
    formulae: ['"综采0队,综采1队,综采2队"'],
  };
  const image = workbook.addImage({ buffer: PNG as unknown as ExcelBuffer, extension: "png" });
  tasks.addImage(image, "G2:H4");
  const other = workbook.addWorksheet("其他");
  other.getCell("A1").value = "不动的表";
  other.getCell("B2").value = 42;
}

async function excelJsBytes(): Promise<Uint8Array> {
  const workbook = new Workbook();
  fillWorkbook(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function excelJsStreamBytes(): Promise<Uint8Array> {
  const file = join(TMP, `stream-${randomBytes(4).toString("hex")}.xlsx`);
  const workbook = new stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet("任务表");
  sheet.addRow(["序号", "任务", "数量"]).commit();
  for (let i = 1; i <= 500; i++) sheet.addRow([i, `任务${i}`, i * 1000 + 7]).commit();
  sheet.commit();
  const other = workbook.addWorksheet("其他");
  other.addRow(["不动的表", 42]).commit();
  other.commit();
  await workbook.commit();
  return new Uint8Array(readFileSync(file));
}

/** The ExcelJS workbook's parts re-zipped by fflate with every entry stored (method 0). */
async function fflateStoredBytes(): Promise<Uint8Array> {
  return zipSync(unzipSync(await excelJsBytes()), { level: 0 });
}

/** What the central directory says, with each entry's raw (compressed) bytes and its CRC. */
interface Listed {
  readonly name: string;
  readonly method: number;
  readonly raw: Uint8Array;
  readonly crc: number;
  readonly flags: number;
  readonly localFlags: number;
  readonly localSizes: readonly [number, number];
  readonly uncompressedSize: number;
}

function list(bytes: Uint8Array): Listed[] {
  const entries = listZipEntries(bytes);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22 - findCommentLength(bytes);
  let p = view.getUint32(end + 16, true);
  if (p === 0xffffffff) p = Number(view.getBigUint64(view.getUint32(end - 20 + 8, true) + 48, true));
  return entries.map((entry) => {
    const local = view.getUint32(p + 42, true);
    const listed: Listed = {
      name: entry.name,
      method: entry.method,
      raw: bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize),
      crc: view.getUint32(p + 16, true),
      flags: view.getUint16(p + 8, true),
      localFlags: local === 0xffffffff ? -1 : view.getUint16(local + 6, true),
      localSizes:
        local === 0xffffffff
          ? [-1, -1]
          : [view.getUint32(local + 18, true), view.getUint32(local + 22, true)],
      uncompressedSize: entry.uncompressedSize,
    };
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
    return listed;
  });
}

function findCommentLength(bytes: Uint8Array): number {
  for (let n = 0; n <= 0xffff && n + 22 <= bytes.length; n++) {
    const p = bytes.length - 22 - n;
    if (bytes[p] === 0x50 && bytes[p + 1] === 0x4b && bytes[p + 2] === 5 && bytes[p + 3] === 6) return n;
  }
  throw new Error("no end record");
}

/** Every part inflated, checked against its CRC, and the local headers agreeing with the directory. */
function contents(bytes: Uint8Array): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  for (const entry of list(bytes)) {
    const data = entry.method === 8 ? inflateRawSync(entry.raw) : Buffer.from(entry.raw);
    expect(data.length).toBe(entry.uncompressedSize);
    expect(zlibCrc32(data)).toBe(entry.crc);
    parts.set(entry.name, data);
  }
  return parts;
}

/** A package as written by toBytes: no data descriptor, sizes in the local headers. */
function expectPlainHeaders(bytes: Uint8Array): void {
  for (const entry of list(bytes)) {
    expect(entry.flags & 8).toBe(0);
    expect(entry.localFlags).toBe(entry.flags);
    expect(entry.localSizes).toEqual([entry.raw.length, entry.uncompressedSize]);
  }
}

/** Unchanged round trip: same names in the same order, same methods, CRCs and raw compressed bytes. */
function expectRawCopy(input: Uint8Array, output: Uint8Array, except: readonly string[] = []): void {
  const before = list(input).filter((entry) => !except.includes(entry.name));
  const after = new Map(list(output).map((entry) => [entry.name, entry]));
  for (const entry of before) {
    const copy = after.get(entry.name);
    expect(copy).toBeDefined();
    expect(copy?.method).toBe(entry.method);
    expect(copy?.crc).toBe(entry.crc);
    expect(Buffer.from(copy?.raw ?? []).equals(Buffer.from(entry.raw))).toBe(true);
    // The UTF-8 name flag and the deflate option bits stay; only the data descriptor flag goes.
    expect(copy?.flags).toBe(entry.flags & ~8);
  }
}

/** A zip written here, independently of the code under test: zip64 records, data descriptors, or plain. */
function makeZip(
  parts: ReadonlyArray<readonly [string, Uint8Array]>,
  options: { zip64?: boolean; dataDescriptor?: boolean; comment?: string } = {},
): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const push = (chunk: Buffer): void => {
    chunks.push(chunk);
    offset += chunk.length;
  };
  for (const [name, data] of parts) {
    const nameBytes = Buffer.from(name, "utf8");
    const compressed = deflateRawSync(data);
    const crc = zlibCrc32(data);
    const flags = (options.dataDescriptor ? 8 : 0) | 0x800;
    const local = Buffer.alloc(30);
    const localExtra = options.zip64 ? Buffer.alloc(20) : Buffer.alloc(0);
    if (options.zip64) {
      localExtra.writeUInt16LE(1, 0);
      localExtra.writeUInt16LE(16, 2);
      localExtra.writeBigUInt64LE(BigInt(data.length), 4);
      localExtra.writeBigUInt64LE(BigInt(compressed.length), 12);
    }
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(options.zip64 ? 45 : 20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(0x6000, 10);
    local.writeUInt16LE(0x5a71, 12);
    if (!options.dataDescriptor) {
      local.writeUInt32LE(crc, 14);
      local.writeUInt32LE(options.zip64 ? 0xffffffff : compressed.length, 18);
      local.writeUInt32LE(options.zip64 ? 0xffffffff : data.length, 22);
    }
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(localExtra.length, 28);
    const localOffset = offset;
    push(Buffer.concat([local, nameBytes, localExtra, compressed]));
    if (options.dataDescriptor) {
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(compressed.length, 8);
      descriptor.writeUInt32LE(data.length, 12);
      push(descriptor);
    }
    const record = Buffer.alloc(46);
    const extra = options.zip64 ? Buffer.alloc(28) : Buffer.alloc(0);
    if (options.zip64) {
      extra.writeUInt16LE(1, 0);
      extra.writeUInt16LE(24, 2);
      extra.writeBigUInt64LE(BigInt(data.length), 4);
      extra.writeBigUInt64LE(BigInt(compressed.length), 12);
      extra.writeBigUInt64LE(BigInt(localOffset), 20);
    }
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE(0x031e, 4);
    record.writeUInt16LE(options.zip64 ? 45 : 20, 6);
    record.writeUInt16LE(flags, 8);
    record.writeUInt16LE(8, 10);
    record.writeUInt16LE(0x6000, 12);
    record.writeUInt16LE(0x5a71, 14);
    record.writeUInt32LE(crc, 16);
    record.writeUInt32LE(options.zip64 ? 0xffffffff : compressed.length, 20);
    record.writeUInt32LE(options.zip64 ? 0xffffffff : data.length, 24);
    record.writeUInt16LE(nameBytes.length, 28);
    record.writeUInt16LE(extra.length, 30);
    record.writeUInt32LE(0o100644 * 0x10000, 38);
    record.writeUInt32LE(options.zip64 ? 0xffffffff : localOffset, 42);
    central.push(Buffer.concat([record, nameBytes, extra]));
  }
  const directoryOffset = offset;
  for (const record of central) push(record);
  const directorySize = offset - directoryOffset;
  if (options.zip64) {
    const end64 = Buffer.alloc(56);
    end64.writeUInt32LE(0x06064b50, 0);
    end64.writeBigUInt64LE(44n, 4);
    end64.writeUInt16LE(45, 12);
    end64.writeUInt16LE(45, 14);
    end64.writeBigUInt64LE(BigInt(parts.length), 24);
    end64.writeBigUInt64LE(BigInt(parts.length), 32);
    end64.writeBigUInt64LE(BigInt(directorySize), 40);
    end64.writeBigUInt64LE(BigInt(directoryOffset), 48);
    const locator = Buffer.alloc(20);
    locator.writeUInt32LE(0x07064b50, 0);
    locator.writeBigUInt64LE(BigInt(offset), 8);
    locator.writeUInt32LE(1, 16);
    push(end64);
    push(locator);
  }
  const comment = Buffer.from(options.comment ?? "", "utf8");
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(options.zip64 ? 0xffff : parts.length, 8);
  end.writeUInt16LE(options.zip64 ? 0xffff : parts.length, 10);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : directorySize, 12);
  end.writeUInt32LE(options.zip64 ? 0xffffffff : directoryOffset, 16);
  end.writeUInt16LE(comment.length, 20);
  push(end);
  push(comment);
  return new Uint8Array(Buffer.concat(chunks));
}

/** Adds a worksheet the way a writer of generated sheets would: the part, its relationship, its content type. */
function addSheet(pkg: OpcPackage, name: string, text: string): string {
  // ExcelJS's reader only takes worksheets named xl/worksheets/sheetN.xml.
  let n = 1;
  while (pkg.has(`xl/worksheets/sheet${n}.xml`)) n++;
  const part = `xl/worksheets/sheet${n}.xml`;
  pkg.setText(
    part,
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
      `<row r="1"><c r="A1" t="inlineStr"><is><t>${text}</t></is></c><c r="B1"><v>2026</v></c></row>` +
      "</sheetData></worksheet>",
  );
  const rels = pkg.text("xl/_rels/workbook.xml.rels");
  pkg.setText(
    "xl/_rels/workbook.xml.rels",
    rels.replace(
      "</Relationships>",
      `<Relationship Id="rIdAdded" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${n}.xml"/></Relationships>`,
    ),
  );
  const workbook = pkg.text("xl/workbook.xml");
  pkg.setText(
    "xl/workbook.xml",
    workbook.replace(/<\/sheets>/, `<sheet name="${name}" sheetId="99" r:id="rIdAdded"/></sheets>`),
  );
  const types = pkg.text("[Content_Types].xml");
  pkg.setText(
    "[Content_Types].xml",
    types.replace(
      "</Types>",
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    ),
  );
  return part;
}

/** The part of a sheet named `name`, from the workbook and its relationships. */
/** Node's codec, its CRC-32 recording the size of every part it is asked about. */
function crcCounting(): { codec: typeof NODE_CODEC; sizes: number[] } {
  const sizes: number[] = [];
  const crc32 = (bytes: Uint8Array) => {
    sizes.push(bytes.length);
    return NODE_CODEC.crc32(bytes);
  };
  return { codec: { ...NODE_CODEC, crc32 }, sizes };
}

function sheetPart(pkg: OpcPackage, name: string): string {
  const workbook = pkg.text("xl/workbook.xml");
  const sheet = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(workbook);
  const id = sheet?.[1];
  if (!id) throw new Error(`no sheet ${name}`);
  const rels = pkg.text("xl/_rels/workbook.xml.rels");
  const target =
    new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ??
    new RegExp(`<Relationship [^>]*Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
  if (!target) throw new Error(`no target for ${id}`);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

// ---------------------------------------------------------------------------------------------------------

describe("round trip without changes", () => {
  test("ExcelJS in memory (JSZip): the same file, byte for byte", async () => {
    const input = await excelJsBytes();
    const pkg = OpcPackage.open(input, "in.xlsx");
    expect(pkg.names()).toEqual(list(input).map((entry) => entry.name));
    expect(pkg.names()).toEqual(expect.arrayContaining(["xl/media/image1.png", "xl/comments1.xml"]));
    const output = pkg.toBytes();
    expectRawCopy(input, output);
    expectPlainHeaders(output);
    // JSZip writes no data descriptor, so nothing at all needs rewriting.
    expect(list(input).every((entry) => (entry.flags & 8) === 0)).toBe(true);
    expect(Buffer.from(output).equals(Buffer.from(input))).toBe(true);
  });

  test("ExcelJS's streaming writer (data descriptors): raw entries kept, descriptors dropped", async () => {
    const input = await excelJsStreamBytes();
    expect(list(input).some((entry) => (entry.flags & 8) !== 0)).toBe(true);
    const output = OpcPackage.open(input, "in.xlsx").toBytes();
    expect(list(output).map((entry) => entry.name)).toEqual(list(input).map((entry) => entry.name));
    expectRawCopy(input, output);
    expectPlainHeaders(output);
    expect(contents(output)).toEqual(contents(input));
    const model = await readWorkbookBytes(output, "out.xlsx");
    expect(model.sheets.map((sheet) => sheet.name)).toEqual(["任务表", "其他"]);
    expect(model.sheets[0]?.rows[500]?.[2]).toBe(500_007);
  });

  test("fflate with stored entries: kept stored", async () => {
    const input = await fflateStoredBytes();
    expect(list(input).every((entry) => entry.method === 0)).toBe(true);
    const output = OpcPackage.open(input, "in.xlsx").toBytes();
    expectRawCopy(input, output);
    expect(Buffer.from(output).equals(Buffer.from(input))).toBe(true);
  });

  test("zip64 input: read, and written back without zip64 records; the archive comment kept", async () => {
    const parts = [...Object.entries(unzipSync(await excelJsBytes()))];
    const input = makeZip(parts, { zip64: true, comment: "注释 comment" });
    const pkg = OpcPackage.open(input, "in.xlsx");
    expect(pkg.names()).toEqual(parts.map(([name]) => name));
    const output = pkg.toBytes();
    expectRawCopy(input, output);
    expectPlainHeaders(output);
    expect(output.length).toBeLessThan(input.length); // no 0x0001 extra fields, no zip64 end records
    const comment = Buffer.from("注释 comment", "utf8");
    expect(Buffer.from(output.subarray(-comment.length)).equals(comment)).toBe(true);
    expect(new DataView(output.buffer).getUint16(output.length - comment.length - 2, true)).toBe(
      comment.length,
    );
    const model = await readWorkbookBytes(output, "out.xlsx");
    expect(model.sheets[1]?.rows[1]?.[1]).toBe(42);
  });

  test("hand-made data descriptors: attributes, times and the UTF-8 flag are kept", async () => {
    const parts = [...Object.entries(unzipSync(await excelJsBytes()))];
    const input = makeZip(parts, { dataDescriptor: true });
    const output = OpcPackage.open(input, "in.xlsx").toBytes();
    expectRawCopy(input, output);
    expectPlainHeaders(output);
    const view = new DataView(output.buffer, output.byteOffset);
    const first = list(output)[0];
    expect(first?.flags).toBe(0x800);
    // The first entry's local header: time and date as made; the directory: attributes as made.
    expect([view.getUint16(10, true), view.getUint16(12, true)]).toEqual([0x6000, 0x5a71]);
    const directory = view.getUint32(output.length - 22 + 16, true);
    expect(view.getUint16(directory + 4, true)).toBe(0x031e);
    expect(view.getUint32(directory + 38, true)).toBe(0o100644 * 0x10000);
  });
});

describe("changes", () => {
  test("a changed part and a new sheet read back with ExcelJS and readWorkbookBytes; the rest raw", async () => {
    const input = await excelJsBytes();
    const pkg = OpcPackage.open(input, "in.xlsx");
    const other = sheetPart(pkg, "其他");
    expect(pkg.text(other)).toContain("<v>42</v>");
    pkg.setText(other, pkg.text(other).replace("<v>42</v>", "<v>4242</v>"));
    const added = addSheet(pkg, "问题清单", "新表 &amp; 内容");
    expect(pkg.isChanged(other)).toBe(true);
    expect(pkg.isChanged("xl/media/image1.png")).toBe(false);
    expect(pkg.isChanged(added)).toBe(true);
    const changed = [other, "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "[Content_Types].xml"];
    const output = pkg.toBytes();

    expectRawCopy(input, output, changed);
    expectPlainHeaders(output);
    // Changed parts stay where they were, [Content_Types].xml included; the new part comes last.
    const names = list(output).map((entry) => entry.name);
    expect(names).toEqual([...list(input).map((entry) => entry.name), added]);
    const parts = contents(output);
    expect(parts.get(other)?.toString("utf8")).toContain("<v>4242</v>");

    const workbook = new Workbook();
    await workbook.xlsx.load(Buffer.from(output) as unknown as ExcelBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["任务表", "其他", "问题清单"]);
    expect(workbook.getWorksheet("其他")?.getCell("B2").value).toBe(4242);
    expect(workbook.getWorksheet("问题清单")?.getCell("A1").value).toBe("新表 & 内容");
    expect(workbook.getWorksheet("任务表")?.getCell("B2").note).toBeDefined();
    expect(workbook.getImage(0)?.extension).toBe("png");

    const model = await readWorkbookBytes(output, "out.xlsx");
    expect(model.sheets.find((sheet) => sheet.name === "其他")?.rows[1]?.[1]).toBe(4242);
    expect(model.sheets.find((sheet) => sheet.name === "问题清单")?.rows[0]).toEqual(["新表 & 内容", 2026]);

    // And the output opens again as a package, reading the new content.
    const again = OpcPackage.open(output, "out.xlsx");
    expect(again.text(other)).toBe(pkg.text(other));
    expect(Buffer.from(again.toBytes()).equals(Buffer.from(output))).toBe(true);
  });

  test("a removed part is gone; removing and setting again keeps its place", async () => {
    const input = await excelJsBytes();
    const pkg = OpcPackage.open(input, "in.xlsx");
    const names = pkg.names();
    pkg.remove("docProps/app.xml");
    expect(pkg.has("docProps/app.xml")).toBe(false);
    expect(pkg.isChanged("docProps/app.xml")).toBe(true);
    expect(() => pkg.bytes("docProps/app.xml")).toThrow(/no part/);
    const types = pkg.text("[Content_Types].xml");
    pkg.remove("[Content_Types].xml");
    pkg.setText("[Content_Types].xml", types);
    const output = pkg.toBytes();
    const after = list(output).map((entry) => entry.name);
    expect(after).toEqual(names.filter((name) => name !== "docProps/app.xml"));
    expect(pkg.names()).toEqual(after);
    expectRawCopy(input, output, ["docProps/app.xml"]);
  });

  test("setting a part to what it held copies it raw; a byte order mark survives setText(text())", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8("<?xml version='1.0'?><a>文字</a>")]);
    const input = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "xl/workbook.xml": strToU8("<workbook/>"),
      "xl/bom.xml": bom,
    });
    const pkg = OpcPackage.open(input, "in.xlsx");
    expect(pkg.text("xl/bom.xml")).toBe("<?xml version='1.0'?><a>文字</a>");
    pkg.setText("xl/bom.xml", pkg.text("xl/bom.xml"));
    pkg.setBytes("xl/workbook.xml", strToU8("<workbook/>"));
    expect(pkg.isChanged("xl/bom.xml")).toBe(true);
    expect(Buffer.from(pkg.bytes("xl/bom.xml")).equals(Buffer.from(bom))).toBe(true);
    expect(Buffer.from(pkg.toBytes()).equals(Buffer.from(input))).toBe(true);
    // A new part never gets a mark.
    pkg.setText("xl/new.xml", "<new/>");
    expect(Buffer.from(pkg.bytes("xl/new.xml")).toString("utf8")).toBe("<new/>");
  });

  test("bad input is refused as reading refuses it; bad names and zip64 output are refused", () => {
    expect(() => OpcPackage.open(new Uint8Array(0), "e.xlsx")).toThrow(WorkbookInputError);
    expect(() => OpcPackage.open(strToU8("a,b\n1,2\n"), "t.xlsx")).toThrow(WorkbookInputError);
    const good = zipSync({ "xl/workbook.xml": strToU8("<workbook/>") });
    expect(() => OpcPackage.open(good.subarray(0, good.length - 30), "cut.xlsx")).toThrow(WorkbookInputError);
    const lying = makeZip([["xl/workbook.xml", strToU8("<workbook/>")]]);
    // The declared uncompressed size (at offset 24 of the one central record) says 1 byte more.
    const directory = new DataView(lying.buffer).getUint32(lying.length - 22 + 16, true);
    new DataView(lying.buffer).setUint32(directory + 24, "<workbook/>".length + 1, true);
    expect(() => OpcPackage.open(lying, "lying.xlsx")).toThrow(/size-mismatch/);

    const pkg = OpcPackage.open(good, "good.xlsx");
    for (const name of ["", "/xl/a.xml", "xl\\a.xml", "xl/"]) {
      expect(() => pkg.setBytes(name, new Uint8Array(1))).toThrow(/part name/);
    }
    for (let i = 0; i < 65_535; i++) pkg.setBytes(`p/${i}`, new Uint8Array(0));
    expect(() => pkg.toBytes()).toThrow(/zip64/);
  });

  test("empty and incompressible new parts are stored; non-ASCII names get the UTF-8 flag", () => {
    const pkg = OpcPackage.open(zipSync({ "xl/workbook.xml": strToU8("<workbook/>") }), "x.xlsx");
    const noise = new Uint8Array(randomBytes(4096));
    pkg.setBytes("xl/empty.bin", new Uint8Array(0));
    pkg.setBytes("xl/媒体/noise.bin", noise);
    const output = pkg.toBytes();
    const [, empty, media] = list(output);
    expect([empty?.method, empty?.uncompressedSize, empty?.flags]).toEqual([0, 0, 0]);
    expect([media?.name, media?.method, media?.flags]).toEqual(["xl/媒体/noise.bin", 0, 0x800]);
    expect(contents(output).get("xl/媒体/noise.bin")?.equals(noise)).toBe(true);
  });
});

describe("codecs", () => {
  test("Node's zlib and the browser defaults write equivalent packages", async () => {
    const input = await excelJsStreamBytes();
    const write = (codec: Parameters<typeof OpcPackage.open>[2]): Uint8Array => {
      const pkg = OpcPackage.open(input, "in.xlsx", codec);
      const part = sheetPart(pkg, "任务表");
      pkg.setText(part, pkg.text(part).replace(/<v>500007<\/v>/, "<v>7</v>"));
      addSheet(pkg, "汇总", "汇总表");
      return pkg.toBytes();
    };
    const viaNode = write(NODE_CODEC);
    const viaDefaults = write({});
    expect(contents(viaNode)).toEqual(contents(viaDefaults));
    expect(list(viaNode).map((entry) => entry.name)).toEqual(list(viaDefaults).map((entry) => entry.name));
    const model = await readWorkbookBytes(viaDefaults, "out.xlsx");
    expect(model.sheets[0]?.rows[500]?.[2]).toBe(7);
  });

  test("deflated ahead on zlib's threads: the same bytes as toBytes, the latest content, still verified", async () => {
    const input = await excelJsStreamBytes();
    // A part past a megabyte is deflated ahead as soon as it is set; a codec that counts the calls.
    let later = 0;
    const codec = {
      ...NODE_CODEC,
      deflateRawLater: (bytes: Uint8Array) => {
        later++;
        return NODE_CODEC.deflateRawLater(bytes);
      },
    };
    const big = (text: string) =>
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `${`<row><c t="inlineStr"><is><t>${text}</t></is></c></row>`.repeat(60_000)}</sheetData></worksheet>`;
    const write = async (asynchronously: boolean) => {
      const pkg = OpcPackage.open(input, "in.xlsx", codec);
      const part = sheetPart(pkg, "任务表");
      pkg.setText(part, big("first"));
      // Set again: what is written is this content, not the first one's deflate.
      pkg.setText(part, big("second"));
      addSheet(pkg, "汇总", "汇总表");
      return asynchronously ? pkg.toBytesAsync() : pkg.toBytes();
    };
    const sync = await write(false);
    later = 0;
    const ahead = await write(true);
    expect(later).toBe(2);
    expect(Buffer.from(ahead).equals(Buffer.from(sync))).toBe(true);
    const model = await readWorkbookBytes(ahead, "out.xlsx");
    expect(model.sheets[0]?.rows[59_999]?.[0]).toBe("second");

    const broken = OpcPackage.open(input, "in.xlsx", codec);
    broken.setText(sheetPart(broken, "任务表"), big("a & b"));
    await expect(broken.toBytesAsync()).rejects.toThrow(/bare &/);
  });

  test("a part deflated ahead has its CRC taken with the deflate, not again on this thread", async () => {
    const input = await excelJsStreamBytes();
    const { codec, sizes } = crcCounting();
    const big = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${`<row><c t="inlineStr"><is><t>督办</t></is></c></row>`.repeat(60_000)}</sheetData></worksheet>`;
    const write = (ahead: boolean) => {
      const pkg = OpcPackage.open(input, "in.xlsx", ahead ? codec : { ...codec, deflateRawLater: undefined });
      pkg.setText(sheetPart(pkg, "任务表"), big);
      return ahead ? pkg.toBytesAsync() : Promise.resolve(pkg.toBytes());
    };
    const here = await write(false);
    const bigSize = new TextEncoder().encode(big).length;
    expect(sizes).toContain(bigSize);
    sizes.length = 0;
    const ahead = await write(true);
    expect(sizes).not.toContain(bigSize);
    // The same file either way, the CRC in it as the directory holds it: the copy reads back.
    expect(Buffer.from(ahead).equals(Buffer.from(here))).toBe(true);
    expect((await readWorkbookBytes(ahead, "out.xlsx")).sheets[0]?.rows[59_999]?.[0]).toBe("督办");
  });

  test("stored parts: checked with the codec's CRC, and handed to a reader whole", async () => {
    const input = await fflateStoredBytes();
    const { codec, sizes } = crcCounting();
    const pkg = OpcPackage.open(input, "in.xlsx", codec);
    const stored = list(input).filter((entry) => entry.method === 0);
    expect(sizes.sort()).toEqual(stored.map((entry) => entry.raw.length).sort());
    const part = sheetPart(pkg, "任务表");
    const pieces: Array<{ length: number; last: boolean }> = [];
    pkg.stream(part, (chunk, last) => {
      pieces.push({ length: chunk.length, last });
      return true;
    });
    expect(pieces).toEqual([{ length: pkg.bytes(part).length, last: true }]);
  });

  test("toBytesAsync parses back every part it writes, a large one deflating ahead too, and refuses a malformed one", async () => {
    const input = await excelJsStreamBytes();
    const big = (text: string) =>
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
      `${`<row><c t="inlineStr"><is><t>${text}</t></is></c></row>`.repeat(60_000)}</sheetData></worksheet>`;
    const good = OpcPackage.open(input, "in.xlsx", NODE_CODEC);
    const part = sheetPart(good, "任务表");
    good.setText(part, big("first"));
    addSheet(good, "汇总", "汇总表");
    const written = await good.toBytesAsync();
    expect((await readWorkbookBytes(written, "out.xlsx")).sheets[0]?.rows[59_999]?.[0]).toBe("first");

    // Over the size that deflates ahead on zlib's threads, and malformed only at its end: refused, named.
    const refused = OpcPackage.open(input, "in.xlsx", NODE_CODEC);
    const malformed = big("fine").replace("</sheetData>", "<row><c><v>1 & 2</v></c></row></sheetData>");
    refused.setText(sheetPart(refused, "任务表"), malformed);
    expect(refused.bytes(sheetPart(refused, "任务表")).length).toBeGreaterThan(1024 * 1024);
    const attempt = refused.toBytesAsync();
    await expect(attempt).rejects.toThrow(WorkbookOutputError);
    await expect(attempt).rejects.toThrow(new RegExp(`${sheetPart(refused, "任务表")}.*bare &`));
  });

  test("the JavaScript CRC-32 agrees with zlib's", () => {
    expect(crc32(strToU8("123456789"))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(7), (data, skip) => {
        // Odd offsets and lengths exercise the byte-wise tail and unaligned starts.
        const view = data.subarray(Math.min(skip, data.length));
        expect(crc32(view)).toBe(zlibCrc32(view));
      }),
    );
  });
});

testWithLibreOffice(
  "a workbook re-saved by LibreOffice round-trips and still converts the same",
  async (soffice) => {
    const source = join(TMP, "lo-source");
    const saved = join(TMP, "lo-saved");
    const csv = join(TMP, "lo-csv");
    for (const dir of [source, saved, csv]) mkdirSync(dir, { recursive: true });
    writeFileSync(join(source, "book.xlsx"), await excelJsBytes());
    const resaved = await convertWithLibreOffice(soffice, join(source, "book.xlsx"), "xlsx", saved);
    const input = new Uint8Array(readFileSync(resaved));

    const unchanged = OpcPackage.open(input, "book.xlsx", NODE_CODEC).toBytes();
    expectRawCopy(input, unchanged);
    expectPlainHeaders(unchanged);
    expect(contents(unchanged)).toEqual(contents(input));

    const pkg = OpcPackage.open(input, "book.xlsx", NODE_CODEC);
    const first = sheetPart(pkg, "任务表");
    expect(pkg.text(first)).toContain("<v>1007</v>");
    pkg.setText(first, pkg.text(first).replace("<v>1007</v>", "<v>99</v>"));
    const changed = pkg.toBytes();

    const dirs = ["original", "unchanged", "changed"].map((name) => join(csv, name));
    const files = [input, unchanged, changed].map((bytes, i) => {
      mkdirSync(dirs[i]!, { recursive: true });
      const file = join(dirs[i]!, "book.xlsx");
      writeFileSync(file, bytes);
      return file;
    });
    const [original, copy, edited] = await Promise.all(
      files.map(async (file, i) =>
        readFileSync(
          await convertWithLibreOffice(soffice, file, "csv:Text - txt - csv (StarCalc):44,34,76", dirs[i]!),
          "utf8",
        ),
      ),
    );
    expect(original).toContain("任务1,");
    expect(copy).toBe(original);
    expect(edited).toBe(original?.replace(",1007", ",99"));
  },
);

describe("writeFileWhole", () => {
  const dir = (): string => {
    const path = join(TMP, `write-${randomBytes(4).toString("hex")}`);
    mkdirSync(path);
    return path;
  };

  test("creates, then replaces atomically (a new file under the name), keeping permissions", async () => {
    const folder = dir();
    const target = join(folder, "out.xlsx");
    await writeFileWhole(target, strToU8("first"));
    expect(readFileSync(target, "utf8")).toBe("first");
    const before = statSync(target);
    chmodSync(target, 0o640);
    await writeFileWhole(target, strToU8("second, longer"));
    expect(readFileSync(target, "utf8")).toBe("second, longer");
    expect(statSync(target).ino).not.toBe(before.ino);
    expect(statSync(target).mode & 0o777).toBe(0o640);
    expect(readdirSync(folder)).toEqual(["out.xlsx"]);
  });

  test("work given for the flush is done with every byte written and the target not yet replaced", async () => {
    const folder = dir();
    const target = join(folder, "report.json");
    writeFileSync(target, "old");
    const seen: Array<[string[], string, string]> = [];
    await writeFileWhole(target, [strToU8("new "), strToU8("report")], () => {
      const temp = readdirSync(folder).find((name) => name.endsWith(".tmp"))!;
      seen.push([
        readdirSync(folder).sort(),
        readFileSync(join(folder, temp), "utf8"),
        readFileSync(target, "utf8"),
      ]);
    });
    expect(seen).toEqual([
      [[expect.stringMatching(/^\.report\.json\..*\.tmp$/), "report.json"], "new report", "old"],
    ]);
    expect(readFileSync(target, "utf8")).toBe("new report");
    expect(readdirSync(folder)).toEqual(["report.json"]);
  });

  test("work given for the flush that fails leaves the target as it was and nothing beside it", async () => {
    const folder = dir();
    const target = join(folder, "report.json");
    writeFileSync(target, "old");
    await expect(
      writeFileWhole(target, strToU8("new"), () => {
        throw new Error("made wrong");
      }),
    ).rejects.toThrow("made wrong");
    expect(readFileSync(target, "utf8")).toBe("old");
    expect(readdirSync(folder)).toEqual(["report.json"]);
  });

  test.each<[string, readonly number[]]>([
    ["no pieces", []],
    ["empty pieces among others", [0, 5, 0, 0, 7, 0]],
    ["more pieces than one group takes", Array.from({ length: 1500 }, (_, i) => i % 7)],
    ["pieces across the megabyte groups", [700_000, 700_000, 1, 1_048_576, 3]],
  ])("pieces written in groups come out whole and in order: %s", async (_, sizes) => {
    const pieces = sizes.map((size, i) => new Uint8Array(size).fill(i % 251));
    const target = join(dir(), "report.json");
    await writeFileWhole(target, pieces);
    expect(Buffer.compare(readFileSync(target), Buffer.concat(pieces))).toBe(0);
  });

  test("pieces that fail to be made while a group is being written leave the target as it was", async () => {
    const folder = dir();
    const target = join(folder, "report.json");
    writeFileSync(target, "the last report");
    function* failing(): Generator<Uint8Array> {
      for (let i = 0; i < 5; i++) yield new Uint8Array(600_000).fill(i);
      throw new Error("the report could not be made");
    }
    await expect(writeFileWhole(target, failing())).rejects.toThrow("the report could not be made");
    expect(readFileSync(target, "utf8")).toBe("the last report");
    expect(readdirSync(folder)).toEqual(["report.json"]);
  });

  test.each([1, 2, 3, 5, 64])(
    "writeAll writes again what a writev of at most %d bytes left",
    async (most) => {
      const written: number[] = [];
      const handle = {
        writev: (buffers: readonly NodeJS.ArrayBufferView[]) => {
          let left = most;
          for (const buffer of buffers) {
            const bytes = buffer as Uint8Array;
            const take = Math.min(left, bytes.length);
            written.push(...bytes.subarray(0, take));
            left -= take;
            if (take < bytes.length) break;
          }
          return Promise.resolve({ bytesWritten: most - left, buffers: [...buffers] });
        },
      };
      const pieces = [[1, 2, 3], [], [4], [5, 6, 7, 8, 9], [], [10]].map((bytes) => Uint8Array.from(bytes));
      await writeAll(handle as unknown as Parameters<typeof writeAll>[0], pieces);
      expect(written).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    },
  );

  test("a failure leaves no temporary file and no partial target", async () => {
    const folder = dir();
    await expect(writeFileWhole(join(folder, "missing", "out.xlsx"), strToU8("x"))).rejects.toMatchObject({
      code: "ENOENT",
    });
    expect(readdirSync(folder)).toEqual([]);
    // A folder in the way: the temporary file is written, the rename fails, the folder stays as it was.
    mkdirSync(join(folder, "out.xlsx"));
    writeFileSync(join(folder, "out.xlsx", "inside"), "kept");
    await expect(writeFileWhole(join(folder, "out.xlsx"), strToU8("x"))).rejects.toThrow();
    expect(readdirSync(folder)).toEqual(["out.xlsx"]);
    expect(readFileSync(join(folder, "out.xlsx", "inside"), "utf8")).toBe("kept");
  });

  test("through a symbolic link, the file it points to is replaced and the link kept", async () => {
    const folder = dir();
    writeFileSync(join(folder, "real.xlsx"), "old");
    symlinkSync("real.xlsx", join(folder, "link.xlsx"));
    await writeFileWhole(join(folder, "link.xlsx"), strToU8("new"));
    expect(readFileSync(join(folder, "real.xlsx"), "utf8")).toBe("new");
    expect(readdirSync(folder).sort()).toEqual(["link.xlsx", "real.xlsx"]);
  });

  test("isSameFile: same path, relative, through a link, or not", async () => {
    const folder = dir();
    const file = join(folder, "in.xlsx");
    writeFileSync(file, "x");
    writeFileSync(join(folder, "other.xlsx"), "x");
    symlinkSync("in.xlsx", join(folder, "alias.xlsx"));
    expect(await isSameFile(file, file)).toBe(true);
    expect(await isSameFile(relative(process.cwd(), file), `${folder}/./in.xlsx`)).toBe(true);
    expect(await isSameFile(file, join(folder, "alias.xlsx"))).toBe(true);
    expect(await isSameFile(file, join(folder, "other.xlsx"))).toBe(false);
    expect(await isSameFile(file, join(folder, "absent.xlsx"))).toBe(false);
    expect(existsSync(join(folder, "absent.xlsx"))).toBe(false);
  });
});

test.each([
  ["toBytes, deflating it then", false],
  ["toBytesAsync, deflating it on one of zlib's threads from when it is set", true],
])(
  "a 60 MB sheet part goes through %s with Node's zlib, deflated once, every other part copied raw",
  async (_, deflateAhead) => {
    const input = await excelJsBytes();
    const rows: string[] = [
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
    ];
    let size = rows[0]!.length;
    for (let r = 1; size < 60 * MB; r++) {
      const row =
        `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}" t="s"><v>${(r * 7919) % 20011}</v></c>` +
        `<c r="C${r}" s="3"><v>${46000 + (r % 900)}</v></c><c r="D${r}" t="inlineStr"><is><t>综采${r % 40}队 任务 ${(r * 31) % 997}</t></is></c></row>`;
      rows.push(row);
      size += Buffer.byteLength(row);
    }
    rows.push("</sheetData></worksheet>");
    const sheet = new TextEncoder().encode(rows.join(""));
    expect(sheet.length).toBeGreaterThan(60 * MB);

    // Node's zlib only: fflate runs several times slower under jest than in plain Node (1.6 s there for the
    // 100,000-row bench workbook with a 49 MB part), and the codecs test above already proves it equivalent.
    const { codec, work } = countingCodec(NODE_CODEC, { deflateAhead });
    const pkg = OpcPackage.open(input, "in.xlsx", codec);
    const part = sheetPart(pkg, "任务表");
    const opened = { ...work };
    pkg.setBytes(part, sheet);
    const output = deflateAhead ? await pkg.toBytesAsync() : pkg.toBytes();
    // What bounds the time, which `npm run bench` measures: the 60 MB deflated once and nothing inflated.
    expect(work).toEqual({ ...opened, deflatedParts: 1, deflatedBytes: sheet.length });
    const entry = list(output).find((candidate) => candidate.name === part);
    expect(entry?.crc).toBe(zlibCrc32(sheet));
    expect(inflateRawSync(entry!.raw).equals(sheet)).toBe(true);
    expectRawCopy(input, output, [part]);
  },
  120_000,
);
