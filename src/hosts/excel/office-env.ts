// What the add-in's pages (the task pane and the ribbon commands) learn from Office about the person's
// setting: language and theme. Every Office quirk of that is here, with the reason beside it.
/// <reference types="office-js" />

import type { Locale } from "../../core";

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

/**
 * The locale for Office's display language: any Chinese (zh-CN, zh-TW, zh-HK …) reads 中文, another language
 * English, and none known 中文 (Duban's own default).
 * @example localeFor("zh-TW") // "zh-CN"
 */
export function localeFor(displayLanguage: string | undefined): Locale {
  if (!displayLanguage) return "zh-CN";
  return /^zh\b/i.test(displayLanguage) ? "zh-CN" : "en-US";
}
