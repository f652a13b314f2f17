// State of the correction form: sheet, header row and a column per field, with the header row's texts.

import { useCallback, useEffect, useMemo, useState } from "react";
import { CATALOGUES, FIELDS, type Field } from "../../core";
import { PANE_CATALOGUES } from "../i18n";
import { columnOptions } from "../mapping";
import type { MappingEditorProps, MappingEditorState } from "./TableSection.types";

export function useMappingEditor({
  host,
  locale,
  base,
  disabled,
  onSave,
  onError,
}: MappingEditorProps): MappingEditorState {
  const [sheets, setSheets] = useState<readonly string[]>();
  const [sheet, setSheet] = useState(base.sheet ?? "");
  const [headerRowText, setHeaderRowText] = useState(String(base.headerRow ?? 1));
  const [headerTexts, setHeaderTexts] = useState<readonly string[]>();
  const [chosen, setChosen] = useState<Partial<Record<Field, string | null>>>({});
  const [spec, setSpec] = useState<string | null>(base.spec ?? null);
  const [ledger, setLedger] = useState<string | null>(base.ledger ?? null);
  const headerRow =
    /^\s*\d+\s*$/.test(headerRowText) && Number(headerRowText) >= 1 ? Number(headerRowText) : undefined;

  useEffect(() => {
    let current = true;
    host.sheetNames().then(
      (names) => {
        if (!current) return;
        setSheets(names);
        setSheet((before) => before || names[0] || "");
      },
      (error: unknown) => current && onError(error),
    );
    return () => {
      current = false;
    };
  }, [host, onError]);

  useEffect(() => {
    setHeaderTexts(undefined);
    if (!sheet || headerRow === undefined) return;
    let current = true;
    host.rowTexts(sheet, headerRow).then(
      (texts) => current && setHeaderTexts(texts),
      (error: unknown) => current && onError(error),
    );
    return () => {
      current = false;
    };
  }, [host, sheet, headerRow, onError]);

  const sameLocation = sheet === base.sheet && headerRow === base.headerRow;
  const columnOf = useCallback(
    (field: Field): string | undefined => {
      const choice = chosen[field];
      if (choice !== undefined) return choice ?? undefined;
      return sameLocation ? base.columns[field] : undefined;
    },
    [chosen, sameLocation, base.columns],
  );

  const options = useMemo(() => {
    const letters = FIELDS.map(columnOf).filter((letter): letter is string => letter !== undefined);
    return columnOptions(headerTexts ?? [], letters);
  }, [headerTexts, columnOf]);

  const setColumn = useCallback((field: Field, letter: string | null) => {
    setChosen((before) => ({ ...before, [field]: letter }));
  }, []);

  const canSave = !disabled && sheet !== "" && headerRow !== undefined;
  const save = () => {
    if (!canSave) return;
    onSave({ sheet, headerRow, columns: chosen, locationChanged: !sameLocation, spec, ledger });
  };

  return {
    words: PANE_CATALOGUES[locale],
    core: CATALOGUES[locale],
    disabled,
    sheets,
    sheet,
    setSheet,
    spec,
    setSpec,
    ledger,
    setLedger,
    headerRowText,
    setHeaderRowText,
    headerRow,
    headerTexts,
    options,
    columnOf,
    setColumn,
    canSave,
    save,
  };
}
