/** Contract §5: group threshold, small cells, differencing, and the threshold's floor. */
import { describe, expect, test } from 'vitest';
import type { Predikat } from '../../src/contract/enums.ts';
import { DEFAULT_THRESHOLD, suppressCells, suppressPredikat, type PredikatGroup } from '../../src/derive/suppression.ts';
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
  test('counts of 1 and 2 are hidden (null, not 0); zeros and larger counts stay', () => {
    const { cells, hidden } = suppressCells(counts(1, 10, 2, 0, 5));
    expect(hidden).toBe(true);
    expect(cells).toEqual({ sangat_baik: null, baik: 10, butuh_perbaikan: null, kurang: 0, sangat_kurang: 5 });
  });

  test('a lone hidden cell takes the next smallest non-zero count with it', () => {
    // butuh_perbaikan = 2 alone could be recovered as pegawai − the rest; the next smallest
    // non-zero is sangat_baik = 3 (the zeros reveal nothing and are not candidates).
    const { cells } = suppressCells(counts(3, 7, 2, 0, 0));
    expect(cells).toEqual({ sangat_baik: null, baik: 7, butuh_perbaikan: null, kurang: 0, sangat_kurang: 0 });
  });

  test('a tie for the next smallest is broken by the predikat order, deterministically', () => {
    const { cells } = suppressCells(counts(1, 5, 5, 0, 4));
    expect(cells).toEqual({ sangat_baik: null, baik: 5, butuh_perbaikan: 5, kurang: 0, sangat_kurang: null });
  });

  test('nothing small: nothing hidden', () => {
    expect(suppressCells(counts(3, 7, 0, 0, 0))).toEqual({ cells: counts(3, 7, 0, 0, 0), hidden: false });
  });

  test('inside a published group the row says sel_kecil and keeps pegawai and the means', () => {
    const [g] = suppressPredikat([group('U1', counts(3, 7, 2, 0, 0))]);
    expect(g).toMatchObject({ pegawai: 12, disembunyikan: 'sel_kecil', rata_nilai_atasan: 80 });
    expect(g.counts.sangat_baik).toBeNull();
    expect(g.counts.butuh_perbaikan).toBeNull();
  });
});

describe('differencing', () => {
  test('exactly one hidden unit in a period: the smallest other unit is hidden as pembeda', () => {
    const out = suppressPredikat([group('A', counts(0, 4, 0, 0, 0)), group('B', counts(3, 12, 0, 0, 0)), group('C', counts(0, 11, 0, 0, 0))]);
    expect(out.map((g) => [g.kode_unit, g.disembunyikan, g.pegawai])).toEqual([
      ['A', 'kelompok_kecil', null],
      ['B', null, 15],
      ['C', 'pembeda', null],
    ]);
    expect(Object.values(out[2].counts)).toEqual([null, null, null, null, null]);
    expect(out[2].rata_nilai_atasan).toBeNull();
  });

  test('two hidden units already protect each other: nobody else is hidden', () => {
    const out = suppressPredikat([group('A', counts(0, 4, 0, 0, 0)), group('B', counts(0, 6, 0, 0, 0)), group('C', counts(0, 11, 0, 0, 0))]);
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
    const out = suppressPredikat([group('A', counts(0, 4, 0, 0, 0)), group('C', counts(0, 11, 0, 0, 0)), group('B', counts(0, 11, 0, 0, 0))]);
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
