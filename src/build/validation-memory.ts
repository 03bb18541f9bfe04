/**
 * What validating a region's files gave, kept on the build machine between builds (issue #13
 * item 4, docs/incremental.md): a `--since` build need not read again a region whose files are
 * the ones a build validated with this code (its rows key, kept-rows.ts) and whose rows it takes
 * whole from the previous output (KeptRows.whole). It recalls the region's warnings, file
 * counts, wilayah.json, private values, public texts and appraisal groups instead: what the rest
 * of the build and the next region's checks need of it (src/validate/regions.ts, RecalledRegion).
 *
 * The private values are an export's names and NIPs: a memory is sealed (AES-256-GCM) with a key
 * made of its region's files' bytes (RowsKeys.seals), a hash written nowhere. Without the export
 * it says nothing, and a memory damaged, or of other files, does not open: the region is read.
 * Whoever holds the export can seal a memory of it, as whoever can write the gate's memory can
 * write the site: it is kept where the code is built (KT_VALID_DIR, or
 * node_modules/.cache/kinerja-terbuka/sah), never in the site (data-half.ts refuses a folder there).
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFileSync, utimesSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';
import type { Issue } from '../contract/issues.ts';
import type { Wilayah } from '../contract/wilayah.ts';
import type { PredikatGroup } from '../derive/suppression.ts';
import { newestFirst, writeWhole } from '../publish/kept-json.ts';
import { sha256 } from '../read/sha256.ts';
import type { FileCount, FileSummary, RecalledRegion } from '../validate/export.ts';
import { PrivateValues, type ValueList } from '../validate/private-values.ts';

/** A region's validation as kept: RecalledRegion with its values as lists, and its appraisal groups (predikatGroups) for predikat_unit. */
export interface RegionMemory {
  code: string;
  wilayah: Wilayah;
  files: FileSummary[];
  counts: FileCount[];
  issues: Issue[];
  values: ValueList[];
  texts: string[];
  units: number;
  predikat: PredikatGroup[];
}

export const validationMemoryDir = (): string =>
  process.env.KT_VALID_DIR ?? join(process.cwd(), 'node_modules', '.cache', 'kinerja-terbuka', 'sah');

/** By its region's rows key: the file names no more than the key does. */
const fileName = (key: string): string => `${sha256(`sah-1\0${key}`)}.bin`;

/** Where the memory of the region whose files have the rows key `key` lies. */
export const memoryPath = (key: string): string => join(validationMemoryDir(), fileName(key));

const IV = 12;
const TAG = 16;

/** The memory's bytes: brotli (NIPs and names repeat), sealed; the file's name bound in, so a memory under another's name does not open. */
export function sealMemory(memory: RegionMemory, key: string, seal: Buffer): Buffer {
  const iv = randomBytes(IV);
  const cipher = createCipheriv('aes-256-gcm', seal, iv).setAAD(Buffer.from(fileName(key)));
  const plain = brotliCompressSync(serialize(memory), { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** sealMemory's bytes opened; null where they do not open with this seal, or are not a memory of region `code`. */
export function openMemory(bytes: Buffer, key: string, seal: Buffer, code: string): RegionMemory | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', seal, bytes.subarray(0, IV)).setAAD(Buffer.from(fileName(key)));
    decipher.setAuthTag(bytes.subarray(IV, IV + TAG));
    const plain = Buffer.concat([decipher.update(bytes.subarray(IV + TAG)), decipher.final()]);
    const memory = deserialize(brotliDecompressSync(plain)) as RegionMemory;
    return memory?.code === code ? memory : null;
  } catch {
    return null;
  }
}

/** The memory of the region `code` whose files have the rows key `key` and seal `seal`; null where none opens. Marked as used (pruneMemories keeps the newest). */
export function recallMemory(key: string, seal: Buffer, code: string): RegionMemory | null {
  const path = memoryPath(key);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  const memory = openMemory(bytes, key, seal, code);
  if (memory) {
    const now = new Date();
    try {
      utimesSync(path, now, now);
    } catch {
      // another build pruned it meanwhile: opened already
    }
  }
  return memory;
}

/** A memory as validation takes it back. */
export const asRecalled = (m: RegionMemory): RecalledRegion => ({
  code: m.code,
  wilayah: m.wilayah,
  files: m.files,
  counts: m.counts,
  issues: m.issues,
  values: PrivateValues.fromLists(m.values),
  texts: m.texts,
  units: m.units,
});

/** Keeps `memory` of the region whose files have the rows key `key`, whole or not at all. */
export async function rememberRegion(memory: RegionMemory, key: string, seal: Buffer): Promise<void> {
  const dir = validationMemoryDir();
  await mkdir(dir, { recursive: true, mode: 0o700 });
  writeWhole(memoryPath(key), sealMemory(memory, key, seal));
}

/** A memory half written (writeWhole's part) by a build killed meanwhile, once this old. */
const PART_LEFT_MS = 3600_000;

/**
 * Removes all but the newest `kept` memories (a build's regions, written or recalled, are the
 * newest), and parts left by killed builds. Another build's memories, pruned meanwhile, only make
 * that build's next `--since` read its regions again.
 */
export async function pruneMemories(kept: number, now = Date.now()): Promise<void> {
  const dir = validationMemoryDir();
  let all: { name: string; time: number }[];
  try {
    all = await newestFirst(dir, (n) => n.endsWith('.bin') || n.endsWith('.tmp'));
  } catch {
    return;
  }
  const memories = all.filter(({ name }) => name.endsWith('.bin'));
  const parts = all.filter(({ name, time }) => name.endsWith('.tmp') && now - time > PART_LEFT_MS);
  for (const { name } of [...memories.slice(kept), ...parts]) await rm(join(dir, name), { force: true });
}
