// Where the reader notes a sheet's sheetData (for the writer, which then need not scan 60 MB of cells to find
// it again) is where the writer's own scan finds it: on every workbook of the corpus, and on sheets made to
// be hard (a byte order mark, prefixes, comments and CDATA that say </sheetData>, a sheet read in pieces).

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { strToU8 } from "fflate";
import { readPackage } from "../src/hosts/xlsx/read";
import { OpcPackage } from "../src/hosts/xlsx/package";
import { locateTopLevel } from "../src/hosts/xlsx/xml";
import { CORPUS, corpusFiles } from "./helpers/corpus-files";
import { MAIN, oneSheetWorkbook } from "./helpers/one-sheet-workbook";

/** Each worksheet part's noted sheetData beside the one the scan finds; and how many were noted. */
function compare(pkg: OpcPackage): { noted: number } {
  let noted = 0;
  for (const name of pkg.names()) {
    if (!/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    const at = pkg.noted(name, "sheetData");
    if (at === undefined) continue;
    noted++;
    expect([name, at]).toEqual([name, locateTopLevel(pkg.bytes(name), "sheetData", name)]);
  }
  return { noted };
}

const rows = (count: number) =>
  Array.from(
    { length: count },
    (_, r) =>
      `<row r="${r + 1}"><c r="A${r + 1}" t="inlineStr"><is><t>任务${r}</t></is></c><c r="B${r + 1}"><v>${r}</v></c></row>`,
  ).join("");

describe("the reader notes sheetData where the writer's scan finds it", () => {
  it.each<[string, string, boolean]>([
    [
      "plain",
      `<worksheet xmlns="${MAIN}"><dimension ref="A1"/><sheetData>${rows(3)}</sheetData></worksheet>`,
      false,
    ],
    [
      "a byte order mark, a prefix, and </sheetData> in a comment and in CDATA",
      `\uFEFF<?xml version="1.0"?><!-- <sheetData> --><x:worksheet xmlns:x="${MAIN}"><x:sheetData><!-- </x:sheetData> -->` +
        `${rows(2).replace(/<(\/?)(?=[a-z])/g, "<$1x:")}</x:sheetData><x:headerFooter><x:oddHeader><![CDATA[</x:sheetData>]]></x:oddHeader></x:headerFooter></x:worksheet>`,
      false,
    ],
    ["self-closing", `<worksheet xmlns="${MAIN}"><sheetData/><pageMargins left="1"/></worksheet>`, false],
    [
      "a large sheet read in pieces as it is inflated",
      `\uFEFF<worksheet xmlns="${MAIN}"><sheetData>${rows(40_000)}</sheetData><pageMargins left="1"/></worksheet>`,
      true,
    ],
  ])("%s", async (_, xml, inPieces) => {
    const bytes = strToU8(xml);
    const pkg = OpcPackage.open(oneSheetWorkbook(bytes), "t.xlsx");
    // Let go of what the size check kept: the reader then gets the part in the pieces fflate inflates.
    if (inPieces) pkg.release("xl/worksheets/sheet1.xml");
    await readPackage(pkg, "t.xlsx");
    expect(compare(pkg).noted).toBe(1);
  });

  it("on every workbook of the corpus", async () => {
    let noted = 0;
    for (const file of corpusFiles()) {
      let pkg: OpcPackage;
      try {
        pkg = OpcPackage.open(readFileSync(path.join(CORPUS, file)), file);
        await readPackage(pkg, file);
      } catch {
        continue; // The files Duban refuses on purpose (corpus.test.ts names them).
      }
      noted += compare(pkg).noted;
    }
    expect(noted).toBeGreaterThan(100);
  });
});
