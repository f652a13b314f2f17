// The workbook open in the page: opening a file with Cancel and its problem, the host over it, and what the
// host tells the page (the last check, the workbook to download, the cell to show). Several files at once are
// a master and the units' returns: the first that is no returned notice is opened, and the pane merges the
// others into it; files dropped on an open workbook are merged into it.

import { useCallback, useEffect, useRef, useState } from "react";
import { HostError } from "../../hosts/contract";
import { createWorkbenchHost, WorkbookOpenError, type WorkbenchEvent, type WorkbookOutput } from "../host";
import type { CellView } from "../protocol";
import type { MergeRequest } from "../../taskpane/Pane/Pane.types";
import type { OpenWorkbookActions, OpenWorkbookState, Session, WorkbenchProps } from "./Workbench.types";

/** Several files, and every one of them a returned notice: nothing to merge them into. */
class NoMaster extends Error {}

interface Open {
  readonly host: Session["host"];
  readonly controller: AbortController;
  readonly unsubscribe: () => void;
}

export function useOpenWorkbook(spawn: WorkbenchProps["spawn"]): OpenWorkbookState & OpenWorkbookActions {
  const [session, setSession] = useState<Session>();
  const [opening, setOpening] = useState<readonly string[]>();
  const [mergeRequest, setMergeRequest] = useState<MergeRequest>();
  const [openProblem, setOpenProblem] = useState<OpenWorkbookState["openProblem"]>();
  const [output, setOutput] = useState<WorkbookOutput>();
  const [lastCheckId, setLastCheckId] = useState<number>();
  const [cell, setCell] = useState<CellView>();

  const sessions = useRef(0);
  const requests = useRef(0);
  const current = useRef<Open>(undefined);
  const latestSession = useRef(session);
  latestSession.current = session;

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

  /** The files to merge, handed to the pane (which merges each request once). */
  const requestMerge = useCallback((files: readonly File[]) => {
    if (files.length > 0) setMergeRequest({ id: ++requests.current, files });
  }, []);

  /** Opens a new host over the master, chosen among `files` by `pick` (which may classify them first). */
  const openWith = useCallback(
    (files: readonly File[], pick: (host: Session["host"]) => Promise<number>) => {
      closeCurrent();
      const host = createWorkbenchHost(spawn);
      const controller = new AbortController();
      const unsubscribe = host.subscribe(onEvent);
      current.current = { host, controller, unsubscribe };
      setSession(undefined);
      setMergeRequest(undefined);
      setOutput(undefined);
      setCell(undefined);
      setLastCheckId(undefined);
      setOpenProblem(undefined);
      setOpening(files.map((file) => file.name));
      const open = async () => {
        const master = await pick(host);
        if (master < 0) throw new NoMaster();
        const file = files[master]!;
        const { sheets } = await host.open(file, file.name, { signal: controller.signal });
        return { file, sheets, returns: files.filter((_, i) => i !== master) };
      };
      open().then(
        ({ file, sheets, returns }) => {
          if (current.current?.host !== host) return;
          setOpening(undefined);
          setSession({ id: ++sessions.current, host, name: file.name, size: file.size, sheets });
          requestMerge(returns);
        },
        (error: unknown) => {
          if (current.current?.host !== host) return;
          closeCurrent();
          setOpening(undefined);
          if (error instanceof HostError && error.kind === "cancelled") return;
          setOpenProblem(
            error instanceof NoMaster
              ? { kind: "noMaster", files: files.map((f) => f.name) }
              : error instanceof WorkbookOpenError
                ? { kind: "input", sentences: error.sentences }
                : { kind: "failed", detail: error instanceof Error ? error.message : String(error) },
          );
        },
      );
    },
    [spawn, onEvent, closeCurrent, requestMerge],
  );

  const openFile = useCallback((file: File) => openWith([file], async () => 0), [openWith]);

  /**
   * One file opens (replacing the workbook open); several are a master and its returns. Dropped on an open
   * workbook, they are merged into it, but for one workbook that is no returned notice, which is opened.
   */
  const openFiles = useCallback(
    (files: readonly File[]) => {
      if (files.length === 0) return;
      const open = current.current;
      if (latestSession.current && open) {
        void open.host.classify(files).then(
          (kinds) => {
            if (current.current !== open) return;
            if (files.length === 1 && kinds[0] === "workbook") openFile(files[0]!);
            else requestMerge(files);
          },
          () => requestMerge(files),
        );
        return;
      }
      if (files.length === 1) openFile(files[0]!);
      else openWith(files, async (host) => (await host.classify(files)).indexOf("workbook"));
    },
    [openFile, openWith, requestMerge],
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
    mergeRequest,
    openProblem,
    output,
    lastCheckId,
    cell,
    openFile,
    openFiles,
    cancelOpen,
    dismissOpenProblem: useCallback(() => setOpenProblem(undefined), []),
    showCell,
  };
}
