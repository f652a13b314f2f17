// The pane's work with its host: checking at an as-of date, writing, clearing, saving a correction, merging
// the units' returned workbooks and undoing that, each an operation of useOperation's.

import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import {
  formatDay,
  parseIsoDay,
  type CheckResult,
  type Day,
  type Locale,
  type Notice,
  type Settings,
  type SettingsInput,
} from "../core";
import type { FindingItem } from "./findings";
import { HostError, type HostOperation, type MergeToUndo, type PaneHost } from "../hosts/contract";
import { applyMapping, type MappingChoice } from "./mapping";
import { makeNoticeFiles } from "./notice-files";
import { problemOf } from "./problems";
import { resolveSettings, withoutBadSettings } from "./settings";
import type { CheckActions, CheckState, Checked } from "./useCheck.types";
import { useOperation } from "./useOperation";

/**
 * State and actions for checking the workbook through a host: the as-of date, the running operation with
 * its progress, the last result, and what went wrong (as data, for the pane to word).
 */
export function useCheck(host: PaneHost, locale: Locale, today: Day): CheckState & CheckActions {
  const [asOfText, setAsOfText] = useState(() => formatDay(today));
  const [checked, setChecked] = useState<Checked>();
  const [stored, setStored] = useState<CheckState["stored"]>();
  const [mergeToUndo, setMergeToUndo] = useState<MergeToUndo>();
  const { operation, problem, outcome, run, cancel, setProblem, setOutcome } = useOperation();
  const asOf = parseIsoDay(asOfText);

  const checks = useRef(0);
  // Actions read the latest of these without being re-created, so memoized rows keep their callbacks.
  const latest = useRef({ host, locale, asOf, checked });
  useLayoutEffect(() => {
    latest.current = { host, locale, asOf, checked };
  });

  /** The workbook's settings, validated; undefined (with the problem shown) when they are wrong. */
  const loadSettings = useCallback(async (): Promise<Settings | undefined> => {
    const { host, locale } = latest.current;
    const loaded = await host.loadSettings();
    setStored(loaded);
    const parsed = resolveSettings(loaded, locale);
    if (!("problems" in parsed)) return parsed.settings;
    setProblem({ kind: "settings", problems: parsed.problems });
    return undefined;
  }, [setProblem]);

  const showResult = useCallback((result: CheckResult, settings: Settings) => {
    const id = ++checks.current;
    // A result of tens of thousands of findings is a large render: as a transition React draws it in slices,
    // and the pane stays responsive (the workbench measured 300 ms in one piece at 100,000 rows).
    startTransition(() => setChecked({ id, result, settings }));
  }, []);

  /** Asks the host whether the workbook holds a merge to undo; a host that cannot tell offers no undo. */
  const refreshUndo = useCallback(async () => {
    setMergeToUndo(await latest.current.host.mergeToUndo().catch(() => undefined));
  }, []);

  useEffect(() => {
    void refreshUndo();
  }, [host, refreshUndo]);

  /** Loads and validates the settings, then checks; a result that arrives after Cancel is not shown. */
  const checkWith = useCallback(
    async (operation: HostOperation, asOf: Day) => {
      const { host } = latest.current;
      setChecked(undefined);
      const settings = await loadSettings();
      if (!settings) return;
      const result = await host.check({ ...operation, asOf, settings });
      if (operation.signal.aborted) throw new HostError("cancelled");
      showResult(result, settings);
    },
    [loadSettings, showResult],
  );

  const check = useCallback(() => {
    const { asOf } = latest.current;
    if (asOf !== undefined) void run("check", (operation) => checkWith(operation, asOf));
  }, [run, checkWith]);

  /** Stores the workbook's settings as `change` makes them, then checks again. */
  const saveThenCheck = useCallback(
    (change: (stored: SettingsInput | undefined) => SettingsInput) => {
      const { host, asOf } = latest.current;
      if (asOf === undefined) return;
      void run("save", async (operation) => {
        await host.saveSettings(change(await host.loadSettings()));
        await checkWith(operation, asOf);
      });
    },
    [run, checkWith],
  );
  const saveMapping = useCallback(
    (choice: MappingChoice) => saveThenCheck((stored) => applyMapping(stored, choice)),
    [saveThenCheck],
  );
  const removeBadSettings = useCallback(() => saveThenCheck(withoutBadSettings), [saveThenCheck]);

  const write = useCallback(() => {
    const { host, locale, checked } = latest.current;
    if (!checked) return;
    void run("write", async (operation) => {
      const { sheets } = await host.writeResults(checked.result, {
        ...operation,
        settings: checked.settings,
        locale,
      });
      // Written even if Cancel came too late to stop it: say so rather than hide it.
      setOutcome({ kind: "written", sheets });
    });
  }, [run, setOutcome]);

  const clear = useCallback(() => {
    const { host } = latest.current;
    void run("clear", async () => {
      await host.clear();
      setOutcome({ kind: "cleared" });
    });
  }, [run, setOutcome]);

  const merge = useCallback(
    (files: readonly File[]) => {
      const { asOf } = latest.current;
      if (asOf === undefined || files.length === 0) return;
      void run("merge", async (operation) => {
        const { host, locale } = latest.current;
        const settings = await loadSettings();
        if (!settings) return;
        const returns = await Promise.all(
          files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
        );
        try {
          const done = await host.mergeFeedback(returns, { ...operation, asOf, settings, locale });
          showResult(done.result, settings);
          setOutcome({ kind: "merged", outcome: done.outcome, feedbackSheet: done.feedbackSheet });
        } finally {
          await refreshUndo();
        }
      });
    },
    [run, loadSettings, showResult, setOutcome, refreshUndo],
  );

  const undoMerge = useCallback(() => {
    const { asOf } = latest.current;
    if (asOf === undefined) return;
    void run("undo", async (operation) => {
      const { host, locale } = latest.current;
      const settings = await loadSettings();
      if (!settings) return;
      try {
        const done = await host.undoMerge({ ...operation, asOf, settings, locale });
        if (done.kind === "edited") {
          setProblem({ kind: "mergeEdited", sheet: done.sheet, cells: done.cells });
          return;
        }
        showResult(done.result, settings);
        setOutcome({ kind: "undone", cells: done.cells });
      } finally {
        await refreshUndo();
      }
    });
  }, [run, loadSettings, showResult, setOutcome, setProblem, refreshUndo]);

  const noticeFiles = useCallback(() => {
    const { asOf } = latest.current;
    if (asOf === undefined) return;
    void run("notices", async (operation) => {
      const { host, locale } = latest.current;
      const settings = await loadSettings();
      if (!settings) return;
      let unaddressed: Notice | undefined;
      const files = await host.noticeFiles({ ...operation, asOf, settings, locale }, (result, ...rest) => {
        unaddressed = result.notices.find((notice) => notice.id === "unaddressedTasks");
        return makeNoticeFiles(result, ...rest);
      });
      if (operation.signal.aborted) throw new HostError("cancelled");
      setOutcome({ kind: "notices", files, ...(unaddressed ? { unaddressed } : {}) });
    });
  }, [run, loadSettings, setOutcome]);

  const reportError = useCallback((error: unknown) => setProblem(problemOf(error)), [setProblem]);

  const openFinding = useCallback(
    (item: FindingItem) => {
      latest.current.host.selectCell(item.finding.sheet, item.cell).catch(reportError);
    },
    [reportError],
  );

  const dismissProblem = useCallback(() => setProblem(undefined), [setProblem]);
  const dismissOutcome = useCallback(() => setOutcome(undefined), [setOutcome]);

  const actions = useMemo(
    () => ({
      setAsOfText,
      check,
      cancel,
      write,
      clear,
      merge,
      undoMerge,
      noticeFiles,
      saveMapping,
      removeBadSettings,
      openFinding,
      reportError,
      dismissProblem,
      dismissOutcome,
    }),
    [
      check,
      cancel,
      write,
      clear,
      merge,
      undoMerge,
      noticeFiles,
      saveMapping,
      removeBadSettings,
      openFinding,
      reportError,
      dismissProblem,
      dismissOutcome,
    ],
  );
  return { asOfText, asOf, operation, checked, stored, problem, outcome, mergeToUndo, ...actions };
}
