/**
 * Issue #15 item 8: the sample exports damaged at random — bytes, lines, cells, headers, file and
 * folder names — and run through the real `npm run validate`. Whatever the damage: exit status 0
 * or 1, never a stack trace, never past the timeout, and every data row of every file used or
 * named by an issue (the --json report's files: rows read, rows used). Seeded: a failure names
 * its seed and region, and reproduces.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const DATA = 'data';
/** Lines kept of each sample file: the damage, not the size, is under test. */
const KEEP_LINES = 80;
const REGIONS_PER_RUN = 8;
/** More seeds by hand: KT_FUZZ_SEEDS=100,101,102 npx vitest run … test/unit/fuzz.test.ts */
const SEEDS = process.env.KT_FUZZ_SEEDS ? process.env.KT_FUZZ_SEEDS.split(',').map(Number) : [11, 23, 37];
const TIMEOUT_MS = 45_000;

/** Seeded generator (an LCG, as Plot's tests use): the same seed, the same damage. */
function lcg(seed: number) {
  let s = seed >>> 0;
  const next = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return {
    next,
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)],
  };
}
type Rnd = ReturnType<typeof lcg>;

const JUNK_CELLS = [
  '',
  ' ',
  '"',
  '""',
  'a"b',
  '"x',
  '1.98609E+17',
  '31/02/2025',
  '45678',
  '-1',
  '99999999999999999999',
  'é',
  ',',
  ';',
  '\t',
  'NULL',
  'x'.repeat(5000),
  '\u00a0',
  'Di Atas Ekspektasi',
  '2025 S1',
];
const JUNK_BYTES = [[0x00], [0xe9], [0x22], [0x0d], [0x0a], [0x0d, 0x0a], [0x2c], [0x3b], [0x09], [0xff], [0xef, 0xbb, 0xbf], [0xc3]];
const ENDS = ['\n', '\r\n', '\r'];

/** One damage to the text of a CSV file (a sample file's first lines). */
function damageText(text: string, r: Rnd): string {
  const lines = text.split('\n');
  const delim = lines[0].includes(';') ? ';' : ',';
  const at = () => 1 + r.int(Math.max(1, lines.length - 1));
  switch (r.int(9)) {
    case 0: // a cell replaced by junk
    case 1: {
      const i = at();
      const cells = lines[i].split(delim);
      cells[r.int(cells.length)] = r.pick(JUNK_CELLS);
      lines[i] = cells.join(delim);
      break;
    }
    case 2: {
      // a header renamed, blanked, repeated, dropped or written the Excel way
      const cells = lines[0].split(delim);
      const k = r.int(cells.length);
      const how = r.int(5);
      if (how === 0) cells[k] = r.pick(['', 'kolom_baru', cells[(k + 1) % cells.length]]);
      else if (how === 1) cells.splice(k, 1);
      else if (how === 2) cells.push(cells[k]);
      else if (how === 3) cells[k] = ` ${cells[k].toUpperCase().replace(/_/g, ' ')} `;
      else cells[k] = 'x'.repeat(70_000);
      lines[0] = cells.join(delim);
      break;
    }
    case 3: {
      // lines repeated, dropped, swapped, blanked
      const i = at();
      const how = r.int(4);
      if (how === 0) lines.splice(i, 0, lines[i]);
      else if (how === 1) lines.splice(i, 1);
      else if (how === 2) [lines[i], lines[0]] = [lines[0], lines[i]];
      else lines.splice(i, 0, r.pick(['', delim.repeat(5), '   ']));
      break;
    }
    case 4: // every line end chosen at random
      return lines.map((l, i) => l + (i < lines.length - 1 ? r.pick(ENDS) : '')).join('');
    case 5: // a quote opened and never closed, or a cell longer than a row may be
      lines[at()] += r.pick(['"', ',"', `,"${'y'.repeat(1_100_000)}`]);
      break;
    case 6: // cut short in the middle of a line
      return text.slice(0, r.int(text.length));
    case 7: // emptied
      return r.pick(['', '\ufeff', '\n\n']);
    default: {
      // cells shifted: a delimiter added or taken away
      const i = at();
      const p = lines[i].indexOf(delim);
      lines[i] = p >= 0 && r.next() < 0.5 ? lines[i].slice(0, p) + lines[i].slice(p + 1) : lines[i] + delim;
    }
  }
  return lines.join('\n');
}

function damageBytes(bytes: Buffer, r: Rnd): Buffer {
  const p = r.int(bytes.length + 1);
  return Buffer.concat([bytes.subarray(0, p), Buffer.from(r.pick(JUNK_BYTES)), bytes.subarray(p + (r.next() < 0.3 ? 1 : 0))]);
}

