/**
 * One of a build's page renderers (src/build/render.ts), started by the build, not by people:
 * renders the pages KT_PAGES names from the tables in KT_PUBLISHED_DIR (with the headlines
 * the file KT_HEADLINES names allows it to take: src/site/kept-headlines.ts) into OUT, and writes the
 * list of files Astro wrote and its peak memory to LIST (JSON). With KT_RENDER_TOLD=1 (a renderer
 * started early: EarlyRenderer) it is told the tables and pages through its IPC channel instead,
 * once the build has made them, and bundles the code meanwhile.
 *
 *   KT_PUBLISHED_DIR=… KT_PAGES=… node scripts/run.mjs render OUT LIST
 */
import { writeFile } from 'node:fs/promises';
import { renderPages, TOLD_ENV, type Rendered, type RenderInput } from '../src/build/render.ts';
import { pageSet } from '../src/site/page-set.ts';
import { HEADLINES_ENV } from '../src/site/kept-headlines.ts';
import { READY } from '../src/build/child.ts';
import { runCli } from './cli.ts';

runCli(async () => {
  const [out, list] = process.argv.slice(2);
  const told = process.env[TOLD_ENV] === '1';
  const tables = process.env.KT_PUBLISHED_DIR;
  if (!out || !list || (!told && (!tables || !process.env.KT_PAGES))) {
    console.error('✗ render OUT LIST, dengan / with KT_PUBLISHED_DIR dan / and KT_PAGES (dijalankan oleh build / run by the build)');
    return 2;
  }
  // Started by a build, it stops with it (the channel closes when the build's process ends).
  process.on('disconnect', () => process.exit(1));
  let waiting: number | undefined;
  const input = told
    ? new Promise<RenderInput>((resolve) => {
        process.once('message', (m) => {
          waiting = process.resourceUsage().maxRSS;
          resolve(m as RenderInput);
        });
        // Said once it listens: a message sent before would be lost.
        process.send!(READY);
      })
    : { tables: tables!, pages: pageSet(), headlines: process.env[HEADLINES_ENV] || undefined };
  const files = await renderPages(out, input);
  const rendered: Rendered = { files, peak: process.resourceUsage().maxRSS, waiting };
  await writeFile(list, JSON.stringify(rendered));
  return 0;
});
