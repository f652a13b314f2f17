// One finding in the grid, memoized: react-window re-renders rows as the list scrolls.

import { memo, type KeyboardEvent } from "react";
import { DataGridCell, DataGridRow } from "@fluentui-contrib/react-data-grid-react-window";
import type { FindingItem } from "../findings";
import type { FindingRowProps } from "./FindingsList.types";
import { useFindingsListStyles } from "./useFindingsListStyles.styles";

export const FindingRow = memo(function FindingRow({ item, style, onOpen }: FindingRowProps) {
  const styles = useFindingsListStyles();
  return (
    <DataGridRow<FindingItem>
      style={style}
      className={styles.row}
      onClick={() => onOpen(item)}
      onKeyDown={(event: KeyboardEvent<HTMLElement>) => {
        if (event.key === "Enter") {
          event.preventDefault();
          onOpen(item);
        }
      }}
    >
      {({ renderCell, columnId }) => (
        <DataGridCell focusMode="none" className={columnId === "where" ? styles.where : styles.detail}>
          {renderCell(item)}
        </DataGridCell>
      )}
    </DataGridRow>
  );
});
