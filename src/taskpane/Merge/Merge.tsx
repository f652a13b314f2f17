// 合并反馈 and 撤销合并: a file picker for the returned workbooks, undo while the workbook holds a merge,
// and the bar that says what a merge did (units answered or not, changes, answers not applied, files skipped).

import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { useRef } from "react";
import { CATALOGUES, keptAnswers } from "../../core";
import { PANE_CATALOGUES } from "../i18n";
import { visuallyHidden } from "../shared.styles";
import type { MergeActionsProps, MergeOutcomeBarProps } from "./Merge.types";

const useStyles = makeStyles({
  // Out of sight but still a control: the button opens it, and a screen reader finds it by its label.
  picker: visuallyHidden,
  caption: { flexBasis: "100%", color: tokens.colorNeutralForeground2 },
  line: { display: "block", marginTop: tokens.spacingVerticalXXS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export function MergeActions({ locale, disabled, mergeToUndo, onMerge, onUndo }: MergeActionsProps) {
  const styles = useStyles();
  const words = PANE_CATALOGUES[locale];
  const picker = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button onClick={() => picker.current?.click()} disabled={disabled}>
        {words.merge}
      </Button>
      <input
        ref={picker}
        className={styles.picker}
        type="file"
        multiple
        accept=".xlsx"
        aria-label={words.mergeFiles}
        tabIndex={-1}
        disabled={disabled}
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          // Picking the same files again must fire a change too.
          event.currentTarget.value = "";
          if (files.length > 0) onMerge(files);
        }}
      />
      {mergeToUndo && (
        <>
          <Button onClick={onUndo} disabled={disabled}>
            {words.undoMerge}
          </Button>
          <Caption1 className={styles.caption}>
            {words.mergeToUndo(mergeToUndo.cells, mergeToUndo.round)}
          </Caption1>
        </>
      )}
    </>
  );
}

export function MergeOutcomeBar({ outcome, feedbackSheet, locale, onDismiss }: MergeOutcomeBarProps) {
  const styles = useStyles();
  const words = PANE_CATALOGUES[locale];
  const reasons = CATALOGUES[locale].output.feedback.skippedReasons;
  const notAnswered = outcome.units.filter((unit) => unit.files.length === 0);
  // A unit whose own file could not be used is told apart: it did send something, listed below with why.
  const unusable = notAnswered.filter((unit) => unit.unusable !== undefined).map((unit) => unit.unit);
  const silent = notAnswered.filter((unit) => unit.unusable === undefined).map((unit) => unit.unit);
  const kept = keptAnswers(outcome);
  // Done answers kept for a later merge are the loop going as it should, not a refusal to look into.
  const clean = outcome.rejected.length === kept && outcome.skipped.length === 0;
  return (
    <MessageBar intent={clean ? "success" : "warning"} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{words.mergedTitle}</MessageBarTitle>
        <span className={styles.line}>
          {words.mergedCounts({
            answered: outcome.units.length - notAnswered.length,
            notAnswered: notAnswered.length,
            changes: outcome.changes.length,
            rejected: outcome.rejected.length,
            kept,
            skipped: outcome.skipped.length,
          })}
        </span>
        {silent.length > 0 && <span className={styles.line}>{words.notAnsweredUnits(silent)}</span>}
        {unusable.length > 0 && <span className={styles.line}>{words.unusableFileUnits(unusable)}</span>}
        {outcome.skipped.length > 0 && (
          <ul className={styles.list} aria-label={words.skippedFiles}>
            {outcome.skipped.map((skipped, i) => (
              <li key={`${i}:${skipped.file}`}>
                {skipped.detail ?? words.skippedFile(skipped.file, reasons[skipped.reason])}
              </li>
            ))}
          </ul>
        )}
        {feedbackSheet && <span className={styles.line}>{words.seeFeedbackSheet(feedbackSheet)}</span>}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onDismiss}>{words.dismiss}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
