/**
 * Kabupaten Manokwari — permit processing before and after a reform.
 *
 * Story: in July 2024 the one-stop permit office (DPMPTSP) reforms its permits (new SOP,
 * online applications, a single front desk). Over July–September 2024 the on-time share of
 * permits rises from about 55 % to about 90 %, mean processing days fall from 1.3× to 0.65×
 * the service standard, applications grow by a fifth, the median complaint takes about 6
 * days instead of about 18, and the survey's `waktu` and `prosedur` answers improve. The
 * reform's indicators (iku) take their realisations from these files. Appraisals are
 * quarterly (`2024-Q3`); Distrik Manokwari Barat has 9 appraised staff, the only hidden
 * group of each quarter. Dukcapil collects fewer survey responses than the minimum.
 * Plain dialect, except layanan.csv, which is TAB-delimited.
 */
import type { Unsur } from '../../../src/contract/enums.ts';
import { PLAIN, PLAIN_TAB } from '../format.ts';
import { yearFraction, type Month } from '../calendar.ts';
import { NipFactory, generateAppraisals } from '../people.ts';
import { generateIku, type IndicatorDef } from '../plans.ts';
import { SUMBER_SINTETIS, sekitar, tetap, unitRows, type RegionSpec, type UnitDef } from '../region.ts';
import { clamp } from '../random.ts';
import {
  generateLayanan,
  generatePengaduan,
  ketepatanOf,
  medianResolutionDays,
  permohonanPerSemester,
  type ComplaintPlan,
  type ServiceDef,
  type ServicePoint,
} from '../services.ts';
import { coverMinimum, generateSurvey, ikmOf, type SurveyUnit } from '../survey.ts';

