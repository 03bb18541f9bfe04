/**
 * Kecamatan Maulafa, Kota Kupang — a kecamatan office and its small kelurahan.
 *
 * Story: the kelurahan offices are small, so almost every kelurahan appraises FEWER than 10
 * employees a year and its appraisal group is hidden on the site (privacy threshold 10);
 * Kelurahan Sikumana reaches exactly 10 in 2024 and is published that year only. Appraisals
 * carry a supervisor and a self score. Indicators are about neighbourhood infrastructure
 * (roads, drainage, clean water); peri-urban Fatukoa and Naimata score low on facilities
 * (sarana) in the survey. Kelurahan letters (domicile, business, low-income certificates) run
 * at a few dozen a month, some months none.
 * Mixed dialect: `;` and BOM with decimal comma, but dates typed DD-MM-YYYY and LF endings.
 */
import { EXCEL_ID_DASH } from '../format.ts';
import type { Month, Semester } from '../calendar.ts';
import { NipFactory, generateAppraisals } from '../people.ts';
import { generateIku, generateLaporan, type IndicatorDef } from '../plans.ts';
import { SUMBER_SINTETIS, sekitar, unitRows, type RegionSpec, type UnitDef } from '../region.ts';
import {
  generateLayanan,
  generatePengaduan,
  permohonanPerSemester,
  type ComplaintPlan,
  type ServiceDef,
  type ServicePoint,
} from '../services.ts';
import { coverMinimum, generateSurvey, type SurveyUnit } from '../survey.ts';

const UNITS: UnitDef[] = [
  { kode: 'KEC-MLF', nama: 'Kantor Kecamatan Maulafa', jenis: 'kecamatan' },
  { kode: 'KEL-MLF', nama: 'Kelurahan Maulafa', jenis: 'kelurahan', induk: 'KEC-MLF' },
  { kode: 'KEL-OPR', nama: 'Kelurahan Oepura', jenis: 'kelurahan', induk: 'KEC-MLF' },
  { kode: 'KEL-SKM', nama: 'Kelurahan Sikumana', jenis: 'kelurahan', induk: 'KEC-MLF' },
  { kode: 'KEL-FTK', nama: 'Kelurahan Fatukoa', jenis: 'kelurahan', induk: 'KEC-MLF' },
  { kode: 'KEL-KLH', nama: 'Kelurahan Kolhua', jenis: 'kelurahan', induk: 'KEC-MLF' },
  { kode: 'KEL-PNF', nama: 'Kelurahan Penfui', jenis: 'kelurahan', induk: 'KEC-MLF' },
  { kode: 'KEL-NMT', nama: 'Kelurahan Naimata', jenis: 'kelurahan', induk: 'KEC-MLF' },
  { kode: 'KEL-BLO', nama: 'Kelurahan Belo', jenis: 'kelurahan', induk: 'KEC-MLF' },
  { kode: 'PKM-SKM', nama: 'Puskesmas Sikumana', jenis: 'puskesmas' },
];

const PERIODS = ['2023', '2024', '2025'];

/** Appraised staff per year: every kelurahan below 10, except Sikumana with exactly 10 in 2024. */
const STAFF: Record<string, number[]> = {
  'KEC-MLF': [21, 22, 22],
  'KEL-MLF': [8, 8, 7],
  'KEL-OPR': [7, 8, 8],
  'KEL-SKM': [9, 10, 9],
  'KEL-FTK': [6, 6, 5],
  'KEL-KLH': [7, 7, 7],
  'KEL-PNF': [8, 7, 8],
  'KEL-NMT': [5, 6, 6],
  'KEL-BLO': [6, 6, 6],
  'PKM-SKM': [16, 17, 17],
};

const KELURAHAN = UNITS.filter((u) => u.jenis === 'kelurahan').map((u) => u.kode);

