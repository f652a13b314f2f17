// The system's light or dark setting, for a page that has no theme of its own.

import { useSyncExternalStore } from "react";

const DARK = "(prefers-color-scheme: dark)";

/** Light or dark as the system is set, following changes. */
export function usePreferredTheme(): "light" | "dark" {
  const media = typeof window !== "undefined" && typeof window.matchMedia === "function";
  return useSyncExternalStore(
    (onChange) => {
      if (!media) return () => undefined;
      const query = window.matchMedia(DARK);
      query.addEventListener("change", onChange);
      return () => query.removeEventListener("change", onChange);
    },
    () => (media && window.matchMedia(DARK).matches ? "dark" : "light"),
    () => "light",
  );
}
