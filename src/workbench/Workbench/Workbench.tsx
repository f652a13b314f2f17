// The workbench page: the task pane in a browser, over an .xlsx file instead of Excel. State from
// useWorkbench, markup from renderWorkbench.

import { renderWorkbench } from "./renderWorkbench";
import { usePreferredTheme } from "./usePreferredTheme";
import { useWorkbench } from "./useWorkbench";
import { useWorkbenchStyles } from "./useWorkbenchStyles.styles";
import type { WorkbenchProps } from "./Workbench.types";

export type { WorkbenchProps } from "./Workbench.types";

export function Workbench(props: WorkbenchProps) {
  const preferred = usePreferredTheme();
  const state = useWorkbench(props);
  const styles = useWorkbenchStyles();
  return renderWorkbench(state, styles, props.theme ?? preferred);
}
