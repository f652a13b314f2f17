// The size check's answers from the platform's DecompressionStream: the same as fflate's, a zip bomb stopped at
// its declared size, and damaged data refused.

import { deflateSync, strToU8, zipSync } from "fflate";
import { measureWithFflate, type InflatedSize } from "./inspect";
import { nativeInflatedSizes } from "./native-inflate";
import { readZipDirectory } from "./zip";

const sheet = strToU8(`<worksheet>${"<row><c><v>1</v></c></row>".repeat(5000)}</worksheet>`);
const zip = zipSync({ "xl/workbook.xml": sheet, "b.txt": strToU8("任务".repeat(100)) }, { level: 6 });

/** The zip with the part's uncompressed size declared as `size` (in its local header and the directory). */
function declaring(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const encoded = strToU8(name);
  for (let p = 0; p + 46 < out.length; p++) {
    const signature = view.getUint32(p, true);
    const [sizeAt, nameAt] =
      signature === 0x04034b50 ? [22, 30] : signature === 0x02014b50 ? [24, 46] : [-1, -1];
    if (sizeAt < 0 || !encoded.every((b, i) => out[p + nameAt + i] === b)) continue;
    view.setUint32(p + sizeAt, size, true);
  }
  return out;
}

function compressedOf(bytes: Uint8Array, name: string): { data: Uint8Array; size: number } {
  const entry = readZipDirectory(bytes).entries.find((e) => e.name === name)!;
  return {
    data: bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize),
    size: entry.uncompressedSize,
  };
}

const refuse = (): InflatedSize => {
  throw new Error("the fallback was asked");
};

test("the platform has DecompressionStream for raw deflate (Node 20 and every browser the workbench serves)", () => {
  expect(typeof DecompressionStream).toBe("function");
});

test("answers as fflate does, with the bytes, for every deflated part", async () => {
  const probe = (await nativeInflatedSizes(zip, "t.xlsx", {}, refuse))!;
  for (const name of ["xl/workbook.xml", "b.txt"]) {
    const { data, size } = compressedOf(zip, name);
    const native = probe(data, size);
    const fflate = measureWithFflate(data, size);
    expect({ size: native.size, crc: native.crc }).toEqual({ size: fflate.size, crc: fflate.crc });
    expect(native.data).toEqual(fflate.data);
  }
});

test("stops past the declared size, so a part that lies about its size is caught", async () => {
  const lying = declaring(zip, "xl/workbook.xml", 100);
  const { data, size } = compressedOf(lying, "xl/workbook.xml");
  expect(size).toBe(100);
  const probe = (await nativeInflatedSizes(lying, "t.xlsx", {}, refuse))!;
  expect(probe(data, 100).size).toBeGreaterThan(100);
});

test("damaged data is an error the size check reports, and parts it did not inflate go to the fallback", async () => {
  const broken = zip.slice();
  const { data } = compressedOf(broken, "xl/workbook.xml");
  data.fill(0xff, 10, 60);
  const probe = (await nativeInflatedSizes(broken, "t.xlsx", {}, () => ({ size: -1 })))!;
  expect(() => probe(data, sheet.length)).toThrow();
  expect(probe(deflateSync(strToU8("elsewhere")), 9)).toEqual({ size: -1 });
});
