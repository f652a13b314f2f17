// Props of a generated sheet's preview.

import type { CellStyle, StyleName } from "../../core/output/spec";
import type { SheetPreview } from "../protocol";

export interface SheetPreviewTableProps {
  readonly preview: SheetPreview;
  readonly styles: Readonly<Record<StyleName, CellStyle>>;
  readonly label: string;
  /**
   * The sheet's language (the one it was written in), not the page's: switching the page's language then
   * neither redraws nor reflows a table of a few thousand cells.
   */
  readonly lang: string;
  readonly onLink: (sheet: string, cell: string) => void;
}
