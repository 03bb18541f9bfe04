/**
 * Differencing across releases (contract §5 and issue #11). Every release stays downloadable,
 * so a group's predikat row is read beside the same group's row in each earlier release. A
 * reader who assumes that in between appraisals were only added, or only removed (the two sizes
 * say how many), can narrow hidden cells that each release alone leaves open: release 1 hides
 * kurang = 2 with the two zeros beside it; one appraisal later, release 2 would publish kurang 3
 * and both zeros, and the reader learns that the newcomer is the kurang and release 1's hidden
 * cells were 0, 2, 0. A new row is published only if, under that assumption, every hidden cell of
 * both rows still admits as many values as the rule asks (MIN_VALUES_ADMITTED, or as many as the
 * earlier row alone allowed, if that was fewer).
 */
import { PREDIKAT, type Predikat } from '../contract/enums.ts';
import { round2 } from './rounding.ts';

/** A release's row of one group: its size (null: the group was hidden whole) and its cells (null: hidden). */
export interface PublishedPredikat {
  pegawai: number | null;
  counts: Record<Predikat, number | null>;
  /** Its mean scores (atasan, diri, rekan) as published; absent where a caller has none to compare. */
  rata?: readonly (number | null)[];
}

/**
 * Whether `now` and `before` (an earlier release's row of the same group, published) differ by
 * too little to publish. The two rows side by side describe the appraisals added, removed or
 * corrected in between: their predikat from the counts, their scores from the means (76 × 13 −
 * 76.5 × 12 = 70, the one newcomer's supervisor score). Like any group, that difference may be
 * read only if it holds at least `threshold` appraisals and no cell both rows publish moved by
 * 1 or 2 (a small cell of the difference). The same row again tells nothing new; a row hidden
 * whole before leaves nothing to subtract from. Means are compared as published (2 decimals).
 */
export function differsByTooFew(before: PublishedPredikat, now: PublishedPredikat, threshold: number): boolean {
  if (before.pegawai === null || now.pegawai === null) return false;
  const mean = (v: number | null | undefined) => (v === null || v === undefined ? null : round2(v));
  const same =
    before.pegawai === now.pegawai &&
    KEYS.every((k) => before.counts[k] === now.counts[k]) &&
    (before.rata ?? []).every((v, i) => mean(v) === mean((now.rata ?? [])[i]));
  if (same) return false;
  if (Math.abs(now.pegawai - before.pegawai) < threshold) return true;
  return KEYS.some((k) => {
    const [b, n] = [before.counts[k], now.counts[k]];
    return b !== null && n !== null && (Math.abs(n - b) === 1 || Math.abs(n - b) === 2);
  });
}

const KEYS = PREDIKAT.map((p) => p.value);

/** Past this many count vectors behind each of two rows (and ways to share their difference), the pair is taken as unsafe. */
const MOST_VECTORS = 5_000;

/**
 * Every count vector a reader who knows the rules may assume behind a row: published cells as
 * they are; hidden cells summing to what the size leaves, one of them small (1 or 2), each other
 * one small or below every published cell (hidden smallest first). Undefined when too many.
 */
function vectorsBehind(row: PublishedPredikat & { pegawai: number }): number[][] | undefined {
  const cells = KEYS.map((k) => row.counts[k]);
  const shown = cells.filter((c): c is number => c !== null);
  const below = shown.length > 0 ? Math.min(...shown) : Infinity;
  const out: number[][] = [];
  const acc: number[] = [];
  let tooMany = false;
  const walk = (i: number, left: number, small: boolean): void => {
    if (tooMany) return;
    if (i === cells.length) {
      if (left === 0 && (small || shown.length === cells.length)) out.push([...acc]);
      tooMany = out.length > MOST_VECTORS;
      return;
    }
    const c = cells[i];
    // A published cell is what it says; `left` is what the hidden cells share.
    const values = c !== null ? [c] : Array.from({ length: left + 1 }, (_, v) => v).filter((v) => v === 1 || v === 2 || v < below);
    for (const v of values) {
      acc.push(v);
      walk(i + 1, c !== null ? left : left - v, small || (c === null && (v === 1 || v === 2)));
      acc.pop();
    }
  };
  walk(0, row.pegawai - shown.reduce((a, b) => a + b, 0), false);
  return tooMany ? undefined : out;
}

