/**
 * Service volumes and timeliness (layanan.csv) and complaints (pengaduan.csv).
 *
 * Volumes are monthly applications around a base level, with seasonal factors and noise;
 * timeliness and mean processing days come from functions of the month, so a region can
 * tell a story such as "on-time share rises after a reform".
 */
import { KANAL, KATEGORI_PENGADUAN, STATUS_PENGADUAN } from '../../src/contract/enums.ts';
import { ketepatanWaktu } from '../../src/derive/rates.ts';
import { addDays, dayNumber, monthsOf, randomWorkday, semesterOf, type Month } from './calendar.ts';
import type { Row } from './columns.ts';
import { clamp, round, weighted, type Rng } from './random.ts';
import { spell, type Spelling } from './spelling.ts';

export interface ServiceDef {
  kode: string;
  nama: string;
  standar_hari: number;
  /** Typical applications per month at a unit of scale 1. */
  perBulan: number;
  /** Seasonal factor, e.g. school enrolment in July for birth certificates. */
  musim?: (m: Month) => number;
}

export interface ServicePoint {
  kode_unit: string;
  /** Volume multiplier relative to the services' `perBulan`. */
  skala: number;
  layanan: readonly ServiceDef[];
}

export interface Timeliness {
  /** Expected share of completions within the standard, 0–1. */
  tepat: (m: Month, unit: string, service: ServiceDef) => number;
  /** Expected mean processing days. */
  rata: (m: Month, unit: string, service: ServiceDef) => number;
  /** Share of applications completed in the month (the rest is backlog). */
  selesai?: number;
  /** Yearly growth of volumes. */
  tumbuh?: number;
}

export function generateLayanan(points: readonly ServicePoint[], time: Timeliness, rng: Rng): Row<'layanan'>[] {
  const rows: Row<'layanan'>[] = [];
  for (const point of points) {
    for (const service of point.layanan) {
      for (const m of monthsOf()) {
        const growth = (1 + (time.tumbuh ?? 0)) ** (m.tahun - 2023);
        const expected = service.perBulan * point.skala * growth * (service.musim?.(m) ?? 1);
        const permohonan = Math.max(0, Math.round(expected * rng.factor(0.12)));
        const selesai = Math.min(permohonan, Math.round(permohonan * clamp(rng.normal(time.selesai ?? 0.96, 0.02), 0.8, 1)));
        const share = clamp(rng.normal(time.tepat(m, point.kode_unit, service), 0.03), 0, 1);
        rows.push({
          kode_unit: point.kode_unit,
          kode_layanan: service.kode,
          nama_layanan: service.nama,
          tahun: m.tahun,
          bulan: m.bulan,
          permohonan,
          selesai,
          tepat_waktu: Math.min(selesai, Math.round(selesai * share)),
          standar_hari: service.standar_hari,
          // A month without completions has no processing time to report.
          rata_hari: selesai > 0 ? round(Math.max(0.1, time.rata(m, point.kode_unit, service) * rng.factor(0.08)), 1) : undefined,
        });
      }
    }
  }
  return rows;
}

/** Applications received per unit and semester (`JKT-01|2024-S1` → n), for survey sample sizes. */
export function permohonanPerSemester(rows: readonly Row<'layanan'>[]): (kode_unit: string, semester: string) => number {
  const totals = new Map<string, number>();
  for (const r of rows) {
    const key = `${r.kode_unit}|${semesterOf({ tahun: Number(r.tahun), bulan: Number(r.bulan) })}`;
    totals.set(key, (totals.get(key) ?? 0) + Number(r.permohonan));
  }
  return (kode_unit, semester) => totals.get(`${kode_unit}|${semester}`) ?? 0;
}

type KategoriPengaduan = (typeof KATEGORI_PENGADUAN)[number]['value'];
type Kanal = (typeof KANAL)[number]['value'];

export interface ComplaintPlan {
  kode_unit: string;
  /** Expected complaints per month. */
  perBulan: (m: Month) => number;
  kategori: readonly (readonly [KategoriPengaduan, number])[];
  kanal: readonly (readonly [Kanal, number])[];
  /** Typical (median) days to resolve a complaint received in that month. */
  hariSelesai: (m: Month) => number;
}

export interface ComplaintStyle {
  spelling: Spelling;
  /** `JKT-ADU` → `JKT-ADU-2024-00017`. */
  idPrefix: string;
  /** Complaints still open on this date have no tanggal_selesai (export cut-off). */
  cutoff: string;
  /** Share of complaints rejected (out of scope, duplicates). */
  ditolak: number;
  /** Share of complaints of the last five months still open at export, whatever their expected duration. */
  macet: number;
  /** Share with a short description. */
  uraian: number;
}

