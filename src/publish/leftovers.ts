/** What a killed build leaves behind (staging, render and search-copy folders named by its pid), and when it may go. */
import { existsSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** Whether a process of this pid is running: a build's leftovers are removed only once it is not. */
export const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Removes each folder in `parent` whose name `pattern` matches with a pid (its first group) no longer running. */
export async function removeLeftovers(parent: string, pattern: RegExp): Promise<void> {
  for (const name of existsSync(parent) ? await readdir(parent) : []) {
    const m = pattern.exec(name);
    if (m && !isRunning(Number(m[1]))) await rm(join(parent, name), { recursive: true, force: true });
  }
}
