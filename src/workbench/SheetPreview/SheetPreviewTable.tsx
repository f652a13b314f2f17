// A generated sheet's first rows as an HTML table, drawn as the sheet looks: on white, in its own colours,
// whatever the page's theme. Links to task cells show the cell in the page instead of following a URL.

import { memo, useMemo } from "react";
import { previewModel, type PreviewCellModel } from "../preview";
import { useSheetPreviewTableStyles } from "./useSheetPreviewTableStyles.styles";
import type { SheetPreviewTableProps } from "./SheetPreviewTable.types";

export const SheetPreviewTable = memo(function SheetPreviewTable({
  preview,
  styles: sheetStyles,
  label,
  lang,
  onLink,
}: SheetPreviewTableProps) {
  const styles = useSheetPreviewTableStyles();
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
