/**
 * The "direvisi" mark: a page figure whose published cell changed since the previous release
 * (what that release's perubahan.csv lists: IKM per unit, per region and period, capaian per
 * indicator, predikat counts) links to its line on the release page, by the line's key (every
 * line has its anchor): whether a region's figure is marked, and where it links, depend on that
 * region's rows now and in the previous release alone, never on the other regions' revisions.
 * Build time only: it reads the current release's perubahan.csv once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { PublishedRow, TableName } from '../contract/published.ts';
import { CHANGES_FILE } from '../release/archive.ts';
import { revisionAnchor, revisionOf, type Revision } from '../release/changes.ts';
import { RELEASES_DIR, releasePath } from '../release/paths.ts';
import { publishedDir, readPublishedJson } from './published.ts';
import { markRevisions } from '../charts/chart.ts';
import { rawCell } from '../charts/row.ts';

let cached: { dir: string; release: string; anchors: Set<string> } | undefined;

function revisions(): typeof cached {
  const dir = publishedDir();
  if (cached?.dir === dir) return cached;
  // The release is datapackage.json's version; rows read outside a build (unit tests) have none.
  const release = readPublishedJson<{ version?: string }>('datapackage.json')?.version;
  const path = release && join(dir, RELEASES_DIR, release, CHANGES_FILE);
  const rows =
    path && existsSync(path) ? Papa.parse<Revision>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true }).data : [];
  cached = { dir, release: release ?? '', anchors: new Set(rows.map(revisionAnchor)) };
  return cached;
}

/** The site path of a revised cell's line on its release page, or undefined. */
export function revisedPath(table: TableName, row: PublishedRow, col: string): string | undefined {
  const r = revisions()!;
  if (r.anchors.size === 0) return undefined;
  const anchor = revisionAnchor(revisionOf(table, (c) => rawCell(row, c), col));
  return r.anchors.has(anchor) ? `${releasePath(r.release)}#${anchor}` : undefined;
}

/**
 * Lets every cell a page prints through pubCell carry its mark: charts/chart.ts, browser-safe,
 * has no file access and asks the lookup given here. Called once where the model is set up (model.ts).
 */
export function installRevisionMarks(): void {
  markRevisions(revisedPath);
}