const SKD: ServiceDef = { kode: 'SKD', nama: 'Surat Keterangan Domisili', standar_hari: 1, perBulan: 14 };
const SKU: ServiceDef = { kode: 'SKU', nama: 'Surat Keterangan Usaha', standar_hari: 1, perBulan: 8 };
const SKTM: ServiceDef = {
  kode: 'SKTM',
  nama: 'Surat Keterangan Tidak Mampu',
  standar_hari: 1,
  perBulan: 10,
  musim: (m) => (m.bulan === 7 ? 1.6 : 1),
};
const WARIS: ServiceDef = { kode: 'AHLI-WARIS', nama: 'Surat Keterangan Ahli Waris', standar_hari: 5, perBulan: 6 };
const REKOM: ServiceDef = { kode: 'REKOM-UMK', nama: 'Rekomendasi Izin Usaha Mikro', standar_hari: 3, perBulan: 10 };

/** Relative size of each kelurahan's front desk. */
const SKALA: Record<string, number> = {
  'KEL-MLF': 1.2,
  'KEL-OPR': 1.4,
  'KEL-SKM': 1.6,
  'KEL-FTK': 0.5,
  'KEL-KLH': 0.8,
  'KEL-PNF': 1.0,
  'KEL-NMT': 0.5,
  'KEL-BLO': 0.7,
};

const POINTS: ServicePoint[] = [
  { kode_unit: 'KEC-MLF', skala: 1, layanan: [WARIS, REKOM] },
  ...KELURAHAN.map((k) => ({ kode_unit: k, skala: SKALA[k], layanan: [SKD, SKU, SKTM] })),
];

/**
 * Survey: expected IKM, `cover` of the Krejcie–Morgan minimum; kelurahan survey once a year
 * (second semester). Fatukoa and Naimata lack facilities (sarana).
 */
const SURVEY_PLAN: { kode_unit: string; ikm: number; cover: number; sarana?: number }[] = [
  { kode_unit: 'KEL-MLF', ikm: 82, cover: 0.9 },
  { kode_unit: 'KEL-OPR', ikm: 84, cover: 1.0 },
  { kode_unit: 'KEL-SKM', ikm: 90, cover: 1.05 },
  { kode_unit: 'KEL-FTK', ikm: 71, cover: 0.5, sarana: -0.45 },
  { kode_unit: 'KEL-KLH', ikm: 78, cover: 0.6 },
  { kode_unit: 'KEL-PNF', ikm: 80, cover: 1.0 },
  { kode_unit: 'KEL-NMT', ikm: 73, cover: 1.0, sarana: -0.4 },
  { kode_unit: 'KEL-BLO', ikm: 79, cover: 0.7 },
];

const INFRA = {
  program: 'Program Penyelenggaraan Pemerintahan dan Pelayanan Publik',
  sasaran: 'Meningkatnya kualitas infrastruktur dasar lingkungan',
};
const airBersih = (kode_unit: string, nilai: IndicatorDef['nilai']): IndicatorDef => ({
  kode_unit,
  kode: 'AIR-BERSIH',
  nama: 'Rumah tangga dengan akses air bersih',
  satuan: '%',
  arah: 'naik',
  ...INFRA,
  nilai,
});
const genangan = (kode_unit: string, nilai: IndicatorDef['nilai']): IndicatorDef => ({
  kode_unit,
  kode: 'GENANGAN',
  nama: 'Titik genangan air saat musim hujan',
  satuan: 'titik',
  arah: 'turun',
  ...INFRA,
  nilai,
});

