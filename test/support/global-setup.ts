/**
 * Builds the site once on the bundled sample data into tmp/test-site and serves it on
 * 127.0.0.1 for the browser and build tests (inject('siteDir'), inject('siteUrl')).
 */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from '../../src/pipeline.ts';
import { serveStatic } from './static-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    siteDir: string;
    siteUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const siteDir = resolve('tmp/test-site/dist');
  await rm(resolve('tmp/test-site'), { recursive: true, force: true });
  const result = await build({ dataDir: 'data', outDir: siteDir, log: () => {}, env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' } });
  if (!result.ok) throw new Error(`sample build failed:\n${result.message}`);
  const server = await serveStatic(siteDir);
  project.provide('siteDir', siteDir);
  project.provide('siteUrl', server.url);
  return async () => {
    await server.close();
  };
}
