/** The shape of an input file of the export contract (§3). */
import type { Bilingual, Field, RecordOf } from './fields.ts';
import type { IssueCode } from './issues.ts';

/** A problem found by a cross-column rule on one valid row. */
export interface RowProblem {
  code: Extract<IssueCode, 'consistency-error' | 'constraint-error'>;
  column: string | null;
  message: Bilingual;
}

/** What a cross-column rule returns for a row that keeps it: one shared empty list, no new one per row. */
export const NO_PROBLEMS: readonly RowProblem[] = Object.freeze([]);

export interface InputFile<F extends Record<string, Field> = Record<string, Field>> {
  file: string;
  title: Bilingual;
  fields: F;
  /** Column sets that must be unique within a region. */
  unique: readonly (readonly (keyof F & string)[])[];
  /** Cross-column rules, run on rows whose cells are all valid. */
  check?(row: RecordOf<F>): readonly RowProblem[];
}

/** Any input file, for code that handles them all alike (the reader and validator). */
export interface AnyInputFile {
  file: string;
  title: Bilingual;
  fields: Record<string, Field>;
  unique: readonly (readonly string[])[];
  check?(row: never): readonly RowProblem[];
}

export function defineInput<F extends Record<string, Field>>(spec: InputFile<F>): InputFile<F> {
  return spec;
}

export type RowOf<I> = I extends InputFile<infer F> ? RecordOf<F> : never;
