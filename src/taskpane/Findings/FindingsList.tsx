// The findings of a check in a virtualized grid with filters: state from useFindingsList, markup from render.

import { useFluent, useScrollbarWidth } from "@fluentui/react-components";
import type { FindingsListProps } from "./FindingsList.types";
import { renderFindingsList } from "./renderFindingsList";
import { useFindingsList } from "./useFindingsList";
import { useFindingsListStyles } from "./useFindingsListStyles.styles";

export function FindingsList(props: FindingsListProps) {
  const state = useFindingsList(props);
  const styles = useFindingsListStyles();
  const { targetDocument } = useFluent();
  const scrollbarWidth = useScrollbarWidth({ targetDocument }) ?? 0;
  return renderFindingsList(state, styles, scrollbarWidth);
}
