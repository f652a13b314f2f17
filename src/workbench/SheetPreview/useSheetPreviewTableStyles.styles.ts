// Styles of a generated sheet's preview: on white in its own colours, whatever the page's theme.

import { makeStyles, tokens } from "@fluentui/react-components";

export const useSheetPreviewTableStyles = makeStyles({
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
