/** Records a build keeps on its machine between builds (the gate's memory, the derived rows' record). */
import { randomUUID } from 'node:crypto';
import { renameSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { isInside } from '../read/inside.ts';

/**
 * Writes `data` to `path` whole or not at all: into a file of its own beside it, then renamed over
 * it, so that a reader (or a build killed meanwhile) finds the old file, the new one or none, never
 * part of one. Readable by this user only.
 */
export function writeWhole(path: string, data: string | Uint8Array): void {
  const part = `${path}.${randomUUID()}.tmp`;
  writeFileSync(part, data, { mode: 0o600 });
  renameSync(part, path);
}

/** Whether `dir` is inside (or is) one of `roots`: a record kept there would be published, or removed with the site. */
export const insideAny = (dir: string, roots: readonly string[]): boolean => roots.some((root) => isInside(root, dir));

/** The names in `dir` that `pick` takes, with their times of last change (ms), newest first. */
export async function newestFirst(dir: string, pick: (name: string) => boolean): Promise<{ name: string; time: number }[]> {
  const all = await Promise.all(
    (await readdir(dir)).filter(pick).map(async (name) => ({ name, time: (await stat(join(dir, name)).catch(() => null))?.mtimeMs ?? 0 })),
  );
  return all.sort((a, b) => b.time - a.time);
}

/**
 * Writes `value` as JSON to `dir/name`, whole or not at all (writeWhole); then removes all but the
 * newest `kept` JSON files of `dir`.
 */
export async function keepJson(dir: string, name: string, value: unknown, kept: number): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  writeWhole(join(dir, name), JSON.stringify(value));
  for (const { name: n } of (await newestFirst(dir, (n) => n.endsWith('.json'))).slice(kept)) await rm(join(dir, n), { force: true });
}
