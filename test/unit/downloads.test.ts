/**
 * Newsroom bundles and .xlsx files (issue #11): what they hold, that the same release makes the
 * same bytes, and that the privacy gate reads inside them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { TABLES, tableByName } from '../../src/contract/published.ts';
import { csvFileName } from '../../src/queries/published-views.ts';
import { deriveTables } from '../../src/derive/tables.ts';
import { publishTables } from '../../src/publish/tables.ts';
import { validateExport } from '../../src/validate/export.ts';
import { writeBundles } from '../../src/publish/bundles.ts';
import { bundleFile } from '../../src/publish/download-paths.ts';
import { publishPartitions } from '../../src/publish/partitions.ts';
import { scanForLeaks } from '../../src/publish/privacy-gate.ts';
import { SheetFlow, writeXlsx } from '../../src/publish/xlsx.ts';
import { PartCache } from '../../src/publish/part-cache.ts';
import { DEFLATE_PIECE_BYTES } from '../../src/publish/piecewise-deflate.ts';
import { entryBytes, heldZip, zipEntries } from '../../src/publish/zip-entries.ts';
import { xlsxSheets, type Cell, type Sheet } from '../support/xlsx-cells.ts';
import { pinZipDates } from '../../src/publish/zip-dates.ts';
import { dosDate, zipDates } from '../support/zip.ts';

const work = mkdtempSync(join(tmpdir(), 'kt-downloads-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const wilayah = (nama: string, lisensi = 'CC-BY-4.0') => ({ nama, provinsi: 'Uji', tanggal_ekspor: '2026-01-15', lisensi });
const regions = [
  { code: 'alpha', wilayah: wilayah('Kota Alpha') },
  { code: 'beta', wilayah: wilayah('Kabupaten Beta', 'CC0-1.0') },
  { code: 'gamma', wilayah: wilayah('Kota Gamma') },
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
  // As the pipeline does: the region files first, which the region bundles read.
  const split = publishPartitions(dir, [{ table: ikm, csvPath: join(dir, 'ikm_unit.csv') }]);

  it('per region: its rows only, datapackage, bilingual README with its licence, CITATION.cff and true checksums', async () => {
    await split;
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

  it('a region without rows in a table: its header, 0 rows; a region met twice: all its rows, in order', async () => {
    const gamma = unzipSync(readFileSync(join(dir, bundleFile('gamma'))));
    expect(strFromU8(gamma['ikm_unit.csv'])).toBe(header.join(',') + '\r\n');
    expect(JSON.parse(strFromU8(gamma['datapackage.json'])).resources[0].rows).toBe(0);
    const alpha = unzipSync(readFileSync(join(dir, bundleFile('alpha'))));
    expect(strFromU8(alpha['ikm_unit.csv'])).toBe(
      [header.join(','), row('alpha', 'U01', '83.47'), row('alpha', 'U02', '91.48')].join('\r\n') + '\r\n',
    );
    expect(JSON.parse(strFromU8(alpha['datapackage.json'])).resources[0].rows).toBe(2);
  });

  it('for the whole site: every table byte for byte as published', async () => {
    const zip = unzipSync(readFileSync(join(dir, bundleFile(null))));
    expect(strFromU8(zip['ikm_unit.csv'])).toBe(csv);
    expect(JSON.parse(strFromU8(zip['datapackage.json'])).resources[0].rows).toBe(3);
    expect(JSON.parse(strFromU8(zip['datapackage.json'])).licenses.map((l: { name: string }) => l.name)).toEqual(['CC-BY-4.0', 'CC0-1.0']);
  });

  it('the same release makes the same bytes', async () => {
    const first = readFileSync(join(dir, bundleFile('alpha')));
    await new Promise((r) => setTimeout(r, 2100));
    await writeBundles(dir, regions, ctx);
    expect(readFileSync(join(dir, bundleFile('alpha'))).equals(first)).toBe(true);
  }, 10_000);

  it('a table of many chunks: zipped as it is read, whole and byte for byte, its checksum true, the same bytes again', async () => {
    const big = join(work, 'big');
    mkdirSync(big, { recursive: true });
    // About 2.6 MB: three of the writer's 1 MiB chunks, a region's rows together as the site writes them.
    const lines = Array.from({ length: 40_000 }, (_, i) => row(regions[Math.floor((i * 3) / 40_000)].code, `U${i}`, `${(i % 9000) / 100}`));
    const text = [header.join(','), ...lines].join('\r\n') + '\r\n';
    writeFileSync(join(big, 'ikm_unit.csv'), text);
    await publishPartitions(big, [{ table: ikm, csvPath: join(big, 'ikm_unit.csv') }]);
    await writeBundles(big, regions, ctx);
    const bytes = readFileSync(join(big, bundleFile(null)));
    // Read as the privacy gate reads it (central directory, CRC-32 checked), and as fflate does.
    const entry = (await zipEntries(heldZip(bytes))).find((e) => e.name === 'ikm_unit.csv')!;
    expect((await entryBytes(heldZip(bytes), entry)).toString('utf8')).toBe(text);
    const zip = unzipSync(bytes);
    const pkg = JSON.parse(strFromU8(zip['datapackage.json']));
    expect(pkg.resources[0]).toMatchObject({ rows: 40_000, bytes: Buffer.byteLength(text), hash: `sha256:${sha(Buffer.from(text))}` });
    expect(strFromU8(zip.SHA256SUMS)).toContain(`${sha(Buffer.from(text))}  ikm_unit.csv\n`);
    await writeBundles(big, regions, ctx);
    expect(readFileSync(join(big, bundleFile(null))).equals(bytes)).toBe(true);
  });

  it('a split table and each region file of it get a gzip twin from the bundles’ parts: Node’s frame, their bytes whole', async () => {
    const twinsDir = join(work, 'kembar');
    mkdirSync(twinsDir, { recursive: true });
    const lines = Array.from({ length: 20_000 }, (_, i) => row(regions[Math.floor((i * 3) / 20_000)].code, `U${i}`, `${(i % 9000) / 100}`));
    writeFileSync(join(twinsDir, 'ikm_unit.csv'), [header.join(','), ...lines].join('\r\n') + '\r\n');
    await publishPartitions(twinsDir, [{ table: ikm, csvPath: join(twinsDir, 'ikm_unit.csv') }]);
    const twins = await writeBundles(twinsDir, regions, ctx);
    expect(twins.sort()).toEqual(['ikm_unit.csv.gz', ...regions.map((r) => join('wilayah', r.code, 'ikm_unit.csv.gz'))].sort());
    for (const twin of twins) {
      const bytes = readFileSync(join(twinsDir, twin));
      expect(bytes.subarray(0, 10)).toEqual(gzipSync(Buffer.from('x')).subarray(0, 10));
      // gunzip checks the trailer's CRC-32 and size.
      expect(gunzipSync(bytes).equals(readFileSync(join(twinsDir, twin.replace(/\.gz$/, ''))))).toBe(true);
    }
    expect(readFileSync(join(twinsDir, 'ikm_unit.csv.gz')).length).toBeLessThan(readFileSync(join(twinsDir, 'ikm_unit.csv')).length / 3);
  });

  it('a region’s rows are one part in its bundle and the whole site’s, kept between builds: one region changed, its part alone is made, the same bytes as from none', async () => {
    const kept = join(work, 'paket-parts');
    mkdirSync(kept, { recursive: true });
    const lines = Array.from({ length: 30_000 }, (_, i) => row(regions[Math.floor((i * 3) / 30_000)].code, `U${i}`, `${(i % 9000) / 100}`));
    const publish = async (rows: string[]) => {
      writeFileSync(join(kept, 'ikm_unit.csv'), [header.join(','), ...rows].join('\r\n') + '\r\n');
      await publishPartitions(kept, [{ table: ikm, csvPath: join(kept, 'ikm_unit.csv') }]);
    };
    const all = () => [null, ...regions.map((r) => r.code)].map((k) => readFileSync(join(kept, bundleFile(k))));
    const write = async (cacheDir: string) => {
      const cache = new PartCache(cacheDir);
      const put = vi.spyOn(cache, 'put');
      await writeBundles(kept, regions, ctx, { cache, code: 'uji' });
      await PartCache.settle(cache.pending); // as the build does once its gate has passed
      return { bundles: all(), made: put.mock.calls.length };
    };
    await publish(lines);
    await writeBundles(kept, regions, ctx);
    const none = all();
    const first = await write(join(work, 'paket-bagian'));
    expect(first.made).toBe(3); // each region's rows once, for its bundle and the whole site's
    expect(first.bundles).toEqual(none);
    const again = await write(join(work, 'paket-bagian'));
    expect(again.made).toBe(0);
    expect(again.bundles).toEqual(none);
    // Every bundle opens to the region files and the table, byte for byte.
    expect(strFromU8(unzipSync(again.bundles[0])['ikm_unit.csv'])).toBe(readFileSync(join(kept, 'ikm_unit.csv'), 'utf8'));
    expect(strFromU8(unzipSync(again.bundles[2])['ikm_unit.csv'])).toBe(
      readFileSync(join(kept, 'wilayah', 'beta', 'ikm_unit.csv'), 'utf8'),
    );
    await publish(lines.map((l, i) => (i === 12_345 ? l.replace(/,U12345,/, ',U12345X,') : l)));
    const next = await write(join(work, 'paket-bagian'));
    expect(next.made).toBe(1);
    const fresh = await write(join(work, 'paket-bagian-baru'));
    expect(next.bundles).toEqual(fresh.bundles);
    expect(next.bundles[0].equals(first.bundles[0])).toBe(false);
    expect(next.bundles[1].equals(first.bundles[1])).toBe(true); // alpha's rows did not change
  }, 60_000);
});

describe('xlsx', () => {
  const xctx = { release: ctx.release, releaseDate: ctx.releaseDate, licence: 'CC-BY-4.0' };
  const load = async (path: string) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    return book;
  };
  const sheets = (path: string) => xlsxSheets(readFileSync(path));
  /** The values of a column (0-based) of a sheet. */
  const columnOf = (sheet: Sheet, c: number) => sheet.rows.map((r) => r[c] ?? null);

  it('stores numbers as numbers and says which release it is', async () => {
    const src = join(work, 'ikm_unit.csv');
    writeFileSync(src, csv);
    await writeXlsx(ikm, src, join(work, 'ikm_unit.xlsx'), xctx);
    const [sheet, about] = sheets(join(work, 'ikm_unit.xlsx'));
    expect(sheet.name).toBe('ikm_unit');
    const col = header.indexOf('ikm');
    expect(sheet.rows[0][col]).toBe('ikm');
    expect(sheet.rows[1][col]).toBe(83.47);
    expect(sheet.rows[2][header.indexOf('responden')]).toBe(30);
    expect(sheet.rows[1][header.indexOf('kode_wilayah')]).toBe('alpha');
    // an empty published cell stays empty, never 0
    expect(sheet.rows[1][header.indexOf('ikm_bawah')] ?? null).toBeNull();
    const zip = unzipSync(readFileSync(join(work, 'ikm_unit.xlsx')));
    expect(strFromU8(zip['xl/worksheets/sheet1.xml'])).toMatch(/<pane ySplit="1"[^>]*state="frozen"/);
    expect(about.name).toBe('keterangan');
    expect(columnOf(about, 1)).toContain(ctx.release);
    expect(columnOf(about, 0)).not.toContain('Lembar / sheets');
    expect(strFromU8(zip['docProps/core.xml'])).toContain('2026-01-20T00:00:00Z');
  });

  it('types dates as dates', async () => {
    const wil = tableByName('wilayah')!;
    const src = join(work, 'wilayah.csv');
    writeFileSync(src, `${wil.columns.map((c) => c.name).join(',')}\r\nalpha,Kota Alpha,Uji,2026-01-15,SIMPEG,CC-BY-4.0,\r\n`);
    await writeXlsx(wil, src, join(work, 'wilayah.xlsx'), xctx);
    const [sheet] = sheets(join(work, 'wilayah.xlsx'));
    // Excel's day number (days since 1899-12-30), shown as a date by its format.
    expect(sheet.rows[1][3]).toBe(25569 + Date.UTC(2026, 0, 15) / 86_400_000);
    expect(sheet.formats.get('2,4')).toBe('yyyy-mm-dd');
  });

  // Above the 20,000 rows the in-memory workbook was limited to: every cell as the CSV has it, typed.
  const ROWS = 21_000;
  const big = join(work, 'besar.csv');
  const lines = [header.join(',')];
  for (let i = 0; i < ROWS; i++) {
    const cells: Record<string, string> = {
      kode_wilayah: `w${i % 7}`,
      kode_unit: i % 101 === 0 ? `'=U${i}` : `U${i}`,
      periode: `${2020 + (i % 6)}-S${1 + (i % 2)}`,
      responden: String(i),
      ikm: i % 13 === 0 ? '' : (60 + (i % 4000) / 100).toFixed(2),
      mutu: 'B',
    };
    lines.push(header.map((h) => cells[h] ?? (h.startsWith('nrr_') ? (1 + (i % 300) / 100).toFixed(2) : '')).join(','));
  }
  writeFileSync(big, lines.join('\r\n') + '\r\n');
  const expected = (col: string, text: string) => {
    if (text === '') return null;
    const type = ikm.columns.find((c) => c.name === col)!.type;
    return type === 'integer' || type === 'number' ? Number(text) : text.replace(/^'/, '');
  };
  const compare = (path: string, sheetRows: number, csvLines = lines) => {
    const book = sheets(path);
    const data = book.filter((w) => w.name !== 'keterangan');
    expect(data.length).toBe(Math.ceil(ROWS / sheetRows));
    let n = 0;
    for (const sheet of data) {
      expect(sheet.rows[0]).toEqual(header);
      for (let r = 1; r < sheet.rows.length; r++, n++) {
        const want = csvLines[n + 1].split(',');
        const row = sheet.rows[r];
        for (let c = 0; c < header.length; c++) {
          const got = row[c] ?? null;
          if (got !== expected(header[c], want[c])) expect(got, `row ${n + 2} ${header[c]}`).toBe(expected(header[c], want[c]));
        }
      }
    }
    expect(n).toBe(ROWS);
    return book;
  };

  /** The same sheets, names, cells (a row's trailing empty cells aside) and number formats. */
  const sameCells = (a: string, b: string) => {
    const trim = (row: Cell[]) => row.slice(0, row.findLastIndex((v) => v !== null) + 1);
    const view = (path: string) => sheets(path).map((w) => ({ name: w.name, rows: w.rows.map(trim), formats: [...w.formats].sort() }));
    expect(view(a)).toEqual(view(b));
  };

  it('deflates its sheets in pieces, which inflate whole and are smaller than stored', async () => {
    const out = join(work, 'potongan.xlsx');
    await writeXlsx(ikm, big, out, xctx);
    const zip = readFileSync(out);
    const sheet = (await zipEntries(heldZip(zip))).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    expect(sheet.size).toBeGreaterThan(2 * DEFLATE_PIECE_BYTES); // three pieces at least
    expect(sheet.compressedSize).toBeLessThan(sheet.size / 5);
    expect((await entryBytes(heldZip(zip), sheet)).toString('utf8')).toMatch(/^<\?xml[\s\S]*<\/worksheet>$/);
    // Deflated here, not by ExcelJS's one stream: its last piece ends in a full flush, then the empty final block.
    const start = sheet.offset + 30 + zip.readUInt16LE(sheet.offset + 26) + zip.readUInt16LE(sheet.offset + 28);
    const raw = zip.subarray(start, start + sheet.compressedSize);
    expect([...raw.subarray(-6)]).toEqual([0x00, 0x00, 0xff, 0xff, 0x03, 0x00]);
  }, 120_000);

  it(`writes a table of ${ROWS} rows whole, every cell as its CSV, the same bytes when made again`, async () => {
    const out = join(work, 'besar.xlsx');
    await writeXlsx(ikm, big, out, xctx);
    const first = readFileSync(out);
    compare(out, Number.MAX_SAFE_INTEGER);
    await new Promise((r) => setTimeout(r, 2100)); // a zip entry's time has a two-second grain
    await writeXlsx(ikm, big, out, xctx);
    expect(readFileSync(out).equals(first)).toBe(true);
    // every entry dated the release date, not the clock (DOS date 2026-01-20, time 00:00)
    const dates = zipDates(first);
    expect(dates.length).toBeGreaterThan(5);
    for (const d of dates) expect(d).toEqual(dosDate(2026, 1, 20));
  }, 120_000);

  it('paces its rows by the deflating of their sheets: rows ahead wait until the sheets take them in', async () => {
    const limit = 64 * 1024;
    const flow = new SheetFlow(limit);
    flow.wrote(limit);
    expect(flow.ahead()).toBe(false);
    flow.wrote(50);
    expect(flow.ahead()).toBe(true);
    let ready = false;
    const waited = flow.ready().then(() => (ready = true));
    flow.took(40);
    await new Promise((r) => setImmediate(r));
    expect(ready).toBe(false); // still 10 bytes over the limit
    flow.took(10);
    await waited;
    expect(ready).toBe(true);
    // A failure stops a wait, and every wait after it.
    flow.wrote(limit + 1);
    const stopped = flow.ready();
    flow.fail(new Error('zip'));
    await expect(stopped).rejects.toThrow('zip');
    await expect(flow.ready()).rejects.toThrow('zip');
    await expect(flow.failure).rejects.toThrow('zip');
  });

  it('refuses a limit under what ExcelJS holds back, and fails, not hangs, when its file cannot be written', async () => {
    expect(() => new SheetFlow(1024)).toThrow(/would wait for ever/);
    await expect(writeXlsx(ikm, big, join(work, 'tidak-ada', 'x.xlsx'), xctx)).rejects.toThrow(/ENOENT/);
  });

  it('writes the same bytes when its rows wait often for the deflating as when they run far ahead', async () => {
    const paced = join(work, 'langkah.xlsx');
    const free = join(work, 'bebas.xlsx');
    const ready = vi.spyOn(SheetFlow.prototype, 'ready');
    // ExcelJS's stream holds up to 64 KiB back: a limit above it (here 128 KiB: the rows wait several times) never stops them for good.
    // Three sheets: the rows also wait while the sheet before is still deflating.
    await writeXlsx(ikm, big, paced, xctx, { sheetRows: 8_000, ahead: 128 * 1024 });
    const waits = ready.mock.calls.length;
    await writeXlsx(ikm, big, free, xctx, { sheetRows: 8_000, ahead: Number.MAX_SAFE_INTEGER });
    // Once before the commit, and in the rows at least once: at each new sheet, whose rows pile up
    // until the sheet before is deflated (how often else depends on the machine's pace).
    expect(waits).toBeGreaterThanOrEqual(2);
    expect(ready.mock.calls.length - waits).toBe(1); // never, but once before the commit
    ready.mockRestore();
    expect(readFileSync(paced).equals(readFileSync(free))).toBe(true);
  }, 120_000);

  it('writes the same cells, with the same number formats, as ExcelJS alone', async () => {
    const kept = join(work, 'gaya-simpan.xlsx');
    const alone = join(work, 'gaya-exceljs.xlsx');
    await writeXlsx(ikm, big, kept, xctx, { sheetRows: 8_000 });
    await writeXlsx(ikm, big, alone, xctx, { sheetRows: 8_000, own: false });
    const styles = unzipSync(readFileSync(kept))['xl/styles.xml'];
    expect(new TextDecoder().decode(styles)).toContain('numFmt'); // dates and integers carry a format
    sameCells(kept, alone);
  }, 120_000);

  it('writes a data row without its place and with its texts inline, so that a region’s rows are the same bytes wherever they stand', async () => {
    const out = join(work, 'tanpa-tempat.xlsx');
    await writeXlsx(ikm, big, out, xctx, { sheetRows: 8_000 });
    const xml = strFromU8(unzipSync(readFileSync(out))['xl/worksheets/sheet2.xml']);
    const data = xml.slice(xml.indexOf('</row>') + '</row>'.length, xml.indexOf('</sheetData>'));
    expect(data.startsWith('<row>')).toBe(true);
    expect(data).not.toMatch(/ r="/);
    expect(data).not.toContain(' t="s"');
    expect(data).toContain(' t="inlineStr"><is><t>w1</t></is>');
    // The guard apostrophe is the CSV's, not the sheet's.
    expect(data).toContain('<t>=U8080</t>');
    // An empty cell with cells after it keeps their places.
    expect(data).toContain('<c/>');
  }, 120_000);

  describe('region by region', () => {
    const dir = join(work, 'per-wilayah');
    mkdirSync(dir, { recursive: true });
    // As the site's tables are: a region's rows together, regions in code order.
    const sorted = [
      lines[0],
      ...lines.slice(1).sort((a, b) => (a.split(',')[0] < b.split(',')[0] ? -1 : a.split(',')[0] > b.split(',')[0] ? 1 : 0)),
    ];
    const csvPath = join(dir, 'ikm_unit.csv');
    const publish = async (csvLines: string[]) => {
      writeFileSync(csvPath, csvLines.join('\r\n') + '\r\n');
      return (await publishPartitions(dir, [{ table: ikm, csvPath }])).tabel.ikm_unit;
    };
    const write = async (out: string, cacheDir: string, sheetRows?: number) => {
      const files = JSON.parse(readFileSync(join(dir, 'wilayah', 'manifest.json'), 'utf8')).tabel.ikm_unit;
      const cache = new PartCache(cacheDir);
      const put = vi.spyOn(cache, 'put');
      await writeXlsx(ikm, csvPath, out, xctx, { sheetRows, regions: { dataDir: dir, files, cache, code: 'uji' } });
      await PartCache.settle(cache.pending); // as the build does once its gate has passed
      return { bytes: readFileSync(out), made: put.mock.calls.length };
    };

    it('keeps each region’s rows as a part: written again from kept parts, and with one region changed, the same bytes as from none', async () => {
      expect((await publish(sorted)).length).toBe(7);
      const kept = join(work, 'bagian-simpan');
      const first = await write(join(work, 'wilayah-1.xlsx'), kept);
      expect(first.made).toBe(7);
      compare(join(work, 'wilayah-1.xlsx'), Number.MAX_SAFE_INTEGER, sorted);
      const again = await write(join(work, 'wilayah-2.xlsx'), kept);
      expect(again.made).toBe(0);
      expect(again.bytes.equals(first.bytes)).toBe(true);
      // One region's rows changed (one more row, one value): its part alone is made again.
      const changed = sorted.map((l, i) => (i === 3001 ? `${l}\r\n${l.replace(',U', ',UX')}` : l));
      await publish(changed);
      const next = await write(join(work, 'wilayah-3.xlsx'), kept);
      expect(next.made).toBe(1);
      const fresh = await write(join(work, 'wilayah-4.xlsx'), join(work, 'bagian-baru'));
      expect(fresh.made).toBe(7);
      expect(next.bytes.equals(fresh.bytes)).toBe(true);
      expect(next.bytes.equals(first.bytes)).toBe(false);
    }, 120_000);

    it('names a bad row by its place in the sheet, the rows of regions taken from kept parts counted', async () => {
      const files = await publish(sorted);
      const kept = join(work, 'bagian-baris');
      await write(join(work, 'baris-1.xlsx'), kept);
      // The third region's fifth row gets a cell more than the header: its part is made again, the first two are kept.
      const at = 1 + files[0].rows + files[1].rows + 5;
      await publish(sorted.map((l, i) => (i === at - 1 ? `${l},lebih` : l)));
      await expect(write(join(work, 'baris-2.xlsx'), kept)).rejects.toThrow(`row ${at} has more cells than the header`);
    }, 120_000);

    it('writes a region across two sheets row by row, the same bytes from kept parts as from none', async () => {
      await publish(sorted);
      const kept = join(work, 'bagian-lembar');
      const first = await write(join(work, 'lembar-1.xlsx'), kept, 8_000);
      // 3,000 rows a region: w2 and w5 cross into the next sheet, the other five are parts.
      expect(first.made).toBe(5);
      compare(join(work, 'lembar-1.xlsx'), 8_000, sorted);
      const again = await write(join(work, 'lembar-2.xlsx'), kept, 8_000);
      expect(again.made).toBe(0);
      expect(again.bytes.equals(first.bytes)).toBe(true);
    }, 120_000);

    it('writes a table whose regions are not one after another row by row, as a whole table', async () => {
      await publish(lines);
      const out = join(work, 'acak.xlsx');
      const { made } = await write(out, join(work, 'bagian-acak'));
      expect(made).toBe(0);
      compare(out, Number.MAX_SAFE_INTEGER);
    }, 120_000);
  });

  it('writes every table of the sample with the cells ExcelJS alone writes: dates, empty cells, texts, a next sheet', async () => {
    const validated = await validateExport('data');
    const published = join(work, 'contoh');
    mkdirSync(published, { recursive: true });
    await publishTables(deriveTables(validated.regions, { threshold: 10 }), validated.regions, published, '2026-01-20', {
      ambang_kelompok: 10,
    });
    let tables = 0;
    const split: string[] = [];
    for (const table of TABLES) {
      const csv = join(published, csvFileName(table));
      if (!existsSync(csv)) continue;
      const [ours, alone] = [join(work, `${table.name}-kami.xlsx`), join(work, `${table.name}-exceljs.xlsx`)];
      await writeXlsx(table, csv, ours, xctx, { sheetRows: 2_000 });
      await writeXlsx(table, csv, alone, xctx, { sheetRows: 2_000, own: false });
      sameCells(ours, alone);
      // A table in two data sheets and keterangan has a third sheet.
      if (unzipSync(readFileSync(ours))['xl/worksheets/sheet3.xml']) split.push(table.name);
      tables++;
    }
    expect(tables).toBe(TABLES.length);
    expect(split).toContain('skm_responden');
  }, 120_000);

  it('dates the entries of a zip64 file too (a sheet of more than 4 GB of XML is one)', async () => {
    const out = join(work, 'zip64.xlsx');
    const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: out, zip: { forceZip64: true } });
    book.addWorksheet('a').addRow([1, 'x']).commit();
    await book.commit();
    await pinZipDates(out, '2026-01-20');
    const bytes = readFileSync(out);
    expect(bytes.includes(Buffer.from([0x50, 0x4b, 0x06, 0x07]))).toBe(true);
    for (const d of zipDates(bytes)) expect(d).toEqual(dosDate(2026, 1, 20));
    expect((await load(out)).getWorksheet('a')!.getRow(1).values).toEqual([undefined, 1, 'x']);
  });

  it('goes on in a next sheet past the rows a sheet holds, and says so', async () => {
    const out = join(work, 'terbagi.xlsx');
    await writeXlsx(ikm, big, out, xctx, { sheetRows: 8_000 });
    const book = compare(out, 8_000);
    expect(book.map((w) => w.name)).toEqual(['ikm_unit', 'ikm_unit_2', 'ikm_unit_3', 'keterangan']);
    const about = book[3];
    const said = String(columnOf(about, 1)[columnOf(about, 0).indexOf('Lembar / sheets')]);
    expect(said).toContain('ikm_unit_3: baris 16.001–21.000');
    expect(said).toContain('ikm_unit_3: rows 16,001–21,000');
    expect(columnOf(about, 1)).toContain(ROWS);
  }, 120_000);
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

  it('reads a text once when its bytes come again clean, but names every file that leaks', async () => {
    const site = join(work, 'site-twice');
    mkdirSync(join(site, 'data', 'wilayah', 'alpha'), { recursive: true });
    mkdirSync(join(site, 'data', 'paket'), { recursive: true });
    const clean = strToU8('kode_wilayah,nilai\r\nalpha,1\r\n');
    const leaking = strToU8('kode_wilayah,nilai\r\nalpha,Pegawai Rahasia Sekali\r\n');
    writeFileSync(join(site, 'data', 'wilayah', 'alpha', 'a.csv'), clean);
    writeFileSync(join(site, 'data', 'wilayah', 'alpha', 'b.csv'), leaking);
    // The same bytes inside a bundle: the clean one is not read again, the leaking one is reported again.
    writeFileSync(join(site, 'data', 'paket', 'alpha.zip'), zipSync({ 'a.csv': clean, 'b.csv': leaking }));
    const leaks = await scanForLeaks(site, new Set(['Pegawai Rahasia Sekali']));
    expect(leaks.map((l) => l.file).sort()).toEqual([
      join('data', 'paket', 'alpha.zip!', 'b.csv'),
      join('data', 'wilayah', 'alpha', 'b.csv'),
    ]);
  });
});
