/**
 * k-anonymity for published microdata (contract §5): every combination of the quasi-identifiers
 * occurs at least k times. The caller coarsens first (wider bands, fewer levels); this module
 * then blanks, class by class, the quasi-identifiers still needed. Pure, and canonical: the
 * result depends on the rows, never on their order in the file.
 *
 * Rows are blanked in levels: level j blanks the first j quasi-identifiers of `order`. A class
 * (rows equal on every published quasi-identifier) with fewer than k rows moves up one level
 * and merges with whatever it then equals. The levels where only the last `kept` quasi-
 * identifiers of `order` are left pull instead of giving up (for the survey: unit and semester,
 * so that a unit, or a unit's semester, with k responses or more keeps its code and its IKM
 * can be recomputed), and so does the last level (nothing left), which has nowhere to go. There
 * a class below k takes in the smallest class beneath it, which has k rows or more: both safe.
 */
import type { SortKey } from './order.ts';

/**
 * A quasi-identifier as a sort key (order.ts): each row's place among the column's values, where
 * place 0 is blank, as ranksOf puts null first.
 */
export type QuasiIdentifier = SortKey;

export interface KAnonymous {
  /** Per quasi-identifier (in the given order of `qis`), each row's place, 0 where blanked. */
  places: Int32Array[];
  /** False when the rows are fewer than k: no blanking can make them k-anonymous. */
  ok: boolean;
}

/**
 * @param qis   the quasi-identifiers, each a place per row (0 = blank)
 * @param order indexes into `qis`, blanked first to last (the last is given up last)
 * @param kept  how many of the last of `order` a class keeps, if the rows beneath it allow
 */
export function kAnonymize(qis: readonly QuasiIdentifier[], order: readonly number[], k: number, kept = 1): KAnonymous {
  const n = qis[0]?.values.length ?? 0;
  // Rows equal on every quasi-identifier always move together: work on these cells, not rows.
  const sizes = qis.map((q) => q.size);
  const cellOf = denseIds(
    n,
    qis.map((q) => q.values),
    sizes,
  );
  const m = cellOf.count;
  const first = new Int32Array(m).fill(-1);
  const rows = new Int32Array(m);
  for (let i = 0; i < n; i++) {
    rows[cellOf.id[i]]++;
    if (first[cellOf.id[i]] < 0) first[cellOf.id[i]] = i;
  }
  const L = order.length;
  const level = new Uint8Array(m);
  const step = qis.map((_, q) => order.indexOf(q));
  const cellPlaces = qis.map((q) => Int32Array.from(first, (i) => q.values[i]));
  const place = (q: number, c: number) => (step[q] >= 0 && step[q] < level[c] ? 0 : cellPlaces[q][c]);
  /** The level a cell's published key sits at: its own, plus the blanks already there. */
  const effective = (c: number) => {
    let j = level[c];
    while (j < L && cellPlaces[order[j]][c] === 0) j++;
    return j;
  };
  /** Canonical order of two cells by their published keys (places follow the sorted values). */
  const compare = (a: number, b: number) => {
    for (let q = 0; q < qis.length; q++) {
      const d = place(q, a) - place(q, b);
      if (d !== 0) return d;
    }
    return 0;
  };

  for (let lv = 0; lv <= L; lv++) {
    // The published classes: cells equal on every quasi-identifier as now blanked.
    const classOf = denseIds(m, cellPlaces, sizes, { level, step });
    const size = new Int32Array(classOf.count);
    for (let c = 0; c < m; c++) size[classOf.id[c]] += rows[c];
    const small = new Set<number>();
    for (let c = 0; c < m; c++) if (size[classOf.id[c]] < k && effective(c) === lv) small.add(classOf.id[c]);
    if (small.size === 0) continue;
    if (lv >= L - kept) {
      // Pull: per small class, the smallest class beneath it: the one with its remaining places.
      const above = (c: number) => {
        let key = 0;
        for (let j = lv; j < L; j++) key = key * sizes[order[j]] + cellPlaces[order[j]][c];
        return key;
      };
      const smallAbove = new Map<number, number>();
      for (let c = 0; c < m; c++) if (small.has(classOf.id[c])) smallAbove.set(above(c), classOf.id[c]);
      const best = new Map<number, number>();
      for (let c = 0; c < m; c++) {
        if (effective(c) >= lv || !smallAbove.has(above(c))) continue;
        const b = best.get(above(c));
        const sc = size[classOf.id[c]];
        if (b === undefined || sc < size[classOf.id[b]] || (sc === size[classOf.id[b]] && compare(c, b) < 0)) best.set(above(c), c);
      }
      const pulled = new Set<number>();
      for (const [key, c] of best) {
        pulled.add(classOf.id[c]);
        small.delete(smallAbove.get(key)!);
      }
      for (let c = 0; c < m; c++) if (pulled.has(classOf.id[c])) level[c] = lv;
    }
    if (lv === L && small.size > 0) return { places: [], ok: false };
    for (let c = 0; c < m; c++) if (small.has(classOf.id[c])) level[c] = lv + 1;
  }
  return { places: qis.map((_, q) => Int32Array.from({ length: n }, (_, i) => place(q, cellOf.id[i]))), ok: true };
}

/**
 * Dense ids of equal keys over `columns` (places, of the given sizes), where `blanked` blanks a
 * column of an item whose level is past the column's step. One number per key (the places in
 * mixed radix) when the product of the sizes fits a double exactly; else a column at a time.
 */
function denseIds(
  n: number,
  columns: readonly ArrayLike<number>[],
  sizes: readonly number[],
  blanked?: { level: Uint8Array; step: readonly number[] },
): { id: Int32Array; count: number } {
  const Q = columns.length;
  const at = (q: number, i: number) => (blanked && blanked.step[q] >= 0 && blanked.step[q] < blanked.level[i] ? 0 : columns[q][i]);
  const id = new Int32Array(n);
  if (sizes.reduce((p, s) => p * s, 1) <= Number.MAX_SAFE_INTEGER) {
    const next = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      let composite = 0;
      for (let q = 0; q < Q; q++) composite = composite * sizes[q] + at(q, i);
      let c = next.get(composite);
      if (c === undefined) next.set(composite, (c = next.size));
      id[i] = c;
    }
    return { id, count: next.size };
  }
  let count = n === 0 ? 0 : 1;
  for (let q = 0; q < Q; q++) {
    const next = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const composite = id[i] * sizes[q] + at(q, i);
      let c = next.get(composite);
      if (c === undefined) next.set(composite, (c = next.size));
      id[i] = c;
    }
    count = next.size;
  }
  return { id, count };
}
