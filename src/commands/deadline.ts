// A ribbon command's time. Office shuts a function command's runtime down five minutes after the click, whatever
// it is doing, so a command plans its life from the click: work stops in time for the host to undo what it began,
// and the report closes and the event completes before Office ends the runtime.

import type { HostPhase, HostProgress } from "../hosts/contract";

/** The time a command lives by; Office's own in the add-in, a fake one in tests. */
export interface Clock {
  /** Milliseconds on a count that only goes forward. */
  now(): number;
  /** Calls `fn` once `ms` have passed; what it returns cancels that. */
  after(ms: number, fn: () => void): () => void;
}

export const systemClock: Clock = {
  // performance.now, not Date.now: a clock the person sets back mid-command must not stretch the deadline.
  now: () => performance.now(),
  after: (ms, fn) => {
    const timer = setTimeout(fn, ms);
    return () => clearTimeout(timer);
  },
};

/**
 * Office ends a function command's runtime this long after the click: it "shuts down when … five minutes have
 * elapsed since the triggering event" (Office Add-ins documentation, "Runtimes in Office Add-ins").
 */
export const RUNTIME_LIMIT_MS = 5 * 60_000;

/**
 * A command's moments, counted from the click. At `work` a running check or write is stopped through its
 * AbortSignal, and the host's cancel path (which leaves the workbook as it was) has until `giveUp`, 45 seconds
 * later. A host that has not answered by then is no longer waited for, so that the person has a quarter of a
 * minute to read why. At `close` the report closes and the event completes: half a minute before Office ends
 * the runtime, for timers that fire late and for the time between the click and the call.
 */
export const MOMENTS_MS = { work: 210_000, giveUp: 255_000, close: 270_000 } as const;

/**
 * Writing the results takes at most this many times as long as everything before it (reading the table and
 * checking it). Writing sends 1.1 to 2.1 times the bytes reading receives (the Excel bench on the fake, 1,000 to
 * 20,000 rows, in about as many syncs), and Excel does more for a written cell (its format, conditional
 * formats) than for a read one: twice the larger figure.
 */
export const WRITE_PER_READ = 4;

/** The moments of one command, from its click. */
export class Deadline {
  readonly clickedAt: number;

  constructor(
    readonly clock: Clock,
    clickedAt: number = clock.now(),
  ) {
    this.clickedAt = clickedAt;
  }

  get workEndsAt(): number {
    return this.clickedAt + MOMENTS_MS.work;
  }

  get giveUpAt(): number {
    return this.clickedAt + MOMENTS_MS.giveUp;
  }

  get closeAt(): number {
    return this.clickedAt + MOMENTS_MS.close;
  }

  /** Milliseconds from now until `at`, never less than 0. */
  until(at: number): number {
    return Math.max(0, at - this.clock.now());
  }

  /** Resolves at `at`; `cancel` lets the timer go. */
  wait(at: number): { readonly reached: Promise<void>; readonly cancel: () => void } {
    let cancel = () => {};
    const reached = new Promise<void>((resolve) => (cancel = this.clock.after(this.until(at), resolve)));
    return { reached, cancel };
  }
}

/**
 * Whether work at the pace it has kept so far ends before the deadline's `work` moment. Reading is timed
 * from its first progress, and a command that will write after it needs WRITE_PER_READ times as long again;
 * writing is timed from its own first progress.
 */
export class Pace {
  private readonly started: number;
  private readonly phaseStarts = new Map<HostPhase, number>();

  constructor(
    private readonly deadline: Deadline,
    private readonly writes: boolean,
  ) {
    this.started = deadline.clock.now();
  }

  /** Takes one progress report; false when, at this pace, the work would end too late. */
  fits(progress: HostProgress): boolean {
    const now = this.deadline.clock.now();
    if (now >= this.deadline.workEndsAt) return false;
    const { phase, done, total } = progress;
    if (phase === "checking") return true;
    const start = this.phaseStarts.get(phase);
    if (start === undefined) {
      this.phaseStarts.set(phase, now);
      return true;
    }
    if (done <= 0 || total <= done) return true;
    const left = ((now - start) / done) * (total - done);
    const after = phase === "reading" && this.writes ? WRITE_PER_READ * (now + left - this.started) : 0;
    return now + left + after <= this.deadline.workEndsAt;
  }

  /** Before writing: whether writing, allowed WRITE_PER_READ times the time spent so far, ends in time. */
  writeFits(): boolean {
    const now = this.deadline.clock.now();
    return now + WRITE_PER_READ * (now - this.started) <= this.deadline.workEndsAt;
  }
}
