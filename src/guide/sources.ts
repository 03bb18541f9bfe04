/**
 * Which kind of application each input file is exported from, as /panduan/ tells a data officer.
 * Keyed by the contract's file names (test/unit/guide.test.ts checks them against INPUTS).
 */
import type { Bilingual } from '../contract/fields.ts';

export const SOURCES: Record<string, Bilingual> = {
  'unit.csv': {
    id: 'Daftar perangkat daerah dan unit kerja dari SIMPEG atau susunan organisasi (SOTK); sering diketik sekali dan jarang berubah. Kode unitnya dipakai semua berkas lain.',
    en: 'The list of agencies and work units from the staff information system (SIMPEG) or the organisation chart (SOTK); often typed once and rarely changed. Its unit codes are used by every other file.',
  },
  'kinerja_pegawai.csv': {
    id: 'Aplikasi e-Kinerja (SKP): hasil penilaian kinerja per pegawai dan periode. Privat: hanya jumlah per kelompok yang diterbitkan.',
    en: 'The e-Kinerja application (SKP): appraisal results per employee and period. Private: only counts per group are published.',
  },
  'skm.csv': {
    id: 'Aplikasi atau formulir Survei Kepuasan Masyarakat (SKM): satu baris per responden, sembilan unsur bernilai 1–4.',
    en: 'The citizen satisfaction survey (SKM) application or form: one row per respondent, nine elements scored 1–4.',
  },
  'iku.csv': {
    id: 'Dokumen atau aplikasi perencanaan dan pelaporan kinerja (Renstra, Perjanjian Kinerja, e-SAKIP): target dan realisasi indikator per unit dan tahun.',
    en: 'Performance planning and reporting documents or applications (Renstra, performance agreements, e-SAKIP): indicator targets and realisation per unit and year.',
  },
  'layanan.csv': {
    id: 'Aplikasi layanan atau perizinan unit (antrean, permohonan): permohonan masuk, selesai dan tepat waktu per layanan dan bulan.',
    en: "The unit's service or licensing application (queues, applications): applications received, completed and on time per service and month.",
  },
  'pengaduan.csv': {
    id: 'Aplikasi pengaduan (SP4N-LAPOR! atau kanal daerah sendiri): satu baris per pengaduan. Uraian pengaduan tidak pernah diterbitkan.',
    en: "The complaint application (SP4N-LAPOR! or the region's own channel): one row per complaint. Complaint texts are never published.",
  },
  'pelatihan.csv': {
    id: 'Aplikasi kepegawaian atau pengembangan kompetensi: pelatihan per unit dan tahun, jumlah peserta dan jam pelajaran.',
    en: 'The staff or competency development application: trainings per unit and year, participants and training hours.',
  },
  'laporan_harian.csv': {
    id: 'Aplikasi e-Kinerja (laporan kegiatan harian): per unit dan bulan, pegawai wajib lapor, hari kerja dan laporan diterima.',
    en: 'The e-Kinerja application (daily activity reports): per unit and month, employees obliged to report, working days and reports received.',
  },
};
