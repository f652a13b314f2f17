// The grid's two columns: severity badge over the cell; unit over the message.

import { Badge, createTableColumn, type TableColumnDefinition } from "@fluentui/react-components";
import { CATALOGUES, type Locale, type Severity } from "../../core";
import type { FindingItem } from "../findings";
import { PANE_CATALOGUES } from "../i18n";
import type { useFindingsListStyles } from "./useFindingsListStyles.styles";

const BADGE_COLOR: Readonly<Record<Severity, "danger" | "warning" | "informative">> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

export function findingColumns(
  locale: Locale,
  styles: ReturnType<typeof useFindingsListStyles>,
): Array<TableColumnDefinition<FindingItem>> {
  const words = PANE_CATALOGUES[locale];
  const severities = CATALOGUES[locale].severities;
  return [
    createTableColumn<FindingItem>({
      columnId: "where",
      renderHeaderCell: () => words.whereColumn,
      renderCell: (item) => (
        <div className={styles.cellBox}>
          <Badge appearance="tint" size="small" color={BADGE_COLOR[item.finding.severity]}>
            {severities[item.finding.severity]}
          </Badge>
          <span className={styles.place}>{item.place}</span>
        </div>
      ),
    }),
    createTableColumn<FindingItem>({
      columnId: "detail",
      renderHeaderCell: () => words.detailColumn,
      renderCell: (item) => (
        <div className={styles.cellBox}>
          <span className={styles.unit}>{item.unitLabel}</span>
          <span className={styles.message} title={item.message}>
            {item.message}
          </span>
        </div>
      ),
    }),
  ];
}
