// The process entry: runs main with the real streams and sets the exit code (never calls process.exit).

import { localToday, main } from "./main";

void main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, today: localToday }).then(
  (code) => {
    process.exitCode = code;
  },
);
