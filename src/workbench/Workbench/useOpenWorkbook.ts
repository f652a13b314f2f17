// The workbook open in the page: opening a file with Cancel and its problem, the host over it, and what the
// host tells the page (the last check, the workbook to download, the cell to show).

import { useCallback, useEffect, useRef, useState } from "react";
import { HostError } from "../../hosts/contract";
import { createWorkbenchHost, WorkbookOpenError, type WorkbenchEvent, type WorkbookOutput } from "../host";
import type { CellView } from "../protocol";
import type { OpenWorkbookActions, OpenWorkbookState, Session, WorkbenchProps } from "./Workbench.types";

interface Open {
  readonly host: Session["host"];
  readonly controller: AbortController;
  readonly unsubscribe: () => void;
}

export function useOpenWorkbook(spawn: WorkbenchProps["spawn"]): OpenWorkbookState & OpenWorkbookActions {
  const [session, setSession] = useState<Session>();
  const [opening, setOpening] = useState<string>();
  const [openProblem, setOpenProblem] = useState<OpenWorkbookState["openProblem"]>();
  const [output, setOutput] = useState<WorkbookOutput>();
  const [lastCheckId, setLastCheckId] = useState<number>();
  const [cell, setCell] = useState<CellView>();

  const sessions = useRef(0);
  const current = useRef<Open>(undefined);

  const onEvent = useCallback((event: WorkbenchEvent) => {
    switch (event.type) {
      case "checked":
        setLastCheckId(event.checkId);
        break;
      case "output":
        setOutput(event.output);
        break;
      case "cell":
        setCell(event.view);
        break;
    }
  }, []);

  const closeCurrent = useCallback(() => {
    const open = current.current;
    current.current = undefined;
    if (!open) return;
    open.unsubscribe();
    open.controller.abort();
    open.host.dispose();
  }, []);

  useEffect(() => closeCurrent, [closeCurrent]);

  const openFile = useCallback(
    (file: File) => {
      closeCurrent();
      const host = createWorkbenchHost(spawn);
      const controller = new AbortController();
      const unsubscribe = host.subscribe(onEvent);
      current.current = { host, controller, unsubscribe };
      setSession(undefined);
      setOutput(undefined);
      setCell(undefined);
      setLastCheckId(undefined);
      setOpenProblem(undefined);
      setOpening(file.name);
      host.open(file, file.name, { signal: controller.signal }).then(
        ({ sheets }) => {
          if (current.current?.host !== host) return;
          setOpening(undefined);
          setSession({ id: ++sessions.current, host, name: file.name, size: file.size, sheets });
        },
        (error: unknown) => {
          if (current.current?.host !== host) return;
          closeCurrent();
          setOpening(undefined);
          if (error instanceof HostError && error.kind === "cancelled") return;
          setOpenProblem(
            error instanceof WorkbookOpenError
              ? { kind: "input", sentences: error.sentences }
              : { kind: "failed", detail: error instanceof Error ? error.message : String(error) },
          );
        },
      );
    },
    [spawn, onEvent, closeCurrent],
  );

  const cancelOpen = useCallback(() => {
    if (!current.current || session) return;
    closeCurrent();
    setOpening(undefined);
  }, [closeCurrent, session]);

  const showCell = useCallback((sheet: string, cellRef: string) => {
    current.current?.host.selectCell(sheet, cellRef).catch(() => undefined);
  }, []);

  return {
    session,
    opening,
    openProblem,
    output,
    lastCheckId,
    cell,
    openFile,
    cancelOpen,
    dismissOpenProblem: useCallback(() => setOpenProblem(undefined), []),
    showCell,
  };
}
