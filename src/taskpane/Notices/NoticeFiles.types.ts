// Props of the list of each unit's notice file to download (督办单文件).

import type { Locale, Notice } from "../../core";
import type { NoticeFileOut } from "../../hosts/contract";

export interface NoticeFilesBarProps {
  readonly files: readonly NoticeFileOut[];
  /** Open tasks that went into no file: their unit cell names no unit (相关单位). */
  readonly unaddressed?: Notice;
  readonly locale: Locale;
  readonly onDismiss: () => void;
}
