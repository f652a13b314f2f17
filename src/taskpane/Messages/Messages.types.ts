// Props of the pane's message bars: what went wrong, what was done, and the check's notices.

import type { Locale, Notice } from "../../core";
import type { PaneProblem } from "../problems";
import type { Outcome } from "../useCheck.types";

export interface ProblemBarProps {
  readonly problem: PaneProblem;
  readonly locale: Locale;
  readonly onDismiss: () => void;
  /** Offered for wrong stored settings. */
  readonly onRemoveBadSettings: () => void;
}

export interface OutcomeBarProps {
  readonly outcome: Outcome;
  readonly locale: Locale;
  readonly onDismiss: () => void;
}

export interface NoticeBarsProps {
  readonly notices: readonly Notice[];
  readonly locale: Locale;
}
