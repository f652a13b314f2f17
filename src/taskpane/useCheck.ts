// The pane's work with its host: checking at an as-of date, writing, clearing and saving a correction, each
// an operation of useOperation's.

import { startTransition, useCallback, useLayoutEffect, useMemo, useRef, useState } from "react";
import { formatDay, parseIsoDay, type Day, type Locale, type SettingsInput } from "../core";
import type { FindingItem } from "./findings";
import { HostError, type HostOperation, type PaneHost } from "../hosts/contract";
import { applyMapping, type MappingChoice } from "./mapping";
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
  const { operation, problem, outcome, run, cancel, setProblem, setOutcome } = useOperation();
  const asOf = parseIsoDay(asOfText);

  const checks = useRef(0);
  // Actions read the latest of these without being re-created, so memoized rows keep their callbacks.
  const latest = useRef({ host, locale, asOf, checked });
  useLayoutEffect(() => {
    latest.current = { host, locale, asOf, checked };
  });

  /** Loads and validates the settings, then checks; a result that arrives after Cancel is not shown. */
  const checkWith = useCallback(
    async (operation: HostOperation, asOf: Day) => {
      const { host, locale } = latest.current;
      setChecked(undefined);
      const loaded = await host.loadSettings();
      setStored(loaded);
      const parsed = resolveSettings(loaded, locale);
      if ("problems" in parsed) {
        setProblem({ kind: "settings", problems: parsed.problems });
        return;
      }
      const result = await host.check({ ...operation, asOf, settings: parsed.settings });
      if (operation.signal.aborted) throw new HostError("cancelled");
      const id = ++checks.current;
      // A result of tens of thousands of findings is a large render: as a transition React draws it in slices,
      // and the pane stays responsive (the workbench measured 300 ms in one piece at 100,000 rows).
      startTransition(() => setChecked({ id, result, settings: parsed.settings }));
    },
    [setProblem],
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
      saveMapping,
      removeBadSettings,
      openFinding,
      reportError,
      dismissProblem,
      dismissOutcome,
    ],
  );
  return { asOfText, asOf, operation, checked, stored, problem, outcome, ...actions };
}
