/**
 * src/build/validation-memory.ts: a --since build recalls the validation of the regions whose
 * files did not change, and its data half (tables, report, warnings published, private values)
 * is a full validation's, byte for byte. The memory is sealed by the files' bytes.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeData, type DataHalf, type DataInput } from '../../src/build/data-half.ts';
import { rowsKeys, writeRowsRecord } from '../../src/build/kept-rows.ts';
import {
  memoryPath,
  openMemory,
  pruneMemories,
  sealMemory,
  validationMemoryDir,
  type RegionMemory,
} from '../../src/build/validation-memory.ts';
import { siteConfig } from '../../src/config.ts';
import { privateDigest } from '../../src/publish/gate-memory.ts';
import { listFiles } from '../../src/publish/site-files.ts';

let work = '';
const saved = { valid: process.env.KT_VALID_DIR, rows: process.env.KT_ROWS_DIR };

const config = siteConfig({ SOURCE_DATE_EPOCH: '1767225600' });

/** The data half of `exportDir` into `site/data`, replacing `previous`; with --since `previous` (its record kept under `key`) when given. */
async function half(exportDir: string, site: string, previous: string, since?: string): Promise<DataHalf> {
  const input: DataInput = {
    dataDir: exportDir,
    outDir: previous,
    dataStage: join(site, 'data'),
    shard: false,
    config,
    since: since ? { dir: previous, key: since } : undefined,
  };
  return makeData(input);
}

function hashTree(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((p) => [
      p,
      createHash('sha256')
        .update(readFileSync(join(dir, p)))
        .digest('hex'),
    ]),
  );
}

/** `fn` with the memories kept in `dir` (a folder of no memory: a build that recalls none). */
async function withMemoryIn<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const before = process.env.KT_VALID_DIR;
  process.env.KT_VALID_DIR = dir;
  try {
    return await fn();
  } finally {
    if (before === undefined) delete process.env.KT_VALID_DIR;
    else process.env.KT_VALID_DIR = before;
  }
}

const digests = async (d: DataHalf) =>
  Object.fromEntries([...(await d.values()).privateByRegion].map(([code, pv]) => [code, privateDigest(pv)]));

/** Flips the first answer of the first survey row of `region`: a change that reaches the published tables. */
function correct(exportDir: string, region: string) {
  const skm = join(exportDir, region, 'skm.csv');
  const lines = readFileSync(skm, 'utf8').split('\n');
  const cells = lines[1].split(',');
  cells[4] = cells[4] === '1' ? '4' : '1';
  lines[1] = cells.join(',');
  writeFileSync(skm, lines.join('\n'));
}

let exportA = '';
let siteA = '';

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'kt-validation-memory-'));
  process.env.KT_VALID_DIR = join(work, 'sah');
  process.env.KT_ROWS_DIR = join(work, 'baris');
  exportA = join(work, 'export-a');
  cpSync('data', exportA, { recursive: true });
  // Warnings to recall: a file that is not the contract's, and a column that is not.
  writeFileSync(join(exportA, 'jayapura', 'catatan.txt'), 'bukan berkas kontrak');
  const unit = join(exportA, 'binjai', 'unit.csv');
  const [head, ...rows] = readFileSync(unit, 'utf8').split('\n');
  writeFileSync(unit, [`${head},keterangan`, ...rows.map((r) => (r ? `${r},-` : r))].join('\n'));
  siteA = join(work, 'a');
  const a = await half(exportA, siteA, join(work, 'nothing-before'));
  expect(a.ok).toBe(true);
  await writeRowsRecord('situs-a', a.rows!);
}, 120_000);

afterAll(async () => {
  for (const [k, v] of [
    ['KT_VALID_DIR', saved.valid],
    ['KT_ROWS_DIR', saved.rows],
  ] as const)
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  await rm(work, { recursive: true, force: true });
});

