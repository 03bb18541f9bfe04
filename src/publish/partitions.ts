/**
 * Published tables split by region (issue #13): `data/wilayah/<kode>/<table>.csv`, each the
 * whole table's header and exactly its rows of that region, byte for byte, and a manifest of
 * the files with rows, bytes and a content hash. The explorer reads a question about one
 * region from that region's files only; a later incremental build can compare the hashes.
 * Tables of one row per region (`wilayah`) stay whole.
 */
import { createHash } from 'node:crypto';
import { sha256 } from '../read/sha256.ts';
import { createReadStream } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { PublishedTable, TableName } from '../contract/published.ts';
import { regionVersion } from '../release/identity.ts';
import { PARTITION_DIR, PARTITION_MANIFEST, partitionPath, type PartitionFile, type PartitionManifest } from '../queries/partitions.ts';

/** National summaries, a few rows per region, stay whole: every national question reads them anyway. */
export const WHOLE_TABLES: ReadonlySet<string> = new Set<TableName>(['wilayah', 'ikm_wilayah']);

const QUOTE = 0x22;
const LF = 0x0a;
const COMMA = 0x2c;

/** What is known of one region's file while the table is split. */
interface Part {
  rows: number;
  hash: ReturnType<typeof createHash>;
  bytes: number;
  /** Where its rows begin in the table's CSV; -1 where they are not all together. */
  at: number;
  /** Of its bytes, its rows' (the header's not counted). */
  rowBytes: number;
}

/**
 * Where a region's rows lie in a published table's CSV: `bytes` from byte `at`, after the header,
 * `rows` records, and the sha256 of the header followed by them (its region file's, as the
 * manifest gives it). What a later build may take again (src/build/kept-rows.ts).
 */
export interface Stretch {
  at: number;
  bytes: number;
  rows: number;
  sha256: string;
}

/** Per table, each region's stretch of its CSV (publishPartitions fills it), or 'apart' where its rows are not all together; none for a region without rows. */
export type TableStretches = Map<string, Map<string, Stretch | 'apart'>>;

/**
 * Splits a published CSV (written by csv.ts: kode_wilayah first, never quoted, records ending
 * in CRLF outside quotes) into one file per region, streaming: a region's records are written
 * when the next region starts (tables list a region's rows together; a region met again is
 * appended to its file, so any order is still right).
 */
async function splitByRegion(csvPath: string, dataDir: string, table: string, write = true): Promise<Map<string, Part>> {
  const parts = new Map<string, Part>();
  let header: Buffer | null = null;
  /** The region whose rows are being read: its code, its code's bytes with the comma after it, its lines so far. */
  type Reading = { kode: string; key: Buffer; lines: Buffer[]; at: number };
  let current: Reading | null = null;
  /** Regions whose rows ended in the chunk just read, to be written before the next is read. */
  const ended: Reading[] = [];
  /** Bytes of the table read before the current line. */
  let offset = 0;
  const flush = async ({ kode, lines, at }: Reading) => {
    let part = parts.get(kode);
    const first = !part;
    if (!part) parts.set(kode, (part = { rows: 0, hash: createHash('sha256'), bytes: 0, at, rowBytes: 0 }));
    else part.at = -1;
    const body = Buffer.concat(first ? [header!, ...lines] : lines);
    if (write) {
      await mkdir(join(dataDir, PARTITION_DIR, kode), { recursive: true });
      await writeFile(join(dataDir, partitionPath(kode, table)), body, { flag: first ? 'w' : 'a' });
    }
    part.rows += lines.length;
    part.bytes += body.length;
    part.rowBytes += body.length - (first ? header!.length : 0);
    part.hash.update(body);
  };
  // A line is a view of the chunk it lies in (a copy only where it spans two): 1.5 million
  // survey rows at 50 regions, each compared with its region's code by bytes.
  const record = (line: Buffer) => {
    const at = offset;
    offset += line.length;
    if (header === null) {
      header = line;
      return;
    }
    if (current) {
      const n = current.key.length;
      if (line.length >= n && line.compare(current.key, 0, n, 0, n) === 0) {
        current.lines.push(line);
        return;
      }
      ended.push(current);
    }
    const comma = line.indexOf(COMMA);
    const end = comma < 0 ? line.length : comma;
    current = { kode: line.toString('utf8', 0, end), key: Buffer.from(line.subarray(0, comma < 0 ? end : end + 1)), lines: [line], at };
  };
  let pending: Buffer[] = [];
  let inQuote = false;
  for await (const chunk of createReadStream(csvPath) as AsyncIterable<Buffer>) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      // A quoted cell may hold a line end; quotes inside it come in pairs, so parity is enough.
      if (b === QUOTE) inQuote = !inQuote;
      else if (b === LF && !inQuote) {
        record(pending.length === 0 ? chunk.subarray(start, i + 1) : Buffer.concat([...pending, chunk.subarray(start, i + 1)]));
        pending = [];
        start = i + 1;
      }
    }
    if (start < chunk.length) pending.push(chunk.subarray(start));
    for (const region of ended.splice(0)) await flush(region);
  }
  if (pending.length > 0) record(Buffer.concat(pending));
  for (const region of ended.splice(0)) await flush(region);
  if (current) await flush(current);
  return parts;
}

