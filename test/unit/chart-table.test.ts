/**
 * The table and CSV under a chart (issue #10, item 7): a column empty in every row takes no
 * phone width; it is left out of both, and the table says so. A column whose cells say why they
 * are empty (hidden, not computable) is not empty.
 */
import { describe, expect, test } from 'vitest';
import { chartCsv, chartFileName, labelCell, sumCell, type ChartColumn, type ChartRow } from '../../src/charts/chart-data.ts';
import { parseHTML } from 'linkedom';
import { chartTableHtml, numHtml, sourceOf } from '../../src/charts/chart-html.ts';

const columns: ChartColumn[] = [
  { key: 'nama_unit', label: 'Unit' },
  { key: 'satuan', label: 'Satuan' },
  { key: 'realisasi', label: 'Realisasi', numeric: true },
];
const rows: ChartRow[] = [
  { nama_unit: labelCell('Kantor A'), satuan: labelCell(''), realisasi: sumCell('id', null) },
  { nama_unit: labelCell('Kantor B'), satuan: labelCell(''), realisasi: sumCell('id', 3) },
];

describe('a column empty in every row', () => {
  test('is left out of the table, with a note in the page’s language', () => {
    const id = chartTableHtml({ columns, rows }, 'id', 'Tabel');
    expect(id).not.toContain('>Satuan</th>');
    expect(id).toContain('Kolom yang kosong di semua baris tidak ditampilkan: Satuan.');
    expect(chartTableHtml({ columns, rows }, 'en', 'Table')).toContain('Columns empty in every row are left out: Satuan.');
  });
  test('and of the CSV, which keeps the table’s columns', () => {
    expect(chartCsv({ columns, rows }).split('\r\n')[0]).toBe('nama_unit,realisasi');
  });
  test('a column that says why a cell is empty stays', () => {
    const html = chartTableHtml({ columns, rows: rows.slice(0, 1) }, 'id', 'Tabel');
    expect(html).toContain('>Realisasi</th>');
  });
  test('a table with a value in every column has no note', () => {
    const full = rows.map((r) => ({ ...r, satuan: labelCell('%') }));
    expect(chartTableHtml({ columns, rows: full }, 'id', 'Tabel')).not.toContain('class="note"');
  });
});

describe('a chart download (issue #11)', () => {
  const ikm: ChartColumn[] = [
    { key: 'kode_unit', label: 'Unit' },
    { key: 'periode', label: 'Periode' },
    { key: 'ikm', label: 'IKM', numeric: true },
  ];
  const at = (periode: string): ChartRow => ({
    kode_unit: labelCell('U01'),
    periode: labelCell(periode),
    ikm: sumCell('id', 83.47, 'fixed2'),
  });
  test('leads with the region’s code in every row, unless the table has it already', () => {
    expect(chartCsv({ columns: ikm, rows: [at('2025-S2')] }, 'binjai')).toBe(
      'kode_wilayah,kode_unit,periode,ikm\r\nbinjai,U01,2025-S2,83.47\r\n',
    );
    const own: ChartColumn[] = [{ key: 'kode_wilayah', label: 'Wilayah' }, ...ikm];
    expect(chartCsv({ columns: own, rows: [{ ...at('2025'), kode_wilayah: labelCell('binjai') }] }, 'binjai').split('\r\n')[0]).toBe(
      'kode_wilayah,kode_unit,periode,ikm',
    );
  });
  test('is named for what it holds: region, unit, chart, period', () => {
    expect(chartFileName({ id: 'ikm', rows: [at('2025-S2')] }, ['binjai'])).toBe('binjai-ikm-2025-S2.csv');
    expect(chartFileName({ id: 'ikm-tren', rows: [at('2024'), at('2025-S1'), at('2025')] }, ['binjai', 'U01'])).toBe(
      'binjai-U01-ikm-tren-2024_2025-S1.csv',
    );
    expect(chartFileName({ id: 'ikm', rows: [at('2025-S2')] }, ['binjai'], ['2024-S1'])).toBe('binjai-ikm-2024-S1.csv');
    expect(chartFileName({ id: 'unsur', rows: [] }, ['binjai', 'kode aneh/1'])).toBe('binjai-kode_aneh_1-unsur.csv');
  });
});

