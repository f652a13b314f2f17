// The process entry: runs main with the real streams and sets the exit code (never calls process.exit).

import { localDayOf } from "../core";
import { main } from "./main";

const today = () => localDayOf(new Date());

void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, today }).then((code) => {
  process.exitCode = code;
});
