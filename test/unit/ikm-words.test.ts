/**
 * The words around IKM figures (issue #10, items 1 and 4), sentence kind by sentence kind, on
 * rows made here: sample adequacy in three states (lib/sample.ts) and the annual headline
 * (lib/ikm-annual.ts). Every number a sentence names is checked against the row it cites.
 */
import { describe, expect, test } from 'vitest';
import type { PublishedRow } from '../../src/contract/published.ts';
import type { Cell, Rich } from '../../src/charts/chart-data.ts';
import { keyOf } from '../../src/charts/chart-data.ts';
import { shapeOf } from '../../src/charts/chart.ts';
import { t } from '../../src/i18n/words.ts';
import type { Lang } from '../../src/i18n/lang.ts';
import { annualIkmHeadline, changeSentence, semesterSentence, unitsSentence } from '../../src/site/ikm-annual.ts';
import { SAMPLE_STATES, sampleCell, sampleLegend, sampleState, sampleSummary } from '../../src/charts/sample.ts';

/** What a reader sees of a sentence: an empty cell says why, as numHtml prints it. */
const textOf = (rich: Rich, lang: Lang): string =>
  rich
    .map((p) => (typeof p === 'string' ? p : p.missing ? `${t(lang).missing[p.missing]}${p.note ? `: ${p.note}` : ''}` : p.text))
    .join('');
const cells = (rich: Rich): Cell[] => rich.filter((p): p is Cell => typeof p !== 'string');

/** Every cited cell of a sentence holds what its row holds (table, key and column as cited). */
function expectReconciled(rich: Rich, rows: readonly PublishedRow[]) {
  for (const c of cells(rich).filter((c) => c.ref)) {
    const { table, key, col } = c.ref!;
    const row = rows.find((r) => keyOf(shapeOf(table), r) === key);
    expect(row, `${table} ${key}`).toBeDefined();
    expect(c.raw, `${table} ${key} ${col}`).toBe(row![col] === null || row![col] === undefined ? '' : String(row![col]));
  }
}

const wil = (periode: string, ikm: number | null, unit: number, lo = ikm! - 0.3, hi = ikm! + 0.3): PublishedRow => ({
  kode_wilayah: 'uji',
  periode,
  unit,
  responden: unit * 100,
  ikm,
  ikm_bawah: ikm === null ? null : lo,
  ikm_atas: ikm === null ? null : hi,
  mutu: 'B',
  kinerja: 'Baik',
});
const unitRow = (periode: string, ikm: number, sampel: 'ya' | 'tidak' | null): PublishedRow => ({
  kode_wilayah: 'uji',
  kode_unit: 'U1',
  periode,
  responden: 90,
  ikm,
  ikm_bawah: ikm - 1,
  ikm_atas: ikm + 1,
  mutu: 'B',
  kinerja: 'Baik',
  sampel_minimum: sampel ? 80 : null,
  sampel_cukup: sampel,
});

