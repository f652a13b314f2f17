// Choosing a workbook: a real file input with its label drawn as a button (Tab reaches the input, Enter or
// Space opens the browser's picker, and the label shows the focus), inside a drop zone that lights up while
// files are dragged over the page (the page itself takes the drop, see Workbench/useFileDrop.ts).

import { mergeClasses } from "@fluentui/react-components";
import { useId, type ChangeEvent } from "react";
import { useFilePickerStyles } from "./useFilePickerStyles.styles";
import type { FileButtonProps, DropZoneProps } from "./FilePicker.types";

/** A sheet with an arrow into it. */
const WorkbookGlyph = ({ className }: { className: string }) => (
  <svg className={className} width="48" height="48" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
    <rect x="9" y="12" width="30" height="30" rx="3" fill="none" stroke="currentColor" strokeWidth="2" />
    <path d="M9 22h30M9 32h30M19 22v20M29 22v20" stroke="currentColor" strokeWidth="1.5" opacity="0.6" />
    <path
      d="M24 3v13m0 0-5-5m5 5 5-5"
      fill="none"
      stroke="currentColor"
      strokeWidth="2.4"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

export const ACCEPT = ".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The file input and its label, drawn as a Fluent button. */
export function FileButton({ label, onFiles, primary, disabled }: FileButtonProps) {
  const styles = useFilePickerStyles();
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const files = [...(event.target.files ?? [])];
    // Cleared, so that choosing the same file again opens it again.
    event.target.value = "";
    if (files.length > 0) onFiles(files);
  };
  return (
    <span className={styles.inline}>
      <input
        id={id}
        className={styles.input}
        type="file"
        multiple
        accept={ACCEPT}
        onChange={onChange}
        disabled={disabled}
      />
      <label
        htmlFor={id}
        className={mergeClasses(
          styles.button,
          primary ? styles.primary : styles.secondary,
          disabled && styles.disabled,
        )}
      >
        {label}
      </label>
    </span>
  );
}

export function DropZone({ words, dragging, onFiles }: DropZoneProps) {
  const styles = useFilePickerStyles();
  return (
    <div
      className={mergeClasses(styles.zone, dragging && styles.active)}
      data-dragging={dragging || undefined}
    >
      <WorkbookGlyph className={styles.glyph} />
      <p className={styles.lead}>{dragging ? words.dropRelease : words.dropHere}</p>
      <p className={styles.hint}>{words.dropHint}</p>
      <FileButton label={words.chooseFile} onFiles={onFiles} primary />
    </div>
  );
}
