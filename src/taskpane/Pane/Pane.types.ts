// Props and state of the pane: the host to work with, the locale, and today's date.

import type { Day, Locale } from "../../core";
import type { Catalogue } from "../../core/i18n";
import type { FindingItem } from "../findings";
import type { PaneHost } from "../../hosts/contract";
import type { PaneCatalogue } from "../i18n";
import type { MappingChoice, TableMapping } from "../mapping";
import type { CheckActions, CheckState } from "../useCheck.types";

export interface PaneProps {
  readonly host: PaneHost;
  readonly locale: Locale;
  /** The as-of date's default; the pane never reads a clock. */
  readonly today: Day;
  /**
   * Returned workbooks to merge, handed over from outside the pane (the workbench's page, where they were
   * dropped): merged once per id, as 合并反馈 merges the files picked.
   */
  readonly mergeRequest?: MergeRequest;
}

export interface MergeRequest {
  readonly id: number;
  readonly files: readonly File[];
}

export interface PaneState extends CheckState, CheckActions {
  readonly host: PaneHost;
  readonly locale: Locale;
  readonly words: PaneCatalogue;
  readonly core: Catalogue;
  /** An operation is running: nothing else may start. */
  readonly busy: boolean;
  /** Where the table is, as found or as the settings and a table problem suggest. */
  readonly mapping: TableMapping;
  /** The table section is shown after a check and after a table problem. */
  readonly showTable: boolean;
  readonly editing: boolean;
  readonly setEditing: (editing: boolean) => void;
  /** Closes the form and saves. */
  readonly saveCorrection: (choice: MappingChoice) => void;
  readonly items: readonly FindingItem[];
}
