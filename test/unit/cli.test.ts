/** scripts/validate.ts as a data officer runs it: exit status, --json report, no stack trace. */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kt-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  output: string;
}

function validate(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['scripts/run.mjs', 'validate', ...args],
      { env: { ...process.env, KT_DEBUG: '' } },
      (err, stdout, stderr) => {
        done({ status: err ? (typeof err.code === 'number' ? err.code : null) : 0, output: stdout + stderr });
      },
    );
  });
}

/** A Node stack frame: "    at fn (file:line:col)". */
const STACK = /^\s+at .+:\d+:\d+\)?$/m;

interface JsonReport {
  ok: boolean;
  errors: Record<string, unknown>[];
  warnings: Record<string, unknown>[];
  files: { region: string; file: string; rows: number; used: number }[];
}
const readJson = async (path: string) => JSON.parse(await readFile(path, 'utf8')) as JsonReport;

describe('npm run validate', () => {
  test('a valid export: exit 0, ok true, no errors', async () => {
    const json = join(dir, 'valid.json');
    const run = await validate('--data', 'test/fixtures/valid', '--json', json);
    expect(run.status).toBe(0);
    expect(run.output).toContain('Data sah');
    const report = await readJson(json);
    expect(report).toEqual({ ok: true, errors: [], warnings: [], files: expect.any(Array) });
    // Every row of a valid export is used.
    expect(report.files.length).toBeGreaterThan(3);
    for (const f of report.files) expect(f.used).toBe(f.rows);
  });

  test('the Indonesian Excel twin is valid too', async () => {
    expect((await validate('--data', 'test/fixtures/valid-id')).status).toBe(0);
  });

  test('errors: exit 1, and the JSON lists each with region, file, row, column, code, value, message', async () => {
    const json = join(dir, 'errors.json');
    const run = await validate('--data', 'test/fixtures/errors/consistency-error', `--json=${json}`);
    expect(run.status).toBe(1);
    expect(run.output).toContain('TIDAK sah');
    const report = await readJson(json);
    expect(report.ok).toBe(false);
    expect(report.errors).toHaveLength(5);
    for (const e of report.errors) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['region', 'file', 'row', 'column', 'code', 'value', 'message']));
    }
    expect(report.errors).toContainEqual(
      expect.objectContaining({
        region: 'uji',
        file: 'laporan_harian.csv',
        row: 2,
        column: 'laporan',
        code: 'consistency-error',
        value: '300',
        message: expect.stringContaining(' — '),
      }),
    );
    expect(report.warnings).toEqual([]);
  });

  test('warnings only: exit 0, the warning in the JSON', async () => {
    const json = join(dir, 'warnings.json');
    const run = await validate('--data', 'test/fixtures/errors/unknown-column', '--json', json);
    expect(run.status).toBe(0);
    expect((await readJson(json)).warnings).toEqual([expect.objectContaining({ code: 'unknown-column', column: 'keterangan' })]);
  });

  test('private cells are masked in the printed report too', async () => {
    const run = await validate('--data', 'test/fixtures/errors/excel-damage');
    expect(run.status).toBe(1);
    expect(run.output).not.toContain('1.98609E+17');
    expect(run.output).not.toContain('19860101201001100');
    expect(run.output).toContain('disamarkan');
  });

  test('a 10 MB header line and a folder named skm.csv: exit 1, a file-error each, and --json written', async () => {
    const data = join(dir, 'aneh');
    const region = join(data, 'uji');
    await mkdir(region, { recursive: true });
    for (const f of ['wilayah.json', 'unit.csv']) await copyFile(join('test/fixtures/errors/file-error/uji', f), join(region, f));
    await writeFile(join(region, 'iku.csv'), `kode_unit,${'x'.repeat(10 << 20)}\nU01,1\n`);
    await mkdir(join(region, 'skm.csv'));
    const json = join(dir, 'aneh.json');
    const run = await validate('--data', data, '--json', json);
    expect(run.status).toBe(1);
    expect(run.output).not.toMatch(STACK);
    expect(run.output).not.toContain('EISDIR');
    const report = await readJson(json);
    // The folder is found before any file is read.
    expect(report.errors.map((e) => [e.file, e.row, e.code])).toEqual([
      ['skm.csv', null, 'file-error'],
      ['iku.csv', 1, 'file-error'],
    ]);
    expect(report.errors[1].message).toContain('header line is over 64 thousand characters');
  });

  test('no stack trace, whatever fails: bad data, a missing folder, an unwritable --json', async () => {
    const runs = await Promise.all([
      validate('--data', 'test/fixtures/errors/encoding-error'),
      validate('--data', 'test/fixtures/tidak-ada'),
      validate('--data', 'test/fixtures/valid', '--json', dir), // a folder: writing fails
    ]);
    expect(runs.map((r) => r.status)).toEqual([1, 1, 2]);
    for (const r of runs) {
      expect(r.output).not.toMatch(STACK);
      expect(r.output).not.toMatch(/node:internal|\.ts:\d+:\d+/);
    }
    expect(runs[2].output).toContain('Kesalahan tak terduga / unexpected failure');
  });
});
