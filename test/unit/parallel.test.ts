/**
 * Issue #5: a large file is read in slices by worker threads. The reports, tables and private
 * values must be exactly those of the streaming reader: every fixture is validated both ways,
 * and a generated file puts the hard cases across the slice boundaries.
 */
import { mkdtemp, rm, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { skm } from '../../src/contract/inputs/index.ts';
import { validateExport, type ValidatedExport } from '../../src/validate/export.ts';
import { planSlices, rowsAreLines, validateInParallel } from '../../src/validate/fast/parallel.ts';
import { MAX_ROW_CHARS } from '../../src/read/lines.ts';
import { PrivateValues } from '../../src/validate/private-values.ts';
import type { Table } from '../../src/validate/table.ts';

const SLICED = { parallel: { minBytes: 0, workers: 2 } };
const STREAMED = { parallel: { workers: 0 } };

/** Everything a validation yields, in a comparable form. */
function outcome(r: ValidatedExport) {
  return {
    ok: r.ok,
    errors: r.errors,
    warnings: r.warnings,
    privateValues: [...r.privateValues],
    regions: r.regions.map((g) => ({
      code: g.code,
      files: g.files,
      tables: Object.fromEntries(
        Object.entries(g)
          .filter(([k]) => !['code', 'wilayah', 'files'].includes(k))
          .map(([k, t]) => {
            const table = t as Table<object>;
            return [k, { rows: table.toArray(), fileRows: Array.from({ length: table.length }, (_, i) => table.fileRowOf(i)) }];
          }),
      ),
    })),
  };
}

function fixtureExports(): string[] {
  const out: string[] = [];
  for (const top of ['test/fixtures', 'test/fixtures/errors', 'test/fixtures/leak']) {
    for (const d of readdirSync(top)) {
      const p = join(top, d);
      if (statSync(p).isDirectory() && !['errors', 'leak', 'read'].includes(d)) out.push(p);
    }
  }
  return out;
}

describe('every fixture gives the same outcome read in slices as streamed', () => {
  test.each(fixtureExports())('%s', async (dir) => {
    const streamed = outcome(await validateExport(dir, STREAMED));
    expect(outcome(await validateExport(dir, SLICED))).toEqual(streamed);
    expect(outcome(await validateExport(dir, { parallel: { minBytes: 0, workers: 3 } }))).toEqual(streamed);
  });
});

describe('a large survey file with the hard cases on both sides of the slice boundary', () => {
  let dir: string;
  const header = Object.keys(skm.fields).join(',');
  const row = (id: string, unit = 'U01', extra = '') =>
    `${id},${unit},L01,2025-01-0${1 + (id.length % 8)},4,3,4,4,3,4,4,3,4,p,30,sma,swasta,${extra}`;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kt-slices-'));
    const region = join(dir, 'uji');
    await mkdir(region);
    await copyFile('test/fixtures/valid/alpha/wilayah.json', join(region, 'wilayah.json'));
    await writeFile(join(region, 'unit.csv'), 'kode_unit,nama_unit,jenis_unit\r\nU01,Dinas Satu,dinas\r\nU02,Dinas Dua,dinas\r\n');
    const lines = [header];
    for (let i = 0; i < 6000; i++) {
      const id = `R-${i}`;
      if (i % 997 === 0) lines.push(row(id, 'U01', '"saran, dengan koma dan ""kutip"" lagi"'));
      else if (i % 1499 === 0)
        lines.push(row(id, 'U99')); // unknown unit
      else if (i % 2003 === 0)
        lines.push(''); // blank line
      else if (i % 2503 === 0)
        lines.push(row(id).replace(',4,3,', ',5,3,')); // out of range
      else if (i % 2999 === 0)
        lines.push(row(`R-${i - 2999}`, 'U99')); // duplicate id in the other half, and an unknown unit
      else if (i === 5990)
        lines.push(row('R-1')); // duplicate of a row in the first half
      else if (i % 1777 === 0)
        lines.push(row(id) + ',kolom lebih'); // extra cell
      else lines.push(row(id, i % 2 ? 'U01' : 'U02', i % 7 ? '' : 'Pelayanan cepat'));
    }
    await writeFile(join(region, 'skm.csv'), lines.join('\r\n') + '\r\n');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('the workers read it (quotes that hold a delimiter and a quote do not stop them)', async () => {
    const ctx = {
      region: 'uji',
      issues: [],
      privateValues: new PrivateValues(),
      unitCodes: new Set(['U01', 'U02']),
      parallel: SLICED.parallel,
    };
    const result = await validateInParallel(join(dir, 'uji', 'skm.csv'), skm, ctx);
    expect(result).not.toBeNull();
    expect(result!.rows).toBeGreaterThan(5990);
  });

  test('the same issues, in the same order, the same table and private values as streaming', async () => {
    const streamed = outcome(await validateExport(dir, STREAMED));
    expect(streamed.errors.map((e) => e.code)).toEqual(
      expect.arrayContaining(['unique-error', 'foreign-key-error', 'constraint-error', 'extra-cell']),
    );
    for (const workers of [2, 3, 4]) {
      expect(outcome(await validateExport(dir, { parallel: { minBytes: 0, workers } }))).toEqual(streamed);
    }
  });

  test('a duplicate in the second half names the row of the first', async () => {
    const r = await validateExport(dir, SLICED);
    const dup = r.errors.find((e) => e.code === 'unique-error' && e.row !== null && e.row > 5000);
    expect(dup?.message_id).toContain('baris 3');
  });

  test('an invalid byte deep in the file: the streaming reader reports it, as before', async () => {
    const bad = await mkdtemp(join(tmpdir(), 'kt-slices-bad-'));
    try {
      await mkdir(join(bad, 'uji'));
      for (const f of ['wilayah.json', 'unit.csv']) await copyFile(join(dir, 'uji', f), join(bad, 'uji', f));
      const body = Array.from({ length: 40_000 }, (_, i) => row(`R-${i}`)).join('\n');
      await writeFile(
        join(bad, 'uji', 'skm.csv'),
        Buffer.concat([Buffer.from(`${header}\n${body}\n`), Buffer.from(row('R-x', 'U01', 'Caf')), Buffer.from([0xe9, 0x0a])]),
      );
      const sliced = await validateExport(bad, SLICED);
      expect(sliced.errors).toEqual([expect.objectContaining({ file: 'skm.csv', row: null, code: 'encoding-error' })]);
      expect(outcome(sliced)).toEqual(outcome(await validateExport(bad, STREAMED)));
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});

describe('rowsAreLines: the rows are the lines an editor shows, none over MAX_ROW_CHARS', () => {
  const header = 'a,b\n';
  /** A file whose data lines have these lengths (LF not counted), the last one ended or not. */
  const file = (lengths: number[], nl: '\n' | '\r\n', ended: boolean) => {
    // A line's length counts its CR, as the streaming reader's (read/lines.ts); the last, unended, has none.
    const lines = lengths.map((n, i) => 'x'.repeat(i < lengths.length - 1 || ended ? n - nl.length + 1 : n));
    return Buffer.from(header.replace('\n', nl) + lines.join(nl) + (ended ? nl : ''));
  };
  const check = (bytes: Buffer) => rowsAreLines(bytes, planSlices(bytes, 2)!);
  test.each(['\n', '\r\n'] as const)('at the limit, and one byte over it, anywhere in the file (%j)', (nl) => {
    for (const ended of [true, false]) {
      expect(check(file([10, MAX_ROW_CHARS, 10, MAX_ROW_CHARS], nl, ended))).toBe(true);
      expect(check(file([10, MAX_ROW_CHARS + 1, 10], nl, ended))).toBe(false);
      expect(check(file([10, 10, MAX_ROW_CHARS + 1], nl, ended))).toBe(false);
      expect(check(file([MAX_ROW_CHARS + 1, 10, 10], nl, ended))).toBe(false);
      expect(check(file([...Array(300).fill(5000), MAX_ROW_CHARS + 1], nl, ended))).toBe(false);
    }
  });
  test('a CR alone, or a CRLF in an LF file, is not a line end the plan knows', () => {
    expect(check(Buffer.from('a,b\nx,y\rz,w\n'))).toBe(false);
    expect(check(Buffer.from('a,b\nx,y\r\nz,w\n'))).toBe(false);
    expect(check(Buffer.from('a,b\r\nx,y\nz,w\r\n'))).toBe(false);
    expect(check(Buffer.from('a,b\nx,y\nz,w\n'))).toBe(true);
  });
});
