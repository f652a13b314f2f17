// The function file's script: the three ribbon buttons that run without the pane (检查, 生成汇总, 清除标记),
// wired to Office; what each does from the click to event.completed() is in ribbon.ts.
/// <reference types="office-js" />

import { localDayOf } from "../core";
import { createExcelHost, displayLocale } from "../hosts/excel";
import { systemClock } from "./deadline";
import { canUpdateDialog, openReportDialog } from "./dialog";
import { reportStore } from "./messages";
import { runRibbonCommand, type RibbonDeps } from "./ribbon";
import { COMMAND_NAMES } from "./run";

function depsFor(event: Office.AddinCommands.Event): RibbonDeps {
  return {
    host: createExcelHost(),
    clock: systemClock,
    locale: displayLocale(),
    today: localDayOf(new Date()),
    base: window.location.href,
    canUpdateDialog: canUpdateDialog(),
    openDialog: openReportDialog,
    store: reportStore(),
    completed: () => event.completed(),
  };
}

Office.onReady(() => {
  for (const name of COMMAND_NAMES) {
    Office.actions.associate(name, (event: Office.AddinCommands.Event) => {
      let deps: RibbonDeps;
      try {
        deps = depsFor(event);
      } catch (error) {
        // Office not answering what it is asked: the event must still complete, or the button stays busy.
        console.error(error);
        event.completed();
        return;
      }
      void runRibbonCommand(name, deps);
    });
  }
});
