/**
 * A reader's attack on published rows, written apart from src/derive (the code under test) so
 * that the tests check the rules, not the code against itself.
 */

/**
 * What a reader may assume about a hidden predikat cell of a row flagged sel_kecil:
 * - `any`: it is 1 or 2 (a small cell) or a further hidden cell of any value, 0 included;
 * - `rules`: as `any`, but a further hidden cell was hidden smallest first with its equals
 *   (contract §5), so it is below every published cell of the row.
 * Either way the hidden cells sum to pegawai minus the published cells, and one is small.
 */
export type ReaderModel = 'any' | 'rules';

/** Per hidden cell (in the row's order, published cells skipped), every value it can still take. */
export function feasibleHiddenValues(cells: readonly (number | null)[], pegawai: number, model: ReaderModel): Set<number>[] {
  const shown = cells.filter((c): c is number => c !== null);
  const hiddenCount = cells.length - shown.length;
  const rest = pegawai - shown.reduce((a, b) => a + b, 0);
  const below = model === 'rules' && shown.length > 0 ? Math.min(...shown) : Infinity;
  const allowed = (v: number) => v === 1 || v === 2 || v < below;
  // reach[s] bit 1: `n` cells can sum to s; bit 2: they can with one of them small.
  const reachOf = (n: number): Uint8Array => {
    let reach = new Uint8Array(rest + 1);
    reach[0] = 1;
    for (let c = 0; c < n; c++) {
      const next = new Uint8Array(rest + 1);
      for (let s = 0; s <= rest; s++) {
        if (!reach[s]) continue;
        for (let v = 0; s + v <= rest; v++) {
          if (!allowed(v)) continue;
          next[s + v] |= v === 1 || v === 2 ? 3 : reach[s];
        }
      }
      reach = next;
    }
    return reach;
  };
  const others = reachOf(hiddenCount - 1);
  const values = new Set<number>();
  for (let v = 0; v <= rest; v++) {
    if (!allowed(v)) continue;
    const r = others[rest - v];
    if (v === 1 || v === 2 ? (r & 1) !== 0 : (r & 2) !== 0) values.add(v);
  }
  // The cells are alike to the reader: each admits the same values.
  return Array.from({ length: hiddenCount }, () => new Set(values));
}

/**
 * Every full count vector a reader may assume behind one published row (`rules` model above):
 * published cells as they are, hidden cells small or below every published cell, summing to
 * pegawai less the published cells, one of them small. Null for a row that publishes no size.
 */
export function possibleCounts(cells: readonly (number | null)[], pegawai: number | null): number[][] | null {
  if (pegawai === null) return null;
  const shown = cells.filter((c): c is number => c !== null);
  const below = shown.length > 0 ? Math.min(...shown) : Infinity;
  const out: number[][] = [];
  const walk = (i: number, left: number, acc: number[], small: boolean) => {
    if (i === cells.length) {
      if (left === 0 && (small || shown.length === cells.length)) out.push([...acc]);
      return;
    }
    if (cells[i] !== null) return walk(i + 1, left, [...acc, cells[i]!], small);
    for (let v = 0; v <= left; v++) if (v === 1 || v === 2 || v < below) walk(i + 1, left - v, [...acc, v], small || v === 1 || v === 2);
  };
  walk(0, pegawai - shown.reduce((a, b) => a + b, 0), [], false);
  return out;
}

/**
 * A reader holding two releases of the same group (unit × period) who assumes that between them
 * appraisals were only added, or only removed (the size says how many): per hidden cell of each
 * release, every value it can still take. A release that hid the whole group tells nothing; a
 * pair the assumption cannot explain tells nothing beyond each release alone.
 */
export function feasibleAcrossReleases(
  first: { cells: readonly (number | null)[]; pegawai: number | null },
  second: { cells: readonly (number | null)[]; pegawai: number | null },
): { first: Set<number>[]; second: Set<number>[] } {
  const a = possibleCounts(first.cells, first.pegawai);
  const b = possibleCounts(second.cells, second.pegawai);
  const hiddenOf = (cells: readonly (number | null)[]) => cells.flatMap((c, i) => (c === null ? [i] : []));
  const collect = (vectors: number[][], cells: readonly (number | null)[]) => hiddenOf(cells).map((i) => new Set(vectors.map((v) => v[i])));
  if (!a || !b) return { first: a ? collect(a, first.cells) : [], second: b ? collect(b, second.cells) : [] };
  // The later vectors each earlier one can become by |Δ| appraisals added (or removed), one at a time.
  const delta = second.pegawai! - first.pegawai!;
  const later = new Set(b.map((y) => y.join()));
  const reachable = (x: number[]): number[][] => {
    let now = new Map([[x.join(), x]]);
    for (let step = 0; step < Math.abs(delta); step++) {
      const next = new Map<string, number[]>();
      for (const v of now.values())
        for (let i = 0; i < v.length; i++) {
          const w = v.map((c, j) => (j === i ? c + Math.sign(delta) : c));
          if (w[i] >= 0) next.set(w.join(), w);
        }
      now = next;
    }
    return [...now.values()].filter((y) => later.has(y.join()));
  };
  const pairs = a.flatMap((x) => reachable(x).map((y) => [x, y] as const));
  if (pairs.length === 0) return { first: collect(a, first.cells), second: collect(b, second.cells) };
  return {
    first: collect(
      pairs.map(([x]) => x),
      first.cells,
    ),
    second: collect(
      pairs.map(([, y]) => y),
      second.cells,
    ),
  };
}