const IKU: IndicatorDef[] = [
  {
    kode_unit: 'KEC-MLF',
    kode: 'JALAN-LING',
    nama: 'Panjang jalan lingkungan yang dibangun atau diperbaiki',
    satuan: 'meter',
    arah: 'naik',
    ...INFRA,
    nilai: { 2023: [1500, 1320], 2024: [1800, 1910], 2025: [2000, null] },
  },
  {
    kode_unit: 'KEC-MLF',
    kode: 'MUSRENBANG',
    nama: 'Persentase usulan Musrenbang kelurahan yang terealisasi',
    satuan: '%',
    arah: 'naik',
    program: 'Program Pemberdayaan Masyarakat Desa dan Kelurahan',
    sasaran: 'Meningkatnya partisipasi masyarakat dalam pembangunan',
    nilai: { 2023: [40, 35.5], 2024: [45, 47.2], 2025: [50, 44] },
  },
  {
    kode_unit: 'KEC-MLF',
    kode: 'DRAINASE',
    nama: 'Persentase saluran drainase lingkungan berfungsi baik',
    satuan: '%',
    arah: 'naik',
    ...INFRA,
    nilai: { 2023: [65, 58.4], 2024: [70, 66.1], 2025: [75, 73.8] },
  },
  airBersih('KEL-FTK', { 2023: [70, 62.5], 2024: [75, 68.9], 2025: [80, 74] }),
  airBersih('KEL-NMT', { 2023: [70, 58.1], 2024: [75, 66.3], 2025: [80, null] }),
  airBersih('KEL-KLH', { 2023: [80, 81.2], 2024: [85, 84.4], 2025: [88, 88.5] }),
  genangan('KEL-SKM', { 2023: [12, 14], 2024: [10, 9], 2025: [8, null] }),
  genangan('KEL-OPR', { 2023: [8, 8], 2024: [6, 7], 2025: [5, 4] }),
  genangan('KEL-PNF', { 2023: [6, 9], 2024: [5, 6], 2025: [4, 4] }),
];

const ADUAN: ComplaintPlan[] = [
  {
    kode_unit: 'KEC-MLF',
    perBulan: () => 1.2,
    kategori: [
      ['sarana', 30],
      ['informasi', 15],
      ['waktu', 15],
      ['prosedur', 10],
      ['perilaku_petugas', 10],
      ['lainnya', 20],
    ],
    kanal: [
      ['langsung', 40],
      ['whatsapp', 35],
      ['surat', 10],
      ['media_sosial', 10],
      ['lapor', 5],
    ],
    hariSelesai: () => 12,
  },
  ...KELURAHAN.map((kode_unit): ComplaintPlan => ({
    kode_unit,
    perBulan: () => 0.4,
    kategori: [
      ['sarana', 35],
      ['waktu', 20],
      ['persyaratan', 15],
      ['perilaku_petugas', 10],
      ['lainnya', 20],
    ],
    kanal: [
      ['langsung', 55],
      ['whatsapp', 35],
      ['surat', 10],
    ],
    hariSelesai: () => 9,
  })),
];

/** Daily-report compliance: the kecamatan office near 85 %, kelurahan lower but improving. */
function kepatuhan(m: Month, unit: string): number {
  const t = m.tahun - 2023 + (m.bulan - 1) / 12;
  if (unit === 'KEC-MLF') return 0.84 + 0.02 * t;
  if (unit === 'PKM-SKM') return 0.78;
  return 0.62 + 0.05 * t;
}

