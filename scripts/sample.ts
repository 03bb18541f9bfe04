/**
 * Synthetic sample exports (npm run sample).
 *
 *   npm run sample -- [--out data]                       five story regions + README.md
 *   npm run sample -- --scale 1000000 --out tmp/skala    one large region for benchmarks
 *   npm run sample -- --regions 50 --out tmp/n50         50 kota/kabupaten/provinsi of realistic sizes
 *
 * Deterministic: the same arguments always produce the same bytes (seeded PRNG, no clock).
 * Only the region folders it generates (and data/README.md) are replaced; nothing else in
 * the output folder is touched (so --regions into a folder holding other regions adds to them).
 */
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { RegionContext, type RegionSpec } from './sample/region.ts';
import { readme } from './sample/readme.ts';
import { writeScale } from './sample/scale.ts';
import { provinsiName, regionCode, writeNationalRegion } from './sample/national.ts';
import { jayapura } from './sample/regions/jayapura.ts';
import { jakarta } from './sample/regions/jakarta.ts';
import { maulafa } from './sample/regions/maulafa.ts';
import { manokwari } from './sample/regions/manokwari.ts';
import { binjai } from './sample/regions/binjai.ts';

const REGIONS: readonly RegionSpec[] = [jayapura, jakarta, maulafa, manokwari, binjai];

function report(ctx: RegionContext): string {
  const lines = ctx.written.map(
    (w) => `  ${w.file.padEnd(22)} ${String(w.rows).padStart(9)} baris ${(w.bytes / 1024).toFixed(1).padStart(10)} KiB`,
  );
  return [`${ctx.dir}/`, ...lines].join('\n');
}

async function writeSample(out: string): Promise<void> {
  await mkdir(out, { recursive: true });
  const contexts: RegionContext[] = [];
  for (const region of REGIONS) {
    const ctx = new RegionContext(out, region.kode);
    // Start from an empty folder, so a file the generator no longer writes cannot linger.
    await rm(ctx.dir, { recursive: true, force: true });
    await region.build(ctx);
    contexts.push(ctx);
    console.log(report(ctx));
  }
  await writeFile(join(out, 'README.md'), readme(REGIONS, contexts), 'utf8');
  const bytes = contexts.flatMap((c) => c.written).reduce((s, w) => s + w.bytes, 0);
  console.log(`${REGIONS.length} wilayah, ${(bytes / 1024 / 1024).toFixed(2)} MiB, README.md ditulis ke ${out}/`);
}

/** N synthetic regions, one at a time, so memory holds one region's rows at most. */
async function writeRegions(out: string, n: number): Promise<void> {
  await mkdir(out, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    await rm(join(out, regionCode(i)), { recursive: true, force: true });
    const ctx = await writeNationalRegion(out, i, provinsiName);
    bytes += ctx.written.reduce((s, w) => s + w.bytes, 0);
    console.log(report(ctx));
  }
  console.log(`${n} wilayah, ${(bytes / 1024 / 1024).toFixed(2)} MiB ditulis ke ${out}/`);
}

const positive = (value: string, flag: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} expects a positive integer, got "${value}"`);
  return n;
};

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, scale: { type: 'string' }, regions: { type: 'string' } },
    strict: true,
  });
  const started = performance.now();
  if (values.scale !== undefined && values.regions !== undefined) throw new Error('--scale and --regions cannot be combined');
  if (values.regions !== undefined) {
    await writeRegions(values.out ?? `tmp/wilayah-${values.regions}`, positive(values.regions, '--regions'));
  } else if (values.scale !== undefined) {
    const n = positive(values.scale, '--scale');
    const out = values.out ?? 'tmp/skala';
    await rm(join(out, 'skala'), { recursive: true, force: true });
    await mkdir(out, { recursive: true });
    const ctx = await writeScale(out, n);
    console.log(report(ctx));
  } else {
    await writeSample(values.out ?? 'data');
  }
  console.log(`selesai dalam ${((performance.now() - started) / 1000).toFixed(2)} detik`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
