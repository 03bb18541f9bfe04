/**
 * A release's identity: the date of the newest export it holds and a short hash of what it
 * publishes — every table's CSV (their sha256, as datapackage.json lists them) and the settings
 * that shaped them (`2026-01-15-3f9a1c07`). The same published tables give the same ID, so a
 * rebuild makes no new release; any changed figure, from new inputs or from a new version of
 * the code, gives a new one. Parquet files are left out: they are the CSVs in another format.
 */
import { createHash } from 'node:crypto';

export function releaseId(newestExport: string, csvHashes: readonly string[], settings: Record<string, string | number>): string {
  const h = createHash('sha256');
  h.update(JSON.stringify(Object.entries(settings).sort()));
  for (const hash of [...csvHashes].sort()) h.update(`\0${hash}`);
  return `${newestExport}-${h.digest('hex').slice(0, 8)}`;
}

/**
 * A region's data version (docs/incremental.md): the date of its export and a short hash of its
 * published rows (per table, the sha256 of the header and its rows, as its region file holds
 * them: src/publish/partitions.ts) and the settings, made exactly as a release ID is made. A
 * region's pages name this instead of the release, which any region's change changes; each
 * release lists the region versions it holds.
 */
export function regionVersion(exportDate: string, rowHashes: readonly string[], settings: Record<string, string | number>): string {
  return releaseId(exportDate, rowHashes, settings);
}
