// What a run is asked to do, worked out before any workbook is read: the command and its files from the
// command line, then the as-of day and the settings (a settings file, then flags), each problem said in
// the language the run has settled on so far.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import {
  LOCALES,
  mergeSettings,
  parseIsoDay,
  parseSettings,
  readWorkbookSettings,
  SETTINGS_SHEET,
  type Day,
  type Locale,
  type Settings,
  type SettingsInput,
  type WorkbookModel,
} from "../core";
import { isSameFile } from "../hosts/xlsx";
import packageJson from "../../package.json";
import { Unusable } from "./failure";
import { COMMANDS, OPTIONS } from "./flags";
import { CLI_WORDS } from "./messages";

/** What to write on stdout instead of running (--help, --version, no command), and the exit code. */
export interface Answer {
  readonly answer: string;
  readonly exit: "ok" | "unusable";
}

/** The command line, checked: a known command, its workbook, and the flags that command needs. */
export interface CommandLine {
  readonly command: "check" | "clear" | "notices" | "merge";
  readonly file: string;
  /** merge: the returned workbooks (answered notices, or copies of the task table), in the order given. */
  readonly returns: readonly string[];
  /** --lang: wins over every settings' language. */
  readonly lang?: Locale;
  readonly asOf?: string;
  readonly config?: string;
  readonly out?: string;
  readonly outDir?: string;
  readonly json?: string;
  /** The settings the flags give (--sheet, --spec, --ledger, --lang). */
  readonly flags: SettingsInput;
}

/** A run ready to read its workbook. */
export interface Invocation extends CommandLine {
  readonly asOfDay: Day;
  readonly fromFile: SettingsInput | undefined;
  readonly settings: Settings;
  readonly locale: Locale;
}

/** The language a run speaks before its settings are read: --lang, else the settings' default. */
export function firstLocale(line: CommandLine | undefined): Locale {
  return line?.lang ?? "zh-CN";
}

/** @throws Unusable for a flag, command or file the run cannot go on with. */
export function parseCommandLine(argv: readonly string[]): Answer | CommandLine {
  const { values, positionals } = parseFlags(argv, "zh-CN");
  if (values.lang !== undefined && !LOCALES.includes(values.lang as Locale))
    throw new Unusable(CLI_WORDS["zh-CN"].badLang({ value: values.lang }));
  const lang = values.lang as Locale | undefined;
  const words = CLI_WORDS[lang ?? "zh-CN"];
  if (values.version) return { answer: `${packageJson.version}\n`, exit: "ok" };
  const [command, file, ...extra] = positionals;
  if (values.help || command === undefined || command === "help") {
    return { answer: `${words.usage}\n`, exit: command === undefined && !values.help ? "unusable" : "ok" };
  }
  if (!COMMANDS.includes(command)) throw new Unusable(words.unknownCommand({ command }));
  if (file === undefined) throw new Unusable(words.missingFile);
  if (extra.length > 0 && command !== "merge") throw new Unusable(words.badFlag({ detail: extra.join(" ") }));
  if (command === "merge" && extra.length === 0) throw new Unusable(words.missingReturns);
  if ((command === "clear" || command === "merge") && values.out === undefined) {
    throw new Unusable(words.needsFlag({ command, flag: "--out" }));
  }
  if (command === "notices" && values["out-dir"] === undefined) {
    throw new Unusable(words.needsFlag({ command, flag: "--out-dir" }));
  }
  return {
    command: command as CommandLine["command"],
    file,
    returns: command === "merge" ? extra : [],
    ...(lang !== undefined ? { lang } : {}),
    ...(values["as-of"] !== undefined ? { asOf: values["as-of"] } : {}),
    ...(values.config !== undefined ? { config: values.config } : {}),
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values["out-dir"] !== undefined ? { outDir: values["out-dir"] } : {}),
    ...(values.json !== undefined ? { json: values.json } : {}),
    flags: {
      ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
      ...(values.spec !== undefined ? { spec: values.spec } : {}),
      ...(values.ledger !== undefined ? { ledger: values.ledger } : {}),
      ...(lang !== undefined ? { language: lang } : {}),
    },
  };
}

