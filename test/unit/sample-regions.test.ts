/** npm run sample -- --regions N: valid against the contract, deterministic, and prefix-stable. */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { validateExport } from '../../src/validate/export.ts';

const TSX = resolve('node_modules/.bin/tsx');
const run = promisify(execFile);

let dir: string;
const sample = (out: string, n: number) => run(TSX, ['scripts/sample.ts', '--regions', String(n), '--out', join(dir, out)]);

/** Every file under a folder, path → bytes. */
async function tree(root: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const region of (await readdir(root)).sort()) {
    for (const file of (await readdir(join(root, region))).sort()) files.set(`${region}/${file}`, await readFile(join(root, region, file)));
  }
  return files;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kt-sample-regions-'));
  await Promise.all([sample('a', 6), sample('b', 6), sample('c', 2)]);
}, 120_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('sample --regions 6', () => {
  test('validates with no error and no warning', async () => {
    const result = await validateExport(join(dir, 'a'));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.regions.map((r) => r.code)).toEqual(['kab-002', 'kab-004', 'kab-005', 'kota-001', 'kota-006', 'prov-003']);
  }, 60_000);

  test('is byte-identical when generated twice', async () => {
    const [a, b] = await Promise.all([tree(join(dir, 'a')), tree(join(dir, 'b'))]);
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [path, bytes] of a) expect(bytes.equals(b.get(path)!), path).toBe(true);
  });

  test('a larger N only adds regions: the first two are those of --regions 2', async () => {
    const [a, c] = await Promise.all([tree(join(dir, 'a')), tree(join(dir, 'c'))]);
    expect(c.size).toBeGreaterThan(0);
    for (const [path, bytes] of c) expect(bytes.equals(a.get(path)!), path).toBe(true);
  });

  test('sizes are realistic and varied: a kota of tens of units, kabupaten with hundreds of desa', async () => {
    const units = async (region: string) => (await readFile(join(dir, 'a', region, 'unit.csv'), 'utf8')).trim().split(/\r?\n/).length - 1;
    const kota = await units('kota-001');
    const kab = await units('kab-002');
    const desa = (await readFile(join(dir, 'a', 'kab-002', 'unit.csv'), 'utf8')).split('\n').filter((l) => l.includes('Desa ')).length;
    expect(kota).toBeGreaterThanOrEqual(40);
    expect(kota).toBeLessThan(150);
    expect(desa).toBeGreaterThanOrEqual(60);
    expect(kab).toBeGreaterThan(kota);
  });
});
