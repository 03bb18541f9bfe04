/**
 * Newsroom bundles and .xlsx files (issue #11): what they hold, that the same release makes the
 * same bytes, and that the privacy gate reads inside them.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
import { DEFLATE_PIECE_BYTES } from '../../src/publish/piecewise-deflate.ts';
import { entryBytes, heldZip, zipEntries } from '../../src/publish/zip-entries.ts';
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
});

describe('xlsx', () => {
  const xctx = { release: ctx.release, releaseDate: ctx.releaseDate, licence: 'CC-BY-4.0' };
  const load = async (path: string) => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    return book;
  };

  it('stores numbers as numbers and says which release it is', async () => {
    const src = join(work, 'ikm_unit.csv');
    writeFileSync(src, csv);
    await writeXlsx(ikm, src, join(work, 'ikm_unit.xlsx'), xctx);
    const book = await load(join(work, 'ikm_unit.xlsx'));
    const sheet = book.getWorksheet('ikm_unit')!;
    const col = header.indexOf('ikm') + 1;
    expect(sheet.getRow(1).getCell(col).value).toBe('ikm');
    expect(sheet.getRow(2).getCell(col).value).toBe(83.47);
    expect(sheet.getRow(3).getCell(header.indexOf('responden') + 1).value).toBe(30);
    expect(sheet.getRow(2).getCell(header.indexOf('kode_wilayah') + 1).value).toBe('alpha');
    // an empty published cell stays empty, never 0
    expect(sheet.getRow(2).getCell(header.indexOf('ikm_bawah') + 1).value).toBeNull();
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const about = book.getWorksheet('keterangan')!;
    expect(about.getColumn(2).values).toContain(ctx.release);
    expect(about.getColumn(1).values).not.toContain('Lembar / sheets');
    const zip = unzipSync(readFileSync(join(work, 'ikm_unit.xlsx')));
    expect(strFromU8(zip['docProps/core.xml'])).toContain('2026-01-20T00:00:00Z');
  });

  it('types dates as dates', async () => {
    const wil = tableByName('wilayah')!;
    const src = join(work, 'wilayah.csv');
    writeFileSync(src, `${wil.columns.map((c) => c.name).join(',')}\r\nalpha,Kota Alpha,Uji,2026-01-15,SIMPEG,CC-BY-4.0,\r\n`);
    await writeXlsx(wil, src, join(work, 'wilayah.xlsx'), xctx);
    const cell = (await load(join(work, 'wilayah.xlsx'))).getWorksheet('wilayah')!.getRow(2).getCell(4);
    expect(cell.value).toEqual(new Date('2026-01-15T00:00:00Z'));
    expect(cell.numFmt).toBe('yyyy-mm-dd');
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
  const compare = async (path: string, sheetRows: number) => {
    const book = await load(path);
    const data = book.worksheets.filter((w) => w.name !== 'keterangan');
    expect(data.length).toBe(Math.ceil(ROWS / sheetRows));
    let n = 0;
    for (const sheet of data) {
      expect(sheet.getRow(1).values).toEqual([undefined, ...header]);
      for (let r = 2; r <= sheet.rowCount; r++, n++) {
        const want = lines[n + 1].split(',');
        const row = sheet.getRow(r);
        for (let c = 0; c < header.length; c++) {
          const got = row.getCell(c + 1).value;
          if (got !== expected(header[c], want[c])) expect(got, `row ${n + 2} ${header[c]}`).toBe(expected(header[c], want[c]));
        }
      }
    }
    expect(n).toBe(ROWS);
    return book;
  };

  /**
   * The same entries in the same order, each the same bytes once inflated and checked against its
   * size and CRC-32 (the sheets are deflated in pieces here, by one zlib stream in ExcelJS alone).
   */
  const sameEntries = async (a: Buffer, b: Buffer): Promise<boolean> => {
    const [x, y] = [await zipEntries(heldZip(a)), await zipEntries(heldZip(b))];
    if (x.length !== y.length) return false;
    for (const [i, e] of x.entries())
      if (e.name !== y[i].name || !(await entryBytes(heldZip(a), e)).equals(await entryBytes(heldZip(b), y[i]))) return false;
    return true;
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
    await compare(out, Number.MAX_SAFE_INTEGER);
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
    await writeXlsx(ikm, big, paced, xctx, 8_000, true, 128 * 1024);
    const waits = ready.mock.calls.length;
    await writeXlsx(ikm, big, free, xctx, 8_000, true, Number.MAX_SAFE_INTEGER);
    // Once before the commit, and in the rows at least once: at each new sheet, whose rows pile up
    // until the sheet before is deflated (how often else depends on the machine's pace).
    expect(waits).toBeGreaterThanOrEqual(2);
    expect(ready.mock.calls.length - waits).toBe(1); // never, but once before the commit
    ready.mockRestore();
    expect(readFileSync(paced).equals(readFileSync(free))).toBe(true);
  }, 120_000);

  it('writes the same entries, byte for byte when inflated, with its cell styles kept by content as ExcelJS writes alone', async () => {
    const kept = join(work, 'gaya-simpan.xlsx');
    const alone = join(work, 'gaya-exceljs.xlsx');
    await writeXlsx(ikm, big, kept, xctx, 8_000);
    await writeXlsx(ikm, big, alone, xctx, 8_000, false);
    const styles = unzipSync(readFileSync(kept))['xl/styles.xml'];
    expect(new TextDecoder().decode(styles)).toContain('numFmt'); // dates and integers carry a format
    expect(await sameEntries(readFileSync(kept), readFileSync(alone))).toBe(true);
  }, 120_000);

  it('writes every table of the sample as ExcelJS alone writes it: dates, empty cells, texts, a next sheet', async () => {
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
      await writeXlsx(table, csv, ours, xctx, 2_000);
      await writeXlsx(table, csv, alone, xctx, 2_000, false);
      expect(await sameEntries(readFileSync(ours), readFileSync(alone)), table.name).toBe(true);
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
    await writeXlsx(ikm, big, out, xctx, 8_000);
    const book = await compare(out, 8_000);
    expect(book.worksheets.map((w) => w.name)).toEqual(['ikm_unit', 'ikm_unit_2', 'ikm_unit_3', 'keterangan']);
    const about = book.getWorksheet('keterangan')!;
    const said = String(about.getColumn(2).values[about.getColumn(1).values.indexOf('Lembar / sheets')]);
    expect(said).toContain('ikm_unit_3: baris 16.001–21.000');
    expect(said).toContain('ikm_unit_3: rows 16,001–21,000');
    expect(about.getColumn(2).values).toContain(ROWS);
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
