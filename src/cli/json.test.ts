// The report in pieces is JSON.stringify's text exactly, whatever the report holds.

import fc from "fast-check";
import { jsonPieces } from "./json";

const whole = (value: Record<string, unknown>) => `${JSON.stringify(value, null, 2)}\n`;
const joined = (value: Record<string, unknown>) => [...jsonPieces(value, "issues")].join("");

describe("jsonPieces", () => {
  it.each<[string, Record<string, unknown>]>([
    ["an empty object", {}],
    ["no issues", { asOf: "2026-11-18", issues: [], summary: { units: [] } }],
    [
      "issues with text JSON escapes: line breaks, quotes, CJK, emoji",
      {
        file: "任务.xlsx",
        issues: [
          { rule: "overdue", message: '第一行\n"第二行"\t😀', values: { a: 1, b: [1, 2] } },
          { rule: "x", values: {} },
        ],
        ranking: [{ rank: 1, unit: "综采一队", score: 99.5 }],
      },
    ],
    [
      "what JSON leaves out, and nulls in arrays",
      { a: undefined, issues: [undefined, null, 1], f: () => 1, z: null },
    ],
    ["issues that are not an array", { issues: { not: "an array" } }],
    [
      "more issues than one piece holds, across its edges",
      {
        asOf: "2026-11-18",
        issues: Array.from({ length: 1537 }, (_, i) =>
          i % 7 === 0 ? undefined : { row: i, message: `第${i}行\n"x"`, values: { n: [i, { k: null }] } },
        ),
        ranking: [],
      },
    ],
    [
      "members written through toJSON, or left out by it, and symbols",
      {
        when: new Date(Date.UTC(2026, 10, 18)),
        gone: { toJSON: () => undefined },
        twice: { toJSON: () => ({ toJSON: () => undefined, kept: 1 }) },
        s: Symbol("x"),
        issues: [1],
      },
    ],
  ])("%s", (_, value) => {
    expect(joined(value)).toBe(whole(value));
  });

  it("on random reports", () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.array(fc.jsonValue(), { maxLength: 5 }),
        (rest, issues) => {
          const value = { ...rest, issues };
          expect(joined(value)).toBe(whole(value));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("converts each element as it writes it: the text of the value with the converted elements", () => {
    const convert = (n: number) => ({ row: n, message: `第${n}行`, values: { twice: 2 * n } });
    fc.assert(
      fc.property(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.array(fc.integer(), { maxLength: 300 }),
        (rest, issues) => {
          const value = { ...rest, issues };
          const pieces = [...jsonPieces(value, "issues", convert)].join("");
          expect(pieces).toBe(whole({ ...value, issues: issues.map(convert) }));
        },
      ),
      { numRuns: 200 },
    );
  });
});
