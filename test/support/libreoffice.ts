/**
 * LibreOffice Calc, headless, as the tests that open the site's workbooks use it (npm test installs
 * it: scripts/ensure-libreoffice.sh; without it those tests are skipped).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** Whether `soffice` runs here. */
export const hasSoffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;

/**
 * Saves each workbook as CSV (UTF-8 (76), comma (44), double quotes (34)) into `out`: its first
 * sheet as `<book>.csv`, or with `everySheet` each sheet as `<book>-<sheet>.csv`. LibreOffice's
 * profile goes under `work`, not the user's. Returns its exit status and messages.
 */
export function saveAsCsv(
  books: readonly string[],
  out: string,
  work: string,
  everySheet = false,
): { status: number | null; stderr: string } {
  return spawnSync(
    'soffice',
    [
      '--headless',
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--convert-to',
      `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false${everySheet ? ',-1' : ''}`,
      '--outdir',
      out,
      ...books,
    ],
    { encoding: 'utf8', timeout: 240_000 },
  );
}
