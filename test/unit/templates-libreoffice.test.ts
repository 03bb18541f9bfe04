/**
 * The workbook as an officer uses it: LibreOffice saves every sheet as CSV, and the region folder
 * those CSVs make (with wilayah.json) passes the validator with no error and no warning. Runs
 * where LibreOffice is installed (`npm test` installs it: scripts/ensure-libreoffice.sh); skipped elsewhere.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { INPUTS } from '../../src/contract/inputs/index.ts';
import { validateExport } from '../../src/validate/export.ts';
import { templateFile, wilayahTemplate } from '../../src/templates/files.ts';
import { WILAYAH_FILE, WORKBOOK_FILE } from '../../src/templates/paths.ts';
import { GUIDE_SHEET } from '../../src/templates/workbook.ts';
import { hasSoffice, saveAsCsv } from '../support/libreoffice.ts';

// Made only where the test runs: a skipped test's afterAll does not run, and the folder would be left behind.
let dir = '';
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

it.skipIf(!hasSoffice)(
  'every sheet saved as CSV by LibreOffice passes the validator',
  async () => {
    dir = mkdtempSync(join(tmpdir(), 'kt-templat-lo-'));
    writeFileSync(join(dir, WORKBOOK_FILE), await templateFile(WORKBOOK_FILE, new Date('2026-01-01T00:00:00Z')));
    const r = saveAsCsv([join(dir, WORKBOOK_FILE)], join(dir, 'out'), dir, true);
    expect(r.status, r.stderr).toBe(0);
    const region = join(dir, 'export', 'contoh');
    mkdirSync(region, { recursive: true });
    const prefix = WORKBOOK_FILE.replace(/\.xlsx$/, '-');
    const sheets = readdirSync(join(dir, 'out')).map((f) => f.slice(prefix.length));
    expect(sheets.sort()).toEqual([`${GUIDE_SHEET}.csv`, ...INPUTS.map((i) => i.file)].sort());
    for (const input of INPUTS) copyFileSync(join(dir, 'out', prefix + input.file), join(region, input.file));
    writeFileSync(join(region, WILAYAH_FILE), wilayahTemplate());
    const report = await validateExport(join(dir, 'export'));
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.files.map((f) => [f.file, f.used])).toEqual(INPUTS.map((i) => [i.file, 2]));
  },
  180_000,
);
