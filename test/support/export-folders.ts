/**
 * The export folders among the fixtures (a folder whose sub-folders hold contract files; errors/
 * and leak/ hold one per case) and the sample data/: what the checker and the CLI must judge alike.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { INPUTS } from '../../src/contract/inputs/index.ts';

const CONTRACT = new Set(['wilayah.json', ...INPUTS.map((i) => i.file)]);
const dirs = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(dir, e.name));
const holdsContract = (dir: string) => readdirSync(dir).some((n) => CONTRACT.has(n.toLowerCase()));

function exportsUnder(dir: string): string[] {
  if (dirs(dir).some(holdsContract)) return [dir];
  return dirs(dir).flatMap(exportsUnder);
}

export const EXPORT_FOLDERS: string[] = [...exportsUnder('test/fixtures'), 'data'].sort();

/** Every file under `dir` (hidden ones too), as the picker gives them: paths from the folder's parent. */
export function pickedFiles(dir: string): { path: string; abs: string }[] {
  const out: { path: string; abs: string }[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const abs = join(d, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else out.push({ path: `${basename(dir)}/${relative(dir, abs).split('\\').join('/')}`, abs });
    }
  };
  walk(dir);
  return out;
}

export const asPicked = (dir: string) => pickedFiles(dir).map(({ path, abs }) => ({ path, file: new Blob([readFileSync(abs)]) }));
