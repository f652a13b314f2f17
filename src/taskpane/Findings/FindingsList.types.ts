// Props and state of the findings list: filters by severity, rule and unit over a virtualized grid.

import type { CSSProperties } from "react";
import type { TableColumnDefinition } from "@fluentui/react-components";
import type { RowRenderer } from "@fluentui-contrib/react-data-grid-react-window";
import type { Locale, RuleId, Severity } from "../../core";
import type { Facets, FindingItem } from "../findings";
import type { PaneCatalogue } from "../i18n";

export interface FindingsListProps {
  /** Every finding of the check, worded and in order. */
  readonly items: readonly FindingItem[];
  readonly locale: Locale;
  /** Shows a finding's cell in the workbook. */
  readonly onOpen: (item: FindingItem) => void;
}

export interface FindingsListState {
  readonly words: PaneCatalogue;
  readonly locale: Locale;
  readonly heading: string;
  readonly total: number;
  /** The rows the filters leave (mutable only because DataGrid's props ask for an array). */
  readonly visible: FindingItem[];
  readonly facets: Facets;
  readonly severities: ReadonlySet<Severity>;
  readonly toggleSeverity: (severity: Severity) => void;
  readonly rule: RuleId | undefined;
  readonly setRule: (rule: RuleId | undefined) => void;
  readonly unit: string | undefined;
  readonly setUnit: (unit: string | undefined) => void;
  readonly columns: Array<TableColumnDefinition<FindingItem>>;
  readonly renderRow: RowRenderer<FindingItem>;
  /** The grid's fixed height: up to MAX_ROWS rows, then it scrolls. */
  readonly height: number;
}

export interface FindingRowProps {
  readonly item: FindingItem;
  readonly style: CSSProperties;
  readonly onOpen: (item: FindingItem) => void;
}
