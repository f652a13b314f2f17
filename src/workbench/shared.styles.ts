// Style pieces more than one workbench component uses, spread into each component's makeStyles.

import { tokens, type GriffelStyle } from "@fluentui/react-components";

export { visuallyHidden } from "../taskpane/shared.styles";

/**
 * A sheet's cells as a spreadsheet shows them, on white in their own colours whatever the page's theme: the
 * scroller around the table, and the table.
 */
export const sheetScroller: GriffelStyle = {
  overflow: "auto",
  backgroundColor: "#FFFFFF",
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  borderRadius: tokens.borderRadiusMedium,
  colorScheme: "light",
};

export const sheetTable: GriffelStyle = {
  borderCollapse: "collapse",
  fontSize: "13px",
  lineHeight: "1.35",
  color: "#1F2937",
  backgroundColor: "#FFFFFF",
};