/** What a region's data version is made of besides its rows (src/release/identity.ts regionVersion). */
export interface VersionInputs {
  /** Each region's export date (`tanggal_ekspor`), by code: every region gets a version. */
  exportDates: Record<string, string>;
  settings: Record<string, string | number>;
}

const byCode = <T>([a]: [string, T], [b]: [string, T]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Writes the region files of every split table under `dataDir/wilayah/` and the manifest
 * beside them. `tables` are the published CSVs already written in `dataDir`. Given `versions`,
 * the manifest also gives each region its data version, from its rows of every table, the
 * tables kept whole included (hashed as their region file would be, none written). Given
 * `stretches`, it is filled with where each region's rows lie in every table.
 */
export async function publishPartitions(
  dataDir: string,
  tables: readonly { table: PublishedTable; csvPath: string }[],
  versions?: VersionInputs,
  stretches?: TableStretches,
): Promise<PartitionManifest> {
  const manifest: PartitionManifest = { tabel: {} };
  const rowHashes = new Map<string, string[]>();
  for (const { table, csvPath } of tables) {
    const whole = WHOLE_TABLES.has(table.name);
    if (whole && !versions && !stretches) continue;
    const split = [...(await splitByRegion(csvPath, dataDir, table.name, !whole))].sort(byCode);
    const parts = split.map(([kode, p]) => ({
      kode_wilayah: kode,
      path: partitionPath(kode, table.name),
      rows: p.rows,
      bytes: p.bytes,
      sha256: p.hash.digest('hex'),
    }));
    for (const p of parts) rowHashes.set(p.kode_wilayah, [...(rowHashes.get(p.kode_wilayah) ?? []), p.sha256]);
    if (!whole) manifest.tabel[table.name] = parts;
    if (stretches) {
      const byRegion = new Map<string, Stretch | 'apart'>();
      split.forEach(([kode, p], i) =>
        byRegion.set(kode, p.at >= 0 ? { at: p.at, bytes: p.rowBytes, rows: p.rows, sha256: parts[i].sha256 } : 'apart'),
      );
      stretches.set(table.name, byRegion);
    }
  }
  if (versions) {
    manifest.versi = Object.fromEntries(
      Object.entries(versions.exportDates)
        .sort(byCode)
        .map(([kode, date]) => [kode, regionVersion(date, rowHashes.get(kode) ?? [], versions.settings)]),
    );
  }
  await mkdir(join(dataDir, PARTITION_DIR), { recursive: true });
  await writeFile(join(dataDir, PARTITION_MANIFEST), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/**
 * The header line of a table's CSV (its bytes, line end included), if the table is exactly its
 * region files (`files`, under `dataDir`) one after another, each without its header: the table
 * is read through once, and its header with each region's stretch of rows must hash to that
 * region file's sha256 in the manifest, the stretches ending where the table does. Else null. What
 * lets a download of the whole table be made of the regions' parts (the .xlsx, the bundle: a
 * region's rows kept between builds by that hash).
 */
export async function regionLayout(csvPath: string, files: readonly PartitionFile[]): Promise<Buffer | null> {
  if (files.length === 0) return null;
  let head: Buffer | null = null;
  let pending: Buffer[] = [];
  let region = 0;
  let left = 0;
  let hash = createHash('sha256');
  const begin = () => {
    left = files[region].bytes - head!.length;
    hash = createHash('sha256').update(head!);
  };
  /** Rows as they come: false when a region's bytes are not its file's, or rows follow the last region's. */
  const feed = (bytes: Buffer): boolean => {
    for (let from = 0; from < bytes.length;) {
      if (region >= files.length) return false;
      const take = Math.min(left, bytes.length - from);
      hash.update(bytes.subarray(from, from + take));
      from += take;
      left -= take;
      if (left > 0) continue;
      if (hash.digest('hex') !== files[region].sha256) return false;
      if (++region < files.length) begin();
    }
    return true;
  };
  for await (const chunk of createReadStream(csvPath) as AsyncIterable<Buffer>) {
    if (head) {
      if (!feed(chunk)) return null;
      continue;
    }
    pending.push(chunk);
    const all = Buffer.concat(pending);
    const end = all.indexOf(LF);
    if (end < 0) continue;
    head = Buffer.from(all.subarray(0, end + 1));
    pending = [];
    if (files.some((f) => f.bytes <= head!.length)) return null;
    begin();
    if (!feed(all.subarray(end + 1))) return null;
  }
  return head && region === files.length ? head : null;
}

/** A region file's bytes, which must be the ones its manifest hashed (a part made of them is kept by that hash). */
export async function regionFileBytes(dataDir: string, file: PartitionFile): Promise<Buffer> {
  const bytes = await readFile(join(dataDir, file.path));
  if (sha256(bytes) !== file.sha256) throw new Error(`${file.path}: berubah sejak ditulis / changed since it was written`);
  return bytes;
}
