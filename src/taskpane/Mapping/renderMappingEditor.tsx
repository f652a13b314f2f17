// The correction form's markup: sheet, header row, and one column per field.

import { Button, Dropdown, Field, Input, Option } from "@fluentui/react-components";
import { FIELDS, REQUIRED_FIELDS } from "../../core";
import type { ColumnOption } from "../mapping";
import type { MappingEditorState } from "./TableSection.types";
import { useTableSectionStyles } from "./useTableSectionStyles.styles";

const AUTO = "auto";

export function renderMappingEditor(
  state: MappingEditorState,
  styles: ReturnType<typeof useTableSectionStyles>,
) {
  const { words, core } = state;
  const optionText = (option: ColumnOption) => `${option.letter} · ${option.header || words.emptyHeader}`;
  const textOf = (letter: string | undefined) => {
    if (letter === undefined) return words.columnAuto;
    const option = state.options.find((o) => o.letter === letter);
    return option ? optionText(option) : letter;
  };
  const sheets = state.sheets ?? (state.sheet ? [state.sheet] : []);
  return (
    <form
      className={styles.form}
      aria-label={words.tableHeading}
      onSubmit={(event) => {
        event.preventDefault();
        state.save();
      }}
    >
      <Field label={core.words.sheet}>
        <Dropdown
          className={styles.dropdown}
          listbox={{ className: styles.listbox }}
          value={state.sheet}
          selectedOptions={state.sheet ? [state.sheet] : []}
          onOptionSelect={(_, data) => data.optionValue && state.setSheet(data.optionValue)}
        >
          {sheets.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {(["spec", "ledger"] as const).map((key) => {
        const value = key === "spec" ? state.spec : state.ledger;
        const set = key === "spec" ? state.setSpec : state.setLedger;
        return (
          <Field key={key} label={key === "spec" ? words.specSheet : words.ledgerSheet}>
            <Dropdown
              className={styles.dropdown}
              listbox={{ className: styles.listbox }}
              value={value ?? words.columnAuto}
              selectedOptions={[value ?? AUTO]}
              onOptionSelect={(_, data) => set(data.optionValue === AUTO ? null : (data.optionValue ?? null))}
            >
              <Option value={AUTO}>{words.columnAuto}</Option>
              {sheets.map((name) => (
                <Option key={name} value={name}>
                  {name}
                </Option>
              ))}
            </Dropdown>
          </Field>
        );
      })}
      <Field
        label={words.rowNumber}
        validationMessage={state.headerRow === undefined ? words.headerRowInvalid : undefined}
      >
        <Input
          type="number"
          min={1}
          step={1}
          inputMode="numeric"
          value={state.headerRowText}
          onChange={(_, data) => state.setHeaderRowText(data.value)}
        />
      </Field>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>{words.columnsHeading}</legend>
        {state.headerTexts === undefined && <p className={styles.line}>{words.loadingOptions}</p>}
        {FIELDS.map((field) => {
          const letter = state.columnOf(field);
          return (
            <Field
              key={field}
              className={styles.columnField}
              label={core.fields[field]}
              orientation="horizontal"
              required={REQUIRED_FIELDS.includes(field)}
            >
              <Dropdown
                className={styles.dropdown}
                listbox={{ className: styles.listbox }}
                value={textOf(letter)}
                selectedOptions={[letter ?? AUTO]}
                onOptionSelect={(_, data) =>
                  data.optionValue &&
                  state.setColumn(field, data.optionValue === AUTO ? null : data.optionValue)
                }
              >
                <Option value={AUTO}>{words.columnAuto}</Option>
                {state.options.map((option) => (
                  <Option key={option.letter} value={option.letter}>
                    {optionText(option)}
                  </Option>
                ))}
              </Dropdown>
            </Field>
          );
        })}
      </fieldset>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={!state.canSave}>
          {words.saveAndCheck}
        </Button>
      </div>
    </form>
  );
}
