// The workbench page's state: the open file and its host, opening with Cancel, the workbook to download,
// the cell to show, files dragged over the page, and the language.

import { useCallback, useEffect, useRef, useState } from "react";
import type { Locale } from "../../core";
import { HostError } from "../../hosts/contract";
import { createWorkbenchHost, WorkbookOpenError, type WorkbenchEvent, type WorkbookOutput } from "../host";
import { WORKBENCH_WORDS } from "../i18n";
import type { CellView } from "../protocol";
import type {
  OpenProblem,
  Session,
  WorkbenchActions,
  WorkbenchProps,
  WorkbenchState,
} from "./Workbench.types";

export function useWorkbench({
  spawn,
  initialLocale,
  today,
}: WorkbenchProps): WorkbenchState & WorkbenchActions {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [session, setSession] = useState<Session>();
  const [opening, setOpening] = useState<string>();
  const [openProblem, setOpenProblem] = useState<OpenProblem>();
  const [output, setOutput] = useState<WorkbookOutput>();
  const [lastCheckId, setLastCheckId] = useState<number>();
  const [cell, setCell] = useState<CellView>();
  const [dragging, setDragging] = useState(false);

  const sessions = useRef(0);
  const current = useRef<{ host: Session["host"]; controller: AbortController; unsubscribe: () => void }>(
    undefined,
  );

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = WORKBENCH_WORDS[locale].title;
  }, [locale]);

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

  // Files dropped anywhere on the page open; the page never navigates to a dropped file.
  const latestOpen = useRef(openFile);
  latestOpen.current = openFile;
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes("Files");
    const enter = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDragging(true);
    };
    const leave = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const over = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
    };
    const drop = (event: DragEvent) => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (file) latestOpen.current(file);
    };
    window.addEventListener("dragenter", enter);
    window.addEventListener("dragleave", leave);
    window.addEventListener("dragover", over);
    window.addEventListener("drop", drop);
    return () => {
      window.removeEventListener("dragenter", enter);
      window.removeEventListener("dragleave", leave);
      window.removeEventListener("dragover", over);
      window.removeEventListener("drop", drop);
    };
  }, []);

  return {
    locale,
    words: WORKBENCH_WORDS[locale],
    today,
    session,
    opening,
    openProblem,
    output,
    lastCheckId,
    cell,
    dragging,
    setLocale,
    openFile,
    cancelOpen,
    dismissOpenProblem: useCallback(() => setOpenProblem(undefined), []),
    showCell,
  };
}
