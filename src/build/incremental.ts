/**
 * Incremental builds (issue #13 item 4, docs/incremental.md): `--since DIR` renders only the
 * regions whose pages would change and takes every other region's files, twins included, from
 * the previous output DIR, checked against the hashes that output recorded. A key per region
 * decides: a hash of what its pages read. The result is the same bytes as a full build
 * (test/browser/second-publication.test.ts builds both and compares every file).
 *
 * Every build writes the record (PAGES_RECORD) at the site's root, so that any build can be the
 * previous one of an incremental build. It lists paths and hashes only.
 */
import { sha256 } from '../read/sha256.ts';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, type BigIntStats } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { dirname, join, posix } from 'node:path';
import Papa from 'papaparse';
import { inSlices, inTurns, listFiles, makeFolders } from '../publish/site-files.ts';
import { fileMark, fileState, NO_LINK } from '../publish/file-marks.ts';
import { WHOLE_TABLES } from '../publish/partitions.ts';
import { PARTITION_MANIFEST, type PartitionManifest } from '../queries/partitions.ts';
import { CHANGES_FILE } from '../release/archive.ts';
import { RELEASES_DIR } from '../release/paths.ts';
import { regionFolders, regionOfPath } from '../routes.ts';
import { compressible, NO_TWIN, vouchedTwins } from '../deploy/precompress.ts';
import { twinEntry } from '../publish/gate-memory.ts';
import { writeWhole } from '../publish/kept-json.ts';

export const PAGES_RECORD = 'kt-pages.json';

/** What a build's output says of its region pages. */
export interface PagesRecord {
  /** The hash of what every region's pages share: when it differs, every region is rendered. */
  bersama: string;
  /** Per region: its key and every file of its pages (twins too) with its sha256. */
  wilayah: Record<string, { kunci: string; berkas: Record<string, string> }>;
}

/**
 * What every region page shows besides its own region's rows (docs/incremental.md): the code,
 * the site's address and the site map (src/site/site-map.ts: the regions, their names, which
 * files each sent, licence, synthetic data). A fact a region page reads that is in neither this
 * nor regionKeys would let a stale page through: add it here.
 */
export interface SharedFacts {
  /** The code that renders, and the Node that runs it (codeVersion). */
  kode: string;
  /** KT_SITE_URL. */
  alamat: string | null;
  /** siteMapHash(). */
  peta: string;
}

const readJson = async <T>(path: string): Promise<T | undefined> =>
  existsSync(path) ? (JSON.parse(await readFile(path, 'utf8')) as T) : undefined;

/** Rows of a small CSV by their kode_wilayah, as JSON lines. */
async function rowsByRegion(path: string): Promise<Map<string, string[]>> {
  const by = new Map<string, string[]>();
  if (!existsSync(path)) return by;
  const rows = Papa.parse<Record<string, string>>(await readFile(path, 'utf8'), { header: true, skipEmptyLines: true }).data;
  for (const row of rows) {
    const kode = row.kode_wilayah ?? '';
    if (!by.has(kode)) by.set(kode, []);
    by.get(kode)!.push(JSON.stringify(row));
  }
  return by;
}

/**
 * The hash of what every region shares, and one key per region: its data version and its files
 * of every split table (the manifest's), its rows of the tables kept whole, its entry in the
 * data-quality report, and its lines of this release's revision list with the release they link to.
 */
export async function regionKeys(
  dataDir: string,
  codes: readonly string[],
  shared: SharedFacts,
  release: string,
): Promise<{ bersama: string; kunci: Record<string, string> }> {
  const quality = (await readJson<{ ambang_kelompok: number; wilayah: { kode_wilayah: string }[] }>(join(dataDir, 'kualitas.json'))) ?? {
    ambang_kelompok: 0,
    wilayah: [],
  };
  const bersama = sha256(JSON.stringify({ ...shared, ambang: quality.ambang_kelompok }));

  const manifest = (await readJson<PartitionManifest>(join(dataDir, PARTITION_MANIFEST))) ?? { tabel: {} };
  const whole = await Promise.all([...WHOLE_TABLES].sort().map((t) => rowsByRegion(join(dataDir, `${t}.csv`))));
  const revisions = await rowsByRegion(join(dataDir, RELEASES_DIR, release, CHANGES_FILE));
  const kunci: Record<string, string> = {};
  for (const kode of codes) {
    const parts = Object.entries(manifest.tabel)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([table, files]) => [table, files.find((f) => f.kode_wilayah === kode)?.sha256 ?? null]);
    const revisi = revisions.get(kode) ?? [];
    kunci[kode] = sha256(
      JSON.stringify({
        bersama,
        versi: manifest.versi?.[kode] ?? null,
        parts,
        whole: whole.map((w) => w.get(kode) ?? []),
        kualitas: quality.wilayah.find((w) => w.kode_wilayah === kode) ?? null,
        revisi,
        // A "direvisi" mark links to this release's page.
        rilis: revisi.length > 0 ? release : null,
      }),
    );
  }
  return { bersama, kunci };
}

