/** What the checker's page and its worker say to each other. */
import type { ExportReport } from '../../validate/regions.ts';
import type { PickedFile } from './picked-folder.ts';

export type ToWorker = { files: PickedFile[] };

export type FromWorker =
  | { type: 'progress'; region: string; file: string; rows?: number; bytes?: number; size: number }
  | { type: 'done'; report: ExportReport }
  | { type: 'failed'; message: string };

/** The region name of loose files (dropped without their folder): a valid region code, said on the page. */
export const LOOSE_REGION = 'wilayah';
