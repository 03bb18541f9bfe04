import { code, enumeration, integer, number, text } from '../fields.ts';
import { defineInput } from '../input.ts';
import { KATEGORI_PELATIHAN } from '../enums.ts';

export const pelatihan = defineInput({
  file: 'pelatihan.csv',
  title: { id: 'Pelatihan dan pengembangan kompetensi', en: 'Training and competency development' },
  fields: {
    kode_unit: code({ id: 'Kode unit peserta', en: 'Participants’ unit' }, { references: 'unit' }),
    tahun: integer({ id: 'Tahun', en: 'Year' }, 2000, 2100),
    nama_pelatihan: text({ id: 'Nama pelatihan', en: 'Training name' }),
    kategori: enumeration(KATEGORI_PELATIHAN, { id: 'Kategori pelatihan', en: 'Training category' }),
    peserta: integer({ id: 'Jumlah peserta', en: 'Participants' }, 1),
    jam_pelajaran: number({ id: 'Jam pelajaran (JP) per peserta', en: 'Training hours (JP) per participant' }, { gt: 0 }),
  },
  unique: [],
});
