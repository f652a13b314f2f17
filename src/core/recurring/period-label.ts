// A period's canonical id in words, for messages and the 漏项清单 sheet (the catalogues call this).

import { ymdOf } from "../day";
import type { Locale } from "../settings";
import { isoWeekOf, periodFromId } from "./periods";

const EN_MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/**
 * @example formatPeriod("2026-11-1", "zh-CN") // "2026年11月上旬"
 * @example formatPeriod("2026-W46", "en-US") // "week 46 of 2026 (9–15 Nov)"
 * An id that is no period comes back as it is.
 */
export function formatPeriod(id: string, locale: Locale): string {
  const period = periodFromId(id);
  if (!period) return id;
  const { year, month, day } = ymdOf(period.start);
  const end = ymdOf(period.end);
  const zh = locale === "zh-CN";
  const monthName = EN_MONTHS[month - 1]!;
  switch (period.cycle) {
    case "year":
      return zh ? `${year}年` : String(year);
    case "half":
      return zh ? `${year}年${month === 1 ? "上" : "下"}半年` : `H${month === 1 ? 1 : 2} ${year}`;
    case "quarter":
      return zh ? `${year}年第${Math.ceil(month / 3)}季度` : `Q${Math.ceil(month / 3)} ${year}`;
    case "month":
      return zh ? `${year}年${month}月` : `${monthName} ${year}`;
    case "halfMonth":
      return zh
        ? `${year}年${month}月${day === 1 ? "上" : "下"}半月`
        : `${day}–${end.day} ${monthName} ${year}`;
    case "tenDay":
      return zh
        ? `${year}年${month}月${["上", "中", "下"][Math.floor((day - 1) / 10)]}旬`
        : `${day}–${end.day} ${monthName} ${year}`;
    case "week": {
      const { week, year: weekYear } = isoWeekOf(period.start);
      const span = zh
        ? `${month}月${day}日–${end.month}月${end.day}日`
        : `${day} ${monthName.slice(0, 3)}–${end.day} ${EN_MONTHS[end.month - 1]!.slice(0, 3)}`;
      return zh ? `${weekYear}年第${week}周（${span}）` : `week ${week} of ${weekYear} (${span})`;
    }
    case "day":
      return zh ? `${year}年${month}月${day}日` : id;
  }
}
