/**
 * The peak memory of a process the build runs but cannot ask (Pagefind's command and the binary it
 * starts): Node tells a process its own peak (resourceUsage), not its children's. Where Linux's
 * /proc is, each process's high-water mark (VmHWM, which only rises) is read a few times a
 * second, so the figure misses at most what it grew in the last quarter second before it ended.
 * Elsewhere it is unknown (null), never zero.
 */
import { readFileSync } from 'node:fs';

/** How often the marks are read. */
const EVERY_MS = 250;

/** VmHWM of `pid` in KiB, or null when it cannot be read (no /proc, or it has ended). */
function highWater(pid: number): number | null {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/**
 * `pid` and its descendants, as /proc lists them; null when it cannot list `pid`'s children
 * (it has ended, or the kernel lists none): counting `pid` alone would pass a wrapper's few
 * megabytes off as the peak of the program it waits for.
 */
function family(pid: number): number[] | null {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    try {
      const kids = readFileSync(`/proc/${out[i]}/task/${out[i]}/children`, 'utf8').trim();
      if (kids) for (const k of kids.split(/\s+/)) out.push(Number(k));
    } catch {
      if (i === 0) return null;
      // a descendant ended meanwhile
    }
  }
  return out;
}

/**
 * Watches `pid` and its descendants until `stop()`, which gives the largest sum of their high-water
 * marks seen (KiB: an upper bound of what they held at once, each mark being its own process's
 * peak), or null when none could be read.
 */
export function watchPeak(pid: number): { stop(): number | null } {
  let peak: number | null = null;
  const look = () => {
    let sum: number | null = null;
    for (const p of family(pid) ?? []) {
      const kib = highWater(p);
      if (kib !== null) sum = (sum ?? 0) + kib;
    }
    if (sum !== null) peak = Math.max(peak ?? 0, sum);
  };
  // No look at once: just spawned, the process may not be the program yet (a run shorter than a look's interval is unknown).
  const timer = setInterval(look, EVERY_MS);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      return peak;
    },
  };
}
