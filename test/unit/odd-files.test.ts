/**
 * Issue #15 item 6, contract 1.1 §2 "Files and folders" and "Line endings": files that are not
 * what they seem are a file-error naming the file — never a crash, a hang, a stack trace or the
 * content of a file outside the export — and rows are numbered as an editor shows them.
 * Huge files are sparse (no gigabytes written); a FIFO is made with mkfifo.
 */
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, open, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { skm } from '../../src/contract/inputs/index.ts';
import { validateExport, type ValidatedExport, type ValidateOptions } from '../../src/validate/export.ts';
import { formatReport, reportJson } from '../../src/validate/report.ts';

const VALID = 'test/fixtures/errors/file-error/uji';
const HEADER = Object.keys(skm.fields).join(',');
const row = (i: number, umur = '30') => `R-${i},U01,L01,2025-01-01,4,4,4,4,4,4,4,4,4,p,${umur},sma,swasta,`;

let root: string;
let n = 0;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kt-odd-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** A fresh export with one region "uji" (wilayah.json and unit.csv valid); returns [export, region]. */
async function exportDir(): Promise<[string, string]> {
  const dir = join(root, `e${n++}`);
  const region = join(dir, 'uji');
  await mkdir(region, { recursive: true });
  for (const f of ['wilayah.json', 'unit.csv']) await copyFile(join(VALID, f), join(region, f));
  return [dir, region];
}

const texts = (r: ValidatedExport) => JSON.stringify(reportJson(r)) + formatReport(r);
const codes = (r: ValidatedExport) => [...r.errors, ...r.warnings].map((i) => `${i.file}:${i.code}`);

describe('a file that is not a regular file of the export', () => {
  test('a CSV linked to /etc/passwd: file-error, and not a line of it in the report', async () => {
    const [dir, region] = await exportDir();
    await symlink('/etc/passwd', join(region, 'iku.csv'));
    const r = await validateExport(dir);
    expect(codes(r)).toEqual(['iku.csv:file-error']);
    expect(r.errors[0].message_en).toContain('outside the export folder');
    expect(texts(r)).not.toMatch(/root:|nologin|\/bin\/(ba)?sh/);
  });

  test('a link that stays inside the export is read like the file it points to', async () => {
    const [dir, region] = await exportDir();
    await mkdir(join(dir, 'bersama'));
    await writeFile(join(dir, 'bersama', 'skm.csv'), `${HEADER}\n${row(1)}\n`);
    await symlink(join('..', 'bersama', 'skm.csv'), join(region, 'skm.csv'));
    const r = await validateExport(dir);
    // "bersama" is a folder without wilayah.json: its own error, nothing about the link.
    expect(codes(r).filter((c) => !c.startsWith('wilayah.json') && !c.startsWith('unit.csv'))).toEqual([]);
    expect(r.files).toContainEqual({ region: 'uji', file: 'skm.csv', rows: 1, used: 1 });
  });

  test('a FIFO as skm.csv and as wilayah.json: file-error, never a hang', async () => {
    const [dir, region] = await exportDir();
    await rm(join(region, 'wilayah.json'));
    execFileSync('mkfifo', [join(region, 'skm.csv'), join(region, 'wilayah.json')]);
    const r = await validateExport(dir);
    expect(codes(r).sort()).toEqual(['skm.csv:file-error', 'wilayah.json:file-error']);
    expect(r.errors[0].message_en).toContain('not a regular file');
  });

  test('a folder named skm.csv: file-error, not a bare EISDIR', async () => {
    const [dir, region] = await exportDir();
    await mkdir(join(region, 'skm.csv'));
    const r = await validateExport(dir);
    expect(codes(r)).toEqual(['skm.csv:file-error']);
    expect(r.errors[0].message_id).toContain('adalah folder');
  });

  test('UNIT.csv beside unit.csv: one file-error naming both, neither read (and no "unit.csv missing")', async () => {
    const [dir, region] = await exportDir();
    await copyFile(join(region, 'unit.csv'), join(region, 'UNIT.csv'));
    const r = await validateExport(dir);
    expect(r.errors).toEqual([expect.objectContaining({ region: 'uji', file: 'UNIT.csv + unit.csv', code: 'file-error' })]);
    expect(r.files).toEqual([]);
  });

  test('any other entry of a region folder is a warning, never passed over in silence', async () => {
    const [dir, region] = await exportDir();
    await writeFile(join(region, '.DS_Store'), 'x');
    await writeFile(join(region, 'catatan.txt'), 'x');
    const r = await validateExport(dir);
    expect(r.ok).toBe(true);
    expect(codes(r)).toEqual(['.DS_Store:unknown-file', 'catatan.txt:unknown-file']);
  });
});