/** Per hidden cell of `row`, how many values it takes in `seen` (the values of each cell). */
const spread = (seen: readonly Set<number>[], row: PublishedPredikat): number[] =>
  KEYS.flatMap((k, i) => (row.counts[k] === null ? [seen[i].size] : []));

const valuesOf = (vectors: readonly number[][]) => KEYS.map((_, i) => new Set(vectors.map((v) => v[i])));

/** Every way to share `n` among `parts` (each ≥ 0), or undefined when there are more than `most`. */
function shares(n: number, parts: number, most: number): number[][] | undefined {
  const out: number[][] = [];
  const acc: number[] = [];
  const walk = (i: number, left: number): boolean => {
    if (i === parts - 1) {
      out.push([...acc, left]);
      return out.length <= most;
    }
    for (let v = 0; v <= left; v++) {
      acc.push(v);
      const more = walk(i + 1, left - v);
      acc.pop();
      if (!more) return false;
    }
    return true;
  };
  return walk(0, n) ? out : undefined;
}

/** Whether `v` is one of the vectors behind `row` (vectorsBehind without the list). */
function fits(row: PublishedPredikat & { pegawai: number }, v: readonly number[]): boolean {
  const shown = KEYS.map((k) => row.counts[k]).filter((c): c is number => c !== null);
  const below = shown.length > 0 ? Math.min(...shown) : Infinity;
  let sum = 0;
  let small = shown.length === KEYS.length;
  for (let i = 0; i < KEYS.length; i++) {
    const c = row.counts[KEYS[i]];
    if (v[i] < 0 || (c !== null && v[i] !== c) || (c === null && !(v[i] === 1 || v[i] === 2 || v[i] < below))) return false;
    if (c === null && (v[i] === 1 || v[i] === 2)) small = true;
    sum += v[i];
  }
  return small && sum === row.pegawai;
}

/**
 * Whether publishing `now` beside `before` (an earlier release's row of the same group) keeps
 * every hidden cell open. The vectors behind the row with fewer of them are listed; each meets
 * the other row's vectors it can become by the appraisals added or removed, found by sharing
 * those out every way (or, when there are more ways than vectors, by comparing with each).
 */
export function safeBeside(before: PublishedPredikat, now: PublishedPredikat, least: number): boolean {
  if (before.pegawai === null || now.pegawai === null) return true;
  const hidden = (r: PublishedPredikat) => KEYS.some((k) => r.counts[k] === null);
  if (!hidden(before) && !hidden(now)) return true;
  // The same row again tells nothing new.
  if (before.pegawai === now.pegawai && KEYS.every((k) => before.counts[k] === now.counts[k])) return true;
  const rows = [
    { ...before, pegawai: before.pegawai },
    { ...now, pegawai: now.pegawai },
  ] as const;
  const listed = rows.map(vectorsBehind);
  const change = now.pegawai - before.pegawai;
  // From the earlier row (0) to the later (1), or back.
  const from = listed[0] && (!listed[1] || listed[0].length <= listed[1].length) ? 0 : 1;
  const start = listed[from];
  if (!start) return false; // too many either way: taken as unsafe
  const to = 1 - from;
  const step = (from === 0 ? 1 : -1) * Math.sign(change);
  const seen = [KEYS.map(() => new Set<number>()), KEYS.map(() => new Set<number>())];
  let explained = false;
  const pair = (x: readonly number[], y: readonly number[]) => {
    explained = true;
    x.forEach((v, i) => seen[from][i].add(v));
    y.forEach((v, i) => seen[to][i].add(v));
  };
  const ways = shares(Math.abs(change), KEYS.length, Math.max(MOST_VECTORS, listed[to]?.length ?? 0));
  for (const x of start) {
    if (ways) {
      for (const d of ways) {
        const y = x.map((v, i) => v + step * d[i]);
        if (fits(rows[to], y)) pair(x, y);
      }
    } else if (listed[to]) {
      for (const y of listed[to]) if (y.every((v, i) => (step >= 0 ? v >= x[i] : v <= x[i]))) pair(x, y);
    } else return false;
  }
  // A pair the assumption cannot explain tells the reader only that it is wrong.
  if (!explained) return true;
  // An earlier row published under older rules may have left fewer values already: publishing now must not narrow it further.
  const alone = listed[0] ? spread(valuesOf(listed[0]), before) : [];
  return spread(seen[0], before).every((n, i) => n >= Math.min(least, alone[i] ?? least)) && spread(seen[1], now).every((n) => n >= least);
}
