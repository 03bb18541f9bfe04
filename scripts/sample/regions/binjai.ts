/**
 * Kota Binjai — semester appraisals with 360° scores, daily reports, competency training.
 *
 * Story: every semester (`2023-S1` … `2025-S2`) employees are appraised with a supervisor,
 * a self and a peer score — self scores run about 4 points above the supervisor's, peers
 * in between. Daily activity reports go from about 60 % compliance in early 2023 to about
 * 93 % at the end of 2025 (the hospital, with shift work, lags). Competency trainings run
 * across units, the education office included. Indicator realisations for report
 * compliance and the share of "baik or better" ratings come from the files themselves.
 * Plain dialect.
 */
import { PLAIN } from '../format.ts';
import { semestersOf, type Month } from '../calendar.ts';
import { NipFactory, generateAppraisals } from '../people.ts';
import { generateIku, generateLaporan, generatePelatihan, type IndicatorDef, type TrainingDef } from '../plans.ts';
import { SUMBER_SINTETIS, sekitar, unitRows, type RegionSpec, type UnitDef } from '../region.ts';
import { roundHalfUp } from '../../../src/derive/rounding.ts';
import { generateSurvey, type SurveyUnit } from '../survey.ts';

const UNITS: UnitDef[] = [
  { kode: 'SETDA', nama: 'Sekretariat Daerah Kota Binjai', jenis: 'sekretariat' },
  { kode: 'BKPSDM', nama: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', jenis: 'badan' },
  { kode: 'INSP', nama: 'Inspektorat', jenis: 'inspektorat' },
  { kode: 'DISDIK', nama: 'Dinas Pendidikan', jenis: 'dinas' },
  { kode: 'DINKES', nama: 'Dinas Kesehatan', jenis: 'dinas' },
  { kode: 'PKM-BJK', nama: 'Puskesmas Binjai Kota', jenis: 'puskesmas', induk: 'DINKES' },
  { kode: 'PKM-BJU', nama: 'Puskesmas Binjai Utara', jenis: 'puskesmas', induk: 'DINKES' },
  { kode: 'RSUD', nama: 'Rumah Sakit Umum Daerah Kota Binjai', jenis: 'rsud', induk: 'DINKES' },
  { kode: 'DUKCAPIL', nama: 'Dinas Kependudukan dan Pencatatan Sipil', jenis: 'dinas' },
  { kode: 'DPMPTSP', nama: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', jenis: 'dinas' },
  { kode: 'KEC-BJK', nama: 'Kecamatan Binjai Kota', jenis: 'kecamatan' },
  { kode: 'KEC-BJU', nama: 'Kecamatan Binjai Utara', jenis: 'kecamatan' },
  { kode: 'KEC-BJT', nama: 'Kecamatan Binjai Timur', jenis: 'kecamatan' },
];

const PERIODS = semestersOf().map((s) => s.key);

/** Appraised staff per semester (all groups of 10 or more). */
const STAFF: Record<string, number[]> = {
  SETDA: [30, 30, 31, 31, 32, 31],
  BKPSDM: [25, 25, 26, 26, 26, 27],
  INSP: [18, 18, 18, 19, 19, 19],
  DISDIK: [36, 36, 37, 36, 38, 38],
  DINKES: [22, 22, 22, 23, 23, 23],
  'PKM-BJK': [15, 15, 16, 16, 16, 16],
  'PKM-BJU': [13, 13, 13, 14, 14, 14],
  RSUD: [40, 41, 41, 42, 43, 43],
  DUKCAPIL: [24, 24, 25, 25, 25, 26],
  DPMPTSP: [19, 19, 19, 20, 20, 20],
  'KEC-BJK': [14, 14, 14, 15, 15, 15],
  'KEC-BJU': [12, 12, 12, 12, 13, 13],
  'KEC-BJT': [11, 11, 11, 11, 12, 12],
};

/** Binjai exports no layanan.csv: survey volumes are fixed per semester. */
const SURVEY: SurveyUnit[] = [
  { kode_unit: 'DUKCAPIL', ikm: 83, perTahun: 0.5, unsur: { biaya: 0.3, waktu: -0.15, sarana: -0.15 }, responden: sekitar(150) },
  { kode_unit: 'DPMPTSP', ikm: 81, perTahun: 1, unsur: { biaya: 0.2, prosedur: -0.2 }, responden: sekitar(100) },
  { kode_unit: 'PKM-BJK', ikm: 90, unsur: { biaya: 0.1, waktu: -0.1 }, responden: sekitar(95) },
  { kode_unit: 'PKM-BJU', ikm: 80, unsur: { biaya: 0.3, waktu: -0.2, sarana: -0.1 }, responden: sekitar(85) },
  { kode_unit: 'RSUD', ikm: 72, perTahun: 2, unsur: { waktu: -0.3, perilaku: 0.1, biaya: 0.2 }, responden: sekitar(160) },
  { kode_unit: 'KEC-BJK', ikm: 82, unsur: { biaya: 0.2 }, responden: sekitar(60) },
  { kode_unit: 'KEC-BJU', ikm: 79, unsur: { biaya: 0.2, sarana: -0.2 }, responden: sekitar(55) },
  { kode_unit: 'KEC-BJT', ikm: 71.5, unsur: { biaya: 0.2, waktu: -0.2 }, responden: sekitar(50) },
  { kode_unit: 'DISDIK', ikm: 80, unsur: { persyaratan: -0.15, biaya: 0.25 }, responden: sekitar(70) },
];

const ALL = UNITS.map((u) => u.kode);
const LAYANAN_DEPAN = ['DUKCAPIL', 'DPMPTSP', 'KEC-BJK', 'KEC-BJU', 'KEC-BJT', 'PKM-BJK', 'PKM-BJU', 'RSUD'];

const PELATIHAN: TrainingDef[] = [
  {
    nama: 'Bimbingan Teknis Penyusunan SKP dan Manajemen Kinerja',
    kategori: 'manajerial',
    jp: 16,
    units: ALL,
    tahun: [2023],
    peserta: [3, 10],
  },
  {
    nama: 'Pelatihan Kepemimpinan Pengawas',
    kategori: 'manajerial',
    jp: 160,
    units: ['SETDA', 'DISDIK', 'DINKES', 'DUKCAPIL', 'RSUD'],
    tahun: [2023, 2024, 2025],
    peserta: [1, 3],
  },
  {
    nama: 'Pelatihan Kepemimpinan Administrator',
    kategori: 'manajerial',
    jp: 180,
    units: ['SETDA', 'BKPSDM', 'DISDIK'],
    tahun: [2024],
    peserta: [1, 2],
  },
  {
    nama: 'Pelatihan Pembelajaran Berdiferensiasi bagi Guru',
    kategori: 'fungsional',
    jp: 32,
    units: ['DISDIK'],
    tahun: [2023, 2024, 2025],
    peserta: [20, 45],
  },
  {
    nama: 'Pelatihan Jabatan Fungsional Analis SDM Aparatur',
    kategori: 'fungsional',
    jp: 60,
    units: ['BKPSDM'],
    tahun: [2024, 2025],
    peserta: [2, 5],
  },
  {
    nama: 'Pelatihan Literasi Digital dan Keamanan Data bagi ASN',
    kategori: 'teknologi_informasi',
    jp: 12,
    units: ALL,
    tahun: [2024],
    peserta: [4, 12],
  },
  { nama: 'Pelatihan Pelayanan Prima', kategori: 'pelayanan_publik', jp: 16, units: LAYANAN_DEPAN, tahun: [2024, 2025], peserta: [3, 10] },
  {
    nama: 'Pelatihan Teknis Pengadaan Barang/Jasa Pemerintah',
    kategori: 'teknis',
    jp: 32,
    units: ['SETDA', 'DISDIK', 'DINKES', 'RSUD'],
    tahun: [2023, 2025],
    peserta: [1, 4],
  },
];

/** Compliance climbs from ~60 % (January 2023) to ~93 % (December 2025). */
function kepatuhan(m: Month, unit: string): number {
  const t = (m.tahun - 2023) * 12 + m.bulan - 1; // 0 … 35
  const shift = unit === 'BKPSDM' ? 0.05 : unit === 'RSUD' ? -0.06 : 0;
  return Math.min(0.99, 0.6 + (0.33 * t) / 35 + shift);
}

const KINERJA = { program: 'Program Kepegawaian Daerah', sasaran: 'Meningkatnya kinerja dan disiplin ASN' };

function indicators(compliance: (t: number) => number | undefined, baik: (t: number) => number | undefined): IndicatorDef[] {
  const years = (targets: [number, number, number], realised: (t: number) => number | undefined) =>
    Object.fromEntries(targets.map((target, i) => [2023 + i, [target, realised(2023 + i) ?? null] as const]));
  return [
    {
      kode_unit: 'BKPSDM',
      kode: 'IP-ASN',
      nama: 'Indeks Profesionalitas ASN',
      satuan: 'indeks',
      arah: 'naik',
      ...KINERJA,
      nilai: { 2023: [70, 68.4], 2024: [73, 72.9], 2025: [76, 77.2] },
    },
    {
      kode_unit: 'BKPSDM',
      kode: 'LKH',
      nama: 'Kepatuhan pengisian laporan kegiatan harian',
      satuan: '%',
      arah: 'naik',
      ...KINERJA,
      nilai: years([70, 80, 90], compliance),
    },
    {
      kode_unit: 'BKPSDM',
      kode: 'PREDIKAT-BAIK',
      nama: 'Persentase penilaian kinerja berpredikat Baik atau Sangat Baik',
      satuan: '%',
      arah: 'naik',
      ...KINERJA,
      nilai: years([85, 87, 90], baik),
    },
    {
      kode_unit: 'DISDIK',
      kode: 'AKREDITASI',
      nama: 'Persentase sekolah terakreditasi minimal B',
      satuan: '%',
      arah: 'naik',
      program: 'Program Pengelolaan Pendidikan',
      sasaran: 'Meningkatnya mutu pendidikan',
      nilai: { 2023: [80, 78.5], 2024: [83, 84.2], 2025: [86, null] },
    },
    {
      kode_unit: 'DISDIK',
      kode: 'APTS-SMP',
      nama: 'Angka putus sekolah SMP',
      satuan: '%',
      arah: 'turun',
      program: 'Program Pengelolaan Pendidikan',
      sasaran: 'Meningkatnya akses pendidikan',
      nilai: { 2023: [0.9, 1.1], 2024: [0.8, 0.7], 2025: [0.7, null] },
    },
    {
      kode_unit: 'DUKCAPIL',
      kode: 'KIA',
      nama: 'Persentase anak yang memiliki Kartu Identitas Anak',
      satuan: '%',
      arah: 'naik',
      program: 'Program Pendaftaran Penduduk',
      sasaran: 'Meningkatnya cakupan dokumen kependudukan',
      nilai: { 2023: [40, 35.2], 2024: [50, 52.7], 2025: [60, 58.3] },
    },
    {
      kode_unit: 'RSUD',
      kode: 'WTRJ',
      nama: 'Rata-rata waktu tunggu rawat jalan',
      satuan: 'menit',
      arah: 'turun',
      program: 'Program Pemenuhan Upaya Kesehatan Perorangan',
      sasaran: 'Meningkatnya mutu layanan rumah sakit',
      nilai: { 2023: [60, 70], 2024: [50, 58], 2025: [45, 44] },
    },
  ];
}

export const binjai: RegionSpec = {
  kode: 'binjai',
  wilayah: {
    nama: 'Kota Binjai',
    provinsi: 'Sumatera Utara',
    sumber: SUMBER_SINTETIS,
    tanggal_ekspor: '2026-01-16',
    lisensi: 'CC-BY-4.0',
    kontak: 'bkpsdm@binjai.example.go.id',
  },
  dialek: 'Plain: comma, `.` decimals, ISO dates, LF; enumeration codes (`di_atas`, `baik`).',
  cerita: [
    'Semester appraisals (`2023-S1` … `2025-S2`) with supervisor, self and peer scores: self ≈ supervisor + 4, peers ≈ supervisor + 2; predikat filled.',
    'Daily activity reports: compliance climbs from ≈ 60 % (January 2023) to ≈ 93 % (December 2025); the hospital lags, BKPSDM leads.',
    'Competency trainings across units: leadership, SKP, differentiated teaching for Dinas Pendidikan teachers, procurement, digital literacy.',
    'The BKPSDM indicators `LKH` (report compliance) and `PREDIKAT-BAIK` take their realisations from laporan_harian.csv and kinerja_pegawai.csv.',
    'Survey: Puskesmas Binjai Kota ≈ A, RSUD and Kecamatan Binjai Timur C (RSUD improving), the rest B. No layanan.csv, so no sample minimum applies.',
  ],
  async build(ctx) {
    await ctx.wilayah(this.wilayah);
    await ctx.write('unit', PLAIN, unitRows(UNITS, 'kode', ctx.rng('unit')));
    const appraisals = generateAppraisals(
      {
        periods: PERIODS,
        staff: STAFF,
        scores: { atasan: true, diri: true, rekan: true, decimals: 2 },
        predikat: 'isi',
        spelling: 'kode',
        shareNamed: 0,
      },
      ctx.rng('kinerja'),
      new NipFactory(ctx.rng('nip')),
    );
    await ctx.write('kinerja_pegawai', PLAIN, appraisals);
    await ctx.write(
      'skm',
      PLAIN,
      generateSurvey(SURVEY, { spelling: 'kode', idPrefix: 'BNJ', blankAnswer: 0.01, saran: 0.04 }, ctx.rng('skm')),
    );

    // Employees obliged to report = the semester's appraised headcount.
    const pegawai = Object.fromEntries(
      Object.entries(STAFF).map(([unit, counts]) => [unit, (m: Month) => counts[(m.tahun - 2023) * 2 + (m.bulan <= 6 ? 0 : 1)]]),
    );
    const laporan = generateLaporan({ pegawai, kepatuhan }, ctx.rng('laporan'));
    await ctx.write('laporan_harian', PLAIN, laporan);
    await ctx.write('pelatihan', PLAIN, generatePelatihan(PELATIHAN, 'kode', ctx.rng('pelatihan')));

    // Pooled over the year, so kepatuhanLaporan's per-row signature does not fit; its rounding does.
    const compliance = (t: number) => {
      const rows = laporan.filter((r) => r.tahun === t);
      const possible = rows.reduce((s, r) => s + Number(r.pegawai) * Number(r.hari_kerja), 0);
      return possible > 0 ? roundHalfUp((rows.reduce((s, r) => s + Number(r.laporan), 0) / possible) * 100, 2) : undefined;
    };
    const baik = (t: number) => {
      const rows = appraisals.filter((r) => String(r.periode).startsWith(String(t)));
      const good = rows.filter((r) => r.predikat === 'baik' || r.predikat === 'sangat_baik').length;
      return rows.length > 0 ? roundHalfUp((good / rows.length) * 100, 2) : undefined;
    };
    await ctx.write('iku', PLAIN, generateIku(indicators(compliance, baik), 'kode', ctx.rng('iku')));
  },
};
