/**
 * A site built on several machines (issue #13): `--shard K/N` renders the pages of one group of
 * regions; `--merge DIR…` renders the national pages and joins the shards' pages into one site,
 * byte-identical to a one-machine build of the same inputs. Every shard and the merge read the
 * same exports (and the same `--arsip`): each derives and publishes every table itself, since a
 * region's pages read national facts (the release, other regions' files), and renders only its
 * own pages. A stamp in each shard's output lets the merge refuse shards of other inputs.
 */
import { createHash } from 'node:crypto';
import { sha256 } from '../read/sha256.ts';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { twinOf, listFiles } from '../publish/site-files.ts';
import { compressible } from '../deploy/precompress.ts';

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

/** A region and how much its pages weigh (the pipeline counts its units, each a page in two languages, and the region itself). */
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

/** What a shard's pages depend on besides its regions: the same for every shard of one site. */
export interface BuildContext {
  /** The release the pages show (the same inputs and archive give the same ID). */
  rilis: string;
  /** The release its "direvisi" marks compare with; null for a first publication. */
  sebelumnya: string | null;
  /** The build date every page's footer and citation carry (SOURCE_DATE_EPOCH). */
  tanggal: string;
  /** KT_SITE_URL, in citations and printed slides; null when unset. */
  alamat: string | null;
  /** The code that rendered the pages (codeVersion). */
  kode: string;
}

export interface ShardStamp extends BuildContext {
  bagian: string;
  wilayah: string[];
  /** Every file of the shard's output but the stamp, with its sha256: the merge takes exactly these. */
  berkas: Record<string, string>;
}

/**
 * Writes the stamp, listing every file already in `dir` with its hash: from `hashes` (by path
 * under `dir`: the gate's and the twins', made of these very files) where known, else read. At
 * 500 regions, reading a tenth's pages again took 35–38 s.
 */
export async function writeStamp(
  dir: string,
  stamp: Omit<ShardStamp, 'berkas'>,
  hashes: ReadonlyMap<string, string> = new Map(),
): Promise<void> {
  const berkas: Record<string, string> = {};
  for (const rel of listFiles(dir).sort()) berkas[rel] = hashes.get(rel) ?? sha256(await readFile(join(dir, rel)));
  await writeFile(join(dir, SHARD_STAMP), JSON.stringify({ ...stamp, berkas }, null, 2) + '\n');
}

const isStamp = (v: unknown): v is ShardStamp => {
  const s = v as ShardStamp;
  return (
    typeof s === 'object' &&
    s !== null &&
    typeof s.rilis === 'string' &&
    typeof s.bagian === 'string' &&
    typeof s.tanggal === 'string' &&
    typeof s.kode === 'string' &&
    Array.isArray(s.wilayah) &&
    typeof s.berkas === 'object' &&
    s.berkas !== null
  );
};

export async function readStamp(dir: string): Promise<ShardStamp | null> {
  const path = join(dir, SHARD_STAMP);
  if (!existsSync(path)) return null;
  try {
    const stamp: unknown = JSON.parse(await readFile(path, 'utf8'));
    return isStamp(stamp) ? stamp : null;
  } catch {
    return null; // not a stamp this code wrote: refused like a missing one
  }
}

/**
 * The version of the code that renders pages: a hash of the sources, the public files, the
 * Astro configuration, the locked dependencies and the Node version (its zlib and ICU make twins,
 * sort orders and dates). Shards of other code are refused; pages of other code are not reused.
 */
export function codeVersion(root = process.cwd()): string {
  const hash = createHash('sha256').update(`node ${process.version}\0`);
  const files = ['astro.config.mjs', 'package-lock.json'];
  for (const dir of ['src', 'public']) {
    if (!existsSync(join(root, dir))) continue;
    for (const f of readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })) files.push(join(dir, f));
  }
  for (const f of files.sort()) {
    const path = join(root, f);
    if (existsSync(path) && statSync(path).isFile()) hash.update(`${f}\0`).update(readFileSync(path)).update('\0');
  }
  return hash.digest('hex').slice(0, 16);
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
  site?: BuildContext & { regions: readonly string[] },
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
    if (site && s.rilis !== site.rilis) {
      problems.push(
        `${dir}: rilis ${s.rilis}, bukan ${site.rilis}: bagian ini dibangun dari ekspor lain / release ${s.rilis}, not ${site.rilis}: this shard was built from other exports`,
      );
    }
    if (site && s.sebelumnya !== site.sebelumnya) {
      problems.push(
        `${dir}: dibandingkan dengan rilis ${s.sebelumnya ?? '(tidak ada)'}, bukan ${site.sebelumnya ?? '(tidak ada)'}: beri setiap bagian --arsip yang sama / compared with release ${s.sebelumnya ?? '(none)'}, not ${site.sebelumnya ?? '(none)'}: give every shard the same --arsip`,
      );
    }
    if (site && s.tanggal !== site.tanggal) {
      problems.push(
        `${dir}: tanggal bangun ${s.tanggal}, bukan ${site.tanggal}: beri setiap bagian SOURCE_DATE_EPOCH yang sama / build date ${s.tanggal}, not ${site.tanggal}: give every shard the same SOURCE_DATE_EPOCH`,
      );
    }
    if (site && s.alamat !== site.alamat) {
      problems.push(`${dir}: KT_SITE_URL ${s.alamat ?? '(kosong / unset)'}, bukan / not ${site.alamat ?? '(kosong / unset)'}`);
    }
    if (site && s.kode !== site.kode) {
      problems.push(
        `${dir}: dibangun dengan kode lain (${s.kode}, bukan ${site.kode}) / built by other code (${s.kode}, not ${site.kode})`,
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
 * Copies every shard's files into the site: exactly those its stamp lists, each with the bytes
 * the stamp says (a half-copied artifact is refused, not published with holes), and compressed
 * twins only beside a file of theirs that is compressed (precompress then checks each). A file
 * two outputs both hold (Astro's assets, the 404 page) must be the same bytes in each.
 * Returns the files copied (relative to the site) and what is wrong.
 */
export async function joinShards(
  site: string,
  dirs: readonly string[],
  stamps: readonly ShardStamp[],
): Promise<{ files: string[]; problems: string[] }> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const [i, dir] of dirs.entries()) {
    const listed = new Map(Object.entries(stamps[i].berkas));
    const names = new Set(listed.keys());
    for (const rel of listFiles(dir)) {
      const path = join(dir, rel);
      if (rel === SHARD_STAMP) continue;
      const bytes = await readFile(path);
      const twin = twinOf(rel);
      if (listed.get(rel) !== sha256(bytes)) {
        problems.push(`${dir}: ${rel} tidak seperti dicatat di ${SHARD_STAMP} / not as ${SHARD_STAMP} lists it`);
      } else if (twin !== null && !(names.has(twin) && compressible(twin))) {
        problems.push(`${dir}: ${rel} bukan kembaran terkompresi berkas bagian ini / not a compressed twin of this shard's files`);
      } else {
        const target = join(site, rel);
        if (existsSync(target)) {
          if (!(await readFile(target)).equals(bytes))
            problems.push(`${rel}: isi berbeda di ${dir} / other bytes in ${dir} (built by other code?)`);
        } else {
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, bytes);
          files.push(rel);
        }
      }
      listed.delete(rel);
    }
    for (const rel of listed.keys()) problems.push(`${dir}: ${rel} hilang / missing`);
  }
  return { files, problems };
}
