/** Published CSV (contract §6): UTF-8, comma, `.` decimals, RFC 4180, safe to open in Excel. */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { PublishedRow, PublishedTable } from '../contract/published.ts';

const NEEDS_QUOTES = /[",\r\n]/;
const FORMULA_START = /^[=+\-@]/;

/** One cell as text. Text that Excel would run as a formula gets a leading apostrophe. */
export function formatCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const csvLine = (cells: readonly (string | number | null)[]) => cells.map(formatCell).join(',') + '\r\n';

/** Streams rows to a file in the table's column order; returns the number of rows. */
export async function writeCsv(path: string, table: PublishedTable, rows: Iterable<PublishedRow>): Promise<number> {
  const out = createWriteStream(path, { encoding: 'utf8' });
  const names = table.columns.map((c) => c.name);
  let buffer = csvLine(names);
  let n = 0;
  for (const row of rows) {
    buffer += csvLine(names.map((k) => row[k] ?? null));
    n++;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return n;
}
