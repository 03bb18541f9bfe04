/**
 * src/build/export-size.ts and what scripts/run.mjs does with it: only the build of a large
 * export runs where malloc maps each allocation of 8 KiB or more (MALLOC_MMAP_THRESHOLD_).
 */
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { isLargeExport, LARGE_EXPORT_BYTES } from '../../src/build/export-size.ts';
import { setsMmapThreshold } from '../../scripts/build-memory.ts';
import { tempDirEach } from '../support/temp-dir.ts';

const tmp = tempDirEach('kt-export-size-');

/** An export of `regions` region folders whose survey file has `bytes` bytes (sparse), beside files and folders that are no region. */
async function exportOf(name: string, regions: number, bytes: number): Promise<string> {
  const dir = join(tmp.dir, name);
  for (let i = 0; i < regions; i++) {
    await mkdir(join(dir, `w${i}`), { recursive: true });
    await writeFile(join(dir, `w${i}`, 'skm.csv'), '');
    await truncate(join(dir, `w${i}`, 'skm.csv'), bytes);
  }
  // Neither counts: a file beside the regions, and a hidden folder.
  await mkdir(join(dir, '.git'), { recursive: true });
  await writeFile(join(dir, 'README.txt'), '');
  await truncate(join(dir, 'README.txt'), LARGE_EXPORT_BYTES);
  await writeFile(join(dir, '.git', 'pack'), '');
  await truncate(join(dir, '.git', 'pack'), LARGE_EXPORT_BYTES);
  return dir;
}

describe('isLargeExport', () => {
  test('counts the bytes of every region folder’s files, past LARGE_EXPORT_BYTES only', async () => {
    expect(isLargeExport(await exportOf('kecil', 2, LARGE_EXPORT_BYTES / 2))).toBe(false);
    expect(isLargeExport(await exportOf('besar', 2, LARGE_EXPORT_BYTES / 2 + 1))).toBe(true);
    expect(isLargeExport(join(tmp.dir, 'tidak-ada'))).toBeNull();
  });

  test('a build asks of the export it reads: --data, else DATA_DIR, else data/ (the sample: not large)', async () => {
    const big = await exportOf('besar', 1, LARGE_EXPORT_BYTES + 1);
    const small = await exportOf('kecil', 1, 10);
    expect(setsMmapThreshold(['--data', big, '--out', 'x'], {})).toBe(true);
    expect(setsMmapThreshold([`--data=${big}`], {})).toBe(true);
    expect(setsMmapThreshold(['--data', small], { DATA_DIR: big })).toBe(false);
    expect(setsMmapThreshold([], { DATA_DIR: big })).toBe(true);
    expect(setsMmapThreshold([], {})).toBe(false);
    expect(setsMmapThreshold(['--data', join(tmp.dir, 'tidak-ada')], {})).toBe(false);
  });

  test.runIf(process.platform === 'linux')(
    'node scripts/run.mjs build starts one build process, with MALLOC_MMAP_THRESHOLD_ for a large export only',
    async () => {
      // Each build process (KT_BUILD_CHILD) writes a line of what it was started with; a second
      // one (run.mjs starting itself again) writes its line and stops. `--shard` without `--out`
      // makes the build stop at once (exit 1), before any work.
      const said = join(tmp.dir, 'env.txt');
      const preload = join(tmp.dir, 'preload.mjs');
      await writeFile(
        preload,
        `import { appendFileSync, existsSync } from 'node:fs';
if (process.env.KT_BUILD_CHILD === '1') {
  const again = existsSync(${JSON.stringify(said)});
  appendFileSync(${JSON.stringify(said)}, (process.env.MALLOC_MMAP_THRESHOLD_ ?? 'none') + '\\n');
  if (again) process.exit(3);
}`,
      );
      const startedWith = async (data: string) => {
        await rm(said, { force: true });
        const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--import=${pathToFileURL(preload).href}` };
        delete env.MALLOC_MMAP_THRESHOLD_;
        const run = spawnSync(process.execPath, ['scripts/run.mjs', 'build', '--data', data, '--shard', '1/2'], { env, timeout: 60_000 });
        expect(run.status).toBe(1);
        return readFile(said, 'utf8');
      };
      expect(await startedWith(await exportOf('besar', 1, LARGE_EXPORT_BYTES + 1))).toBe('8192\n');
      expect(await startedWith(await exportOf('kecil', 1, 10))).toBe('none\n');
    },
  );
});
