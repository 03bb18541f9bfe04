/**
 * The IKM ranking on the forum's slides (issue #10, item 7): a region of hundreds of desa units
 * (as `npm run sample -- --regions N` makes) is cut into slides of a few units each, every unit
 * with an IKM on exactly one of them, in rank order, each drawn no taller than the eight-row
 * chart the forum test measures at 14 px or more on a 1280 × 720 slide.
 */
import { describe, expect, test } from 'vitest';
import { parseHTML } from 'linkedom';
import type { PublishedRow } from '../../src/contract/published.ts';
import { ikmRankingChart, ikmRankingSlides } from '../../src/charts/ikm-ranking.ts';
import { rowsHeight } from '../../src/charts/plot.ts';
import { svgDocument } from '../../src/site/plot-document.ts';
import { SAMPLE_STATES, SAMPLE_WORDS, sampleState } from '../../src/charts/sample.ts';

/** `n` desa ranked best first as ikmRankingSql gives them; every seventh has no IKM (not drawn). */
function desa(n: number): PublishedRow[] {
  const rows = Array.from({ length: n }, (_, i) => {
    const ikm = i % 7 === 6 ? null : 95 - (i * 20) / n;
    return {
      kode_wilayah: 'besar',
      kode_unit: `DESA-${String(i).padStart(3, '0')}`,
      nama_unit: `Desa Sukamaju ${i}`,
      jenis_unit: 'desa',
      periode: '2025-S2',
      ikm,
      ikm_bawah: ikm === null ? null : ikm - 2,
      ikm_atas: ikm === null ? null : ikm + 2,
      mutu: ikm === null ? null : 'B',
      responden: 120,
      sampel_minimum: 100,
      // Unknown adequacy for the first 40 only: later slides key fewer states.
      sampel_cukup: i < 40 && i % 3 === 0 ? '' : 'ya',
    };
  });
  return [...rows.filter((r) => r.ikm !== null), ...rows.filter((r) => r.ikm === null)];
}

/** A drawing's row labels top to bottom (a cut label's whole name is its title) and its viewBox height. */
function read(svg: string) {
  const { document } = parseHTML(`<div>${svg}</div>`);
  const labels = [...document.querySelectorAll('g[text-anchor=start] > text')].map(
    (t) => t.querySelector('title')?.textContent ?? t.textContent ?? '',
  );
  const height = Number(document.querySelector('svg')?.getAttribute('viewBox')?.split(' ')[3]);
  return { labels, height, label: document.querySelector('svg')?.getAttribute('aria-label') ?? '' };
}

describe('the IKM ranking cut for the forum', () => {
  test.each(['id', 'en'] as const)('300 desa (%s): each unit with an IKM once, in rank order, eight rows a slide at most', (lang) => {
    const rows = desa(300);
    const input = { kode: 'besar', periode: '2025-S2', rows };
    const ranked = rows.filter((r) => r.ikm !== null).map((r) => String(r.nama_unit));
    const slides = ikmRankingSlides(lang, input, svgDocument()) ?? {
      slideParts: [ikmRankingChart(lang, input, svgDocument()).svg],
      slideLegends: [],
    };
    const parts = slides.slideParts.map(read);
    expect(parts.flatMap((p) => p.labels)).toEqual(ranked);
    expect(parts.length).toBe(Math.ceil(ranked.length / 8));
    for (const p of parts) expect(p.height).toBeLessThanOrEqual(rowsHeight(8));
    // Each slide keys the sample states its own units draw, and no other.
    const drawn = rows.filter((r) => r.ikm !== null);
    expect(slides.slideLegends).toHaveLength(parts.length);
    slides.slideLegends.forEach((legend, k) => {
      const units = new Set(parts[k].labels);
      const states = new Set(drawn.filter((r) => units.has(String(r.nama_unit))).map((r) => sampleState(r.sampel_cukup)));
      expect(legend.filter((l) => l.shape && l.shape !== 'rule').map((l) => l.label)).toEqual(
        SAMPLE_STATES.filter((s) => states.has(s)).map((s) => SAMPLE_WORDS[lang].legend[s]),
      );
    });
    // Each part names its place and its ranks, for a screen reader in the room.
    expect(parts[1].label).toMatch(lang === 'id' ? / \(2\/33\), peringkat 8–15$/ : / \(2\/33\), ranks 8–15$/);
  });

  test('a ranking one slide holds is not cut', () => {
    expect(ikmRankingSlides('id', { kode: 'besar', periode: '2025-S2', rows: desa(9) }, svgDocument())).toBeUndefined();
  });
});
