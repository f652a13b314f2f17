// State of the findings list: the filters, the rows they leave, each filter's counts, the grid's columns.

import { useCallback, useMemo, useState } from "react";
import type { RowRenderer } from "@fluentui-contrib/react-data-grid-react-window";
import { word, type RuleId, type Severity } from "../../core";
import { facets, matches, SEVERITIES, type FindingItem } from "../findings";
import { PANE_CATALOGUES } from "../i18n";
import { findingColumns } from "./findingColumns";
import { FindingRow } from "./FindingRow";
import type { FindingsListProps, FindingsListState } from "./FindingsList.types";
import { MAX_ROWS, ROW_HEIGHT, useFindingsListStyles } from "./useFindingsListStyles.styles";

export function useFindingsList({ items, locale, onOpen }: FindingsListProps): FindingsListState {
  const styles = useFindingsListStyles();
  const [severities, setSeverities] = useState<ReadonlySet<Severity>>(() => new Set(SEVERITIES));
  const [rule, setRule] = useState<RuleId>();
  const [unit, setUnit] = useState<string>();

  const filters = useMemo(
    () => ({ severities, ...(rule === undefined ? {} : { rule }), ...(unit === undefined ? {} : { unit }) }),
    [severities, rule, unit],
  );
  const visible = useMemo(() => items.filter((item) => matches(item, filters)), [items, filters]);
  const counts = useMemo(() => facets(items, filters, locale), [items, filters, locale]);
  const columns = useMemo(() => findingColumns(locale, styles), [locale, styles]);

  const toggleSeverity = useCallback((severity: Severity) => {
    setSeverities((before) => {
      const next = new Set(before);
      if (!next.delete(severity)) next.add(severity);
      return next;
    });
  }, []);

  const renderRow = useCallback<RowRenderer<FindingItem>>(
    ({ item, rowId }, style) => <FindingRow key={rowId} item={item} style={style} onOpen={onOpen} />,
    [onOpen],
  );

  return {
    words: PANE_CATALOGUES[locale],
    locale,
    heading: word("findings", locale),
    total: items.length,
    visible,
    facets: counts,
    severities,
    toggleSeverity,
    rule,
    setRule,
    unit,
    setUnit,
    columns,
    renderRow,
    height: Math.min(Math.max(visible.length, 1), MAX_ROWS) * ROW_HEIGHT,
  };
}
