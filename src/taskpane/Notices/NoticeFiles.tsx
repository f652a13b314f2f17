// 督办单文件: one link per unit to download its answerable notice workbook. Each link's Blob URL lives as
// long as the list, and is revoked when the list goes away (dismissed, or replaced by the next operation's).

import {
  Link,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Button,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useState } from "react";
import { formatNotice } from "../../core";
import { PANE_CATALOGUES } from "../i18n";
import { noticeFileNames } from "../notice-files";
import type { NoticeFilesBarProps } from "./NoticeFiles.types";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const useStyles = makeStyles({
  line: { display: "block", marginTop: tokens.spacingVerticalXXS },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export function NoticeFilesBar({ files, unaddressed, locale, onDismiss }: NoticeFilesBarProps) {
  const styles = useStyles();
  const words = PANE_CATALOGUES[locale];
  const prefix = words.noticeFilePrefix;
  // Made in the effect that revokes them, not while rendering: StrictMode's trial unmount would otherwise
  // revoke URLs that the links still show.
  const [links, setLinks] = useState<ReadonlyArray<{ name: string; url: string }>>([]);
  useEffect(() => {
    const names = noticeFileNames(files, prefix);
    const made = files.map((file, i) => ({
      name: names[i]!,
      url: URL.createObjectURL(new Blob([file.bytes.slice()], { type: XLSX_TYPE })),
    }));
    setLinks(made);
    return () => made.forEach((link) => URL.revokeObjectURL(link.url));
  }, [files, prefix]);

  return (
    <MessageBar intent={unaddressed ? "warning" : files.length > 0 ? "success" : "info"} layout="multiline">
      <MessageBarBody>
        {files.length === 0 ? (
          <>
            {words.noNoticeFiles}
            {unaddressed && <span className={styles.line}>{formatNotice(unaddressed, locale)}</span>}
          </>
        ) : (
          <>
            <MessageBarTitle>{words.noticeFilesTitle(files.length)}</MessageBarTitle>
            <span className={styles.line}>{words.noticeFilesHint}</span>
            <ul className={styles.list} aria-label={words.noticeFiles}>
              {links.map((link) => (
                <li key={link.name}>
                  <Link href={link.url} download={link.name}>
                    {link.name}
                  </Link>
                </li>
              ))}
            </ul>
            {unaddressed && <span className={styles.line}>{formatNotice(unaddressed, locale)}</span>}
          </>
        )}
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onDismiss}>{words.dismiss}</Button>
      </MessageBarActions>
    </MessageBar>
  );
}
