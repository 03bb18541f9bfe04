/** "data hingga": the last month a figure covers, from its period and the export date, never the build date. */
import { describe, expect, it } from 'vitest';
import { dataUntilText } from '../../src/charts/data-until.ts';
import { revisionAnchor, revisionOf } from '../../src/release/changes.ts';

describe('dataUntilText', () => {
  // The month itself is derive/periods.ts's (test/unit/periods.test.ts).
  it('says the month in words in both languages', () => {
    expect(dataUntilText('id', '2025-12')).toBe('data hingga Desember 2025');
    expect(dataUntilText('en', '2025-12')).toBe('data up to December 2025');
  });
});

describe('revision keys', () => {
  it('are the same from a published row as from compareReleases', () => {
    const row: Record<string, string> = { kode_wilayah: 'binjai', kode_unit: 'U01', periode: '2025-S2', ikm: '83.47' };
    const r = revisionOf('ikm_unit', (c) => row[c] ?? '', 'ikm');
    expect(r).toEqual({ tabel: 'ikm_unit', kode_wilayah: 'binjai', kode_unit: 'U01', kunci: '2025-S2', kolom: 'ikm' });
    expect(revisionAnchor(r)).toBe('rev-ikm_unit-binjai-U01-2025-S2-ikm');
    expect(revisionAnchor({ ...r, kunci: '2025 · IKU 1' })).toMatch(/^rev-[A-Za-z0-9_.-]+$/);
  });
});
