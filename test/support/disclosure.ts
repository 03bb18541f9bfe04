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
