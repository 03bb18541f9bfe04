/** Enumerations of the export contract (§3), with the long labels accepted on input. */
import { opt } from './fields.ts';

export const JENIS_UNIT = [
  opt('dinas', 'Dinas', 'Agency'),
  opt('badan', 'Badan', 'Board'),
  opt('sekretariat', 'Sekretariat', 'Secretariat'),
  opt('inspektorat', 'Inspektorat', 'Inspectorate'),
  opt('kecamatan', 'Kecamatan', 'District'),
  opt('kelurahan', 'Kelurahan', 'Urban village'),
  opt('puskesmas', 'Puskesmas', 'Community health centre'),
  opt('rsud', 'RSUD', 'Regional hospital'),
  opt('sekolah', 'Sekolah', 'School'),
  opt('lainnya', 'Lainnya', 'Other'),
] as const;

export const EKSPEKTASI = [
  opt('di_atas', 'Di Atas Ekspektasi', 'Above expectations'),
  opt('sesuai', 'Sesuai Ekspektasi', 'Meets expectations'),
  opt('di_bawah', 'Di Bawah Ekspektasi', 'Below expectations'),
] as const;

export const PREDIKAT = [
  opt('sangat_baik', 'Sangat Baik', 'Outstanding'),
  opt('baik', 'Baik', 'Good'),
  opt('butuh_perbaikan', 'Butuh Perbaikan', 'Needs improvement'),
  opt('kurang', 'Kurang', 'Poor'),
  opt('sangat_kurang', 'Sangat Kurang', 'Very poor'),
] as const;
export type Predikat = (typeof PREDIKAT)[number]['value'];

export const JENIS_KELAMIN = [opt('l', 'Laki-laki', 'Male'), opt('p', 'Perempuan', 'Female')] as const;

export const PENDIDIKAN = [
  opt('sd', 'SD', 'Primary school'),
  opt('smp', 'SMP', 'Junior secondary'),
  opt('sma', 'SMA', 'Senior secondary'),
  opt('d1-d3', 'D1–D3', 'Diploma 1–3'),
  opt('d4-s1', 'D4/S1', 'Diploma 4 / Bachelor'),
  opt('s2', 'S2', 'Master'),
  opt('s3', 'S3', 'Doctorate'),
] as const;

export const PEKERJAAN = [
  opt('pns', 'PNS', 'Civil servant'),
  opt('tni', 'TNI', 'Armed forces'),
  opt('polri', 'Polri', 'Police'),
  opt('swasta', 'Pegawai Swasta', 'Private employee'),
  opt('wirausaha', 'Wirausaha', 'Self-employed'),
  opt('pelajar', 'Pelajar/Mahasiswa', 'Student'),
  opt('lainnya', 'Lainnya', 'Other'),
] as const;

export const ARAH = [
  opt('naik', 'Naik (makin tinggi makin baik)', 'Up (higher is better)'),
  opt('turun', 'Turun (makin rendah makin baik)', 'Down (lower is better)'),
] as const;

export const KATEGORI_PENGADUAN = [
  opt('persyaratan', 'Persyaratan', 'Requirements'),
  opt('prosedur', 'Prosedur', 'Procedure'),
  opt('waktu', 'Waktu', 'Time'),
  opt('biaya', 'Biaya', 'Cost'),
  opt('perilaku_petugas', 'Perilaku Petugas', 'Staff behaviour'),
  opt('sarana', 'Sarana', 'Facilities'),
  opt('informasi', 'Informasi', 'Information'),
  opt('lainnya', 'Lainnya', 'Other'),
] as const;

export const KANAL = [
  opt('lapor', 'LAPOR!', 'LAPOR! (national complaint system)'),
  opt('aplikasi', 'Aplikasi', 'App'),
  opt('whatsapp', 'WhatsApp', 'WhatsApp'),
  opt('langsung', 'Langsung', 'In person'),
  opt('surat', 'Surat', 'Letter'),
  opt('media_sosial', 'Media Sosial', 'Social media'),
  opt('lainnya', 'Lainnya', 'Other'),
] as const;

