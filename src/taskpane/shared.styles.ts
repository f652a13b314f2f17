// Style pieces the pane's components share, and the workbench's too (it builds on the pane).

import type { GriffelStyle } from "@fluentui/react-components";

/** Out of sight, yet read by assistive technology (and, for a control, focusable and found by Playwright). */
export const visuallyHidden: GriffelStyle = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: 0,
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: 0,
};
