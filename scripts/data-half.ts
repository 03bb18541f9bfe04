/**
 * A build's data half in a process of its own (src/build/data-half.ts), started by the build,
 * not by people: reads its input from ASK, writes its answer to ANSWER and the private values
 * the gate looks for to VALUES (both beside the site, never in it).
 *
 *   node scripts/run.mjs data-half ASK ANSWER VALUES
 */
import { answerData } from '../src/build/data-half.ts';
import { runCli } from './cli.ts';

runCli(async () => {
  const [ask, answer, values] = process.argv.slice(2);
  if (!ask || !answer || !values) {
    console.error('✗ data-half ASK ANSWER VALUES (dijalankan oleh build / run by the build)');
    return 2;
  }
  // Started by a build, it stops with it (the channel closes when the build's process ends).
  process.on('disconnect', () => process.exit(1));
  await answerData(ask, answer, values);
  return 0;
});
