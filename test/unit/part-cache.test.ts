/** Deflated parts kept between builds (src/publish/part-cache.ts): kept once the gate passed the build, given back as kept, none when damaged, the unused ones removed in time. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PartCache } from '../../src/publish/part-cache.ts';

const dir = mkdtempSync(join(tmpdir(), 'kt-bagian-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const part = { deflated: Buffer.from('deflated bytes'), crc: 0xdeadbeef, size: 6_000_000_000 };

it('gives a part back as it was kept, by a key of what made it', async () => {
  const cache = new PartCache(dir);
  const key = PartCache.key('xlsx', 'uji', [1, 2]);
  expect(key).toBe(PartCache.key('xlsx', 'uji', [1, 2]));
  expect(key).not.toBe(PartCache.key('xlsx', 'uji', [1, 3]));
  expect(await cache.get(key)).toBeNull();
  await cache.put(key, part);
  // This build finds it at once; another only once the gate has passed this build's site.
  expect(await cache.get(key)).toEqual(part);
  expect(await new PartCache(dir).get(key)).toBeNull();
  // Made two hours before the gate passed (a build of 500 regions): kept as if made now, or another build's prune would take it.
  const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
  utimesSync(join(cache.pending, `${key}.part`), twoHoursAgo, twoHoursAgo);
  await PartCache.settle(cache.pending);
  expect(Date.now() - statSync(join(dir, `${key}.part`)).mtimeMs).toBeLessThan(60_000);
  expect(await new PartCache(dir).get(key)).toEqual(part);
  expect(readdirSync(dir).filter((f) => f.startsWith('baru-'))).toEqual([]);
});

it('keeps none of the parts of a build that failed or was refused; a killed build’s are removed once its process is gone', async () => {
  const refused = new PartCache(dir);
  const key = PartCache.key('ditolak');
  await refused.put(key, part);
  await PartCache.discard(refused.pending);
  expect(await new PartCache(dir).get(key)).toBeNull();
  // A build killed before its gate: a waiting folder of a process no longer running; one still running keeps its own.
  const killed = new PartCache(dir, PartCache.pendingDir(dir, 2 ** 30));
  await killed.put(key, part);
  const running = new PartCache(dir);
  await running.put(PartCache.key('berjalan'), part);
  await PartCache.cleanLeftovers(dir);
  expect(readdirSync(dir).filter((f) => f.startsWith('baru-'))).toEqual([basename(running.pending)]);
  await PartCache.discard(running.pending);
});

it('gives none for a file cut short or changed anywhere', async () => {
  const cache = new PartCache(dir);
  const key = PartCache.key('rusak');
  await cache.put(key, part);
  await PartCache.settle(cache.pending);
  const path = join(dir, `${key}.part`);
  const whole = readFileSync(path);
  writeFileSync(path, whole.subarray(0, whole.length - 1));
  expect(await cache.get(key)).toBeNull();
  // A bit of its bytes, of its CRC-32 or of its size.
  for (const at of [whole.length - 1, 8, 12]) {
    const changed = Buffer.from(whole);
    changed[at] ^= 1;
    writeFileSync(path, changed);
    expect(await cache.get(key), `byte ${at}`).toBeNull();
  }
  writeFileSync(path, whole);
  expect(await cache.get(key)).toEqual(part);
});

it('removes the parts a build did not use, unless another build touched them within the hour', async () => {
  const before = new PartCache(dir);
  const [old, recent, used] = ['lama', 'baru', 'dipakai'].map((k) => PartCache.key(k));
  for (const k of [old, recent, used]) await before.put(k, part);
  await PartCache.settle(before.pending);
  const hours = (h: number) => new Date(Date.now() - h * 3_600_000);
  utimesSync(join(dir, `${old}.part`), hours(2), hours(2));
  utimesSync(join(dir, `${used}.part`), hours(2), hours(2));
  const build = new PartCache(dir);
  expect(await build.get(used)).toEqual(part);
  await build.prune();
  const left = readdirSync(dir);
  expect(left).toContain(`${used}.part`);
  expect(left).toContain(`${recent}.part`);
  expect(left).not.toContain(`${old}.part`);
});
