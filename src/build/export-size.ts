/**
 * What an export's size decides about how it is built. Up to LARGE_EXPORT_BYTES a build is bound
 * by time (a `--since` build must take at most 15 % of a full one), above it by memory (4 GB at
 * 500 regions, whose export is about 1.8 GB; 50 sample regions are 190 MB):
 * - the national pages' renderer starts before the data are made only below it (render.ts,
 *   rendersEarly): it waits beside the data half, which at 500 regions takes 3.3 GB alone;
 * - malloc gives back what a build's processes free only above it (scripts/run.mjs,
 *   `MALLOC_MMAP_THRESHOLD_`): below, a 50-region build took 1.6 times as long with it.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const LARGE_EXPORT_BYTES = 400_000_000;

/**
 * The export in `dataDir`: its region folders (the folders in it, but hidden ones), and whether
 * their files (nothing deeper) hold more than LARGE_EXPORT_BYTES; counting stops once past, so a
 * large export's regions are counted only that far. Null where the folder cannot be read: the
 * build's validation says what is wrong with it.
 */
export function exportSize(dataDir: string): { regions: number; large: boolean } | null {
  try {
    let bytes = 0;
    let regions = 0;
    for (const e of readdirSync(dataDir, { withFileTypes: true })) {
      if (!e.isDirectory() || e.name.startsWith('.')) continue;
      regions++;
      for (const f of readdirSync(join(dataDir, e.name), { withFileTypes: true }))
        if (f.isFile()) bytes += statSync(join(dataDir, e.name, f.name)).size;
      if (bytes > LARGE_EXPORT_BYTES) return { regions, large: true };
    }
    return { regions, large: false };
  } catch {
    return null;
  }
}

/** Whether the export in `dataDir` is large (exportSize); null where it cannot be read. */
export const isLargeExport = (dataDir: string): boolean | null => exportSize(dataDir)?.large ?? null;