const UNITS: UnitDef[] = [
  { kode: 'SETDA', nama: 'Sekretariat Daerah Kabupaten Manokwari', jenis: 'sekretariat' },
  { kode: 'INSP', nama: 'Inspektorat Daerah', jenis: 'inspektorat' },
  { kode: 'BKPSDM', nama: 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia', jenis: 'badan' },
  { kode: 'DPMPTSP', nama: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu', jenis: 'dinas' },
  { kode: 'DPUPR', nama: 'Dinas Pekerjaan Umum dan Penataan Ruang', jenis: 'dinas' },
  { kode: 'DUKCAPIL', nama: 'Dinas Kependudukan dan Pencatatan Sipil', jenis: 'dinas' },
  { kode: 'DINKES', nama: 'Dinas Kesehatan', jenis: 'dinas' },
  { kode: 'RSUD', nama: 'Rumah Sakit Umum Daerah Manokwari', jenis: 'rsud', induk: 'DINKES' },
  { kode: 'DST-MKB', nama: 'Distrik Manokwari Barat', jenis: 'kecamatan' },
  { kode: 'DST-MKT', nama: 'Distrik Manokwari Timur', jenis: 'kecamatan' },
];

/** The reform starts in July 2024 and is fully in place from September 2024. */
const REFORM_START = 2024.5;
const REFORM_MONTHS = 3;

/** 0 before the reform (to June 2024), ⅓ in July, ⅔ in August, 1 from September 2024. */
function reformProgress(m: Month): number {
  return clamp((yearFraction(m) - REFORM_START) * (12 / REFORM_MONTHS) + 1 / REFORM_MONTHS, 0, 1);
}

const QUARTERS = [2023, 2024, 2025].flatMap((y) => [1, 2, 3, 4].map((q) => `${y}-Q${q}`));

/** Appraised staff per quarter; DPMPTSP hires for the new front desk in 2024-Q3. */
const STAFF: Record<string, number[]> = {
  SETDA: tetap(18, 12),
  INSP: tetap(11, 12),
  BKPSDM: tetap(12, 12),
  DPMPTSP: [14, 14, 14, 14, 14, 14, 18, 18, 19, 19, 19, 19],
  DPUPR: tetap(15, 12),
  DUKCAPIL: tetap(14, 12),
  DINKES: tetap(12, 12),
  RSUD: [22, 22, 22, 23, 23, 23, 23, 24, 24, 24, 24, 24],
  'DST-MKB': tetap(9, 12),
  'DST-MKT': tetap(10, 12),
};

/** How much the reform lifts DPMPTSP's survey answers (1–4 scale): C ≈ 74 before, B ≈ 81 after. */
const REFORM_EFFECT: Partial<Record<Unsur, number>> = { waktu: 1.0, prosedur: 0.55, persyaratan: 0.3, pengaduan: 0.3, produk: 0.15 };

/** More applications once permits can be filed online. */
const afterReform = (m: Month) => 1 + 0.2 * reformProgress(m);

const IZIN: ServiceDef[] = [
  { kode: 'PB-UMKU', nama: 'Perizinan Berusaha (NIB dan izin usaha)', standar_hari: 5, perBulan: 70, musim: afterReform },
  { kode: 'PBG', nama: 'Persetujuan Bangunan Gedung (PBG, pengganti IMB)', standar_hari: 28, perBulan: 18, musim: afterReform },
  { kode: 'SLF', nama: 'Sertifikat Laik Fungsi', standar_hari: 14, perBulan: 6, musim: afterReform },
  { kode: 'REKLAME', nama: 'Izin Reklame', standar_hari: 7, perBulan: 10, musim: afterReform },
  { kode: 'SIP-NAKES', nama: 'Surat Izin Praktik Tenaga Kesehatan', standar_hari: 5, perBulan: 14, musim: afterReform },
];
const ADMINDUK: ServiceDef[] = [
  { kode: 'KTP-EL', nama: 'Penerbitan KTP-el', standar_hari: 3, perBulan: 700 },
  { kode: 'KK', nama: 'Penerbitan Kartu Keluarga', standar_hari: 2, perBulan: 500 },
  { kode: 'AKTA-LAHIR', nama: 'Akta Kelahiran', standar_hari: 3, perBulan: 260 },
];

const POINTS: ServicePoint[] = [
  { kode_unit: 'DPMPTSP', skala: 1, layanan: IZIN },
  { kode_unit: 'DUKCAPIL', skala: 1, layanan: ADMINDUK },
];

const tepatWaktu = (m: Month, unit: string) => (unit === 'DPMPTSP' ? 0.55 + 0.35 * reformProgress(m) : 0.8);
const rataHari = (m: Month, unit: string, s: ServiceDef) => s.standar_hari * (unit === 'DPMPTSP' ? 1.3 - 0.65 * reformProgress(m) : 1);

/**
 * Complaints about permits: fewer after the reform, and quicker. `hariSelesai` is the
 * log-normal's scale (21 → 6 days); its median comes out about 12 % lower (≈ 18 → ≈ 6).
 */
const ADUAN: ComplaintPlan[] = [
  {
    kode_unit: 'DPMPTSP',
    perBulan: (m) => 6 - 2 * reformProgress(m),
    kategori: [
      ['waktu', 40],
      ['persyaratan', 20],
      ['prosedur', 20],
      ['informasi', 10],
      ['biaya', 5],
      ['perilaku_petugas', 5],
    ],
    kanal: [
      ['langsung', 35],
      ['whatsapp', 25],
      ['lapor', 15],
      ['surat', 15],
      ['media_sosial', 10],
    ],
    hariSelesai: (m) => 21 - 15 * reformProgress(m),
  },
  {
    kode_unit: 'DUKCAPIL',
    perBulan: () => 3,
    kategori: [
      ['waktu', 30],
      ['persyaratan', 20],
      ['sarana', 20],
      ['perilaku_petugas', 15],
      ['lainnya', 15],
    ],
    kanal: [
      ['langsung', 45],
      ['whatsapp', 30],
      ['lapor', 15],
      ['media_sosial', 10],
    ],
    hariSelesai: () => 9,
  },
  {
    kode_unit: 'RSUD',
    perBulan: () => 2,
    kategori: [
      ['waktu', 35],
      ['perilaku_petugas', 25],
      ['sarana', 25],
      ['biaya', 10],
      ['lainnya', 5],
    ],
    kanal: [
      ['langsung', 40],
      ['surat', 20],
      ['lapor', 20],
      ['media_sosial', 20],
    ],
    hariSelesai: () => 12,
  },
];

/** The reform's own indicators use realisations computed from the generated files. */
function indicators(
  ketepatan: (t: number) => number | undefined,
  median: (t: number) => number | undefined,
  ikm: (t: number) => number | undefined,
): IndicatorDef[] {
  const reform = { program: 'Program Pelayanan Penanaman Modal', sasaran: 'Reformasi perizinan: izin terbit cepat, pasti dan transparan' };
  const years = (targets: [number, number, number], realised: (t: number) => number | undefined) =>
    Object.fromEntries(targets.map((target, i) => [2023 + i, [target, realised(2023 + i) ?? null] as const]));
  return [
    {
      kode_unit: 'DPMPTSP',
      kode: 'IZIN-TW',
      nama: 'Persentase izin diterbitkan tepat waktu',
      satuan: '%',
      arah: 'naik',
      ...reform,
      nilai: years([60, 75, 90], ketepatan),
    },
    {
      kode_unit: 'DPMPTSP',
      kode: 'ADUAN-HARI',
      nama: 'Median waktu penyelesaian pengaduan perizinan',
      satuan: 'hari',
      arah: 'turun',
      ...reform,
      nilai: years([14, 10, 7], median),
    },
    {
      kode_unit: 'DPMPTSP',
      kode: 'IKM-PTSP',
      nama: 'Indeks Kepuasan Masyarakat layanan perizinan',
      satuan: 'indeks',
      arah: 'naik',
      ...reform,
      nilai: years([76, 80, 84], ikm),
    },
    {
      kode_unit: 'DPMPTSP',
      kode: 'IZIN-DARING',
      nama: 'Jenis izin yang dapat diajukan secara daring',
      satuan: 'jenis',
      arah: 'naik',
      ...reform,
      nilai: { 2023: [5, 3], 2024: [12, 14], 2025: [20, 21] },
    },
    {
      kode_unit: 'DUKCAPIL',
      kode: 'KTP-EL',
      nama: 'Persentase penduduk wajib KTP-el yang memiliki KTP-el',
      satuan: '%',
      arah: 'naik',
      program: 'Program Pendaftaran Penduduk',
      sasaran: 'Meningkatnya cakupan dokumen kependudukan',
      nilai: { 2023: [92, 88.4], 2024: [94, 91.7], 2025: [96, null] },
    },
    {
      kode_unit: 'RSUD',
      kode: 'WTRJ',
      nama: 'Rata-rata waktu tunggu rawat jalan',
      satuan: 'menit',
      arah: 'turun',
      program: 'Program Pemenuhan Upaya Kesehatan Perorangan',
      sasaran: 'Meningkatnya mutu layanan rumah sakit',
      nilai: { 2023: [60, 75], 2024: [55, 63], 2025: [50, 57] },
    },
    {
      kode_unit: 'BKPSDM',
      kode: 'SKP-TW',
      nama: 'Persentase ASN yang menyusun SKP tepat waktu',
      satuan: '%',
      arah: 'naik',
      program: 'Program Kepegawaian Daerah',
      sasaran: 'Meningkatnya akuntabilitas kinerja ASN',
      nilai: { 2023: [80, 71.3], 2024: [85, 86.2], 2025: [90, 92.5] },
    },
  ];
}

export const manokwari: RegionSpec = {
  kode: 'manokwari',
  wilayah: {
    nama: 'Kabupaten Manokwari',
    provinsi: 'Papua Barat',
    sumber: SUMBER_SINTETIS,
    tanggal_ekspor: '2026-01-12',
    lisensi: 'CC-BY-4.0',
    kontak: 'dpmptsp@manokwari.example.go.id',
  },
  dialek: 'Plain (comma, ISO dates, LF), except layanan.csv, which is TAB-delimited.',
  cerita: [
    'In July 2024 DPMPTSP reforms permit processing; July–September 2024 is the transition. Permits issued on time rise from ≈ 55 % to ≈ 90 %, mean processing days fall from 1.3× to 0.65× the standard, applications grow by a fifth.',
    'Permit complaints drop from ≈ 6 to ≈ 4 a month and are resolved faster: median ≈ 18 days in 2023, ≈ 6 days in 2025 (`ADUAN-HARI`).',
    "The survey's `waktu` and `prosedur` answers for DPMPTSP improve after the reform (C ≈ 74 before, B after).",
    "The reform's indicators (`IZIN-TW`, `ADUAN-HARI`, `IKM-PTSP`) take their realisations from layanan.csv, pengaduan.csv and skm.csv.",
    'Quarterly appraisals (`2023-Q1` … `2025-Q4`) without scores or predikat; Distrik Manokwari Barat has 9 staff, the only hidden group each quarter (so the differencing rule applies).',
    'Dukcapil collects only 80 % of its survey minimum.',
  ],
  async build(ctx) {
    await ctx.wilayah(this.wilayah);
    await ctx.write('unit', PLAIN, unitRows(UNITS, 'kode', ctx.rng('unit')));
    const appraisals = generateAppraisals(
      {
        periods: QUARTERS,
        staff: STAFF,
        scores: { atasan: false, diri: false, rekan: false, decimals: 0 },
        predikat: 'kosong',
        spelling: 'kode',
        shareNamed: 0,
      },
      ctx.rng('kinerja'),
      new NipFactory(ctx.rng('nip')),
    );
    await ctx.write('kinerja_pegawai', PLAIN, appraisals);

    const layanan = generateLayanan(POINTS, { tepat: tepatWaktu, rata: rataHari, selesai: 0.95 }, ctx.rng('layanan'));
    await ctx.write('layanan', PLAIN_TAB, layanan);

    const permohonan = permohonanPerSemester(layanan);
    const survey: SurveyUnit[] = [
      {
        kode_unit: 'DPMPTSP',
        layanan: IZIN.map((s) => s.kode),
        ikm: 74,
        unsur: { waktu: -0.35, prosedur: -0.15, biaya: 0.3, perilaku: 0.1 },
        // The reform lifts waiting time and procedure answers.
        geser: (m, u) => (REFORM_EFFECT[u] ?? 0) * reformProgress(m),
        responden: coverMinimum((sem) => permohonan('DPMPTSP', sem.key), 1.1),
      },
      {
        kode_unit: 'DUKCAPIL',
        layanan: ADMINDUK.map((s) => s.kode),
        ikm: 78,
        unsur: { waktu: -0.1, biaya: 0.3, sarana: -0.2 },
        responden: coverMinimum((sem) => permohonan('DUKCAPIL', sem.key), 0.8),
      },
      { kode_unit: 'RSUD', ikm: 77, unsur: { waktu: -0.3, biaya: 0.15, perilaku: 0.1 }, responden: sekitar(130) },
      { kode_unit: 'DST-MKB', ikm: 69, unsur: { sarana: -0.2, biaya: 0.2 }, responden: sekitar(45) },
      { kode_unit: 'DST-MKT', ikm: 77.5, unsur: { biaya: 0.2 }, responden: sekitar(40) },
    ];
    const skm = generateSurvey(survey, { spelling: 'kode', idPrefix: 'MKW', blankAnswer: 0.01, saran: 0.04 }, ctx.rng('skm'));
    await ctx.write('skm', PLAIN, skm);

    const pengaduan = generatePengaduan(
      ADUAN,
      { spelling: 'kode', idPrefix: 'MKW-ADU', cutoff: '2025-12-31', ditolak: 0.06, macet: 0.2, uraian: 0.25 },
      ctx.rng('pengaduan'),
    );
    await ctx.write('pengaduan', PLAIN, pengaduan);

    const izinRows = layanan.filter((r) => r.kode_unit === 'DPMPTSP');
    const permitComplaints = pengaduan.filter((r) => r.kode_unit === 'DPMPTSP');
    const iku = indicators(
      (t) => ketepatanOf(izinRows.filter((r) => r.tahun === t)),
      (t) => medianResolutionDays(permitComplaints, (masuk) => masuk.startsWith(String(t))),
      (t) => ikmOf(skm.filter((r) => r.kode_unit === 'DPMPTSP' && String(r.tanggal).startsWith(String(t)))),
    );
    await ctx.write('iku', PLAIN, generateIku(iku, 'kode', ctx.rng('iku')));
  },
};
