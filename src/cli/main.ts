// `duban check`: reads a workbook through the xlsx host, checks it with the engine, reports. Returns the exit code.

import { promises as fs } from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";
import {
  buildReport,
  checkWorkbook,
  formatTableProblem,
  HEADER_SEARCH_ROWS,
  LOCALES,
  mergeSettings,
  parseIsoDay,
  parseSettings,
  sheetsToRead,
  TableError,
  type Day,
  type Locale,
  type SettingsInput,
  type WorkbookModel,
} from "../core";
import packageJson from "../../package.json";
import { readWorkbookSettings, SETTINGS_SHEET } from "../core/output/record";
import { describeInputProblem, WorkbookInputError, WorkbookOutputError } from "../hosts/xlsx";
import { damagedPart } from "../hosts/xlsx/read";
import { XmlPartError } from "../hosts/xlsx/xml";
import { readFileBytes } from "../hosts/xlsx/file";
import { NODE_CODEC } from "../hosts/xlsx/node-codec";
import { OpcPackage } from "../hosts/xlsx/package";
import { readPackage } from "../hosts/xlsx/read";
import { clearDuban, noticeWorkbooks, writeCheck } from "../hosts/xlsx/write";
import { isSameFile, writeFileWhole } from "../hosts/xlsx/write-file";
import { utf8Batches } from "../hosts/xlsx/utf8";
import { jsonPieces } from "./json";
import { collectGarbage } from "./memory";
import { CLI_WORDS } from "./messages";
import { Progress } from "./progress";
import { renderText } from "./render";

export interface CliIO {
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  /** The local date today, for the default as-of; a test passes a fixed one. */
  readonly today: () => Day;
}

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNUSABLE = 2;

/** A problem that ends the run with exit code 2 and one line on stderr. */
class Unusable extends Error {}

