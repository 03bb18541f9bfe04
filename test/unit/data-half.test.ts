/**
 * src/build/data-half.ts: the data half of a build in a process of its own (the CLI's way). The
 * site it makes is the one made in the build's process, byte for byte; the private values it
 * hands back are every value, as held, so that the gate looks for all of them.
 */
import { createHash } from 'node:crypto';
import { ftruncateSync, writeSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { inputRows, makeDataApart, readValues, writeValues, type ValidFacts } from '../../src/build/data-half.ts';
import { PHASES } from '../../src/build/phase-clock.ts';
import { siteConfig } from '../../src/config.ts';
import { SpillFile } from '../../src/read/spill-file.ts';
import { build } from '../../src/pipeline.ts';
import { gateSite, privateDigest } from '../../src/publish/gate-memory.ts';
import type { GateValues } from '../../src/publish/gate-memory.ts';
import { listFiles } from '../../src/publish/site-files.ts';
import { validateExport } from '../../src/validate/export.ts';
import { pack } from '../../src/validate/fast/packed.ts';
import { PrivateValues } from '../../src/validate/private-values.ts';
import { tempDirEach } from '../support/temp-dir.ts';

const tmp = tempDirEach('kt-data-half-');
const ENV = { SOURCE_DATE_EPOCH: '1767225600' };

async function hashTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const path of listFiles(dir))
    out[path] = createHash('sha256')
      .update(await readFile(join(dir, path)))
      .digest('hex');
  return out;
}

/** Every value in the order a gate reads them, with each packed list's anchor codes. */
function held(pv: PrivateValues): unknown[] {
  const seen: unknown[] = [];
  pv.forEachValue(
    (v) => seen.push(v),
    (list, codes) => seen.push({ text: list.text, ends: [...list.ends], codes: codes && [...codes] }),
  );
  return seen;
}

describe('private values across processes (writeValues, readValues)', () => {
  test('every list comes back as it was held, by region and in all, anchor codes kept', async () => {
    const alpha = new PrivateValues().add('Pegawai Uji 001');
    alpha.has('x'); // hashed into the Set: its values come back as one list
    alpha
      .addAll(pack(['RSP-0001', 'RSP-0002']), Int32Array.of(7, 9))
      .addAll(['Pegawai Uji 002'])
      .addAll(pack(['saran pribadi']));
    const beta = new PrivateValues().addAll(pack(['197001012000031001']));
    const empty = new PrivateValues();
    const byRegion = new Map([
      ['alpha', alpha],
      ['beta', beta],
      ['gamma', empty],
    ]);
    // As the build does: this process makes the file, another writes to it through its descriptor.
    const spill = new SpillFile(() => tmp.dir);
    const written = writeValues(SpillFile.over(spill.fd), byRegion);
    expect(written.length).toBe(3);
    const back = readValues(spill, written);
    spill.close();
    expect([...back.privateByRegion.keys()]).toEqual(['alpha', 'beta', 'gamma']);
    for (const [code, pv] of byRegion) {
      expect(held(back.privateByRegion.get(code)!)).toEqual(held(pv));
      expect(privateDigest(back.privateByRegion.get(code)!)).toBe(privateDigest(pv));
    }
    expect(held(back.privateByRegion.get('alpha')!)).toContainEqual({ text: 'RSP-0001RSP-0002', ends: [8, 16], codes: [7, 9] });
    expect([...back.privateValues].sort()).toEqual(
      ['197001012000031001', 'Pegawai Uji 001', 'Pegawai Uji 002', 'RSP-0001', 'RSP-0002', 'saran pribadi'].sort(),
    );
    // What the gate makes of them: a leak of any region's value is found.
    const site = join(tmp.dir, 'site');
    await mkdir(site);
    await writeFile(join(site, 'a.html'), '<p>NIP 197001012000031001</p>');
    await writeFile(join(site, 'b.csv'), 'x\r\nsaran pribadi\r\n');
    await writeFile(join(site, 'c.csv'), 'x\r\nIKM 82,5\r\n');
    const { leaks } = await gateSite(site, back, { kode: 'k' });
    expect(leaks.map((l) => l.file).sort()).toEqual(['a.html', 'b.csv']);
  });

  test('a file cut short, even between two regions, or longer than written, is an error, not other values', async () => {
    const spill = new SpillFile(() => tmp.dir);
    const byRegion = new Map([
      ['alpha', new PrivateValues().addAll(pack(['RSP-0001', 'RSP-0002']))],
      ['beta', new PrivateValues().add('Pegawai Uji 002')],
    ]);
    const written = writeValues(SpillFile.over(spill.fd), byRegion);
    expect(readValues(spill, written).privateValues.size).toBe(3);
    const end = spill.fileBytes();
    const one = written[0][1].bytes;
    ftruncateSync(spill.fd, end - 3);
    expect(() => readValues(spill, written)).toThrow(/cut short/);
    ftruncateSync(spill.fd, one);
    expect(() => readValues(spill, written)).toThrow(/cut short/);
    ftruncateSync(spill.fd, 0);
    writeValues(SpillFile.over(spill.fd), byRegion);
    writeSync(spill.fd, 'x', end);
    expect(() => readValues(spill, written)).toThrow(/cut short/);
    spill.close();
  });
});

