// Every third-party workbook in test/corpus is named in its NOTICE, under a section that says where it came
// from and under which licence; a file added without its notice, or a notice left for a file removed, fails.

import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CORPUS, corpusFiles } from "./helpers/corpus-files";

interface Section {
  readonly title: string;
  readonly fields: ReadonlyMap<string, string>;
  /** The files listed, each as its path here and its path in the source repository. */
  readonly files: ReadonlyArray<{ readonly here: string; readonly there: string }>;
}

/** NOTICE's sections: a rule of dashes, a title, "Key: value" lines, then "  here" / "      <- there" pairs. */
function sections(text: string): Section[] {
  return text
    .split(/^-{20,}$/m)
    .slice(1)
    .map((block) => {
      const lines = block.split("\n");
      const title = lines.find((line) => line.trim() !== "")!.trim();
      const fields = new Map<string, string>();
      for (const line of lines) {
        const field = /^(Repository|Commit|Licence):\s+(.+)$/.exec(line);
        if (field) fields.set(field[1]!, field[2]!);
      }
      const files: Array<{ here: string; there: string }> = [];
      lines.forEach((line, i) => {
        const source = /^\s+<- (\S.*)$/.exec(lines[i + 1] ?? "");
        if (source && /^ {2}\S/.test(line)) files.push({ here: line.trim(), there: source[1]! });
      });
      return { title, fields, files };
    });
}

const notice = sections(readFileSync(path.join(CORPUS, "NOTICE"), "utf8"));

test("NOTICE names every workbook in test/corpus, once, and nothing else", () => {
  const named = notice.flatMap((section) => section.files.map((file) => file.here));
  expect([...named].sort()).toEqual(corpusFiles());
  expect(new Set(named).size).toBe(named.length);
});

test.each(notice.map((section) => [section.title, section]))(
  "NOTICE section %s says the repository, the commit and the licence",
  (_, section) => {
    expect(section.fields.get("Repository")).toMatch(/^https:\/\/github\.com\/[\w.-]+\/[\w.-]+$/);
    expect(section.fields.get("Commit")).toMatch(/^[0-9a-f]{40}$/);
    expect(section.fields.get("Licence")).toMatch(/License/);
    expect(section.files.length).toBeGreaterThan(0);
  },
);
