/** Contract §4 "Capaian" (PermenPAN-RB 8/2021) and its kategori (Permendagri 86/2017). */
import { describe, expect, test } from 'vitest';
import { capaianOf, kategoriCapaian, targetMet, trendOf } from '../../src/derive/capaian.ts';

describe('capaianOf', () => {
  test("naik: realisasi / target × 100 (the fixture's IKU-1: 85.5 / 90 = 95)", () => {
    expect(capaianOf('naik', 90, 85.5)).toBe(95);
    expect(capaianOf('naik', 3, 2)).toBe(66.67); // 66.666… half-up
    expect(capaianOf('naik', 100, 0)).toBe(0); // a reported 0 is a real 0
  });

  test("turun: (2 − realisasi / target) × 100 (the fixture's IKU-2: 2 − 4/5 = 1.2 → 120)", () => {
    expect(capaianOf('turun', 5, 4)).toBe(120);
    expect(capaianOf('turun', 5, 5)).toBe(100);
    expect(capaianOf('turun', 10, 25)).toBe(-50); // far worse than target: negative, not clamped
  });

  test('turun on binary-tricky ratios: (2 − 1.09) × 100 is 90.99999999999999 in floating point → 91', () => {
    expect(capaianOf('turun', 100, 109)).toBe(91);
    expect(kategoriCapaian(capaianOf('turun', 100, 109))).toBe('sangat_tinggi');
  });

  test('realisasi blank: capaian and kategori are empty, never 0', () => {
    expect(capaianOf('naik', 1000, undefined)).toBeNull();
    expect(capaianOf('turun', 5, null)).toBeNull();
    expect(kategoriCapaian(null)).toBeNull();
  });
});

describe('kategoriCapaian at its boundaries', () => {
  test.each([
    [120, 'sangat_tinggi'],
    [91, 'sangat_tinggi'],
    [90.99, 'tinggi'],
    [76, 'tinggi'],
    [75.99, 'sedang'],
    [66, 'sedang'],
    [65.99, 'rendah'],
    [51, 'rendah'],
    [50.99, 'sangat_rendah'],
    [0, 'sangat_rendah'],
    [-50, 'sangat_rendah'],
  ] as const)('%d → %s', (capaian, kategori) => {
    expect(kategoriCapaian(capaian)).toBe(kategori);
  });

  test('the kategori is taken from the rounded capaian: 90.995 % → 91 → sangat_tinggi', () => {
    // naik 90.995 / 100 × 100 = 90.995 (binary: 90.99499…), rounded half-up on the decimal to 91.
    expect(capaianOf('naik', 100, 90.995)).toBe(91);
    expect(kategoriCapaian(capaianOf('naik', 100, 90.995))).toBe('sangat_tinggi');
  });
});

describe('targetMet: by direction, from target and realisasi (contract §3 arah)', () => {
  test('naik: realisasi ≥ target; turun: realisasi ≤ target; exactly on target is met', () => {
    expect(targetMet('naik', 90, 90)).toBe(true);
    expect(targetMet('naik', 90, 89.9)).toBe(false);
    expect(targetMet('turun', 5, 5)).toBe(true);
    expect(targetMet('turun', 5, 5.1)).toBe(false);
  });

  test('a category is not success: 97 % is "sangat tinggi" and the target is missed', () => {
    expect(kategoriCapaian(capaianOf('naik', 100, 97))).toBe('sangat_tinggi');
    expect(targetMet('naik', 100, 97)).toBe(false);
  });

  test('not the rounded capaian: 99.9995 % rounds to 100.00 yet the target is missed', () => {
    expect(capaianOf('naik', 100000, 99999.5)).toBe(100);
    expect(targetMet('naik', 100000, 99999.5)).toBe(false);
  });

  test('realisasi blank: not reported, neither met nor missed', () => {
    expect(targetMet('naik', 90, null)).toBeNull();
    expect(targetMet('turun', 5, null)).toBeNull();
  });
});

describe('trendOf: against the previous year, by direction', () => {
  test('naik improves upwards, turun downwards; equal holds steady', () => {
    expect(trendOf('naik', 85, 80)).toBe('membaik');
    expect(trendOf('naik', 75, 80)).toBe('memburuk');
    expect(trendOf('turun', 20, 24)).toBe('membaik');
    expect(trendOf('turun', 25, 24)).toBe('memburuk');
    expect(trendOf('turun', 24, 24)).toBe('tetap');
  });

  test('either year not reported: nothing to compare', () => {
    expect(trendOf('naik', null, 80)).toBeNull();
    expect(trendOf('naik', 80, null)).toBeNull();
  });
});
