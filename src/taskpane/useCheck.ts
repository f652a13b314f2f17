// The pane's work with its host, one operation at a time, each cancellable through an AbortController.

import { startTransition, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import { formatDay, parseIsoDay, type Day, type Locale } from "../core";
import type { FindingItem } from "./findings";
import { HostError, type HostOperation, type PaneHost } from "../hosts/contract";
import { applyMapping, type MappingChoice } from "./mapping";
import { CANCELLED, problemOf, type PaneProblem } from "./problems";
import { resolveSettings, withoutBadSettings } from "./settings";
import type { CheckActions, CheckState, Checked, Operation, OperationKind, Outcome } from "./useCheck.types";

/**
 * State and actions for checking the workbook through a host: the as-of date, the running operation with
 * its progress, the last result, and what went wrong (as data, for the pane to word).
 */
export function useCheck(host: PaneHost, locale: Locale, today: Day): CheckState & CheckActions {
  const [asOfText, setAsOfText] = useState(() => formatDay(today));
  const [operation, setOperation] = useState<Operation>();
  const [checked, setChecked] = useState<Checked>();
  const [stored, setStored] = useState<CheckState["stored"]>();
  const [problem, setProblem] = useState<PaneProblem>();
  const [outcome, setOutcome] = useState<Outcome>();
  const asOf = parseIsoDay(asOfText);

  const running = useRef<AbortController | undefined>(undefined);
  const checks = useRef(0);
  // Actions read the latest of these without being re-created, so memoized rows keep their callbacks.
  const latest = useRef({ host, locale, asOf, checked });
  useLayoutEffect(() => {
    latest.current = { host, locale, asOf, checked };
  });

  useEffect(() => () => running.current?.abort(), []);

  const run = useCallback(async (kind: OperationKind, body: (operation: HostOperation) => Promise<void>) => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setOperation({ kind, cancellable: kind !== "clear", cancelling: false });
    setProblem(undefined);
    setOutcome(undefined);
    try {
      await body({
        signal: controller.signal,
        onProgress: (progress) => {
          if (!controller.signal.aborted) setOperation((op) => op && { ...op, progress });
        },
      });
    } catch (error) {
      setProblem(controller.signal.aborted ? CANCELLED : problemOf(error));
    } finally {
      running.current = undefined;
      setOperation(undefined);
    }
  }, []);

  /** Loads and validates the settings, then checks; a result that arrives after Cancel is not shown. */
  const checkWith = useCallback(async (operation: HostOperation, asOf: Day) => {
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
  }, []);

  const check = useCallback(() => {
    const { asOf } = latest.current;
    if (asOf !== undefined) void run("check", (operation) => checkWith(operation, asOf));
  }, [run, checkWith]);

  const saveMapping = useCallback(
    (choice: MappingChoice) => {
      const { host, asOf } = latest.current;
      if (asOf === undefined) return;
      void run("save", async (operation) => {
        await host.saveSettings(applyMapping(await host.loadSettings(), choice));
        await checkWith(operation, asOf);
      });
    },
    [run, checkWith],
  );

  const removeBadSettings = useCallback(() => {
    const { host, asOf } = latest.current;
    if (asOf === undefined) return;
    void run("save", async (operation) => {
      await host.saveSettings(withoutBadSettings(await host.loadSettings()));
      await checkWith(operation, asOf);
    });
  }, [run, checkWith]);

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
  }, [run]);

  const clear = useCallback(() => {
    const { host } = latest.current;
    void run("clear", async () => {
      await host.clear();
      setOutcome({ kind: "cleared" });
    });
  }, [run]);

  const cancel = useCallback(() => {
    if (!running.current) return;
    running.current.abort();
    setOperation((op) => op && { ...op, cancelling: true });
  }, []);

  const reportError = useCallback((error: unknown) => setProblem(problemOf(error)), []);

  const openFinding = useCallback(
    (item: FindingItem) => {
      latest.current.host.selectCell(item.finding.sheet, item.cell).catch(reportError);
    },
    [reportError],
  );

  const dismissProblem = useCallback(() => setProblem(undefined), []);
  const dismissOutcome = useCallback(() => setOutcome(undefined), []);

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
