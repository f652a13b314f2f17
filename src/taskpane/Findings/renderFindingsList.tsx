// The findings list's markup: severity toggles, rule and unit pickers, a count, and the virtualized grid.

import { Dropdown, Field, Option, ToggleButton } from "@fluentui/react-components";
import {
  DataGrid,
  DataGridBody,
  DataGridHeader,
  DataGridHeaderCell,
  DataGridRow,
} from "@fluentui-contrib/react-data-grid-react-window";
import { word, type RuleId } from "../../core";
import type { FindingItem } from "../findings";
import type { FindingsListState } from "./FindingsList.types";
import { ROW_HEIGHT, type useFindingsListStyles } from "./useFindingsListStyles.styles";

const ALL = "\u0001all";

const rowId = (item: FindingItem) => item.id;

export function renderFindingsList(
  state: FindingsListState,
  styles: ReturnType<typeof useFindingsListStyles>,
  scrollbarWidth: number,
) {
  const { words, facets, locale } = state;
  const ruleOption = facets.rules.find((r) => r.value === state.rule);
  const unitOption = facets.units.find((u) => u.value === state.unit);
  const { withCount } = words;
  if (state.total === 0)
    return (
      <section className={styles.root} aria-label={state.heading}>
        <h2 className={styles.heading}>{state.heading}</h2>
        <p className={styles.status}>{word("noFindings", locale)}</p>
      </section>
    );
  return (
    <section className={styles.root} aria-label={state.heading}>
      <h2 className={styles.heading}>{withCount(state.heading, state.total)}</h2>
      <div className={styles.severities} role="group" aria-label={words.severityFilter}>
        {facets.severities.map(({ value, label, count }) => (
          <ToggleButton
            key={value}
            size="small"
            checked={state.severities.has(value)}
            onClick={() => state.toggleSeverity(value)}
          >
            {`${label} ${count}`}
          </ToggleButton>
        ))}
      </div>
      <div className={styles.pickers}>
        <Field label={word("rule", locale)}>
          <Dropdown
            className={styles.dropdown}
            listbox={{ className: styles.listbox }}
            value={ruleOption ? ruleOption.label : words.allRules}
            selectedOptions={[state.rule ?? ALL]}
            onOptionSelect={(_, data) =>
              state.setRule(data.optionValue === ALL ? undefined : (data.optionValue as RuleId))
            }
          >
            <Option value={ALL}>{words.allRules}</Option>
            {facets.rules.map(({ value, label, count }) => (
              <Option key={value} value={value} text={label}>
                {withCount(label, count)}
              </Option>
            ))}
          </Dropdown>
        </Field>
        <Field label={word("unit", locale)}>
          <Dropdown
            className={styles.dropdown}
            listbox={{ className: styles.listbox }}
            value={unitOption ? unitOption.label : words.allUnits}
            selectedOptions={[state.unit ?? ALL]}
            onOptionSelect={(_, data) =>
              state.setUnit(data.optionValue === ALL ? undefined : data.optionValue)
            }
          >
            <Option value={ALL}>{words.allUnits}</Option>
            {facets.units.map(({ value, label, count }) => (
              <Option key={value || ALL + "none"} value={value} text={label}>
                {withCount(label, count)}
              </Option>
            ))}
          </Dropdown>
        </Field>
      </div>
      <p className={styles.status} aria-live="polite">
        {state.visible.length > 0 ? words.showing(state.visible.length, state.total) : words.noMatch}
      </p>
      {state.visible.length > 0 && (
        <>
          <DataGrid
            className={styles.grid}
            items={state.visible}
            columns={state.columns}
            getRowId={rowId}
            focusMode="row_unstable"
            size="small"
            aria-label={state.heading}
          >
            <DataGridHeader style={{ paddingRight: scrollbarWidth }}>
              <DataGridRow>
                {({ renderHeaderCell, columnId }) => (
                  <DataGridHeaderCell
                    focusMode="none"
                    className={columnId === "where" ? styles.where : styles.detail}
                  >
                    {renderHeaderCell()}
                  </DataGridHeaderCell>
                )}
              </DataGridRow>
            </DataGridHeader>
            <DataGridBody<FindingItem> itemSize={ROW_HEIGHT} height={state.height}>
              {state.renderRow}
            </DataGridBody>
          </DataGrid>
          <p className={styles.status}>{words.openCellHint}</p>
        </>
      )}
    </section>
  );
}
