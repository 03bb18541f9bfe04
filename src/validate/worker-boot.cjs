// A worker thread's entry. slice-worker.ts and all it imports load as one CommonJS file, bundled
// by esbuild (which tsx brings along) and kept in node_modules/.cache until one of its sources
// changes: about 35 ms, against 110 ms to load each module through tsx's require hook. When the
// bundle cannot be had, the modules load through that hook, in the thread itself: tsx's import
// hooks would start a thread of their own for each worker (several hundred milliseconds before
// the first row is read).
const { createHash } = require('node:crypto');
const { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const { threadId, workerData } = require('node:worker_threads');

let bundle = null;
try {
  bundle = bundled(workerData.entry);
} catch {
  // no esbuild, no room to write the cache, a build error: the require hook does it
}
if (bundle) require(bundle);
else {
  require('tsx/cjs/api').register();
  require(workerData.entry);
}

/** The bundle of `entry`, built unless the cached one was built from the same sources. */
function bundled(entry) {
  const root = join(dirname(entry), '..', '..'); // entry: <root>/src/validate/slice-worker.ts
  const cache = join(root, 'node_modules', '.cache', 'kinerja-terbuka');
  const name = relative(root, entry).replace(/[^A-Za-z0-9]+/g, '-');
  const metaPath = join(cache, `${name}.json`);
  let previous = null;
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8'));
    if (meta.entry === entry && meta.hash === hashOf(root, meta.inputs)) return join(cache, meta.bundle);
    previous = meta.bundle;
  } catch {
    // not built yet, or unreadable: build it
  }
  const result = require('esbuild').buildSync({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: `node${process.versions.node.split('.')[0]}`,
    // As tsx compiles them: function and class names kept.
    keepNames: true,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const hash = hashOf(root, inputs);
  const bundle = `${name}-${hash.slice(0, 16)}.cjs`;
  mkdirSync(cache, { recursive: true });
  // Written under a name of its own, then renamed: another process reading the cache never
  // sees half a file.
  const tmp = `.${process.pid}-${threadId}-${Date.now()}`;
  writeFileSync(join(cache, bundle + tmp), result.outputFiles[0].contents);
  renameSync(join(cache, bundle + tmp), join(cache, bundle));
  writeFileSync(metaPath + tmp, JSON.stringify({ entry, hash, inputs, bundle }));
  renameSync(metaPath + tmp, metaPath);
  if (previous && previous !== bundle) rmSync(join(cache, previous), { force: true });
  return join(cache, bundle);
}

/** One hash of the contents of the files the bundle was built from. */
function hashOf(root, inputs) {
  const h = createHash('sha256');
  for (const file of inputs) {
    h.update(file);
    h.update('\0');
    h.update(readFileSync(join(root, file)));
    h.update('\0');
  }
  return h.digest('hex');
}
