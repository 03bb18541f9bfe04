/**
 * Synthetic employees and their appraisals (kinerja_pegawai.csv).
 *
 * Nobody here is real: NIPs are built from random birth and appointment dates, names are
 * blank or "Pegawai Contoh 001". Employees persist from one period to the next (with
 * turnover when a unit's headcount changes), so each has a stable ability and the same NIP
 * across periods, as in a real e-Kinerja export.
 */
import { EKSPEKTASI, PREDIKAT } from '../../src/contract/enums.ts';
import { predikatOf, type Ekspektasi } from '../../src/contract/predikat.ts';
import { iso, pad, daysInMonth } from './calendar.ts';
import type { Row } from './columns.ts';
import { clamp, round, type Rng } from './random.ts';
import { spell, type Spelling } from './spelling.ts';

/**
 * Hands out unique synthetic NIPs for one region: birth date YYYYMMDD, appointment (TMT
 * CPNS) YYYYMM, sex 1/2, and a 3-digit sequence. The sequence is bumped on collision, so
 * uniqueness never depends on luck.
 */
export class NipFactory {
  private readonly used = new Set<string>();

  constructor(private readonly rng: Rng) {}

  /** An NIP for someone appointed no later than `latestYear`. */
  next(latestYear: number): string {
    const rng = this.rng;
    const appointedYear = rng.int(Math.max(1990, latestYear - 30), latestYear);
    const appointedMonth = rng.pick([1, 1, 2, 3, 3, 4, 12]);
    const birthYear = appointedYear - rng.int(21, 32);
    const birthMonth = rng.int(1, 12);
    const birth = iso(birthYear, birthMonth, rng.int(1, daysInMonth(birthYear, birthMonth))).replace(/-/g, '');
    const stem = `${birth}${appointedYear}${pad(appointedMonth, 2)}${rng.int(1, 2)}`;
    for (let seq = rng.int(1, 9); ; seq++) {
      const nip = `${stem}${pad(seq, 3)}`;
      if (!this.used.has(nip)) {
        this.used.add(nip);
        return nip;
      }
    }
  }
}

interface Employee {
  nip: string;
  nama: string | undefined;
  /** Stable part of performance, standard normal. */
  ability: number;
}

export interface AppraisalPlan {
  /** Periods in order, e.g. ['2023', '2024', '2025'] or ['2023-S1', …]. */
  periods: readonly string[];
  /** Headcount appraised per unit, one number per period (0 = unit not appraised then). */
  staff: Readonly<Record<string, readonly number[]>>;
  /** Unit-level shift of performance (standard deviations), e.g. a well-run unit +0.3. */
  shift?: Readonly<Record<string, number>>;
  /** Which 0–100 scores the region's e-Kinerja exports. */
  scores: { atasan: boolean; diri: boolean; rekan: boolean; decimals: 0 | 1 | 2 };
  /** Whether the region fills the optional `predikat` column (it then always matches the matrix). */
  predikat: 'isi' | 'kosong';
  spelling: Spelling;
  /** Share of rows carrying an obviously fake name ("Pegawai Contoh 001"); the rest are blank. */
  shareNamed: number;
}

const yearOf = (periode: string): number => Number(periode.slice(0, 4));

function rating(latent: number, high: number, low: number): Ekspektasi {
  if (latent > high) return 'di_atas';
  if (latent < low) return 'di_bawah';
  return 'sesuai';
}

export interface Appraisal {
  hasil: Ekspektasi;
  perilaku: Ekspektasi;
  atasan: number;
  diri: number;
  rekan: number;
}

/** One period's appraisal of an employee of the given stable ability. */
export function appraise(rng: Rng, ability: number, shift = 0): Appraisal {
  // Results and behaviour are correlated; the thresholds give roughly 12 % above,
  // 80 % meeting and 5–8 % below expectations, as typical SKP outcomes are.
  const latent = 0.8 * ability + 0.6 * rng.normal() + shift;
  const behaviour = 0.6 * latent + 0.8 * rng.normal();
  // Supervisors score around 80; people rate themselves a little higher and peers land
  // in between (the pattern of 360° appraisals).
  const atasan = clamp(80 + 6 * latent + rng.normal(0, 2), 50, 99);
  return {
    hasil: rating(latent, 1.15, -1.7),
    perilaku: rating(behaviour, 1.3, -1.9),
    atasan,
    diri: clamp(atasan + 4 + rng.normal(0, 2.5), 50, 100),
    rekan: clamp(atasan + 2 + rng.normal(0, 3), 50, 100),
  };
}

/** Grows or shrinks a unit's pool to the period's headcount: leavers at random, newcomers appointed recently. */
function staffUnit(pool: Employee[], headcount: number, year: number, rng: Rng, nips: NipFactory, hire: () => string | undefined): void {
  while (pool.length > headcount) pool.splice(rng.int(0, pool.length - 1), 1);
  while (pool.length < headcount) pool.push({ nip: nips.next(year), nama: hire(), ability: rng.normal() });
}

export function generateAppraisals(plan: AppraisalPlan, rng: Rng, nips: NipFactory): Row<'kinerja_pegawai'>[] {
  const rows: Row<'kinerja_pegawai'>[] = [];
  const pools = new Map<string, Employee[]>();
  let named = 0;
  const hire = () => (rng.chance(plan.shareNamed) ? `Pegawai Contoh ${pad(++named, 3)}` : undefined);
  const scoreDigits = plan.scores.decimals;

  plan.periods.forEach((periode, p) => {
    for (const [kode_unit, counts] of Object.entries(plan.staff)) {
      const pool = pools.get(kode_unit) ?? [];
      pools.set(kode_unit, pool);
      staffUnit(pool, counts[p], yearOf(periode), rng, nips, hire);
      const shift = plan.shift?.[kode_unit] ?? 0;
      for (const e of pool) {
        const { hasil, perilaku, atasan, diri, rekan } = appraise(rng, e.ability, shift);
        const blankRekan = rng.chance(0.03);
        rows.push({
          nip: e.nip,
          nama: e.nama,
          kode_unit,
          periode,
          hasil_kerja: spell(EKSPEKTASI, hasil, plan.spelling, rng),
          perilaku_kerja: spell(EKSPEKTASI, perilaku, plan.spelling, rng),
          predikat: plan.predikat === 'isi' ? spell(PREDIKAT, predikatOf(hasil, perilaku), plan.spelling, rng) : undefined,
          nilai_atasan: plan.scores.atasan ? round(atasan, scoreDigits) : undefined,
          nilai_diri: plan.scores.diri ? round(diri, scoreDigits) : undefined,
          nilai_rekan: plan.scores.rekan && !blankRekan ? round(rekan, scoreDigits) : undefined,
        });
      }
    }
  });
  return rows;
}
