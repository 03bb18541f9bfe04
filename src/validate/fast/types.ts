/**
 * What the threads reading a large file in slices say to each other (parallel.ts, slice-worker.ts):
 * kept apart from both, so neither needs the other for its types.
 */
import type { Issue } from '../../contract/issues.ts';
import type { Dialect } from '../../read/dialect.ts';
import type { TablePart } from '../table.ts';
import type { PackedStrings } from './packed.ts';

export interface ParallelOptions {
  /** Files smaller than this are streamed on the main thread (default DEFAULT_MIN_BYTES). */
  minBytes?: number;
  /** Threads reading slices, the main thread one of them (default: the cores, at most 2; below 2, none). */
  workers?: number;
}

/** What a thread is asked to do: one slice of one file. */
export interface SliceTask {
  region: string;
  file: string;
  buffer: SharedArrayBuffer;
  start: number;
  end: number;
  dialect: Dialect;
  newline: '\n' | '\r\n';
  header: string[];
  headerRow: number;
  unitCodes: string[] | null;
}

/** What a thread gives back; rows are counted from the slice's first line (= 1). */
export interface SliceResult {
  encodingError: boolean;
  lines: number;
  dataRows: number;
  /** Data rows read by FastRows (the others the general way). */
  fastRows: number;
  issues: Issue[];
  stages: Uint8Array;
  privateValues: PackedStrings;
  /** anchorCode of each private value (private-anchor.ts): the privacy check then looks up a bit for most. */
  privateCodes: Int32Array;
  /** Rows that reached the uniqueness check, and their key per unique constraint. */
  keyRows: Int32Array;
  keys: PackedStrings[];
  /** hashKey of each key, per unique constraint. */
  keyHashes: Int32Array[];
  codes: string[];
  table: TablePart;
}

/** One file's slices, for the threads to share: each takes the next one not yet taken. */
export interface SliceJob {
  id: number;
  tasks: SliceTask[];
  /** The number of the next slice to take, shared by the threads (Atomics.add). */
  next: Int32Array;
}

/** What a worker sends back: slice `s` of job `id` read, or the error that stopped it. */
export type SliceMessage = { id: number; s: number; result: SliceResult } | { id: number; error: string };
