/**
 * Numbers and names in the drawn charts: tick labels keep the page's thousands separator while
 * trailing zero decimals go, Plot's long coordinates are shortened in geometry only, and a chart
 * is one accessible image with one name (axe: no aria-label on Plot's inner groups).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { Lang } from '../../src/i18n/lang.ts';
import { axisFormat, chartMarkup, Plot, renderPlot, trimCoordinates, trimDecimals } from '../../src/charts/plot.ts';
import { distinctLabels, textEms } from '../../src/charts/label-fit.ts';
import { svgDocument } from '../../src/site/plot-document.ts';

describe('trimDecimals: trailing zero decimals, after the language’s decimal mark only', () => {
  test.each<[Lang, string, string]>([
    ['id', '1.000', '1.000'],
    ['id', '2,50', '2,5'],
    ['id', '3,00', '3'],
    ['id', '12.345,60', '12.345,6'],
    ['id', '10,05', '10,05'],
    ['id', '91,48', '91,48'],
    ['en', '1,000', '1,000'],
    ['en', '2.50', '2.5'],
    ['en', '1,000.00', '1,000'],
    ['en', '10.05', '10.05'],
  ])('%s %s → %s', (lang, text, expected) => {
    expect(trimDecimals(text, lang)).toBe(expected);
  });

  test('axis ticks print whole thousands in both languages', () => {
    expect(axisFormat('id', 'count')(1000)).toBe('1.000');
    expect(axisFormat('en', 'count')(1000)).toBe('1,000');
    expect(axisFormat('id', 'fixed2')(2.5)).toBe('2,5');
    expect(axisFormat('en', 'fixed2')(80)).toBe('80');
  });
});

test('coordinates keep two decimals', () => {
  expect(trimCoordinates('M12.345678,9.87654L1,2.5')).toBe('M12.34,9.87L1,2.5');
  expect(trimCoordinates('translate(0.5,0)')).toBe('translate(0.5,0)');
});

describe('a drawn chart', () => {
  const draw = (lang: Lang) =>
    renderPlot(
      {
        x: { domain: [0, 2500], tickFormat: axisFormat(lang, 'count'), label: 'jam' },
        marks: [
          Plot.barX(
            [
              { k: 'a', v: 1234.5678 },
              { k: 'b', v: 2222 },
            ],
            { y: 'k', x: 'v' },
          ),
          Plot.text([{ k: 'a' }], { y: 'k', x: 0, text: () => '1.000,50 / 2.50' }),
        ],
      },
      { label: 'Jam pelatihan 1.000' },
      svgDocument(),
    );

  test('keeps thousands on its axis (Indonesian 1.000, English 1,000)', () => {
    expect(draw('id')).toContain('>1.000<');
    expect(draw('id')).toContain('>2.000<');
    expect(draw('id')).not.toMatch(/>1\.00</);
    expect(draw('en')).toContain('>1,000<');
  });

  test('never changes its text: labels and the accessible name keep every digit', () => {
    const svg = draw('id');
    expect(svg).toContain('>1.000,50 / 2.50<');
    expect(svg).toContain('aria-label="Jam pelatihan 1.000"');
  });

  test('has coordinates with at most two decimals', () => {
    const geometry = [...draw('id').matchAll(/\s(?:x|y|x1|x2|y1|y2|width|height|d|transform)="([^"]*)"/g)].map((m) => m[1]);
    expect(geometry.length).toBeGreaterThan(0);
    expect(geometry.filter((v) => /\d\.\d{3}/.test(v))).toEqual([]);
  });

  test('is one image with one name: no aria-label below the <svg>', () => {
    const svg = draw('en');
    expect(svg.match(/aria-label=/g)).toHaveLength(1);
    expect(svg).toMatch(/^<svg [^>]*aria-label="Jam pelatihan 1.000"[^>]*role="img"/);
  });

  test("carries no <style> of Plot's: its rules are in the site's stylesheet, as this Plot writes them", () => {
    expect(draw('id')).not.toContain('<style');
    // What Plot writes into a chart it draws (finishChart takes it out), rule for rule in site.css.
    const drawn = Plot.plot({ marks: [Plot.dot([1], { x: (d: number) => d })], document: svgDocument() });
    const rules = drawn.querySelector('style')?.textContent ?? '';
    expect(rules).toMatch(/^:where\(\.plot-[0-9a-f]+\)/);
    const css = readFileSync(new URL('../../src/styles/site.css', import.meta.url), 'utf8');
    expect(css).toContain(rules);
    // A legend keeps its own rules (its swatches' layout), which the stylesheet does not hold.
    const legend = renderPlot(
      { color: { legend: true }, marks: [Plot.barX([{ k: 'a' }, { k: 'b' }], { x: () => 1, y: 'k', fill: 'k' })] },
      { label: 'x' },
      svgDocument(),
    );
    expect(legend).toMatch(/<style>:where\(\.plot-[0-9a-f]+-swatches/);
    expect(legend).not.toContain(rules);
  });

  test('is written the same way whatever DOM drew it: attributes in name order, one style syntax', () => {
    const doc = svgDocument();
    const el = doc.createElement('div');
    el.setAttribute('style', 'font-size: 14px; font-family: inherit;');
    el.setAttribute('b', '1 < 2');
    el.setAttribute('a', '"x" & y');
    el.append(doc.createTextNode('a < b & c'));
    expect(chartMarkup(el)).toBe(
      '<div a="&quot;x&quot; &amp; y" b="1 &lt; 2" style="font-size:14px;font-family:inherit">a &lt; b &amp; c</div>',
    );
  });
});

describe('distinctLabels: labels that fit and tell rows apart', () => {
  const keys = (texts: string[]) => texts.map((_, i) => `k${i}`);
  const fit = (texts: string[], ems = 22) => distinctLabels(keys(texts), texts, ems);
  const jakarta = ['Pusat', 'Selatan', 'Timur'].map((city) => `Suku Dinas Dukcapil Kota Administrasi Jakarta ${city}`);

  test('labels that fit are whole', () => {
    expect(fit(['Surat Keterangan Usaha · Kelurahan Belo', 'Sekretariat'])).toEqual([
      'Surat Keterangan Usaha · Kelurahan Belo',
      'Sekretariat',
    ]);
  });
  test('a label too long alone is cut at its end, as Plot would', () => {
    expect(fit(['Dinas Kependudukan dan Pencatatan Sipil Kota Jayapura'])).toEqual(['Dinas Kependudukan dan Pencatatan Sipil…']);
  });
  test('names alike at their start keep the words where they differ', () => {
    // Plot's own cut read "Suku Dinas Dukcapil Kota Administrasi Jaka…" three times.
    expect(fit(jakarta)).toEqual([
      'Suku Dinas Dukcapil Kota … Pusat',
      'Suku Dinas Dukcapil Kota … Selatan',
      'Suku Dinas Dukcapil Kota … Timur',
    ]);
  });
  test('service · unit rows differing in both parts keep both differences', () => {
    const rows = ['Akta Kelahiran', 'Akta Kematian', 'Penerbitan KTP-el', 'Penerbitan Kartu Keluarga'].flatMap((service) =>
      jakarta.map((unit) => `${service} · ${unit}`),
    );
    const labels = fit(rows);
    // Plot's own cut of fitLabel's labels read "Penerbit… · Suku Dinas…si Jakarta Pusat" twice.
    expect(labels[2]).toBe('Akta Kelahiran · Suku Dinas … Timur');
    expect(labels[6]).toBe('Penerbitan KTP-el · Suku Dinas … Pusat');
    expect(labels[9]).toBe('Penerbitan Kartu Keluarga · Suku … Pusat');
    expect(new Set(labels).size).toBe(rows.length);
  });
  test('rows with the same text are told apart by their key', () => {
    expect(distinctLabels(['U07', 'U08'], ['Sekretariat', 'Sekretariat'], 22)).toEqual(['Sekretariat (U07)', 'Sekretariat (U08)']);
  });
  test('no label is cut again by Plot: measured as Plot measures', () => {
    const labels = fit([...jakarta, 'WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW', 'Dinas Kependudukan dan Pencatatan Sipil Kota Jayapura']);
    const svg = renderPlot(
      {
        marks: [
          Plot.text(labels, { x: 0, y: (_: string, i: number) => i, text: (d: string) => d, lineWidth: 22, textOverflow: 'ellipsis' }),
        ],
      },
      { label: 't' },
      svgDocument(),
    );
    for (const l of labels) {
      expect(textEms(l)).toBeLessThanOrEqual(22);
      expect(svg).toContain(`>${l}<`);
    }
  });
});
