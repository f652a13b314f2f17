import { digitByDigit, smallNumber } from "./numerals";

describe("Chinese numerals", () => {
  test.each([
    ["25", 25],
    ["五", 5],
    ["两", 2],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十五", 25],
    ["三十一", 31],
    ["九十九", 99],
    ["百", NaN],
    ["十百", NaN],
    // Digits and numerals mixed are neither.
    ["2五", NaN],
    ["五2", NaN],
    ["百十", NaN],
  ])("smallNumber(%j) = %d", (text, number) => expect(smallNumber(text)).toBe(number));

  test.each([
    ["二〇二六", "2026"],
    ["二零二七", "2027"],
    ["一九九九", "1999"],
    ["二〇X六", "20X6"],
  ])("digitByDigit(%j) = %j", (text, digits) => expect(digitByDigit(text)).toBe(digits));
});
