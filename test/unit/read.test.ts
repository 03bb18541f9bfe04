/** Contract §2: reading a CSV the way Excel writes it (src/read). */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { JENIS_KELAMIN, KANAL, EKSPEKTASI, PENDIDIKAN, PEKERJAAN } from '../../src/contract/enums.ts';
import { skm } from '../../src/contract/inputs/index.ts';
import { CellProblem, parseDate, parseEnum, parseNip, parseNumber } from '../../src/read/cells.ts';
import { readCsv } from '../../src/read/csv.ts';
import { fileSource } from '../../src/read/file-source.ts';
import { detectDialect, normalizeHeader, type Dialect } from '../../src/read/dialect.ts';
import { validateFile } from '../../src/validate/file.ts';
import type { Issue } from '../../src/contract/issues.ts';
import { PrivateValues } from '../../src/validate/private-values.ts';

const ID: Dialect = { delimiter: ';', numbers: 'id' };
const PLAIN: Dialect = { delimiter: ',', numbers: 'plain' };
const problem = (code: string) => expect.objectContaining({ code });

describe('dialect', () => {
  test('the delimiter is the most frequent one in the header line, outside quotes', () => {
    expect(detectDialect('a,b,c\n1;2;3;4;5')).toEqual(PLAIN);
    expect(detectDialect('Kode Unit;Nama Unit;"x,y,z"\r\n')).toEqual(ID);
    expect(detectDialect('a\tb\tc\n')).toEqual({ delimiter: '\t', numbers: 'plain' });
  });

  test('empty lines before the header do not decide the delimiter', () => {
    expect(detectDialect('\r\n\r\nkode_unit;nama_unit\r\n')).toEqual(ID);
  });

  test('headers: trimmed, case-insensitive, inner spaces = _', () => {
    expect(normalizeHeader(' Kode  Unit ')).toBe('kode_unit');
    expect(normalizeHeader('ID Responden')).toBe('id_responden');
    expect(normalizeHeader('\u00a0Tanggal\u00a0')).toBe('tanggal'); // Excel's non-breaking space
  });
});

describe('numbers', () => {
  test('a ";" file writes Indonesian numbers: decimal comma, thousands dot', () => {
    expect(parseNumber('1.234,5', ID)).toBe(1234.5);
    expect(parseNumber('1.000', ID)).toBe(1000);
    expect(parseNumber('85,5', ID)).toBe(85.5);
    expect(parseNumber('1.000.000', ID)).toBe(1_000_000);
    expect(parseNumber('-3', ID)).toBe(-3);
    expect(parseNumber('0,25', ID)).toBe(0.25);
  });

  test('a "," or tab file uses a decimal point and no thousands separator', () => {
    expect(parseNumber('1234.5', PLAIN)).toBe(1234.5);
    expect(parseNumber('85.5', PLAIN)).toBe(85.5);
    expect(parseNumber('-0.5', PLAIN)).toBe(-0.5);
  });

  test("what does not fit the file's style is a type-error", () => {
    expect(parseNumber('1.23', ID)).toEqual(problem('type-error')); // neither thousands nor decimals
    expect(parseNumber('85.5', ID)).toEqual(problem('type-error'));
    expect(parseNumber('2,5', PLAIN)).toEqual(problem('type-error'));
    expect(parseNumber('1,000', PLAIN)).toEqual(problem('type-error'));
    expect(parseNumber('90%', PLAIN)).toEqual(problem('type-error'));
    expect(parseNumber('', PLAIN)).toEqual(problem('type-error'));
  });
});

describe('dates: day first, never month first', () => {
  test.each([
    ['2025-02-28', '2025-02-28'],
    ['28/02/2025', '2025-02-28'],
    ['28-02-2025', '2025-02-28'],
    ['5/1/2025', '2025-01-05'],
    ['29/02/2024', '2024-02-29'],
    ['31/12/2025', '2025-12-31'],
  ])('%s → %s', (raw, iso) => {
    expect(parseDate(raw)).toBe(iso);
  });

  test.each(['31/02/2025', '29/02/2025', '02/14/2025', '2025-13-01', '2025-02-30', '45678', '45678,5', 'besok', '2025/02/28'])(
    '%s is a type-error',
    (raw) => {
      const p = parseDate(raw);
      expect(p).toBeInstanceOf(CellProblem);
      expect(p).toEqual(problem('type-error'));
    },
  );
});