/**
 * The record of a built site: every file of a region's pages (regionOfPath), with its hash. A
 * region taken from `previous` keeps its recorded hashes (copyRegions checked them); `hashes`
 * gives those known already by path (the gate's and the twins', made from the bytes in the site
 * since nothing changed them), and any other file is read.
 */
export async function pagesRecord(
  siteDir: string,
  keys: { bersama: string; kunci: Record<string, string> },
  previous: PagesRecord | null = null,
  hashes: ReadonlyMap<string, string> = new Map(),
): Promise<PagesRecord> {
  const wilayah: PagesRecord['wilayah'] = {};
  const known = new Set<string>();
  for (const [kode, kunci] of Object.entries(keys.kunci)) {
    const kept = previous?.bersama === keys.bersama && previous.wilayah[kode]?.kunci === kunci ? previous.wilayah[kode] : null;
    wilayah[kode] = { kunci, berkas: kept ? { ...kept.berkas } : {} };
    if (kept) known.add(kode);
  }
  for (const rel of listFiles(siteDir).sort()) {
    const kode = regionOfPath(rel);
    if (kode !== null && wilayah[kode] && !known.has(kode))
      wilayah[kode].berkas[rel] = hashes.get(rel) ?? sha256(await readFile(join(siteDir, rel)));
  }
  // Sorted like a fresh record, so that the same site writes the same bytes.
  for (const w of Object.values(wilayah)) w.berkas = Object.fromEntries(Object.entries(w.berkas).sort(([a], [b]) => (a < b ? -1 : 1)));
  return { bersama: keys.bersama, wilayah };
}

export async function writePagesRecord(siteDir: string, record: PagesRecord): Promise<void> {
  await writeFile(join(siteDir, PAGES_RECORD), JSON.stringify(record, null, 2) + '\n');
}

/**
 * What names a built site for what is kept of it outside it (the privacy gate's memory): the
 * hash of its record, which a copy of the site has too. Null without a record.
 */
export async function recordKey(dir: string): Promise<string | null> {
  const path = join(dir, PAGES_RECORD);
  return existsSync(path) ? sha256(await readFile(path)) : null;
}

/** The record in `dir`, or null when there is none this code can trust. */
export async function readPagesRecord(dir: string): Promise<PagesRecord | null> {
  let r: PagesRecord | undefined;
  try {
    r = await readJson<PagesRecord>(join(dir, PAGES_RECORD));
  } catch {
    return null; // not JSON: nothing is reused
  }
  if (!r || typeof r.bersama !== 'string' || typeof r.wilayah !== 'object' || r.wilayah === null) return null;
  for (const [kode, w] of Object.entries(r.wilayah)) {
    if (typeof w?.kunci !== 'string' || typeof w.berkas !== 'object' || w.berkas === null) return null;
    // Only the region's own files, by a plain path: a record never puts a file anywhere else.
    for (const rel of Object.keys(w.berkas)) if (regionOfPath(rel) !== kode || posix.normalize(rel) !== rel) return null;
  }
  return r;
}

/**
 * The regions whose files can be taken from the previous output: the same shared facts, the same
 * key, and a record that holds the region's page (never a region without files).
 */
export function reusableRegions(previous: PagesRecord | null, keys: { bersama: string; kunci: Record<string, string> }): string[] {
  if (!previous || previous.bersama !== keys.bersama) return [];
  return Object.keys(keys.kunci)
    .filter((kode) => previous.wilayah[kode]?.kunci === keys.kunci[kode] && `wilayah/${kode}/index.html` in previous.wilayah[kode].berkas)
    .sort();
}

const COPIES_AT_ONCE = 8;

/**
 * The marks of `files` (relative to `dir`), those that are regular files; but none for a file
 * of `asChecked` that was written since it was checked (its fileState then, copyRegions').
 */
