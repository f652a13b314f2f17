// Props of the pane's merge controls (合并反馈, 撤销合并) and of the bar that reports a merge.

import type { Locale, MergeOutcome } from "../../core";
import type { MergeToUndo } from "../../hosts/contract";

export interface MergeActionsProps {
  readonly locale: Locale;
  /** An operation is running, or the as-of date is not a date. */
  readonly disabled: boolean;
  /** The merge the workbook can undo; no 撤销合并 without one. */
  readonly mergeToUndo: MergeToUndo | undefined;
  /** The returned workbooks the person picked (at least one). */
  readonly onMerge: (files: readonly File[]) => void;
  readonly onUndo: () => void;
}

export interface MergeOutcomeBarProps {
  readonly outcome: MergeOutcome;
  /** The Feedback sheet's name as written. */
  readonly feedbackSheet: string | undefined;
  readonly locale: Locale;
  readonly onDismiss: () => void;
}
