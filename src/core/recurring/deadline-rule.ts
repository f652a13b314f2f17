// Deadline rules as clerks write them in a specification (每月25日前, 每季度末, 每周五): period in, deadline out.

import type { WorkCalendar } from "../calendar";
import { dayFromYmd, daysInMonth, ymdOf, type Day } from "../day";
import { isDateCell, type CellValue } from "../workbook";
import { ENGLISH_MONTH_NAMES, TIME_OF_DAY } from "../values/date";
import { smallNumber } from "../values/numerals";
import type { Period, RecurringCycle } from "./periods";

/** Where in (or after) its period a deadline falls. Months are counted from the period's first month. */
type Anchor =
  | { readonly kind: "end" }
  /** `month`: 0 the period's first month, "last" its last, "next" the month after it; `day` "end": month end. */
  | { readonly kind: "monthDay"; readonly month: number | "last" | "next"; readonly day: number | "end" }
  /** ISO weekday, Monday 1 … Sunday 7. */
  | { readonly kind: "weekday"; readonly weekday: number }
  /** Month (1-12) and day of a year. */
  | { readonly kind: "yearDate"; readonly month: number; readonly day: number | "end" }
  | { readonly kind: "afterEnd"; readonly days: number; readonly workdays: boolean }
  /** The period's n-th working day from its start (第一个工作日, 前5个工作日), or its last one. */
  | { readonly kind: "workday"; readonly n: number | "last" };

export interface DeadlineRule {
  /** The rule as written, trimmed. */
  readonly text: string;
  /** The cycle the rule names (每月 → month, 周五 → week); undefined when it names none (期末, 结束后5日内). */
  readonly cycle?: RecurringCycle;
  readonly anchor: Anchor;
}

export type ParsedRule =
  | { readonly kind: "empty" }
  | { readonly kind: "rule"; readonly rule: DeadlineRule }
  | { readonly kind: "invalid"; readonly text: string };

/** A rule bound to the cycle it is used with. */
export interface ResolvedRule {
  readonly cycle: RecurringCycle;
  /** The deadline of one period of `cycle`; never before the period starts. */
  deadline(period: Period): Day;
}

/** Why a rule cannot be used: unreadable text, a rule for another cycle, or no cycle at all. */
export type RuleProblem = "unreadable" | "cycle-mismatch" | "no-cycle";

const CYCLE_WORDS: ReadonlyArray<[RegExp, RecurringCycle]> = [
  [/^半年度?/, "half"],
  [/^年度?/, "year"],
  [/^季度?/, "quarter"],
  [/^月度?/, "month"],
  [/^半月/, "halfMonth"],
  [/^旬/, "tenDay"],
  [/^(?:周|星期|礼拜)/, "week"],
  [/^(?:工作日|日|天)/, "day"],
];

const N = "(\\d{1,2}|[一二三四五六七八九十]{1,3})";
const WEEKDAY: Readonly<Record<string, number>> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 日: 7, 天: 7 };
const MONTH_INDEX: Readonly<Record<string, number | "last" | "next">> = {
  首: 0,
  第一个: 0,
  第一: 0,
  第1个: 0,
  第1: 0,
  第二个: 1,
  第二: 1,
  第2个: 1,
  第2: 1,
  第三个: 2,
  第三: 2,
  第3个: 2,
  第3: 2,
  末: "last",
  最后一个: "last",
  次: "next",
  下: "next",
  下个: "next",
  下一个: "next",
};

/** The part after the cycle word; `implied` is the cycle such an anchor belongs to when none is named. */
const CN_ANCHORS: ReadonlyArray<
  [RegExp, (m: RegExpExecArray) => Anchor | undefined, RecurringCycle | undefined]
