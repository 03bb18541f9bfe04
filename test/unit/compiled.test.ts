/**
 * The commands and the slice worker run as JavaScript compiled ahead of time (scripts/compile.mjs,
 * issue #14), never compiled at run time: the worker in .build/ is today's code and reads a slice
 * exactly as readSlice does here from the source, and `npm run validate` starts no TypeScript compiler.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtinModules } from 'node:module';
import { Worker } from 'node:worker_threads';
import { describe, expect, test } from 'vitest';
import { isStale } from '../../scripts/compile.mjs';
import { planSlices, SLICE_WORKER } from '../../src/validate/fast/parallel.ts';
import { readSlice } from '../../src/validate/fast/slice-worker.ts';
import type { SliceJob, SliceMessage, SliceResult, SliceTask } from '../../src/validate/fast/types.ts';

const CSV = 'data/jayapura/skm.csv';
const BUILTINS = new Set(builtinModules);

function tasksOf(path: string): SliceTask[] {
  const bytes = readFileSync(path);
  const shared = new SharedArrayBuffer(bytes.length);
  Buffer.from(shared).set(bytes);
  const plan = planSlices(Buffer.from(shared), 2)!;
  const units = readFileSync(join(path, '..', 'unit.csv'), 'utf8')
    .split('\n')
    .slice(1)
    .map((l) => l.split(',')[0])
    .filter(Boolean);
  return plan.slices.map(([start, end]) => ({
    region: 'jayapura',
    file: 'skm.csv',
    buffer: shared,
    start,
    end,
    dialect: plan.dialect,
    newline: plan.newline,
    header: plan.header,
    headerRow: plan.headerRow,
    unitCodes: units,
  }));
}

/** Every slice of the job, read by the compiled worker alone. */
function readInWorker(tasks: SliceTask[]): Promise<SliceResult[]> {
  const worker = new Worker(SLICE_WORKER, { execArgv: [] });
  const job: SliceJob = { id: 1, tasks, next: new Int32Array(new SharedArrayBuffer(4)) };
  const results: SliceResult[] = [];
  return new Promise<SliceResult[]>((resolve, reject) => {
    worker.on('error', reject);
    worker.on('message', (m: SliceMessage) => {
      if ('error' in m) return reject(new Error(m.error));
      results[m.s] = m.result;
      if (results.filter(Boolean).length === tasks.length) resolve(results);
    });
    worker.postMessage(job);
  }).finally(() => worker.terminate());
}

describe('compiled ahead of time', () => {
  test('the bundles in .build/ are newer than every source they were built from', () => {
    expect(isStale()).toBe(false);
  });

  test('the compiled slice worker reads a slice as the source does', async () => {
    const tasks = tasksOf(CSV);
    expect(tasks.length).toBeGreaterThan(1);
    const fromWorker = await readInWorker(tasks);
    expect(fromWorker.reduce((n, r) => n + r.fastRows, 0)).toBeGreaterThan(0);
    // The same records, issues, keys and private values as the TypeScript read here.
    expect(fromWorker).toEqual(tasks.map((t) => readSlice(t)));
  });

  test('npm run validate and friends run the compiled commands, which load nothing but Node’s own modules', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    for (const name of ['validate', 'build', 'sample', 'preview', 'arsip']) expect(pkg.scripts[name]).toBe(`node scripts/run.mjs ${name}`);
    expect(pkg.scripts.prepare).toBe('node scripts/compile.mjs');
    // No TypeScript loader, no compiler: every import left in the bundles is one of Node's.
    for (const name of ['validate', 'sample', 'preview', 'arsip', 'slice-worker']) {
      const bundle = readFileSync(join('.build', `${name}.mjs`), 'utf8');
      const imported = [...bundle.matchAll(/^import\b[^'"]*?from\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/gm)].map(
        (m) => m[1] ?? m[2],
      );
      expect(imported.length).toBeGreaterThan(0);
      expect(
        imported.filter((m) => !m.startsWith('node:') && !BUILTINS.has(m)),
        name,
      ).toEqual([]);
    }
  });
});
