import { code, enumeration, optional, text } from '../fields.ts';
import { defineInput } from '../input.ts';
import { JENIS_UNIT } from '../enums.ts';

export const unit = defineInput({
  file: 'unit.csv',
  title: { id: 'Unit organisasi', en: 'Organisational units' },
  fields: {
    kode_unit: code({ id: 'Kode unit organisasi, unik dalam wilayah', en: 'Organisational unit code, unique within the region' }),
    nama_unit: text({ id: 'Nama unit organisasi', en: 'Organisational unit name' }),
    jenis_unit: enumeration(JENIS_UNIT, { id: 'Jenis unit', en: 'Unit type' }),
    induk_unit: optional(code({ id: 'Kode unit induk (dalam berkas yang sama)', en: 'Parent unit code (in the same file)' })),
  },
  unique: [['kode_unit']],
});
