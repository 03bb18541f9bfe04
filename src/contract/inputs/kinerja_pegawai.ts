import { code, enumeration, nip, number, optional, period, privat, text } from '../fields.ts';
import { defineInput, NO_PROBLEMS } from '../input.ts';
import { EKSPEKTASI, PREDIKAT } from '../enums.ts';
import { predikatOf } from '../predikat.ts';

const nilai = (id: string, en: string) => optional(number({ id: `Nilai ${id} (0–100)`, en: `${en} score (0–100)` }, { min: 0, max: 100 }));

export const kinerjaPegawai = defineInput({
  file: 'kinerja_pegawai.csv',
  title: { id: 'Penilaian kinerja pegawai (privat)', en: 'Employee appraisals (private)' },
  fields: {
    nip: privat(nip({ id: 'NIP pegawai, 18 digit (tidak pernah dipublikasikan)', en: 'Employee ID, 18 digits (never published)' })),
    nama: privat(optional(text({ id: 'Nama pegawai (tidak pernah dipublikasikan)', en: 'Employee name (never published)' }))),
    kode_unit: code({ id: 'Kode unit tempat pegawai bertugas', en: 'Unit the employee works in' }, { references: 'unit' }),
    periode: period({
      id: 'Periode penilaian: YYYY, YYYY-S1/S2, YYYY-Q1..Q4 atau YYYY-MM',
      en: 'Appraisal period: YYYY, YYYY-S1/S2, YYYY-Q1..Q4 or YYYY-MM',
    }),
    hasil_kerja: enumeration(EKSPEKTASI, { id: 'Rating hasil kerja', en: 'Work results rating' }),
    perilaku_kerja: enumeration(EKSPEKTASI, { id: 'Rating perilaku kerja', en: 'Work behaviour rating' }),
    predikat: optional(
      enumeration(PREDIKAT, { id: 'Predikat kinerja (PermenPAN-RB 6/2022)', en: 'Performance rating (PermenPAN-RB 6/2022)' }),
    ),
    nilai_atasan: nilai('atasan', 'Supervisor'),
    nilai_diri: nilai('diri', 'Self-assessment'),
    nilai_rekan: nilai('rekan', 'Peer'),
  },
  unique: [['nip', 'periode']],
  check(row) {
    const expected = predikatOf(row.hasil_kerja, row.perilaku_kerja);
    if (row.predikat === undefined || row.predikat === expected) return NO_PROBLEMS;
    return [
      {
        code: 'consistency-error',
        column: 'predikat',
        message: {
          id: `predikat "${row.predikat}" tidak sesuai matriks PermenPAN-RB 6/2022: hasil kerja "${row.hasil_kerja}" dan perilaku kerja "${row.perilaku_kerja}" menghasilkan "${expected}". Perbaiki predikat atau kosongkan kolomnya.`,
          en: `predikat "${row.predikat}" does not match the PermenPAN-RB 6/2022 matrix: results "${row.hasil_kerja}" and behaviour "${row.perilaku_kerja}" give "${expected}". Correct it or leave the column blank.`,
        },
      },
    ];
  },
});
