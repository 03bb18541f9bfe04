/**
 * A table's first rows are read from the start of its file in pieces (headRecords): whatever
 * the piece size, the records are those of the whole file, even when a piece ends inside a
 * quoted line break or a multi-byte character, or holds cells that would make a guessed dialect `;`.
 */
import { mkdtempSync, readSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { headRecords } from '../../src/site/published.ts';

const CSV =
  'kode_wilayah,nama,catatan\r\n' +
  'kota-001,"Kota Jayapura","baris\r\ndua"\r\n' +
  'kab-002,Maulafa — Kupang,"""kutip"", koma"\r\n' +
  'kab-003,Manokwari,ñ€𝄞;a;b;c;d\tx\ty\r\n' +
  'kab-004,Binjai,\r\n';

describe('headRecords', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kt-head-'));
  const path = join(dir, 't.csv');
  writeFileSync(path, CSV);
  const whole = Papa.parse<string[]>(CSV, { skipEmptyLines: true }).data;

  it('gives the whole file’s first records, however small the first piece', () => {
    expect(whole[0]).toEqual(['kode_wilayah', 'nama', 'catatan']);
    const bytes = Buffer.byteLength(CSV);
    for (let first = 0; first <= bytes + 1; first++)
      for (const records of [1, 2, 3, 5, 9])
        expect([first, records, headRecords(path, records, first)]).toEqual([first, records, whole.slice(0, records)]);
  });

  it('reads the site’s dialect, not one guessed from a cut piece', () => {
    const semicolons = join(dir, 'semicolons.csv');
    writeFileSync(semicolons, 'kode,nama\r\nk1,a;b;c;d;e\r\nk2,x\r\nk3,y\r\n');
    for (let first = 1; first <= 40; first++) expect(headRecords(semicolons, 1, first)).toEqual([['kode', 'nama']]);
  });

  it('reads no more of a long file than the pieces that hold the records', () => {
    const long = join(dir, 'long.csv');
    writeFileSync(long, 'a,b\r\n' + '1,2\r\n'.repeat(10) + `"${'x'.repeat(1 << 20)}"\r\n`);
    // The bytes each read asked for.
    const asked: number[] = [];
    const counted = ((fd: number, buf: NodeJS.ArrayBufferView, offset: number, length: number, position: number) => {
      asked.push(length);
      return readSync(fd, buf, offset, length, position);
    }) as typeof readSync;
    expect(headRecords(long, 3, 64, counted)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['1', '2'],
    ]);
    expect(Math.max(...asked)).toBe(64);
  });
});
