// One operation with the host at a time: its progress, Cancel through an AbortController, and what it ended
// with (a problem, or an outcome to report).

import { useCallback, useEffect, useRef, useState } from "react";
import type { HostOperation } from "../hosts/contract";
import { CANCELLED, problemOf, type PaneProblem } from "./problems";
import type { Operation, OperationKind, Outcome } from "./useCheck.types";

export interface OperationState {
  readonly operation: Operation | undefined;
  readonly problem: PaneProblem | undefined;
  readonly outcome: Outcome | undefined;
  /**
   * Runs `body` unless an operation is running already; a failure becomes the problem (cancelled once Cancel
   * was pressed, whatever the host threw).
   */
  readonly run: (kind: OperationKind, body: (operation: HostOperation) => Promise<void>) => Promise<void>;
  readonly cancel: () => void;
  readonly setProblem: (problem: PaneProblem | undefined) => void;
  readonly setOutcome: (outcome: Outcome | undefined) => void;
}

export function useOperation(): OperationState {
  const [operation, setOperation] = useState<Operation>();
  const [problem, setProblem] = useState<PaneProblem>();
  const [outcome, setOutcome] = useState<Outcome>();
  const running = useRef<AbortController | undefined>(undefined);

  useEffect(() => () => running.current?.abort(), []);

  const run = useCallback(async (kind: OperationKind, body: (operation: HostOperation) => Promise<void>) => {
    if (running.current) return;
    const controller = new AbortController();
    running.current = controller;
    setOperation({ kind, cancellable: kind !== "clear" && kind !== "undo", cancelling: false });
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

  const cancel = useCallback(() => {
    if (!running.current) return;
    running.current.abort();
    setOperation((op) => op && { ...op, cancelling: true });
  }, []);

  return { operation, problem, outcome, run, cancel, setProblem, setOutcome };
}
