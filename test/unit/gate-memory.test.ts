/**
 * src/publish/gate-memory.ts: what the privacy gate remembers between builds of one output, and
 * how an incremental build uses it. A file passed before is read again for the values of the
 * regions whose values changed, and only then; a memory of other code, or none, reads everything.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { gateLookups, gateSite, joinGateResults, privateDigest, readGateMemory, writeGateMemory } from '../../src/publish/gate-memory.ts';
import { listFiles } from '../../src/publish/site-files.ts';
import { PrivateValues } from '../../src/validate/private-values.ts';
import { pack } from '../../src/validate/fast/packed.ts';
import { tableByName } from '../../src/contract/published.ts';
import { csvHeader } from '../../src/publish/csv.ts';
import { pieceCutter } from '../../src/publish/text-pieces.ts';
import { tempDirEach } from '../support/temp-dir.ts';

const tmp = tempDirEach('kt-gate-memory-');
let saved: string | undefined;
beforeEach(() => {
  saved = process.env.KT_GATE_DIR;
  process.env.KT_GATE_DIR = join(tmp.dir, 'memory');
});
afterEach(() => {
  if (saved === undefined) delete process.env.KT_GATE_DIR;
  else process.env.KT_GATE_DIR = saved;
});

/** An export's values as the validator leaves them: by region, and all of them. */
function exportValues(byRegion: Record<string, string[]>) {
  const privateByRegion = new Map<string, PrivateValues>();
  const privateValues = new PrivateValues();
  for (const [kode, values] of Object.entries(byRegion)) {
    const own = new PrivateValues().addAll(pack(values));
    privateByRegion.set(kode, own);
    privateValues.include(own);
  }
  return { privateValues, privateByRegion };
}

async function site(files: Record<string, string>): Promise<string> {
  const root = join(tmp.dir, 'site');
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true });
    await writeFile(join(root, rel), text);
  }
  return root;
}

describe('privateDigest', () => {
  test('the same values give the same digest however they were cut into lists; another value, another digest', () => {
    const whole = new PrivateValues().addAll(pack(['Pegawai Uji 001', 'Pegawai Uji 002', 'RSP-0001']));
    const cut = new PrivateValues()
      .addAll(pack(['Pegawai Uji 001']))
      .addAll(['Pegawai Uji 002'])
      .add('RSP-0001');
    expect(privateDigest(cut)).toBe(privateDigest(whole));
    // The same characters, cut into other values.
    expect(privateDigest(new PrivateValues().addAll(pack(['Pegawai Uji 00', '1Pegawai Uji 002', 'RSP-0001'])))).not.toBe(
      privateDigest(whole),
    );
    expect(privateDigest(new PrivateValues().addAll(pack(['Pegawai Uji 001', 'Pegawai Uji 003', 'RSP-0001'])))).not.toBe(
      privateDigest(whole),
    );
  });

  test('include shares the values and leaves the other collection whole', () => {
    const own = new PrivateValues().addAll(pack(['Pegawai Uji 001'])).add('Pegawai Uji 002');
    const all = new PrivateValues().include(own);
    expect([...all].sort()).toEqual(['Pegawai Uji 001', 'Pegawai Uji 002']);
    expect([...own].sort()).toEqual(['Pegawai Uji 001', 'Pegawai Uji 002']);
  });
});

