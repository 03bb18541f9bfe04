/** Contract §5 (1.1): group threshold, small cells that cannot be narrowed down, differencing, and the threshold's floor. */
import { describe, expect, test } from 'vitest';
import { PREDIKAT, type Predikat } from '../../src/contract/enums.ts';
import {
  DEFAULT_THRESHOLD,
  suppressCells,
  suppressPredikat,
  type PredikatGroup,
  type SuppressedGroup,
} from '../../src/derive/suppression.ts';
import { feasibleAcrossReleases, feasibleHiddenValues, type ReaderModel } from '../support/disclosure.ts';
import { siteConfig, ConfigError } from '../../src/config.ts';

type Counts = Record<Predikat, number>;
const counts = (sangat_baik: number, baik: number, butuh_perbaikan: number, kurang: number, sangat_kurang: number): Counts => ({
  sangat_baik,
  baik,
  butuh_perbaikan,
  kurang,
  sangat_kurang,
});
const sum = (c: Counts) => Object.values(c).reduce((a, b) => a + b, 0);
const group = (kode_unit: string, c: Counts, periode = '2025'): PredikatGroup => ({
  kode_unit,
  periode,
  pegawai: sum(c),
  counts: c,
  rata_nilai_atasan: 80,
  rata_nilai_diri: 85,
  rata_nilai_rekan: 82,
});

describe('group threshold', () => {
  test('the default threshold is 10', () => {
    expect(DEFAULT_THRESHOLD).toBe(10);
  });

  test('a group of 9 publishes no size, no counts, no scores: kelompok_kecil, every value null (not 0)', () => {
    const [g] = suppressPredikat([group('U1', counts(0, 9, 0, 0, 0))]);
    expect(g).toEqual({
      kode_unit: 'U1',
      periode: '2025',
      pegawai: null,
      counts: { sangat_baik: null, baik: null, butuh_perbaikan: null, kurang: null, sangat_kurang: null },
      rata_nilai_atasan: null,
      rata_nilai_diri: null,
      rata_nilai_rekan: null,
      disembunyikan: 'kelompok_kecil',
    });
  });

  test('a group of exactly 10 is published', () => {
    const [g] = suppressPredikat([group('U1', counts(0, 10, 0, 0, 0))]);
    expect(g).toMatchObject({ pegawai: 10, disembunyikan: null, counts: counts(0, 10, 0, 0, 0), rata_nilai_atasan: 80 });
  });

  test('a raised threshold hides more: 12 employees under a threshold of 15', () => {
    const [g] = suppressPredikat([group('U1', counts(0, 12, 0, 0, 0))], 15);
    expect(g.disembunyikan).toBe('kelompok_kecil');
  });

  test('a threshold below 5 is refused, in the derivation and in the site configuration', () => {
    expect(() => suppressPredikat([], 4)).toThrow();
    expect(() => suppressPredikat([], Number.NaN)).toThrow();
    expect(suppressPredikat([group('U1', counts(0, 5, 0, 0, 0))], 5)[0].disembunyikan).toBeNull();
    expect(() => siteConfig({ KT_AMBANG_KELOMPOK: '4' })).toThrow(ConfigError);
    expect(() => siteConfig({ KT_AMBANG_KELOMPOK: 'sepuluh' })).toThrow(ConfigError);
    expect(siteConfig({ KT_AMBANG_KELOMPOK: '5' }).threshold).toBe(5);
    expect(siteConfig({ KT_AMBANG_KELOMPOK: '20' }).threshold).toBe(20);
    expect(siteConfig({}).threshold).toBe(10);
  });
});

