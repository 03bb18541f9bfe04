/** src/site/run-sql.ts: each table a build-time question names is read into DuckDB once. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, test } from 'vitest';
import { tableByName } from '../../src/contract/published.ts';
import { runPublishedSql } from '../../src/site/run-sql.ts';
import { tempDirEach } from '../support/temp-dir.ts';

const header = (name: string) =>
  tableByName(name as 'unit')!
    .columns.map((c) => c.name)
    .join(',');

describe('runPublishedSql', () => {
  // A folder per test: connections and answers are kept by folder.
  const tmp = tempDirEach('kt-run-sql-');
  beforeEach(async () => {
    const row = (unit: string, ikm: number) => `alpha,${unit},2025-S1,120,,,,,,,,,,${ikm},,,B,Baik,100,ya`;
    await writeFile(join(tmp.dir, 'ikm_unit.csv'), [header('ikm_unit'), row('U01', 81.5), row('U02', 77.25)].join('\r\n') + '\r\n');
  });

  test('questions asked at once share one reading of their table, typed as the views type it', async () => {
    const [a, b] = await Promise.all([
      runPublishedSql('SELECT kode_unit, ikm FROM ikm_unit ORDER BY 1', tmp.dir),
      runPublishedSql('SELECT sum(responden) AS n, any_value(typeof(ikm)) AS t FROM IKM_UNIT', tmp.dir),
    ]);
    expect(a.rows).toEqual([
      ['U01', 81.5],
      ['U02', 77.25],
    ]);
    expect(b.rows).toEqual([[240, 'DOUBLE']]);
  });

  test('one question asked at once shares one answer; asked again, once answered, a copy of it from the spill', async () => {
    const sql = 'SELECT kode_unit, ikm FROM ikm_unit ORDER BY 1';
    const [a, b] = await Promise.all([runPublishedSql(sql, tmp.dir), runPublishedSql(sql, tmp.dir)]);
    expect(b).toBe(a);
    const again = await runPublishedSql(sql, tmp.dir);
    expect(again).not.toBe(a);
    expect(again).toEqual(a);
    // A copy: changing it changes no later answer.
    again.rows[0][1] = 0;
    expect((await runPublishedSql(sql, tmp.dir)).rows[0]).toEqual(['U01', 81.5]);
  });

  test('a table is read only when a question names it: not `unit` for ikm_unit or kode_unit', async () => {
    await writeFile(join(tmp.dir, 'unit.csv'), `${header('unit')}\r\nalpha,"U01\r\n`); // unreadable: an unclosed quote
    expect((await runPublishedSql('SELECT count(DISTINCT kode_unit) FROM ikm_unit', tmp.dir)).rows).toEqual([[2]]);
    await expect(runPublishedSql('SELECT * FROM unit', tmp.dir)).rejects.toThrow();
  });

  test('a table not published fails its question, and is read once it is there (a failure is not kept)', async () => {
    await expect(runPublishedSql('SELECT count(*) FROM unit', tmp.dir)).rejects.toThrow();
    await writeFile(join(tmp.dir, 'unit.csv'), `${header('unit')}\r\nalpha,U01,Dinas,opd,\r\n`);
    expect((await runPublishedSql('SELECT count(*) FROM unit', tmp.dir)).rows).toEqual([[1]]);
  });
});
