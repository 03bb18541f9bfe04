import { code, integer, number, optional, text } from '../fields.ts';
import { defineInput, NO_PROBLEMS } from '../input.ts';

export const layanan = defineInput({
  file: 'layanan.csv',
  title: { id: 'Standar dan ketepatan waktu layanan, bulanan', en: 'Service standards and timeliness, monthly' },
  fields: {
    kode_unit: code({ id: 'Kode unit penyelenggara layanan', en: 'Unit providing the service' }, { references: 'unit' }),
    kode_layanan: code({ id: 'Kode layanan', en: 'Service code' }),
    nama_layanan: text({ id: 'Nama layanan', en: 'Service name' }),
    tahun: integer({ id: 'Tahun', en: 'Year' }, 2000, 2100),
    bulan: integer({ id: 'Bulan (1–12)', en: 'Month (1–12)' }, 1, 12),
    permohonan: integer({ id: 'Permohonan masuk', en: 'Applications received' }, 0),
    selesai: integer({ id: 'Permohonan selesai', en: 'Applications completed' }, 0),
    tepat_waktu: integer({ id: 'Selesai dalam standar waktu', en: 'Completed within the standard' }, 0),
    standar_hari: number({ id: 'Standar waktu layanan (hari)', en: 'Service standard (days)' }, { gt: 0 }),
    rata_hari: optional(number({ id: 'Rata-rata lama proses (hari)', en: 'Mean processing time (days)' }, { min: 0 })),
  },
  unique: [['kode_unit', 'kode_layanan', 'tahun', 'bulan']],
  check(row) {
    if (row.tepat_waktu <= row.selesai) return NO_PROBLEMS;
    return [
      {
        code: 'consistency-error',
        column: 'tepat_waktu',
        message: {
          id: `tepat_waktu (${row.tepat_waktu}) lebih besar dari selesai (${row.selesai}): yang tepat waktu adalah bagian dari yang selesai.`,
          en: `tepat_waktu (${row.tepat_waktu}) exceeds selesai (${row.selesai}): on-time completions are a subset of completions.`,
        },
      },
    ];
  },
});