const OPTIONS = {
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

export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  // The settings' default language until --lang or a settings file says otherwise.
  let locale: Locale = "zh-CN";
  try {
    const { values, positionals } = parseFlags(argv, locale);
    if (values.lang !== undefined) {
      if (!LOCALES.includes(values.lang as Locale))
        throw new Unusable(CLI_WORDS[locale].badLang({ value: values.lang }));
      locale = values.lang as Locale;
    }
    const words = CLI_WORDS[locale];
    if (values.version) {
      io.stdout.write(`${packageJson.version}\n`);
      return EXIT_OK;
    }
    const [command, file, ...extra] = positionals;
    if (values.help || command === undefined || command === "help") {
      io.stdout.write(`${words.usage}\n`);
      return command === undefined && !values.help ? EXIT_UNUSABLE : EXIT_OK;
    }
    if (!COMMANDS.includes(command)) throw new Unusable(words.unknownCommand({ command }));
    if (file === undefined) throw new Unusable(words.missingFile);
    if (extra.length > 0) throw new Unusable(words.badFlag({ detail: extra.join(" ") }));
    if (command === "clear" && values.out === undefined) {
      throw new Unusable(words.needsFlag({ command, flag: "--out" }));
    }
    if (command === "notices" && values["out-dir"] === undefined) {
      throw new Unusable(words.needsFlag({ command, flag: "--out-dir" }));
    }

    let asOf = io.today();
    if (values["as-of"] !== undefined) {
      const parsed = parseIsoDay(values["as-of"]);
      if (parsed === undefined) throw new Unusable(words.badAsOf({ value: values["as-of"] }));
      asOf = parsed;
    }
    const fromFile = values.config === undefined ? undefined : await readConfig(values.config, locale);
    const flags: SettingsInput = {
      ...(values.sheet !== undefined ? { sheet: values.sheet } : {}),
      ...(values.spec !== undefined ? { spec: values.spec } : {}),
      ...(values.ledger !== undefined ? { ledger: values.ledger } : {}),
      ...(values.lang !== undefined ? { language: values.lang as Locale } : {}),
    };
    const parsed = parseSettings(mergeSettings(fromFile, flags));
    if ("problems" in parsed) {
      const first = parsed.problems[0]!;
      throw new Unusable(
        words.configInvalid({ file: values.config ?? "--sheet", path: first.path, message: first.message }),
      );
    }
    let settings = parsed.settings;
    if (values.lang === undefined) locale = settings.language;
    for (const output of [values.out, values.json]) {
      if (output !== undefined && output !== "-" && (await isSameFile(file, output))) {
        throw new Unusable(CLI_WORDS[locale].sameAsInput({ file: output }));
      }
    }

    const progress = new Progress(io.stderr, locale);
    progress.reading(file);
    const bytes = await readFileBytes(file);
    if (command === "clear") {
      const pkg = OpcPackage.open(bytes, file, NODE_CODEC);
      clearDuban(pkg);
      progress.clear();
      await writeOutput(values.out!, await pkg.toBytesAsync(), locale);
      io.stdout.write(`${CLI_WORDS[locale].cleared({ file: values.out! })}\n`);
      return EXIT_OK;
    }
    // One package for reading and for the copy: it is checked (sizes, CRCs, DOCTYPEs) once.
    const pkg = OpcPackage.open(bytes, file, NODE_CODEC);
    // Every sheet's first rows, then whole only the sheets the check needs, chosen with the settings the
    // workbook carries (where they cannot be read, every sheet whole: the check below says what is wrong).
    const everySheet = (heads: WorkbookModel) => new Set(heads.sheets.map((s) => s.name));
    const choose = (heads: WorkbookModel): ReadonlySet<string> => {
      let stored: unknown;
      try {
        stored = readWorkbookSettings(heads);
      } catch {
        return everySheet(heads);
      }
      const layered = parseSettings(mergeSettings(stored as SettingsInput | undefined, fromFile, flags));
      return "problems" in layered ? everySheet(heads) : sheetsToRead(heads, layered.settings, asOf);
    };
    // A checked copy edits the task sheet around its cells: its bytes are kept from the reading for that.
    const plan = { headRows: HEADER_SEARCH_ROWS + 1, choose, keep: values.out !== undefined };
    const workbook = { ...readPackage(pkg, file, plan), fileName: path.basename(file) };
    // The sheets' XML, let go of by the reader, returned before the check and the report allocate.
    collectGarbage();
    // The workbook's own settings (saved from the task pane) come first; a settings file and flags win.
    const stored = storedSettings(workbook, file, locale);
    if (stored !== undefined) {
      const layered = parseSettings(mergeSettings(stored as SettingsInput, fromFile, flags));
      if ("problems" in layered) {
        const first = layered.problems[0]!;
        const where = `${path.basename(file)} (${SETTINGS_SHEET})`;
        throw new Unusable(
          CLI_WORDS[locale].configInvalid({ file: where, path: first.path, message: first.message }),
        );
      }
      settings = layered.settings;
      if (values.lang === undefined) locale = settings.language;
    }
    const result = checkWorkbook(workbook, {
      asOf,
      settings,
      onProgress: (done, total) => progress.checking(done, total),
    });
    progress.clear();

    if (command === "notices") {
      const dir = values["out-dir"]!;
      const written = await writeNotices(
        dir,
        noticeWorkbooks(result, { settings, locale }, NODE_CODEC),
        locale,
      );
      io.stdout.write(`${CLI_WORDS[locale].noticesWritten({ count: written.length, dir })}\n`);
      for (const name of written) io.stdout.write(`  ${name}\n`);
      return EXIT_OK;
    }

    if (values.out !== undefined) {
      writeCheck(pkg, result, { settings, locale });
      await writeOutput(values.out, await pkg.toBytesAsync(), locale);
    }
    const report = buildReport(result, locale);
    if (values.json === "-") {
      for (const piece of jsonPieces(report, "issues")) io.stdout.write(piece);
    } else {
      if (values.json !== undefined) {
        await writeOutput(values.json, utf8Batches(jsonPieces(report, "issues")), locale, "jsonUnwritable");
      }
      io.stdout.write(renderText(result, locale, io.stderr.columns ?? 120));
      if (values.out !== undefined) io.stdout.write(`\n${CLI_WORDS[locale].written({ file: values.out })}\n`);
    }
    return result.findings.some((f) => f.severity === "error") ? EXIT_FINDINGS : EXIT_OK;
  } catch (error) {
    io.stderr.write(`duban: ${describeFailure(error, locale, argv)}\n`);
    return EXIT_UNUSABLE;
  }
}

