/**
 * The checker's folder of picked files (src/client/check/picked-folder.ts), read by the validator's
 * own rules, gives the CLI's report for every fixture export and the sample. (The page in Chromium
 * is compared with the CLI too: test/browser/periksa.test.ts.)
 */
import { expect, test } from 'vitest';
import { LOOSE_REGION } from '../../src/client/check/messages.ts';
import { pickedExport, pickedFolder } from '../../src/client/check/picked-folder.ts';
import { checkExport } from '../../src/validate/regions.ts';
import { validateExport } from '../../src/validate/export.ts';
import { reportJson } from '../../src/validate/report.ts';
import { asPicked, EXPORT_FOLDERS } from '../support/export-folders.ts';

test('the fixtures hold export folders of every kind of error', () => {
  expect(EXPORT_FOLDERS).toContain('test/fixtures/errors/file-error');
  expect(EXPORT_FOLDERS).toContain('test/fixtures/valid');
  expect(EXPORT_FOLDERS.length).toBeGreaterThan(20);
});

test.each(EXPORT_FOLDERS)('%s: the same report as npm run validate', async (dir) => {
  const picked = pickedFolder(asPicked(dir));
  const browser = reportJson(await checkExport(picked.folder, picked.label));
  expect(browser).toEqual(reportJson(await validateExport(dir)));
});

test('a region folder picked on its own is one region named by its folder; loose files are the region "wilayah"', () => {
  const blob = new Blob(['{}']);
  const region = pickedExport([{ path: 'jayapura/wilayah.json', file: blob }]);
  expect([...region.root.children.keys()]).toEqual(['jayapura']);
  const exportFolder = pickedExport([{ path: 'ekspor/jayapura/wilayah.json', file: blob }]);
  expect([...exportFolder.root.children.keys()]).toEqual(['jayapura']);
  const loose = pickedExport([
    { path: 'wilayah.json', file: blob },
    { path: 'unit.csv', file: blob },
  ]);
  expect([...loose.root.children.keys()]).toEqual([LOOSE_REGION]);
});