describe('gateSite with the memory of the previous build', () => {
  const pages = {
    'wilayah/alpha/index.html': '<p>Dinas Kependudukan: IKM 82,5</p>',
    'wilayah/beta/index.html': '<p>Puskesmas Sentosa: IKM 79,1</p>',
    'data/unit.csv': 'kode_wilayah,kode_unit,nama_unit\r\nalpha,U01,Dinas Kependudukan\r\nbeta,U01,Puskesmas Sentosa\r\n',
  };

  test('the values given to be taken (as the build gives them) are taken once, and judged as the values themselves', async () => {
    const root = await site({ ...pages, 'bocor.html': '<p>Pegawai Uji 002</p>' });
    const values = exportValues({ alpha: ['Pegawai Uji 001'], beta: ['Pegawai Uji 002'] });
    let taken = 0;
    const given = await gateSite(root, { take: async () => (taken++, values) }, { kode: 'k1' });
    expect(taken).toBe(1);
    const direct = await gateSite(root, values, { kode: 'k1' });
    expect(given.leaks).toEqual(direct.leaks);
    expect(given.leaks.map((l) => l.file)).toEqual(['bocor.html']);
    expect(given.memory).toEqual(direct.memory);
  });

  test('unchanged values: nothing passed before is read again; a new file is read', async () => {
    const root = await site(pages);
    const values = exportValues({ alpha: ['Pegawai Uji 001'], beta: ['Pegawai Uji 002'] });
    const first = await gateSite(root, values, { kode: 'k1' });
    expect(first.leaks).toEqual([]);
    expect(first.read).toEqual({ all: 3, again: 0, passed: 0, regions: [], contents: 0, pieces: 0 });
    await writeGateMemory('site-1', first.memory);
    const before = await readGateMemory('site-1', 'k1');
    expect(before).toEqual(first.memory);

    await writeFile(join(root, 'baru.html'), '<p>halaman baru</p>');
    const second = await gateSite(root, values, { kode: 'k1', before });
    expect(second.read).toEqual({ all: 1, again: 0, passed: 3, regions: [], contents: 0, pieces: 0 });
    // Another code's gate may judge otherwise: its memory is none.
    expect(await readGateMemory('site-1', 'k2')).toBeNull();
    expect((await gateSite(root, values, { kode: 'k2', before })).read).toEqual({
      all: 4,
      again: 0,
      passed: 0,
      regions: [],
      contents: 0,
      pieces: 0,
    });
  });

  test("a region's changed values are looked for in every file passed before, and found", async () => {
    const root = await site(pages);
    const first = await gateSite(root, exportValues({ alpha: ['Pegawai Uji 001'], beta: ['Pegawai Uji 002'] }), { kode: 'k1' });
    // beta now names an officer whose name is in alpha's page (unchanged bytes, passed before).
    const later = exportValues({ alpha: ['Pegawai Uji 001'], beta: ['Pegawai Uji 002', 'Dinas Kependudukan'] });
    const second = await gateSite(root, later, { kode: 'k1', before: first.memory });
    expect(second.read).toEqual({ all: 0, again: 3, passed: 0, regions: ['beta'], contents: 0, pieces: 0 });
    expect(second.leaks.map((l) => l.file).sort()).toEqual([join('data', 'unit.csv'), join('wilayah', 'alpha', 'index.html')]);
    // A full build finds the same.
    const full = await gateSite(root, later, { kode: 'k1' });
    expect(full.leaks.map((l) => l.file).sort()).toEqual(second.leaks.map((l) => l.file).sort());
    // Given the site's files (the build's own walk), the gate reads those and walks nothing: the
    // same verdict; a file left out of the list is not read.
    const files: string[] = [];
    for (const path of listFiles(root)) files.push(path);
    const given = await gateSite(root, later, { kode: 'k1', before: first.memory, files });
    expect([given.read, given.leaks]).toEqual([second.read, second.leaks]);
    const fewer = files.filter((f) => f !== join('data', 'unit.csv'));
    expect((await gateSite(root, later, { kode: 'k1', before: first.memory, files: fewer })).leaks.map((l) => l.file)).toEqual([
      join('wilayah', 'alpha', 'index.html'),
    ]);
    expect((await gateSite(root, later, { kode: 'k1', files: fewer })).leaks.map((l) => l.file)).toEqual([
      join('wilayah', 'alpha', 'index.html'),
    ]);
  });

  test('a site read in two parts, with lookups made once (the data while the pages render), is judged as in one reading', async () => {
    const root = await site({ ...pages, 'data/rilis/r1/unit.csv': pages['data/unit.csv'], 'bocor.html': '<p>Pegawai Uji 001</p>' });
    const first = await gateSite(root, exportValues({ alpha: ['Pegawai Uji 001'], beta: ['Pegawai Uji 002'] }), { kode: 'k1' });
    await writeFile(join(root, 'data', 'baru.csv'), 'a,b\r\nPegawai Uji 002,1\r\n');
    const later = exportValues({ alpha: ['Pegawai Uji 001'], beta: ['Pegawai Uji 002', 'Dinas Kependudukan'] });
    const files: string[] = [];
    for (const path of listFiles(root)) files.push(path);
    for (const before of [null, first.memory]) {
      const whole = await gateSite(root, later, { kode: 'k1', before, files });
      let taken = 0;
      const lookups = await gateLookups({ take: async () => (taken++, later) }, before, 'k1');
      const data = files.filter((f) => f.startsWith('data'));
      const [a, b] = [data, files.filter((f) => !data.includes(f))];
      const parts = joinGateResults(
        await gateSite(root, lookups, { kode: 'k1', before, files: a }),
        await gateSite(root, lookups, { kode: 'k1', before, files: b }),
      );
      expect(taken).toBe(1);
      const byFile = (r: typeof whole) => r.leaks.map((l) => `${l.file}: ${l.what}`).sort();
      expect(byFile(parts)).toEqual(byFile(whole));
      expect(byFile(whole).length).toBeGreaterThanOrEqual(3);
      expect(parts.read).toEqual(whole.read);
      expect(parts.memory).toEqual(whole.memory);
      expect([...parts.hashes].sort()).toEqual([...whole.hashes].sort());
    }
  });

  test('the same bytes at another path are read as a file; as a content, only if read the same way', async () => {
    const root = await site(pages);
    const values = exportValues({ alpha: ['Pegawai Uji 001'] });
    const first = await gateSite(root, values, { kode: 'k1' });
    await mkdir(join(root, 'data', 'rilis', 'r1'), { recursive: true });
    // Not a site table (its header is not unit's): read strictly in data/ and in the archive, the same content.
    await writeFile(join(root, 'data', 'rilis', 'r1', 'unit.csv'), pages['data/unit.csv']);
    expect((await gateSite(root, values, { kode: 'k1', before: first.memory })).read).toEqual({
      all: 1,
      again: 0,
      passed: 3,
      regions: [],
      contents: 1,
      pieces: 0,
    });
    // A site table (its own header, no quotes) is read the fast way wherever it lies: its copy in the archive is the same content.
    const table = `${csvHeader(tableByName('unit')!)}alpha,U01,Dinas Kependudukan,dinas,tidak\r\n`;
    const root2 = await site({ ...pages, 'data/unit.csv': table });
    const first2 = await gateSite(root2, values, { kode: 'k1' });
    await writeFile(join(root2, 'data', 'rilis', 'r1', 'unit.csv'), table);
    expect((await gateSite(root2, values, { kode: 'k1', before: first2.memory })).read.contents).toBe(1);
    // The same bytes under a name of no table are read as any CSV: another content, so read.
    await rm(join(root2, 'data', 'rilis', 'r1', 'unit.csv'));
    await writeFile(join(root2, 'data', 'rilis', 'r1', 'lain.csv'), table);
    expect((await gateSite(root2, values, { kode: 'k1', before: first2.memory })).read.contents).toBe(0);
  });

  test('a new region is a change; a changed region with no private value reads nothing again', async () => {
    const root = await site(pages);
    const first = await gateSite(root, exportValues({ alpha: ['Pegawai Uji 001'], beta: [] }), { kode: 'k1' });
    const added = exportValues({ alpha: ['Pegawai Uji 001'], beta: [], gamma: ['Puskesmas Sentosa'] });
    const second = await gateSite(root, added, { kode: 'k1', before: first.memory });
    expect(second.read).toEqual({ all: 0, again: 3, passed: 0, regions: ['gamma'], contents: 0, pieces: 0 });
    expect(second.leaks.map((l) => l.file).sort()).toEqual([join('data', 'unit.csv'), join('wilayah', 'beta', 'index.html')]);
    // beta's values changed from none to none: its digest is the same; delta (new, empty) has none to look for.
    const empty = exportValues({ alpha: ['Pegawai Uji 001'], beta: [], delta: [] });
    expect((await gateSite(root, empty, { kode: 'k1', before: first.memory })).read).toEqual({
      all: 0,
      again: 0,
      passed: 3,
      regions: [],
      contents: 0,
      pieces: 0,
    });
  });

  test('in a new file, a content passed before (a zip entry, a table read the same way) is not read again while no value changed', async () => {
    const bundle = (readme: string) => Buffer.from(zipSync({ 'unit.csv': strToU8(pages['data/unit.csv']), 'README.md': strToU8(readme) }));
    const root = await site({ ...pages, 'data/rilis/r1/unit.csv': pages['data/unit.csv'] });
    await writeFile(join(root, 'data/paket/alpha.zip'), bundle('rilis r1')).catch(async () => {
      await mkdir(join(root, 'data/paket'), { recursive: true });
      await writeFile(join(root, 'data/paket/alpha.zip'), bundle('rilis r1'));
    });
    const values = exportValues({ alpha: ['Pegawai Uji 001'], beta: ['Pegawai Uji 002'] });
    const first = await gateSite(root, values, { kode: 'k1' });
    expect(first.leaks).toEqual([]);
    // A new release: its bundle's README names it, its folder holds the same table.
    await writeFile(join(root, 'data/paket/alpha.zip'), bundle('rilis r2'));
    await mkdir(join(root, 'data/rilis/r2'), { recursive: true });
    await writeFile(join(root, 'data/rilis/r2/unit.csv'), pages['data/unit.csv']);
    const second = await gateSite(root, values, { kode: 'k1', before: first.memory });
    // unit.csv in the zip and in r2: the same bytes, read the same way (strictly, as r1's was), one content.
    expect(second.read).toEqual({ all: 2, again: 0, passed: 4, regions: [], contents: 1, pieces: 0 });
    expect(second.leaks).toEqual([]);
    // A third build keeps knowing them: the memory carries the contents of files passed before.
    expect((await gateSite(root, values, { kode: 'k1', before: second.memory })).read).toEqual({
      all: 0,
      again: 0,
      passed: 6,
      regions: [],
      contents: 0,
      pieces: 0,
    });
    // beta's values changed: a content passed before is read again, and what it holds is found.
    await writeFile(join(root, 'data/paket/alpha.zip'), bundle('rilis r3'));
    const later = exportValues({ alpha: ['Pegawai Uji 001'], beta: ['Pegawai Uji 002', 'Puskesmas Sentosa'] });
    const third = await gateSite(root, later, { kode: 'k1', before: second.memory });
    expect(third.read.contents).toBe(0);
    expect(third.leaks.map((l) => l.file)).toContain(join('data', 'paket', 'alpha.zip!', 'unit.csv'));
  });

  test('a long text changed in one place: its other pieces passed before are not read again, unless a value changed', async () => {
    // Rows of many regions, as a national table's Excel sheet holds them (each region's rows its own).
    const sheet = (extra: string) =>
      Array.from({ length: 40 }, (_, r) =>
        Array.from(
          { length: 400 },
          (_, i) =>
            `<row><c><v>${r}-${(i * 7919) % 1000}</v></c><c><is><t>Layanan ${i % 13}${r === 7 ? extra : ''}${r === 30 ? ' Sentosa Raya' : ''}</t></is></c></row>`,
        ).join(''),
      ).join('');
    const root = await site({ ...pages, 'data/besar.xml': sheet('') });
    const values = exportValues({ alpha: ['Pegawai Uji 001'], beta: ['Pegawai Uji 002'] });
    const options = { kode: 'k1', threads: 1, pieceBytes: 200_000 };
    const first = await gateSite(root, values, options);
    expect(first.leaks).toEqual([]);
    // Its pieces, as the gate cuts them (pieces of 200,000 bytes at most).
    const pieces = pieceCutter(options.pieceBytes).push(Buffer.from(sheet(''))).length + 1;
    expect(pieces).toBeGreaterThan(5);
    // One region's rows grow: the file is new, most of its pieces are not.
    await writeFile(join(root, 'data/besar.xml'), sheet(' baru'));
    const second = await gateSite(root, values, { ...options, before: first.memory });
    expect(second.leaks).toEqual([]);
    expect(second.read.all).toBe(1);
    expect(second.read.pieces).toBeGreaterThan(pieces / 2);
    expect(second.read.pieces).toBeLessThan(pieces);
    // Changed again in the same place, by as many bytes (so cut in the same places): the pieces the
    // second build passed without reading are in its memory too (they were not, and every other
    // build read them all again).
    await writeFile(join(root, 'data/besar.xml'), sheet(' lagi'));
    const again = await gateSite(root, values, { ...options, before: second.memory });
    expect(again.leaks).toEqual([]);
    expect(again.read.pieces).toBe(second.read.pieces);
    // A private value in the rows that changed is found.
    await writeFile(join(root, 'data/besar.xml'), sheet(' Pegawai Uji 002'));
    const third = await gateSite(root, values, { ...options, before: second.memory });
    expect(third.leaks.map((l) => l.file)).toEqual([join('data', 'besar.xml')]);
    // A region's values changed: a piece passed before says nothing of the new ones. A value in
    // rows that did not change (region 30's) is found, and no piece is taken as passed.
    await writeFile(join(root, 'data/besar.xml'), sheet(' baru'));
    const later = exportValues({ alpha: ['Pegawai Uji 001'], beta: ['Pegawai Uji 002', 'Sentosa Raya'] });
    const fourth = await gateSite(root, later, { ...options, before: second.memory });
    expect(fourth.read.pieces).toBe(0);
    expect(fourth.leaks.map((l) => l.file)).toContain(join('data', 'besar.xml'));
  });

  test('a memory is found by its key; none for another key, or when it cannot be read', async () => {
    const root = await site(pages);
    const values = exportValues({ alpha: ['Pegawai Uji 001'] });
    await writeGateMemory('site-1', (await gateSite(root, values, { kode: 'k1' })).memory);
    expect(await readGateMemory('site-2', 'k1')).toBeNull();
    expect(await readGateMemory('site-1', 'k1')).not.toBeNull();
    const [file] = await readdir(join(tmp.dir, 'memory'));
    await writeFile(join(tmp.dir, 'memory', file), '{ bukan json');
    expect(await readGateMemory('site-1', 'k1')).toBeNull();
  });
});
