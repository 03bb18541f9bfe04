/**
 * Whether `node scripts/run.mjs build` runs the build where malloc gives back what it frees
 * (`MALLOC_MMAP_THRESHOLD_`): for a large export only (src/build/export-size.ts). Compiled beside
 * the commands (.build/build-memory.mjs) for run.mjs, which must know before the build's process
 * starts: glibc reads the setting as a process starts.
 */
import { isLargeExport } from '../src/build/export-size.ts';
import { dataDirOf } from './cli.ts';

export const setsMmapThreshold = (args: string[], env: NodeJS.ProcessEnv = process.env): boolean =>
  isLargeExport(dataDirOf(args, env)) === true;
