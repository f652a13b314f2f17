// Styles of the findings list: two columns (severity and cell; unit and message), fixed-height rows.

import { makeStyles, tokens } from "@fluentui/react-components";

/** Every row is this tall: the grid is virtualized with fixed-size rows. */
export const ROW_HEIGHT = 68;
/** Rows shown before the grid scrolls. */
export const MAX_ROWS = 6;

export const useFindingsListStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  severities: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  pickers: {
    display: "grid",
    gridTemplateColumns: "repeat(2, minmax(0, 1fr))",
    gap: tokens.spacingHorizontalS,
  },
  dropdown: { minWidth: 0, width: "100%" },
  listbox: { maxHeight: "260px" },
  status: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  grid: { minWidth: 0 },
  row: { cursor: "pointer" },
  where: { flexGrow: 0, flexShrink: 0, flexBasis: "76px", alignItems: "flex-start" },
  detail: { flexGrow: 1, flexShrink: 1, flexBasis: "0px", minWidth: 0, alignItems: "flex-start" },
  cellBox: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    paddingTop: tokens.spacingVerticalXS,
    minWidth: 0,
    overflow: "hidden",
  },
  place: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  unit: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: "nowrap",
    overflow: "hidden",
    textOverflow: "ellipsis",
  },
  // Two lines of message fit the fixed row; the full text stays in the DOM for screen readers and the title.
  message: {
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    color: tokens.colorNeutralForeground2,
    display: "-webkit-box",
    WebkitLineClamp: "2",
    WebkitBoxOrient: "vertical",
    overflow: "hidden",
    overflowWrap: "anywhere",
  },
});
