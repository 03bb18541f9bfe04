/**
 * The published workbooks as a reader opens them: LibreOffice saves the data sheet of every
 * table of the sample (each fits one) as CSV, and the rows are the table's CSV, row for row and cell for cell
 * (rows and cells without their place, texts inline: src/publish/xlsx.ts), whether a region's
 * rows were made or kept. Runs where LibreOffice is installed (`npm test` installs it:
 * scripts/ensure-libreoffice.sh); skipped elsewhere.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, expect, it, vi } from 'vitest';
import { unguard } from '../../src/charts/row.ts';
import { TABLES } from '../../src/contract/published.ts';
import { deriveTables } from '../../src/derive/tables.ts';
import { PartCache } from '../../src/publish/part-cache.ts';
import { publishTables } from '../../src/publish/tables.ts';
import { writeXlsx } from '../../src/publish/xlsx.ts';
import type { PartitionManifest } from '../../src/queries/partitions.ts';
import { csvFileName } from '../../src/queries/published-views.ts';
import { validateExport } from '../../src/validate/export.ts';
import { hasSoffice, saveAsCsv } from '../support/libreoffice.ts';

let dir = '';
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

const rows = (path: string) => Papa.parse<string[]>(readFileSync(path, 'utf8'), { skipEmptyLines: true }).data;

it.skipIf(!hasSoffice)(
  'every table’s workbook, saved as CSV by LibreOffice, is the table’s CSV (a region’s rows made, or kept)',
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'kt-xlsx-lo-'));
    const data = join(dir, 'data');
    mkdirSync(data);
    const validated = await validateExport('data');
    await publishTables(deriveTables(validated.regions, { threshold: 10 }), validated.regions, data, '2026-01-20', { ambang_kelompok: 10 });
    const { tabel } = JSON.parse(readFileSync(join(data, 'wilayah', 'manifest.json'), 'utf8')) as PartitionManifest;
    const cache = new PartCache(join(dir, 'bagian'));
    const put = vi.spyOn(cache, 'put');
    const ctx = { release: 'uji', releaseDate: '2026-01-20', licence: 'CC-BY-4.0' };
    const books: string[] = [];
    for (const [pass, table] of TABLES.flatMap((t) => [1, 2].map((p) => [p, t] as const))) {
      const csv = join(data, csvFileName(table));
      if (!existsSync(csv)) continue;
      const book = join(dir, `${table.name}-${pass}.xlsx`);
      // The second pass takes every region's rows from the parts the first made.
      await writeXlsx(table, csv, book, ctx, {
        regions: tabel[table.name] && { dataDir: data, files: tabel[table.name], cache, code: 'uji' },
      });
      books.push(book);
    }
    // The first pass made every split table's parts, the second took them all: the same bytes.
    expect(put.mock.calls.length).toBeGreaterThan(5 * 5);
    expect(cache.count.kept).toBe(put.mock.calls.length);
    for (let i = 0; i < books.length; i += 2) expect(readFileSync(books[i + 1]).equals(readFileSync(books[i])), books[i]).toBe(true);
    // The first sheet of each: every table of the sample fits one.
    const r = saveAsCsv(books, join(dir, 'out'), dir);
    expect(r.status, r.stderr).toBe(0);
    let compared = 0;
    for (const book of books) {
      const table = TABLES.find((t) => book.endsWith(`/${t.name}-1.xlsx`) || book.endsWith(`/${t.name}-2.xlsx`))!;
      const want = rows(join(data, csvFileName(table)));
      const got = rows(
        join(
          dir,
          'out',
          book
            .split('/')
            .pop()!
            .replace(/\.xlsx$/, '.csv'),
        ),
      );
      expect(got.length, book).toBe(want.length);
      const numeric = table.columns.map((c) => c.type === 'number' || c.type === 'integer');
      for (const [i, row] of want.entries())
        for (const [c, cell] of row.entries()) {
          const seen = got[i][c] ?? '';
          // A number as LibreOffice shows it (83.4700 → 83.47); a text without the CSV's guard apostrophe.
          const same = i > 0 && numeric[c] && cell !== '' ? Number(seen) === Number(cell) : seen === (i > 0 ? unguard(cell) : cell);
          if (!same) expect(seen, `${book} row ${i + 1} ${want[0][c]}`).toBe(cell);
        }
      compared++;
    }
    expect(compared).toBe(books.length);
    expect(books.length).toBeGreaterThanOrEqual(2 * 10);
  },
  300_000,
);
