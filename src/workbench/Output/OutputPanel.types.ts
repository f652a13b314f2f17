// Props of the output panel.

import type { WorkbookOutput } from "../host";
import type { WorkbenchWords } from "../i18n";

export interface OutputPanelProps {
  readonly output: WorkbookOutput;
  readonly words: WorkbenchWords;
  readonly outdated: boolean;
  readonly onLink: (sheet: string, cell: string) => void;
}
