// Props of the task pane's root: what the Office entry point (or the workbench) hands it.

import type { Day, Locale } from "../core";
import type { PaneHost } from "../hosts/contract";

export interface AppProps {
  readonly host: PaneHost;
  readonly locale: Locale;
  /** Office's theme, light or dark. */
  readonly theme: "light" | "dark";
  /** The as-of date's default. */
  readonly today: Day;
}