/**
 * The as-of day (--as-of, else today) and the settings of a settings file and flags; outputs that would
 * overwrite the input are refused.
 * @throws Unusable
 */
export async function settle(line: CommandLine, today: () => Day): Promise<Invocation> {
  const words = CLI_WORDS[firstLocale(line)];
  let asOfDay = today();
  if (line.asOf !== undefined) {
    const parsed = parseIsoDay(line.asOf);
    if (parsed === undefined) throw new Unusable(words.badAsOf({ value: line.asOf }));
    asOfDay = parsed;
  }
  const fromFile = line.config === undefined ? undefined : await readConfig(line.config, firstLocale(line));
  const parsed = parseSettings(mergeSettings(fromFile, line.flags));
  if ("problems" in parsed) {
    const first = parsed.problems[0]!;
    throw new Unusable(
      words.configInvalid({ file: line.config ?? "--sheet", path: first.path, message: first.message }),
    );
  }
  const { settings } = parsed;
  const locale = line.lang ?? settings.language;
  for (const output of [line.out, line.json]) {
    if (output === undefined || output === "-") continue;
    for (const input of [line.file, ...line.returns]) {
      if (await isSameFile(input, output))
        throw new Unusable(CLI_WORDS[locale].sameAsInput({ file: output }));
    }
  }
  return { ...line, asOfDay, fromFile, settings, locale };
}

/** The workbook's own settings layered under the file's and the flags', or why they cannot be used. */
type Stored = { readonly settings: Settings; readonly locale: Locale } | { readonly problem: string };

/**
 * The settings the workbook carries (saved from the task pane) with the settings file's and the flags' over
 * them; undefined when it carries none.
 */
function storedSettings(run: Invocation, workbook: WorkbookModel): Stored | undefined {
  const where = `${path.basename(run.file)} (${SETTINGS_SHEET})`;
  let stored: unknown;
  try {
    stored = readWorkbookSettings(workbook);
  } catch (error) {
    return { problem: CLI_WORDS[run.locale].configUnreadable({ file: where, reason: String(error) }) };
  }
  if (stored === undefined) return undefined;
  const layered = parseSettings(mergeSettings(stored as SettingsInput, run.fromFile, run.flags));
  if ("problems" in layered) {
    const first = layered.problems[0]!;
    return {
      problem: CLI_WORDS[run.locale].configInvalid({ file: where, path: first.path, message: first.message }),
    };
  }
  return { settings: layered.settings, locale: run.lang ?? layered.settings.language };
}

/**
 * The workbook's settings (see storedSettings), undefined when it carries none.
 * @throws Unusable when its settings sheet cannot be read or its settings are not valid.
 */
export function withStoredSettings(
  run: Invocation,
  workbook: WorkbookModel,
): { settings: Settings; locale: Locale } | undefined {
  const stored = storedSettings(run, workbook);
  if (stored !== undefined && "problem" in stored) throw new Unusable(stored.problem);
  return stored;
}

/**
 * The settings a workbook's first rows carry, as withStoredSettings reads them; undefined where they cannot
 * be read or are not valid (the check, on the whole workbook, then says what is wrong).
 */
export function headSettings(run: Invocation, heads: WorkbookModel): Settings | undefined {
  const stored = storedSettings(run, heads);
  if (stored === undefined) return run.settings;
  return "problem" in stored ? undefined : stored.settings;
}

function parseFlags(argv: readonly string[], locale: Locale) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new Unusable(CLI_WORDS[locale].badFlag({ detail: (error as Error).message }));
  }
}

async function readConfig(file: string, locale: Locale): Promise<SettingsInput> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    throw new Unusable(
      CLI_WORDS[locale].configUnreadable({
        file,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      }),
    );
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, "")) as SettingsInput;
  } catch (error) {
    throw new Unusable(CLI_WORDS[locale].configUnreadable({ file, reason: (error as Error).message }));
  }
}