describe('sample adequacy: three states, never two', () => {
  test('ya, tidak and empty are cukup, kurang and tidak diketahui', () => {
    expect(['ya', 'tidak', null, undefined, ''].map(sampleState)).toEqual([
      'cukup',
      'kurang',
      'tidak_diketahui',
      'tidak_diketahui',
      'tidak_diketahui',
    ]);
  });

  test('a table cell says the state, and why when unknown; the CSV keeps ya / tidak / empty', () => {
    const shape = shapeOf('ikm_unit');
    const say = (lang: Lang, sampel: 'ya' | 'tidak' | null) => {
      const c = sampleCell(lang, shape, unitRow('2025-S1', 80, sampel));
      return [c.raw, textOf([c], lang)];
    };
    expect(say('id', 'ya')).toEqual(['ya', 'cukup']);
    expect(say('id', 'tidak')).toEqual(['tidak', 'kurang dari minimum']);
    expect(say('id', null)).toEqual(['', 'tidak diketahui: tidak ada data permohonan layanan']);
    expect(say('en', 'ya')).toEqual(['ya', 'adequate']);
    expect(say('en', 'tidak')).toEqual(['tidak', 'below the minimum']);
    expect(say('en', null)).toEqual(['', 'unknown: no service application data']);
  });

  test('the summary counts each state of the IKMs shown, and leaves out states no unit has', () => {
    const states = ['ya', null, null, 'tidak', null].map(sampleState);
    expect(textOf(sampleSummary('id', states), 'id')).toBe(
      'Kecukupan sampel: 1 unit cukup, 1 unit kurang dari minimum, 3 unit tidak diketahui (tidak ada data permohonan layanan).',
    );
    expect(textOf(sampleSummary('en', states), 'en')).toBe(
      'Sample adequacy: 1 unit adequate, 1 unit below the minimum, 3 units unknown (no service application data).',
    );
    expect(textOf(sampleSummary('id', [null, null].map(sampleState)), 'id')).toBe(
      'Kecukupan sampel: 2 unit tidak diketahui (tidak ada data permohonan layanan).',
    );
    expect(sampleSummary('id', [])).toEqual([]);
  });

  test('the legend explains each state present, each with its own shape and fill', () => {
    const legend = sampleLegend('id', SAMPLE_STATES, '#000');
    expect(legend.map((l) => l.label)).toEqual([
      'titik penuh: sampel cukup',
      'titik kosong: sampel kurang dari minimum',
      'belah ketupat pucat: kecukupan sampel tidak diketahui (tidak ada data permohonan layanan)',
    ]);
    expect(new Set(legend.map((l) => `${l.shape}/${l.fill}`)).size).toBe(3);
    expect(sampleLegend('en', ['tidak_diketahui'], '#000').map((l) => l.label)).toEqual([
      'pale diamond: sample adequacy unknown (no service application data)',
    ]);
  });
});

