/**
 * Downloads a published site's release archive (`<site>/data/rilis/`) into a folder that
 * `npm run build -- --arsip DIR` carries forward: for a CI job that starts from a clean clone
 * and must keep what the live site has already published. Every file a release's
 * datapackage.json lists is checked against the sha256 written there; a failed download or a
 * file that differs stops the job with a clear error, since a site published without its
 * history would break "nothing published disappears". A site with no archive yet (HTTP 404 on
 * the list) is a first publication: nothing to fetch.
 */
import { sha256 } from '../read/sha256.ts';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHANGES_FILE, notArchived, RELEASE_ID, RELEASE_INDEX, RELEASE_META, type ReleaseMeta } from './archive.ts';
import { RELEASES_DIR } from './paths.ts';

/** What a release folder may hold: names the archive itself writes, nothing with a path in it. */
const FILE = /^[a-z0-9_]+\.(csv|parquet|json)$/;

export class ArchiveFetchError extends Error {}

interface Resource {
  path?: string;
  hash?: string;
}

type Get = (url: string) => Promise<Response>;

async function bytesOf(get: Get, url: string): Promise<Buffer> {
  let res: Response;
  try {
    res = await get(url);
  } catch (e) {
    throw new ArchiveFetchError(`${url}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!res.ok) throw new ArchiveFetchError(`${url}: HTTP ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}

export async function fetchArchive(siteUrl: string, into: string, get: Get = fetch): Promise<{ releases: number; files: number }> {
  const base = `${siteUrl.replace(/\/+$/, '')}/data/${RELEASES_DIR}/`;
  const indexUrl = base + RELEASE_INDEX;
  let res: Response;
  try {
    res = await get(indexUrl);
  } catch (e) {
    throw new ArchiveFetchError(`${indexUrl}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (res.status === 404) return { releases: 0, files: 0 };
  if (!res.ok) throw new ArchiveFetchError(`${indexUrl}: HTTP ${res.status}`);
  const indexText = Buffer.from(await res.arrayBuffer());
  const releases = (JSON.parse(indexText.toString('utf8')) as { rilis?: ReleaseMeta[] }).rilis ?? [];
  let files = 0;
  for (const { id } of releases) {
    if (!RELEASE_ID.test(id)) throw new ArchiveFetchError(`${indexUrl}: not a release id: ${JSON.stringify(id)}`);
    const dir = join(into, id);
    await mkdir(dir, { recursive: true });
    const save = async (name: string, bytes: Buffer) => {
      await writeFile(join(dir, name), bytes);
      files++;
    };
    const pkgBytes = await bytesOf(get, `${base}${id}/datapackage.json`);
    await save('datapackage.json', pkgBytes);
    await save(RELEASE_META, await bytesOf(get, `${base}${id}/${RELEASE_META}`));
    await save(CHANGES_FILE, await bytesOf(get, `${base}${id}/${CHANGES_FILE}`));
    const resources = (JSON.parse(pkgBytes.toString('utf8')) as { resources?: Resource[] }).resources ?? [];
    for (const r of resources) {
      const name = r.path ?? '';
      // Survey microdata are never archived (archive.ts): listed, but not there to fetch.
      if (notArchived(name)) continue;
      if (!FILE.test(name)) throw new ArchiveFetchError(`${base}${id}/datapackage.json: not a file of a release: ${JSON.stringify(name)}`);
      const bytes = await bytesOf(get, `${base}${id}/${name}`);
      const want = r.hash?.replace(/^sha256:/, '');
      const got = sha256(bytes);
      if (want && want !== got) throw new ArchiveFetchError(`${base}${id}/${name}: sha256 ${got}, datapackage.json says ${want}`);
      await save(name, bytes);
    }
  }
  await writeFile(join(into, RELEASE_INDEX), indexText);
  return { releases: releases.length, files };
}
