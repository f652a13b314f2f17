// The pane's markup: as-of date and Check, progress, messages, the table, the summary, actions, findings.

import { Button, Field, Input } from "@fluentui/react-components";
import { FindingsList } from "../Findings/FindingsList";
import { TableSection } from "../Mapping/TableSection";
import { MergeActions, MergeOutcomeBar } from "../Merge/Merge";
import { NoticeBars, OutcomeBar, ProblemBar } from "../Messages/Messages";
import { NoticeFilesBar } from "../Notices/NoticeFiles";
import { OperationProgress } from "../Progress/OperationProgress";
import { SummaryTiles } from "../Summary/SummaryTiles";
import type { PaneState } from "./Pane.types";
import type { usePaneStyles } from "./usePaneStyles.styles";

export function renderPane(state: PaneState, styles: ReturnType<typeof usePaneStyles>) {
  const { words, core, locale, checked, busy } = state;
  return (
    <main className={styles.root} lang={locale}>
      <h1 className={styles.title}>{words.appTitle}</h1>
      <div className={styles.checkBar}>
        <Field
          className={styles.asOf}
          label={core.words.asOf}
          validationMessage={state.asOf === undefined ? words.asOfInvalid : undefined}
        >
          <Input type="date" value={state.asOfText} onChange={(_, data) => state.setAsOfText(data.value)} />
        </Field>
        <Button appearance="primary" onClick={state.check} disabled={busy || state.asOf === undefined}>
          {checked ? words.checkAgain : core.words.check}
        </Button>
      </div>
      {state.operation && (
        <OperationProgress operation={state.operation} locale={locale} onCancel={state.cancel} />
      )}
      {state.problem && (
        <ProblemBar
          problem={state.problem}
          locale={locale}
          onDismiss={state.dismissProblem}
          onRemoveBadSettings={state.removeBadSettings}
        />
      )}
      {state.outcome?.kind === "merged" ? (
        <MergeOutcomeBar
          outcome={state.outcome.outcome}
          feedbackSheet={state.outcome.feedbackSheet}
          locale={locale}
          onDismiss={state.dismissOutcome}
        />
      ) : state.outcome?.kind === "notices" ? (
        <NoticeFilesBar
          files={state.outcome.files}
          {...(state.outcome.unaddressed ? { unaddressed: state.outcome.unaddressed } : {})}
          locale={locale}
          onDismiss={state.dismissOutcome}
        />
      ) : (
        state.outcome && (
          <OutcomeBar outcome={state.outcome} locale={locale} onDismiss={state.dismissOutcome} />
        )
      )}
      {checked && <NoticeBars notices={checked.result.notices} locale={locale} />}
      {state.showTable && (
        <TableSection
          host={state.host}
          locale={locale}
          mapping={state.mapping}
          detected={checked !== undefined}
          editing={state.editing}
          onEditingChange={state.setEditing}
          disabled={busy}
          onSave={state.saveCorrection}
          onError={state.reportError}
        />
      )}
      {checked && (
        <section className={styles.section} aria-label={words.summaryHeading}>
          <h2 className={styles.heading}>{words.summaryHeading}</h2>
          <SummaryTiles total={checked.result.summary.total} locale={locale} />
        </section>
      )}
      <div className={styles.actions}>
        {checked && (
          <Button onClick={state.write} disabled={busy}>
            {words.write}
          </Button>
        )}
        <Button onClick={state.clear} disabled={busy}>
          {words.clear}
        </Button>
        <MergeActions
          locale={locale}
          disabled={busy || state.asOf === undefined}
          mergeToUndo={state.mergeToUndo}
          onMerge={state.merge}
          onUndo={state.undoMerge}
        />
        <Button onClick={state.noticeFiles} disabled={busy || state.asOf === undefined}>
          {words.noticeFiles}
        </Button>
      </div>
      {checked && (
        <FindingsList key={checked.id} items={state.items} locale={locale} onOpen={state.openFinding} />
      )}
    </main>
  );
}