describe('a --since build’s validation', () => {
  test('recalls every region but the changed one, and its data are a full validation’s, warnings and values included', async () => {
    const exportB = join(work, 'export-b');
    cpSync(exportA, exportB, { recursive: true });
    correct(exportB, 'maulafa');
    const since = await half(exportB, join(work, 'b-since'), siteA, 'situs-a');
    // A full build of the same export, replacing the same site (its memories kept apart).
    const full = await withMemoryIn(join(work, 'other'), () => half(exportB, join(work, 'b-full'), siteA));
    expect([since.ok, full.ok]).toEqual([true, true]);
    expect(since.recalled).toBe(4);
    expect(full.recalled).toBeUndefined();
    expect(since.rowsKept).toEqual({ kept: 40, derived: 10 });
    expect(full.report).toMatch(/2 peringatan/);
    expect(since.report).toBe(full.report);
    expect(since.regions).toEqual(full.regions);
    expect(await digests(since)).toEqual(await digests(full));
    // The tables, the warnings published (kualitas.json), the Excel files and bundles.
    expect(hashTree(join(work, 'b-since'))).toEqual(hashTree(join(work, 'b-full')));
    expect(JSON.parse(await readFile(join(work, 'b-since', 'data', 'kualitas.json'), 'utf8')).peringatan).toHaveLength(2);
  }, 120_000);

  test('a changed region’s private value in a recalled region’s public text: the whole export read, the error at its file and row', async () => {
    const exportC = join(work, 'export-c');
    cpSync(exportA, exportC, { recursive: true });
    // An employee of Maulafa named as a unit of Binjai is: a private value inside Binjai's unit.csv, unchanged.
    const unitName = readFileSync(join(exportC, 'binjai', 'unit.csv'), 'utf8')
      .split('\n')[1]
      .split(',')[1];
    const kinerja = join(exportC, 'maulafa', 'kinerja_pegawai.csv');
    const lines = readFileSync(kinerja, 'utf8').split('\n');
    const sep = lines[0].includes(';') ? ';' : ',';
    const cells = lines[1].split(sep);
    cells[1] = unitName;
    lines[1] = cells.join(sep);
    writeFileSync(kinerja, lines.join('\n'));
    // Binjai's memory, touched when recalled.
    const binjai = memoryPath((await rowsKeys(exportC, config.threshold)).keys.get('binjai')!);
    utimesSync(binjai, new Date('2001-01-01'), new Date('2001-01-01'));
    const since = await half(exportC, join(work, 'c-since'), siteA, 'situs-a');
    expect(statSync(binjai).mtime.getFullYear()).toBeGreaterThan(2001);
    const full = await withMemoryIn(join(work, 'other'), () => half(exportC, join(work, 'c-full'), siteA));
    expect([since.ok, full.ok]).toEqual([false, false]);
    expect(since.report).toBe(full.report);
    expect(since.report).toMatch(/binjai\/unit\.csv.*baris 2|binjai.*unit\.csv.*2/s);
  }, 120_000);

  test('a memory damaged, or a recalled region’s rows changed in the previous tables: that region is read, the data the same', async () => {
    const exportD = join(work, 'export-d');
    cpSync(exportA, exportD, { recursive: true });
    correct(exportD, 'maulafa');
    const keys = (await rowsKeys(exportD, config.threshold)).keys;
    const memory = memoryPath(keys.get('binjai')!);
    const saved = readFileSync(memory);
    const damaged = Buffer.from(saved);
    damaged[damaged.length >> 1] ^= 1;
    writeFileSync(memory, damaged);
    // A copy of the previous site, one digit of Jakarta's rows of ikm_unit changed.
    const previous = join(work, 'd-previous');
    cpSync(siteA, previous, { recursive: true });
    const table = join(previous, 'data', 'ikm_unit.csv');
    const bytes = readFileSync(table);
    const record = JSON.parse(readFileSync(join(work, 'baris', readdirSync(join(work, 'baris'))[0]), 'utf8'));
    const s = record.wilayah.jakarta.tabel.ikm_unit;
    bytes[[...bytes.subarray(s.at, s.at + s.bytes)].findIndex((b) => b >= 0x30 && b <= 0x38) + s.at] += 1;
    writeFileSync(table, bytes);
    try {
      const since = await half(exportD, join(work, 'd-since'), previous, 'situs-a');
      const full = await withMemoryIn(join(work, 'other'), () => half(exportD, join(work, 'd-full'), previous));
      expect(since.recalled).toBe(2);
      expect(since.report).toBe(full.report);
      expect(await digests(since)).toEqual(await digests(full));
      expect(hashTree(join(work, 'd-since'))).toEqual(hashTree(join(work, 'd-full')));
      // The damaged memory was written again by the build that read Binjai.
      expect(readFileSync(memory).equals(damaged)).toBe(false);
    } finally {
      writeFileSync(memory, saved);
    }
  }, 120_000);

  test('memories that cannot be kept, or would lie inside the site: the build goes on, and says so', async () => {
    writeFileSync(join(work, 'a-file'), 'not a folder');
    const unkept = await withMemoryIn(join(work, 'a-file'), () => half(exportA, join(work, 'e'), join(work, 'nothing-before')));
    expect(unkept.ok).toBe(true);
    expect(unkept.notes).toEqual([expect.stringMatching(/the regions' validation was not kept/)]);
    const inside = join(work, 'f', 'data', 'sah');
    const there = await withMemoryIn(inside, () => half(exportA, join(work, 'f'), join(work, 'nothing-before')));
    expect(there.ok).toBe(true);
    expect(there.notes).toEqual([expect.stringMatching(/lies inside the site/)]);
    expect(existsSync(inside)).toBe(false);
  }, 120_000);
});

describe('the memory', () => {
  test('sealed by the files’ bytes: another seal, another key or one byte changed does not open it; readable by its user only', async () => {
    const keys = await rowsKeys(exportA, config.threshold);
    const key = keys.keys.get('binjai')!;
    const seal = keys.seals.get('binjai')!;
    expect(statSync(validationMemoryDir()).mode & 0o777).toBe(0o700);
    expect(statSync(memoryPath(key)).mode & 0o777).toBe(0o600);
    const memory: RegionMemory = {
      code: 'binjai',
      wilayah: { nama: 'Kota Uji', provinsi: 'Uji', tanggal_ekspor: '2026-01-01', lisensi: 'CC-BY-4.0' } as RegionMemory['wilayah'],
      files: [],
      counts: [],
      issues: [],
      values: [{ values: ['197001012000031001'] }],
      texts: ['Sekretariat'],
      units: 1,
      predikat: [],
    };
    const bytes = sealMemory(memory, key, seal);
    expect(openMemory(bytes, key, seal, 'binjai')).toEqual(memory);
    expect(openMemory(bytes, key, keys.seals.get('jakarta')!, 'binjai')).toBeNull();
    expect(openMemory(bytes, keys.keys.get('jakarta')!, seal, 'binjai')).toBeNull();
    expect(openMemory(bytes, key, seal, 'jakarta')).toBeNull();
    const changed = Buffer.from(bytes);
    changed[changed.length - 1] ^= 1;
    expect(openMemory(changed, key, seal, 'binjai')).toBeNull();
  });

  test('pruned to the newest, with parts left by killed builds an hour old', async () => {
    await withMemoryIn(join(work, 'prune'), async () => {
      const dir = validationMemoryDir();
      mkdirSync(dir);
      const now = Date.now();
      const at = (name: string, minutesAgo: number) => {
        writeFileSync(join(dir, name), 'x');
        const t = new Date(now - minutesAgo * 60_000);
        utimesSync(join(dir, name), t, t);
      };
      ['a', 'b', 'c', 'd', 'e'].forEach((n, i) => at(`${n}.bin`, i));
      at('f.bin.1.tmp', 30);
      at('g.bin.2.tmp', 90);
      await pruneMemories(3, now);
      expect(readdirSync(dir).sort()).toEqual(['a.bin', 'b.bin', 'c.bin', 'f.bin.1.tmp']);
    });
  });

  test('a region with a linked file has no seal: it is read every build', async () => {
    const dir = join(work, 'linked');
    cpSync(exportA, dir, { recursive: true });
    const { symlinkSync, rmSync } = await import('node:fs');
    rmSync(join(dir, 'binjai', 'iku.csv'));
    symlinkSync(join(exportA, 'binjai', 'iku.csv'), join(dir, 'binjai', 'iku.csv'));
    const keys = await rowsKeys(dir, config.threshold);
    expect(keys.keys.get('binjai')).toBe((await rowsKeys(exportA, config.threshold)).keys.get('binjai'));
    expect(keys.seals.has('binjai')).toBe(false);
    expect(keys.seals.has('jakarta')).toBe(true);
  });
});