const URAIAN = [
  'Antrean panjang dan nomor antrean habis sebelum siang.',
  'Berkas sudah lengkap tetapi belum selesai melewati standar waktu.',
  'Persyaratan yang diminta berbeda dengan informasi di situs web.',
  'Petugas kurang ramah saat menjelaskan prosedur.',
  'Aplikasi daring gagal mengunggah dokumen.',
  'Diminta biaya tambahan yang tidak ada dalam ketentuan.',
  'Ruang tunggu panas, pendingin udara tidak berfungsi.',
  'Status permohonan tidak berubah di aplikasi.',
] as const;

interface OpenComplaint {
  kode_unit: string;
  masuk: string;
  selesai: string | undefined;
  kategori: KategoriPengaduan;
  kanal: Kanal;
  status: (typeof STATUS_PENGADUAN)[number]['value'];
}

function complaintsOf(plan: ComplaintPlan, style: ComplaintStyle, rng: Rng): OpenComplaint[] {
  const pickKategori = weighted(plan.kategori);
  const pickKanal = weighted(plan.kanal);
  const out: OpenComplaint[] = [];
  for (const m of monthsOf()) {
    for (let i = rng.poisson(plan.perBulan(m)); i > 0; i--) {
      const masuk = randomWorkday(rng, m.tahun, m.bulan);
      const days = Math.max(0, Math.round(plan.hariSelesai(m) * rng.factor(0.5)));
      const done = addDays(masuk, days);
      const age = dayNumber(style.cutoff) - dayNumber(masuk);
      // Open at export: not resolved by the cut-off, or one of the recent complaints that got
      // stuck (every real backlog has some). New if it arrived in the last three weeks.
      const stuck = age < 150 && rng.chance(style.macet);
      const open = stuck || dayNumber(done) > dayNumber(style.cutoff);
      const status = open ? (age < 21 ? 'baru' : 'diproses') : rng.chance(style.ditolak) ? 'ditolak' : 'selesai';
      out.push({
        kode_unit: plan.kode_unit,
        masuk,
        selesai: open ? undefined : done,
        kategori: pickKategori(rng),
        kanal: pickKanal(rng),
        status,
      });
    }
  }
  return out;
}

export function generatePengaduan(plans: readonly ComplaintPlan[], style: ComplaintStyle, rng: Rng): Row<'pengaduan'>[] {
  const all = plans.flatMap((p) => complaintsOf(p, style, rng));
  all.sort((a, b) => (a.masuk < b.masuk ? -1 : a.masuk > b.masuk ? 1 : 0));
  const perYear = new Map<string, number>();
  return all.map((c) => {
    const year = c.masuk.slice(0, 4);
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    return {
      id_pengaduan: `${style.idPrefix}-${year}-${String(seq).padStart(5, '0')}`,
      kode_unit: c.kode_unit,
      tanggal_masuk: c.masuk,
      tanggal_selesai: c.selesai,
      kategori: spell(KATEGORI_PENGADUAN, c.kategori, style.spelling, rng),
      kanal: spell(KANAL, c.kanal, style.spelling, rng),
      status: spell(STATUS_PENGADUAN, c.status, style.spelling, rng),
      uraian: rng.chance(style.uraian) ? rng.pick(URAIAN) : undefined,
    };
  });
}

/** Median days to resolve the complaints with status selesai received on dates that pass `filter` (contract §4). */
export function medianResolutionDays(rows: readonly Row<'pengaduan'>[], filter: (masuk: string) => boolean): number | undefined {
  const days = rows
    .filter((r) => String(r.status).toLowerCase() === 'selesai' && r.tanggal_selesai !== undefined && filter(String(r.tanggal_masuk)))
    .map((r) => dayNumber(String(r.tanggal_selesai)) - dayNumber(String(r.tanggal_masuk)))
    .sort((a, b) => a - b);
  if (days.length === 0) return undefined;
  const mid = days.length >> 1;
  return days.length % 2 ? days[mid] : (days[mid - 1] + days[mid]) / 2;
}

/** Σ tepat_waktu / Σ selesai × 100 by the pipeline's own formula (contract §4), for indicator realisations. */
export function ketepatanOf(rows: readonly Row<'layanan'>[]): number | undefined {
  const selesai = rows.reduce((s, r) => s + Number(r.selesai), 0);
  const tepat = rows.reduce((s, r) => s + Number(r.tepat_waktu), 0);
  return ketepatanWaktu(tepat, selesai) ?? undefined;
}
