// refuseDoctypes reads the same verdict from a part's compressed bytes and from the size check's inflated copy.

import { strToU8, unzipSync, zipSync } from "fflate";
import { zipEntries } from "../../../test/helpers/zip-entries";
import { WorkbookInputError } from "./errors";
import { inspectPackage, refuseDoctypes } from "./inspect";

const HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n`;
const WORKBOOK = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>`;
/** A prolog longer than one 4 KB slice, with multi-byte characters cut by the slices' ends. */
const LONG_COMMENT = `<!-- ${"督办".repeat(3000)} -->\n`;

describe("refuseDoctypes", () => {
  const cases: ReadonlyArray<readonly [string, string, boolean]> = [
    ["no DOCTYPE", `${HEAD}${WORKBOOK}`, false],
    ["a DOCTYPE in the prolog", `${HEAD}<!DOCTYPE x [<!ENTITY e "e">]>\n${WORKBOOK}`, true],
    ["a DOCTYPE after a prolog of several slices", `${HEAD}${LONG_COMMENT}<!DOCTYPE x>\n${WORKBOOK}`, true],
    ["no DOCTYPE after a prolog of several slices", `${HEAD}${LONG_COMMENT}${WORKBOOK}`, false],
    ["DOCTYPE as text inside the root", `${HEAD}<workbook><t>&lt;!DOCTYPE x&gt;</t></workbook>`, false],
    ["malformed, left to the reader", `${HEAD}<workbook><</workbook>`, false],
  ];
  const ways: ReadonlyArray<readonly [string, number, boolean]> = [
    ["deflated, inflated here", 6, false],
    ["deflated, the size check's copy", 6, true],
    ["stored", 0, false],
  ];
  describe.each(ways)("%s", (_, level, fromCopy) => {
    it.each(cases)("%s", (__, xml, refused) => {
      const bytes = zipSync({
        "_rels/.rels": [strToU8(`${HEAD}<Relationships/>`), { level: 0 }],
        "xl/workbook.xml": [strToU8(xml), { level: level as 0 | 6 }],
      });
      const info = inspectPackage(bytes, "t.xlsx");
      const parts = unzipSync(bytes);
      let asked = 0;
      const inflated = fromCopy
        ? (entry: { name: string }) => {
            asked++;
            return parts[entry.name];
          }
        : undefined;
      const check = () => refuseDoctypes(bytes, "t.xlsx", info, inflated);
      if (refused) {
        expect(check).toThrow(WorkbookInputError);
        expect(check).toThrow(/doctype/);
      } else expect(check).not.toThrow();
      // The copy is asked for deflated parts only: a stored part is read where it is.
      if (fromCopy) expect(asked).toBeGreaterThan(0);
    });
  });
});

describe("inspectPackage: two entries for one part", () => {
  /** A zip of these names, a name as often as it is given; a folder's entry empty, a part a workbook. */
  const zipOf = (names: readonly string[]): Uint8Array =>
    zipEntries(
      names.map((name) => [name, name.endsWith("/") ? new Uint8Array(0) : strToU8(`${HEAD}${WORKBOOK}`)]),
    );
  const base = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml"];
  const cases: ReadonlyArray<readonly [string, readonly string[], string | undefined]> = [
    ["each part once", base, undefined],
    ["a sheet twice", [...base, "xl/worksheets/sheet1.xml"], "xl/worksheets/sheet1.xml"],
    ["a sheet again in another case", [...base, "xl/worksheets/Sheet1.xml"], "xl/worksheets/Sheet1.xml"],
    ["the content types again in another case", [...base, "[content_types].xml"], "[content_types].xml"],
    ["a sheet again, percent-encoded", [...base, "xl/worksheets/sheet%31.xml"], "xl/worksheets/sheet%31.xml"],
    ["a folder entry beside its parts, twice", ["xl/", ...base, "XL/"], undefined],
    ["names alike but for a character", [...base, "xl/worksheets/sheet11.xml"], undefined],
  ];
  it.each(cases)("%s", (_, names, duplicate) => {
    let refusal: unknown;
    try {
      expect(inspectPackage(zipOf(names), "t.xlsx").entries).toHaveLength(names.length);
    } catch (error) {
      refusal = error;
    }
    if (duplicate === undefined) expect(refusal).toBeUndefined();
    else {
      expect(refusal).toBeInstanceOf(WorkbookInputError);
      expect(refusal).toMatchObject({
        problem: "damaged",
        values: { reason: "duplicate", entry: duplicate },
      });
    }
  });
});
