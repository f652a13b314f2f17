import { numberFormatKind } from "./number-format";

describe("numberFormatKind", () => {
  test.each([
    ["yyyy-mm-dd", "date"],
    ['yyyy"年"m"月"d"日"', "date"],
    ['m"月"d"日"', "date"],
    ['YYYY"年"', "date"],
    ["DD/MM/YYYY", "date"],
    ["[$-804]yyyy/m/d;@", "date"],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日"', "date"],
    ["mmm-yy", "date"],
    ["mmmm", "date"],
    ["yyyy-mm-dd hh:mm:ss", "date"],
    ["[$-F800]dddd, mmmm dd, yyyy", "date"],
    ["h:mm", "time"],
    ["hh:mm:ss AM/PM", "time"],
    ["mm:ss", "time"],
    ["[h]:mm", "time"],
    ["[mm]:ss", "time"],
    ["[hh]:mm", "time"],
    ["[mm]", "time"],
    ["[ss]", "time"],
    ['h"时"mm"分"', "time"],
    ['上午/下午 h"时"mm"分"', "time"],
    ["General", "other"],
    ["0.00", "other"],
    ["#,##0.00_);[Red](#,##0.00)", "other"],
    ['0"天"', "other"],
    ['0.0 "days"', "other"],
    ["0.00E+00", "other"],
    ["[Red]0%", "other"],
    ["@", "other"],
    ['_-* #,##0_-;-* #,##0_-;_-* "-"_-;_-@_-', "other"],
    ["0\\d", "other"],
    ["", "other"],
    [undefined, "other"],
  ])("%s is %s", (format, kind) => {
    expect(numberFormatKind(format)).toBe(kind);
  });
});
