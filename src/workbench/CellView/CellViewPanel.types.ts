// Props of the cell view.

import type { WorkbenchWords } from "../i18n";
import type { CellView } from "../protocol";

export interface CellViewPanelProps {
  readonly view: CellView;
  readonly words: WorkbenchWords;
}
