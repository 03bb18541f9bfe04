/**
 * Half-up rounding on the decimal value, not on its binary approximation:
 * 91.475 is stored as 91.47499999999999 and must still round to 91.48 (contract §4).
 * toPrecision(15) strips the representation noise before rounding; halves go away
 * from zero, so a negative capaian rounds symmetrically with a positive one.
 */
export function roundHalfUp(x: number, decimals = 2): number {
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(x) * f).toPrecision(15));
  const r = (Math.sign(x) * Math.floor(scaled + 0.5)) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** Rounds, or passes an uncomputable value through as null (never 0). */
export const round2 = (x: number | null | undefined): number | null =>
  x === null || x === undefined || !Number.isFinite(x) ? null : roundHalfUp(x, 2);

export function mean(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}

export function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
