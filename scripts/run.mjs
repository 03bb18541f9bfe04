/**
 * npm run validate | build | sample | preview: runs the command compiled in .build/
 * (scripts/compile.mjs, npm's prepare step), compiling it first only when a source changed since.
 *
 *   node scripts/run.mjs validate --data exports
 */
import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { compile, ENTRIES, isStale, OUT } from './compile.mjs';

const name = process.argv[2];
// Not commands: the workers are loaded by the validator and the build, build-memory by this script; `render` and `data-half` are started by the build with their own arguments.
const NOT_COMMANDS = ['slice-worker', 'gate-worker', 'build-memory'];
const STARTED_BY_BUILD = ['render', 'data-half'];
if (!name || !(name in ENTRIES) || NOT_COMMANDS.includes(name)) {
  console.error(
    `usage: node scripts/run.mjs <${Object.keys(ENTRIES)
      .filter((n) => !NOT_COMMANDS.includes(n) && !STARTED_BY_BUILD.includes(n))
      .join('|')}> [arguments]`,
  );
  process.exit(2);
}
// A safety net: a checkout or an edit after npm install would otherwise run yesterday's code.
if (isStale()) await compile();
/**
 * glibc's malloc keeps what a process freed in its heap, for the process's life: after validating
 * 500 regions, 2.0 GB of RSS held 30 MB of live data, and the pages and the privacy gate were
 * added on top. Allocations of 8 KiB or more mapped each on their own are given back when freed
 * (0.7 GB then). But each is then a system call and fresh pages: every process of a 50-region
 * build was slower so, a full build 765 s where it takes 467, a `--since` build 124 s where it
 * takes 78 (`npm run validate` alone 10.8 s against 4.9). So only the build of a large export
 * (src/build/export-size.ts: where memory, not time, binds) maps them. glibc reads the setting
 * as a process starts, so a build runs in a child that has it or not; its own processes inherit
 * it. Set MALLOC_MMAP_THRESHOLD_ yourself to run the build in this process (under a debugger,
 * say). The child stops when this process goes (its IPC channel).
 *
 * That child is also given a setting of V8's heap, which the build's own processes (data half,
 * renderers) inherit (not where the build runs in this process: another system, or
 * MALLOC_MMAP_THRESHOLD_ set): the young generation, where new objects are collected cheaply,
 * has semi-spaces of up to 64 MiB (16 by default). A page renderer's charts (linkedom's
 * documents, Plot's marks) outlived two small ones and were moved to the old generation, which
 * grew with garbage between its rarer collections. Drawing the embed charts of 263 regions at
 * 500 took 176 s at 3.0 GB; with 64 MiB, 106 s at 1.3 GB (with 128 MiB, 94 s at 1.5 GB). V8 sizes
 * the young generation as it starts; how fast the old one grows is set while pages render
 * (src/build/render.ts).
 */
const CHILD = 'KT_BUILD_CHILD';
const HEAP = ['--max-semi-space-size=64'];
if (name === 'build' && process.platform === 'linux' && process.env.MALLOC_MMAP_THRESHOLD_ === undefined && !process.env[CHILD]) {
  // Not the inspector's flags: its port is this process's.
  const flags = process.execArgv.filter((f) => !f.startsWith('--inspect'));
  // A setting given (as a flag, in NODE_OPTIONS, with - or _) stays; V8 refuses a semi-space with --max-heap-size and an old space.
  const given = [...flags, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)].map((f) => f.split('=')[0].replaceAll('_', '-'));
  for (const f of HEAP)
    if (!given.includes(f.split('=')[0]) && !(f.startsWith('--max-semi') && given.includes('--max-heap-size'))) flags.push(f);
  const { setsMmapThreshold } = await import(pathToFileURL(join(OUT, 'build-memory.mjs')).href);
  const mapped = setsMmapThreshold(process.argv.slice(3), process.env) ? { MALLOC_MMAP_THRESHOLD_: '8192' } : {};
  const child = spawn(process.execPath, [...flags, ...process.argv.slice(1)], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, ...mapped, [CHILD]: '1' },
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const [code, signal] = await new Promise((done) => {
    child.on('exit', (...end) => done(end));
    child.on('error', (e) => {
      console.error(`✗ Proses pembangun tidak bisa dimulai / the build's process could not start: ${e.message}`);
      done([2, null]);
    });
  });
  if (signal) {
    // Ended by a signal: so is this process, as a shell expects.
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
  }
  process.exit(code ?? 1);
}
if (name === 'build' && process.env[CHILD] && process.channel) {
  // Started by the lines above: ends with the process that started it; the channel alone keeps nothing alive.
  delete process.env[CHILD];
  process.on('disconnect', () => process.exit(1));
  process.channel.unref();
}
if (process.env.KT_DEBUG) process.setSourceMapsEnabled(true);
// The command reads its own arguments from process.argv.slice(2).
process.argv.splice(2, 1);
await import(pathToFileURL(join(OUT, `${name}.mjs`)).href);