describe('small cells', () => {
  test('counts of 1 and 2 are hidden (null, not 0), and the zeros with them; larger counts stay', () => {
    // A 0 published beside hidden cells would tell the reader each hidden cell is 1 or 2
    // (a further hidden cell is never larger than a published one): here both would be.
    const { cells, hidden } = suppressCells(counts(1, 10, 2, 0, 5));
    expect(hidden).toBe(true);
    expect(cells).toEqual({ sangat_baik: null, baik: 10, butuh_perbaikan: null, kurang: null, sangat_kurang: 5 });
  });

  test('a lone hidden cell takes the next smallest with it, zeros first: every hidden cell could be 0, 1 or 2', () => {
    // butuh_perbaikan = 2 alone would be pegawai − the rest; the two zeros (equal, so both)
    // leave three hidden cells summing to 2.
    const { cells } = suppressCells(counts(3, 7, 2, 0, 0));
    expect(cells).toEqual({ sangat_baik: 3, baik: 7, butuh_perbaikan: null, kurang: null, sangat_kurang: null });
  });

  test('equal counts are hidden together, so which of them is hidden says nothing', () => {
    // sangat_baik = 1 and the two zeros sum to 1 (0 or 1 each): too few; the next smallest
    // are baik and butuh_perbaikan, both 5, and both go.
    expect(suppressCells(counts(1, 5, 5, 0, 0)).cells).toEqual({
      sangat_baik: null,
      baik: null,
      butuh_perbaikan: null,
      kurang: null,
      sangat_kurang: null,
    });
  });

  test('nothing small: nothing hidden', () => {
    expect(suppressCells(counts(3, 7, 0, 0, 0))).toEqual({ cells: counts(3, 7, 0, 0, 0), hidden: false });
  });

  test('issue #15: 25 employees, baik 23 and two 1s no longer give the 1s away', () => {
    // Version 1 published the two zeros, so both hidden cells had to be 1.
    const { cells } = suppressCells(counts(0, 23, 1, 1, 0));
    for (const model of ['any', 'rules'] as const) {
      for (const values of feasibleHiddenValues(Object.values(cells), 25, model)) expect(values.size).toBeGreaterThanOrEqual(3);
    }
    expect(cells).toEqual({ sangat_baik: null, baik: 23, butuh_perbaikan: null, kurang: null, sangat_kurang: null });
  });

  test('a hidden 1 and a hidden 2 alone (sum 3: each is 1 or 2) take the next smallest with them', () => {
    const { cells } = suppressCells(counts(0, 10, 1, 2, 7));
    expect(
      feasibleHiddenValues(
        Object.values(counts(0, 10, 1, 2, 7)).map((v) => (v === 1 || v === 2 ? null : v)),
        20,
        'any',
      )[0].size,
    ).toBe(2);
    expect(cells.sangat_baik).toBeNull();
    for (const values of feasibleHiddenValues(Object.values(cells), 20, 'rules')) expect(values.size).toBeGreaterThanOrEqual(3);
  });

  test('randomised groups: every hidden cell admits at least three values, and the truth is among them', () => {
    // A seeded LCG (no clock, no Math.random): the same 3000 groups every run.
    let seed = 15;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let g = 0; g < 3000; g++) {
      const n = DEFAULT_THRESHOLD + rand(40);
      // Skewed: one big cell and the rest often 0, 1 or 2, as in real units.
      const c = [0, 0, 0, 0, 0];
      for (let i = 0; i < n; i++) c[rand(3) === 0 ? rand(5) : rand(2)]++;
      const truth = counts(c[0], c[1], c[2], c[3], c[4]);
      const [row] = suppressPredikat([group('U', truth)]);
      if (row.disembunyikan === null) {
        expect(row.counts).toEqual(truth);
        continue;
      }
      expect(row.disembunyikan).toBe('sel_kecil');
      const cells = Object.values(row.counts);
      const hiddenTruth = Object.entries(truth)
        .filter(([k]) => row.counts[k as Predikat] === null)
        .map(([, v]) => v);
      for (const model of ['any', 'rules'] satisfies ReaderModel[]) {
        feasibleHiddenValues(cells, row.pegawai!, model).forEach((values, i) => {
          expect(values.size, `${JSON.stringify(truth)} → ${JSON.stringify(row.counts)} (${model})`).toBeGreaterThanOrEqual(3);
          expect(values.has(hiddenTruth[i])).toBe(true);
        });
      }
    }
  });

  test('inside a published group the row says sel_kecil and keeps pegawai and the means', () => {
    const [g] = suppressPredikat([group('U1', counts(3, 7, 2, 0, 0))]);
    expect(g).toMatchObject({ pegawai: 12, disembunyikan: 'sel_kecil', rata_nilai_atasan: 80 });
    expect(g.counts.butuh_perbaikan).toBeNull();
    expect(g.counts.kurang).toBeNull();
  });
});

