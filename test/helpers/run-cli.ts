// The command line run in this process with its output caught: what a terminal would show, and the exit code.

import { main } from "../../src/cli/main";
import { parseIsoDay, type Day } from "../../src/core";

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `duban ARGS` on the day `today` (YYYY-MM-DD, or a Day): the as-of day of a command given no --as-of. */
export async function runCli(args: readonly string[], today: string | Day): Promise<CliRun> {
  const day = typeof today === "number" ? today : parseIsoDay(today);
  if (day === undefined) throw new Error(`not a day: ${today}`);
  let stdout = "";
  let stderr = "";
  const code = await main(args, {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    today: () => day,
  });
  return { code, stdout, stderr };
}
