/** The bound a build prints on its processes' memory together (src/build/peak-bound.ts). */
import { expect, test } from 'vitest';
import { peakBound } from '../../src/build/peak-bound.ts';

const MiB = 1024;
/** A phase's peak as the build knows it (rounded to the MiB), taken at its most. */
const phase = (mib: number) => mib * MiB + 512;

// Session 30's whole build of 500 regions, as its processes reported them: the gate (this process,
// 5,260 MiB) ran after the renderers had ended, so it is not added to them.
const build500 = {
  own: 5260 * MiB,
  ownBy: { validate: 2878, 'hand-over': 77, pages: 744, 'search-index': 744, 'privacy-gate': 5260 },
  renderers: [1398 * MiB, 1439 * MiB],
  national: { peak: 2451 * MiB, beside: 80 * MiB, alone: true },
  data: 3292 * MiB,
  search: 4674 * MiB,
};

test('each stretch of the build counts the processes alive in it, each at its peak by that stretch’s end', () => {
  // Pagefind (4,674) beside this process as it was by the end of the search phase (744).
  expect(peakBound(build500).most).toBe(4674 * MiB + phase(744));
  // Without Pagefind: the gate alone, not 5,260 + 1,398 + 1,439 = 8,097 as the bound said before.
  expect(peakBound({ ...build500, search: undefined }).most).toBe(5260 * MiB);
  // The renderers with this process as it was when they ended.
  expect(peakBound({ ...build500, own: 800 * MiB, search: undefined }).most).toBe(phase(744) + (1398 + 1439) * MiB);
  // The data process with this one as it was when it ended.
  expect(peakBound({ ...build500, own: 800 * MiB, data: 4000 * MiB, search: undefined }).most).toBe(4000 * MiB + phase(77));
  // The national pages' process alone, with what this one held beside it.
  const national = { peak: 3900 * MiB, beside: 600 * MiB, alone: true };
  expect(peakBound({ ...build500, own: 800 * MiB, national, search: undefined }).most).toBe(4500 * MiB);
});

test('the national pages’ process beside the renderers is counted with them; a phase not reached counts this process whole', () => {
  const f = { own: 900 * MiB, renderers: [1000 * MiB], national: { peak: 2000 * MiB, beside: 0, alone: false } };
  expect(peakBound(f).most).toBe((900 + 1000 + 2000) * MiB);
  expect(peakBound({ ...f, ownBy: { pages: 500 } }).most).toBe(phase(500) + 3000 * MiB);
});

test('the words give each stretch as its sum, and say when Pagefind was not measured', () => {
  expect(peakBound(build500).words).toBe(
    '5419 paling banyak / at most (' +
      'proses data / the data process: 3292 + 78 (proses ini / this process) = 3370; ' +
      "halaman nasional / the national pages' process: 2451 + 80 (proses ini / this process) = 2531; " +
      'saat halaman dibuat / while the pages render: 745 (proses ini / this process) + 1398 (proses halaman lain / other page renderers) + 1439 = 3582; ' +
      'Pagefind: 4674 + 745 (proses ini / this process) = 5419; ' +
      'proses ini / this process: 5260)',
  );
  const unmeasured = peakBound({ ...build500, search: null });
  expect(unmeasured.words).toContain('; Pagefind tidak terukur / Pagefind not measured)');
  expect(unmeasured.most).toBe(5260 * MiB);
});

test('a national pages’ process started early is counted beside the data process, at its peak by the time it was told its pages', () => {
  const national = { peak: 900 * MiB, beside: 600 * MiB, alone: false, waiting: 500 * MiB };
  const f = { own: 700 * MiB, ownBy: { 'hand-over': 80, pages: 650 }, national, data: 1050 * MiB };
  // 1,050 + 80 + 500, above the pages' 650 + 900.
  expect(peakBound(f).most).toBe(1050 * MiB + phase(80) + 500 * MiB);
  expect(peakBound(f).words).toContain("500 (proses halaman nasional, menunggu / the national pages' process, waiting)");
  // Not started early: the data process with this one only.
  expect(peakBound({ ...f, national: { ...national, waiting: undefined } }).most).toBe((900 + 0) * MiB + phase(650));
});
