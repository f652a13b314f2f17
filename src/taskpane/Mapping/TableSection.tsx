// Where the table was found (sheet, header row, recognised columns), with a way to correct it.

import { useId } from "react";
import { Button } from "@fluentui/react-components";
import { CATALOGUES, FIELDS } from "../../core";
import { PANE_CATALOGUES } from "../i18n";
import { MappingEditor } from "./MappingEditor";
import type { TableSectionProps } from "./TableSection.types";
import { useTableSectionStyles } from "./useTableSectionStyles.styles";

export function TableSection(props: TableSectionProps) {
  const { locale, mapping, detected, editing, onEditingChange } = props;
  const styles = useTableSectionStyles();
  const words = PANE_CATALOGUES[locale];
  const core = CATALOGUES[locale];
  const recognised = FIELDS.filter((field) => mapping.columns[field] !== undefined);
  const headingId = useId();
  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <div className={styles.headingRow}>
        <h2 id={headingId} className={styles.heading}>
          {words.tableHeading}
        </h2>
        <Button size="small" aria-expanded={editing} onClick={() => onEditingChange(!editing)}>
          {editing ? words.closeEditor : words.correct}
        </Button>
      </div>
      {detected && mapping.sheet !== undefined && mapping.headerRow !== undefined && (
        <>
          <p className={styles.line}>{words.detected(mapping.sheet, mapping.headerRow)}</p>
          {recognised.length > 0 ? (
            <ul className={styles.columns} aria-label={words.recognisedColumns}>
              {recognised.map((field) => (
                <li key={field}>
                  {core.fields[field]} <span className={styles.letter}>{mapping.columns[field]}</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className={styles.line}>{words.noColumns}</p>
          )}
        </>
      )}
      {editing && (
        <MappingEditor
          key={JSON.stringify(mapping)}
          host={props.host}
          locale={locale}
          base={mapping}
          disabled={props.disabled}
          onSave={props.onSave}
          onError={props.onError}
        />
      )}
    </section>
  );
}
