/**
 * Newsroom bundles and .xlsx files (issue #11): what they hold, that the same release makes the
 * same bytes, and that the privacy gate reads inside them.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { tableByName } from '../../src/contract/published.ts';
import { writeBundles } from '../../src/publish/bundles.ts';
import { bundleFile } from '../../src/publish/download-paths.ts';
import { scanForLeaks } from '../../src/publish/privacy-gate.ts';
import { tableXlsx } from '../../src/publish/xlsx.ts';

const work = mkdtempSync(join(tmpdir(), 'kt-downloads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const wilayah = (nama: string, lisensi = 'CC-BY-4.0') => ({ nama, provinsi: 'Uji', tanggal_ekspor: '2026-01-15', lisensi });
const regions = [
  { code: 'alpha', wilayah: wilayah('Kota Alpha') },
  { code: 'beta', wilayah: wilayah('Kabupaten Beta', 'CC0-1.0') },
];
const ikm = tableByName('ikm_unit')!;
const header = ikm.columns.map((c) => c.name);
const row = (kode: string, unit: string, ikmValue: string) =>
  header.map((h) => ({ kode_wilayah: kode, kode_unit: unit, periode: '2025', ikm: ikmValue, responden: '30' })[h] ?? '').join(',');
const csv =
  [header.join(','), row('alpha', 'U01', '83.47'), row('beta', 'U01', '70.5'), row('alpha', 'U02', '91.48')].join('\r\n') + '\r\n';
const ctx = { release: '2026-01-15-0123abcd', releaseDate: '2026-01-20', threshold: 10, siteUrl: 'https://kinerja.example' };
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('bundles', () => {
  const dir = join(work, 'data');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'ikm_unit.csv'), csv);

  it('per region: its rows only, datapackage, bilingual README with its licence, CITATION.cff and true checksums', async () => {
    await writeBundles(dir, regions, ctx);
    const zip = unzipSync(readFileSync(join(dir, bundleFile('beta'))));
    expect(Object.keys(zip).sort()).toEqual(['CITATION.cff', 'README.md', 'SHA256SUMS', 'datapackage.json', 'ikm_unit.csv']);
    expect(strFromU8(zip['ikm_unit.csv'])).toBe([header.join(','), row('beta', 'U01', '70.5')].join('\r\n') + '\r\n');
    const pkg = JSON.parse(strFromU8(zip['datapackage.json']));
    expect(pkg.version).toBe(ctx.release);
    expect(pkg.resources[0]).toMatchObject({ path: 'ikm_unit.csv', rows: 1, hash: `sha256:${sha(zip['ikm_unit.csv'])}` });
    const readme = strFromU8(zip['README.md']);
    expect(readme).toContain('## Bahasa Indonesia');
    expect(readme).toContain('## English');
    expect(readme).toContain('CC0-1.0');
    expect(readme).not.toContain('CC-BY-4.0');
    expect(readme).toContain(ikm.title.id);
    expect(readme).toContain(ikm.title.en);
    const cff = strFromU8(zip['CITATION.cff']);
    expect(cff).toContain('cff-version: 1.2.0');
    expect(cff).toContain(`version: "${ctx.release}"`);
    expect(cff).toContain('url: "https://kinerja.example/wilayah/beta/"');
    for (const line of strFromU8(zip.SHA256SUMS).trim().split('\n')) {
      const [hash, name] = line.split('  ');
      expect(sha(zip[name]), name).toBe(hash);
    }
  });

  it('for the whole site: every table byte for byte as published', async () => {
    const zip = unzipSync(readFileSync(join(dir, bundleFile(null))));
    expect(strFromU8(zip['ikm_unit.csv'])).toBe(csv);
    expect(JSON.parse(strFromU8(zip['datapackage.json'])).licenses.map((l: { name: string }) => l.name)).toEqual(['CC-BY-4.0', 'CC0-1.0']);
  });

  it('the same release makes the same bytes', async () => {
    const first = readFileSync(join(dir, bundleFile('alpha')));
    await new Promise((r) => setTimeout(r, 2100));
    await writeBundles(dir, regions, ctx);
    expect(readFileSync(join(dir, bundleFile('alpha'))).equals(first)).toBe(true);
  }, 10_000);
});

describe('xlsx', () => {
  it('stores numbers as numbers and says which release it is', async () => {
    const bytes = (await tableXlsx(ikm, csv, { release: ctx.release, releaseDate: ctx.releaseDate, licence: 'CC-BY-4.0' }))!;
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('ikm_unit')!;
    const col = header.indexOf('ikm') + 1;
    expect(sheet.getRow(1).getCell(col).value).toBe('ikm');
    expect(sheet.getRow(2).getCell(col).value).toBe(83.47);
    expect(sheet.getRow(3).getCell(header.indexOf('responden') + 1).value).toBe(30);
    expect(sheet.getRow(2).getCell(header.indexOf('kode_wilayah') + 1).value).toBe('alpha');
    // an empty published cell stays empty, never 0
    expect(sheet.getRow(2).getCell(header.indexOf('ikm_bawah') + 1).value).toBeNull();
    const about = book.getWorksheet('keterangan')!;
    expect(about.getColumn(2).values).toContain(ctx.release);
    expect(strFromU8(unzipSync(bytes)['docProps/core.xml'])).toContain('2026-01-20T00:00:00Z');
  });

  it('is the same bytes when made again later', async () => {
    const make = () => tableXlsx(ikm, csv, { release: ctx.release, releaseDate: ctx.releaseDate, licence: 'CC-BY-4.0' });
    const a = (await make())!;
    await new Promise((r) => setTimeout(r, 2100));
    expect(Buffer.from((await make())!).equals(Buffer.from(a))).toBe(true);
  }, 10_000);
});

describe('the privacy gate reads inside zips', () => {
  it('finds a private value in a bundle entry and in an .xlsx', async () => {
    const site = join(work, 'site');
    mkdirSync(join(site, 'data', 'paket'), { recursive: true });
    writeFileSync(join(site, 'data', 'paket', 'alpha.zip'), zipSync({ 'README.md': strToU8('Dihubungi: Pegawai Rahasia Sekali') }));
    writeFileSync(
      join(site, 'data', 'x.xlsx'),
      zipSync({ 'xl/sharedStrings.xml': strToU8('<sst><si><t>Pegawai Rahasia Sekali</t></si></sst>') }),
    );
    writeFileSync(join(site, 'data', 'clean.zip'), zipSync({ 'a.csv': strToU8('a\r\n1\r\n') }));
    const leaks = await scanForLeaks(site, new Set(['Pegawai Rahasia Sekali']));
    expect(leaks.map((l) => l.file).sort()).toEqual([
      join('data', 'paket', 'alpha.zip!', 'README.md'),
      join('data', 'x.xlsx!', 'xl', 'sharedStrings.xml'),
    ]);
  });
});