describe('a build whose data half runs apart (dataApart, as the CLI builds)', () => {
  /** The valid fixture's data half, staged in `dataStage`. */
  const validInput = (dataStage: string) => ({
    dataDir: 'test/fixtures/valid',
    outDir: join(tmp.dir, 'dist'),
    dataStage,
    shard: false,
    config: siteConfig(ENV),
  });
  const run = (dataDir: string, outDir: string, dataApart: boolean) =>
    build({ dataDir, outDir, pages: false, log: () => {}, env: ENV, dataApart });

  test('the same site, byte for byte, as in the build process; its peak and hand-over reported; nothing left beside it', async () => {
    const here = await run('test/fixtures/valid', join(tmp.dir, 'here'), false);
    const apart = await run('test/fixtures/valid', join(tmp.dir, 'apart'), true);
    expect([here.ok, apart.ok]).toEqual([true, true]);
    expect(apart.message).toBe(here.message.replaceAll(join(tmp.dir, 'here'), join(tmp.dir, 'apart')));
    expect(await hashTree(join(tmp.dir, 'apart'))).toEqual(await hashTree(join(tmp.dir, 'here')));
    expect(apart.dataPeak).toBeGreaterThan(10 * 1024);
    expect(here.dataPeak).toBeUndefined();
    expect(Object.keys(apart.timings)).toEqual(expect.arrayContaining(['validate', 'derive+publish', 'excel+bundles', 'hand-over']));
    expect(Object.keys(here.timings)).not.toContain('hand-over');
    // Every phase one of the build's, printed in the order they run (PHASES).
    for (const { timings } of [here, apart]) {
      const named = Object.keys(timings).filter((k) => k !== 'total');
      expect(named).toEqual(PHASES.filter((p) => named.includes(p)));
    }
    // Its private values' folder went with the stage.
    expect((await readdir(tmp.dir)).sort()).toEqual(['apart', 'here']);
  });

  test("its private values are the export's, every region's", async () => {
    const input = validInput(join(tmp.dir, 'stage'));
    const { values: asked, ok } = await makeDataApart(input, join(tmp.dir, 'privat'));
    expect(ok).toBe(true);
    // Until the gate asks, the values wait in a file that has no name: none is left on disk.
    expect(await readdir(join(tmp.dir, 'privat'))).toEqual([]);
    const values = await asked();
    // Taken once: the build does not hold them after the gate has made its lookups.
    await expect(asked()).rejects.toThrow('the private values were taken already');
    const exported = await validateExport('test/fixtures/valid');
    const digests = (byRegion: ReadonlyMap<string, PrivateValues>) =>
      Object.fromEntries([...byRegion].map(([code, pv]) => [code, privateDigest(pv)]));
    expect(digests(values.privateByRegion)).toEqual(digests(exported.privateByRegion));
    expect(privateDigest(values.privateValues)).toBe(privateDigest(exported.privateValues));
    expect(exported.privateValues.size).toBeGreaterThan(10);
    expect((await readdir(tmp.dir)).sort()).toEqual(['privat', 'stage']);
  });

  test('told as soon as the export is valid, before its tables are derived: its values, taken then, and its rows', async () => {
    const input = validInput(join(tmp.dir, 'stage'));
    const told: { facts: ValidFacts; values: Promise<GateValues> }[] = [];
    const half = await makeDataApart(input, join(tmp.dir, 'privat'), { onValues: (take, facts) => told.push({ facts, values: take() }) });
    expect(half.ok).toBe(true);
    // No previous site: every region's export counts as changed.
    expect(told.map((t) => t.facts)).toEqual([
      { rows: inputRows(half.regions), regions: half.regions.length, changed: half.regions.length },
    ]);
    expect(inputRows(half.regions)).toBeGreaterThan(50);
    const exported = await validateExport('test/fixtures/valid');
    expect(privateDigest((await told[0].values).privateValues)).toBe(privateDigest(exported.privateValues));
    // Taken there: the build holds one lookup of them, not two.
    await expect(half.values()).rejects.toThrow('the private values were taken already');
    // Written as soon as the export was found valid, before the tables.
    expect(Object.keys(half.timings)).toEqual(['validate', 'values', 'derive+publish', 'remember', 'excel+bundles']);
  });

  test('a data half that fails: its error, thrown here', async () => {
    await writeFile(join(tmp.dir, 'berkas'), 'not a folder');
    const input = validInput(join(tmp.dir, 'berkas', 'data'));
    await expect(makeDataApart(input, join(tmp.dir, 'privat'))).rejects.toThrow(/ENOTDIR|EEXIST/);
    expect(await readdir(join(tmp.dir, 'privat'))).toEqual([]);
  });

  test('an invalid export: the same report, nothing written', async () => {
    const here = await run('test/fixtures/errors/consistency-error', join(tmp.dir, 'here'), false);
    const apart = await run('test/fixtures/errors/consistency-error', join(tmp.dir, 'apart'), true);
    expect(apart.ok).toBe(false);
    expect(apart.message).toContain('laporan_harian.csv');
    expect(apart.message).toBe(here.message);
    expect(await readdir(tmp.dir)).toEqual([]);
  });
});