export const STATUS_PENGADUAN = [
  opt('baru', 'Baru', 'New'),
  opt('diproses', 'Diproses', 'In progress'),
  opt('selesai', 'Selesai', 'Resolved'),
  opt('ditolak', 'Ditolak', 'Rejected'),
] as const;

export const KATEGORI_PELATIHAN = [
  opt('teknologi_informasi', 'Teknologi Informasi', 'Information technology'),
  opt('pelayanan_publik', 'Pelayanan Publik', 'Public service'),
  opt('manajerial', 'Manajerial', 'Managerial'),
  opt('teknis', 'Teknis', 'Technical'),
  opt('fungsional', 'Fungsional', 'Functional'),
  opt('lainnya', 'Lainnya', 'Other'),
] as const;

/** The nine unsur of the SKM (PermenPAN-RB 14/2017), in the regulation's order. */
export const UNSUR = [
  opt('persyaratan', 'Persyaratan', 'Requirements'),
  opt('prosedur', 'Sistem, mekanisme, dan prosedur', 'Systems, mechanisms and procedures'),
  opt('waktu', 'Waktu penyelesaian', 'Completion time'),
  opt('biaya', 'Biaya/tarif', 'Cost/fee'),
  opt('produk', 'Produk spesifikasi jenis pelayanan', 'Service product'),
  opt('kompetensi', 'Kompetensi pelaksana', 'Staff competence'),
  opt('perilaku', 'Perilaku pelaksana', 'Staff behaviour'),
  opt('pengaduan', 'Penanganan pengaduan, saran dan masukan', 'Handling of complaints and suggestions'),
  opt('sarana', 'Sarana dan prasarana', 'Facilities and infrastructure'),
] as const;
export type Unsur = (typeof UNSUR)[number]['value'];
export const UNSUR_KEYS = UNSUR.map((u) => u.value) as readonly Unsur[];

export const MUTU = [
  opt('A', 'Sangat Baik', 'Very good'),
  opt('B', 'Baik', 'Good'),
  opt('C', 'Kurang Baik', 'Fair'),
  opt('D', 'Tidak Baik', 'Poor'),
] as const;

export const KATEGORI_CAPAIAN = [
  opt('sangat_tinggi', 'Sangat Tinggi', 'Very high'),
  opt('tinggi', 'Tinggi', 'High'),
  opt('sedang', 'Sedang', 'Medium'),
  opt('rendah', 'Rendah', 'Low'),
  opt('sangat_rendah', 'Sangat Rendah', 'Very low'),
] as const;

/** Whether an indicator met its target (capaian_iku.tercapai; derive/capaian.ts targetMet). */
export const TERCAPAI = [opt('ya', 'Tercapai', 'Met'), opt('tidak', 'Tidak tercapai', 'Missed')] as const;

/** An indicator against its previous year (capaian_iku.dibanding_tahun_lalu; derive/capaian.ts trendOf). */
export const TREN = [
  opt('membaik', 'Membaik', 'Improved'),
  opt('tetap', 'Tetap', 'Held steady'),
  opt('memburuk', 'Memburuk', 'Worsened'),
] as const;

/**
 * Published age bands of skm_responden: the contract's ten-year bands (<20, 20–29 … ≥60) merged
 * in pairs, the k-anonymity coarsening of §5 (version 1.1).
 */
export const KELOMPOK_UMUR = ['<30', '30-49', '≥50'] as const;

/** Published education groups of skm_responden: PENDIDIKAN in three levels (k-anonymity, §5). */
export const KELOMPOK_PENDIDIKAN = [
  opt('sd-sma', 'SD–SMA', 'Primary to senior secondary'),
  opt('d1-s1', 'D1–D4/S1', 'Diploma or bachelor'),
  opt('s2-s3', 'S2–S3', 'Postgraduate'),
] as const;

export const ALASAN_DISEMBUNYIKAN = [
  opt('kelompok_kecil', 'Kelompok kecil (di bawah ambang)', 'Small group (below threshold)'),
  opt('sel_kecil', 'Sel kecil disembunyikan', 'Small cells hidden'),
  opt('pembeda', 'Disembunyikan agar tidak dapat dihitung dari selisih', 'Hidden to prevent differencing'),
] as const;
