// The workbook to download, and a tab per generated sheet with its first rows.

import { Button, MessageBar, MessageBarBody, Tab, TabList } from "@fluentui/react-components";
import { useEffect, useId, useState } from "react";
import { SheetPreviewTable } from "../SheetPreview/SheetPreviewTable";
import { useObjectUrl } from "./useObjectUrl";
import { useOutputPanelStyles } from "./useOutputPanelStyles.styles";
import type { OutputPanelProps } from "./OutputPanel.types";

const DownloadGlyph = () => (
  <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    <path
      d="M8 1.5v8.2m0 0L4.8 6.5M8 9.7l3.2-3.2M2.5 12.5h11"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

export function OutputPanel({ output, words, outdated, onLink }: OutputPanelProps) {
  const styles = useOutputPanelStyles();
  const url = useObjectUrl(output.blob);
  const [selected, setSelected] = useState(0);
  const ids = useId();
  useEffect(() => setSelected(0), [output]);

  const download = (
    <Button
      as="a"
      appearance="primary"
      icon={<DownloadGlyph />}
      href={url}
      download={output.fileName}
      disabled={url === undefined}
    >
      {output.kind === "checked" ? words.downloadChecked : words.downloadCleared}
    </Button>
  );

  if (output.kind === "cleared") {
    return (
      <div className={styles.root}>
        <p className={styles.meta}>{words.clearedNote}</p>
        <div className={styles.bar}>{download}</div>
      </div>
    );
  }

  const sheets = output.previews.sheets;
  const shown = sheets[Math.min(selected, sheets.length - 1)];
  const tabId = (i: number) => `${ids}-tab-${i}`;
  const panelId = `${ids}-panel`;
  return (
    <div className={styles.root}>
      <div className={styles.bar}>
        {download}
        <p className={styles.meta}>
          {output.fileName} · {words.writtenFor(output.asOf, output.sheets.length)}
        </p>
      </div>
      {outdated && (
        <MessageBar intent="warning">
          <MessageBarBody>{words.outdated}</MessageBarBody>
        </MessageBar>
      )}
      {shown && (
        <>
          <p className={styles.note}>{words.linkNote}</p>
          <TabList
            className={styles.tabs}
            aria-label={words.previewTabs}
            selectedValue={String(Math.min(selected, sheets.length - 1))}
            onTabSelect={(_, data) => setSelected(Number(data.value))}
          >
            {sheets.map((sheet, i) => (
              <Tab key={sheet.name} id={tabId(i)} value={String(i)} aria-controls={panelId}>
                {sheet.name}
              </Tab>
            ))}
          </TabList>
          <div role="tabpanel" id={panelId} aria-labelledby={tabId(sheets.indexOf(shown))}>
            <SheetPreviewTable
              key={shown.name}
              preview={shown}
              styles={output.previews.styles}
              label={shown.name}
              lang={output.locale}
              onLink={onLink}
            />
          </div>
          {shown.totalRows > shown.rows.length && (
            <p className={styles.note}>{words.previewNote(shown.rows.length, shown.totalRows)}</p>
          )}
        </>
      )}
    </div>
  );
}
