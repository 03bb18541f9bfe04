/** Kutip: every citation format is made from one record and says the same address, release and dates. */
import { describe, expect, it } from 'vitest';
import { bibtex, citationText, cslJson, ris, type CitationRecord } from '../../src/i18n/citation.ts';

const record: CitationRecord = {
  title: 'IKM per unit {uji}',
  container: 'Kinerja Terbuka',
  author: 'Kinerja Terbuka',
  version: '2026-01-20-6178b08a',
  issued: '2026-01-02',
  url: 'https://kinerja.example.go.id/wilayah/binjai/#ikm-unit',
  absolute: true,
  accessed: '2026-02-03',
  licence: 'CC-BY-4.0',
  note: 'Data sintetis.',
};

describe('citation formats', () => {
  it('plain text names the absolute address, the release and the access date, in both languages', () => {
    const id = citationText(record, 'id');
    expect(id).toBe(
      'Kinerja Terbuka (2026). IKM per unit {uji}. Dalam Kinerja Terbuka, rilis 2026-01-20-6178b08a. Data sintetis. Lisensi CC-BY-4.0. https://kinerja.example.go.id/wilayah/binjai/#ikm-unit. Diakses 2026-02-03.',
    );
    expect(citationText(record, 'en')).toContain('release 2026-01-20-6178b08a');
    expect(citationText(record, 'en')).toContain('Accessed 2026-02-03.');
  });

  it('says when the address is only a path, instead of inventing a host', () => {
    const relative = { ...record, url: '/data/', absolute: false };
    expect(citationText(relative, 'id')).toContain('/data/ (alamat relatif di situs ini; situs dibangun tanpa KT_SITE_URL)');
    expect(citationText(relative, 'en')).toContain('/data/ (a path on this site; it was built without KT_SITE_URL)');
    expect(citationText(relative, 'en')).not.toMatch(/https?:/);
  });

  it('BibTeX: an organisation as author, braces escaped, the release as version', () => {
    const b = bibtex(record);
    expect(b).toMatch(/^@misc\{kinerjaterbuka2026_2026-01-20-6178b08a,\n/);
    expect(b).toContain('  author = {{Kinerja Terbuka}},');
    expect(b).toContain('  title = {IKM per unit \\{uji\\}},');
    expect(b).toContain('  version = {2026-01-20-6178b08a},');
    expect(b).toContain(`  url = {${record.url}},`);
    expect(b).toContain('  urldate = {2026-02-03},');
    expect(b.trimEnd().endsWith('}')).toBe(true);
  });

  it('RIS: a DATA record ending with ER, CRLF lines', () => {
    const lines = ris(record).split('\r\n');
    expect(lines[0]).toBe('TY  - DATA');
    expect(lines).toContain('ET  - 2026-01-20-6178b08a');
    expect(lines).toContain(`UR  - ${record.url}`);
    expect(lines).toContain('Y2  - 2026-02-03');
    expect(lines).toContain('DA  - 2026/01/02');
    expect(lines.at(-2)).toBe('ER  -');
  });

  it('CSL-JSON: a dataset with issued and accessed date parts', () => {
    const [item] = JSON.parse(cslJson(record));
    expect(item).toMatchObject({
      type: 'dataset',
      version: record.version,
      URL: record.url,
      title: record.title,
      issued: { 'date-parts': [[2026, 1, 2]] },
      accessed: { 'date-parts': [[2026, 2, 3]] },
    });
    expect(item.author).toEqual([{ literal: 'Kinerja Terbuka' }]);
  });

  it('a region’s data version: named as such, dated its export, and no access date where the build knows none', () => {
    const { accessed: _, ...rest } = record;
    const region: CitationRecord = { ...rest, version: '2026-01-16-0a1b2c3d', issued: '2026-01-16', region: 'Kota Binjai' };
    expect(citationText(region, 'id')).toBe(
      'Kinerja Terbuka (2026). IKM per unit {uji}. Dalam Kinerja Terbuka, data Kota Binjai versi 2026-01-16-0a1b2c3d. Data sintetis. Lisensi CC-BY-4.0. https://kinerja.example.go.id/wilayah/binjai/#ikm-unit.',
    );
    // The note is the record's own (the site gives each language its words).
    expect(citationText(region, 'en')).toBe(
      'Kinerja Terbuka (2026). IKM per unit {uji}. In Kinerja Terbuka, Kota Binjai data version 2026-01-16-0a1b2c3d. Data sintetis. Licence CC-BY-4.0. https://kinerja.example.go.id/wilayah/binjai/#ikm-unit.',
    );
    expect(bibtex(region)).toContain('  version = {2026-01-16-0a1b2c3d},');
    expect(bibtex(region)).not.toContain('urldate');
    expect(ris(region)).not.toContain('Y2  -');
    expect(ris(region)).toContain('DA  - 2026/01/16');
    expect(JSON.parse(cslJson(region))[0].accessed).toBeUndefined();
  });
});
