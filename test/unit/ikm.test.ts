/** Contract §4 "IKM", "Uncertainty" and "Minimum sample", with the contract's worked example. */
import { describe, expect, test } from 'vitest';
import { UNSUR_KEYS } from '../../src/contract/enums.ts';
import { addResponse, ikmOf, minimumSample, mutuOfIkm, mutuOfNrr, newIkmAccumulator } from '../../src/derive/ikm.ts';
import { validateExport } from '../../src/validate/export.ts';

/** The answers of test/fixtures/valid/alpha/skm.csv, read through the real validator. */
async function fixtureAnswers(): Promise<(number | undefined)[][]> {
  const report = await validateExport('test/fixtures/valid');
  expect(report.errors).toEqual([]);
  return report.regions[0].skm.toArray().map((row) => UNSUR_KEYS.map((k) => (row as unknown as Record<string, number | undefined>)[k]));
}

describe('IKM worked example (29 respondents)', () => {
  test("unsur totals of the fixture are the contract's: 105, 101, 100, 116, 102, 105, 106, 105, 115", async () => {
    const answers = await fixtureAnswers();
    expect(answers).toHaveLength(29);
    const totals = UNSUR_KEYS.map((_, i) => answers.reduce((s, a) => s + (a[i] ?? 0), 0));
    expect(totals).toEqual([105, 101, 100, 116, 102, 105, 106, 105, 115]);
  });

  test('NRR to 4 decimals, IKM 91.48, A / Sangat Baik; prosedur, waktu and produk are B', async () => {
    const acc = newIkmAccumulator();
    for (const a of await fixtureAnswers()) addResponse(acc, a);
    const r = ikmOf(acc);
    expect(r.responden).toBe(29);
    // 105/29 = 3.62069, 101/29 = 3.48276, 100/29 = 3.44828, 116/29 = 4, 102/29 = 3.51724,
    // 105/29, 106/29 = 3.65517, 105/29, 115/29 = 3.96552
    expect(r.nrr).toEqual({
      persyaratan: 3.6207,
      prosedur: 3.4828,
      waktu: 3.4483,
      biaya: 4,
      produk: 3.5172,
      kompetensi: 3.6207,
      perilaku: 3.6552,
      pengaduan: 3.6207,
      sarana: 3.9655,
    });
    // IKM = Σ NRR / 9 × 25 = (955 / 29) / 9 × 25 = 23875 / 261 = 91.47509… → 91.48
    expect(r.ikm).toBe(91.48);
    expect(r.mutu).toBe('A');
    expect(r.kinerja).toBe('Sangat Baik');
    // 3.0644 ≤ NRR < 3.5324 is B
    expect(r.nrrMutu).toEqual({
      persyaratan: 'A',
      prosedur: 'B',
      waktu: 'B',
      biaya: 'A',
      produk: 'B',
      kompetensi: 'A',
      perilaku: 'A',
      pengaduan: 'A',
      sarana: 'A',
    });
  });

  test('95% interval: IKM ± 1.96·s/√n over respondent scores', async () => {
    const acc = newIkmAccumulator();
    for (const a of await fixtureAnswers()) addResponse(acc, a);
    // Respondent answer sums r (score = r / 9 × 25): 13 × 36, 35, 34, 3 × 33, 30, 9 × 29, 28.
    // Σr = 955, Σr² = 31749, SS = 31749 − 955²/29 = 299.8621, var(r) = SS/28 = 10.70936,
    // var(score) = 10.70936 × (25/9)² = 82.6339, s = 9.09032, 1.96·s/√29 = 3.30854,
    // 91.47510 − 3.30854 = 88.16656 → 88.17 and 91.47510 + 3.30854 = 94.78364 → 94.78.
    const r = ikmOf(acc);
    expect(r.ikm_bawah).toBe(88.17);
    expect(r.ikm_atas).toBe(94.78);
  });
});

