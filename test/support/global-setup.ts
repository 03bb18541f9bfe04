/**
 * Builds the site once on the bundled sample data into a temporary folder and serves it on
 * 127.0.0.1 for the browser and build tests (inject('siteDir'), inject('siteUrl'), and the parts
 * of its downloads it kept: inject('partDir'); its regions' headlines: inject('headlinesDir')).
 */
import { spawnSync } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteUrl: string;
    partDir: string;
    headlinesDir: string;
  }
}

/**
 * The public address the test site is built for (KT_SITE_URL), as a publishing workflow sets it:
 * citations and printed slides then carry absolute links. Every build compared with this site
 * byte for byte uses it too; a site built without one is hostile-data.test.ts's.
 */
export const SITE_URL = 'https://kinerja.example';

export default async function setup(project: TestProject) {
  // One folder per run, so that two runs at once never collide; outside the repository, where
  // Astro's file watcher in this process would follow its thousands of files into EMFILE.
  const runDir = mkdtempSync(join(tmpdir(), 'kt-test-site-'));
  const siteDir = join(runDir, 'dist');
  // The downloads' parts the site kept (KT_PART_DIR), this run's own: a build that takes them
  // (second-publication.test.ts) finds those, not the parts a run before it kept.
  const partDir = join(runDir, 'bagian');
  // Its regions' headlines (KT_HEADLINES_DIR), kept apart from what other builds of this run prune.
  const headlinesDir = join(runDir, 'kop');
  // The real CLI in its own process: exactly what `npm run build` does, and Astro runs
  // outside Vitest's module graph (under Astro's Vite plugin, import('astro') is the page runtime).
  const result = spawnSync(process.execPath, ['scripts/run.mjs', 'build', '--data', 'data', '--out', siteDir], {
    encoding: 'utf8',
    env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', KT_SITE_URL: SITE_URL, KT_PART_DIR: partDir, KT_HEADLINES_DIR: headlinesDir },
  });
  if (result.status !== 0) throw new Error(`sample build failed:\n${result.stdout}\n${result.stderr}`);
  const server = await serveStatic(siteDir);
  project.provide('siteDir', siteDir);
  project.provide('siteUrl', server.url);
  project.provide('partDir', partDir);
  project.provide('headlinesDir', headlinesDir);
  return async () => {
    await server.close();
    await rm(runDir, { recursive: true, force: true });
  };
}
