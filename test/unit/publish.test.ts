/** src/publish: the CSV writer's safety for Excel, and the privacy gate on its own. */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { csvLine } from '../../src/publish/csv.ts';
import { csvCell } from '../../src/lib/csv-text.ts';
import { NIP_LIKE, isMeaningfulPrivate, scanForLeaks } from '../../src/publish/privacy-gate.ts';

describe('csvCell (RFC 4180, safe to open in Excel)', () => {
  test('text that Excel would run as a formula gets a leading apostrophe', () => {
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell('+62 812')).toBe("'+62 812");
    expect(csvCell('-5 hari')).toBe("'-5 hari");
    expect(csvCell('@kinerja')).toBe("'@kinerja");
  });

  test('numbers are numbers, negative ones included; empty is empty', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(91.48)).toBe('91.48');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('');
  });

  test('commas, quotes and line breaks are quoted, quotes doubled', () => {
    expect(csvCell('Kota Alfa, Papua')).toBe('"Kota Alfa, Papua"');
    expect(csvCell('Layanan "Prima"')).toBe('"Layanan ""Prima"""');
    expect(csvCell('baris\nbaru')).toBe('"baris\nbaru"');
    expect(csvCell('=HYPERLINK("x","y")')).toBe('"\'=HYPERLINK(""x"",""y"")"');
  });

  test('ordinary text and a formula sign inside are untouched', () => {
    expect(csvCell('KTP-el')).toBe('KTP-el');
    expect(csvCell('Rata-rata = 5')).toBe('Rata-rata = 5');
    expect(csvCell('≥60')).toBe('≥60');
  });

  test('a line ends with CRLF', () => {
    expect(csvLine(['alpha', 1, null, '=1+1'])).toBe("alpha,1,,'=1+1\r\n");
  });
});

describe('NIP_LIKE', () => {
  test('an NIP, compact or printed with spaces', () => {
    expect(NIP_LIKE.test('198601012010011001')).toBe(true);
    expect(NIP_LIKE.test('nip 19860101 201001 1 001.')).toBe(true);
  });
  test('not a longer number, not a date or count', () => {
    expect(NIP_LIKE.test('1986010120100110011')).toBe(false);
    expect(NIP_LIKE.test('2025-01-15,29,91.48')).toBe(false);
    expect(NIP_LIKE.test('998601012010011001')).toBe(false);
  });
});

describe('isMeaningfulPrivate', () => {
  test('short and purely numeric values are dropped (they would match counts by chance)', () => {
    expect(['Ana', '1234', '198601012010011001', 'Pegawai Uji 001', 'RSP-0001'].filter(isMeaningfulPrivate)).toEqual([
      '198601012010011001',
      'Pegawai Uji 001',
      'RSP-0001',
    ]);
  });
  test('the contract\'s own words are not private: a saran "Sangat Baik", an uraian "waktu"', () => {
    expect(['Sangat Baik', 'Baik', 'Kurang Baik', 'waktu', 'lainnya', 'tidak', 'Pelayanan lambat'].filter(isMeaningfulPrivate)).toEqual(['Pelayanan lambat']);
  });
});

describe('scanForLeaks', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kt-gate-'));
    await mkdir(join(dir, 'data'));
    await writeFile(join(dir, 'data', 'unit.csv'), 'kode_wilayah,kode_unit,nama_unit\r\nalpha,U01,Dinas Kependudukan\r\n');
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('a clean folder has no leak', async () => {
    expect(await scanForLeaks(dir, new Set(['Pegawai Uji 001']))).toEqual([]);
  });

  test('an NIP planted in a page is found, in any text file', async () => {
    await writeFile(join(dir, 'index.html'), '<p>Kepala dinas: 19860101 201001 1 001</p>');
    expect(await scanForLeaks(dir, new Set())).toEqual([{ file: 'index.html', what: expect.stringContaining('NIP') }]);
  });

  test('a private value as a published cell is found, also behind the formula apostrophe', async () => {
    await writeFile(join(dir, 'data', 'iku.csv'), "kode_unit,sasaran\r\nU01,Pegawai Uji 001\r\nU02,'-Pegawai Uji 002\r\n");
    const leaks = await scanForLeaks(dir, new Set(['Pegawai Uji 001', '-Pegawai Uji 002']));
    expect(leaks).toEqual([
      { file: join('data', 'iku.csv'), what: expect.stringContaining('row 2') },
      { file: join('data', 'iku.csv'), what: expect.stringContaining('row 3') },
    ]);
  });
});
