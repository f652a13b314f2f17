// What the add-in's pages learn from Office about the person's setting: language, theme and today. Every
// Office quirk of that is here, with the reason beside it.
/// <reference types="office-js" />

import { dayFromYmd, type Day, type Locale } from "../core";
import { localeFor } from "./i18n";

/** 中文 or English, after Office's display language (not the workbook's content language). */
export function displayLocale(): Locale {
  // Office.context is undefined until Office.onReady, and in a plain browser it has no displayLanguage.
  return localeFor(typeof Office === "undefined" ? undefined : Office.context?.displayLanguage);
}

/**
 * Light or dark, after the Office theme's body background: darker than middle grey (L* 50, luminance 0.18) is
 * dark. Office.context.officeTheme is undefined where the host does not share its theme (Excel on the web
 * among them), and may throw on old clients: light then.
 */
export function officeThemeKind(): "light" | "dark" {
  try {
    const background =
      typeof Office === "undefined" ? undefined : Office.context?.officeTheme?.bodyBackgroundColor;
    return background !== undefined && luminance(background) < MIDDLE_GREY ? "dark" : "light";
  } catch {
    return "light";
  }
}

const MIDDLE_GREY = 0.18;

/**
 * Relative luminance (0 black … 1 white) of `#RRGGBB` or `RRGGBB`; 1 for anything else.
 * @example luminance("#262626") // about 0.02
 */
export function luminance(color: string): number {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color.trim());
  if (!m) return 1;
  const [r, g, b] = [m[1]!, m[2]!, m[3]!].map((hex) => {
    const c = parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Today in the person's own time zone: the day a clerk means by "today". */
export function localToday(now: Date = new Date()): Day {
  return dayFromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}
