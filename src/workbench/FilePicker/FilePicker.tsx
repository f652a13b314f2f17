// Choosing a workbook: a real file input with its label drawn as a button (Tab reaches the input, Enter or
// Space opens the browser's picker, and the label shows the focus), inside a drop zone that lights up while
// files are dragged over the page (the page itself takes the drop, see useWorkbench).

import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useId, type ChangeEvent } from "react";
import type { WorkbenchWords } from "../i18n";

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    textAlign: "center",
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalXL}`,
    borderRadius: tokens.borderRadiusXLarge,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  active: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  glyph: { color: tokens.colorBrandForeground1 },
  lead: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { margin: 0, color: tokens.colorNeutralForeground3, maxWidth: "36em" },
  inline: { display: "inline-flex", alignItems: "center" },
  /** Out of sight but focusable, and still the control Playwright and assistive technology find. */
  input: {
    position: "absolute",
    width: "1px",
    height: "1px",
    margin: "-1px",
    padding: 0,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
    border: 0,
    ":focus-visible + label": {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: "2px",
    },
  },
  button: {
    display: "inline-flex",
    alignItems: "center",
    justifyContent: "center",
    boxSizing: "border-box",
    minHeight: "32px",
    padding: `0 ${tokens.spacingHorizontalM}`,
    lineHeight: tokens.lineHeightBase300,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    cursor: "pointer",
    userSelect: "none",
  },
  primary: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid transparent`,
    ":hover": { backgroundColor: tokens.colorBrandBackgroundHover },
    ":active": { backgroundColor: tokens.colorBrandBackgroundPressed },
  },
  secondary: {
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  disabled: { cursor: "not-allowed", opacity: 0.6 },
});

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

interface FileButtonProps {
  readonly label: string;
  readonly onFile: (file: File) => void;
  readonly primary?: boolean;
  readonly disabled?: boolean;
}

/** The file input and its label, drawn as a Fluent button. */
export function FileButton({ label, onFile, primary, disabled }: FileButtonProps) {
  const styles = useStyles();
  const id = useId();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    // Cleared, so that choosing the same file again opens it again.
    event.target.value = "";
    if (file) onFile(file);
  };
  return (
    <span className={styles.inline}>
      <input
        id={id}
        className={styles.input}
        type="file"
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

interface DropZoneProps {
  readonly words: WorkbenchWords;
  readonly dragging: boolean;
  readonly onFile: (file: File) => void;
}

export function DropZone({ words, dragging, onFile }: DropZoneProps) {
  const styles = useStyles();
  return (
    <div
      className={mergeClasses(styles.zone, dragging && styles.active)}
      data-dragging={dragging || undefined}
    >
      <WorkbookGlyph className={styles.glyph} />
      <p className={styles.lead}>{dragging ? words.dropRelease : words.dropHere}</p>
      <p className={styles.hint}>{words.dropHint}</p>
      <FileButton label={words.chooseFile} onFile={onFile} primary />
    </div>
  );
}