describe('region folders', () => {
  test('".binjai" (hidden) and "Binjai Lama" (not a code): file-error each; a README beside them is no region', async () => {
    const [dir, region] = await exportDir();
    for (const name of ['.binjai', 'Binjai Lama']) {
      await mkdir(join(dir, name));
      await copyFile(join(region, 'wilayah.json'), join(dir, name, 'wilayah.json'));
    }
    await writeFile(join(dir, 'README.md'), '# ekspor\n');
    const r = await validateExport(dir);
    expect(r.errors).toEqual([
      expect.objectContaining({
        region: '',
        file: '.binjai',
        code: 'file-error',
        message_en: expect.stringContaining('starts with a dot'),
      }),
      expect.objectContaining({ region: '', file: 'Binjai Lama', code: 'file-error' }),
    ]);
    expect(r.regions.map((g) => g.code)).toEqual(['uji']);
  });
});

describe('wilayah.json', () => {
  test('over 64 KB: file-error, not read', async () => {
    const [dir, region] = await exportDir();
    await writeFile(
      join(region, 'wilayah.json'),
      JSON.stringify({ nama: 'Kota Uji', provinsi: 'Uji', tanggal_ekspor: '2026-01-15', sumber: 'x'.repeat(70_000) }),
    );
    const r = await validateExport(dir);
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: 'wilayah.json',
        code: 'file-error',
        message_en: expect.stringContaining('over the limit of 65536 bytes'),
      }),
    ]);
  });

  test('JSON that is not an object: one type-error saying what it must hold', async () => {
    const [dir, region] = await exportDir();
    await writeFile(join(region, 'wilayah.json'), '["Kota Uji"]');
    const r = await validateExport(dir);
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: 'wilayah.json',
        code: 'type-error',
        column: null,
        message_en: expect.stringContaining('one JSON object'),
      }),
    ]);
  });
});

