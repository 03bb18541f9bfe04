/**
 * npm run build: validate → derive → publish → pages, into dist/ (DATA_DIR or --data).
 *   --arsip DIR        earlier releases to carry forward, from a previous site (KT_ARSIP)
 *   --shard K/N        only the pages of the K-th of N region groups, into --out, for a merge
 *   --merge DIR…       the national pages joined with the shard outputs DIR… into one site
 *   --since DIR        reuse the pages of regions unchanged since the site in DIR (usually dist)
 */
import { build } from '../src/pipeline.ts';
import { ShardError, parseShard, type Shard } from '../src/build/shards.ts';
import { argValue, argValues, runCli } from './cli.ts';

runCli(async () => {
  const args = process.argv.slice(2);
  const dataDir = argValue(args, '--data') ?? process.env.DATA_DIR ?? 'data';
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
  // With other page renderers, the build's peak is at most this process's and theirs together
  // (each peak may come at another time); the data half's own process ran before them, and so did
  // the national pages' beside several renderers (else beside this one), and Pagefind's after them,
  // while this one waited, holding at most its own peak by the time each ended.
  const own = process.resourceUsage().maxRSS;
  const { dataPeak, nationalPeak, searchPeak } = result;
  const together = nationalPeak && !nationalPeak.alone ? nationalPeak.peak : undefined;
  const others = result.renderersPeak ?? [];
  if (others.length > 0 || dataPeak !== undefined || nationalPeak !== undefined) {
    const mib = (kib: number) => Math.round(kib / 1024);
    // The data process ended just before the phase `hand-over` did (this command always builds it apart: dataApart).
    const besideData = 1024 * (result.peaks?.['hand-over'] ?? 0);
    const most = Math.max(
      own + (together ?? 0) + others.reduce((a, b) => a + b, 0),
      (dataPeak ?? 0) + besideData,
      nationalPeak?.alone ? nationalPeak.peak + nationalPeak.beside : 0,
      searchPeak ? searchPeak + 1024 * (result.peaks?.['search-index'] ?? 0) : 0,
    );
    const parts = [
      `puncak proses ini / this process's peak ${mib(own)}`,
      ...(together === undefined ? [] : [`proses halaman nasional / the national pages' process ${mib(together)}`]),
      ...(others.length > 0 ? [`proses halaman lain / other page renderers ${others.map(mib).join(' + ')}`] : []),
    ].join(' + ');
    const before = [
      ...(dataPeak === undefined ? [] : [`proses data / the data process ${mib(dataPeak)}`]),
      ...(nationalPeak?.alone ? [`proses halaman nasional / the national pages' process ${mib(nationalPeak.peak)}`] : []),
    ];
    const ahead = before.length > 0 ? `; sebelumnya / before them: ${before.join(', ')}` : '';
    // Unknown where /proc is not (watchPeak): said, not counted as nothing.
    const search =
      searchPeak === undefined
        ? ''
        : searchPeak === null
          ? '; tanpa Pagefind, tidak terukur / Pagefind not counted, not measured'
          : `; sesudahnya / after them: Pagefind ${mib(searchPeak)}`;
    console.log(`memori puncak / peak memory (MiB): ${mib(most)} paling banyak / at most (${parts}${ahead}${search})`);
  }
  return result.ok ? 0 : 1;
});
