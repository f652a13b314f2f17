// Message bars: a problem with what to do (intent by severity), a success, and the check's notices.

import {
  Button,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from "@fluentui/react-components";
import { formatNotice } from "../../core";
import { PANE_CATALOGUES } from "../i18n";
import { wordProblem } from "../problems";
import type { NoticeBarsProps, OutcomeBarProps, ProblemBarProps } from "./Messages.types";

const useStyles = makeStyles({
  text: { display: "block", marginTop: tokens.spacingVerticalXXS },
  details: {
    margin: `${tokens.spacingVerticalXS} 0 0`,
    paddingLeft: tokens.spacingHorizontalL,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
});

// Multiline always: the pane is narrow, and the automatic layout needs a ResizeObserver for no gain.
export function ProblemBar({ problem, locale, onDismiss, onRemoveBadSettings }: ProblemBarProps) {
  const styles = useStyles();
  const words = PANE_CATALOGUES[locale];
  const worded = wordProblem(problem, locale);
  return (
    <MessageBar intent={worded.intent} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{worded.title}</MessageBarTitle>
        <span className={styles.text}>{worded.text}</span>
        {worded.details.length > 0 && (
          <ul className={styles.details} aria-label={words.detail}>
            {worded.details.map((detail) => (
              <li key={detail}>{detail}</li>
            ))}
          </ul>
        )}
      </MessageBarBody>
      <MessageBarActions>
        {problem.kind === "settings" && (
          <Button onClick={onRemoveBadSettings}>{words.removeBadSettings}</Button>
        )}
        <Button onClick={onDismiss}>{words.dismiss}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function OutcomeBar({ outcome, locale, onDismiss }: OutcomeBarProps) {
  const styles = useStyles();
  const words = PANE_CATALOGUES[locale];
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody>
        {outcome.kind === "written" ? (
          <>
            <MessageBarTitle>{words.writtenTitle}</MessageBarTitle>
            <span className={styles.text}>{words.written(outcome.sheets)}</span>
          </>
        ) : outcome.kind === "undone" ? (
          words.undone(outcome.cells)
        ) : outcome.kind === "merged" ? (
          words.mergedTitle
        ) : outcome.kind === "notices" ? (
          words.noticeFilesTitle(outcome.files.length)
        ) : (
          words.cleared
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onDismiss}>{words.dismiss}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}

export function NoticeBars({ notices, locale }: NoticeBarsProps) {
  return (
    <>
      {notices.map((notice, i) => (
        <MessageBar key={`${i}:${notice.id}`} intent="warning" layout="multiline">
          <MessageBarBody>{formatNotice(notice, locale)}</MessageBarBody>
        </MessageBar>
      ))}
    </>
  );
}
