/**
 * The last gate before anything is published (contract §5): refuses the build if a staged
 * file holds an NIP-like number or any value of a private input column. It scans what is
 * about to be written, not what the code intends to write.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import Papa from 'papaparse';
import { INPUTS } from '../contract/inputs/index.ts';
import { TABLES } from '../contract/published.ts';

/** NIP structure: birth date, appointment year-month, sex, sequence; spaces allowed as printed. */
export const NIP_LIKE = /(?<![0-9])19[5-9][0-9](?:0[1-9]|1[0-2])[0-3][0-9] ?(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2]) ?[12] ?[0-9]{3}(?![0-9])/;

const TEXT_FILES = /\.(html|csv|json|js|mjs|txt|xml|svg|css|md)$/i;

export interface Leak {
  file: string;
  what: string;
}

async function* walk(dir: string): AsyncGenerator<string> {
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

/**
 * The contract's own words: enum values and labels of the inputs and of the published tables.
 * A respondent whose saran is just "Sangat Baik", or a complaint whose uraian is "waktu", says
 * nothing about anyone, and would otherwise match the published `kinerja` or `kategori` cells
 * and stop every build.
 */
const VOCABULARY: ReadonlySet<string> = new Set([
  ...INPUTS.flatMap((i) => Object.values(i.fields).flatMap((f) => (f.options ?? []).flatMap((o) => [o.value, o.label.id, o.label.en]))),
  ...TABLES.flatMap((t) => t.columns.flatMap((c) => ('enum' in c && c.enum ? [...c.enum] : []))),
]);

/** Private values worth matching exactly: short or purely numeric ones would match counts and codes by chance. */
export function meaningfulPrivateValues(values: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const v of values) if (v.length >= 4 && !/^\d{1,17}$/.test(v) && !VOCABULARY.has(v)) out.add(v);
  return out;
}

export async function scanForLeaks(root: string, privateValues: ReadonlySet<string>): Promise<Leak[]> {
  const leaks: Leak[] = [];
  for await (const path of walk(root)) {
    if (!TEXT_FILES.test(path)) continue;
    const text = await readFile(path, 'utf8');
    const file = relative(root, path);
    const nip = NIP_LIKE.exec(text);
    if (nip) leaks.push({ file, what: `angka mirip NIP / NIP-like number at offset ${nip.index}` });
    if (path.endsWith('.csv') && privateValues.size > 0) {
      const rows = Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
      let found = 0;
      for (let r = 1; r < rows.length && found < 3; r++) {
        for (const cell of rows[r]) {
          const c = cell.startsWith("'") ? cell.slice(1) : cell;
          if (privateValues.has(c)) {
            leaks.push({ file, what: `nilai kolom privat di baris ${r + 1} / a private column's value on row ${r + 1}` });
            found++;
          }
        }
      }
    }
  }
  return leaks;
}