> = [
  [/^(?:底|末|终|末尾|末日|最后一天|最后1天|结束|结束时|期末)?$/, () => ({ kind: "end" }), undefined],
  [new RegExp(`^${N}[日号]$`), (m) => monthDay(0, smallNumber(m[1]!)), "month"],
  [/^([上中下])旬$/, (m) => monthDay(0, m[1] === "上" ? 10 : m[1] === "中" ? 20 : "end"), "month"],
  [
    new RegExp(`^(首|第[一二三123]个?|末|最后一个)月(?:${N}[日号]|(底|末))$`),
    (m) => monthDay(MONTH_INDEX[m[1]!]!, m[2] ? smallNumber(m[2]) : "end"),
    "quarter",
  ],
  [
    new RegExp(`^(次|下一?个?)月(?:${N}[日号]|(底|末))$`),
    (m) => monthDay("next", m[2] ? smallNumber(m[2]) : "end"),
    "month",
  ],
  [
    new RegExp(`^${N}月(?:${N}[日号]|(底|末))$`),
    (m) => yearDate(smallNumber(m[1]!), m[2] ? smallNumber(m[2]) : "end"),
    "year",
  ],
  [/^(?:周|星期|礼拜)([一二三四五六日天1-7])$/, (m) => weekday(m[1]!), "week"],
  [
    new RegExp(`^(?:期满|结束|期末)?后${N}个?(工作日|日|天)$`),
    (m) => ({ kind: "afterEnd", days: smallNumber(m[1]!), workdays: m[2] === "工作日" }),
    undefined,
  ],
  // 每月最后一个工作日; 每月第一个工作日, 每月前5个工作日, 每月5个工作日内: the period's working days.
  [/^(?:最后一|最后1|末)个工作日$/, () => ({ kind: "workday", n: "last" }), undefined],
  [new RegExp(`^(?:第|前)?${N}个工作日$`), (m) => workday(smallNumber(m[1]!)), undefined],
  // 次月前5个工作日, 次月5个工作日内: working days after the period, as 结束后5个工作日内.
  [
    new RegExp(`^(?:次|下一?个?)月(?:第|前)?${N}个工作日$`),
    (m) => ({ kind: "afterEnd", days: smallNumber(m[1]!), workdays: true }),
    undefined,
  ],
];

/** No period has more than 23 working days in a month; a quarter's or a year's may be counted further. */
function workday(n: number): Anchor | undefined {
  return n >= 1 && n <= 250 ? { kind: "workday", n } : undefined;
}

function monthDay(month: number | "last" | "next", day: number | "end"): Anchor | undefined {
  return day === "end" || (day >= 1 && day <= 31) ? { kind: "monthDay", month, day } : undefined;
}

function yearDate(month: number, day: number | "end"): Anchor | undefined {
  if (month < 1 || month > 12) return undefined;
  // 2月29日 exists in leap years; other years take 28 February (see dayInMonth).
  if (day !== "end" && (day < 1 || day > daysInMonth(2024, month))) return undefined;
  return { kind: "yearDate", month, day };
}

function weekday(text: string): Anchor | undefined {
  const n = WEEKDAY[text] ?? Number(text);
  return n >= 1 && n <= 7 ? { kind: "weekday", weekday: n } : undefined;
}

/** Words around the rule that do not change it: 于每月25日前完成 / 每季度末报送 / 每月底以前. */
const LEADING = /^(?:须于|应于|需于|必须于|于|在)/;
const TRAILING_VERB = /(?:前|之前|以前|内|以内)?(?:完成|报送|上报|提交|报出|报|办结|落实|召开)$/;
const TRAILING = /(?:之前|以前|前|为止|止|以内|内|\(含\)|含)$/;
/** The hour of the day on the rule's day, as after a date: 每周五下班前, 每月25日17:00前. */
const HOUR = new RegExp(`(?:${TIME_OF_DAY})+$`, "u");

function readChinese(text: string): DeadlineRule | undefined {
  let t = text.replace(LEADING, "").replace(TRAILING_VERB, "").replace(TRAILING, "").replace(HOUR, "");
  t = t.replace(/^(?:每个?|逢|按)/, "");
  let cycle: RecurringCycle | undefined;
  for (const [pattern, named] of CYCLE_WORDS) {
    const m = pattern.exec(t);
    if (!m) continue;
    // 月末 names a cycle; 12月31日 does not (a digit comes before 月).
    cycle = named;
    t = t.slice(m[0].length).replace(/^的/, "");
    // 每年年底, 每月月末: the cycle word again before the anchor.
    const again = pattern.exec(t);
    if (again && /^(?:底|末)/.test(t.slice(again[0].length))) t = t.slice(again[0].length);
    // 每周五: the weekday follows the cycle word itself.
    if (named === "week" && /^[一二三四五六日天1-7]$/.test(t)) t = `周${t}`;
    break;
  }
  for (const [pattern, build, implied] of CN_ANCHORS) {
    const m = pattern.exec(t);
    if (!m) continue;
    const anchor = build(m);
    if (!anchor) return undefined;
    const named = cycle ?? implied;
    return named === undefined ? { text, anchor } : { text, cycle: named, anchor };
  }
  return undefined;
}

