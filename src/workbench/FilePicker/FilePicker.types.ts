// Props of the file button and the drop zone.

import type { WorkbenchWords } from "../i18n";

export interface FileButtonProps {
  readonly label: string;
  readonly onFile: (file: File) => void;
  readonly primary?: boolean;
  readonly disabled?: boolean;
}

export interface DropZoneProps {
  readonly words: WorkbenchWords;
  readonly dragging: boolean;
  readonly onFile: (file: File) => void;
}
