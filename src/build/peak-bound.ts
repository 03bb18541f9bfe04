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
  /** Its peak (MiB, rounded: PhaseClock.peaks) by the end of each phase. */
  ownBy?: Record<string, number>;
  /** Each other page renderer's peak, KiB: they run within the phase `pages`. */
  renderers?: number[];
  /** The national pages' process: beside the renderers, or alone before them. */
  national?: NationalRendered;
  /** The data half's process, KiB: it ends before the phase `hand-over` does. */
  data?: number;
  /** Pagefind's, KiB, within the phase `search-index`: null when not measured; absent when it did not run. */
  search?: number | null;
}

export interface PeakBound {
  /** KiB. */
  most: number;
  /** Each stretch as its sum, in MiB, for the build's last line. */
  words: string;
}

/** A stretch of the build: its name and the peaks (KiB) of the processes alive in it. */
interface Stretch {
  name: string;
  peaks: [what: string, kib: number][];
}

const mib = (kib: number) => Math.round(kib / 1024);
const THIS = 'proses ini / this process';

export function peakBound(f: PeakFacts): PeakBound {
  // A phase's peak was rounded to the MiB: rounded up here, so that the bound stays one.
  const ownBy = (phase: string) => (f.ownBy?.[phase] === undefined ? f.own : 1024 * f.ownBy[phase] + 512);
  const renderers = f.renderers ?? [];
  const together = f.national && !f.national.alone ? f.national.peak : undefined;
  const stretches: Stretch[] = [];
  if (f.data !== undefined)
    stretches.push({
      name: 'proses data / the data process',
      peaks: [
        ['', f.data],
        [THIS, ownBy('hand-over')],
        // Started early, the national pages' process waited beside it.
        ...(f.national?.waiting === undefined
          ? []
          : [["proses halaman nasional, menunggu / the national pages' process, waiting", f.national.waiting] as [string, number]]),
      ],
    });
  if (f.national?.alone)
    stretches.push({
      name: "halaman nasional / the national pages' process",
      peaks: [
        ['', f.national.peak],
        [THIS, f.national.beside],
      ],
    });
  if (renderers.length > 0 || together !== undefined)
    stretches.push({
      name: 'saat halaman dibuat / while the pages render',
      peaks: [
        [THIS, ownBy('pages')],
        ...(together === undefined ? [] : [["proses halaman nasional / the national pages' process", together] as [string, number]]),
        ...renderers.map((kib, i): [string, number] => [i === 0 ? 'proses halaman lain / other page renderers' : '', kib]),
      ],
    });
  if (f.search)
    stretches.push({
      name: 'Pagefind',
      peaks: [
        ['', f.search],
        [THIS, ownBy('search-index')],
      ],
    });
  stretches.push({ name: 'proses ini / this process', peaks: [['', f.own]] });
  const sum = (s: Stretch) => s.peaks.reduce((a, [, kib]) => a + kib, 0);
  const most = Math.max(...stretches.map(sum));
  const said = stretches.map((s) => {
    const terms = s.peaks.map(([what, kib]) => (what ? `${mib(kib)} (${what})` : `${mib(kib)}`));
    return `${s.name}: ${terms.join(' + ')}${terms.length > 1 ? ` = ${mib(sum(s))}` : ''}`;
  });
  // Unknown where /proc is not (watchPeak): said, not counted as nothing.
  if (f.search === null) said.push('Pagefind tidak terukur / Pagefind not measured');
  return { most, words: `${mib(most)} paling banyak / at most (${said.join('; ')})` };
}