export const maulafa: RegionSpec = {
  kode: 'maulafa',
  wilayah: {
    nama: 'Kecamatan Maulafa, Kota Kupang',
    provinsi: 'Nusa Tenggara Timur',
    sumber: SUMBER_SINTETIS,
    tanggal_ekspor: '2026-01-20',
    lisensi: 'CC-BY-4.0',
    kontak: 'kec.maulafa@kupang.example.go.id',
  },
  dialek:
    'Mixed: UTF-8 with BOM, `;`, decimal comma, but dates typed `DD-MM-YYYY`, LF, no thousands separator; enumerations in mixed spellings (`di-bawah`, `SESUAI`, `Di Atas Ekspektasi`, `Laki-laki`).',
  cerita: [
    'The kecamatan office (≈ 22 appraised staff) and the puskesmas are published; every kelurahan appraises FEWER than 10 employees a year (5–9) and is hidden (`kelompok_kecil`), except Kelurahan Sikumana in 2024, with exactly 10.',
    'Appraisals carry a supervisor score and a self score; predikat is filled and always matches the PermenPAN-RB 6/2022 matrix.',
    'Infrastructure indicators: neighbourhood roads (meter), drainage, clean-water access in Fatukoa, Naimata and Kolhua, flooding spots (arah `turun`).',
    'Kelurahan letters (domicile, business, low-income certificates) at a few dozen a month, some months none (then rata_hari is blank).',
    'Kelurahan survey once a year (second semester); Fatukoa and Naimata score C with poor facilities (`sarana`); Kolhua, Fatukoa, Belo and Maulafa collect fewer responses than the minimum.',
    'Daily-report compliance: kecamatan ≈ 85 %, kelurahan rising from ≈ 62 % to ≈ 75 %.',
  ],
  async build(ctx) {
    await ctx.wilayah(this.wilayah);
    await ctx.write('unit', EXCEL_ID_DASH, unitRows(UNITS, 'campur', ctx.rng('unit')));
    const appraisals = generateAppraisals(
      {
        periods: PERIODS,
        staff: STAFF,
        scores: { atasan: true, diri: true, rekan: false, decimals: 1 },
        predikat: 'isi',
        spelling: 'campur',
        shareNamed: 0,
      },
      ctx.rng('kinerja'),
      new NipFactory(ctx.rng('nip')),
    );
    await ctx.write('kinerja_pegawai', EXCEL_ID_DASH, appraisals);

    const layanan = generateLayanan(
      POINTS,
      { tepat: (_m, unit) => (unit === 'KEC-MLF' ? 0.85 : 0.8), rata: (_m, _u, s) => s.standar_hari * 1.1, selesai: 0.97 },
      ctx.rng('layanan'),
    );
    await ctx.write('layanan', EXCEL_ID_DASH, layanan);

    const permohonan = permohonanPerSemester(layanan);
    const survey: SurveyUnit[] = [
      {
        kode_unit: 'KEC-MLF',
        layanan: ['AHLI-WARIS', 'REKOM-UMK'],
        ikm: 80,
        responden: coverMinimum((sem) => permohonan('KEC-MLF', sem.key), 1.0),
      },
      ...SURVEY_PLAN.map((p) => {
        const base = coverMinimum((sem) => permohonan(p.kode_unit, sem.key), p.cover);
        return {
          kode_unit: p.kode_unit,
          layanan: ['SKD', 'SKU', 'SKTM'],
          ikm: p.ikm,
          unsur: { sarana: p.sarana ?? -0.1, biaya: 0.3, waktu: -0.1 },
          responden: (sem: Semester) => (sem.s === 2 ? base(sem) : 0),
        };
      }),
      { kode_unit: 'PKM-SKM', ikm: 81, unsur: { waktu: -0.25, biaya: 0.3 }, responden: sekitar(90) },
    ];
    await ctx.write(
      'skm',
      EXCEL_ID_DASH,
      generateSurvey(survey, { spelling: 'campur', idPrefix: 'MLF', blankAnswer: 0.015, saran: 0.05 }, ctx.rng('skm')),
    );

    await ctx.write('iku', EXCEL_ID_DASH, generateIku(IKU, 'campur', ctx.rng('iku')));
    await ctx.write(
      'pengaduan',
      EXCEL_ID_DASH,
      generatePengaduan(
        ADUAN,
        { spelling: 'campur', idPrefix: 'MLF-ADU', cutoff: '2025-12-31', ditolak: 0.04, macet: 0.2, uraian: 0.2 },
        ctx.rng('pengaduan'),
      ),
    );
    const pegawai = Object.fromEntries(Object.entries(STAFF).map(([unit, counts]) => [unit, (m: Month) => counts[m.tahun - 2023]]));
    await ctx.write('laporan_harian', EXCEL_ID_DASH, generateLaporan({ pegawai, kepatuhan }, ctx.rng('laporan')));
  },
};
