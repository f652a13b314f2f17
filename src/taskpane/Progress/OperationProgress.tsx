// The running operation: its phase, a progress bar (indeterminate until the host reports), and Cancel.

import { Button, Field, makeStyles, ProgressBar, tokens } from "@fluentui/react-components";
import { PANE_CATALOGUES, type PaneCatalogue } from "../i18n";
import type { Operation } from "../useCheck.types";
import type { OperationProgressProps } from "./OperationProgress.types";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-end", gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, minWidth: 0 },
});

function phaseLabel(operation: Operation, words: PaneCatalogue): string {
  if (operation.cancelling) return words.cancelling;
  if (operation.progress) return words.phases[operation.progress.phase];
  const first = {
    check: "reading",
    save: "saving",
    write: "writing",
    clear: "clearing",
    merge: "merging",
    undo: "undoing",
    notices: "noticing",
  } as const;
  return words.phases[first[operation.kind]];
}

export function OperationProgress({ operation, locale, onCancel }: OperationProgressProps) {
  const styles = useStyles();
  const words = PANE_CATALOGUES[locale];
  const { progress } = operation;
  const known = progress !== undefined && progress.total > 0;
  return (
    <div className={styles.root}>
      <Field
        className={styles.field}
        label={phaseLabel(operation, words)}
        validationState="none"
        validationMessage={known ? words.progressCount(progress.done, progress.total) : undefined}
      >
        <ProgressBar value={known ? Math.min(progress.done / progress.total, 1) : undefined} />
      </Field>
      {operation.cancellable && (
        <Button onClick={onCancel} disabled={operation.cancelling}>
          {words.cancel}
        </Button>
      )}
    </div>
  );
}
