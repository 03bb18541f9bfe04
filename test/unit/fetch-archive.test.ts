/**
 * A CI job that starts from a clean clone fetches the live site's release archive (npm run
 * arsip) and the build carries it forward: every file checked against its release's hash.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveSite } from '../../src/deploy/serve.ts';
import { carryForward } from '../../src/release/archive.ts';
import { ArchiveFetchError, fetchArchive } from '../../src/release/fetch-archive.ts';

const ID = '2026-01-20-0fecae46';
// Every folder of these tests under one, made when they run and removed at the end.
let root = '';
let site = '';
let rel = '';
const fresh = (prefix: string) => mkdtempSync(join(root, prefix));
const sha = (s: string) => `sha256:${createHash('sha256').update(s).digest('hex')}`;
const CSV = 'kode_wilayah,kode_unit\r\nbinjai,dinkes\r\n';
let server: Awaited<ReturnType<typeof serveSite>>;

function writeRelease(resources: object[]) {
  mkdirSync(rel, { recursive: true });
  writeFileSync(join(site, 'data', 'rilis', 'index.json'), JSON.stringify({ rilis: [{ id: ID, nomor: 1 }] }));
  writeFileSync(join(rel, 'datapackage.json'), JSON.stringify({ version: ID, resources }));
  writeFileSync(join(rel, 'rilis.json'), JSON.stringify({ id: ID, nomor: 1 }));
  writeFileSync(join(rel, 'perubahan.csv'), 'tabel,kunci\r\n');
  writeFileSync(join(rel, 'unit.csv'), CSV);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'kt-arsip-'));
  site = fresh('situs-');
  rel = join(site, 'data', 'rilis', ID);
  server = await serveSite(site, { port: 0 });
});
afterAll(async () => {
  try {
    await server?.close();
  } finally {
    if (root) rmSync(root, { recursive: true, force: true });
  }
});

test('a first publication has no archive to fetch', async () => {
  const into = fresh('ke-');
  expect(await fetchArchive(server.url, into)).toEqual({ releases: 0, files: 0 });
});

test('every release is fetched, checked, and carried forward by the next build; microdata are not asked for', async () => {
  writeRelease([
    { path: 'unit.csv', hash: sha(CSV) },
    { path: 'skm_responden.csv', hash: sha('never archived') },
  ]);
  const into = fresh('ke-');
  expect(await fetchArchive(`${server.url}/`, into)).toEqual({ releases: 1, files: 4 });
  expect(readFileSync(join(into, ID, 'unit.csv'), 'utf8')).toBe(CSV);
  expect(existsSync(join(into, ID, 'skm_responden.csv'))).toBe(false);
  const stage = fresh('tahap-');
  expect((await carryForward(stage, [into])).map((m) => m.id)).toEqual([ID]);
  expect(readdirSync(join(stage, 'rilis', ID)).sort()).toEqual(['datapackage.json', 'perubahan.csv', 'rilis.json', 'unit.csv']);
});

test('a file that differs from its hash stops the job', async () => {
  writeRelease([{ path: 'unit.csv', hash: sha('something else') }]);
  await expect(fetchArchive(server.url, fresh('ke-'))).rejects.toThrow(/unit\.csv: sha256 [0-9a-f]{64}, datapackage\.json says/);
});

test('a listed file that is missing, or a path that leaves the release, stops the job', async () => {
  writeRelease([{ path: 'pelatihan_unit.csv' }]);
  await expect(fetchArchive(server.url, fresh('ke-'))).rejects.toThrow(/pelatihan_unit\.csv: HTTP 404/);
  writeRelease([{ path: '../../../etc/passwd.csv' }]);
  await expect(fetchArchive(server.url, fresh('ke-'))).rejects.toBeInstanceOf(ArchiveFetchError);
});
