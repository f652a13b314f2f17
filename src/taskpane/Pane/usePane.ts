// The pane's state: the host work (useCheck), the table section's form, the findings worded once per check.

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { CATALOGUES } from "../../core";
import { findingItems } from "../findings";
import { PANE_CATALOGUES } from "../i18n";
import { mappingBase, type MappingChoice } from "../mapping";
import { useCheck } from "../useCheck";
import type { PaneProps, PaneState } from "./Pane.types";

export function usePane({ host, locale, today, mergeRequest }: PaneProps): PaneState {
  const check = useCheck(host, locale, today);
  const { checked, stored, problem, saveMapping, merge } = check;

  // On the next task, not in the effect: StrictMode's trial unmount would abort an operation begun here.
  const merged = useRef<number>(undefined);
  useEffect(() => {
    if (!mergeRequest || merged.current === mergeRequest.id) return;
    const start = setTimeout(() => {
      merged.current = mergeRequest.id;
      merge(mergeRequest.files);
    }, 0);
    return () => clearTimeout(start);
  }, [mergeRequest, merge]);
  const tableProblem = problem?.kind === "table" ? problem.problem : undefined;

  // A table problem opens the form: adjusted while rendering, as React advises for state that follows a prop.
  const [editing, setEditing] = useState(false);
  const [seenProblem, setSeenProblem] = useState(problem);
  if (problem !== seenProblem) {
    setSeenProblem(problem);
    if (problem?.kind === "table") setEditing(true);
  }

  const mapping = useMemo(
    () => mappingBase(checked?.result, stored, tableProblem),
    [checked, stored, tableProblem],
  );
  const items = useMemo(
    () => (checked ? findingItems(checked.result.findings, locale, checked.result) : []),
    [checked, locale],
  );
  const saveCorrection = useCallback(
    (choice: MappingChoice) => {
      setEditing(false);
      saveMapping(choice);
    },
    [saveMapping],
  );

  return {
    ...check,
    host,
    locale,
    words: PANE_CATALOGUES[locale],
    core: CATALOGUES[locale],
    busy: check.operation !== undefined,
    mapping,
    showTable: checked !== undefined || tableProblem !== undefined,
    editing,
    setEditing,
    saveCorrection,
    items,
  };
}
