/** Validation issues as data (contract §2): every problem is a value, never a thrown string. */
import type { Bilingual } from './fields.ts';

export const ISSUE_CODES = [
  'encoding-error',
  // A file or folder that cannot or must not be read (contract 1.1 §2 "Files and folders"):
  // a directory, FIFO or device, a link leading outside the export, a file too large, two
  // names differing only in case, a hidden or misnamed region folder.
  'file-error',
  'private-in-public',
  'blank-header',
  'duplicate-header',
  'missing-column',
  'unknown-column',
  'extra-cell',
  'missing-cell',
  'type-error',
  'constraint-error',
  'enum-error',
  'unique-error',
  'foreign-key-error',
  'consistency-error',
  'excel-damage',
  // Not in the contract's list: a .csv file whose name is not one of the contract's files.
  // A warning, so that no file (and no row) is ever ignored without a word.
  'unknown-file',
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export const WARNING_CODES: ReadonlySet<IssueCode> = new Set(['unknown-column', 'unknown-file']);

export interface Issue {
  region: string;
  file: string;
  /** 1-based, header = row 1; null for file-level problems. */
  row: number | null;
  column: string | null;
  code: IssueCode;
  /** The offending cell as written, masked for private columns. */
  value: string | null;
  /** Indonesian first, then English. */
  message: string;
  message_id: string;
  message_en: string;
}

export function issue(
  at: { region: string; file: string; row?: number | null; column?: string | null; value?: string | null },
  code: IssueCode,
  msg: Bilingual,
): Issue {
  return {
    region: at.region,
    file: at.file,
    row: at.row ?? null,
    column: at.column ?? null,
    code,
    value: at.value ?? null,
    message: `${msg.id} — ${msg.en}`,
    message_id: msg.id,
    message_en: msg.en,
  };
}

export const isWarning = (i: Issue) => WARNING_CODES.has(i.code);

/** What a private cell looks like in a report: enough to find it, nothing to reuse. */
export function maskPrivate(value: string): string {
  return `[disamarkan, ${[...value].length} karakter]`;
}
