/** npm run validate -- --data <dir> [--json <file>]: checks an export against the contract. */
import { writeFile } from 'node:fs/promises';
import { validateExport } from '../src/validate/export.ts';
import { formatReport, reportJson } from '../src/validate/report.ts';
import { argValue, runCli } from './cli.ts';

runCli(async () => {
  const args = process.argv.slice(2);
  const dataDir = argValue(args, '--data') ?? process.env.DATA_DIR ?? 'data';
  const jsonPath = argValue(args, '--json');
  const t0 = performance.now();
  const result = await validateExport(dataDir);
  console.log(formatReport(result));
  const rows = result.regions.reduce((n, r) => n + r.files.reduce((m, f) => m + f.rows, 0), 0);
  console.log(`\n${result.regions.length} wilayah, ${rows} baris dibaca / rows read, ${((performance.now() - t0) / 1000).toFixed(2)} s`);
  if (jsonPath) await writeFile(jsonPath, JSON.stringify(reportJson(result), null, 2) + '\n');
  return result.ok ? 0 : 1;
});