const EN_CYCLE: ReadonlyArray<[RegExp, RecurringCycle]> = [
  [/^(?:half[- ]?year|half|six months|semester)$/, "half"],
  [/^(?:year|annual|calendar year)$/, "year"],
  [/^quarter$/, "quarter"],
  [/^month$/, "month"],
  [/^(?:ten[- ]day period|ten days|dekad|xun)$/, "tenDay"],
  [/^week$/, "week"],
  [/^(?:day|working day|workday|business day)$/, "day"],
];
const EN_CYCLE_WORD =
  "(half[- ]?year|half|six months|year|annual|quarter|month|ten[- ]day period|ten days|week|day|working day|workday|business day)";
const EN_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const EN_MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";
const EN_WEEKDAY = "(mon|tue|wed|thu|fri|sat|sun)[a-z]*";
const ORD = "(\\d{1,2})(?:st|nd|rd|th)?";
const EACH = "(?:each|every|the)";

function enCycle(word: string | undefined): RecurringCycle | undefined {
  if (word === undefined) return undefined;
  for (const [pattern, cycle] of EN_CYCLE) if (pattern.test(word)) return cycle;
  return undefined;
}

const EN_ADVERBS: Readonly<Record<string, RecurringCycle>> = {
  daily: "day",
  weekly: "week",
  monthly: "month",
  quarterly: "quarter",
  "half-yearly": "half",
  yearly: "year",
  annually: "year",
};

const EN_MONTH_INDEX: Readonly<Record<string, number | "last">> = {
  first: 0,
  "1st": 0,
  second: 1,
  "2nd": 1,
  third: 2,
  "3rd": 2,
  last: "last",
  final: "last",
};

const EN_RULES: ReadonlyArray<[RegExp, (m: RegExpExecArray) => Omit<DeadlineRule, "text"> | undefined]> = [
  // end of (each) month · the end of every quarter · end of the period
  [
    new RegExp(`^(?:the )?end of (?:${EACH} )?(?:${EN_CYCLE_WORD}|period)$`),
    (m) => withCycle(enCycle(m[1]), { kind: "end" }),
  ],
  // month end · quarter-end · year end
  [/^(month|quarter|year|half[- ]?year)[- ]?end$/, (m) => withCycle(enCycle(m[1]), { kind: "end" })],
  // monthly · each month · every quarter · daily · every working day
  [
    new RegExp(`^(?:${EACH} ${EN_CYCLE_WORD}|(daily|weekly|monthly|quarterly|half-yearly|yearly|annually))$`),
    (m) => withCycle(enCycle(m[1]) ?? EN_ADVERBS[m[2]!], { kind: "end" }),
  ],
  // (by) the 25th (day) of each month · 25th of every month · the 25th monthly
  [
    new RegExp(`^(?:the )?${ORD}(?: day)? (?:of ${EACH} month|(?:each|every) month|monthly)$`),
    (m) => withCycle("month", monthDay(0, +m[1]!)),
  ],
  // the 10th of the first month of each quarter · 25th of the last month of every half-year
  [
    new RegExp(
      `^(?:the )?${ORD}(?: day)? of the (first|1st|second|2nd|third|3rd|last|final) month of ${EACH} (quarter|half[- ]?year|half|year)$`,
    ),
    (m) => withCycle(enCycle(m[3]), monthDay(EN_MONTH_INDEX[m[2]!]!, +m[1]!)),
  ],
  // the 5th of the next month · 5th of the following month
  [
    new RegExp(`^(?:the )?${ORD}(?: day)? of the (?:next|following) month$`),
    (m) => withCycle(undefined, monthDay("next", +m[1]!)),
  ],
  // Friday (of) each week · every Friday · Fridays · Friday
  [
    new RegExp(
      `^(?:(?:each|every) )?${EN_WEEKDAY}s?(?: (?:of )?(?:each|every) week|(?: each| every)? weekly)?$`,
    ),
    (m) => withCycle("week", weekday(String(EN_WEEKDAYS.findIndex((d) => d.startsWith(m[1]!)) + 1))),
  ],
  // December 31 (each year) · 31 December every year · Dec 31st
  [
    new RegExp(`^${EN_MONTH} ${ORD}(?:,? ${EACH} year|,? annually|,? yearly)?$`),
    (m) => withCycle("year", yearDate(monthNumber(m[1]!), +m[2]!)),
  ],
  [
    new RegExp(`^(?:the )?${ORD}(?: of)? ${EN_MONTH}(?:,? ${EACH} year|,? annually|,? yearly)?$`),
    (m) => withCycle("year", yearDate(monthNumber(m[2]!), +m[1]!)),
  ],
  // the last working day of each month · first business day of every quarter · the 5th working day of the month
  [
    new RegExp(
      `^(?:the )?(last|final|first|${ORD}) (?:working|business) day of (?:${EACH} )?${EN_CYCLE_WORD}$`,
    ),
    (m) =>
      withCycle(
        enCycle(m[3]),
        m[1] === "last" || m[1] === "final"
          ? { kind: "workday", n: "last" }
          : workday(m[1] === "first" ? 1 : +m[2]!),
      ),
  ],
  // (within) 5 (working) days after the end of the month · 10 days after the quarter ends · 3 business days after period end
  [
    new RegExp(
      `^(?:within )?(\\d{1,3}) (working |business )?days? after (?:the )?(?:end of (?:the |each |every )?(?:${EN_CYCLE_WORD}|period)|(?:${EN_CYCLE_WORD}|period)[- ]?ends?)$`,
    ),
    (m) => withCycle(enCycle(m[3] ?? m[4]), { kind: "afterEnd", days: +m[1]!, workdays: m[2] !== undefined }),
  ],
];

