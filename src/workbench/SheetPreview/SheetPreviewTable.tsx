// A generated sheet's first rows as an HTML table, drawn as the sheet looks: on white, in its own colours,
// whatever the page's theme. Links to task cells show the cell in the page instead of following a URL.

import { makeStyles, tokens } from "@fluentui/react-components";
import { memo, useMemo } from "react";
import type { CellStyle, StyleName } from "../../core/output/spec";
import { previewModel, type PreviewCellModel } from "../preview";
import type { SheetPreview } from "../protocol";

const useStyles = makeStyles({
  scroller: {
    overflow: "auto",
    maxHeight: "70vh",
    backgroundColor: "#FFFFFF",
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    colorScheme: "light",
  },
  table: {
    borderCollapse: "collapse",
    tableLayout: "fixed",
    fontSize: "13px",
    lineHeight: "1.35",
    color: "#1F2937",
    backgroundColor: "#FFFFFF",
  },
  cell: { padding: "2px 6px", boxSizing: "border-box" },
  sticky: { position: "sticky", top: 0, zIndex: 1, backgroundColor: "#FFFFFF" },
  link: {
    appearance: "none",
    background: "none",
    border: "none",
    padding: 0,
    margin: 0,
    font: "inherit",
    textAlign: "inherit",
    cursor: "pointer",
    color: "#0563C1",
    textDecoration: "underline",
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}`, outlineOffset: "1px" },
  },
});

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

export const SheetPreviewTable = memo(function SheetPreviewTable({
  preview,
  styles: sheetStyles,
  label,
  lang,
  onLink,
}: SheetPreviewTableProps) {
  const styles = useStyles();
  const model = useMemo(() => previewModel(preview, sheetStyles), [preview, sheetStyles]);
  const width = model.widths.reduce((sum, w) => sum + w, 0);

  const content = (cell: PreviewCellModel) => {
    if (!cell.link) return cell.text;
    const { sheet, cell: ref } = cell.link;
    return (
      <button type="button" className={styles.link} onClick={() => onLink(sheet, ref)}>
        {cell.text}
      </button>
    );
  };

  return (
    // A scrolling region must be reachable by keyboard to be scrolled (axe: scrollable-region-focusable).
    <div className={styles.scroller} tabIndex={0} role="region" aria-label={label} lang={lang}>
      <table className={styles.table} style={{ width: `${width}px` }} aria-label={label}>
        <colgroup>
          {model.widths.map((w, i) => (
            <col key={i} style={{ width: `${w}px` }} />
          ))}
        </colgroup>
        <tbody>
          {model.rows.map((row) => (
            <tr key={row.row} style={row.height !== undefined ? { height: `${row.height}px` } : undefined}>
              {row.cells.map((cell) => {
                const props = {
                  className: row.sticky ? `${styles.cell} ${styles.sticky}` : styles.cell,
                  style: cell.style,
                  ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
                  ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}),
                };
                return cell.header ? (
                  <th key={cell.column} scope="col" {...props}>
                    {content(cell)}
                  </th>
                ) : (
                  <td key={cell.column} {...props}>
                    {content(cell)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
