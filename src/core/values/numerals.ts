// Numbers in Chinese numerals, as clerks and official documents write them in dates and deadline rules.

const DIGITS: Readonly<Record<string, number>> = {
  〇: 0,
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 25 · 二十五 · 十 · 三十一 (1 to 99), in digits or in Chinese numerals. */
export function smallNumber(text: string): number {
  // Stryker disable next-line Regex: equivalent, Number() of digits mixed with anything else is NaN too
  if (/^\d+$/.test(text)) return Number(text);
  const ten = text.indexOf("十");
  if (ten < 0) return DIGITS[text] ?? NaN;
  const tens = ten === 0 ? 1 : (DIGITS[text.slice(0, ten)] ?? NaN);
  const units = ten === text.length - 1 ? 0 : (DIGITS[text.slice(ten + 1)] ?? NaN);
  return tens * 10 + units;
}

/** A number written digit by digit (二〇二六, the year of a date in a document), in Arabic digits. */
export function digitByDigit(text: string): string {
  return [...text].map((c) => DIGITS[c] ?? c).join("");
}