describe('mutu and kinerja from the rounded IKM', () => {
  test.each([
    [64.99, 'D'],
    [65.0, 'C'],
    [76.6, 'C'],
    [76.61, 'B'],
    [88.3, 'B'],
    [88.31, 'A'],
    [25, 'D'],
    [100, 'A'],
  ] as const)('%d → %s', (ikm, mutu) => {
    expect(mutuOfIkm(ikm)).toBe(mutu);
  });

  test.each([
    [2.5999, 'D'],
    [2.6, 'C'],
    [3.0643, 'C'],
    [3.0644, 'B'],
    [3.5323, 'B'],
    [3.5324, 'A'],
  ] as const)('NRR %d → %s', (nrr, mutu) => {
    expect(mutuOfNrr(nrr)).toBe(mutu);
  });

  test('an IKM of exactly 88.305 rounds half-up to 88.31 before it is classified: A, not B', () => {
    // 5000 respondents, 45000 answers summing to 158949: IKM = 158949 / 45000 × 25 = 88.305 exactly
    // in decimals, a half exactly on the B/A boundary: classifying before rounding (88.305 < 88.31)
    // would say B. 21051 threes and 23949 fours: 1051 respondents answer five 3s, 3949 four 3s.
    const acc = newIkmAccumulator();
    for (let i = 0; i < 5000; i++) {
      const threes = i < 1051 ? 5 : 4;
      addResponse(
        acc,
        Array.from({ length: 9 }, (_, k) => (k < threes ? 3 : 4)),
      );
    }
    const r = ikmOf(acc);
    expect(r.ikm).toBe(88.31);
    expect(r.mutu).toBe('A');
  });
});

describe('ikmOf edge cases', () => {
  test('blanks are "not answered": a respondent\'s score is the mean of the answered unsur', () => {
    const acc = newIkmAccumulator();
    // answers 4 and 2 on the first two unsur only: score = 3 × 25 = 75
    addResponse(acc, [4, 2, undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
    addResponse(acc, [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    const r = ikmOf(acc);
    expect(r.responden).toBe(2);
    expect(r.nrr.persyaratan).toBe(4);
    expect(r.nrr.prosedur).toBe(3);
    expect(r.nrr.waktu).toBe(4); // one answer only
    expect(acc.scoreSum).toBe(175);
  });

  test('an unsur nobody answered: its NRR and the IKM are empty, never 0', () => {
    const acc = newIkmAccumulator();
    addResponse(acc, [4, 4, 4, 4, 4, 4, 4, 4, undefined]);
    const r = ikmOf(acc);
    expect(r.nrr.sarana).toBeNull();
    expect(r.nrrMutu.sarana).toBeNull();
    expect(r.ikm).toBeNull();
    expect(r.mutu).toBeNull();
    expect(r.kinerja).toBeNull();
    expect(r.ikm_bawah).toBeNull();
  });

  test('a response with no answer at all is not counted', () => {
    const acc = newIkmAccumulator();
    addResponse(acc, new Array(9).fill(undefined));
    expect(ikmOf(acc).responden).toBe(0);
  });

  test('one respondent: no interval (s needs n ≥ 2)', () => {
    const acc = newIkmAccumulator();
    addResponse(acc, [3, 3, 3, 3, 3, 3, 3, 3, 3]);
    const r = ikmOf(acc);
    expect(r.ikm).toBe(75);
    expect(r.mutu).toBe('C');
    expect(r.ikm_bawah).toBeNull();
    expect(r.ikm_atas).toBeNull();
  });

  test('identical respondents: the interval collapses onto the IKM', () => {
    const acc = newIkmAccumulator();
    for (let i = 0; i < 5; i++) addResponse(acc, [4, 4, 4, 4, 4, 4, 4, 4, 4]);
    expect(ikmOf(acc)).toMatchObject({ ikm: 100, ikm_bawah: 100, ikm_atas: 100 });
  });
});

describe('Krejcie–Morgan minimum sample', () => {
  // S = 3.841·N·0.25 / (0.0025·(N − 1) + 3.841·0.25)
  test.each([
    [100, 80], // 96.025 / 1.20775 = 79.51
    [1000, 278], // 960.25 / 3.45775 = 277.71
    [10000, 370], // 9602.5 / 25.95775 = 369.93
    [120, 92], // 115.23 / 1.25775 = 91.62 (the fixture's U01 in 2025)
    [1, 1],
  ])('N = %d → %d', (N, S) => {
    expect(minimumSample(N)).toBe(S);
  });
});
