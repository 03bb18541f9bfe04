/**
 * What a build remembers of a site it published (issue #13 item 4), kept on the build machine
 * (node_modules/.cache, or KT_GATE_DIR), never in the site:
 * - the privacy gate's verdict: each file it passed, by path and sha256 (the path says how the
 *   gate reads it), and a digest of each region's private values then. Those files held none of
 *   those values. So an incremental build (`--since`) need not read a file again where the same
 *   bytes lie at the same path, except for the values of regions whose digest changed (or that
 *   are new): such files are read again for those values only;
 * - the compressed twins this code made or checked, each as the pair (its file's sha256, its own
 *   sha256): a twin of the previous site is then taken only if this code made it of these bytes,
 *   so it is the twin a full build makes, with nothing else in it (src/deploy/precompress.ts);
 *   and the bytes it found too small for twins, as the pair (their sha256, NO_TWIN);
 * It is found by a key the site carries (the pipeline uses the hash of the site's pages record),
 * so a copy of the site finds it too. A memory that is missing, of other code, or unreadable is
 * no memory: every file is read and every twin checked or made. It is a statement about bytes the
 * build machine made: whoever can write it can write the site, so it is kept beside the code (a
 * CI cache restored from an untrusted branch must not be).
 */
import { createHash } from 'node:crypto';
import { sha256 } from '../read/sha256.ts';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { PrivateValues } from '../validate/private-values.ts';
import { contentEntry, gatePaths, isPiece, shareLookup, type ContentRead, type Leak, type SharedLookup } from './privacy-gate.ts';
import { scanInThreads } from './gate-threads.ts';
import { inSlices, siteFiles } from './site-files.ts';
import { keepJson } from './kept-json.ts';

export interface GateMemory {
  /** The code that judged and compressed (codeVersion): another may judge or compress otherwise. */
  kode: string;
  /** Each region's private values then, as a digest (privateDigest). */
  privat: Record<string, string>;
  /** Every file the gate read and passed: passedEntry(path, sha256), sorted. */
  bersih: string[];
  /** Every compressed twin of the site, twinEntry(file's sha256, twin's sha256), and every file too small for one, twinEntry(its sha256, NO_TWIN); sorted. */
  kembar: string[];
  /**
   * Per file passed (its passedEntry), the contents found clean in it: a CSV, or each entry of a
   * zip, as contentEntry(how it was read, sha256). A new file (a bundle or an Excel file of a new
   * release, a table in a new release's folder) is then read only for its contents not passed before.
   */
  isi: Record<string, string[]>;
  /**
   * The region pages' files as they lay on disk once the site was in place and the site before
   * it removed (fileMark, by path): a file with the same mark was not written since, so the hash
   * its pages record gives still holds and an incremental build links it unread. Absent from
   * memories written before there were any, and from a build's gate result until it is published.
   */
  tanda?: Record<string, string>;
}

/** A file passed at a path (the path decides how the gate reads it: a table, a page, a zip). */
export const passedEntry = (path: string, hash: string): string => sha256(`${path}\0${hash}`);
/** A content passed (privacy-gate.ts's ContentRead: how it was read and the sha256 of its bytes). */
export { contentEntry };
/** A twin made of a file's bytes. */
export const twinEntry = (fileHash: string, twinHash: string): string => sha256(`${fileHash}\0${twinHash}`);

/**
 * Whether this code made the twin `twinHash` of the bytes `fileHash` (or, with NO_TWIN, found them
 * too small for twins), as the memory of a site says (precompress's `madeHere`); none without one.
 */
export function twinsMadeIn(memory: GateMemory | null): ((fileHash: string, twinHash: string) => boolean) | undefined {
  if (!memory) return undefined;
  const made = new Set(memory.kembar);
  return (fileHash, twinHash) => made.has(twinEntry(fileHash, twinHash));
}

/** How many sites are remembered (the newest; tests make many). */
const KEPT = 32;

export const gateMemoryDir = (): string =>
  process.env.KT_GATE_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'kinerja-terbuka', 'gerbang');

const memoryName = (key: string): string => `${sha256(key)}.json`;

/**
 * A digest of every value of a collection in the order added (values and their lengths, so
 * that however the reader cut the lists, the same values give the same digest).
 */
export function privateDigest(values: PrivateValues): string {
  const texts = createHash('sha256');
  const lengths = createHash('sha256');
  const one = new Int32Array(1);
  values.forEachValue(
    (v) => {
      texts.update(v);
      one[0] = v.length;
      lengths.update(one);
    },
    (list) => {
      texts.update(list.text);
      const each = new Int32Array(list.ends.length);
      let start = 0;
      for (let i = 0; i < list.ends.length; i++) {
        each[i] = list.ends[i] - start;
        start = list.ends[i];
      }
      lengths.update(each);
    },
  );
  return sha256(`${texts.digest('hex')}${lengths.digest('hex')}`);
}

