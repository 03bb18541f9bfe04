/**
 * A build's data half in a process of its own (src/build/data-half.ts), started by the build,
 * not by people: reads its input from ASK, writes its answer to ANSWER (beside the site, never
 * in it) and the private values the gate looks for to its descriptor 4, a file of the build's.
 *
 *   node scripts/run.mjs data-half ASK ANSWER   (with descriptor 4 open)
 */
import { answerData } from '../src/build/data-half.ts';
import { runCli } from './cli.ts';

runCli(async () => {
  const [ask, answer] = process.argv.slice(2);
  if (!ask || !answer) {
    console.error('✗ data-half ASK ANSWER (dijalankan oleh build / run by the build)');
    return 2;
  }
  // Started by a build, it stops with it (the channel closes when the build's process ends).
  process.on('disconnect', () => process.exit(1));
  await answerData(ask, answer, 4);
  return 0;
});