describe('enumerations', () => {
  test('case-insensitive, spaces, _ or - between words, and the long labels', () => {
    for (const raw of ['di_atas', 'Di Atas', 'DI-ATAS', 'di atas', 'Di Atas Ekspektasi', ' di_atas '])
      expect(parseEnum(raw, EKSPEKTASI)).toBe('di_atas');
    expect(parseEnum('Sesuai Ekspektasi', EKSPEKTASI)).toBe('sesuai');
    expect(parseEnum('Laki-laki', JENIS_KELAMIN)).toBe('l');
    expect(parseEnum('P', JENIS_KELAMIN)).toBe('p');
    expect(parseEnum('D4/S1', PENDIDIKAN)).toBe('d4-s1');
    expect(parseEnum('d4_s1', PENDIDIKAN)).toBe('d4-s1');
    expect(parseEnum('D1-D3', PENDIDIKAN)).toBe('d1-d3');
    expect(parseEnum('Pegawai Swasta', PEKERJAAN)).toBe('swasta');
    expect(parseEnum('LAPOR!', KANAL)).toBe('lapor');
    expect(parseEnum('Media Sosial', KANAL)).toBe('media_sosial');
  });

  test('anything else is an enum-error', () => {
    expect(parseEnum('email', KANAL)).toEqual(problem('enum-error'));
    expect(parseEnum('diatas', EKSPEKTASI)).toEqual(problem('enum-error'));
  });
});

describe('NIP', () => {
  test('18 digits as text; the printed form with spaces is the same NIP', () => {
    expect(parseNip('198601012010011001')).toBe('198601012010011001');
    expect(parseNip('19860101 201001 1 001')).toBe('198601012010011001');
  });

  test.each(['1.98609E+17', '1,98609E+17', '1.98609e17', '19860101201001100', '198601012010011001.0', '1234'])(
    '%s is excel-damage',
    (raw) => {
      expect(parseNip(raw)).toEqual(problem('excel-damage'));
    },
  );

  test('non-digits are a type-error', () => {
    expect(parseNip('NIP-ABC')).toEqual(problem('type-error'));
    expect(parseNip('1986010120100110011')).toEqual(problem('type-error')); // 19 digits
  });
});

describe('readCsv: rows as Excel numbers them', () => {
  async function read(path: string) {
    const rows: [number, string[]][] = [];
    const headers: [string[], Dialect, number][] = [];
    const res = await readCsv(fileSource(path), {
      header: (cells, dialect, row) => headers.push([cells, dialect, row]),
      row: (cells, row) => rows.push([row, cells]),
      syntax: (message) => {
        throw new Error(message);
      },
    });
    expect(headers).toHaveLength(1);
    return { header: headers[0], rows, res };
  }

  test('empty lines before the header, CRLF, ";" lines skipped but counted, quoted ";"', async () => {
    const { header, rows } = await read('test/fixtures/read/leading-blank.csv');
    expect(header).toEqual([['kode_unit', 'nama_unit', 'jenis_unit', 'induk_unit'], ID, 3]);
    expect(rows).toEqual([
      [4, ['U01', 'Dinas Kependudukan', 'Dinas', '']],
      [6, ['U02', 'Kecamatan Satu;Dua', 'Kecamatan', 'U01']],
    ]);
  });

  test('BOM removed, tab delimiter, a quoted line break is one row, numbered by the line an editor shows', async () => {
    const { header, rows } = await read('test/fixtures/read/tab-multiline.csv');
    expect(header[0]).toEqual(['id_responden', 'kode_unit', 'saran']);
    expect(header[1].delimiter).toBe('\t');
    expect(rows).toEqual([
      [2, ['R1', 'U01', 'baris satu\nbaris dua']],
      // R1 spans lines 2–3, line 4 is blank
      [5, ['R2', 'U01', '']],
    ]);
  });
});

describe('encoding errors found after the first chunk', () => {
  test('an ANSI byte deep in a 2 MB file is an encoding-error, not a crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kt-read-'));
    try {
      const header = Object.keys(skm.fields).join(',');
      const row = (i: number) => `R${i},U01,L01,2025-01-01,4,4,4,4,4,4,4,4,4,p,30,sma,swasta,Baik`;
      const body = Array.from({ length: 30_000 }, (_, i) => row(i)).join('\n');
      const path = join(dir, 'skm.csv');
      await writeFile(
        path,
        Buffer.concat([
          Buffer.from(`${header}\n${body}\nR-x,U01,L01,2025-01-01,4,4,4,4,4,4,4,4,4,p,30,sma,swasta,Caf`),
          Buffer.from([0xe9, 0x0a]),
        ]),
      );
      const issues: Issue[] = [];
      const result = await validateFile(path, skm, {
        region: 'uji',
        issues,
        privateValues: new PrivateValues(),
        unitCodes: new Set(['U01']),
      });
      expect(issues).toEqual([expect.objectContaining({ file: 'skm.csv', row: null, code: 'encoding-error' })]);
      expect(result.table.length).toBe(0); // nothing of a half-read file is used
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
