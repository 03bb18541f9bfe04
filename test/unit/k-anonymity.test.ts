/** Contract §5 (1.1): survey microdata k-anonymous, by blanking quasi-identifiers class by class. */
import { describe, expect, test } from 'vitest';
import { kAnonymize, type QuasiIdentifier } from '../../src/derive/k-anonymity.ts';

// Three quasi-identifiers as places (0 = blank): unit, semester, sex. Blanked sex first, unit last.
const UNIT = 0;
const SEMESTER = 1;
const SEX = 2;
const ORDER = [SEX, SEMESTER, UNIT];
const qisOf = (rows: readonly number[][]): QuasiIdentifier[] =>
  [4, 3, 3].map((size, q) => ({ size, values: Float64Array.from(rows, (r) => r[q]) }));
const repeat = (n: number, row: number[]) => Array.from({ length: n }, () => row);
/** The published rows, as strings, sorted: what a reader sees. */
const published = (rows: number[][], k = 10) => {
  const out = kAnonymize(qisOf(rows), ORDER, k);
  return { ok: out.ok, rows: rows.map((_, i) => out.places.map((p) => p[i]).join('|')).sort() };
};
const classSizes = (rows: readonly string[]) => {
  const n = new Map<string, number>();
  for (const r of rows) n.set(r, (n.get(r) ?? 0) + 1);
  return [...n.values()];
};

describe('k-anonymity of skm_responden', () => {
  test('classes of k or more are left alone', () => {
    const rows = [...repeat(10, [1, 1, 1]), ...repeat(12, [1, 1, 2])];
    expect(published(rows).rows).toEqual(rows.map((r) => r.join('|')).sort());
  });

  test('a class below k gives up the first quasi-identifier of the order, and merges', () => {
    // 10 women and 3 men of unit 1 in semester 1: the 3 lose their sex and, alone (3), their
    // semester too; then only the unit is left (unit 1 has 13 rows), so the smallest class
    // beneath (the 10 women) is pulled in rather than the unit being blanked: 13 × "1|0|0".
    const rows = [...repeat(10, [1, 1, 1]), ...repeat(3, [1, 1, 2])];
    expect(published(rows).rows).toEqual(Array(13).fill('1|0|0'));
  });

  test("kept = 2: a unit's semester with k responses or more keeps the semester, its smallest class pulled in instead", () => {
    const rows = [...repeat(10, [1, 1, 1]), ...repeat(3, [1, 1, 2]), ...repeat(12, [1, 2, 1])];
    const out = kAnonymize(qisOf(rows), ORDER, 10, 2);
    const seen = rows.map((_, i) => out.places.map((p) => p[i]).join('|')).sort();
    expect(seen).toEqual([...Array(13).fill('1|1|0'), ...Array(12).fill('1|2|1')]);
    // With only the unit kept, the 3 would have given up their semester, and taken 10 with them.
    expect(published(rows).rows).toEqual([...Array(13).fill('1|0|0'), ...Array(12).fill('1|2|1')]);
  });

  test('blanks join rows that were blank already: 6 men of an unknown sex class and 5 of no sex', () => {
    const rows = [...repeat(6, [1, 1, 2]), ...repeat(5, [1, 1, 0]), ...repeat(10, [1, 2, 1])];
    expect(published(rows).rows).toEqual([...Array(11).fill('1|1|0'), ...Array(10).fill('1|2|1')]);
  });

  test('a unit with fewer than k responses loses its code; a unit with k or more keeps it', () => {
    const rows = [...repeat(4, [1, 1, 1]), ...repeat(10, [2, 1, 1]), ...repeat(8, [3, 2, 2])];
    const { rows: out } = published(rows);
    expect(out.filter((r) => r.startsWith('2|'))).toHaveLength(10);
    expect(out.filter((r) => r.startsWith('0|'))).toHaveLength(12);
    expect(classSizes(out).every((n) => n >= 10)).toBe(true);
  });

  test('the rows left with nothing but fewer than k take in the smallest class of the region', () => {
    // Unit 1 (4 rows) loses its code and is alone: it takes in unit 3's 11 (smaller than unit 2's 12).
    const rows = [...repeat(4, [1, 1, 1]), ...repeat(12, [2, 1, 1]), ...repeat(11, [3, 1, 1])];
    expect(published(rows).rows).toEqual([...Array(15).fill('0|0|0'), ...Array(12).fill('2|1|1')]);
  });

  test('fewer than k rows in all: not k-anonymous whatever is blanked, and said so', () => {
    expect(published(repeat(9, [1, 1, 1])).ok).toBe(false);
    expect(published(repeat(10, [1, 1, 1])).ok).toBe(true);
  });

  test('randomised: every class has at least k rows, whatever k, and the file order does not matter', () => {
    let seed = 4;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (const k of [5, 10, 15]) {
      for (let t = 0; t < 30; t++) {
        const rows = Array.from({ length: 20 + rand(300) }, () => [rand(4), rand(3), rand(3)]);
        const { ok, rows: out } = published(rows, k);
        expect(ok).toBe(true);
        expect(Math.min(...classSizes(out))).toBeGreaterThanOrEqual(k);
        // Each published row is its input row with some places blanked, never changed.
        const { places } = kAnonymize(qisOf(rows), ORDER, k);
        rows.forEach((r, i) => r.forEach((v, q) => expect([0, v]).toContain(places[q][i])));
        const reversed = published([...rows].reverse(), k).rows;
        expect(reversed).toEqual(out);
      }
    }
  });
});