/** The memory of the site known by `key`, if there is one of this code. */
export async function readGateMemory(key: string, kode: string): Promise<GateMemory | null> {
  try {
    const m = JSON.parse(await readFile(join(gateMemoryDir(), memoryName(key)), 'utf8')) as GateMemory;
    if (
      m?.kode !== kode ||
      typeof m.privat !== 'object' ||
      m.privat === null ||
      !Array.isArray(m.bersih) ||
      !Array.isArray(m.kembar) ||
      typeof m.isi !== 'object' ||
      m.isi === null ||
      (m.tanda !== undefined && (typeof m.tanda !== 'object' || m.tanda === null))
    )
      return null;
    return m;
  } catch {
    return null;
  }
}

/** Keeps `memory` for the site known by `key`, whole or not at all; older memories beyond KEPT are removed. */
export async function writeGateMemory(key: string, memory: GateMemory): Promise<void> {
  await keepJson(gateMemoryDir(), memoryName(key), memory, KEPT);
}

/**
 * The sha256 of every file the gate reads (a compressed twin beside its file is not read), by
 * path relative to `root`, of `files` (every file under `root`, absolute: siteFiles); `known`
 * gives those already hashed (files taken from the previous output, checked against their
 * recorded hashes or vouched for by their marks: copyRegions).
 */
async function fileHashes(root: string, files: readonly string[], known: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  // Read synchronously, a slice at a time: most are small (a search index's 23,000 files at 50 regions); a table is read whole, as before.
  await inSlices(gatePaths(root, undefined, files), (path) => {
    const rel = relative(root, path);
    hashes.set(rel, known.get(rel) ?? sha256(readFileSync(path)));
  });
  return hashes;
}

export interface GateResult {
  leaks: Leak[];
  /** What to remember if the site is published (its twins are added once they are made). */
  memory: GateMemory;
  /**
   * Files read for every private value; files passed before, read again for some regions' values;
   * not read again; in the files read, contents passed before and not read again; and distinct
   * pieces of long texts passed before, not read again.
   */
  read: { all: number; again: number; passed: number; regions: string[]; contents: number; pieces: number };
  /**
   * The sha256 of each file's whole bytes the gate read or knew, by path relative to the site (not
   * of the files it only checks are not text: images, wasm), so that making twins need not hash them again.
   */
  hashes: ReadonlyMap<string, string>;
}

/** The private values the gate looks for: all, and by region (an incremental build asks whose changed). */
export interface GateValues {
  privateValues: PrivateValues;
  privateByRegion: ReadonlyMap<string, PrivateValues>;
}

/**
 * What the gate keeps of the private values: each region's digest; the threads' lookup
 * (shareLookup) of all of them; whether any region whose values changed since `before` has any,
 * and, when `reread` (files passed before are to be read again), their lookup (else null). The
 * values themselves are let go when this returns, unless the caller holds them: given as
 * `take()` (the build), at 500 regions their lists are a gigabyte the gate no longer needs.
 */
function lookups(values: GateValues, before: GateMemory | null, reread: boolean): GateLookups {
  const privat: Record<string, string> = Object.fromEntries(
    [...values.privateByRegion].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, privateDigest(v)]),
  );
  const fresh = new PrivateValues();
  if (before) for (const [k, v] of values.privateByRegion) if (before.privat[k] !== privat[k]) fresh.include(v);
  const changed = fresh.hasAny();
  return { privat, all: shareLookup(values.privateValues), changed, fresh: changed && reread ? shareLookup(fresh) : null };
}

/** The gate's lookups of the private values (lookups), made once for gateSite to read a site in several parts. */
export interface GateLookups {
  privat: Record<string, string>;
  all: SharedLookup;
  changed: boolean;
  fresh: SharedLookup | null;
}

/**
 * The lookups of `values` for gates over parts of one site (gateSite given them), with the memory
 * `before` of the site it replaces if of the same code: the values that changed since then are
 * looked up apart, for the files passed before. The values are let go once they are made; the two
 * lookups are held together (the changed regions' values only, besides all).
 */
export async function gateLookups(
  values: GateValues | { take(): Promise<GateValues> },
  before: GateMemory | null,
  kode: string,
): Promise<GateLookups> {
  const same = before?.kode === kode ? before : null;
  return lookups('take' in values ? await values.take() : values, same, same !== null);
}

/**
 * One site's gate results, of parts read apart (a file in one part only): leaks and counts
 * added, memories and hashes joined.
 */
export function joinGateResults(a: GateResult, b: GateResult): GateResult {
  const isi = { ...a.memory.isi, ...b.memory.isi };
  const memory: GateMemory = { ...a.memory, bersih: [...a.memory.bersih, ...b.memory.bersih].sort(), isi };
  const read = {
    all: a.read.all + b.read.all,
    again: a.read.again + b.read.again,
    passed: a.read.passed + b.read.passed,
    regions: [...new Set([...a.read.regions, ...b.read.regions])].sort(),
    contents: a.read.contents + b.read.contents,
    pieces: a.read.pieces + b.read.pieces,
  };
  return { leaks: [...a.leaks, ...b.leaks], memory, read, hashes: new Map([...a.hashes, ...b.hashes]) };
}

