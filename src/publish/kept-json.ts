/** Records a build keeps on its machine between builds (the gate's memory, the derived rows' record). */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Writes `value` as JSON to `dir/name`, whole or not at all (a file of its own, renamed), readable
 * by this user only; then removes all but the newest `kept` JSON files of `dir`.
 */
export async function keepJson(dir: string, name: string, value: unknown, kept: number): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, name);
  const part = `${path}.${randomUUID()}.tmp`;
  await writeFile(part, JSON.stringify(value), { mode: 0o600 });
  await rename(part, path);
  const all = await Promise.all(
    (await readdir(dir))
      .filter((n) => n.endsWith('.json'))
      .map(async (n) => ({ n, t: (await stat(join(dir, n)).catch(() => null))?.mtimeMs ?? 0 })),
  );
  for (const { n } of all.sort((a, b) => b.t - a.t).slice(kept)) await rm(join(dir, n), { force: true });
}