/** One damage to the names and kinds of a region's files; returns the region folder's (maybe new) name. */
async function damageNames(dir: string, region: string, r: Rnd): Promise<string> {
  const path = join(dir, region);
  const files = (await readdir(path)).sort();
  const f = r.pick(files);
  switch (r.int(8)) {
    case 0:
      await rename(join(path, f), join(path, f.toUpperCase()));
      break;
    case 1:
      await copyFile(join(path, f), join(path, f.toUpperCase()));
      break;
    case 2:
      await rename(join(path, f), join(path, f.replace('.', ' (1).')));
      break;
    case 3:
      await rm(join(path, f));
      await mkdir(join(path, f));
      break;
    case 4:
      await rm(join(path, f));
      if (r.next() < 0.5) await symlink('/etc/passwd', join(path, f));
      break;
    case 5:
      await writeFile(
        join(path, 'wilayah.json'),
        r.pick(['', '[]', '{"nama":', 'null', '{"nama":"X","provinsi":"Y","tanggal_ekspor":"15/01/2026"}']),
      );
      break;
    case 6: {
      const name = r.pick([`.${region}`, region.toUpperCase(), `${region} lama`]);
      await rename(path, join(dir, name));
      return name;
    }
    default:
      await writeFile(join(path, r.pick(['catatan.txt', 'skm-lama.csv', '.~lock.skm.csv#'])), 'x\n');
  }
  return region;
}

/** An export of REGIONS_PER_RUN damaged copies of the sample's regions (their first lines). */
async function damagedExport(dir: string, seed: number): Promise<string[]> {
  const r = lcg(seed);
  const samples = (await readdir(DATA, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const names: string[] = [];
  for (let k = 0; k < REGIONS_PER_RUN; k++) {
    const from = join(DATA, samples[k % samples.length]);
    let region = `w${seed}-${k}`;
    await mkdir(join(dir, region));
    for (const f of await readdir(from)) {
      const bytes = await readFile(join(from, f));
      const keep = f.endsWith('.csv') ? Buffer.from(bytes.toString('utf8').split('\n').slice(0, KEEP_LINES).join('\n') + '\n') : bytes;
      await writeFile(join(dir, region, f), keep);
    }
    const csvs = (await readdir(join(dir, region))).filter((f) => f.endsWith('.csv')).sort();
    for (let d = 1 + r.int(4); d > 0; d--) {
      const what = r.int(4);
      if (what === 3) {
        region = await damageNames(dir, region, r);
        break; // the region folder may have a new name, or be no region at all
      }
      const f = join(dir, region, r.pick(csvs));
      const bytes = await readFile(f).catch(() => null);
      if (!bytes) continue;
      await writeFile(f, what === 0 ? damageBytes(bytes, r) : Buffer.from(damageText(bytes.toString('latin1'), r), 'latin1'));
    }
    names.push(region);
  }
  return names;
}

interface Run {
  status: number | null;
  signal: string | null;
  killed: boolean;
  output: string;
}

function validate(dataDir: string, json: string): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['scripts/run.mjs', 'validate', '--data', dataDir, '--json', json],
      { env: { ...process.env, KT_DEBUG: '' }, timeout: TIMEOUT_MS, maxBuffer: 64 << 20 },
      (err, stdout, stderr) => {
        const e = err as (Error & { code?: number; signal?: string; killed?: boolean }) | null;
        done({
          status: e ? (typeof e.code === 'number' ? e.code : null) : 0,
          signal: e?.signal ?? null,
          killed: e?.killed ?? false,
          output: stdout + stderr,
        });
      },
    );
  });
}

interface Issue {
  region: string;
  file: string;
  row: number | null;
  code: string;
}
interface Report {
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
  files: { region: string; file: string; rows: number; used: number }[];
}

const STACK = /^\s+at .+:\d+:\d+\)?$/m;
/** Issues on the header, not on a data row. */
const HEADER_CODES = new Set(['blank-header', 'duplicate-header', 'unknown-column']);

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'kt-fuzz-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('validate on damaged exports (seeded)', () => {
  test.each(SEEDS)('seed %i: exit 0 or 1, no stack trace, in time, every row used or reported', async (seed) => {
    const dir = join(root, `s${seed}`);
    await mkdir(dir);
    const regions = await damagedExport(dir, seed);
    const json = join(root, `s${seed}.json`);
    const run = await validate(dir, json);

    expect(run.killed, `seed ${seed}: over ${TIMEOUT_MS} ms`).toBe(false);
    expect(run.signal, `seed ${seed}: killed by a signal`).toBeNull();
    expect([0, 1], `seed ${seed}: exit status ${run.status}\n${run.output.slice(-2000)}`).toContain(run.status);
    expect(run.output).not.toMatch(STACK);
    expect(run.output).not.toMatch(/node:internal|\.ts:\d+:\d+/);

    const report = JSON.parse(await readFile(json, 'utf8')) as Report;
    const issues = [...report.errors, ...report.warnings];
    // Every region folder is a region of the report, or is named by an issue.
    for (const region of regions) {
      const seen = report.files.some((f) => f.region === region) || issues.some((i) => i.region === region || i.file === region);
      expect(seen, `seed ${seed}: region folder "${region}" vanished`).toBe(true);
    }
    // Every file read: each data row used, or named by an error of its own.
    for (const f of report.files) {
      const own = report.errors.filter((i) => i.region === f.region && i.file === f.file);
      const where = `seed ${seed}: ${f.region}/${f.file} (${f.rows} rows, ${f.used} used)`;
      expect(f.used, where).toBeLessThanOrEqual(f.rows);
      // A file-level issue (no row), a file-error or an encoding-error reports the whole file.
      if (own.some((i) => i.row === null || i.code === 'file-error' || i.code === 'encoding-error')) continue;
      const rejected = new Set(own.filter((i) => !HEADER_CODES.has(i.code)).map((i) => i.row));
      expect(f.used + rejected.size, where).toBeGreaterThanOrEqual(f.rows);
    }
  });
});