describe('the annual IKM headline', () => {
  // A region that surveyed 6 units in S1 and 11 in S2 of 2025, and 11 all through 2024.
  const six = new Set(['a', 'b', 'c', 'd', 'e', 'f']);
  const eleven = new Set([...six, 'g', 'h', 'i', 'j', 'k']);
  const units = new Map<string, Set<string>>([
    ['2024', eleven],
    ['2024-S1', eleven],
    ['2024-S2', eleven],
    ['2025', eleven],
    ['2025-S1', six],
    ['2025-S2', eleven],
  ]);
  const unitsOf = (p: string) => units.get(p) ?? new Set<string>();
  const rows = [
    wil('2024', 82.69, 11),
    wil('2024-S1', 82.36, 11),
    wil('2024-S2', 82.91, 11),
    wil('2025', 83.49, 11, 83.25, 83.74),
    wil('2025-S1', 83.47, 6),
    wil('2025-S2', 83.51, 11),
  ];

  test('the figure is the latest year, with the semesters beside it, the change, and the different units said', () => {
    const h = annualIkmHeadline('id', { table: 'ikm_wilayah', rows, unitsOf })!;
    expect(h.period).toBe('2025');
    expect(textOf(h.value!, 'id')).toBe('83,49 · B (Baik)');
    expect(textOf(h.note!, 'id')).toBe(
      'dari 1.100 responden di 11 unit. Per semester: Semester I 2025 83,47; Semester II 2025 83,51. ' +
        'Unit yang disurvei berbeda (Semester I 2025: 6 unit, Semester II 2025: 11 unit), jadi angkanya tidak sepenuhnya sebanding. ' +
        'Naik 0,80 poin dari 2024 (82,69); intervalnya tidak bertumpang tindih: perubahannya nyata.',
    );
    expectReconciled([...h.value!, ...h.note!], rows);
    const en = annualIkmHeadline('en', { table: 'ikm_wilayah', rows, unitsOf })!;
    expect(h.label).toBe('IKM tahunan 2025 (angka resmi)');
    expect(en.label).toBe('Annual IKM 2025 (the official figure)');
    expect(textOf(en.note!, 'en')).toContain(
      'Different units were surveyed (H1 2025: 6 units, H2 2025: 11 units), so the figures are not fully comparable.',
    );
    expect(textOf(en.note!, 'en')).toContain('Up 0.80 points from 2024 (82.69)');
  });

  test('the units sentence: only when two periods cover different units, even of the same number', () => {
    const a = wil('2025-S1', 80, 3);
    const b = wil('2025-S2', 81, 3);
    const sets = (x: string[], y: string[]) => (p: string) => new Set(p.endsWith('S1') ? x : y);
    expect(unitsSentence('id', 'ikm_wilayah', [a, b], sets(['p', 'q', 'r'], ['p', 'q', 'r']))).toEqual([]);
    const differ = unitsSentence('id', 'ikm_wilayah', [a, b], sets(['p', 'q', 'r'], ['p', 'q', 's']));
    expect(textOf(differ, 'id')).toBe(
      'Unit yang disurvei berbeda (Semester I 2025: 3 unit, Semester II 2025: 3 unit), jadi angkanya tidak sepenuhnya sebanding.',
    );
    expectReconciled(differ, [a, b]);
    // A unit's own figures have no set of units to differ.
    expect(unitsSentence('id', 'ikm_unit', [a, b], sets(['p'], ['q']))).toEqual([]);
  });

  test('the semester sentence: a year surveyed in one half says its figure is that half', () => {
    const s2 = unitRow('2024-S2', 78.11, null);
    const once = semesterSentence('id', 'ikm_unit', '2024', [s2]);
    expect(textOf(once, 'id')).toBe('Hanya Semester II 2024 yang disurvei (IKM 78,11): angka 2024 adalah angka semester itu.');
    expect(textOf(semesterSentence('en', 'ikm_unit', '2024', [s2]), 'en')).toBe(
      "Only H2 2024 was surveyed (index 78.11): the 2024 figure is that half-year's.",
    );
    expectReconciled(once, [s2]);
    expect(semesterSentence('id', 'ikm_unit', '2024', [])).toEqual([]);
  });

  test('the change sentence: up, down or unchanged by the difference of the two published figures, and whether it is real', () => {
    const y24 = unitRow('2024', 80.1, 'ya');
    expect(textOf(changeSentence('id', 'ikm_unit', unitRow('2025', 79.45, 'ya'), y24), 'id')).toBe(
      'Turun 0,65 poin dari 2024 (80,10); intervalnya bertumpang tindih: perubahan belum tentu nyata.',
    );
    expect(textOf(changeSentence('id', 'ikm_unit', unitRow('2025', 83.2, 'ya'), y24), 'id')).toBe(
      'Naik 3,10 poin dari 2024 (80,10); intervalnya tidak bertumpang tindih: perubahannya nyata.',
    );
    expect(textOf(changeSentence('en', 'ikm_unit', unitRow('2025', 80.1, 'ya'), y24), 'en')).toBe('Unchanged from 2024 (80.10).');
  });

  test('no change without the year just before: a gap year is not "the previous year"', () => {
    const h = annualIkmHeadline('id', {
      table: 'ikm_unit',
      rows: [unitRow('2023', 70, 'ya'), unitRow('2025', 80, 'ya'), unitRow('2025-S1', 80, 'ya')],
    })!;
    expect(textOf(h.note!, 'id')).not.toMatch(/Naik|Turun|Sama/);
  });

  test("a unit's headline names its year, its sample adequacy in three states, and no units", () => {
    const rows = [unitRow('2025', 81.2, null), unitRow('2025-S1', 80.5, null), unitRow('2025-S2', 81.9, 'tidak')];
    const h = annualIkmHeadline('id', { table: 'ikm_unit', rows })!;
    expect(h.period).toBe('2025');
    expect(h.table).toBe('ikm_unit');
    expect(textOf(h.note!, 'id')).toBe(
      'dari 90 responden. Per semester: Semester I 2025 80,50; Semester II 2025 81,90. Kecukupan sampel 2025: tidak diketahui: tidak ada data permohonan layanan.',
    );
    expectReconciled([...h.value!, ...h.note!], rows);
  });

  test('no headline when no year has a computable IKM', () => {
    expect(annualIkmHeadline('id', { table: 'ikm_wilayah', rows: [wil('2025', null, 3), wil('2025-S1', 80, 3)] })).toBeNull();
  });
});
