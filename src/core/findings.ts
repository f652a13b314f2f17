// Findings are data: rule, severity, where, and values; the words come from the catalogue at the edge.

import type { MessageId, NoticeId } from "./i18n/messages";
import type { RuleId, Severity } from "./settings";

export type MessageValue = string | number;

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly sheet: string;
  /** The sheet's own row number (1-based). */
  readonly row: number;
  /** Column letter; absent for a finding on a whole row. */
  readonly column?: string;
  readonly messageId: MessageId;
  /** Everything the message needs; `cell` and `value` are always there when a cell is named. */
  readonly values: Readonly<Record<string, MessageValue>>;
  readonly unit?: string;
  readonly task?: string;
  /** Canonical period id (2026-10, 2026-Q3) for findings about one period of a recurring task. */
  readonly period?: string;
  /** Index of the task row it concerns, for summaries; absent for findings on other sheets. */
  readonly taskIndex?: number;
}

/**
 * A finding as a rule hands it to the engine, placed on its sheet's cell: the engine adds the rule's id and
 * the severity the settings give it. `M` is the rule's own message ids.
 */
export type RuleFinding<M extends MessageId = MessageId> = Omit<
  Finding,
  "rule" | "severity" | "messageId"
> & {
  readonly messageId: M;
};

/** Something about the whole check that a person should know, e.g. a calendar that had to guess. */
export interface Notice {
  readonly id: NoticeId;
  readonly values: Readonly<Record<string, MessageValue>>;
}

export const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** The checked sheet and its rows (1-based) the person hid or filtered away, as a check's result has them. */
export interface HiddenRows {
  readonly sheet: string;
  readonly hiddenRows?: readonly number[];
}

/** Whether a finding lies in a hidden row of the checked sheet: its highlight cannot be seen, and where it is named says so. */
export function inHiddenRow(checked: HiddenRows): (finding: Finding) => boolean {
  const rows = new Set(checked.hiddenRows);
  return (finding) => finding.sheet === checked.sheet && rows.has(finding.row);
}
