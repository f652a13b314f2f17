// Props of the summary in a few numbers.

import type { Locale, SummaryLine } from "../../core";

export interface SummaryTilesProps {
  /** The summary's total line. */
  readonly total: SummaryLine;
  readonly locale: Locale;
}