/**
 * The privacy gate over a built site, with the memory of the previous site (`before`, of the
 * same code) when there is one: files it passed are read again only for the values of regions
 * whose values changed. `known`: sha256 already checked (files copied from the previous site).
 * `files`: every file now under `root`, relative to it (siteFiles).
 */
export async function gateSite(
  root: string,
  values: GateValues | { take(): Promise<GateValues> } | GateLookups,
  {
    kode,
    before = null,
    known = new Map(),
    threads,
    pieceBytes,
    files: given,
  }: {
    kode: string;
    before?: GateMemory | null;
    known?: ReadonlyMap<string, string>;
    threads?: number;
    pieceBytes?: number;
    files?: readonly string[];
  },
): Promise<GateResult> {
  // One walk (or none) for every reading below.
  const files = siteFiles(root, given);
  const same = before?.kode === kode ? before : null;
  // With a memory: the files passed before (read again only for the values that changed), known before the values are taken.
  const hashes = same ? await fileHashes(root, files, known) : null;
  const passed = new Set(same?.bersih);
  const again = new Set(hashes ? [...hashes].filter(([rel, hash]) => passed.has(passedEntry(rel, hash))).map(([rel]) => rel) : []);
  // Assigned from no object kept: `all` is let go before a second reading (of the changed values
  // only), so the two lookups are not held together, unless the caller holds them (gateLookups).
  let all: SharedLookup | null;
  let privat: Record<string, string>;
  let anyChanged: boolean;
  let fresh: SharedLookup | null;
  // Made here, or given (gateLookups: made once for several parts of a site).
  ({
    privat,
    all,
    changed: anyChanged,
    fresh,
  } = 'privat' in values ? values : lookups('take' in values ? await values.take() : values, same, again.size > 0));
  // The contents found clean in each file read, by file.
  const clean = new Map<string, Set<string>>();
  const onClean = (rel: string, content: ContentRead) => {
    const set = clean.get(rel) ?? clean.set(rel, new Set()).get(rel)!;
    set.add(contentEntry(content));
  };
  const memoryOf = (hashes: Iterable<[string, string]>, kept: Record<string, string[]> = {}): GateMemory => {
    const bersih: string[] = [];
    const isi: Record<string, string[]> = {};
    for (const [rel, hash] of hashes) {
      const entry = passedEntry(rel, hash);
      bersih.push(entry);
      const contents = clean.has(rel) ? [...clean.get(rel)!].sort() : kept[entry];
      if (contents?.length) isi[entry] = contents;
    }
    return { kode, privat, bersih: bersih.sort(), kembar: [], isi };
  };
  const scan = async (select: ((rel: string) => boolean) | undefined, of: SharedLookup, passedBefore?: ReadonlySet<string>) => {
    const r = await scanInThreads(root, gatePaths(root, select, files), of, { passedBefore, threads, pieceBytes });
    for (const [rel, content] of r.clean) onClean(rel, content);
    return r;
  };
  if (!same || !hashes) {
    // One reading of every file, hashed as it is read.
    const { leaks, read } = await scan(undefined, all);
    return {
      leaks,
      memory: memoryOf(read),
      read: { all: read.length, again: 0, passed: 0, regions: [], contents: 0, pieces: 0 },
      hashes: new Map(read),
    };
  }
  const changed = Object.keys(privat).filter((k) => same.privat[k] !== privat[k]);
  // A content passed before holds none of the values then; while no region's values changed, none of these.
  const contentsBefore = anyChanged ? new Set<string>() : new Set(Object.values(same.isi).flat());
  let contents = 0;
  let pieces = 0;
  const leaks: Leak[] = [];
  if (again.size < hashes.size) {
    const r = await scan((rel) => !again.has(rel), all, contentsBefore);
    for (const l of r.leaks) leaks.push(l);
    pieces = r.passed.filter(isPiece).length;
    contents = r.passed.length - pieces;
  }
  all = null;
  // Read again for the values that changed (their lookup is made only when some file is to be read again, and the changed regions have values).
  const reread = fresh !== null && again.size > 0;
  if (fresh && reread) for (const l of (await scan((rel) => again.has(rel), fresh)).leaks) leaks.push(l);
  return {
    leaks,
    // A file passed before keeps its contents: they passed with it, and were read again for any value that changed.
    memory: memoryOf(hashes, same.isi),
    read: {
      all: hashes.size - again.size,
      again: reread ? again.size : 0,
      passed: reread ? 0 : again.size,
      regions: reread ? changed : [],
      contents,
      pieces,
    },
    hashes,
  };
}
