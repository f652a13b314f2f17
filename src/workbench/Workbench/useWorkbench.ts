// The workbench page's state: the language, the workbook open in the page (useOpenWorkbook) and files dragged
// over the page (useFileDrop).

import { useEffect, useState } from "react";
import type { Locale } from "../../core";
import { WORKBENCH_WORDS } from "../i18n";
import { useFileDrop } from "./useFileDrop";
import { useOpenWorkbook } from "./useOpenWorkbook";
import type { WorkbenchActions, WorkbenchProps, WorkbenchState } from "./Workbench.types";

export function useWorkbench({
  spawn,
  initialLocale,
  today,
}: WorkbenchProps): WorkbenchState & WorkbenchActions {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const workbook = useOpenWorkbook(spawn);
  const dragging = useFileDrop(workbook.openFiles);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = WORKBENCH_WORDS[locale].title;
  }, [locale]);

  return { ...workbook, locale, words: WORKBENCH_WORDS[locale], today, dragging, setLocale };
}
