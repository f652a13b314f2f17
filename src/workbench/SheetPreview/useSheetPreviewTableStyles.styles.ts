// Styles of a generated sheet's preview: on white in its own colours, whatever the page's theme.

import { makeStyles, tokens } from "@fluentui/react-components";
import { sheetScroller, sheetTable } from "../shared.styles";

export const useSheetPreviewTableStyles = makeStyles({
  scroller: { ...sheetScroller, maxHeight: "70vh" },
  table: { ...sheetTable, tableLayout: "fixed" },
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