describe('differencing', () => {
  test('exactly one hidden unit in a period: the smallest other unit is hidden as pembeda', () => {
    const out = suppressPredikat([
      group('A', counts(0, 4, 0, 0, 0)),
      group('B', counts(3, 12, 0, 0, 0)),
      group('C', counts(0, 11, 0, 0, 0)),
    ]);
    expect(out.map((g) => [g.kode_unit, g.disembunyikan, g.pegawai])).toEqual([
      ['A', 'kelompok_kecil', null],
      ['B', null, 15],
      ['C', 'pembeda', null],
    ]);
    expect(Object.values(out[2].counts)).toEqual([null, null, null, null, null]);
    expect(out[2].rata_nilai_atasan).toBeNull();
  });

  test('two hidden units already protect each other: nobody else is hidden', () => {
    const out = suppressPredikat([
      group('A', counts(0, 4, 0, 0, 0)),
      group('B', counts(0, 6, 0, 0, 0)),
      group('C', counts(0, 11, 0, 0, 0)),
    ]);
    expect(out.map((g) => g.disembunyikan)).toEqual(['kelompok_kecil', 'kelompok_kecil', null]);
  });

  test('periods are separate: a hidden unit in 2025-S1 does not touch 2025-S2', () => {
    const out = suppressPredikat([
      group('A', counts(0, 4, 0, 0, 0), '2025-S1'),
      group('B', counts(0, 12, 0, 0, 0), '2025-S1'),
      group('A', counts(0, 10, 0, 0, 0), '2025-S2'),
      group('B', counts(0, 12, 0, 0, 0), '2025-S2'),
    ]);
    expect(out.map((g) => g.disembunyikan)).toEqual(['kelompok_kecil', 'pembeda', null, null]);
  });

  test('equal sizes: the first unit by code is the one hidden', () => {
    const out = suppressPredikat([
      group('A', counts(0, 4, 0, 0, 0)),
      group('C', counts(0, 11, 0, 0, 0)),
      group('B', counts(0, 11, 0, 0, 0)),
    ]);
    expect(out.map((g) => [g.kode_unit, g.disembunyikan])).toEqual([
      ['A', 'kelompok_kecil'],
      ['C', null],
      ['B', 'pembeda'],
    ]);
  });

  test('a lone unit that is hidden has no other unit to hide', () => {
    expect(suppressPredikat([group('A', counts(0, 4, 0, 0, 0))]).map((g) => g.disembunyikan)).toEqual(['kelompok_kecil']);
  });
});

