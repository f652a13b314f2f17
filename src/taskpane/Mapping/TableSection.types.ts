// Props and state of the table section: where the table was found, and the form to correct it.

import type { Field, Locale } from "../../core";
import type { Catalogue } from "../../core/i18n";
import type { PaneHost } from "../../hosts/contract";
import type { PaneCatalogue } from "../i18n";
import type { ColumnOption, MappingChoice, TableMapping } from "../mapping";

export interface TableSectionProps {
  readonly host: PaneHost;
  readonly locale: Locale;
  /** Where the table is (from the last check), or where the settings and a table problem point. */
  readonly mapping: TableMapping;
  /** true when `mapping` is what a check found. */
  readonly detected: boolean;
  readonly editing: boolean;
  readonly onEditingChange: (editing: boolean) => void;
  /** While the host is busy nothing can be saved. */
  readonly disabled: boolean;
  readonly onSave: (choice: MappingChoice) => void;
  /** Reading sheet names or a header row failed. */
  readonly onError: (error: unknown) => void;
}

export type MappingEditorProps = Pick<
  TableSectionProps,
  "host" | "locale" | "disabled" | "onSave" | "onError"
> & {
  readonly base: TableMapping;
};

export interface MappingEditorState {
  readonly words: PaneCatalogue;
  readonly core: Catalogue;
  readonly disabled: boolean;
  /** undefined while loading. */
  readonly sheets: readonly string[] | undefined;
  readonly sheet: string;
  readonly setSheet: (sheet: string) => void;
  /** null: found by name (自动识别). */
  readonly spec: string | null;
  readonly setSpec: (sheet: string | null) => void;
  readonly ledger: string | null;
  readonly setLedger: (sheet: string | null) => void;
  readonly headerRowText: string;
  readonly setHeaderRowText: (text: string) => void;
  /** undefined while the text is not a row number. */
  readonly headerRow: number | undefined;
  /** undefined while the header row is being read. */
  readonly headerTexts: readonly string[] | undefined;
  readonly options: readonly ColumnOption[];
  /** The column shown for a field: chosen, or as found when sheet and header row are unchanged; undefined: automatic. */
  readonly columnOf: (field: Field) => string | undefined;
  readonly setColumn: (field: Field, letter: string | null) => void;
  readonly canSave: boolean;
  readonly save: () => void;
}
