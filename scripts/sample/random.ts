/**
 * Seeded pseudo-random numbers for the sample generator.
 *
 * The committed sample must be byte-identical on every run, so nothing here reads the clock
 * or Math.random. Every stream of numbers is named (`Rng.from('jakarta/skm')`): each file
 * draws from its own stream, so changing how one file is generated does not reshuffle the
 * others.
 */

/** FNV-1a: turns a stream name into a 32-bit seed. */
export function hashSeed(label: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  static from(label: string): Rng {
    return new Rng(hashSeed(label));
  }

  /** mulberry32: small, fast and good enough for synthetic data; uniform in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Standard normal by Box–Muller (the second value is dropped to keep the stream simple). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next(); // (0, 1]: log(0) would be -Infinity
    const v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Multiplicative noise around 1 (log-normal), for volumes that cannot go negative. */
  factor(sd: number): number {
    return Math.exp(this.normal(0, sd) - (sd * sd) / 2);
  }

  /** Knuth's method: fine for the small rates used here (complaints per month). */
  poisson(lambda: number): number {
    if (lambda > 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }

  /** Number of successes in n trials of probability p (n is small: the 1–4 answer scale). */
  binomial(n: number, p: number): number {
    let k = 0;
    for (let i = 0; i < n; i++) if (this.next() < p) k++;
    return k;
  }

  shuffle<T>(items: readonly T[]): T[] {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j], out[i]];
    }
    return out;
  }
}

/**
 * A weighted choice, with the cumulative table computed once: the scale mode draws
 * millions of values from the same few distributions.
 */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  const cumulative: number[] = [];
  let acc = 0;
  for (const [, w] of entries) {
    acc += w / total;
    cumulative.push(acc);
  }
  return (rng) => {
    const u = rng.next();
    for (let i = 0; i < cumulative.length; i++) if (u < cumulative[i]) return entries[i][0];
    return entries[entries.length - 1][0];
  };
}

export const clamp = (x: number, min: number, max: number): number => Math.min(max, Math.max(min, x));

/** Rounds to a number of decimals without the binary drift of x * 10^d (0.145 → 0.15). */
export function round(x: number, decimals = 0): number {
  const f = 10 ** decimals;
  return Math.round((x + Number.EPSILON) * f) / f;
}
