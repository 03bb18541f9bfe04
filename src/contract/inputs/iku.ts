import { code, enumeration, integer, number, optional, text } from '../fields.ts';
import { defineInput } from '../input.ts';
import { ARAH } from '../enums.ts';

export const iku = defineInput({
  file: 'iku.csv',
  title: { id: 'Indikator kinerja unit: target dan realisasi', en: 'Unit performance indicators: targets and realisation' },
  fields: {
    kode_unit: code({ id: 'Kode unit pemilik indikator', en: 'Unit owning the indicator' }, { references: 'unit' }),
    tahun: integer({ id: 'Tahun', en: 'Year' }, 2000, 2100),
    kode_indikator: code({ id: 'Kode indikator', en: 'Indicator code' }),
    nama_indikator: text({ id: 'Nama indikator', en: 'Indicator name' }),
    satuan: text({ id: 'Satuan (mis. %, orang, hari)', en: 'Unit of measure (e.g. %, people, days)' }),
    arah: enumeration(ARAH, { id: 'Arah: naik (makin tinggi makin baik) atau turun', en: 'Direction: up (higher is better) or down' }),
    target: number({ id: 'Target', en: 'Target' }, { gt: 0 }),
    realisasi: optional(number({ id: 'Realisasi (kosong = belum dilaporkan)', en: 'Realisation (blank = not reported yet)' }, { min: 0 })),
    program: optional(text({ id: 'Program daerah yang didukung', en: 'Regional programme served' })),
    sasaran: optional(text({ id: 'Sasaran strategis yang didukung', en: 'Strategic objective served' })),
  },
  unique: [['kode_unit', 'tahun', 'kode_indikator']],
});
