/** Contract §3 kinerja_pegawai.csv: the PermenPAN-RB 6/2022 matrix, all nine cells. */
import { expect, test } from 'vitest';
import { predikatOf, type Ekspektasi } from '../../src/contract/predikat.ts';
import { kinerjaPegawai } from '../../src/contract/inputs/index.ts';

// rows = hasil kerja, columns = perilaku kerja (di_bawah, sesuai, di_atas)
const MATRIX: [Ekspektasi, [string, string, string]][] = [
  ['di_atas', ['kurang', 'baik', 'sangat_baik']],
  ['sesuai', ['kurang', 'baik', 'baik']],
  ['di_bawah', ['sangat_kurang', 'butuh_perbaikan', 'butuh_perbaikan']],
];
const COLUMNS: Ekspektasi[] = ['di_bawah', 'sesuai', 'di_atas'];

const cases = MATRIX.flatMap(([hasil, row]) => COLUMNS.map((perilaku, i) => [hasil, perilaku, row[i]] as const));

test.each(cases)('hasil kerja %s × perilaku kerja %s → %s', (hasil, perilaku, expected) => {
  expect(predikatOf(hasil, perilaku)).toBe(expected);
});

test.each(cases)("the row check accepts the matrix's predikat for %s × %s (%s) and a blank one", (hasil, perilaku, expected) => {
  const base = { nip: '198601012010011001', kode_unit: 'U01', periode: '2025', hasil_kerja: hasil, perilaku_kerja: perilaku };
  expect(kinerjaPegawai.check!({ ...base, predikat: expected as never })).toEqual([]);
  expect(kinerjaPegawai.check!(base)).toEqual([]);
});

test('the row check rejects any other predikat as consistency-error on the predikat column', () => {
  const problems = kinerjaPegawai.check!({
    nip: '198601012010011001',
    kode_unit: 'U01',
    periode: '2025',
    hasil_kerja: 'sesuai',
    perilaku_kerja: 'di_atas',
    predikat: 'sangat_baik',
  });
  expect(problems).toEqual([expect.objectContaining({ code: 'consistency-error', column: 'predikat' })]);
  expect(problems[0].message.id).toContain('"baik"');
  expect(problems[0].message.en).toContain('"baik"');
});
