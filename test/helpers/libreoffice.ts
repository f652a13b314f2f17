// Runs LibreOffice headless to convert files in tests: an independent reader and writer of real workbooks.

import { execFile } from "node:child_process";
import { accessSync, constants, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join } from "node:path";
import { pathToFileURL } from "node:url";

/** The soffice executable: $SOFFICE, /usr/bin/soffice, or the first on PATH; undefined when not installed. */
export function findSoffice(): string | undefined {
  const candidates = [
    process.env.SOFFICE,
    "/usr/bin/soffice",
    ...(process.env.PATH ?? "").split(delimiter).map((dir) => join(dir, "soffice")),
  ];
  for (const candidate of candidates) {
    if (!candidate) continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const INSTALL_HINT = "apt-get install -y libreoffice-calc-nogui";

/**
 * `test`, when LibreOffice is installed. Without it the test is skipped on a developer's machine, but fails
 * under CI (where `CI` is set), so that a CI image without LibreOffice cannot pass by skipping.
 */
export function testWithLibreOffice(
  name: string,
  fn: (soffice: string) => Promise<void>,
  timeoutMs = 240_000,
): void {
  const soffice = findSoffice();
  if (soffice) {
    test(name, () => fn(soffice), timeoutMs);
  } else if (process.env.CI) {
    test(name, () => {
      throw new Error(`LibreOffice (soffice) is required under CI for this test: ${INSTALL_HINT}`);
    });
  } else {
    test.skip(`${name} (LibreOffice not installed: ${INSTALL_HINT})`, () => undefined);
  }
}

export interface ConvertOptions {
  /** Defaults to 180 s: the first start of a fresh profile alone can take 10-20 s on a slow machine. */
  readonly timeoutMs?: number;
}

/**
 * Converts `input` with `soffice --headless --convert-to <format>` into `outDir` and returns the new file's
 * path. `format` is an extension, optionally with a filter (`xlsx`, `csv`, `ods`, `xls`,
 * `csv:Text - txt - csv (StarCalc):44,34,76`). Each call has its own throwaway profile, so calls may run in
 * parallel and never touch the user's LibreOffice settings. `outDir` must differ from the input's folder
 * when the format keeps the extension, or LibreOffice overwrites the input.
 */
export async function convertWithLibreOffice(
  soffice: string,
  input: string,
  format: string,
  outDir: string,
  options: ConvertOptions = {},
): Promise<string> {
  const { stdout, stderr } = await convertAllWithLibreOffice(soffice, [input], format, outDir, options);
  const extension = format.split(":")[0] ?? format;
  const output = join(outDir, `${basename(input, extname(input))}.${extension}`);
  try {
    accessSync(output, constants.R_OK);
  } catch {
    // soffice exits 0 even when a conversion fails; its output is the only clue.
    throw new Error(`LibreOffice wrote no ${output}.\nstdout: ${stdout}\nstderr: ${stderr}`);
  }
  return output;
}

/**
 * Converts several files in one run of soffice (its start is most of the time), each into `outDir` under its
 * own base name, with a throwaway profile. What came out is for the caller to look at.
 */
export async function convertAllWithLibreOffice(
  soffice: string,
  inputs: readonly string[],
  format: string,
  outDir: string,
  options: ConvertOptions = {},
): Promise<{ stdout: string; stderr: string }> {
  const profile = mkdtempSync(join(tmpdir(), "lo-duban-"));
  const args = [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    "--headless",
    "--norestore",
    "--nolockcheck",
    "--convert-to",
    format,
    "--outdir",
    outDir,
    ...inputs,
  ];
  try {
    return await run(soffice, args, options.timeoutMs ?? 180_000);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

function run(file: string, args: string[], timeoutMs: number): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: timeoutMs, killSignal: "SIGKILL" }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${file} ${args.join(" ")} failed: ${error.message}\n${stderr}`));
      else resolve({ stdout, stderr });
    });
  });
}
