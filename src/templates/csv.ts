/** The CSV template of an input file: the contract's header and the two example rows. */
import type { AnyInputFile } from '../contract/input.ts';
import { quoteCsv } from '../charts/csv-text.ts';
import { EXAMPLES, type Examples } from './examples.ts';
import { sheetName } from './columns.ts';

/** Example rows of an input file, one cell per contract column in the contract's order. */
export function exampleRows(input: AnyInputFile): string[][] {
  const rows = EXAMPLES[sheetName(input) as keyof Examples] as readonly Record<string, string>[];
  return rows.map((row) => Object.keys(input.fields).map((c) => row[c] ?? ''));
}

/** Comma-separated, CRLF line ends (as Excel writes "CSV UTF-8"), no BOM. */
export function templateCsv(input: AnyInputFile): string {
  return [Object.keys(input.fields), ...exampleRows(input)].map((cells) => cells.map(quoteCsv).join(',')).join('\r\n') + '\r\n';
}
