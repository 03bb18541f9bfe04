/**
 * A table's first rows are read from the start of its file in pieces (csvHeadRows, for the
 * table pages): whatever the piece size, the records are those of the whole file, even when a
 * piece ends inside a quoted line break or a multi-byte character, or holds cells that would
 * make a guessed dialect `;`; and nothing after them is read.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvFileRows, csvHeadRows } from '../../src/read/csv-pieces.ts';

const CSV =
  'kode_wilayah,nama,catatan\r\n' +
  'kota-001,"Kota Jayapura","baris\r\ndua"\r\n' +
  'kab-002,Maulafa — Kupang,"""kutip"", koma"\r\n' +
  'kab-003,Manokwari,ñ€𝄞;a;b;c;d\tx\ty\r\n' +
  'kab-004,Binjai,\r\n';

describe('csvHeadRows', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kt-head-'));
  const path = join(dir, 't.csv');
  writeFileSync(path, CSV);
  const whole = Papa.parse<string[]>(CSV, { skipEmptyLines: true }).data;

  it('gives the whole file’s first records, however small the pieces', async () => {
    expect(whole[0]).toEqual(['kode_wilayah', 'nama', 'catatan']);
    const bytes = Buffer.byteLength(CSV);
    for (let piece = 1; piece <= bytes + 1; piece++)
      for (const records of [1, 2, 3, 5, 9])
        expect([piece, records, await csvHeadRows(path, records, piece)]).toEqual([piece, records, whole.slice(0, records)]);
  });

  it('reads the file’s dialect, not one guessed from a cut piece', async () => {
    const semicolons = join(dir, 'semicolons.csv');
    writeFileSync(semicolons, 'kode,nama\r\nk1,a;b;c;d;e\r\nk2,x\r\nk3,y\r\n');
    for (let piece = 1; piece <= 40; piece++) expect(await csvHeadRows(semicolons, 1, piece)).toEqual([['kode', 'nama']]);
  });

  it('reads nothing of a long file after the pieces that hold the records', async () => {
    const long = join(dir, 'long.csv');
    // After ten rows, a mebibyte with no line end outside quotes: read, it is refused (more than maxHeld bytes without a place to cut).
    writeFileSync(long, 'a,b\r\n' + '1,2\r\n'.repeat(10) + `"${'x'.repeat(1 << 20)}`);
    const readAll = async () => {
      let rows = 0;
      for await (const row of csvFileRows(long, 64, 4096)) rows += row.length;
      return rows;
    };
    await expect(readAll()).rejects.toThrow(/no line end outside quotes/);
    expect(await csvHeadRows(long, 3, 64, 4096)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['1', '2'],
    ]);
  });
});
