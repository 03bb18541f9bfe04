/**
 * A site built on several machines (issue #13): `--shard K/N` renders the pages of one group of
 * regions; `--merge DIR…` renders the national pages and joins the shards' pages into one site,
 * byte-identical to a one-machine build of the same inputs. Every shard and the merge read the
 * same exports (and the same `--arsip`): each derives and publishes every table itself, since a
 * region's pages read national facts (the release, other regions' files), and renders only its
 * own pages. A stamp in each shard's output lets the merge refuse shards of other inputs.
 */
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { walk } from '../publish/site-files.ts';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export class ShardError extends Error {}

/** "2/3" → shard 2 of 3. */
export function parseShard(text: string): Shard {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!m || count < 1 || index < 1 || index > count) {
    throw new ShardError(
      `--shard ${text}: tulis K/N, misalnya 2/3 (bagian ke-2 dari 3), dengan 1 ≤ K ≤ N / write K/N, e.g. 2/3 (the 2nd of 3 shards), with 1 ≤ K ≤ N`,
    );
  }
  return { index, count };
}

/** A region and how much its pages weigh (its units and services: one page each, in two languages). */
export interface RegionWeight {
  code: string;
  weight: number;
}

/**
 * The region codes of each of `count` shards, balanced by weight: heaviest region first, each to
 * the lightest shard so far (ties: the lower shard, then the lower code). The same regions give
 * the same groups on every machine.
 */
export function shardGroups(regions: readonly RegionWeight[], count: number): string[][] {
  const groups = Array.from({ length: count }, () => ({ codes: [] as string[], load: 0 }));
  const order = [...regions].sort((a, b) => b.weight - a.weight || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  for (const r of order) {
    const lightest = groups.reduce((best, g) => (g.load < best.load ? g : best));
    lightest.codes.push(r.code);
    lightest.load += r.weight;
  }
  return groups.map((g) => g.codes.sort());
}

/** Written into a shard's output, read by the merge; never part of the site. */
export const SHARD_STAMP = 'kt-shard.json';

export interface ShardStamp {
  /** The release the shard's pages show (the same inputs and archive give the same ID). */
  rilis: string;
  /** The release its "direvisi" marks compare with; null for a first publication. */
  sebelumnya: string | null;
  bagian: string;
  wilayah: string[];
}

export const writeStamp = (dir: string, stamp: ShardStamp): Promise<void> =>
  writeFile(join(dir, SHARD_STAMP), JSON.stringify(stamp, null, 2) + '\n');

export async function readStamp(dir: string): Promise<ShardStamp | null> {
  const path = join(dir, SHARD_STAMP);
  if (!existsSync(path)) return null;
  try {
    return JSON.parse(await readFile(path, 'utf8')) as ShardStamp;
  } catch {
    return null; // not a stamp this code wrote: refused like a missing one
  }
}

/**
 * Why these shard outputs cannot make this site (empty: they can): each must exist with a stamp,
 * be of the same release as the merge and compare with the same previous release, all of one N,
 * each part once, and together hold every region once. Without `site` (before the merge has
 * read the exports): the stamps alone, so that a wrong set of shards is refused at once.
 */
export function shardProblems(
  dirs: readonly string[],
  stamps: readonly (ShardStamp | null)[],
  site?: { release: string; previous: string | null; regions: readonly string[] },
): string[] {
  const problems: string[] = [];
  const parts = new Map<string, string>();
  const counts = new Set<string>();
  const seen = new Map<string, string>();
  stamps.forEach((s, i) => {
    const dir = dirs[i];
    if (!s) {
      problems.push(`${dir}: bukan keluaran --shard (tidak ada ${SHARD_STAMP}) / not the output of --shard (no ${SHARD_STAMP})`);
      return;
    }
    if (site && s.rilis !== site.release) {
      problems.push(
        `${dir}: rilis ${s.rilis}, bukan ${site.release}: bagian ini dibangun dari ekspor lain / release ${s.rilis}, not ${site.release}: this shard was built from other exports`,
      );
    }
    if (site && s.sebelumnya !== site.previous) {
      problems.push(
        `${dir}: dibandingkan dengan rilis ${s.sebelumnya ?? '(tidak ada)'}, bukan ${site.previous ?? '(tidak ada)'}: beri setiap bagian --arsip yang sama / compared with release ${s.sebelumnya ?? '(none)'}, not ${site.previous ?? '(none)'}: give every shard the same --arsip`,
      );
    }
    if (parts.has(s.bagian))
      problems.push(`${dir}: bagian ${s.bagian} juga di ${parts.get(s.bagian)} / shard ${s.bagian} also in ${parts.get(s.bagian)}`);
    parts.set(s.bagian, dir);
    counts.add(s.bagian.split('/')[1]);
    for (const code of s.wilayah) {
      if (seen.has(code)) problems.push(`${dir}: wilayah ${code} juga di ${seen.get(code)} / region ${code} also in ${seen.get(code)}`);
      seen.set(code, dir);
    }
  });
  if (counts.size > 1)
    problems.push(
      `bagian dari pembagian yang berbeda (${[...counts].join(', ')}) / shards of different splits (${[...counts].join(', ')})`,
    );
  const n = Number([...counts][0]);
  if (counts.size === 1 && parts.size === stamps.length) {
    for (let k = 1; k <= n; k++) {
      if (!parts.has(`${k}/${n}`)) problems.push(`bagian ${k}/${n} tidak diberikan / shard ${k}/${n} not given`);
    }
  }
  if (!site) return problems;
  const missing = site.regions.filter((code) => !seen.has(code));
  if (missing.length > 0 && problems.length === 0) {
    problems.push(`wilayah tanpa halaman dari bagian mana pun / regions without pages from any shard: ${missing.join(', ')}`);
  }
  const unknown = [...seen.keys()].filter((code) => !site.regions.includes(code));
  if (unknown.length > 0) problems.push(`wilayah yang tidak ada di ekspor ini / regions not in these exports: ${unknown.join(', ')}`);
  return problems;
}

/**
 * Copies every shard's files into the site. A file that two outputs both hold (Astro's assets,
 * the 404 page) must be the same bytes in each: otherwise the shards were built by other code.
 * Returns the files copied, relative to the site, and the paths that differed.
 */
export async function joinShards(site: string, dirs: readonly string[]): Promise<{ files: string[]; differ: string[] }> {
  const files: string[] = [];
  const differ: string[] = [];
  for (const dir of dirs) {
    for await (const path of walk(dir)) {
      const rel = relative(dir, path);
      if (rel === SHARD_STAMP) continue;
      const target = join(site, rel);
      if (existsSync(target)) {
        if (!(await readFile(target)).equals(await readFile(path))) differ.push(rel);
        continue;
      }
      await mkdir(dirname(target), { recursive: true });
      await cp(path, target);
      files.push(rel);
    }
  }
  return { files, differ };
}
