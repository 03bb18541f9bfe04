/** Contract §4 "Rounding": half-up on the decimal value, never on its binary approximation. */
import { describe, expect, test } from 'vitest';
import { mean, median, round2, roundHalfUp } from '../../src/derive/rounding.ts';

describe('roundHalfUp', () => {
  // Each of these halves is stored just BELOW the half in binary (1.005 = 1.00499999999999989…),
  // so Math.round(x * 100) / 100 would round them down. The contract rounds the decimal.
  test.each([
    [1.005, 1.01],
    [2.675, 2.68],
    [1.255, 1.26],
    [91.475, 91.48],
    [88.305, 88.31], // the A/B boundary of the IKM: a half below it must still reach A
    [76.605, 76.61],
    [64.995, 65],
    [0.125, 0.13],
    [10.075, 10.08],
  ])('%d → %d', (x, expected) => {
    expect(roundHalfUp(x, 2)).toBe(expected);
  });

  test('halves of negatives go away from zero, symmetric with positives (a capaian can be negative)', () => {
    expect(roundHalfUp(-1.005, 2)).toBe(-1.01);
    expect(roundHalfUp(-91.475, 2)).toBe(-91.48);
    expect(roundHalfUp(-0.125, 2)).toBe(-0.13);
    expect(roundHalfUp(-2.4, 0)).toBe(-2);
  });

  test('below a half rounds down, and a tiny negative becomes 0, not -0', () => {
    expect(roundHalfUp(1.0049999, 2)).toBe(1);
    expect(roundHalfUp(91.4749, 2)).toBe(91.47);
    expect(Object.is(roundHalfUp(-0.001, 2), 0)).toBe(true);
  });

  test('other precisions: NRR keeps 4 decimals', () => {
    expect(roundHalfUp(105 / 29, 4)).toBe(3.6207); // 3.620689…
    expect(roundHalfUp(101 / 29, 4)).toBe(3.4828); // 3.482758…
    expect(roundHalfUp(3.53245, 4)).toBe(3.5325);
    expect(roundHalfUp(2.5, 0)).toBe(3);
  });

  test('exact values are unchanged', () => {
    expect(roundHalfUp(95, 2)).toBe(95);
    expect(roundHalfUp(0, 2)).toBe(0);
    expect(roundHalfUp(123456.78, 2)).toBe(123456.78);
  });
});

describe('round2, mean, median', () => {
  test('an uncomputable value passes through as null, never 0', () => {
    expect(round2(null)).toBeNull();
    expect(round2(undefined)).toBeNull();
    expect(round2(Number.NaN)).toBeNull();
    expect(round2(Infinity)).toBeNull();
    expect(round2(95.2380952)).toBe(95.24);
  });

  test('mean and median of nothing are null', () => {
    expect(mean([])).toBeNull();
    expect(median([])).toBeNull();
  });

  test('median of odd and even counts, unsorted input', () => {
    expect(median([10, 2, 1])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(mean([71, 72, 73])).toBe(72);
  });
});
