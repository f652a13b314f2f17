// The form to correct where the table is: state from useMappingEditor, markup from renderMappingEditor.

import { renderMappingEditor } from "./renderMappingEditor";
import type { MappingEditorProps } from "./TableSection.types";
import { useMappingEditor } from "./useMappingEditor";
import { useTableSectionStyles } from "./useTableSectionStyles.styles";

export function MappingEditor(props: MappingEditorProps) {
  const state = useMappingEditor(props);
  const styles = useTableSectionStyles();
  return renderMappingEditor(state, styles);
}
