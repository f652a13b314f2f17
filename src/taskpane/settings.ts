// The settings a check runs with: the workbook's, then the pane's own choices; and a way out of bad ones.

import { mergeSettings, parseSettings, type Locale, type SettingsInput } from "../core";

/** The pane words generated sheets in its own language, whatever the workbook says. */
export function paneOverrides(locale: Locale): SettingsInput {
  return { language: locale };
}

/** The stored settings (unvalidated) merged with the pane's, validated; problems name the key. */
export function resolveSettings(
  stored: SettingsInput | undefined,
  locale: Locale,
): ReturnType<typeof parseSettings> {
  return parseSettings(mergeSettings(stored, paneOverrides(locale)));
}

/** The stored settings without each top-level key that is unknown or holds a wrong value. */
export function withoutBadSettings(stored: unknown): SettingsInput {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if ("settings" in parseSettings({ [key]: value })) kept[key] = value;
  }
  return kept as SettingsInput;
}
