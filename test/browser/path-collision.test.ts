/**
 * Two pages at one path (issue #15, item 5): service codes `L01` and `l01` are two services to
 * the export, and one folder on the many hosts whose file systems ignore case. The build
 * refuses before it renders a page, names the paths, exits 1, and leaves the previous dist/ as it was.
 */
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { samePaths } from '../../src/publish/site-files.ts';

// Outside the repository: Astro's file watcher in the test process would follow the build's files.
const out = join(tmpdir(), `kt-path-collision-${process.pid}`);
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('paths written twice, or differing only in case, are named once per group', () => {
  expect(
    samePaths([
      'wilayah/a/index.html',
      'wilayah/a/layanan/L01/index.html',
      'wilayah/a/layanan/l01/index.html',
      'wilayah/a/index.html',
      'data/unit.csv',
    ]),
  ).toEqual([
    ['wilayah/a/index.html', 'wilayah/a/index.html'],
    ['wilayah/a/layanan/L01/index.html', 'wilayah/a/layanan/l01/index.html'],
  ]);
});

it('a build whose pages would collide ignoring case is refused before any is rendered; the previous dist/ is untouched', () => {
  const dist = join(out, 'dist');
  mkdirSync(dist, { recursive: true });
  writeFileSync(join(dist, 'index.html'), '<p>situs lama</p>');
  const r = spawnSync(process.execPath, ['scripts/run.mjs', 'build', '--data', 'test/fixtures/kode-kembar', '--out', dist], {
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
  });
  expect(r.status, r.stdout + r.stderr).toBe(1);
  expect(r.stdout).toContain('same path');
  expect(r.stdout).toContain(
    `${join('wilayah', 'alpha', 'layanan', 'L01', 'index.html')} = ${join('wilayah', 'alpha', 'layanan', 'l01', 'index.html')}`,
  );
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  // Known from the tables: the build stops after publishing them, and draws no page.
  expect(r.stdout).toMatch(
    /timings \(ms\): \{"leftovers":\d+,"validate":\d+,"values":\d+,"derive\+publish":\d+,"remember":\d+,"excel\+bundles":\d+,"hand-over":\d+,"total"/,
  );
  expect(readdirSync(dist)).toEqual(['index.html']);
  expect(readFileSync(join(dist, 'index.html'), 'utf8')).toBe('<p>situs lama</p>');
}, 600_000);
