/**
 * Kota Jayapura — education and health programmes.
 *
 * Story: the education office works to keep children in school in remote districts (Muara
 * Tami) and the health office pushes complete basic immunisation, with the remote
 * Puskesmas Skouw furthest behind; stunting prevalence (a "turun" indicator) falls. 2025
 * realisations are partly not reported yet. Administrative staff get IT training (the
 * electronic correspondence system, spreadsheets, Dapodik). Puskesmas Skouw has fewer than
 * 10 appraised staff, so its appraisal group is hidden on the site.
 * Plain dialect: comma, ISO dates, `.` decimals, LF.
 */
import { PLAIN } from '../format.ts';
import { NipFactory, generateAppraisals } from '../people.ts';
import { generateIku, generatePelatihan, type IndicatorDef, type TrainingDef } from '../plans.ts';
import { SUMBER_SINTETIS, sekitar, unitRows, type RegionSpec, type UnitDef } from '../region.ts';
import { generateSurvey, type SurveyUnit } from '../survey.ts';

const UNITS: UnitDef[] = [
  { kode: 'SETDA', nama: 'Sekretariat Daerah Kota Jayapura', jenis: 'sekretariat' },
  { kode: 'BKPSDM', nama: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', jenis: 'badan' },
  { kode: 'DISKOMINFO', nama: 'Dinas Komunikasi dan Informatika', jenis: 'dinas' },
  { kode: 'DISDIK', nama: 'Dinas Pendidikan', jenis: 'dinas' },
  { kode: 'SATAP-MTA', nama: 'Sekolah Satu Atap Distrik Muara Tami', jenis: 'sekolah', induk: 'DISDIK' },
  { kode: 'SMP-MTA', nama: 'SMP Negeri Distrik Muara Tami', jenis: 'sekolah', induk: 'DISDIK' },
  { kode: 'DINKES', nama: 'Dinas Kesehatan', jenis: 'dinas' },
  { kode: 'PKM-ABE', nama: 'Puskesmas Abepura', jenis: 'puskesmas', induk: 'DINKES' },
  { kode: 'PKM-HAM', nama: 'Puskesmas Hamadi', jenis: 'puskesmas', induk: 'DINKES' },
  { kode: 'PKM-KYB', nama: 'Puskesmas Koya Barat', jenis: 'puskesmas', induk: 'DINKES' },
  { kode: 'PKM-SKW', nama: 'Puskesmas Skouw', jenis: 'puskesmas', induk: 'DINKES' },
  { kode: 'RSUD', nama: 'Rumah Sakit Umum Daerah Kota Jayapura', jenis: 'rsud', induk: 'DINKES' },
  { kode: 'DST-MTA', nama: 'Distrik Muara Tami', jenis: 'kecamatan' },
  { kode: 'DST-ABE', nama: 'Distrik Abepura', jenis: 'kecamatan' },
];

const PERIODS = ['2023', '2024', '2025'];

/** Appraised staff per year. PKM-SKW (remote) stays below the privacy threshold of 10. */
const STAFF: Record<string, number[]> = {
  SETDA: [28, 27, 29],
  BKPSDM: [18, 19, 19],
  DISKOMINFO: [14, 15, 15],
  DISDIK: [34, 33, 35],
  'SATAP-MTA': [11, 12, 12],
  'SMP-MTA': [13, 13, 14],
  DINKES: [26, 27, 26],
  'PKM-ABE': [17, 18, 18],
  'PKM-HAM': [15, 15, 16],
  'PKM-KYB': [12, 12, 13],
  'PKM-SKW': [8, 9, 9],
  RSUD: [45, 47, 48],
  'DST-MTA': [11, 11, 10],
  'DST-ABE': [14, 13, 14],
};

/**
 * Surveyed units: expected IKM (A ≈ 90, B ≈ 80, C ≈ 70), yearly change, weak unsur, and
 * responses per semester. Jayapura exports no layanan.csv, so no sample minimum applies.
 */
const SURVEY: SurveyUnit[] = [
  { kode_unit: 'PKM-ABE', ikm: 82, perTahun: 1, unsur: { waktu: -0.2, biaya: 0.3, sarana: -0.1 }, responden: sekitar(150) },
  { kode_unit: 'PKM-HAM', ikm: 80, perTahun: 0.5, unsur: { waktu: -0.2, biaya: 0.3 }, responden: sekitar(130) },
  { kode_unit: 'PKM-KYB', ikm: 77, perTahun: 2, unsur: { waktu: -0.1, biaya: 0.2, sarana: -0.1 }, responden: sekitar(110) },
  { kode_unit: 'PKM-SKW', ikm: 69, perTahun: 2, unsur: { sarana: -0.35, kompetensi: 0.1, biaya: 0.25 }, responden: sekitar(60) },
  { kode_unit: 'RSUD', ikm: 78, perTahun: 1, unsur: { waktu: -0.3, prosedur: -0.1, biaya: 0.2, perilaku: 0.2 }, responden: sekitar(210) },
  { kode_unit: 'DISDIK', ikm: 81, unsur: { persyaratan: -0.1, pengaduan: -0.1, biaya: 0.2 }, responden: sekitar(90) },
  { kode_unit: 'DST-MTA', ikm: 71, perTahun: 1, unsur: { sarana: -0.25, biaya: 0.25 }, responden: sekitar(50) },
  { kode_unit: 'DST-ABE', ikm: 90.5, unsur: { waktu: -0.1, biaya: 0.1 }, responden: sekitar(90) },
];

const PENDIDIKAN = { program: 'Program Pengelolaan Pendidikan', sasaran: 'Meningkatnya akses dan mutu pendidikan di distrik terpencil' };
const KESEHATAN = {
  program: 'Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat',
  sasaran: 'Meningkatnya derajat kesehatan ibu dan anak',
};
const imunisasi = (kode_unit: string, nilai: IndicatorDef['nilai']): IndicatorDef => ({
  kode_unit,
  kode: 'IDL',
  nama: 'Cakupan imunisasi dasar lengkap',
  satuan: '%',
  arah: 'naik',
  ...KESEHATAN,
  nilai,
});

/** Targets and realisations: [target, realisasi]; null = not reported yet. */
const IKU: IndicatorDef[] = [
  {
    kode_unit: 'DISDIK',
    kode: 'APS-DT',
    nama: 'Angka Partisipasi Sekolah distrik terpencil (7–15 tahun)',
    satuan: '%',
    arah: 'naik',
    ...PENDIDIKAN,
    nilai: { 2023: [82, 79.4], 2024: [84, 83.1], 2025: [86, null] },
  },
  {
    kode_unit: 'DISDIK',
    kode: 'APTS',
    nama: 'Angka putus sekolah SD dan SMP',
    satuan: '%',
    arah: 'turun',
    ...PENDIDIKAN,
    nilai: { 2023: [1.8, 2.1], 2024: [1.6, 1.55], 2025: [1.4, null] },
  },
  {
    kode_unit: 'DISDIK',
    kode: 'GURU-DT',
    nama: 'Guru yang bertugas di distrik terpencil',
    satuan: 'orang',
    arah: 'naik',
    ...PENDIDIKAN,
    nilai: { 2023: [120, 112], 2024: [130, 127], 2025: [140, 136] },
  },
  {
    kode_unit: 'SATAP-MTA',
    kode: 'APS-SATAP',
    nama: 'Angka Partisipasi Sekolah di wilayah layanan sekolah',
    satuan: '%',
    arah: 'naik',
    ...PENDIDIKAN,
    nilai: { 2023: [80, 74.5], 2024: [82, 80.2], 2025: [85, null] },
  },
  imunisasi('DINKES', { 2023: [90, 78.6], 2024: [92, 85.3], 2025: [95, 91.2] }),
  {
    kode_unit: 'DINKES',
    kode: 'STUNTING',
    nama: 'Prevalensi stunting balita',
    satuan: '%',
    arah: 'turun',
    ...KESEHATAN,
    nilai: { 2023: [24, 25.1], 2024: [21, 22.4], 2025: [18, null] },
  },
  imunisasi('PKM-ABE', { 2023: [90, 88.2], 2024: [92, 93], 2025: [95, 94.1] }),
  imunisasi('PKM-HAM', { 2023: [90, 84.5], 2024: [92, 89.7], 2025: [95, null] }),
  imunisasi('PKM-KYB', { 2023: [90, 76], 2024: [92, 83.4], 2025: [95, 88.9] }),
  imunisasi('PKM-SKW', { 2023: [90, 61.3], 2024: [92, 70.8], 2025: [95, null] }),
  {
    kode_unit: 'RSUD',
    kode: 'WTRJ',
    nama: 'Rata-rata waktu tunggu rawat jalan',
    satuan: 'menit',
    arah: 'turun',
    program: 'Program Pemenuhan Upaya Kesehatan Perorangan dan Upaya Kesehatan Masyarakat',
    sasaran: 'Meningkatnya mutu layanan rumah sakit',
    nilai: { 2023: [60, 72], 2024: [50, 55], 2025: [45, 48] },
  },
  {
    kode_unit: 'BKPSDM',
    kode: 'ASN-20JP',
    nama: 'Persentase ASN yang mengikuti pengembangan kompetensi minimal 20 JP',
    satuan: '%',
    arah: 'naik',
    program: 'Program Kepegawaian Daerah',
    sasaran: 'Meningkatnya kompetensi ASN sesuai kebutuhan organisasi',
    nilai: { 2023: [60, 54.2], 2024: [70, 71.5], 2025: [80, 78.9] },
  },
  {
    kode_unit: 'DISKOMINFO',
    kode: 'TNDE',
    nama: 'Persentase perangkat daerah yang menggunakan naskah dinas elektronik',
    satuan: '%',
    arah: 'naik',
    program: 'Program Aplikasi Informatika',
    sasaran: 'Terwujudnya tata kelola pemerintahan berbasis elektronik',
    nilai: { 2023: [50, 46], 2024: [75, 80], 2025: [100, 92] },
  },
];

const ADMIN_UNITS = ['SETDA', 'BKPSDM', 'DISDIK', 'DINKES', 'DST-MTA', 'DST-ABE'];
const PUSKESMAS = ['PKM-ABE', 'PKM-HAM', 'PKM-KYB', 'PKM-SKW'];

const PELATIHAN: TrainingDef[] = [
  {
    nama: 'Pelatihan Aplikasi Naskah Dinas Elektronik bagi Tenaga Administrasi',
    kategori: 'teknologi_informasi',
    jp: 16,
    units: ADMIN_UNITS,
    tahun: [2023, 2024],
    peserta: [4, 12],
  },
  {
    nama: 'Pelatihan Pengolahan Data dengan Lembar Kerja (Spreadsheet) Tingkat Lanjut',
    kategori: 'teknologi_informasi',
    jp: 24,
    units: ['DISDIK', 'DINKES', ...PUSKESMAS],
    tahun: [2024, 2025],
    peserta: [2, 8],
  },
  {
    nama: 'Pelatihan Pengelolaan Data Pokok Pendidikan (Dapodik)',
    kategori: 'teknologi_informasi',
    jp: 20,
    units: ['DISDIK', 'SATAP-MTA', 'SMP-MTA'],
    tahun: [2023, 2025],
    peserta: [3, 10],
  },
  {
    nama: 'Pelatihan Keamanan Informasi Dasar bagi ASN',
    kategori: 'teknologi_informasi',
    jp: 12,
    units: ['DISKOMINFO', 'SETDA', 'BKPSDM'],
    tahun: [2025],
    peserta: [5, 15],
  },
  {
    nama: 'Pelatihan Imunisasi bagi Vaksinator Puskesmas',
    kategori: 'teknis',
    jp: 30,
    units: PUSKESMAS,
    tahun: [2023, 2024, 2025],
    peserta: [3, 8],
  },
  {
    nama: 'Pelatihan Pelayanan Prima',
    kategori: 'pelayanan_publik',
    jp: 16,
    units: ['RSUD', ...PUSKESMAS, 'DST-MTA', 'DST-ABE'],
    tahun: [2024],
    peserta: [4, 12],
  },
  {
    nama: 'Pelatihan Kepemimpinan Pengawas',
    kategori: 'manajerial',
    jp: 160,
    units: ['SETDA', 'DISDIK', 'DINKES'],
    tahun: [2023, 2025],
    peserta: [1, 3],
  },
  {
    nama: 'Pelatihan Pembelajaran Kelas Rangkap untuk Sekolah Terpencil',
    kategori: 'fungsional',
    jp: 32,
    units: ['SATAP-MTA', 'SMP-MTA', 'DISDIK'],
    tahun: [2024, 2025],
    peserta: [4, 12],
  },
];

export const jayapura: RegionSpec = {
  kode: 'jayapura',
  wilayah: {
    nama: 'Kota Jayapura',
    provinsi: 'Papua',
    sumber: SUMBER_SINTETIS,
    tanggal_ekspor: '2026-01-15',
    lisensi: 'CC-BY-4.0',
    kontak: 'bkpsdm@jayapura.example.go.id',
  },
  dialek: 'Plain: comma, `.` decimals, ISO dates (`2025-03-14`), LF, no BOM.',
  cerita: [
    'Dinas Pendidikan raises school participation in remote districts (`APS-DT`, Angka Partisipasi Sekolah distrik terpencil) and lowers the drop-out rate (`APTS`, arah `turun`).',
    'Dinas Kesehatan and four puskesmas push complete basic immunisation (`IDL`); remote Puskesmas Skouw lags furthest (61 % in 2023); stunting prevalence (`STUNTING`, arah `turun`) falls.',
    'Several 2025 realisations are blank: not reported yet.',
    'Administrative staff take IT training (electronic correspondence, spreadsheets, Dapodik, information security: kategori `teknologi_informasi`).',
    'Puskesmas Skouw appraises 8–9 employees a year, below the privacy threshold of 10; every other unit has 10 or more.',
    'Survey quality differs: Distrik Abepura ≈ A (≈ 90), most units B (≈ 80), Puskesmas Skouw and Distrik Muara Tami C (≈ 70) with weak facilities (`sarana`). No layanan.csv, so no sample minimum applies.',
  ],
  async build(ctx) {
    await ctx.wilayah(this.wilayah);
    await ctx.write('unit', PLAIN, unitRows(UNITS, 'kode', ctx.rng('unit')));
    const appraisals = generateAppraisals(
      {
        periods: PERIODS,
        staff: STAFF,
        scores: { atasan: true, diri: false, rekan: false, decimals: 0 },
        predikat: 'kosong',
        spelling: 'kode',
        shareNamed: 0.05,
      },
      ctx.rng('kinerja'),
      new NipFactory(ctx.rng('nip')),
    );
    await ctx.write('kinerja_pegawai', PLAIN, appraisals);
    await ctx.write(
      'skm',
      PLAIN,
      generateSurvey(SURVEY, { spelling: 'kode', idPrefix: 'JPR', blankAnswer: 0.01, saran: 0.04 }, ctx.rng('skm')),
    );
    await ctx.write('iku', PLAIN, generateIku(IKU, 'kode', ctx.rng('iku')));
    await ctx.write('pelatihan', PLAIN, generatePelatihan(PELATIHAN, 'kode', ctx.rng('pelatihan')));
  },
};
