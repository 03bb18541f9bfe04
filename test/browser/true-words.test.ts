/**
 * Issue #10, items 3 and 5: every sentence, mark and empty chart of the built sample is as true
 * as its published table.
 *
 * - an empty chart states its true cause, and a forum deck has no slide with nothing to show;
 * - "N dari M unit dipublikasikan" counts the units with at least one visible predikat count;
 * - hidden predikat cells are hatched (an SVG pattern), their key prints;
 * - target met by direction (not by kategori, not by capaian), each indicator's direction, and
 *   how many improved or held steady against the year before.
 *
 * Each sentence kind is recomputed here from the published capaian_iku.csv and predikat_unit.csv.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { parseHTML } from 'linkedom';
import { sourceOf } from '../../src/charts/chart-html.ts';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openBrowser } from '../support/browser.ts';

const siteDir = inject('siteDir');
const siteUrl = inject('siteUrl');

type Row = Record<string, string>;
const table = (name: string): Row[] =>
  Papa.parse<Row>(readFileSync(join(siteDir, 'data', `${name}.csv`), 'utf8'), { header: true, skipEmptyLines: true }).data;
const html = (path: string) => parseHTML(readFileSync(join(siteDir, path, 'index.html'), 'utf8')).document;
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const subdirs = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { withFileTypes: true })
        .filter((d) => d.isDirectory())
        .map((d) => d.name)
        .sort()
    : [];

const regions = subdirs(join(siteDir, 'wilayah'));
const PREDIKAT = ['sangat_baik', 'baik', 'butuh_perbaikan', 'kurang', 'sangat_kurang'];
const visible = (r: Row) => PREDIKAT.filter((p) => r[p] !== '').length;

/** The numbers a regex finds, or null when the sentence is not there. */
const numbers = (s: string, re: RegExp): number[] | null => {
  const m = re.exec(s);
  return m ? m.slice(1).map((x) => Number(x.replace(/\./g, ''))) : null;
};

// ——— Indicators, recomputed from capaian_iku.csv ———

const iku = table('capaian_iku');
const met = (r: Row): boolean | null =>
  r.realisasi === '' ? null : r.arah === 'naik' ? Number(r.realisasi) >= Number(r.target) : Number(r.realisasi) <= Number(r.target);
/** Improved or held steady against the same indicator's previous year (same arah and satuan); null when not comparable. */
function steadyOrBetter(r: Row): boolean | null {
  const p = iku.find(
    (q) =>
      q.kode_wilayah === r.kode_wilayah &&
      q.kode_unit === r.kode_unit &&
      q.kode_indikator === r.kode_indikator &&
      Number(q.tahun) === Number(r.tahun) - 1 &&
      q.arah === r.arah &&
      q.satuan === r.satuan,
  );
  if (!p || p.realisasi === '' || r.realisasi === '') return null;
  const [now, before] = [Number(r.realisasi), Number(p.realisasi)];
  return now === before || (r.arah === 'naik' ? now > before : now < before);
}
/** What the sentences of one year's rows must say. */
function expected(rows: Row[]) {
  const reported = rows.filter((r) => met(r) !== null);
  const compared = rows.map(steadyOrBetter).filter((x) => x !== null);
  return {
    met: reported.filter((r) => met(r)).length,
    reported: reported.length,
    unreported: rows.length - reported.length,
    better: compared.filter(Boolean).length,
    compared: compared.length,
  };
}

function checkTargetSentence(sentence: string, rows: Row[], year: number, lang: 'id' | 'en') {
  const e = expected(rows);
  const id = lang === 'id';
  const trend = numbers(
    sentence,
    id
      ? /dibanding (\d{4}), (\d+) dari (\d+) indikator yang dapat dibandingkan membaik atau tetap/
      : /against (\d{4}), (\d+) of (\d+) comparable indicators improved or held steady/,
  );
  expect(trend, sentence).toEqual(e.compared ? [year - 1, e.better, e.compared] : null);
  const target = numbers(
    sentence,
    id
      ? /(\d+) dari (\d+) indikator yang sudah dilaporkan mencapai target \(arah naik: realisasi ≥ target; arah turun: realisasi ≤ target\)/
      : /(\d+) of (\d+) reported indicators met their target \(direction up: realisation ≥ target; down: realisation ≤ target\)/,
  );
  expect(target, sentence).toEqual(e.reported ? [e.met, e.reported] : null);
  // With nothing reported the sentence says so, without counting.
  if (!e.reported) expect(sentence).toMatch(id ? /belum ada realisasi yang dilaporkan\.$/ : /no realisation reported yet\.$/);
  expect(numbers(sentence, id ? /(\d+) indikator belum dilaporkan/ : /(\d+) indicators have no realisation reported/), sentence).toEqual(
    e.unreported && e.reported ? [e.unreported] : null,
  );
}

