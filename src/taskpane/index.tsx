// The task pane's entry: waits for Office, then shows the pane on the Excel host; in a plain browser (or
// without office.js) it says where the page belongs instead of staying blank.
/// <reference types="office-js" />

import { Component, StrictMode, type ErrorInfo, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import { localDayOf, type Locale } from "../core";
import { createExcelHost, displayLocale, officeThemeKind } from "../hosts/excel";
import { App } from "./App";
import { readReturnedWorkbook } from "./returns";

interface BootWords {
  readonly title: string;
  readonly outsideExcel: string;
  readonly workbench: string;
  readonly openWorkbench: string;
  readonly officeMissing: string;
  readonly crashed: (detail: string) => string;
}

const BOOT_WORDS: Readonly<Record<Locale, BootWords>> = {
  "zh-CN": {
    title: "督办助手 Duban",
    outsideExcel:
      "这是督办助手在 Excel 中的面板，请在 Excel 里打开它：「开始」选项卡 › 督办助手 › 打开面板。",
    workbench: "手边没有 Excel？可以在浏览器里用工作台检查 .xlsx 文件。",
    openWorkbench: "打开工作台",
    officeMissing: "无法加载 Office 的脚本（office.js）。请检查网络连接，然后关闭并重新打开面板。",
    crashed: (detail) =>
      `面板出错了（${detail}）。请关闭面板后重新打开；如果仍然出错，请把这段文字发给管理员。`,
  },
  "en-US": {
    title: "Duban 督办助手",
    outsideExcel: "This is Duban's pane for Excel; open it in Excel: Home tab › Duban › Open pane.",
    workbench: "No Excel at hand? The workbench checks .xlsx files in the browser.",
    openWorkbench: "Open the workbench",
    officeMissing:
      "Office's script (office.js) could not be loaded. Check the network connection, then close and reopen the pane.",
    crashed: (detail) =>
      `The pane failed (${detail}). Close it and open it again; if it fails again, send this text to your administrator.`,
  },
};

const root = createRoot(document.getElementById("root")!);

/** The browser's language first, the other one after it: nobody has told us which one the person reads. */
function browserLocales(): readonly Locale[] {
  return /^zh\b/i.test(navigator.language) ? ["zh-CN", "en-US"] : ["en-US", "zh-CN"];
}

function Notice({ locales, say }: { locales: readonly Locale[]; say: (words: BootWords) => ReactNode }) {
  return (
    <div className="boot">
      <h1>
        <img src="assets/icon-32.png" width={32} height={32} alt="" />
        {BOOT_WORDS[locales[0]!].title}
      </h1>
      {locales.map((locale, i) => (
        <div key={locale} lang={locale} className={i > 0 ? "other" : undefined}>
          {say(BOOT_WORDS[locale])}
        </div>
      ))}
    </div>
  );
}

function OutsideExcel() {
  return (
    <Notice
      locales={browserLocales()}
      say={(words) => (
        <>
          <p>{words.outsideExcel}</p>
          <p>
            {words.workbench} <a href="workbench.html">{words.openWorkbench}</a>
          </p>
        </>
      )}
    />
  );
}

/** Whatever goes wrong while the pane renders is said in the pane, not left as a blank page. */
class PaneBoundary extends Component<{ locale: Locale; children: ReactNode }, { error?: unknown }> {
  override state: { error?: unknown } = {};

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.error === undefined) return this.props.children;
    const detail = this.state.error instanceof Error ? this.state.error.message : String(this.state.error);
    return (
      <Notice locales={[this.props.locale]} say={(words) => <p role="alert">{words.crashed(detail)}</p>} />
    );
  }
}

function startPane(): void {
  const locale = displayLocale();
  root.render(
    <StrictMode>
      <PaneBoundary locale={locale}>
        <App
          host={createExcelHost(undefined, undefined, undefined, readReturnedWorkbook)}
          locale={locale}
          theme={officeThemeKind()}
          today={localDayOf(new Date())}
        />
      </PaneBoundary>
    </StrictMode>,
  );
}

if (typeof Office === "undefined") {
  // office.js did not load (offline, or the CDN blocked): Office.onReady cannot be waited for.
  root.render(
    <Notice locales={browserLocales()} say={(words) => <p role="alert">{words.officeMissing}</p>} />,
  );
} else {
  void Office.onReady((info) => {
    if (info.host === Office.HostType.Excel) startPane();
    else root.render(<OutsideExcel />);
  });
}