export async function fileMarks(
  dir: string,
  files: readonly string[],
  asChecked: Readonly<Record<string, string>> = {},
): Promise<Record<string, string>> {
  const found: (string | null)[] = new Array(files.length).fill(null);
  // A hundred thousand files at 50 regions: stat'ed synchronously, a slice at a time.
  await inSlices(files, (rel, i) => {
    let s;
    try {
      s = lstatSync(join(dir, rel), { bigint: true, throwIfNoEntry: false });
    } catch {
      return; // unreadable: no mark, so the next build reads it (taken after the swap, never a failure)
    }
    const checked = asChecked[rel];
    if (s?.isFile() && (checked === undefined || checked === fileState(s))) found[i] = fileMark(s);
  });
  const marks: Record<string, string> = {};
  for (const [i, rel] of files.entries()) if (found[i] !== null) marks[rel] = found[i];
  return marks;
}

/**
 * Takes the reused regions' files from the previous output into the site, each checked against
 * its recorded hash: a file changed or gone since is refused, never published. Returns the
 * files taken and what is wrong.
 *
 * With `links` (the previous output is the site this build replaces, `--since dist --out dist`),
 * a file is hard-linked where the file system allows (gigabytes at national scale, written again
 * for nothing otherwise), then the link is read and checked, so what is checked is what is
 * published. The previous site is removed at the swap, so no region file stays shared. Safe because no
 * build writes into a file in place: every file is written anew or unlinked first (twins). Else,
 * or on another file system, it is copied. A file linked whose mark is the one `marks` gives
 * (fileMarks, taken once its site was published) is not read: it is the file that was checked
 * (`unread` counts them). `checked`: each file linked, as it was when checked, for fileMarks.
 *
 * With `links` and the memory of the twins (`madeHere`), a region whose folders can be moved whole
 * at the swap (movableRegions) is neither linked nor read: it is `moved`, and its files, which lie
 * in `since` until then, are counted in `files`, `unread` and `checked` with the others.
 */
export async function copyRegions(
  site: string,
  since: string,
  previous: PagesRecord,
  codes: readonly string[],
  {
    links = false,
    marks = {},
    madeHere,
  }: { links?: boolean; marks?: Readonly<Record<string, string>>; madeHere?: (fileHash: string, twinHash: string) => boolean } = {},
): Promise<{ files: string[]; problems: string[]; unread: number; checked: Record<string, string>; moved: MovedRegions }> {
  // Whole regions left where they are, to be moved at the swap: with links only (the site this build replaces).
  const moved = links && madeHere ? await movableRegions(since, previous, codes, marks, madeHere) : noneMoved();
  const stay = new Set(moved.regions);
  const all = codes.filter((kode) => !stay.has(kode)).flatMap((kode) => Object.entries(previous.wilayah[kode].berkas));
  const outcome: ({ file: string } | { problem: string })[] = new Array(all.length);
  // Each file linked, as it was when checked (fileState): it shares its inode with the previous
  // site's until that is removed, so a write there is a write here, and its mark is then not kept.
  const checked: Record<string, string> = {};
  let unread = 0;
  /** Files whose bytes must be read (and, where not linked, written): checked after the rest. */
  const toRead: [i: number, linked: boolean][] = [];
  // A failure is said with the rest, never thrown past the other copies (they would write on into a removed stage).
  const problem = (i: number, what: string) => (outcome[i] = { problem: `${since}: ${all[i][0]}${what}` });
  // Linked, or found to need reading: synchronous calls, a slice at a time (at 50 regions, 113,000
  // files: three asynchronous calls each were ten seconds of this process, beside the renderer).
  const linkOne = (i: number) => {
    const [rel] = all[i];
    const from = join(since, rel);
    const kind = lstatSync(from, { bigint: true, throwIfNoEntry: false });
    if (!kind) return problem(i, ' hilang / missing');
    // A symbolic link would be published as one, pointing wherever it points when read.
    if (!kind.isFile()) return problem(i, ' bukan berkas biasa / is not a regular file');
    const target = join(site, rel);
    let linked = false;
    if (links)
      try {
        linkSync(from, target);
        linked = true;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? '';
        if (code === 'EEXIST') return problem(i, ': sudah ditulis oleh build ini / already written by this build');
        if (!NO_LINK.has(code)) throw e;
      }
    // Unwritten since its site was published (the mark taken then), and the file linked: its recorded hash holds.
    if (linked) checked[rel] = fileState(kind);
    if (linked && marks[rel] === fileMark(kind)) {
      const now = lstatSync(target, { bigint: true });
      if (now.ino === kind.ino && now.dev === kind.dev) {
        outcome[i] = { file: rel };
        unread++;
        return;
      }
    }
    toRead.push([i, linked]);
  };
  const readOne = async ([i, linked]: [number, boolean]) => {
    const [rel, hash] = all[i];
    const bytes = await readFile(linked ? join(site, rel) : join(since, rel));
    if (sha256(bytes) !== hash) problem(i, ` tidak sama dengan catatan di ${PAGES_RECORD} / differs from what ${PAGES_RECORD} records`);
    else {
      if (!linked) await writeFile(join(site, rel), bytes);
      outcome[i] = { file: rel };
    }
  };
  await makeFolders(
    site,
    all.map(([rel]) => rel),
  );
  const failed = (i: number, e: unknown) => void problem(i, `: ${(e as Error).message}`);
  await inSlices(all, (_, i) => {
    try {
      linkOne(i);
    } catch (e) {
      failed(i, e);
    }
  });
  // A few at a time: files read, hashed and maybe written.
  await inTurns(toRead, COPIES_AT_ONCE, (item) => readOne(item).catch((e: unknown) => failed(item[0], e)));
  return {
    files: [...moved.files, ...outcome.flatMap((o) => ('file' in o ? [o.file] : []))],
    problems: outcome.flatMap((o) => ('problem' in o ? [o.problem] : [])),
    unread: unread + moved.files.length,
    checked: { ...moved.checked, ...checked },
    moved,
  };
}

