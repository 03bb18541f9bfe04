/**
 * Releases (issue #11): the sample site (global setup) is the first publication; a second build
 * into the same folder, on a copy of the sample with one survey answer changed, one unit added
 * and one training row removed, is a new release that keeps the first one downloadable, says
 * what changed (page, perubahan.csv, feed) and shows its ID on every page; a third build of the
 * same inputs makes no new release and changes no byte.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { carryForward, type ReleaseMeta } from '../../src/release/archive.ts';

const firstSite = inject('siteDir');
const work = mkdtempSync(join(tmpdir(), 'kt-releases-'));
const out = join(work, 'dist');
const data = join(work, 'data');
afterAll(() => rmSync(work, { recursive: true, force: true }));

function build(): void {
  const r = spawnSync(resolve('node_modules/.bin/tsx'), ['scripts/build.ts', '--data', data, '--out', out], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1767312000' } });
  if (r.status !== 0) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
}
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile()).sort();
const index = (site: string): ReleaseMeta[] => JSON.parse(readFileSync(join(site, 'data/rilis/index.json'), 'utf8')).rilis;
const csv = (path: string) => Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data;

/** The survey row changed: Binjai's first response, its first answer moved by one. */
let changedUnit = '';
let first: ReleaseMeta;
let second: ReleaseMeta;

beforeAll(() => {
  cpSync(firstSite, out, { recursive: true });
  cpSync('data', data, { recursive: true });
  const skm = join(data, 'binjai/skm.csv');
  const lines = readFileSync(skm, 'utf8').split('\n');
  const cells = lines[1].split(',');
  changedUnit = cells[1];
  cells[4] = cells[4] === '1' ? '4' : '1';
  lines[1] = cells.join(',');
  writeFileSync(skm, lines.join('\n'));
  writeFileSync(join(data, 'binjai/unit.csv'), readFileSync(join(data, 'binjai/unit.csv'), 'utf8').replace(/\n?$/, '\nUJI-BARU,Unit Baru Uji,lainnya,\n'));
  const training = readFileSync(join(data, 'binjai/pelatihan.csv'), 'utf8').split('\n');
  writeFileSync(join(data, 'binjai/pelatihan.csv'), [...training.slice(0, 1), ...training.slice(2)].join('\n'));
  [first] = index(firstSite);
  build();
  [second] = index(out);
}, 600_000);

describe('a second publication into the same folder', () => {
  it('is a new release, numbered after the first, which stays as it was', () => {
    expect(second.id).not.toBe(first.id);
    expect(second.id).toMatch(/^\d{4}-\d{2}-\d{2}-[0-9a-f]{8}$/);
    expect(index(out).map((r) => [r.id, r.nomor])).toEqual([[second.id, 2], [first.id, 1]]);
    const old = join(out, 'data/rilis', first.id);
    for (const f of files(join(firstSite, 'data/rilis', first.id)).filter((f) => !f.includes('index.html'))) {
      expect(readFileSync(join(old, f)), f).toEqual(readFileSync(join(firstSite, 'data/rilis', first.id, f)));
    }
    // the first release's tables are the first site's tables
    expect(readFileSync(join(old, 'ikm_unit.csv'))).toEqual(readFileSync(join(firstSite, 'data/ikm_unit.csv')));
    expect(JSON.parse(readFileSync(join(out, 'data/datapackage.json'), 'utf8')).version).toBe(second.id);
    // an archived release describes only what it holds (survey microdata are not archived)
    for (const id of [first.id, second.id]) {
      const listed = (JSON.parse(readFileSync(join(out, 'data/rilis', id, 'datapackage.json'), 'utf8')) as { resources: { path: string }[] }).resources.map((r) => r.path);
      expect(listed.length).toBeGreaterThan(0);
      for (const p of listed) expect(existsSync(join(out, 'data/rilis', id, p)), `${id}/${p}`).toBe(true);
    }
  }, 300_000);

  it('counts per table what was added, removed and changed', () => {
    const t = Object.fromEntries(second.tabel.map((x) => [x.tabel, x]));
    expect(t.unit).toMatchObject({ ditambah: 1, dihapus: 0, diubah: 0 });
    expect(t.pelatihan_unit.dihapus! + t.pelatihan_unit.diubah!).toBeGreaterThanOrEqual(1);
    expect(t.skm_responden.ditambah).toBeGreaterThanOrEqual(1);
    expect(t.wilayah).toMatchObject({ ditambah: 0, dihapus: 0, diubah: 0 });
    expect(second.sebelumnya).toBe(first.id);
  });

  it('lists every revised IKM, old → new, as perubahan.csv and on its page', () => {
    const revisions = csv(join(out, 'data/rilis', second.id, 'perubahan.csv'));
    expect(revisions.length).toBe(second.revisi);
    const ikm = revisions.filter((r) => r.tabel === 'ikm_unit' && r.kolom === 'ikm');
    expect(ikm.length).toBeGreaterThan(0);
    expect(ikm.every((r) => r.kode_wilayah === 'binjai' && r.kode_unit === changedUnit)).toBe(true);
    // each old and new value is the one the two releases publish
    const before = csv(join(out, 'data/rilis', first.id, 'ikm_unit.csv'));
    const after = csv(join(out, 'data/ikm_unit.csv'));
    for (const r of ikm) {
      const pick = (rows: Record<string, string>[]) => rows.find((x) => x.kode_wilayah === r.kode_wilayah && x.kode_unit === r.kode_unit && x.periode === r.kunci)!.ikm;
      expect([r.lama, r.baru]).toEqual([pick(before), pick(after)]);
    }
    const page = readFileSync(join(out, 'data/rilis', second.id, 'index.html'), 'utf8');
    for (const r of ikm) expect(page).toContain(r.baru);
    expect(readFileSync(join(out, 'en/data/rilis', second.id, 'index.html'), 'utf8')).toContain('Revised headline figures');
  });

  it('is announced in the feed, newest first, and named in every page footer', () => {
    const feed = readFileSync(join(out, 'rilis.xml'), 'utf8');
    const entries = [...feed.matchAll(/<id>tag:kinerja-terbuka,2026:rilis:([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(entries).toEqual([second.id, first.id]);
    expect(feed).toContain(`${second.revisi} angka utama direvisi`);
    for (const page of ['index.html', 'wilayah/binjai/index.html', 'en/data/index.html']) {
      const html = readFileSync(join(out, page), 'utf8');
      expect(html, page).toContain(`/data/rilis/${second.id}/`);
      expect(html, page).toContain('type="application/atom+xml"');
    }
  });
});

describe('a rebuild of the same inputs', () => {
  it('makes no new release and changes no byte', () => {
    const before = new Map(files(out).map((f) => [f, readFileSync(join(out, f))]));
    build();
    const after = files(out);
    expect(after).toEqual([...before.keys()]);
    for (const f of after) expect(readFileSync(join(out, f)).equals(before.get(f)!), f).toBe(true);
  }, 600_000);
});

describe('--arsip: a clean clone carries the previous site’s releases', () => {
  it('copies every earlier release it does not have yet, and keeps those it has', async () => {
    const stage = join(work, 'stage');
    const metas = await carryForward(stage, [out]);
    expect(metas.map((m) => m.id)).toEqual([second.id, first.id]);
    expect(files(join(stage, 'rilis', first.id)).filter((f) => f.endsWith('.csv'))).toContain('ikm_unit.csv');
    expect(relative(stage, join(stage, 'rilis'))).toBe('rilis');
  });
});
