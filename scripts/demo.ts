// `npm run demo`: builds the sample workbook for today and checks it, as a clerk would run Duban.

import { mkdirSync } from "node:fs";
import * as path from "node:path";
import { main } from "../src/cli/main";
import { localDayOf } from "../src/core";
import { buildSampleWorkbook } from "./sample-workbook";

async function demo(): Promise<number> {
  const dir = path.resolve(__dirname, "../../examples");
  mkdirSync(dir, { recursive: true });
  const workbookPath = path.join(dir, "sample-tasks.xlsx");
  await buildSampleWorkbook(localDayOf(new Date())).xlsx.writeFile(workbookPath);
  const relative = path.relative(process.cwd(), workbookPath);
  process.stdout.write(
    `$ duban check ${relative} --json ${path.relative(process.cwd(), path.join(dir, "sample-report.json"))}\n\n`,
  );
  const code = await main(["check", workbookPath, "--json", path.join(dir, "sample-report.json")], {
    stdout: process.stdout,
    stderr: process.stderr,
    today: () => localDayOf(new Date()),
  });
  process.stdout.write(`\nexit code ${code} (1: the sample has errors on purpose)\n`);
  // The sample is built to contain errors, so exit code 1 is the demo working.
  return code <= 1 ? 0 : code;
}

void demo().then((code) => {
  process.exitCode = code;
});
