// What went wrong, as data; worded for the person (with what to do) only where the pane shows it.

import {
  formatTableProblem,
  TableError,
  type Locale,
  type SettingsProblem,
  type TableProblem,
} from "../core";
import { HostError } from "../hosts/contract";
import { PANE_CATALOGUES } from "./i18n";

export type PaneProblem =
  | { readonly kind: "host"; readonly hostKind: HostError["kind"]; readonly detail: string }
  | { readonly kind: "table"; readonly problem: TableProblem }
  | { readonly kind: "settings"; readonly problems: readonly SettingsProblem[] }
  /** Undoing a merge was refused: these cells of the sheet were edited since the merge. */
  | { readonly kind: "mergeEdited"; readonly sheet: string; readonly cells: readonly string[] };

export type ProblemIntent = "error" | "warning" | "info";

/** A problem as the person reads it. */
export interface WordedProblem {
  readonly intent: ProblemIntent;
  readonly title: string;
  readonly text: string;
  /** What the host or the settings said, verbatim, for the person who helps. */
  readonly details: readonly string[];
}

export const CANCELLED: PaneProblem = { kind: "host", hostKind: "cancelled", detail: "" };

/** Any thrown value as a problem: host errors by kind, the engine's table errors, anything else unexpected. */
export function problemOf(error: unknown): PaneProblem {
  if (error instanceof HostError) return { kind: "host", hostKind: error.kind, detail: error.detail };
  if (error instanceof TableError) return { kind: "table", problem: error.detail };
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: "host", hostKind: "unexpected", detail };
}

export function wordProblem(problem: PaneProblem, locale: Locale): WordedProblem {
  const words = PANE_CATALOGUES[locale];
  switch (problem.kind) {
    case "host": {
      const sentence = words.hostErrors[problem.hostKind];
      return {
        intent: problem.hostKind === "cancelled" ? "info" : problem.hostKind === "busy" ? "warning" : "error",
        title: sentence.title,
        text: sentence.text,
        details: problem.detail ? [problem.detail] : [],
      };
    }
    case "table":
      return {
        intent: "error",
        title: words.tableProblemTitle,
        text: `${sentenceCase(formatTableProblem(problem.problem, locale))} ${words.tableProblemHint}`,
        details: [],
      };
    case "settings":
      return {
        intent: "error",
        title: words.settingsTitle,
        text: words.settingsHint,
        details: problem.problems.map((p) => `${p.path}: ${p.message}`),
      };
    case "mergeEdited":
      return {
        intent: "warning",
        title: words.undoRefusedTitle,
        text: words.undoRefused,
        details: [words.editedCells(problem.sheet, problem.cells)],
      };
  }
}

/** The core words table problems for a line after a file name (`x.xlsx: no task table …`); here it starts a sentence. */
function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
