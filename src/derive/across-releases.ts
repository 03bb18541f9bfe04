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

/** A release's row of one group: its size (null: the group was hidden whole) and its cells (null: hidden). */
export interface PublishedPredikat {
  pegawai: number | null;
  counts: Record<Predikat, number | null>;
}

const KEYS = PREDIKAT.map((p) => p.value);

/** Past this many count vectors behind a row, the pair is taken as unsafe (no sample row comes near). */
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

/** Whether publishing `now` beside `before` (an earlier release's row of the same group) keeps every hidden cell open. */
export function safeBeside(before: PublishedPredikat, now: PublishedPredikat, least: number): boolean {
  if (before.pegawai === null || now.pegawai === null) return true;
  const hidden = (r: PublishedPredikat) => KEYS.some((k) => r.counts[k] === null);
  if (!hidden(before) && !hidden(now)) return true;
  const a = vectorsBehind({ ...before, pegawai: before.pegawai });
  const b = vectorsBehind({ ...now, pegawai: now.pegawai });
  if (!a || !b) return false;
  const first = KEYS.map(() => new Set<number>());
  const second = KEYS.map(() => new Set<number>());
  let explained = false;
  const pair = (x: readonly number[], y: readonly number[]) => {
    explained = true;
    x.forEach((v, i) => first[i].add(v));
    y.forEach((v, i) => second[i].add(v));
  };
  // Each earlier vector meets the later ones it can become by `change` added (or removed) appraisals:
  // by trying every way to share them out when those are fewer than the later vectors, else by comparing.
  const change = now.pegawai - before.pegawai;
  const ways = shares(Math.abs(change), KEYS.length, b.length);
  const later = new Map(b.map((y) => [y.join(), y]));
  for (const x of a) {
    if (ways) {
      for (const d of ways) {
        const y = later.get(x.map((v, i) => v + Math.sign(change) * d[i]).join());
        if (y) pair(x, y);
      }
    } else {
      for (const y of b) if (y.every((v, i) => (change >= 0 ? v >= x[i] : v <= x[i]))) pair(x, y);
    }
  }
  // A pair the assumption cannot explain tells the reader only that it is wrong.
  if (!explained) return true;
  const alone = spread(valuesOf(a), before);
  return spread(first, before).every((n, i) => n >= Math.min(least, alone[i])) && spread(second, now).every((n) => n >= least);
}
