/**
 * Published rows are typed by their table (src/contract/published.ts): a cell reader takes only
 * a column of that table, so a misspelt column is a compile error (`npm run check` fails if a
 * `@ts-expect-error` below stops being an error); and every number column declares how it is
 * printed.
 */
import { describe, expect, it } from 'vitest';
import { TABLES, type ColumnName, type Row } from '../../src/contract/published.ts';
import { num, str } from '../../src/charts/row.ts';
import { pubCell } from '../../src/charts/chart.ts';

const row = { kode_wilayah: 'a', kode_unit: 'u1', periode: '2025', ikm: 88.5 } as unknown as Row<'ikm_unit'>;

describe('typed published rows', () => {
  it('read the columns of their table', () => {
    expect(str(row, 'kode_unit')).toBe('u1');
    expect(num(row, 'ikm')).toBe(88.5);
    expect(pubCell('en', 'ikm_unit', row, 'ikm').text).toBe('88.50');
    // @ts-expect-error: ikm_unit has no column `ikm_rata`
    expect(num(row, 'ikm_rata')).toBeNull();
    // @ts-expect-error: `kepatuhan` is a column of kepatuhan_laporan, not of ikm_unit
    pubCell('en', 'ikm_unit', row, 'kepatuhan');
    const col: ColumnName<'pengaduan_bulanan'> = 'median_hari';
    expect(col).toBe('median_hari');
  });

  it('every number column declares its style; text and dates none', () => {
    for (const t of TABLES)
      for (const c of t.columns) {
        const style = (c as { style?: string }).style;
        if (c.type === 'integer') expect(`${t.name}.${c.name}: ${style}`).toBe(`${t.name}.${c.name}: count`);
        else if (c.type === 'number') expect(['fixed2', 'nrr', 'plain']).toContain(style);
        else expect(style).toBeUndefined();
      }
    const ikm = TABLES.find((t) => t.name === 'ikm_unit')!.columns;
    expect(
      Object.fromEntries(
        ikm.filter((c) => c.name === 'ikm' || c.name === 'nrr_waktu').map((c) => [c.name, (c as { style?: string }).style]),
      ),
    ).toEqual({ ikm: 'fixed2', nrr_waktu: 'nrr' });
  });
});
