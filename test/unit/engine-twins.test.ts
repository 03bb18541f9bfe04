/**
 * The query engine's twins are kept between builds by content hash (src/deploy/precompress.ts):
 * a kept twin is used only when it unpacks to the engine's bytes, and the site's twin is always
 * the file itself.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompress } from '../../src/deploy/precompress.ts';

const work = mkdtempSync(join(tmpdir(), 'kt-engine-twins-'));
const site = join(work, 'site');
const cache = join(work, 'cache');
const wasm = join(site, '_astro', 'duckdb-eh.X1.wasm');
// Over the 4 MB from which a wasm file is the engine; varied enough not to pack to nothing.
const engine = Buffer.from(Array.from({ length: 5 << 18 }, (_, i) => `${(i * 7919) % 1000003},`).join('')).subarray(0, 5 << 20);
const env = { KT_CACHE_DIR: process.env.KT_CACHE_DIR, KT_BROTLI: process.env.KT_BROTLI };

beforeAll(() => {
  process.env.KT_CACHE_DIR = cache;
  process.env.KT_BROTLI = 'fast'; // brotli 11 would take a minute; gzip is kept in either mode
  mkdirSync(join(site, '_astro'), { recursive: true });
  writeFileSync(wasm, engine);
});
afterAll(() => {
  for (const [k, v] of Object.entries(env)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  rmSync(work, { recursive: true, force: true });
});

/** Twins beside the file are kept when they hold it: gone, so that the next run makes them. */
function twinsGone(): void {
  for (const ext of ['.gz', '.br']) rmSync(`${wasm}${ext}`, { force: true });
}

describe("the engine's gzip twin, kept by content hash", () => {
  it('is made once, kept, and unpacks to the engine', async () => {
    await precompress(site);
    const kept = readdirSync(cache).filter((f) => f.endsWith('.gz6'));
    expect(kept).toHaveLength(1);
    expect(gunzipSync(readFileSync(`${wasm}.gz`)).equals(engine)).toBe(true);
    expect(readFileSync(join(cache, kept[0])).equals(readFileSync(`${wasm}.gz`))).toBe(true);
  });

  it('so is its brotli twin at level 5 (KT_BROTLI=fast, the tests): the same bytes as the site’s, unpacking to the engine', () => {
    const kept = readdirSync(cache).filter((f) => f.endsWith('.q5.br'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(cache, kept[0])).equals(readFileSync(`${wasm}.br`))).toBe(true);
    expect(brotliDecompressSync(readFileSync(`${wasm}.br`)).equals(engine)).toBe(true);
  });

  it('a kept twin that does not unpack to the engine is not used: made anew', async () => {
    const [kept] = readdirSync(cache).filter((f) => f.endsWith('.gz6'));
    writeFileSync(join(cache, kept), gzipSync(Buffer.from('not the engine')));
    twinsGone();
    await precompress(site);
    expect(gunzipSync(readFileSync(`${wasm}.gz`)).equals(engine)).toBe(true);
    expect(gunzipSync(readFileSync(join(cache, kept))).equals(engine)).toBe(true);
  });
});
