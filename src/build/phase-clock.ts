/**
 * The time, CPU and peak memory of each phase of a build, as it prints them. CPU beside the wall
 * clock, which on a shared machine measures the load as much as the build (every thread of the
 * process counts: zlib's, DuckDB's; another process's does not).
 */
/** A build's phases, in the order they run: the names its timings print, and the bench and docs read. */
export const PHASES = [
  'leftovers',
  'validate',
  'values',
  'derive+publish',
  'remember',
  'excel+bundles',
  'hand-over',
  'pages',
  'reused-pages',
  'search-index',
  'data-twins',
  'empty-files',
  'privacy-gate',
  'twins',
  'pages-record',
  'swap',
] as const;
export type Phase = (typeof PHASES)[number];

export interface PhaseTimes {
  timings: Record<string, number>;
  /** CPU milliseconds of each phase. */
  cpu: Record<string, number>;
  /** The process's peak memory (MiB) so far at the end of each phase: where it rose is where it was reached. */
  peaks: Record<string, number>;
}

export class PhaseClock implements PhaseTimes {
  readonly timings: Record<string, number> = {};
  readonly cpu: Record<string, number> = {};
  readonly peaks: Record<string, number> = {};
  #t = performance.now();
  #c = process.cpuUsage();

  /** Ends the phase `name`, which began where the last one ended. */
  lap(name: Phase): void {
    const now = performance.now();
    this.timings[name] = Math.round(now - this.#t);
    this.#t = now;
    const used = process.cpuUsage(this.#c);
    this.cpu[name] = Math.round((used.user + used.system) / 1000);
    this.#c = process.cpuUsage();
    this.peaks[name] = Math.round(process.resourceUsage().maxRSS / 1024);
  }

  times(): PhaseTimes {
    return { timings: this.timings, cpu: this.cpu, peaks: this.peaks };
  }

  /**
   * Phases another process ran while this one waited, as it timed them (their peaks are its
   * own). The next lap counts the rest of the wait: starting that process and hearing back.
   */
  take(other: PhaseTimes): void {
    for (const [name, ms] of Object.entries(other.timings)) {
      this.timings[name] = ms;
      this.#t += ms;
    }
    Object.assign(this.cpu, other.cpu);
    Object.assign(this.peaks, other.peaks);
  }
}

/**
 * Work that runs side by side within one phase (the pages, and what the build's process does
 * meanwhile): when each piece ended, in milliseconds from when these were made, so that a reader
 * sees which of them the phase waited for.
 */
export class EndTimes {
  readonly #start = performance.now();
  readonly ended: Record<string, number> = {};

  /** `work`, its end noted under `name` (also when it fails). */
  async timed<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      this.ended[name] = Math.round(performance.now() - this.#start);
    }
  }

  /** The ends as JSON, earliest first. */
  summary(): string {
    return JSON.stringify(Object.fromEntries(Object.entries(this.ended).sort((a, b) => a[1] - b[1])));
  }
}
