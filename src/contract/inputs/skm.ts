import { code, date, enumeration, integer, optional, privat, text, type Field } from '../fields.ts';
import { defineInput, NO_PROBLEMS } from '../input.ts';
import { JENIS_KELAMIN, PEKERJAAN, PENDIDIKAN, UNSUR, UNSUR_KEYS, type Unsur } from '../enums.ts';

const unsurFields = Object.fromEntries(
  UNSUR.map((u) => [
    u.value,
    optional(
      integer(
        { id: `Jawaban unsur ${u.label.id} (1–4, kosong = tidak dijawab)`, en: `Answer for ${u.label.en} (1–4, blank = not answered)` },
        1,
        4,
      ),
    ),
  ]),
) as Record<Unsur, Field<number, false>>;

export const skm = defineInput({
  file: 'skm.csv',
  title: { id: 'Survei Kepuasan Masyarakat (jawaban responden)', en: 'Citizen satisfaction survey (responses)' },
  fields: {
    id_responden: privat(text({ id: 'Nomor responden (tidak pernah dipublikasikan)', en: 'Respondent ID (never published)' })),
    kode_unit: code({ id: 'Kode unit yang disurvei', en: 'Surveyed unit' }, { references: 'unit' }),
    kode_layanan: optional(code({ id: 'Kode layanan yang disurvei', en: 'Surveyed service' })),
    tanggal: date({ id: 'Tanggal pengisian survei', en: 'Survey date' }),
    ...unsurFields,
    jenis_kelamin: optional(enumeration(JENIS_KELAMIN, { id: 'Jenis kelamin responden', en: 'Respondent sex' })),
    umur: optional(integer({ id: 'Umur responden (tahun)', en: 'Respondent age (years)' }, 15, 100)),
    pendidikan: optional(enumeration(PENDIDIKAN, { id: 'Pendidikan terakhir responden', en: 'Respondent education' })),
    pekerjaan: optional(enumeration(PEKERJAAN, { id: 'Pekerjaan responden', en: 'Respondent occupation' })),
    saran: privat(optional(text({ id: 'Saran bebas (tidak pernah dipublikasikan)', en: 'Free-text suggestion (never published)' }))),
  },
  unique: [['id_responden']],
  check(row) {
    const r = row as unknown as Record<Unsur, number | undefined>;
    for (const k of UNSUR_KEYS) if (r[k] !== undefined) return NO_PROBLEMS;
    return [
      {
        code: 'constraint-error',
        column: null,
        message: {
          id: 'kesembilan unsur kosong: baris survei tanpa satu pun jawaban tidak dapat dihitung. Isi jawabannya atau hapus barisnya.',
          en: 'all nine unsur are blank: a response with no answer cannot be counted. Fill in the answers or delete the row.',
        },
      },
    ];
  },
});
