// Props of the file button and the drop zone.

import type { WorkbenchWords } from "../i18n";

export interface FileButtonProps {
  readonly label: string;
  /** The files chosen: several at once (a master and the returns to merge into it), in the picker's order. */
  readonly onFiles: (files: readonly File[]) => void;
  readonly primary?: boolean;
  readonly disabled?: boolean;
}

export interface DropZoneProps {
  readonly words: WorkbenchWords;
  readonly dragging: boolean;
  readonly onFiles: (files: readonly File[]) => void;
}
