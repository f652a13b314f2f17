// Preloaded (`node -r`) into a process the bench times from outside: writes its peak RSS to stderr at exit.

import { writeSync } from "node:fs";

process.on("exit", () => {
  writeSync(2, `\nbench-peak-mb ${process.resourceUsage().maxRSS / 1024}\n`);
});
