/**
 * Indeks Kepuasan Masyarakat per PermenPAN-RB 14/2017 (contract §4).
 * Works on running sums, so a million responses are folded in without being kept.
 */
import { MUTU, UNSUR_KEYS, type Unsur } from '../contract/enums.ts';
import { IKM_GRADE, NRR_GRADE } from './grades.ts';
import { roundHalfUp } from './rounding.ts';

export type Mutu = (typeof MUTU)[number]['value'];
/** Kinerja unit pelayanan for each mutu: the mutu's Indonesian label (Sangat Baik … Tidak Baik). */
export const KINERJA_OF_MUTU = Object.fromEntries(MUTU.map((m) => [m.value, m.label.id])) as Record<Mutu, string>;

/** Classifies an IKM already rounded to 2 decimals (the regulation's intervals). */
export function mutuOfIkm(ikm: number): Mutu {
  if (ikm >= IKM_GRADE.A) return 'A';
  if (ikm >= IKM_GRADE.B) return 'B';
  if (ikm >= IKM_GRADE.C) return 'C';
  return 'D';
}

/** Classifies an NRR (1–4 scale) rounded to 4 decimals. */
export function mutuOfNrr(nrr: number): Mutu {
  if (nrr >= NRR_GRADE.A) return 'A';
  if (nrr >= NRR_GRADE.B) return 'B';
  if (nrr >= NRR_GRADE.C) return 'C';
  return 'D';
}

/** Running totals of one group of survey responses. */
export interface IkmAccumulator {
  respondents: number;
  /** Per unsur: sum of answers and number of answers. */
  sum: number[];
  count: number[];
  /** Sum and sum of squares of each respondent's score (mean of their answers × 25). */
  scoreSum: number;
  scoreSq: number;
}

export const newIkmAccumulator = (): IkmAccumulator => ({
  respondents: 0,
  sum: UNSUR_KEYS.map(() => 0),
  count: UNSUR_KEYS.map(() => 0),
  scoreSum: 0,
  scoreSq: 0,
});

/** Adds one response: `answers[i]` is unsur i (regulation order), undefined when not answered. */
export function addResponse(acc: IkmAccumulator, answers: ArrayLike<number | undefined>): void {
  let s = 0;
  let n = 0;
  for (let i = 0; i < 9; i++) {
    const a = answers[i];
    if (a === undefined) continue;
    acc.sum[i] += a;
    acc.count[i] += 1;
    s += a;
    n += 1;
  }
  if (n === 0) return; // the validator rejects such rows; never count them
  const score = (s / n) * 25;
  acc.respondents += 1;
  acc.scoreSum += score;
  acc.scoreSq += score * score;
}

export interface IkmResult {
  responden: number;
  /** NRR per unsur rounded to 4 decimals, null when nobody answered it. */
  nrr: Record<Unsur, number | null>;
  nrrMutu: Record<Unsur, Mutu | null>;
  ikm: number | null;
  ikm_bawah: number | null;
  ikm_atas: number | null;
  mutu: Mutu | null;
  kinerja: string | null;
}

export function ikmOf(acc: IkmAccumulator): IkmResult {
  const nrrFull = acc.sum.map((s, i) => (acc.count[i] > 0 ? s / acc.count[i] : null));
  const nrr = {} as Record<Unsur, number | null>;
  const nrrMutu = {} as Record<Unsur, Mutu | null>;
  UNSUR_KEYS.forEach((k, i) => {
    const v = nrrFull[i];
    nrr[k] = v === null ? null : roundHalfUp(v, 4);
    nrrMutu[k] = v === null ? null : mutuOfNrr(roundHalfUp(v, 4));
  });
  // An unsur nobody answered cannot be averaged in: the IKM of such a group is not computable.
  const complete = nrrFull.every((v) => v !== null);
  const full = complete ? (nrrFull as number[]).reduce((a, b) => a + b * (1 / 9), 0) * 25 : null;
  const ikm = full === null ? null : roundHalfUp(full, 2);
  const n = acc.respondents;
  let lo: number | null = null;
  let hi: number | null = null;
  if (full !== null && n >= 2) {
    const variance = Math.max(0, (acc.scoreSq - (acc.scoreSum * acc.scoreSum) / n) / (n - 1));
    const half = (1.96 * Math.sqrt(variance)) / Math.sqrt(n);
    lo = roundHalfUp(full - half, 2);
    hi = roundHalfUp(full + half, 2);
  }
  const mutu = ikm === null ? null : mutuOfIkm(ikm);
  return { responden: n, nrr, nrrMutu, ikm, ikm_bawah: lo, ikm_atas: hi, mutu, kinerja: mutu && KINERJA_OF_MUTU[mutu] };
}

/** Krejcie & Morgan minimum sample for a population of N applications (χ² = 3.841, P = 0.5, d = 0.05). */
export function minimumSample(N: number): number {
  const chi = 3.841;
  const pq = 0.25;
  const d = 0.05;
  return Math.round((chi * N * pq) / (d * d * (N - 1) + chi * pq));
}
