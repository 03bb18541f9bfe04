/**
 * src/build/kept-rows.ts: a --since build takes the rows of regions whose export did not change
 * from the previous output's tables, and its tables are the bytes of tables derived afresh.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KeptRows, keptKeys, readRowsRecord, rowsKeys, rowsRecord, writeRowsRecord, type RowsRecord } from '../../src/build/kept-rows.ts';
import { TABLES } from '../../src/contract/published.ts';
import { deriveTables } from '../../src/derive/tables.ts';
import type { Stretch, TableStretches } from '../../src/publish/partitions.ts';
import { publishTables } from '../../src/publish/tables.ts';
import { csvFileName } from '../../src/queries/published-views.ts';
import { validateExport } from '../../src/validate/export.ts';

let work = '';
/** The sample's export, and the data folder published of it, with its record. */
let exportA = '';
let siteA = '';
let recordA: RowsRecord;
const threshold = 10;
const codes = readdirSync('data', { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

/** Publishes `exportDir` into `site/data`, its regions' rows taken from `kept`'s previous output where they can be. */
async function publish(exportDir: string, site: string, kept?: (keys: Map<string, string>) => KeptRows) {
  // As the data half does (src/build/data-half.ts): hashed, validated, kept where the files are as hashed.
  const hashed = await rowsKeys(exportDir, threshold);
  const { regions } = await validateExport(exportDir);
  const keys = keptKeys(exportDir, hashed);
  const dir = join(site, 'data');
  mkdirSync(dir, { recursive: true });
  const rows = kept?.(keys);
  const { stretches } = await publishTables(
    rows ? rows.tables(regions, { threshold }) : deriveTables(regions, { threshold }),
    regions,
    dir,
    '2026-01-01',
    { ambang_kelompok: threshold },
  );
  return { record: rowsRecord(keys, stretches, codes), count: rows?.count, keys };
}

const tableBytes = (site: string) => TABLES.map((t) => readFileSync(join(site, 'data', csvFileName(t))));

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kept-rows-'));
  exportA = join(work, 'export-a');
  cpSync('data', exportA, { recursive: true });
  siteA = join(work, 'a');
  ({ record: recordA } = await publish(exportA, siteA));
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('KeptRows', () => {
  test('one region’s export changed: the others’ rows are taken from the previous tables, the tables are those derived afresh', async () => {
    const exportB = join(work, 'export-b');
    cpSync(exportA, exportB, { recursive: true });
    const skm = join(exportB, 'binjai', 'skm.csv');
    const lines = readFileSync(skm, 'utf8').split('\n');
    const cells = lines[1].split(',');
    cells[4] = cells[4] === '1' ? '4' : '1';
    lines[1] = cells.join(',');
    writeFileSync(skm, lines.join('\n'));
    const kept = await publish(exportB, join(work, 'b-kept'), (keys) => new KeptRows(join(siteA, 'data'), recordA, keys));
    await publish(exportB, join(work, 'b-derived'));
    // Ten tables (predikat_unit is derived by every build), five regions: Binjai's ten derived.
    expect(kept.count).toEqual({ kept: 40, derived: 10 });
    expect(tableBytes(join(work, 'b-kept'))).toEqual(tableBytes(join(work, 'b-derived')));
    // And a change that reaches the survey's table: Binjai's rows differ from A's.
    expect(tableBytes(join(work, 'b-kept'))).not.toEqual(tableBytes(siteA));
    // The record of B gives Binjai another key, the others theirs in A, with the same rows (at other places: Binjai's come first).
    expect(kept.record.wilayah.binjai.kunci).not.toBe(recordA.wilayah.binjai.kunci);
    const rowsOf = (r: RowsRecord, code: string) =>
      Object.entries(r.wilayah[code].tabel).map(([t, s]) => [t, s && { rows: s.rows, bytes: s.bytes, sha256: s.sha256 }]);
    for (const code of codes.filter((c) => c !== 'binjai')) {
      expect(kept.record.wilayah[code].kunci).toBe(recordA.wilayah[code].kunci);
      expect(rowsOf(kept.record, code)).toEqual(rowsOf(recordA, code));
    }
    expect(kept.record.wilayah.jakarta.tabel.ikm_unit!.at).not.toBe(recordA.wilayah.jakarta.tabel.ikm_unit!.at);
  }, 120_000);

  test('a region’s rows in the previous table not as recorded (one byte changed): derived again, never taken', async () => {
    const siteC = join(work, 'c-previous');
    cpSync(siteA, siteC, { recursive: true });
    const table = join(siteC, 'data', 'ikm_unit.csv');
    const bytes = readFileSync(table);
    const s = recordA.wilayah.jakarta.tabel.ikm_unit!;
    // A digit of Jakarta's rows, another digit: the same length, other bytes.
    const at = [...bytes.subarray(s.at, s.at + s.bytes)].findIndex((b) => b >= 0x30 && b <= 0x38) + s.at;
    bytes[at] += 1;
    writeFileSync(table, bytes);
    const again = await publish(exportA, join(work, 'c'), (keys) => new KeptRows(join(siteC, 'data'), recordA, keys));
    expect(again.count).toEqual({ kept: 49, derived: 1 });
    expect(tableBytes(join(work, 'c'))).toEqual(tableBytes(siteA));
  }, 120_000);

  test('keys of another threshold: every region derived', async () => {
    const other = (await rowsKeys(exportA, threshold + 1)).keys;
    for (const code of codes) expect(other.get(code)).not.toBe(recordA.wilayah[code].kunci);
    const again = await publish(exportA, join(work, 'd'), () => new KeptRows(join(siteA, 'data'), recordA, other));
    expect(again.count).toEqual({ kept: 0, derived: 50 });
    expect(tableBytes(join(work, 'd'))).toEqual(tableBytes(siteA));
  }, 120_000);

  test('a previous output whose tables are missing, cut short or a folder: their regions derived, the same bytes', async () => {
    const siteE = join(work, 'e-previous');
    cpSync(siteA, siteE, { recursive: true });
    const data = join(siteE, 'data');
    rmSync(join(data, 'skm_responden.csv'));
    writeFileSync(join(data, 'ikm_unit.csv'), readFileSync(join(data, 'ikm_unit.csv')).subarray(0, 200));
    rmSync(join(data, 'unit.csv'));
    mkdirSync(join(data, 'unit.csv'));
    const again = await publish(exportA, join(work, 'e'), (keys) => new KeptRows(data, recordA, keys));
    // Of those three tables, the regions with rows there derived again (none cut short is taken).
    const withRows = (t: 'skm_responden' | 'ikm_unit' | 'unit') => codes.filter((c) => recordA.wilayah[c].tabel[t]).length;
    const derived = withRows('skm_responden') + withRows('ikm_unit') + withRows('unit');
    expect(derived).toBeGreaterThanOrEqual(12);
    expect(again.count).toEqual({ kept: 50 - derived, derived });
    expect(tableBytes(join(work, 'e'))).toEqual(tableBytes(siteA));
  }, 120_000);
});

describe('the rows record', () => {
  test('kept outside the site by the site’s key, read back whole; a record of another shape, or none, is no record', async () => {
    const saved = process.env.KT_ROWS_DIR;
    process.env.KT_ROWS_DIR = join(work, 'records');
    try {
      await writeRowsRecord('situs-a', recordA);
      expect(await readRowsRecord('situs-a')).toEqual(recordA);
      expect(await readRowsRecord('situs-b')).toBeNull();
      // Named apart from the gate's memories, should both share a folder.
      expect(readdirSync(join(work, 'records')).every((n) => n.endsWith('-baris.json'))).toBe(true);
      const [name] = readdirSync(join(work, 'records'));
      const damaged = (change: (r: RowsRecord) => void) => {
        const r = structuredClone(recordA);
        change(r);
        writeFileSync(join(work, 'records', name), JSON.stringify(r));
        return readRowsRecord('situs-a');
      };
      expect(await damaged((r) => (r.wilayah.jakarta.tabel.ikm_unit!.bytes = -5))).toBeNull();
      expect(await damaged((r) => (r.wilayah.jakarta.tabel.unit!.rows = 0))).toBeNull();
      expect(await damaged((r) => ((r.wilayah.jakarta as { kunci: unknown }).kunci = 7))).toBeNull();
      expect(await damaged((r) => ((r.wilayah.jakarta as { tabel: unknown }).tabel = null))).toBeNull();
      writeFileSync(join(work, 'records', name), '{"wilayah":');
      expect(await readRowsRecord('situs-a')).toBeNull();
    } finally {
      if (saved === undefined) delete process.env.KT_ROWS_DIR;
      else process.env.KT_ROWS_DIR = saved;
    }
  });
});

describe('rowsRecord', () => {
  test('a region without rows in a table is recorded as having none; one whose rows lie apart, not at all; predikat_unit never', () => {
    const s = { at: 10, bytes: 5, rows: 1, sha256: 'ab' };
    const stretches: TableStretches = new Map<string, Map<string, Stretch | 'apart'>>([
      ['unit', new Map([['a', s]])],
      ['ikm_unit', new Map([['a', 'apart']])],
      ['predikat_unit', new Map([['a', s]])],
      ['capaian_iku', new Map([['b', s]])],
    ]);
    const record = rowsRecord(new Map([['a', 'kunci-a']]), stretches, ['a', 'b']);
    // b has no key: not recorded. a's ikm_unit rows lie apart, capaian_iku has none of a's; the tables not split here are not recorded.
    expect(record).toEqual({ wilayah: { a: { kunci: 'kunci-a', tabel: { unit: s, capaian_iku: null } } } });
  });
});

describe('rowsKeys', () => {
  test('a key per region folder, of its files’ names and bytes; none for a folder holding a folder', async () => {
    const dir = join(work, 'keys');
    cpSync(exportA, dir, { recursive: true });
    const before = (await rowsKeys(dir, threshold)).keys;
    expect([...before.keys()]).toEqual(codes);
    writeFileSync(join(dir, 'binjai', 'README.txt'), 'catatan');
    mkdirSync(join(dir, 'jakarta', 'lama'));
    mkdirSync(join(dir, 'Bukan Wilayah'));
    const after = (await rowsKeys(dir, threshold)).keys;
    expect(after.get('binjai')).not.toBe(before.get('binjai'));
    expect(after.has('jakarta')).toBe(false);
    expect([...after.keys()]).toEqual(codes.filter((c) => c !== 'jakarta'));
    for (const code of ['jayapura', 'manokwari', 'maulafa']) expect(after.get(code)).toBe(before.get(code));
    expect((await rowsKeys(join(work, 'none'), threshold)).keys.size).toBe(0);
    expect((await rowsKeys(join(dir, 'binjai', 'skm.csv'), threshold)).keys.size).toBe(0);
  });

  test('a region whose files changed between their hashing and their validation keeps no key: written, replaced, added or removed', async () => {
    const dir = join(work, 'race');
    cpSync(exportA, dir, { recursive: true });
    const hashed = await rowsKeys(dir, threshold);
    // Past the file system's clock tick, so that a write's times differ from the copy's.
    await new Promise((r) => setTimeout(r, 50));
    // Written in place with the same bytes, its times set back (rows made of what validation
    // read must not be recorded under a key of other bytes: the inode's change time says so).
    const skm = join(dir, 'binjai', 'skm.csv');
    const times = statSync(skm);
    writeFileSync(skm, readFileSync(skm));
    utimesSync(skm, times.atime, times.mtime);
    // Replaced by another file of the same bytes and times (as rsync does).
    const unit = join(dir, 'jakarta', 'unit.csv');
    const { atime, mtime } = statSync(unit);
    cpSync(unit, `${unit}.baru`);
    renameSync(`${unit}.baru`, unit);
    utimesSync(unit, atime, mtime);
    writeFileSync(join(dir, 'jayapura', 'catatan.txt'), 'baru');
    rmSync(join(dir, 'manokwari', 'pelatihan.csv'), { force: true });
    rmSync(join(dir, 'manokwari', 'iku.csv'), { force: true });
    expect([...keptKeys(dir, hashed).keys()]).toEqual(['maulafa']);
    expect(keptKeys(dir, hashed).get('maulafa')).toBe(hashed.keys.get('maulafa'));
  });
});
