import { code, date, enumeration, optional, privat, text } from '../fields.ts';
import { defineInput, type RowProblem } from '../input.ts';
import { KANAL, KATEGORI_PENGADUAN, STATUS_PENGADUAN } from '../enums.ts';

export const pengaduan = defineInput({
  file: 'pengaduan.csv',
  title: { id: 'Pengaduan masyarakat (privat per baris)', en: 'Complaints (private row by row)' },
  fields: {
    id_pengaduan: privat(text({ id: 'Nomor pengaduan (tidak pernah dipublikasikan)', en: 'Complaint ID (never published)' })),
    kode_unit: code({ id: 'Kode unit yang diadukan', en: 'Unit complained about' }, { references: 'unit' }),
    tanggal_masuk: date({ id: 'Tanggal pengaduan masuk', en: 'Date received' }),
    tanggal_selesai: optional(date({ id: 'Tanggal pengaduan selesai', en: 'Date resolved' })),
    kategori: enumeration(KATEGORI_PENGADUAN, { id: 'Kategori pengaduan', en: 'Complaint category' }),
    kanal: enumeration(KANAL, { id: 'Kanal pengaduan', en: 'Channel' }),
    status: enumeration(STATUS_PENGADUAN, { id: 'Status pengaduan', en: 'Status' }),
    uraian: privat(optional(text({ id: 'Uraian pengaduan (tidak pernah dipublikasikan)', en: 'Complaint text (never published)' }))),
  },
  unique: [['id_pengaduan']],
  check(row) {
    const problems: RowProblem[] = [];
    if (row.tanggal_selesai !== undefined && row.tanggal_selesai < row.tanggal_masuk) {
      problems.push({
        code: 'consistency-error',
        column: 'tanggal_selesai',
        message: {
          id: `tanggal_selesai (${row.tanggal_selesai}) sebelum tanggal_masuk (${row.tanggal_masuk}). Periksa urutan hari/bulan.`,
          en: `tanggal_selesai (${row.tanggal_selesai}) is before tanggal_masuk (${row.tanggal_masuk}). Check the day/month order.`,
        },
      });
    }
    if (row.status === 'selesai' && row.tanggal_selesai === undefined) {
      problems.push({
        code: 'consistency-error',
        column: 'tanggal_selesai',
        message: {
          id: 'status "selesai" memerlukan tanggal_selesai. Isi tanggal selesai atau ubah statusnya.',
          en: 'status "selesai" needs tanggal_selesai. Fill in the date or change the status.',
        },
      });
    }
    return problems;
  },
});
