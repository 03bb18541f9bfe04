/**
 * The commands and the slice worker as compiled JavaScript in .build/ (issue #14): `npm run
 * validate` and friends then start in Node at once, with no TypeScript compiler loaded at run time.
 *
 *   node scripts/compile.mjs              build every bundle (npm's prepare step: npm ci, npm install)
 *   node scripts/compile.mjs --if-stale   only when a source is newer than the bundles (scripts/run.mjs, the tests)
 *
 * Plain JavaScript, so that it runs before anything is compiled; esbuild comes with Astro (Vite).
 */
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, '.build');
/** What was built, from which sources (their paths from the root), and when. */
const META = join(OUT, 'meta.json');

/**
 * Each command, the worker thread that reads slices of large files (src/validate/fast/
 * parallel.ts starts it from .build/slice-worker.mjs, beside the commands) and the privacy gate's.
 * `external`: the build leaves its packages to Node (Astro loads its own runtime, DuckDB is native);
 * the others carry theirs, one file to load.
 */
export const ENTRIES = {
  validate: { src: 'scripts/validate.ts' },
  build: { src: 'scripts/build.ts', external: true },
  sample: { src: 'scripts/sample.ts' },
  preview: { src: 'scripts/preview.ts' },
  arsip: { src: 'scripts/arsip.ts' },
  render: { src: 'scripts/render.ts', external: true },
  'data-half': { src: 'scripts/data-half.ts', external: true },
  'slice-worker': { src: 'src/validate/fast/slice-worker.ts' },
  // The privacy gate's threads (src/publish/gate-threads.ts); DuckDB reads the Parquet files there.
  'gate-worker': { src: 'src/publish/gate-worker.ts', external: true },
  // Not a command: what scripts/run.mjs asks before it starts a build's process.
  'build-memory': { src: 'scripts/build-memory.ts' },
};

/** Whether any bundle is missing or older than one of its sources (or than the installed packages). */
export function isStale() {
  let meta;
  try {
    meta = JSON.parse(readFileSync(META, 'utf8'));
  } catch {
    return true;
  }
  if (Object.keys(ENTRIES).some((name) => !meta.outputs.includes(`${name}.mjs`))) return true;
  try {
    for (const file of meta.inputs) if (statSync(join(ROOT, file)).mtimeMs > meta.builtAt) return true;
    return statSync(join(ROOT, 'package-lock.json')).mtimeMs > meta.builtAt;
  } catch {
    return true; // a source gone or moved: build again, and esbuild says what is missing
  }
}

/**
 * Zod re-exports its 60-odd locales as `z.locales` (`export * as`), which a bundler cannot leave
 * out, though only English, its default, is ever used here: 358 KB of the ~1 MB that `npm run
 * validate` and the slice worker each load and compile at every start (a worker's start-up: 15 %
 * less CPU). In the bundles made here `z.locales` holds English alone.
 */
const englishZodOnly = {
  name: 'english-zod-only',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core)$/.test(args.resolveDir)
        ? { path: join(args.resolveDir, '../locales/index.js'), namespace: 'zod-en' }
        : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'zod-en' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};`,
      resolveDir: dirname(args.path),
    }));
  },
};

export async function compile() {
  const { build } = await import('esbuild');
  // The time before reading the sources: one saved while building counts as newer.
  const builtAt = Date.now();
  // Names of this call's own: two compiles at once (two commands, two test projects) never share a folder.
  const own = `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const stage = `${OUT}.${own}`;
  rmSync(stage, { recursive: true, force: true });
  const inputs = new Set();
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'warning',
    plugins: [englishZodOnly],
    // A CommonJS package inside an ES module bundle (PapaParse) may require Node's own modules.
    banner: { js: "import { createRequire as __ktRequire } from 'node:module'; const require = __ktRequire(import.meta.url);" },
  };
  await Promise.all(
    Object.entries(ENTRIES).map(async ([name, entry]) => {
      const result = await build({
        ...common,
        entryPoints: [entry.src],
        outfile: join(stage, `${name}.mjs`),
        packages: entry.external ? 'external' : undefined,
      });
      for (const input of Object.keys(result.metafile.inputs)) inputs.add(input);
    }),
  );
  const meta = {
    builtAt,
    outputs: Object.keys(ENTRIES).map((n) => `${n}.mjs`),
    // Files of the repository only (a package changes with package-lock.json; zod-en: is made here),
    // and this script: a change to how the bundles are made makes them anew.
    inputs: [...[...inputs].filter((i) => !i.startsWith('node_modules/') && !i.startsWith('zod-en:')), 'scripts/compile.mjs'].sort(),
  };
  writeFileSync(join(stage, 'meta.json'), JSON.stringify(meta, null, 1) + '\n');
  // Swapped in whole: a command starting meanwhile finds the old bundles or the new, never half of each.
  const old = `${OUT}.old.${own}`;
  try {
    renameSync(OUT, old);
  } catch {
    // none yet
  }
  try {
    renameSync(stage, OUT);
  } catch {
    rmSync(stage, { recursive: true, force: true }); // another compile swapped its own in first: as fresh
  }
  rmSync(old, { recursive: true, force: true });
}

if (process.argv[1] && relative(process.argv[1], fileURLToPath(import.meta.url)) === '') {
  const ifStale = process.argv.includes('--if-stale');
  if (!ifStale || isStale()) {
    const t = performance.now();
    await compile();
    console.error(`.build/ ${Object.keys(ENTRIES).join(', ')}: ${Math.round(performance.now() - t)} ms`);
  }
}