describe('a table names each published source once, and sourceOf reads it back', () => {
  const cell = (raw: string, key: string, col: string, table: 'ikm_unit' | 'predikat_unit' = 'ikm_unit') => ({
    raw,
    text: raw,
    numeric: true,
    ref: { table, key, col },
  });
  const cols: ChartColumn[] = [
    { key: 'ikm', label: 'IKM', numeric: true },
    { key: 'responden', label: 'Responden', numeric: true },
  ];
  /** Every <data> of the HTML with its value and source, as a reader finds them. */
  const read = (html: string) =>
    [...parseHTML(`<!doctype html><html><body>${html}</body></html>`).document.querySelectorAll('data')].map((d) => ({
      value: d.getAttribute('value'),
      source: sourceOf(d),
    }));
  test('the table on <table>, the key on <tr>, the column in its header, when they are shared', () => {
    const html = chartTableHtml(
      {
        columns: cols,
        rows: [
          { ikm: cell('81.5', 'a|U01|2025-S1', 'ikm'), responden: cell('120', 'a|U01|2025-S1', 'responden') },
          { ikm: cell('77', 'a|U02|2025-S1', 'ikm'), responden: cell('95', 'a|U02|2025-S1', 'responden') },
        ],
      },
      'id',
      'T',
    );
    expect(html).toContain('<table data-tabel="ikm_unit">');
    expect(html).toContain('<th scope="col" class="num" data-kolom="ikm">IKM</th><th scope="col" class="num" data-kolom="responden">');
    expect(html).toContain(
      '<tr data-kunci="a|U01|2025-S1"><td class="num"><data value="81.5">81.5</data></td><td class="num"><data value="120">120</data></td></tr>',
    );
    expect(read(html)).toEqual([
      { value: '81.5', source: { table: 'ikm_unit', key: 'a|U01|2025-S1', col: 'ikm' } },
      { value: '120', source: { table: 'ikm_unit', key: 'a|U01|2025-S1', col: 'responden' } },
      { value: '77', source: { table: 'ikm_unit', key: 'a|U02|2025-S1', col: 'ikm' } },
      { value: '95', source: { table: 'ikm_unit', key: 'a|U02|2025-S1', col: 'responden' } },
    ]);
  });
  test('on the row or the cell where rows or cells differ; a header lends no column to a cell without a source', () => {
    const html = chartTableHtml(
      {
        columns: cols,
        rows: [
          { ikm: cell('81.5', 'a|U01|2025-S1', 'ikm'), responden: cell('120', 'a|U01|2025-S1', 'responden', 'predikat_unit') },
          { ikm: cell('77', 'a|U02|2025-S1', 'ikm'), responden: cell('95', 'a|U02|2025-S1', 'mutu') },
          { ikm: cell('70', 'a|U03|2025-S1', 'ikm', 'predikat_unit'), responden: { raw: '3', text: '3', numeric: true } },
        ],
      },
      'id',
      'T',
    );
    expect(html).toContain('<table>');
    expect(html).toContain('<th scope="col" class="num" data-kolom="ikm">IKM</th><th scope="col" class="num">Responden</th>');
    expect(html).toContain('<tr><td class="num"><data value="81.5" data-tabel="ikm_unit" data-kunci="a|U01|2025-S1">');
    expect(html).toContain('<data value="120" data-tabel="predikat_unit" data-kunci="a|U01|2025-S1" data-kolom="responden">');
    expect(html).toContain('<tr data-tabel="ikm_unit" data-kunci="a|U02|2025-S1"><td class="num"><data value="77">77</data></td>');
    expect(read(html)).toEqual([
      { value: '81.5', source: { table: 'ikm_unit', key: 'a|U01|2025-S1', col: 'ikm' } },
      { value: '120', source: { table: 'predikat_unit', key: 'a|U01|2025-S1', col: 'responden' } },
      { value: '77', source: { table: 'ikm_unit', key: 'a|U02|2025-S1', col: 'ikm' } },
      { value: '95', source: { table: 'ikm_unit', key: 'a|U02|2025-S1', col: 'mutu' } },
      { value: '70', source: { table: 'predikat_unit', key: 'a|U03|2025-S1', col: 'ikm' } },
      { value: '3', source: null },
    ]);
  });
  test('a number in a sentence names its whole source itself', () => {
    const html = numHtml(cell('81.5', 'a|U01|2025-S1', 'ikm'), 'id');
    expect(html).toBe('<data value="81.5" data-tabel="ikm_unit" data-kunci="a|U01|2025-S1" data-kolom="ikm">81.5</data>');
    expect(read(`<p>IKM ${html}.</p>`)).toEqual([{ value: '81.5', source: { table: 'ikm_unit', key: 'a|U01|2025-S1', col: 'ikm' } }]);
  });
});
