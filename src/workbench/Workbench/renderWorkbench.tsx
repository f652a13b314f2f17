// The workbench page's markup: a header with the language, the file to open (picker or drop), then the pane
// beside the cell it points at and the checked workbook with previews of its generated sheets.

import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  ToggleButton,
  webDarkTheme,
  webLightTheme,
} from "@fluentui/react-components";
import { memo } from "react";
import type { Locale } from "../../core";
import { Pane } from "../../taskpane/Pane/Pane";
import { CellViewPanel } from "../CellView/CellViewPanel";
import { DropZone, FileButton } from "../FilePicker/FilePicker";
import { formatSize } from "../i18n";
import { OutputPanel } from "../Output/OutputPanel";
import type { useWorkbenchStyles } from "./useWorkbenchStyles.styles";
import type { WorkbenchActions, WorkbenchState } from "./Workbench.types";

const LANGUAGES: ReadonlyArray<{ readonly locale: Locale; readonly label: string }> = [
  { locale: "zh-CN", label: "中文" },
  { locale: "en-US", label: "English" },
];

/** The task pane, drawn again only when its own props change (not for the page's cell, output or drag state). */
const MemoPane = memo(Pane);

const Logo = () => <img src="assets/icon-32.png" width={32} height={32} alt="" />;

export function renderWorkbench(
  state: WorkbenchState & WorkbenchActions,
  styles: ReturnType<typeof useWorkbenchStyles>,
  theme: "light" | "dark",
) {
  const { words, locale, session, output } = state;
  return (
    <FluentProvider
      className={styles.root}
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      lang={locale}
    >
      <header className={styles.header}>
        <div className={styles.brand}>
          <Logo />
          <div className={styles.titles}>
            <h1 className={styles.title}>{words.title}</h1>
            <p className={styles.subtitle}>{words.subtitle}</p>
          </div>
        </div>
        <div className={styles.languages} role="group" aria-label={`${words.language} · Language`}>
          {LANGUAGES.map(({ locale: choice, label }) => (
            <ToggleButton
              key={choice}
              size="small"
              lang={choice}
              checked={locale === choice}
              appearance={locale === choice ? "primary" : "secondary"}
              onClick={() => state.setLocale(choice)}
            >
              {label}
            </ToggleButton>
          ))}
        </div>
      </header>

      <div className={styles.body}>
        {state.openProblem && (
          <MessageBar intent="error" layout="multiline" role="alert">
            <MessageBarBody>
              <MessageBarTitle>
                {state.openProblem.kind === "failed" ? words.openFailed : words.cannotOpen}
              </MessageBarTitle>
              {state.openProblem.kind === "input"
                ? state.openProblem.sentences[locale]
                : state.openProblem.kind === "noMaster"
                  ? words.noMaster(state.openProblem.files)
                  : state.openProblem.detail}
            </MessageBarBody>
            <MessageBarActions>
              <Button onClick={state.dismissOpenProblem}>{words.dismiss}</Button>
            </MessageBarActions>
          </MessageBar>
        )}

        {state.opening !== undefined && (
          <section className={styles.card} aria-label={words.fileRegion} aria-busy="true">
            <div className={styles.cardBody}>
              <ProgressBar aria-label={words.opening(state.opening)} />
              <p className={styles.muted}>{words.opening(state.opening)}</p>
              <div>
                <Button onClick={state.cancelOpen}>{words.cancel}</Button>
              </div>
            </div>
          </section>
        )}

        {!session && state.opening === undefined && (
          <main>
            <DropZone words={words} dragging={state.dragging} onFiles={state.openFiles} />
          </main>
        )}

        {session && (
          <>
            <section className={styles.card} aria-label={words.fileRegion}>
              <div className={styles.fileBar}>
                <div className={styles.fileName}>
                  <h2 className={styles.sectionTitle}>{session.name}</h2>
                  <p className={styles.muted}>
                    {formatSize(session.size)} · {words.sheetsIn(session.sheets.length)}
                  </p>
                </div>
                <FileButton label={words.openAnother} onFiles={state.openFiles} />
              </div>
            </section>
            <div className={styles.columns}>
              <div className={styles.card}>
                <MemoPane
                  key={session.id}
                  host={session.host}
                  locale={locale}
                  today={state.today}
                  mergeRequest={state.mergeRequest}
                />
              </div>
              <div className={styles.side}>
                {state.cell && (
                  <section className={styles.card} aria-labelledby="workbench-cell-heading">
                    <div className={styles.cardBody}>
                      <h2 id="workbench-cell-heading" className={styles.sectionTitle}>
                        {words.cellHeading}
                      </h2>
                      <CellViewPanel view={state.cell} words={words} />
                    </div>
                  </section>
                )}
                <section className={styles.card} aria-labelledby="workbench-output-heading">
                  <div className={styles.cardBody}>
                    <h2 id="workbench-output-heading" className={styles.sectionTitle}>
                      {words.outputHeading}
                    </h2>
                    {output ? (
                      <OutputPanel
                        output={output}
                        words={words}
                        outdated={
                          output.kind === "checked" &&
                          state.lastCheckId !== undefined &&
                          output.checkId !== state.lastCheckId
                        }
                        onLink={state.showCell}
                      />
                    ) : (
                      <p className={styles.muted}>{words.outputHint}</p>
                    )}
                  </div>
                </section>
              </div>
            </div>
          </>
        )}
      </div>

      <footer className={styles.footer}>
        {words.privacy}
        <div aria-live="polite" className={styles.visuallyHidden}>
          {state.cell ? words.cellAnnounce(state.cell.sheet, state.cell.cell) : ""}
        </div>
      </footer>
      {state.dragging && (
        <div className={styles.overlay} aria-hidden="true">
          {words.dropRelease}
        </div>
      )}
    </FluentProvider>
  );
}
