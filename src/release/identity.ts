/**
 * A release's identity: the date of the newest export it holds and a short hash of every input
 * byte and setting that shapes what is published (`2026-01-15-3f9a1c07`). The same inputs give
 * the same ID, so a rebuild makes no new release; any changed byte gives a new one.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface ReleaseInputs {
  dataDir: string;
  regions: readonly { code: string; wilayah: { tanggal_ekspor: string } }[];
  /** Settings that change the published tables (the group threshold). */
  settings: Record<string, string | number>;
}

export async function releaseId(inputs: ReleaseInputs): Promise<string> {
  const h = createHash('sha256');
  h.update(JSON.stringify(Object.entries(inputs.settings).sort()));
  for (const code of inputs.regions.map((r) => r.code).sort()) {
    const dir = join(inputs.dataDir, code);
    const files = (await readdir(dir, { withFileTypes: true })).filter((e) => e.isFile()).map((e) => e.name).sort();
    for (const name of files) {
      h.update(`\0${code}/${name}\0`);
      for await (const chunk of createReadStream(join(dir, name))) h.update(chunk as Buffer);
    }
  }
  const newest = inputs.regions.map((r) => r.wilayah.tanggal_ekspor).sort().at(-1) ?? '0000-00-00';
  return `${newest}-${h.digest('hex').slice(0, 8)}`;
}
