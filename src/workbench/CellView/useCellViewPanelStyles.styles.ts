// Styles of the cell view: a few rows of the sheet on white, as the sheet looks, the cell outlined.

import { makeStyles, tokens } from "@fluentui/react-components";
import { sheetScroller, sheetTable } from "../shared.styles";

export const useCellViewPanelStyles = makeStyles({
  scroller: { ...sheetScroller, maxHeight: "360px" },
  table: sheetTable,
  cell: {
    border: "1px solid #D9DDE2",
    padding: "2px 6px",
    maxWidth: "22em",
    overflow: "hidden",
    textOverflow: "ellipsis",
    whiteSpace: "nowrap",
  },
  edge: {
    backgroundColor: "#F3F4F6",
    color: "#4B5563",
    fontWeight: 400,
    textAlign: "center",
    minWidth: "2.5em",
    border: "1px solid #D9DDE2",
    padding: "2px 6px",
    position: "sticky",
    left: 0,
  },
  headerRow: { backgroundColor: "#EEF2F7", fontWeight: 600 },
  row: { backgroundColor: "#FFF8E1" },
  target: {
    outline: "2px solid #107C41",
    outlineOffset: "-2px",
    backgroundColor: "#E6F4EA",
    fontWeight: 600,
  },
  edgeTarget: { backgroundColor: "#D1E7DD", color: "#0B5A2E", fontWeight: 600 },
  caption: {
    margin: 0,
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
});
