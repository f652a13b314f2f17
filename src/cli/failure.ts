// Why a run ends with exit code 2, as the one line it writes on stderr.

import * as path from "node:path";
import { formatTableProblem, TableError, type Locale } from "../core";
import {
  damagedPart,
  describeInputProblem,
  WorkbookInputError,
  WorkbookOutputError,
  XmlPartError,
} from "../hosts/xlsx";
import { FLAGS_WITH_VALUES } from "./flags";
import { CLI_WORDS } from "./messages";

/** A problem that ends the run with exit code 2 and one line on stderr. */
export class Unusable extends Error {}

/** The line for a failure, in the language the run had settled on when it failed. */
export function describeFailure(error: unknown, locale: Locale, argv: readonly string[]): string {
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

/** The value given to --out (or --out=…), for a message about the output. */
function outFlag(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--out" || arg === "--out-dir") return argv[i + 1];
    if (arg.startsWith("--out=")) return arg.slice("--out=".length);
  }
  return undefined;
}
