/**
 * Incremental builds (issue #13 item 4): which files are a region's, what its key reads, and
 * that a previous output's files are taken only as recorded. The whole build (incremental equals
 * full, byte for byte) is tested in test/browser/second-publication.test.ts.
 */
import { mkdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import { brotliDecompressSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  copyRegions,
  fileMarks,
  foldersUnchanged,
  moveBack,
  moveFolders,
  movableRegions,
  movesJournal,
  writeMovesJournal,
  pagesRecord,
  readPagesRecord,
  regionKeys,
  reusableRegions,
  writePagesRecord,
  type SharedFacts,
} from '../../src/build/incremental.ts';
import { NO_TWIN, precompress } from '../../src/deploy/precompress.ts';
import { twinEntry } from '../../src/publish/gate-memory.ts';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { publishPartitions } from '../../src/publish/partitions.ts';
import { tableByName } from '../../src/contract/published.ts';
import { regionOfPath } from '../../src/routes.ts';
import { tempDirEach } from '../support/temp-dir.ts';

describe('regionOfPath', () => {
  it.each([
    ['wilayah/binjai/index.html', 'binjai'],
    ['en/wilayah/binjai/unit/U%2001/index.html', 'binjai'],
    ['wilayah/binjai/index.html.br', 'binjai'],
    ['forum/jakarta/index.html', 'jakarta'],
    ['en/embed/wilayah/maulafa/ikm/index.html', 'maulafa'],
    ['wilayah/index.html', null],
    ['en/wilayah/index.html', null],
    ['data/wilayah/binjai/ikm_unit.csv', null],
    ['forum/index.html', null],
    ['embed/bandingkan/index.html', null],
    ['index.html', null],
  ])('%s → %s', (rel, kode) => {
    expect(regionOfPath(rel)).toBe(kode);
  });
});

const shared: SharedFacts = { kode: 'c0de', alamat: null, peta: 'map-1' };
const RELEASE = '2026-01-20-0fecae46';
const ikm = tableByName('ikm_unit')!;
const ikmWilayah = tableByName('ikm_wilayah')!;
const header = ikm.columns.map((c) => c.name);
const row = (kode: string, unit: string, value: string) =>
  header.map((h) => ({ kode_wilayah: kode, kode_unit: unit, periode: '2025', ikm: value, responden: '30' })[h] ?? '').join(',');
const wholeHeader = ikmWilayah.columns.map((c) => c.name);
const wholeRow = (kode: string, value: string) =>
  wholeHeader.map((h) => ({ kode_wilayah: kode, periode: '2025', ikm: value })[h] ?? '').join(',');

/** A data folder as publish leaves it: ikm_unit.csv split by region, ikm_wilayah.csv whole, kualitas.json. */
async function published(dir: string, ikmAlpha: string, wholeAlpha = '80'): Promise<string> {
  await mkdir(dir, { recursive: true });
  const csv = [header.join(','), row('alpha', 'U01', ikmAlpha), row('beta', 'U01', '70.5')].join('\r\n') + '\r\n';
  await writeFile(join(dir, 'ikm_unit.csv'), csv);
  const whole = [wholeHeader.join(','), wholeRow('alpha', wholeAlpha), wholeRow('beta', '70')].join('\r\n') + '\r\n';
  await writeFile(join(dir, 'ikm_wilayah.csv'), whole);
  await publishPartitions(dir, [
    { table: ikm, csvPath: join(dir, 'ikm_unit.csv') },
    { table: ikmWilayah, csvPath: join(dir, 'ikm_wilayah.csv') },
  ]);
  await writeFile(
    join(dir, 'kualitas.json'),
    JSON.stringify({
      ambang_kelompok: 10,
      peringatan: [],
      wilayah: ['alpha', 'beta'].map((kode_wilayah) => ({ kode_wilayah, berkas: [] })),
    }),
  );
  return dir;
}

/** A record of these keys whose regions each have their page. */
const recordOf = (k: { bersama: string; kunci: Record<string, string> }) => ({
  bersama: k.bersama,
  wilayah: Object.fromEntries(
    Object.entries(k.kunci).map(([kode, kunci]) => [kode, { kunci, berkas: { [`wilayah/${kode}/index.html`]: 'h' } }]),
  ),
});

describe('regionKeys', () => {
  const tmp = tempDirEach('kt-inc-');
  it('a change in one region’s rows, of a split table or a table kept whole, changes its key only', async () => {
    const a = await regionKeys(await published(join(tmp.dir, 'a'), '83.47'), ['alpha', 'beta'], shared, RELEASE);
    for (const [name, ikmAlpha, wholeAlpha] of [
      ['b', '83.48', '80'],
      ['c', '83.47', '81'],
    ]) {
      const b = await regionKeys(await published(join(tmp.dir, name), ikmAlpha, wholeAlpha), ['alpha', 'beta'], shared, RELEASE);
      expect(b.bersama).toBe(a.bersama);
      expect(b.kunci.alpha).not.toBe(a.kunci.alpha);
      expect(b.kunci.beta).toBe(a.kunci.beta);
      expect(reusableRegions(recordOf(a), b)).toEqual(['beta']);
    }
  });

  it('another site map (a region renamed, a file sent), other code or another address: every key changes, nothing is reused', async () => {
    const dir = await published(join(tmp.dir, 'a'), '83.47');
    const a = await regionKeys(dir, ['alpha', 'beta'], shared, RELEASE);
    for (const other of [
      { ...shared, peta: 'map-2' },
      { ...shared, kode: 'c0de2' },
      { ...shared, alamat: 'https://kinerja.example' },
    ]) {
      const b = await regionKeys(dir, ['alpha', 'beta'], other, RELEASE);
      expect(b.bersama).not.toBe(a.bersama);
      expect(b.kunci.beta).not.toBe(a.kunci.beta);
      expect(reusableRegions(recordOf(a), b)).toEqual([]);
    }
    expect(reusableRegions(null, a)).toEqual([]);
  });

  it('a new release leaves a region without revisions alone; a revision changes its key, and so does its release', async () => {
    const dir = await published(join(tmp.dir, 'a'), '83.47');
    const before = await regionKeys(dir, ['alpha', 'beta'], shared, RELEASE);
    expect(await regionKeys(dir, ['alpha', 'beta'], shared, '2026-01-21-00000000')).toEqual(before);
    await mkdir(join(dir, 'rilis', RELEASE), { recursive: true });
    await writeFile(
      join(dir, 'rilis', RELEASE, 'perubahan.csv'),
      'tabel,kode_wilayah,kode_unit,kunci,kolom,lama,baru\r\nikm_unit,beta,U01,2025,ikm,70.4,70.5\r\n',
    );
    const after = await regionKeys(dir, ['alpha', 'beta'], shared, RELEASE);
    expect(after.kunci.beta).not.toBe(before.kunci.beta);
    expect(after.kunci.alpha).toBe(before.kunci.alpha);
    await mkdir(join(dir, 'rilis', 'R2'), { recursive: true });
    await writeFile(join(dir, 'rilis', 'R2', 'perubahan.csv'), await readFile(join(dir, 'rilis', RELEASE, 'perubahan.csv')));
    const elsewhere = await regionKeys(dir, ['alpha', 'beta'], shared, 'R2');
    expect(elsewhere.kunci.beta).not.toBe(after.kunci.beta);
    expect(elsewhere.kunci.alpha).toBe(after.kunci.alpha);
  });

  it('a region whose record lacks its page is not reused', async () => {
    const a = await regionKeys(await published(join(tmp.dir, 'a'), '83.47'), ['alpha', 'beta'], shared, RELEASE);
    const record = recordOf(a);
    record.wilayah.alpha.berkas = {};
    expect(reusableRegions(record, a)).toEqual(['beta']);
  });
});

describe('the record and the copy', () => {
  const tmp = tempDirEach('kt-inc-');
  const keys = { bersama: 'b', kunci: { alpha: 'ka', beta: 'kb' } };

  async function site(dir: string): Promise<string> {
    for (const [rel, text] of [
      ['index.html', 'home'],
      ['wilayah/index.html', 'regions'],
      ['wilayah/alpha/index.html', 'alpha'],
      ['wilayah/alpha/index.html.br', 'alpha-br'],
      ['en/forum/alpha/index.html', 'alpha forum'],
      ['wilayah/beta/index.html', 'beta'],
      ['data/wilayah/alpha/ikm_unit.csv', 'csv'],
    ]) {
      await mkdir(join(dir, rel, '..'), { recursive: true });
      await writeFile(join(dir, rel), text);
    }
    return dir;
  }

  it('lists every file of a region’s pages, twins too, and no national file; written and read back', async () => {
    const dir = await site(join(tmp.dir, 'site'));
    const record = await pagesRecord(dir, keys);
    expect(Object.keys(record.wilayah.alpha.berkas)).toEqual([
      'en/forum/alpha/index.html',
      'wilayah/alpha/index.html',
      'wilayah/alpha/index.html.br',
    ]);
    expect(Object.keys(record.wilayah.beta.berkas)).toEqual(['wilayah/beta/index.html']);
    expect(record.wilayah.alpha.kunci).toBe('ka');
    await writePagesRecord(dir, record);
    expect(await readPagesRecord(dir)).toEqual(record);
    // Hashes known already (the gate's, the twins') are taken as given, unread; any other file is read.
    const given = await pagesRecord(dir, keys, null, new Map([['wilayah/alpha/index.html', 'dari-gerbang']]));
    expect(given.wilayah.alpha.berkas['wilayah/alpha/index.html']).toBe('dari-gerbang');
    expect(given.wilayah.alpha.berkas['wilayah/alpha/index.html.br']).toBe(record.wilayah.alpha.berkas['wilayah/alpha/index.html.br']);
    await writeFile(join(dir, 'kt-pages.json'), '{"not": "a record"}');
    expect(await readPagesRecord(dir)).toBeNull();
    // A record that files a national page, or a path out of its region, under a region: not trusted.
    for (const rel of ['index.html', 'wilayah/alpha/../../index.html', 'wilayah/beta/index.html']) {
      await writePagesRecord(dir, { ...record, wilayah: { alpha: { kunci: 'ka', berkas: { [rel]: 'h' } } } });
      expect(await readPagesRecord(dir), rel).toBeNull();
    }
  });

  it('copies a reused region’s files as recorded; a file changed or gone since is refused', async () => {
    const before = await site(join(tmp.dir, 'before'));
    const record = await pagesRecord(before, keys);
    const next = join(tmp.dir, 'next');
    const copied = await copyRegions(next, before, record, ['alpha']);
    expect(copied.problems).toEqual([]);
    expect(copied.files.sort()).toEqual(Object.keys(record.wilayah.alpha.berkas));
    expect(await readFile(join(next, 'wilayah/alpha/index.html.br'), 'utf8')).toBe('alpha-br');

    await rm(join(before, 'en/forum/alpha/index.html'));
    const gone = await copyRegions(join(tmp.dir, 'gone'), before, record, ['alpha']);
    expect(gone.problems).toEqual([`${before}: en/forum/alpha/index.html hilang / missing`]);
    await writeFile(join(before, 'wilayah/alpha/index.html'), 'alpha, edited by hand');
    const refused = await copyRegions(join(tmp.dir, 'again'), before, record, ['alpha']);
    expect(refused.problems).toContain(
      `${before}: wilayah/alpha/index.html tidak sama dengan catatan di kt-pages.json / differs from what kt-pages.json records`,
    );
  });

  it('takes a file as a hard link to the previous site’s, and a twin made again is a new file, never written into that site', async () => {
    const before = join(tmp.dir, 'before');
    const page = '<p>alpha</p>'.repeat(200);
    await mkdir(join(before, 'wilayah/alpha'), { recursive: true });
    await writeFile(join(before, 'wilayah/alpha/index.html'), page);
    await writeFile(join(before, 'wilayah/alpha/index.html.br'), 'not this page under brotli');
    const record = await pagesRecord(before, keys);
    const next = join(tmp.dir, 'next');
    expect((await copyRegions(next, before, record, ['alpha'], { links: true })).problems).toEqual([]);
    const [a, b] = await Promise.all([stat(join(before, 'wilayah/alpha/index.html')), stat(join(next, 'wilayah/alpha/index.html'))]);
    expect(b.ino).toBe(a.ino);
    // From a folder this build does not replace: copies, nothing shared.
    const other = join(tmp.dir, 'other');
    expect((await copyRegions(other, before, record, ['alpha'])).problems).toEqual([]);
    expect((await stat(join(other, 'wilayah/alpha/index.html'))).ino).not.toBe(a.ino);
    // No memory of the previous site (a twin that does not unpack to its file): made again.
    await precompress(next);
    expect(brotliDecompressSync(await readFile(join(next, 'wilayah/alpha/index.html.br'))).toString()).toBe(page);
    expect(await readFile(join(before, 'wilayah/alpha/index.html.br'), 'utf8')).toBe('not this page under brotli');
    // A symbolic link in the previous site, even to the recorded bytes, is no file to publish.
    await writeFile(join(tmp.dir, 'elsewhere.html'), page);
    await rm(join(before, 'wilayah/alpha/index.html'));
    await symlink(join(tmp.dir, 'elsewhere.html'), join(before, 'wilayah/alpha/index.html'));
    const linked = await copyRegions(join(tmp.dir, 'third'), before, record, ['alpha'], { links: true });
    expect(linked.problems).toEqual([`${before}: wilayah/alpha/index.html bukan berkas biasa / is not a regular file`]);
  });

  it('a linked file whose mark is the one taken when its site was published is not read again; one written since is', async () => {
    const before = join(tmp.dir, 'before');
    await mkdir(join(before, 'wilayah/alpha'), { recursive: true });
    await writeFile(join(before, 'wilayah/alpha/index.html'), '<p>alpha</p>');
    const record = await pagesRecord(before, keys);
    // Edited by hand after the mark was taken: read, and refused.
    const marks = await fileMarks(before, ['wilayah/alpha/index.html', 'wilayah/alpha/gone.html']);
    expect(Object.keys(marks)).toEqual(['wilayah/alpha/index.html']);
    await writeFile(join(before, 'wilayah/alpha/index.html'), '<p>alpha, edited</p>');
    const edited = await copyRegions(join(tmp.dir, 'a'), before, record, ['alpha'], { links: true, marks });
    expect(edited.problems).toEqual([
      `${before}: wilayah/alpha/index.html tidak sama dengan catatan di kt-pages.json / differs from what kt-pages.json records`,
    ]);
    // The same edit with its mark taken after it: the mark vouches for the recorded hash, so the
    // file is not read (what a mark is for: only a file written since is read).
    const vouched = await fileMarks(before, ['wilayah/alpha/index.html']);
    const unread = await copyRegions(join(tmp.dir, 'b'), before, record, ['alpha'], { links: true, marks: vouched });
    expect([unread.files, unread.problems, unread.unread]).toEqual([['wilayah/alpha/index.html'], [], 1]);
    expect(edited.unread).toBe(0);
    // As it was when checked: a mark is taken of it as it is; written since (through the previous
    // site's name, the same inode), none is.
    const linked = join(tmp.dir, 'b', 'wilayah/alpha/index.html');
    expect(Object.keys(await fileMarks(join(tmp.dir, 'b'), ['wilayah/alpha/index.html'], unread.checked))).toEqual([
      'wilayah/alpha/index.html',
    ]);
    await writeFile(join(before, 'wilayah/alpha/index.html'), '<p>alpha, edited again</p>');
    expect(await readFile(linked, 'utf8')).toBe('<p>alpha, edited again</p>');
    expect(await fileMarks(join(tmp.dir, 'b'), ['wilayah/alpha/index.html'], unread.checked)).toEqual({});
    // Copied, not linked: always read.
    expect((await copyRegions(join(tmp.dir, 'c'), before, record, ['alpha'], { marks: vouched })).problems).toHaveLength(1);
    // Setting its time back is a change too: the mark differs, the file is read. (After a pause
    // longer than any file system clock's tick, so that the inode's change time moves.)
    const vouchedAgain = await fileMarks(before, ['wilayah/alpha/index.html']);
    const { atime, mtime } = await stat(join(before, 'wilayah/alpha/index.html'));
    await new Promise((r) => setTimeout(r, 50));
    await writeFile(join(before, 'wilayah/alpha/index.html'), '<p>alpha, EDITED again</p>');
    await utimes(join(before, 'wilayah/alpha/index.html'), atime, mtime);
    expect((await copyRegions(join(tmp.dir, 'd'), before, record, ['alpha'], { links: true, marks: vouchedAgain })).problems).toHaveLength(
      1,
    );
  });

  describe('a region left in the previous site, to be moved whole at the swap', () => {
    const hash = (text: string) => createHash('sha256').update(text).digest('hex');
    const page = '<p>alpha</p>'.repeat(200);
    const texts: Record<string, string> = {
      'wilayah/alpha/index.html': page,
      'wilayah/alpha/index.html.br': 'brotli of the page',
      'wilayah/alpha/index.html.gz': 'gzip of the page',
      'wilayah/alpha/peta.png': 'not text',
      'en/forum/alpha/index.html': '<p>small</p>',
      'wilayah/beta/index.html': '<p>beta</p>',
    };
    /** The previous site, its record, its files' marks and the twins its memory vouches for. */
    async function published() {
      const before = join(tmp.dir, 'before');
      for (const [rel, text] of Object.entries(texts)) {
        await mkdir(join(before, rel, '..'), { recursive: true });
        await writeFile(join(before, rel), text);
      }
      const record = await pagesRecord(before, keys);
      const marks = await fileMarks(before, Object.keys(texts));
      const made = new Set([
        twinEntry(hash(page), hash('brotli of the page')),
        twinEntry(hash(page), hash('gzip of the page')),
        twinEntry(hash('<p>small</p>'), NO_TWIN),
        twinEntry(hash('<p>beta</p>'), NO_TWIN),
      ]);
      return { before, record, marks, made, madeHere: (file: string, twin: string) => made.has(twinEntry(file, twin)) };
    }

    it('where its folders hold exactly its recorded files, each unwritten since, and its twins are this code’s: nothing linked, read or written', async () => {
      const { before, record, marks, made, madeHere } = await published();
      const moved = await movableRegions(before, record, ['alpha', 'beta'], marks, madeHere);
      expect(moved.regions).toEqual(['alpha', 'beta']);
      expect(moved.folders).toEqual(['wilayah/alpha', 'en/forum/alpha', 'wilayah/beta']);
      expect(moved.files.sort()).toEqual(Object.keys(texts).sort());
      // What precompress would have told of their twins, for the next build's memory.
      expect(new Set(moved.twins)).toEqual(made);
      const next = join(tmp.dir, 'next');
      const taken = await copyRegions(next, before, record, ['alpha'], { links: true, marks, madeHere });
      expect([taken.moved.regions, taken.problems, taken.unread, taken.files.length]).toEqual([['alpha'], [], 5, 5]);
      expect(existsSync(join(next, 'wilayah'))).toBe(false);
      // Not from a folder this build does not replace (no links), nor without the memory of its twins.
      expect((await copyRegions(join(tmp.dir, 'copy'), before, record, ['alpha'], { marks, madeHere })).moved.regions).toEqual([]);
      expect((await copyRegions(join(tmp.dir, 'link'), before, record, ['alpha'], { links: true, marks })).moved.regions).toEqual([]);
    });

    it('a file more, a file written since, a symbolic link or a twin this code did not make: linked file by file instead', async () => {
      const { before, record, marks, made, madeHere } = await published();
      await writeFile(join(before, 'en/forum/alpha/catatan.txt'), 'left by a hand');
      expect((await movableRegions(before, record, ['alpha', 'beta'], marks, madeHere)).regions).toEqual(['beta']);
      await rm(join(before, 'en/forum/alpha/catatan.txt'));
      expect((await movableRegions(before, record, ['alpha'], marks, madeHere)).regions).toEqual(['alpha']);

      await writeFile(join(before, 'wilayah/beta/index.html'), '<p>beta</p>');
      expect((await movableRegions(before, record, ['alpha', 'beta'], marks, madeHere)).regions).toEqual(['alpha']);

      await rm(join(before, 'wilayah/alpha/peta.png'));
      await symlink(join(before, 'wilayah/beta/index.html'), join(before, 'wilayah/alpha/peta.png'));
      expect((await movableRegions(before, record, ['alpha'], marks, madeHere)).regions).toEqual([]);
      await rm(join(before, 'wilayah/alpha/peta.png'));
      await writeFile(join(before, 'wilayah/alpha/peta.png'), 'not text');
      const remarked = await fileMarks(before, Object.keys(texts));
      expect((await movableRegions(before, record, ['alpha'], remarked, madeHere)).regions).toEqual(['alpha']);

      made.delete(twinEntry(hash(page), hash('gzip of the page')));
      expect((await movableRegions(before, record, ['alpha'], remarked, madeHere)).regions).toEqual([]);
      // Linked then, as any reused region (and the file more not taken).
      await writeFile(join(before, 'en/forum/alpha/catatan.txt'), 'left by a hand');
      const linked = await copyRegions(join(tmp.dir, 'next'), before, record, ['alpha'], { links: true, marks: remarked, madeHere });
      expect([linked.moved.regions, linked.problems, linked.files.length, linked.unread]).toEqual([[], [], 5, 5]);
      expect(existsSync(join(tmp.dir, 'next', 'wilayah/alpha/index.html'))).toBe(true);
      expect(existsSync(join(tmp.dir, 'next', 'en/forum/alpha/catatan.txt'))).toBe(false);
    });

    it('an empty folder, a recorded file gone or a folder above that is a symbolic link: not moved', async () => {
      const { before, record, marks, madeHere } = await published();
      await mkdir(join(before, 'wilayah/alpha/unit/kosong'), { recursive: true });
      expect((await movableRegions(before, record, ['alpha'], marks, madeHere)).regions).toEqual([]);
      await rm(join(before, 'wilayah/alpha/unit'), { recursive: true });
      expect((await movableRegions(before, record, ['alpha'], marks, madeHere)).regions).toEqual(['alpha']);
      await rm(join(before, 'en/forum/alpha/index.html'));
      expect((await movableRegions(before, record, ['alpha'], marks, madeHere)).regions).toEqual([]);
      // `en/` elsewhere, through a link: its folders are another tree's.
      const tree = join(tmp.dir, 'elsewhere');
      await mkdir(join(tree, 'forum/alpha'), { recursive: true });
      await writeFile(join(tree, 'forum/alpha/index.html'), '<p>small</p>');
      await rm(join(before, 'en'), { recursive: true });
      await symlink(tree, join(before, 'en'));
      const remarked = await fileMarks(before, Object.keys(texts));
      expect((await movableRegions(before, record, ['alpha'], remarked, madeHere)).regions).toEqual([]);
    });

    it('at the swap: a folder changed since the walk is found; folders are moved by a rename each, and the journal puts them back', async () => {
      const { before, record, marks, madeHere } = await published();
      const moved = await movableRegions(before, record, ['alpha', 'beta'], marks, madeHere);
      expect(foldersUnchanged(before, moved)).toBe(true);
      // A file added to a region's folder after the gate judged it (another build's swap, a hand): found.
      await writeFile(join(before, 'wilayah/alpha/baru.html'), '<p>not judged</p>');
      expect(foldersUnchanged(before, moved)).toBe(false);
      await rm(join(before, 'wilayah/alpha/baru.html'));
      expect(foldersUnchanged(before, moved)).toBe(false); // (its time moved: walked again next build)

      const stage = join(tmp.dir, 'stage');
      const site = join(stage, 'site');
      await mkdir(join(site, 'wilayah/beta'), { recursive: true });
      writeMovesJournal(stage, moved.folders);
      expect(() => moveFolders(before, site, moved.folders)).toThrow('wilayah/beta');
      expect(existsSync(join(site, 'wilayah/alpha/index.html'))).toBe(true);
      moveBack(stage, before);
      expect(existsSync(join(before, 'wilayah/alpha/index.html'))).toBe(true);
      expect(existsSync(join(before, 'en/forum/alpha/index.html'))).toBe(true);
      expect(existsSync(join(site, 'wilayah/alpha'))).toBe(false);
      await rm(join(site, 'wilayah/beta'), { recursive: true });
      moveFolders(before, site, moved.folders);
      expect(await readFile(join(site, 'en/forum/alpha/index.html'), 'utf8')).toBe('<p>small</p>');
      expect(existsSync(join(before, 'wilayah/alpha'))).toBe(false);
      // A journal that cannot be read was never written whole: nothing had moved.
      await writeFile(movesJournal(stage), '["wilayah/al');
      expect(() => moveBack(stage, before)).not.toThrow();
      expect(existsSync(join(before, 'wilayah/alpha'))).toBe(false);
    });
  });

  it('a reused region keeps its recorded hashes; the others are hashed from the site', async () => {
    const dir = await site(join(tmp.dir, 'site'));
    const previous = {
      bersama: 'b',
      wilayah: { alpha: { kunci: 'ka', berkas: { 'wilayah/alpha/index.html': 'recorded' } }, beta: { kunci: 'old', berkas: {} } },
    };
    const record = await pagesRecord(dir, keys, previous);
    expect(record.wilayah.alpha.berkas).toEqual({ 'wilayah/alpha/index.html': 'recorded' });
    expect(Object.keys(record.wilayah.beta.berkas)).toEqual(['wilayah/beta/index.html']);
  });
});