const COMMANDS = ["check", "clear", "notices"];

function storedSettings(workbook: WorkbookModel, file: string, locale: Locale): unknown {
  try {
    return readWorkbookSettings(workbook);
  } catch (error) {
    throw new Unusable(
      CLI_WORDS[locale].configUnreadable({
        file: `${path.basename(file)} (${SETTINGS_SHEET})`,
        reason: String(error),
      }),
    );
  }
}

/** The whole file or nothing: a temporary file beside it, then a rename (see writeFileWhole). */
async function writeOutput(
  file: string,
  bytes: Uint8Array | Iterable<Uint8Array>,
  locale: Locale,
  problem: "outUnwritable" | "jsonUnwritable" = "outUnwritable",
): Promise<void> {
  try {
    await writeFileWhole(file, bytes);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new Unusable(CLI_WORDS[locale][problem]({ file, reason }));
  }
}

/** One file per unit, named after it: 督办单-综采一队.xlsx. */
async function writeNotices(
  dir: string,
  files: ReadonlyArray<{ unit: string; bytes: Uint8Array }>,
  locale: Locale,
): Promise<string[]> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    throw new Unusable(
      CLI_WORDS[locale].outUnwritable({
        file: dir,
        reason: (error as NodeJS.ErrnoException).code ?? String(error),
      }),
    );
  }
  const names: string[] = [];
  const taken = new Set<string>();
  for (const { unit, bytes } of files) {
    const base = `${CLI_WORDS[locale].noticeFile}-${unit.replace(/[\\/:*?"<>|\s]+/g, "_")}`;
    let name = `${base}.xlsx`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.xlsx`;
    taken.add(name.toLowerCase());
    await writeOutput(path.join(dir, name), bytes, locale);
    names.push(name);
  }
  return names;
}

function parseFlags(argv: readonly string[], locale: Locale) {
  try {
    return parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new Unusable(CLI_WORDS[locale].badFlag({ detail: (error as Error).message }));
  }
}

function describeFailure(error: unknown, locale: Locale, argv: readonly string[]): string {
  if (error instanceof Unusable) return error.message;
  if (error instanceof WorkbookInputError) return describeInputProblem(error, locale);
  // A part of the input that clearing or writing had to parse (reading already turns these into the above).
  if (error instanceof XmlPartError) return describeInputProblem(damagedPart(error, inputFile(argv)), locale);
  if (error instanceof WorkbookOutputError) {
    const out = outFlag(argv) ?? "";
    return CLI_WORDS[locale].outInvalid({ file: out, part: error.part, detail: error.detail });
  }
  if (error instanceof TableError) {
    const file = argv.find((a) => /\.(xlsx|xlsm|xls|csv|ods)$/i.test(a)) ?? "";
    return `${file ? `${path.basename(file)}: ` : ""}${formatTableProblem(error.detail, locale)}`;
  }
  // Anything else is our fault: say so plainly, with the detail a bug report needs.
  return `internal error: ${(error as Error)?.stack ?? String(error)}`;
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

/** The workbook named on the command line (the first argument after the command that is not a flag). */
function inputFile(argv: readonly string[]): string {
  const args = argv.slice(1);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg.startsWith("--")) {
      if (!arg.includes("=") && FLAGS_WITH_VALUES.has(arg)) i++;
      continue;
    }
    return arg;
  }
  return "";
}

const FLAGS_WITH_VALUES = new Set(
  Object.entries(OPTIONS)
    .filter(([, option]) => option.type === "string")
    .map(([name]) => `--${name}`),
);

/** The value given to --out (or --out=…), for a message about the output. */
function outFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--out" || arg === "--out-dir") return argv[i + 1];
    if (arg.startsWith("--out=")) return arg.slice("--out=".length);
  }
  return undefined;
}
