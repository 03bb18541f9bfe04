/**
 * A site built on several machines is the site built on one (issue #13 item 3), and the same
 * inputs build the same bytes (issue #15 item 7): the sample is built again as two shards
 * (`--shard K/2`, at once, as two CI jobs would) and their merge (`--merge`), with the global
 * setup's SOURCE_DATE_EPOCH and address, and every file compared with the one-machine build of global setup.
 * Every page is thus built a second time, by another process, and must come out the same. (Two
 * shards, not more: each is a build of its own, and how regions split into any number of shards
 * is test/unit/shards.test.ts's.)
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { SHARD_STAMP, type ShardStamp } from '../../src/build/shards.ts';
import { regionOfPath } from '../../src/routes.ts';
import { SITE_URL } from '../support/global-setup.ts';

// Outside the repository: Astro's file watcher in the test process would follow the build's files.
const out = join(tmpdir(), `kt-shards-${process.pid}`);
const shardDir = (k: number) => join(out, `bagian-${k}`);
const env = { ...process.env, SOURCE_DATE_EPOCH: '1767225600', KT_SITE_URL: SITE_URL };

function run(args: string[], more: NodeJS.ProcessEnv = {}): Promise<{ status: number | null; output: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ['scripts/run.mjs', 'build', '--data', 'data', ...args], { env: { ...env, ...more } });
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    child.on('close', (status) => done({ status, output }));
  });
}

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

const fromPublic = new Set(Object.keys(hashes('public')));
const stamp = (k: number): ShardStamp => JSON.parse(readFileSync(join(shardDir(k), SHARD_STAMP), 'utf8'));
let refused: { status: number | null; output: string };
let merged: { status: number | null; output: string };

beforeAll(async () => {
  const shards = await Promise.all([1, 2].map((k) => run(['--shard', `${k}/2`, '--out', shardDir(k)])));
  for (const r of shards) expect(r.status, r.output).toBe(0);
  // One of two shards: refused before anything is written.
  refused = await run(['--merge', shardDir(1), '--out', join(out, 'kurang')]);
  // As at national scale (a site whose whole build is split): the national pages in a process of their own.
  // Its search index made afresh (no kept part: KT_SEARCH_DIR), so that the comparison with the one-machine build is Pagefind's too.
  merged = await run(['--merge', shardDir(1), shardDir(2), '--out', join(out, 'dist')], {
    KT_RENDERERS: '2',
    KT_SEARCH_DIR: join(out, 'cari'),
  });
  expect(merged.status, merged.output).toBe(0);
}, 900_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

it('each shard renders its own regions’ pages and no national page', () => {
  const regions = [1, 2].flatMap((k) => stamp(k).wilayah);
  expect(regions.sort()).toEqual(
    readdirSync('data', { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort(),
  );
  for (const k of [1, 2]) {
    const files = Object.keys(hashes(shardDir(k)));
    const pages = files.filter((f) => f.endsWith('index.html'));
    expect(pages.length).toBeGreaterThan(0);
    const own = stamp(k).wilayah;
    // Every file of a shard but Astro's assets, the public folder's and the 404 page is its regions' (what an incremental build reuses).
    const national = (f: string) =>
      f.startsWith('_astro/') || f.startsWith('404.html') || f === SHARD_STAMP || fromPublic.has(f.replace(/\.(br|gz)$/, ''));
    for (const file of files.filter((f) => !national(f))) {
      expect(own, file).toContain(regionOfPath(file));
    }
    expect(files).not.toContain('index.html');
    expect(files.some((f) => f.startsWith('data/') || f.startsWith('pagefind/'))).toBe(false);
  }
});

it('the merge of the shards is the one-machine site, byte for byte', () => {
  expect(merged.output).toContain('the national pages in a process of their own\n');
  const one = hashes(inject('siteDir'));
  const site = hashes(join(out, 'dist'));
  expect(Object.keys(site).sort()).toEqual(Object.keys(one).sort());
  const differ = Object.keys(one).filter((f) => one[f] !== site[f]);
  expect(differ).toEqual([]);
});

it('the site holds no server module of Astro’s (content-assets.mjs and content-modules.mjs were published before)', () => {
  expect(Object.keys(hashes(inject('siteDir'))).filter((f) => /\.mjs(\.(br|gz))?$/.test(f))).toEqual([]);
});

it('a merge missing a shard is refused, and writes nothing', () => {
  expect(refused.status).toBe(1);
  expect(refused.output).toContain('bagian 2/2 tidak diberikan / shard 2/2 not given');
  expect(existsSync(join(out, 'kurang'))).toBe(false);
});
