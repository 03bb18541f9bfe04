/** npm run validate -- --data <dir> [--json <file>]: checks an export against the contract. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { validateExport } from '../src/validate/export.ts';
import { formatReport, reportJsonText } from '../src/validate/report.ts';
import { argValue, dataDirOf, runCli } from './cli.ts';

runCli(async () => {
  const args = process.argv.slice(2);
  const dataDir = dataDirOf(args);
  const jsonPath = argValue(args, '--json');
  const t0 = performance.now();
  const result = await validateExport(dataDir);
  console.log(formatReport(result));
  const rows = result.regions.reduce((n, r) => n + r.files.reduce((m, f) => m + f.rows, 0), 0);
  console.log(`\n${result.regions.length} wilayah, ${rows} baris dibaca / rows read, ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  if (jsonPath) await writeJson(jsonPath, reportJsonText(result));
  return result.ok ? 0 : 1;
});

/** Writes the pieces as they come, waiting when the disk is behind. */
async function writeJson(path: string, pieces: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  let batch = '';
  for (const piece of pieces) {
    batch += piece;
    if (batch.length < 1 << 16) continue;
    if (!out.write(batch)) await once(out, 'drain');
    batch = '';
  }
  out.end(batch);
  await finished(out);
}
