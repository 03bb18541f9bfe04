/** The peak memory of a process the build starts but cannot ask (src/publish/process-peak.ts). */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { expect, test } from 'vitest';
import { watchPeak } from '../../src/publish/process-peak.ts';

/** Runs `code` in a new Node process, watched; the peak it reports once the process ended. */
function watched(code: string): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: 'ignore' });
    const watch = watchPeak(child.pid!);
    child.on('error', reject);
    child.on('close', (status) => (status === 0 ? resolve(watch.stop()) : reject(new Error(`exit ${status}`))));
  });
}

/** Holds `mib` MiB, written so that the pages are resident, for a second. */
const holds = (mib: number) => `const b = Buffer.alloc(${mib} * 2 ** 20, 1); setTimeout(() => b.length, 1000);`;

test.runIf(existsSync('/proc/self/status'))('a watched process’s peak memory is read from /proc, its children’s added to it', async () => {
  const MiB = 1024;
  const alone = await watched(holds(300));
  expect(alone).toBeGreaterThan(300 * MiB);
  expect(alone).toBeLessThan(600 * MiB);
  // A process that waits for a child of its own, as Pagefind's command waits for its binary.
  const nested = await watched(
    `require('node:child_process').spawnSync(process.execPath, ['-e', ${JSON.stringify(holds(300))}], { stdio: 'ignore' });`,
  );
  expect(nested).toBeGreaterThan(300 * MiB);
});

test('a process that cannot be read has no peak: unknown, not zero', () => {
  // No process has this number (Linux's pid_max is at most 2^22).
  const watch = watchPeak(2 ** 30);
  expect(watch.stop()).toBeNull();
});
