// refuseDoctypes reads the same verdict from a part's compressed bytes and from the size check's inflated copy.

import { strToU8, unzipSync, zipSync } from "fflate";
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