function monthNumber(word: string): number {
  return ENGLISH_MONTH_NAMES.findIndex((name) => name.startsWith(word)) + 1;
}

function withCycle(
  cycle: RecurringCycle | undefined,
  anchor: Anchor | undefined,
): Omit<DeadlineRule, "text"> | undefined {
  if (!anchor) return undefined;
  return cycle === undefined ? { anchor } : { cycle, anchor };
}

function readEnglish(text: string): DeadlineRule | undefined {
  const t = text
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[.;]$/, "")
    .replace(/^(?:by|before|due|no later than|not later than|on or before|until)\s+/, "")
    .replace(/^(?:by|before)\s+/, "");
  for (const [pattern, build] of EN_RULES) {
    const m = pattern.exec(t);
    if (!m) continue;
    const rule = build(m);
    return rule && { text, ...rule };
  }
  return undefined;
}

/**
 * Reads a deadline rule. Chinese: an optional 每/每个, a cycle word (年, 半年, 季度, 月, 旬, 周/星期, 日), and
 * an anchor: 底/末 (the period's end), N日 (of the month), 上/中/下旬 (the 10th, 20th, month end), 首月/末月/
 * 第二个月 N日 (of a quarter, half or year), 次月 N日 (the month after the period), M月D日 / M月底 (of a year),
 * 周X / 星期X, 结束后N日/N个工作日, 最后一个工作日 / 第N个工作日 / 前N个工作日 (of the period), 次月前N个工作日;
 * 前/以前/内 and a verb such as 完成 or 报送 around it change nothing.
 * 年底前 and 月末 name the cycle by themselves. English: "end of (each) month|quarter|half-year|year|ten-day
 * period|week", "month end", "monthly", "each quarter", "daily", "(by) the 25th of each month", "the 10th of
 * the first month of each quarter", "the 5th of the next month", "Friday each week", "every Friday",
 * "December 31 each year", "31 December", "within 5 working days after the end of the month", "last working day
 * of each month", "the 3rd working day of the month".
 * A day past a month's end means its last day (每月31日 in February is 28 or 29 February). A real date in the
 * rule column is its month and day every year (for a yearly task). Days are not moved off weekends.
 * @example parseDeadlineRule("每季度首月10日前") // rule { cycle: "quarter", anchor: monthDay 0, 10 }
 */
