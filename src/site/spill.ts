/**
 * What a renderer must keep to the end of its build but need not hold (issue #13): the CSV of
 * every chart, which Astro's CSV routes serve after every page; the answer to every SQL question,
 * which the second language's pages ask again; each region's packed charts. Held, the first two
 * were what a renderer's heap kept growing by at 500 regions (V8's sampling heap profiler,
 * session 26). They go to a spill file (src/read/spill-file.ts) beside the stage, so on the
 * output's disk rather than a /tmp that may be memory. All of it is published content, nothing private.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname } from 'node:path';
import { SpillFile } from '../read/spill-file.ts';
import { publishedDir } from './published.ts';

export type { Spilled } from '../read/spill-file.ts';

/** This process's spill, beside the stage whose tables it renders (the temporary folder when there is none). */
export const renderSpill = new SpillFile(() => {
  const stage = dirname(publishedDir());
  return existsSync(stage) ? stage : tmpdir();
});
