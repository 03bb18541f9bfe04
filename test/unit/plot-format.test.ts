/**
 * Numbers and names in the drawn charts: tick labels keep the page's thousands separator while
 * trailing zero decimals go, Plot's long coordinates are shortened in geometry only, and a chart
 * is one accessible image with one name (axe: no aria-label on Plot's inner groups).
 */
import { describe, expect, test } from 'vitest';
import type { Lang } from '../../src/lib/i18n.ts';
import { axisFormat, chartMarkup, fitLabel, Plot, renderPlot, trimCoordinates, trimDecimals } from '../../src/lib/plot.ts';
import { svgDocument } from '../../src/lib/plot-document.ts';

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
        marks: [Plot.barX([{ k: 'a', v: 1234.5678 }, { k: 'b', v: 2222 }], { y: 'k', x: 'v' }), Plot.text([{ k: 'a' }], { y: 'k', x: 0, text: () => '1.000,50 / 2.50' })],
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

  test('is written the same way whatever DOM drew it: attributes in name order, one style syntax', () => {
    const doc = svgDocument();
    const el = doc.createElement('div');
    el.setAttribute('style', 'font-size: 14px; font-family: inherit;');
    el.setAttribute('b', '1 < 2');
    el.setAttribute('a', '"x" & y');
    el.append(doc.createTextNode('a < b & c'));
    expect(chartMarkup(el)).toBe('<div a="&quot;x&quot; &amp; y" b="1 &lt; 2" style="font-size:14px;font-family:inherit">a &lt; b &amp; c</div>');
  });
});

describe('fitLabel: a row label that keeps the part telling rows apart', () => {
  test('labels that fit are whole', () => {
    expect(fitLabel('Surat Keterangan Usaha', 'Kelurahan Belo', 'second')).toBe('Surat Keterangan Usaha · Kelurahan Belo');
  });
  test('a service offered by many units keeps the unit whole', () => {
    expect(fitLabel('Surat Keterangan Tidak Mampu', 'Kelurahan Oepura', 'second')).toBe('Surat Keterangan Tid… · Kelurahan Oepura');
  });
  test('a service offered once keeps its name whole', () => {
    expect(fitLabel('Surat Keterangan Ahli Waris', 'Kantor Kecamatan Maulafa', 'first')).toBe('Surat Keterangan Ahli Waris · Kantor Ke…');
  });
  test('a kept part too long alone keeps its start and its end, and the other its first characters', () => {
    // Three Suku Dinas told apart by their last word; three services by their first eight letters.
    const rows = ['Akta Kelahiran', 'Akta Kematian', 'Penerbitan KTP-el'].flatMap((service) =>
      ['Pusat', 'Selatan', 'Timur'].map((city) => fitLabel(service, `Suku Dinas Dukcapil Kota Administrasi Jakarta ${city}`, 'second')),
    );
    expect(rows[1]).toBe('Akta Kel… · Suku Dinas…Jakarta Selatan');
    expect(new Set(rows).size).toBe(rows.length);
    for (const r of rows) expect(r.length).toBeLessThanOrEqual(40);
  });
});
