// What writing a check puts into a workbook, decided once for every host: the generated sheets, the
// highlights, the styles and Duban's record. A host turns the plan into its own calls (xlsx parts, Office.js
// batches); the workbench previews it.

import type { CheckResult } from "../check";
import { formatDay } from "../day";
import type { MergeOutcome } from "../feedback/types";
import type { Locale, Settings } from "../settings";
import { generatedSheets, rankingRecord } from "./generate";
import { highlightPlan, type HighlightPlan } from "./highlights";
import { historyEntry, recordHistory, withHistory } from "./history";
import { lastMergeRound, rankingBaseline, recordedSharedDone, type DubanRecord } from "./record";
import type { CellStyle, SheetSpec, StyleName } from "./spec";
import { styleSheet } from "./styles";

export interface PlanOptions {
  readonly settings: Settings;
  readonly locale: Locale;
  /** The record the workbook carries before this write: its ranking gives the change in rank. */
  readonly record: DubanRecord | undefined;
  /** The workbook's date system: highlight keys hold its serials for dates. */
  readonly date1904: boolean;
  /**
   * The merge of the units' answers this check follows (the result is of the merged table, checked with
   * keyRows: mergedRows(merge)): its Feedback sheet comes last, its cells are highlighted, its round recorded.
   */
  readonly merge?: MergeOutcome;
}

export interface WritePlan {
  /** The generated sheets in tab order, each under the name it asks for. */
  readonly sheets: readonly SheetSpec[];
  readonly highlights: HighlightPlan;
  /** Each highlight kind's fill and text colour. */
  readonly colors: Settings["colors"];
  readonly styles: Readonly<Record<StyleName, CellStyle>>;
  /**
   * The record to write last. Its `generated` names are those the sheets ask for; a host that has to call a
   * sheet otherwise (a sheet of the person's has the name) records what it wrote, with `writtenRecord`.
   */
  readonly record: DubanRecord;
}

/**
 * Everything a host writes for this check. The ranking is compared with the one the workbook recorded
 * before (re-checking the same day, with the same earlier one), and this day's scores take the place of any
 * the history has for the day, so checking twice writes what checking once did.
 */
export function planWrite(result: CheckResult, options: PlanOptions): WritePlan {
  const { settings, locale } = options;
  const baseline = rankingBaseline(options.record, formatDay(result.asOf));
  const history = withHistory(recordHistory(options.record), historyEntry(result));
  const sheets = generatedSheets(result, {
    settings,
    locale,
    ...(baseline ? { previousRanking: baseline } : {}),
    history,
    ...(options.merge ? { merge: options.merge } : {}),
  });
  const highlights = highlightPlan(result, {
    date1904: options.date1904,
    ...(options.merge ? { merged: options.merge.changes } : {}),
  });
  const round = newer(lastMergeRound(options.record), options.merge?.round);
  // A merge says which done answers still wait; a check without one keeps what the record kept.
  const shared = options.merge ? (options.merge.sharedDone ?? []) : recordedSharedDone(options.record);
  return {
    sheets,
    highlights,
    colors: settings.colors,
    styles: styleSheet(settings),
    record: {
      version: 1,
      generated: sheets.map((spec) => ({ name: spec.name, kind: spec.kind })),
      highlightSheet: highlights.sheet,
      ranking: rankingRecord(result),
      ...(baseline ? { baseline } : {}),
      history,
      ...(round === undefined && shared.length === 0
        ? {}
        : { merge: { ...(round === undefined ? {} : { round }), ...(shared.length > 0 ? { shared } : {}) } }),
    },
  };
}

/** The later of two YYYY-MM-DD days, either absent. */
function newer(a: string | undefined, b: string | undefined): string | undefined {
  if (a === undefined) return b;
  return b !== undefined && b > a ? b : a;
}

/**
 * The plan's record as a host wrote it: the generated sheets under the names they got (in the plan's
 * order), and what the host needs to undo its own changes, if anything.
 */
export function writtenRecord(plan: WritePlan, names: readonly string[], host?: unknown): DubanRecord {
  return {
    ...plan.record,
    generated: plan.sheets.map((spec, i) => ({ name: names[i] ?? spec.name, kind: spec.kind })),
    ...(host !== undefined ? { host } : {}),
  };
}
