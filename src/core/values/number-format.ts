// Which number formats show dates: both hosts read a number as a date by its format.

export type FormatKind = "date" | "time" | "other";

/**
 * What a number format shows: a date (it has a year, month or day), only a time of day or a duration, or
 * neither. Text in quotes, escaped and padding characters, and [brackets] (colours, conditions, locales) are
 * not tokens; `[h]`, `[mm]`, `[ss]` are durations. Year and day letters count in either case, as in Excel.
 * @example numberFormatKind('yyyy"年"m"月"d"日"') // "date"
 * @example numberFormatKind("[h]:mm") // "time"
 */
export function numberFormatKind(format: string | undefined): FormatKind {
  if (!format) return "other";
  const unquoted = format.replace(/"[^"]*"?/g, "").replace(/\\./g, "");
  const elapsed = /\[(?:h+|m+|s+)\]/i.test(unquoted);
  const tokens = unquoted
    .replace(/\[[^\]]*\]?/g, "")
    .replace(/[_*]./g, "")
    .toLowerCase()
    .replace(/general|am\/pm|a\/p/g, "");
  const time = elapsed || /[hs]/.test(tokens);
  if (/[yd]/.test(tokens) || (/m/.test(tokens) && !time)) return "date";
  return time ? "time" : "other";
}
