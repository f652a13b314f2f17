// The task pane's root: Fluent's light or dark theme around the pane. No Office.js here; the host is a prop.

import { FluentProvider, makeStyles, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import type { AppProps } from "./App.types";
import { Pane } from "./Pane/Pane";

export type { AppProps } from "./App.types";

const useStyles = makeStyles({ root: { minHeight: "100vh" } });

export function App({ host, locale, theme, today }: AppProps) {
  const styles = useStyles();
  return (
    <FluentProvider
      className={styles.root}
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      lang={locale}
    >
      <Pane host={host} locale={locale} today={today} />
    </FluentProvider>
  );
}
