// What the generated sheets say: issues, summary with its bulletin, ranking, notices and the progress chart, as
// SheetSpecs for a host. Each sheet is built in sheets/, on the layout in layout.ts.

import type { CheckResult } from "../check";
import { formatDay } from "../day";
import type { MergeOutcome } from "../feedback/types";
import { CATALOGUES } from "../i18n";
import type { Locale, Settings } from "../settings";
import { historyEntry, trendOf } from "./history";
import type { SheetContext } from "./layout";
import type { HistoryEntry, PreviousRanking } from "./record";
import { feedbackSheet } from "./sheets/feedback";
import { historySheet } from "./sheets/history";
import { issuesSheet } from "./sheets/issues";
import { noticesSheet } from "./sheets/notices";
import { omissionsSheet } from "./sheets/omissions";
import { progressSheet } from "./sheets/progress";
import { rankingSheet } from "./sheets/ranking";
import { summarySheet } from "./sheets/summary";
import type { SheetSpec } from "./spec";
import { styleSheet } from "./styles";

export { displayWidth } from "./layout";
export type { PreviousRanking } from "./record";

export interface GenerateOptions {
  readonly settings: Settings;
  readonly locale: Locale;
  readonly previousRanking?: PreviousRanking;
  /**
   * The checks' history with this one in it (see planWrite): the 考核记录 sheet shows it, and the scores of the
   * day compared with give the bulletin its changes in score. Without it, no 考核记录 sheet.
   */
  readonly history?: readonly HistoryEntry[];
  /** The merge of the units' answers this check follows: its 反馈情况 sheet comes last. */
  readonly merge?: MergeOutcome;
}

/** What to store in the workbook now, so that the next run can show the change in rank. */
export function rankingRecord(result: CheckResult): PreviousRanking {
  return {
    asOf: formatDay(result.asOf),
    entries: result.ranking.map(({ unit, rank }) => ({ unit, rank })),
  };
}

/**
 * The generated sheets, in tab order: issues (问题清单), summary (汇总), ranking (排名), the history (考核记录)
 * where there is one, notices (督办单), the progress chart (网络推进图), then omissions (漏项清单) where there
 * are any, and feedback (反馈情况) after a merge.
 * Plain values and styles only; every value a person typed stays a string, so `=SUM(A1)` is never a formula.
 */
export function generatedSheets(result: CheckResult, options: GenerateOptions): SheetSpec[] {
  const context = contextFor(result, options);
  const history = options.history ?? [];
  const trend = trendOf(historyEntry(result), options.previousRanking, history);
  const sheets = [
    issuesSheet(context),
    summarySheet(context, trend),
    rankingSheet(context, options.previousRanking),
    ...(history.length > 0 ? [historySheet(context, history, trend)] : []),
    noticesSheet(context),
    progressSheet(context),
  ];
  // 漏项清单 only where a specification was checked against a ledger and something is missing.
  if (result.findings.some((f) => f.rule === "missing-instance")) sheets.push(omissionsSheet(context));
  if (options.merge) sheets.push(feedbackSheet(context, options.merge));
  return sheets;
}

/** What every sheet builder reads, for a check in a locale. */
export function contextFor(result: CheckResult, options: GenerateOptions): SheetContext {
  return {
    result,
    settings: options.settings,
    locale: options.locale,
    catalogue: CATALOGUES[options.locale],
    styles: styleSheet(options.settings),
    asOf: formatDay(result.asOf),
  };
}