/**
 * Reused regions left in the site this build replaces, and moved whole into the new site at the
 * swap (moveFolders): each region's folders (regionFolders), by a rename each, instead of a link
 * made and removed again for each of its files (at 50 regions 113,000 of them: seconds beside the
 * pages and at the swap). Until then their files are read, where they must be, at `from`.
 */
export interface MovedRegions {
  /** The site they lie in until the swap. */
  from: string;
  regions: string[];
  /** Their folders that `from` holds (relative to it): what the swap moves. */
  folders: string[];
  /** Every file in them (relative to the site), each one the pages record lists. */
  files: string[];
  /** Each file as it was when checked (fileState), for fileMarks. */
  checked: Record<string, string>;
  /** Every folder in them as it was when walked (folderState): the swap checks that none has changed (foldersUnchanged). */
  dirs: Record<string, string>;
  /** The twins' memory's entries of their files (twinEntry), as precompress would have told them of these files. */
  twins: string[];
}

export const noneMoved = (from = ''): MovedRegions => ({ from, regions: [], folders: [], files: [], checked: {}, dirs: {}, twins: [] });

/**
 * A folder's device, inode and both its times: an entry added, removed or renamed in it changes
 * its modification time, and setting that back changes the other.
 */
const folderState = (s: BigIntStats): string => `${s.dev}:${s.ino}:${s.mtimeNs}:${s.ctimeNs}`;

/**
 * The regions of `codes` that can be moved whole from the site `since` at the swap: each of its
 * folders holds exactly the files the record lists (no folder without entries, no other kind of
 * entry), every one a regular file unwritten since that site was published (its mark, `marks`, as
 * copyRegions asks of a file it leaves unread), and every twin beside them one this code made of
 * their bytes (or none, where it found them too small: the memory, `madeHere`), so that nothing of
 * them is read, written or compressed before they move; and the folders above them real folders
 * (a symbolic link would move another tree's folders). Any other region is linked, file by file
 * (copyRegions); so is every region where the walk cannot read a folder.
 */
