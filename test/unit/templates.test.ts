/**
 * The templates of /templat/ (issue #12 item 5): made from the contract, they pass the validator
 * as they are, and the workbook carries the contract's rules as Excel validation.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INPUTS } from '../../src/contract/inputs/index.ts';
import { wilayahSchema } from '../../src/contract/wilayah.ts';
import { NIP_LIKE } from '../../src/validate/private-search.ts';
import { validateExport } from '../../src/validate/export.ts';
import { columnsOf, sheetName } from '../../src/templates/columns.ts';
import { EXAMPLES } from '../../src/templates/examples.ts';
import { TEMPLATE_FILES, templateFile } from '../../src/templates/files.ts';
import { WILAYAH_FILE, WORKBOOK_FILE } from '../../src/templates/paths.ts';
import { dosDate, zipDates } from '../support/zip.ts';
import { GUIDE_SHEET, TEMPLATE_ROWS, unitCodesFormula } from '../../src/templates/workbook.ts';

const DATE = new Date('2026-01-01T00:00:00Z');
const text = async (name: string) => String(await templateFile(name, DATE));

describe('CSV templates', () => {
  it('one per input file, plus wilayah.json and the workbook', () => {
    expect(TEMPLATE_FILES).toEqual([...INPUTS.map((i) => i.file), WILAYAH_FILE, WORKBOOK_FILE]);
    expect(Object.keys(EXAMPLES).sort()).toEqual(INPUTS.map(sheetName).sort());
  });

  it.each(INPUTS.map((i) => [i.file, i] as const))(
    "%s has every contract column, in the contract's order, and two example rows",
    async (file, input) => {
      const csv = await text(file);
      const rows = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
      expect(rows[0]).toEqual(Object.keys(input.fields));
      expect(rows.length).toBe(3);
      for (const r of rows) expect(r.length).toBe(rows[0].length);
    },
  );

  it('wilayah.json fills in every key of the contract', async () => {
    const json = JSON.parse(await text(WILAYAH_FILE));
    expect(wilayahSchema.parse(json)).toEqual(json);
    expect(Object.keys(json).sort()).toEqual(Object.keys(wilayahSchema.shape).sort());
  });

  it('no template holds an NIP-like number (the privacy gate would refuse the site)', async () => {
    for (const name of TEMPLATE_FILES.filter((n) => n !== WORKBOOK_FILE)) expect(NIP_LIKE.test(await text(name)), name).toBe(false);
  });

  describe('put together as a region folder', () => {
    let dir: string;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'kt-templat-'));
      mkdirSync(join(dir, 'contoh'));
      for (const name of TEMPLATE_FILES.filter((n) => n !== WORKBOOK_FILE)) writeFileSync(join(dir, 'contoh', name), await text(name));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('pass the validator with no error and no warning, every row used', async () => {
      const r = await validateExport(dir);
      expect(r.errors).toEqual([]);
      expect(r.warnings).toEqual([]);
      expect(r.files.map((f) => [f.file, f.rows, f.used])).toEqual(INPUTS.map((i) => [i.file, 2, 2]));
    });
  });
});

describe('the workbook', () => {
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = (await templateFile(WORKBOOK_FILE, DATE)) as Uint8Array;
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  });

  it('opens with a Petunjuk sheet, then one sheet per input file', () => {
    expect(wb.worksheets.map((s) => s.name)).toEqual([GUIDE_SHEET, ...INPUTS.map(sheetName)]);
  });

  it('Petunjuk explains every column of every file, in Indonesian and English, and how to save as CSV UTF-8', () => {
    const guide = wb.getWorksheet(GUIDE_SHEET)!;
    const rows: string[][] = [];
    guide.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    for (const input of INPUTS) {
      for (const c of columnsOf(input)) {
        const row = rows.find((r) => r[0] === sheetName(input) && r[1] === c.name);
        expect(row, `${input.file} ${c.name}`).toBeDefined();
        expect(row!.slice(3)).toEqual([c.field.description.id, c.field.description.en]);
      }
    }
    const all = rows.flat().join('\n');
    for (const app of ['Microsoft Excel', 'LibreOffice Calc', 'Google Sheets']) expect(all).toContain(app);
    expect(all).toContain('CSV UTF-8');
  });

  describe.each(INPUTS.map((i) => [sheetName(i), i] as const))('sheet %s', (name, input) => {
    const sheet = () => wb.getWorksheet(name)!;
    const validation = (col: number, row: number) => sheet().getCell(row, col).dataValidation;

    it("has the contract's header, frozen", () => {
      expect((sheet().getRow(1).values as unknown[]).slice(1)).toEqual(Object.keys(input.fields));
      expect(sheet().views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    });

    it("offers every enumeration as a list equal to the contract's, and kode_unit from the unit sheet", () => {
      columnsOf(input).forEach((c, i) => {
        for (const row of [2, TEMPLATE_ROWS]) {
          const v = validation(i + 1, row);
          if (c.values) {
            expect(v?.type, `${c.name} row ${row}`).toBe('list');
            expect(String(v!.formulae[0]).replace(/^"|"$/g, '').split(','), c.name).toEqual(c.field.options!.map((o) => o.value));
          } else if (c.field.references === 'unit') {
            expect(v, `${c.name} row ${row}`).toMatchObject({ type: 'list', formulae: [unitCodesFormula()] });
          }
        }
      });
      if (input.file !== 'unit.csv') expect(unitCodesFormula()).toBe(`unit!$A$2:$A$${TEMPLATE_ROWS}`);
    });

    it('types numbers and dates: validations of their kind, example cells numbers and dates', () => {
      const examples = sheet().getRow(2);
      columnsOf(input).forEach((c, i) => {
        const v = validation(i + 1, 2);
        const cell = examples.getCell(i + 1).value;
        if (c.field.kind === 'integer') expect(v?.type, c.name).toBe('whole');
        if (c.field.kind === 'number') expect(v?.type, c.name).toBe('decimal');
        if (c.field.kind === 'date') expect(v?.type, c.name).toBe('date');
        if (cell === null || cell === undefined) return;
        if (c.field.kind === 'integer' || c.field.kind === 'number') expect(typeof cell, c.name).toBe('number');
        else if (c.field.kind === 'date') {
          expect(cell, c.name).toBeInstanceOf(Date);
          // Shown, and so saved to CSV, as the contract's ISO date, never Excel's locale default.
          expect(examples.getCell(i + 1).numFmt, c.name).toBe('yyyy-mm-dd');
        } else expect(typeof cell, c.name).toBe('string');
      });
    });

    it('keeps NIP, periode and codes as text, so Excel cannot turn them into numbers or dates', () => {
      columnsOf(input).forEach((c, i) => {
        if (['nip', 'period', 'code'].includes(c.field.kind)) expect(sheet().getColumn(i + 1).numFmt, c.name).toBe('@');
      });
    });
  });

  it('the same build date gives the same bytes; the date is the build date, not the clock', async () => {
    await new Promise((r) => setTimeout(r, 2100)); // a zip entry's time has a two-second grain
    const again = (await templateFile(WORKBOOK_FILE, DATE)) as Uint8Array;
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    for (const d of zipDates(Buffer.from(bytes))) expect(d).toEqual(dosDate(2026, 1, 1));
    expect(zipDates(Buffer.from(bytes)).length).toBe(2 * Object.keys(unzipSync(bytes)).length);
    expect(strFromU8(unzipSync(bytes)['docProps/core.xml'])).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-01-01T00:00:00Z</dcterms:created>',
    );
  });
});
