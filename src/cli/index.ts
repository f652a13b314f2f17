// The process entry: runs main with the real streams and sets the exit code (never calls process.exit).

import { localDayOf } from "../core";
import { main } from "./main";

const today = () => localDayOf(new Date());

// A reader that stops early (`duban check --json - | head`) closes the pipe: the rest is not wanted, as of any
// command line tool, and the check's own exit code stands. Any other failure to write is a failure.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
  });
}

void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, today }).then((code) => {
  process.exitCode = code;
});
