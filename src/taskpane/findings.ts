// The findings list's rows and filters, as plain data: worded once per check and locale, filtered per choice.

import {
  bySeverity,
  CATALOGUES,
  findingPlace,
  formatFinding,
  inHiddenRow,
  RULE_IDS,
  type Finding,
  type HiddenRows,
  type Locale,
  type RuleId,
  type Severity,
} from "../core";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** One row of the list: the finding and the words it is shown with. */
export interface FindingItem {
  readonly id: string;
  readonly finding: Finding;
  /** The cell to select: the finding's own, or the row's first cell for a finding about a whole row. */
  readonly cell: string;
  /** The cell as shown: `D4`, or the sheet's row for a finding about a whole row. */
  readonly place: string;
  /** The unit key for filtering: the unit, or "" for a row without one. */
  readonly unitKey: string;
  readonly unitLabel: string;
  readonly message: string;
}

export interface FindingFilters {
  readonly severities: ReadonlySet<Severity>;
  /** undefined: every rule. */
  readonly rule?: RuleId;
  /** undefined: every unit; "" the rows without a unit. */
  readonly unit?: string;
}

export interface FilterOption<T> {
  readonly value: T;
  readonly label: string;
  readonly count: number;
}

export interface Facets {
  readonly severities: ReadonlyArray<FilterOption<Severity>>;
  readonly rules: ReadonlyArray<FilterOption<RuleId>>;
  readonly units: ReadonlyArray<FilterOption<string>>;
}

/**
 * Errors first, then warnings, then info; by row within each; worded in the pane's locale. A finding in a
 * hidden row says so where its cell is named: selecting the cell shows nothing.
 */
export function findingItems(
  findings: readonly Finding[],
  locale: Locale,
  checked: HiddenRows = { sheet: "" },
): FindingItem[] {
  const catalogue = CATALOGUES[locale];
  const hidden = inHiddenRow(checked);
  return [...findings].sort(bySeverity).map((finding, i) => {
    const unit = finding.unit?.trim() ?? "";
    return {
      id: `${i}:${finding.sheet}:${finding.row}:${finding.column ?? ""}:${finding.rule}`,
      finding,
      cell: `${finding.column ?? "A"}${finding.row}`,
      place: findingPlace(finding, locale, hidden(finding)),
      unitKey: unit,
      unitLabel: unit || catalogue.words.noUnit,
      message: formatFinding(finding, locale),
    };
  });
}

export function matches(item: FindingItem, filters: FindingFilters): boolean {
  return (
    filters.severities.has(item.finding.severity) &&
    (filters.rule === undefined || item.finding.rule === filters.rule) &&
    (filters.unit === undefined || item.unitKey === filters.unit)
  );
}

/**
 * Each filter's choices with how many findings each would show given the other filters (the counts on the
 * severity buttons are those of the chosen rule and unit). Rules keep the registry's order, units their names'.
 */
export function facets(items: readonly FindingItem[], filters: FindingFilters, locale: Locale): Facets {
  const catalogue = CATALOGUES[locale];
  const severityCounts = new Map<Severity, number>();
  const ruleCounts = new Map<RuleId, number>();
  const unitCounts = new Map<string, { label: string; count: number }>();
  for (const item of items) {
    const { severity, rule } = item.finding;
    const severityShown = filters.severities.has(severity);
    const ruleShown = filters.rule === undefined || rule === filters.rule;
    const unitShown = filters.unit === undefined || item.unitKey === filters.unit;
    const unit = unitCounts.get(item.unitKey) ?? { label: item.unitLabel, count: 0 };
    unitCounts.set(item.unitKey, unit);
    if (ruleShown && unitShown) severityCounts.set(severity, (severityCounts.get(severity) ?? 0) + 1);
    ruleCounts.set(rule, (ruleCounts.get(rule) ?? 0) + (severityShown && unitShown ? 1 : 0));
    if (severityShown && ruleShown) unit.count++;
  }
  return {
    severities: SEVERITIES.map((value) => ({
      value,
      label: catalogue.severities[value],
      count: severityCounts.get(value) ?? 0,
    })),
    rules: RULE_IDS.filter((rule) => ruleCounts.has(rule)).map((value) => ({
      value,
      label: catalogue.rules[value],
      count: ruleCounts.get(value) ?? 0,
    })),
    units: [...unitCounts]
      .map(([value, { label, count }]) => ({ value, label, count }))
      .sort(
        (a, b) => Number(a.value === "") - Number(b.value === "") || a.label.localeCompare(b.label, locale),
      ),
  };
}
