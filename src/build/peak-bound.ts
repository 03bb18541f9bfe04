/**
 * How much memory a build's processes held together at most, from what it knows: each process's
 * own peak and, for the build's process, its peak by the end of each phase. No process is sampled
 * beside another, so the figure is a bound: for each stretch of the build, the processes alive in
 * it, each at the peak it had reached by that stretch's end. The largest stretch is the bound.
 */
import type { NationalRendered } from './render.ts';

export interface PeakFacts {
  /** The build's process's peak, KiB. */
  own: number;
  /** Its peak (MiB) by the end of each phase (PhaseClock.peaks). */
  ownBy?: Record<string, number>;
  /** Each other page renderer's peak, KiB: they run within the phase `pages`. */
  renderers?: number[];
  /** The national pages' process: beside the renderers, or alone before them. */
  national?: NationalRendered;
  /** The data half's process, KiB: it ends before the phase `hand-over` does. */
  data?: number;
  /** Pagefind's, KiB, within the phase `search-index`: null when not measured. */
  search?: number | null;
}

export interface PeakBound {
  /** KiB. */
  most: number;
  /** What the bound is made of, in words (MiB), for the build's last line. */
  words: string;
}

const mib = (kib: number) => Math.round(kib / 1024);

export function peakBound(f: PeakFacts): PeakBound {
  const ownBy = (phase: string) => (f.ownBy?.[phase] === undefined ? f.own : 1024 * f.ownBy[phase]);
  const renderers = f.renderers ?? [];
  const together = f.national && !f.national.alone ? f.national.peak : undefined;
  // While the pages render: this process as it was by their end, the renderers, the national pages' process beside them.
  const atPages = ownBy('pages');
  const pages = renderers.length > 0 || together !== undefined ? atPages + (together ?? 0) + renderers.reduce((a, b) => a + b, 0) : 0;
  const most = Math.max(
    f.own,
    pages,
    f.data === undefined ? 0 : f.data + ownBy('hand-over'),
    f.national?.alone ? f.national.peak + f.national.beside : 0,
    f.search ? f.search + ownBy('search-index') : 0,
  );
  const during = [
    `proses ini / this process ${mib(atPages)}`,
    ...(together === undefined ? [] : [`proses halaman nasional / the national pages' process ${mib(together)}`]),
    ...(renderers.length > 0 ? [`proses halaman lain / other page renderers ${renderers.map(mib).join(' + ')}`] : []),
  ].join(' + ');
  const parts = [
    ...(pages > 0 ? [`saat halaman dibuat / while the pages render: ${during}`] : []),
    `puncak proses ini / this process's peak ${mib(f.own)}`,
    ...(f.data === undefined ? [] : [`proses data, sebelumnya / the data process, before them ${mib(f.data)}`]),
    ...(f.national?.alone
      ? [`proses halaman nasional, sebelumnya / the national pages' process, before them ${mib(f.national.peak)}`]
      : []),
    // Unknown where /proc is not (watchPeak): said, not counted as nothing.
    ...(f.search === undefined
      ? []
      : f.search === null
        ? ['Pagefind tidak terukur / Pagefind not measured']
        : [`Pagefind, sesudahnya / after them ${mib(f.search)}`]),
  ];
  return { most, words: `${mib(most)} paling banyak / at most (${parts.join('; ')})` };
}
