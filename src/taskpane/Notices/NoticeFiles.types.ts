// Props of the list of each unit's notice file to download (督办单文件).

import type { Locale } from "../../core";
import type { NoticeFileOut } from "../../hosts/contract";

export interface NoticeFilesBarProps {
  readonly files: readonly NoticeFileOut[];
  readonly locale: Locale;
  readonly onDismiss: () => void;
}
