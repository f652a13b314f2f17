import { parseIsoDay } from "./day";
import { cellPosition, DateCells, parseRange } from "./workbook";

const NOV_18 = parseIsoDay("2026-11-18")!;

describe("A1 references", () => {
  test.each([
    ["A1", { row: 0, column: 0 }],
    ["b3", { row: 2, column: 1 }],
    ["XFD1048576", { row: 1_048_575, column: 16_383 }],
    ["A0", undefined],
    ["$A$1", undefined],
    ["ABCD1", undefined],
    ["1", undefined],
    ["A", undefined],
    [" A1", undefined],
    ["A1.0", undefined],
    ["", undefined],
  ])("cell %j", (ref, expected) => {
    expect(cellPosition(ref)).toEqual(expected);
  });

  test.each([
    ["A1", { top: 0, left: 0, bottom: 0, right: 0 }],
    ["B2:D3", { top: 1, left: 1, bottom: 2, right: 3 }],
    ["$D$3:b2", { top: 1, left: 1, bottom: 2, right: 3 }],
    [" $A$1 ", { top: 0, left: 0, bottom: 0, right: 0 }],
    ["A1:B2:C3", undefined],
    ["A:C", undefined],
    ["3:5", undefined],
    ["A1:", undefined],
    ["A0:B2", undefined],
    ["Sheet1!A1", undefined],
    ["", undefined],
  ])("range %j", (ref, expected) => {
    expect(parseRange(ref)).toEqual(expected);
  });
});

describe("date cells", () => {
  test("one object a day, whichever way the day came", () => {
    const cells = new DateCells(false);
    const fromSerial = cells.ofSerial(46_344);
    expect(fromSerial).toEqual({ day: NOV_18 });
    expect(cells.of(NOV_18)).toBe(fromSerial);
    expect(cells.ofSerial(46_344.75)).toBe(fromSerial);
  });

  test.each([
    [false, 46_344, NOV_18],
    [true, 44_882, NOV_18],
    [false, 60, undefined],
    [false, -1, undefined],
  ])("1904 system %s: serial %d is day %j", (date1904, serial, day) => {
    expect(new DateCells(date1904).ofSerial(serial)?.day).toBe(day);
  });
});