export async function movableRegions(
  since: string,
  previous: PagesRecord,
  codes: readonly string[],
  marks: Readonly<Record<string, string>>,
  madeHere: (fileHash: string, twinHash: string) => boolean,
): Promise<MovedRegions> {
  const moved = noneMoved(since);
  /** Whether the folders above `folder` are real ones, as far as there are any (a folder not there holds no region). */
  const realAbove = (folder: string): boolean => {
    const above = folder.split('/').slice(0, -1);
    for (let i = 1; i <= above.length; i++) {
      const s = lstatSync(join(since, ...above.slice(0, i)), { throwIfNoEntry: false });
      if (!s) return true;
      if (!s.isDirectory()) return false;
    }
    return true;
  };
  for (const kode of codes) {
    const berkas = previous.wilayah[kode].berkas;
    const folders: string[] = [];
    const files: string[] = [];
    const checked: [string, string][] = [];
    const dirs: [string, string][] = [];
    /** Every entry under the folder `rel` a folder or a file the record lists, each file as marked: else false. */
    const walk = (rel: string): boolean => {
      const entries = readdirSync(join(since, rel), { withFileTypes: true });
      if (entries.length === 0) return false;
      dirs.push([rel, folderState(lstatSync(join(since, rel), { bigint: true }))]);
      for (const e of entries) {
        const path = `${rel}/${e.name}`;
        if (e.isDirectory()) {
          if (!walk(path)) return false;
          continue;
        }
        if (!e.isFile() || !(path in berkas)) return false;
        const s = lstatSync(join(since, path), { bigint: true });
        if (!s.isFile() || marks[path] !== fileMark(s)) return false;
        files.push(path);
        checked.push([path, fileState(s)]);
      }
      return true;
    };
    let whole = true;
    try {
      for (const folder of regionFolders(kode)) {
        if (!realAbove(folder)) {
          whole = false;
          break;
        }
        const kind = lstatSync(join(since, folder), { throwIfNoEntry: false });
        if (!kind) continue;
        if (!kind.isDirectory() || !walk(folder)) {
          whole = false;
          break;
        }
        folders.push(folder);
      }
    } catch {
      whole = false; // a folder that cannot be read: linked file by file, which says what is wrong
    }
    // Every file the record lists was found (none gone), and its twins vouched for.
    if (!whole || files.length !== Object.keys(berkas).length) continue;
    const twins: string[] = [];
    const present = (path: string) => path in berkas;
    const hashOf = (path: string) => berkas[path];
    for (const file of files) {
      if (!compressible(file)) continue;
      const vouched = vouchedTwins(file, berkas[file], present, hashOf, madeHere);
      if (vouched === null) {
        whole = false;
        break;
      }
      for (const twin of vouched.length > 0 ? vouched : [NO_TWIN]) twins.push(twinEntry(berkas[file], twin));
    }
    if (!whole) continue;
    moved.regions.push(kode);
    for (const f of folders) moved.folders.push(f);
    for (const f of files) moved.files.push(f);
    for (const [f, state] of checked) moved.checked[f] = state;
    for (const [d, state] of dirs) moved.dirs[d] = state;
    for (const t of twins) moved.twins.push(t);
    // A region at a time: the data's gate beside it is fed by this thread.
    await new Promise((done) => setImmediate(done));
  }
  return moved;
}

/**
 * Whether every folder of the moved regions, now under `site` (the site replaced, renamed aside at
 * the swap), is as it was when walked: no entry added, removed or renamed in any of them since, so
 * they hold the files the gate judged. (A file written in place since keeps its entry: as with a
 * link, fileMarks then keeps no mark of it, and the next build reads it.)
 */
export function foldersUnchanged(site: string, moved: MovedRegions): boolean {
  for (const [rel, state] of Object.entries(moved.dirs)) {
    const s = lstatSync(join(site, rel), { bigint: true, throwIfNoEntry: false });
    if (!s?.isDirectory() || folderState(s) !== state) return false;
  }
  return true;
}

/**
 * The file in a build's stage that lists the folders its swap moves from the previous site into
 * the new one (MovedRegions.folders), written before the first moves: a build killed between the
 * swap's renames leaves the previous site without them, and cleanLeftovers puts them back.
 */
export const movesJournal = (stage: string): string => join(stage, 'dipindah.json');

/** The journal written whole or not at all (a build killed while writing it has moved nothing). */
export const writeMovesJournal = (stage: string, folders: readonly string[]): void =>
  writeWhole(movesJournal(stage), JSON.stringify(folders));

/**
 * Moves each of `folders` from the site `from` into the site `to` (renames: the same file system),
 * none of them there yet. Should one fail, it throws; those moved are put back by the journal (moveBack).
 */
export function moveFolders(from: string, to: string, folders: readonly string[]): void {
  for (const folder of folders) {
    const there = join(to, folder);
    if (existsSync(there)) throw new Error(`${folder}: sudah ada di situs baru / already in the new site`);
    mkdirSync(dirname(there), { recursive: true });
    renameSync(join(from, folder), there);
  }
}

/**
 * The folders a killed build's swap had moved out of the previous site `old` into its stage's site
 * (as its journal lists them) moved back, where they are there and not in `old`: `old` is then the
 * site it was. Without a journal nothing was moved.
 */
export function moveBack(stage: string, old: string): void {
  let folders: string[];
  try {
    folders = JSON.parse(readFileSync(movesJournal(stage), 'utf8')) as string[];
  } catch {
    return; // none: written whole before the first move (writeMovesJournal), so nothing was moved
  }
  for (const folder of folders) {
    const from = join(stage, STAGED_SITE, folder);
    const there = join(old, folder);
    if (!existsSync(from) || existsSync(there)) continue;
    mkdirSync(dirname(there), { recursive: true });
    renameSync(from, there);
  }
}

/** The site's folder in a build's stage. */
export const STAGED_SITE = 'site';
