/**
 * The cost of a unit page's build-time questions (src/site/run-sql.ts) over a published folder:
 * through a view over the CSV, parsed again for every question, or from a table read once.
 *
 *   npx tsx scripts/bench/build-sql.ts dist/data      prints ms per unit (20 units sampled)
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableByName } from '../../src/contract/published.ts';
import { readCsvSql } from '../../src/queries/published-views.ts';
import { unitIndicatorsSql, unitIndicatorYearsSql } from '../../src/queries/unit-charts.ts';

const dir = process.argv[2] ?? join('dist', 'data');
const csv = join(dir, 'capaian_iku.csv');
const lines = readFileSync(csv, 'utf8').trim().split('\n').slice(1);
const units = [...new Set(lines.map((l) => l.split(',').slice(0, 2).join(',')))].map((u) => u.split(','));
const sampled = units.filter((_, i) => i % Math.ceil(units.length / 20) === 0).slice(0, 20);
for (const mode of ['VIEW', 'TABLE'] as const) {
  const db = await DuckDBInstance.create(':memory:', { threads: '1' });
  const conn = await db.connect();
  const t0 = performance.now();
  await conn.run(`CREATE ${mode} capaian_iku AS SELECT * FROM ${readCsvSql(csv, tableByName('capaian_iku')!)}`);
  const t1 = performance.now();
  for (const [kode, unit] of sampled) {
    await conn.runAndReadAll(unitIndicatorYearsSql(kode, unit));
    await conn.runAndReadAll(unitIndicatorsSql({ kode, unit, tahun: '' }));
  }
  const perUnit = (performance.now() - t1) / sampled.length;
  console.log(`${mode.toLowerCase()}: made in ${Math.round(t1 - t0)} ms; ${perUnit.toFixed(1)} ms a unit (${units.length} units)`);
  conn.closeSync();
}
