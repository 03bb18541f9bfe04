/**
 * Labels that tell rows apart (issue #10, item 6): in every chart of every built page (region,
 * unit, service, forum, embed, compare; both languages), no two visible labels are equal. A
 * visible label is a <text>'s own words (its <title>, the whole name on hover, left out) with at
 * least one letter: tick labels, row and panel names, month initials; numbers printed in
 * heatmap cells repeat by nature and are values, not labels.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';

const siteDir = inject('siteDir');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? htmlFiles(join(dir, d.name)) : d.name.endsWith('.html') ? [join(dir, d.name)] : [],
  );
}

/** What a reader sees of a <text>: its text and its tspans, not its <title>. */
const visible = (text: Element): string =>
  [...text.childNodes]
    .map((n) =>
      n.nodeType === 3 ? n.textContent : n.nodeType === 1 && (n as Element).tagName.toLowerCase() === 'tspan' ? n.textContent : '',
    )
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Each chart's repeated labels, as "page · chart: label ×n". */
export function repeatedLabels(dir: string): { charts: number; repeats: string[] } {
  let charts = 0;
  const repeats: string[] = [];
  for (const file of htmlFiles(dir)) {
    const { document } = parseHTML(readFileSync(file, 'utf8'));
    for (const svg of document.querySelectorAll('svg[role="img"]')) {
      charts++;
      const seen = new Map<string, number>();
      for (const t of [...svg.querySelectorAll('text')].filter((t) => !t.closest('.kt-value'))) {
        const label = visible(t);
        if (/\p{L}/u.test(label)) seen.set(label, (seen.get(label) ?? 0) + 1);
      }
      for (const [label, n] of seen)
        if (n > 1) repeats.push(`${relative(dir, file)} · ${svg.getAttribute('aria-label')}: "${label}" ×${n}`);
    }
  }
  return { charts, repeats };
}

describe('chart labels tell rows apart', () => {
  it('no chart of any built page shows the same label twice', () => {
    const { charts, repeats } = repeatedLabels(siteDir);
    expect(charts).toBeGreaterThan(100);
    expect(repeats).toEqual([]);
  });
});
