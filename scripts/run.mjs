/**
 * npm run validate | build | sample | preview: runs the command compiled in .build/
 * (scripts/compile.mjs, npm's prepare step), compiling it first only when a source changed since.
 *
 *   node scripts/run.mjs validate --data exports
 */
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { compile, ENTRIES, isStale, OUT } from './compile.mjs';

const name = process.argv[2];
// The workers are loaded by the validator and the build; `render` is started by the build with its own arguments.
const WORKERS = ['slice-worker', 'gate-worker'];
if (!name || !(name in ENTRIES) || WORKERS.includes(name)) {
  console.error(
    `usage: node scripts/run.mjs <${Object.keys(ENTRIES)
      .filter((n) => !WORKERS.includes(n) && n !== 'render')
      .join('|')}> [arguments]`,
  );
  process.exit(2);
}
// A safety net: a checkout or an edit after npm install would otherwise run yesterday's code.
if (isStale()) await compile();
if (process.env.KT_DEBUG) process.setSourceMapsEnabled(true);
// The command reads its own arguments from process.argv.slice(2).
process.argv.splice(2, 1);
await import(pathToFileURL(join(OUT, `${name}.mjs`)).href);
