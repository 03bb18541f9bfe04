/** npm run build: validate → derive → publish → pages, into dist/ (DATA_DIR or --data). */
import { build } from '../src/pipeline.ts';
import { argValue, runCli } from './cli.ts';

runCli(async () => {
  const args = process.argv.slice(2);
  const dataDir = argValue(args, '--data') ?? process.env.DATA_DIR ?? 'data';
  const outDir = argValue(args, '--out') ?? 'dist';
  const t0 = performance.now();
  // Earlier releases to carry forward, from a previous site (a CI job starting from a clean clone).
  const archiveDir = argValue(args, '--arsip') ?? process.env.KT_ARSIP;
  const result = await build({ dataDir, outDir, archiveDir, pages: !args.includes('--no-pages') });
  console.log(result.message);
  console.log(`waktu / timings (ms): ${JSON.stringify({ ...result.timings, total: Math.round(performance.now() - t0) })}`);
  return result.ok ? 0 : 1;
});