/** The table under a chart: header labels and, per row, the text of each cell. */
function tableOf(figure: Element) {
  const head = [...figure.querySelectorAll('thead th')].map(text);
  return { head, rows: [...figure.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text)) };
}

describe('category is not success: target met by direction, and the year against the last', () => {
  it('capaian_iku.csv publishes tercapai and dibanding_tahun_lalu as recomputed here from target, realisasi and arah', () => {
    expect(iku.length).toBeGreaterThan(50);
    for (const r of iku) {
      const m = met(r);
      expect(r.tercapai, `${r.kode_wilayah} ${r.kode_unit} ${r.tahun} ${r.kode_indikator}`).toBe(m === null ? '' : m ? 'ya' : 'tidak');
      const s = steadyOrBetter(r);
      if (s === null) expect(r.dibanding_tahun_lalu).toBe('');
      else expect(r.dibanding_tahun_lalu === 'membaik' || r.dibanding_tahun_lalu === 'tetap').toBe(s);
    }
    expect(new Set(iku.map((r) => r.dibanding_tahun_lalu))).toEqual(
      new Set(['', 'membaik', 'memburuk', 'tetap'].filter((x) => iku.some((r) => r.dibanding_tahun_lalu === x))),
    );
    expect(iku.some((r) => r.dibanding_tahun_lalu === 'membaik')).toBe(true);
  });

  it.each(
    regions.flatMap(
      (k) =>
        [
          [k, 'id'],
          [k, 'en'],
        ] as const,
    ),
  )('%s (%s): the region capaian takeaway and table', (kode, lang) => {
    const doc = html(`${lang === 'en' ? 'en/' : ''}wilayah/${kode}`);
    const figure = doc.querySelector('figure#capaian');
    const own = iku.filter((r) => r.kode_wilayah === kode);
    if (!figure) return expect(own).toEqual([]);
    const year = Math.max(...own.map((r) => Number(r.tahun)));
    const rows = own.filter((r) => Number(r.tahun) === year);
    checkTargetSentence(text(figure.querySelector('.takeaway')), rows, year, lang);
    // Each indicator's row says its direction and whether its target was met, beside the kategori.
    const { head, rows: cells } = tableOf(figure);
    const col = (label: string) => head.indexOf(label);
    const [arah, code, unit, tercapai] =
      lang === 'id'
        ? [col('Arah'), col('Kode'), col('Kode unit'), col('Target tercapai?')]
        : [col('Direction'), col('Code'), col('Unit code'), col('Target met?')];
    expect(Math.min(arah, code, unit, tercapai), head.join('|')).toBeGreaterThanOrEqual(0);
    expect(cells.length).toBe(rows.length);
    for (const c of cells) {
      const r = rows.find((x) => x.kode_unit === c[unit] && x.kode_indikator === c[code])!;
      const m = met(r);
      expect(c[tercapai], `${r.kode_unit} ${r.kode_indikator}`).toBe(
        m === null
          ? lang === 'id'
            ? 'belum dilaporkan'
            : 'not reported yet'
          : lang === 'id'
            ? m
              ? 'Tercapai'
              : 'Tidak tercapai'
            : m
              ? 'Met'
              : 'Missed',
      );
      expect(c[arah]).toBe(
        r.arah === 'naik'
          ? lang === 'id'
            ? '↑ makin tinggi makin baik'
            : '↑ higher is better'
          : lang === 'id'
            ? '↓ makin rendah makin baik'
            : '↓ lower is better',
      );
    }
  });

  it('Jayapura: 0 of its reported 2025 indicators met their target, though the kategori says "Sangat Tinggi"', () => {
    const rows = iku.filter((r) => r.kode_wilayah === 'jayapura' && r.tahun === '2025' && r.realisasi !== '');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.filter((r) => met(r)).length).toBe(0);
    expect(rows.some((r) => r.kategori === 'sangat_tinggi')).toBe(true);
    const figure = html('wilayah/jayapura').querySelector('figure#capaian')!;
    expect(text(figure.querySelector('.takeaway'))).toContain(
      `0 dari ${rows.length} indikator yang sudah dilaporkan mencapai target (arah naik`,
    );
    // Beside each "Sangat Tinggi", the table says the target was missed.
    const { head, rows: cells } = tableOf(figure);
    const [kategori, tercapai] = [head.indexOf('Kategori'), head.indexOf('Target tercapai?')];
    const reported = cells.filter((c) => c[tercapai] !== 'belum dilaporkan');
    expect(reported.length).toBe(rows.length);
    expect(reported.some((c) => c[kategori] === 'Sangat Tinggi')).toBe(true);
    expect(reported.every((c) => c[tercapai] === 'Tidak tercapai')).toBe(true);
  });

  it.each(regions)('%s: the region headlines lead with improved or held steady, then targets met by direction', (kode) => {
    const own = iku.filter((r) => r.kode_wilayah === kode);
    const items = [...html(`wilayah/${kode}`).querySelectorAll('dl.headlines > div')].map((d) => ({
      label: text(d.querySelector('dt')),
      note: text(d.querySelector('dd .note')),
    }));
    const steady = items.findIndex((h) => h.label.startsWith('Indikator membaik atau tetap'));
    const target = items.findIndex((h) => h.label.startsWith('Indikator mencapai target'));
    if (!own.length) return expect(steady).toBe(-1);
    const year = Math.max(...own.map((r) => Number(r.tahun)));
    const e = expected(own.filter((r) => Number(r.tahun) === year));
    if (e.compared) {
      expect(steady).toBeGreaterThanOrEqual(0);
      expect(steady).toBeLessThan(target);
      expect(numbers(items[steady].note, /^(\d+) dari (\d+) indikator dibanding (\d{4})/)).toEqual([e.better, e.compared, year - 1]);
    } else expect(steady).toBe(-1);
    if (e.reported)
      expect(
        numbers(
          items[target].note,
          /^(\d+) dari (\d+) indikator; "mencapai target" = realisasi ≥ target \(arah naik\) atau ≤ target \(arah turun\)/,
        ),
      ).toEqual([e.met, e.reported]);
  });

  const unitPages = regions.flatMap((k) => subdirs(join(siteDir, 'wilayah', k, 'unit')).map((u) => [k, u] as const));
  it(`every unit page's indicator takeaway, and each bar's label says met or missed (${unitPages.length} units)`, () => {
    let checked = 0;
    for (const [kode, unit] of unitPages) {
      const figure = html(`wilayah/${kode}/unit/${unit}`).querySelector('figure#iku');
      const own = iku.filter((r) => r.kode_wilayah === kode && r.kode_unit === unit);
      if (!figure) {
        expect(own, `${kode}/${unit}`).toEqual([]);
        continue;
      }
      const year = Math.max(...own.map((r) => Number(r.tahun)));
      const rows = own.filter((r) => Number(r.tahun) === year);
      checkTargetSentence(text(figure.querySelector('.takeaway')), rows, year, 'id');
      const labels = [...figure.querySelectorAll('svg text title')].map(text);
      const drawn = rows.filter((r) => met(r) !== null);
      expect(labels.length, `${kode}/${unit}`).toBe(drawn.length);
      for (const r of drawn) {
        const row = [...figure.querySelectorAll('svg text')].find((t) =>
          text(t.querySelector('title')).startsWith(`${r.nama_indikator} · `),
        );
        expect(row, `${kode}/${unit} ${r.kode_indikator}`).toBeTruthy();
        expect(text(row).replace(text(row!.querySelector('title')), '')).toMatch(met(r) ? /· Tercapai$/ : /· Tidak tercapai$/);
        expect(text(row!.querySelector('title'))).toContain(r.arah === 'naik' ? 'makin tinggi makin baik' : 'makin rendah makin baik');
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(5);
  });
});

// ——— Appraisals, recomputed from predikat_unit.csv ———

const predikat = table('predikat_unit');
const REASON_ID: Record<string, string> = {
  kelompok_kecil: 'karena kelompoknya kecil',
  sel_kecil: 'karena sel-selnya kecil',
  pembeda: 'agar tidak dapat dihitung dari selisih',
};

/** The predikat_unit rows a figure's table shows, found in the CSV by the key its cells carry. */
function shownRows(figure: Element): Row[] {
  return [...figure.querySelectorAll('tbody tr')].map((tr) => {
    // The first number of the row from predikat_unit: its key, wherever the table names it (sourceOf).
    const key = [...tr.querySelectorAll('data')].map(sourceOf).find((s) => s?.table === 'predikat_unit')!.key;
    return predikat.find((r) => `${r.kode_wilayah}|${r.kode_unit}|${r.periode}` === key)!;
  });
}

function checkPredikatSentence(sentence: string, rows: Row[], what: string) {
  const shown = rows.filter((r) => visible(r) > 0);
  const hidden = rows.filter((r) => visible(r) === 0);
  expect(
    numbers(sentence, new RegExp(`^(\\d+) dari (\\d+) ${what} dipublikasikan \\(sedikitnya satu jumlah predikat terlihat\\)`)),
    sentence,
  ).toEqual([shown.length, rows.length]);
  for (const [reason, words] of Object.entries(REASON_ID)) {
    const n = hidden.filter((r) => r.disembunyikan === reason).length;
    expect(numbers(sentence, new RegExp(`(\\d+) ${words}`)), `${reason}: ${sentence}`).toEqual(n ? [n] : null);
  }
  const partly = shown.filter((r) => visible(r) < PREDIKAT.length).length;
  expect(numbers(sentence, new RegExp(`Di (\\d+) ${what} yang dipublikasikan sebagian sel disembunyikan`)), sentence).toEqual(
    partly ? [partly] : null,
  );
}

describe('predikat: published means a visible count, and each hidden row says its own reason', () => {
  it.each(regions)('%s: region page', (kode) => {
    const figure = html(`wilayah/${kode}`).querySelector('figure#predikat');
    if (!figure) return expect(predikat.filter((r) => r.kode_wilayah === kode)).toEqual([]);
    const rows = shownRows(figure);
    expect(rows.every(Boolean)).toBe(true);
    checkPredikatSentence(text(figure.querySelector('.takeaway')), rows, 'unit');
  });

  it('every unit page', () => {
    let checked = 0;
    for (const kode of regions) {
      for (const unit of subdirs(join(siteDir, 'wilayah', kode, 'unit'))) {
        const figure = html(`wilayah/${kode}/unit/${unit}`).querySelector('figure#predikat');
        const rows = predikat.filter((r) => r.kode_wilayah === kode && r.kode_unit === unit);
        if (!figure) {
          expect(rows).toEqual([]);
          continue;
        }
        checkPredikatSentence(text(figure.querySelector('.takeaway')), rows, 'periode');
        // A unit with no visible count has nothing drawn, and says that every group is hidden.
        if (rows.every((r) => visible(r) === 0))
          expect(figure.querySelector('[data-kosong]')?.getAttribute('data-kosong')).toBe('disembunyikan');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(10);
  });

  it.each(regions)('%s: hidden segments are hatched, never the flat grey that reads like "Butuh perbaikan"', (kode) => {
    const figure = html(`wilayah/${kode}`).querySelector('figure#predikat');
    const svg = figure?.querySelector('svg');
    if (!svg) return;
    const rows = shownRows(figure!);
    const partlyHidden = rows.some((r) => r.pegawai === '' || visible(r) < PREDIKAT.length);
    const pattern = svg.querySelector('pattern#kt-arsir');
    const hatched = [...svg.querySelectorAll('[fill="url(#kt-arsir)"], [fill="url(#kt-arsir-muda)"]')];
    expect(hatched.length > 0, kode).toBe(partlyHidden);
    if (!partlyHidden) return;
    // The pattern lives in this very SVG (an embed or a slide carries it along), white with dark ink.
    expect(pattern, kode).toBeTruthy();
    expect(pattern!.querySelector('rect')?.getAttribute('fill')).toBe('white');
    expect(pattern!.querySelector('line')?.getAttribute('stroke')).toBe('#57606a');
    expect(svg.innerHTML).not.toContain('#d0d7de');
    // The key says so with a hatched swatch.
    expect(figure!.querySelector('.legend .swatch.hatched')).toBeTruthy();
  });
});

describe('an empty chart states its true cause; a forum deck skips it', () => {
  it('Manokwari: no score is drawn because its export has no score columns, not because every group is hidden', () => {
    const figure = html('wilayah/manokwari').querySelector('figure#selisih-nilai')!;
    expect(figure.querySelector('svg')).toBeNull();
    expect(figure.querySelector('[data-kosong]')?.getAttribute('data-kosong')).toBe('tidak-diekspor');
    const rows = shownRows(figure);
    const open = rows.filter((r) => r.disembunyikan !== 'kelompok_kecil' && r.disembunyikan !== 'pembeda');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r) => r.rata_nilai_atasan === '' && r.rata_nilai_diri === '' && r.rata_nilai_rekan === '')).toBe(true);
    const sentence = text(figure.querySelector('.takeaway'));
    expect(sentence).not.toMatch(/Semua kelompok disembunyikan/);
    expect(numbers(sentence, /kosong\) untuk (\d+) unit yang kelompoknya dipublikasikan/), sentence).toEqual([open.length]);
    expect(numbers(sentence, /; (\d+) unit lain disembunyikan/), sentence).toEqual(
      rows.length > open.length ? [rows.length - open.length] : null,
    );
    const en = html('en/wilayah/manokwari').querySelector('figure#selisih-nilai [data-kosong]');
    expect(text(en)).toContain('export does not hold these data');
  });

  it.each(regions)('%s: every figure that draws nothing says why; the forum deck has a slide only for a drawn chart', (kode) => {
    const page = html(`wilayah/${kode}`);
    const empty = [...page.querySelectorAll('figure.chart')].filter((f) => !f.querySelector('svg'));
    for (const f of empty)
      expect(f.querySelector('[data-kosong]')?.getAttribute('data-kosong'), `${kode}#${f.id}`).toMatch(
        /^(tidak-diekspor|disembunyikan|belum-dilaporkan|tidak-berlaku)$/,
      );
    const deck = html(`forum/${kode}`);
    const slides = [...deck.querySelectorAll('section.slide[data-chart]')];
    for (const s of slides) expect(s.querySelector('svg'), `${kode} ${s.id}`).toBeTruthy();
    const drawn = [...page.querySelectorAll('figure.chart')].filter((f) => f.querySelector('svg')).map((f) => f.id);
    expect([...new Set(slides.map((s) => s.getAttribute('data-chart')))]).toEqual(drawn);
    // The agenda and the counter count only the slides there are.
    expect(deck.querySelectorAll('.slide-agenda li').length).toBe(drawn.length);
    expect(text(deck.querySelector('#slide-1 .slide-count'))).toBe(`1 / ${slides.length + 1}`);
  });
});

describe('the hatched key prints', () => {
  let browser: Awaited<ReturnType<typeof openBrowser>>;
  beforeAll(async () => {
    browser = await openBrowser({ javaScriptEnabled: false });
  });
  afterAll(async () => browser?.close());

  it('in print media the swatch keeps its hatching (print-color-adjust: exact), unlike a flat grey', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${siteUrl}/wilayah/manokwari/`, { waitUntil: 'load' });
    await page.emulateMedia({ media: 'print' });
    const style = await page.$eval('#predikat .legend .swatch.hatched', (el) => ({
      image: getComputedStyle(el).backgroundImage,
      adjust: getComputedStyle(el).printColorAdjust,
    }));
    await page.close();
    expect(style.image).toContain('repeating-linear-gradient');
    expect(style.adjust).toBe('exact');
  });
});
