import { code, integer } from '../fields.ts';
import { defineInput, NO_PROBLEMS } from '../input.ts';

export const laporanHarian = defineInput({
  file: 'laporan_harian.csv',
  title: { id: 'Kepatuhan laporan kegiatan harian, bulanan', en: 'Daily activity report compliance, monthly' },
  fields: {
    kode_unit: code({ id: 'Kode unit', en: 'Unit code' }, { references: 'unit' }),
    tahun: integer({ id: 'Tahun', en: 'Year' }, 2000, 2100),
    bulan: integer({ id: 'Bulan (1–12)', en: 'Month (1–12)' }, 1, 12),
    pegawai: integer({ id: 'Pegawai wajib lapor', en: 'Employees obliged to report' }, 1),
    hari_kerja: integer({ id: 'Hari kerja dalam bulan', en: 'Working days in the month' }, 1, 31),
    laporan: integer({ id: 'Laporan harian diterima', en: 'Daily reports received' }, 0),
  },
  unique: [['kode_unit', 'tahun', 'bulan']],
  check(row) {
    const max = row.pegawai * row.hari_kerja;
    if (row.laporan <= max) return NO_PROBLEMS;
    return [
      {
        code: 'consistency-error',
        column: 'laporan',
        message: {
          id: `laporan (${row.laporan}) melebihi pegawai × hari_kerja (${row.pegawai} × ${row.hari_kerja} = ${max}).`,
          en: `laporan (${row.laporan}) exceeds pegawai × hari_kerja (${row.pegawai} × ${row.hari_kerja} = ${max}).`,
        },
      },
    ];
  },
});
