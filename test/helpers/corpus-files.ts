// The third-party corpus (test/corpus), listed once for the tests that read it.

import { readdirSync } from "node:fs";
import * as path from "node:path";

export const CORPUS = path.resolve(__dirname, "../corpus");

/** Every workbook of the corpus by its path under test/corpus, with / separators: the files in the source folders. */
export function corpusFiles(dir = CORPUS, prefix = ""): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const name = `${prefix}${entry.name}`;
    if (entry.isDirectory()) files.push(...corpusFiles(path.join(dir, entry.name), `${name}/`));
    else if (prefix !== "") files.push(name); // At the top: NOTICE, README.md and the licence text.
  }
  return files.sort();
}