export function parseDeadlineRule(value: CellValue | undefined): ParsedRule {
  if (value === null || value === undefined) return { kind: "empty" };
  if (isDateCell(value)) {
    const { month, day } = ymdOf(value.day);
    const anchor = yearDate(month, day)!;
    return { kind: "rule", rule: { text: `${month}月${day}日`, cycle: "year", anchor } };
  }
  const raw = String(value).trim();
  const folded = raw.normalize("NFKC").trim();
  if (folded === "") return { kind: "empty" };
  const rule = /[\u4e00-\u9fff]/.test(folded)
    ? readChinese(folded.replace(/\s+/g, "").replace(/[（(][^)）]*[)）]$/, ""))
    : (readEnglish(folded) ?? readChinese(folded.replace(/\s+/g, "")));
  return rule ? { kind: "rule", rule: { ...rule, text: raw } } : { kind: "invalid", text: raw };
}

/** How many months a period of the cycle spans; 0 for cycles that are not made of months. */
const MONTHS_IN: Readonly<Record<RecurringCycle, number>> = {
  year: 12,
  half: 6,
  quarter: 3,
  month: 1,
  halfMonth: 0,
  tenDay: 0,
  week: 0,
  day: 0,
};

function fits(anchor: Anchor, cycle: RecurringCycle): boolean {
  switch (anchor.kind) {
    case "end":
    case "afterEnd":
      return true;
    case "workday":
      return cycle !== "day";
    case "weekday":
      return cycle === "week";
    case "yearDate":
      return cycle === "year";
    case "monthDay":
      return MONTHS_IN[cycle] > 0 && (typeof anchor.month !== "number" || anchor.month < MONTHS_IN[cycle]);
  }
}

/**
 * Binds a rule to a task's cycle (the cycle column; the rule's own cycle when that column is empty).
 * Without a rule the deadline is the period's last day. Fails when the rule is unreadable, names another
 * cycle than the column (每月25日前 for a quarterly task), or neither says a cycle.
 */
export function resolveRule(
  parsed: ParsedRule,
  cycle: RecurringCycle | undefined,
  calendar: WorkCalendar,
): ResolvedRule | { readonly problem: RuleProblem } {
  if (parsed.kind === "invalid") return { problem: "unreadable" };
  const rule = parsed.kind === "rule" ? parsed.rule : undefined;
  const chosen = cycle ?? rule?.cycle;
  if (chosen === undefined) return { problem: "no-cycle" };
  const anchor = rule?.anchor ?? { kind: "end" };
  if ((rule?.cycle !== undefined && rule.cycle !== chosen) || !fits(anchor, chosen))
    return { problem: "cycle-mismatch" };
  return { cycle: chosen, deadline: (period) => deadlineOf(anchor, period, calendar) };
}

function deadlineOf(anchor: Anchor, period: Period, calendar: WorkCalendar): Day {
  switch (anchor.kind) {
    case "end":
      return period.end;
    case "weekday":
      return period.start + anchor.weekday - 1;
    case "yearDate": {
      const { year } = ymdOf(period.start);
      return dayInMonth(year, anchor.month, anchor.day);
    }
    case "monthDay": {
      const { year, month } = ymdOf(period.start);
      const months = MONTHS_IN[period.cycle];
      const offset = anchor.month === "next" ? months : anchor.month === "last" ? months - 1 : anchor.month;
      const target = month - 1 + offset;
      return dayInMonth(year + Math.floor(target / 12), (target % 12) + 1, anchor.day);
    }
    case "afterEnd": {
      if (!anchor.workdays) return period.end + anchor.days;
      let day = period.end;
      for (let found = 0; found < anchor.days;) if (calendar.isWorkday(++day)) found += 1;
      return day;
    }
    case "workday": {
      // A period with no working day at all (a week of holidays) is due on its last day.
      if (anchor.n === "last") {
        let day = period.end;
        while (day > period.start && !calendar.isWorkday(day)) day--;
        return calendar.isWorkday(day) ? day : period.end;
      }
      let day = period.start - 1;
      for (let found = 0; found < anchor.n && day < period.end;) if (calendar.isWorkday(++day)) found += 1;
      return day;
    }
  }
}

/** A day of a month, a day past its end meaning the last day. */
function dayInMonth(year: number, month: number, day: number | "end"): Day {
  const last = daysInMonth(year, month);
  return dayFromYmd(year, month, day === "end" ? last : Math.min(day, last))!;
}
