// A progress line on stderr for large tables, only when stderr is a terminal (never in pipes or logs).

import { CATALOGUES, type Locale } from "../core";

const BAR_WIDTH = 30;
/** Below this many rows a check is over before a bar could be read. */
const LARGE_TABLE_ROWS = 20_000;

export class Progress {
  private shown = false;

  constructor(
    private readonly stream: { write(text: string): unknown; isTTY?: boolean },
    private readonly locale: Locale,
  ) {}

  reading(file: string): void {
    if (!this.stream.isTTY) return;
    this.stream.write(`\r${CATALOGUES[this.locale].words.reading} ${file} …`);
    this.shown = true;
  }

  checking(done: number, total: number): void {
    if (!this.stream.isTTY || total < LARGE_TABLE_ROWS) return;
    const filled = Math.round((done / total) * BAR_WIDTH);
    const bar = "█".repeat(filled) + "░".repeat(BAR_WIDTH - filled);
    this.stream.write(`\r\x1b[K${CATALOGUES[this.locale].words.checking} ${bar} ${done}/${total}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stream.write("\r\x1b[K");
    this.shown = false;
  }
}