describe('differencing across releases (issue #11: every release stays downloadable)', () => {
  // A reader holding release 1 from the archive and release 2 beside it, who assumes appraisals
  // were only added (or only removed) in between: test/support/disclosure.ts, written apart.
  const cellsOf = (g: SuppressedGroup) => ({ cells: PREDIKAT.map((p) => g.counts[p.value]), pegawai: g.pegawai });
  const releases = (c1: Counts, c2: Counts) => {
    const [r1] = suppressPredikat([group('U1', c1)]);
    const [r2] = suppressPredikat([group('U1', c2)], DEFAULT_THRESHOLD, (u, p) =>
      u === 'U1' && p === '2025' ? [{ pegawai: r1.pegawai, counts: r1.counts }] : [],
    );
    return [r1, r2] as const;
  };
  /** The fewest values any hidden cell of either release still admits (Infinity: nothing hidden). */
  const narrowest = (c1: Counts, c2: Counts) => {
    const [r1, r2] = releases(c1, c2);
    const seen = feasibleAcrossReleases(cellsOf(r1), cellsOf(r2));
    return Math.min(...[...seen.first, ...seen.second].map((s) => s.size));
  };

  test('one appraisal added: release 1 hid kurang = 2 with the zeros beside it, release 2 would publish 3 and the zeros', () => {
    // Without a look at release 1, release 2 publishes (10, 20, 0, 3, 0): sangat_baik and baik
    // unchanged, so the one added appraisal went to a hidden cell; the zeros stay zeros, so it was
    // kurang, and release 1's hidden kurang was 2, its two neighbours 0.
    const [r1, r2] = releases(counts(10, 20, 0, 2, 0), counts(10, 20, 0, 3, 0));
    expect(r1).toMatchObject({ pegawai: 32, disembunyikan: 'sel_kecil' });
    expect(r2).toMatchObject({ pegawai: null, disembunyikan: 'pembeda', rata_nilai_atasan: null });
    expect(Object.values(r2.counts)).toEqual([null, null, null, null, null]);
    expect(narrowest(counts(10, 20, 0, 2, 0), counts(10, 20, 0, 3, 0))).toBeGreaterThanOrEqual(3);
  });

  test('200 seeded groups of 10 or more, one appraisal added or removed: no hidden cell of either release admits fewer than three values', () => {
    // Without the look at earlier releases, a third of all groups of 10 and one appraisal added or removed gave a hidden cell away.
    let seed = 11;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const found: string[] = [];
    for (let i = 0; i < 200; i++) {
      // Mostly small cells and zeros, where hiding happens.
      const cells = PREDIKAT.map(() => (random(3) === 0 ? random(8) : random(3)));
      while (cells.reduce((a, b) => a + b, 0) < 10) cells[random(5)]++;
      const c1 = counts(...(cells as [number, number, number, number, number]));
      const added = PREDIKAT[random(5)].value;
      const c2 = { ...c1, [added]: c1[added] + 1 };
      const [x, y] = random(2) === 0 ? [c1, c2] : [c2, c1];
      const least = narrowest(x, y);
      if (least < 3) found.push(`${Object.values(x)} → ${Object.values(y)}: ${least}`);
    }
    expect(found.slice(0, 5)).toEqual([]);
  });

  test('a large group hidden but for its size (25: butuh_perbaikan 1, kurang 12, sangat_kurang 12) published again unchanged keeps its row', () => {
    // Thousands of count vectors fit its row: the search must not give up on it and hide the row.
    const [r1, r2] = releases(counts(0, 0, 1, 12, 12), counts(0, 0, 1, 12, 12));
    expect(r1).toMatchObject({ pegawai: 25, disembunyikan: 'sel_kecil' });
    expect(Object.values(r1.counts)).toEqual([null, null, null, null, null]);
    expect(r2).toEqual(r1);
  });

  test('one more sangat_baik and nothing hidden: the difference is one appraisal, whose predikat would show, so the row is hidden', () => {
    const [, r2] = releases(counts(10, 20, 5, 4, 3), counts(11, 20, 5, 4, 3));
    expect(r2).toMatchObject({ pegawai: null, disembunyikan: 'pembeda', rata_nilai_atasan: null });
  });

  test('mean scores: 12 appraisals averaging 76.5, then 13 averaging 76, would give the newcomer’s 70; the second row is hidden', () => {
    const c = counts(3, 4, 3, 2, 0);
    const r1 = suppressPredikat([{ ...group('U1', c), rata_nilai_atasan: 76.5 }])[0];
    expect(r1.disembunyikan).toBe('sel_kecil');
    const before = [{ pegawai: r1.pegawai, counts: r1.counts, rata: [r1.rata_nilai_atasan, r1.rata_nilai_diri, r1.rata_nilai_rekan] }];
    const again = (g: PredikatGroup) => suppressPredikat([g], DEFAULT_THRESHOLD, () => before)[0];
    expect(again({ ...group('U1', { ...c, sangat_baik: 4 }), rata_nilai_atasan: 76 })).toMatchObject({
      pegawai: null,
      disembunyikan: 'pembeda',
    });
    // The same size and counts with one score corrected: the difference is that one correction.
    expect(again({ ...group('U1', c), rata_nilai_atasan: 76.6 })).toMatchObject({ pegawai: null, disembunyikan: 'pembeda' });
    // The same row again tells nothing new.
    expect(again({ ...group('U1', c), rata_nilai_atasan: 76.5 })).toEqual(r1);
  });

  test('ten appraisals added, one of them kurang: the difference is a group of ten with a cell of 1, so the row is hidden', () => {
    const [, r2] = releases(counts(20, 20, 5, 5, 5), counts(29, 20, 5, 6, 5));
    expect(r2).toMatchObject({ pegawai: null, disembunyikan: 'pembeda' });
  });

  test('ten appraisals added to a hidden cell: large enough a difference, but a reader narrows the cells beside it (safeBeside)', () => {
    const [r1, r2] = releases(counts(10, 20, 0, 2, 0), counts(10, 20, 0, 12, 0));
    expect(r1.disembunyikan).toBe('sel_kecil');
    expect(r2).toMatchObject({ pegawai: null, disembunyikan: 'pembeda' });
  });

  test('a difference of a whole group (ten appraisals added, the threshold) keeps the row', () => {
    const [, r2] = releases(counts(10, 20, 5, 4, 3), counts(15, 25, 5, 4, 3));
    expect(r2).toMatchObject({ pegawai: 52, disembunyikan: null, counts: { sangat_baik: 15, baik: 25 } });
    // and the same group again is the same row
    expect(releases(counts(10, 20, 0, 2, 0), counts(10, 20, 0, 2, 0))[1]).toEqual(
      releases(counts(10, 20, 0, 2, 0), counts(10, 20, 0, 2, 0))[0],
    );
  });
});
