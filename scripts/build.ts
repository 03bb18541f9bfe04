/**
 * npm run build: validate → derive → publish → pages, into dist/ (DATA_DIR or --data).
 *   --arsip DIR        earlier releases to carry forward, from a previous site (KT_ARSIP)
 *   --shard K/N        only the pages of the K-th of N region groups, into --out, for a merge
 *   --merge DIR…       the national pages joined with the shard outputs DIR… into one site
 *   --since DIR        reuse the pages of regions unchanged since the site in DIR (usually dist)
 */
import { build } from '../src/pipeline.ts';
import { ShardError, parseShard, type Shard } from '../src/build/shards.ts';
import { argValue, argValues, dataDirOf, runCli } from './cli.ts';
import { peakBound } from '../src/build/peak-bound.ts';

runCli(async () => {
  const args = process.argv.slice(2);
  const dataDir = dataDirOf(args);
  const outDir = argValue(args, '--out') ?? 'dist';
  const t0 = performance.now();
  // Earlier releases to carry forward, from a previous site (a CI job starting from a clean clone).
  const archiveDir = argValue(args, '--arsip') ?? process.env.KT_ARSIP;
  const shardArg = argValue(args, '--shard');
  const merge = argValues(args, '--merge');
  if (shardArg !== undefined && merge !== undefined) {
    console.error(
      '✗ --shard dan --merge dipakai terpisah: bangun bagian-bagian dulu, lalu gabungkan / --shard and --merge are separate runs: build the shards, then merge them',
    );
    return 1;
  }
  if (shardArg !== undefined && argValue(args, '--out') === undefined) {
    console.error(
      '✗ --shard perlu --out: keluarannya halaman untuk --merge, bukan situs / --shard needs --out: its output is pages for --merge, not a site',
    );
    return 1;
  }
  if (merge !== undefined && merge.length === 0) {
    console.error('✗ --merge perlu folder keluaran --shard / --merge needs the --shard output folders');
    return 1;
  }
  const since = argValue(args, '--since');
  if (since !== undefined && (since === '' || since.startsWith('--'))) {
    console.error(
      '✗ --since perlu folder situs sebelumnya, misalnya --since dist / --since needs the previous site’s folder, e.g. --since dist',
    );
    return 1;
  }
  let shard: Shard | undefined;
  try {
    shard = shardArg === undefined ? undefined : parseShard(shardArg);
  } catch (e) {
    if (!(e instanceof ShardError)) throw e;
    console.error(`✗ ${e.message}`);
    return 1;
  }
  const result = await build({ dataDir, outDir, archiveDir, shard, merge, since, pages: !args.includes('--no-pages'), dataApart: true });
  console.log(result.message);
  console.log(`waktu / timings (ms): ${JSON.stringify({ ...result.timings, total: Math.round(performance.now() - t0) })}`);
  // The CPU of each phase: what the build costs, whatever else the machine runs.
  if (result.cpu) console.log(`cpu (ms): ${JSON.stringify(result.cpu)}`);
  // Where this process's memory peaked: the phase at whose end the figure rose.
  if (result.peaks)
    console.log(`memori puncak sampai akhir tahap / peak memory by the end of each phase (MiB): ${JSON.stringify(result.peaks)}`);
  const { dataPeak, nationalPeak, searchPeak, renderersPeak } = result;
  if ((renderersPeak?.length ?? 0) > 0 || dataPeak !== undefined || nationalPeak !== undefined) {
    const bound = peakBound({
      own: process.resourceUsage().maxRSS,
      ownBy: result.peaks,
      renderers: renderersPeak,
      national: nationalPeak,
      data: dataPeak,
      search: searchPeak,
    });
    console.log(`memori puncak / peak memory (MiB): ${bound.words}`);
  }
  return result.ok ? 0 : 1;
});
