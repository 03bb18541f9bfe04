/**
 * One of a build's page renderers (src/build/render.ts), started by the build, not by people:
 * renders the pages KT_PAGES names from the tables in KT_PUBLISHED_DIR into OUT, and writes the
 * list of files Astro wrote and its peak memory to LIST (JSON).
 *
 *   KT_PUBLISHED_DIR=… KT_PAGES=… node scripts/run.mjs render OUT LIST
 */
import { writeFile } from 'node:fs/promises';
import { renderPages, type Rendered } from '../src/build/render.ts';
import { pageSet } from '../src/site/page-set.ts';
import { runCli } from './cli.ts';

runCli(async () => {
  const [out, list] = process.argv.slice(2);
  const tables = process.env.KT_PUBLISHED_DIR;
  if (!out || !list || !tables || !process.env.KT_PAGES) {
    console.error('✗ render OUT LIST, dengan / with KT_PUBLISHED_DIR dan / and KT_PAGES (dijalankan oleh build / run by the build)');
    return 2;
  }
  // Started by a build, it stops with it (the channel closes when the build's process ends).
  process.on('disconnect', () => process.exit(1));
  const files = await renderPages(out, tables, pageSet());
  const rendered: Rendered = { files, peak: process.resourceUsage().maxRSS };
  await writeFile(list, JSON.stringify(rendered));
  return 0;
});