describe('files too large, lines too long', () => {
  async function sparse(path: string, size: number, head = '') {
    const fh = await open(path, 'w');
    try {
      if (head) await fh.write(head);
      await fh.truncate(size);
    } finally {
      await fh.close();
    }
  }

  test('a 5 GiB skm.csv (sparse): file-error "too large", not a byte read', async () => {
    const [dir, region] = await exportDir();
    await sparse(join(region, 'skm.csv'), 5 * 2 ** 30);
    const r = await validateExport(dir);
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: 'skm.csv',
        row: null,
        code: 'file-error',
        message_en: expect.stringContaining('5.0 GB, over the limit of 4.0 GB'),
      }),
    ]);
  });

  test('the limit is the option given: a small file over it is a file-error', async () => {
    const [dir, region] = await exportDir();
    await writeFile(join(region, 'skm.csv'), `${HEADER}\n${row(1)}\n${row(2)}\n`);
    const opts: ValidateOptions = { maxFileBytes: 200 }; // unit.csv (109 bytes) is under it, skm.csv over
    expect(codes(await validateExport(dir, opts))).toEqual(['skm.csv:file-error']);
  });

  test('2 GiB: a header and 1.5 MB of rows, then zero bytes to the end — read streaming, stopped at the endless line', async () => {
    const [dir, region] = await exportDir();
    const head = `${HEADER}\n${Array.from({ length: 25_000 }, (_, i) => row(i + 1)).join('\n')}\n`;
    await sparse(join(region, 'skm.csv'), 2 * 2 ** 30, head);
    const r = await validateExport(dir, { parallel: { minBytes: 0, workers: 2 } });
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: 'skm.csv',
        row: 25_002,
        code: 'file-error',
        message_en: expect.stringContaining('over 1024 thousand characters'),
      }),
    ]);
    // Nothing of a file read half is used.
    expect(r.files).toContainEqual({ region: 'uji', file: 'skm.csv', rows: 25_000, used: 0 });
  });

  test('2 GiB of zero bytes: an encoding-error on its first megabyte', async () => {
    const [dir, region] = await exportDir();
    await sparse(join(region, 'skm.csv'), 2 * 2 ** 30);
    expect(codes(await validateExport(dir, { parallel: { minBytes: 0, workers: 2 } }))).toEqual(['skm.csv:encoding-error']);
  });

  test('a 10 MB header line: file-error on row 1, read no further', async () => {
    const [dir, region] = await exportDir();
    await writeFile(join(region, 'skm.csv'), `${HEADER},${'x'.repeat(10 << 20)}\n${row(1)}\n`);
    const r = await validateExport(dir);
    expect(r.errors).toEqual([expect.objectContaining({ file: 'skm.csv', row: 1, code: 'file-error' })]);
    expect(JSON.stringify(reportJson(r)).length).toBeLessThan(10_000);
  });

  test('a 100 KB header (under the row limit): file-error, the header limit is 64 K characters', async () => {
    const [dir, region] = await exportDir();
    await writeFile(join(region, 'skm.csv'), `\n${HEADER},${'k,'.repeat(50_000)}x\n${row(1)}\n`);
    const r = await validateExport(dir);
    expect(r.errors).toEqual([
      expect.objectContaining({
        file: 'skm.csv',
        row: 2,
        code: 'file-error',
        message_en: expect.stringContaining('header line is over 64 thousand'),
      }),
    ]);
  });

  test('a quote opened and never closed, 3 MB of rows after it: file-error on its row, streamed or sliced', async () => {
    const [dir, region] = await exportDir();
    const rows = Array.from({ length: 40_000 }, (_, i) => row(i + 3)).join('\n');
    await writeFile(join(region, 'skm.csv'), `${HEADER}\n${row(1)}\n${row(2)}"tidak ditutup\n${rows}\n`);
    for (const parallel of [{ workers: 0 }, { minBytes: 0, workers: 2 }]) {
      const r = await validateExport(dir, { parallel });
      expect(r.errors.filter((e) => e.code === 'file-error')).toEqual([
        expect.objectContaining({ file: 'skm.csv', row: 3, code: 'file-error' }),
      ]);
    }
  });
});

describe('line ends as an editor shows them', () => {
  // skm.csv: CRLF, LF and CR mixed, a quoted CRLF inside a cell (lines 4–5), a blank line 6;
  // umur 12 on line 7, an answer 5 on line 8.
  const DIR = 'test/fixtures/line-ends';

  test.each([
    ['streamed', { workers: 0 }],
    ['in slices', { minBytes: 0, workers: 2 }],
  ])('the errors are on lines 7 and 8 (%s)', async (_name, parallel) => {
    const r = await validateExport(DIR, { parallel });
    expect([...new Set(r.errors.map((e) => `${e.file}:${e.row}`))]).toEqual(['skm.csv:7', 'skm.csv:8']);
    expect(r.errors[0]).toEqual(expect.objectContaining({ row: 7, column: 'umur', value: '12' }));
    expect(r.files).toContainEqual({ region: 'campuran', file: 'skm.csv', rows: 6, used: 4 });
  });

  test('a large CRLF file with one line ending in LF alone: read streaming, the same rows as an editor shows', async () => {
    const [dir, region] = await exportDir();
    const lines = [HEADER, ...Array.from({ length: 3000 }, (_, i) => row(i + 1, i === 2000 ? '12' : '30'))];
    const text = lines.map((l, i) => l + (i === 1000 ? '\n' : '\r\n')).join('');
    await writeFile(join(region, 'skm.csv'), text);
    for (const parallel of [{ workers: 0 }, { minBytes: 0, workers: 2 }]) {
      const r = await validateExport(dir, { parallel });
      // line 2001 + 1 (header): row(2001) on line 2002
      expect(r.errors).toEqual([expect.objectContaining({ file: 'skm.csv', row: 2002, column: 'umur' })]);
    }
  });
});
