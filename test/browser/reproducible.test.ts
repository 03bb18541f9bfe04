/**
 * The same inputs build the same site, byte for byte (issue #15, item 7): the sample is built a
 * second time, with the same SOURCE_DATE_EPOCH, and every file compared with the first build's.
 */
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';

// Outside the repository: Astro's file watcher in the test process would follow the build's files.
const out = join(tmpdir(), `kt-reproducible-${process.pid}`);

function hashes(dir: string): Record<string, string> {
  const all: Record<string, string> = {};
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else all[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return all;
}

beforeAll(() => {
  const r = spawnSync(process.execPath, ['scripts/run.mjs', 'build', '--data', 'data', '--out', join(out, 'dist')], {
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
  });
  expect(r.status, r.stdout + r.stderr).toBe(0);
}, 600_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('a second build of the same inputs writes the same files with the same bytes', () => {
  const first = hashes(inject('siteDir'));
  const second = hashes(join(out, 'dist'));
  expect(Object.keys(second).sort()).toEqual(Object.keys(first).sort());
  const differ = Object.keys(first).filter((f) => first[f] !== second[f]);
  expect(differ).toEqual([]);
});
