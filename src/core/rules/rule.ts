// What a rule is: metadata beside a `create` that returns per-row and end-of-table hooks.

import type { WorkCalendar } from "../calendar";
import type { Day } from "../day";
import type { MessageValue } from "../findings";
import type { CellReport, RecurringCheck } from "../recurring";
import type { RuleId, Settings, Severity } from "../settings";
import type { Field } from "../table/fields";
import type { TaskRow } from "../table/rows";

export interface RuleMeta {
  readonly id: RuleId;
  readonly defaultSeverity: Severity;
  /**
   * progress: overdue, due soon, done late (the colours of progress); data: a problem with what was
   * typed, counted in the summary's data problems.
   */
  readonly kind: "progress" | "data";
  readonly messageIds: readonly string[];
}

export interface RuleReport {
  readonly row: TaskRow;
  /** The field whose cell the finding is about; its column is named in the finding. */
  readonly field?: Field;
  readonly messageId: string;
  readonly values?: Readonly<Record<string, MessageValue>>;
}

export interface RuleContext {
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
  report(finding: RuleReport): void;
  /** A finding on another sheet's cell (the specification, the ledger). */
  reportAt(finding: CellReport): void;
}

export interface RuleHooks {
  row?(row: TaskRow): void;
  end?(): void;
}

export interface Rule {
  readonly meta: RuleMeta;
  create(context: RuleContext): RuleHooks;
}
