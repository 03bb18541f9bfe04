/**
 * The regulations' grade boundaries, said once: the derivations classify with them, the charts
 * draw them as lines, the method page prints them. No imports, so the browser's redraws can use
 * them too.
 */

/** Lowest IKM (rounded to 2 decimals) of mutu A, B and C; below C is D (PermenPAN-RB 14/2017). */
export const IKM_GRADE = { A: 88.31, B: 76.61, C: 65 } as const;

/** Lowest NRR (1–4 scale, rounded to 4 decimals) of mutu A, B and C; below C is D. */
export const NRR_GRADE = { A: 3.5324, B: 3.0644, C: 2.6 } as const;

/** Lowest capaian of each category above sangat_rendah (Permendagri 86/2017). */
export const CAPAIAN_GRADE = { sangat_tinggi: 91, tinggi: 76, sedang: 66, rendah: 51 } as const;
