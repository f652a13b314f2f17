// What a rule is: metadata beside a `create` that returns per-row and end-of-table hooks.

import type { WorkCalendar } from "../calendar";
import type { Day } from "../day";
import type { MessageValue, RuleFinding } from "../findings";
import type { MessageId } from "../i18n/messages";
import type { RecurringCheck } from "../recurring";
import type { RuleId, Settings, Severity } from "../settings";
import type { Field } from "../table/fields";
import type { TaskRow } from "../table/rows";
import { isFormulaError } from "../values/text";

/** `M`: the message ids the rule reports, and the only ones it may. */
export interface RuleMeta<M extends MessageId = MessageId> {
  readonly id: RuleId;
  readonly defaultSeverity: Severity;
  /**
   * progress: overdue, due soon, done late (the colours of progress); data: a problem with what was
   * typed, counted in the summary's data problems.
   */
  readonly kind: "progress" | "data";
  readonly messageIds: readonly M[];
}

/** A finding on a row of the checked table; the engine places it on the row's cell of `field`. */
export interface RuleReport<M extends MessageId = MessageId> {
  readonly row: TaskRow;
  /** The field whose cell the finding is about; its column is named in the finding. */
  readonly field?: Field;
  readonly messageId: M;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

export interface RuleContext<M extends MessageId = MessageId> {
  readonly asOf: Day;
  readonly calendar: WorkCalendar;
  readonly settings: Settings;
  /** The fields the table has a column for. */
  readonly hasColumn: (field: Field) => boolean;
  /** Names on the roster sheet (normalised), when the workbook has one. */
  readonly roster?: readonly string[];
  /** The first day that is not due soon any more (see dueSoonLimit). */
  readonly dueSoonLimit: Day;
  /** The specification expanded and matched against the ledger, when the workbook has a specification. */
  readonly recurring?: RecurringCheck;
  /** The period a row records (canonical id), when the checked table is a ledger. */
  readonly rowPeriod?: (row: TaskRow) => string | undefined;
  report(finding: RuleReport<M>): void;
  /**
   * A finding on another sheet's cell (the specification, the ledger). Its taskIndex counts only when that
   * sheet is the checked table.
   */
  reportAt(finding: RuleFinding<M>): void;
}

export interface RuleHooks {
  row?(row: TaskRow): void;
  end?(): void;
}

export interface Rule<M extends MessageId = MessageId> {
  readonly meta: RuleMeta<M>;
  create(context: RuleContext<M>): RuleHooks;
}

/**
 * The finding on a cell whose text a rule cannot read: formulaError where the text is a formula's error value
 * (#N/A, #REF! …: the clerk is sent to the formula, not asked to type a word or a date), else `finding`, as the
 * rule words it. Every rule that reads a value reports through it, so that an error is told alike everywhere.
 */
export function unreadableCell<const M extends MessageId>(
  row: TaskRow,
  field: Field,
  text: string,
  finding: { readonly messageId: M; readonly values: Readonly<Record<string, MessageValue>> },
): RuleReport<M | "formulaError"> {
  return isFormulaError(text)
    ? { row, field, messageId: "formulaError", values: { field, value: text } }
    : { row, field, ...finding };
}

/**
 * A rule, its message ids taken from its metadata: reporting an id that is not in the catalogue, or not the
 * rule's own, does not compile.
 */
export function defineRule<const M extends MessageId>(rule: Rule<M>): Rule<M> {
  return rule;
}
