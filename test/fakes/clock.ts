// A clock that moves only when a test (or the Excel fake's runtime, sync by sync) moves it: minutes of a
// ribbon command's life pass in no real time, and its timers fire in order as the clock passes them.

import type { Clock } from "../../src/commands/deadline";

export class FakeClock implements Clock {
  private time: number;
  private timers: Array<{ readonly at: number; readonly order: number; readonly fn: () => void }> = [];
  private order = 0;

  constructor(start = 0) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  after(ms: number, fn: () => void): () => void {
    const timer = { at: this.time + Math.max(0, ms), order: this.order++, fn };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  }

  /** Moves on by `ms`, firing each timer due on the way at its own time, earliest (then first set) first. */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at || a.order - b.order)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = end;
  }

  /** Moves on to `at` (nothing happens if that has passed). */
  advanceTo(at: number): void {
    this.advance(Math.max(0, at - this.time));
  }

  /** Timers not yet fired. */
  get pending(): number {
    return this.timers.length;
  }
}
