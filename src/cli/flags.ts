// The command line's commands and flags, as node:util's parseArgs takes them.

export const COMMANDS: readonly string[] = ["check", "clear", "notices", "merge"];

export const OPTIONS = {
  sheet: { type: "string" },
  spec: { type: "string" },
  ledger: { type: "string" },
  "as-of": { type: "string" },
  out: { type: "string" },
  "out-dir": { type: "string" },
  json: { type: "string" },
  lang: { type: "string" },
  config: { type: "string" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean", short: "v" },
} as const;

/** The flags that take the next argument as their value (--out x.xlsx). */
export const FLAGS_WITH_VALUES: ReadonlySet<string> = new Set(
  Object.entries(OPTIONS)
    .filter(([, option]) => option.type === "string")
    .map(([name]) => `--${name}`),
);
