// The cell a finding points at, shown as Excel would select it: a few rows of its sheet around it, with
// row numbers and column letters, the task table's header above, and the cell outlined.

import { useLayoutEffect, useRef } from "react";
import { columnLetter } from "../../core/workbook";
import type { ViewRow } from "../protocol";
import { useCellViewPanelStyles } from "./useCellViewPanelStyles.styles";
import type { CellViewPanelProps } from "./CellViewPanel.types";

export function CellViewPanel({ view, words }: CellViewPanelProps) {
  const styles = useCellViewPanelStyles();
  const scroller = useRef<HTMLDivElement>(null);
  const target = useRef<HTMLTableCellElement>(null);

  // The cell in the middle of the box, without scrolling the page.
  useLayoutEffect(() => {
    const box = scroller.current;
    const cell = target.current;
    if (!box || !cell) return;
    box.scrollTop = Math.max(0, cell.offsetTop - (box.clientHeight - cell.offsetHeight) / 2);
    box.scrollLeft = Math.max(0, cell.offsetLeft - (box.clientWidth - cell.offsetWidth) / 2);
  }, [view]);

  const width = Math.max(view.rows[0]?.texts.length ?? 0, view.header?.texts.length ?? 0, 1);
  const letters = Array.from({ length: width }, (_, i) => columnLetter(view.firstColumn + i));
  const targetIndex = view.column - view.firstColumn;

  const line = (row: ViewRow, header: boolean) => {
    const isTarget = !header && row.row === view.row;
    return (
      <tr
        key={`${header ? "h" : "r"}${row.row}`}
        className={header ? styles.headerRow : isTarget ? styles.row : undefined}
      >
        <th
          scope="row"
          className={`${styles.edge}${isTarget ? ` ${styles.edgeTarget}` : ""}`}
          title={header ? words.headerRowLabel : undefined}
        >
          {row.row}
        </th>
        {letters.map((_, i) => {
          const here = isTarget && i === targetIndex;
          return (
            <td
              key={i}
              ref={here ? target : undefined}
              className={`${styles.cell}${here ? ` ${styles.target}` : ""}`}
              title={row.texts[i] || undefined}
              aria-current={here ? "true" : undefined}
            >
              {row.texts[i] ?? ""}
            </td>
          );
        })}
      </tr>
    );
  };

  const caption = words.cellCaption(view.sheet, view.cell);
  return (
    <>
      {/* Outside the table: a caption would scroll away with the table's columns. */}
      <p className={styles.caption}>{caption}</p>
      <div ref={scroller} className={styles.scroller} tabIndex={0} role="region" aria-label={caption}>
        <table className={styles.table} aria-label={caption}>
          <thead>
            <tr>
              <th scope="col" className={styles.edge}>
                <span aria-label={words.rowHeader}>#</span>
              </th>
              {letters.map((letter, i) => (
                <th
                  key={letter}
                  scope="col"
                  className={`${styles.edge}${i === targetIndex ? ` ${styles.edgeTarget}` : ""}`}
                >
                  {letter}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {view.header && line(view.header, true)}
            {view.rows.map((row) => line(row, false))}
          </tbody>
        </table>
      </div>
    </>
  );
}
