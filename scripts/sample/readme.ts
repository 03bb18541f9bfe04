/**
 * data/README.md, written by the generator itself so that its row counts and stories can
 * never drift from the files next to it.
 */
import type { RegionContext, RegionSpec } from './region.ts';
import { COLUMNS, type FileName } from './columns.ts';

const FILES = Object.keys(COLUMNS) as FileName[];

function countsTable(regions: readonly RegionSpec[], contexts: readonly RegionContext[]): string {
  const header = `| region | ${FILES.join(' | ')} |`;
  const rule = `|---|${FILES.map(() => '---:').join('|')}|`;
  const lines = regions.map((r, i) => {
    const rows = (f: FileName) => contexts[i].written.find((w) => w.file === `${f}.csv`)?.rows;
    return `| \`${r.kode}\` | ${FILES.map((f) => rows(f)?.toLocaleString('en-US') ?? '—').join(' | ')} |`;
  });
  return [header, rule, ...lines].join('\n');
}

export function readme(regions: readonly RegionSpec[], contexts: readonly RegionContext[]): string {
  const sections = regions.map((r) =>
    [
      `### \`${r.kode}\` — ${r.wilayah.nama} (${r.wilayah.provinsi})`,
      '',
      `Dialect: ${r.dialek}`,
      '',
      ...r.cerita.map((c) => `- ${c}`),
    ].join('\n'),
  );
  return `# Sample data — DATA SINTETIS

**Everything in this folder is synthetic.** *Seluruh data di folder ini adalah data sintetis untuk demonstrasi.*
The regions and their offices are real places, named so that the stories read naturally, but
every number, NIP, name, respondent, complaint and score was invented by a program. The
figures say nothing about the actual performance of these governments or of any person.
NIPs have the real 18-digit shape (birth date, appointment month, sex, sequence) with random
dates; names are blank or "Pegawai Contoh 001"; contacts use \`example.go.id\`. Each
\`wilayah.json\` says so in \`sumber\`.

## How it is made

\`npm run sample\` (\`scripts/sample.ts\`, compiled) regenerates this folder. The generator is
deterministic: a seeded PRNG (mulberry32, one named stream per region and file), no clock,
no \`Math.random\`, so it writes the same bytes on every run. The story parameters — units,
headcounts, services, indicator targets, trends — are tables at the top of
\`scripts/sample/regions/*.ts\`; shared helpers live in \`scripts/sample/\`.

For benchmarks, \`npm run sample -- --scale 1000000 --out tmp/skala\` streams one
region \`skala\` with exactly N survey rows and 0.2·N appraisal rows (not committed).

Every file follows the export contract (§1–§3) and \`npm run validate\` reports no error and no
warning. Not every region has every file: a missing file means "no such data", as the
contract allows.

## Rows per file

${countsTable(regions, contexts)}

## What the files exercise

- All three delimiters (\`,\` \`;\` tab), UTF-8 with and without BOM, LF and CRLF, decimal comma and
  thousands separators in \`;\` files, the three date orders, Excel's trailing \`;;;;\` lines.
- Enumerations as codes, long labels, upper case, hyphens and spaces.
- Blank optional cells: unanswered unsur (never all nine), 2025 realisations not yet reported,
  open complaints without a resolution date, months with no completed applications.
- Privacy: appraisal groups below the threshold of 10 (Maulafa, Jayapura, Manokwari), one group
  at exactly 10 (Kelurahan Sikumana, 2024), small predikat cells.
- Survey samples above and below the Krejcie–Morgan minimum (Jakarta, Maulafa, Manokwari).

## Stories

${sections.join('\n\n')}
`;
}
